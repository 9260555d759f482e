"""Every private name studyguide uses from reportlab, behind one door.

reportlab's public API cannot do a few things the builder needs: draw the key on a second canvas in
the same pass as the handout, keep each page's state until the page count is known, measure blocks
the way a frame would, count a paragraph's lines, (in ``studyguide watch`` only) replay
paragraph work across rebuilds, and (the fillable edition) find where a paragraph draws a blank,
add form fields to a page held back until the page count is known, and give a page its tab order. Those reach into names reportlab does not promise to keep. They
are all here (and the cutting of a word wider than its line, in ``_reportlab_words.py``), so a new reportlab release breaks this module (and its tests), not the build path
in a dozen places.

Tested with reportlab 4.0.4 (the oldest ``pyproject.toml`` allows, run by ``.ci/run``) and 5.1.0
(the newest it allows). Before raising the upper bound, run the suite on the new release.
"""
from __future__ import annotations

import copy
import inspect

from reportlab import rl_config
from reportlab.lib import fonts as rl_fonts
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import acroform, pdfdoc, pdfmetrics, ttfonts
from reportlab.platypus import CondPageBreak, Frame, KeepTogether, Spacer, paragraph as rl_paragraph
from reportlab.platypus.flowables import _listWrapOn


TESTED = ("4.0.4", "5.1.0")

# reportlab 4.0.x gives ``annotateException`` only to the first KeepTogether a process makes (it caches
# it on that instance, not the class): any exception inside a later one's wrap (an interrupt from
# Ctrl-C or a TERM signal, landing there) became "AttributeError: ... no attribute 'annotateException'"
# and an internal error instead of a clean stop. Later releases call the module's function directly.
if not hasattr(KeepTogether, "annotateException"):
    from reportlab.lib.utils import annotateException as _annotate

    KeepTogether.annotateException = staticmethod(_annotate)


# --------------------------------------------------------------------------- frames and canvases
class HookedFrame(Frame):
    """A Frame that places every flowable through :meth:`place`, which a subclass may wrap.

    reportlab's ``Frame._add`` (also reached as ``Frame.add``) places a flowable and draws it.
    """

    def place(self, flowable, canv, trySplit=0):
        return Frame._add(self, flowable, canv, trySplit)

    def _add(self, flowable, canv, trySplit=0):
        return self.place(flowable, canv, trySplit)

    add = _add


def make_canvas(doc, canvasmaker):
    """The canvas ``doc.build`` would draw on, made now: ``BaseDocTemplate._makeCanvas``."""
    return doc._makeCanvas(canvasmaker=canvasmaker)


def page_size(canvas) -> tuple[float, float]:
    """The canvas's (width, height): ``Canvas._pagesize``."""
    return canvas._pagesize


def keep_page(canvas) -> dict:
    """Everything the canvas holds for the page just drawn, then a fresh page begun without writing
    it out (``Canvas._startPage``): the footer's page count is known only at the end."""
    state = dict(canvas.__dict__)
    canvas._startPage()
    return state


def restore_page(canvas, state: dict) -> None:
    """The canvas back to a page kept by :func:`keep_page`, ready to finish and write out."""
    canvas.__dict__.update(state)


def start_at(doc, canvases, page: int) -> None:
    """A document begun (``handle_documentBegin``) numbered from ``page`` on, its canvases too
    (``Canvas._pageNumber``), and not written out at the end (``BaseDocTemplate._doSave``): a layout
    counted from part of its story (pagetops)."""
    doc.page = page - 1
    for canvas in canvases:
        canvas._pageNumber = page
    doc._doSave = 0


# What a document writes on the flowables of its story as it lays them out: reportlab clears ``keepWithNext``
# on those it groups with what follows, and marks one sent on to the next frame ``_postponed`` (a second
# time, it stops with a LayoutError): pagetops compares them.
LAID_OUT_MARKS = ("keepWithNext", "_postponed")


# --------------------------------------------------------------------------- measuring
FRAME_FUZZ = rl_config._FUZZ  # how far past its foot a frame still places a flowable (``Frame._add``)


def stacked_height(flowables, width: float) -> float:
    """The height of flowables stacked in a frame of ``width`` (``flowables._listWrapOn``)."""
    return _listWrapOn(flowables, width, None)[1]


