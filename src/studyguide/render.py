"""Model + theme → PDF bytes, in memory. Nothing here touches the disk."""
from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

from reportlab.platypus.doctemplate import LayoutError

from . import inline, labels, pages
from .errors import Location, Problem
from .layout import Ctx, story
from .model import Guide
from .theming import fonts
from .theming.styles import Theme, make_styles
from .theming.styles import default as default_theme

MODES = ("student", "key")


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    question_pages: list[int]  # 1-based page on which each question starts
    sections: list = field(default_factory=list)  # (name, page, at_top) of each section heading (the page budget)


def glyph_plan(guide: Guide, theme: Theme | None = None) -> tuple[dict, list[Problem]]:
    """Fallback fonts for characters the theme's font family lacks, and a warning for each no font has."""
    chars = set()
    for _, text in guide.texts:
        if not text.isascii():
            chars.update(text)
    for text in labels.for_language(guide.language, guide.labels).values():
        if not text.isascii():
            chars.update(text)
    plan = fonts.plan(chars, (theme or default_theme()).family)
    warnings = []
    missing = set(plan.missing())
    if missing:
        for where, text in guide.texts:
            for ch in sorted(set(text) & missing, key=text.index):
                warnings.append(Problem(where, f"no installed font has the character '{ch}' (U+{ord(ch):04X}); "
                                               "it would print as a box: install a font that has it, or retype it",
                                        warning=True))
    rtl = {c for c in chars if unicodedata.bidirectional(c) in ("R", "AL")}
    if rtl:  # the PDF library sets every line left to right: Hebrew and Arabic come out backwards
        for where, text in guide.texts:
            if rtl & set(text):
                warnings.append(Problem(where, "right-to-left text (Hebrew, Arabic, ...) prints with its letters in "
                                               "reverse order and Arabic letters unjoined; studyguide cannot set "
                                               "right-to-left scripts yet", warning=True))
    font_for = {c: f for c, f in plan.font_for.items() if f is not None}
    return font_for, warnings


def _meta(guide: Guide, mode: str) -> dict:
    key = mode == "key"
    words = labels.for_language(guide.language, guide.labels)
    return {
        "title": inline.plain(guide.title) + (f" ({words['key_footer']})" if key else ""),
        "author": guide.author or "",
        "subject": inline.plain(guide.subject or guide.subtitle or ""),
        "lang": guide.language,
    }


def _footer(guide: Guide, mode: str, font_for) -> str:
    """'Title · Answer Key · Version B · seed 42 · Page': what a teacher needs to tell pages apart, or
    rebuild them. Ends with the page label, with {n} and {total} left for each page."""
    words = labels.for_language(guide.language, guide.labels)
    parts = ([inline.plain(guide.branding.footer)] if guide.branding.footer else []) + [inline.plain(guide.title)]
    parts += [words["key_footer"]] if mode == "key" else []
    if guide.version:
        parts += [words["version"].format(v=guide.version), words["seed"].format(s=guide.seed or "")]
    markup = inline.markup(" · ".join(parts) + " · ", font_for).replace("{", "{{").replace("}", "}}")
    # "Page 3 of 12" never breaks across lines (no-break spaces), even when a long footer wraps
    return markup + inline.markup(words["page"].replace(" ", "\u00a0"), font_for)


def _header(guide: Guide, font_for) -> str | None:
    """The running header's markup (a guide's `header:`), or None."""
    return inline.markup(guide.branding.header, font_for) if guide.branding.header else None


def render(guide: Guide, modes=MODES, paper: str | None = None, theme: Theme | None = None,
           font_for: dict | None = None) -> dict[str, Rendered]:
    """Lay the guide out once and draw it as each of ``modes`` ("student", "key").

    Every student/teacher difference lives in flowables that read ``ctx.mode``
    when they draw and reserve the taller version's space when they wrap, so
    the one layout is right for both documents.
    """
    if isinstance(modes, str):
        modes = (modes,)
    theme = theme or default_theme()
    paper = paper or guide.paper
    if font_for is None:
        font_for, _ = glyph_plan(guide, theme)
    styles = make_styles(theme)
    pagesize = theme.page_size(paper)
    first, rest = modes[0], modes[1:]
    streams = {mode: io.BytesIO() for mode in modes}
    ctx = Ctx(guide=guide, theme=theme, styles=styles, fonts=font_for, mode=first, width=0, height=0, primary=first,
              labels=labels.for_language(guide.language, guide.labels))
    mirrors = pages.Mirrors(ctx)
    for mode in rest:  # the key's canvas, drawn in step with the handout's
        other = pages.document(streams[mode], pagesize, theme, _meta(guide, mode))
        canvasmaker = pages.canvas_class(_footer(guide, mode, font_for), theme, styles["footer"],
                                         header_markup=_header(guide, font_for))
        mirrors.canvases.append((other._makeCanvas(canvasmaker=canvasmaker), mode))
    doc = pages.document(streams[first], pagesize, theme, _meta(guide, first), mirrors=mirrors)
    ctx.width, ctx.height = doc.width, doc.height
    flow = story(ctx)
    try:
        doc.build(flow, canvasmaker=pages.canvas_class(_footer(guide, first, font_for), theme, styles["footer"], mirrors,
                                                       _header(guide, font_for)))
    except LayoutError as exc:
        raise RenderFailed(Location(str(guide.path)), f"a part of the guide does not fit on a page ({str(exc)[:120]}); shorten it") from None
    starts = list(ctx.question_pages)
    marks = list(ctx.__dict__.get("section_marks", ()))
    return {mode: Rendered(streams[mode].getvalue(), doc.page, starts, marks) for mode in modes}


class RenderFailed(Exception):
    def __init__(self, where: Location, message: str):
        super().__init__(message)
        self.where = where
        self.message = message
