"""A word search built from the terms.

Each term becomes one word of grid cells (:func:`~studyguide.activities.cells`:
no spaces, hyphens or apostrophes; accents kept; upper case). Words are placed
longest first, each at a seeded random spot among every spot where it fits
(crossing letters it agrees with); when one does not fit, the attempt is
retried with another seed, then the grid grows a row and a column, up to
:data:`MAX_SIZE`. Whatever still does not fit is left out and reported.

The empty cells are filled with letters drawn from the words' own letters
(as often as they occur there), so a Greek or an accented word list gets
Greek or accented filler, and no word is given away by its alphabet; a script
only one word uses (one Greek word in an English list, one formula's digit) is
not filler (:func:`filler`). Filler
that would spell a listed word a second time is drawn again.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Optional, Sequence

from ..shuffle import rng
from . import cells, split_number
from .articles import puzzle_word

# (row step, column step) for each direction, named as a reader follows the word
DIRECTIONS = {
    "right": (0, 1), "down": (1, 0), "down-right": (1, 1), "down-left": (1, -1),
    "left": (0, -1), "up": (-1, 0), "up-left": (-1, -1), "up-right": (-1, 1),
}
# easy: across and down only; medium: and the two diagonals that run downwards; hard: all eight, backwards too
DIFFICULTY = {
    "easy": ("right", "down"),
    "medium": ("right", "down", "down-right", "down-left"),
    "hard": tuple(DIRECTIONS),
}
DEFAULT_DIFFICULTY = "medium"
MIN_SIZE = 8
MAX_SIZE = 20       # cells a side: 20 still gives letters 1/4 in wide on letter and A4 paper
MAX_WORDS = 40      # more than this would not fit a page; the rest are left out
TRIES_PER_SIZE = 4


@dataclass(frozen=True)
class Placement:
    term: str                 # as the teacher typed it
    cells: tuple[str, ...]    # the letters as they are in the grid
    row: int                  # first letter, 0-based from the top
    col: int                  # first letter, 0-based from the left
    direction: str            # a key of DIRECTIONS

    @property
    def word(self) -> str:
        return "".join(self.cells)

    def positions(self) -> list[tuple[int, int]]:
        dr, dc = DIRECTIONS[self.direction]
        return [(self.row + dr * i, self.col + dc * i) for i in range(len(self.cells))]


@dataclass(frozen=True)
class WordSearch:
    grid: tuple[tuple[str, ...], ...]    # rows of cells
    placements: tuple[Placement, ...]    # in the order of the guide's terms
    left_out: tuple[str, ...]            # terms not in the grid
    difficulty: str
    why: tuple[str, ...] = ()            # each left-out term's reason: twin, number, short, long, many or room

    @property
    def size(self) -> int:
        return len(self.grid)


def make(terms: Sequence[str], seed: str = "", difficulty: str = DEFAULT_DIFFICULTY,
         max_size: int = MAX_SIZE, max_words: int = MAX_WORDS, language: Optional[str] = None,
         among: Sequence[str] = ()) -> WordSearch:
    if difficulty not in DIFFICULTY:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTY)}")
    directions = DIFFICULTY[difficulty]
    words: list[tuple[str, tuple[str, ...]]] = []
    left_out: list[str] = []
    why: dict[str, str] = {}
    seen: set[tuple[str, ...]] = set()
    for term in terms:
        # (STRASSE, İKLİM in Turkish, as the words to find list it; 'la funda' is FUNDA: articles.puzzle_word)
        w = cells(puzzle_word(term, language, among or terms), language=language)
        # (two terms with the same letters are one word in the grid: the second is said as left out)
        reason = ("twin" if w in seen else "number" if split_number(term) else "short" if len(w) < 2 else
                  "long" if len(w) > max_size else "many" if len(words) >= max_words else None)
        if reason:
            left_out.append(term)
            why[term] = reason
            continue
        seen.add(w)
        words.append((term, w))
    if not words:
        return WordSearch((), (), tuple(left_out), difficulty, tuple(why[t] for t in left_out))
    order = sorted(range(len(words)), key=lambda i: -len(words[i][1]))  # longest first, else guide order
    longest = len(words[order[0]][1])
    letters = sum(len(w) for _, w in words)
    size = min(max_size, max(MIN_SIZE, longest, math.ceil(math.sqrt(letters * 2.2))))
    best: Optional[tuple[dict, dict, int]] = None
    while True:
        for attempt in range(TRIES_PER_SIZE):
            r = rng("word_search", seed, difficulty, str(size), str(attempt))
            grid, placed = _attempt([words[i] for i in order], size, directions, r)
            if best is None or len(placed) > len(best[1]):  # ties: the first, smallest grid
                best = (grid, placed, size)
            if len(placed) == len(words):
                break
        if len(best[1]) == len(words) or size >= max_size:
            break
        size += 1
    grid, placed, size = best
    r = rng("word_search", seed, difficulty, "fill")
    rows = _fill(grid, size, placed, r)
    placements = tuple(placed[term] for term, _ in words if term in placed)
    left_out += [term for term, _ in words if term not in placed]
    order_of = {t: i for i, t in enumerate(terms)}
    left_out.sort(key=lambda t: order_of.get(t, 0))
    return WordSearch(rows, placements, tuple(left_out), difficulty, tuple(why.get(t, "room") for t in left_out))



def versioned(first: WordSearch, terms: Sequence[str], seed: str, version: str, **kw) -> WordSearch:
    """Version B's (C's ...) word search, its words hidden in other places than version A's (``first``):
    its own grid, seeded by its letter, when it is as big as A's and leaves out the same terms (so every
    version takes the same room on the page and lists the same words to find); else A's."""
    own = make(terms, f"{seed}\x1eversion {version}", **kw)
    return own if own.size == first.size and own.left_out == first.left_out else first

