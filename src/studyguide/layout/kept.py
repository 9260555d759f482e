"""Lists and tables that leave no item or two alone at a page's foot or top (a trial's large print
printed objective 4 alone at the top of page 3, under objectives 1-3 on page 2, and the coverage
table's heading row and row 1 alone on page 1).

The guide is laid out as before, each list's items and each table's parts noting the page they print on;
when a list or table ends a page, or opens one, with fewer than LIST_ENDS of its items, render lays
it out again with its name in ``ctx.kept_lists``: that list then keeps its first and last LIST_ENDS
items together (all of a shorter one, which never breaks), and its heading keeps room for the first
ones; kept when that costs no page, else tried with PAIR_ENDS (mending.keep_lists)."""
from __future__ import annotations

import functools

from reportlab.platypus import CondPageBreak

from .._reportlab import stacked_height

TABLES = frozenset({"benefits", "criticisms", "coverage"})  # tables kept (ruled.grid): not counted, mending.keep_lists
LIST_ENDS = 3  # items a list keeps together at its start and at its end, as a table keeps three rows
# on each side of a break (ruled.MIN_ROWS)
ALONE_UP_TO = 4  # lists at most that tries() also keeps each alone: each trial is a layout, and one that mends one
# list of many is worth little (an 800 KB guide strands 45 topics' lists: one each, two whole layouts of 276 pages,
# took its build from 2.4 to 6.2 s of CPU)
PAIR_ENDS = 2  # the fewest a list or table keeps at each end, where LIST_ENDS would cost a page (:func:`ends`)


class KeepRun(CondPageBreak):
    """Nothing on the page, before the items it names: when they do not fit in the room left, the page
    ends here and they open the next one. Measured where it is placed, at the frame's width. Items that
    fill most of a page flow as they come (nothing would be gained by moving them)."""

    extra = True  # (a flowable one layout's story may have and another's not: pagetops counts the rest)

    def __init__(self, items: list, page_height: float, relaid: bool = False, after=None):
        super().__init__(0)
        self.items, self.page_height, self.relaid, self.after = items, page_height, relaid, after

    def wrap(self, availWidth, availHeight):
        if self.after is not None:  # (the items' first ones, under a heading whose run, ``after``, kept room for
            return 0, 0  # them: where that run let them stay, a page breaking here would leave the heading alone)
        self.height = stacked_height(self.items, availWidth)
        if self.height > self.page_height * 0.8 or availHeight >= self.page_height - 1:
            return 0, 0
        return super().wrap(availWidth, availHeight)


def tries(ctx, lists: set, fixes: dict):
    """The fixes mending.keep_lists tries, in turn, added to ``fixes`` (the layout's own): all ``lists`` kept,
    LIST_ENDS items at each end; then PAIR_ENDS for those of four items or more; then each of those alone with
    PAIR_ENDS (where there are ALONE_UP_TO of them at most), so that a list moved whole that costs a page holds back none that two at each end would mend
    (the trial's coverage table could keep two rows with its last, not beside a topic's points moved whole)."""
    fixes = {**fixes, "stop_short": "pages"}
    long = sorted(key for key in lists if len(ctx.list_pages[key]) >= 2 * PAIR_ENDS)
    alone = [({key}, {key}) for key in long] if 1 < len(lists) and len(long) <= ALONE_UP_TO else []
    for some, paired in [(lists, set())] + [(lists, set(long))] * bool(long) + alone:
        tried = {**fixes, "kept_lists": some | set(fixes.get("kept_lists", ()))}
        if not some & TABLES:  # (their flowables marked, so that pagetops may stop it once it is longer)
            tried["lists_relaid"] = some
        yield {**tried, "lists_paired": paired | set(fixes.get("lists_paired", ()))} if paired else tried


def relaid(ctx, key: str) -> bool:
    """Whether ``key`` is kept by this layout and not by the one it is counted against (mending.keep_lists): its
    KeepRuns, and the room its heading asks for, are what that layout sets unlike the other (pagetops)."""
    return key in ctx.__dict__.get("lists_relaid", ())


def strict(ctx, key: str) -> bool:
    """Whether this layout keeps the ends of the list or table ``key`` together: one the layout before
    left an item or two alone at an end (mending.keep_lists)."""
    return key in ctx.__dict__.get("kept_lists", ())


