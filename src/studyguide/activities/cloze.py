"""Word-bank sentences: each term's example sentence with the term blanked.

The term is found as whole words, in any case ("Geopolitics explains ..."
for *geopolitics*), in Korean also with its particle written on (한자로 for *한자*), a 하다 verb inflected (증발했다 for
*증발하다*, the whole word the blank), in German, French, Spanish, Italian and Portuguese by its noun when the
sentence gives it another article (eine Erdbeere for *die Erdbeere*: the noun the blank), in Arabic and Hebrew
after the article (and prefixes) written onto it (البنت for *بنت*, בבית for *בית*: those letters stay printed) and
in Japanese and Chinese anywhere in a run of text, and becomes a blank, which the key fills with the words as
the sentence has them. An example that holds the term twice gives its first
sentence that holds it once (each word is used once). A term with no example,
whose example does not contain it, or holds it twice in every sentence, gets
its definition instead, led by the
blank: "___ means: a country's ability to ..." (the term blanked out of the
definition too, should it appear there). The sentences are printed in a
seeded order; the word bank lists the terms alphabetically, each as its sentence blanks it (a term
found by its noun: the noun).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence, Union

from .. import inline, scripts
from ..model import Blank
from ..shuffle import order as shuffled
from . import blank_out, term_pattern
from .articles import ATTACHED, NOUN_LANGUAGES, head_word


@dataclass(frozen=True)
class Sentence:
    term: str
    parts: tuple[Union[str, Blank], ...]   # plain text and blanks, in reading order
    source: str                            # "example" or "definition"
    word: str = ""                         # what the bank lists for it: the term as typed, or its noun (:func:`sentence`)

    @property
    def banked(self) -> str:
        return self.word or self.term

    @property
    def answers(self) -> list[str]:
        return [p.answer for p in self.parts if isinstance(p, Blank)]

    def text(self, fill: Optional[str] = "___") -> str:
        """The sentence with each blank as ``fill`` (None: filled with its answer); in English, for a
        definition (the printed page says it in the guide's language, label ``cloze_definition``)."""
        parts = self.parts if self.source == "example" else (self.parts[0], " means: ", *self.parts[1:])
        return "".join(p if isinstance(p, str) else (p.answer if fill is None else fill) for p in parts)


@dataclass(frozen=True)
class Cloze:
    sentences: tuple[Sentence, ...]
    bank: tuple[str, ...]


_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+")


def _once(text: str, pattern: re.Pattern) -> str:
    """The example, or when it holds the term more than once, its first sentence that holds it once: the
    instructions say each word is used once, and a second blank is a second word to find."""
    if len(pattern.findall(text)) < 2:
        return text
    return next((s for s in _SENTENCE_END.split(text) if len(pattern.findall(s)) == 1), "")


def noun_of(term: str, language: Optional[str]) -> str:
    """The noun of a term typed with its article in a language of :data:`NOUN_LANGUAGES` ('Erdbeere' of
    'die Erdbeere', 'école' of "l'école"); "" for any other term."""
    code = (language or "").split("-")[0].lower()
    return head_word(inline.plain(term), code) if code in NOUN_LANGUAGES else ""


def finder(term: str, example: Optional[str], language: Optional[str] = None) -> Optional[re.Pattern]:
    """The pattern that finds ``term`` in its ``example``: the term's own, or, when the example has not the
    term as typed and the term opens with an article, its noun's (trial r11: 'Oma backt einen Kuchen.' for
    'der Kuchen', 'Ich esse ein Ei zum Frühstück.' for 'das Ei'). The noun is then the blank, and the
    sentence's own article stays printed before it, as the sentence declines it."""
    pattern = term_pattern(term, language)
    text = inline.plain(example or "")
    if pattern is not None and not pattern.search(text) and (language or "").split("-")[0].lower() in ATTACHED:
        joined = _after_article(pattern, (language or "").split("-")[0].lower(), term)
        return joined if joined.search(text) else pattern
    noun = noun_of(term, language) if pattern is not None and not pattern.search(text) else ""
    own = term_pattern(noun, language) if noun else None
    return own if own is not None and own.search(text) else pattern


_WHOLE = r"(?<!\w)"


def _after_article(pattern: re.Pattern, language: str, term: str) -> re.Pattern:
    """An Arabic or Hebrew term's pattern that finds it after the article (and the little words) written onto it
    (بنت in البنت, בית in בבית): the term is the blank, and the sentence's letters before it stay printed, as a
    German sentence's own article does."""
    body = pattern.pattern[len(_WHOLE):] if pattern.pattern.startswith(_WHOLE) else pattern.pattern
    before = scripts.ARABIC_ARTICLE if language == "ar" else scripts.hebrew_prefixes(sum(c.isalpha() for c in term))
    return re.compile(before + body, pattern.flags)


def sentence(term: str, definition: str, example: Optional[str], language: Optional[str] = None) -> Sentence:
    """The term's sentence. Where the example has the term's noun with another article ('de una anemia' for 'la
    anemia'), the noun is the blank and the bank's word both (trial r16 #1: a bank of 'la anemia' told a student
    to write 'una la anemia', and the key said 'anemia')."""
    pattern = finder(term, example, language)
    if example and pattern:
        text = _once(inline.plain(example), pattern)
        parts: list[Union[str, Blank]] = []
        pos = 0
        for m in pattern.finditer(text):
            parts.append(text[pos:m.start()])
            parts.append(Blank((m.group(),)))
            pos = m.end()
        if pos:
            parts.append(text[pos:])
            own = term_pattern(term, language)
            word = "" if own is None or own.search(text) else noun_of(term, language)
            return Sentence(term, tuple(p for p in parts if p != ""), "example", word)
    rest = blank_out(inline.plain(definition), term, language=language)
    return Sentence(term, (Blank((inline.plain(term),)), rest), "definition")  # (the layout words it: cloze_definition)


def make(terms: Sequence[tuple[str, str, Optional[str]]], seed: str = "", language: Optional[str] = None) -> Cloze:
    """``terms`` are (term, definition, example) triples in the guide's order; ``language`` is the guide's
    when it writes particles onto words (:data:`studyguide.activities.GLUED`), or files its bank in an alphabet
    of its own (Turkish, Azerbaijani: :func:`studyguide.scripts.alphabetical`)."""
    items = [sentence(t, d, e, language) for t, d, e in terms]
    order = shuffled(len(items), "cloze", seed)
    # each term once (a term typed twice is one word), and two terms of one noun two words: a blank each
    words = {inline.plain(s.term): inline.plain(s.banked) for s in items}
    bank = sorted(words.values(), key=lambda t: scripts.alphabetical(t, language))
    return Cloze(tuple(items[i] for i in order), tuple(bank))
