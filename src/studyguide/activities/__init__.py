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

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .. import inline, scripts
from ..errors import Location, Problem
from ..labels import EN as EN_LABELS
from ..model import Guide
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


SHARP_S = ("\u00df", "\u1e9e")  # ß, ẞ: SS in the word search
_EMOJI_STYLE = "\ufe0f"  # a letter or digit followed by it is drawn as an emoji


def cells(text: str, sharp_s: bool = False) -> tuple[str, ...]:
    """A term as puzzle letters: one string per grid cell, upper-cased.

    Spaces, hyphens, apostrophes, other punctuation and symbols (an emoji, a
    keycap ``5️⃣`` with its digit) are left out; letters
    and digits of any script are kept (:func:`compat`: ``ﬁ`` is two cells, ``²`` a 2), accents too (NFC, so an ``e`` with a
    combining accent is one cell, ``É``), except on Greek capitals, which
    drop them (:func:`studyguide.scripts.caps`). A letter whose capital is
    longer than itself (``ß`` → ``SS``) keeps its own form, so a word never
    changes length on the way into the grid; but with ``sharp_s`` (the word
    search) German ``ß`` and ``ẞ`` are written ``SS``, two cells, as its list
    of words to find writes them in capitals. A cell of more than one
    character (a mark NFC cannot join to its letter: a vowel sign, a virama)
    is not a letter a grid can hold: see :func:`splits`.
    """
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
        kept = cat[0] in "LN"
        if kept:
            out.append(ch)
    capitals = []
    for own, up in zip(out, scripts.caps_cells(out)):
        if sharp_s and own in SHARP_S:
            capitals += ["S", "S"]
        else:
            capitals.append(up if len(up) <= len(own) else own)
    return tuple(capitals)


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
    return any(len(c) > 1 or scripts.needs_shaping(c) for c in cells(text))


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


def term_pattern(term: str) -> Optional[re.Pattern]:
    """A case-insensitive, whole-word pattern for a term (its words may be split by any whitespace); a pasted
    zero-width space or soft hyphen in the term or the text is passed over, as the reader passes over it."""
    parts = ["".join(c for c in p if c not in scripts.UNSEEN) for p in inline.plain(term).split()]
    parts = [p for p in parts if p]
    if not parts:
        return None
    if any(c in scripts.UNSEEN for c in term):  # (only then letter by letter: the same pattern for every other term)
        body = r"\s+".join(_UNSEEN.join(map(re.escape, p)) for p in parts)
    else:
        body = r"\s+".join(re.escape(p) for p in parts)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def blank_out(text: str, term: str, blank: str = "___") -> str:
    """``text`` with every whole-word, case-insensitive occurrence of ``term`` replaced by ``blank``."""
    pattern = term_pattern(term)
    return pattern.sub(blank, text) if pattern else text


def seed_of(guide: Guide, name: str) -> str:
    """What an activity's randomness starts from: the guide's `seed:` if it has one, else its terms."""
    if guide.seed:
        return f"{name}\x1e{guide.seed}"
    return "\x1e".join([name, guide.title] + [t.term for t in guide.vocabulary])


# -- every activity of a guide, once ---------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    name: str
    data: object            # the generator's result (None when the guide has no terms for it)
    left_out: tuple[str, ...] = ()
    unsplit: tuple[str, ...] = ()  # terms whose letters cannot be cut into grid cells (:func:`splits`)
    why: tuple[str, ...] = ()      # a crossword's reason for each term left out (crossword._why)


def plan(guide: Guide, name: str, limits: Optional[dict] = None) -> Plan:
    """The activity's data for the guide (cached). ``limits`` are keyword arguments for the
    generator that depend on the page: ``max_size`` (word search), ``max_rows``/``max_cols`` (crossword),
    ``set_size`` (matching: the most terms a set may have)."""
    terms = tuple((t.term, t.definition, t.example) for t in guide.vocabulary)
    kw = tuple(sorted((limits or {}).items()))
    if name == "crossword":  # the terms it keeps when not all fit: those the guide uses most
        kw += (("mentions", mentions(guide)),)
    return _plan(name, terms, seed_of(guide, name), kw)


@lru_cache(maxsize=64)
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
        data = wordsearch.make([t for t, _, _ in terms], seed, **kw)
        return Plan(name, data if data.placements else None, data.left_out, unsplit)
    if name == "crossword":
        data = crossword.make([(t, d) for t, d, _ in terms], seed, **kw)
        return Plan(name, data if len(data.entries) >= 2 else None, data.left_out, unsplit, data.why)
    if name == "matching":
        return Plan(name, matching.make([(t, d) for t, d, _ in terms], seed, **kw))
    if name == "cloze":
        return Plan(name, cloze.make(terms, seed))
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


