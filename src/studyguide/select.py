"""Choosing questions: a Guide in, a Guide with only the chosen questions out.

A choice is a short text, as typed after ``--questions``: items separated by commas,
each one of

====================  ===========================================
``3``, ``5-8``        question numbers, as printed in the handout
``multiple_choice``   a question type (``true-false`` and ``true false`` work too)
``objective:2``       the questions that name objective 2
``tag:friday``        the questions tagged ``friday`` (a bare ``friday`` too, when no type has that name)
====================  ===========================================

A comma adds questions (``1-3,7,tag:friday``); a plus narrows an item to the questions that meet
both sides (``tag:friday+multiple_choice``: the multiple-choice questions tagged friday).
A choice that names something the guide does not have, or that leaves no question,
is a located error: the guide's file and what to type instead.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from typing import Optional

from .errors import GuideError, Location, Problem
from .reading.walker import clip
from .model import QUESTION_TYPES, Guide

_RANGE = re.compile(r"^([0-9]+)\s*[-\u2013\u2014]\s*([0-9]+)$")
_NUMBERISH = re.compile(r"[-+]?[0-9][0-9.,]*(?:\s*[-\u2013\u2014]\s*[-+]?[0-9][0-9.,]*)?|[-+][0-9]+")
_NUMBER = re.compile(r"[0-9]+")  # ASCII digits only: '²'.isdigit() is true, and int('²') fails
# what a Japanese or Chinese keyboard types for digits and the signs between them: read as the ASCII ones
_WIDE = {**{0xFF10 + d: str(d) for d in range(10)}, 0xFF0C: ",", 0x3001: ",", 0xFF0D: "-", 0xFF0B: "+", 0xFF1A: ":",
         0x3000: " "}
_KIND_WORDS = {"number": "question numbers", "kind": "question types", "objective": "objectives", "tag": "tags"}


def _kind(word: str) -> Optional[str]:
    name = re.sub(r"[\s-]+", "_", word.strip().lower())
    return name if name in QUESTION_TYPES else None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def tags_of(guide: Guide) -> list[str]:
    """Every tag the guide's questions carry, in the order they first appear."""
    seen: dict[str, str] = {}
    for q in guide.questions:
        for tag in q.tags:
            seen.setdefault(_fold(tag), tag)
    return list(seen.values())


def _fail(guide: Guide, label: str, spec: str, message: str) -> GuideError:
    return GuideError([Problem(Location(str(guide.path)), f"{label} '{clip(spec)}': {message}")])


def _whole(digits: str) -> int:
    """A number as typed, however long: one of more than 9 digits is past any guide's questions (int() itself
    refuses 4,300 digits)."""
    return int(digits) if len(digits) <= 9 else 10 ** 9


def parse(guide: Guide, spec: str, label: str = "--questions") -> list[list[tuple[str, set]]]:
    """The choice's items, each a list of terms: [[("number", {0, 4})], [("tag", {"friday"}), ("kind", {...})]].
    Numbers and objectives are 0-based indexes; tags are folded (case and spaces do not matter)."""
    count = len(guide.questions)
    tags = {_fold(t): t for t in tags_of(guide)}
    items = [item.strip() for item in spec.translate(_WIDE).split(",")]
    if not any(items):
        raise _fail(guide, label, spec, "chooses nothing (give question numbers such as 1-5,8, a type such as "
                                        "multiple_choice, objective:2 or tag:NAME)")
    out = []
    for item in filter(None, items):
        terms = []
        for term in (t.strip() for t in item.split("+")):
            sort, value = _sort(guide, label, spec, term)
            terms.append((sort, _values(guide, label, spec, sort, value, count, tags)))
        out.append(terms)
    return out


def _sort(guide, label, spec, term) -> tuple[str, str]:
    head, sep, rest = term.partition(":")
    head = head.strip().lower()
    if not term:
        raise _fail(guide, label, spec, "a '+' has nothing on one side (write two choices: tag:friday+essay)")
    if sep and head in ("tag", "tags"):
        return "tag", rest.strip()
    if sep and head in ("objective", "objectives", "obj"):
        return "objective", rest.strip()
    if sep and head in ("type", "kind"):
        return "kind", rest.strip()
    if sep:
        raise _fail(guide, label, spec, f"'{clip(term)}' is not a choice (write tag:NAME, objective:N or type:NAME)")
    if _NUMBER.fullmatch(term) or _RANGE.match(term):
        return "number", term
    if _kind(term):
        return "kind", term
    return "tag", term


