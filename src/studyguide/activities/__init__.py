"""Vocabulary activities as plain data: no reportlab here.

Each generator takes the guide's terms and a seed and returns frozen data
(a grid and where each word sits, numbered entries, shuffled letters), so
tests can check that every key really solves its puzzle before anything is
drawn. The same terms and seed always give the same data, on any machine
(:func:`studyguide.shuffle.rng` hashes the seed; nothing uses an unseeded
``random``).

:func:`plan` makes every activity a guide asks for, once (it is cached), and
:func:`warnings` turns what could not be done (terms that do not fit a
crossword or a word search, an activity with no vocabulary) into located
warnings for the build.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .. import inline, scripts
from ..errors import Location
from ..labels import EN as EN_LABELS
from ..model import Guide
from .articles import ATTACHED, NOUN_LANGUAGES
from .mentioned import mentions

# the names a guide's `activities:` may list (schema.ACTIVITIES), in the order they are documented
NAMES = ("matching", "cloze", "flashcards", "flashcards_duplex", "word_search", "crossword")
# the section mark on a page left blank so that double-sided flashcards start on a sheet's front: the
# page budget ends the section before on the page before it (it is no section's page)
BLANK_PAGE = "blank page"
# the English headings; a handout prints its language's (labels.py, "<name>_title")
TITLES = {name: EN_LABELS[name + "_title"] for name in NAMES}
LABELS = {"matching": "matching", "cloze": "word-bank sentences", "flashcards": "flashcards",
          "flashcards_duplex": "double-sided flashcards", "word_search": "word search", "crossword": "crossword"}


SHARP_S = ("\u00df", "\u1e9e")  # ß, ẞ: SS in the crossword and the word search
_EMOJI_STYLE = "\ufe0f"  # a letter or digit followed by it is drawn as an emoji
# ʼ: Unicode files it as a letter (Lm), but it is the apostrophe of Afrikaans ʼn (and of NFKC's ŉ, ʼ + n) and of
# Ukrainian; puzzles leave it out as they do ' and ’
_LETTER_APOSTROPHE = "\u02bc"


def cells(text: str, language: Optional[str] = None) -> tuple[str, ...]:
    """A term as puzzle letters: one string per grid cell, upper-cased.

    Spaces, hyphens, apostrophes (``ʼ`` too), other punctuation and symbols (an emoji, a
    keycap ``5️⃣`` with its digit) are left out; letters
    and digits of any script are kept (:func:`compat`: ``ﬁ`` is two cells, ``²`` a 2), accents too (NFC, so an ``e`` with a
    combining accent is one cell, ``É``), except on Greek capitals, which
    drop them (:func:`studyguide.scripts.caps`). German ``ß`` and ``ẞ`` are
    ``SS``, two cells, in both puzzles: the capitals German schools teach and
    the word search's list of words to find prints (STRASSE, 7 squares). A
    letter whose capital is the capital letter and a mark Unicode has no one
    character for (``ǰ`` → ``J̌``, ``ẗ`` → ``T̈``) is that, in one cell; any other
    letter whose capital is longer than itself keeps its own form, one cell.
    In Turkish and Azerbaijani (``language``) an i is İ, as ``scripts.caps``
    writes it. A cell typed as more than one character (a mark NFC cannot
    join to its letter: a vowel sign, a virama) is not a letter a grid can
    hold: see :func:`splits`.
    """
    return tuple(c for _, up in _squares(text, language) for c in up)


def _squares(text: str, language: Optional[str] = None) -> list[tuple[str, tuple[str, ...]]]:
    """Each letter of ``text`` as typed (NFC, with its marks) and the cells :func:`cells` makes of it."""
    text = compat(inline.plain(text))
    out: list[str] = []
    kept = False
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Me" or ch == _EMOJI_STYLE:  # a keycap (5️⃣), a circle: an emoji or symbol, left out like ♥
            if kept and out:
                out.pop()
            kept = False
            continue
        if cat[0] == "M":  # a combining mark stays with the letter it sits on
            if kept and out:
                out[-1] += ch
            continue
        kept = cat[0] in "LN" and ch != _LETTER_APOSTROPHE
        if kept:
            out.append(ch)
    return [(own, ("S", "S") if own in SHARP_S else (up,) if len(up) <= len(own) or _one_letter(up) else (own,))
            for own, up in zip(out, scripts.caps_cells(out, language))]


def _one_letter(text: str) -> bool:
    """Whether ``text`` is one letter and the marks on it (J and a combining caron)."""
    return text[:1].isalpha() and all(unicodedata.combining(c) for c in text[1:])


def compat(text: str) -> str:
    """``text`` (NFC) with each letter and digit in its everyday form (NFKC): a ligature copied from a
    PDF (``ﬁ``) is the two letters it stands for, a superscript or subscript digit (``²``, ``₂``) the
    digit, a full-width letter (``Ａ``) the letter. Symbols keep their form (``™`` does not become
    letters; a puzzle leaves it out). A student writes what a puzzle's cells and word list show."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", "".join(
        unicodedata.normalize("NFKC", ch) if unicodedata.category(ch)[0] in "LN" else ch for ch in text))


