"""A topic's title and the text under it, as print design has them: the title keeps at least LEAD_LINES lines of
its first paragraph (never alone at a page's foot), a paragraph breaks over a page with LEAD_LINES lines at least
on each side, and a list kept together at its start (layout.kept) keeps the end of the paragraph over it.

Before, the title kept its whole first paragraph (the subheading's keep_with_next, and a kept list's KeepRun held
the title, the whole summary and the first points): a 10-line summary under its title opened the next page over
a third of a page left empty (audit r16: 12 pages in 7 bench guides' large print)."""
from __future__ import annotations

import functools

from .._reportlab import line_count, stacked_height
from . import Para, kept

LEAD_LINES = 2  # lines of a paragraph a title keeps under it, and a paragraph keeps on each side of a break


def topic(ctx, key: str, heads: list, items: list) -> list:
    """A topic's ``heads`` (its title and summary paragraphs) over its points ``items`` (kept.kept_ends): a
    :class:`Lead` before the title, and where the list keeps its first items together, the summary's last
    paragraph keeping its end with them. Heads of another kind (a table, code) are kept as kept_ends keeps them."""
    flow = kept.kept_ends(ctx, key, items, title=heads)
    if len(heads) < 2 or not all(_text(f) for f in heads[1:]):
        return flow
    if isinstance(flow[0], kept.KeepRun):  # (a kept list: its run held the title, summary and first points)
        run = flow.pop(0)
        _keep_end(heads[-1], run.items[len(heads):], ctx.height)
        return [Lead(heads[:2], ctx.height, run.relaid, whole=run.items)] + flow
    return [Lead(heads[:2], ctx.height)] + flow


def headed(run, heading: list, page_height: float):
    """A topic's run with the section's heading put before it (the first topic's: the page breaks before the
    heading, not under it)."""
    if isinstance(run, Lead):
        return Lead(heading + run.items, page_height, run.relaid, whole=run.whole and heading + run.whole)
    return kept.KeepRun(heading + run.items, page_height, run.relaid)


def _text(flowable) -> bool:
    """A paragraph of text set with a fixed leading (its lines measured as that many leadings)."""
    return type(flowable) is Para and getattr(flowable, "autoLeading",
                                              getattr(flowable.style, "autoLeading", "")) in ("", "off")


class Lead(kept.KeepRun):
    """Nothing on the page, before a title (``items[-2]``, with whatever goes before it) and its first paragraph
    (``items[-1]``): the page ends here when the title and the paragraph's first LEAD_LINES lines do not fit.
    The title then no longer keeps the whole paragraph (its keep_with_next is cleared), which breaks over the
    page with LEAD_LINES lines at least on each side. A paragraph too short to break so is kept whole with its
    title, as before: by the subheading's keep_with_next, or with ``whole`` (the run a kept list had) when given."""

    _SPACETRANSFER = True  # (the space after the flowable before it still meets the title's space before)

    def __init__(self, items: list, page_height: float, relaid: bool = False, whole=None):
        super().__init__(items, page_height, relaid)
        self.whole = whole
        if whole:  # (standing for a KeepRun, it sets the spaces as one did)
            self._SPACETRANSFER = False

    def wrap(self, availWidth, availHeight):
        height = stacked_height(self.items, availWidth)
        text = self.items[-1]
        lines = line_count(text)
        if lines < 2 * LEAD_LINES:
            if not self.whole:
                return 0, 0
            height = stacked_height(self.whole, availWidth)
        else:
            height += self.items[0].getSpaceBefore() - (lines - LEAD_LINES) * text.style.leading  # (stacked
            # heights leave out the first one's space before, which the frame gives it under the text before)
            self.items[-2].__dict__["keepWithNext"] = 0  # (as reportlab clears it on what it keeps together)
            text.allowWidows = 0  # (Paragraph.split reads its own before its style's)
        self.height = height
        if height > self.page_height * 0.8 or availHeight >= self.page_height - 1:
            return 0, 0
        return super(kept.KeepRun, self).wrap(availWidth, availHeight)

    def drawOn(self, canvas, x, y, _sW=0):
        if self.whole:  # (as the KeepRun it stands for drew)
            super().drawOn(canvas, x, y, _sW)
        # (else nothing, not even an empty graphics state: a page it changes nothing on keeps its bytes)


def _keep_end(paragraph, after: list, page_height: float) -> None:
    """The paragraph keeps its last LEAD_LINES lines on the page ``after`` (the list's first items) open."""
    if after:
        paragraph.__class__ = _ending(type(paragraph))
        paragraph._kept_after, paragraph._page_height = after, page_height


class _Ending:
    """A paragraph that keeps its end with the flowables after it (:func:`_keep_end`): where it would fit on the
    page and they would not, it claims their room, and the frame splits it, LEAD_LINES lines going over."""

    _kept_after = ()
    MEASURED = ("_kept_after",)  # (the items it measures follow it in the story: pagetops._inner)

    def wrap(self, availWidth, availHeight):
        width, height = super().wrap(availWidth, availHeight)
        if self._kept_after and height <= availHeight and line_count(self) >= 2 * LEAD_LINES:
            after = stacked_height(self._kept_after, availWidth)
            if availHeight < height + after and after + LEAD_LINES * self.style.leading <= self._page_height * 0.8:
                return width, height + after
        return width, height

    def split(self, availWidth, availHeight):
        if not self._kept_after:
            return super().split(availWidth, availHeight)
        self.wrap(availWidth, availHeight)
        lines = line_count(self)
        parts = super().split(availWidth, min(availHeight, (lines - LEAD_LINES) * self.style.leading + self._below + 1e-3))
        if len(parts) != 2:
            return parts
        return [parts[0], kept.KeepRun(parts[1:] + list(self._kept_after), self._page_height), parts[1]]  # (the page
        # ends under the first part, which may leave room, and the rest opens the next page with the items)


@functools.lru_cache(maxsize=None)
def _ending(cls):
    return type(f"Ending{cls.__name__}", (_Ending, cls), {})
