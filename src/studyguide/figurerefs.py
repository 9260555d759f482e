"""A question that names a picture the build leaves out: "Look at Figure 2…" on a quiz, an exit ticket, or
a handout built with --skip topics, none of which prints the topics' pictures (trial r9, M8).

A picture is named by the opening of its caption: a word and a number, 'Figure 2', 'Figura 2', 'Fig. 3',
'Map 1', '图 2'. A question whose prompt, instructions or choices name it, in any capitals, is told at its
line. Pure: the guide as the build prints it in, warnings out.
"""
from __future__ import annotations

import re
from typing import Optional

from .errors import Problem
from .model import Guide
from .reading.walker import clip

_OPENING = re.compile(r"\W*([^\W\d_]+)(\.?)\s*(\d+[a-z]?)(?![\w])", re.IGNORECASE)  # 'Figure 2', 'Fig. 2a'
SHOWN = ("handout", "notes", "cornell")  # the formats whose pages show the topics' pictures
WHAT = {"quiz": "a quiz", "exit-ticket": "an exit ticket"}


def _named(caption: str) -> Optional[re.Pattern]:
    """What a question writes to name the picture of ``caption`` ('Figura 2. Veduta…' → Figura 2), or None."""
    found = _OPENING.match(caption)
    if not found:
        return None
    word, dot, number = found.groups()
    return re.compile(rf"(?<!\w){re.escape(word)}{re.escape(dot)}\s*{re.escape(number)}(?![\w])", re.IGNORECASE)


def _left_out(guide: Guide) -> str:
    """How the build leaves the pictures out ('a quiz', 'this build (--skip topics)'), or '' when it prints them."""
    if guide.format not in SHOWN:
        return WHAT.get(guide.format, f"--format {guide.format}")
    return "--skip topics" if "topics" in guide.omit else ""


def warnings(guide: Guide) -> list[Problem]:
    """A warning for each question of ``guide`` (prepared for its format, --skip applied) that names a picture
    its pages leave out: the question, where, the picture's caption, and what to do."""
    how = _left_out(guide)
    pictures = [(p, t) for t in guide.topics if t.image and t.caption and (p := _named(t.caption))] if how else []
    out = []
    for n, q in enumerate(guide.questions, 1):
        texts = [q.prompt, q.instructions or ""] + [str(c) for c in getattr(q, "choices", ()) or ()]
        for named, topic in pictures:
            said = next((m.group(0) for text in texts if (m := named.search(text))), None)
            if said is None:
                continue
            where = next((loc for loc, text in guide.texts if named.search(text) and text in texts), q.where)
            skipped = how == "--skip topics"
            left = "--skip topics leaves it out" if skipped else f"{how} does not print it"
            fix = "build without --skip topics" if skipped else \
                "choose questions without it (--questions), or give the handout, which prints it"
            out.append(Problem(where, f"question {n} names {said}, the picture captioned '{clip(topic.caption)}', "
                                      f"but {left}: students cannot see it; say in the question what the picture "
                                      f"shows, or {fix}", warning=True))
            break
    return out
