"""What is printed from a guide: the whole handout, a quiz, an exit ticket.

Each format is the same Guide with its chosen questions (select.py) and its ``format`` set; the
layout (layout/formats.py) decides which sections a format prints. So versions, editions, the
class set and the key work on every format the way they work on the handout.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

from . import labels, select
from .errors import GuideError, Location, Problem
from .model import Guide

FORMATS = ("handout", "quiz", "exit-ticket")
TICKET_MOST = 3  # questions an exit ticket holds


def prepare(guide: Guide, fmt: Optional[str], questions: Optional[str] = None,
            activities: Optional[tuple] = None) -> Guide:
    """The guide as ``fmt`` prints it, with the questions ``questions`` chooses (select.py).

    A quiz prints the questions, then the vocabulary activities only when ``activities`` names
    them (the guide's own `activities:` belong to the handout); an exit ticket prints one to
    three questions and nothing else.
    """
    fmt = fmt or "handout"
    if fmt == "exit-ticket" and questions is None:
        raise GuideError([Problem(Location(str(guide.path)), "an exit ticket needs its questions chosen: "
                                  f"add --questions with one to {TICKET_MOST} (e.g. --questions 2,5 or "
                                  "--questions tag:exit)")])
    chosen = select.select(guide, questions)
    if fmt == "handout":
        return chosen
    if fmt == "exit-ticket" and len(chosen.questions) > TICKET_MOST:
        raise GuideError([Problem(Location(str(guide.path)), f"--questions '{questions}': chooses "
                                  f"{len(chosen.questions)} questions; an exit ticket holds one to {TICKET_MOST} "
                                  "(choose fewer, or build a quiz with --format quiz)")])
    kept = tuple(activities) if activities is not None and fmt == "quiz" else ()
    subtitle = labels.for_language(guide.language, guide.labels)["quiz"] if fmt == "quiz" else guide.subtitle
    return dataclasses.replace(chosen, format=fmt, activities=kept, subtitle=subtitle)
