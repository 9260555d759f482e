"""Brackets beside Hebrew or Arabic text, as a reader reads them (UAX #9 rule N0, paired brackets)."""
from __future__ import annotations

import random

import pypdf
import pytest

from bidi_reference import reference as _reference
from conftest import build_into, write_guide
from test_rtl_lines import _chars as _boxes  # (character, left, right, bottom) of each drawn, as pdfium places it
from studyguide import api
from studyguide.classroom import SetOptions, build_set
from studyguide import bracketpairs, rtl


def test_mixed_lines_are_ordered_as_the_unicode_algorithm_with_bracket_pairs_orders_them(monkeypatch):
    """Random lines of Arabic and Latin letters, digits, vowel marks, brackets and punctuation, in both
    directions, against the reference; studyguide's own two rules (a number before a Latin unit, the full stop of
    an aside in brackets) are left out here."""
    monkeypatch.setattr(rtl, "_numbers_join_their_unit", lambda chars: None)
    monkeypatch.setattr(bracketpairs, "_aside_ends_in_its_direction", lambda chars, end: None)
    alphabet = list("abc xyz") + list("غرفأبي") + list("()[]{}") + [" "] * 3 + list(".,:/-→!") + ["\u064f", "\u064e"] \
        + list("19")
    pick = random.Random(12)
    checked = 0
    while checked < 4000:
        line = "".join(pick.choice(alphabet) for _ in range(pick.randint(2, 18)))
        if rtl.has_rtl(line):
            for right_to_left in (False, True):
                assert rtl.display(line, right_to_left) == _reference(line, right_to_left), (line, right_to_left)
                checked += 1


@pytest.mark.parametrize("line, right_to_left, shown", [
    ("like 3 غرف (3 rooms), are", False, "like 3 فرغ (3 rooms), are"),
    ("أب / father (ab) / هذا أب سعيد.", True, ".ديعس بأ اذه / father (ab) / بأ"),
    ("(ab) أب", True, "بأ (ab)"),
    ("هذا [[أبي]]. (This is my father.)", True, "(This is my father.) .[[يبأ]] اذه"),  # (UAX #9: "(.This")
    ("I said (هذا أبي.) twice", False, "I said (.يبأ اذه) twice"),  # its full stop at its left, where it ends
    ("أب (3 rooms.)", True, "(3 rooms.) بأ"),
])
def test_a_bracketed_aside_keeps_its_brackets_round_it(line, right_to_left, shown):
    assert rtl.display(line, right_to_left) == shown


def _lines(path, page: int = 1) -> list[str]:
    """The text of each line drawn on a page, as drawn (left to right), top line first. Read from the content
    stream (pypdf): pdfium's text extraction runs its own bidi and reports a bracket beside Arabic mirrored."""
    rows: dict[float, list[tuple[float, str]]] = {}

    def seen(text, cm, tm, font, size):  # (a paragraph's line is one text object: its runs share its start)
        if text.strip():
            rows.setdefault(round(cm[5] + tm[5]), []).append((cm[4] + tm[4], text.replace("\n", "")))

    pypdf.PdfReader(str(path)).pages[page - 1].extract_text(visitor_text=seen)
    return ["".join(t for _, t in sorted(rows[y], key=lambda run: run[0])) for y in sorted(rows, reverse=True)]


def test_english_in_brackets_beside_arabic_prints_in_order_on_the_page(tmp_path):
    """The trial's bullet printed "like 3 3) غرف rooms)", and each vocabulary entry's transliteration "ab)(" ."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        takeaways:
          - Numbers inside Arabic text, like 3 غرف (3 rooms), are read left to right.
        vocabulary:
          - term: أب
            definition: father (ab)
            example: هذا أب سعيد.
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        latin = ["".join(c for c in line if c.isascii() and not c.isspace()) for line in _lines(pdf)]
        assert any("like3(3rooms),arereadlefttoright." in line for line in latin), latin
        assert any("father(ab)" in line for line in latin), latin


def test_an_english_aside_and_instruction_after_an_arabic_prompt_read_in_order(tmp_path):
    """The trial's Q8 printed "This is my father.) Write the missing word ... choosing from) . ____ هذا": the
    prompt's bracketed English, and the English instruction run in after it, read in order, each left to right."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        questions:
          - type: fill_in_blank
            prompt: "هذا [[أبي]]. (This is my father.)"
            word_bank: true
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        lines = ["".join(c for c in line if c.isascii() and not c.isspace()) for line in _lines(pdf)]
        assert "Writethemissingwordorwordsineachblank.(Thisismyfather.).1." in lines, lines


