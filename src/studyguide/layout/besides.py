"""A large-print topic's picture kept on the page of its title. Large print never shrinks a picture (it follows
its topic's text at full size), so a topic whose title and first lines ended a page printed its picture atop
the next, away from its text (a trial's "Il ritratto": title and two lines at the foot of page 2, 63 % full,
the portrait opening page 3). Each such topic's title and picture note the pages they print on; when they
differ, the guide is laid out again with that topic (and the section's heading over a first topic) moved
whole to the next page, kept when that costs no page and leaves no more pages short (mending.pictures_kept)."""
from __future__ import annotations

from reportlab.platypus import Flowable

from .._reportlab import Together
from .fill import ends_short


def kept_whole(ctx, n: int) -> bool:
    """Whether topic ``n`` moves whole with its picture in this layout (the layout before printed them apart)."""
    return n in ctx.__dict__.get("pictures_kept", ())


def pages_apart(ctx) -> set:
    """The topics whose picture printed on a later page than their title (in the layout just drawn), when moving
    them leaves no page newly short: the page they would leave is short already, or stays full enough without
    them (layout.fill). (Else the move is not tried: photosynthesis' page 5 would go from 86 % to 64 % full.)"""
    lowest = ctx.__dict__.get("page_lowest", {})  # (pages.page_lowest's)
    apart = set()
    for n, ((page, y), (title, _), (picture, _)) in ctx.__dict__.get("picture_pages", {}).items():
        if page == title != picture and (ends_short(ctx, lowest.get(page, y)) or not ends_short(ctx, y)):
            apart.add(n)
    return apart


class PageNote(Flowable):
    """Zero-size mark that notes the page it lands on for topic ``n``'s title or picture."""

    _ZEROSIZE = 1  # placed even when the frame is full: it stays with the flowable before it
    _SPACETRANSFER = True  # (the space after the flowable before it still meets the space before the next)

    def __init__(self, ctx, n: int, which: int):  # which: 0 above the title (or the section's heading), 1 under
        # it, 2 under the picture
        super().__init__()
        self.ctx, self.n, self.which = ctx, n, which

    def wrap(self, aW, aH):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):
        ctx = self.ctx
        if ctx.mode == ctx.primary:  # (not again for each mirrored document)
            seen = ctx.__dict__.setdefault("picture_pages", {}).setdefault(self.n, [(0, 0.0)] * 3)
            seen[self.which] = (canvas.getPageNumber(), y)


def topic(ctx, n: int, flow: list, text: list, title, picture) -> None:
    """Topic ``n``'s ``text`` (its ``title`` among it) and ``picture`` at full size, added to ``flow`` (the topics
    section so far, its heading last when ``n`` is 0). Kept whole (:func:`kept_whole`): one block, with the
    section's mark and heading over a first topic; else as they come, the title's page and the picture's noted."""
    head = flow[-2:] if n == 0 else []  # (the SectionMark and the heading: they open the page with it)
    if kept_whole(ctx, n):
        del flow[len(flow) - len(head):]
        flow.append(Together(head + text + [picture]))
        flow[-1].relaid = any(getattr(item, "relaid", False) for item in text)  # (its KeepRuns: pagetops)
        return
    flow.insert(len(flow) - len(head), PageNote(ctx, n, 0))
    at = next((i for i, item in enumerate(text) if item is title), 0)
    flow += text[:at + 1] + [PageNote(ctx, n, 1)] + text[at + 1:] + [picture, PageNote(ctx, n, 2)]
