"""The crossword: the numbered grid (the key writes the letters in) and the clues, across then down."""
from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from ..._reportlab import FRAME_FUZZ, Fitted, Together, stacked_height
from ...rtl import base_is_rtl
from ..flow import Labelled, Stack
from . import cross_numbers
from .clues import ClueRow, clue_list, paired
from ..fill import page_short
from .common import _start, smallest, _top, CROSS_NUMBER, cross_cell, numbers_outside, _text, _face, _style

# -- crossword ----------------------------------------------------------------------------------

class CrossGrid(Flowable):
    """The crossword grid with its numbers; the key writes every answer in."""

    def __init__(self, ctx, data, max_height: float):
        super().__init__()
        self.ctx, self.data, self.max_height = ctx, data, max_height

    def least_height(self) -> float:
        """The grid's height at the smallest writable cell."""
        return cross_cell(self.ctx.styles) * (self.data.rows + (1 if numbers_outside(self.ctx.styles) else 0))

    def wrap(self, aW, aH):
        """Cells as big as the room allows (up to 0.42 in): under clues on the page it shares, the grid
        takes the smaller cells the room left gives it, down to the smallest writable cell."""
        d = self.data
        spare = 1 if numbers_outside(self.ctx.styles) else 0
        cols, rows = d.cols + spare, d.rows + spare
        room = min(self.max_height, aH)
        self.cell = max(cross_cell(self.ctx.styles), min(0.42 * inch, aW / cols, room / rows))
        self.x0 = (aW - self.cell * cols) / 2 + spare * self.cell
        self.width, self.height = aW, self.cell * rows
        self.top = self.height - spare * self.cell  # the grid's top edge
        return aW, self.height

    def _number_boxes(self) -> dict:
        """Large print: (row, col) of a numbered cell → its number's box outside the cells (cross_numbers.py),
        in points from the grid's top-left corner, y down."""
        d, ctx = self.data, self.ctx
        across = {(e.row, e.col) for e in d.entries if e.direction == "across"}
        big = smallest(ctx.styles)
        face = ctx.styles["body"].fontName  # (the regular weight: a bold two-digit 16 pt number fills a square)
        boxes, _ = cross_numbers.place(d.grid, d.numbers, across, self.cell, big,
                                       lambda text: stringWidth(text, face, big), d.rtl)
        return boxes

    def draw(self):
        c, ctx, cell, d = self.canv, self.ctx, self.cell, self.data
        regular, bold = ctx.styles["body"].fontName, ctx.styles["heading"].fontName
        numbers = {(r, col): n for r, col, n in d.numbers}
        c.saveState()
        c.setStrokeColor(ctx.color("ink"))
        c.setLineWidth(0.8)
        small, size = cell * CROSS_NUMBER, cell * 0.55
        boxes = self._number_boxes() if numbers_outside(ctx.styles) else {}
        big = smallest(ctx.styles)
        for r, row in enumerate(d.grid):
            for col, ch in enumerate(row):
                if ch is None:
                    continue
                x, y = self.x0 + col * cell, self.top - (r + 1) * cell
                c.rect(x, y, cell, cell, stroke=1, fill=0)
                if (r, col) in numbers:
                    c.setFillColor(ctx.color("ink"))
                    if (r, col) not in boxes:
                        c.setFont(regular, small)
                        c.drawString(x + 1.5, y + cell - small - 0.5, str(numbers[(r, col)]))
                    else:  # outside the cells, against its own, at the edition's own size
                        left, _, _, bottom = boxes[(r, col)]
                        c.setFont(regular, big)
                        c.drawString(self.x0 + left, self.top - bottom, str(numbers[(r, col)]))
                if ctx.key:  # (large print: letters at the edition's size, which the cell has room for)
                    c.setFillColor(ctx.color("answer"))
                    c.setFont(_face(ctx, ch, bold), max(size, big) if numbers_outside(ctx.styles) else size)
                    c.drawCentredString(x + cell / 2, y + cell * 0.28, ch)
        c.restoreState()


