"""What to write instead of a number typed as a teacher writes it on paper.

A number field (``points``, ``lines``, ``time_limit``) refused as not a number gets, when the text reads as
one, the number to write: ``0,5`` → ``0.5`` (a point, not a comma), ``½``, ``1/2``, ``1 ½`` → ``0.5``,
``1.5`` (a decimal, not a fraction), ``2 pts`` → ``2`` (the number alone). A word after the number counts
only when it names what the field counts (points, lines, seconds), so ``2 min`` never becomes ``2``. No
hint when the number it reads is outside the field's range, or is not whole where a whole number is asked.
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from typing import Optional

# the words that may follow a field's number, by the field's key: they say what it counts, in the languages
# the handout prints
UNITS = {
    "points": r"p|pts?|points?|punkte?|puntos?|ptos?|pontos?|punti|punto|pkt",
    "lines": r"lines?|l[ií]neas?|zeilen?|lignes?|linhas?",
    "time_limit": r"s|secs?|seconds?|segundos?|sekunden?|secondes?|seg",
}

_VULGAR = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"  # Unicode's vulgar fractions (unicodedata.numeric reads each)
_PARTS = re.compile(rf"(?:(?P<whole>\d+)\s*)??(?:(?P<vulgar>[{_VULGAR}])|(?P<top>\d+)\s*[/⁄]\s*(?P<bottom>\d+)"
                    rf"|(?P<int>\d+)(?:(?P<sep>[.,])(?P<dec>\d+))?)")


def _read(text: str) -> Optional[tuple[Fraction, set[str]]]:
    """The number ``text`` holds, and how it is written unlike a YAML number: 'comma', 'fraction'."""
    m = _PARTS.fullmatch(text)
    if m is None:
        return None
    if m["int"] is not None:
        if m["whole"] is not None:
            return None
        if m["dec"] is None:
            return Fraction(int(m["int"])), set()
        if m["sep"] == "," and len(m["dec"]) > 2:  # '1,500' may be a thousand and a half
            return None
        return Fraction(f"{m['int']}.{m['dec']}"), {"comma"} if m["sep"] == "," else set()
    if m["vulgar"] is not None:
        part = Fraction(unicodedata.numeric(m["vulgar"])).limit_denominator(10)
    elif int(m["bottom"]) == 0:
        return None
    else:
        part = Fraction(int(m["top"]), int(m["bottom"]))
    return Fraction(int(m["whole"] or 0)) + part, {"fraction"}


def _decimal(value: Fraction) -> str:
    if (value * 1000).denominator == 1:
        return f"{float(value):g}"
    return f"{float(value):.2f}"


def hint(text: str, label: str, low: float, high: float, integer: bool) -> str:
    """': write 0.5 (a decimal, not a fraction)' for a field ``label`` ('question 1.points') given ``text``;
    '' when ``text`` does not read as a number of that field."""
    text = text.strip()
    why = set()
    if len(text) > 2 and text[0] in "“‘„«”" and text[-1] in "”’“»":  # '“2”': a word processor's quotes
        text, why = text[1:-1].strip(), {"curly"}
    units = UNITS.get(label.rsplit(".", 1)[-1])
    if units:
        m = re.fullmatch(rf"(.*?\S)\s*(?:{units})\.?", text, re.IGNORECASE)
        if m:
            text, why = m[1], {"unit"}
    got = _read(text)
    if got is None:
        return ""
    value, how = got
    why |= how
    if not why or not (low <= value <= high) or (integer and value.denominator != 1):
        return ""
    said = {"comma": "a point, not a comma", "fraction": "a decimal, not a fraction", "unit": "the number alone",
            "curly": "without the curly quotes “ ”"}
    return f": write {_decimal(value)} ({'; '.join(said[w] for w in ('curly', 'unit', 'fraction', 'comma') if w in why)})"
