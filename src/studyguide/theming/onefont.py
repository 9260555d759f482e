"""One font for a guide's text when the readable font lacks its script.

Atkinson Hyperlegible, the readable edition's font, draws Latin letters (its Δ and Ω are math's). Each
character it lacks goes to a fallback (fonts.plan), so a guide written in Cyrillic, Greek or Vietnamese
was set in two fonts in every line: its letters in DejaVu Sans, its digits, punctuation and Latin words in
Atkinson, whose slashed zero and other shapes stood out among them ("505 000 км³"). Such a guide is set
in DejaVu Sans throughout instead (with upright emphasis, as the readable edition's, and its line
spacing), and the build says so once, at the first letter. A guide that only borrows a letter or a word
(a physics guide's λ, a quoted Greek word) keeps Atkinson: the letters it lacks must be a real share of
the text. A script DejaVu Sans lacks too (Chinese, Korean) keeps its own font, as before.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Optional

from ..errors import Location, Problem
from . import fonts

READABLE = "SGRead"    # Atkinson Hyperlegible (fonts.FAMILIES)
INSTEAD = "SGUpright"  # DejaVu Sans, its italics upright, as the readable family's are
SHARE = 0.10           # of the text's letters, those the readable font lacks that make it the guide's script
# (Russian or Greek text: 90 % and more; Vietnamese: about 20 %; a Turkish text's İ: 3 %; a physics guide's λ: less)
NAMES = {READABLE: "Atkinson Hyperlegible", INSTEAD: "DejaVu Sans"}


def one_font(theme, guide):
    """``theme``, its family DejaVu Sans instead of Atkinson Hyperlegible when the guide is written in a
    script Atkinson lacks and DejaVu has (see the module's note); the warning that says so in ``font_note``."""
    if theme.family != READABLE or guide is None:
        return theme
    lacks, has = fonts.family_coverage(READABLE), fonts.family_coverage(INSTEAD)
    letters = other = 0
    first: Optional[tuple[Location, str, int]] = None
    seen: dict[str, None] = {}
    for where, text in guide.texts:  # (its own: the labels printed are mostly the same few words)
        letters += sum(c.isalpha() for c in text)
        if text.isascii():
            continue
        found = [i for i, c in enumerate(text) if c.isalpha() and ord(c) not in lacks and ord(c) in has]
        other += len(found)
        seen.update(dict.fromkeys(text[i] for i in found))
        if found and (first is None or (not where.line, where) < (not first[0].line, first[0])):
            first = (where, text, found[0])
    if not letters or other < SHARE * letters:
        return theme
    where, text, i = first
    naskh = fonts.family_coverage(fonts.ARABIC)  # Arabic-script letters DejaVu lacks (Urdu's ہ ے, Persian's ۀ):
    # the guide's Arabic script is drawn in Naskh; the note names those letters, not a language (a Persian guide's ۀ)
    extra = list(dict.fromkeys(c for _, t in guide.texts if not t.isascii() for c in t
                               if ord(c) in naskh and ord(c) not in has))
    extra = ([c for c in extra if c.isalpha()] or extra)[:3]  # (letters before Urdu's full stop ۔)
    also = ("" if not extra else f" (its Arabic script in Noto Naskh Arabic, which draws {_listed(extra)}, "
            + ("a letter" if len(extra) == 1 else "letters") + f" {NAMES[INSTEAD]} lacks)")
    note = Problem(where.of(text, i), f"the readable font, {NAMES[READABLE]}, has no {_scripts(seen)}: this copy is "
                                      f"set in {NAMES[INSTEAD]} throughout" + also + ", so that each line is "
                                      "in one font", warning=True)
    return replace(theme, family=INSTEAD, font_note=note)


def _listed(items) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _scripts(letters) -> str:
    """'Cyrillic letters', 'Greek or Cyrillic letters', or, for Latin ones, 'letters such as ệ, ư, ả'."""
    names = list(dict.fromkeys(unicodedata.name(c, "LATIN").split()[0].title() for c in letters))
    latin = [c for c in letters if unicodedata.name(c, "LATIN").startswith("LATIN")]
    said = [n for n in names if n != "Latin"]
    words = (" or ".join(said) + " letters") if said else ""
    if latin:
        words += (" nor " if said else "") + "letters such as " + ", ".join(latin[:3])
    return words
