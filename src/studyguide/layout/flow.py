"""Small flowables the handout is made of.

:class:`Twin` is the one that keeps the handout and the key in step: it holds
the student's and the teacher's version of a piece of a question, reserves
the height of the taller, and draws the one its document wants. Because every
difference between the two documents lives inside a Twin, both paginate alike
and every question starts on the same page in both.
"""
from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .._reportlab import first_baseline


class Stack(Flowable):
    """Flowables drawn one under another as a single unsplittable block."""

    def __init__(self, items, space_before: float = 0, page_height: float = float("inf")):
        super().__init__()
        self.items = [i for i in items if i is not None]
        self.spaceBefore = space_before
        self.page_height = page_height

    def split(self, aW, aH):
        """Kept whole, unless taller than a page: then its pieces flow on their own, the first split where
        the page ends when it does not fit there whole (a tall word bank over its sentences)."""
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []
        first, rest = self.items[0], list(self.items[1:])
        if first.wrap(aW, aH)[1] <= aH:
            return [first] + rest
        parts = first.split(aW, aH)
        return parts + rest if parts else []  # (else all of it opens the next page)

    def wrap(self, aW, aH):
        self._sizes = []
        total = 0.0
        for n, item in enumerate(self.items):
            _, h = item.wrap(aW, aH)
            before = item.getSpaceBefore() if n else 0
            self._sizes.append((before, h))
            total += before + h + (item.getSpaceAfter() if n < len(self.items) - 1 else 0)
        self.width, self.height = aW, total
        return aW, total

    def draw(self):
        y = self.height
        for n, (item, (before, h)) in enumerate(zip(self.items, self._sizes)):
            y -= before + h
            item.drawOn(self.canv, 0, y)
            y -= item.getSpaceAfter()


class Twin(Flowable):
    """The student's or the key's version of a row, in the taller one's space.

    ``ctx.mode`` is read when drawing, so one laid-out page can be drawn as
    the handout and then again as the key.
    """

    def __init__(self, student, key, ctx):
        super().__init__()
        self.student, self.key, self.ctx = student, key, ctx

    def wrap(self, aW, aH):
        _, h1 = self.student.wrap(aW, aH)
        _, h2 = self.key.wrap(aW, aH) if self.key is not self.student else (0, h1)
        self._heights = (h1, h2)
        self.width, self.height = aW, max(h1, h2)
        return aW, self.height

    def split(self, aW, aH):
        """Split both versions at the same height (only ever needed for text taller than a page)."""
        first = getattr(self.student, "split", None)
        parts_s = self.student.split(aW, aH) if first else []
        if self.key is self.student:
            return [Twin(p, p, self.ctx) for p in parts_s] if len(parts_s) == 2 else []
        parts_k = self.key.split(aW, aH) if getattr(self.key, "split", None) else []
        if len(parts_s) == 2 and len(parts_k) == 2:
            return [Twin(parts_s[0], parts_k[0], self.ctx), Twin(parts_s[1], parts_k[1], self.ctx)]
        return []

    def natural_width(self):
        return max(natural_width(self.student), natural_width(self.key))

    def draw(self):
        if self.ctx.mode == "key":
            shown, h = self.key, self._heights[1 if self.key is not self.student else 0]
        else:
            shown, h = self.student, self._heights[0]
        shown.drawOn(self.canv, 0, self.height - h)


class Gap(Flowable):
    """Empty space of a fixed height (the student's side of a key-only row)."""

    def __init__(self, height: float = 0):
        super().__init__()
        self.height = height

    def wrap(self, aW, aH):
        self.width = aW
        return aW, self.height

    def draw(self):
        pass


