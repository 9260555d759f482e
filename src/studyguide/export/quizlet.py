"""Quizlet: the vocabulary as text for Quizlet's import box.

One card a line, the term and its definition separated by a tab — Quizlet's
default "Between term and definition: Tab" and "Between cards: New line".
Quizlet imports plain text, so emphasis markers are removed, and a tab or line
break inside a text becomes a space (it would otherwise split the card).
Questions are not Quizlet cards; they go to Moodle or QTI.
"""
from __future__ import annotations

from .. import fenced
from ..model import Guide
from ._common import Exported, guide_warning, one_line, output_name

SUFFIX = "-quizlet.txt"


def card(term: str, definition: str) -> str:
    return f"{one_line(term).strip()}\t{one_line(definition).strip()}"


def export(guide: Guide) -> Exported:
    if not guide.vocabulary:
        return [], [guide_warning(guide, "quizlet: the guide has no vocabulary, so no Quizlet file is written")]
    text = "".join(card(t.term, fenced.as_text(t.definition)) + "\n" for t in guide.vocabulary)
    warned = [guide_warning(guide, f"quizlet: vocabulary '{one_line(t.term).strip()}': Quizlet's import puts each card "
                                   "on one line, so the program in its definition is on one line there, its indentation "
                                   "lost (the handout and Anki keep its lines)")
              for t in guide.vocabulary if fenced.has_fence(t.definition)]
    return [(output_name(guide, SUFFIX), text.encode("utf-8"))], warned
