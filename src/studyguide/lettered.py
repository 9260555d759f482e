"""Choices named by their letter in a question's own text: "Choice C is photosynthesis; D is fermentation."

The letters are the ones printed for the guide as written. Shuffled versions (and the reduced-choices copy,
which drops a choice) print other letters, so a note naming "C" would name the wrong choice there: such a
question keeps its choices in their written order in every version (variants.py), and `check` and `build`
say so at the text (:func:`warnings`).

Reading is conservative, since a wrong guess costs a question its shuffle and a missed one costs a wrong
key: a capital letter counts only where it can be nothing else: after a word for a choice ("choice C",
"options A and B", "la opción C", "la C", "réponse B"), in brackets ("(B)", not "carbon (C)", which names an
element), before a bracket ("B) is wrong"), or opening a sentence with a verdict ("B is wrong", "D es
incorrecta"). The English "A" of running text is none of these. Once a text names one letter, a sentence
opened by another letter and a verb ("; D is alcoholic fermentation") names that one too, for the message.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .inline import plain
from .model import LETTERS, MultipleChoice, SelectAll

_WORDS = ("choices?|options?|answers?|alternatives?|"         # en ('letter B' is a phonics question's)
          "opci[oó]n|opciones|respuestas?|alternativas?|incisos?|literal(?:es)?|letras?|"  # es, pt
          "choix|réponses?|propositions?|"                                          # fr
          "antwort(?:en)?|auswahl|"                                                 # de
          "opç(?:ão|ões)|respostas?")                                              # pt
_AND = r"(?:\s*,\s*|\s*/\s*|\s+(?:and|or|nor|y|e|o|u|ni|et|ou|und|oder)\s+)"
_LETTER = r"[A-Z](?![\w’'-])"
_VERB = r"(?:is|are|was|were|would\s+be|es|son|era|fue|est|sont|ist|sind|é|são)"
_VERDICT = (r"(?:not|wrong|incorrect|correct|right|true|false|the\s+(?:right|correct|best|wrong)\b|"
            r"incorrect[ao]s?|correct[ao]s?|fals[ao]s?|verdader[ao]s?|faux|fausses?|justes?|vraie?s?|"
            r"falsch|richtig|errad[ao]s?|cert[ao]s?)")
_OPENS = (r"(?:^|(?<=[.;:!?,])\s*|(?:^|(?<=\s))(?i:and|but|while|whereas|only|so|both|neither|y|pero|mientras|"
          r"solo|sólo|ni|et|mais|seule?|und|aber|nur)\s+)")


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(named after a word, in brackets, before a bracket, opening a sentence with a verdict), and the loose
    opening (any verb) that adds letters to a text already found naming one. Compiled when first needed."""
    run = rf"{_LETTER}(?:{_AND}{_LETTER})*"
    after_word = re.compile(rf"(?:\b(?i:{_WORDS})|\b(?i:la|las))\s+({run})|"
                            rf"\b(?i:answer|respuesta|réponse|resposta)\s+(?i:is|es|est|é)\s+({run})(?=\s*[.,;:!?)]|$)")
    bracket = re.compile(rf"(?:(\w+)\s+)?\(([A-Z])\)|(?:^|(?<=\s))([A-Z])\)")
    verdict = re.compile(rf"{_OPENS}({run})\s+(?i:{_VERB})\s+(?i:{_VERDICT})")
    loose = re.compile(rf"{_OPENS}({run})\s+(?i:{_VERB})\b")
    return after_word, bracket, verdict, loose


def letters_named(text: Optional[str], count: int) -> tuple[str, ...]:
    """The choice letters (of ``count`` choices) that ``text`` names, in order: () when it names none."""
    if not text:
        return ()
    text = " ".join(plain(text).split())
    after_word, bracket, verdict, loose = _patterns()
    found: list[str] = []
    for m in after_word.finditer(text):
        found += re.findall(r"[A-Z]", m.group(1) or m.group(2))
    for m in bracket.finditer(text):
        word, inside, before = m.groups()
        symbol = word and word[0].upper() == inside and not re.fullmatch(_WORDS, word, re.I)
        if inside and not symbol:  # 'carbon (C)', 'ampere (A)': a symbol, but 'answer (A)' a choice
            found.append(inside)
        elif before:
            found.append(before)
    for m in verdict.finditer(text):
        found += re.findall(r"[A-Z]", m.group(1))
    found = [x for x in found if x in LETTERS[:count]]
    if found:
        for m in loose.finditer(text):
            found += [x for x in re.findall(r"[A-Z]", m.group(1)) if x in LETTERS[:count]]
    return tuple(sorted(set(found)))


FIELDS = ("explanation", "prompt", "instructions")  # the question's own texts that may name its choices


def named_in(q) -> tuple[Optional[str], tuple[str, ...]]:
    """(the field, the letters) of the first text of a multiple-choice or select-all question that names its
    choices by letter; (None, ()) when none does."""
    if isinstance(q, (MultipleChoice, SelectAll)):
        for name in FIELDS:
            found = letters_named(getattr(q, name), len(q.choices))
            if found:
                return name, found
    return None, ()


def naming(q) -> tuple[Optional[str], tuple[str, ...]]:
    """:func:`named_in` of a question whose choices versions would shuffle; (None, ()) for any other."""
    if not isinstance(q, (MultipleChoice, SelectAll)) or not q.shuffle or len(q.choices) - len(q.pinned) < 2:
        return None, ()
    return named_in(q)


def keeps_order(q) -> bool:
    """Whether the question's own text names its choices by letter, so that its choices keep their order."""
    return naming(q)[0] is not None


def warnings(guide) -> list:
    """A warning at the text of each question that names its choices by letter: versions keep its choices
    in their written order (the letters it names stay true)."""
    return [said(guide, n, q, naming(q), "versions keep its choices in order; write the choice's words instead "
                 "to let them shuffle") for n, q in enumerate(guide.questions, 1) if naming(q)[0]]


def said(guide, n: int, q, named: tuple, what: str):
    """The warning, at the text ``named`` (:func:`naming`) of question ``n``, that it names choices by letter,
    so ``what``."""
    from .errors import Problem
    from .noticed import after

    name, found = named
    return Problem(after(guide, q.where, getattr(q, name)), f"question {n}'s {name} names choices by letter "
                   f"({', '.join(found)}), so {what}", warning=True)
