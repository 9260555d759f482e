"""A language class's vocabulary list (40 German words, each with a one-word English meaning) in the
activities: the matching sets its short definitions in the terms' columns, the word search writes ß as SS
in its grid as in its list, the crossword's grid comes first, the flashcards' one-word backs are as large
as their fronts."""
from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import built_once, CASES, build_into, norm, page_texts
from studyguide import api, render
from studyguide import activities as act

DEUTSCH = CASES / "layout" / "deutsch-wortschatz.yaml"
LONG = CASES / "layout" / "matching-twenty-long-terms.yaml"


def letter_rows(pdf, page: int) -> list[list[str]]:
    """The definitions' letters (A. B. ...) on a page, row by row from the top, each row left to right."""
    found = []

    def visit(text, cm, tm, font, size):
        if re.fullmatch(r"[A-Z]\.", text.strip()):
            found.append((round(cm[5] + tm[5] * cm[3]), cm[4] + tm[4] * cm[0], text.strip()[0]))

    pdf.reader.pages[page].extract_text(visitor_text=visit)
    rows: dict[int, list] = {}
    for y, x, letter in found:
        rows.setdefault(y, []).append((x, letter))
    return [[letter for _, letter in sorted(rows[y])] for y in sorted(rows, reverse=True)]


@pytest.fixture(scope="module")
def deutsch_matching(tmp_path_factory):
    return built_once(tmp_path_factory, "test_vocabulary_shapes.deutsch_matching", DEUTSCH, activities=["matching"])


def test_one_word_definitions_go_in_the_terms_columns_and_40_pairs_take_two_pages(deutsch_matching):
    b = deutsch_matching
    # questions on page 1 and 2, the matching under them: 40 pairs on pages 2 and 3 (one definition a
    # line took pages 2 to 4, the last 67 % empty)
    assert b.student.page_count == b.key.page_count == 3
    assert "Vocabulary Matching" in b.student.pages[1] and "Set 4: terms" in b.student.pages[2]
    for pdf in (b.student, b.key):
        # three to a row, in the terms' three columns, read along the row as the terms are numbered
        # (set 1: 12 terms and a spare, 13 definitions in 5 rows; question 1's choices are lettered too)
        rows, grid = letter_rows(pdf, 1), [["A", "B", "C"], ["D", "E", "F"], ["G", "H", "I"], ["J", "K", "L"], ["M"]]
        assert any(rows[i:i + 5] == grid for i in range(len(rows)))
        assert "A. book B. chair C. dog D. school" in pdf.pages[1]


def test_every_definition_is_printed_once_under_its_letter(deutsch_matching):
    b = deutsch_matching
    text = " ".join(b.student.pages[1:])
    for term in b.guide.vocabulary:
        assert re.search(rf"\b[A-M]\. {re.escape(term.definition)}\b", text), term.definition


def test_definitions_of_a_few_lines_stay_one_a_line(tmp_path):
    b = build_into(LONG, tmp_path, activities=["matching"])
    rows = [row for page in range(b.student.page_count) for row in letter_rows(b.student, page)]
    assert len(rows) >= 20 and all(len(row) == 1 for row in rows)


SHARP = """\
title: Die Stadt
vocabulary:
  - {term: die Straße, definition: street}
  - {term: die Größe, definition: size}
  - {term: DIE MAẞE, definition: the measurements}
  - {term: der Fluss, definition: river}
  - {term: die Stadt, definition: city}
  - {term: das Schloss, definition: castle}
activities: [word_search, crossword]
"""


def test_the_word_search_writes_sharp_s_as_ss_in_its_grid_as_its_list_does(tmp_path):
    # the words to find said DIE STRASSE (capitals as Python and German write them) while the grid held
    # DIESTRAßE: the word a student looks for was not in the grid as listed
    (tmp_path / "s.yaml").write_text(SHARP.replace("[word_search, crossword]", "[word_search]"), encoding="utf-8")
    b = build_into(tmp_path / "s.yaml", tmp_path / "out")
    ws = act.plan(b.guide, "word_search").data
    assert {"".join(p.cells) for p in ws.placements} == {"DIESTRASSE", "DIEGRÖSSE", "DIEMASSE", "DERFLUSS",
                                                          "DIESTADT", "DASSCHLOSS"}
    assert not {c for row in ws.grid for c in row} & {"ß", "ẞ"}
    for pdf in (b.student, b.key):
        puzzle = pdf.text[pdf.text.index("Word Search"):]  # (the vocabulary list before it spells the terms)
        assert "ß" not in puzzle and "ẞ" not in puzzle  # the grid, the words to find, the key's letters
        assert "DIE STRASSE" in puzzle and "DIE MASSE" in puzzle and "DIE GRÖSSE" in puzzle


