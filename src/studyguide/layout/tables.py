"""A table of figures typed in a summary (reading/tables.py), printed as the theme's ruled tables are:
its heading row shaded and repeated atop each page it goes on to, columns as wide as their cells need
(never wider than the text), and a column of numbers, percentages or amounts lined up on the decimal point
(3.5 over 12.75 over 100), its figures' units, percent signs and currency kept beside them.

reportlab's own 'DECIMAL' alignment is for cells of plain strings (a Paragraph in a cell so aligned is an
error, in 4.0 as in 5.1), and these cells are paragraphs (emphasis, a script's font, right-to-left text):
each figure is right-aligned with a right padding that is what the column's longest decimal part has more
than its own ("12.75" none, "3.5" the width of a "5", "100" the width of ".75")."""
from __future__ import annotations

import re

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer

from .. import inline, rtl
from .._reportlab import RoomBreak, stacked_height
from ..model import Table
from . import code
from .fill import page_short

PADDING = 10  # a cell's left and right padding together (ruled.grid)
STRETCH = 0.75  # a table whose cells need more than this share of the width fills it
# a figure: a number with its sign, currency and unit ('84.8', '52.9 %', 'R$64,000', 'US$53.2 bn', '−3 °C',
# '1,204 km²', '2,487万', '3 million')
FIGURE = re.compile(r"[(]?[+\-−±~≈<>≤≥]?\s?(?:[A-Z]{0,3}[$€£¥₹₽₩]|[$€£¥₹₽₩])?\s?[+\-−]?"
                    r"\d[\d.,/:\u00a0\u202f ']*(?:\s?(?:%|‰|×|°[CF]?|[^\W\d_]{1,10}\.?))?[)]?\*?")
MISSING = {"", "-", "–", "—", "n/a", "N/A", "..", "…", "?"}  # an empty cell in a column of figures
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


def figures(column: list[str]) -> bool:
    """Whether a column's cells (its heading row left out) are all figures, or missing ones."""
    cells = [" ".join(inline.plain(c).split()) for c in column]
    return any(c not in MISSING for c in cells) and all(c in MISSING or FIGURE.fullmatch(c) for c in cells)


def _cell(ctx, text: str, head: bool, align, whole: bool = True):
    para = ctx.p(text, "cell_head" if head else "cell", whole=whole)
    if align is not None and align != para.style.alignment:
        para.style = ParagraphStyle(f"{para.style.name}-{align}", parent=para.style, alignment=align)
    return para


def table(ctx, t: Table, width: float | None = None):
    """``t`` as a ruled table at most ``width`` wide (default: the text's)."""
    from .ruled import grid as _grid

    width = ctx.width if width is None else width
    rows, align = [list(r) for r in t.rows], t.align
    mirrored = next((d for d in map(rtl.direction, t.rows[0]) if d is not None), False)
    if mirrored:  # a Hebrew or Arabic table reads from the right: its first column there
        rows, align = [r[::-1] for r in rows], align[::-1]
    aligns = [_ALIGN.get(a) if a else TA_RIGHT if figures([r[c] for r in rows[1:]]) else None
              for c, a in enumerate(align)]
    for whole in (True, False):  # a quantity kept whole ("0.125 mol/L Ca(OH)₂") where the columns fit with it,
        cells = [[_cell(ctx, text, n == 0, a, whole) for text, a in zip(row, aligns)] for n, row in enumerate(rows)]
        pads = _pads(ctx, rows, cells, aligns)  # else broken at its spaces as before, not a table stacked for
        widths = _widths(ctx, rows, cells, width, pads)  # it (review r10: a 9-column table on letter)
        if widths is not None or not any(re.search(r"\d ", cell) for row in rows for cell in row):
            break
    if widths is None:
        return _stacked(ctx, t, width)
    grid = _grid(ctx, cells, widths, more=[("RIGHTPADDING", (c, n), (c, n), PADDING / 2 + pad)
                                           for n, row in enumerate(pads) for c, pad in enumerate(row) if pad])
    grid.hAlign = "RIGHT" if mirrored else "LEFT"
    return grid


