"""The crossword's clue lists read down each column, as printed crosswords do (issue 14): the clue
numbers are read back from the PDF with their positions, per page and per column, in the handout and the
key alike, in every theme, edition and paper, also where a list goes on over a page."""
from __future__ import annotations

import functools
import io
import re

import pypdf
import pytest

from conftest import CASES, rendered
from studyguide import activities as act, labels
from studyguide.layout.activities import limits_for
from studyguide.theming.styles import make_styles

FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"
RIVERS = CASES / "layout" / "crossword-rivers.yaml"


@functools.lru_cache(maxsize=None)
def built(path, theme=None, edition=None, paper=None):
    guide, th, docs = rendered(path, theme, edition, paper)  # (the pages test_print_design checks too)
    data = act.plan(guide, "crossword", limits_for(guide, th, paper)["crossword"]).data
    return guide, th, data, docs


def _items(page) -> list[tuple[float, float, str, str, float]]:
    """Every piece of text a page draws: (x, y, text, font, size), in the order it is drawn."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x, y, text.strip(), (font or {}).get("/BaseFont", ""), size))

    page.extract_text(visitor_text=visit)
    return out


def clue_parts(pdf: bytes, guide, theme) -> list[dict]:
    """Each list's part on each page from the crossword's title on: its heading, the page, and the clue
    numbers of its left and right column, each read top to bottom. A clue number is a bold "12." at the
    body's size; it belongs to the heading nearest above it (a heading: bold text larger than the body)."""
    words = labels.for_language(guide.language, guide.labels)
    names = {words["across"], words["down"]}
    body = make_styles(theme)["body"].fontSize
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    texts = [page.extract_text() for page in pages]
    start = next(n for n, text in enumerate(texts) if words["crossword_title"] in text)
    mid = theme.margin_x + (pages[0].mediabox.width - 2 * theme.margin_x) / 2
    parts = []
    for n in range(start, len(pages)):
        items = _items(pages[n])
        if n == start:
            title_y = next(y for _, y, text, _, _ in items if text == words["crossword_title"])
            items = [i for i in items if i[1] < title_y]
        heads = [(y, text) for _, y, text, font, size in items if "Bold" in font and size > body + 0.1]
        found = {}
        for x, y, text, font, size in items:
            if not (re.fullmatch(r"\d+\.", text) and "Bold" in font and abs(size - body) < 0.1):
                continue
            above = [h for h in heads if h[0] > y]
            if not above:
                continue
            head = min(above)[1]
            name = re.sub(r"\s*\(.*\)$", "", head)
            if name in names:
                side = "left" if x < mid else "right"
                found.setdefault(head, {"page": n + 1, "heading": head, "list": name, "left": [], "right": []})
                found[head][side].append((-y, int(text[:-1])))
        for part in found.values():
            part["left"] = [k for _, k in sorted(part["left"])]
            part["right"] = [k for _, k in sorted(part["right"])]
            parts.append(part)
    return parts


CONFIGS = [pytest.param(dict(), id="classic"), pytest.param(dict(paper="a4"), id="a4"),
           pytest.param(dict(theme="modern"), id="modern"), pytest.param(dict(theme="compact"), id="compact"),
           pytest.param(dict(theme="ink-saver"), id="ink-saver"),
           pytest.param(dict(edition="large-print"), id="large-print"),
           pytest.param(dict(edition="large-print", paper="a4"), id="large-print-a4")]


@pytest.mark.parametrize("config", CONFIGS)
def test_clues_read_down_the_first_column_then_down_the_second(config):
    """Down the left column, then down the right: every clue once, in the order of its numbers, and each
    page's part of a list set in two columns whose first holds the earlier clues (and the odd one)."""
    guide, theme, data, docs = built(FROZEN, **config)
    words = labels.for_language(guide.language, guide.labels)
    for mode, doc in docs.items():
        parts = clue_parts(doc.pdf, guide, theme)
        for name, entries in ((words["across"], data.across()), (words["down"], data.down())):
            mine = [p for p in parts if p["list"] == name]
            read = [k for p in mine for k in p["left"] + p["right"]]
            assert read == [e.number for e in entries], (mode, name, mine)
            for p in mine:
                n = len(p["left"]) + len(p["right"])
                if config.get("edition") == "large-print":  # (one clue a line: a column holds 20 letters)
                    assert p["right"] == [], (mode, p)
                elif n > 1:  # two columns, even but for the first's odd clue (the frozen clues are alike)
                    assert len(p["left"]) - len(p["right"]) in (0, 1), (mode, p)


