"""Vocabulary activities and the coverage table, as flowables: one module per activity.

Each activity the guide lists follows the last one (on a new page when its first block does not fit
where the last ended), drawn from the data in :mod:`studyguide.activities`. Handout and key come from
one layout, as everywhere else: a flowable either reads ``ctx.mode`` when it draws and has one size
(the word-search and crossword grids), or is a :class:`~..flow.Twin` of a student and a key version
that reserves the taller one's height (matching rows, sentences, the coverage table). So the
activity pages are the same pages in both documents.

The rest of the program reaches in through :func:`section`, :func:`coverage`, :func:`page_limits`
and :func:`warnings` (the one way the activities' located warnings reach ``api``).
"""
from __future__ import annotations

from ... import activities as act
from ..marks import SectionMark
from .common import _keep_start, _top, cross_cell, numbers_outside, search_cell
from .coverage import coverage

__all__ = ["coverage", "page_limits", "section", "warnings"]


def _builders() -> dict:
    """Each activity's builder by its name. Imported when a guide asks for an activity: a build of a guide
    without one does not load these modules, nor the puzzle generators they import (start-up time)."""
    from .cloze import cloze
    from .crossword import crossword
    from .flashcards import flashcards, flashcards_duplex
    from .matching_large import matching
    from .wordsearch import word_search

    return {"matching": matching, "cloze": cloze, "flashcards": flashcards, "flashcards_duplex": flashcards_duplex,
            "word_search": word_search, "crossword": crossword}
_FLOWING = ("cloze", "flashcards")  # those that open with _start (matching, the word search and the crossword keep their start themselves)


def section(ctx) -> list:
    """Every activity the guide lists, in its order; then an end mark for the page budget."""
    if not ctx.guide.activities:
        return [SectionMark(ctx, "end")]
    from .flashcards import Cards

    flow, builders = [], _builders()
    limits = page_limits(ctx.styles, ctx.width, ctx.height, ctx.theme, ctx.guide)
    cards = None  # fold cards going on over pages: they leave their last page's room to what follows
    for name in ctx.guide.activities:
        plan = act.plan(ctx.guide, name, limits.get(name))
        if plan.data is not None:
            built = builders[name](ctx, name, plan.data)
            built = _keep_start(built) if name in _FLOWING else built
            if cards is not None:
                cards.follower, cards = built, None
            cards = next((f for f in built if isinstance(f, Cards)), None)
            flow += built
    flow.append(SectionMark(ctx, "end"))
    return flow


SHARED_UP_TO = 80  # the most terms for which every edition plans one crossword (_every_edition): each grid it
# tries for more is a search of a second or more (a 1,000-term guide: 1.7 s each, four of them for a build refused up
# front), and each edition of a longer list plans its own, as before


def page_limits(styles, width: float, height: float, theme=None, guide=None) -> dict:
    """How many cells a crossword and a word search may have across and down on this page. With the
    ``theme`` and ``guide``, the crossword's are those of every edition of it at once (:func:`_every_edition`),
    for a guide that asks for one: that plans its crossword, and a build of a guide without one spent a
    third of its time on it (a 4-unit guide, 0.15 s of 0.55 s)."""
    from ...activities import wordsearch as ws

    room = height - _top(styles)
    w = search_cell(styles)
    return {
        "crossword": _every_edition(guide, theme, width, height)
        if guide is not None and theme is not None and len(guide.vocabulary) <= SHARED_UP_TO
        and "crossword" in guide.activities else _cross_limits(styles, width, height),
        "word_search": {"max_size": max(2, min(ws.MAX_SIZE, int(width // w), int(room // w)))},
    }


def _cross_limits(styles, width: float, height: float) -> dict:
    from ...activities import crossword as cw

    room, c = height - _top(styles), cross_cell(styles)
    spare = 1 if numbers_outside(styles) else 0  # a column and a row for the numbers, left of and above the grid
    return {"max_cols": max(2, min(cw.MAX_SIDE, int(width // c) - spare)),
            "max_rows": max(2, min(cw.MAX_SIDE, int(room // c) - spare))}


def _every_edition(guide, theme, width: float, height: float) -> dict:
    """The crossword's limits for an edition of the theme on this frame, chosen so that every edition plans
    the same grid of the same terms, drawn at its own size (a teacher goes over one puzzle with a class that
    mixes editions), unless that costs the standard edition terms. Each edition's own limits differ by a row
    or two (large print's numbers take a row and a column, readable's headings are taller), and the search,
    given other limits, kept other terms: 4 to 6 of them in 11 of 152 scanned builds (issue 14). So: the
    standard edition's limits, when its grid fits every edition's page; else the smallest of the editions'
    limits, when the grid they give holds as many terms; else (a grid taller than large print's page, which
    no smaller grid matches) the standard edition keeps its grid and the others lay out a grid of their own
    size from the terms it kept (``only``): large print had searched all the terms again and kept others
    (n15: 14 of 15 the same, 'council-senate' and 'farmer-sample' left out where the standard left out
    'steady colony'). A term that its page cannot hold is still left out, and the warning names it."""
    import dataclasses

    from ...theming.styles import EDITIONS, for_edition, make_styles

    base = dataclasses.replace(theme, edition="standard", restyle=None)  # (an edition's sizes, undone)
    each = [_cross_limits(make_styles(for_edition(e, base)), width, height) for e in EDITIONS]
    least = {k: min(lim[k] for lim in each) for k in ("max_cols", "max_rows")}
    if least == each[0] or _fits(act.plan(guide, "crossword", each[0]).data, least):
        return each[0]
    if _kept(act.plan(guide, "crossword", least).data) >= _kept(act.plan(guide, "crossword", each[0]).data):
        return least
    own = each[EDITIONS.index(theme.edition)] if theme.edition in EDITIONS else each[0]
    standard = act.plan(guide, "crossword", each[0]).data
    if _fits(standard, own):
        return each[0]
    return own if standard is None else dict(own, only=tuple(e.term for e in standard.entries))


def _fits(data, limits: dict) -> bool:
    return data is None or (data.rows <= limits["max_rows"] and data.cols <= limits["max_cols"])


def _kept(data) -> int:
    return len(data.entries) if data is not None else 0


def limits_for(guide, theme=None, paper=None) -> dict:
    """:func:`page_limits` for a guide printed in a theme (the default) on a paper (the guide's), with the
    margins the page is laid out with (a half or quarter page's narrower ones, as render.py sets them):
    the grid the warnings and `check` count is the grid that prints."""
    from ... import sheets
    from ...theming.styles import default as default_theme, make_styles

    paper = paper or guide.paper
    theme = sheets.fit(theme or default_theme(), paper)
    page_w, page_h = theme.page_size(paper)
    # (subtracted one margin at a time, as reportlab sizes the frame: 612 - 2 * 61.2 is 489.6, the frame
    # 489.59999999999997, and a 20th cell of 24.48 pt fitted the one and not the other)
    return page_limits(make_styles(theme), page_w - theme.margin_x - theme.margin_x,
                       page_h - theme.margin_top - theme.margin_bottom, theme, guide)


def warnings(guide, theme=None, paper=None) -> list:
    """The activities' located warnings (terms left out of a crossword or word search) for a theme and paper."""
    if not guide.activities:
        return []  # (as act.warnings says for none, without working out page limits for them)
    return act.warnings(guide, limits=limits_for(guide, theme, paper))
