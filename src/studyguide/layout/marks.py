"""Zero-size marks laid among the flowables: they note the page a section or a question starts on, for the
page budget of `studyguide check`, for `list`, and for the tests that read pages back."""
from __future__ import annotations

from reportlab.platypus import Flowable


def section_marks(ctx) -> list:
    """(name, page, at_top) for each section heading drawn so far (filled while the document is laid out)."""
    return ctx.__dict__.setdefault("section_marks", [])


class SectionMark(Flowable):
    """Zero-size mark that notes the page a section starts on, and whether at the page's top (the page budget)."""

    _ZEROSIZE = 1  # placed even when the frame is full, so it stays with what follows it

    def __init__(self, ctx, name: str):
        super().__init__()
        self.ctx, self.name = ctx, name

    def wrap(self, aW, aH):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):
        ctx = self.ctx
        if ctx.mode == ctx.primary:  # not again for each mirrored document
            top = ctx.theme.margin_bottom + ctx.height
            section_marks(ctx).append((self.name, canvas.getPageNumber(), y >= top - 0.5))
            ctx.__dict__.setdefault("section_ys", []).append(y)

    def draw(self):
        pass


class QuestionStart(Flowable):
    """Zero-size mark that notes the page a question starts on (tests and `list` read it)."""

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        if self.ctx.mode == self.ctx.primary:  # not again for each mirrored document
            page, lowest = self.canv.getPageNumber(), self.ctx.__dict__.get("page_lowest")
            if not self.ctx.question_pages and lowest is not None:  # does question 1 open its page? (`check`)
                self.ctx.__dict__["questions_at_top"] = page not in lowest
            self.ctx.question_pages.append(page)
            self.ctx.__dict__.setdefault("question_ys", []).append(self.canv.absolutePosition(0, 0)[1])