def test_the_crossword_writes_sharp_s_as_ss_as_the_word_search_does(tmp_path):
    # the word search spelt DIE STRASSE while the crossword of the same guide printed a small ß in its
    # capital grid (DIESTRAßE, 9 squares, "(3,6)"): one guide, two spellings (r14 hostile finding 11)
    (tmp_path / "s.yaml").write_text(SHARP, encoding="utf-8")
    b = build_into(tmp_path / "s.yaml", tmp_path / "out")
    cw = act.plan(b.guide, "crossword").data
    answers = {e.term: e for e in cw.entries}
    assert answers["die Straße"].answer == "DIESTRASSE" and answers["die Straße"].lengths == "(3,7)"
    assert answers["die Größe"].answer == "DIEGRÖSSE" and answers["die Größe"].lengths == "(3,6)"
    assert answers["DIE MAẞE"].answer == "DIEMASSE" and answers["DIE MAẞE"].lengths == "(3,5)"
    assert not {c for row in cw.grid for c in row if c} & {"ß", "ẞ"}
    ws = act.plan(b.guide, "word_search").data
    assert {e.answer for e in cw.entries} <= {"".join(p.cells) for p in ws.placements}
    for pdf in (b.student, b.key):
        puzzle = pdf.text[pdf.text.index("Crossword"):]
        assert "ß" not in puzzle and "ẞ" not in puzzle  # the grid's letters in the key, the clues
        assert "street (3,7)" in puzzle and "size (3,6)" in puzzle and "the measurements (3,5)" in puzzle


def test_a_crossword_whose_clues_open_a_page_puts_its_grid_first(tmp_path):
    # the word search fills its page, so the crossword's title opens the next: its clues would fill no
    # room left on the page before, and first (a page 47 % empty) they put the grid alone on the next
    b = build_into(DEUTSCH, tmp_path, activities=["word_search", "crossword"])
    assert b.student.page_count == b.key.page_count == 5
    for pdf in (b.student, b.key):
        page = next(i for i, text in enumerate(pdf.pages) if text.startswith("Crossword"))
        assert page == 3 and "Across" not in pdf.pages[page]  # the grid under the title, no clue
        if pdf is b.student:  # the grid's numbered cells, in reading order, as many as the clues' numbers
            last = max(int(n) for n in re.findall(r"(\d+)\. ", pdf.pages[page + 1]))
            assert last > 20 and " ".join(str(n) for n in range(1, last + 1)) in pdf.pages[page]
        assert pdf.pages[page + 1].startswith("Across 1. ")  # the clues on the page after it, whole
        assert "Down 1. " in pdf.pages[page + 1] and "(continued)" not in pdf.pages[page + 1]


def sizes_of(pdf, words: set[str]) -> dict[str, tuple[str, float]]:
    """Each of ``words`` as printed: (its font, its size in points)."""
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip() in words:
            found[text.strip()] = (str(font.get("/BaseFont", "")).split("+")[-1], size * tm[0] * cm[0])

    for page in pdf.reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a_double_sided_cards_one_word_meaning_prints_as_large_as_its_term(tmp_path):
    b = build_into(DEUTSCH, tmp_path, activities=["flashcards_duplex"])
    for pdf in (b.student, b.key):
        seen = sizes_of(pdf, {"der Hund", "dog", "der Bahnhof", "train station"})
        assert seen["der Hund"] == seen["der Bahnhof"] == ("DejaVuSans-Bold", 14.0)  # the fronts
        assert seen["dog"] == seen["train station"] == ("DejaVuSans", 14.0)  # the backs: as large, not bold


def test_a_meaning_too_long_for_a_line_of_the_card_stays_at_the_body_size(tmp_path):
    (tmp_path / "v.yaml").write_text(
        "title: Volcanoes\nvocabulary:\n"
        "  - {term: magma, definition: Melted rock under the ground.}\n"
        "  - {term: crater, definition: A bowl-shaped opening at the top of a volcano.}\n"
        "  - {term: lava, definition: rock}\n"
        "activities: [flashcards_duplex]\n", encoding="utf-8")
    b = build_into(tmp_path / "v.yaml", tmp_path / "out")
    runs = [r for page in b.student.runs for r in page]
    assert any("bowl-shaped" in r.text for r in runs)
    seen = sizes_of(b.student, {"crater", "rock"})
    assert seen["crater"] == ("DejaVuSans-Bold", 14.0) and seen["rock"] == ("DejaVuSans", 14.0)
    long = {}

    def visit(text, cm, tm, font, size):
        if "bowl-shaped" in text or "Melted rock" in text:
            long[text.strip()[:11]] = size * tm[0] * cm[0]

    for page in b.student.reader.pages:
        page.extract_text(visitor_text=visit)
    assert long == {"A bowl-shap": 10.5, "Melted rock": 14.0}  # (a short sentence fits a line of the card)


def test_large_print_matching_starts_under_a_short_question_with_a_smaller_first_set():
    # question 3 (a line to translate) ends the questions near a page's top; the first set of 8 did not
    # fit under it, and that page stayed 80 % empty: now a set of 6 starts there, and the rest still
    # take a page each, one page fewer
    guide = dataclasses.replace(api.load(DEUTSCH), activities=("matching",))
    out = render.render(guide, theme=api.theme_for(guide, None, "large-print"))
    for doc in (out["student"], out["key"]):
        pages = [norm(t) for t in page_texts(doc.pdf)]
        page = next(i for i, text in enumerate(pages) if "Translate into German" in text)
        assert "Vocabulary Matching" in pages[page] and "Set 1: terms 1–6" in pages[page]
        sets = [tuple(map(int, m.groups())) for text in pages[page:] for m in re.finditer(r"Set \d+: terms (\d+)–(\d+)", text)]
        assert [b - a + 1 for a, b in sets] == [6, 8, 8, 9, 9]
        assert [sum(f"Set {n}: terms" in text for text in pages) for n in range(1, 6)] == [1] * 5
        assert len(pages) == page + 5  # each set on a page of its own, set 1 under the question
