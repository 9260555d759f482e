"""Ruled tables that split over pages only between rows and never strand a row or two at either end
(the vocabulary, the chart, the coverage table, a summary's table of figures)."""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from .._reportlab import row_heights, table_rows
from . import kept
from .columns import keep_words


MIN_ROWS = 3  # a table split over a page keeps at least this many rows on each side


def _rows(table) -> int:
    """A table's rows, its repeated heading row not counted."""
    return table_rows(table)


class RowSplittingTable(Table):
    """Rows stay whole, except a row taller than a page, which splits between lines. A table splits
    over a page only with at least three rows on each side, or rows each as tall as ``tall`` (five lines
    of its text): no row or two stranded at a page's foot or top (a short table moves whole to the next
    page), while rows of two terms of seven lines each need not go three by three (a trial's A5 page 2
    kept 3 of 6 such rows and was 42 % empty, with room for two more)."""

    page_height = float("inf")
    lead = None  # (rows, widths, style) of its heading row and first three rows, to measure
    min_rows = MIN_ROWS  # rows kept on each side of a break (1: entries stacked in large print)
    tall = float("inf")  # points: rows each this tall are enough on a side, however few

    def _enough(self, part, width: float) -> bool:
        return _rows(part) >= self.min_rows or min(row_heights(part, width)) >= self.tall

    def lead_height(self, width: float) -> float:
        """The height of the heading row and the first three rows, or of the whole table when it is too short
        to split (what must fit under a section heading)."""
        if self.lead is None:
            return 0.0
        rows, widths, style = self.lead
        return Table(rows, colWidths=widths, style=TableStyle(style)).wrap(width, 1e9)[1]

    def split(self, availWidth, availHeight):
        parts = self._split(availWidth, availHeight)
        if len(parts) != 2 or self.splitInRow:
            return parts
        head, tail = parts
        least, w = self.min_rows, availWidth
        if not self._enough(head, w) or (_rows(self) < 2 * least and min(row_heights(self, w)) < self.tall):
            return [] if self._next_page_helps(availWidth, availHeight) else parts  # whole to the next page
        shorter = availHeight
        while not self._enough(tail, w) and _rows(head) > 1:  # hand rows on until the next page has enough
            shorter -= 6
            trial = self._split(availWidth, shorter)
            if len(trial) != 2 or not self._enough(trial[0], w):
                break
            head, tail = trial
        return [head, tail]

    def _next_page_helps(self, availWidth, availHeight) -> bool:
        """Whether moving the table whole to a fresh page keeps more rows together: it fits there, or it
        splits there with three rows or more on the first page. (Rows so tall that a page holds fewer
        split where they must, rather than stop the build.)"""
        if availHeight >= self.page_height - 1:
            return False
        if self.wrap(availWidth, self.page_height)[1] <= self.page_height:
            return True
        trial = Table.split(self, availWidth, self.page_height)
        return len(trial) == 2 and _rows(trial[0]) >= self.min_rows and _rows(self) >= 2 * self.min_rows

    def _split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if not parts and availHeight >= self.page_height - 1 and not self.splitInRow:
            self.splitInRow = 36  # points: the least of a row left on either side of the split
            parts = super().split(availWidth, availHeight)
        for part in parts:  # the pieces know the page too (reportlab makes them without it)
            part.page_height, part.min_rows, part.tall = self.page_height, self.min_rows, self.tall
            part.ctx, part.key = self.ctx, self.key
        return parts

    ctx = key = None  # a table that may keep fewer than three rows on a side notes its parts' pages (kept)

    def draw(self):
        if self.key is not None:
            kept.note_part(self.ctx, self.key, _rows(self), self.canv.getPageNumber())
        super().draw()


