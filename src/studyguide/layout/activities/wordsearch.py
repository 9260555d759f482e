"""The word search: the letter grid and the words to find; the key rings each word."""
from __future__ import annotations

import math

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer, TableStyle

from ... import inline, scripts
from ...activities import compat, terms_of
from ...activities.articles import puzzle_word
from ...activities.wordsearch import DIRECTIONS
from ..._reportlab import Together, stacked_height
from ..flow import Stack, para_width
from .common import _start, SEARCH_LETTER, search_cell, _table, _text, _face

# -- word search -------------------------------------------------------------------------------

GAP, LEAST_GAP = 12, 6  # points between the grid and its words to find; the least (the grid's frame reaches 3 pt below it)
PAD, PAD_RIGHT = 4, 6  # points: a word to find's cell padding at its left and right (each column's room is less these)

class WordGrid(Flowable):
    """The word-search grid; the key rings each word (and sets its letters in bold)."""

    def __init__(self, ctx, data):
        super().__init__()
        self.ctx, self.data = ctx, data
        self.room = float("inf")  # the height the grid may take where it lands (set by _Block)

    def wrap(self, aW, aH):
        n = self.data.size
        self.cell = max(search_cell(self.ctx.styles), min(0.36 * inch, aW / n, self.room / n))
        side = self.cell * n
        self.x0 = (aW - side) / 2
        self.width, self.height = aW, side
        return aW, side

    def _centre(self, row, col):
        return self.x0 + (col + 0.5) * self.cell, self.height - (row + 0.5) * self.cell

    def draw(self):
        c, ctx, cell, n = self.canv, self.ctx, self.cell, self.data.size
        key = ctx.key
        regular, bold = ctx.styles["body"].fontName, ctx.styles["heading"].fontName
        size = cell * SEARCH_LETTER
        solution = {pos for p in self.data.placements for pos in p.positions()} if key else set()
        c.saveState()
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(ctx.theme.grid * 1.6)
        c.rect(self.x0 - 3, -3, cell * n + 6, cell * n + 6)
        if key and ctx.color("shade") is not None:  # light shading under each word (under the letters)
            c.setFillColor(ctx.color("shade"))
            for p in self.data.placements:
                self._capsule(p, fill=1, stroke=0)
        for r, row in enumerate(self.data.grid):
            for col, ch in enumerate(row):
                x, y = self._centre(r, col)
                on = (r, col) in solution
                c.setFillColor(ctx.color("answer") if on else ctx.color("ink"))
                c.setFont(_face(ctx, ch, bold if on else regular), size)
                c.drawCentredString(x, y - size * 0.36, ch)
        if key:  # a ring round each word: readable in black and white
            c.setStrokeColor(ctx.color("answer"))
            c.setLineWidth(1.1)
            for p in self.data.placements:
                self._capsule(p, fill=0, stroke=1)
        c.restoreState()

    def _capsule(self, p, fill, stroke):
        c, cell = self.canv, self.cell
        dr, dc = DIRECTIONS[p.direction]
        x, y = self._centre(p.row, p.col)
        length = (len(p.cells) - 1) * cell * math.hypot(dr, dc)
        r = cell * 0.4
        c.saveState()
        c.translate(x, y)
        c.rotate(math.degrees(math.atan2(-dr, dc)))
        c.roundRect(-r, -r, length + 2 * r, 2 * r, r, stroke=stroke, fill=fill)
        c.restoreState()