def _stacked(ctx, t: Table, width: float):
    """A table whose columns cannot all be as wide as their longest word (seven columns in large print):
    a row to an entry, its first cell in bold over each other cell after its heading ("Moons: 95"), as
    large print stacks the vocabulary; cut into pieces a column wide, its words broke ("Mercu / ry")."""
    from .ruled import grid as _grid

    def entry(row):
        lines = [ctx.p(row[0], "cell_head")]
        lines += [ctx.raw(f"<b>{inline.markup(head, ctx.fonts)}:</b> {inline.markup(cell, ctx.fonts)}", "cell")
                  for head, cell in zip(t.rows[0][1:], row[1:]) if cell]
        return [lines]

    return _grid(ctx, [entry(row) for row in t.rows[1:]], [width], header=False, min_rows=1)


def decimal_part(text: str, decimal: str = ".") -> str:
    """What of a figure prints right of its whole number: from its decimal sign on ('.75', '.9 %', '.2 bn'),
    or, with none, what follows its last digit (' %', ')', '万'); '' for a whole number alone."""
    text = " ".join(inline.plain(text).split())
    sign = re.search(r"\d(" + re.escape(decimal) + r")\d", text)
    if sign:
        return text[sign.start(1):]
    digits = list(re.finditer(r"\d", text))
    return text[digits[-1].end():] if digits else ""


def _pads(ctx, rows, cells, aligns) -> list[list[float]]:
    """Each cell's right padding beyond the usual: in a right-aligned column of figures, what the column's
    widest decimal part has more than the cell's own, so the figures line up on their decimal point."""
    pads = [[0.0] * len(rows[0]) for _ in rows]
    decimal = ctx.labels.get("decimal", ".")
    for c, align in enumerate(aligns):
        if align != TA_RIGHT or not figures([r[c] for r in rows[1:]]):
            continue
        parts = {n: ctx.text_width(decimal_part(row[c], decimal), cells[n][c].style.fontName,
                                   cells[n][c].style.fontSize)
                 for n, row in enumerate(rows) if n and inline.plain(row[c]).strip()}  # ('—' as a whole number)
        widest = max(parts.values(), default=0.0)
        for n, part in parts.items():
            pads[n][c] = round(widest - part, 3)
    return pads


def _widths(ctx, rows, cells, width: float, pads) -> list[float] | None:
    """Each column as wide as its widest cell on one line. When they do not all fit, the widest columns
    give way first, down to a width all of them share (never under their longest word): the columns of
    short figures keep them on one line, and a column of sentences wraps. None: even their longest words
    do not fit side by side."""
    need, least = [], []
    for c in range(len(rows[0])):
        wide = short = 0.0
        for n, row in enumerate(rows):
            style = cells[n][c].style
            wide = max(wide, ctx.text_width(" ".join(inline.plain(row[c]).split()), style.fontName, style.fontSize)
                       + pads[n][c])
            short = max(short, cells[n][c].minWidth() + pads[n][c])
        need.append(wide + PADDING + 2)
        least.append(min(wide, short) + PADDING + 1)
    total = sum(need)
    if total <= width:
        return [w * width / total for w in need] if total > STRETCH * width else need
    if sum(least) > width:
        return None
    low, high = 0.0, max(need)  # the width the widest columns are cut to: the most that fits
    for _ in range(40):
        level = (low + high) / 2
        low, high = (level, high) if sum(min(n, max(m, level)) for n, m in zip(need, least)) <= width else (low, level)
    cut = [min(n, max(m, low)) for n, m in zip(need, least)]
    wider = [c for c, n in enumerate(need) if n > cut[c]]  # (the last bit of room to those cut)
    return [w + (width - sum(cut)) / len(wider) * (c in wider) for c, w in enumerate(cut)]


def summary_flow(ctx, part) -> list:
    """A summary's paragraph, or its table and the gap under it."""
    if isinstance(part, Table):
        return [Spacer(1, 2), table(ctx, part), Spacer(1, 8)]
    return code.paragraphs(ctx, part, "body")


LEAD_IN = 2  # lines: a paragraph this short before a table introduces it (as one ending in ':' does)


def summary_flows(ctx, parts: list, head: list) -> list:
    """A summary's paragraphs and tables under its heading (``head``). A paragraph that introduces the table
    under it ("A nine-column table:", a "Table 1: …" caption) keeps the table's heading row and first rows
    with it, as a topic's title does (:func:`keep_with`): it ended a page whose table opened the next (review
    r8 M3). The summary's first paragraph keeps the section heading with them too."""
    flows = [summary_flow(ctx, part) for part in parts]
    out = list(head)
    for n, flow in enumerate(flows):
        after = flows[n + 1] if n + 1 < len(flows) else None
        if isinstance(parts[n], str) and isinstance(parts[n + 1] if after else None, Table) \
                and _leads_in(ctx, parts[n], flow[0]):
            before = ([head[-1]] if n == 0 and head else []) + flow + after[:1]
            keep = keep_with(ctx, before, after[1], guessed=not _announces(parts[n]))
            if keep.height <= ctx.height * 0.6:  # (a long paragraph flows on: it would move half a page)
                out[:0] = [keep] if n == 0 and head else []
                out += [] if n == 0 and head else [keep]
        out += flow
    return out


