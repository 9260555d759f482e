"""An activity's located warnings: activities without terms, the terms a crossword or word search
leaves out (one warning for each reason, at the first such term's line), a matching with no
definition left over, the examples the word-bank sentences cannot use."""
from __future__ import annotations

import dataclasses
import re
from typing import Optional, Sequence

from .. import inline
from ..errors import Location, Problem
from ..model import Guide
from .articles import puzzle_word
from . import (LABELS, Plan, activity_location, cells, number_sign, plan, sign_name, terms_of,
               term_locations, word)


MAX_LISTED = 10  # terms a warning names; the rest are counted
SHARED_NAMED = 3  # terms with one example a warning names (its sentence quoted too)


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
                   "it needs at least two terms that share a " + _square(guide))
            kept = [(t, w) for t, w in zip(p.left_out, p.why) if w.split(":")[0] not in ("letters", "room")]
            usable = len(guide.vocabulary) - len(p.unsplit) - len(kept)
            if name == "crossword" and kept and usable < 2:  # too long, twins ...: said next
                can = "only one of the terms can" if usable else "none of the terms can"
                why = f"it needs at least two terms that can go in its grid, and {can}"
            if name == "crossword" and kept:  # and the terms that could not be among the two, in the same warning
                # (hostile r14 #9: a second warning, 'crossword: 1 term left out', read as a crossword printed)
                why += "; " + "; ".join(m.message.replace("crossword: ", "", 1).replace(" left out (", " cannot go "
                                                                                          "in it (", 1)
                                        for m in _crossword_left_out(dataclasses.replace(
                                            p, left_out=tuple(t for t, _ in kept), why=tuple(w for _, w in kept)),
                                            spots, index, guide, (limits or {}).get(name) or {}))
            if name == "crossword" and "word_search" in names and why.startswith("it needs") \
                    and plan(guide, "word_search", (limits or {}).get("word_search")).data is not None:
                why += "; the word search still prints"  # (trial r14 #10: the teacher need not look for it)
            out.append(Problem(activity_location(guide, name),
                               f"activities: the {label} is left out: {why}", warning=True))
            continue
        if name == "matching" and any(not s.extras for s in p.data):  # 1 or 2 terms: none held back
            n = len(p.data[0].terms)
            out.append(Problem(activity_location(guide, name), f"activities: the matching has {n} term"
                               f"{'s' if n != 1 else ''} and no definition left over, so the last match is free "
                               "(add vocabulary terms: with 3 or more, one is held back and its definition "
                               "stays among the letters)", warning=True))
        if name == "cloze":
            out += _unused_examples(guide, p.data, spots, index) + _shared_examples(guide, p.data, spots, index)
        if p.left_out and name == "crossword":
            out += _crossword_left_out(p, spots, index, guide, (limits or {}).get(name) or {})
        elif p.left_out:
            out += _search_left_out(p, label, spots, index, guide, (limits or {}).get(name) or {})
    return out


def _square(guide: Guide) -> str:
    """What fills one square of the crossword, named for the guide's terms: in Hangul a syllable block ('한'), in
    Chinese and Japanese a character, else a letter (trial r14 #10: 'share a letter' read wrong in Korean)."""
    return _square_of("".join(inline.plain(t.term) for t in guide.vocabulary))


def _square_of(text: str) -> str:
    if re.search("[\uac00-\ud7a3]", text):
        return "syllable (each Hangul syllable block is one square)"
    return "character" if re.search("[\u3040-\u30ff\u3400-\u9fff]", text) else "letter"


