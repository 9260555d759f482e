"""What every activity's layout shares: its title and instructions, grid cell sizes, small text helpers."""
from __future__ import annotations

import math

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepInFrame, Spacer, Table

from ... import activities as act
from ... import fields, inline
from ...labels import sentences
from ..._reportlab import RoomBreak, Together
from .. import fillable
from ..blanks import raised
from ..marks import SectionMark

def _instructions(ctx, name: str, data) -> str:
    """The activity's instructions in the guide's language (labels.py); matching says how many definitions are spare."""
    if name == "matching":
        extras = sum(s.extras for s in data)
        spare = ""
        if extras:
            each = "one_unused_in_each_set" if extras == len(data) else "unused_in_each_set"
            spare = ctx.label("one_unused" if extras == 1 else "two_unused" if len(data) == 1 else each)
        return sentences(ctx.label("matching_instructions"), spare)
    if name == "word_search":
        return ctx.label("word_search_instructions", ways=ctx.label("word_search_" + data.difficulty))
    if name in act.NAMES:
        return ctx.label(name + "_instructions")
    raise ValueError(name)


def _start(ctx, name: str, data) -> list:
    """The activity's title and instructions, kept with what follows them: an activity starts on
    the page the last one ended on when its first block fits there, else on the next."""
    instruction = ctx.raw(_text(ctx, _instructions(ctx, name, data)), "instruction")
    instruction.style = _style(ctx, "activity_instruction", "instruction", spaceAfter=10)
    return [RoomBreak(ctx.theme.heading_room), SectionMark(ctx, name),
            ctx.raw(_text(ctx, ctx.label(name + "_title")), "heading"), instruction]


def _keep_start(flow: list) -> list:
    """An activity's title and instructions never end a page alone: they travel with its first block."""
    start, body = flow[:4], flow[4:]
    n = next((i for i, f in enumerate(body) if not isinstance(f, Spacer)), len(body) - 1)
    return start[:1] + [Together(start[1:] + body[:n + 1])] + body[n + 1:]  # the mark notes the page it lands on


def smallest(styles) -> float:
    """The smallest type the theme prints (8.5 pt normally, 16 pt in large print): the floor for
    grid numbers, letters and labels drawn straight on the canvas."""
    return min(s.fontSize for s in styles.values())


def _top(styles) -> float:
    """Room above a grid on its page: the activity's heading, up to three lines of instructions, a gap."""
    head, note = styles["heading"], styles["instruction"]
    return head.leading + head.spaceAfter + 3 * note.leading + 16


CROSS_NUMBER = 0.35  # a crossword number's size, as a share of the cell
CROSS_NUMBER_PT = 8.5  # points: the least a crossword number prints at, in every edition
SEARCH_LETTER = 0.56  # a word-search letter's size, as a share of the cell


def cross_cell(styles) -> float:
    """The smallest crossword cell: room to write a capital in, and a number of 8.5 pt or the theme's
    smallest type if that is smaller. Large print keeps the standard cell (its numbers are the one
    thing under 16 pt there): at 16 pt numbers no page could hold the grid of a long term, and the
    edition would lose most of its words."""
    if numbers_outside(styles):  # the numbers sit outside the cells: a cell only needs room for a capital
        return 0.32 * inch
    return max(0.34 * inch, min(smallest(styles), CROSS_NUMBER_PT) / CROSS_NUMBER)


def numbers_outside(styles) -> bool:
    """Large print: crossword numbers at the edition's smallest size do not fit in a corner of a cell,
    so each goes in an empty square against its own cell, clear of the other numbers (cross_numbers.py)."""
    return smallest(styles) > CROSS_NUMBER_PT


def search_cell(styles) -> float:
    return max(0.25 * inch, smallest(styles) / SEARCH_LETTER)


def _table(ctx, rows, widths, style=None) -> Table:
    """A table whose rows stay whole, unless one is taller than a page (then it splits between lines)."""
    from ..ruled import RowSplittingTable

    t = RowSplittingTable(rows, colWidths=widths, style=style)
    t.page_height = ctx.height
    t.hAlign = "LEFT"
    return t


def _fit(ctx, para, width: float):
    """A table cell's paragraph, shrunk to fit when it alone would be taller than most of a page
    (a table row cannot always split across pages; no real definition is that long)."""
    if para.wrap(width, 1e9)[1] <= ctx.height * 0.8:
        return para
    return KeepInFrame(width, ctx.height * 0.8, [para], mode="shrink")


def _text(ctx, text: str) -> str:
    """Plain text as paragraph markup: escaped, characters the font lacks routed to a fallback."""
    out = inline.escape(text)
    return inline._route(out, ctx.fonts) if ctx.fonts and not out.isascii() else out


def _face(ctx, ch: str, base: str) -> str:
    return ctx.fonts.get(ch) or ctx.fonts.get(ch.lower()) or ctx.fonts.get(ch[:1]) or base


def _style(ctx, name: str, parent: str, **kw) -> ParagraphStyle:
    key = "_activity_" + name
    style = ctx.styles.get(key)
    if style is None:
        style = ParagraphStyle(key, parent=ctx.styles[parent], **kw)
        ctx.styles[key] = style
    return style


def _blank(ctx, answer: str, key: bool, style: str = "body", width: float = 0, field: str | None = None,
           tip: str = "") -> str:
    """An underlined blank ``width`` wide (at least room for its answer); the key writes the answer in it,
    centred, a full stop or comma after it too (at the blank's end, the answer touched the full stop where
    the others sat in the middle of theirs). ``field``: the name of the fillable edition's text field over
    the handout's blank."""
    st = ctx.styles[style]
    size = st.fontSize
    nbsp = stringWidth("\u00a0", st.fontName, size)
    width = max(width, stringWidth(answer, st.fontName, size) * 1.25 + 16, 0.9 * inch)
    count = math.ceil(width / nbsp)
    if not key:
        mark = fields.marker(field, count * nbsp, size, tip) if field and fillable.on(ctx) else ""
        return "<u>" + "\u00a0" * count + "</u>" + mark
    used = stringWidth(answer.replace(" ", "\u00a0"), ctx.styles["heading"].fontName, size) / nbsp
    # the key's blank exactly as wide as the handout's, so lines break alike: its spaces a little smaller than
    # the text's (whole ones, rounded, made it up to half a space wider, and a half sheet's key broke "Alicia
    # empezó a adelgazar sin razón aparente" over two lines where the handout's blank left it one: r16 trial)
    spare = max(2, math.ceil(count - used))
    small = f'<font size="{size * max(count - used, 1) / spare:.3f}">'
    left, right = f"{small}{chr(160) * (spare // 2)}</font>", f"{small}{chr(160) * (spare - spare // 2)}</font>"
    colour = ctx.color("answer").hexval()[2:]
    text = _text(ctx, answer.replace(" ", "\u00a0"))
    text = raised(f'<font color="#{colour}"><b>{text}</b></font>', ctx.styles["heading"].fontName, size)
    return f'<u>{left}{text}{right}</u>'
