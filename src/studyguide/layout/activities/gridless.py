"""The one warning for a crossword or word search left out because its grid could hold too few of its terms
(small.too_few): why the others did not go in, counted in the same sentence, and only advice that works.

Trial r10 L6: the AP guide's `check` said "crossword: 19 terms left out ..." and then "the crossword is left
out": a teacher read the first as a crossword printed without 19 terms. And "give it terms that share letters"
was said of terms that did share letters but found no room: the advice for room is fewer terms, and it
says what a teacher can edit: a guide has no term list for one activity, so "fewer terms" is fewer
vocabulary terms, which every activity loses (review r10 M3: "the 22 the guide uses most make one" could not be
followed but by cutting the vocabulary, and measuring it planned one more crossword, ~0.3 s a `check`).
"""
from __future__ import annotations

from ... import activities as act, inline

SHOWN = 3  # terms named for a reason a teacher can fix term by term; the rest are counted
# why a term that could be a grid's word is left out of it (no letter shared, no room, another script, longer
# than the page's grid): what :func:`too_few` counts. A term that is no grid word at all (a number with a sign,
# a twin, one letter, letters that join) and those past the most a grid holds are left out as they were
PLACED = ("letters", "room", "script", "long")


def lost_count(name: str, p) -> int:
    """The terms of a grid's plan that could be its words and are not (:data:`PLACED`)."""
    return sum(1 for w in (p.why or ("room",) * len(p.left_out)) if w.split(":")[0] in PLACED)


def reasons(p, limits: dict) -> list[tuple[str, list[str]]]:
    """(kind, terms) for each reason a term that could be the grid's is not: most terms first."""
    groups: dict[str, list[str]] = {}
    for term, why in zip(p.left_out, p.why or ("room",) * len(p.left_out)):
        kind = why.split(":")[0]
        if kind in PLACED:
            groups.setdefault(kind, []).append(term)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


def _named(terms: list[str]) -> str:
    shown = ", ".join(f"'{inline.plain(t)}'" for t in terms[:SHOWN])
    return shown + (f" and {len(terms) - SHOWN} more" if len(terms) > SHOWN else "")


def _scripts(p) -> tuple[str, str]:
    """The scripts of the terms left out as in another script, and the grid's ("Cyrillic and Greek", "Latin")."""
    from ...activities.leftout import _and

    mine, grid = set(), set()
    for why in p.why:
        if why.startswith("script:"):
            _, own, its = why.split(":")
            mine.update(own.split(", "))
            grid.update(its.split(", "))
    return _and(sorted(mine)), _and(sorted(grid))


def _why(kind: str, terms: list[str], name: str, side: int, p) -> str:
    n, one = len(terms), len(terms) == 1
    if kind == "room":
        return f"{n} found no room {'to cross the others' if name == 'crossword' else 'in it'}"
    if kind == "long":
        return f"{n} {'is' if one else 'are'} longer than its {side} letters: {_named(terms)}"
    if kind == "script":
        own, grid = _scripts(p)
        return f"{n} {'is' if one else 'are'} in {own}, which share{'s' * (' and ' not in own)} no letter with " \
               f"the grid's words, in {grid}: {_named(terms)}"
    return f"{n} share{'s' if one else ''} no letter with the others: {_named(terms)}"


def message(guide, name: str, p, limits: dict, kept: int, share: float, where: str = "", instead: str = "") -> str:
    """The warning's text: the count, why the others did not go in, and what would print the puzzle."""
    from ...activities.crossword import MAX_SIDE

    lim = limits.get(name) or {}
    side = max(lim.get("max_rows", MAX_SIDE), lim.get("max_cols", MAX_SIDE), lim.get("max_size", 0))
    found = reasons(p, limits)
    total = kept + sum(len(t) for _, t in found)
    label, advice = act.LABELS[name], []
    for kind, _ in found:
        if kind == "room":  # no activity has a term list of its own: the vocabulary is every activity's (review r10 M3)
            advice.append(f"fewer terms (a term taken out of 'vocabulary:' leaves every activity, not only the {label})")
        else:
            advice.append({"long": "shorter terms", "script": "terms in one script",
                           "letters": "terms that share letters with each other"}[kind])
    return (f"activities: the {label} is left out: its grid could hold only {kept} of its {total} terms{where}, "
            f"too few for the puzzle you chose ({'; '.join(_why(k, t, name, side, p) for k, t in found)}); "
            f"give it {' or '.join(advice)}{instead}")