class _Block(Stack):
    """The title, instructions, grid and words to find as one block: the grid's cells are as big as the
    room where the block lands allows, down to the smallest readable cell; when even that leaves no room
    for the words to find, the whole block opens the next page (the list never sits alone over the page)."""

    def __init__(self, items, grid: WordGrid, space_before: float, page_height: float, mark=None):
        super().__init__(items, space_before=space_before, page_height=page_height)
        self.grid, self.mark = grid, mark  # mark: the section's page mark, noted where the block lands
        self.ctx = self.lists = self.more = None  # (the words to find as cells and columns, to split the list)

    def drawOn(self, canvas, x, y, _sW=0):
        if self.mark is not None:
            self.mark.drawOn(canvas, x, y + self.height)
        super().drawOn(canvas, x, y, _sW)

    def wrap(self, aW, aH):
        gap = self.items[self.items.index(self.grid) + 1]
        gap.height = GAP
        self.grid.room = float("inf")
        super().wrap(aW, aH)
        self.grid.room = min(aH, self.page_height) - (self.height - self.grid.height)
        super().wrap(aW, aH)
        over = self.height - min(aH, self.page_height)
        if 0 < over <= GAP - LEAST_GAP:  # a point or two short at the smallest cell: the gap under the grid gives
            gap.height = GAP - over  # them (the 4-row list once went alone to the next page, 0.8 pt too tall)
            super().wrap(aW, aH)
        return self.width, self.height

    def split(self, aW, aH):
        """Taller than a page even at the smallest cell (large print). On a fresh page the block goes whole
        wherever it fits one (the gap under the grid giving a few points), so the grid has all its words to find
        under it. Under what came before: the title, instructions and words to find there, the grid opening the
        next page (as the crossword's clues start under its title). A title and its instructions never end a
        page alone: the grid and its words once opened the next page with the two left over them (the r14 trial's
        large-print chemistry guide ended page 14 on "Find each word in the grid.", a quarter of it empty). When
        not all the words to find fit there, their first rows (two or more) do, and the grid opens the next page
        with the rest under it ("Words to find (continued)"); when not even two rows fit, the whole block opens
        the next page, where the title and instructions stay with the grid, and the words to find, under their
        own title, follow it (their first rows, else all of them on the next page). Where the grid first costs
        the handout or key a page, the layout is done again with the words to find first (mending.words_first)."""
        noted, first = self.ctx.__dict__, not self.ctx.__dict__.get("search_words_first")  # (mending.words_first)
        self.wrap(aW, aH)
        if self.height > self.page_height and first and self.wrap(aW, self.page_height)[1] <= self.page_height:
            noted["search_grid_first"] = True  # (on a fresh page, the gap under the grid gives a few points: once
            return []  # split when 3 pt over at a page's foot, its words to find there and the grid overleaf)
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []  # whole where it fits, else on the next page
        at = self.items.index(self.grid)
        head, words = self.items[:at], self.items[at + 2:]
        mark = [self.mark] * (self.mark is not None)
        if aH < self.page_height - 1:
            self.grid.room = self.page_height
            if stacked_height(head + words, aW) + self.spaceBefore <= aH:
                return mark + [Stack(head + words, self.spaceBefore, self.page_height), self.grid]
            return self._rows_here(head, words, aW, aH, mark)
        self.grid.room = self.page_height - stacked_height(head, aW)
        return self._rows_under(head, words, aW, mark) or self._said_under(head, words, aW, mark)

    def _said_under(self, head, words, aW, mark):
        """On a fresh page, with not two rows of the words to find under the grid: all of them open the next
        page under their title, and a line under the grid says so when it fits there at the grid's smallest
        cell (a student once saw a grid with no list)."""
        note = [Spacer(1, LEAST_GAP), self.ctx.raw(_text(self.ctx, self.ctx.label("words_go_on")), "instruction")]
        room = self.page_height - stacked_height(head + note, aW)
        if search_cell(self.ctx.styles) * self.grid.data.size <= room:
            self.grid.room = min(self.grid.room, room)
        else:
            note = []
        return mark + [Stack(head + [self.grid] + note, self.spaceBefore, self.page_height), Together(words)]

    def _rows_under(self, head, words, aW, mark):
        """On a fresh page: the title, instructions and grid, the first rows of the words to find under it (two
        or more; as many as leave the grid the size the page gives it, else two at a smaller cell), the rest
        opening the next page under their "(continued)" heading; [] when not two rows fit under the grid even
        at its smallest cell. (On A5 the whole list once opened the next page, nothing under the grid saying so.)"""
        cells, cols = self.lists
        per = math.ceil(len(cells) / cols)
        above = stacked_height(head, aW)
        self.grid.wrap(aW, self.page_height)
        least = [2] if per > 2 else []  # (a list of two rows or fewer has no rest to go on: it all goes on, _said_under)
        for cell, counts in ((self.grid.cell, range(per - 2, 1, -1)), (search_cell(self.ctx.styles), least)):
            for rows in counts:  # (two rows or more on each side of the page break, as the crossword's clues)
                under = [Spacer(1, GAP), words[0], _list(self.ctx, cells[:rows * cols], cols)]
                room = self.page_height - above - stacked_height(under, aW)
                page = Stack(head + [self.grid] + under, self.spaceBefore, self.page_height)
                self.grid.room = room  # (the stack adds the space under the instructions that the sum leaves
                room -= max(0.0, page.wrap(aW, self.page_height)[1] - self.page_height)  # out: taller than the
                if cell * self.grid.data.size <= room:  # page, it split, and the first rows went over with their
                    self.grid.room = room  # "(continued)" rows under them: the Spanish trial guide's page 13)
                    rest = [self.more, _list(self.ctx, cells[rows * cols:], cols)]
                    return mark + [page, Together(rest)]
        return []

    def _rows_here(self, head, words, aW, aH, mark):
        """The title, instructions and the first rows of the words to find where the block lands, the grid
        opening the next page with the rest under their "(continued)" heading; [] when not two rows fit, or the
        rest does not fit under the grid.
        Each part is a list of its own, read down its columns in alphabetical order."""
        cells, cols = self.lists
        per = math.ceil(len(cells) / cols)
        for rows in range(per - 2, 1, -1):  # (two rows or more on each side of the grid, as the crossword's clues)
            first = _list(self.ctx, cells[:rows * cols], cols)
            if stacked_height(head + [words[0], first], aW) + self.spaceBefore <= aH:
                rest = [Spacer(1, 12), self.more, _list(self.ctx, cells[rows * cols:], cols)]
                self.grid.room = self.page_height - stacked_height(rest, aW)
                if search_cell(self.ctx.styles) * self.grid.data.size > self.grid.room:
                    return []  # the rest would not fit under the grid at its smallest cell (fewer rows here: less)
                return mark + [Stack(head + [words[0], first], self.spaceBefore, self.page_height),
                               Stack([self.grid] + rest, 0, self.page_height)]
        return []