def _unused_examples(guide: Guide, cloze, spots, index: dict) -> list[Problem]:
    """The word-bank sentences' warnings for the terms whose example is not used (their sentence is the
    definition): one for examples without the term as a word, one for examples holding it in every sentence
    more than once."""
    from .cloze import finder, noun_of  # (it imports this package's helpers)

    used = {s.term for s in cloze.sentences if s.source == "example"}
    groups: dict[str, list[str]] = {}
    inside: dict[str, str] = {}  # a term found only inside a longer word: that word ('poles' for 'pole')
    for t in guide.vocabulary:
        if t.example and t.term not in used:
            pattern, example = finder(t.term, t.example, guide.language), inline.plain(t.example)
            if pattern is not None and pattern.search(example):
                groups.setdefault("twice", []).append(t.term)
                continue
            noun = noun_of(t.term, guide.language)  # ('die Erdbeere': 'Erdbeere', with any article)
            longer = re.search(r"\w*" + re.escape(" ".join((noun or inline.plain(t.term)).split())) + r"\w*",
                               example, re.I)
            said = ([f"noun '{noun}'"] if noun else []) + ([f"in '{longer.group()}'"] if longer else [])
            if said:
                inside[t.term] = f" ({', '.join(said)})"
            groups.setdefault("noun" if noun else "inside" if longer else "missing", []).append(t.term)
    reasons = {"missing": "the example does not hold the term: write the term in it as `term:` writes it",
               "noun": "the example does not hold the term's noun as a word of its own, as `term:` writes it: "
                       "write the noun in it, with whatever article the sentence needs",
               "inside": "the example holds the term only inside a longer word: write it as a word of its own, "
                         "as `term:` writes it",
               "twice": "the example holds the term more than once in each of its sentences: give it a sentence "
                        "that holds it once"}
    return [_left_out(groups[k], reasons[k], LABELS["cloze"], _first(groups[k], spots, index, guide, "cloze"),
                      inside if k in ("inside", "noun") else None, what="printed with the definition, not the example")
            for k in reasons if k in groups]


def _shared_examples(guide: Guide, cloze, spots, index: dict) -> list[Problem]:
    """One warning for each word-bank sentence that two or more terms have as their example, word for word: each
    prints the others' answers around its blank (trial r16 #10: 'Su luna de miel fue un largo escalofrío.' for both
    'el escalofrío' and 'la luna de miel', items 14 and 19). It is told at the second term's example, in the
    file's order, names the later terms (a few, then how many more) and quotes the sentence's start: 200 terms
    with one example had 199 warnings, each with the whole sentence, at terms the shuffle chose (hostile r16 #5)."""
    shown = {s.term: s for s in cloze.sentences if s.source == "example"}
    groups: dict[str, list] = {}
    for t in guide.vocabulary:  # (the file's order, not the shuffle's)
        if t.term in shown:
            groups.setdefault(" ".join(shown[t.term].text(None).split()).casefold(), []).append(t)
    out = []
    for first, *later in (g for g in groups.values() if len(g) > 1):
        where = spots[index[later[0].term]] if later[0].term in index else activity_location(guide, "cloze")
        where = next((w for w, text in guide.texts if text == later[0].example and w.file == where.file
                      and (w.line, w.col) > (where.line, where.col)), where)
        names = ", ".join(f"'{inline.plain(t.term)}'" for t in later[:SHARED_NAMED])
        if len(later) > SHARED_NAMED:
            names += f" and {len(later) - SHARED_NAMED:,} more"
        elif len(later) > 1:
            names = names.rsplit(", ", 1)[0] + " and " + names.rsplit(", ", 1)[1]
        sentence = " ".join(shown[first.term].text(None).split())
        sentence = sentence if len(sentence) <= 60 else sentence[:59].rstrip() + "…"
        out.append(Problem(where, f"{LABELS['cloze']}: {names} {'has' if len(later) == 1 else 'have'} the same "
                           f"example as '{inline.plain(first.term)}' ('{sentence}'), so each of their sentences "
                           f"prints {'the other' if len(later) == 1 else 'another'}'s answer and gives its blank "
                           "away: give "
                           f"{'one of them' if len(later) == 1 else 'all but one of them'} an example of its own",
                           warning=True))
    return out