def kept_ends(ctx, key: str, items: list, title=None, after=None) -> list:
    """A list's items. Kept (:func:`strict`): with a :class:`KeepRun` before its first :func:`ends` items
    and before its last, so a page breaks it only with that many on each side (a shorter list breaks
    nowhere); else as they come. Each notes its page. ``key`` names the list in every layout
    ("objectives", "topic 2"); ``title``: a heading the list follows (or a topic's title and summary, a
    list of them), kept with its first items (put before them here) by one run, which the items' own run
    then leaves to decide (``after``): where that one let them stay (they fill most of a page with it, or it
    measured them fitting and they did not quite), they go on under the heading, never over the page from it
    (a half sheet's "Unidad 1" and its lead-in "Lee con atención esta cita:" ended page 2, their three
    quotations moved whole to page 3: r16 trial)."""
    items = list(items)
    heads = [] if title is None else list(title) if isinstance(title, (list, tuple)) else [title]
    if len(items) < 2:
        return heads + items
    new = relaid(ctx, key)
    if heads and strict(ctx, key):
        run = KeepRun(heads + opening(ctx, key, items), ctx.height, new)
        return [run] + heads + kept_ends(ctx, key, items, after=run)
    if heads:
        return heads + kept_ends(ctx, key, items)
    for item in items:  # (kept too: mending.keep_lists keeps a layout only where they are no longer alone)
        _note(ctx, item, key)
    if not strict(ctx, key):
        return items
    few = ends(ctx, key)
    if len(items) < 2 * few:
        return [KeepRun(items, ctx.height, new, after)] + items
    return [KeepRun(items[:few], ctx.height, new, after)] + items[:-few] + [KeepRun(items[-few:], ctx.height, new)] + items[-few:]


def ends(ctx, key: str) -> int:
    """The items the list or table ``key`` keeps together at each end when kept: LIST_ENDS, or PAIR_ENDS
    where keeping that many cost a page or left one short (mending.keep_lists: a trial's four objectives
    went 3 + 1 over a page; all four moved cost one, 2 + 2 costs none)."""
    return PAIR_ENDS if key in ctx.__dict__.get("lists_paired", ()) else LIST_ENDS


def opening(ctx, key: str, items: list) -> list:
    """The items a list keeps together at its start (what its heading needs room for), when kept."""
    if not strict(ctx, key) or len(items) < 2:
        return []
    few = ends(ctx, key)
    return list(items) if len(items) < 2 * few else list(items[:few])


def _note(ctx, item, key: str) -> None:
    """The item notes the page it prints on, in ``ctx.list_pages`` (the first document drawn only), as
    do its parts when it goes on over a page. (Its class, not its drawOn: the frame sets and deletes a
    flowable's own drawOn as it places it, pages.MirrorFrame.)"""
    item.__class__ = _noted(type(item))
    item._noted = (ctx, key)


class _Noted:
    """A list's item that notes its page (:func:`_note`)."""

    def drawOn(self, canvas, x, y, _sW=0):
        ctx, key = self._noted
        if ctx.mode == ctx.primary:
            ctx.__dict__.setdefault("list_pages", {}).setdefault(key, []).append(canvas.getPageNumber())
        return super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, _Noted):
                part._noted = self._noted
        return parts


@functools.lru_cache(maxsize=None)
def _noted(cls):
    return type(f"Noted{cls.__name__}", (_Noted, cls), {})


def note_part(ctx, key, rows: int, page: int) -> None:
    """A table's part (its rows without the heading row) printed on a page: noted as a list's items."""
    if ctx.mode == ctx.primary:
        ctx.__dict__.setdefault("list_pages", {}).setdefault(key, []).extend([page] * rows)


def stranded(ctx) -> set:
    """The lists and tables that went over a page with fewer than LIST_ENDS items on their first or last page
    (PAIR_ENDS where this layout kept two: :func:`ends`)."""
    return {key for key, pages in ctx.__dict__.get("list_pages", {}).items()
            if pages[0] != pages[-1] and min(pages.count(pages[0]), pages.count(pages[-1])) < ends(ctx, key)}
