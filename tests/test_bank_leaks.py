"""A word bank's spare words never answer a blank a student writes from memory when the guide has other words to
give it; when it has none, `build` says which question the bank gives away (trial r11, finding 9: geometry
Q12's bank printed '2πr · ¼', and 2πr answers Q11's second blank, just above it on page 4)."""
from __future__ import annotations

import re

from conftest import CASES, Pdf, write_guide
from studyguide import api

GEOMETRY = CASES / "trial" / "geometry-circles-triangles.yaml"


def test_a_bank_that_must_hold_another_blanks_answer_is_warned_about_at_its_question(tmp_path):
    result = api.build(GEOMETRY, tmp_path)
    handout = Pdf(result.outputs[0].path)
    page = next(i for i, text in enumerate(handout.pages, 1) if "sector is of the whole circle" in text)
    assert page == 4 and "Word bank: 2πr · ¼" in handout.pages[3] and "C = ." in handout.pages[3]  # (Q11 above)
    leaks = [str(w) for w in result.guide.warnings if "gives it away" in w.message]
    assert leaks == [f"{GEOMETRY}:118:5: warning: question 12: its word bank prints '2πr', the answer to question "
                     "11's second blank, which has no word bank: the bank gives it away (add another blank answered "
                     "by a number, give question 11 'word_bank: true' too, or leave out this question's 'word_bank')"]


RIVERS = """\
    title: Rivers
    vocabulary:
      - {term: delta, definition: Land built where a river meets the sea.}
      - {term: estuary, definition: Where fresh water meets salt water.}
      - {term: tributary, definition: A river that flows into a larger one.}
    questions:
      - type: fill_in_blank
        prompt: The longest river in Africa is the [[Nile]].
      - type: fill_in_blank
        prompt: The river with the most water is the [[Amazon]].
        word_bank: true
    """


def test_a_bank_takes_vocabulary_terms_before_an_answer_students_write_from_memory(tmp_path):
    path = write_guide(tmp_path, "rivers.yaml", RIVERS)
    result = api.build(path, tmp_path / "out")
    bank = re.search(r"Word bank: (.+?)$", " ".join(Pdf(result.outputs[0].path).text.split())).group(1)
    assert bank.split(" · ")[:3] + [bank.split(" · ")[3].split()[0]] == ["Amazon", "delta", "estuary", "tributary"]  # (not 'Nile': question 1's)
    assert not [w for w in result.guide.warnings if "word bank" in w.message]


def test_a_bank_given_another_blanks_answer_because_nothing_else_is_left_names_each(tmp_path):
    path = write_guide(tmp_path, "rivers.yaml", RIVERS.replace("      - {term: estuary", "      - {term: Ganges",
                                                               ).replace("vocabulary:\n      - {term: delta, "
                                                                         "definition: Land built where a river meets "
                                                                         "the sea.}\n", "vocabulary:\n"))
    found = [str(w) for w in api.load(path).warnings if "word bank" in w.message]
    assert found == [f"{path}:8:5: warning: question 2: its word bank prints 'Nile', the answer to question 1, which "
                     "has no word bank: the bank gives it away (add vocabulary terms, give question 1 'word_bank: "
                     "true' too, or leave out this question's 'word_bank')"]


SHAPES = """\
    title: Shapes
    vocabulary:
      - {term: Triangles, definition: Shapes with three sides.}
      - {term: Squares, definition: Shapes with four equal sides.}
      - {term: Angles, definition: What two lines meet at.}
    questions:
      - type: fill_in_blank
        prompt: A shape with three sides is a [[triangle]].
      - type: fill_in_blank
        prompt: The set of points at one distance from a centre is a [[circle]].
        word_bank: true
    """


