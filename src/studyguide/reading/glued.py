"""Commas with no space after them in a list typed on one line: '[There is a shortage of 5,000 apartments, ...]'.

In YAML's [ ... ] every ',' ends an item, even inside '5,000', so that choice becomes 'There is a shortage of 5'
and '000 apartments', and the key's letters point at the wrong choices. Most commas typed with no space after them
are still meant as separators ('[1,2,3,4]', '[red,green,blue]', '[A,C]'), and those are read as typed. Only a comma
that is almost surely inside one item is an error (the printed list is not the one typed):

- a piece on either side is a phrase, holding a space, and the comma sits between two digits, inside a number
  ('... shortage of 5' / '000 apartments', 'about 1' / '500 people', 'a rise of 1' / '5 m'). With a word on
  either side ('[New York,Los Angeles]', '[Set the ceiling,Measure it]') the items were typed without the space
  after the comma: text never glues two words with a comma, so they are read as typed;
- the piece on the right starts with '0' and more digits ('000'), which no item typed alone does;
- the list also has commas with a space after them, and the right piece is a group of exactly three digits after
  a digit ('[4,000, 5,500]'): a thousands separator among separators typed with a space;
- the list also has commas with a space after them, and a piece on either side is a phrase ('[x = 1,y = 2, x = 2,y
  = 1]', '[Heat the water,then add salt, Stir, Serve]'): two ways of separating in one list, one is a slip;
- the comma sits inside brackets: the left piece opens one that the right piece closes ('[(1,2), (2,1)]', a point
  each): only quotes keep such an item whole.

The nodes keep where each item was typed (:class:`~studyguide.errors.Location`), so two items on one line with a
single character between them were split by a ',' and nothing else: a plain item's text ends at its last
character, and a ']' or ':' there would have ended the list or made a mapping.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import Location
from .keys import TEXT_LISTS
from .loader import Node, Scalar, Seq
from .yamltext import clip

NAMES = ("activities", "tags")  # lists of names, in which no name holds a comma: '[matching,crossword]' is two
_LEADING_ZERO = re.compile(r"0\d")  # '000 apartments': no item typed on its own starts so
_THOUSANDS = re.compile(r"\d{3}(?!\d)")  # '500' of '5,500', '000' of '4,000 apartments'; not '2', '1918', '75'
SHOWN = 2  # items named in a message; the rest are counted


def _end(item: Scalar) -> Optional[tuple[int, int]]:
    """The line and column just after the item's text as typed; None when that is unknown."""
    typed = item.where.typed
    if not typed or not item.where.col:
        return None
    if "\n" not in typed:
        return item.where.line, item.where.col + len(typed)
    return item.where.line + typed.count("\n"), len(typed) - typed.rfind("\n")


def _joined(left: Scalar, right: Scalar) -> bool:
    """Whether ``right`` starts one column after ``left`` ends, on its line: only a ',' fits there. At least one
    side is typed without quotes ('["5",000 apartments]' is glued too; '["a","b"]' was quoted on purpose)."""
    if not (left.plain or right.plain) or left.is_null or right.is_null or not left.value or not right.value:
        return False
    end = _end(left)
    return end is not None and end[0] == right.where.line and right.where.col == end[1] + 1


def _suspect(left: Scalar, right: Scalar, mixed: bool) -> bool:
    """Whether the ',' between two joined items is almost surely inside one item (see the module's rules)."""
    if _LEADING_ZERO.match(right.value) or _bracketed(left, right):
        return True
    if mixed and (" " in left.value.strip() or " " in right.value.strip()):
        return True
    if not (left.value[-1].isdigit() and right.value[0].isdigit()):
        return False
    if " " in left.value.strip() or " " in right.value.strip():
        return True
    return mixed and bool(_THOUSANDS.match(right.value))


def _bracketed(left: Scalar, right: Scalar) -> bool:
    """Whether the ',' between the two pieces is inside brackets: '(1' opens one that '2)' closes."""
    return left.value.count("(") > left.value.count(")") and right.value.count(")") > right.value.count("(")


