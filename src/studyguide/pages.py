"""Page geometry: one frame per page, and the footer "title · Page X of Y".

The footer needs the page count, so the canvas keeps each page's state and
draws footers when the document is saved (one layout pass, not two).
"""
from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from . import fonts



def canvas_class(footer_markup: str, theme, style):
    """A canvas that draws "footer · Page X of Y" on every page once the count is known.

    ``footer_markup`` is paragraph markup (escaped, with fallback fonts routed),
    so a title in any script prints with real glyphs.
    """
    from reportlab.platypus import Paragraph

    class FooterCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int):
            width, _ = self._pagesize
            size = style.fontSize
            self.saveState()
            self.setStrokeColor(style.textColor)
            self.setLineWidth(0.4)
            y = theme.footer_y
            self.line(theme.margin_x, y + size + 3, width - theme.margin_x, y + size + 3)
            para = Paragraph(f"{footer_markup} · Page {number} of {total}", style)
            _, h = para.wrap(width - 2 * theme.margin_x, size * 3)
            # the first line's baseline sits on footer_y; a long title wraps downwards, never into the body
            para.drawOn(self, theme.margin_x, y + size - h)
            self.restoreState()

    return FooterCanvas


class DrawLog(list):
    """The list of recorded draws. reportlab deep-copies frames to try out
    KeepTogether and the like; the log is shared by every copy, never copied
    (copying it made layout time grow with the square of the guide's length)."""

    def __deepcopy__(self, memo):
        return self


class RecordingFrame(Frame):
    """A frame that notes every flowable it draws, with its page and position.

    The handout is laid out once; the key is then drawn from these notes on a
    fresh canvas, so both share one pagination by construction and the
    layout work (wrapping and splitting) is not done twice.
    """

    def __init__(self, *args, sink: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.sink = sink

    def _add(self, flowable, canv, trySplit=0):
        sink, draw = self.sink, flowable.drawOn

        def recording_draw(canvas, x, y, _sW=0):
            sink.append((canvas.getPageNumber(), flowable, x, y, _sW))
            draw(canvas, x, y, _sW=_sW)

        flowable.drawOn = recording_draw
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add


def replay(doc: BaseDocTemplate, draws: list, page_count: int, canvasmaker) -> None:
    """Draw recorded flowables onto a new canvas of ``doc`` (its metadata, its stream), page by page."""
    canv = doc._makeCanvas(canvasmaker=canvasmaker)
    by_page: dict[int, list] = {}
    for page, flowable, x, y, sw in draws:
        by_page.setdefault(page, []).append((flowable, x, y, sw))
    for page in range(1, page_count + 1):
        for flowable, x, y, sw in by_page.get(page, ()):
            flowable.drawOn(canv, x, y, _sW=sw)
        canv.showPage()
    canv.save()


def document(stream, pagesize, theme, meta: dict, sink: list | None = None) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        stream,
        pagesize=pagesize,
        leftMargin=theme.margin_x,
        rightMargin=theme.margin_x,
        topMargin=theme.margin_top,
        bottomMargin=theme.margin_bottom,
        title=meta.get("title", ""),
        author=meta.get("author", ""),
        subject=meta.get("subject", ""),
        keywords=meta.get("keywords", ""),
        creator="studyguide",
        producer="studyguide (ReportLab)",
        lang=meta.get("lang"),
        invariant=1,
        allowSplitting=1,
        initialFontName=fonts.REGULAR,  # never a standard-14 font, even for an empty page
    )
    frame = RecordingFrame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                           leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                           sink=sink if sink is not None else DrawLog())
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc
