"""What a student types into the fillable edition's fields, in a guide written in Korean, Chinese or Japanese.

A field's text is drawn by the PDF app in the font the field names, and a PDF form can name only the standard
fonts every app has (reportlab's form support offers no other): Helvetica, which has no Hangul, kana nor Han
characters. Each app then draws such typed text in a font of the computer it runs on. Measured with PDFium
(the PDF viewer of Chrome) on a computer with no Korean font: '세종 Kim' typed into a field shows ' Kim'.
A font with the letters, embedded and named by the field, did not help there: PDFium still sends Hangul to a
font of the computer's (tried with the bundled Noto Sans KR, whole, 520 KB more a file). So the build says so
once, at the guide's first such letter, with what to do: try a field in the app the students will use.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Optional

from ..errors import Location, Problem

SHARE = 0.10  # of the guide's letters: a guide written in the script, not one that quotes a word of it
_BLANK = re.compile(r"\[\[([^\]]*)\]\]")  # a blank's answers, typed into its field
_SCRIPTS = {"HANGUL": "Hangul", "CJK": "Chinese characters", "HIRAGANA": "kana", "KATAKANA": "kana"}


def _script(c: str) -> Optional[str]:
    return _SCRIPTS.get(unicodedata.name(c, "").split(" ")[0]) if ord(c) >= 0x1100 else None


def field_note(theme, guide):
    """``theme`` with the warning above as its ``font_note``, for the fillable edition of a guide written in
    Korean, Chinese or Japanese, or one whose answers are; else ``theme`` as it was."""
    if theme.edition != "fillable" or guide is None or theme.font_note is not None:
        return theme
    letters, found, first = 0, {}, None
    for where, text in guide.texts:
        letters += sum(c.isalpha() for c in text)
        here = [(i, _script(c)) for i, c in enumerate(text) if not text.isascii() and _script(c)]
        found.update(dict.fromkeys(name for _, name in here))
        if here and (first is None or (not where.line, where) < (not first[0].line, first[0])):
            first = (where, text, here[0][0])
    count = sum(1 for _, text in guide.texts for c in text if _script(c))
    if first is not None and count < SHARE * letters:  # (a guide that quotes a word: unless students type it)
        first, found = _typed(guide)
    if first is None:
        return theme
    where, text, i = first
    said = " or ".join(found)
    note = Problem(where.of(text, i) if isinstance(where, Location) else where,
                   f"edition fillable: the form fields show what a student types in Helvetica, the font every PDF "
                   f"app has, which has no {said}: each app draws typed {said} in a font of its computer's, and "
                   f"Chrome on a computer without one shows nothing typed. Type a word into a field in the "
                   "app your students will use before handing the handout out", warning=True)
    return replace(theme, font_note=note)


def _typed(guide):
    """Where the first answer a student would type ('세종대왕', a choice '한글') holds Hangul, kana or Han characters,
    in a guide written in another script (hostile r15, finding 5), and the scripts of all such answers; else
    (None, {})."""
    answers = [a for q in guide.questions for a in (
        getattr(q, "choices", ()) + tuple(w for b in getattr(q, "blanks", ()) for w in b.answers)
        + getattr(q, "bank", ()) + ((q.answer,) if isinstance(getattr(q, "answer", None), str) else ()))]
    typed = [a for a in answers if any(_script(c) for c in a)]
    if not typed:
        return None, {}
    found = dict.fromkeys(_script(c) for a in typed for c in a if _script(c))
    for where, text in sorted(guide.texts, key=lambda wt: (not wt[0].line, wt[0])):
        spans = [(0, len(text))] if text.strip() in typed else [m.span(1) for m in _BLANK.finditer(text)]
        at = next((i for a, b in spans for i in range(a, b) if _script(text[i])), None)
        if at is not None:
            return (where, text, at), found
    return None, {}
