"""A hyphen typed for a minus sign: '5 - (-3)', '-7 °C'. The hyphen prints short and high, half a minus sign's
width ('-7' beside '−7'), so a negative number reads as a dash (trial r15, finding 7). `check` and `validate` warn
at the line with the minus sign to paste; the text is never rewritten (a hyphen may be meant).

Only where the hyphen is surely a minus: before a number in brackets '(-3)' or as a blank's answer '[[-10]]'; before
a number after a relation or an operator with a space round it ('= -3', '< -7', '+ -2', '× -4'); before a number that
a relation or a degree follows ('-12 < ', '-7 °C', '-15°'); a table cell that is one negative number ('| -7 |'); and
between two terms with a space either side when one is a bracket ('5 - (', ') - 3'). A number alone ('-15' as an
ordering item, '-6' in a sentence) is left alone: a choice '-2' may be a spreadsheet's cell on purpose. A range ('pages
5 - 7', '1914-1918'), a dash in a sentence ('well - if odd'), a date ('2026-12-05'), a program's operator ('== -1',
'+= -1'), a code span and a fenced block are left alone; so is a hyphen glued to a number and its unit on the left:
'30°-60°-90°', '23.5°-66.5°' and '20°-25°C' are ranges (hostile r15, finding 3). Measured: none found in guides/ and
tests/ (92 guides).
"""
from __future__ import annotations

import re

from . import fenced
from .errors import Location, Problem
from .model import Guide

_CODE = re.compile(r"`[^`\n]*`|\b(?:https?://|www\.)\S+")  # printed as typed
_NUMBER = r"\d+(?:[.,]\d+)*"
_HYPHEN = re.compile(
    rf"(?<=\()-(?={_NUMBER}\))"                                   # (-3)
    rf"|(?<=\[\[)-(?={_NUMBER}(?:\]\]|\|))"                         # a blank's answer: [[-10]]
    rf"|(?<=(?<![=!<>:+*/])[=<>≤≥≠≈+×÷·] )-(?={_NUMBER}(?![\w\-/]))"  # = -3, < -7, + -2 (not a program's == -1)
    rf"|(?<![\w\-/.,°′″%‰])-(?={_NUMBER}(?: ?°| [<>≤≥=] ))"          # -7 °C, -15°, -12 < (not 30°-60°)
    rf"|(?:(?<=\| )|(?<=\|))-(?={_NUMBER} *\|)"                    # | -7 |
    rf"|(?<=\d )-(?= \()|(?<=\) )-(?= [\d(])")                    # 5 - (-3), (2) - 3
SHOWN = 10  # texts warned of one by one; past them, one warning for the guide


def _unfenced(text: str) -> str:
    """``text`` with its ``` blocks' lines and its code spans blanked (the columns of the rest stay)."""
    return _CODE.sub(lambda m: " " * len(m.group()), fenced.blanked(text))


def _pieces(text: str) -> list[tuple[int, str]]:
    """Each hyphen typed for a minus in ``text``: where it is, and it as typed with the number it leads ('-7'), or
    between its neighbours when it stands between two terms ('5 - (')."""
    bare = _unfenced(text)
    out = []
    for m in _HYPHEN.finditer(bare):
        number = re.match(_NUMBER, bare[m.end():])
        out.append((m.start(), "-" + number.group() if number else bare[m.start() - 2:m.end() + 2]))
    return out


def warnings(guide: Guide) -> list[Problem]:
    """A warning for each text with a hyphen typed for a minus, at the first, naming up to three; past
    :data:`SHOWN` such texts, one warning for the guide with the first places."""
    found: list[tuple[Location, list[str]]] = []
    said: set = set()
    for where, text in guide.texts:
        if "-" not in text or (where, text) in said:
            continue
        said.add((where, text))
        pieces = _pieces(text)
        if pieces and found and found[-1][0].line == where.line and found[-1][0].file == where.file:
            found[-1][1].extend(t for _, t in pieces if t not in found[-1][1])  # (a list typed on one line: one warning)
        elif pieces:
            found.append((where.of(text, pieces[0][0]), list(dict.fromkeys(typed for _, typed in pieces))))
    if not found:
        return []
    if len(found) > SHOWN:
        places = ", ".join(f"line {w.line}" for w, _ in found[:5])
        return [Problem(found[0][0], f"{len(found)} texts type a hyphen for a minus sign ({places}, …): a hyphen "
                                     "prints short, as a dash; paste the minus sign '−' in its place before each "
                                     "negative number (copy it from this message)", warning=True)]
    return [Problem(where, f"{_named(typed)} typed with a hyphen for a minus sign: a hyphen prints short, as a "
                           f"dash; paste the minus sign '−' in its place ({_named([t.replace('-', '−') for t in typed])}; "
                           "copy it from this message)", warning=True) for where, typed in found]


def _named(typed: list[str]) -> str:
    shown = [f"'{t}'" for t in typed[:3]] + (["…"] if len(typed) > 3 else [])
    return ", ".join(shown)
