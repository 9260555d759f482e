"""Widow control that never costs a page.

Every theme style's ``allowWidows`` is :data:`RULE`: false, so reportlab's ``Paragraph.split`` never leaves a
paragraph's last line alone atop a page (it sends one more line over with it, or a paragraph of two or three
lines over whole), unless the layout under way allows widows (:func:`laying_out`). A layout notes each time the
rule took a line off a page (:func:`note`, from layout.Para's split); mending.run then lays such a guide out
and mends it again with widows allowed, and keeps that only when it has fewer pages. A paragraph whose style
sets ``allowWidows`` itself (a theme's, or the vocabulary entries': layout.ruled) keeps its own value.

The state is a context variable: a layout in one thread (the editor's preview) is not another's."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar


class _Rule:
    """False while widows are kept away, true in a layout that allows them. One value, whatever copies it: styles
    made from a theme style take it (``parent=``), reportlab deep-copies a style to split some paragraphs, and the
    watch cache keys a style by its attributes' values."""

    def __bool__(self) -> bool:
        now = _now.get()
        return now is not None and now[0]

    def __eq__(self, other) -> bool:
        return isinstance(other, _Rule)

    def __hash__(self) -> int:
        return hash(_Rule)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return "RULE"

    def __repr__(self) -> str:
        return "widows.RULE"


RULE = _Rule()
_total = [0]  # times the rule held a line back, in all layouts so far (tally); another thread's count only in excess
_now: ContextVar[list | None] = ContextVar("widows", default=None)  # [widows allowed, times the rule took a line]


@contextmanager
def laying_out(allowed: bool = False):
    """One layout's widow rule: ``allowed``, or kept (and counted from 0)."""
    token = _now.set([allowed, 0])
    try:
        yield
    finally:
        _now.reset(token)


def applies(style) -> bool:
    """Whether a paragraph in ``style`` is under the rule, and the layout under way keeps widows away."""
    return getattr(style, "allowWidows", 1) is RULE and not RULE


def note() -> None:
    """The rule took a line off a page (or sent a short paragraph over whole) in the layout under way."""
    now = _now.get()
    if now is not None:  # (outside a layout, as in a page made apart: not counted)
        now[1] += 1
        _total[0] += 1


def kept() -> int:
    """How many times the rule has taken a line off a page in the layout under way, so far."""
    now = _now.get()
    return now[1] if now is not None else 0


def tally() -> int:
    """How many times the rule has held a line back, in every layout laid out so far (mending.run: before and after
    a layout, whether it held one back in it)."""
    return _total[0]