class Together(KeepTogether):
    """A KeepTogether measured with the space above its first item (``KeepTogether._content``, ``._H``).

    reportlab measures a KeepTogether without its first item's space before, which the frame then adds
    when the block is not at the page's top: a block that just fitted by the measure split on the page,
    its last row alone over the page.
    """

    def __init__(self, flowables, maxHeight=None, give: float = 0.0):
        super().__init__(flowables, maxHeight)
        self.give = give  # points of its first paragraph's space above it may give up to fit where it lands

    def _first(self):
        return next((f for f in self._content if not getattr(f, "_ZEROSIZE", False)), None)

    def wrap(self, aW, aH):
        size = super().wrap(aW, aH)
        first = self._first()
        if first is not None:  # (less what the frame already keeps above the block: its first item's space)
            self._H += first.getSpaceBefore() - self.getSpaceBefore()
        return size

    def kept_height(self, canv, aW, aH) -> float:
        """The height the frame sees the block take, whole, where ``aH`` is left."""
        self.wrapOn(canv, aW, aH)
        return self._H

    def split(self, aW, aH):
        """Where the block misses the room left by no more than ``give``, its first paragraph (a copy)
        comes down by what is missing, from less space above, and the block stays on this page."""
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        first = self._first()
        if self.give and aH < self._H <= aH + self.give and isinstance(first, rl_paragraph.Paragraph):
            tight = copy.copy(first)
            tight.style = ParagraphStyle(first.style.name + "_tight", parent=first.style,
                                         spaceBefore=max(0.0, first.getSpaceBefore() - (self._H - aH) - 0.01))
            at = self._content.index(first)
            return self._content[:at] + [tight] + self._content[at + 1:]
        return super().split(aW, aH)


class Fitted(Together):
    """A Together that may change itself to fit the room where it lands (:meth:`fit`) before the frame keeps it
    there or sends it on whole; never at a page's top, where nothing is gained."""

    def fit(self, room: float, height: float) -> bool:
        """Whether the block changed itself for ``room`` points left, its height being ``height``."""
        return False

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if self._H > aH and not (frame is not None and frame._atTop) and self.fit(aH, self._H):
            self.wrap(aW, aH)
        return super().split(aW, aH)


class FootGap(Spacer):
    """Space between two blocks that ends where the page ends: at a page's foot it takes only the room
    left, down to none (``_ZEROSIZE``: the frame places it even when it is full, where it asks a flowable
    to split or move on). A Spacer that did not fit went over to the next page, and after a document's
    last block that was a page with only the footer on it."""

    _ZEROSIZE = True

    def __init__(self, height: float):
        super().__init__(1, height)
        self.full = height

    def wrap(self, aW, aH):
        self.height = max(0.0, min(self.full, aH))
        return self.width, self.height


class RoomBreak(CondPageBreak):
    """A page break when less than ``height`` is left on the page, never at a page's top: room asked for that
    a whole page has not (a heading kept with a vocabulary table's first rows, on a quarter page in the
    readable edition) broke the fresh page too, and left it empty but for its footer."""

    def wrap(self, aW, aH):
        frame = self._doctemplateAttr("frame")
        if frame is not None and frame._atTop:
            return 0, 0
        return super().wrap(aW, aH)


def table_rows(table) -> int:
    """A table's rows without its repeated heading rows (``Table._cellvalues``)."""
    return len(table._cellvalues) - table.repeatRows


def column(table, index: int) -> list:
    """What each row of a table holds in its column ``index`` (``Table._cellvalues``)."""
    return [row[index] for row in table._cellvalues]


def row_heights(table, width: float) -> list[float]:
    """The heights of a table's rows without its repeated heading rows (``Table._rowHeights``), ``width`` wide."""
    table.wrap(width, 1e9)
    return list(table._rowHeights[table.repeatRows:])


def kept_together(block) -> list:
    """The flowables a KeepTogether holds (``KeepTogether._content``); any other flowable alone."""
    return block._content if isinstance(block, KeepTogether) else [block]


def is_broken_into_lines(paragraph) -> bool:
    """Whether a Paragraph holds its lines from the last wrap (``Paragraph.blPara``; split drops it)."""
    return "blPara" in paragraph.__dict__


def forget_lines(paragraph) -> None:
    """Drop a Paragraph's lines from its last wrap, so the next wrap breaks them again."""
    paragraph.__dict__.pop("blPara", None)


def broken_lines(paragraph) -> list:
    """A wrapped Paragraph's lines (``Paragraph.blPara.lines``): each an (extra space, words) tuple
    when the paragraph is in one font, else a line whose ``words`` are fragments with ``text`` and
    ``fontName``."""
    return paragraph.blPara.lines


def last_line_runs(paragraph) -> list[tuple[str, float, str]]:
    """(face, size, text) of each run of text on a wrapped Paragraph's last line (``blPara``: one font for the
    whole paragraph, its lines (extra space, words); or the last line's fragments)."""
    lines = paragraph.blPara
    if lines.kind == 0 or not lines.lines:
        last = lines.lines[-1] if lines.lines else (0, [])
        return [(getattr(lines, "fontName", ""), getattr(lines, "fontSize", 0), " ".join(last[1]))]
    return [(f.fontName, f.fontSize, f.text) for f in lines.lines[-1].words if getattr(f, "text", "")]