@pytest.mark.parametrize("why", ["Feminine: ة.", "غرفة ends in ة, so it is feminine and takes هذه."])
def test_the_keys_note_beside_arabic_choices_stays_clear_of_the_circled_answer(tmp_path, why):
    """Arabic choices under an English prompt have their letters at their columns' right edges: the key's "Why:"
    was set where the rows' text ended, over the circled B (trial finding 4)."""
    path = write_guide(tmp_path, "ar.yaml", f"""
        title: Bidi check
        language: ar
        questions:
          - type: multiple_choice
            prompt: "Which word completes the sentence? ____ غرفة كبيرة."
            choices: [هذا, هذه]
            answer: B
            explanation: "{why}"
        """)
    built = build_into(path, tmp_path / "out")
    chars = _boxes(built.key.path)
    letter = next(t for t, after in zip(chars, chars[1:]) if t[0] == "B" and after[0] == ".")  # (not "Bidi")
    size = letter[2] - letter[1]
    notes = [t for t in chars if t[0] == "W" and abs(t[3] - letter[3]) < 4]  # "Why:" on the choices' line
    for _, left, _, _ in notes:
        assert left > letter[2] + size, (letter, notes)  # right of the ring round B
    for _, left, right, bottom in chars:  # and no letter of the note on the ring
        if abs(bottom - letter[3]) < 4 and (left, right) != letter[1:3]:
            assert right <= letter[1] - size * 0.3 or left >= letter[2] + size * 0.3, (letter, left, right)


_NOTES = """
    title: Bidi check
    language: ar
    topics:
      - title: Family
        summary: "Add ـي to a noun to say my: أب → أبي (my father)."
        points:
          - "كم أخًا عندك؟ — How many brothers?"
    vocabulary:
      - term: أب
        definition: father
      - term: أخ
        definition: brother
    """


def _arabic(chars) -> list:
    return [t for t in chars if rtl.has_rtl(t[0])]


@pytest.mark.parametrize("form", ["notes", "cornell"])
def test_a_notes_keys_arabic_answer_stands_in_the_handouts_blank(tmp_path, form):
    """Trial finding 3: the key printed "____أبي → ______أب", its answer on the other side of the arrow from the
    handout's blank ("______ → أبي"), the blank's rule in two pieces; and أخ blanked in أخًا left "ًا" after it."""
    path = write_guide(tmp_path, "ar.yaml", _NOTES)
    build_set(path, tmp_path, None, SetOptions(format=form))
    handout, key = tmp_path / f"ar-{form}.pdf", tmp_path / f"ar-{form}-key.pdf"
    for pdf, answer in ((handout, 0), (key, 2)):
        chars = _boxes(pdf)
        arrow = next(t for t in chars if t[0] == "→")
        colon = next(t for t in chars if t[0] == ":" and t[3] == arrow[3])
        paren = min((t for t in chars if t[0] in "()" and t[3] == arrow[3] and t[1] > arrow[1]), key=lambda t: t[1])
        line = _arabic(t for t in chars if abs(t[3] - arrow[3]) < 5)  # (pdfium reports a bracket by Arabic mirrored)
        assert len([t for t in line if colon[2] <= t[1] and t[2] <= arrow[1]]) == answer, (pdf.name, line)
        assert len([t for t in line if arrow[2] <= t[1] and t[2] <= paren[1]]) == 3, (pdf.name, line)  # أبي
        marks = [t for t in chars if "\u064b" in t[0] or "\ufe70" <= t[0] <= "\ufe71"]  # the tanween of أخًا
        assert len(marks) == (answer > 0), (pdf.name, marks)


def test_a_cloze_blank_takes_the_vowel_marks_of_its_word(tmp_path):
    """Trial finding 9: عائلة blanked in "عائلةُ سارةَ كبيرةٌ." left its damma beside the blank, a hint; the whole
    word is now the blank, and the key writes it with its mark."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        activities: [cloze]
        vocabulary:
          - term: عائلة
            definition: family
            example: عائلةُ سارةَ كبيرة.
          - term: بيت
            definition: house
            example: هذا بيتٌ كبير.
        """)
    built = build_into(path, tmp_path / "out")
    for pdf, shown in ((built.student, False), (built.key, True)):
        chars = "".join(t[0] for t in _boxes(pdf.path, len(pdf.pages)))
        cloze = chars[chars.index("VocabularyinContext"):]  # (the vocabulary table above has the examples whole)
        assert ("\u064f" in cloze) is shown and ("\u064c" in cloze) is shown, (pdf.path.name, cloze)


