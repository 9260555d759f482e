"""A poem (``reading: form: verse``), set as literature anthologies set verse: each typed line a line,
flush left (or as far in as it is typed); a blank line between stanzas; the poem's own line number beside every fifth line, the same
in every paper, theme and edition; no paragraph numbers.

A line too long for the column turns over with a deeper hanging indent and is not counted. A page
breaks a stanza only between lines, with two of its lines or more on each side (a shorter stanza moves
whole), and the reading's source line keeps the poem's last lines with it (:func:`readingbars.strands`).
"""
from __future__ import annotations

from bisect import bisect_right

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .._reportlab import FRAME_FUZZ, line_count
from . import Para
from . import readingbars

HANG = 2.0  # ems a turned-over line starts further in than its line
ENDS = 2    # lines of a stanza a page break leaves on each side of it, at least
SPACE = 0.5  # ems a line starts further in for each space it is typed further in (a sonnet's last couplet)
NARROW = 1.0  # ems the deepest typed indent goes in where turnovers start HANG ems in (a narrow column: _turns)
DEEPEST = 0.25  # of the line's width, the furthest in a typed indent starts (8 spaces in large print on A5: 4 em,
#                 a third of the line, broke Milton's last line over four rows; review r8 M2)


def spans(reading) -> dict[str, tuple[int, int, int, int]]:
    """name → (first line, last line, first stanza, last stanza), the poem's own lines, numbered from 1.
    A mark typed at the end of a line starts the span on the next line; an end mark typed at the start
    of a line ends it on the line before."""
    out = {}
    for mark in reading.marks:
        (p0, c0), (p1, c1) = mark.first, mark.last
        if p0 < p1 and c0 >= _letters(reading.paragraphs[p0]):
            p0 += 1
        if p1 > p0 and c1 == 0:
            p1 -= 1
        out[mark.name] = (p0 + 1, p1 + 1, stanza_of(reading, p0), stanza_of(reading, p1))
    return out


def stanza_of(reading, index: int) -> int:
    """The number (from 1) of the stanza the line at ``index`` (from 0) is in."""
    return max(bisect_right(reading.stanzas, index), 1)


def _letters(text: str) -> int:
    from .. import inline

    return sum(not ch.isspace() for ch in inline.plain(text))


def joined(reading, first: int, last: int, words: list[str]) -> str:
    """The words of lines ``first``…``last`` (indexes), quoted as verse is quoted in prose: a line
    break as ' / ', a stanza break as ' // '."""
    out = words[0]
    for index, text in zip(range(first + 1, last + 1), words[1:]):
        out += (" // " if index in reading.stanzas else " / ") + text
    return out


def _style(body, step: float = 0.0, turn: float = 0.0):
    """The body's type, flush left (never justified: a poem's lines end where the poet ended them), the line
    ``step`` points in, a turned-over row ``turn`` points in (HANG ems past the poem's deepest line)."""
    return ParagraphStyle(f"{body.name}-verse{round(step, 2) or ''}", parent=body, alignment=TA_LEFT,
                          leftIndent=turn, firstLineIndent=step - turn, spaceBefore=0, spaceAfter=0)


def _margins(ctx) -> tuple[float, float]:
    """The left margin (the line numbers) and the right one (the key's bars and the questions citing them)."""
    small = ctx.styles["footer"]
    return stringWidth("999", small.fontName, small.fontSize) + 8, readingbars.gutter(ctx)[1]


def _steps(ctx, body, indents) -> list[float]:
    """How far in each line starts: SPACE ems for each space it is typed in, at most DEEPEST of the line's
    width (lines typed alike stay alike: a couplet typed in keeps one indent, turning over if it must). A poem typed
    deeper than that is scaled down as a whole, so indents typed evenly apart (a program's levels) stay evenly apart."""
    left, right = _margins(ctx)
    deepest = DEEPEST * (ctx.width - left - right)
    steps = [SPACE * body.fontSize * indent for indent in indents]
    scale = min(1.0, deepest / max(steps)) if any(steps) else 1.0  # (all scaled alike: the levels stay even)
    return [step * scale for step in steps]


