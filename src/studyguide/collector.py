"""Python's garbage collector paused while a guide is laid out (render.render).

A build makes and drops a great many small objects (each layout's paragraphs, fragments and frames), and the
collector, left on, walked them again and again as they piled up: at 50 units a build spent about a tenth of its
time there, at 166 units a quarter. Paused, it walks them once before each layout but the first
(:func:`layout_begins`): a layout a mending pass threw away is gone before the next is made, so a build holds about
as much memory as before (bench: peak memory). When the build ends, or stops with an error, the collector is as it
was before: the editor's preview pauses it around a whole build itself, and it stays paused for the editor."""
from __future__ import annotations

import contextlib
import gc
from contextvars import ContextVar

_layouts: ContextVar[list | None] = ContextVar("layouts_laid_out", default=None)  # [layouts begun] in this render


@contextlib.contextmanager
def paused():
    """The collector off for the ``with`` block, then on again if it was on (whatever the block raised). Inside
    another (api.build's around render's), the layouts are counted as the outer block's: each after the first
    still begins with what those before it left collected."""
    was_on = gc.isenabled()
    gc.disable()
    token = _layouts.set([0]) if _layouts.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _layouts.reset(token)
        if was_on:
            gc.enable()


def layout_begins() -> None:
    """A layout is about to be made: while :func:`paused`, what the layouts before it left is collected."""
    count = _layouts.get()
    if count is None:
        return
    if count[0]:
        gc.collect(1)  # (the young generations: what this build made since. A full collection walked every object of
        # the process, the editor's or a test run's too: 0.14 s more per build under 3 million objects; the same
        # peak memory and time in a fresh process, 50 units)
    count[0] += 1