def _announces(text: str) -> bool:
    """Whether a summary's paragraph says it introduces what follows: it ends in ':'."""
    return inline.plain(text).rstrip().endswith((":", "："))


def _leads_in(ctx, text: str, para) -> bool:
    """Whether a summary's paragraph introduces what follows: it ends in ':' or is a line or two long."""
    if _announces(text):
        return True
    para.wrap(ctx.width, ctx.height)
    return para.height <= LEAD_IN * para.style.leading + 0.5


def of_topic(ctx, topic, width: float | None = None, gaps: bool = True) -> list:
    """A topic's tables, after its summary's text (and before its points); ``gaps``: with space around each."""
    grids = [table(ctx, t, width) for t in topic.tables]
    return [f for g in grids for f in (Spacer(1, 2), g, Spacer(1, 6))] if gaps else grids


class GuessedLead(RoomBreak):
    """A :func:`keep_with` for a paragraph only guessed to introduce its table (a line or two long, not ending
    in ':'): it moves the paragraph over with the table only when that leaves the page no more than 30 %
    short (layout.fill). Else the paragraph ends the page and the table opens the next (a trial's A5 page 1 was 35 % empty:
    its summary's last two lines, on the cart's negative slope, had moved with the six-row table under them)."""

    def __init__(self, height: float, page_height: float):
        super().__init__(height)
        self.page_height = page_height

    def wrap(self, availWidth, availHeight):
        if page_short(availHeight, self.page_height):
            return 0, 0
        return super().wrap(availWidth, availHeight)


class LeadIn(RoomBreak):
    """A :func:`keep_with` for a topic's title and the paragraph under it, which introduces its table. Where
    they fit and the room left is a heading's (the theme's ``heading_room``), they may stay at the page's
    foot, the table following (atop the next page when too short to split, its heading row repeated when it
    splits): a trial's large print ended chem's page 2 under its objectives (29 % empty) and left apgov's
    page 4 55 % empty, "Key Topics", the topic's title, its question and its table (too short to split three
    rows a side) opening the next page together (r10 M1, M4). The first layout moves them with the table as
    before and notes that they could stay (``ctx.leads_moved``); the layout again with ``ctx.lead_ins`` lets
    them, kept when that costs no page and leaves no more pages short (mending.leads_up: in apgov's modern
    large print, the room they left on the table's page went short too). A title alone (no paragraph under
    it) always goes with its table: it would end the page with nothing under it."""

    def __init__(self, ctx, height: float, stay: float):
        super().__init__(height)
        self.ctx, self.stay = ctx, stay

    def wrap(self, availWidth, availHeight):
        if availHeight >= max(self.stay, self.ctx.theme.heading_room):
            if self.ctx.__dict__.get("lead_ins"):
                if availHeight < self.height:  # (one the fix keeps at a page's foot: counted for mending.undoes)
                    self.ctx.__dict__["leads_stayed"] = self.ctx.__dict__.get("leads_stayed", 0) + 1
                return 0, 0
            if availHeight < self.height:
                self.ctx.__dict__["leads_moved"] = True
        return super().wrap(availWidth, availHeight)


def keep_with(ctx, before: list, grid, guessed: bool = False, lead_in: bool = False) -> RoomBreak:
    """Room for ``before`` (a topic's title and text) and the table's heading row and first rows: a
    topic's title never ends a page whose table opens the next. ``guessed``: ``before`` ends in a paragraph
    only guessed to introduce the table (:class:`GuessedLead`); ``lead_in``: a topic's title and the
    paragraph introducing its table (:class:`LeadIn`)."""
    above = before[0].getSpaceBefore() if before else 0.0  # (a frame adds it under the break)
    stay = above + stacked_height(before, ctx.width) + 3  # (and the frame's own fuzz)
    need = stay + 2 + grid.lead_height(ctx.width)
    if lead_in:
        return LeadIn(ctx, need, stay)
    return GuessedLead(need, ctx.height) if guessed else RoomBreak(need)
