"""Commas with no space after them in a list typed on one line: '[There is a shortage of 5,000 apartments, ...]'.

In YAML's [ ... ] every ',' ends an item, even inside '5,000', so that choice becomes 'There is a shortage of 5'
and '000 apartments', and the key's letters point at the wrong choices. A teacher who means two items types a
space after the comma ('[France, Spain]'); one with no space, between two items typed without quotes, is read
here as text that held a comma, and reported (an error: the printed list is not the one typed).

The nodes keep where each item was typed (:class:`~studyguide.errors.Location`), so two items on one line with a
single character between them were split by a ',' and nothing else: a plain item's text ends at its last
character, and a ']' or ':' there would have ended the list or made a mapping.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import Location
from .keys import TEXT_LISTS
from .loader import Scalar, Seq
from .yamltext import clip

NAMES = ("activities", "tags")  # lists of names, in which no name holds a comma: '[matching,crossword]' is two
_LETTER = re.compile(r"[^\W\d_]")  # one letter alone, as a select-all answer gives it: '[A,C]' is A and C


def _end(item: Scalar) -> Optional[tuple[int, int]]:
    """The line and column just after the item's text as typed; None when that is unknown."""
    typed = item.where.typed
    if not typed or not item.where.col:
        return None
    if "\n" not in typed:
        return item.where.line, item.where.col + len(typed)
    return item.where.line + typed.count("\n"), len(typed) - typed.rfind("\n")


def _joined(left: Scalar, right: Scalar) -> bool:
    """Whether ``right`` starts one column after ``left`` ends, on its line: only a ',' fits there."""
    if not (left.plain and right.plain) or left.is_null or right.is_null:
        return False
    if _LETTER.fullmatch(left.value) and _LETTER.fullmatch(right.value):
        return False
    end = _end(left)
    return end is not None and end[0] == right.where.line and right.where.col == end[1] + 1


def _noun(label: str) -> str:
    """What one item of the list under ``label`` is called: 'question 8.choices' → 'choice'."""
    key = label.rsplit(".", 1)[-1]
    return TEXT_LISTS[key][0] if key in TEXT_LISTS else "answer" if key == "answer" else "item"


def problems(node: Seq, label: str) -> list[tuple[Location, str]]:
    """Each run of items a ',' with no space after it split, as (where its first ',' is, the message)."""
    if not node.flow or label.rsplit(".", 1)[-1] in NAMES:
        return []
    found, run = [], []
    items = node.items + [None]
    for left, right in zip(items, items[1:]):
        if isinstance(left, Scalar) and isinstance(right, Scalar) and _joined(left, right):
            run = run or [left]
            run.append(right)
            continue
        if run:
            found.append(_message(run, label))
        run = []
    return found


def _message(run: list[Scalar], label: str) -> tuple[Location, str]:
    noun = _noun(label)
    whole = ",".join(item.where.typed for item in run).replace("\n", " ")
    parts = [f"'{clip(item.value, 30)}'" for item in run]
    read = ", ".join(parts[:-1]) + " and " + parts[-1]
    digits = all(a.value[-1:].isdigit() and b.value[:1].isdigit() for a, b in zip(run, run[1:]))
    several = "" if digits else f"; if you meant {len(run)} {noun}s, type a space after {'the' if len(run) == 2 else 'each'} ','"
    line, col = _end(run[0])
    return (Location(run[0].where.file, line, col),
            f"{label}: '{clip(whole, 60)}' is read as {len(run)} {noun}s, {read}: in [ ... ] every ',' starts a "
            f"new {noun}, even with no space after it; put the {noun} in quotes (\"{clip(whole, 60)}\"), or write "
            f"each {noun} on a line of its own after '- '{several}")
