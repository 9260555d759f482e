"""Answer lines: the ruled lines a student writes on (the key writes its model answer on them), and
a question answered on lines, which may go on over the page rather than leave one half empty.
Short answers, essays, guided notes and the organizers' boxes all use them.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph

from .. import fields, inline
from .._reportlab import broken_lines, first_baseline, line_count
from ..theming import fonts
from .directions import read_from_right
from .flow import Shorter, Stack, natural_width, para_width


class LinedAnswer(Flowable):
    """Ruled answer lines; the key writes its model answer on them.

    Both documents reserve ``max(lines, lines the answer needs)`` rules, so the
    heights match. Splits between lines when a page runs out.
    """

    def __init__(self, ctx, lines: int, para, indent: float, name: str | None = None, part: int = 1,
                 tip: str | None = None, mirrored: bool = False, extra: int = 0):
        super().__init__()
        self.ctx, self.lines, self.para, self.indent = ctx, lines, para, indent
        self.extra = extra  # lines over what the count and the model answer take, to fill a short page (stretch)
        self.mirrored = mirrored  # a question read from the right: the lines' indent at the right, under its text
        self.gap = ctx.theme.line_gap
        self.name, self.part, self.tip = name, part, tip  # the fillable edition's field over the lines (which
        # page's part of them, what a screen reader calls it)
        self.spare = None  # lines after a break the question could do without: (question, lines before
        # the break without the mark, whether its count may be cut to those)
        self.moved = None  # lines after a break whose question fits a page: (question, the room more its whole
        # takes than they do, the room its part before the break took), noted where they land (mending.lines_whole)
        self.going_on = None  # lines after a break (LinedQuestion): (question, lines before them, whether the
        # count may be cut, the count's share it may be cut to); too many for their page, they break again
        # as the question did, the break marked and at least MIN_LINES_AFTER after it

    def _needed(self, aW) -> int:
        if self.para is None:
            return 0
        self.para.wrap(aW - self.indent - 8, 1e9)
        return line_count(self.para)

    def wrap(self, aW, aH):
        self.count = max(self.lines, self._needed(aW)) + self.extra
        self.width, self.height = aW, self.count * self.gap
        return aW, self.height

    def split(self, aW, aH):
        self.wrap(aW, aH)
        if self.going_on is not None:
            return self._go_on(aW, aH)
        return self._cut(aW, aH)

    def _cut(self, aW, aH):
        """The lines that fit in ``aH`` and the rest, the model answer split between them."""
        fit = int(aH // self.gap)
        if fit < 1 or fit >= self.count:
            return []
        if self.para is None:
            first, rest = None, None
        else:
            parts = self.para.split(aW - self.indent - 8, fit * self.gap)
            first, rest = (parts + [None, None])[:2] if parts else (None, self.para)
        head = LinedAnswer(self.ctx, fit, first, self.indent, self.name, self.part, self.tip, self.mirrored)
        tail = LinedAnswer(self.ctx, self.count - fit, rest, self.indent, self.name, self.part + 1, self.tip,
                           self.mirrored)
        return [head, tail]

    def _go_on(self, aW, aH):
        """Lines after a break too many for their page (a 24-line essay in large print): they break again as
        their question did, the break marked under the last line and at least MIN_LINES_AFTER after it. Cut
        where the page ended, the next page held one line alone and the full page before it had no mark."""
        number, before, flexible, share = self.going_on
        mark = go_on_mark(self.ctx, self.mirrored)
        fit = min(int((aH - mark.wrap(aW, aH)[1]) // self.gap), self.count - MIN_LINES_AFTER)
        parts = self._cut(aW, fit * self.gap + 0.5) if fit >= 1 else []  # (+0.5: as LinedQuestion.split)
        if len(parts) != 2:
            return self._cut(aW, aH)  # (a page too small for a line and the mark: cut where it ends)
        kept = max(fit, min(self.count - 1, int((aH - 0.5) // self.gap)))  # this page's lines without the mark
        parts[1].going_on = (number, before + fit, flexible, share)
        if self._needed(aW) <= kept:
            parts[1].spare = (number, before + kept, flexible and before + kept >= share)
        here = _spaced(Stack([parts[0], mark]), mark, aW, aH)
        return [here, PageBreak(), go_on_label(self.ctx, number, self.mirrored), parts[1]]

    def drawOn(self, canvas, x, y, _sW=0):
        if self.spare is not None and self.ctx.mode == self.ctx.primary:  # where they land (mending.fewer_lines)
            number, kept, cut = self.spare
            self.ctx.__dict__.setdefault("spare_tails", {})[number] = (canvas.getPageNumber(), y, kept, cut,
                                                                       self.count)
        if self.moved is not None and self.ctx.mode == self.ctx.primary:
            number, more, left = self.moved
            self.ctx.__dict__.setdefault("lines_split", {})[number] = (canvas.getPageNumber(), more, left)
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        c, t = self.canv, self.ctx.theme
        c.saveState()
        c.setStrokeColor(self.ctx.color("rule"))
        c.setLineWidth(t.rule)
        left, end = (0, self.width - self.indent) if self.mirrored else (self.indent, self.width)
        for i in range(1, self.count + 1):
            y = self.height - i * self.gap
            c.line(left, y, end, y)
        c.restoreState()
        if self.name:  # one field over all the lines, typed in the body's size
            name = self.name if self.part == 1 else f"{self.name}_part{self.part}"
            size = self.ctx.styles["body"].fontSize
            # its top just high enough that the first typed line sits on the first rule (a PDF app sets
            # it about 2 pt of padding plus the font's ascent, 0.9 of the size, under the top), not in
            # the gap above it with the next line struck through by the rule
            top = self.height - self.gap + 3 + size * 0.9
            fields.text(c, name, left, 0, self.width - self.indent, top, size, multiline=True, tip=self.tip)
        if self.ctx.key and self.para is not None:
            top = self.height - self.gap + 4 + self.para.style.fontSize * 0.93 + _deeper(self.para)
            self.para.drawOn(c, 2 if self.mirrored else self.indent + 6, top - self.para.height)  # (6 pt in from the lines' start)


def _deeper(para) -> float:
    """How much lower the model answer's letters reach than its own face's would: Noto Naskh's Urdu, set larger
    (fonts.drawn_size: its first baseline lower by as much) and reaching deeper (the dots under ي and ب), crossed
    its rule where the face's own text clears it by about a point, as a Latin answer's g and y do. The answer is
    raised by that; an answer in its own face is not moved."""
    style = para.style
    words = [w for line in broken_lines(para) if not isinstance(line, tuple) for w in line.words]
    own = fonts.depth(style.fontName, style.fontSize)
    deepest = max((fonts.depth(w.fontName, w.fontSize) for w in words if getattr(w, "fontName", None)),
                  default=own)
    return max(0.0, first_baseline(para) - style.fontSize + max(0.0, deepest - own))


class _Indent(Flowable):
    def __init__(self, inner, left: float, mirrored: bool = False):
        super().__init__()
        self.inner, self.left, self.mirrored = inner, left, mirrored

    def wrap(self, aW, aH):
        self._inner_w, h = self.inner.wrap(aW - self.left, aH)
        self.width, self.height = aW, h
        return aW, h

    def draw(self):
        x = self.left
        if self.mirrored:  # (a table set to the right, such as a word bank's box: at the indent, as at the left)
            x = self.width - self.left - self._inner_w if getattr(self.inner, "hAlign", None) == "RIGHT" else 0
        self.inner.drawOn(self.canv, x, -self.drop)

    drop = 0.0  # drawn that much lower than its place (go_on_mark: the part of its gap the page had no room for)

    def natural_width(self):  # (from the right edge when mirrored: flow.Beside reads it so)
        inner = self.inner
        return self.left + (para_width(inner) if isinstance(inner, Paragraph) else natural_width(inner))

    def getSpaceBefore(self):
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):
        return self.inner.getSpaceAfter()


def indented(flowable, left, mirrored: bool = False):
    """``flowable`` moved ``left`` points in from the frame's left edge (``mirrored``: kept that far from its right
    edge, under a question read from the right)."""
    return _Indent(flowable, left, mirrored)


MIN_LINES_BEFORE, MIN_LINES_AFTER = 4, 3  # answer lines on either side of a page break
FILL_BEFORE, FILL_AFTER = MIN_LINES_BEFORE, MIN_LINES_AFTER  # the same where the lines go on only to fill the
# next page (LinedQuestion.over): a question of 7 lines or more. Two and two (a short answer's 4 split over a
# page) left a student two lines, then two more unlabelled on the next page, which was hardly fuller for it.
# (A third of the lines on each side as well was tried: it cost a trial guide a page, 14 -> 15, modern.)
KEPT_SHARE = 1 / 2  # the least share of a default count kept when its last lines would be alone on a page: an
# essay's 12 may become 6 (two thirds, 8, left a trial's reading guide a third sheet for the last 6 of 12),
# a short answer's 3 become 2. The share is of the count or of a line a point, the more (up to the count): the
# defaults give every essay 12 whatever it is worth, so a 2-point essay may print 6, a 20-point one keeps 10 and
# one of 24 points all 12. (A line a point in full left a trial's 8-point essay a page of 5 lines alone, 2 -> 3
# pages.) `check` names each question cut (pagelint.lines_cut).


class LinedQuestion(Flowable):
    """A question answered on lines: whole on one page when it fits there; else, rather than leave
    the rest of the page empty, its lines go on over the page (at least four before the break and
    three after), the break marked under the last line before it;
    the rest open the next page (never a line or two under the mark).

    ``flexible``: the count is the default, not the guide's `lines:`. Should the lines after the break be
    all there is on their page (nothing follows, or what follows does not fit under them), the question
    is laid out again with only the lines before the break, on one page: when those are at least half
    the count or of its ``points`` (KEPT_SHARE), and hold the key's model answer (mending.fewer_lines)."""

    def __init__(self, ctx, head: list, answer, number: int = 0, flexible: bool = False, points=None):
        super().__init__()
        self.ctx, self.head, self.answer = ctx, head, answer
        self.number, self.flexible, self.points = number, flexible, points or 0
        self.spaceBefore = head[0].getSpaceBefore() if head else 0
        self.whole = Stack(head + [answer], page_height=ctx.height)

    def wrap(self, aW, aH):
        self.width, self.height = self.whole.wrap(aW, aH)
        return self.width, self.height

    def draw(self):
        self.whole.drawOn(self.canv, 0, 0)

    def drawOn(self, canvas, x, y, _sW=0):
        if self.ctx.mode == self.ctx.primary:  # drawn whole on its page: its lines might go on over it (lines_over)
            self.ctx.__dict__.setdefault("lined_whole", {})[self.number] = (canvas.getPageNumber(), self._count())
        super().drawOn(canvas, x, y, _sW)

    def _count(self) -> int:
        lined = self.answer.chosen.items[0] if isinstance(self.answer, Shorter) else self.answer
        return getattr(lined, "count", 0)

    def over(self, keep: int) -> list:
        """The question with only ``keep`` of its lines on the page it starts on, the break marked under them,
        the rest opening the next page (mending's lines_over, large print: a page left more than 30 % empty
        under the question takes its last lines). Its prompt keeps at least FILL_BEFORE lines, the next page
        gets at least FILL_AFTER; else, or when what stays is taller than a page, the question as it is."""
        width = self.ctx.width
        self.wrap(width, self.ctx.height)
        options = self.answer.chosen.items if isinstance(self.answer, Shorter) else [self.answer]
        lined, after = options[0], options[1:]
        if not isinstance(lined, LinedAnswer) or not FILL_BEFORE <= keep <= lined.count - FILL_AFTER:
            return [self]
        mark = go_on_mark(self.ctx, getattr(lined, "mirrored", False), spaced=True)
        parts = lined._cut(width, keep * lined.gap + 0.5)
        here = Stack(self.head + [parts[0], mark], space_before=self.spaceBefore, page_height=self.ctx.height) \
            if len(parts) == 2 else None
        if here is None or here.wrap(width, self.ctx.height)[1] > self.ctx.height:
            return [self]
        here.glue = True  # (its gap may shrink as the question's would: glue)
        # the key's note sent to its last pages names the page the question starts on: placed there (it takes
        # no room), not under the lines' rest; a note under the lines stays under them
        away = [f for f in after if getattr(f, "_ZEROSIZE", 0)]
        label = go_on_label(self.ctx, self.number, getattr(lined, "mirrored", False))
        return [here] + away + [PageBreak(), label, parts[1]] + [f for f in after if f not in away]

    def split(self, aW, aH):
        self.wrap(aW, aH)
        options = self.answer.chosen.items if isinstance(self.answer, Shorter) else [self.answer]
        lined, after = options[0], options[1:]
        back = getattr(lined, "mirrored", False)  # (under a question read from the right: at the lines' right end)
        mark = go_on_mark(self.ctx, back)
        head_h = Stack(self.head).wrap(aW, aH)[1] + mark.wrap(aW, aH)[1]
        lined.wrap(aW, aH)
        fit = min(int((aH - head_h) // lined.gap), lined.count - MIN_LINES_AFTER)
        at_top = aH >= self.ctx.height - 1
        if self.number in self.ctx.__dict__.get("lines_whole", ()) and not at_top and self.height <= self.ctx.height:
            return []  # whole on the next page, which has room for it (mending.lines_whole)
        if fit < MIN_LINES_BEFORE:
            if not (at_top and self.height > aH):
                return []  # the whole question goes to the next page
            if fit < 1:  # its prompt alone is taller than a page: every piece flows on its own
                return list(self.head) + options
            # taller than a page: it breaks where it must
        parts = lined.split(aW, fit * lined.gap + 0.5)  # (+0.5: fit lines, not one fewer from rounding)
        if len(parts) != 2:
            return []
        share = min(lined.lines, KEPT_SHARE * max(lined.lines, self.points))
        if fit >= MIN_LINES_BEFORE:  # the lines this page holds without the mark
            kept = max(fit, min(lined.count - 1, int((aH - Stack(self.head).wrap(aW, aH)[1] - 0.5) // lined.gap)))
            if lined._needed(aW) <= kept:  # (a given count is kept: `check` names the page, pagelint.lone_lines)
                parts[1].spare = (self.number, kept, self.flexible and kept >= share)
        parts[1].going_on = (self.number, fit, self.flexible, share)  # (more than a page of them: they break again)
        here = _spaced(Stack(self.head + [parts[0], mark], space_before=self.spaceBefore), mark, aW, aH)
        label = go_on_label(self.ctx, self.number, back)
        if self.height <= self.ctx.height:  # (the room the whole question would take more than its rest)
            rest = parts[1].wrap(aW, aH)[1] + sum(f.wrap(aW, aH)[1] for f in after)
            parts[1].moved = (self.number, self.height - rest, here.wrap(aW, aH)[1] + self.spaceBefore)
        # the rest open the next page: left to the frame, what room the mark leaves would take a line or two.
        # The key's note sent to its last pages is placed on the page the question starts on, as in over()
        # (under the rest, the notes named the page after it: the frozen guide's large print, 17 for 16)
        away = [f for f in after if getattr(f, "_ZEROSIZE", 0)]
        return [here] + away + [PageBreak(), label, parts[1]] + [f for f in after if f not in away]


def go_on_mark(ctx, back: bool = False, spaced: bool = False):
    """The note under the last line before a break: the lines go on over the page. Set tight under the last
    line, its capitals all but touched the key's model answer written on it: it takes the gap the theme sets
    over a small note (the explanation's: 3 pt, 4.5 in large print), as much of it as the page has left under
    the lines that fit there (:func:`_spaced`), so that the gap never sends a line over; ``spaced``: all of it
    (where lines go on only to fill a page, each such layout is weighed whole: linesover)."""
    mark = indented(read_from_right(ctx.p(ctx.label("lines_go_on"), "instruction"), "", back),
                    ctx.theme.number_width, back)
    mark.gap = ctx.styles["explanation"].spaceBefore
    mark.getSpaceBefore = (lambda: mark.gap) if spaced else (lambda: 0)
    return mark


def _spaced(here, mark, aW, aH):
    """``here`` (the lines before a break and the mark) with the mark the gap over it that the room left holds;
    the rest of the gap it is drawn lower by, in its own leading's room under its letters and the margin's (it
    is the page's last line: at most 4.5 pt, where the footer's rule stands 15 or more under the text)."""
    room = aH - here.wrap(aW, aH)[1]
    given = max(0.0, min(mark.gap, room - 0.01))
    mark.getSpaceBefore, mark.drop = (lambda: given), mark.gap - given
    return here


class _Over(Flowable):
    """A line set just over the top of its page's text, taking none of its room (see go_on_label)."""

    def __init__(self, para, lift: float):
        super().__init__()
        self.para, self.lift = para, lift

    def wrap(self, aW, aH):
        self.width, self.height = aW, 0
        self._h = self.para.wrap(aW, 1e9)[1]
        return aW, 0

    def draw(self):
        self.para.drawOn(self.canv, 0, self.lift)


def go_on_label(ctx, number: int, back: bool = False):
    """The line over answer lines that open a page after a break, in the handout and the key alike: which
    question they go on ("Question 13 (continued)"), in bold as over a matching's later part (matchparts). It
    stands in the top margin, just over the first line's writing room: set in the page, its line of room cost
    the first-hour acids guide a page (3 -> 4) whose last page the lines had filled to its foot."""
    text = ctx.label("lines_part", number=number)
    para = read_from_right(ctx.raw(f"<b>{inline.markup(text, ctx.fonts)}</b>", "instruction"), text, back)
    return _Over(para, 0.0)  # (its letters' foot on the text's top: lifted more, a 9 pt label came within the
    # half inch of paper every printer prints to, on the standard edition's 0.5 in top margin)


def answer_style(ctx):
    """The key's model answer set on the ruled lines: its leading is the lines' gap."""
    style = ctx.styles.get("_answer_lined")
    if style is None:
        style = ParagraphStyle("_answer_lined", parent=ctx.styles["answer"], leading=ctx.theme.line_gap)
        style.keeps_widows = True  # (its lines are counted to the ruled lines under them, LinedAnswer._cut: one
        # more sent over a page with its last, mending.widows_held, could put two on one ruled line)
        ctx.styles["_answer_lined"] = style
    return style
