"""A paragraph's last line alone atop a page (a widow), kept away where that costs nothing.

Every layout and mending pass allows widows, as reportlab does by default. Each layout numbers the paragraphs
it makes, in the order it makes them (:func:`made`), and notes those whose last line it printed alone atop a
page (:func:`left`: layout.Para's split marks the part that goes over, its draw notes it). Two layouts asked
for the same fixes make the same paragraphs in the same order up to where they first differ, so a number names
one paragraph in both. mending.widows_held then lays the guide out once more with widows not allowed in those
paragraphs only (reportlab's rule: one more line goes over with the last, or a paragraph of three lines whole),
and keeps that layout when it costs no page and leaves no page short. A build whose layout leaves no widow lays
out nothing more.

The state is a context variable: a layout in one thread (the editor's preview) is not another's."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

_now: ContextVar[list | None] = ContextVar("widows", default=None)  # [paragraphs made, numbers held, numbers left]


@contextmanager
def laying_out(held=()):
    """One layout: its paragraphs numbered from 1, those numbered in ``held`` with widows not allowed. Yields the
    numbers of the paragraphs it leaves a widow of (a set, filled as it is drawn)."""
    state = [0, frozenset(held), set()]
    token = _now.set(state)
    try:
        yield state[2]
    finally:
        _now.reset(token)


def made(paragraph) -> None:
    """A paragraph made in the layout under way: numbered, and its widows not allowed if it is held."""
    now = _now.get()
    if now is not None:  # (outside a layout, as in a page measured apart: not numbered)
        now[0] += 1
        paragraph.widow_number = now[0]
        if now[0] in now[1]:
            paragraph.allowWidows = 0  # (Paragraph.split reads its own before its style's)


def left(number: int) -> None:
    """The paragraph numbered ``number`` printed its last line alone atop a page, in the layout under way."""
    now = _now.get()
    if now is not None:
        now[2].add(number)