MAX_LISTED = 10  # terms a warning names; the rest are counted


def warnings(guide: Guide, names: Optional[Sequence[str]] = None, limits: Optional[dict] = None) -> list[Problem]:
    """Located warnings: activities without terms, terms a crossword or word search had to leave out, a
    matching with no definition left over (1 or 2 terms).

    ``limits`` maps an activity's name to its page limits (see :func:`plan`); the layout knows them
    (:func:`studyguide.layout.activities.warnings` passes them for a theme and paper)."""
    out: list[Problem] = []
    names = guide.activities if names is None else names
    if not names:
        return out
    spots = term_locations(guide)
    index = {t.term: i for i, t in reversed(list(enumerate(guide.vocabulary)))}
    for name in names:
        p = plan(guide, name, (limits or {}).get(name))
        label = LABELS[name]
        if p.unsplit:
            out.append(_unsplit(p, label, spots, index, guide))
        if p.data is None:
            why = ("the guide has no vocabulary" if not guide.vocabulary else
                   "none of the terms can be used" if name == "word_search" else
                   "it needs at least two terms that share a letter")
            kept = [(t, w) for t, w in zip(p.left_out, p.why) if w.split(":")[0] not in ("letters", "room")]
            usable = len(guide.vocabulary) - len(p.unsplit) - len(kept)
            if name == "crossword" and kept and usable < 2:  # too long, twins ...: said next
                can = "only one of the terms can" if usable else "none of the terms can"
                why = f"it needs at least two terms that can go in its grid, and {can}"
            out.append(Problem(activity_location(guide, name),
                               f"activities: the {label} is left out: {why}", warning=True))
            if name == "crossword" and kept:  # and the terms that could not be among the two
                out += _crossword_left_out(dataclasses.replace(p, left_out=tuple(t for t, _ in kept),
                                                               why=tuple(w for _, w in kept)),
                                           spots, index, guide, (limits or {}).get(name) or {})
            continue
        if name == "matching" and any(not s.extras for s in p.data):  # 1 or 2 terms: none held back
            n = len(p.data[0].terms)
            out.append(Problem(activity_location(guide, name), f"activities: the matching has {n} term"
                               f"{'s' if n != 1 else ''} and no definition left over, so the last match is free "
                               "(add vocabulary terms: with 3 or more, one is held back and its definition "
                               "stays among the letters)", warning=True))
        if p.left_out and name == "crossword":
            out += _crossword_left_out(p, spots, index, guide, (limits or {}).get(name) or {})
        elif p.left_out:
            twins = _twins(guide, p.left_out)
            if twins:
                out.append(_left_out([t for t, _ in twins], TWIN_WHY, label, _first([twins[0][0]], spots, index,
                                     guide, name), {t: f" (as '{inline.plain(f)}')" for t, f in twins}))
            numbers = [t for t in p.left_out if split_number(t) and t not in dict(twins)]
            rest = [t for t in p.left_out if t not in numbers and t not in dict(twins)]
            for left, why in ((numbers, _number_why(numbers)),
                              *_search_why(rest, (limits or {}).get(name) or {}, guide)):
                if left:
                    out.append(_left_out(left, why, label, _first(left, spots, index, guide, name)))
    return out


def _search_why(left: Sequence[str], limits: dict, guide: Guide) -> list[tuple[list[str], str]]:
    """The word search's terms left out, grouped by the one reason that applies to each: a teacher
    told "too long, no room, or too short" could not tell which to fix."""
    from . import wordsearch as ws  # (it imports this package's helpers)

    side = limits.get("max_size", ws.MAX_SIZE)
    size = {t: len(cells(t, sharp_s=True)) for t in left}
    short = [t for t in left if size[t] < 2]
    long = [t for t in left if size[t] > side]
    fit, seen = [], set()  # the terms the search takes, as wordsearch.make counts them
    for t in guide.vocabulary:
        w = cells(t.term, sharp_s=True)
        if w not in seen and 2 <= len(w) <= side and not split_number(t.term) and not splits(t.term):
            seen.add(w)
            fit.append(t.term)
    many = [t for t in fit[ws.MAX_WORDS:] if t in left]  # (past the most a page's list holds)
    room = [t for t in left if t not in short and t not in long and t not in many]
    return [(short, "fewer than two letters"),
            (long, f"longer than the grid that fits the page: {side} letters at most"),
            (many, f"a word search holds at most {ws.MAX_WORDS} terms"),
            (room, "no room left in the grid: fewer terms, or shorter ones, let them in")]


