"""UAX #9 rule N0 (paired brackets) for python-bidi's step-by-step algorithm (bidi.algorithm).

python-bidi's pure-Python algorithm, the one that gives each character's place (so :mod:`studyguide.rtl` keeps a
run's face, a blank's field mark, a key answer's colour), predates the bracket-pair rule: it resolved "(ab)" after
an English word in an Arabic paragraph, and "(3 rooms)" after an Arabic word in an English one, as loose
punctuation, and printed "3) غرف rooms)". Its Rust ``get_display`` has the rule but gives only the string.
:func:`pair_brackets` runs between the weak types (W1–W7) and the neutrals (N1–N2), on each level run (the
algorithm has no isolates, so its level runs are UAX #9's isolating run sequences).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_DEPTH = 63  # BD16: a deeper nesting ends the search for pairs
_SAME = {"\u2329": "\u3008", "\u232a": "\u3009"}  # canonically equivalent angle brackets pair with each other


@lru_cache(maxsize=1)
def _closing_of() -> dict[str, str]:
    """Each opening paired bracket (Bidi_Paired_Bracket_Type Open) and its closing one: the mirrored pairs
    whose opening bracket is general category Ps and closing one Pe (BidiBrackets.txt is exactly those)."""
    from bidi.mirror import MIRRORED

    return {o: c for o, c in MIRRORED.items()
            if unicodedata.category(o) == "Ps" and unicodedata.category(c) == "Pe"}


def _strong(kind: str):
    """A resolved type's strong direction for N0 (numbers count as right to left), or None."""
    if kind == "L":
        return "L"
    return "R" if kind in ("R", "AL", "EN", "AN") else None


def _pairs(chars: list[dict]) -> list[tuple[int, int]]:
    """BD16: the bracket pairs of one run, by the place of their opening bracket."""
    closing_of = _closing_of()
    stack: list[tuple[str, int]] = []
    pairs = []
    for n, char in enumerate(chars):
        if char["type"] != "ON":  # (a bracket under an override is not paired)
            continue
        ch = _SAME.get(char["ch"], char["ch"])
        if ch in closing_of:
            if len(stack) == _DEPTH:
                break
            stack.append((_SAME.get(closing_of[ch], closing_of[ch]), n))
        elif unicodedata.category(ch) == "Pe":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], n))
                    del stack[depth:]
                    break
    return sorted(pairs)


def pair_brackets(storage: dict) -> None:
    """N0 on each level run of ``storage`` (bidi.algorithm's, after resolve_weak_types): a pair of brackets
    takes the run's direction when the text inside has a letter of it; else the other direction when the text
    inside has that and so does the text before the opening bracket (or the run's start); each pair so
    resolved counts for the pairs after it. Vowel marks on a bracket follow it."""
    for run in storage["runs"]:
        chars = storage["chars"][run["start"]:run["start"] + run["length"]]
        if not chars:
            continue
        own = "R" if chars[0]["level"] % 2 else "L"
        for start, end in _pairs(chars):
            inside = {_strong(c["type"]) for c in chars[start + 1:end]}
            if own in inside:
                kind = own
            elif inside - {None}:
                before = next((s for s in map(_strong, (c["type"] for c in reversed(chars[:start]))) if s),
                              run["sor"])
                kind = before if before != own else own
            else:
                continue
            if inside - {None} == {"R" if own == "L" else "L"}:
                _aside_ends_in_its_direction(chars, end)
            for at in (start, end):
                chars[at]["type"] = kind
                at += 1
                while at < len(chars) and chars[at]["orig"] == "NSM":
                    chars[at]["type"] = kind
                    at += 1


_TRAILING = ("ON", "CS", "ES", "ET", "WS")  # (NSM: given its letter's type by W1)


def _aside_ends_in_its_direction(chars: list[dict], end: int) -> None:
    """studyguide's own rule, as a typist's direction mark would make it: in brackets that hold only text of the
    other direction, "(This is my father.)" in an Arabic line, the punctuation that ends the aside is the aside's,
    not the line's. UAX #9 alone gives it the line's direction and prints "(.This is my father)"."""
    kind = "L" if chars[end]["level"] % 2 else "R"  # (the run's own direction is the other one)
    at = end - 1
    while at > 0 and chars[at]["type"] in _TRAILING:
        at -= 1
    if _strong(chars[at]["type"]) == kind:
        for n in range(at + 1, end):
            chars[n]["type"] = kind
