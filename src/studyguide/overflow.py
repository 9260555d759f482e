"""Where a part taller than a page comes from, once a layout has failed with no line to show.

Each try lays out part of the guide alone and sees whether it still fails: the questions are halved
until one is left; else the vocabulary's definitions are, the others cut to a word (the terms stay, so
the crossword keeps its words), until one definition is left, and the activity that cannot split it is
named (a crossword's clue, a flashcard). The teacher is sent to a line instead of a page number. This
costs a few layouts, and only when a build has already failed.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable, Optional

from . import activities
from .errors import Location
from .model import Guide

_NO_PROSE = dict(summary=(), objectives=(), topics=(), perspectives=(), benefits=(), criticisms=(), takeaways=())


def locate(guide: Guide, paper, font_for, exc, theme=None) -> tuple[Location, str]:
    """The line and the fix for a layout that failed with ``exc`` (a render.RenderFailed without a line)."""
    from . import render  # reportlab: loads only when something is drawn (see api.py)

    def fails(g: Guide) -> bool:
        try:
            render.render(g, ("student",), paper=paper, theme=theme, font_for=font_for)
        except render.RenderFailed:
            return True
        return False

    questions = list(enumerate(guide.questions, 1))
    if questions and fails(_alone(guide, [q for _, q in questions])):
        while len(questions) > 1:
            half = questions[: len(questions) // 2]
            questions = half if fails(_alone(guide, [q for _, q in half])) else questions[len(questions) // 2:]
        number, question = questions[0]
        return question.where, (f"question {number} is taller than a page and cannot be split across pages "
                                "(shorten its explanation, or its longest item or pair)")
    found = _definition(guide, fails)
    if found:
        return found
    page = re.search(r"on page (\d+)", exc.message)
    at = f" (on page {page.group(1)})" if page else ""
    return exc.where, f"a part of the guide is taller than a page and cannot be split across pages{at}; shorten it"


def _alone(guide: Guide, questions) -> Guide:
    return dataclasses.replace(guide, questions=tuple(questions), vocabulary=(), **_NO_PROSE)


def _definition(guide: Guide, fails: Callable[[Guide], bool]) -> Optional[tuple[Location, str]]:
    """The term whose definition alone makes the vocabulary's parts fail, and the part that prints it whole."""
    terms = guide.vocabulary
    bare = dataclasses.replace(guide, questions=(), **_NO_PROSE)

    def keeping(kept, names=None) -> Guide:
        vocabulary = tuple(t if i in kept else dataclasses.replace(t, definition="…") for i, t in enumerate(terms))
        return dataclasses.replace(bare, vocabulary=vocabulary,
                                   activities=guide.activities if names is None else tuple(names))

    left = list(range(len(terms)))
    if not left or not fails(keeping(set(left))):
        return None
    while len(left) > 1:
        half = left[: len(left) // 2]
        left = half if fails(keeping(set(half))) else left[len(left) // 2:]
    if not fails(keeping(set(left))):  # (two definitions that fail only together: no one line to show)
        return None
    i = left[0]
    where = next((name for name in guide.activities if fails(keeping({i}, [name]))), None)
    part = ("it is the crossword's clue" if where == "crossword" else
            f"the {activities.LABELS[where]} cannot split it" if where else "the vocabulary table cannot split it")
    term = activities.inline.plain(terms[i].term)
    return activities.term_locations(guide)[i], (f"the definition of '{term}' is taller than a page and cannot be "
                                                 f"split across pages; shorten its definition ({part})")
