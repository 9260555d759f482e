"""Page geometry: one frame per page, and the footer "title · Page X of Y".

The footer needs the page count, so the canvas keeps each page's state and
draws footers when the document is saved (one layout pass, not two).
"""
from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate

from . import _reportlab, fields, rtl
from .pagetops import TopsDocTemplate
from .theming import fonts



EDGE = 14  # points: the least paper kept clear beside the footer and the running header (printers' margin)


TALL = 0.93  # the tops of a footer's tallest letters (accented capitals: Ộ, É), times its size, in the bundled fonts


def own_footer_size(theme) -> float:
    """The footer's size as the theme sets it (its parents' included), before an edition enlarges it."""
    name = "footer"
    while name in theme.styles:
        spec = theme.styles[name]
        if "fontSize" in spec:
            return spec["fontSize"]
        name = spec.get("parent")
    return 8.5  # (the size the theme check assumes too)


def footer_place(theme, size: float, height: float) -> tuple[float, float]:
    """(baseline, rule): the height of a footer's first baseline and of the rule over it, from the paper's foot,
    for a footer ``height`` tall at ``size`` pt. At the theme's own size the baseline is on footer_y and the rule
    ``size`` + 3 over it. A larger footer (large print, 16 pt) hangs from where the theme's would stand: its
    tallest letters reach as high as the theme's footer's, its rule 3 pt over them. (Its rule at size + 3 rose to
    55 pt, 9.8 over the text's foot, and an answer line there read as a double rule; the standard's is 17.3 under.)
    A footer never comes nearer the paper's edge than EDGE: one too tall for the room moves up."""
    drop = TALL * (size - own_footer_size(theme)) if size > own_footer_size(theme) else 0.0
    y = theme.footer_y - drop
    y += max(0.0, EDGE - (y + size - height))
    return y, y + (TALL * size if drop else size) + 3


def in_margin(theme, size: float, height: float) -> bool:
    """Whether a footer ``height`` tall, at ``size`` pt, stays in the bottom margin where _footer places it."""
    return footer_place(theme, size, height)[1] <= theme.margin_bottom + 0.5


PIECES = " · "  # between a footer's pieces: title, key label, version, page (render._footer)


def in_place(markup: str) -> tuple[str, bool | None]:
    """A footer's markup with each piece that holds Hebrew or Arabic embedded in its own direction, and the footer's
    direction (its title's, the first letter's): each piece keeps its place, where "العائلة…" and "الإجابات / answer
    key" read as one right-to-left run, the key label before the title. (None: no right-to-left letter.)"""
    if not rtl.has_rtl(markup):
        return markup, None
    pieces = [f"{chr(0x202b) if rtl.shown_direction(p) else chr(0x202a)}{_cut(p)}\u202c" if rtl.has_rtl(p) else p
              for p in markup.split(PIECES)]
    return PIECES.join(pieces), rtl.shown_direction(markup)


def _cut(piece: str) -> str:
    """A title cut short after a Hebrew or Arabic word ("العائلة…"): its ellipsis at that word's end, on its left."""
    if piece.endswith("…") and rtl.direction(rtl.shown_text(piece)[::-1]):
        return piece + rtl.SEPARATED  # (a right-to-left mark, not drawn)
    return piece


def footer_for(markups, style, room: float, n: int, total: int, theme) -> str:
    """Of the footers, longest first, the first that fits one line with page ``n`` of ``total``; else the
    first the bottom margin holds (a large-print title cut with "…" over two lines rather than refused);
    else the last, the shortest."""
    from .layout import Para  # (as the canvas sets it: right-to-left titles in display order)

    heights = []
    for markup in markups:  # measured one at a time: the first usually fits
        text, base = in_place(markup.format(n=n, total=total))
        heights.append(Para(text, style, base_rtl=base).wrap(room, style.fontSize * 3)[1])
        if heights[-1] <= style.leading * 1.5:
            return markup
    return next((m for m, h in zip(markups, heights) if in_margin(theme, style.fontSize, h)), markups[-1])