def test_a_bank_word_that_is_another_form_of_an_answer_from_memory_is_warned_about(tmp_path):
    """'Triangles' in question 2's bank gives question 1's 'triangle' away as surely as 'triangle' would: the check
    compared whole words, case aside, and said nothing. The bank is made of the guide's answers, then its terms, one
    form of a word each: a term another form of a main answer is never printed (test below), so here 'triangle' is
    an answer question 1 also accepts, after '3-gon' (a number's form, never a word's spare)."""
    path = write_guide(tmp_path, "shapes.yaml", SHAPES.replace("[[triangle]]", "[[3-gon|triangle]]"))
    found = [str(w) for w in api.load(path).warnings if "word bank" in w.message]
    assert found == [f"{path}:9:5: warning: question 2: its word bank prints 'Triangles', the answer to question 1 "
                     "('triangle'), which has no word bank: the bank gives it away (add vocabulary terms, give "
                     "question 1 'word_bank: true' too, or leave out this question's 'word_bank')"]


def test_plural_endings_are_compared_but_other_final_letters_are_not():
    from studyguide.banks import inflected

    assert {inflected(w) for w in ("Triangles", "triangle", "TRIANGLE")} == {"triangle"}
    assert inflected("Boxes") == inflected("box") and inflected("cities") == inflected("City")
    assert inflected("right Triangles") == inflected("right triangle")
    for word in ("glass", "bus", "virus", "axis", "gas", "1990s", "US", "H₂O's"):  # (no plural's 's': kept)
        assert inflected(word) == word.casefold(), word



POLYGONS = """\
    title: Polygons
    vocabulary:
      - {term: Triangles, definition: Shapes with three sides.}
      - {term: Squares, definition: Shapes with four equal sides.}
      - {term: Hexagon, definition: A shape with six sides.}
    questions:
      - type: fill_in_blank
        prompt: A shape with three sides is a [[triangle]].
        word_bank: true
    """


def _bank(tmp_path, text) -> list[str]:
    path = write_guide(tmp_path, "polygons.yaml", text)
    handout = " ".join(Pdf(api.build(path, tmp_path / "out").outputs[0].path).text.split())
    return re.search(r"Word bank: (.+?) Polygons · Page", handout).group(1).split(" · ")


def test_a_banks_spare_words_are_never_another_form_of_its_answer_nor_two_forms_of_one_word(tmp_path):
    """'Triangles' beside 'triangle' in the bank of '[[triangle]]' points at the answer (the odd pair out) or
    leaves a student choosing between two right words; 'pentagon · pentagons' spends two spares on one choice.
    Spares were refused only when they were the answer itself, case aside: with three terms, all three printed."""
    assert _bank(tmp_path / "a", POLYGONS) == ["Hexagon", "Squares", "triangle"]
    two = POLYGONS.replace("{term: Triangles, definition: Shapes with three sides.}",
                           "{term: pentagons, definition: Shapes with five sides.}"
                           ).replace("{term: Hexagon, definition: A shape with six sides.}",
                                     "{term: pentagon, definition: A shape with five sides.}")
    bank = _bank(tmp_path / "b", two)
    assert len(bank) == 3 and "Squares" in bank and "triangle" in bank, bank  # (one pentagon, not two)


def test_a_bank_holding_two_forms_of_one_blanks_answers_names_that_blank_once(tmp_path):
    """'Trigon' and 'Triangles' both answer question 1's one blank: the warning read "the answers to question 1 and
    question 1 ('triangle'), which have no word bank" (smalls report, r13), naming one blank twice as if two."""
    path = write_guide(tmp_path, "shapes.yaml", SHAPES.replace("[[triangle]]", "[[3-gon|triangle|trigon]]").replace(
        "      - {term: Squares, definition: Shapes with four equal sides.}\n",
        "      - {term: Trigon, definition: An old word for a shape with three sides.}\n"))
    found = [str(w) for w in api.load(path).warnings if "word bank" in w.message]
    assert found == [f"{path}:9:5: warning: question 2: its word bank prints 'Trigon' and 'Triangles', the answers to "
                     "question 1 ('triangle'), which has no word bank: the bank gives it away (add vocabulary terms, "
                     "give question 1 'word_bank: true' too, or leave out this question's 'word_bank')"]
