"""A term's head word: the term without the article it opens with ("le café" → "café").

A crossword clue is the definition with the term blanked as ___. World-language vocabulary is typed
with its article ("le café", "die Brücke"), and its definition often holds the word itself, a
cognate, without the article ("the coffee; the café"): blanking only "le café" left "café" in the
clue, which gave the answer away (second trial, r7, MEDIUM-2). So the clue blanks the head word too,
where the guide's language puts articles before its nouns.
"""
from __future__ import annotations

import re
from typing import Optional

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


def puzzle_word(term: str, language: Optional[str]) -> str:
    """The word a crossword or word search hides for ``term``: in a language of :data:`NOUN_LANGUAGES`, the term
    without its leading article ('el ave' → 'ave', "l'école" → 'école'), so a grid is not full of EL and LA and
    a clue's (2,3) does not give the noun's gender away (trial r16 #6: ELAVE, LAFUNDA); else the term as typed.
    The clue, the definition and the matching keep the term as typed."""
    code = (language or "").split("-")[0].lower()
    return (head_word(term, code) or term) if code in NOUN_LANGUAGES else term


# the endings a noun typed with its article takes in a sentence (a plural, a German case): 'la casa' is used in
# 'casas', not in 'casado' (hostile r14 finding 8: any three letters more counted, and 'el mar' was used by 'marzo')
NOUN_ENDINGS = {"es": ("s", "es"), "pt": ("s", "es"), "fr": ("s", "x"),
                "de": ("e", "n", "en", "er", "s", "es", "nen", "ern", "ns")}


# a verb's infinitive endings, longest first, by language, and the reflexive pronoun Spanish and Portuguese write
# onto it ('casarse', 'lavar-se'); an infinitive's stem shorter than VERB_STEM is not looked for ('ir', 'ser', 'dar',
# 'leer': their forms are other words' starts), nor are its irregular forms ('tiene' of 'tener')
VERB_ENDINGS = {"es": ("ar", "er", "ir"), "pt": ("ar", "er", "ir"), "fr": ("oir", "er", "ir", "re"),
                "it": ("are", "ere", "ire", "rre")}
REFLEXIVE = {"es": ("se",), "pt": ("-se",)}
VERB_STEM = 4
VERB_MORE = 4  # the letters a form may add to the stem: 'adelgaza', 'hablábamos' (habl + abamos is 6: not found)


def verb_forms(words: list[str], language: str, definition: str = "") -> list[str]:
    """Patterns (to be matched as whole words) of the forms of a one-word infinitive, ``words`` as the text to search
    writes them (folded alike), in Spanish, Portuguese, French and Italian: its stem and up to :data:`VERB_MORE`
    letters more ('adelgaza', 'adelgazó' of 'adelgazar': trial r16 #9 said 'adelgazar' was used nowhere else).
    Only for a verb, as its ``definition`` shows, opening with an infinitive ('Perder peso') or with 'to' ('to lose
    weight'): an adjective that ends as an infinitive does ('celular', 'molecular') would be found in the noun it
    comes from ('célula'), a word that is not it. [] for any other term."""
    code = (language or "").split("-")[0].lower()
    if len(words) != 1 or code not in VERB_ENDINGS:
        return []
    first = (re.findall(r"\w+", definition.lower()) or [""])[0]
    if first != "to" and not _stem(first, code):
        return []
    stem = _stem(words[0], code)
    return [re.escape(stem) + r"\w{0," + str(VERB_MORE) + "}"] if len(stem) >= VERB_STEM else []


def _stem(word: str, code: str) -> str:
    """An infinitive's stem ('adelgaz' of 'adelgazar', 'pon' of 'ponerse'), or "" when ``word`` is not one."""
    for pronoun in REFLEXIVE.get(code, ()):
        word = word[:-len(pronoun)] if word.endswith(pronoun) and len(word) > len(pronoun) + 2 else word
    ending = next((e for e in VERB_ENDINGS[code] if word.endswith(e)), "")
    stem = word[:-len(ending)] if ending else ""
    return stem if stem.isalpha() else ""


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
