"""The starter's placeholder text left in a guide: what `studyguide new` wrote and the teacher has not replaced.

`check` names each place (lint.check); `build` and `validate` say the first, once (starter_left). It lives
apart from lint so that a build, which asks only this of it, does not import lint's other checks (start-up
time is part of every build's time).
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from .errors import Location, Problem
from .model import Guide
from .noticed import clipped as _clip, norm as _norm
from .reading.walker import count


def _warn(where: Location, message: str) -> Problem:
    return Problem(where, message, warning=True)


@lru_cache(maxsize=2)
def _placeholders(starter: str) -> tuple[dict[str, str], dict[str, set]]:
    """The starter's texts a teacher replaces, each with its section (settings such as 'en' or 'A', a single
    word, are left out: a guide may well keep them), and each sample question's texts by its prompt."""
    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from texts(v)
        elif isinstance(value, list):
            for v in value:
                yield from texts(v)
    data = yaml.load(starter, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # (libyaml's: safe_load's pure Python
    # parser took 7 ms of every build's start-up for this file)
    places = {_norm(t): key for key, value in data.items() if key != "questions" for t in texts(value)
              if len(t.split()) > 1}
    # (a sample's own texts leave out its type and its answer's letter: a teacher's question has those too)
    return places, {_norm(q["prompt"]): {_norm(t) for k, v in q.items() if k != "type" for t in texts(v) if len(t) > 1}
                    for q in data.get("questions") or []}


def starter_text(guide: Guide, starter: str) -> list[Problem]:
    """Text of the starter guide ``starter`` (`studyguide new`) left in: one finding per section at its first
    placeholder, naming the lines of the others, and one per sample question: its prompt with another of its
    texts (its choices, pairs, items or answer), as the starter writes it. A prompt alone is a teacher's
    question, however long ('Match each term with its meaning.' of a music guide's own pairs: trial r11); a
    sample whose prompt is its only text (the fill-in's 'like [[this]]') is found by its prompt."""
    places, samples = _placeholders(starter)
    texts = sorted(guide.texts, key=lambda t: (t[0].file, t[0].line, t[0].col))
    out, taken = [], set()
    for n, q in enumerate(guide.questions, 1):
        own = samples.get(_norm(q.prompt))
        if not own:
            continue
        end = guide.questions[n].where if n < len(guide.questions) else None
        span = [i for i, (w, _) in enumerate(texts) if w.file == q.where.file and (q.where.line, q.where.col)
                <= (w.line, w.col) and (end is None or (w.line, w.col) < (end.line, end.col))]
        alike = [i for i in span if _norm(texts[i][1]) in own]
        if len(own) == 1 or len(alike) > 1:  # (its prompt alone is a teacher's too: 'Match each term with its meaning.')
            out.append(_warn(q.where, f"question {n} is the starter's sample question ('{_clip(q.prompt)}'); write "
                                      "your own question, or delete it"))
            taken.update(span)
    found: dict[str, list] = {}
    for i, (where, text) in enumerate(texts):
        if _norm(text) in places and i not in taken:
            found.setdefault(places[_norm(text)], []).append((where, text))
    for key, hits in found.items():
        (where, text), rest = hits[0], hits[1:]
        fix = "write your own" + ("" if key == "title" else f", or delete the {'section' if rest else 'line'}")
        if rest:
            lines = ", ".join(str(w.line) for w, _ in rest)
            out.append(_warn(where, f"{key}: '{_clip(text)}' and {count(len(rest), 'more text')} (line"
                                    f"{'s' if len(rest) > 1 else ''} {lines}) are the starter's placeholder text; {fix}"))
        else:
            out.append(_warn(where, f"{key}: '{_clip(text)}' is the starter's placeholder text; {fix}"))
    return out


def starter_left(guide: Guide, starter: str) -> list[Problem]:
    """`build` and `validate`'s one warning for the starter's text left in (trial r9: a starter printed 'Your
    Name' and an example.org source for a class, and only `check` said so): the first place, and how many
    more 'studyguide check' names."""
    found = sorted(starter_text(guide, starter), key=lambda p: (p.where.file, p.where.line, p.where.col))
    if not found:
        return []
    more = f"; the starter's text is left in {len(found) - 1} more place{'s' if len(found) > 2 else ''} " \
           "('studyguide check' names each)" if len(found) > 1 else ""
    return [_warn(found[0].where, found[0].message + more)]
