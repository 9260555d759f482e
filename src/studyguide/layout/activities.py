"""Vocabulary activities and the coverage table, as flowables.

Each activity the guide lists starts on a new page with its heading and
instructions, and is drawn from the data in :mod:`studyguide.activities`.
Handout and key come from one layout, as everywhere else: a flowable either
reads ``ctx.mode`` when it draws and has one size (the word-search and
crossword grids), or is a :class:`~.flow.Twin` of a student and a key version
that reserves the taller one's height (matching rows, sentences, the
coverage table). So the activity pages are the same pages in both documents.
"""
from __future__ import annotations

import math

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    DocIf, Flowable, KeepInFrame, KeepTogether, PageBreak, Spacer, Table, TableStyle,
)

from .. import activities as act
from .._reportlab import stacked_height
from .. import inline
from ..activities.wordsearch import DIRECTIONS
from ..labels import sentences
from ..model import LETTERS, format_points
from .flow import Gap, Labelled, SectionMark, Twin



def _instructions(ctx, name: str, data) -> str:
    """The activity's instructions in the guide's language (labels.py); matching says how many definitions are spare."""
    if name == "matching":
        extras = sum(s.extras for s in data)
        spare = ""
        if extras:
            spare = ctx.label("one_unused" if extras == 1 else "two_unused" if len(data) == 1 else "unused_in_each_set")
        return sentences(ctx.label("matching_instructions"), spare)
    if name == "word_search":
        return ctx.label("word_search_instructions", ways=ctx.label("word_search_" + data.difficulty))
    if name in BUILDERS:
        return ctx.label(name + "_instructions")
    raise ValueError(name)


def section(ctx) -> list:
    """Every activity the guide lists, in its order; then an end mark for the page budget."""
    flow = []
    limits = page_limits(ctx.styles, ctx.width, ctx.height)
    for name in ctx.guide.activities:
        plan = act.plan(ctx.guide, name, limits.get(name))
        if plan.data is not None:
            flow += BUILDERS[name](ctx, name, plan.data)
    flow.append(SectionMark(ctx, "end"))
    return flow


def _start(ctx, name: str, data) -> list:
    return [PageBreak(), SectionMark(ctx, name), ctx.raw(_text(ctx, ctx.label(name + "_title")), "heading"),
            ctx.raw(_text(ctx, _instructions(ctx, name, data)), "instruction"), Spacer(1, 10)]


def smallest(styles) -> float:
    """The smallest type the theme prints (8.5 pt normally, 16 pt in large print): the floor for
    grid numbers, letters and labels drawn straight on the canvas."""
    return min(s.fontSize for s in styles.values())


def _top(styles) -> float:
    """Room above a grid on its page: the activity's heading, up to three lines of instructions, a gap."""
    head, note = styles["heading"], styles["instruction"]
    return head.leading + head.spaceAfter + 3 * note.leading + 16


CROSS_NUMBER = 0.33  # a crossword number's size, as a share of the cell
SEARCH_LETTER = 0.56  # a word-search letter's size, as a share of the cell


def cross_cell(styles) -> float:
    """The smallest crossword cell: room to write in, and a number no smaller than the theme's smallest type."""
    return max(0.36 * inch, smallest(styles) / CROSS_NUMBER)


def search_cell(styles) -> float:
    return max(0.25 * inch, smallest(styles) / SEARCH_LETTER)


