"""The Cornell page's pieces that place its summary: the key's model summary cut to its lines (_Cut), the
notes' last point sent over with what follows it (WithTail), the summary opening a page after the notes (_Alone),
and the summary's lines kept under the notes where they fit (FootLines). Split out of layout.notes."""
from __future__ import annotations

from reportlab.platypus import Flowable, FrameBreak, KeepTogether, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from .. import _reportlab
from .fill import page_short
from .flow import Stack


class _Cut(Flowable):
    """Where the key's model summary was cut to the sentences its lines hold: takes no room; when drawn (the
    block placed), says so in ``ctx.summary_cut`` for the build's warning (pagelint.summary_cut), with the lines the
    whole paragraph takes and how many of its words the lines hold."""

    _ZEROSIZE = 1  # (placed with the block, even at a full page's foot)

    def __init__(self, ctx, count: int, width: float, sentences: list[str], kept: int):
        super().__init__()
        self.ctx, self.count, self.room, self.sentences, self.kept = ctx, count, width, sentences, kept

    def wrap(self, aW, aH):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):  # (nothing drawn: not even a graphics state, so the page is as before)
        self.canv = canvas
        self.draw()
        del self.canv

    def draw(self):
        if "summary_cut" in self.ctx.__dict__:
            return
        words = " ".join(self.sentences).split()
        fits = lambda k: _summary_lines(self.ctx, self.count, " ".join(words[:k]))._needed(self.room) <= self.count
        low, high = 0, len(words)  # (the most words of the paragraph the lines hold)
        while low < high:
            mid = (low + high + 1) // 2
            low, high = (mid, high) if fits(mid) else (low, mid - 1)
        whole = _summary_lines(self.ctx, self.count, " ".join(self.sentences))._needed(self.room)
        self.ctx.__dict__["summary_cut"] = dict(page=self.canv.getPageNumber(), lines=self.count, needs=whole,
                                                kept=self.kept, sentences=len(self.sentences), words=len(words),
                                                fit=low, first_cut=self.sentences[self.kept])


class WithTail(Flowable):
    """The notes table and the summary under it. Where the table's end leaves its page too little room for the
    summary even at its fewest lines, the table's last row goes over with it, so no page holds the summary
    alone (trial p34: the Cornell sheet of the police-training guide, its page 3 only the summary box): a
    Cornell summary closes the last page of notes; when that row is a topic's last point, the rows that go are
    those a handout's list keeps together (:func:`_going`). Else the table and summary flow as they would alone."""

    def __init__(self, table, after: list, moved: bool = False, least: tuple = (0, 0), head=None):
        super().__init__()
        self.table, self.after, self.moved = table, after, moved  # moved: the row sent over, for the next page
        self.least = least  # large print: the least of a row's notes left on a page and sent over (rows_filled)
        self.head = head  # the columns' header row ("Questions | Notes"), a table of its own over the first row

    def wrap(self, aW, aH):
        return aW, 0xffffff  # (always split, as a KeepTogether is: the frame places the pieces)

    def split(self, aW, aH):
        frame = _reportlab.frame_of(self)
        if self.head is not None:
            return self._headed(aW, aH, frame)
        if self.moved and frame is not None and not _reportlab.frame_state(frame)[1]:
            return []  # (not at a page's top: on to the next)
        rest = [self.table] + self.after
        height = self.table.wrap(aW, aH)[1]
        if height > aH:  # (the table goes on to another page: its first piece here, the rest as before)
            parts = self.table.split(aW, aH)
            if len(parts) != 2:
                return []  # (all on the next)
            here, rest = rows_filled(parts[0], parts[1], aW, aH, *self.least, self.after[-1].page)
            return here + [WithTail(rest, self.after, least=self.least)]
        room, foot = aH - height, self.after[-1]
        foot.wrapOn(self.canv, aW, room)  # (a FootLines: its fewer lines where that fits the room)
        rows = _reportlab.row_heights(self.table, aW)
        if not room + _reportlab.FRAME_FUZZ < _reportlab.kept_height(foot, aW) <= foot.page + _reportlab.FRAME_FUZZ:
            return rest  # (fits here; or taller than a page: it starts here when it can, FootLines.split)
        alone = [self.table, _Alone(foot, aW, room)] + self.after  # (the summary opens the next page, said)
        going = _going(self.table, len(rows)) if len(rows) > 1 else 0  # (one row: none goes, for the table's sake)
        if not going or not foot.fits(self.canv, aW, foot.page - sum(rows[-going:])):  # (too tall together, as
            return alone  # extra lines can make the summary: the rows sent over went on alone, a page or two each)
        parts = self.table.split(aW, sum(rows[:-going]) + 0.01)
        return [parts[0], WithTail(parts[1], self.after, moved=True, least=self.least)] if len(parts) == 2 else rest


    def _headed(self, aW, aH, frame) -> list:
        """The columns' header row placed only with the notes' first row under it (large print on half sheets:
        page 1 ended with "Questions | Notes" alone under the title): the row whole, or in large print its first
        lines, the rest of it over the page as rows_filled cuts a row; else both open the next page."""
        rest = WithTail(self.table, self.after, self.moved, self.least)
        room = aH - self.head.wrap(aW, aH)[1]
        if frame is None or _reportlab.frame_state(frame)[1] \
                or _reportlab.row_heights(self.table, aW)[0] <= room + _reportlab.FRAME_FUZZ:
            return [self.head, rest]
        parts = _cut_in_row(self.table, aW, room, *self.least)
        if not parts or _titled(parts[0]):  # (a topic's title with no line of its text under it: both go on)
            return []
        return [self.head, parts[0], WithTail(parts[1], self.after, least=self.least)]