def grid(ctx, rows, widths, header=True, min_rows=MIN_ROWS, key=None, more=()):
    """A ruled table. ``min_rows``: the rows it keeps on each side of a page break (three; one for entries
    stacked one under another in large print, each a heading and its text, which read as a list; three
    again when such a table, named ``key``, left one or two alone at an end, kept.strict). ``more``: style
    commands for single cells (a figure's right padding, which lines it up on its decimal point)."""
    if key is not None and kept.strict(ctx, key):
        min_rows = kept.ends(ctx, key)
    t = ctx.theme
    widths = keep_words(rows[0], widths, padding=10) if header else widths  # (the cells' padding, below)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), t.grid, ctx.color("rule")),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), ctx.color("shade")),
                  ("LINEBELOW", (0, 0), (-1, 0), t.grid * 2, ctx.color("ink"))]
    style += list(more)
    table = RowSplittingTable(rows, colWidths=widths, repeatRows=1 if header else 0, style=TableStyle(style))
    table.page_height, table.min_rows = ctx.height, min_rows
    table.ctx, table.key = ctx, key  # (its parts note their pages, kept or not: kept.stranded)
    table.tall = 5 * ctx.styles["cell"].leading + 9  # (five lines and the cell's padding)
    table.hAlign = "LEFT"
    body = len(rows) - (1 if header else 0)  # a table too short to split keeps all its rows with its heading
    lead = rows[:min_rows + (1 if header else 0)] if body >= 2 * min_rows else rows
    table.lead = (lead, widths, [c for c in style if c[1][1] < len(lead)])  # (a cell's command: its row)
    return table


class Entries(RowSplittingTable):
    """Large print's vocabulary, one entry under another, as a glossary sets them. Entries stay whole, and
    an entry that does not fit a page's foot opens the next page; where two of its lines would have fitted
    there, the table says so (``ctx.entries_short``), and render lays the guide out again with the entry
    at the foot going on over the page, two lines at least on each side (``ctx.entries_over``), kept
    when that saves a page and leaves no page more short (mending.entries_over): the first guide's 3- and
    4-line entries left 64-78 pt at the foot of pages 8 and 9, and its questions opened a page later."""

    least = 0.0  # points: two lines of an entry and the cell's padding
    paired = False  # the last two entries, sent on together: they split again only on a page of their own

    def split(self, availWidth, availHeight):
        if self.paired and availHeight < self.page_height - 1:
            return []  # (reportlab tries what a split sends on under the part it placed first)
        parts = super().split(availWidth, availHeight)
        if not parts and not self.splitInRow and self.least <= availHeight < self.page_height - 1:
            self.ctx.__dict__["entries_short"] = True
        if len(parts) == 2 and not self.splitInRow and _rows(parts[1]) == 1 and _rows(parts[0]) > 1:
            if not self.ctx.__dict__.get("entries_paired"):  # the last entry alone atop the next page
                self.ctx.__dict__["entries_alone"] = True
            else:  # (mending.entries_paired) the entry before it goes over with it
                head = row_heights(parts[0], availWidth)
                paired = self._split(availWidth, sum(head) - head[-1] + 0.01)
                if len(paired) == 2 and _rows(paired[1]) == 2:
                    parts, paired[1].paired = paired, True
        return parts

    def _split(self, availWidth, availHeight):
        parts = super()._split(availWidth, availHeight)
        for part in parts:  # (reportlab makes the parts without it)
            part.least = self.least
        return parts


def entries(ctx, cells: list) -> Entries:
    """``cells`` ([paragraph] each) as stacked entries, breaking between any two (:class:`Entries`)."""
    cell = ctx.styles["cell"]
    table = grid(ctx, [[c] for c in cells], [ctx.width], header=False, min_rows=1)
    table.__class__ = Entries
    table.least = 2 * cell.leading + 9  # (the cell's padding: 4 above, 5 below)
    if ctx.__dict__.get("entries_over"):
        entry = ParagraphStyle("entry", parent=cell, allowWidows=0, allowOrphans=0)  # (no line alone either side)
        for (para,) in cells:
            para.style = entry
        table.splitInRow = table.least
        table.relaid = True  # (the one flowable this layout sets unlike the first: pagetops)
    return table
