"""Large print's answer lines going on over a page to fill the next one (issue 14's fill rule). A page of
large print often ends short because what comes next is one tall block (a matching question, an ordering
list, the activities' first set) that will not fit the room left. Sending the last lines of the long
answer or essay that ends the page before over the page (4 lines kept at least, 3 sent: never a short
answer's), marked "The lines go on over the page" and opening the next under "Question 13 (continued)",
fills that page and may push the block that stood there on to the next, where it fills that one. Each choice
of lines is laid out and the best kept: fewer pages short, then fewer pages, then the fewest lines sent
over; never a page more in the handout or the key. Every question starts where the layout sets it, in
the handout and the key alike (one layout draws both)."""
from __future__ import annotations

import math

from . import mending, pages
from .layout.fill import SHORT


def lines_over(redraw, layout):
    """The mended layout (mending.run) with, for each page left short in large print, the last lines of the
    lined question drawn whole at the foot of the page before sent over to it (layout.lines.LinedQuestion.over),
    when some count of them leaves fewer pages short, or as many and fewer pages; else the layout as it was."""
    ctx = layout[0]
    if ctx.theme.edition != "large-print":
        return layout
    for number, count, sent in _candidates(ctx, redraw, layout):
        layout = _best(redraw, layout, number, count, sent)
    return layout


def _candidates(ctx, redraw, layout) -> list[tuple[int, int, range]]:
    """(question, its lines, the counts of them to send over) of each short answer or essay of FILL_BEFORE +
    FILL_AFTER lines or more (7: a 4-line answer split 2 + 2 was worse print than the short page) drawn whole as
    the last question to start on the page before a page that ends short, and not its last: what opens the short
    page could not fit under it. Sent over: enough lines to leave that page no longer short, not so many that
    the page they leave ends short (:func:`_sent`)."""
    from .layout.lines import FILL_AFTER, FILL_BEFORE

    whole, starts = ctx.__dict__.get("lined_whole", {}), ctx.question_pages
    long = {n for n, (_, count) in whole.items() if count >= FILL_BEFORE + FILL_AFTER}  # (a short answer is never cut)
    found = []
    for page in sorted(mending.short_pages(redraw, layout)) if long else ():
        on = [n for n, p in enumerate(starts, 1) if p == page - 1]
        if on and on[-1] in long and whole[on[-1]][0] == page - 1:
            found.append((on[-1], whole[on[-1]][1], _sent(ctx, page)))
    return found


def _sent(ctx, page: int) -> range:
    """The counts of lines that, sent over to the top of ``page``, fill it to the fill rule, and leave the
    page before it as full (each line its own height: what a page holds past that may move on anyway)."""
    lowest, gap, room = pages.page_lowest(ctx), ctx.theme.line_gap, SHORT * ctx.height
    empty = {p: y - ctx.theme.margin_bottom for p, y in lowest.items()}
    least = max(1, math.ceil((empty[page] - room) / gap))
    return range(least, max(least, int((room - empty.get(page - 1, 0)) // gap)) + 1)


def _score(redraw, layout) -> tuple:
    return (len(mending.short_pages(redraw, layout)), *mending.page_counts(*layout[:2]))


TRIES = 4  # layouts tried at most for each question (each is a whole layout: large print's build takes six or so)


def _best(redraw, layout, number: int, count: int, sent: range):
    """The layout with the count of ``number``'s lines sent over that scores best (:func:`_score`), kept only
    when it scores better than ``layout``: the fewest lines sent of those that score alike."""
    from .layout.lines import FILL_AFTER, FILL_BEFORE

    ctx = layout[0]
    fixes = {**mending.carried(ctx), **{k: True for k in ("notes_plain",) if ctx.__dict__.get(k)}}  # (kept too)
    best, score = layout, _score(redraw, layout)
    tried = [k for k in sent if FILL_AFTER <= k <= count - FILL_BEFORE][:TRIES]
    for k in tried:
        again = redraw({**fixes, "lines_over": {**fixes.get("lines_over", {}), number: count - k}})
        if not mending.longer(again, layout) and _score(redraw, again) < score:
            best, score = again, _score(redraw, again)
    return best