def _titled(table) -> bool:
    """Whether the notes of a table's last row end with a topic's title (layout.notes marks it ``title``)."""
    cell = _reportlab.column(table, 1)[-1]
    return isinstance(cell, (list, tuple)) and bool(cell) and getattr(cell[-1], "title", False)


def _cut_in_row(table, aW: float, room: float, least: float, over: float) -> list:
    """The table cut inside its first row that misses ``room``: ``least`` points of it or more here and ``over``
    or more after (rows_filled's cut); [] where that is not so (``least`` 0: the standard edition)."""
    if not least or room < least:
        return []
    table.splitByRow, table.splitInRow = 0, least
    parts = table.split(aW, room)
    for part in [table, *parts]:
        part.splitByRow, part.splitInRow = 1, 0
    if len(parts) != 2 or _reportlab.row_heights(parts[1], aW)[0] < over:
        return []
    return parts if _title_kept(table, parts[0], over - 4) else []


def _title_kept(table, first, lines: float) -> bool:
    """Whether the first piece of a table cut in its first row keeps that row's topic title whole with ``lines``
    points of notes under it (two lines): ``least`` counts a title of one line, and a longer one (large print on a
    half sheet: 'The peace after the First World War…', four lines) was cut in two across the pages (hostile r16 #4).
    A row without a title (a point of its own) is kept as cut."""
    if not any(getattr(f, "title", False) for f in _reportlab.column(table, 1)[0]):
        return True
    cell = _reportlab.column(first, 1)[0]
    at = next((n for n, f in enumerate(cell) if getattr(f, "title", False)), None)
    if at is None:  # (the title itself was split: its pieces are new paragraphs, unmarked)
        return False
    width = first._colWidths[1] - 12  # (the cells' padding, 6 points a side)
    return sum(f.wrap(width, 1e9)[1] for f in cell[at + 1:]) >= lines


def rows_filled(first, rest, aW: float, aH: float, least: float, over: float, page: float) -> tuple[list, object]:
    """The notes table's rows that fit the page (``first``) and the rest, with the rest's first row split inside
    where the whole rows leave the page short (layout.fill), ``least`` points of it or more fit under them and
    ``over`` points of it or more go over (two lines: no line of it alone atop the next page): large print's Cornell notes left page 2 of the pictures guide 31 % empty under a
    picture, the next topic's title and summary one row too tall for the room (scan2 n10). Its text goes on
    over the page, as a handout's paragraph does; a picture does not split, so its row still moves whole.
    Else (``least`` 0: the standard edition) the rows as they split."""
    room = aH - first.wrap(aW, aH)[1]
    if not least or room < least or not page_short(room, page):
        return [first], rest
    parts = _cut_in_row(rest, aW, room, least, over)  # (in the row: reportlab's own split of a row's cells)
    return ([first, parts[0]], parts[1]) if parts else ([first], rest)


class _Alone(Flowable):
    """Where the notes end with no room for the summary under them: takes no room; drawn there, notes the page the
    summary opens and the most lines the foot holds (pagelint.summary_alone: for extra lines' sake)."""

    _ZEROSIZE = 1

    def __init__(self, foot: "FootLines", width: float, room: float):
        super().__init__()
        self.foot, self.room, self.width_for = foot, room, width

    wrap = _Cut.wrap

    def drawOn(self, canvas, x, y, _sW=0):  # (nothing drawn, as _Cut)
        ctx = self.foot.ctx
        if ctx is None or "summary_alone" in ctx.__dict__:
            return
        fit = next((k for k in range(self.foot.most - 1, 0, -1)
                    if Stack(self.foot.make(k, self.width_for)).wrap(self.width_for, self.room)[1] <= self.room), 0)
        ctx.__dict__["summary_alone"] = dict(page=canvas.getPageNumber() + 1, lines=self.foot.most, fit=fit,
                                             fewest=FEWEST_LINES)