def _values(guide, label, spec, sort, value, count, tags) -> set:
    fail = lambda message: _fail(guide, label, spec, message)  # noqa: E731
    if sort == "number":
        m = _RANGE.match(value)
        typed = (m.group(1), m.group(2)) if m else (value, value)
        first, last = map(_whole, typed)
        if first > last:
            raise fail(f"'{clip(value)}' runs backwards (write the lower number first: {clip(typed[1], 12)}-"
                       f"{clip(typed[0], 12)})")
        if not count:
            raise fail("the guide has no questions")
        if first < 1 or last > count:
            bad = typed[0] if first < 1 else typed[1]
            raise fail(f"there is no question {clip(bad, 12)}; the guide has {count} (choose from 1 to {count})")
        return set(range(first - 1, last))
    if sort == "kind":
        kind = _kind(value)
        if kind is None:
            close = difflib.get_close_matches(value.lower(), list(QUESTION_TYPES), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "types: " + ", ".join(QUESTION_TYPES)
            raise fail(f"'{clip(value)}' is not a question type ({hint})")
        if not any(q.kind == kind for q in guide.questions):
            present = ", ".join(dict.fromkeys(q.kind for q in guide.questions)) or "none"
            raise fail(f"the guide has no {kind} question (its types: {present})")
        return {kind}
    if sort == "objective":
        objectives = guide.objectives
        if not objectives:
            raise fail("the guide has no objectives to choose by (add 'objectives:', and 'objective:' to questions)")
        index = (_whole(value) - 1 if _NUMBER.fullmatch(value) else
                 next((i for i, o in enumerate(objectives) if _fold(o) == _fold(value)), -1))
        if not 0 <= index < len(objectives):
            raise fail(f"'{clip(value)}' is not an objective (give its number, 1 to {len(objectives)})")
        if not any(q.objective == index for q in guide.questions):
            raise fail(f"no question names objective {index + 1} (add 'objective: {index + 1}' to the questions "
                       "that check it)")
        return {index}
    tag = _fold(value)
    if not value:
        raise fail("'tag:' needs a tag after it (tag:friday)")
    if tag not in tags:
        if _NUMBERISH.fullmatch(value):  # '2.5', '-1', '1-99999999999999999999': a number meant, not a tag
            raise fail(f"'{clip(value)}' is not a question number (the questions are numbered 1 to {count}: give whole "
                       "numbers or ranges, such as 2 or 2-5)" if count else "the guide has no questions")
        if not tags:
            raise fail(f"no question has the tag '{clip(value)}'; the guide's questions have no tags yet "
                       f"(add 'tags: [{clip(value)}]' to the questions you want)")
        close = difflib.get_close_matches(tag, list(tags), n=1, cutoff=0.6)
        hint = f"did you mean '{tags[close[0]]}'? " if close else ""
        raise fail(f"no question has the tag '{clip(value)}' ({hint}its tags: {', '.join(tags.values())})")
    return {tag}


def matches(q, index: int, terms: list[tuple[str, set]]) -> bool:
    """Whether question ``index`` (0-based) meets every term of one item of a choice."""
    have = {"number": {index}, "kind": {q.kind}, "objective": {q.objective}, "tag": {_fold(t) for t in q.tags}}
    return all(have[sort] & values for sort, values in terms)


def select(guide: Guide, spec: Optional[str], label: str = "--questions") -> Guide:
    """The guide with only the questions ``spec`` chooses, in the guide's order (None: all of them)."""
    if spec is None:
        return guide
    items = parse(guide, spec, label)
    for terms in items:
        if not any(matches(q, i, terms) for i, q in enumerate(guide.questions)):
            sorts = " and ".join(dict.fromkeys(_KIND_WORDS[sort] for sort, _ in terms))
            raise _fail(guide, label, spec, f"chooses no question: none is in all of the {sorts} that "
                                            "'+' joins (choose fewer)")
    kept = tuple(q for i, q in enumerate(guide.questions) if any(matches(q, i, t) for t in items))
    return dataclasses.replace(guide, questions=kept)
