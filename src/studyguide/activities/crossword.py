"""A connected crossword from the terms, clued by their definitions.

The longest word goes in first, across. Each next word is placed where it
crosses letters already in the grid that it agrees with, and only where it
makes no illegal contact: the cells just before and after it are empty, and
a cell it adds never touches a letter beside it (across: above or below;
down: left or right). So every run of two or more letters in the finished
grid is exactly one of the words, and every word is connected to the first.
Among a word's legal places the one with most crossings, then the smallest
grid, wins. Words that fit nowhere wait and are tried again after the others.

Several orders are tried (the first longest-first, the rest seeded shuffles)
and the grid with most words, then the smallest area, is kept. Words still
left over are reported, so the teacher knows which terms are missing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .. import inline, rtl
from ..shuffle import rng
from . import blank_out, cells

ACROSS, DOWN = "across", "down"
STEP = {ACROSS: (0, 1), DOWN: (1, 0)}
MAX_SIDE = 25        # cells across and down, so a cell stays over 1/4 in wide on the page
MAX_WORDS = 40
TRIES = 12


@dataclass(frozen=True)
class Entry:
    number: int
    direction: str            # "across" or "down"
    row: int                  # first letter, 0-based from the top
    col: int
    cells: tuple[str, ...]    # the answer's letters, one per cell
    clue: str                 # the definition, the term itself blanked as ___
    term: str                 # as the teacher typed it
    lengths: str              # "(4,5)" for "soft power": the words of the answer
    rtl: bool = False         # a right-to-left grid: an Across answer runs leftwards from its number

    @property
    def answer(self) -> str:
        return "".join(self.cells)

    def positions(self) -> list[tuple[int, int]]:
        dr, dc = STEP[self.direction]
        dc = -dc if self.rtl else dc
        return [(self.row + dr * i, self.col + dc * i) for i in range(len(self.cells))]


@dataclass(frozen=True)
class Crossword:
    grid: tuple[tuple[Optional[str], ...], ...]   # rows; None where there is no letter
    entries: tuple[Entry, ...]                     # across first, then down, each by number
    left_out: tuple[str, ...]                      # terms that are not in the grid
    numbers: tuple[tuple[int, int, int], ...]      # (row, col, number) for every numbered cell

    @property
    def rows(self) -> int:
        return len(self.grid)

    @property
    def cols(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    def across(self) -> list[Entry]:
        return [e for e in self.entries if e.direction == ACROSS]

    def down(self) -> list[Entry]:
        return [e for e in self.entries if e.direction == DOWN]


def clue_for(term: str, definition: str) -> str:
    """The definition as a clue: the term (whole words, any case) replaced by ___."""
    return blank_out(definition, term)


def lengths_of(term: str) -> str:
    """How the answer splits into words: "(4,5)" for "soft power", "(4-5)" for "well-being"."""
    text = inline.plain(term)
    out = []
    for chunk in text.split():
        parts = [str(len(cells(p))) for p in re.split(r"[-‐‑–]", chunk) if cells(p)]
        if parts:
            out.append("-".join(parts))
    return "(" + ",".join(out) + ")"


class _Grid:
    def __init__(self):
        self.cells: dict[tuple[int, int], str] = {}
        self.dirs: dict[tuple[int, int], set[str]] = {}
        self.by_letter: dict[str, list[tuple[int, int]]] = {}
        self.words: list[tuple[int, tuple[str, ...], int, int, str]] = []  # (index, cells, row, col, direction)
        self.box = None  # (min_r, min_c, max_r, max_c)

    def area_with(self, w, row, col, d) -> tuple[int, int, int]:
        dr, dc = STEP[d]
        end_r, end_c = row + dr * (len(w) - 1), col + dc * (len(w) - 1)
        if self.box is None:
            return end_r - row + 1, end_c - col + 1, (end_r - row + 1) * (end_c - col + 1)
        a, b, c, e = self.box
        h = max(c, end_r) - min(a, row) + 1
        wd = max(e, end_c) - min(b, col) + 1
        return h, wd, h * wd

    def crossings(self, w, row, col, d) -> int:
        """How many letters the word would share, or -1 when it may not go there."""
        dr, dc = STEP[d]
        n = len(w)
        if (row - dr, col - dc) in self.cells or (row + dr * n, col + dc * n) in self.cells:
            return -1
        side = (dc, dr)  # the neighbours across the word's direction
        shared = 0
        for i, c in enumerate(w):
            pos = (row + dr * i, col + dc * i)
            have = self.cells.get(pos)
            if have is not None:
                if have != c or d in self.dirs[pos]:
                    return -1
                shared += 1
            else:
                for s in (1, -1):
                    if (pos[0] + side[0] * s, pos[1] + side[1] * s) in self.cells:
                        return -1
        return shared

    def place(self, index, w, row, col, d) -> None:
        dr, dc = STEP[d]
        for i, c in enumerate(w):
            pos = (row + dr * i, col + dc * i)
            if pos not in self.cells:
                self.cells[pos] = c
                self.dirs[pos] = set()
                self.by_letter.setdefault(c, []).append(pos)
            self.dirs[pos].add(d)
        end_r, end_c = row + dr * (len(w) - 1), col + dc * (len(w) - 1)
        if self.box is None:
            self.box = (row, col, end_r, end_c)
        else:
            a, b, c, e = self.box
            self.box = (min(a, row), min(b, col), max(c, end_r), max(e, end_c))
        self.words.append((index, w, row, col, d))

    def best_spot(self, w, max_rows, max_cols):
        """The word's best legal place, as ((-crossings, area), row, col, direction), or None."""
        best = None
        for i, c in enumerate(w):
            for (r0, c0) in self.by_letter.get(c, ()):
                for d in (ACROSS, DOWN):
                    if d in self.dirs[(r0, c0)]:
                        continue
                    dr, dc = STEP[d]
                    row, col = r0 - dr * i, c0 - dc * i
                    shared = self.crossings(w, row, col, d)
                    if shared < 1:
                        continue
                    h, wd, area = self.area_with(w, row, col, d)
                    if h > max_rows or wd > max_cols:
                        continue
                    key = (-shared, area, row, col, d)  # ties: the top-left place, across first
                    if best is None or key < best[0]:
                        best = (key, row, col, d)
        return best


