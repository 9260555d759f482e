"""A question's block: its number and prompt kept with what follows them.

A block that fits on a page is kept whole: when it does not fit in the room left, it opens the next page.
A multiple-choice, select-all or ordering question taller than a whole page (large print: long choices
under a long prompt, or the section's heading above them) cannot be kept whole anywhere. Before, it went to
the next page and came apart there after its prompt, so the prompt ended a page alone and its choices or
boxes opened the next one. Now it splits where it lands, between two rows of its choices: the prompt with
as many rows as the room left holds (at least :data:`MIN_ROWS`), the rest on the next page (at least
:data:`MIN_ROWS` of them too) under a line saying which question they go on with, the key's note with them.
In large print on full pages, a block that fits a page splits so too when it is tall (:data:`TALL`), going on
whole would leave the page short (:data:`ROOM`), and its choices are long (:data:`LONG`): long choices made each
question nearly half a page, one to a page. Short choices never split to fill a page (a student compares them at once).
Never an ordering question that fits a page: its items are read together (a student numbers them after reading all).
A choice or select-all question split so is kept split only where that saves a page (fillsplit).
"""
from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer

from .. import inline
from .._reportlab import Together, kept_items
from . import Para
from .flow import Beside, Stack

KINDS = frozenset({"multiple_choice", "select_all", "ordering"})  # (their rows: one Beside, layout.questions)
MIN_ROWS = 2  # rows of choices a prompt keeps with it, and rows that go over to the next page
TALL = 0.4  # of a page: a block this tall that misses the room left splits there too, when sent on whole it
ROOM = 0.3  # would leave this much of the page empty (the fill rule: issue 14's 30 %)
LONG = 0.5  # of a question's rows of choices: this share or more two lines tall or more, to split to fill a page


def kept(ctx, mark: list, head: list, body: list, number: int | None = None, kind: str = "",
         back: bool = False) -> Together:
    """The block of a question's ``mark``, ``head`` (its prompt) and ``body``. ``number``: the question's, when
    its body is one :class:`Beside` of choices or boxes that a block taller than a page splits between; ``kind``
    its kind (an ordering's items are read together: split only when taller than a page); ``back``: whether
    it reads from the right (its "(continued)" line then flush right, as its prompt)."""
    body = [Spacer(1, 4)] + body
    # the prompt never sits alone at a page's foot: it keeps its first rows with it
    if number is not None and len(body) == 2 and isinstance(body[1], Beside) and ctx.sheet is None:  # (a quiz's
        # slips of paper: a question never goes over two; one taller than a slip flows on as before)
        opening = Opening(mark + head + body, space_before=ctx.theme.question_gap, page_height=ctx.height)
        opening.more = _continued(ctx, number, back)
        opening.number, opening.ctx = number, ctx
        whole = kind == "ordering" or number in ctx.__dict__.get("split_whole", ())  # (fillsplit: no page saved)
        opening.tall = TALL if ctx.theme.edition == "large-print" and not whole else 1.0  # (not in standard type,
        # whose questions are short: there only when taller than a page)
        block = Opened([opening])
    else:
        first = Stack(mark + head + body[:4], space_before=ctx.theme.question_gap, page_height=ctx.height)
        block = Together([first] + body[4:])
    block.glue = True
    return block


def _continued(ctx, number: int, back: bool = False):
    """The line over the rows a question goes on with at the next page's top: "Question 4 (continued)"; under a
    question read from the right (``back``), at the right margin as its number and prompt are, in any language
    (a Hebrew guide's labels may be English)."""
    style = ctx.styles["instruction"]
    if back:
        style = ParagraphStyle(style.name + "-back", parent=style, alignment=TA_RIGHT)
    # its label read when it is made, where a question goes on over a page (labels.MADE_OF: the wording over answer
    # lines that go on, too): a guide in a language without labels is not told of it where none prints (trial r15)
    return lambda: Para(f"<b>{inline.markup(ctx.label('lines_part', number=number), ctx.fonts)}</b>", style)


class Opened(Together):
    """A question kept whole on a page; one taller than a page splits where it lands (:class:`Opening`), rather
    than being sent to the next page first, leaving this one short."""

    def split(self, aW, aH):
        parts = kept_items(self)[0].parts(aW, aH)
        return parts or super().split(aW, aH)  # (else to the next page, where a whole page's room is left)


