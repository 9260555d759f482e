"""Words in a row to circle: a true/false question's True and False (the key rings the right one)."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from .._reportlab import first_baseline
from .. import rtl
from ..theming import fonts
from .flow import AWAY, natural_width


class Options(Flowable):
    """Words in a row to circle (True / False); ``marked`` rings one of them.

    When the row is wider than the room from the prompt's indent (``lead`` from the row's left edge; from its
    right when ``mirrored``) to the other edge (long labels on a half page, in large print) the words stand one
    under the other, each wrapped to that room if it is wider still: nothing prints past the text area."""

    def __init__(self, words, x: float, font: str, size: float, gap: float, marked: int | None = None,
                 color=None, mirrored: bool = False, lead: float | None = None):
        super().__init__()
        self.words, self.x, self.font, self.size, self.gap = words, x, font, size, gap
        self.marked, self.color = marked, color
        self.mirrored = mirrored  # read from the right: ``x`` in from the right edge, the first word rightmost
        self.lead = x if lead is None else lead
        self._stack = None  # in a row; else each word's lines, one word under the other

    def measured(self, text: str) -> float:
        """A word's width as the canvas draws it: Arabic shaped and in display order (pages.py), narrower than
        its letters measured one by one (the key's ring ran 35 pt past a long Arabic label, review r8 M1)."""
        return stringWidth(rtl.visual(text), self.font, self.size)

    def _row(self) -> float:
        return sum(self.measured(w) for w in self.words) + self.gap * (len(self.words) - 1)

    def wrap(self, aW, aH):
        room = aW - self.lead - 12  # (the ring's overhang on either side)
        self._stack = None
        if self._row() > room:
            self._stack = [simpleSplit(w, self.font, self.size, room) or [w] for w in self.words]
        self.width, self.height = aW, self.size * 2.2
        if self._stack:
            self.height = sum(self.size * (2.2 + 1.2 * (len(lines) - 1)) for lines in self._stack)
        return aW, self.height

    def natural_width(self):
        if self._stack:
            return self.x + max(self.measured(t) for lines in self._stack for t in lines) + 6
        return self.x + self._row() + 6

    def places(self) -> list[tuple[float, float, float]]:
        """Where each word is drawn in the (wrapped) row: (its left edge, its width, the middle of its first
        line over the row's bottom), in the words' order."""
        if self._stack:
            out, top = [], self.height
            for lines in self._stack:
                w = max(self.measured(t) for t in lines)
                out.append((self.width - self.x - w if self.mirrored else self.x, w, top - self.size * 1.1))
                top -= self.size * (2.2 + 1.2 * (len(lines) - 1))
            return out
        out, x = [], self.width - self.x if self.mirrored else self.x
        for word in self.words:
            w = self.measured(word)
            out.append((x - w if self.mirrored else x, w, self.height / 2))
            x += -(w + self.gap) if self.mirrored else w + self.gap
        return out

    def draw(self):
        c = self.canv
        stack = self._stack or [[w] for w in self.words]
        for n, (lines, (x, w, middle)) in enumerate(zip(stack, self.places())):
            base = middle - self.size * 0.35
            c.setFont(self.font, self.size)
            for i, line in enumerate(lines):
                shift = w - self.measured(line) if self.mirrored else 0
                c.drawString(x + shift, base - i * self.size * 1.2, line)
            if n == self.marked:
                c.saveState()
                if self.color is not None:
                    c.setStrokeColor(self.color)
                c.setLineWidth(1.4)
                low = base - (len(lines) - 1) * self.size * 1.2
                if len(lines) == 1 and w <= 6 * self.size:
                    c.ellipse(x - 6, low - self.size * 0.45, x + w + 6, base + self.size * 1.15)
                else:  # (an oval round several lines, or a long one, would cut its letters at the ends)
                    c.roundRect(x - 6, low - self.size * 0.45, w + 12, base - low + self.size * 1.6, self.size * 0.8)
                c.restoreState()


def points_column(ctx, labels) -> float:
    """The width of the true/false questions' points column: the widest of their points (``labels()``: each
    question's, or None), as flow.Labelled sets them; worked out once for a layout."""
    if "tf_points" not in ctx.__dict__:
        size, regular = ctx.styles["prompt"].fontSize, fonts.roles(ctx.theme.family)["regular"]
        ctx.__dict__["tf_points"] = max((stringWidth(t, ctx.font_for(t, regular), size) + 10 for t in labels() if t),
                                        default=0)
    return ctx.__dict__["tf_points"]


class InlineOptions(Flowable):
    """A prompt with its options (True / False) at the right of its last line, left of the points,
    when that line leaves them room; else on a row of their own under the prompt, in the same column
    (a run's True / False line up wherever each prompt ends; from the left in right-to-left text). A question
    read from the right (``row.mirrored``) has them at the left of its last line, right of the points.

    ``row`` None: the options alone on their row, in that column, under what the question prints under its
    prompt (a quote of the reading). ``points``: the width of the points' column, the widest points of the
    guide's true/false questions (one column for all of them, whatever each question's points). The key's
    ``note`` goes where it costs the handout nothing: beside the options on their own row (left of them), else
    on the key's last pages (``away``), else under the options, the handout keeping its room blank. Whether
    the options stand beside the prompt never depends on the note: a key note does not move the handout."""

    def __init__(self, row, options, x: float, *, points: float | None = None, mirrored: bool = False,
                 note=None, away=None, ctx=None, lead: float = 0, size: float = 0):
        super().__init__()
        self.size = size  # the options' type size (their baseline in their row: Options)
        self.row, self.options, self.x = row, options, x  # (the options' own indent on a row of their own)
        self.points, self.note, self.away, self.ctx, self.lead = points, note, away, ctx, lead
        self.mirrored = getattr(row, "mirrored", False) if row is not None else mirrored
        self._followed = False

    def follower(self) -> Flowable:
        """A flowable to set after this one that sends the note away when it goes there (in this one's stead)."""
        self._followed = True
        return _Sender(self)

    def wrap(self, aW, aH):
        row = self.row
        h = row.wrap(aW, aH)[1] if row is not None else 0
        self._lines = (row.para.getActualLineWidths0() or [0.0]) if row is not None else [0.0]
        # one column for every True / False, beside a prompt or under it: left of the points' column
        # (beside a prompt whose points sit on its first line they had stood that much further right)
        own = row.right_w if row is not None and row.right else 0
        self._points = own if self.points is None else self.points
        _, self._oh = self.options.wrap(aW, aH)  # (first: a row too wide for the page stacks its words)
        need = natural_width(self.options) - self.x + 8  # (the ring's overhang on either side)
        self.inline = False
        if row is not None:
            gap = 12 + row.size  # (room for a fillable form's radio button left of each word)
            flush = 2 if self.mirrored else 0  # (TA_RIGHT: the last line's free side at the left)
            self.inline = (row.para.style.alignment == flush
                           and row.indent + self._lines[-1] + gap + need + self._points <= aW)
        self._need = need
        self._h = h
        self.width = aW
        self._drop = 0.0  # (words stacked beside the prompt: how far they reach under its foot)
        if self.inline and self._oh > self.size * 2.2 + 0.5:
            self._drop = max(0.0, self._oh - self.size * 1.45 - self._last_base())
        self.plan, self.height = self._place_note(aW, h + (self._drop if self.inline else self._oh))
        return aW, self.height

    def _place_note(self, aW, base: float):
        """(where the key's note goes: None, AWAY or (x, top, width, height); this row's height)."""
        note = self.note
        if note is None:
            return None, base
        size, ways = note.style.fontSize, []
        if not self.inline:  # beside the options, on the side their row leaves free
            words = self._points + self._need + 2  # (the options' ink, from the right margin, with its ring)
            x = self.lead if not self.mirrored else words + 14
            width = aW - words - 14 - self.lead
            if width >= 14 * size:
                _, nh = note.wrap(width, 1e9)
                # its first line on the options' baseline, when it fits their row so (else from the row's top)
                drop = min(self._oh / 2 + self.size * 0.35 - first_baseline(note), self._oh - nh)
                drop = max(0.0, drop)
                ways.append((max(base, self._h + drop + nh), (x, self._h + drop, width, nh)))
        _, nh = note.wrap(aW - self.lead, 1e9)
        space = note.style.spaceBefore
        ways.append((base + space + nh, (0 if self.mirrored else self.lead, base + space, aW - self.lead, nh)))
        if self.away is not None:  # on the key's last pages, costing nothing here
            ways.append((base, AWAY))
        slack = note.style.leading * 0.4 if self.away is None else 0  # (a few points where it has no other place)

        def cost(way):  # by its question when that costs a few points at most, else away, else the least room
            height, where = way
            kept = where is not AWAY and height - base <= slack
            return 0 if kept else height - base, where is AWAY
        return min(ways, key=cost)[::-1]

    def _last_base(self) -> float:
        """The baseline of the prompt's last line over its foot, where the options' first word stands: words
        stacked beside a one-line prompt, centred on it, rose above the question's number (review r8 H3)."""
        base = self.row.baseline() - (len(self._lines) - 1) * self.row.para.style.leading
        return base + (self.row.size - self.size) * 0.35

    def _column(self) -> float:
        """Where the options are drawn from: their words 10 pt clear of the points' column (either side)."""
        if self.mirrored:  # (drawn ``x`` in from their own right edge: mirrored Options), never right of the text
            return min(self._points + self._need - 4, self.width - self.lead) + self.x - self.width
        # never left of the prompt's text: long True/False words and points in a narrow column stood past
        # the margin (review r7-2 H2); there they take the prompt's indent
        return max(self.lead - self.x, self.width - self._points - self._need + 4 - self.x)

    def draw(self):
        top = self.height - self._h  # (the prompt's foot)
        if self.row is not None:
            self.row.drawOn(self.canv, 0, top)
        if not self.inline:
            own = self.row is None or self.row.para.style.alignment == 0 or self.mirrored
            self.options.drawOn(self.canv, self._column() if own else 0, self.height - (self._h + self._oh))
        elif self._oh > self.size * 2.2 + 0.5:  # stacked: the first word on the last line, the others under it
            self.options.drawOn(self.canv, self._column(), top + self._last_base() - self._oh + self.size * 1.45)
        else:
            style = self.row.para.style  # the last line's baseline
            base = self.row.baseline() - (len(self._lines) - 1) * style.leading
            self.options.drawOn(self.canv, self._column(), top + base - self._oh / 2 + self.row.size * 0.35)
        if self.plan is AWAY:
            if not self._followed:
                self.away.send(self.canv.getPageNumber())
        elif self.plan is not None and self.ctx.key:
            x, at, width, nh = self.plan
            self.note.wrap(width, 1e9)
            self.note.drawOn(self.canv, x, self.height - at - nh)


class _Sender(Flowable):
    """Sends an :class:`InlineOptions`'s note to the key's last pages when that is where it goes; takes no room."""

    _ZEROSIZE = 1  # placed (and so drawn) even at the foot of a full page, with its question

    def __init__(self, options: InlineOptions):
        super().__init__()
        self.options = options

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        if self.options.plan is AWAY:
            self.options.away.send(self.canv.getPageNumber())