def _list(ctx, cells, cols):
    """The words to find in ``cols`` columns, read down each column."""
    per = math.ceil(len(cells) / cols)
    rows = [[cells[c * per + r] if c * per + r < len(cells) else "" for c in range(cols)] for r in range(per)]
    table = _table(ctx, rows, [ctx.width / cols] * cols)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_RIGHT),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def word_search(ctx, name, data) -> list:
    flow = _start(ctx, name, data)
    words = sorted({scripts.caps(compat(inline.plain(puzzle_word(p.term, ctx.guide.language, terms_of(ctx.guide)))), ctx.guide.language)
                    for p in data.placements},
                   key=lambda w: scripts.alphabetical(w, ctx.guide.language))
    cells = [ctx.raw(_text(ctx, w), "cell") for w in words]
    widest = max(para_width(p) for p in cells) + PAD + PAD_RIGHT  # (a column's width, the cell's padding in it)
    cols = next((n for n in (4, 3, 2) if ctx.width / n >= widest), 1)  # as many columns as keep every word whole:
    # counted with 8 pt of padding, where a cell has 10, a word within 2 pt of its column's width broke, and a
    # student looked for "NG" in the grid (n16's German large print: "ÜBERSCHWEMMU-" over "NG")
    grid = WordGrid(ctx, data)
    title = ctx.raw(_text(ctx, ctx.label("words_to_find")), "subheading")
    block = _Block(flow[2:] + [grid, Spacer(1, GAP), title, _list(ctx, cells, cols)], grid,
                   flow[2].getSpaceBefore(), ctx.height, mark=flow[1])
    block.ctx, block.lists = ctx, (cells, cols)
    block.more = ctx.raw(_text(ctx, ctx.label("continued", what=ctx.label("words_to_find"))), "subheading")
    return flow[:1] + [block]