def splits(text: str) -> bool:
    """Whether a term's letters cannot each stand alone in a grid cell: a letter with a mark that is
    not part of it (Devanagari's vowel signs and virama, Thai's vowels above and below, a Hebrew
    point), or a letter of a script whose letters join (:mod:`studyguide.scripts`)."""
    return any(len(c) > 1 and len(own) > 1 or scripts.needs_shaping(c[0]) for own, up in _squares(text) for c in up)


_SPLIT_NUMBER = re.compile(r"\d\s*([^\w\s'\u2019\u2010\u2011-]+)\s*\d")
_SIGN_NAMES = {".": "point", ",": "comma", "/": "slash", ":": "colon", "\u2013": "dash", "\u2014": "dash",
               "\u00d7": "times sign", "+": "plus sign", "^": "caret", "=": "equals sign", "\u00f7": "division sign"}


def split_number(term: str) -> bool:
    """Whether the puzzle letters of ``term`` would join a number's parts: the sign between its digits
    (``3.14``, ``1/2``, ``9 : 30``, ``1939–1945``) is not a space, hyphen or apostrophe, the only things the
    instructions say are left out, and ``314`` is another number. A word search and a crossword leave such a
    term out."""
    return number_sign(term) is not None


def number_sign(term: str) -> Optional[str]:
    """The sign that :func:`split_number` found between a number's digits (``/`` in ``1 / 2``), or None."""
    found = _SPLIT_NUMBER.search(unicodedata.normalize("NFC", inline.plain(term)))
    return found.group(1) if found else None


def sign_name(sign: str) -> str:
    """A sign as a warning names it: ``slash (/)``; a sign without a common name: ``sign (§)``."""
    return f"{_SIGN_NAMES.get(sign, 'sign')} ({sign})"


def word(cells_: Sequence[str]) -> str:
    return "".join(cells_)


_UNSEEN = "[" + "".join(sorted(scripts.UNSEEN)) + "]*"


# languages whose particles and endings are written onto the word (Korean 자음+입니다, Japanese 漢字+を), or whose
# words are not spaced (Chinese 中国很大): there a term is a word's start with only a particle after it (Korean: its
# words are spaced; 물 is not in 물리학), a run's part with only kana endings after it and no kanji or katakana before
# (Japanese: 水 is in 水を, not in 水曜日 or 香水), or any part of a run of text (Chinese: nothing in the text marks
# where a word ends, so 中 is also found in 中国)
GLUED = {"ko": "start", "ja": "kana", "zh": "within"}

_KO_AFTER = scripts.KO_AFTER  # only particles, then the word's end (물을, not 물리학)
# a Korean 하다 verb or adjective (증발하다, 중요하다) as a sentence writes it: its stem and then 하다 inflected
# (증발+한다, 증발+했습니다, 중요+한), the whole word blanked: a word bank's 증발하다 fills that blank in the form the
# sentence needs (the key shows it), where a blank for the stem alone (___했다) is one 증발하다 cannot fill
_HADA = sorted(("하다 한다 했다 하였다 합니다 했습니다 하였습니다 합니까 했습니까 해요 했어요 하였어요 해 했어 하여 해서 "
                "하여서 하는 한 할 했던 하던 하고 했고 하였고 하며 했으며 하였으며 하면 하면서 하지 하지만 했지만 했지 "
                "하게 함 하니 하니까 하므로 했으므로 하려고 하러 하도록 하자 하세요 하십시오 하셨다 하셨습니다 하십니다 "
                "하신다 해야 하여야 해도 하여도 하더라도 했을 하였을 한다면 했다면 하다가 했다가 하듯이 했기 했으나 하나 "
                "합시다 한다고 했다고 하다고 한다는 했다는 하다는 하네요 했네요 하군요 한데 하는데 했는데 할수록 하기 "
                "하기에 하기는 하기를 하기가 하기도 함을 함이 함은 함에").split(), key=len, reverse=True)
