"""Model + theme → a list of flowables (the story) for one document.

One module per kind of content; this one only holds the shared context and
the order of sections, dispatched through a dict.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from .. import formulas, inline, parses, quantities, rtl, widows
from .._reportlab import (FRAME_FUZZ, FootGap, first_baseline, forget_lines, is_broken_into_lines, last_line_runs,
                          leaves_widow, line_count, wrapped_state)
from .._reportlab_words import SharedParse
from ..theming import fonts
from ..model import Guide
from ..theming.styles import Theme


def _prepared(text: str, face: str, whole: bool) -> tuple[str, bool]:
    """A paragraph's markup as it is parsed (Para), and whether it holds right-to-left text."""
    text = formulas.keep_formulas(inline.keep_punctuation(text))  # no break inside "(4 − 0)", after "d ="
    text = quantities.keep_quantities(text) if whole else text  # nor inside "10 g H₂"
    text = fonts.settle(text, face)  # fallback runs keep the weight around them
    return text, rtl.has_rtl(text)


class Para(SharedParse):
    """A Paragraph that remembers its line breaks for the width it was last wrapped at.

    Platypus wraps the same paragraph many times at the same width (to try
    out KeepTogether, to measure table cells, then to draw); the lines depend
    only on the width, so breaking them once is enough. Output is unchanged.
    """

    _wrapped_at = None

    _rtl = None
    _shown_style = None  # the style the lines in display order were last set in (see wrap)

    def __init__(self, text, style=None, *args, base_rtl: Optional[bool] = None, whole: bool = True, **kwargs):
        """``base_rtl``: the paragraph's direction when not its first letter's (a key's answer in a blank
        that starts an English sentence is Hebrew: the sentence is the handout's, left to right). ``whole``:
        False lets a quantity break at its spaces (a table's cells, when their columns fit no other way)."""
        if isinstance(text, str) and style is not None:  # (once a build: each layout makes the same paragraphs)
            face = style.fontName
            text, right = parses.once(("para", text, face, whole), lambda: _prepared(text, face, whole))
            if inline.MONO in text:  # code (parsed only for a guide that has some: 50 ms)
                fonts.register(inline.MONO)
            if right:  # set in display order line by line, once the width is known
                text = rtl.shape(text)
                self._rtl = (text, args, kwargs, base_rtl)
        super().__init__(text, style, *args, **kwargs)
        widows.made(self)  # (numbered in its layout, for mending.widows_held to name it)

    def wrap(self, availWidth, availHeight):
        if self._rtl is not None and (availWidth != self._wrapped_at or self.style is not self._shown_style):
            text, args, kwargs, base = self._rtl
            if self.style is not self._shown_style:  # (made, or given a style since: a card's centred text)
                self._given = self.style
            style = self._given
            shown, right = rtl.visual_lines(text, style, availWidth, base)
            self._bullet_right = None
            if right and style.alignment == TA_LEFT:  # a right-to-left paragraph: flush right
                bullet = kwargs.get("bulletText")
                wide = isinstance(bullet, str) and _bullet_room(style, bullet)
                if wide:  # ('10.' wider than the indent: the text kept clear of it, as reportlab keeps an LTR one's)
                    style = ParagraphStyle(style.name + "-wide", parent=style, leftIndent=wide)
                    shown, right = rtl.visual_lines(text, style, availWidth, base)
                style = ParagraphStyle(style.name + "-rtl", parent=style, alignment=TA_RIGHT)
                if isinstance(bullet, str):  # its bullet or number at its right, where it starts
                    self._bullet_right, style = kwargs["bulletText"], _mirrored(style)
                    kwargs = {k: v for k, v in kwargs.items() if k != "bulletText"}
            elif not right and style.alignment == TA_JUSTIFY:  # an English one stays justified up to its end
                style = ParagraphStyle(style.name + "-ltr", parent=style, justifyBreaks=1)
            Paragraph.__init__(self, shown, style, *args, **kwargs)
            self._shown_style = self.style
            forget_lines(self)
            self._wrapped_at = None
        # (reportlab's split() drops blPara when it declines to split: then wrap again)
        if availWidth == self._wrapped_at and is_broken_into_lines(self):
            self.width = availWidth
            return self.width, self.height
        if self._rtl is None and self._lines_back(availWidth):
            return self.width, self.height
        if self._rtl is None:  # (broken once a build: parses.wrapped)
            size = parses.wrapped(self, availWidth, lambda: super(Para, self).wrap(availWidth, availHeight))
        else:
            size = super().wrap(availWidth, availHeight)
        self._below = self._naskh_room()
        if self._below:  # (room under its last line for Naskh's letters: the box ends lower, its lines stay put)
            self.height += self._below
            size = size[0], self.height
        self._wrapped_at = availWidth
        if self._rtl is None and availWidth >= FRAME_FUZZ and is_broken_into_lines(self):  # (narrower: not wrapped)
            self._lines_kept().__setitem__(availWidth, (self._inputs(), wrapped_state(self)))
        return size

    # Trial layouts wrap a paragraph at one width, then another, then the first again (a row tried in
    # one, two and four columns, a term measured unwrapped for its natural width, then set): each
    # width's lines are kept, and given back while the paragraph's fragments and style are the very ones
    # they were broken from, so a width is broken into lines once. That is a paragraph in one font:
    # reportlab gives one in several fonts new fragments at each breaking (its words, which may be cut to
    # that width), so it is broken again, as before. (A right-to-left paragraph's text is set for its
    # width: not kept.)
    _lines_at = None  # width → (the inputs the lines were broken from, reportlab's results)

    def _inputs(self) -> tuple:
        return self.style, self.frags, self.bulletText, getattr(self, "autoLeading", None)

    def _lines_kept(self) -> dict:
        if self._lines_at is None:
            self._lines_at = {}
        return self._lines_at

    def _lines_back(self, width) -> bool:
        kept = self._lines_at.get(width) if self._lines_at else None
        if kept is None:
            return False
        style, frags, bullet, leading = kept[0]
        if style is not self.style or frags is not self.frags or bullet is not self.bulletText \
                or leading is not getattr(self, "autoLeading", None):
            return False
        self.__dict__.update(kept[1])
        self._wrapped_at = width
        return True

    _below = 0.0  # the room added under its last line for Noto Naskh's letters (fonts.room_below)

    def _naskh_room(self) -> float:
        """What the box must grow by under its last line so that line's Naskh letters (set larger, reaching deeper
        than the style's leading allows for) stay inside it: 0 for a paragraph with no Naskh run (its bytes as ever)."""
        if getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) not in ("", "off"):
            return 0.0
        runs = last_line_runs(self)
        if not any(run[0] in fonts.NASKH_FACES for run in runs):
            return 0.0
        last = first_baseline(self) + (line_count(self) - 1) * self.style.leading
        return fonts.room_below(runs, last, self.height)

    _bullet_right = None  # a right-to-left paragraph's bullet or number, drawn at its right (reportlab's at the left)

    widow_number = None  # its number in the layout that made it (widows.made)
    _widow_of = None  # on a paragraph's last line sent over a page alone: the paragraph's number (widows.left)

    def split(self, availWidth, availHeight):
        room = availHeight - self._below  # (each part keeps the room under its last line that Naskh needs)
        widow = self.widow_number is not None and availWidth >= FRAME_FUZZ and availHeight >= FRAME_FUZZ \
            and getattr(self, "allowWidows", self.style.allowWidows) \
            and not getattr(self.style, "keeps_widows", False) and leaves_widow(self, availWidth, room)
        parses.own(self)  # (split changes its lines and fragments: its own, not shared with another paragraph's)
        parts = super().split(availWidth, room)
        self._lines_at = None  # (from here on its lines are broken again, as reportlab's own split may leave them)
        if self._bullet_right and parts:
            parts[0]._bullet_right = self._bullet_right  # (its first line's)
        if widow and len(parts) == 2:
            parts[1]._widow_of = self.widow_number  # (noted where it is drawn: a split tried and dropped is not)
        return parts

    def draw(self):
        super().draw()
        if self._widow_of is not None:
            widows.left(self._widow_of)
        if self._bullet_right:  # as far in from the right as a left-to-right one's is from the left
            st, c = self.style, self.canv
            c.saveState()
            c.setFont(st.bulletFontName, st.bulletFontSize)
            c.setFillColor(getattr(st, "bulletColor", None) or st.textColor)
            c.drawRightString(self.width - st.bulletIndent, self.height - first_baseline(self), self._bullet_right)
            c.restoreState()