class Labelled(Flowable):
    """A paragraph with a label hung in the margin to its left (a number or a letter).

    ``circle`` rings the label (a marked answer); ``right`` prints text flush
    right (points): on the last line when the paragraph leaves room there (as exam papers set
    marks), else on the first, the paragraph kept clear of it.
    """

    def __init__(self, label: str, para, indent: float, font: str, size: float, *, circle=False,
                 right: str | None = None, right_font: str | None = None, color=None, label_x: float = 0,
                 rtl: bool = False, mirrored: bool = False):
        super().__init__()
        self.label, self.para, self.indent = label, para, indent
        self.rtl = rtl or mirrored  # right to left (a Hebrew clue, an Arabic choice): the label at the right, before the text
        # the whole row read from the right (a Hebrew question): the label ``label_x`` in from the right edge,
        # the text up to ``indent`` from it, and ``right`` (points) at the left, where the row ends
        self.mirrored = mirrored
        self.font, self.size, self.circle, self.right = font, size, circle, right
        self.right_font = right_font or font
        self.color, self.label_x = color, label_x
        self.right_w = stringWidth(right, self.right_font, size) + 10 if right else 0

    def wrap(self, aW, aH):
        # points wider than half the text's room (a long points label, large print on a half page) go under the
        # text, wrapped to it: beside it they squeezed it to a word a line, or stood past the left margin
        self._under = simpleSplit(self.right, self.right_font, self.size * 0.9, aW - self.indent) \
            if self.right and self.right_w > (aW - self.indent) / 2 else None
        if self._under:
            _, h = self.para.wrap(aW - self.indent, aH)
            self._on_last = False
            self.width, self.height = aW, h + len(self._under) * self.para.style.leading
            return aW, self.height
        if self.right and getattr(self, "_last_for", None) != aW:  # (decided once for a width)
            self.para.wrap(aW - self.indent, aH)
            last = (self.para.getActualLineWidths0() or [0.0])[-1]
            flush = TA_RIGHT if self.mirrored else TA_LEFT  # (the side the last line leaves room on)
            self._on_last = self.para.style.alignment == flush and last + self.right_w <= aW - self.indent
            like = getattr(self, "like", None)  # the handout's prompt, when this is the key's: set the same way
            if like is not None:
                like.wrap(aW, aH)
                self._on_last = self._on_last and like._on_last
            self._last_for = aW
        _, h = self.para.wrap(aW - self.indent - (0 if self.right and self._on_last else self.right_w), aH)
        self.width, self.height = aW, max(h, self.size * 1.3)
        return aW, self.height

    def natural_width(self):
        return float("inf") if self.right else self.indent + para_width(self.para)

    _under = None  # the points' lines under the text (wrap)

    def split(self, aW, aH):
        under = self.right and self.right_w > (aW - self.indent) / 2  # (as wrap decides)
        parts = self.para.split(aW - self.indent - (0 if under else self.right_w), aH)
        if len(parts) != 2:
            return []
        kw = dict(circle=self.circle, right=self.right, right_font=self.right_font, color=self.color,
                  label_x=self.label_x, rtl=self.rtl, mirrored=self.mirrored)
        head = Labelled(self.label, parts[0], self.indent, self.font, self.size, **kw)
        tail = Labelled("", parts[1], self.indent, self.font, self.size, right_font=self.right_font, rtl=self.rtl,
                        mirrored=self.mirrored)
        tail.right_w = head.right_w
        return [head, tail]

    def baseline(self) -> float:
        """The first line's baseline over this (wrapped) row's bottom, where the label stands."""
        return self.height - first_baseline(self.para)

    def draw(self):
        c = self.canv
        style = self.para.style
        top_base = self.baseline()
        c.saveState()
        c.setFont(self.font, self.size)
        if self.color is not None:
            c.setFillColor(self.color)
            c.setStrokeColor(self.color)
        if self.circle:  # the ring round the letter, and the period moved clear of it
            letter = self.label.rstrip(". )")
            w = stringWidth(letter, self.font, self.size)
            r = max(w, self.size) * 0.78
            # no taller than its own line: the rings of two right answers one under the other (select
            # all) never overlap; an oval where the line is tighter than the ring (half the leading, less
            # half the stroke)
            ry = min(r, style.leading / 2 - 0.65)
            x = self.label_x
            if self.rtl:  # at the right, before the text: the ring clear of the text, within the row if it can
                clear = w / 2 + r + 0.65 + max(1.2, self.size * 0.07) + stringWidth(self.label[len(letter):], self.font, self.size)
                text_end = self.width - self.indent + (0 if self.mirrored else self.label_x)  # (the paragraph's right edge)
                x = max(self._label_end(), text_end + 3 + r - w / 2 + clear) - clear
            t = c.beginText(x, top_base)
            t.setFont(self.font, self.size)
            t.textOut(letter)
            t.moveCursor(w / 2 + r + 0.65 + max(1.2, self.size * 0.07), 0)  # clear of the ring's stroke; one text object: it still reads "B."
            t.textOut(self.label[len(letter):])
            c.drawText(t)
            c.setLineWidth(1.3)
            cx, cy = x + w / 2, top_base + self.size * 0.35
            c.ellipse(cx - r, cy - ry, cx + r, cy + ry)
        elif self.rtl:
            c.drawRightString(self._label_end(), top_base, self.label)
        else:
            c.drawString(self.label_x, top_base, self.label)
        c.restoreState()
        if self._under:
            c.saveState()
            c.setFont(self.right_font, self.size * 0.9)
            for i, line in enumerate(self._under, 1):  # (each line's baseline a quarter of its leading up)
                y = self.height - self.para.height - (i - 0.25) * style.leading
                c.drawString(0, y, line) if self.mirrored else c.drawRightString(self.width, y, line)
            c.restoreState()
        elif self.right:
            lines = len(self.para.getActualLineWidths0()) if self._on_last else 1
            c.saveState()
            c.setFont(self.right_font, self.size * 0.9)
            if self.mirrored:
                c.drawString(0, top_base - (lines - 1) * style.leading, self.right)
            else:
                c.drawRightString(self.width, top_base - (lines - 1) * style.leading, self.right)
            c.restoreState()
        self.para.drawOn(c, self._text_x(), self.height - self.para.height)

    def _label_end(self) -> float:
        """Where a label at the right ends: the row's right edge, or ``label_x`` in from it (a row read from the right)."""
        return self.width - self.label_x if self.mirrored else self.width

    def _text_x(self) -> float:
        """The paragraph's left edge: after the label; at the label's place in a right-to-left row (whose label
        is at the right); clear of the points at the row's left in a row read from the right."""
        if self.mirrored:
            return 0 if self.right and (self._on_last or self._under) else self.right_w
        return self.label_x if self.rtl else self.indent


