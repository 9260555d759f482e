"""Form fields of the fillable edition: what the layout asks for while it draws the handout, made
with reportlab's own form support (``canvas.acroForm``) when the page is written out.

The handout's canvas takes fields (its ``fields`` list); the key's does not, so a flowable drawn on
both asks on both and the key stays as it was. Fields are made when the page is finished, not when
asked for: the canvas keeps each page until the page count is known (pages.py), and a field made
earlier would name the wrong page as its own. They are made in the order asked for, which is the
order the page is drawn in: question order, and so each page's /Annots and tab order.

How they look, and why:
- no border and no fill: the ruled lines, blanks and boxes of the print layout show through and a
  printed copy looks like the standard edition's; PDF apps mark fields on screen themselves (a tint
  that does not print), so students still find them;
- text in the body's size; in Helvetica, the one family every PDF app has for typing into a field
  (reportlab's form support offers only the standard fonts);
- fields print (the PDF "print" flag): a completed handout prints with its answers.

Names are readable and stable: ``q3`` for a question's one answer (its lines, or its radio group of
choices or True / False), ``q3_blank2``, ``q3_B`` (select all), ``q3_4`` (matching term 4),
``q3_item2`` (ordering), ``q3_part2`` for lines continued on the next page; in activities
``cloze4_blank1`` (word-bank sentence 4) and ``match3`` (vocabulary matching, term 3). A PDF
field name holds no full stop: a full stop separates a parent field's name from its child's.
"""
from __future__ import annotations

from reportlab.lib.colors import black

from . import _reportlab

MARK = "sg_field"  # the onDraw name after a blank: <onDraw name="sg_field" label="q3_blank1|72.50|10.5|Question 3, blank 1"/>
FONT = "Helvetica"


def wanted(canvas) -> bool:
    """Whether ``canvas`` takes form fields (the fillable edition's handout)."""
    return getattr(canvas, "fields", None) is not None


def _ask(canvas, make) -> None:
    canvas.fields.append(make)


def _plain() -> dict:
    """No border, no fill, black type; printed (see the module's docstring)."""
    return dict(borderWidth=_reportlab.NO_BORDER, borderColor=_reportlab.INVISIBLE, fillColor=_reportlab.INVISIBLE, textColor=black,
                annotationFlags="print")


def text(canvas, name: str, x: float, y: float, width: float, height: float, size: float,
         multiline: bool = False, tip: str | None = None) -> None:
    """A text field over (x, y, width, height) in the canvas's current coordinates. ``tip``: what a
    screen reader (and a hovering pointer) names it, in the guide's language ("Question 5, blank 2")."""
    if not wanted(canvas):
        return
    left, bottom = canvas.absolutePosition(x, y)
    kw = dict(_plain(), name=name, x=left, y=bottom, width=width, height=height, fontName=FONT,
              fontSize=size, maxlen=None, fieldFlags="multiline" if multiline else "", tooltip=tip)
    _ask(canvas, lambda c: c.acroForm.textfield(**kw))


def radio(canvas, group: str, value: str, x: float, y: float, size: float, tip: str | None = None) -> None:
    """One button of the radio group ``group`` (one answer of several), its corner at (x, y)."""
    if not wanted(canvas):
        return
    left, bottom = canvas.absolutePosition(x, y)
    kw = dict(_plain(), name=group, value=value, x=left, y=bottom, size=size, buttonStyle="circle",
              shape="circle", fieldFlags="noToggleToOff radio", tooltip=tip)
    _ask(canvas, lambda c: c.acroForm.radio(**kw))


def check(canvas, name: str, x: float, y: float, size: float, tip: str | None = None) -> None:
    """A check box, its corner at (x, y)."""
    if not wanted(canvas):
        return
    left, bottom = canvas.absolutePosition(x, y)
    kw = dict(_plain(), name=name, x=left, y=bottom, size=size, buttonStyle="check", shape="square",
              fieldFlags="", tooltip=tip)
    _ask(canvas, lambda c: c.acroForm.checkbox(**kw))


def marker(name: str, width: float, size: float, tip: str = "") -> str:
    """Markup put just after a blank ``width`` wide in a paragraph: the handout gets a text field over it.
    (After, not before: reportlab keeps the mark with the text before it, and a line may break before a blank.)"""
    from .inline import escape

    tip = escape(tip).replace('"', "&quot;")  # (a label in the guide may hold quotation marks)
    return f'<onDraw name="{MARK}" label="{name}|{width:.2f}|{size:g}|{tip}"/>'


def on_marker(canvas, kind, label: str) -> None:
    """The callback of :func:`marker`: a one-line field over the blank that ends here, from just under its baseline."""
    if not wanted(canvas):
        return
    name, width, size, tip = label.split("|", 3)
    size = float(size)
    x, baseline = _reportlab.text_cursor(canvas)
    text(canvas, name, x - float(width), baseline - 0.3 * size, float(width), 1.35 * size, size, tip=tip or None)


def make(canvas) -> None:
    """Make the fields asked for on the page being finished, in the order asked."""
    if not canvas.fields:
        return
    count = _reportlab.annotating(canvas, canvas.fields_made[0])
    for field in canvas.fields:
        _reportlab.bare_widgets(canvas, field)
    canvas.fields_made[0] = count()


def install(canvas, takes_fields: bool) -> None:
    """Set up a newly made canvas: whether it takes fields, and the blank markers' callback (every
    canvas needs it: reportlab refuses a marker nobody answers)."""
    canvas.fields = [] if takes_fields else None
    canvas.fields_made = [0]  # annotations made so far (one list: kept pages share it)
    _reportlab.on_draw(canvas, MARK, on_marker)


def next_page(canvas) -> None:
    """A fresh list for the next page's fields (the old one stays with the page kept for later)."""
    if canvas.fields is not None:
        canvas.fields = []
