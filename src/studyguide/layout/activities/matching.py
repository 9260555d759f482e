"""Vocabulary matching: numbered terms with a blank each, lettered definitions beside them, set by set."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, TableStyle

from ... import activities as act
from ...activities.matching import even
from ... import fields, inline
from ...model import LETTERS
from ..._reportlab import stacked_height
from ..._reportlab import Together
from .. import fillable
from ..flow import Twin, para_width
from .common import _start, _table, _fit, _text, _style

BLANK = "______"  # the handout's answer line, as text (it reads as a blank when the page is copied as text)


class AnswerBlank(Flowable):
    """The answer line and the term's number, one line tall: the handout prints the line, the key the
    letter centred on it. Both are the same width, so the term beside them breaks alike in both; the
    number is set flush right, so 9. sits over 10. (its period under the other periods)."""

    def __init__(self, number: int, width: float, blank_w: float, font: str, bold: str, size: float,
                 leading: float, letter: str | None = None, color=None, field: tuple | None = None):
        super().__init__()
        self.number, self.w, self.blank_w = number, width, blank_w
        self.font, self.bold, self.size, self.leading = font, bold, size, leading
        self.letter, self.color = letter, color
        self.field = field  # (name, tip) of the fillable edition's text field on the line

    def wrap(self, aW, aH):
        self.width, self.height = self.w, self.leading
        return self.w, self.leading

    def draw(self):
        c = self.canv
        base = self.height - self.size  # where a paragraph of this size sets its first line
        c.saveState()
        c.setFont(self.font, self.size)
        if self.letter is None:
            c.drawString(0, base, BLANK)
            if self.field is not None:  # from just under the baseline, as on every other blank
                name, tip = self.field
                fields.text(c, name, 0, base - 0.3 * self.size, self.blank_w, 1.35 * self.size, self.size, tip=tip)
        else:
            if self.color is not None:
                c.setFillColor(self.color)
                c.setStrokeColor(self.color)
            c.setFont(self.bold, self.size)
            c.drawCentredString(self.blank_w / 2, base, self.letter)
            c.setLineWidth(0.6)
            c.line(0, base - self.size * 0.2, self.blank_w, base - self.size * 0.2)
        c.restoreState()
        c.setFont(self.font, self.size)  # after the line or letter: the text reads "______ 9. term"
        c.drawRightString(self.w, base, f"{self.number}.")


def matching(ctx, name, sets) -> list:
    """Set by set, each on one page: when a set (the first with the activity's title and instructions)
    is taller than a page, the sets are made smaller until each fits (large print, long definitions)."""
    sets, blocks = _fitting(ctx, name, sets)
    start = _start(ctx, name, sets)
    flow = start[:1]  # the section mark, title and instructions open the first set's block
    for n, rows in enumerate(blocks):
        head = (3 if len(sets) > 1 else 2) + (len(start) - 1 if n == 0 else 0)
        flow += _whole_set(ctx, rows, head) + [Spacer(1, 12)]
    return flow


MIN_SET = 2  # terms: a set is never made smaller than this to fit its page (then it flows on)
SHIFTS = 2  # terms the first set (under the title and instructions) may give the others beyond an even share


def _fitting(ctx, name, sets):
    """(sets, blocks): the guide's sets when each fits a page; else the fewest sets that do, as even as
    they go, the first (which also holds the title and instructions) up to two terms smaller than an
    even share. 16 terms in large print: 4, 6 and 6 (5, 5 and 6 leave the first set too tall)."""
    blocks = _blocks(ctx, name, sets)
    if _fits(ctx, blocks):
        return sets, blocks
    n = len(ctx.guide.vocabulary)  # (a single set holds one or two terms back: its spares)
    for groups in range(len(sets) + 1, n // MIN_SET + 1):
        share = even(n, groups)
        for shift in range(SHIFTS + 1):
            first = share[0] - shift
            if first < MIN_SET or (shift and groups == 1):
                break
            sizes = tuple([first] + even(n - first, groups - 1)) if shift else tuple(share)
            sets = act.plan(ctx.guide, name, {"sizes": sizes}).data
            blocks = _blocks(ctx, name, sets)
            if _fits(ctx, blocks):
                return sets, blocks
    return sets, blocks  # (sets of two still too tall: each flows on from its title)


def _fits(ctx, blocks) -> bool:
    return all(_height(ctx, b) <= ctx.height for b in blocks)  # (the first set, the tallest, fails first)


def _height(ctx, rows) -> float:
    """A set's height as :class:`Together` measures it: with its first item's space above (the frame drops
    that space at a page's top, but a block measured over the page would be split, a blank page before it)."""
    first = next((f for f in rows if not getattr(f, "_ZEROSIZE", False)), None)
    return stacked_height(rows, ctx.width) + (first.getSpaceBefore() if first is not None else 0)


def _blocks(ctx, name, sets) -> list[list]:
    """Each set's rows; the first set's open with the activity's title and instructions."""
    start = _start(ctx, name, sets)
    blocks = []
    w = ctx.width
    st = ctx.styles["choice"]
    size, regular, bold = st.fontSize, st.fontName, ctx.styles["heading"].fontName
    blank_w = stringWidth(BLANK, regular, size)
    digits = len(str(sum(len(s.terms) for s in sets)))
    lead_w = blank_w + stringWidth("\u00a0\u00a0" + "0" * digits + ".", regular, size)
    pad = 6  # a cell's right padding
    letter_w = stringWidth("W.", bold, size) + 10
    terms = [t for s in sets for t in s.terms]

    def term_para(term: str):
        return ctx.raw(f"<b>{inline.markup(term, ctx.fonts)}</b>", "choice")

    # the term column as wide as the longest term needs (at most about a third of the line); the
    # definitions take the rest, so they wrap to fewer lines
    natural = max((para_width(term_para(t)) for t in terms), default=0)  # (as set: fallback fonts too)
    lead_col = 2 + lead_w + 2 * stringWidth("\u00a0", regular, size)  # its left padding, then two spaces to the term
    term_w = min(natural + pad + 1, (w - letter_w) * 0.36 - lead_col)  # (the one cell of blank, number and term was 36 %)
    colour = ctx.color("answer")

    def lead(number: int, letter: str | None):
        field = None
        if letter is None and fillable.on(ctx):  # a text field on the line, match<number>
            field = (f"match{number}", f"{ctx.label('matching_title')}, {ctx.label('field_term', k=number)}")
        return AnswerBlank(number, lead_w, blank_w, regular, bold, size, st.leading, letter,
                           colour if letter else None, field)

    longest = max((stringWidth(word, bold, size) for t in terms for word in inline.plain(t).split()), default=0)
    stacked = getattr(ctx.theme, "one_column", False) or longest > term_w - pad - 1
    if stacked:  # terms on their own, then the definitions under them: the term gets the whole line
        term_w = w - lead_col
    widths = [lead_col, term_w, letter_w, w - lead_col - term_w - letter_w]
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (0, -1), 0), ("LEFTPADDING", (1, 0), (1, -1), 0),
    ])
    letter_hang = stringWidth("W.", bold, size) + 2 * stringWidth("\u00a0", regular, size)
    letter_style = _style(ctx, "match_definition", "choice", leftIndent=letter_hang, firstLineIndent=-letter_hang,
                          spaceBefore=5)

    def row(number, term, letter, right):
        return _table(ctx, [[lead(number, letter), term_para(term)] + right], widths[:2 + len(right)], style)

    for s in sets:
        rows = []
        if len(sets) > 1:
            last = s.start + len(s.terms) - 1
            title = ctx.label("matching_set", n=sets.index(s) + 1, first=s.start, last=last)
            rows.append(ctx.raw(_text(ctx, title), "subheading"))
        if stacked:
            for i, term in enumerate(s.terms):
                rows.append(Twin(row(s.start + i, term, None, []), row(s.start + i, term, s.letter(i), []), ctx))
            rows.append(Spacer(1, 6))
            for i, definition in enumerate(s.definitions):
                para = ctx.raw(f"<b>{LETTERS[i]}.</b>\u00a0\u00a0" + inline.markup(definition, ctx.fonts), "choice")
                para.style = letter_style
                rows.append(para)
        else:
            for i in range(max(len(s.terms), len(s.definitions))):
                right = ["", ""]
                if i < len(s.definitions):
                    right = [ctx.raw(f"<b>{LETTERS[i]}.</b>", "choice"),
                             _fit(ctx, ctx.p(s.definitions[i], "choice"), widths[3] - pad - 2)]
                if i < len(s.terms):
                    student = row(s.start + i, s.terms[i], None, right)
                    key = row(s.start + i, s.terms[i], s.letter(i), right)
                else:
                    student = key = _table(ctx, [["", ""] + right], widths, style)
                rows.append(Twin(student, key, ctx))
        blocks.append(rows if blocks else start[1:] + rows)
    return blocks


def _whole_set(ctx, rows: list, head: int) -> list:
    """A matching set on one page when a page can hold it (a set split after a few terms reads as a
    mistake); a set taller than a page flows on, its title keeping its first ``head`` rows with it."""
    if _height(ctx, rows) <= ctx.height:
        return [Together(rows)]
    return [Together(rows[:head])] + rows[head:]
