"""How a matching question's row shares its width: the numbered terms' column and the lettered items' column.

The standard split gives the terms 42 % of the line (less the blank and the number) and the items the rest, which
suits a letter page: short terms, longer meanings. On a small page (quarter and half sheets, exit tickets, A5) 42 %
is ~45 pt, and a one-word term longer than that was cut inside the word ("sulfat / e", "enum / erate / d") while the
items' column, holding short formulas, stayed half empty. So the split follows what the items need:

* the standard split whenever every term fits its column on one line (letter pages: output unchanged);
* else, of the widths that set one more term whole, the one whose rows are shortest, and of those the one that
  breaks fewest terms across lines (a term is read as one thing; a meaning is a sentence, and wraps as one):
  "bốc hơi" whole beside "Nước biến thành / hơi" rather than "bốc / hơi" beside a line left half empty;
* and never narrower than the terms' longest word, so that no term breaks inside a word, as long as the items'
  own longest word keeps its room; a word wider than that breaks as before.
"""
from __future__ import annotations

import math

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from .. import inline, wordbreaks
from ..model import LETTERS
from ..theming import fonts
from .flow import even_columns, para_width

PAD = 8  # a cell's left and right padding (2 + 6 pt: see the matching table's style)
ROOM = 2  # and 2 pt more, as the one-column layout gives its terms
SMALLEST = {"large-print": 16.0}  # pt: a number wider than its cell is set no smaller (else 9 pt: fitted)


def label_width(ctx, count: int, first: int = 0) -> float:
    """The width of the cell before a term or an item, padding in: 0.3 in (scaled with the type), or more when
    its widest label needs it, "10." to "12." or a bold "W." set whole, never cut as "1-" / "0." (trial r15,
    hostile finding 2: every matching question of 10 pairs or more). ``first``: the items before a part's."""
    st = ctx.styles["choice"]
    bold = fonts.roles(ctx.theme.family)["bold"]
    numbers = max(ctx.text_width(f"{k}.", st.fontName, st.fontSize) for k in range(first + 1, first + count + 1))
    letters = max(ctx.text_width(f"{c}.", bold, st.fontSize) for c in LETTERS[first:first + count] or "A")
    standard, need = 0.3 * inch * (st.fontSize / 10.5), max(numbers, letters) + PAD
    return standard if need <= standard else need + 1  # (unchanged where every label fits, as "1." to "9." do)


def standard(ctx, width: float, q) -> tuple[float, float, float, float]:
    """(blank, number, terms, items): the widths of a row's columns before the terms are looked at;
    ``width`` is the row's, right of the question's number."""
    scale = ctx.styles["choice"].fontSize / 10.5  # the standard sizes, scaled with the type (large print)
    blank_w, num_w = 0.5 * inch * scale, label_width(ctx, len(q.pairs))
    return blank_w, num_w, width * 0.42 - blank_w - num_w, width * 0.58 - num_w


def split(ctx, q, width: float) -> tuple[float, float]:
    """(terms, items): the two text columns' widths, padding included (see the module's note)."""
    _, _, terms, items = standard(ctx, width, q)
    st = ctx.styles["choice"]
    if not any("*" in pair.left for pair in q.pairs) and max(  # (plain terms measured as text: 20 ms a question less)
            ctx.text_width(inline.plain(pair.left), st.fontName, st.fontSize) for pair in q.pairs) + PAD + ROOM <= terms:
        return terms, items
    lefts = [ctx.p(pair.left, "choice") for pair in q.pairs]
    term_whole = max(para_width(p) for p in lefts) + PAD + ROOM
    if term_whole <= terms:
        return terms, items
    rights = [ctx.p(pair.right, "choice") for pair in q.pairs]
    total = terms + items
    term_word = max(p.minWidth() for p in lefts) + PAD + ROOM
    most = max(terms, total - max(p.minWidth() for p in rights) - PAD - ROOM)  # (the items' longest word keeps its room)
    if term_word > most:  # (the two longest words do not fit side by side: a number among them may be set smaller)
        term_word = max(_least(ctx, p, pair.left) for p, pair in zip(lefts, q.pairs)) + PAD + ROOM
        most = max(terms, total - max(_least(ctx, p, pair.right) for p, pair in zip(rights, q.pairs)) - PAD - ROOM)
    least = max(terms, min(term_word, most))
    tried = sorted({least} | {w for w in (para_width(p) + PAD + ROOM for p in lefts) if least < w <= most})

    line = lefts[0].style.leading * 1.5  # (a term taller than this is set on two lines or more)

    def cost(wide: float) -> tuple[float, int]:
        tall = [(p.wrap(wide - PAD, 1e9)[1], r.wrap(total - wide - PAD, 1e9)[1]) for p, r in zip(lefts, rights)]
        return sum(max(row) for row in tall), sum(t > line for t, _ in tall)

    wide = min(tried, key=cost)  # (the first of equals: the narrowest)
    return wide, total - wide


