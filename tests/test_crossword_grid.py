"""How compact the crossword's grid is, and how long it takes to make (issue 14: a grid and its clues
share a page when they fit, and a shorter grid is what lets them).

The order-free beam (crossword_grid.spread) places, from each grid it keeps, whichever waiting word
has the most letters and a legal place, where the other searches take the words in a fixed order.
"""
from __future__ import annotations

import time

import pytest

from conftest import CASES, GUIDES_DIR
from studyguide import activities as act, api
from studyguide.activities import crossword
from studyguide.layout.activities import limits_for
from test_activities import check_crossword, runs

FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"


def made(path, paper="letter"):
    """The guide's crossword as a build makes it (the page's limits, the guide's seed), not cached; its terms."""
    guide = api.load(path)
    limits = limits_for(guide, paper=paper)["crossword"]
    terms = [(t.term, t.definition) for t in guide.vocabulary if not act.splits(t.term)]
    return crossword.make(terms, act.seed_of(guide, "crossword"), mentions=act.mentions(guide), **limits), terms, limits


@pytest.mark.parametrize("path, paper, rows, words", [
    (GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml", "letter", 14, 9),   # 18 rows before
    (GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml", "a4", 14, 9),       # 18
    (CASES / "layout" / "crossword-rivers.yaml", "letter", 14, 14),              # 16
    (CASES / "layout" / "crossword-rivers.yaml", "a4", 14, 14),                  # 17
    (CASES / "layout" / "japan-arts.yaml", "letter", 7, 10),                     # 10
    (CASES / "layout" / "frankenstein.yaml", "letter", 22, 26),                  # 24
    # the first guide's 16 long terms (5 to 18 letters) fill 20 columns about as densely as a grid
    # without touching words can: no search tried (beams 256 wide) put all 16 in fewer than 20 rows
    (FROZEN, "letter", 21, 16),
    (FROZEN, "a4", 22, 16),
])
def test_grids_are_as_short_as_the_search_reaches_with_every_word_they_kept(path, paper, rows, words):
    cw, terms, limits = made(path, paper)
    check_crossword(cw, terms, limits["max_rows"], limits["max_cols"])
    assert cw.rows <= rows and len(cw.entries) == words, (cw.rows, cw.cols, len(cw.entries))
    assert made(path, paper)[0] == cw  # the same terms and seed, the same grid


def test_a_hebrew_crossword_now_keeps_all_eight_terms():
    """The fixed-order searches left one of these eight out (a 7 x 9 grid of seven words); the order-free
    beam finds a grid with every one (8 x 11)."""
    terms = [("שלום", "ברכה."), ("שמש", "הכוכב."), ("מים", "שותים."), ("לחם", "אוכלים."), ("ספר", "דפים."),
             ("שולחן", "יושבים סביבו."), ("מורה", "מלמד."), ("ספרייה", "מקום עם הרבה ספרים.")]
    cw = crossword.make(terms, "crossword\x1eמילים", max_rows=24, max_cols=20)
    assert cw.left_out == () and cw.rtl and len(cw.entries) == 8
    letters = {}
    for e in cw.entries:  # (check_crossword reads runs left to right; a Hebrew Across answer runs leftwards)
        assert tuple(cw.grid[r][c] for r, c in e.positions()) == e.cells
        letters.update(zip(e.positions(), e.cells))
    assert len(letters) == sum(ch is not None for row in cw.grid for ch in row)
    # every run of letters is one answer (an Across run's leftmost cell is its answer's last letter)
    assert runs(cw.grid) == {(e.row, e.col - len(e.cells) + 1, e.direction, len(e.cells)) if e.direction == "across"
                             else (e.row, e.col, e.direction, len(e.cells)) for e in cw.entries}


@pytest.mark.parametrize("path, terms, bound", [(FROZEN, 16, 0.15),
                                                (CASES / "layout" / "deutsch-wortschatz.yaml", 40, 1.0)])
def test_a_crossword_is_made_in_bounded_time(path, terms, bound):
    """16 terms in under 0.15 s, 40 (the most a crossword takes) in under 1 s, in this process's CPU time
    (the best of three runs; other work on the machine does not count)."""
    guide = api.load(path)
    assert len(guide.vocabulary) == terms
    limits = limits_for(guide)["crossword"]
    pairs = [(t.term, t.definition) for t in guide.vocabulary]
    seed, mentions = act.seed_of(guide, "crossword"), act.mentions(guide)
    took = []
    for _ in range(3):
        start = time.process_time()
        crossword.make(pairs, seed, mentions=mentions, **limits)
        took.append(time.process_time() - start)
    assert min(took) < bound, took
