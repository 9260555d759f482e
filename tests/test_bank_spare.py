"""A bank of two blanks prints a spare word (banks.banked) only where it costs no room: where it would
take the bank to a second line or widen the blanks, the bank keeps its two answers, so the spare never
costs a page (at first it cost 4 of 280 large-print word-bank builds a page each)."""
from __future__ import annotations

import re

from conftest import CASES, Pdf
from studyguide.classroom import SetOptions, build_set
from studyguide.model import Accommodations

MEXICO = CASES / "layout" / "independencia-de-mexico.yaml"  # 'El Plan de [[Iguala]] … y [[Guerrero]] …'


def _quiz(tmp_path, edition):
    options = SetOptions(edition=edition, format="quiz", accommodations=Accommodations(word_bank=True),
                         own_accommodations=False)
    result = build_set(MEXICO, tmp_path / str(edition), "a4", options)
    handout, key = (Pdf(o.path) for o in result.outputs)
    banks = re.findall(r"Banco de palabras: (.+?) \d+\.", " ".join(handout.text.split()))
    return handout.page_count, key.page_count, banks[0].split(" · ")


def test_the_spare_word_prints_where_it_fits_and_stays_out_where_it_would_cost_a_page(tmp_path):
    pages, _, bank = _quiz(tmp_path, None)
    assert bank == ["criollos", "Guerrero", "Iguala"] and pages == 3  # (criollos: another blank's answer)
    pages, key_pages, bank = _quiz(tmp_path, "large-print")
    assert bank == ["Guerrero", "Iguala"]  # at 18 pt the third word took the bank to a second line
    assert (pages, key_pages) == (5, 5)  # as before the spare: 6 and 6 with it


def test_check_says_when_a_two_blank_bank_prints_its_answers_alone(tmp_path):
    # trial r14 finding 5: the ratio blanks' only spare, 6.02×10²³, was left out for its width, and `check` was
    # silent, as it read the guide (which holds the spare), not the bank as printed
    from conftest import write_guide
    from studyguide import budget
    path = write_guide(tmp_path, "moles.yaml", """\
        title: Moles
        questions:
          - type: fill_in_blank
            prompt: In 2H₂ + O₂ → 2H₂O, H₂ to H₂O is [[1:1]], and O₂ to H₂O is [[1:2]].
            word_bank: true
          - type: fill_in_blank
            prompt: Avogadro's number is [[6.02×10²³]] particles per mole.
            word_bank: true
        """)
    _, found, _ = budget.review(path)
    assert [str(p) for p in found if "question 1" in str(p)] == [
        f"{path}:3:5: warning: question 1: its word bank prints only the 2 answers of its blanks (1:1 · 1:2), so a "
        "student who knows one is given the other: the spare word the guide offers, '6.02×10²³', is wider than them "
        "and would widen the blanks, so it is left out; add a blank answered by a short number elsewhere in the "
        "guide, split it into questions of one blank each, or leave out 'word_bank'"]


def test_check_names_a_spare_left_out_for_a_second_line_and_not_one_that_prints(tmp_path):
    from studyguide import budget

    def bare(edition):
        _, found, _ = budget.review(MEXICO, "a4", "quiz", edition=edition, accommodated=True,
                                    extra=Accommodations(word_bank=True))
        return [p.message for p in found if "prints only the 2 answers" in p.message]
    assert bare("large-print") == [  # (the quiz above: 'criollos' printed in the standard edition, not at 18 pt)
        "question 6: its word bank prints only the 2 answers of its blanks (Iguala · Guerrero), so a student who "
        "knows one is given the other: the spare word the guide offers, 'criollos', would take the bank to a second "
        "line, so it is left out; add a short vocabulary term elsewhere in the guide, split it into questions of one "
        "blank each, or leave out 'word_bank'"]
    assert bare(None) == []


def test_a_number_typed_in_other_digits_is_one_word_and_never_a_spare_for_its_own_value(tmp_path):
    # hostile r14 finding 6: '12' and '１２' (full-width) were two words, so the bank of the blank answered by
    # one printed the other as a spare (two right answers), and a bank could list both
    from conftest import build_into, write_guide
    path = write_guide(tmp_path, "numbers.yaml", """\
        title: Numbers
        questions:
          - {type: fill_in_blank, prompt: "A year has [[１２]] months.", word_bank: true}
          - {type: fill_in_blank, prompt: "A day has [[24]] hours.", word_bank: true}
          - {type: fill_in_blank, prompt: "A dozen is [[12]] eggs.", word_bank: true}
          - {type: fill_in_blank, prompt: "It was [[−4]] degrees, then [[-10]] and [[100]].", word_bank: true}
        """)
    built = build_into(path, tmp_path / "out")
    banks = [b.split(" · ") for b in re.findall(r"Word bank: (.+?) (?:\d+\.|$)", " ".join(built.student.text.split()))]
    assert banks[:3] == [["−4", "１２", "24", "100"], ["-10", "−4", "12", "24"], ["-10", "12", "24", "100"]], banks


def test_check_names_the_shorter_words_a_guide_already_has(tmp_path):
    # trial r16 finding 9a: told to "add a short vocabulary term" when the guide has 'ave' and 'hostil': the spare
    # is drawn among the words no longer than the longer answer, in letters, and 'diminuto' is wider in print
    from studyguide import budget
    path = CASES / "trial" / "el-almohadon.yaml"
    _, found, _ = budget.review(path, "letter")
    assert [str(p) for p in found if "prints only the 2 answers" in p.message] == [
        f"{path}:181:5: warning: question 8: its word bank prints only the 2 answers of its blanks (parásito · "
        "sangre), so a student who knows one is given the other: the spare word the guide offers, 'diminuto', is "
        "wider than them and would widen the blanks, so it is left out; the guide has shorter words ('tímida', "
        "'hostil', 'el ave'), but the spare is drawn at random (by the guide's 'seed:') from its words no longer "
        "than the longer answer: give the guide a 'seed:', or another one, to draw again (it reshuffles the "
        "activities too), split it into questions of one blank each, or leave out 'word_bank'"]
    seeded = (tmp_path / "seeded.yaml")
    seeded.write_text(path.read_text(encoding="utf-8").replace("language: es\n", "language: es\nseed: '1'\n", 1),
                      encoding="utf-8")
    _, found, _ = budget.review(seeded, "letter")  # (as it says: another draw, and the bank prints its spare)
    assert not [p for p in found if "prints only the 2 answers" in p.message]
