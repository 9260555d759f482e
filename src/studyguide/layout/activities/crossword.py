"""The crossword: the numbered grid (the key writes the letters in) and the clues, across then down."""
from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..flow import Labelled
from .common import _start, smallest, _top, CROSS_NUMBER, cross_cell, numbers_outside, _text, _face, _style

# -- crossword ----------------------------------------------------------------------------------

class CrossGrid(Flowable):
    """The crossword grid with its numbers; the key writes every answer in."""

    def __init__(self, ctx, data, max_height: float):
        super().__init__()
        self.ctx, self.data, self.max_height = ctx, data, max_height

    def wrap(self, aW, aH):
        d = self.data
        spare = 1 if numbers_outside(self.ctx.styles) else 0
        cols, rows = d.cols + spare, d.rows + spare
        self.cell = max(cross_cell(self.ctx.styles), min(0.42 * inch, aW / cols, self.max_height / rows))
        self.x0 = (aW - self.cell * cols) / 2 + spare * self.cell
        self.width, self.height = aW, self.cell * rows
        self.top = self.height - spare * self.cell  # the grid's top edge
        return aW, self.height

    def _number_places(self) -> dict:
        """(row, col) of a numbered cell → where its number goes: (row, col, inside). Outside a cell when
        numbers are too big for a corner: in the empty square left of an across word or above a down word."""
        d = self.data
        if not numbers_outside(self.ctx.styles):
            return {(r, c): (r, c, True) for r, c, _ in d.numbers}
        starts = {(e.row, e.col): set() for e in d.entries}
        for e in d.entries:
            starts[(e.row, e.col)].add(e.direction)
        taken, places = set(), {}

        def empty(r, c):
            inside = 0 <= r < d.rows and 0 <= c < d.cols
            return (r, c) not in taken and (not inside or d.grid[r][c] is None) and r >= -1 and c >= -1

        for r, c, _ in d.numbers:
            ways = starts.get((r, c), set())
            tries = [(r, c - 1), (r - 1, c)] if "across" in ways else [(r - 1, c), (r, c - 1)]
            spot = next((t for t in tries if empty(*t)), None)
            if spot is None:
                places[(r, c)] = (r, c, True)
            else:
                taken.add(spot)
                places[(r, c)] = (spot[0], spot[1], False)
        return places

    def draw(self):
        c, ctx, cell, d = self.canv, self.ctx, self.cell, self.data
        regular, bold = ctx.styles["body"].fontName, ctx.styles["heading"].fontName
        numbers = {(r, col): n for r, col, n in d.numbers}
        c.saveState()
        c.setStrokeColor(ctx.color("ink"))
        c.setLineWidth(0.8)
        small, size = cell * CROSS_NUMBER, cell * 0.55
        places = self._number_places()
        big = smallest(ctx.styles)
        for r, row in enumerate(d.grid):
            for col, ch in enumerate(row):
                if ch is None:
                    continue
                x, y = self.x0 + col * cell, self.top - (r + 1) * cell
                c.rect(x, y, cell, cell, stroke=1, fill=0)
                if (r, col) in numbers:
                    c.setFillColor(ctx.color("ink"))
                    pr, pc, inside = places[(r, col)]
                    if inside:
                        c.setFont(regular, small)
                        c.drawString(x + 1.5, y + cell - small - 0.5, str(numbers[(r, col)]))
                    else:  # in the empty square before the word, at the edition's own size
                        c.setFont(bold, big)
                        px, py = self.x0 + pc * cell, self.top - (pr + 1) * cell
                        c.drawCentredString(px + cell / 2, py + (cell - big * 0.72) / 2, str(numbers[(r, col)]))
                if ctx.key:  # (large print: letters at the edition's size, which the cell has room for)
                    c.setFillColor(ctx.color("answer"))
                    c.setFont(_face(ctx, ch, bold), max(size, big) if numbers_outside(ctx.styles) else size)
                    c.drawCentredString(x + cell / 2, y + cell * 0.28, ch)
        c.restoreState()


def crossword(ctx, name, data) -> list:
    flow = _start(ctx, name, data)
    flow.append(CrossGrid(ctx, data, ctx.height - _top(ctx.styles)))
    st = ctx.styles["body"]
    bold = ctx.styles["heading"].fontName
    clue_style = _style(ctx, "clue", "body", spaceAfter=3)
    indent = stringWidth("00.", bold, st.fontSize) + 6
    for label, entries in ((ctx.label("across"), data.across()), (ctx.label("down"), data.down())):
        items = []
        for e in entries:
            para = ctx.p(e.clue + " " + e.lengths, "body")
            para.style = clue_style
            items.append(Labelled(f"{e.number}.", para, indent, bold, st.fontSize))
        heading = ctx.raw(_text(ctx, label), "subheading")
        flow += [Spacer(1, 6), KeepTogether([heading] + items[:2])] + items[2:]
    return flow