def first_baseline(paragraph) -> float:
    """How far under a wrapped Paragraph's top its first line's baseline is, as ``Paragraph.drawPara``
    sets it: the first line's font size (``blPara.fontSize``, or the first line's largest size when
    the paragraph mixes fonts), or its ascent where ``rl_config.paraFontSizeHeightOffset`` is off."""
    lines = paragraph.blPara
    first = lines if lines.kind == 0 or not lines.lines else lines.lines[0]
    size = getattr(first, "fontSize", paragraph.style.fontSize)
    return size if rl_config.paraFontSizeHeightOffset else getattr(first, "ascent", size)


def line_count(paragraph) -> int:
    """How many lines a wrapped Paragraph has."""
    return len(broken_lines(paragraph))


def leaves_widow(paragraph, width: float, height: float) -> bool:
    """Whether ``Paragraph.split`` given this room, widows allowed, leaves the paragraph's last line alone for the
    next page: its lines are one more than the room holds (as split counts them, ``blPara``), and at least two fit
    (a paragraph that would leave its first line alone at the foot, an orphan, is not split: allowOrphans 0). With
    widows not allowed, split sends one more line over with it, or a paragraph of three over whole."""
    if not is_broken_into_lines(paragraph):
        paragraph.wrap(width, height)  # (as split itself does first)
    style, lines = paragraph.style, paragraph.blPara.lines
    auto = getattr(paragraph, "autoLeading", getattr(style, "autoLeading", ""))
    if paragraph.blPara.kind == 1 and auto not in ("", "off"):
        fit, used = 0, 0.0
        for line in lines:
            used += max(line.ascent - line.descent, style.leading) if auto == "max" else line.ascent - line.descent
            if used > height + 1e-8:
                break
            fit += 1
    else:
        leading = {"max": max(style.leading, 1.2 * style.fontSize), "min": 1.2 * style.fontSize}.get(auto, style.leading)
        fit = int(height / float(leading))
    orphans = getattr(paragraph, "allowOrphans", getattr(style, "allowOrphans", 0))
    return fit >= (1 if orphans else 2) and len(lines) == fit + 1