_HADA_WORD = f"(?:{'|'.join(_HADA)})(?!\\w)"
_JA_AFTER, _JA_BEFORE = scripts.JA_AFTER, scripts.JA_BEFORE  # only kana endings (を, です) after it


_OTHER_WORD = f"[^\\W{scripts.GLUED_LETTERS}]"  # a letter or digit of another script (DNA in DNAは: a whole word before は)


def term_pattern(term: str, language: Optional[str] = None) -> Optional[re.Pattern]:
    """A case-insensitive, whole-word pattern for a term (its words may be split by any whitespace); a pasted
    zero-width space or soft hyphen in the term or the text is passed over, as the reader passes over it.
    In Korean, Japanese and Chinese (:data:`GLUED`) a term written in Hangul, kana or Han may have its particle
    after it (Korean: 한자로, only a particle; Japanese: 漢字を, only kana), and in Japanese (kana only) and Chinese
    a word before it too; a term in Latin letters is still a whole word. A Korean 하다 verb or adjective is its
    stem and then an inflection of 하다 (증발했다, 중요한), the whole word."""
    parts = ["".join(c for c in p if c not in scripts.UNSEEN) for p in inline.plain(term).split()]
    parts = [p for p in parts if p]
    if not parts:
        return None
    glued = GLUED.get(language or "")
    hada = glued == "start" and len(parts[-1]) > 2 and parts[-1].endswith("하다") and \
        scripts.glued_letter().match(parts[-1][-3]) is not None  # (a 하다 verb's stem, then :data:`_HADA_WORD`)
    parts = parts[:-1] + [parts[-1][:-2]] if hada else parts
    if any(c in scripts.UNSEEN for c in term):  # (only then letter by letter: the same pattern for every other term)
        body = r"\s+".join(_UNSEEN.join(map(re.escape, p)) for p in parts)
    else:
        body = r"\s+".join(re.escape(p) for p in parts)
    before, after = r"(?<!\w)", scripts.MARKED_END + r"(?!\w)"  # (أخ in أخًا: the whole word, its marks kept off the page)
    if hada:
        after = _HADA_WORD  # 증발하다: 증발한다, 증발했다 (the word whole)
    elif glued:
        first, last = parts[0][0], parts[-1][-1]
        after = {"start": _KO_AFTER, "kana": _JA_AFTER}.get(glued, "") if scripts.glued_letter().match(last) \
            else f"(?!{_OTHER_WORD})"
        if glued != "start":
            before = ("" if glued == "within" or "\u3040" <= first <= "\u309f" else _JA_BEFORE) \
                if scripts.glued_letter().match(first) else f"(?<!{_OTHER_WORD})"
    return re.compile(rf"{before}{body}{after}", re.IGNORECASE)


def blank_out(text: str, term: str, blank: str = "___", language: Optional[str] = None) -> str:
    """``text`` with every whole-word, case-insensitive occurrence of ``term`` replaced by ``blank``."""
    pattern = term_pattern(term, language)
    return pattern.sub(blank, text) if pattern else text


def terms_of(guide: Guide) -> tuple[str, ...]:
    """The guide's terms, as typed: the list whose habit tells whether a puzzle's answers leave out their articles."""
    return tuple(t.term for t in guide.vocabulary)


def version_of(guide: Guide, name: str) -> str:
    """Version B's (C's ...) letter for the activities each version prints its own way; "" for version A,
    a guide without versions, and the crossword (its grid is fitted to the page: see README, Versions)."""
    return guide.version if guide.version not in (None, "A") and name in ("matching", "word_search") else ""


def seed_of(guide: Guide, name: str) -> str:
    """What an activity's randomness starts from: the guide's `seed:` if it has one, else its terms."""
    if guide.seed:
        return f"{name}\x1e{guide.seed}"
    return "\x1e".join([name, guide.title] + [t.term for t in guide.vocabulary])


# -- every activity of a guide, once ---------------------------------------------------------------

PLANS_KEPT = 1024  # plans cached: a large-print matching tries some 230 set sizes in each layout, and with 64
# kept the crossword's (a second of CPU for some guides) was made again for every layout a build tries


