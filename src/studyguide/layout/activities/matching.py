"""Vocabulary matching: numbered terms with a blank each, lettered definitions beside them, set by set."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, TableStyle

from ... import fields, inline
from ...model import LETTERS
from ..._reportlab import stacked_height
from ..._reportlab import Together
from .. import fillable
from ..flow import Twin
from .common import _start, _table, _fit, _text, _style

# -- matching --------------------------------------------------------------------------------

def matching(ctx, name, sets) -> list:
    start = _start(ctx, name, sets)
    flow = start[:1]  # the section mark, title and instructions go inside the first set's block
    w = ctx.width
    st = ctx.styles["choice"]
    size, regular, bold = st.fontSize, st.fontName, ctx.styles["heading"].fontName
    nbsp = stringWidth("\u00a0", regular, size)
    blank = "______"
    blank_w = stringWidth(blank, regular, size)
    # the blank, the number and the term are one paragraph (a hanging indent keeps a long term clear of them)
    digits = len(str(sum(len(s.terms) for s in sets)))
    digit_w = stringWidth("0", regular, size)
    hang = blank_w + stringWidth(f"\u00a0\u00a0{'0' * digits}.\u00a0\u00a0", regular, size)
    left_style = _style(ctx, "match_term", "choice", leftIndent=hang, firstLineIndent=-hang)
    letter_w = stringWidth("W.", bold, size) + 10
    left_w = (w - letter_w) * 0.36
    widths = [left_w, letter_w, w - left_w - letter_w]
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    colour = ctx.color("answer").hexval()[2:]

    def term_cell(number: int, term: str, letter: str | None):
        if letter is None:  # (the fillable edition: a text field on the blank, match<number>)
            tip = f"{ctx.label('matching_title')}, {ctx.label('field_term', k=number)}"
            lead = blank + (fields.marker(f"match{number}", blank_w, size, tip) if fillable.on(ctx) else "")
        else:  # the letter on the line, centred in the blank's width
            pad = max(0.0, (blank_w - stringWidth(letter, bold, size)) / 2 / nbsp)
            sp = "\u00a0" * int(pad)
            lead = f'<u><font color="#{colour}"><b>{sp}{letter}{sp}</b></font></u>' + "\u00a0" * (round(pad * 2) - 2 * int(pad))
        # no-break spaces as wide as the missing digits (a paragraph would merge figure spaces): 9. under 10.
        figures = "\u00a0" * round((digits - len(str(number))) * digit_w / nbsp)
        para = ctx.raw(f"{lead}\u00a0\u00a0{figures}{number}.\u00a0\u00a0<b>{inline.markup(term, ctx.fonts)}</b>", "choice")
        para.style = left_style
        return para

    # side by side when the term column has room for the longest word of a term; else terms, then definitions
    longest = max((stringWidth(word, bold, size) for s in sets for t in s.terms for word in inline.plain(t).split()),
                  default=0)
    stacked = getattr(ctx.theme, "one_column", False) or longest > left_w - hang - 8
    letter_hang = stringWidth("W.", bold, size) + 2 * nbsp
    letter_style = _style(ctx, "match_definition", "choice", leftIndent=letter_hang, firstLineIndent=-letter_hang,
                          spaceBefore=5)
    for s in sets:
        rows = []
        if len(sets) > 1:
            last = s.start + len(s.terms) - 1
            title = ctx.label("matching_set", n=sets.index(s) + 1, first=s.start, last=last)
            rows.append(ctx.raw(_text(ctx, title), "subheading"))
        if stacked:
            for i, term in enumerate(s.terms):
                rows.append(Twin(term_cell(s.start + i, term, None), term_cell(s.start + i, term, s.letter(i)), ctx))
            rows.append(Spacer(1, 6))
            for i, definition in enumerate(s.definitions):
                para = ctx.raw(f"<b>{LETTERS[i]}.</b>\u00a0\u00a0" + inline.markup(definition, ctx.fonts), "choice")
                para.style = letter_style
                rows.append(para)
            flow += _whole_set(ctx, rows, 3 if len(sets) > 1 else 2, [] if len(flow) > 1 else start[1:]) + [Spacer(1, 12)]
            continue
        for i in range(max(len(s.terms), len(s.definitions))):
            right = ["", ""]
            if i < len(s.definitions):
                right = [ctx.raw(f"<b>{LETTERS[i]}.</b>", "choice"), _fit(ctx, ctx.p(s.definitions[i], "choice"), widths[2] - 8)]
            if i < len(s.terms):
                student = _table(ctx, [[term_cell(s.start + i, s.terms[i], None)] + right], widths, style)
                key = _table(ctx, [[term_cell(s.start + i, s.terms[i], s.letter(i))] + right], widths, style)
            else:
                student = key = _table(ctx, [[""] + right], widths, style)
            for t in (student, key):
                t.hAlign = "LEFT"
            rows.append(Twin(student, key, ctx))
        flow += _whole_set(ctx, rows, 3 if len(sets) > 1 else 2, [] if len(flow) > 1 else start[1:]) + [Spacer(1, 12)]
    return flow


def _whole_set(ctx, rows: list, head: int, lead: list = ()) -> list:
    """A matching set on one page when a page can hold it (a set split after a few terms reads as a
    mistake); a set taller than a page flows on, its title keeping its first ``head`` rows with it."""
    rows = list(lead) + rows  # (the activity's title and instructions, before the first set)
    head += len(lead)
    if stacked_height(rows, ctx.width) <= ctx.height:
        return [Together(rows)]
    return [Together(rows[:head])] + rows[head:]
