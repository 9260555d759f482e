"""A crossword's numbers are read back from the printed PDF with their boxes and tied to the cells the
grid draws: every number is nearer its own start cell than any other start cell, no two numbers touch,
and in large print every number is 16 pt or more. Large print sets its numbers outside the cells; on a
second teacher's trial (r7, HIGH-2) 21 Down and 20 Across printed side by side as "2120"."""
from __future__ import annotations

import functools
import io
import re

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from conftest import CASES, GUIDES_DIR
from studyguide import activities as act, api, render
from studyguide.layout.activities import limits_for

FRENCH = CASES / "crossword" / "french-vocab.yaml"  # the trial's guide: 32 French terms, 26 numbers
# the trial's guide with no language: its crossword's answers are its terms as typed, articles and all (LECAFÉ),
# as when the trial printed 21 Down and 20 Across as "2120"
FRENCH_AS_TYPED = CASES / "crossword" / "french-vocab-as-typed.yaml"
BUILDS = [
    (FRENCH, "large-print", "a4"), (FRENCH, "large-print", "letter"), (FRENCH, None, "a4"),
    (CASES / "layout" / "frankenstein.yaml", "large-print", None),
    (CASES / "layout" / "frankenstein.yaml", "large-print", "a4"),
    (CASES / "layout" / "deutsch-wortschatz.yaml", "large-print", "a4"),
    (CASES / "layout" / "ap-bio-energetics.yaml", "large-print", None),
    (CASES / "layout" / "physik-energie.yaml", "large-print", "a4"),
    (GUIDES_DIR / "china-foreign-police-training.yaml", "large-print", None),
    (CASES / "layout" / "crossword-rivers.yaml", "large-print", None),
    (CASES / "frozen" / "china-foreign-police-training-2026-12.yaml", "large-print", "a4"),
    (CASES / "frozen" / "china-foreign-police-training-2026-12.yaml", None, None),
]


@functools.lru_cache(maxsize=None)
def printed(path, edition, paper):
    """The crossword as the handout prints it: {number: (box, size)} and {(row, col): box} of its
    cells, boxes as (left, bottom, right, top) in points; and the crossword's data."""
    guide = api.load(path)
    theme = api.theme_for(guide, None, edition)
    data = act.plan(guide, "crossword", limits_for(guide, theme, paper)["crossword"]).data
    pdf = pypdfium2.PdfDocument(io.BytesIO(render.render(guide, ("student",), paper=paper, theme=theme)["student"].pdf))
    letters = sum(ch is not None for row in data.grid for ch in row)
    for page in pdf:
        squares = [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]
        squares = [b for b in squares if 12 < b[2] - b[0] < 40 and abs((b[2] - b[0]) - (b[3] - b[1])) < 0.5]
        if len(squares) != letters:
            continue
        xs = sorted({round(b[0], 2) for b in squares})
        side = min(b - a for a, b in zip(xs, xs[1:]))  # one cell to the next (a cell's box has its lines too)
        left, top = min(b[0] for b in squares), max(b[3] for b in squares)
        cells = {(round((top - b[3]) / side), round((b[0] - left) / side)): b for b in squares}
        assert set(cells) == {(r, c) for r, row in enumerate(data.grid) for c, ch in enumerate(row) if ch}
        return _numbers(page, cells, side), cells, data
    raise AssertionError(f"no page of {path.name} draws the crossword's {letters} cells")


def _numbers(page, cells, side) -> dict:
    """Each run of digits drawn on the grid or one square around it that is not a clue's "12.": its
    number → (the box of its digits, its type size)."""
    text = page.get_textpage()
    l, b = min(c[0] for c in cells.values()) - side, min(c[1] for c in cells.values()) - side
    r, t = max(c[2] for c in cells.values()) + side, max(c[3] for c in cells.values()) + side
    said = text.get_text_range()
    out = {}
    for m in re.finditer(r"\d+(?!\d|\.)", said):
        boxes = [text.get_charbox(i) for i in range(m.start(), m.end())]
        box = (min(x[0] for x in boxes), min(x[1] for x in boxes), max(x[2] for x in boxes), max(x[3] for x in boxes))
        if l <= box[0] and box[2] <= r and b <= box[1] and box[3] <= t:
            size = pdfium_c.FPDFText_GetFontSize(text.raw, m.start())
            assert int(m.group()) not in out, f"number {m.group()} is printed twice at the grid"
            out[int(m.group())] = (box, size)
    return out


def _distance(a, b) -> float:
    dx = max(a[0] - b[2], b[0] - a[2], 0.0)
    dy = max(a[1] - b[3], b[1] - a[3], 0.0)
    return (dx * dx + dy * dy) ** 0.5


@pytest.mark.parametrize("path, edition, paper", BUILDS,
                         ids=[f"{p.stem}-{e or 'standard'}-{pp or 'own paper'}" for p, e, pp in BUILDS])
def test_every_crossword_number_is_at_its_own_cell_and_clear_of_the_others(path, edition, paper):
    numbers, cells, data = printed(path, edition, paper)
    starts = {n: cells[(r, c)] for r, c, n in data.numbers}
    assert sorted(numbers) == sorted(starts)  # every number printed once, at the grid
    for n, (box, size) in numbers.items():
        if edition == "large-print":
            assert size >= 16 - 0.01, f"number {n} is {size} pt"
        own = _distance(box, starts[n])
        nearest = min((_distance(box, cell), m) for m, cell in starts.items() if m != n)
        # (a number printed inside its own cell is that cell's, however near the line of the start cell above:
        # the standard edition's 6 under 4 in the French grid of nouns, 0 pt from its cell and 1.9 pt from 4's)
        assert own + 2 <= nearest[0] or own == 0 < nearest[0], (
            f"number {n} is {own:.1f} pt from its cell and {nearest[0]:.1f} pt from {nearest[1]}'s")
        for m, (other, _) in numbers.items():
            if m != n:
                assert _distance(box, other) >= 2.5, f"numbers {n} and {m} touch ({_distance(box, other):.1f} pt apart)"


def test_twenty_one_down_and_twenty_across_no_longer_print_as_one():
    """The trial's own case: 21 Down starts below and left of 20 Across; both print 16 pt, apart. (The trial's
    grid was large print's own on A4; large print now prints the standard edition's grid, which on A4 has no
    such pair and on letter has this one. The grid of the terms with their articles, as the trial had it: a French
    guide's grid now hides the nouns alone, test_puzzle_articles.)"""
    numbers, cells, data = printed(FRENCH_AS_TYPED, "large-print", "letter")
    assert _distance(numbers[20][0], numbers[21][0]) >= 4
    start = {n: (r, c) for r, c, n in data.numbers}
    assert start[21][0] == start[20][0] + 1 and start[21][1] == start[20][1] - 2  # (the trial's grid still)