def _lay(words: list[tuple[int, tuple[str, ...]]], order: list[int], max_rows: int, max_cols: int) -> _Grid:
    """The first word across; then, again and again, the word whose best place crosses most letters
    (the longer word on a tie, then the smaller grid, then the earlier in ``order``)."""
    g = _Grid()
    first = order[0]
    g.place(first, words[first][1], 0, 0, ACROSS)
    waiting = list(order[1:])
    while waiting:
        best = None
        for rank, i in enumerate(waiting):
            spot = g.best_spot(words[i][1], max_rows, max_cols)
            if spot is None:
                continue
            (neg_shared, area, *_), row, col, d = spot
            key = (neg_shared, -len(words[i][1]), area, rank)
            if best is None or key < best[0]:
                best = (key, i, row, col, d)
        if best is None:
            break
        _, i, row, col, d = best
        g.place(i, words[i][1], row, col, d)
        waiting.remove(i)
    return g


def make(terms: Sequence[tuple[str, str]], seed: str = "", tries: int = TRIES, max_rows: int = MAX_SIDE,
         max_cols: int = MAX_SIDE, max_words: int = MAX_WORDS) -> Crossword:
    """``terms`` are (term, definition) pairs, in the guide's order; the grid is at most
    ``max_rows`` × ``max_cols`` cells (what fits the page)."""
    words: list[tuple[int, tuple[str, ...]]] = []
    left_out: list[int] = []
    seen: set[tuple[str, ...]] = set()
    for i, (term, _) in enumerate(terms):
        w = cells(term)
        if w in seen:
            continue
        if len(w) < 2 or len(w) > max(max_rows, max_cols) or len(words) >= max_words:
            left_out.append(i)
            continue
        seen.add(w)
        words.append((i, w))
    # the first word goes across, so it is one that fits across
    firsts = sorted((k for k in range(len(words)) if len(words[k][1]) <= max_cols), key=lambda k: -len(words[k][1]))
    if len(words) < 2 or not firsts:
        return Crossword((), (), tuple(terms[i][0] for i in sorted(left_out + [i for i, _ in words])), ())
    local = list(range(len(words)))
    longest = firsts + sorted((k for k in local if k not in firsts), key=lambda k: -len(words[k][1]))
    best = None
    for t in range(tries):
        if t == 0:
            order = longest
        else:
            r = rng("crossword", seed, str(t))
            order = local[:]
            r.shuffle(order)
            first = r.choice(firsts[: min(3, len(firsts))])
            order.remove(first)
            order.insert(0, first)
        g = _lay(words, order, max_rows, max_cols)
        a, b, c, e = g.box
        key = (-len(g.words), (c - a + 1) * (e - b + 1), abs((c - a) - (e - b)), t)
        if best is None or key < best[0]:
            best = (key, g)
        if len(g.words) == len(words) and t >= 2:
            break
    g = best[1]
    placed = {words[k][0] for k, *_ in g.words}
    left_out += [i for i, _ in words if i not in placed]
    return _finish(g, words, terms, sorted(left_out))


def _finish(g: _Grid, words, terms, left_out: list[int]) -> Crossword:
    a, b, c, e = g.box
    rows, cols = c - a + 1, e - b + 1
    # Hebrew or Arabic: the grid is laid out as for left to right, then mirrored, so each Across
    # answer reads from its number leftwards (Down answers still run downwards)
    mirrored = all(rtl.has_rtl(terms[words[k][0]][0]) for k, *_ in g.words)
    at = (lambda col: cols - 1 - (col - b)) if mirrored else (lambda col: col - b)
    grid = [[None] * cols for _ in range(rows)]
    for (r, col), ch in g.cells.items():
        grid[r - a][at(col)] = ch
    # number every cell that starts a word, in reading order (right to left in a mirrored grid)
    starts = {}
    for k, w, r, col, d in g.words:
        starts.setdefault((r - a, at(col)), []).append((k, w, d))
    numbered = sorted(starts, key=lambda pos: (pos[0], -pos[1] if mirrored else pos[1]))
    number_of = {pos: n for n, pos in enumerate(numbered, 1)}
    entries = []
    for pos in numbered:
        for k, w, d in starts[pos]:
            i = words[k][0]
            term, definition = terms[i]
            entries.append(Entry(number_of[pos], d, pos[0], pos[1], w, clue_for(term, definition), term,
                                 lengths_of(term), mirrored))
    entries.sort(key=lambda en: (en.direction != ACROSS, en.number))
    return Crossword(tuple(tuple(row) for row in grid), tuple(entries), tuple(terms[i][0] for i in left_out),
                     tuple((r, col, number_of[(r, col)]) for r, col in numbered))
