"""A crossword's clue list in two columns read down, as printed crosswords set them: down the first
column, then down the second, half the clues in each (the first column gets the odd one).

The list still flows over pages in rows of two clues (:class:`ClueRow`), so the crossword's rules for
where the grid goes (crossword.py: Opening, Continued) keep working on rows. What a page shows of a list,
though, is set as a whole: the row that opens a page's part works out which rows follow it on that page
(the room under it, each row's rise) and draws all their clues there in balanced columns; the rows after
it take up their share of the height and draw nothing. Each row's height is how much it raises the
part's columns, so the part takes exactly the room its columns need.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from ..._reportlab import FRAME_FUZZ


class ClueList:
    """One list's clues (Across or Down): their heights at the column width, and the columns of any run
    of its rows. ``conts``: the flowable each row is placed in (crossword.Continued, or None for a row
    placed inside its heading's block), set once the crossword knows how its clues flow. ``rtl``: a
    Hebrew or Arabic crossword's list, whose first column is the right one (its reader starts there)."""

    def __init__(self, items: list, gap: float, bottom: float, rtl: bool = False):
        self.items, self.gap, self.bottom = items, gap, bottom  # (bottom: the frame's foot on the page)
        self.rtl = rtl
        self.rows = [ClueRow(self, k) for k in range((len(items) + 1) // 2)]
        self.conts: list = [None] * len(self.rows)
        self._measured_at, self._heights, self._cache = None, [], {}
        self.start = self.end = self.last = self.page = None  # the part on the page being drawn

    def column(self, width: float) -> float:
        return (width - self.gap) / 2

    def _measure(self, width: float) -> list[float]:
        if width != self._measured_at:
            col = self.column(width)
            self._measured_at, self._cache = width, {}
            self._heights = [item.wrap(col, 1e9)[1] for item in self.items]
        return self._heights

    def split(self, width: float, a: int, b: int) -> tuple[int, float]:
        """Rows a..b-1 in two columns: how many clues the first column takes (half, and the odd one),
        and the columns' height."""
        key = (width, a, b)
        if key not in self._cache:
            heights = self._measure(width)[2 * a:2 * b]
            m = (len(heights) + 1) // 2
            self._cache[key] = (m, max(sum(heights[:m]), sum(heights[m:])))
        return self._cache[key]

    def reach(self, width: float, a: int, b: int) -> float:
        """How far down the columns of rows a..b-1 reach, or those of fewer of them: a row never takes
        room back (halving again, a long clue that ended the second column can move to the first, and
        the columns grow shorter; the part then keeps the room it had)."""
        return max((self.split(width, a, j)[1] for j in range(a + 1, b + 1)), default=0.0)

    def rise(self, width: float, start: int, k: int) -> float:
        """How much row k raises the columns of a part that opens with row ``start`` (never below 0)."""
        return self.reach(width, start, k + 1) - self.reach(width, start, k)

    def part_end(self, width: float, start: int, room: float) -> int:
        """The last row a page holds of a part opened by row ``start`` with ``room`` left under it: as the
        frame places the rows after it (crossword.Continued: not at a page's top, no gap), a row that is
        to open the next page (the grid's ``push``) ending the part too."""
        end = start
        for j in range(start + 1, len(self.rows)):
            cont = self.conts[j]
            state = getattr(cont, "state", None)
            if state is not None and state.push is cont and state.placed:
                break
            rise = self.rise(width, start, j)
            if room <= 0 or rise > room + FRAME_FUZZ:  # (a frame does not try a flowable where no room is left)
                break
            room, end = room - rise, j
        return end

    def draw_part(self, canv, width: float, top: float, start: int, end: int) -> None:
        """The clues of rows start..end in columns read down, the first clue's top at ``top``."""
        m, _ = self.split(width, start, end + 1)
        col = self.column(width)
        items = self.items[2 * start:2 * end + 2]
        heights = self._measure(width)[2 * start:2 * end + 2]
        first, second = (col + self.gap, 0.0) if self.rtl else (0.0, col + self.gap)
        for x, run, hs in ((first, items[:m], heights[:m]), (second, items[m:], heights[m:])):
            y = top
            for item, h in zip(run, hs):
                y -= h
                item.wrap(col, 1e9)
                item.drawOn(canv, x, y)


class ClueRow(Flowable):
    """Two clues of a list as a unit of its flow over pages (see the module's note). Alone (measured
    before the layout), a row is as tall as it raises the whole list's columns."""

    def __init__(self, clues: ClueList, k: int):
        super().__init__()
        self.clues, self.k = clues, k

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.clues.rise(aW, 0, self.k)
        return aW, self.height

    def placed_height(self, aW, opens: bool) -> float:
        """Its height where the frame places it: opening a page's part (``opens``), or under the row
        before it on the page."""
        lst = self.clues
        if opens:
            start = self.k
        else:  # under the row before it, or (measured before it is placed) in the whole list's columns
            start = lst.start if lst.last == self.k - 1 and lst.start is not None else 0
        self.width, self.height = aW, lst.rise(aW, start, self.k)
        return self.height

    def draw(self):
        lst, k = self.clues, self.k
        page = self.canv.getPageNumber()
        if lst.last != k:  # placed now (the key's canvas then draws the same placement again)
            if not (lst.last == k - 1 and lst.start is not None and k <= lst.end and page == lst.page):
                room = self.canv.absolutePosition(0, 0)[1] - lst.bottom
                lst.start, lst.end, lst.page = k, lst.part_end(self.width, k, room), page
            lst.last = k
        if lst.start == k:
            lst.draw_part(self.canv, self.width, self.height, k, lst.end)


def paired(rows: list) -> None:
    """Never one row of clues alone on a page of its own part of a list: the last row of a list does not open a
    page under "Across (continued)" by itself (the r14 trial's large-print chemistry crossword: clue 9 alone atop
    page 14), and a list's heading with its first clue does not end a page with the rest overleaf ("Verticales 1."
    at the foot of the Spanish page 13): the row before goes along. ``rows``: the crossword's rows (crossword.Continued),
    a list's heading (with its first clue) a row without a heading of its own."""
    lists, current = [], []
    for f in rows:
        if f.heading is None and current:  # (a list's heading, with its first clue: a list starts)
            lists.append(current)
            current = []
        current.append(f)
    lists.append(current)
    for part in lists:  # (a list in two columns has two clues a row, and each page's part set as a whole)
        if len(part) >= 2 and not isinstance(part[-1].row, ClueRow):
            part[-2].then = part[-1]
            if part[0].heading is None:
                part[0].then = part[1]


def clue_list(ctx, heading, items: list, st, rtl: bool = False, opening: bool = False) -> tuple[list, int]:
    """A clue list under its heading: in two columns read down, each page's part of it balanced
    (:class:`ClueList`), when a column still holds 20 letters' widths, else one a line. The list flows over
    pages between rows of two clues. Returns the flowables and how many open the list (the heading and
    its first row or two clues, kept on one page; one a line, its first clue, or its first two with
    ``opening``: the title's list, when one clue alone under the title ended a page and two cost no page,
    mending.crossword_kept). ``rtl``: the first column is the right one."""
    gap = 16
    if (ctx.width - gap) / 2 < 20 * st.fontSize or len(items) < 2:
        return [heading] + items, min(3 if opening else 2, len(items) + 1)
    return [heading] + ClueList(items, gap, ctx.theme.margin_bottom, rtl).rows, 2