class Stanza(Flowable):
    """A stanza's lines (or the part of it on one page), the poem's line numbers in the left margin; in
    the key, a bar beside each cited line and the questions that cite it. ``gap``: the stanza break
    above it (none at a page's top, as a frame drops space before there). ``tail``: the source line
    printed after it, which keeps its last lines with it (see :func:`readingbars.strands`)."""

    def __init__(self, ctx, lines: list, gap: float, tail=None):
        super().__init__()
        self.ctx, self.lines, self.gap, self.tail = ctx, lines, gap, tail

        self.left, self.right = _margins(ctx)  # (no paragraph numbers: line numbers)
        self._heights = None

    def _text_width(self, aW) -> float:
        return aW - self.left - self.right

    def _measure(self, aW) -> list[float]:
        width = self._text_width(aW)
        self._heights = [para.wrap(width, 1e6)[1] for _, para in self.lines]
        return self._heights

    def wrap(self, aW, aH):
        self.width, self.height = aW, sum(self._measure(aW))
        if self.tail is not None and readingbars.strands(self.ctx, self, aW, aH):
            return aW, aH + 2 * FRAME_FUZZ + 1  # (too tall here: split() sends the last lines on with the source)
        return aW, self.height

    def getSpaceBefore(self):
        return self.gap

    def split(self, aW, aH):
        heights = self._measure(aW)
        fit, used = 0, 0.0
        for h in heights:
            if used + h > aH + FRAME_FUZZ:
                break
            used, fit = used + h, fit + 1
        n, top = len(heights), aH >= self.ctx.height - 1
        last = n - ENDS if not top else n - 1
        if self.tail is not None and fit == n and not top:  # it fits, its source does not: lines go on with it
            fit = last
        fit = min(fit, last)
        while fit > ENDS and _opens(self.lines[fit - 1][1]):  # a line ending ':' keeps the next (a program's 'else:')
            fit -= 1
        if fit < (1 if top else ENDS):
            return self._split_line(aW, aH) if top and fit < 1 else []
        return [Stanza(self.ctx, self.lines[:fit], self.gap), Stanza(self.ctx, self.lines[fit:], 0, self.tail)]

    def _split_line(self, aW, aH):
        """A first line taller than a whole page (a paragraph typed as one line): its rows flow on."""
        number, para = self.lines[0]
        parts = para.split(self._text_width(aW), aH)
        if len(parts) != 2:
            return []
        return [Stanza(self.ctx, [(number, parts[0])], self.gap),
                Stanza(self.ctx, [(None, parts[1])] + self.lines[1:], 0, self.tail)]

    def draw(self):
        ctx, canv = self.ctx, self.canv
        small = ctx.styles["footer"]
        heights = self._heights or self._measure(self.width)
        y = self.height
        rows = []  # (line number, baseline of its first row, bottom of its last row)
        for (number, para), h in zip(self.lines, heights):
            para.drawOn(canv, self.left, y - h)
            base = y - para.style.fontSize
            rows.append((number, base, base - (line_count(para) - 1) * para.style.leading))
            y -= h
        canv.saveState()
        canv.setFont(small.fontName, small.fontSize)
        canv.setFillColor(ctx.color("ink_soft"))
        for number, base, _ in rows:
            if number is not None and number % readingbars.EVERY == 0:
                canv.drawRightString(self.left - 6, base, str(number))
        if ctx.key:
            self._marks(canv, rows)
        canv.restoreState()

    def _marks(self, canv, rows):
        """The key: a bar beside every row of each cited line, the bars of one span joined, and at its
        first line the numbers of the questions that cite it (as a prose reading's key has them)."""

        ctx = self.ctx
        size = self.lines[0][1].style.fontSize
        leading = self.lines[0][1].style.leading
        cited_by = ctx.__dict__.get("_passage_cited_by", {})
        found = spans(ctx.guide.reading)
        tracks = readingbars.tracks(found)
        right = self.left + self._text_width(self.width) + 4
        canv.setFillColor(ctx.color("answer"))
        canv.setStrokeColor(ctx.color("answer"))
        canv.setLineWidth(1.5)
        numbers = readingbars.numbers_at(found, cited_by)
        for name, (a, b, _, _) in found.items():
            x = right + 4 * tracks[name]
            for number, base, bottom in rows:
                if number is None or not a <= number <= b:
                    continue
                low = bottom - size * 0.25 if number == b else bottom + size * 0.85 - leading
                canv.line(x, low, x, base + size * 0.85)
                if number == a and numbers.get(number):
                    canv.drawString(right + 4 * (max(tracks.values()) + 1), base, numbers.pop(number))


def _opens(para) -> bool:
    """Whether a line ends with ':' (code's block opener, a poem's line that introduces the next)."""
    return para.getPlainText().rstrip().endswith(":")


def _turns(ctx, body, texts: list, steps: list[float]) -> dict:
    """step → the style of its lines. A turned-over row starts HANG ems past the poem's deepest line, so that it
    never lines up with a line typed in, when that turns over no more rows than HANG ems past its own line.
    Else (a narrow column: large print, small pages, where that took the stress-test poem three pages more on A5)
    the typed indents are scaled down alike, to NARROW ems or to levels half an em apart, whichever is deeper (so
    levels typed evenly apart print evenly apart: review r11, a program's 4-space levels printed 4 px and 8 px apart),
    and every turned-over row starts HANG ems in, or an em past the deepest line: still at least an em past any typed line (trial p34: a turnover 2 em in lined up with a sonnet's couplet
    typed 4 spaces, 2 em, in), on no more rows than each line turned over past its own indent."""
    hang, deepest = HANG * body.fontSize, max(steps)
    if not deepest:
        return {step: _style(body, step, step + hang) for step in set(steps)}
    left, right = _margins(ctx)
    width = ctx.width - left - right
    deep = {step: _style(body, step, deepest + hang) for step in set(steps)}

    def rows(styles):
        paras = [Para(text, styles[step]) for text, step in zip(texts, steps)]
        return sum(line_count(para) for para in paras if para.wrap(width, 1e6))
    own = {step: _style(body, step, step + hang) for step in set(steps)}
    if rows(deep) <= rows(own):
        return deep
    em, least = body.fontSize, min(step for step in steps if step)
    scale = min(1.0, max(NARROW * em / deepest, em / 2 / least))  # levels half an em apart at least, all alike
    turn = max(hang, deepest * scale + em)  # (an em past the deepest line, however many levels it has)
    return {step: _style(body, step * scale, turn) for step in set(steps)}


def section(ctx, reading) -> list:
    """The poem's stanzas, each a :class:`Stanza` (the last one carrying the source line, which follows)."""
    body = ctx.styles["body"]
    from .. import inline

    indents = reading.indents or (0,) * len(reading.paragraphs)
    texts = [inline.markup(text, ctx.fonts) for text in reading.paragraphs]
    steps = _steps(ctx, body, indents)
    styles = _turns(ctx, body, texts, steps)
    paras = [Para(text, styles[step]) for text, step in zip(texts, steps)]
    gap = styles[min(styles)].leading  # a blank line
    starts = list(reading.stanzas) + [len(reading.paragraphs)]
    flow = []
    for i, (first, end) in enumerate(zip(starts, starts[1:])):
        lines = [(n + 1, paras[n]) for n in range(first, end)]
        flow.append(Stanza(ctx, lines, gap if i else body.spaceBefore))
    return flow