def _bullet_room(style: ParagraphStyle, bullet: str) -> float:
    """The indent a bullet or number needs when it is wider than the style's (then 0): its width and a gap."""
    need = style.bulletIndent + stringWidth(bullet, style.bulletFontName, style.bulletFontSize) + style.fontSize * 0.3
    return need if need > style.leftIndent else 0


def _mirrored(style: ParagraphStyle) -> ParagraphStyle:
    """A bulleted right-to-left paragraph's style: its indent at the right, for its bullet (Para.draw)."""
    return ParagraphStyle(style.name + "-mirrored", parent=style, leftIndent=style.rightIndent,
                          rightIndent=style.leftIndent)


@dataclass
class Ctx:
    guide: Guide
    theme: Theme
    styles: dict
    fonts: Mapping[str, Optional[str]]  # character → fallback font name
    mode: str                           # "student" or "key"
    width: float                        # frame width, points
    height: float                       # frame height, points
    question_pages: list = field(default_factory=list)  # filled while the document is laid out
    labels: dict = field(default_factory=dict)  # labels.for_language(...)
    primary: str = "student"             # the mode of the document being laid out (others mirror it)
    key_notes: Optional[list] = None     # (number, page, markup) of the key's notes set after the handout (keynotes)
    handout_pages: Optional[int] = None  # the handout's last page, when the key goes on with those notes
    sheet: Optional[str] = None          # "half" or "quarter": the pages print two or four to a sheet (sheets.impose)

    def p(self, text: str, style: str, **kw) -> Paragraph:
        return Para(inline.markup(text, self.fonts), self.styles[style], **kw)

    def raw(self, markup: str, style: str, **kw) -> Paragraph:
        """A paragraph from markup this program made (already escaped)."""
        return Para(markup, self.styles[style], **kw)

    def __post_init__(self):
        if not self.labels:
            from ..labels import for_language

            self.labels = for_language(self.guide.language, self.guide.labels)

    def label(self, key: str, **fill) -> str:
        return self.labels[key].format(**fill) if fill else self.labels[key]

    def font_for(self, text: str, face: str) -> str:
        """``face``, or the fallback font of the first character ``face`` lacks (for text drawn
        straight on the canvas, which paragraphs' font routing does not reach)."""
        for ch in text:
            if ch in self.fonts:
                return fonts.face_of(self.fonts[ch], face)
        return face

    def drawn_font(self, text: str, face: str, size: float) -> tuple[str, float]:
        """The face and size ``text`` asked in ``face`` at ``size`` is drawn in straight on the canvas: font_for's
        face, at the size a paragraph sets it (fonts.drawn_size: an Urdu label as large as the Urdu body)."""
        face = self.font_for(text, face)
        return face, fonts.drawn_size(face, size)

    def text_width(self, text: str, face: str, size: float) -> float:
        """The width of plain ``text`` as a paragraph sets it: each character in ``face`` or in the
        fallback font that has it (measured in ``face`` alone, a Japanese term came out at 60 % of
        its width, and a column made to fit it broke it one character a line)."""
        if not any(ch in self.fonts for ch in text):
            return stringWidth(text, face, size)
        faces = [fonts.face_of(self.fonts[ch], face) if self.fonts.get(ch) else face for ch in text]
        return sum(stringWidth(ch, f, fonts.drawn_size(f, size)) for ch, f in zip(text, faces))  # (Naskh: larger)

    def heading_text(self, key: str) -> str:
        return self.guide.headings.get(key) or self.labels[key]

    def color(self, name: str):
        return self.theme.colors[name]

    @property
    def key(self) -> bool:
        return self.mode == "key"


