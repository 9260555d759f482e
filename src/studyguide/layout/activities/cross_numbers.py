"""Where a large-print crossword's numbers go: outside the cells, each at its own start cell.

At the edition's 16 pt a number does not fit in a cell's corner, so it goes in an empty square beside
the cell that starts its word. Two-digit numbers at 16 pt fill such a square, so the square alone
does not tie a number to its cell: two numbers in neighbouring squares print as one ("2120"), and a
number centred in its square is as near a neighbour's cell as its own. So each number's box is
placed against its own cell (right-aligned in the square to its left, at the foot of the square above),
and the boxes are chosen together, under two rules a reader relies on:

- no box comes within ``GAP`` (a quarter of the type size) of another, so numbers never run together;
- each box is nearer its own start cell, by ``GAP`` at least, than any other numbered cell.

Each number tries the square before its word first (left of an across word, above a down word), then
the other squares that touch its cell (below it or after it only when no cell follows, since a number
is read as the number of the cell it stands before), each at three places along the shared edge, a box
clear of other cells first; a search with backtracking finds boxes for all of them (every grid of the
bundled guides and test cases, in large print on letter and A4). Should none be found, the numbers that
cannot keep both rules are placed at their first choice that keeps the first rule, or else their first
choice, and :func:`place` says which ones those are.
"""
from __future__ import annotations

from typing import Callable, Optional

GAP = 0.25  # least space between two numbers, and the least lead of a box's own cell, as a share of the type size
PAD = 0.06  # space between a number and its own cell, as a share of the cell
DIGITS = 0.73  # a digit's height, as a share of the type size

Box = tuple[float, float, float, float]  # left, top, right, bottom in points, from the grid's top-left, y down


def place(grid, numbers, across: set, cell: float, size: float, width: Callable[[str], float],
          rtl: bool = False) -> tuple[dict, list]:
    """``{(row, col): box}`` for every numbered cell, and the numbers that break a rule (none as a rule).
    ``grid``: rows of letters (None where empty); ``numbers``: (row, col, number); ``across``: the cells
    that start an across word; ``width``: a number's printed width. The room is the grid and the spare
    square above it and left of it."""
    rows, cols = len(grid), len(grid[0]) if grid else 0
    letters = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] is not None]
    starts = [(r, c) for r, c, _ in numbers]
    gap = GAP * size

    def letter(r, c):
        return 0 <= r < rows and 0 <= c < cols and grid[r][c] is not None

    def empty(r, c):  # (in the room the grid has: its spare square on the left and on top)
        return -1 <= r < rows and -1 <= c < cols and not letter(r, c)

    options = []
    h = DIGITS * size
    for r, c, n in numbers:  # (a box stays within a square and a half of its cell: only the cells near it matter)
        own = _cell(r, c, cell)
        others = [_cell(rr, cc, cell) for rr, cc in letters
                  if abs(rr - r) <= 2 and abs(cc - c) <= 2 and (rr, cc) != (r, c)]
        near_starts = [_cell(rr, cc, cell) for rr, cc in starts
                       if abs(rr - r) <= 3 and abs(cc - c) <= 3 and (rr, cc) != (r, c)]
        before = (r, c + 1) if rtl else (r, c - 1)
        sides = [before, (r - 1, c)] if (r, c) in across else [(r - 1, c), before]
        # below the cell or after it (where no word starts) only with no cell beyond: a number is read as
        # the number of the cell it stands before or above
        after = -1 if rtl else 1
        far = (((r + 1, c), (r + 2, c)), ((r, c + after), (r, c + 2 * after)))
        sides = [s for s in sides if empty(*s)] + [s for s, past in far if empty(*s) and not letter(*past)]
        mine = []  # (rank, box): in its square, clear of other letters, in the square before its word
        w = width(str(n))
        for hang in (False, True):
            for j, (sr, sc) in enumerate(sides):
                for box in _boxes(r, c, sr, sc, w, h, cell, hang):
                    mine_d = _distance(box, own)  # (it overlaps no cell; it leads other numbered cells by gap)
                    clear = min((_distance(box, o) for o in others), default=cell)
                    if min(mine_d, clear) > 0.25 and all(_distance(box, o) >= mine_d + gap for o in near_starts):
                        mine.append(((hang, clear <= gap / 2, j), box))
        options.append([box for _, box in sorted(mine, key=lambda o: o[0])])
    near = [[j for j, (r2, c2, _) in enumerate(numbers) if abs(r2 - r) <= 4 and abs(c2 - c) <= 4]
            for r, c, _ in numbers]
    chosen = _search(options, gap, near)
    if chosen is not None:
        return {(r, c): b for (r, c, _), b in zip(numbers, chosen)}, []
    # a crowded corner: keep as much as can be kept, and say which numbers could not keep both rules
    out, bad = {}, []
    for (r, c, n), mine in zip(numbers, options):
        fits = [b for b in mine if all(_apart(b, o, gap) for o in out.values())]
        if fits:
            out[(r, c)] = fits[0]
            continue
        spare = [b for s in [(r, c + 1) if rtl else (r, c - 1), (r - 1, c)] if empty(*s)
                 for b in _boxes(r, c, *s, width(str(n)), h, cell)]
        out[(r, c)] = (spare or _boxes(r, c, r, c - 1, width(str(n)), h, cell))[0]
        bad.append(n)
    return out, bad


