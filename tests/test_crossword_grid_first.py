"""Large print: a crossword's grid comes before its clues (issue 14). The plates guide on A4 printed the
title, instructions and every clue on page 10 and the grid alone on page 11, 70 % of it empty: a student
turned the page to find the puzzle. Now the title, instructions and grid open the crossword's page, the
clues under the grid and on over the page. The grid is found in the pixels (the rows of ink its cells'
edges draw), the clues in the text, in the handout and the key."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import CASES
from studyguide import labels
from test_crossword_clues import _items, built, clue_parts

PLATES = CASES / "trial" / "plates.yaml"
RIVERS = CASES / "layout" / "crossword-rivers.yaml"
VOLCANO = CASES / "layout" / "quick-volcano.yaml"
SCALE = 2  # pixels a point


def grid_rows(pdf: bytes, page: int, theme) -> list[float]:
    """The heights (points from the page's foot) of the pixel rows of ``page`` with a run of ink at least
    two cells long (0.64 in): the edges of a grid's cells. Text draws no such run; the footer's rule sits
    under the text area and is left out."""
    bitmap = pdfium.PdfDocument(pdf)[page - 1].render(scale=SCALE, grayscale=True)
    img = bitmap.to_pil()
    w, h = img.size
    px = img.load()
    least = int(0.64 * 72 * SCALE)
    rows = []
    for y in range(int(h - theme.margin_bottom * SCALE)):
        run = best = 0
        for x in range(w):
            run = run + 1 if px[x, y] < 128 else 0
            best = max(best, run)
        if best >= least:
            rows.append((h - y) / SCALE)
    return rows


def _opening(pdf: bytes, guide) -> tuple[int, float]:
    """The page of the crossword's title, and the height its first "Across" heading prints at there."""
    import io

    import pypdf
    words = labels.for_language(guide.language, guide.labels)
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, 1):
        items = _items(page)
        if any(text == words["crossword_title"] for _, _, text, _, _ in items):
            title = next(y for _, y, text, _, _ in items if text == words["crossword_title"])
            across = [y for _, y, text, _, _ in items if text == words["across"] and y < title]
            return n, title, (across[0] if across else None)
    raise AssertionError("no crossword title")


@pytest.mark.parametrize("path, paper", [(PLATES, "a4")],
                         ids=["plates-a4"])
def test_the_grid_opens_the_crosswords_page_and_its_clues_follow(path, paper):
    """The title's page holds the grid between the instructions and "Across"; every clue is on that page
    or after it, each list in order, once; the clues that do not fit under the grid go on over the page
    under "Across (continued)" or "Down"."""
    guide, theme, data, docs = built(path, edition="large-print", paper=paper)
    for mode in ("student", "key"):
        pdf = docs[mode].pdf
        page, title, across = _opening(pdf, guide)
        rows = [y for y in grid_rows(pdf, page, theme) if y < title]  # (under the title: not the last activity's)
        assert rows, f"{mode}: no grid on the crossword's page {page}"
        assert across is not None, f"{mode}: no clues under the grid on page {page}"
        assert title > max(rows) > min(rows) > across, (mode, title, max(rows), min(rows), across)
        parts = clue_parts(pdf, guide, theme)
        assert parts[0]["page"] == page and parts[0]["heading"] == "Across", mode
        assert all(p["page"] >= page for p in parts)
        assert not any(grid_rows(pdf, p["page"], theme) for p in parts if p["page"] > page), mode
        assert [k for p in parts if p["list"] == "Across" for k in p["left"]] == [e.number for e in data.across()]
        assert [k for p in parts if p["list"] == "Down" for k in p["left"]] == [e.number for e in data.down()]
        assert len(parts[0]["left"]) >= 2  # (never one clue alone under the grid at the page's foot)


def test_plates_on_a4_keeps_its_pages():
    """The crossword's two pages stay two (grid and Across, then Down) and the handout 16 pages."""
    guide, theme, data, docs = built(PLATES, edition="large-print", paper="a4")
    parts = clue_parts(docs["student"].pdf, guide, theme)
    assert [(p["page"], p["heading"]) for p in parts] == [(10, "Across"), (11, "Down")]
    assert docs["student"].pages == docs["key"].pages == 16


def test_grid_and_clues_that_fit_share_one_page():
    """A short crossword (the volcano case): title, grid and both lists on one page, the grid first."""
    guide, theme, data, docs = built(VOLCANO, edition="large-print")
    for mode in ("student", "key"):
        page, title, across = _opening(docs[mode].pdf, guide)
        rows = [y for y in grid_rows(docs[mode].pdf, page, theme) if y < title]
        assert rows and title > max(rows) > min(rows) > across, mode
        assert {p["page"] for p in clue_parts(docs[mode].pdf, guide, theme)} == {page}, mode