def story(ctx: Ctx) -> list:
    from . import passage

    passage.cite(ctx)  # the questions' "lines 12–14", from this layout's line breaks
    if ctx.guide.format != "handout":  # a quiz, an exit ticket (studyguide.formats)
        from .formats import STORIES

        return _gaps(STORIES[ctx.guide.format](ctx))
    from . import activities, header, keynotes, questions, sections

    builders = {
        "coverage": activities.coverage,  # objectives × questions, after the header
        "reading": lambda ctx: passage.section(ctx, "start"),  # the line-numbered reading (reading.place)
        "summary": sections.summary,
        "objectives": sections.objectives,
        "topics": sections.topics,
        "perspectives": sections.perspectives,
        "chart": sections.chart,
        "takeaways": sections.takeaways,
        "vocabulary": sections.vocabulary,
        "reading_before_questions": lambda ctx: passage.section(ctx, "questions"),
        "questions": questions.section,
        "activities": activities.section,  # vocabulary activities, each from a new page
    }
    ctx.key_notes = []  # a handout's key notes that would take room in it go after its last page
    flow = header.header(ctx)
    for name, build in builders.items():
        if name not in ctx.guide.omit and not (name == "reading_before_questions" and "reading" in ctx.guide.omit):
            # (build --skip; --skip reading leaves it out wherever 'place:' puts it)
            flow += build(ctx)
    return _gaps(flow + keynotes.section(ctx))


def _gaps(flow: list) -> list:
    """The story's gaps between blocks as :class:`FootGap`: a gap at a page's foot ends with the page
    instead of going over alone (after the last block, a page with only its footer)."""
    return [FootGap(f.height) if type(f) is Spacer else f for f in flow]