@dataclass(frozen=True)
class Plan:
    name: str
    data: object            # the generator's result (None when the guide has no terms for it)
    left_out: tuple[str, ...] = ()
    unsplit: tuple[str, ...] = ()  # terms whose letters cannot be cut into grid cells (:func:`splits`)
    why: tuple[str, ...] = ()      # each left-out term's reason (crossword._why, wordsearch.make)


def plan(guide: Guide, name: str, limits: Optional[dict] = None) -> Plan:
    """The activity's data for the guide (cached). ``limits`` are keyword arguments for the
    generator that depend on the page: ``max_size`` (word search), ``max_rows``/``max_cols`` (crossword),
    ``set_size`` (matching: the most terms a set may have)."""
    terms = tuple((t.term, t.definition, t.example) for t in guide.vocabulary)
    kw = tuple(sorted((limits or {}).items()))
    if name == "crossword":  # the terms it keeps when not all fit: those the guide uses most
        kw += (("mentions", mentions(guide)), ("language", guide.language))
    if name == "cloze" and (guide.language in GLUED or (guide.language or "").split("-")[0].lower() in
                            NOUN_LANGUAGES + ATTACHED or scripts.dotted_i(guide.language)):  # (tr, az: the bank's order)
        # (other languages: the key each had before; German and others: a term found by its noun, cloze.finder)
        kw += (("language", guide.language),)
    if name == "word_search" and (scripts.dotted_i(guide.language)  # (its capital of i: İ; a term's article: left out)
                                  or (guide.language or "").split("-")[0].lower() in NOUN_LANGUAGES):
        kw += (("language", guide.language),)
    if name in ("crossword", "word_search") and (guide.language or "").split("-")[0].lower() in NOUN_LANGUAGES:
        # (whether the list types its nouns with articles, which the answers then leave out: articles.puzzle_word)
        kw += (("among", terms_of(guide)),)
    if version_of(guide, name):
        kw += (("version", version_of(guide, name)),)
    return _plan(name, terms, seed_of(guide, name), kw)


@lru_cache(maxsize=PLANS_KEPT)
def _plan(name: str, terms: tuple, seed: str, limits: tuple) -> Plan:
    from . import cloze, crossword, flashcards, matching, wordsearch  # they import this package's helpers

    kw = dict(limits)
    if not terms:
        return Plan(name, None)
    if name in ("word_search", "crossword"):
        unsplit = tuple(t for t, _, _ in terms if splits(t))
        terms = tuple(t for t in terms if t[0] not in unsplit)
        if not terms:
            return Plan(name, None, unsplit=unsplit)
    if name == "word_search":
        version = kw.pop("version", "")
        data = wordsearch.make([t for t, _, _ in terms], seed, **kw)
        data = wordsearch.versioned(data, [t for t, _, _ in terms], seed, version, **kw) if version else data
        return Plan(name, data if data.placements else None, data.left_out, unsplit, data.why)
    if name == "crossword":
        data = crossword.make([(t, d) for t, d, _ in terms], seed, **kw)
        return Plan(name, data if len(data.entries) >= 2 else None, data.left_out, unsplit, data.why)
    if name == "matching":
        return Plan(name, matching.make([(t, d) for t, d, _ in terms], seed, **kw))
    if name == "cloze":
        return Plan(name, cloze.make(terms, seed, **kw))
    if name in ("flashcards", "flashcards_duplex"):
        return Plan(name, flashcards.make(terms))
    raise ValueError(f"unknown activity {name!r}")


def term_locations(guide: Guide) -> list[Location]:
    """Where each vocabulary term was typed (the guide's file when it cannot be told)."""
    flat: list[tuple[int, str]] = []
    for i, t in enumerate(guide.vocabulary):
        flat += [(i, t.term), (i, t.definition)] + ([(i, t.example)] if t.example else [])
    texts = guide.texts
    fallback = Location(str(guide.path))
    out = [fallback] * len(guide.vocabulary)
    if not flat:
        return out
    for j in range(len(texts) - len(flat) + 1):
        if all(texts[j + k][1] == flat[k][1] for k in range(len(flat))):
            for k, (i, _) in enumerate(flat):
                if out[i] is fallback:
                    out[i] = texts[j + k][0]
            break
    return out


def activity_location(guide: Guide, name: str) -> Location:
    """Where the activity was named under `activities:` (the guide's file when it cannot be told)."""
    for where, text in reversed(guide.texts):
        if text.strip().lower().replace(" ", "_").replace("-", "_") == name:
            return where
    return Location(str(guide.path))


from .leftout import MAX_LISTED, warnings  # noqa: E402  (the warnings read this module's helpers)
