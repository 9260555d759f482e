"""A crossword or word search on small pages (half and quarter sheets, A5, half-letter) that would lose
more than a third of its terms to the page's size is left out of that format, with one warning; and on any
page, one that leaves out more than a third of its terms for any reason (:func:`too_few`).

A crossword of the leftover words is not the activity the teacher chose: on quarter sheets the water-cycle
crossword kept 6 of its 12 terms, and the 6 it dropped (evaporation, condensation, precipitation...) were
the unit's core words, the longest ones. Splitting one grid over two small pages would leave students
solving across a cut edge. So the activity is kept on letter or A4 (the same build without the small
format), and the warning says so and, when it fits the small page, names the other grid puzzle. A few terms
lost (a third or fewer) keep the activity, with the usual "terms left out" warning.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

from ... import activities as act
from ...errors import Problem
from .gridless import lost_count

GRIDS = ("crossword", "word_search")
SHARE = 1 / 3  # of the terms that fit a full page: more than this lost to the small page, and it is left out


def lost(guide, name: str, small: dict, full: dict) -> tuple[int, int]:
    """(terms the small page leaves out that a full page keeps, terms a full page keeps) for one grid."""
    on_small, on_full = act.plan(guide, name, small.get(name)), act.plan(guide, name, full.get(name))
    if on_full.data is None:
        return 0, 0
    kept = len(guide.vocabulary) - len(on_full.left_out) - len(on_full.unsplit)
    if on_small.data is None:
        return kept, kept
    return len(set(on_small.left_out) - set(on_full.left_out)), kept


def too_small(guide, theme, paper: str):
    """(guide, warnings): ``guide`` without the grid puzzles that ``paper`` (a small page) would cut by more
    than a third, and a warning for each; the guide unchanged on letter and A4."""
    from ... import sheets
    from . import limits_for

    size = sheets.sheet_of(paper)
    asked = [name for name in GRIDS if name in guide.activities]
    if not asked:
        return guide, []
    if size is None:
        return too_few(guide, limits_for(guide, theme, paper))
    small, full = limits_for(guide, theme, paper), limits_for(guide, theme, sheets.FULL[paper])
    counts = {name: lost(guide, name, small, full) for name in GRIDS}
    shown, whole = ((p.upper() if p.startswith("a") else p) for p in (paper, sheets.FULL[paper]))  # A5, A4, letter
    # a puzzle the full page leaves out too is not sent there (trial r10 L6: "build it on full letter" for a
    # crossword that letter leaves out as well): it is the one warning of too_few, on these pages
    gone_too = {name for name, *_ in short(guide, full)}
    drop = [name for name in asked if counts[name][1] and counts[name][0] > counts[name][1] * SHARE
            and name not in gone_too]
    warnings = []
    for name in drop:
        gone, kept = counts[name]
        other = next((o for o in GRIDS if o != name), None)
        instead = (f", or use a {act.LABELS[other]} (word_search under 'activities:'), which keeps its terms on "
                   f"them" if name == "crossword" and other not in drop and counts[other][0] <= counts[other][1] * SHARE
                   and other not in asked else "")
        warnings.append(Problem(act.activity_location(guide, name), (
            f"activities: the {act.LABELS[name]} is left out of these {shown} pages: its grid there would leave "
            f"out {gone} of its {kept} terms; build it on full letter or A4 pages (without --sheet or a small "
            f"--paper) for the whole {act.LABELS[name]}{instead}"), warning=True))
    guide = dataclasses.replace(guide, activities=tuple(a for a in guide.activities if a not in drop))
    where = {name: f" on these {shown} pages ({counts[name][1]} on full {whole} pages, too few there as well)" for name in gone_too}
    guide, few = too_few(guide, small, where)
    return guide, warnings + few


def short(guide, limits: dict, full: frozenset = frozenset()) -> list:
    """(name, plan, terms kept, terms lost) for each grid puzzle of the guide that leaves out more than a
    third of the terms it could hold on this page, or that the full page leaves out (``full``: its names)."""
    out = []
    for name in GRIDS:
        p = act.plan(guide, name, limits.get(name)) if name in guide.activities else None
        if p is None or p.data is None:
            continue
        kept = len(p.data.entries if name == "crossword" else p.data.placements)
        lost = lost_count(name, p)
        if lost > (kept + lost) * SHARE or name in full:
            out.append((name, p, kept, lost))
    return out


def too_few(guide, limits: dict, where: Optional[dict] = None):
    """(guide, warnings): ``guide`` without the grid puzzles that leave out more than a third of the terms they
    could hold on the page they print on, whatever its size (:data:`.gridless.PLACED`: a Korean crossword kept 2 of its
    5 terms, three cells on a page), with one warning for each that says why (gridless.py): not also the
    warnings that name the terms left out of a puzzle that does not print (trial r10 L6). ``where``: for a
    grid's name, the words after the count (" on these half-letter pages (15 on full letter pages)").
    A grid with fewer than two terms is warned of as it was (activities.warnings)."""
    from .gridless import message

    dropped, warnings = short(guide, limits, frozenset(where or ())), []
    for name, p, kept, lost in dropped:
        other = next(o for o in GRIDS if o != name)
        q = act.plan(guide, other, limits.get(other))
        holds = len(q.data.entries if other == "crossword" else q.data.placements) if q.data is not None else 0
        instead = (f", or use a {act.LABELS[other]} ({other} under 'activities:'), which holds "
                   f"{'all' if holds == kept + lost else holds} of them" if other not in guide.activities
                   and holds > kept and not (kept + lost - holds) > (kept + lost) * SHARE else "")
        said = message(guide, name, p, limits, kept, SHARE, (where or {}).get(name, ""), instead)
        warnings.append(Problem(act.activity_location(guide, name), said, warning=True))
    drop = {name for name, *_ in dropped}
    return dataclasses.replace(guide, activities=tuple(a for a in guide.activities if a not in drop)), warnings
