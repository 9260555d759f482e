"""What a tool's file has no place for, said once after an import (trial r12).

A quiz game's spreadsheet holds a question, its answers and a time: a guide's points and explanations are
not in it, and Quizizz's Open-Ended row is a short answer and an essay alike. No tool's file holds a question's
``objective:``, the guide's language when none of the words the export prints tells it, or the handout's own
parts. The import cannot know what the guide had; one warning names what of a question the file could not
carry, and the language the questions are plainly in, so the teacher knows what to add again.
"""
from __future__ import annotations

from typing import Optional

from .. import labels
from ..errors import Location, Problem
from ._common import Draft
from .writtenin import written_in

# each tool's file, and what of a question it has no place for beyond the objective, which none holds
TOOLS = {"kahoot": ("Kahoot's spreadsheet", ("points", "explanation")),
         "blooket": ("Blooket's CSV", ("points", "explanation")),
         "gimkit": ("Gimkit's CSV", ("points", "explanation")),
         "quizizz": ("Quizizz's spreadsheet", ("points",)),
         "moodle": ("Moodle XML", ()),
         "qti": ("The QTI package", ())}
LOST = "does not hold a question's"  # (how each of these warnings starts, after the file's name)


def say_lost(draft: Draft, tool: Optional[str]) -> None:
    """One warning naming what ``tool``'s file (one of :data:`TOOLS`) could not bring back into ``draft``, as its
    ``lost``: of the format, not of a line of the file, it is told after the file's own warnings."""
    if tool not in TOOLS or not draft.questions:
        return
    name, lost = TOOLS[tool]
    questions = draft.questions
    what = [item for item in lost
            if not (item == "points" and any("points" in q for q in questions))  # a Points column a teacher added
            and not (item == "explanation" and any("explanation" in q for q in questions))] + ["objective"]
    said = [f"{name} {LOST} {_listed(what)}: add again those the guide had"]
    if tool == "quizizz" and any(q["type"] == "short_answer" and "answer" not in q for q in questions):
        said.append("an Open-Ended row is a short answer or an essay alike: those without an answer come back as "
                    "short answers (make an essay 'type: essay' again)")
    language = _language(draft)
    if language:
        said.append(language)
    draft.lost = Problem(Location(str(draft.source)), "; ".join(said), warning=True)


def _language(draft: Draft) -> Optional[str]:
    """The guide's language, when no word the export printed set it and the questions are plainly in another."""
    if draft.language not in (None, "en"):  # (English: the words of a label the guide left in English, maybe)
        return None
    code = written_in([q.get("prompt", "") for q in draft.questions])
    if code in (None, "en"):
        return None
    name = labels.LANGUAGE_NAMES[code].split()[0].capitalize()
    headings = "" if labels.built_in(code) else " and its headings under 'labels:'"
    return (f"the questions are in {name}, and the file does not record a guide's language: add 'language: {code}' "
            f"under the title{headings}")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