def canvas_class(footer_markup: str, theme, style, mirrors: Mirrors | None = None, header_markup: str | None = None,
                 shorter: tuple[str, ...] = (), takes_fields: bool = False, last_page=lambda: None):
    """A canvas that draws "footer · Page X of Y" on every page once the count is known,
    and the running header (a guide's `header:`), if any, at the top right of every page.

    The markups are paragraph markup (escaped, with fallback fonts routed), so a
    title in any script prints with real glyphs. ``shorter``: the footer with ever shorter titles (cut
    with an ellipsis, then none); a document prints the first of them that every page fits on one line,
    so its pages' footers agree. ``takes_fields``: the fillable edition's handout,
    whose form fields (fields.py) are made as each page is written out. ``last_page()``, when it
    gives a number, is the last page this document keeps (the handout stops where the key's own
    pages begin).
    """
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from .layout import Para as Paragraph  # right-to-left titles are set in display order, like the body

    header_style = ParagraphStyle("running_header", parent=style, alignment=TA_RIGHT)

    class FooterCanvas(_reportlab.RowTabOrder, Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []
            fields.install(self, takes_fields)

        # text drawn straight on the canvas (labels, True / False, the points total, a fold line's
        # label): Hebrew and Arabic in display order, as paragraphs are (see rtl and layout.Para)
        def drawString(self, x, y, text, *args, **kwargs):
            return super().drawString(x, y, rtl.visual(text), *args, **kwargs)

        def drawRightString(self, x, y, text, *args, **kwargs):
            return super().drawRightString(x, y, rtl.visual(text), *args, **kwargs)

        def drawCentredString(self, x, y, text, *args, **kwargs):
            return super().drawCentredString(x, y, rtl.visual(text), *args, **kwargs)

        def showPage(self):
            self._pages.append(_reportlab.keep_page(self))
            fields.next_page(self)
            for other, _ in mirrors.canvases if mirrors else ():
                other.showPage()

        def save(self):
            for other, _ in mirrors.canvases if mirrors else ():
                other.save()
            kept = self._pages[:last_page() or len(self._pages)]
            total = len(kept)
            markup = self._fitting(total)
            for number, state in enumerate(kept, 1):
                _reportlab.restore_page(self, state)
                self._footer(markup, number, total)
                fields.make(self)
                super().showPage()
            super().save()

        def _fitting(self, total: int) -> str:
            """The longest footer that every page's number fits on one line (measured with the widest
            number), else the longest the margin holds (margins.py has made sure one does): footer_for."""
            from reportlab.pdfbase.pdfmetrics import stringWidth

            room = _reportlab.page_size(self)[0] - 2 * theme.margin_x
            n = max(range(1, total + 1), key=lambda n: (stringWidth(str(n), style.fontName, style.fontSize), n))
            return footer_for((footer_markup, *shorter), style, room, n, total, theme)

        def _footer(self, markup: str, number: int, total: int):
            width, top = _reportlab.page_size(self)
            size = style.fontSize
            self.saveState()
            self.setStrokeColor(style.textColor)
            self.setLineWidth(0.4)
            text, base = in_place(markup.format(n=number, total=total))
            para = Paragraph(text, style, base_rtl=base)
            _, h = para.wrap(width - 2 * theme.margin_x, size * 3)
            # the first line's baseline sits on footer_y (lower in large print) and a long footer wraps downwards,
            # never into the body; one too long for the room below (a long title) moves up, to stay on the paper
            y, rule = footer_place(theme, size, h)
            self.line(theme.margin_x, rule, width - theme.margin_x, rule)
            para.drawOn(self, theme.margin_x, y + size - h)
            if header_markup:  # in the top margin, its last line's baseline half way down it, kept on the paper
                para = Paragraph(header_markup, header_style)
                _, h = para.wrap(width - 2 * theme.margin_x, size * 3)
                para.drawOn(self, theme.margin_x, min(top - theme.margin_top / 2 - h + size * 0.3, top - EDGE - h))
            self.restoreState()

    return FooterCanvas


class Mirrors:
    """Other canvases that receive every drawing, each in its own mode.

    Shared by every copy of a frame: reportlab deep-copies frames to try out
    KeepTogether and the like, and copying canvases (or what they hold) would
    cost time growing with the document's length.
    """

    def __init__(self, ctx, canvases=()):
        self.ctx, self.canvases = ctx, list(canvases)  # [(canvas, mode)]

    def __deepcopy__(self, memo):
        return self


def page_lowest(ctx) -> dict:
    """page → the lowest point drawn on it so far (the bottom of its last flowable)."""
    return ctx.__dict__.setdefault("page_lowest", {})


class MirrorFrame(_reportlab.HookedFrame):
    """A frame that draws each flowable on the document's canvas, then on each mirror canvas.

    The handout is laid out once and the key is drawn from the same layout in
    the same pass: both share one pagination by construction, the layout work
    (wrapping, splitting) is not done twice, and nothing is kept for later.
    """

    def __init__(self, *args, mirrors: Mirrors | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.mirrors = mirrors

    def place(self, flowable, canv, trySplit=0):
        if not self.mirrors:
            return super().place(flowable, canv, trySplit)
        mirrors, draw = self.mirrors, flowable.drawOn

        def mirrored_draw(canvas, x, y, _sW=0):
            draw(canvas, x, y, _sW=_sW)
            ctx = mirrors.ctx
            if not getattr(flowable, "key_only", False):  # how far down each page is filled (`check` reports
                lowest, page = page_lowest(ctx), canvas.getPageNumber()  # it): the handout's pages, not the key's notes
                lowest[page] = min(lowest.get(page, y), y)
            primary = ctx.mode
            try:
                for other, mode in mirrors.canvases:
                    ctx.mode = mode
                    draw(other, x, y, _sW=_sW)
            finally:
                ctx.mode = primary

        flowable.drawOn = mirrored_draw
        try:
            return super().place(flowable, canv, trySplit)
        finally:
            del flowable.drawOn


def document(stream, pagesize, theme, meta: dict, mirrors: Mirrors | None = None) -> BaseDocTemplate:
    doc = TopsDocTemplate(
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
        creator=meta.get("creator", "studyguide"),
        producer="studyguide (ReportLab)",
        lang=meta.get("lang"),
        invariant=1,
        allowSplitting=1,
        initialFontName=fonts.REGULAR,  # never a standard-14 font, even for an empty page
    )
    frame = MirrorFrame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, mirrors=mirrors)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def note_page(pagesize, theme, style, markup: str) -> bytes:
    """A one-page PDF that says only ``markup``, centred (the page closing an odd copy in a class set)."""
    import io

    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=pagesize, invariant=1, initialFontName=fonts.REGULAR)
    width, height = pagesize
    para = Paragraph(markup, ParagraphStyle("note_page", parent=style, alignment=TA_CENTER))
    _, h = para.wrap(width - 2 * theme.margin_x, height)
    para.drawOn(canvas, theme.margin_x, (height - h) / 2)
    canvas.showPage()
    canvas.save()
    return stream.getvalue()