def crossword(ctx, name, data) -> list:
    """The grid, then its clues, on one page when both fit there. When they cannot share a page (the
    grid alone takes most of one), the clues come first, where the last activity ended, and the grid
    follows at the smallest writable cell or larger, under the last clues when it fits there, else on
    a page of its own: the page before the grid is filled with clues instead of left half empty, and
    the grid no longer pushes its clues onto a page by themselves. Each clue list is set in two
    columns when a column still holds 20 letters' widths and the list is not taller than half a page."""
    flow = _start(ctx, name, data)
    grid = CrossGrid(ctx, data, ctx.height - _top(ctx.styles))
    st = ctx.styles["body"]
    bold = ctx.styles["heading"].fontName
    clue_style = _style(ctx, "clue", "body", spaceAfter=3)
    indent = stringWidth("00.", bold, st.fontSize) + 6
    blocks = []  # per direction: the flowables, and how many of them open it (kept together)
    for label, entries in ((ctx.label("across"), data.across()), (ctx.label("down"), data.down())):
        items = []
        for e in entries:
            para = ctx.p(e.clue + "\u00a0" + e.lengths, "body")  # "(7)" kept with the clue's last word, never alone
            para.style = clue_style
            # the number at the right of a Hebrew clue; an English one (a Hebrew word's meaning) reads from the left
            items.append(Labelled(f"{e.number}.", para, indent, bold, st.fontSize, rtl=data.rtl and base_is_rtl(e.clue)))
        if items:
            block, head = clue_list(ctx, ctx.raw(_text(ctx, label), "subheading"), items, st, data.rtl,
                                     opening=not blocks and ctx.__dict__.get("crossword_kept", False))
            more = ctx.raw(_text(ctx, ctx.label("continued", what=label)), "subheading")
            blocks.append((block[:head] + [Continued(ctx, more, row) for row in block[head:]], head))
    flat = [f for block, _ in blocks for f in [Spacer(1, 6)] + block]
    clues_h = stacked_height(flat, ctx.width)
    top = stacked_height(flow[1:], ctx.width)  # the title and instructions as they print
    if top + grid.least_height() + clues_h + 12 <= ctx.height:  # grid and clues share the page (12 pt to spare)
        grid.max_height = ctx.height - top - clues_h - 12
        block = Shared(flow[1:] + [grid] + flat, grid) if not ctx.theme.one_column else Together(flow[1:] + [grid] + flat)
        return flow[:1] + [block]
    if ctx.theme.one_column and not ctx.__dict__.get("clues_first"):  # (clues first: the fallback, built first)
        return flow[:1] + [_GridFirst(ctx, flow[1:], grid, blocks, _clues_first(ctx, flow, top, grid, blocks))]
    return flow[:1] + _clues_first(ctx, flow, top, grid, blocks)


def _clues_first(ctx, flow: list, top: float, grid, blocks: list) -> list:
    """The clues first, where the last activity ended, the grid after them (see :func:`crossword`)."""
    # clues first (the title and instructions keep the first of them); the grid opens the next page the
    # clues reach, the clues still to come under it (not in large print: its grid has a page of its own),
    # or follows the last clue on a page of its own
    state = _Grid(grid, pending=not ctx.theme.one_column)
    out = []
    for block, head in blocks:
        rest = [Continued(ctx, row.heading, row.row, state) for row in block[head:]]
        if not out:
            opening = Opening(ctx, Stack(block[:head], space_before=block[0].getSpaceBefore()), state)
            opening.lone = head == 2 and len(block) > 2 and not isinstance(block[1], ClueRow)  # (one clue a line)
            if rest:
                rest[0].opening = opening
            opening.lead = top + max(flow[-1].getSpaceAfter(), opening.spaceBefore)  # (as the frame sets them)
            out += [Together(flow[1:] + [opening])] + rest
        else:
            out += [Continued(ctx, None, Stack(block[:head]), state, gap=6)] + rest
    rows = [f for f in out if isinstance(f, Continued)]
    paired(rows)
    for i, f in enumerate(rows):  # each row knows the rows from it to the last clue
        f.after = rows[i:]
    opening.rows = rows
    for f in rows:  # (a page's part of a list ends before a row the grid sends to the next page)
        if isinstance(f.row, ClueRow):
            f.row.clues.conts[f.row.k] = f
    return out + [_Grid.Last(state)]


class Shared(Fitted):
    """The title, instructions, grid and clues of a crossword that fits on one page, kept together. Where
    the block lands with less room than it takes at its grid's full size (the cells it would have on a page
    of its own), it stays there with smaller cells, down to the smallest writable cell, when the page would
    otherwise end short (layout.fill): the cloze's last four sentences had a page to themselves, 88 % of it
    empty, and the crossword under them took the next (issue 14: two activities share a page when both fit).
    Large print keeps its crossword at its own size (a page of its own)."""

    def __init__(self, flowables, grid):
        super().__init__(flowables)
        self.grid = grid

    def fit(self, room, height):
        grid = self.grid
        rest = height - grid.height  # the title, instructions and clues, with the gaps between them
        if not page_short(room, grid.ctx.height) or rest + grid.least_height() > room:
            return False
        grid.max_height = room - rest - 0.01  # (the cells the room left gives them: CrossGrid.wrap)
        return True


