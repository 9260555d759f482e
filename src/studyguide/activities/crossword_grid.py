"""The crossword's grid and the two ways it is filled (pure data; :mod:`.crossword` chooses among them).

A word may go where it crosses a letter already in the grid that it agrees with, and only where it
makes no illegal contact: the cells just before and after it are empty, and a cell it adds never
touches a letter beside it (across: above or below; down: left or right). So every run of two or
more letters is exactly one word, and every word is connected to the first, which goes across.

- :func:`greedy` places, again and again, the waiting word whose best place crosses most letters
  (the longer word on a tie, then the smaller grid, then the earlier in the order). Only the places
  near the word just placed can change, so each word's legal places are kept and updated, not
  searched again after every placement.
- :func:`beam` takes the words in order and keeps the few best partial grids at each step (most
  words, then the smallest area less 6 cells a shared letter, then fewest rows): it finds the
  shorter grids that a page needs, where the greedy, one place at a time, paints itself into a corner.
- :func:`spread` is a beam too, but takes the words in no fixed order: each step, every waiting word
  in every grid kept, the longest that fit going first. Where a fixed order brings a long word when
  nothing it could cross is in yet, this one places it as soon as it can go in.
"""
from __future__ import annotations

from typing import Optional

ACROSS, DOWN = "across", "down"
BEAM = 4         # grids a beam keeps at each step
SHARED_CELLS = 6  # a letter two words share is worth this many cells of area to a beam


