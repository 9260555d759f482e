"""A quiz's key notes on the answers gathered at the key's end when, kept by their questions, they pushed
questions over the handout's pages (render calls :func:`notes_away` after its layouts).

The handout reserves a key note's room under its question, so that both documents paginate alike. On a
full page that is a line or two; on a quarter sheet or in large print a note of two lines made a question
too tall for the room left under the one before, and a trial's four-question quarter quiz printed its
title alone on page 1, then one question a page. The handout gathers such notes at the key's end
(layout.keynotes, "Notes on the Answers"); a quiz does too, where that packs its questions.
"""
from __future__ import annotations

from . import mending, pages


def notes_away(args, layout, relayout):
    """A quiz laid out again with the key's notes on the answers gathered at the key's end, as a handout's
    are (layout.keynotes), when the notes kept by their questions left a page short of its questions: the
    handout reserves each note's room under its question, so a question the key's note made too tall for
    the room left went over to the next page (a trial's quarter sheets: the title alone on page 1, then one
    question a page). Kept when the handout takes fewer pages, or as many with its first question under the
    title; else the quiz is as it was, every note by its question. ``args``, ``layout``: render's (its
    _draw's arguments, and a layout); ``relayout(fixes)``: the guide laid out again with ``fixes``."""
    ctx, guide = layout[0], args[0]
    if guide.format != "quiz" or not has_notes(guide) or not loose(args, layout):
        return layout
    away = relayout({"notes_away": True})
    hand, hand2 = handout_pages(layout), handout_pages(away)
    starts, starts2 = ctx.question_pages, away[0].question_pages
    if hand2 < hand or (hand2 == hand and starts2[:1] < starts[:1] and all(a <= b for a, b in zip(starts2, starts))):
        return _last_home(away, relayout)
    return layout


def _last_home(layout, relayout):
    """The layout again with the key's last notes (mending.HOME_NOTES) kept by their questions, when the notes
    go on past the handout's last page: kept when that costs the handout no page and saves the key one (a
    trial's quarter quiz ended its key with a page for one note of two lines, its question's page half empty)."""
    ctx, doc = layout[:2]
    hand = handout_pages(layout)
    if doc.page <= hand or not ctx.key_notes:
        return layout
    kept = {number for number, _, _ in ctx.key_notes[-mending.HOME_NOTES:]}
    homed = relayout({"notes_away": True, "notes_kept": kept | set(ctx.__dict__.get("notes_kept", ()))})
    return homed if handout_pages(homed) <= hand and homed[1].page < doc.page else layout


def has_notes(guide) -> bool:
    """Whether any question has a note in the key (its explanation, or other answers a blank accepts)."""
    return any(q.explanation or any(len(b.answers) > 1 for b in getattr(q, "blanks", ())) for q in guide.questions)


def loose(args, layout) -> bool:
    """Whether gathering the notes may pack this layout of more than one page: its questions open on page 2
    (the title alone on page 1), or what its pages hold, less the room the notes can take at most (each as
    tall as it is at the full width, and a fifth more), would fit on a page fewer. Else the notes stay by
    their questions without a layout tried for nothing (a quiz whose pages are full of questions)."""
    ctx, theme = layout[0], args[2]
    hand = handout_pages(layout)
    if hand < 2 or not ctx.question_pages:
        return False
    if ctx.question_pages[0] > 1:
        return True
    top, lowest = theme.margin_bottom + ctx.height, pages.page_lowest(ctx)
    held = sum(top - lowest.get(page, top) for page in range(1, hand + 1))
    return held - 1.2 * note_room(ctx) <= (hand - 1) * ctx.height


def note_room(ctx) -> float:
    """The room the key's notes could take in the handout at most: each set under its question, the full width."""
    from .layout.questions import notes_markup

    total = 0.0
    for q in ctx.guide.questions:
        markup = notes_markup(ctx, q)
        if markup:
            para = ctx.raw(markup, "explanation")
            total += para.wrap(ctx.width - ctx.theme.number_width, 1e9)[1] + para.style.spaceBefore
    return total


def handout_pages(layout) -> int:
    """A layout's handout pages (the key may go on with its notes after them)."""
    return mending.page_counts(*layout[:2])[0]