def _noun(label: str) -> str:
    """What one item of the list under ``label`` is called: 'question 8.choices' → 'choice'."""
    key = label.rsplit(".", 1)[-1]
    return TEXT_LISTS[key][0] if key in TEXT_LISTS else "answer" if key == "answer" else "item"


def problems(node: Seq, label: str) -> list[tuple[Location, str]]:
    """At most one error for the list: where its first suspect ',' is, and the message naming that run of items
    and how many more such commas the list holds."""
    if not node.flow or label.rsplit(".", 1)[-1] in NAMES:
        return []
    pairs = list(zip(node.items, node.items[1:]))
    joined = [isinstance(a, Scalar) and isinstance(b, Scalar) and _joined(a, b) for a, b in pairs]
    mixed = not all(joined)  # some ',' in this list has a space (or a line break) after it
    suspect = [j and _suspect(a, b, mixed) for j, (a, b) in zip(joined, pairs)]
    if not any(suspect):
        return []
    first = suspect.index(True)
    run = [node.items[first]]
    for k in range(first, len(pairs)):
        if not suspect[k]:
            break
        run.append(node.items[k + 1])
    later = [k for k in range(first + len(run) - 1, len(pairs)) if suspect[k]]
    return [_message(run, label, [_end(node.items[k]) for k in later])]


def _message(run: list[Scalar], label: str, more: list) -> tuple[Location, str]:
    noun = _noun(label)
    whole = clip(",".join(item.value for item in run).replace("\n", " "), 60)
    parts = [f"'{clip(item.value, 30)}'" for item in run[:SHOWN]]
    read = " and ".join(parts) if len(run) <= SHOWN else ", ".join(parts) + f" and {len(run) - SHOWN} more"
    fixes = (f"if it is one {noun}, put it in quotes (\"{whole}\") or write each {noun} on a line of its own after "
             f"'- '; if you meant {len(run)} {noun}s, type a space after {'the' if len(run) == 2 else 'each'} ','")
    if _bracketed(run[0], run[1]):  # ('(1,2)' is one point: there is no other reading to offer)
        fixes = f"put each {noun} holding a ',' in quotes (\"{whole}\") or write each on a line of its own after '- '"
    others = "" if not more else f" (this list has {len(more)} more such ',', the next at line {more[0][0]} column " \
                                  f"{more[0][1]}: fix {'it' if len(more) == 1 else 'each'} the same way)"
    line, col = _end(run[0])
    return (Location(run[0].where.file, line, col),
            f"{label}: '{whole}' is read as {len(run)} {noun}s, {read}: in [ ... ] every ',' starts a new {noun}, "
            f"even with no space after it; {fixes}{others}")


def map_split(pairs: list[tuple[Scalar, Node]], n: int, label: str) -> Optional[str]:
    """'{left: Cost, right: $250,000 a year}': the ',' inside the text started a key '000 a year'. The message for
    the key ``pairs[n]``, with the whole text as typed in quotes (the fix); '' for a later piece of the same text
    ('1,000,000 people' makes two such keys, reported once); None when the key is not such a piece."""
    def cut(k: int) -> bool:  # pairs[k] is a key typed without quotes with nothing after it
        return 0 < k < len(pairs) and isinstance(pairs[k][1], Scalar) and pairs[k][1].is_null and pairs[k][0].plain
    start = n
    while cut(start):
        start -= 1
    text = pairs[start][1]
    if start == n or not (isinstance(text, Scalar) and text.plain and not text.is_null):
        return None
    if start < n - 1:
        return ""
    whole, end = text.value, n
    while cut(end):
        at, key = (text if end - 1 == start else pairs[end - 1][0]).where, pairs[end][0]
        gap = key.where.col - at.col - len(at.typed) - 1 if at.line == key.where.line and at.typed else 1
        whole, end = f"{whole},{' ' * max(gap, 0)}{key.value}", end + 1
    return (f"{label}: the ',' in the text of '{pairs[start][0].value}' ends it inside {{ ... }}, so "
            f"'{clip(pairs[n][0].value)}' is read as a key; put the whole text in quotes: "
            f"{pairs[start][0].value}: \"{clip(whole, 60)}\"")
