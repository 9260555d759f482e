"""Choices named by their letter in a question's own text: "Choice C is photosynthesis; D is fermentation."

The letters are the ones printed for the guide as written. Shuffled versions (and the reduced-choices copy,
which drops a choice) print other letters, so a note naming "C" would name the wrong choice there: such a
question keeps its choices in their written order in every version (variants.py), and `check` and `build`
say so at the text (:func:`warnings`).

Reading is conservative, since a wrong guess costs a question its shuffle and a missed one costs a wrong
key. A capital counts only when it is one of the question's own choice letters and it is introduced by a
word for a choice ("choice C", "options A and B", "la opción C", "réponse B", "Answer: C", "Correct answer
C", "The answer is B because…"), or it opens a sentence with a verdict on it ("B is wrong", "B) is not
correct", "D es incorrecta", "La C es incorrecta"). Ordinary capitals are not letters of choices: "P(A)",
"structure (B)", "Figure 3(A)", "B is false" (logic), "C is not a metal", "D is not the tonic" (a note).
A run of two or more letters opening a sentence with a verb ("B and D are prime", "A, C and D are
mammals") counts too, unless one of them stands as a word in the question's prompt or choices ("Events A
and B", choice "A positive"): there they are the subject's letters ("A and B are not", of blood types).
Once a text names one letter, a sentence opened by another letter and a verb ("; D is alcoholic
fermentation") names that one too, for the message.
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
_VERB = r"(?:is|are|was|were|would\s+be|es|son|era|fue|está|están|est|sont|ist|sind|é|são)"
# a verdict on a choice, not on a statement: 'B is false' is logic's, 'C is not a metal' chemistry's
_VERDICT = (r"(?:not\s+)?(?:wrong|incorrect|correct|right|the\s+(?:right|correct|best|wrong)\s+(?:answer|choice|option|one)|"
            r"incorrect[ao]s?|correct[ao]s?|errad[ao]s?|cert[ao]s?|justes?|falsch|richtig)\b")
_OPENS = (r"(?:^|(?<=[.;:!?,])\s*|(?:^|(?<=\s))(?i:and|but|while|whereas|only|so|both|neither|y|pero|mientras|"
          r"solo|sólo|ni|et|mais|seule?|und|aber|nur|la|las)\s+)")
# what may follow 'the answer is B': the end of a clause, or a reason ('The answer is A bit tricky' is not A)
_AFTER = r"(?=\s*[.,;:!?)]|$|\s+(?i:because|since|as|for|porque|pues|ya|car|parce|puisque|weil|da|denn|pois)\b)"


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(named after a word, opening a sentence with a verdict, a run of letters opening a sentence with a
    verb), and the loose opening (any verb) that adds letters to a text already found naming one.
    Compiled when first needed."""
    run = rf"{_LETTER}(?:{_AND}{_LETTER})*"
    after_word = re.compile(rf"\b(?i:{_WORDS})(?:\s*[:=]\s*|\s+)\(?({run})\)?|"
                            rf"\b(?i:answer|respuesta|réponse|resposta|antwort)\s+(?i:is|es|est|é|ist)\s+"
                            rf"\(?({run})\)?{_AFTER}")
    verdict = re.compile(rf"{_OPENS}({run})\)?\s+(?i:{_VERB})\s+(?i:{_VERDICT})")
    runs = re.compile(rf"{_OPENS}({_LETTER}(?:{_AND}{_LETTER})+)\s+(?i:{_VERB})\b")
    loose = re.compile(rf"{_OPENS}({run})\s+(?i:{_VERB})\b")
    return after_word, verdict, runs, loose


def letters_named(text: Optional[str], count: int, subject: str = "") -> tuple[str, ...]:
    """The choice letters (of ``count`` choices) that ``text`` names, in order: () when it names none.
    ``subject`` is the question's prompt and choices: a letter standing as a word there is the subject's."""
    if not text:
        return ()
    text = " ".join(plain(text).split())
    after_word, verdict, runs, loose = _patterns()
    found: list[str] = []
    for m in after_word.finditer(text):
        found += re.findall(r"[A-Z]", m.group(1) or m.group(2))
    for m in verdict.finditer(text):
        found += re.findall(r"[A-Z]", m.group(1))
    own = set(re.findall(r"(?<![\w’'-])[A-Z](?![\w’'-])", plain(subject) if subject else ""))
    for m in runs.finditer(text):
        letters = re.findall(r"[A-Z]", m.group(1))
        if not own & set(letters):
            found += letters
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
            subject = " ".join([q.prompt or "", *q.choices]) if name == "explanation" else ""
            found = letters_named(getattr(q, name), len(q.choices), subject)
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