def _attempt(words, size: int, directions, r) -> tuple[dict, dict]:
    grid: dict[tuple[int, int], str] = {}
    placed: dict[str, Placement] = {}
    used = {d: 0 for d in directions}
    for term, w in words:
        # the directions used least so far go first, so the words do not all run one way
        ways = sorted(directions, key=lambda d: (used[d], r.random()))
        spot = None
        for d in ways:
            spot = _random_spot(grid, w, size, d, r) or _any_spot(grid, w, size, d, r)
            if spot is not None:
                break
        if spot is None:
            continue
        row, col, d = spot
        used[d] += 1
        p = Placement(term, w, row, col, d)
        for (y, x), c in zip(p.positions(), w):
            grid[(y, x)] = c
        placed[term] = p
    return grid, placed


def _fits(grid, w, size, row, col, d) -> bool:
    dr, dc = DIRECTIONS[d]
    end_r, end_c = row + dr * (len(w) - 1), col + dc * (len(w) - 1)
    if not (0 <= row < size and 0 <= col < size and 0 <= end_r < size and 0 <= end_c < size):
        return False
    for i, c in enumerate(w):
        have = grid.get((row + dr * i, col + dc * i))
        if have is not None and have != c:
            return False
    return True


def _random_spot(grid, w, size, d, r, tries: int = 40):
    dr, dc = DIRECTIONS[d]
    span = len(w) - 1
    rows = range(max(0, -dr * span), size - max(0, dr * span))  # where the word's first letter can be
    cols = range(max(0, -dc * span), size - max(0, dc * span))
    if not rows or not cols:
        return None
    for _ in range(tries):
        row, col = r.choice(rows), r.choice(cols)
        if _fits(grid, w, size, row, col, d):
            return row, col, d
    return None


def _any_spot(grid, w, size, d, r):
    spots = [(row, col, d) for row in range(size) for col in range(size) if _fits(grid, w, size, row, col, d)]
    return r.choice(spots) if spots else None


def _kind(cell: str) -> str:
    """The script a cell's letter is written in (LATIN, GREEK, HIRAGANA ...), or DIGIT."""
    return "DIGIT" if cell[:1].isdigit() else unicodedata.name(cell[0], "?").split(" ")[0]


def filler(words: Sequence[Sequence[str]]) -> list[str]:
    """The letters empty cells are drawn from: the words' own (as often as they occur), but only of a
    script (or digits) that two words or more use, so one Greek word or one formula's digit in an
    English list does not scatter Ω or 2 over the grid; when no script is shared, the commonest one's."""
    used: dict[str, int] = {}
    for w in words:
        for k in {_kind(c) for c in w}:
            used[k] = used.get(k, 0) + 1
    shared = {k for k, n in used.items() if n > 1}
    if not shared:
        counts: dict[str, int] = {}
        for w in words:
            for c in w:
                counts[_kind(c)] = counts.get(_kind(c), 0) + 1
        shared = {max(counts, key=lambda k: (counts[k], k != "DIGIT"))} if counts else set()
    return [c for w in words for c in w if _kind(c) in shared]


def _fill(grid, size, placed, r) -> tuple[tuple[str, ...], ...]:
    pool = filler([p.cells for p in placed.values()])
    empty = [(y, x) for y in range(size) for x in range(size) if (y, x) not in grid]
    full = dict(grid)
    for spot in empty:
        full[spot] = r.choice(pool)
    # filler that spells a listed word a second time (in any direction) is drawn again, a few times
    free = set(empty)
    for _ in range(20):
        bad = set()
        for p in placed.values():
            for spots in occurrences(full, size, p.cells):
                if set(spots) != set(p.positions()):
                    bad |= set(spots) & free
        if not bad:
            break
        for spot in sorted(bad):
            full[spot] = r.choice(pool)
    return tuple(tuple(full[(y, x)] for x in range(size)) for y in range(size))


def occurrences(grid, size: int, w: Sequence[str]) -> list[tuple[tuple[int, int], ...]]:
    """Every place ``w`` can be read in the grid, in any of the eight directions (as cell positions).

    ``grid`` maps (row, col) to a cell, or is a tuple of rows. A palindrome read
    both ways is one place.
    """
    get = grid.get if isinstance(grid, dict) else (lambda pos: grid[pos[0]][pos[1]])
    found = set()
    for d, (dr, dc) in DIRECTIONS.items():
        for row in range(size):
            for col in range(size):
                end_r, end_c = row + dr * (len(w) - 1), col + dc * (len(w) - 1)
                if not (0 <= end_r < size and 0 <= end_c < size):
                    continue
                if all(get((row + dr * i, col + dc * i)) == c for i, c in enumerate(w)):
                    found.add(frozenset((row + dr * i, col + dc * i) for i in range(len(w))))
    return [tuple(sorted(s)) for s in sorted(found, key=sorted)]