class Box(Flowable):
    """A square to write in (ordering), with the key's number inside, then a paragraph."""

    def __init__(self, para, side: float, indent: float, weight: float, text: str | None = None,
                 font: str | None = None, size: float = 0, color=None, mirrored: bool = False, hug: bool = False):
        super().__init__()
        self.para, self.side, self.indent, self.weight = para, side, indent, weight
        self.mirrored = mirrored  # read from the right: the square ``indent`` in from the right edge, the text left of it
        self.hug = hug  # the text no wider than it needs: an Arabic item set flush right stays by its square
        self.text, self.font, self.size, self.color = text, font, size, color

    def natural_width(self):
        return self.indent + self.side + 10 + para_width(self.para)

    def wrap(self, aW, aH):
        left = self.indent + self.side + 10
        _, h = self.para.wrap(min(aW - left, para_width(self.para) + 1) if self.hug else aW - left, aH)
        self.width, self.height = aW, max(h, self.side) + 4
        return aW, self.height

    def draw(self):
        c = self.canv
        top = self.height - 2
        c.saveState()
        c.setLineWidth(self.weight)
        x = self.width - self.indent - self.side if self.mirrored else self.indent
        c.rect(x, top - self.side, self.side, self.side)
        if self.text:
            c.setFillColor(self.color)
            c.setFont(self.font, self.size)
            c.drawCentredString(x + self.side / 2, top - self.side / 2 - self.size * 0.35, self.text)
        c.restoreState()
        self.para.drawOn(c, 0 if self.mirrored else self.indent + self.side + 10,
                         top - self.para.height - max(0, (self.side - self.para.height) / 2))


def para_width(para) -> float:
    """The widest line of a paragraph set without a width limit."""
    para.wrap(1e6, 1e9)
    return max(para.getActualLineWidths0() or [0.0])


def natural_width(flowable) -> float:
    """How far right a row's ink reaches when nothing wraps it (points from the row's left edge)."""
    inner = getattr(flowable, "natural_width", None)
    if inner is not None:
        return inner()
    return float("inf")  # unknown: nothing may be set beside it