def test_the_first_guides_across_clues_run_down_the_left_column():
    """The classic handout of the frozen guide: Across reads 1, 3, 4, 11 down the left column and 12, 13,
    14, 15 down the right (it read 1, 3 / 4, 11 / 12, 13 ... across the rows). Down starts under it with
    1 and 2 (the guide a page shorter, the crossword starts higher) and goes on under the grid on the next
    page, read down each column: 5, 6, 7 then 8, 9, 10."""
    guide, theme, _, docs = built(FROZEN)
    for mode in ("student", "key"):
        parts = [(p["heading"], p["left"], p["right"], p["page"]) for p in clue_parts(docs[mode].pdf, guide, theme)]
        page = parts[0][3]
        assert parts == [("Across", [1, 3, 4, 11], [12, 13, 14, 15], page), ("Down", [1], [2], page),
                         ("Down (continued)", [5, 6, 7], [8, 9, 10], page + 1)], mode


def test_a_list_going_on_over_the_page_is_two_columns_read_down_on_each():
    """Modern, letter: "Down" has room for one row under "Across" (2 and 5 side by side); the rest go on under
    the grid on the next page, under "Down (continued)", and read down there: 7, 9 then 10, 12. (Not A4, which
    has it only while the essay at page 6's foot opens page 7 whole: e1ab659, which cut it there, fit every clue on
    the title's page. This layout keeps the shape either way.)"""
    guide, theme, data, docs = built(FROZEN, theme="modern")
    for mode in ("student", "key"):
        down = [p for p in clue_parts(docs[mode].pdf, guide, theme) if p["list"] == "Down"]
        assert [(p["heading"], p["left"], p["right"]) for p in down] == [
            ("Down", [2], [5]), ("Down (continued)", [7, 9], [10, 12])], mode
        assert down[1]["page"] == down[0]["page"] + 1


def test_large_print_list_going_on_over_the_page_reads_down_under_its_heading():
    """Large print on A4, 14 rivers: one clue a line (a column holds 20 letters' widths only across the
    page); "Across" and its first clue end the title's page and the list goes on down the next page under
    "Across (continued)", every clue once, in order, "Down" after it."""
    guide, theme, data, docs = built(RIVERS, edition="large-print", paper="a4")
    for mode in ("student", "key"):
        parts = clue_parts(docs[mode].pdf, guide, theme)
        across = [p for p in parts if p["list"] == "Across"]
        assert [p["heading"] for p in across] == ["Across", "Across (continued)"], mode
        assert across[1]["page"] == across[0]["page"] + 1
        assert [k for p in across for k in p["left"]] == [e.number for e in data.across()]
        assert [k for p in parts if p["list"] == "Down" for k in p["left"]] == [e.number for e in data.down()]
        assert all(p["right"] == [] for p in parts)


def test_an_odd_list_gives_its_first_column_the_extra_clue(tmp_path):
    """Eleven rivers (the first eleven terms of the rivers case): each list's odd clue closes the first
    column, so the second column starts with the clue after the middle one."""
    lines = RIVERS.read_text(encoding="utf-8").splitlines()
    terms = [n for n, line in enumerate(lines) if line.startswith("  - term:")]
    path = tmp_path / "eleven.yaml"
    path.write_text("\n".join(lines[:terms[11]] + ["activities: [crossword]", ""]), encoding="utf-8")
    guide, theme, data, docs = built(path)
    odd = 0
    for mode in ("student", "key"):
        parts = clue_parts(docs[mode].pdf, guide, theme)
        for name, entries in (("Across", data.across()), ("Down", data.down())):
            numbers = [e.number for e in entries]
            (part,) = [p for p in parts if p["list"] == name]
            half = (len(numbers) + 1) // 2
            assert (part["left"], part["right"]) == (numbers[:half], numbers[half:]), (mode, name)
            odd += len(numbers) % 2
    assert odd  # (one list at least has an odd number of clues)


def test_a_hebrew_crosswords_first_column_is_the_right_one(tmp_path):
    """Review of 2026-12-04: a Hebrew reader starts on the right, so a right-to-left crossword's clues read
    down the right column, then down the left (its grid is mirrored too: 1 is at the right)."""
    path = tmp_path / "he8.yaml"
    path.write_text("""\
title: מילים
language: he
vocabulary:
  - term: שלום
    definition: ברכה שאומרים כשנפגשים.
  - term: שמש
    definition: הכוכב שמאיר ביום.
  - term: מים
    definition: מה ששותים כשצמאים.
  - term: לחם
    definition: אוכלים אותו בכל ארוחה.
  - term: ספר
    definition: דפים כרוכים יחד.
  - term: שולחן
    definition: יושבים סביבו לאכול.
  - term: מורה
    definition: מלמד בבית הספר.
  - term: ספרייה
    definition: מקום עם הרבה ספרים.
activities: [crossword]
""", encoding="utf-8")
    guide, theme, data, docs = built(path)
    # (all eight terms in the grid since its search takes the words in any order: four clues a list)
    assert data.rtl and [e.number for e in data.down()] == [1, 3, 4, 5]
    for mode in ("student", "key"):
        parts = {p["list"]: p for p in clue_parts(docs[mode].pdf, guide, theme)}
        assert (parts["Down"]["right"], parts["Down"]["left"]) == ([1, 3], [4, 5]), mode
        assert (parts["Across"]["right"], parts["Across"]["left"]) == ([1, 2], [4, 6]), mode