# why a term such as 'coop' after 'co-op' is left out
TWIN_WHY = "the same letters in the grid as a term before it"

def _number_why(numbers: Sequence[str]) -> str:
    """Why numbers are left out of a grid (3.14 of a crossword or word search): the signs found, and the
    first number as the grid would read it."""
    if not numbers:
        return ""
    signs = list(dict.fromkeys(sign_name(number_sign(t) or "") for t in numbers))
    named = signs[0] if len(signs) == 1 else ", ".join(signs[:-1]) + " or " + signs[-1]
    first = inline.plain(numbers[0])
    return (f"a number's {named} cannot go in the grid, and without it the number reads as another: {first} as "
            f"{word(cells(first))}; write it in words to keep it")


def _first(left: Sequence[str], spots, index: dict, guide: Guide, name: str) -> Location:
    """Where the first of the terms was typed (where the activity is named when that cannot be told)."""
    return spots[index[left[0]]] if left[0] in index else activity_location(guide, name)


def _twins(guide: Guide, left_out: Sequence[str]) -> list[tuple[str, str]]:
    """(term, the earlier term with the same grid letters) for each term left out as a twin: 'co-op' and
    'coop', 'Resume' and 'résumé' never (their accents are cells apart), are one word in a grid."""
    first: dict[tuple, str] = {}
    out = []
    for t in guide.vocabulary:
        w = cells(t.term)
        if w in first and t.term in left_out:
            out.append((t.term, first[w]))
        first.setdefault(w, t.term)
    return out


def _left_out(left: Sequence[str], why: str, label: str, first: Location, after: Optional[dict] = None) -> Problem:
    n = len(left)
    shown = left[:MAX_LISTED]  # a 960-term list on one line reads as nothing
    names_ = ", ".join(f"'{inline.plain(t)}'{(after or {}).get(t, '')}" for t in shown)
    if n > len(shown):
        names_ += f" and {n - len(shown):,} more"
    return Problem(first, f"{label}: {n} term{'s' if n != 1 else ''} left out ({why}): {names_}", warning=True)


def _crossword_left_out(p: Plan, spots, index: dict, guide: Guide, limits: dict) -> list[Problem]:
    """The crossword's warnings for the terms it left out: one for each reason, as the filler found it."""
    from .crossword import MAX_SIDE, MAX_WORDS  # (it imports this package's helpers)

    groups: dict[str, list[str]] = {}
    scripts_, grid_scripts = set(), set()
    for term, why in zip(p.left_out, p.why or ("room",) * len(p.left_out)):
        kind, *rest = why.split(":")
        if kind == "script":
            scripts_.update(rest[0].split(", "))
            grid_scripts.update(rest[1].split(", "))
        groups.setdefault(kind, []).append(term)
    side = max(limits.get("max_rows", MAX_SIDE), limits.get("max_cols", MAX_SIDE))
    after = {t: f" (as '{inline.plain(f)}')" for t, f in _twins(guide, groups.get("twin", []))}
    reasons = {
        "twin": TWIN_WHY,
        "number": _number_why(groups.get("number", [])),
        "long": f"longer than the grid that fits the page: {side} letters at most",
        "many": f"a crossword holds at most {MAX_WORDS} terms",
        "short": "fewer than two letters",
        "script": f"written in {_and(sorted(scripts_))}, they share no letter with the words in the grid, in "
                  f"{_and(sorted(grid_scripts))}, so they cannot cross them: a crossword needs its terms in one script",
        "letters": "no letter in common with the words in the grid, so nowhere to cross them",
        "room": "no room left where they would cross the words in the grid that fits the page; the terms "
                "the guide uses least are the ones left out",
    }
    return [_left_out(groups[k], reasons[k] if len(groups[k]) > 1 else
                      reasons[k].replace("they share", "it shares").replace("they would", "it would")
                      .replace("they cannot", "it cannot"), LABELS["crossword"],
                      _first(groups[k], spots, index, guide, "crossword"), after if k == "twin" else None)
            for k in reasons if k in groups]


def _and(names: list[str]) -> str:
    return ", ".join(names) if len(names) < 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _unsplit(p: Plan, label: str, spots, index: dict, guide: Guide) -> Problem:
    """The warning for the terms a crossword or word search cannot cut into cells, at the first one."""
    first = spots[index[p.unsplit[0]]] if p.unsplit[0] in index else activity_location(guide, p.name)
    return _left_out(p.unsplit, f"a grid holds one letter a cell, and {'its' if len(p.unsplit) == 1 else 'their'} "
                                "letters join or carry signs that cannot stand alone in one", label, first)