class _GridFirst(Flowable):
    """Large print, grid and clues too tall for one page: the title, instructions and grid, "Across" and
    its first two clues under the grid (never one alone at the page's foot), the other clues flowing on
    under it and over the page under "Across (continued)" or "Down". Chosen where it lands: where that
    opening fits (the grid's cells as big as the room leaves them, down to the smallest writable cell);
    else, where the clues-first opening fits (``fallback``: the clues fill the room the last activity
    left, as a grid-first crossword on the next page would leave it empty), that; else the next page,
    whose top the grid opens. (Clues first at the top of a page, the grid alone on the page after them,
    had a student turn the page to find the puzzle: plates, large print A4, pages 10 and 11.)"""

    def __init__(self, ctx, start: list, grid, blocks: list, fallback: list):
        super().__init__()
        self.ctx, self.start, self.grid, self.fallback = ctx, start, grid, fallback
        (first, head), rest = blocks[0], blocks[1:]
        more = 1 if head == 2 and len(first) > 2 and isinstance(first[2], Continued) and \
            not isinstance(first[2].row, ClueRow) else 0  # (one clue a line: the second clue too)
        self.under = [Spacer(1, 6)] + first[:head] + [f.row for f in first[head:head + more]]
        self.after = first[head + more:]
        for block, head in rest:
            self.after += [Continued(ctx, None, Stack(block[:head]), gap=6)] + block[head:]
        paired([f for f in self.after if isinstance(f, Continued)])

    def wrap(self, aW, aH):
        self.width, self.height = aW, aH + 1  # (never placed itself: split gives what goes here)
        return self.width, self.height

    def split(self, aW, aH):
        """What goes here: the grid first, the clues first, or nothing (the next page). (The frame places
        the first of the flowables returned at once, unsplit: a spacer of no height, then the block.)"""
        return [Spacer(0, 0)] + out if (out := self._choose(aW, aH)) else []

    def _choose(self, aW, aH) -> list:
        fresh = aH >= self.ctx.height - 1  # the whole frame is free: the top of a page
        grid = self.grid
        grid.max_height = min(self.ctx.height, aH) - stacked_height(self.start + self.under, aW)
        opening = Together(self.start + [grid] + self.under)
        if grid.max_height >= grid.least_height():
            if opening.kept_height(self.canv, aW, aH) <= aH:
                self.ctx.__dict__["grid_first"] = True  # (mending.clues_first may try the clues first)
                return [opening] + self.after
        if fresh:  # (no grid-first opening fits even a page: clues first)
            return self.fallback
        high = self.fallback[0].kept_height(self.canv, aW, aH)
        if high > aH:
            return []
        opening = next((f.opening for f in self.fallback if isinstance(f, Continued) and f.opening), None)
        if opening is not None and opening.lone and len(self.fallback) > 1 and \
                high + self.fallback[1].wrapOn(self.canv, aW, aH - high)[1] > aH + FRAME_FUZZ:
            return []  # (it would end this page with one clue under the title: the next page, grid first)
        return self.fallback


class _Grid:
    """The grid of a crossword whose clues go on over a page: placed once, where it fits best."""

    def __init__(self, grid, pending: bool):
        self.grid, self.pending = grid, pending
        self.placed = False
        self.push = None  # a row of clues that opens the next page (it takes the last row there with it)

    class Last(Flowable):
        """The grid after the last clue, unless it went on top of a page of clues; then nothing."""

        def __init__(self, state):
            super().__init__()
            self.state = state

        def wrap(self, aW, aH):
            if self.state.placed:
                self.width, self.height = aW, 0
            else:
                self.width, self.height = aW, 10 + self.state.grid.wrap(aW, aH - 10)[1]
            return self.width, self.height

        def draw(self):
            if not self.state.placed:
                self.state.grid.drawOn(self.canv, 0, 0)

    class Alone(Flowable):
        """The grid under the crossword's title, its cells as big as the page leaves them, the clues on
        the next page (:class:`Opening`)."""

        def __init__(self, state):
            super().__init__()
            self.state = state

        def wrap(self, aW, aH):
            self.width, self.height = aW, self.state.grid.wrap(aW, aH)[1]
            return self.width, self.height

        def draw(self):
            self.state.placed = True
            self.state.grid.drawOn(self.canv, 0, 0)