# --------------------------------------------------------------------------- watch's paragraph cache
Paragraph = rl_paragraph.Paragraph
PARSE = "_setup"        # Paragraph._setup(self, text, style, bulletText, frags, cleaner): parses the markup
# what a Paragraph's wrap sets on it; watch's cache adds any other attribute a wrap is seen to set
WRAPPED = frozenset({"width", "height", "blPara", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations"})


def wrapped_state(paragraph) -> dict:
    """What reportlab's ``Paragraph.wrap`` set on a paragraph (:data:`WRAPPED`), to be set back on it later."""
    d = paragraph.__dict__
    return {k: d[k] for k in WRAPPED if k in d}


# what platypus itself sets on a flowable while placing it: never part of a paragraph's own inputs
PLACED = frozenset({"canv", "_frame", "_postponed"})


def font_registries() -> tuple[dict, dict, dict, dict]:
    """reportlab's registries of fonts, typefaces and family mappings, which decide how markup parses."""
    return pdfmetrics._fonts, pdfmetrics._typefaces, rl_fonts._tt2ps_map, rl_fonts._ps2tt_map


def replay_compatible() -> bool:
    """Whether this reportlab has the functions and registries watch's cache replays, as it expects
    them; if not, the cache is not installed and watch simply rebuilds without it."""
    try:
        setup = list(inspect.signature(Paragraph.__dict__[PARSE]).parameters)
        wrap = list(inspect.signature(Paragraph.__dict__["wrap"]).parameters)
        split = list(inspect.signature(Paragraph.__dict__["split"]).parameters)
        subset = list(inspect.signature(ttfonts.TTFontFile.__dict__["makeSubset"]).parameters)
        registries = font_registries()
        encode = pdfdoc.PDFZCompress.encode
    except (KeyError, AttributeError, TypeError, ValueError):
        return False
    return (setup == ["self", "text", "style", "bulletText", "frags", "cleaner"] and len(wrap) == 3 and len(split) == 3
            and len(subset) == 2 and all(isinstance(r, dict) for r in registries) and callable(encode)
            and callable(getattr(rl_paragraph, "cleanBlockQuotedText", None)))


# --------------------------------------------------------------------------- form fields (the fillable edition)
def on_draw(canvas, name: str, callback) -> None:
    """Let a paragraph's ``<onDraw name="NAME" label="..."/>`` call ``callback(canvas, kind, label)``.
    reportlab 5 looks the name up with ``Canvas.setNamedCB``; reportlab 4 reads it as an attribute."""
    if hasattr(canvas, "setNamedCB"):
        canvas.setNamedCB(name, callback)
    setattr(canvas, name, callback)


def text_cursor(canvas) -> tuple[float, float]:
    """Where a paragraph's text stands when its onDraw callback runs: (x, baseline y), in the canvas's
    current coordinates (``Canvas._curr_tx_info``, set by ``paragraph._putFragLine`` for the call)."""
    info = canvas._curr_tx_info
    return info["cur_x"], info["cur_y"]


def annotating(canvas, made: int):
    """The canvas ready to add annotations after ``made`` made before (``Canvas._annotationCount``, which
    names them): a page kept by :func:`keep_page` comes back with the count it had when it was drawn.
    Returns a function giving the count after the new ones."""
    canvas._annotationCount = max(canvas._annotationCount, made)
    return lambda: canvas._annotationCount


# reportlab 5 reads fillColor=None as "no fill" (acroform._useDefault stands for its default); every 4.x
# paints its light blue instead, into the widget's /MK and, for buttons, its appearance
FILL_MEANS_NONE = hasattr(acroform, "_useDefault")
INVISIBLE = None if FILL_MEANS_NONE else Color(1, 1, 1, alpha=0)  # the fill and border colour that draw nothing
NO_BORDER = 0 if FILL_MEANS_NONE else None  # 4.x strokes a hairline round a button whose border is 0 wide


def bare_widgets(canvas, make) -> None:
    """``make(canvas)`` (a field of ``canvas.acroForm``), its widgets without a background or border
    colour in /MK: a PDF app that draws the field again (on typing, or as asked by NeedAppearances)
    would fill it with them, hiding the ruled lines under a text field. On reportlab 5 the colours
    were never written; on 4.x each widget is stripped as it is added (``Canvas._addAnnotation``)."""
    if FILL_MEANS_NONE:
        make(canvas)
        return
    add = canvas._addAnnotation

    def bare(annotation, *args, **kwargs):
        mk = annotation.dict.get("MK")
        if mk is not None:
            for key in ("BG", "BC"):
                mk.dict.pop(key, None)
        return add(annotation, *args, **kwargs)

    canvas._addAnnotation = bare
    try:
        make(canvas)
    finally:
        del canvas._addAnnotation


class RowTabOrder:
    """A canvas mixin: a page with form fields says /Tabs /R (row order), so a reader's Tab key goes
    through the fields top to bottom, left to right (``Canvas._setAnnotations``; reportlab's PDFPage
    writes only the keys named in its ``__NoDefault__``, which lacks Tabs)."""

    def _setAnnotations(self, page):
        super()._setAnnotations(page)
        if page.Annots:
            page.Tabs = pdfdoc.PDFName("R")
            page.__NoDefault__ = list(type(page).__NoDefault__) + ["Tabs"]


# --------------------------------------------------------------------------- looking ahead (glue)
def frame_of(flowable):
    """The frame placing or splitting ``flowable`` (``Flowable._frame``, set by the frame that asks), or None."""
    return getattr(flowable, "_frame", None)


def frame_state(frame) -> tuple[float, bool, float | None, float]:
    """What a frame offers the next flowable: the room left (``Frame._y`` over ``._y1p``), whether it is at
    its top (``._atTop``), the space after the last flowable placed, which the next one's space before
    merges with (``._prevASpace``; None where spaces do not merge, ``._oASpace``), and the width."""
    return (frame._y - frame._y1p, bool(frame._atTop), frame._prevASpace if frame._oASpace else None,
            frame._getAvailableWidth())


def zero_size(flowable) -> bool:
    """Whether the frame places a flowable even when it is full (``_ZEROSIZE``)."""
    return bool(getattr(flowable, "_ZEROSIZE", False))


def kept_items(block) -> list:
    """The flowables a kept-together block holds (``KeepTogether._content``)."""
    return block._content


def hold(block, items: list) -> None:
    """Give a kept-together block the flowables it holds (``KeepTogether._content``), once it knows them."""
    block._content = items


def kept_height(block, width: float) -> float:
    """A kept-together block's height as it measures itself to be placed (a :class:`Together` with the space
    above its first item, less what the frame keeps), without the copy of the frame reportlab makes to
    measure one (``KeepTogether.wrap``)."""
    height = stacked_height(block._content, width)
    first = block._first() if isinstance(block, Together) else None
    return height + (first.getSpaceBefore() - block.getSpaceBefore() if first is not None else 0.0)
