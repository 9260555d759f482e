"""Versions that print on as many pages as version A, and A on as many as the plain handout, when
their shuffle allows it.

Each version is laid out on its own, and questions are blocks a page either holds or sends on: a
shuffled order can pack worse than A's (a trial's version B put a 10-line essay and a 6-line one on a
page that then ended a fifth empty, three pages so, and its last ordering question went alone onto a
ninth page while A and C took eight). A class set wants one sheet count, so a version from B on that
prints on more pages than A is drawn again, as :func:`variants.versions` draws a version that repeats
another: the next draws of its letter, unlike the other versions, the first that takes no more pages
than A kept (at most :data:`REDRAWS` laid out). Version A is drawn again the same way when it prints
on more pages than the guide in its own order (the plain handout): a trial's Turkish A took 11 pages to
the plain 10 and B's 10, and B, held to A's count, could never even it. Else A keeps its first draw.

The choice is made on one canonical copy: the standard edition, no accommodations, in the guide's own
theme on the guide's own paper (with the build's sections and questions). A build on other paper, in
another theme or edition takes the canonical copy's draws, so the same guide and seed give the same
versions whatever --paper, --theme or --edition (a B key rebuilt on A4 matches B's handouts printed on
letter), and one answer grid marks every copy of B (README: ``x-large-print-B-grid.pdf`` is ``x-B-grid.pdf``).
On another paper, B may then take a page more than A: the build says so.
"""
from __future__ import annotations

from . import render, variants
from .model import LETTERS

REDRAWS = 5  # further draws of a version laid out at most (about one draw in four cost the trial guide a page)
_DECIDED: dict = {}  # (canonical guide, count, seed, paper) → the draws chosen, for the other copies of one build


def decide(versions: list, pages, draw, plain=None) -> dict:
    """letter → the draw (``again``) kept for each version that prints on more pages than it should
    (``pages(version)``); None where no draw tried does better. Version A should print on no more pages than
    the guide in its own order (``plain``, its page count: a trial's Turkish A took 11 pages to the plain
    handout's 10 and B's 10, a class set's copies 6 sheets and 5 in turn); each version from B on on no more
    than A as kept. ``draw(index, again)``: version ``index`` drawn again."""
    seen = {v.questions for v in versions}
    chosen, first = {}, versions[0]
    if plain is not None and pages(first) > plain:
        chosen[first.version] = _redrawn(0, plain, pages, draw, seen)
        if chosen[first.version] is not None:
            first = draw(0, chosen[first.version])
    target = pages(first)
    for i, v in enumerate(versions[1:], 1):
        if pages(v) > target:
            chosen[v.version] = _redrawn(i, target, pages, draw, seen)
    return chosen


def _redrawn(i: int, target, pages, draw, seen: set):
    """The first further draw of version ``i`` unlike the others that prints on ``target`` pages or fewer
    (its ``again``, noted in ``seen``), of :data:`REDRAWS` laid out at most; else None."""
    tried, again = 0, 0
    while tried < REDRAWS and again < variants.TRIES:
        again += 1
        other = draw(i, again)
        if other.questions in seen or variants.long_run(other):  # (as versions draws: no long true/false run)
            continue
        tried += 1
        if pages(other) <= target:
            seen.add(other.questions)
            return again
    return None


def _layout(guide, modes, paper, theme, font_for):
    try:
        return render.render(guide, modes, paper=paper, theme=theme, font_for=font_for)
    except render.RenderFailed:  # (a draw another order cannot lay out: not kept)
        return None


def even(versions: list, out: dict, guide, seed: str, paper, theme, font_for, modes, standard=None):
    """The versions, each from B on drawn again when it prints on more pages than A (:func:`decide`), and
    their documents (``out``, letter → {mode: Rendered}, laid out again where a version changed). ``guide``:
    the copy the versions are of; ``standard``: None when it is the canonical copy, else (the canonical
    copy's guide, its theme, its paper), whose pages decide. Returns (versions, out, letter → draws tried in vain)."""
    if len(versions) < 2:
        return versions, out, {}
    done = {v: out[v.version] for v in versions}

    def draw(i, again):
        return variants.version(guide, i, seed, again)

    if standard is None:
        def pages(g):
            if g not in done:
                done[g] = _layout(g, modes, paper, theme, font_for)
            return done[g]["student"].pages if done[g] is not None else float("inf")

        plain = _layout(guide, ("student",), paper, theme, font_for)  # (the guide in its own order)
        chosen = decide(versions, pages, draw, plain["student"].pages if plain is not None else None)
        _DECIDED.clear()
        _DECIDED[_key(guide, len(versions), seed, paper, theme)] = chosen  # (the other copies of the build take it)
    else:
        chosen = _standard(standard, len(versions), seed)
    versions, out = list(versions), dict(out)
    for letter, again in chosen.items():
        if again is None:
            continue
        i = LETTERS.index(letter)
        g = draw(i, again)
        docs = done.get(g) or _layout(g, modes, paper, theme, font_for)
        if docs is not None:
            versions[i], out[letter] = g, docs
    return versions, out, {letter: REDRAWS for letter, again in chosen.items() if again is None and letter != "A"}


def _key(guide, count: int, seed: str, paper, theme) -> tuple:
    return guide, count, seed, paper, theme.name, theme.source, theme.edition, REDRAWS


def _standard(standard, count: int, seed: str) -> dict:
    """:func:`decide` on the canonical copy's versions (its handouts only), once per build."""
    guide, theme, paper = standard
    key = _key(guide, count, seed, paper, theme)
    if key not in _DECIDED:
        versions, _ = variants.versions(guide, count, seed)
        font_for, _ = render.glyph_plan(versions[0], theme)
        memo = {}

        def pages(g):
            if g not in memo:
                docs = _layout(g, ("student",), paper, theme, font_for)
                memo[g] = docs["student"].pages if docs is not None else float("inf")
            return memo[g]

        _DECIDED.clear()  # (one build's: a long watch session keeps none of the others)
        draw = lambda i, again: variants.version(guide, i, seed, again)  # noqa: E731
        _DECIDED[key] = decide(versions, pages, draw, pages(guide))
    return _DECIDED[key]
