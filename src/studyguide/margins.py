"""Whether the running header and the footer stay in their margins, checked before the layout.

Each is at most 300 characters, yet a long title, footer and labels together, or a long header,
can wrap to more lines than the margin holds; pages.py then keeps them on the paper, and they
print over the body. The lines are measured here as pages.py will set them, and too many is a
located message naming the text to shorten, not a page a teacher finds overprinted.
"""
from __future__ import annotations

from typing import Optional

from . import inline
from .errors import Location
from .model import Guide
from .pages import EDGE, footer_for, in_margin


def _where(guide: Guide, text: str) -> Location:
    """Where the guide typed ``text`` (the first place), else its first line."""
    return next((where for where, typed in guide.texts if typed == text), Location(str(guide.path), 1))


def problem(guide: Guide, theme, style, pagesize, paper: str, footer_markup: str,
            header_markup: Optional[str], words: dict,
            short_markup: Optional[str] = None, shorter: tuple = ()) -> Optional[tuple[Location, str]]:
    """(where, message) when the footer or the header would reach into the body, else None.
    ``short_markup``: the footer without the title, which pages.py sets instead of a footer that
    takes more than a line (large print): a footer that fits one line so is measured as it will print.
    ``shorter``: the footers with the title cut (pages.footer_for): the one pages.py prints is measured."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from .layout import Para

    if paper not in ("letter", "a4"):
        return None  # half and quarter sheets fit their own footers (sheets.py)
    width, top = pagesize
    size, room = style.fontSize, width - 2 * theme.margin_x
    para = Para(footer_markup.format(n=888, total=888), style)  # the widest page numbers a guide reaches
    _, h = para.wrap(room, size * 3)
    if short_markup and h > style.leading * 1.5:  # as pages.py chooses: on one line without the title
        short_h = Para(short_markup.format(n=888, total=888), style).wrap(room, size * 3)[1]
        if short_h <= style.leading * 1.5:
            h = short_h
    if shorter and not in_margin(theme, size, h):  # the title cut with "…", as pages.py prints it
        chosen = footer_for((footer_markup, *shorter), style, room, 888, 888, theme)
        h = Para(chosen.format(n=888, total=888), style).wrap(room, size * 3)[1]
    if not in_margin(theme, size, h):  # as pages.py places it
        lines = round(h / style.leading)
        fit = max([n for n in range(1, lines) if in_margin(theme, size, n * style.leading)] or [1])
        chars = len(inline.plain(guide.title)) + len(inline.plain(guide.branding.footer or ""))
        own = dict(guide.labels or {})
        parts = [(guide.branding.footer, "footer"), (guide.title, "title")] + \
            [(own[k], f"labels.{k}") for k in ("page", "key_footer", "version", "seed") if own.get(k)]
        text, key = max(((t, k) for t, k in parts if t), key=lambda p: len(p[0]))
        both = "the title and the footer" if guide.branding.footer else "the title"
        return _where(guide, text), (
            f"{key}: the footer of each {paper} page ({_said(guide, words)}) takes {lines} lines, and the bottom "
            f"margin holds {fit}: it would print over the text; shorten {both} (about {chars * fit // lines} "
            f"characters in all fit)")
    if header_markup:
        para = Para(header_markup, ParagraphStyle("running_header", parent=style, alignment=TA_RIGHT))
        _, h = para.wrap(room, size * 3)
        bottom = min(top - theme.margin_top / 2 - h + size * 0.3, top - EDGE - h)
        if bottom < top - theme.margin_top - 0.5:
            lines = round(h / style.leading)
            return _where(guide, guide.branding.header), (
                f"header: takes {lines} lines at the top of each {paper} page, more than the top margin holds: "
                f"it would print over the title and the text; shorten it (to about "
                f"{len(inline.plain(guide.branding.header)) // lines} characters)")
    return None


def _said(guide: Guide, words: dict) -> str:
    return "the title, " + ("the footer, " if guide.branding.footer else "") + "and '" + \
        words["page"].replace("{n}", "1").replace("{total}", "2") + "'"