def _search_left_out(p: Plan, label: str, spots, index: dict, guide: Guide, limits: dict) -> list[Problem]:
    """The word search's warnings for the terms it left out: one for each reason, as the search found it
    (wordsearch.make), not all its reasons at once for each term."""
    from . import wordsearch as ws  # (it imports this package's helpers)

    groups: dict[str, list[str]] = {}
    for term, why in zip(p.left_out, p.why):
        groups.setdefault(why, []).append(term)
    side = limits.get("max_size", ws.MAX_SIZE)
    twins = {t: f" (as '{inline.plain(f)}')" for t, f in _twins(guide, groups.get("twin", []))}
    reasons = {"twin": TWIN_WHY, "number": _number_why(groups.get("number", [])),
               "short": f"fewer than two {_units(groups.get('short', []))}",
               "long": f"longer than the grid that fits the page: {side} letters at most",
               "many": f"a word search holds at most {ws.MAX_WORDS} terms",
               "room": "no room left in the grid: fewer terms, or shorter ones, let them in"}
    return [_left_out(left, reasons[kind], label, _first(left, spots, index, guide, "word_search"),
                      twins if kind == "twin" else None)
            for kind in reasons if (left := groups.get(kind))]


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
        w = cells(puzzle_word(t.term, guide.language, terms_of(guide)), language=guide.language)  # (Turkish ılık, ilik: no twins)
        if w in first and t.term in left_out:
            out.append((t.term, first[w]))
        first.setdefault(w, t.term)
    return out


def _left_out(left: Sequence[str], why: str, label: str, first: Location, after: Optional[dict] = None,
              what: str = "left out") -> Problem:
    n = len(left)
    shown = left[:MAX_LISTED]  # a 960-term list on one line reads as nothing
    names_ = ", ".join(f"'{inline.plain(t)}'{(after or {}).get(t, '')}" for t in shown)
    if n > len(shown):
        names_ += f" and {n - len(shown):,} more"
    return Problem(first, f"{label}: {n} term{'s' if n != 1 else ''} {what} ({why}): {names_}", warning=True)


def _crossword_left_out(p: Plan, spots, index: dict, guide: Guide, limits: dict) -> list[Problem]:
    """The crossword's warnings for the terms it left out: one for each reason, as the filler found it."""
    from .crossword import MAX_SIDE, MAX_WORDS, least_used  # (it imports this package's helpers)
    from .mentioned import mentions

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
        "short": f"fewer than two {_units(groups.get('short', []))}",
        "script": f"written in {_and(sorted(scripts_))}, they share no letter with the words in the grid, in "
                  f"{_and(sorted(grid_scripts))}, so they cannot cross them: a crossword needs its terms in one script",
        "letters": "no letter in common with the words in the grid, so nowhere to cross them",
        "room": "no room left where they would cross the words in the grid that fits the page" + (
            "; the terms the guide uses least are the ones left out" if least_used(
                groups.get("room", ()), [e.term for e in getattr(p.data, "entries", ())],
                dict(zip((t.term for t in guide.vocabulary), mentions(guide)))) else ""),
    }
    return [_left_out(groups[k], reasons[k] if len(groups[k]) > 1 else
                      reasons[k].replace("they share", "it shares").replace("they would", "it would")
                      .replace("they cannot", "it cannot"), LABELS["crossword"],
                      _first(groups[k], spots, index, guide, "crossword"), after if k == "twin" else None)
            for k in reasons if k in groups]


def _units(terms: Sequence[str]) -> str:
    """What a grid's squares hold, named for ``terms``: 'syllable blocks' (Hangul), 'characters' (Chinese and
    Japanese), else 'letters' (hostile r14 #9: '水' and '火' had 'fewer than two letters')."""
    square = _square_of("".join(inline.plain(t) for t in terms))
    return "syllable blocks" if square.startswith("syllable") else square + "s"


def _and(names: list[str]) -> str:
    return ", ".join(names) if len(names) < 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _unsplit(p: Plan, label: str, spots, index: dict, guide: Guide) -> Problem:
    """The warning for the terms a crossword or word search cannot cut into cells, at the first one."""
    first = spots[index[p.unsplit[0]]] if p.unsplit[0] in index else activity_location(guide, p.name)
    return _left_out(p.unsplit, f"a grid holds one letter a cell, and {'its' if len(p.unsplit) == 1 else 'their'} "
                                "letters join or carry signs that cannot stand alone in one", label, first)
