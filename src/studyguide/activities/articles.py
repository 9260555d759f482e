"""A term's head word: the term without the article it opens with ("le café" → "café").

A crossword clue is the definition with the term blanked as ___. World-language vocabulary is typed
with its article ("le café", "die Brücke"), and its definition often holds the word itself, a
cognate, without the article ("the coffee; the café"): blanking only "le café" left "café" in the
clue, which gave the answer away (second trial, r7, MEDIUM-2). So the clue blanks the head word too,
where the guide's language puts articles before its nouns.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from .. import inline

# the articles a term may open with, by the guide's language; an elided one ends in an apostrophe
ARTICLES = {
    "en": ("the", "a", "an"),
    "fr": ("le", "la", "les", "l'", "un", "une", "des", "du", "de la", "de l'"),
    "es": ("el", "la", "los", "las", "un", "una", "unos", "unas", "lo"),
    "pt": ("o", "a", "os", "as", "um", "uma", "uns", "umas"),
    "it": ("il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "un'"),
    "de": ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"),
}
APOSTROPHES = "'’ʼ"
# the languages whose terms are typed with an article their sentences decline ('die Erdbeere': 'eine Erdbeere'),
# found in a sentence by their noun (cloze.finder)
NOUN_LANGUAGES = ("de", "fr", "es", "it", "pt")
ATTACHED = ("ar", "he")  # the languages that write the article onto its noun (البنت, הבית): found after it (cloze.finder)


def head_word(term: str, language: str) -> str:
    """The term without its leading article in the guide's language ("" when it opens with none, or is
    nothing else): "l'école" → "école", "die Brücke" → "Brücke", "the Senate" → "Senate"."""
    text = " ".join(term.split())
    low = re.sub(f"[{APOSTROPHES}]", "'", text).lower()
    for article in sorted(ARTICLES.get((language or "en").split("-")[0].lower(), ()), key=len, reverse=True):
        if article.endswith("'") and low.startswith(article):
            rest = text[len(article):].strip()
        elif low.startswith(article + " "):
            rest = text[len(article) + 1:].strip()
        else:
            continue
        return rest if rest and any(ch.isalnum() for ch in rest) else ""
    return ""


# the articles a vocabulary list writes its nouns with, by language: the definite ones, which a puzzle leaves out
# of its answers (puzzle_word); not Spanish 'lo' ('lo siento', 'lo que'), nor 'un', 'du', 'des': they open phrases
DEFINITE = {"es": ("el", "la", "los", "las"), "fr": ("le", "la", "les", "l'"), "pt": ("o", "a", "os", "as"),
            "it": ("il", "lo", "la", "i", "gli", "le", "l'"), "de": ("der", "die", "das")}
# the words an article makes a phrase with, not a noun: 'la plupart' (most), 'lo mismo', 'le plus', 'i più'
PHRASES = {"es": ("que", "cual", "cuales", "demás", "mismo", "misma", "mismos", "mismas", "más", "menos",
                  "mejor", "mejores", "peor", "peores"),
           "fr": ("plupart", "plus", "moins", "mieux", "même", "mêmes", "leur", "leurs", "autre", "autres"),
           "pt": ("que", "qual", "quais", "mais", "menos", "mesmo", "mesma", "mesmos", "mesmas", "melhor", "pior"),
           "it": ("più", "meno", "quale", "quali", "stesso", "stessa", "stessi", "stesse", "altro", "altri")}
HABIT = 0.5  # the share of a list's one-noun terms typed with an article that makes it the list's habit


def noun_after_article(term: str, language: Optional[str]) -> str:
    """The noun a term is typed with its definite article before ('la funda' → 'funda', "l'été" → 'été'), or ""
    when it opens with none, or the article belongs to the term: a capitalised word after it is a name ('La Paz',
    'Le Havre'; in German, where every noun has a capital, a name is one whose article has it: 'Die Zeit' —
    and a lowercase word after it is no noun: 'die meisten'), and a word of :data:`PHRASES` makes a phrase."""
    code = (language or "").split("-")[0].lower()
    text = " ".join(re.sub(f"[{APOSTROPHES}]", "'", term).split())
    for article in DEFINITE.get(code, ()):
        said = text[:len(article)]
        if said.lower() != article or (not article.endswith("'") and text[len(article):len(article) + 1] != " "):
            continue
        rest = text[len(article):].strip()
        first = rest[:1]
        if not first.isalpha() or rest.split()[0].lower() in PHRASES.get(code, ()):
            return ""
        if code == "de":
            return rest if said.islower() and first.isupper() else ""
        return rest if first.islower() else ""
    return ""


@lru_cache(maxsize=64)
def _habit(terms: tuple[str, ...], code: str) -> bool:
    nouns = [t for t in terms if len((noun_after_article(t, code) or t).split()) == 1]
    typed = sum(1 for t in nouns if noun_after_article(t, code))
    return typed > 0 and typed >= HABIT * len(nouns)


def writes_articles(terms: Sequence[str], language: Optional[str]) -> bool:
    """Whether a list types its nouns with their articles as a habit: at least :data:`HABIT` of its one-noun terms
    (one word, alone or after an article: 'la funda', "l'eau", 'cocinar') carry one. A list that types 'la Paz'
    or 'la plupart' among bare nouns ('funda', 'ave') means the article as part of that term."""
    code = (language or "").split("-")[0].lower()
    return code in DEFINITE and _habit(tuple(inline.plain(t) for t in terms), code)


def puzzle_word(term: str, language: Optional[str], among: Sequence[str] = ()) -> str:
    """The word a crossword or word search hides for ``term``: its noun, without the definite article it is typed
    with (:func:`noun_after_article`: 'el ave' → 'ave', "l'école" → 'école'), so a grid is not full of EL and LA and a
    clue's (2,3) does not give the noun's gender away (trial r16 #6: ELAVE, LAFUNDA), in a list of terms (``among``,
    the guide's; the term alone when empty) that writes its nouns with articles (:func:`writes_articles`); else the
    term as typed: 'lo siento', 'un poco', 'du coup', 'Los Ángeles' (hostile r16 #1: SIENTO in 6 cells for a student
    who writes LOSIENTO). The clue, the definition and the matching keep the term as typed."""
    noun = noun_after_article(term, language)
    return noun if noun and writes_articles(list(among) or [term], language) else term


# the endings a noun typed with its article takes in a sentence (a plural, a German case): 'la casa' is used in
# 'casas', not in 'casado' (hostile r14 finding 8: any three letters more counted, and 'el mar' was used by 'marzo')
NOUN_ENDINGS = {"es": ("s", "es"), "pt": ("s", "es"), "fr": ("s", "x"),
                "de": ("e", "n", "en", "er", "s", "es", "nen", "ern", "ns")}


def noun_forms(words: list[str], language: str) -> list[str]:
    """Patterns (to be matched as whole words) of a noun, its ``words`` as the text to search writes them (folded
    alike): alone or with an ending of :data:`NOUN_ENDINGS`; in Italian its last vowel any other ('libro', 'libri')."""
    if not words:
        return []
    head, last = "".join(re.escape(w) + r"\s+" for w in words[:-1]), words[-1]
    code = (language or "").split("-")[0].lower()
    if code == "it" and len(last) > 2 and last[-1] in "aeio":
        return [head + re.escape(last[:-1]) + "[aeio]"]
    return [head + re.escape(last) + "(?:" + "|".join(re.escape(e) for e in NOUN_ENDINGS.get(code, ())) + ")?"]
