"""Why a guide's versions come out the same: the warning when more versions are asked than it has.

Versions move a question only among the questions of its type next to it, and shuffle choices, pairs
and items. A quiz of four questions of four types, whose one multiple-choice question lists numbers in
order (kept in order), has nothing to move: version B is version A. The warning says which of these it
is, question by question, so that the teacher knows what to add; :func:`studyguide.variants.versions`
still prints every version asked (the same paper under each letter) and warns.
"""
from __future__ import annotations

from typing import Callable, Optional

from .model import Guide

NO_CHOICES = {"true_false": "true/false", "short_answer": "short-answer", "essay": "essay",
              "fill_in_blank": "fill-in-the-blank"}  # types with nothing of their own to shuffle


def _and(words: list[str]) -> str:
    return "" if not words else words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def reasons(guide: Guide, runs: list[list[int]], kept: Callable[[object], Optional[str]]) -> list[str]:
    """Why nothing in ``guide`` moves, in a teacher's words: its questions' order (``runs``: the runs of
    one type that versions shuffle within), then each question's choices, pairs or items (``kept(q)``:
    why what a question has to shuffle stays as written: 'its choices are numbers in order, ...')."""
    qs = guide.questions
    said: list[str] = []
    if len(qs) > 1 and all(len(run) == 1 for run in runs):
        kinds = [q.kind for q in qs]
        said.append(("each question is the only one of its type" if len(set(kinds)) == len(kinds) else
                     "no two questions of one type stand next to each other")
                    + " (versions swap a question only with questions of its type next to it)")
    elif len(qs) > 1:
        held = [str(i + 1) for run in runs if len(run) > 1 for i in run if not qs[i].shuffle]
        if held:
            said.append(f"question{'s' if len(held) > 1 else ''} {_and(held)} {'have' if len(held) > 1 else 'has'} "
                        "'shuffle: false', which keeps a question in its place")
        for run in runs:  # the same question typed twice side by side: swapped, they print as they were
            free = [str(i + 1) for i in run if qs[i].shuffle]
            if len(free) > 1 and all(qs[int(n) - 1] == qs[int(free[0]) - 1] for n in free):
                said.append(f"questions {_and(free)} print the same, so swapping them changes nothing (question"
                            f"{'s' if len(free) > 2 else ''} {_and(free[1:])} "
                            f"ask{'' if len(free) > 2 else 's'} what question {free[0]} asks)")
    empty = list(dict.fromkeys(NO_CHOICES[q.kind] for q in qs if q.kind in NO_CHOICES))
    one = len(qs) == 1
    for n, q in enumerate(qs, 1):
        if q.kind not in NO_CHOICES:
            said.append(f"{'the one question' if one else f'question {n}'}: {kept(q)}")
    if empty and one:
        said.append(f"the one question is {'an' if empty[0][0] in 'ae' else 'a'} {empty[0]} question, which has no "
                    "choices to shuffle")
    elif empty:
        many = sum(1 for q in qs if q.kind in NO_CHOICES) > 1
        said.append(f"the {_and(empty)} question{'s have' if many else ' has'} no choices to shuffle")
    return said


def same_as_a(guide: Guide, count: int, which: str, plural: bool, label: str, runs, kept, ticket: str) -> str:
    """The warning for versions that all print the same as version A (``which``: their letters, 'B', 'B to H')."""
    what = f"this exit ticket ({ticket})" if ticket else "these questions"
    more = "a question beside one of its own type, or " if len(guide.questions) > 1 else ""
    fix = ("for this exit ticket, leave out --versions, or choose questions with choices to shuffle" if ticket else
           f"ask for 1 version, or add {more}a question whose choices can shuffle")
    return (f"{label} {count} asked, but nothing in {what} can be shuffled, so version{'s' if plural else ''} {which} "
            f"print{'' if plural else 's'} the same as A: {'; '.join(reasons(guide, runs, kept))}; {fix}")
