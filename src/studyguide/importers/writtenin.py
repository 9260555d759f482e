"""The language a bank's cards are written in, where its format records none (Quizlet's text).

A guide's ``language:`` sets the handout's headings. Quizlet's export has no place for it, and a line
above the cards would be a card in Quizlet, so an import reads the definitions, then the terms, and when
either is plainly in another language says so with the line to add (terms in another language beside English
definitions are a lesson's words, Spanish words for an English class: said as such). It sets nothing: a guess wrong would
print every heading in it.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from .. import labels
from ._common import Draft

# the commonest short words of each built-in language (a word two of them share counts for neither)
_WORDS = {
    "en": "the of and a an is are to in for with that which or by from as it its on".split(),
    "es": "el la los las del y un una es son que en por con para se al lo su sus como más muy".split(),
    "fr": "le la les des du et un une est sont qui que en dans pour par sur au aux ne pas se son sa ses".split(),
    "de": "der die das den dem des und ein eine einer eines ist sind mit von zu im auf für nicht sich".split(),
    "pt": "o os as do da dos das e um uma é são que em no na nos nas por com para se ao seu sua".split(),
}
_SHARED = {w for code, words in _WORDS.items() for w in words
           if any(w in other for c, other in _WORDS.items() if c != code)}
_OWN = {code: frozenset(w for w in words if w not in _SHARED) for code, words in _WORDS.items()}
# letters only one of them writes count as one of its words
_OWN_LETTERS = {"es": "ñ¿¡", "fr": "èêëîïœûù", "de": "ßäöü", "pt": "ãõ"}
# the scripts whose language is plain from their letters (Cyrillic: Ukrainian's own letters, else Russian)
_SCRIPTS = (("ja", "[\u3040-\u30ff]"), ("zh", "[\u4e00-\u9fff]"), ("ko", "[\uac00-\ud7af]"),
            ("ar", "[\u0600-\u06ff]"), ("he", "[\u0590-\u05ff]"), ("el", "[\u0370-\u03ff]"),
            ("ru", "[\u0400-\u04ff]"))
_LETTER = re.compile(r"[^\W\d_]")
_KANA, _HAN, _HANGUL = _SCRIPTS[0][1], _SCRIPTS[1][1], _SCRIPTS[2][1]
# letters of the Arabic script that Arabic does not write: Persian's (پ چ ژ گ, and its own ک and ی), Urdu's
# letters only Vietnamese writes: ơ ư đ and the vowels with a dot below or a hook above (ạ ế ộ ủ…), read composed
_VIETNAMESE = re.compile("[\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef1\u1ef4-\u1ef9]")
_PERSIAN = "[\u067e\u0686\u0698\u06af\u06a9\u06cc]"
_URDU = "[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]"


def written_in(texts: list[str]) -> Optional[str]:
    """The language the texts are plainly written in: one whose script most of their letters are in (Japanese
    when most are kana and Han characters, any of them kana; Korean so with Hangul; Han characters alone: 'zh',
    which :func:`say_language` says may be Japanese too); else the built-in language whose own short words and letters are
    at least 3, a tenth of the words, and twice any other's; Vietnamese by its own letters (ơ ư đ ạ ế…, one letter
    in twenty); None when that is not plain."""
    letters = "".join(c for t in texts for c in _LETTER.findall(t))
    kana, han, hangul = (len(re.findall(script, letters)) for script in (_KANA, _HAN, _HANGUL))
    if (kana or hangul) and (kana + han + hangul) * 2 > len(letters):  # kana (or Hangul) among Han characters, a
        return "ja" if kana >= hangul else "ko"  # gloss in English beside them: 'くろふね — 黒い船 (the black ships)'
    for code, script in _SCRIPTS:
        found = len(re.findall(script, letters))
        if code == "zh" and found * 2 > len(letters) and re.search(_SCRIPTS[0][1], letters):
            return "ja"
        if found and found * 2 > len(letters) and code == "ar" and re.search(_URDU, letters):
            return "ur"  # Urdu's own letters: an Urdu class's headings are not Arabic's (review r9 M6)
        if found and found * 2 > len(letters) and code == "ar" and re.search(_PERSIAN, letters):
            return "fa"  # Persian letters: a Persian class's headings are not Arabic's (review r9 M6)
        if found and found * 2 > len(letters):
            return "uk" if code == "ru" and re.search("[іїєґІЇЄҐ]", letters) else code
    own = len(_VIETNAMESE.findall(unicodedata.normalize("NFC", "".join(texts))))
    if own >= 3 and own * 20 >= len(letters):  # as plain as a script: one letter in twenty, three at least (r10 L5)
        return "vi"
    words = [w for t in texts for w in re.findall(r"[^\W\d_]+", t.casefold())]
    counts = sorted(((sum(w in own for w in words) + sum(letters.lower().count(c) for c in _OWN_LETTERS.get(code, "")),
                      code) for code, own in _OWN.items()), reverse=True)
    (best, code), (second, _) = counts[0], counts[1]
    return code if best >= 3 and best * 10 >= len(words) and best >= 2 * second else None


def _latin(vocabulary: list[dict]) -> bool:
    """Whether the definitions are in Latin letters and the terms in another script: the terms are then the
    words a class learns ('γάτα': 'cat'), not the handout's language, even when the definitions are too short
    to tell which language they are in."""
    def share(side: str) -> float:
        letters = "".join(c for entry in vocabulary for c in _LETTER.findall(entry[side]))
        return sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) / max(len(letters), 1)
    return share("definition") > 0.5 and share("term") < 0.5


def say_language(draft: Draft, what: str) -> None:
    """The warning of cards written in a language other than English, which the file cannot record: the guide's
    language is not set, and the warning gives the line to add, and for a language with no built-in labels,
    where its headings go. The definitions' language is the handout's when plain; with English definitions (or
    definitions in Latin letters too short to tell, for terms in another script) the terms' language is said too,
    as a lesson's words: the headings print in English, right for a class taught in English, and the line to add
    is for a class taught in the terms' language (a French teacher's 'language: fr' guide came back from Quizlet
    without it, and without a word)."""
    if draft.language is not None:
        return
    definitions = written_in([entry["definition"] for entry in draft.vocabulary])
    code, side = definitions, "definition"
    if definitions in (None, "en"):
        code, side = written_in([entry["term"] for entry in draft.vocabulary]), "term"
    if code in (None, "en"):
        return
    name = labels.LANGUAGE_NAMES[code].split()[0].capitalize()
    fix = f"add 'language: {code}' under the title"
    if code == "zh" and not _kana_anywhere(draft):  # Han characters alone: Chinese, or Japanese kanji (trial r12)
        draft.warn(f"the {side}s are in Han characters alone, which Chinese and Japanese both write, and {what} "
                   "does not record a guide's language, so the handout's headings would print in English; if the "
                   f"handout is in Chinese, {fix}; if it is in Japanese, add 'language: ja' under the title and "
                   "write its headings under 'labels:' ('studyguide check' names those it prints; "
                   "docs/guide-format.md#labels)")
        return
    if not labels.built_in(code):  # 'language: ko' alone still prints English headings (review r9 M6)
        fix += (" and write its headings under 'labels:' ('studyguide check' names those it prints; "
                "docs/guide-format.md#labels)")
    if side == "term" and (definitions == "en" or _latin(draft.vocabulary)):  # the lesson's words
        other = "in English" if definitions == "en" else "in Latin letters"
        draft.warn(f"the terms are in {name} and the definitions {other}, and {what} does not record a guide's "
                   f"language, so the handout's headings print in English, as for {_a(name)} {name} lesson taught in "
                   f"English; if the class is taught in {name}, {fix}")
        return
    head = (f"the {side}s are in {name}, and {what} does not record a guide's language, so the handout's "
            "headings would print in English; ")
    if labels.built_in(code):
        draft.warn(head + f"if the handout is in {name}, {fix}")
    else:
        draft.warn(head + f"studyguide has no {name} headings built in: if the handout is in {name}, {fix}")


def _kana_anywhere(draft: Draft) -> bool:
    return any(re.search(_KANA, entry[side]) for entry in draft.vocabulary for side in ("term", "definition"))


def _a(word: str) -> str:
    """The article before ``word``: 'an Arabic lesson', 'a Greek lesson'."""
    return "an" if word[:1].lower() in "aeiou" else "a"
