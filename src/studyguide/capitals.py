"""Capital letters at a sentence's start: a citation that opens a sentence ("Lines 3–4 say…"), and a
word bank whose one capital would point at the blank that opens one.

Pure: strings and questions in, strings out.
"""
from __future__ import annotations

from typing import Optional

from .errors import Problem
from .model import Blank, FillInBlank, Guide
from .noticed import after, clipped
from .scripts import dotted_i

# what may stand between a sentence's start and its first word: spaces, opening quotes and brackets, ¿ ¡, and
# the marks of bold and italic
_OPENING = " \t\n\u00a0\"'“‘«„‚([¿¡*_"


def opens_sentence(before: str, start: bool = True) -> bool:
    """Whether a word after ``before`` starts a sentence: at the text's start (``start``: a text whose
    start is a sentence's, as a prompt's is and a choice's or the words after a blank are not) or
    after a '.', '!' or '?' (and the quote or bracket that closes round it: 'the first.” ¿')."""
    rest = before.rstrip(_OPENING)
    return rest.rstrip("”’\"')»*_]")[-1:] in (".", "!", "?", "…", "。", "！", "？") or (start and not rest)


def capital(text: str) -> bool:
    """Whether the first letter of ``text`` is a capital ('Aujourd'hui', "L'école"; not '1776')."""
    return next((c.isupper() for c in text if c.isalpha()), False)


def capitalised(text: str, language: Optional[str] = None) -> str:
    """``text`` with its first letter a capital ('la gare' → 'La gare', "l'école" → "L'école"; in Turkish and
    Azerbaijani, ``language``, 'iklim' → 'İklim')."""
    at = next((i for i, c in enumerate(text) if c.isalpha()), None)
    if at is None:
        return text
    up = "\u0130" if text[at] == "i" and dotted_i(language) else text[at].upper()
    return text[:at] + up + text[at + 1:]


def opening_blanks(q: FillInBlank) -> list[Blank]:
    """The blanks of ``q`` that start a sentence: the prompt's first words, or after a '.', '!' or '?'."""
    out, before = [], ""  # (the prompt up to the part, each blank in it as a word)
    for part in q.parts:
        if isinstance(part, Blank):
            if opens_sentence(before):
                out.append(part)
            before += "x"
        else:
            before += part
    return out


def bank_capitals(guide: Guide) -> list[Problem]:
    """`check`: a word bank of four or more blanks whose capitalised words are just the answers of the blanks
    that start a sentence ('Aujourd'hui · frère · la gare · sœur' for '[[Aujourd'hui]], il fait beau. Mon
    [[frère]]…'): the capital points at the blank. (A bank of one blank gets its other words capitalised to
    match, :func:`studyguide.banks.banked`; one of two or three blanks is told to be split, whatever its
    capitals: :func:`studyguide.lint.bank_answers`.)"""
    out, every = [], bool(guide.accommodations and guide.accommodations.word_bank)
    for n, q in enumerate(guide.questions, 1):
        if not isinstance(q, FillInBlank) or not (q.word_bank or every) or len({b.answer for b in q.blanks}) < 4:
            continue
        words = q.bank_words
        caps = [w for w in words if capital(w)]
        if caps and len(caps) < len(words) and set(caps) == {b.answer for b in opening_blanks(q)}:
            said = f"word with a capital, '{clipped(caps[0])}', answers the blank" if len(caps) == 1 else \
                f"words with a capital ({', '.join(repr(clipped(w)) for w in caps)}) answer the blanks"
            out.append(Problem(after(guide, q.where, q.prompt), f"question {n}: the word bank's only {said} that "
                               f"start{'s' if len(caps) == 1 else ''} a sentence, so the "
                               f"{'capital gives it' if len(caps) == 1 else 'capitals give them'} away (reword so "
                               "that no blank starts a sentence)", warning=True))
    return out