class Opening(Stack):
    """The mark, the prompt and one :class:`Beside` of rows, as one block; when taller than a page, the prompt
    with its first rows, the other rows after it (:meth:`parts`). At the top of a page where not even MIN_ROWS
    fit under the prompt, its pieces flow one by one, as before."""

    more = None  # () -> the line over the rows that go on at the next page (_continued)
    number = ctx = None  # the question's number and the layout's context (a split to fill a page is noted there)
    tall = 1.0  # of a page: a block this tall may split where whole it would leave ROOM empty (large print: TALL)

    def parts(self, aW, aH) -> list:
        """The prompt with as many rows as ``aH`` holds, then the rest under the line ``more()``; [] when the
        block is kept whole (it fits, or it fits a page and is short, or the room left is) or its first MIN_ROWS
        do not fit."""
        self.wrap(aW, aH)
        page = self.page_height
        if self.height <= aH or self.height <= page and (self.height < self.tall * page or aH < ROOM * page):
            return []
        *head, rows = self.items
        if self.height <= page and (self.ctx is None or not _long(rows, self.ctx)):
            return []  # (short choices are read at a glance, together: never cut to fill a page)
        split = _rows_split(rows, aW, aH - Stack(head).wrap(aW, aH)[1])
        if not split:
            return []
        if self.height <= page and self.ctx is not None:  # (split to fill the page: kept when it saves one, fillsplit)
            self.ctx.__dict__.setdefault("fill_splits", set()).add(self.number)
        rest = Opening([self.more(), Spacer(1, 4), split[1]], page_height=self.page_height)
        rest.owner = self.ctx or self.owner
        rest.more, rest.number, rest.opens = self.more, self.number, True  # (a rest still taller than a page
        return [Stack(head + [split[0]]), rest]  # splits again at the next page's top, under the same line: flowed
        # on its own, its line ended the page and its rows overran the next, an error: A5 large print)

    opens = False  # the rows a split sent on: they open the next page, whole or split again (parts)
    owner = None  # a rest's layout context, noting the page it opens (its key note ends it: mending.notes_holed)

    def draw(self):
        if self.opens and self.owner is not None:
            self.owner.__dict__.setdefault("rest_pages", {})[self.number] = self.canv.getPageNumber()
        super().draw()

    def split(self, aW, aH):
        if self.opens and aH < self.page_height - 1:
            return []  # (on to the next page, under the line that says which question they go on with)
        return self.parts(aW, aH) or super().split(aW, aH)


def _long(rows: Beside, ctx) -> bool:
    """Whether a question's choices are long: :data:`LONG` of its rows or more run to two lines or more. Only
    such a question splits to fill a page. Long choices are read one by one, as sentences (r13's v11: 2-4 lines
    each, every row two lines or more; the rescan's n04: two of four), short ones at a glance, together: a
    large-print student answering from one page saw only A-B of five one-line choices (r15's v19), five of eight
    2-5 word select-all choices (v17), or A-C of five, one of two lines (b-u5): a page saved is not worth that."""
    heights, line = rows.plan[2], ctx.styles["choice"].leading
    return sum(height > 1.5 * line for height in heights) >= LONG * len(heights)


def _rows_split(beside: Beside, aW: float, room: float):
    """``beside``'s rows in two Besides, the first as tall as ``room`` allows; None when MIN_ROWS do not fit
    there or fewer than MIN_ROWS would be left for the second."""
    beside.wrap(aW, 1e9)
    cols, _, heights, _, _ = beside.plan
    best, used = None, 0.0
    for k in range(1, len(heights)):
        used += heights[k - 1] + (beside.row_gap if k > 1 else 0)
        if used > room:
            break
        if k >= MIN_ROWS and len(heights) - k >= MIN_ROWS:
            best = k
    if best is None:
        return None
    kw = dict(lead=beside.lead, columns=(cols,), row_gap=beside.row_gap, page_height=beside.page_height,
              mirror=beside.mirror, filled=beside.filled)
    first = Beside(beside.ctx, beside.items[:best * cols], None, **kw)
    rest = Beside(beside.ctx, beside.items[best * cols:], beside.note, min_note=beside.min_note, gap=beside.gap,
                  away=beside.away, **kw)
    return first, rest
