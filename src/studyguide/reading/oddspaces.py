"""A pasted space right after a key's ':' or a list's '-': read as the space it looks like, and warned of.

Word, Google Docs and web pages put a non-breaking space (or a narrow, figure, full-width or zero-width
one) where a teacher sees an ordinary space. YAML counts none of them as a space, so 'answer:\\u00a0Drought'
is one word to it, not a key and its text, and the parser stops a line later with a message about
something else (trial r11, finding 1).

Read as a space, such a character is unambiguous in two places of a line: right after the key that starts
it ('answer:' + space) and right after a '-' that starts it (an item). Nothing else can be meant there: a
key's text never starts with its own ':', and a list's text never starts with '-' glued to an invisible
space. The characters are made spaces only where YAML read that place as the start of plain text (the
whole 'answer:\\u00a0Drought' as one text), or where the file could not be read at all; inside a '|'
block, or in text going on from the line above, they are letters of the text and are left alone.
Indentation is not this module's: how wide an invisible space is there is a guess, so the line scan names
it as a mistake (:func:`.misread.invisible_lead`).

Pure: text in, places and warnings out. Used by :mod:`.loader`.
"""
from __future__ import annotations

import re
from typing import Optional

from ..errors import Location, Problem
from .keys import key_known
from .misread import INVISIBLE

ODD = dict(INVISIBLE, **{"\u3000": "a full-width space"})  # (a Chinese or Japanese keyboard's space)
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?=[%s])" % "".join(ODD))
_RUN = re.compile("[ %s]*" % "".join(ODD))
PASTED = "from Word, Google Docs or a web page"


def spots(text: str, starts: Optional[set] = None) -> list[tuple[int, int, int, str]]:
    """(line, column of the line's key or '-', column of the odd space, what it follows), 0-based, for each
    odd space right after a key or '-' that starts a line; with ``starts`` (where YAML read plain text to
    start, as (line, column)), only those at one of them."""
    found = []
    for n, line in enumerate(text.split("\n")):
        i, item = len(line) - len(line.lstrip(" ")), False  # item: after a '-', where a list's text may start
        while i < len(line):
            if line[i] == "-" and line[i + 1:i + 2] in ODD:
                what, at = "the '-' of this list item", i + 1
            elif line[i] == "-" and line[i + 1:i + 2] == " ":
                i, item = _RUN.match(line, i + 1).end(), True  # a '- ' as typed: the item's own key may follow
                continue
            else:
                m = _KEY.match(line, i)
                m = m if m and (not item or key_known(m[1], None)) else None  # '- Explain:' is an item's text
                what, at = (f"'{m[1]}:'", m.end()) if m else (None, 0)
            if what and (starts is None or (n, i) in starts):
                found.append((n, i, at, what))
            if what is None or what.startswith("'"):
                break
            i, item = _RUN.match(line, at).end(), True
    return found


def respaced(text: str, found: list[tuple[int, int, int, str]]) -> str:
    """``text`` with the odd spaces at ``found`` (and any right after them) made ordinary spaces, one for one,
    so every line and column stays where it was."""
    lines = text.split("\n")
    for n, _, at, _ in found:
        end = _RUN.match(lines[n], at).end()
        lines[n] = lines[n][:at] + " " * (end - at) + lines[n][end:]
    return "\n".join(lines)


def warnings(name: str, text: str, found: list[tuple[int, int, int, str]]) -> list[Problem]:
    """One located warning: at the first odd space, naming it and what it follows, with the other lines."""
    if not found:
        return []
    n, _, at, what = found[0]
    kind = ODD[text.split("\n")[n][at]]
    message = (f"an invisible {kind[2:]} ({PASTED}) follows {what}; it is read as a space here (type a normal "
               "space there")
    more = sorted({line + 1 for line, *_ in found[1:]} - {n + 1})
    if more:
        shown = [str(line) for line in more[:8]] + ([f"{len(more) - 8} more"] if len(more) > 8 else [])
        shown = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
        message += f"; the same on line{'s' if len(more) > 1 else ''} {shown}"
    return [Problem(Location(name, n + 1, at + 1), message + ")", warning=True)]
