"""Where the fillable edition's form fields go on a question's rows: radio buttons left of each
choice's letter and of True / False, check boxes for select-all, text fields on matching's and
ordering's answer slots. The rows print as in the standard edition; the fields are drawn over them
(fields.py says how they look and what they are called). Lined answers and blanks in a sentence
place their own fields (lines.LinedAnswer, fields.marker).
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from .. import fields
from ..model import LETTERS
from .flow import natural_width


def tip(ctx, n: int, part: str | None = None, **fill) -> str:
    """A field's name as a screen reader says it, in the guide's language: "Question 5", "Question 5, blank 2";
    nothing outside the fillable edition (whose labels are then not read: not among those the build prints)."""
    if not on(ctx):
        return ""
    question = ctx.label("field_question", n=n)
    return f"{question}, {ctx.label(part, **fill)}" if part else question


def on(ctx) -> bool:
    """Whether this build is the fillable edition (its handout takes fields; its key does not)."""
    return ctx.theme.edition == "fillable"


class Fields(Flowable):
    """``inner`` as it is, then the fields ``place(canvas, x, y, width, height)`` asks for on it (x, y:
    its corner). Drawn without a graphics state of its own, so a page's drawing is the standard edition's
    to the byte."""

    def __init__(self, inner, place):
        super().__init__()
        self.inner, self.place = inner, place

    def wrap(self, aW, aH):
        self.width, self.height = self.inner.wrap(aW, aH)
        return self.width, self.height

    def split(self, aW, aH):  # (only text taller than a page splits: the fields go with its first part)
        parts = self.inner.split(aW, aH) if hasattr(self.inner, "split") else []
        return [Fields(parts[0], self.place), parts[1]] if len(parts) == 2 else []

    def natural_width(self):
        return natural_width(self.inner)

    def getSpaceBefore(self):
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):
        return self.inner.getSpaceAfter()

    def drawOn(self, canvas, x, y, _sW=0):
        self.inner.drawOn(canvas, x, y, _sW=_sW)
        if fields.wanted(canvas):
            self.place(canvas, x, y, self.width, self.height)


def _button_y(row, height: float, size: float) -> float:
    """The bottom of a button as tall as the type, centred on the first line of a choice row (a Twin
    of ``height`` whose handout side is a flow.Labelled): where the key rings the letter."""
    label = row.student
    baseline = height - label.height + label.baseline()
    return baseline + label.size * 0.35 - size / 2


def choices(ctx, n: int, rows: list, several: bool, mirrored: bool = False) -> list:
    """Each choice row with its button before its letter (left of it; right of it in a question read from the
    right): one radio group ``q<n>`` (one answer), or a check box ``q<n>_<letter>`` each (select all)."""
    if not on(ctx):
        return rows
    size = ctx.styles["choice"].fontSize
    ni = ctx.theme.number_width

    def place_for(i):
        def place(canvas, left, bottom, width, height):
            x = width - ni + 4 if mirrored else ni - size - 4
            y = bottom + _button_y(rows[i], height, size)
            if several:
                fields.check(canvas, f"q{n}_{LETTERS[i]}", left + x, y, size,
                             tip(ctx, n, "field_choice", letter=LETTERS[i]))
            else:
                fields.radio(canvas, f"q{n}", LETTERS[i], left + x, y, size, tip(ctx, n))
        return place
    return [Fields(row, place_for(i)) for i, row in enumerate(rows)]


def true_false(ctx, n: int, row, options):
    """True / False (circled.Options ``options``) with a radio button before each word (left of it; right of it
    read from the right): the group ``q<n>``, values true, false."""
    if not on(ctx):
        return row
    size = options.size

    def place(canvas, left, bottom, width, height):
        for (at, w, middle), value in zip(options.places(), ("true", "false")):  # (each word's first line)
            fields.radio(canvas, f"q{n}", value, left + (at + w + 5 if options.mirrored else at - size - 5),
                         bottom + (height - options.height) + middle - size / 2, size, tip(ctx, n))
    return Fields(row, place)


def matching_slot(ctx, n: int, i: int, row, blank_w: float, size: float, mirror: bool = False):
    """A matching term's row with a text field ``q<n>_<i>`` over its answer blank (the table's first column;
    ``mirror``: its last, a right-to-left matching's)."""
    if not on(ctx):
        return row

    def place(canvas, left, bottom, width, height):
        x = left + width - blank_w + 2 if mirror else left + 2
        fields.text(canvas, f"q{n}_{i}", x, bottom + height - 3 - size * 1.25, blank_w - 8, size * 1.35, size,
                    tip=tip(ctx, n, "field_term", k=i))
    return Fields(row, place)


def ordering_box(ctx, n: int, k: int, row, side: float, indent: float, size: float, mirrored: bool = False):
    """An ordering item's row with a text field ``q<n>_item<k>`` in its box (flow.Box)."""
    if not on(ctx):
        return row

    def place(canvas, left, bottom, width, height):
        x = width - indent - side if mirrored else indent
        fields.text(canvas, f"q{n}_item{k}", left + x + 1, bottom + height - 2 - side + 1, side - 2, side - 2, size,
                    tip=tip(ctx, n, "field_item", k=k))
    return Fields(row, place)