class Grid:
    """Letters on a board with room on every side of the first word: one flat list indexed by
    ``(row + off) * stride + col + off``, so that checking a place costs a few list look-ups."""

    def __init__(self, side: int):
        self.off = side + 2
        self.stride = 3 * self.off
        self.letters: list[Optional[str]] = [None] * (self.stride * self.stride)
        self.dirs = bytearray(self.stride * self.stride)       # 1: an across word runs here, 2: a down word
        self.by_letter: dict[str, list[int]] = {}              # where each letter is, in the order it came
        self.words: list[tuple[int, tuple[str, ...], int, int, str]] = []  # (index, cells, row, col, direction)
        self.box = (0, 0, 0, 0)                                # (min_r, min_c, max_r, max_c) of the letters
        self.shared = 0                                        # letters that two words share

    def copy(self) -> "Grid":
        g = Grid.__new__(Grid)
        g.off, g.stride, g.box, g.shared = self.off, self.stride, self.box, self.shared
        g.letters, g.dirs, g.words = self.letters[:], self.dirs[:], self.words[:]
        g.by_letter = {k: v[:] for k, v in self.by_letter.items()}
        return g

    @property
    def cells(self) -> dict[tuple[int, int], str]:
        s, o = self.stride, self.off
        return {(p // s - o, p % s - o): ch for p, ch in enumerate(self.letters) if ch is not None}

    def score(self) -> tuple[int, int, int, int]:
        """Most words, then fewest rows, then the smallest area, then the squarer grid."""
        a, b, c, e = self.box
        return -len(self.words), c - a + 1, (c - a + 1) * (e - b + 1), abs((c - a) - (e - b))

    def place(self, index, w, row, col, d) -> None:
        step, bit = (1, 1) if d == ACROSS else (self.stride, 2)
        p = (row + self.off) * self.stride + col + self.off
        letters, dirs = self.letters, self.dirs
        for c in w:
            if letters[p] is None:
                letters[p] = c
                self.by_letter.setdefault(c, []).append(p)
            else:
                self.shared += 1
            dirs[p] |= bit
            p += step
        end_r, end_c = (row, col + len(w) - 1) if d == ACROSS else (row + len(w) - 1, col)
        if not self.words:
            self.box = (row, col, end_r, end_c)
        else:
            a, b, c, e = self.box
            self.box = (min(a, row), min(b, col), max(c, end_r), max(e, end_c))
        self.words.append((index, w, row, col, d))

    def crossings(self, w, p, d) -> int:
        """How many letters the word would share starting at ``p``, or -1 when it may not go there."""
        letters, dirs = self.letters, self.dirs
        step, side, bit = (1, self.stride, 1) if d == ACROSS else (self.stride, 1, 2)
        if letters[p - step] is not None or letters[p + step * len(w)] is not None:
            return -1
        shared = 0
        for c in w:
            have = letters[p]
            if have is not None:
                if have != c or dirs[p] & bit:
                    return -1
                shared += 1
            elif letters[p - side] is not None or letters[p + side] is not None:
                return -1
            p += step
        return shared

    def start(self, row, col) -> int:
        return (row + self.off) * self.stride + col + self.off

    def spots(self, w, at, max_rows, max_cols, where=None):
        """The word's legal places, as (crossings, rows, cols, row, col, direction), where it crosses a
        letter it agrees with and the grid stays within ``max_rows`` × ``max_cols``; ``at`` maps each of
        its letters to where the word has them. ``where`` (letter → cells): only places crossing those."""
        s, o, n = self.stride, self.off, len(w)
        a, b, c_, e = self.box
        letters, dirs, seen, where = self.letters, self.dirs, set(), self.by_letter if where is None else where
        for ch, ks in at.items():
            for q in where.get(ch, ()):
                run = dirs[q]
                if run == 3:
                    continue
                r0, c0 = q // s - o, q % s - o
                for k in ks:
                    if run == 2:  # a down word runs through this letter: this one goes across
                        r, c, d, end_r, end_c, p, step, side, bit = r0, c0 - k, ACROSS, r0, c0 - k + n - 1, q - k, 1, s, 1
                    else:
                        r, c, d, end_r, end_c, p, step, side, bit = r0 - k, c0, DOWN, r0 - k + n - 1, c0, q - s * k, s, 1, 2
                    h = (c_ if c_ > end_r else end_r) - (a if a < r else r) + 1
                    wd = (e if e > end_c else end_c) - (b if b < c else c) + 1
                    if h > max_rows or wd > max_cols or letters[p - step] is not None or letters[p + step * n] is not None:
                        continue
                    if (p, d) in seen:
                        continue
                    seen.add((p, d))  # the same place, found through another of its crossings
                    x = 0  # as crossings(), inline: this loop is most of a crossword's time
                    for i in range(n):
                        have = letters[p]
                        if have is not None:
                            if have != w[i] or dirs[p] & bit:
                                break
                            x += 1
                        elif letters[p - side] is not None or letters[p + side] is not None:
                            break
                        p += step
                    else:
                        yield x, h, wd, r, c, d


def letters_at(words) -> dict[int, dict[str, list[int]]]:
    """For each word, where it has each of its letters."""
    out = {}
    for k, (_, w) in enumerate(words):
        out[k] = {}
        for i, ch in enumerate(w):
            out[k].setdefault(ch, []).append(i)
    return out


def greedy(words, order: list[int], max_rows: int, max_cols: int, at) -> Grid:
    """The first word in ``order`` across; then, again and again, the waiting word whose best place
    crosses most letters (the longer word on a tie, then the smaller grid, then the earlier in
    ``order``, then the top-left place, across first). Words that fit nowhere are left out."""
    g = Grid(max(max_rows, max_cols))
    g.place(order[0], words[order[0]][1], 0, 0, ACROSS)
    waiting = list(order[1:])
    rank = {k: i for i, k in enumerate(waiting)}
    places: dict[int, dict[tuple[int, int, str], int]] = {k: {} for k in waiting}  # (row, col, dir) → crossings
    new = dict(g.by_letter)   # letter → cells, of the letters the last word added
    near = (0, 0, 0, len(words[order[0]][1]) - 1)   # the last word's cells: what places it can change
    while waiting:
        a, b, c_, e = g.box
        best = None
        for k in waiting:
            w, mine = words[k][1], places[k]
            n = len(w)
            _refresh(g, w, mine, near)
            for x, _, _, r, c, d in g.spots(w, at[k], max_rows, max_cols, where=new):
                mine[(r, c, d)] = x   # new places cross the letters the last word added (a place too big
                # for the page now stays so: the grid only grows; and so every place kept is on the board)
            for (r, c, d), x in mine.items():
                if best is not None and (x, n) < best[1]:
                    continue  # it loses on crossings and length already
                end_r, end_c = (r, c + n - 1) if d == ACROSS else (r + n - 1, c)
                h = (c_ if c_ > end_r else end_r) - (a if a < r else r) + 1
                wd = (e if e > end_c else end_c) - (b if b < c else c) + 1
                if h > max_rows or wd > max_cols:
                    continue
                key = (-x, -n, h * wd, rank[k], r, c, d)
                if best is None or key < best[0]:
                    best = (key, (x, n), k, r, c, d)
        if best is None:
            break
        _, _, k, r, c, d = best
        n = len(words[k][1])
        cells = [g.start(r, c + i) if d == ACROSS else g.start(r + i, c) for i in range(n)]
        new = {}
        for q, ch in zip(cells, words[k][1]):
            if g.letters[q] is None:
                new.setdefault(ch, []).append(q)
        g.place(k, words[k][1], r, c, d)
        near = (r, c, r, c + n - 1) if d == ACROSS else (r, c, r + n - 1, c)
        waiting.remove(k)
        del places[k]
    return g


def beam(words, order: list[int], max_rows: int, max_cols: int, at, width: int = BEAM) -> Grid:
    """The first word in ``order`` across; then each next word in every legal place of each of the
    ``width`` grids kept so far, and the best ``width`` of those grids go on (most words, then the
    smallest area less SHARED_CELLS a shared letter, then fewest rows). A word that fits nowhere in a
    grid waits there and is tried once more at the end."""
    g = Grid(max(max_rows, max_cols))
    g.place(order[0], words[order[0]][1], 0, 0, ACROSS)
    kept = [(g, ())]  # a grid and the words waiting for it
    todo, again = order[1:], False
    while todo:
        for k in todo:
            w = words[k][1]
            options = []
            for gi, (g, waiting) in enumerate(kept):
                a, b, c, e = g.box
                stay = ((-len(g.words), (c - a + 1) * (e - b + 1) - SHARED_CELLS * g.shared, c - a + 1, gi), gi, None)
                if again and k not in waiting:  # the second round: this grid has the word already
                    options.append(stay)
                    continue
                n = len(options)
                for x, h, wd, r, col, d in g.spots(w, at[k], max_rows, max_cols):
                    options.append(((-len(g.words) - 1, h * wd - SHARED_CELLS * (g.shared + x), h, gi, r, col, d),
                                    gi, (r, col, d)))
                if len(options) == n:
                    options.append(stay)
            options.sort(key=lambda o: o[0])
            nxt = []
            for _, gi, spot in options[:width]:
                g, waiting = kept[gi]
                if spot is None:
                    nxt.append((g, waiting if again or k in waiting else waiting + (k,)))
                else:
                    g = g.copy()
                    g.place(k, w, *spot)
                    nxt.append((g, tuple(i for i in waiting if i != k)))
            kept = nxt
        if again:
            break
        todo, again = [k for k in order[1:] if any(k in waiting for _, waiting in kept)], True
    return min(kept, key=lambda gw: gw[0].score())[0]



def spread(words, first: int, max_rows: int, max_cols: int, at, width: int = BEAM, shared: int = SHARED_CELLS) -> Grid:
    """A beam that, unlike :func:`beam`, takes the words in no fixed order: from each of the ``width``
    grids kept, every waiting word in every legal place, and the best ``width`` different grids go on
    (the most letters in, so that the long words, which have the fewest places, go in whenever they
    can; then the smallest area less ``shared`` cells a shared letter; then fewest rows). Each grid keeps
    its words' legal places and updates them near the word it adds, as :func:`greedy` does. It stops
    when no kept grid takes another word, and returns the best of its last grids (:meth:`Grid.score`)."""
    g = Grid(max(max_rows, max_cols))
    w0 = words[first][1]
    g.place(first, w0, 0, 0, ACROSS)
    places = {k: {(r, c, d): x for x, _, _, r, c, d in g.spots(words[k][1], at[k], max_rows, max_cols)}
              for k in range(len(words)) if k != first}
    kept = [(g, places, len(w0))]
    while True:
        children = []
        for gi, (g, places, lets) in enumerate(kept):
            a, b, c_, e = g.box
            base = g.shared
            for k, mine in places.items():
                n = len(words[k][1])
                for (r, c, d), x in mine.items():
                    end_r, end_c = (r, c + n - 1) if d == ACROSS else (r + n - 1, c)
                    h = (c_ if c_ > end_r else end_r) - (a if a < r else r) + 1
                    wd = (e if e > end_c else end_c) - (b if b < c else c) + 1
                    if h <= max_rows and wd <= max_cols:
                        children.append((-lets - n, h * wd - shared * (base + x), h, gi, k, r, c, d))
        if not children:
            break
        children.sort()
        nxt, seen = [], set()
        for _, _, _, gi, k, r, c, d in children:
            g, places, lets = kept[gi]
            sig = frozenset([(i, rr, cc, dd) for i, _, rr, cc, dd in g.words] + [(k, r, c, d)])
            if sig in seen:  # the same grid, its words placed in another order
                continue
            seen.add(sig)
            nxt.append(_add(g, places, lets, words, k, r, c, d, max_rows, max_cols, at))
            if len(nxt) == width:
                break
        kept = nxt
        if not kept[0][1]:
            break
    return min((g for g, _, _ in kept), key=Grid.score)


def _add(g: Grid, places, lets: int, words, k: int, r: int, c: int, d: str, max_rows, max_cols, at):
    """A copy of the grid with word ``k`` placed, and the other words' legal places updated."""
    w = words[k][1]
    n = len(w)
    g = g.copy()
    cells = [g.start(r, c + i) if d == ACROSS else g.start(r + i, c) for i in range(n)]
    new: dict[str, list[int]] = {}
    for q, ch in zip(cells, w):
        if g.letters[q] is None:
            new.setdefault(ch, []).append(q)
    g.place(k, w, r, c, d)
    pr0, pc0, pr1, pc1 = (r, c, r, c + n - 1) if d == ACROSS else (r, c, r + n - 1, c)
    out = {}
    for j, mine in places.items():
        if j == k:
            continue
        wj = words[j][1]
        mine = dict(mine)
        _refresh(g, wj, mine, (pr0, pc0, pr1, pc1))
        if not new.keys().isdisjoint(at[j]):  # new places cross a letter the new word added
            for x, _, _, rr, cc, dd in g.spots(wj, at[j], max_rows, max_cols, where=new):
                mine[(rr, cc, dd)] = x
        out[j] = mine
    return g, out, lets + n


def _refresh(g, w, mine: dict, near) -> None:
    """The places ``mine`` (place → crossings) of the word ``w`` beside ``near``, the box of the word just
    placed: each there may have become illegal (dropped) or cross it now (counted again)."""
    pr0, pc0, pr1, pc1 = near
    n = len(w)
    for (r, c, d) in list(mine):
        r1, c1 = (r + 1, c + n) if d == ACROSS else (r + n, c + 1)
        if r - 1 <= pr1 and pr0 <= r1 and c - 1 <= pc1 and pc0 <= c1:
            x = g.crossings(w, g.start(r, c), d)
            if x > 0:
                mine[(r, c, d)] = x
            else:
                del mine[(r, c, d)]