def page_limits(styles, width: float, height: float) -> dict:
    """How many cells a crossword and a word search may have across and down on this page."""
    from ..activities import crossword as cw, wordsearch as ws

    room = height - _top(styles)
    c, w = cross_cell(styles), search_cell(styles)
    return {
        "crossword": {"max_cols": max(2, min(cw.MAX_SIDE, int(width // c))),
                      "max_rows": max(2, min(cw.MAX_SIDE, int(room // c)))},
        "word_search": {"max_size": max(2, min(ws.MAX_SIZE, int(width // w), int(room // w)))},
    }


def warnings(guide, theme=None, paper=None) -> list:
    """The activities' located warnings (terms left out of a crossword or word search) for a theme and paper."""
    from ..theming.styles import default as default_theme, make_styles

    theme = theme or default_theme()
    styles = make_styles(theme)
    page_w, page_h = theme.page_size(paper or guide.paper)
    limits = page_limits(styles, page_w - 2 * theme.margin_x, page_h - theme.margin_top - theme.margin_bottom)
    return act.warnings(guide, limits=limits)


def _table(ctx, rows, widths, style=None) -> Table:
    """A table whose rows stay whole, unless one is taller than a page (then it splits between lines)."""
    from .sections import RowSplittingTable

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


def _blank(ctx, answer: str, key: bool, style: str = "body", width: float = 0) -> str:
    """An underlined blank ``width`` wide (at least room for its answer); the key writes the answer in it."""
    st = ctx.styles[style]
    size = st.fontSize
    nbsp = stringWidth("\u00a0", st.fontName, size)
    width = max(width, stringWidth(answer, st.fontName, size) * 1.25 + 16, 0.9 * inch)
    count = math.ceil(width / nbsp)
    if not key:
        return "<u>" + "\u00a0" * count + "</u>"
    used = stringWidth(answer.replace(" ", "\u00a0"), ctx.styles["heading"].fontName, size) / nbsp
    spare = max(2, round(count - used))  # the key's blank as wide as the handout's, so lines break alike
    left, right = spare // 2, spare - spare // 2
    colour = ctx.color("answer").hexval()[2:]
    text = _text(ctx, answer.replace(" ", "\u00a0"))
    return f'<u>{chr(160) * left}<font color="#{colour}"><b>{text}</b></font>{chr(160) * right}</u>'


# -- matching --------------------------------------------------------------------------------

def matching(ctx, name, sets) -> list:
    flow = _start(ctx, name, sets)
    w = ctx.width
    st = ctx.styles["choice"]
    size, regular, bold = st.fontSize, st.fontName, ctx.styles["heading"].fontName
    nbsp = stringWidth("\u00a0", regular, size)
    blank = "______"
    blank_w = stringWidth(blank, regular, size)
    # the blank, the number and the term are one paragraph (a hanging indent keeps a long term clear of them)
    hang = blank_w + stringWidth(f"\u00a0\u00a0{sum(len(s.terms) for s in sets)}.\u00a0\u00a0", regular, size)
    left_style = _style(ctx, "match_term", "choice", leftIndent=hang, firstLineIndent=-hang)
    letter_w = stringWidth("W.", bold, size) + 10
    left_w = (w - letter_w) * 0.36
    widths = [left_w, letter_w, w - left_w - letter_w]
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])
    colour = ctx.color("answer").hexval()[2:]

    def term_cell(number: int, term: str, letter: str | None):
        if letter is None:
            lead = blank
        else:  # the letter on the line, centred in the blank's width
            pad = max(0.0, (blank_w - stringWidth(letter, bold, size)) / 2 / nbsp)
            sp = "\u00a0" * int(pad)
            lead = f'<u><font color="#{colour}"><b>{sp}{letter}{sp}</b></font></u>' + "\u00a0" * (round(pad * 2) - 2 * int(pad))
        para = ctx.raw(f"{lead}\u00a0\u00a0{number}.\u00a0\u00a0<b>{inline.markup(term, ctx.fonts)}</b>", "choice")
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
            flow += _whole_set(ctx, rows, 3 if len(sets) > 1 else 2) + [Spacer(1, 12)]
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
        flow += _whole_set(ctx, rows, 3 if len(sets) > 1 else 2) + [Spacer(1, 12)]
    return flow


def _whole_set(ctx, rows: list, head: int) -> list:
    """A matching set on one page when a page can hold it (a set split after a few terms reads as a
    mistake); a set taller than a page flows on, its title keeping its first ``head`` rows with it."""
    if stacked_height(rows, ctx.width) <= ctx.height:
        return [KeepTogether(rows)]
    return [KeepTogether(rows[:head])] + rows[head:]


# -- word-bank sentences --------------------------------------------------------------------

def _bank(ctx, words):
    """The word bank in a box: one paragraph with a border, so even a very long bank can flow over pages."""
    style = _style(ctx, "bank", "cell", borderWidth=ctx.theme.grid * 1.6, borderColor=ctx.color("rule"),
                   borderPadding=(6, 8, 7, 8), leftIndent=8, rightIndent=8, spaceBefore=6, spaceAfter=8)
    bank = ctx.raw(f"<b>{_text(ctx, ctx.label('word_bank'))}</b>  " + "   ·   ".join(_text(ctx, w) for w in words), "cell")
    bank.style = style
    return bank


def cloze(ctx, name, data) -> list:
    flow = _start(ctx, name, data) + [_bank(ctx, data.bank), Spacer(1, 8)]
    st = ctx.styles["body"]
    ni = ctx.theme.number_width
    body = _style(ctx, "sentence", "body", spaceAfter=0)
    # every blank as wide as the longest answer needs, so a blank's length gives nothing away
    width = min(ctx.width * 0.4, max(stringWidth(p.answer, st.fontName, st.fontSize) * 1.25 + 16
                                     for sen in data.sentences for p in sen.parts if not isinstance(p, str)))
    for n, sentence in enumerate(data.sentences, 1):
        def para(key: bool):
            parts = [_text(ctx, p) if isinstance(p, str) else _blank(ctx, p.answer, key, width=width)
                     for p in sentence.parts]
            p = ctx.raw("".join(parts), "body")
            p.style = body
            return p

        row = [Labelled(f"{n}.", para(False), ni, ctx.styles["heading"].fontName, st.fontSize),
               Labelled(f"{n}.", para(True), ni, ctx.styles["heading"].fontName, st.fontSize)]
        flow += [Twin(row[0], row[1], ctx), Spacer(1, 9)]
    return flow


# -- word search -------------------------------------------------------------------------------

class WordGrid(Flowable):
    """The word-search grid; the key rings each word (and sets its letters in bold)."""

    def __init__(self, ctx, data, max_height: float):
        super().__init__()
        self.ctx, self.data, self.max_height = ctx, data, max_height

    def wrap(self, aW, aH):
        n = self.data.size
        self.cell = max(search_cell(self.ctx.styles), min(0.36 * inch, aW / n, self.max_height / n))
        side = self.cell * n
        self.x0 = (aW - side) / 2
        self.width, self.height = aW, side
        return aW, side

    def _centre(self, row, col):
        return self.x0 + (col + 0.5) * self.cell, self.height - (row + 0.5) * self.cell

    def draw(self):
        c, ctx, cell, n = self.canv, self.ctx, self.cell, self.data.size
        key = ctx.key
        regular, bold = ctx.styles["body"].fontName, ctx.styles["heading"].fontName
        size = cell * SEARCH_LETTER
        solution = {pos for p in self.data.placements for pos in p.positions()} if key else set()
        c.saveState()
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(ctx.theme.grid * 1.6)
        c.rect(self.x0 - 3, -3, cell * n + 6, cell * n + 6)
        if key and ctx.color("shade") is not None:  # light shading under each word (under the letters)
            c.setFillColor(ctx.color("shade"))
            for p in self.data.placements:
                self._capsule(p, fill=1, stroke=0)
        for r, row in enumerate(self.data.grid):
            for col, ch in enumerate(row):
                x, y = self._centre(r, col)
                on = (r, col) in solution
                c.setFillColor(ctx.color("answer") if on else ctx.color("ink"))
                c.setFont(_face(ctx, ch, bold if on else regular), size)
                c.drawCentredString(x, y - size * 0.36, ch)
        if key:  # a ring round each word: readable in black and white
            c.setStrokeColor(ctx.color("answer"))
            c.setLineWidth(1.1)
            for p in self.data.placements:
                self._capsule(p, fill=0, stroke=1)
        c.restoreState()

    def _capsule(self, p, fill, stroke):
        c, cell = self.canv, self.cell
        dr, dc = DIRECTIONS[p.direction]
        x, y = self._centre(p.row, p.col)
        length = (len(p.cells) - 1) * cell * math.hypot(dr, dc)
        r = cell * 0.4
        c.saveState()
        c.translate(x, y)
        c.rotate(math.degrees(math.atan2(-dr, dc)))
        c.roundRect(-r, -r, length + 2 * r, 2 * r, r, stroke=stroke, fill=fill)
        c.restoreState()


def word_search(ctx, name, data) -> list:
    flow = _start(ctx, name, data)
    words = sorted({inline.plain(p.term).upper() for p in data.placements}, key=lambda w: (w.casefold(), w))
    cols = 4 if max(len(w) for w in words) <= 16 else 3
    per = math.ceil(len(words) / cols)
    rows = [[ctx.raw(_text(ctx, words[c * per + r]), "cell") if c * per + r < len(words) else ""
             for c in range(cols)] for r in range(per)]
    table = _table(ctx, rows, [ctx.width / cols] * cols)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    list_h = per * ctx.styles["cell"].leading * 1.15 + ctx.styles["subheading"].leading * 2 + 12
    grid = WordGrid(ctx, data, ctx.height - _top(ctx.styles) - list_h)
    title = ctx.raw(_text(ctx, ctx.label("words_to_find")), "subheading")
    return flow + [grid, Spacer(1, 12), KeepTogether([title, table])]


# -- crossword ----------------------------------------------------------------------------------

class CrossGrid(Flowable):
    """The crossword grid with its numbers; the key writes every answer in."""

    def __init__(self, ctx, data, max_height: float):
        super().__init__()
        self.ctx, self.data, self.max_height = ctx, data, max_height

    def wrap(self, aW, aH):
        d = self.data
        self.cell = max(cross_cell(self.ctx.styles), min(0.42 * inch, aW / d.cols, self.max_height / d.rows))
        self.x0 = (aW - self.cell * d.cols) / 2
        self.width, self.height = aW, self.cell * d.rows
        return aW, self.height

    def draw(self):
        c, ctx, cell, d = self.canv, self.ctx, self.cell, self.data
        regular, bold = ctx.styles["body"].fontName, ctx.styles["heading"].fontName
        numbers = {(r, col): n for r, col, n in d.numbers}
        c.saveState()
        c.setStrokeColor(ctx.color("ink"))
        c.setLineWidth(0.8)
        small, size = cell * CROSS_NUMBER, cell * 0.55
        for r, row in enumerate(d.grid):
            for col, ch in enumerate(row):
                if ch is None:
                    continue
                x, y = self.x0 + col * cell, self.height - (r + 1) * cell
                c.rect(x, y, cell, cell, stroke=1, fill=0)
                if (r, col) in numbers:
                    c.setFillColor(ctx.color("ink"))
                    c.setFont(regular, small)
                    c.drawString(x + 1.5, y + cell - small - 0.5, str(numbers[(r, col)]))
                if ctx.key:
                    c.setFillColor(ctx.color("answer"))
                    c.setFont(_face(ctx, ch, bold), size)
                    c.drawCentredString(x + cell / 2, y + cell * 0.28, ch)
        c.restoreState()


def crossword(ctx, name, data) -> list:
    flow = _start(ctx, name, data)
    flow.append(CrossGrid(ctx, data, ctx.height - _top(ctx.styles)))
    st = ctx.styles["body"]
    bold = ctx.styles["heading"].fontName
    clue_style = _style(ctx, "clue", "body", spaceAfter=3)
    indent = stringWidth("00.", bold, st.fontSize) + 6
    for label, entries in ((ctx.label("across"), data.across()), (ctx.label("down"), data.down())):
        items = []
        for e in entries:
            para = ctx.p(e.clue + " " + e.lengths, "body")
            para.style = clue_style
            items.append(Labelled(f"{e.number}.", para, indent, bold, st.fontSize))
        heading = ctx.raw(_text(ctx, label), "subheading")
        flow += [Spacer(1, 6), KeepTogether([heading] + items[:2])] + items[2:]
    return flow


# -- flashcards ---------------------------------------------------------------------------------

def _card_styles(ctx):
    term = _style(ctx, "card_term", "heading", alignment=TA_CENTER, spaceBefore=0, spaceAfter=0)
    meaning = _style(ctx, "card_meaning", "body", alignment=TA_CENTER, spaceAfter=0)
    example = _style(ctx, "card_example", "cell_example", alignment=TA_CENTER, spaceBefore=4)
    return term, meaning, example


def _card_faces(ctx, card):
    term_s, meaning_s, example_s = _card_styles(ctx)
    front = [ctx.p(card.term, "heading")]
    front[0].style = term_s
    back = [ctx.p(card.definition, "body")]
    back[0].style = meaning_s
    if card.example:
        back.append(ctx.p(card.example, "cell_example"))
        back[-1].style = example_s
    return front, back


class FoldCard(Flowable):
    """One card of the fold-over sheet: the term on the left half, its meaning on the right half.

    Dashed cut lines above and below; a dotted fold line down the middle.
    """

    MIN_HEIGHT = 1.4 * inch
    PAD = 12

    def __init__(self, ctx, card):
        super().__init__()
        self.ctx, self.card = ctx, card
        self.front, self.back = _card_faces(ctx, card)

    def _stack(self, items, w):
        return sum(i.wrap(w, 1e6)[1] + (i.style.spaceBefore if n else 0) for n, i in enumerate(items))

    def wrap(self, aW, aH):
        half = aW / 2
        inner = half - 2 * self.PAD
        need = max(self._stack(self.front, inner), self._stack(self.back, inner)) + 2 * self.PAD
        self.height = max(self.MIN_HEIGHT, need)
        self.width = aW
        if self.height > self.ctx.height:  # too much text for a card: shrink it to fit a page
            self.height = self.ctx.height
        return aW, self.height

    def _draw_faces(self, items, x, w):
        inner = w - 2 * self.PAD
        box = KeepInFrame(inner, self.height - 2 * self.PAD, list(items), mode="shrink")
        _, h = box.wrapOn(self.canv, inner, self.height - 2 * self.PAD)
        box.drawOn(self.canv, x + self.PAD, (self.height - h) / 2)

    def draw(self):
        c, ctx = self.canv, self.ctx
        half = self.width / 2
        c.saveState()
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(0.7)
        c.setDash(6, 4)
        c.line(0, 0, self.width, 0)
        c.line(0, self.height, self.width, self.height)
        c.setDash(1, 3)
        c.line(half, 4, half, self.height - 4)
        c.setDash()
        size = smallest(ctx.styles)
        fold = ctx.label("fold")
        face = ctx.font_for(fold, ctx.styles["body"].fontName)
        label_w = stringWidth(fold, face, size) + 4
        c.setFillColorRGB(1, 1, 1)
        c.rect(half - label_w / 2, self.height - 4 - size * 1.2, label_w, size * 1.2, stroke=0, fill=1)
        c.setFillColor(ctx.color("ink_soft"))
        c.setFont(face, size)
        c.drawCentredString(half, self.height - 4 - size, fold)
        c.restoreState()
        self._draw_faces(self.front, 0, half)
        self._draw_faces(self.back, half, half)


def flashcards(ctx, name, cards) -> list:
    return _start(ctx, name, cards) + [FoldCard(ctx, card) for card in cards]


class DuplexPage(Flowable):
    """One page of double-sided cards: the fronts (terms), or the backs (meanings) in mirrored columns.

    The page's own title sits in a band of fixed height, so the cards are at
    the same place on the front and the back of the sheet.
    """

    def __init__(self, ctx, page, rows: int, side: str, title: str, note: str, card_h: float, band: float):
        super().__init__()
        self.ctx, self.page, self.rows, self.side = ctx, page, rows, side
        self.title, self.note, self.card_h, self.band = title, note, card_h, band

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.band + self.rows * self.card_h
        return aW, self.height

    def draw(self):
        from ..activities.flashcards import COLUMNS, back_position

        c, ctx = self.canv, self.ctx
        head = ctx.raw(_text(ctx, self.title), "heading")
        head.wrap(self.width, self.band)
        head.drawOn(c, 0, self.height - head.height)
        note = ctx.raw(_text(ctx, self.note), "instruction")
        note.wrap(self.width, self.band)
        note.drawOn(c, 0, self.height - head.height - 4 - note.height)
        w = self.width / COLUMNS
        top = self.rows * self.card_h
        used_rows = max(r for r, _, _ in self.page) + 1
        c.saveState()
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(0.7)
        c.setDash(6, 4)
        for r in range(used_rows + 1):
            c.line(0, top - r * self.card_h, self.width, top - r * self.card_h)
        for k in range(COLUMNS + 1):
            c.line(k * w, top, k * w, top - used_rows * self.card_h)
        c.restoreState()
        pad = 12
        for r, col, card in self.page:
            front, back = _card_faces(ctx, card)
            if self.side == "front":
                items, (rr, cc) = front, (r, col)
            else:
                items, (rr, cc) = back, back_position(r, col, COLUMNS)
            box = KeepInFrame(w - 2 * pad, self.card_h - 2 * pad, items, mode="shrink")
            _, h = box.wrapOn(c, w - 2 * pad, self.card_h - 2 * pad)
            y = top - (rr + 1) * self.card_h + (self.card_h - h) / 2
            box.drawOn(c, cc * w + pad, y)


class _BlankNote(Flowable):
    """The note on a page left blank so that the next page is the front of a sheet."""

    def __init__(self, ctx):
        super().__init__()
        self.para = ctx.raw(_text(ctx, ctx.label("blank_page")), "instruction")

    def wrap(self, aW, aH):
        self.width, self.height = self.para.wrap(aW, aH)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)


def flashcards_duplex(ctx, name, cards) -> list:
    from ..activities.flashcards import sheets

    from ..activities.flashcards import COLUMNS

    title = ctx.label(name + "_title")
    note, back_note = _instructions(ctx, name, cards), ctx.label("backs_note")

    def heights(texts, style):
        return max(ctx.raw(_text(ctx, t), style).wrap(ctx.width, ctx.height)[1] for t in texts)

    # the band above the cards holds the page's title and note, however long they run in the guide's language
    worst = ctx.label("sheet", n=len(cards), total=len(cards))
    title_h = heights([ctx.label(side, title=title) + " — " + worst for side in ("fronts", "backs")], "heading")
    note_h = heights([note, back_note], "instruction")
    band = (max(title_h, ctx.styles["heading"].leading) + 4 + max(note_h, 2 * ctx.styles["instruction"].leading)
            + 12)
    inner = ctx.width / COLUMNS - 24
    need = max(sum(i.wrap(inner, 1e6)[1] + (i.style.spaceBefore if n else 0) for n, i in enumerate(face))
               for card in cards for face in _card_faces(ctx, card)) + 24
    card_h = min(max(1.9 * inch, need), ctx.height - band - 1)  # the longest card's text at full size
    rows = max(1, int((ctx.height - band) // card_h))
    card_h = (ctx.height - band - 1) / rows  # the cards share out the whole page
    flow = [PageBreak(),
            # the fronts go on an odd page, the front of a sheet when the whole handout is printed double-sided
            DocIf("doc.page % 2 == 0", [_BlankNote(ctx), PageBreak()]),
            SectionMark(ctx, name)]
    pages = sheets(cards, rows)
    for n, page in enumerate(pages, 1):
        part = " — " + ctx.label("sheet", n=n, total=len(pages)) if len(pages) > 1 else ""
        if n > 1:
            flow.append(PageBreak())
        flow += [DuplexPage(ctx, page, rows, "front", ctx.label("fronts", title=title) + part, note, card_h, band),
                 PageBreak(),
                 DuplexPage(ctx, page, rows, "back", ctx.label("backs", title=title) + part, back_note, card_h, band)]
    return flow


BUILDERS = {
    "matching": matching, "cloze": cloze, "flashcards": flashcards, "flashcards_duplex": flashcards_duplex,
    "word_search": word_search, "crossword": crossword,
}


# -- the teacher's view: objectives × questions ------------------------------------------------------

def coverage(ctx) -> list:
    """Objectives against the questions that check them, with their points, after the header.

    In the key a teacher's table that flags every objective no question checks;
    in the handout the same table for students (which questions go with which
    goal), so both documents keep the same pages. Shown only when at least one
    question names an objective.
    """
    g = ctx.guide
    if not g.objectives or not any(q.objective is not None for q in g.questions):
        return []
    w = ctx.width
    widths = [w * 0.55, w * 0.33, w * 0.12]
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), ctx.theme.grid, ctx.color("rule")),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])

    def row(cells, extra=()):
        t = _table(ctx, [cells], widths, style)
        if extra:
            t.setStyle(TableStyle(list(extra)))
        t.hAlign = "LEFT"
        return t

    head_style = [("BACKGROUND", (0, 0), (-1, -1), ctx.color("shade")),
                  ("LINEBELOW", (0, 0), (-1, -1), ctx.theme.grid * 2, ctx.color("ink"))]
    def say(key: str, style: str):
        return ctx.raw(_text(ctx, ctx.label(key)), style)

    def points(pts) -> str:
        return format_points(sum(pts), ctx.labels) if pts else "–"

    flow = [Spacer(1, 6),
            Twin(say("coverage", "subheading"), say("coverage_key", "subheading"), ctx),
            row([say("objective_column", "cell_head"), say("questions_column", "cell_head"),
                 say("points_column", "cell_head")], head_style)]
    for i, objective in enumerate(g.objectives):
        numbers = [n for n, q in enumerate(g.questions, 1) if q.objective == i]
        pts = [q.points for q in g.questions if q.objective == i and q.points is not None]
        text = _fit(ctx, ctx.p(f"{i + 1}. {objective}", "cell"), widths[0] - 10)
        total = ctx.raw(points(pts), "cell")
        if numbers:
            shown = ctx.raw(", ".join(map(str, numbers)), "cell")
            flow.append(row([text, shown, total]))
        else:
            flag = say("not_checked", "cell_head")
            flag.style = _style(ctx, "flag", "cell_head", textColor=ctx.color("answer"))
            flow.append(Twin(row([text, ctx.raw("–", "cell"), total]), row([text, flag, total]), ctx))
    rest = [n for n, q in enumerate(g.questions, 1) if q.objective is None]
    if rest:
        pts = [q.points for q in g.questions if q.objective is None and q.points is not None]
        flow.append(row([ctx.raw(f"<i>{_text(ctx, ctx.label('no_objective'))}</i>", "cell"),
                         ctx.raw(", ".join(map(str, rest)), "cell"), ctx.raw(points(pts), "cell")]))
    if g.coverage == "key":  # the handout keeps the table's space, blank, so the pages still line up
        flow = [f if isinstance(f, Spacer) else Twin(Gap(), f, ctx) for f in flow]
    return flow + [Spacer(1, 4)]