def test_arabic_ordering_items_stand_beside_their_boxes(tmp_path):
    """Trial finding 10: under an English prompt each numbering box was at the left margin and its Arabic item
    flush right, some 5 in away; the item now stands by its box (the key's number in it here)."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        questions:
          - type: ordering
            prompt: Put the words in order to make the sentence "My sister is in the kitchen."
            items: [أختي, في, المطبخ]
        """)
    built = build_into(path, tmp_path / "out")
    chars = _boxes(built.key.path)
    for digit in "123":  # (each drawn after its item: not the question's "1." nor the instruction's "1 for")
        number = next(t for t, before in zip(chars[1:], chars) if t[0] == digit and rtl.has_rtl(before[0]))
        item = [t for t in _arabic(chars) if abs(t[3] - number[3]) < 8]
        assert item and min(t[1] for t in item) - number[2] < 30, (number, item)


def test_an_arabic_word_banks_lines_start_with_a_word(tmp_path):
    """Trial finding 9: the cloze bank's first line, read from the right, began with a stray "·": the English
    label made the paragraph left to right, and the dot before the line's break went to that direction's end."""
    terms = "".join(f"\n          - term: {w}\n            definition: d{n}\n            example: هذا {w} كبير."
                    for n, w in enumerate("عائلة بيت غرفة مطبخ حديقة حمام نافذة باب أب أم أخ أخت ابن بنت جد جدة".split()))
    path = write_guide(tmp_path, "ar.yaml", "title: Bidi check\nlanguage: ar\nactivities: [cloze]\nvocabulary:" + terms)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        page = len(pdf.pages)
        chars = _boxes(pdf.path, page)
        label = next(t for t, after in zip(chars, chars[1:]) if t[0] == "W" and after[0] == "o")
        first = label[3]
        second = max(t[3] for t in chars if t[3] < first - 4 and rtl.has_rtl(t[0]))  # the bank's next line
        for bottom in (first, second):
            line = sorted((t for t in chars if abs(t[3] - bottom) < 4), key=lambda t: t[1])
            assert rtl.has_rtl(line[-1][0]), (pdf.path.name, "".join(t[0] for t in line))  # its right end: a word


def test_an_arabic_term_is_found_after_the_article_written_onto_it(tmp_path):
    """Trial finding 9: بنت in "البنت" fell back to the definition ("___ means: girl"), and the warning said to
    write the term as a word of its own; the blank now follows the sentence's own article, as German's does."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        activities: [cloze]
        vocabulary:
          - term: بنت
            definition: girl
            example: البنت في المدرسة.
          - term: بيت
            definition: house
            example: والبيت كبير.
        """)
    built = build_into(path, tmp_path / "out")
    assert not [w for w in built.result.warnings if "بنت" in str(w) or "بيت" in str(w)], built.result.warnings
    for pdf in (built.student, built.key):
        chars = "".join(t[0] for t in _boxes(pdf.path, len(pdf.pages)))
        cloze = chars[chars.index("VocabularyinContext"):]
        assert "means" not in cloze and "girl" not in cloze and "house" not in cloze, cloze


def test_check_warns_of_an_arrow_that_would_print_pointing_back(tmp_path):
    """Trial finding 7: 'أب → أبي (my father)' prints 'أبي → أب': the Arabic words read right to left, the arrow
    does not turn. `check` says so, at the arrow, and what to write; '←', or an arrow between English words, is
    not named."""
    from studyguide import lint

    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        takeaways:
          - "Add ـي to a noun to say my: أب → أبي (my father)."
          - "Or: أم ← أمي, and cat → cats."
        """)
    found = [p for p in lint.check(api.load(path)) if "arrow" in p.message or "→" in p.message]
    assert [(p.where.line, p.where.col, p.message) for p in found] == [(4, 37, (
        "'Add ـي to a noun to say my: أب → أبي (m…': the words either side of '→' read right to left, so "
        "it prints pointing from the second word back to the first; write '←' there, which prints pointing from "
        "the first word to the second"))]