class Opening(Flowable):
    """The first clues, under the title and instructions. When every clue fits on this page but the grid
    does not fit under the last one, leaving a third of the page empty before a grid alone on the next,
    the grid goes here instead (between the instructions and the clues, at the smallest writable cell)
    when two thirds of the clues still fit under it: the rest go on over the page under their
    "(continued)" heading, two rows or more (never one alone), and what follows has that page's room.
    When the title opens a page (the clues would fill no room left on the page before), the grid goes
    first however few clues fit under it (students look for the grid first): with none, it stands
    under the title alone and the clues open the next page (:meth:`split`)."""

    lead = 0.0  # the title and instructions over it, with the space between them and it

    def __init__(self, ctx, row, state):
        super().__init__()
        self.ctx, self.row, self.state = ctx, row, state
        self.spaceBefore = row.getSpaceBefore()  # (its heading's, as when the heading stood alone)
        self.rows = []  # the rows of clues that follow this one (Continued)
        self.grid_h, self.with_grid, self.alone = 0.0, False, False

    def wrap(self, aW, aH):
        _, h = self.row.wrap(aW, aH)
        state, self.grid_h, self.with_grid, self.alone = self.state, 0.0, False, False
        if not state.placed:
            state.push = None
        after = [f.row.wrap(aW, 1e9)[1] + f.gap for f in self.rows]
        ends = [h + sum(after[:i + 1]) for i in range(len(after))]  # where each row ends, under this one
        least = state.grid.least_height()
        left = aH - least - 12  # room for clues under the smallest grid
        clues = ends[-1] if ends else h
        fresh = aH >= self.ctx.height - self.lead - 1  # the title opens the page
        if state.pending and not state.placed and clues <= aH < clues + 10 + least and h <= left:
            over = sum(1 for end in ends if end > left)  # rows that go on to the next page
            push = self.rows[-2] if over == 1 and len(self.rows) > 1 else None  # it takes the last along
            kept = ends[-3] if push is not None and len(ends) > 2 else h if push is not None else max(
                [h] + [end for end in ends if end <= left])
            self.with_grid = ((fresh or aH - clues > self.ctx.height / 3 and clues - kept <= clues / 3)
                              and (over != 1 or push is not None))
            state.push = push if self.with_grid else None
        elif state.pending and not state.placed and clues <= aH < clues + 10 + least and fresh:
            self.alone = True  # not one row of clues fits under the grid: it stands alone under the title
            self.width, self.height = aW, aH + 1  # (split: the grid here, the clues on the next page)
            return aW, self.height
        if self.with_grid:
            self.grid_h = state.grid.wrap(aW, least)[1] + 12
        self.width, self.height = aW, h + self.grid_h
        return aW, self.height

    def split(self, aW, aH):
        self.wrap(aW, aH)
        return [_Grid.Alone(self.state), self.row] if self.alone else []

    def draw(self):
        self.page = self.canv.getPageNumber()
        if self.with_grid:
            self.state.placed = True
            self.state.grid.drawOn(self.canv, 0, self.height - self.state.grid.height)
        self.row.drawOn(self.canv, 0, 0)