def under_is_shorter(ctx, q, shares: tuple[float, float]) -> bool:
    """Whether the lettered items under the terms take fewer lines than beside them, counted from the
    words' widths (laying both out in full cost a quarter of a guide's build)."""
    st = ctx.styles["choice"]
    w = ctx.width - ctx.theme.number_width
    scale = st.fontSize / 10.5
    blank_w, num_w = 0.5 * inch * scale, label_width(ctx, len(q.pairs))

    def lines(text: str, width: float) -> int:
        count, used = 1, 0.0
        for word in inline.plain(text).split():
            wide = ctx.text_width(word, st.fontName, st.fontSize)
            space = stringWidth(" ", st.fontName, st.fontSize) if used else 0.0
            if used and used + space + wide > width:
                count, used = count + 1, wide
            else:
                used += space + wide
            count += int(used // width) if used > width else 0  # (a word wider than the column breaks)
            used = used % width if used > width else used
        return count

    row = st.leading + 6  # a table row: its line and 3 pt of padding above and below
    term_w, item_w = shares[0] - 8, shares[1] - 8  # (less the cells' padding)
    beside = sum(max(lines(p.left, term_w), lines(p.right, item_w)) * st.leading + 6 for p in q.pairs)
    widest = blank_w + num_w + max(ctx.text_width(inline.plain(p.left), st.fontName, st.fontSize) for p in q.pairs) + 10
    columns = next((c for c in even_columns(len(q.pairs)) if widest <= w / c - 8), 1)
    under = (-(-len(q.pairs) // columns) * row + st.fontSize * 0.6
             + sum(lines(p.right, w - ctx.theme.choice_indent) for p in q.pairs) * st.leading)
    return under < beside


def _least(ctx, para, text: str) -> float:
    """The width of ``para``'s longest word; when that is a number, its width in the smallest size :func:`fitted`
    may set it in (or the longest other word's, when wider)."""
    st = ctx.styles["choice"]
    words = [(ctx.text_width(word, st.fontName, st.fontSize), word) for word in inline.plain(text).split()]
    widest = max(words, default=(0.0, ""))
    if not wordbreaks.kept_whole(widest[1], 1.0, 0.0):
        return para.minWidth()
    floor = min(1.0, SMALLEST.get(ctx.theme.edition, 9.0) / st.fontSize)
    return max([wide * floor for wide, _ in words] + [wide for wide, word in words
                                                      if not wordbreaks.kept_whole(word, 1.0, 0.0)])


def fitted(ctx, text: str, room: float, style: str = "choice"):
    """A cell's ``text`` as a paragraph in ``style``, or smaller where a number in it is wider than ``room`` (the
    cell less its padding), as much as that number needs to fit, in steps of half a point. Never cut, a number
    went on past its cell ("12345678901234567890" over the letter "A." beside it on A5, past the right margin in
    large print on A5). Never under 9 pt, 16 pt in large print (:data:`SMALLEST`): a number that does not fit even
    so overflows less. Its row sets it on the others' baseline (:func:`lowered`)."""
    st = ctx.styles[style]
    wide = max((w for w in (ctx.text_width(word, st.fontName, st.fontSize) for word in inline.plain(text).split()
                            if wordbreaks.kept_whole(word, 1.0, 0.0)) if w > room), default=0.0)
    size = max(SMALLEST.get(ctx.theme.edition, 9.0), math.floor(2 * st.fontSize * room / wide) / 2) if wide else 0.0
    if not wide or size >= st.fontSize:
        return ctx.p(text, style)
    name = f"_{style}_{size:g}"
    if name not in ctx.styles:
        ctx.styles[name] = ParagraphStyle(name, parent=st, fontSize=size)
    return ctx.p(text, name)


def lowered(cells: list, size: float, pad: float = 3.0) -> list:
    """A row's table style commands that set each cell :func:`fitted` made smaller on the row's baseline: a cell's
    first baseline is its size under its top (reportlab), so a smaller one stood higher than the number and the
    letter beside it; its top padding takes the difference, its bottom padding gives it back where it can."""
    out = []
    for c, cell in enumerate(cells):
        style = getattr(getattr(cell, "para", cell), "style", None)
        drop = size - style.fontSize if style is not None else 0.0
        if drop > 0:
            out += [("TOPPADDING", (c, 0), (c, 0), pad + drop), ("BOTTOMPADDING", (c, 0), (c, 0), max(0.0, pad - drop))]
    return out