def _boxes(r, c, sr, sc, w, h, cell, hang: bool = False) -> list[Box]:
    """The number's box in the square (sr, sc) beside its cell (r, c), against their shared edge: centred
    along it, then at its one end and its other. ``hang``: half out of the square along that edge, over
    the empty square beyond (where a neighbouring number leaves the square itself too near its cell)."""
    pad = PAD * cell
    x0, y0 = sc * cell, sr * cell  # the square's top-left
    if sr == r:  # left or right of the cell: against the side it shares, up and down the row
        x = x0 + cell - pad - w if sc < c else x0 + pad
        ys = [y0 - h / 2, y0 + cell - h / 2] if hang else [y0 + (cell - h) / 2, y0 + pad, y0 + cell - pad - h]
        return [(x, y, x + w, y + h) for y in ys]
    y = y0 + cell - pad - h if sr < r else y0 + pad  # above or below: against the edge it shares
    xs = [x0 + cell / 2 - w, x0 + cell / 2] if hang else [x0 + (cell - w) / 2, x0 + pad, x0 + cell - pad - w]
    return [(x, y, x + w, y + h) for x in xs]


def _distance(a: Box, b: Box) -> float:
    dx = max(a[0] - b[2], b[0] - a[2], 0.0)
    dy = max(a[1] - b[3], b[1] - a[3], 0.0)
    return (dx * dx + dy * dy) ** 0.5


def _cell(r, c, cell) -> Box:
    return (c * cell, r * cell, (c + 1) * cell, (r + 1) * cell)


def _apart(a: Box, b: Box, gap) -> bool:
    return _distance(a, b) >= gap


def _search(options: list, gap, near: list) -> Optional[list]:
    """A box for every number, each from its options in its order of preference, no two within ``gap``:
    depth first, the number with fewest options left going next, and each choice striking the options it
    clashes with from the numbers ``near`` it (only those can clash), so that a choice that leaves a number
    no option is undone at once. It gives up (None) after a bounded amount of work."""
    budget = [5000]
    chosen: list = [None] * len(options)

    def go(left: list) -> bool:
        todo = [i for i, b in enumerate(chosen) if b is None]
        if not todo:
            return True
        i = min(todo, key=lambda k: (len(left[k]), k))
        for box in left[i]:
            budget[0] -= 1
            if budget[0] < 0:
                return False
            after = list(left)
            for j in near[i]:
                if chosen[j] is None and j != i:
                    after[j] = [b for b in left[j] if _apart(box, b, gap)]
            if any(not after[j] for j in near[i] if chosen[j] is None and j != i):
                continue
            chosen[i] = box
            if go(after):
                return True
            chosen[i] = None
        return False

    return chosen if all(options) and go(list(options)) else None
