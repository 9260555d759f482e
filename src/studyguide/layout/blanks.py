"""A fill-in-the-blank question's blank: underlined, as wide as its answer needs; the key writes the
answer in, between spaces that keep the line as wide as the handout's (guided notes use it too)."""
from __future__ import annotations

import math

from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from .. import fields, inline
from ..model import Blank
from ..theming import fonts
from . import fillable


def blank_width(ctx, answer: str) -> float:
    size = ctx.styles["prompt"].fontSize
    return max(stringWidth(answer, fonts.roles(ctx.theme.family)["italic"], size) * 1.25 + 16, 0.9 * inch)


def blank_markup(ctx, blank: Blank, key: bool, width: float = 0, field: str | None = None, tip: str = "") -> str:
    """An underlined blank at least as wide as its answer needs (or ``width``); the key writes the answer in.
    ``field``: the name of the fillable edition's text field over the handout's blank."""
    size = ctx.styles["prompt"].fontSize
    faces = fonts.roles(ctx.theme.family)
    nbsp = stringWidth("\u00a0", faces["regular"], size)
    answer = blank.answer
    width = max(width, blank_width(ctx, answer))
    count = math.ceil(width / nbsp)
    if not key:
        mark = fields.marker(field, count * nbsp, size, tip) if field and fillable.on(ctx) else ""
        return "<u>" + "\u00a0" * count + "</u>" + mark
    used = stringWidth(answer.replace(" ", "\u00a0"), faces["bold_italic"], size) / nbsp
    # the answer between spaces that make the blank exactly as wide as the handout's (a little smaller
    # spaces than the text's): the key's lines break where the handout's do
    pad = max(2, math.ceil(count - used))
    small = f'<font size="{size * max(count - used, 1) / pad:.3f}">'
    colour = ctx.color("answer").hexval()[2:]
    text = inline.markup(answer.replace(" ", "\u00a0"), ctx.fonts)
    return (f'<u>{small}{chr(160) * (pad // 2)}</font><font color="#{colour}"><b><i>{text}</i></b></font>'
            f'{small}{chr(160) * (pad - pad // 2)}</font></u>')