class Continued(Flowable):
    """A row of clues that, when it opens a page, prints its list's heading again as "Down (continued)":
    clues that go on over the page still say which way they run. With ``state`` (a crossword whose
    clues fill more than a page), the first row that opens a page sets the grid above itself when the
    two fit there, so the page under the grid holds clues instead of staying empty; where they do not, and
    the clues left would stand alone before the grid, the grid goes first and they follow it (:meth:`split`)."""

    def __init__(self, ctx, heading, row, state=None, gap: float = 0):
        super().__init__()
        self.ctx, self.heading, self.row, self.state, self.gap = ctx, heading, row, state, gap
        self.shown = self.with_grid = False
        self.after = [self]  # this row and the rows after it, to the last clue

    def wrap(self, aW, aH):
        at_top = abs(aH - self.ctx.height) < 1  # the whole frame is free: the top of a page
        self.shown = (at_top or self.under_grid) and self.heading is not None  # (under the grid, split: its heading too)
        h = self.row.placed_height(aW, at_top) if isinstance(self.row, ClueRow) else self.row.wrap(aW, aH)[1]
        self.head_h = self.heading.wrap(aW, aH)[1] + self.heading.style.spaceAfter if self.shown else 0
        height = h + self.head_h
        self.grid_h, self.with_grid, self.before = 0.0, False, False
        state = self.state
        if at_top and state is not None and state.pending and not state.placed:
            below = self._below(aW)
            # 12 pt under the grid, or as few as 4 where that keeps every clue still to come under it (A5 physics'
            # grid grew a row with "SS" for "ß", and its last 2 clues went on to a page of their own, 85 % empty)
            rest = aH - state.grid.least_height() - self.head_h - below[-1] - 0.01
            self.gap_over = min(12.0, rest) if rest >= 4 else 12.0
            left = aH - state.grid.least_height() - self.gap_over - self.head_h  # room for clues under the smallest grid
            over = sum(1 for h in below if h > left)  # rows that would go on to the next page
            # never one row alone over the page: the one before it goes along (trial r8: "Down (continued)
            # 5." alone on an A5 page), as the opening's rows do
            push = self.after[-2] if over == 1 and len(self.after) > 2 else None
            self.with_grid = height <= left + self.head_h and (over != 1 or push is not None)
            state.push = push if self.with_grid else None
            # the last clues would stand alone here, the grid after them overleaf (A5 physics: 2 clues on a page 85 %
            # empty): the grid goes here and they follow it, where what comes next has the room they leave (split)
            self.before = not self.with_grid and below[-1] + self.head_h <= min(aH, state.grid.wrap(aW, aH - 10)[1] + 10)
            if self.before:
                self.width, self.height = aW, aH + 1
                return aW, self.height
        if self.with_grid:  # cells as big as leave room for the clues still to come, or the smallest
            room = max(state.grid.least_height(), aH - max(height, below[-1] + self.head_h) - self.gap_over)
            self.grid_h = state.grid.wrap(aW, room)[1] + self.gap_over
        self.width, self.height = aW, height + self.grid_h + (0 if at_top else 12 if self.under_grid else self.gap)
        if state is not None and state.push is self and state.placed and not at_top:
            self.height = aH + 1  # too tall for the room left: on to the next page
        then = self.then  # (not rows of long clues, a quarter page together: v04's 8-line clues cost a page so; the
        # frame's own tolerance: a grid grown to the room its last clues leave ends them 1e-14 pt past it, cs loops)
        if then is not None and not at_top and self.height <= aH + FRAME_FUZZ < self.height + then.under(aW) <= self.ctx.height / 4:
            self.height = aH + 1  # the row after it would go on alone: both go on to the next page
        return aW, self.height

    under_grid = False  # placed after the grid (split): 12 pt under it, its heading shown

    def split(self, aW, aH):
        self.under_grid = self.wrap(aW, aH) and self.before
        if self.under_grid:  # (it went on from the page before: postponed once more, reportlab would give up)
            self.__dict__.pop("_postponed", None)
        return [_Grid.Alone(self.state), self] if self.under_grid else []

    then = None  # the row after this one that must not open a page alone (clues.paired)

    def under(self, aW) -> float:
        """This row's height under the one before it, on the same page."""
        h = self.row.placed_height(aW, False) if isinstance(self.row, ClueRow) else self.row.wrap(aW, 1e9)[1]
        return h + self.gap

    def _below(self, aW) -> list[float]:
        """The height of this row, of it and the next, ... to the last clue, opening this page: the rest
        of its list in the columns of a part that this row opens, the lists after it whole."""
        first, total, out = self.row, 0.0, []
        for f in self.after:
            row = f.row
            if isinstance(row, ClueRow) and isinstance(first, ClueRow) and row.clues is first.clues:
                total += row.clues.rise(aW, first.k, row.k) + f.gap
            else:
                total += row.wrap(aW, 1e9)[1] + f.gap
            out.append(total - self.gap)  # (this row opens the page: no gap over it)
        return out

    opening = None  # the list's opening (title, instructions, heading, first clue), when this row follows it

    def draw(self):
        opening = self.opening
        if opening is not None and opening.lone and self.canv.getPageNumber() > getattr(opening, "page", 1e9):
            self.ctx.__dict__["crossword_alone"] = True  # one clue under the title at a page's foot (render)
        if self.with_grid:
            self.state.placed = True
            self.state.grid.drawOn(self.canv, 0, self.height - self.state.grid.height)
        if self.shown:
            self.heading.drawOn(self.canv, 0, self.height - self.grid_h - self.heading.height)
        self.row.drawOn(self.canv, 0, 0)