def _going(table, count: int) -> int:
    """The rows of the notes table that go over with the summary: its last, or when that is a topic's last point
    of several, two points or more, as a list keeps at least two items at each side of a page's break (trial r12
    #11: the literature guide's last point alone over the summary): the last two of four points or more, else the
    topic's list whole (with its title when the first point shares its row). Never every row of ``count``."""
    tail = 0
    for cell in reversed(_reportlab.column(table, 1)):
        if not (cell and getattr(cell[0], "after_point", False)):
            break
        tail += 1  # (a point after another: the first of its list has no mark)
    if not tail:
        return 1
    return max(1, min(2 if tail + 1 >= 4 else tail + 1, count - 1))


SUMMARY_LINES, FEWEST_LINES = 5, 3  # a Cornell page's summary: its lines, and the fewest it may shrink to


class FootLines(KeepTogether):
    """A block of ruled lines kept whole (the Cornell summary under its heading) that ends the page the
    rest ended on with fewer lines when all of them miss it: down to :data:`FEWEST_LINES` (never fewer than
    the key's model answer takes: lines.LinedAnswer), rather than a sheet for the heading and five lines
    (trial r7: the summary alone on page 2). Else it opens the next page with all its lines."""

    def __init__(self, make, extra: int = 0, page: float = float("inf")):
        self.make = make  # (lines count, width) -> the block's flowables
        self.most, self.fewest = SUMMARY_LINES + extra, FEWEST_LINES + extra  # (extra: the accommodation's lines)
        self.page = page  # the frame's height: a block taller than it (many extra lines) flows over two pages
        self._for = self.ctx = None  # (ctx: the layout's, for _Alone's note)
        super().__init__([])

    def fits(self, canv, aW, aH) -> bool:
        """Whether the block, with the lines it takes in ``aH``, fits there."""
        self.wrapOn(canv, aW, aH)
        return _reportlab.kept_height(self, aW) <= aH + _reportlab.FRAME_FUZZ

    def split(self, aW, aH):
        """As a KeepTogether, but for a block taller than a page (20 extra lines on A5): reportlab breaks the page
        before it even at a page's top, and its heading, kept with its lines, again, so a blank page came before it.
        It starts under the notes with 4 lines or more there and 3 or more on the next page, as an essay's lines go
        on (it opened the next page: the notes' page left mostly empty, its last lines alone on a page after it in
        large print with 15 extra lines); else it opens a page, as many of its lines as fit there, the rest after."""
        from .lines import MIN_LINES_AFTER, MIN_LINES_BEFORE, LinedAnswer

        parts = super().split(aW, aH)
        frame = _reportlab.frame_of(self)
        if not parts or frame is None or _reportlab.kept_height(self, aW) <= self.page + _reportlab.FRAME_FUZZ:
            return parts
        items = [item for item in parts if not isinstance(item, ActionFlowable)]  # (reportlab's break, or none)
        at = next((i for i, item in enumerate(items) if isinstance(item, LinedAnswer)), None)
        top, room = _reportlab.frame_state(frame)[1], aH - _reportlab.stacked_height(items[:at or 0], aW)
        if not top and (at is None or not MIN_LINES_BEFORE <= room // items[at].gap <= items[at].count - MIN_LINES_AFTER):
            return [FrameBreak(), self]  # (to the next page's top, and split there)
        pieces = items[at].split(aW, room) if at is not None else []
        return items[:at] + pieces + items[at + 1:] if pieces else items

    def wrap(self, aW, aH):
        if self._for != (aW, aH):
            for count in range(self.most, self.fewest - 1, -1):
                items = self.make(count, aW)
                over = Stack(items).wrap(aW, aH)[1] - aH
                if over <= 0:
                    break
                if count < self.most and over <= items[0].height:  # (fewer lines: the space above them
                    items = [Spacer(1, items[0].height - over)] + items[1:]  # as the page leaves)
                    break
            else:
                items = self.make(self.most, aW)  # (on the next page)
            _reportlab.hold(self, items)
            self._for = (aW, aH)
        return super().wrap(aW, aH)


def _summary_lines(ctx, count: int, text):
    from .lines import LinedAnswer, answer_style

    para = ctx.p(text, "answer") if text else None
    if para is not None:
        para.style = answer_style(ctx)
    return LinedAnswer(ctx, count, para, 0, name="summary", tip=ctx.heading_text("summary"))