def even_columns(n: int, counts=(4, 3, 2, 1)) -> tuple[int, ...]:
    """The column counts worth trying for ``n`` items: each the fewest columns for its number of rows, so
    four terms go two and two rather than three and one (the same height, no lone item on a row)."""
    rows = lambda c: -(-n // c)
    return tuple(c for c in counts if not any(d < c and rows(d) == rows(c) for d in counts))


AWAY = "away"  # a note set on the key's last pages (layout.keynotes)


class Beside(Flowable):
    """Rows in one, two or four columns, and the key's note where it pushes the least.

    ``items`` are the rows (each usually a :class:`Twin`), ``note`` the key-only
    paragraph (or None). The layout kept is the one whose taller document (handout or
    key) is shortest: the note beside the rows when they leave it room, else under
    them; columns when every item fits its column. The handout reserves the key's
    height, so both documents still paginate alike; beside the rows it costs nothing.
    """

    def __init__(self, ctx, items, note=None, *, lead: float = 0, columns=(1,), row_gap: float = 0,
                 min_note: float = 0, gap: float = 14, page_height: float = float("inf"), away=None, mirror=False,
                 filled=False):
        super().__init__()
        self.ctx, self.items, self.note, self.away = ctx, list(items), note, away
        self.mirror = mirror  # right to left: the first column at the right (a Hebrew question's choices), the
        # lead at the right, each item's natural width measured from its right, the key's note at the left
        self.filled = filled  # each row up to its column's right edge (Arabic choices' letters): the note past it
        self.lead, self.columns, self.row_gap = lead, columns, row_gap
        self.min_note, self.gap, self.page_height = min_note, gap, page_height
        self._plan_for = None

    def _plan(self, aW):
        """(columns, column width, row heights, note (x, y-offset, width, height) or None)."""
        best = None
        widths = [natural_width(i) for i in self.items]
        for cols in self.columns:
            colw = (aW - self.lead) / cols
            # an item needs a gutter of 8 pt after it, except in the last column (the page's edge is its end)
            if cols > 1 and any(w > self.lead + colw - (0 if i % cols == cols - 1 else 8) for i, w in enumerate(widths)):
                continue
            rows = []
            for r in range(0, len(self.items), cols):
                rows.append(max(i.wrap(self.lead + colw, 1e9)[1] for i in self.items[r:r + cols]))
            left = sum(rows) + self.row_gap * (len(rows) - 1)
            options = [(left, None)]
            if self.note is not None:
                options = []
                tops = [sum(rows[:r]) + self.row_gap * r for r in range(len(rows))]
                for r, top in enumerate(tops):  # beside the rows from row r down (those above may be wide)
                    row_widths = [w for i, w in enumerate(widths) if i // cols >= r]
                    reach = max((i % cols) * colw + (self.lead + colw if self.filled else w)
                                for i, w in enumerate(widths) if i // cols >= r) + self.gap
                    if not row_widths or aW - reach < self.min_note:
                        continue
                    _, h = self.note.wrap(aW - reach, 1e9)
                    options.append((max(left, top + h), (reach, top, aW - reach, h)))
                _, h = self.note.wrap(aW - self.lead, 1e9)
                space = self.note.style.spaceBefore
                options.append((left + space + h, (self.lead, left + space, aW - self.lead, h)))
                if self.away is not None:  # or on the key's last pages (keynotes), costing nothing here
                    options.append((left, AWAY))
            slack = self.note.style.leading * 0.4 if self.note is not None else 0
            for height, note in options:  # by its question when that costs nothing (or a few points)
                kept = note is not AWAY and note is not None and height - left <= slack
                score = (left, 0, False, -cols) if kept else (height, height - left, note is AWAY, -cols)
                if best is None or score < best[0]:
                    best = (score, (cols, colw, rows, note, height))
        return best[1]

    def wrap(self, aW, aH):
        if self._plan_for != aW:
            self.plan, self._plan_for = self._plan(aW), aW
        self.width, self.height = aW, self.plan[4]
        return aW, self.height

    def split(self, aW, aH):
        """Whole, unless taller than a page: then the rows flow one by one, the note under them."""
        self.wrap(aW, aH)
        if self.height <= self.page_height:
            return []
        note = self.plan[3]
        tail = [self.away] if note is AWAY else [Twin(Gap(0), self.note, self.ctx)] if note is not None else []
        return list(self.items) + tail

    def draw(self):
        cols, colw, rows, note, height = self.plan
        y = height
        for r, row_h in enumerate(rows):
            for c, item in enumerate(self.items[r * cols:(r + 1) * cols]):
                _, h = item.wrap(self.lead + colw, 1e9)
                item.drawOn(self.canv, (cols - 1 - c if self.mirror else c) * colw, y - h)
            y -= row_h + self.row_gap
        if note is AWAY:
            self.away.send(self.canv.getPageNumber())
        elif note is not None and self.ctx.key:
            x, top, w, h = note
            self.note.wrap(w, 1e9)
            self.note.drawOn(self.canv, 0 if self.mirror else x, height - top - h)  # (mirrored: left of the rows)


class Shorter(Flowable):
    """The shorter of two ways to set the same thing (each a list of flowables), chosen at the width given."""

    def __init__(self, first: list, second: list):
        super().__init__()
        self.options = [Stack(first), Stack(second)]

    def wrap(self, aW, aH):
        sizes = [o.wrap(aW, aH)[1] for o in self.options]
        self.chosen = self.options[sizes.index(min(sizes))]
        self.width, self.height = aW, min(sizes)
        return aW, self.height

    def split(self, aW, aH):
        self.wrap(aW, aH)
        return list(self.chosen.items)

    def draw(self):
        self.chosen.drawOn(self.canv, 0, 0)

