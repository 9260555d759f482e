"""A fill-in-the-blank question's blank: underlined, as wide as its answer needs; the key writes the
answer in, between spaces that keep the line as wide as the handout's (guided notes use it too). And the
question's word bank: its box, and the words it prints."""
from __future__ import annotations

import dataclasses
import math

from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import getDescent, stringWidth
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from .. import fields, inline, rtl
from .._reportlab_words import WHOLE
from ..model import Blank
from ..theming import fonts
from . import fillable


def _width(ctx, answer: str, face: str, size: float) -> float:
    """An answer's width in the faces it prints in: a Japanese answer measured in the theme's face alone, which has
    no kanji, came out at 60 % of its width, and the key's line broke where the handout's did not (trial r12).
    Right-to-left text is measured as before: its letters are shaped, and its width is not theirs one by one."""
    return stringWidth(answer, face, size) if rtl.has_rtl(answer) else ctx.text_width(answer, face, size)


def blank_width(ctx, answer: str) -> float:
    size = ctx.styles["prompt"].fontSize
    return max(_width(ctx, answer, fonts.roles(ctx.theme.family)["italic"], size) * 1.25 + 16, 0.9 * inch)


def raised(markup: str, face: str, size: float) -> str:
    """A key's answer written on a blank, raised clear of the blank's rule: the rule lies 1/8 em under the baseline,
    and what hangs below the baseline (g, p, y; the dot under ụ, ọ, ậ in Vietnamese) crossed it, so "tụ" read as
    "tu" (trial r10 L16). Raised by the face's depth below the baseline less the rule's 1/8 em, and 1 pt for the
    rule's half width and a gap. A rise moves no line: the handout's blank and the key's line stay where they are."""
    rise = -getDescent(face, size) - 0.125 * size + 1.0
    return f'<super rise="{rise:.2f}" size="{size:g}">{markup}</super>' if rise > 0 else markup


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
    used = _width(ctx, answer.replace(" ", "\u00a0"), faces["bold_italic"], size) / nbsp
    # the answer between spaces that make the blank exactly as wide as the handout's (a little smaller
    # spaces than the text's): the key's lines break where the handout's do
    pad = max(2, math.ceil(count - used))
    small = f'<font size="{size * max(count - used, 1) / pad:.3f}">'
    colour = ctx.color("answer").hexval()[2:]
    text = inline.markup(answer.replace(" ", "\u00a0"), ctx.fonts)
    text = raised(f'<font color="#{colour}"><b><i>{text}</i></b></font>', faces["bold_italic"], size)
    filled = f'<u>{small}{chr(160) * (pad // 2)}</font>{text}{small}{chr(160) * (pad - pad // 2)}</font></u>'
    # a Hebrew or Arabic answer is embedded in the direction of its line (rtl.display_order), as one word: bare, it
    # joined the words of its script around it ("أب → أبي" read "أبي → أب", the blank's rule in two pieces)
    return f"\u202b{filled}\u202c" if rtl.has_rtl(answer) else filled


def whole_terms(ctx, parent: str, **kw) -> ParagraphStyle:
    """``parent``'s style for a list of terms: a Chinese or Japanese term is never cut inside ('鉄／道' in a bank)."""
    key = f"_whole_{parent}" + "".join(f"_{k}" for k in sorted(kw))
    if key not in ctx.styles:
        ctx.styles[key] = ParagraphStyle(key, parent=ctx.styles[parent], **kw, **{WHOLE: 1})
    return ctx.styles[key]


def bank_box(ctx, words, width: float = 0) -> Table:
    """The word bank's box: its label, and the words between spaced dots; as wide as a question's text, or ``width``."""
    dot = rtl.separator(words, "\u00a0\u00a0\u00a0·\u00a0\u00a0 ")
    bank = ctx.raw(f"<b>{inline.markup(ctx.label('word_bank'), ctx.fonts)}</b>  "
                   + dot.join(inline.markup(w.replace(" ", "\u00a0"), ctx.fonts) for w in words), "cell")
    bank.style = whole_terms(ctx, "cell")
    box = Table([[bank]], colWidths=[width or ctx.width - ctx.theme.number_width - 8])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), ctx.theme.grid * 1.6, ctx.color("rule")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def bank_words(ctx, q) -> list[str]:
    """The words a question's word bank prints: its answers and the words that answer none of its blanks
    (banks.banked); a bank of two blanks leaves out its spare word where the spare would cost room, taking
    the bank to another line or widening the blanks (in large print, 4 builds of 280 lost a page to it)."""
    words = q.bank_in(ctx.guide.language)
    if not q.bank or len({b.answer for b in q.blanks}) != 2:
        return words
    bare = dataclasses.replace(q, bank=()).bank_in(ctx.guide.language)

    def room(ws):
        return max(blank_width(ctx, w) for w in ws), bank_box(ctx, ws).wrap(ctx.width, 1e6)[1]

    (width, height), (bare_width, bare_height) = room(words), room(bare)
    if width <= bare_width + 0.01 and height <= bare_height + 0.01:
        return words
    # (`check` says the bank is its answers alone, and why: pagelint.bare_banks; the spare is in the model, so
    # lint.bank_answers, which reads the guide alone, cannot see it go: trial r14 finding 5)
    ctx.__dict__.setdefault("banks_bare", {})[q.where] = (q.bank, "widen" if width > bare_width + 0.01 else "line")
    return bare
