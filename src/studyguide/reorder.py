"""`check`'s hint that the activities in another order print the handout on fewer pages.

A trial's history guide lists `activities: [crossword, matching]`: the 6-term matching goes alone on page 7,
36 % full, while with the matching first it fits under the questions and the handout takes 6 pages. The order
is the teacher's (a crossword to finish the unit may be meant), so nothing is reordered: `check` says which
order to write, at the line that lists them, with the pages before and after. `build` does not look: each
order tried is one more layout of the handout, and build stays one layout per copy.

Tried only when the guide lists two or more activities, the handout's last page holds activities alone and
is less than ``UNDER`` full, and at most ``ORDERS`` orders in all (the guide's own and ``ORDERS - 1`` others,
those bringing the last activity furthest forward first). An order is said when it saves a handout page and
the key does not grow.
"""
from __future__ import annotations

from itertools import permutations
from typing import Callable, Optional, Sequence

from .activities import NAMES

UNDER = 0.6   # a last page fuller than this is left alone (the other orders' layouts cost time)
ORDERS = 6    # the orders laid out at most, the guide's own included (3 activities have 6; 4 have 24)


def worth_trying(names: Sequence[str], parts, pages: int) -> bool:
    """Two or more activities, and the handout's last page is theirs alone and less than UNDER full
    (``parts``: the budget's, budget.Part; ``pages``: the handout's)."""
    on_last = [p for p in parts if p.last >= pages]
    return (len(names) >= 2 and bool(on_last) and all(p.name in NAMES for p in on_last)
            and on_last[-1].fill is not None and on_last[-1].fill < UNDER)


def orders(names: Sequence[str]) -> list[tuple[str, ...]]:
    """The other orders to try, at most ORDERS - 1: those that bring the last activity (the one on the
    part-empty page) furthest forward first, then as permutations() gives them."""
    own = tuple(names)
    others = [p for p in permutations(own) if p != own]
    others.sort(key=lambda p: p.index(own[-1]))  # (a stable sort: ties keep permutations' order)
    return others[:ORDERS - 1]


def better(names: Sequence[str], pages: int, key_pages: Callable[[tuple], int],
           handout_pages: Callable[[tuple], Optional[int]]) -> Optional[tuple[tuple[str, ...], int, int, int]]:
    """The order that prints the handout on the fewest pages, fewer than ``pages``, with a key no longer than
    the guide's own order's: (order, its handout pages, the key's pages now, with it), or None.
    ``handout_pages(order)``: None when that order does not lay out; ``key_pages(order)``: the key's pages,
    ``key_pages(tuple(names))`` the guide's own."""
    tried = [(n, i, order) for i, order in enumerate(orders(names))
             if (n := handout_pages(order)) is not None and n < pages]
    if not tried:
        return None
    now = key_pages(tuple(names))
    for n, _, order in sorted(tried):  # the fewest pages first; among equals, the order tried first
        key = key_pages(order)
        if key <= now:
            return order, n, now, key
    return None


def hint(names: Sequence[str], pages: int, found, where=None) -> str:
    """The line check prints under the budget: what to write, and where, and the pages before and after.
    ``found``: :func:`better`'s; ``where``: the guide's `activities:` line (None: they came from --activities)."""
    order, after, key_now, key_after = found
    saved = pages - after
    what = (f"write 'activities: [{', '.join(order)}]' at {where.file}:{where.line}" if where is not None
            else f"give --activities {','.join(order)}")
    key = f"key {key_now} → {key_after}" if key_after < key_now else f"key still {key_now}"
    return (f"  another order of the activities saves {'a page' if saved == 1 else f'{saved} pages'}: {what} "
            f"(handout {pages} → {after} pages, {key})")


def look(guide, plan, rendered: dict, draw: Callable, where=None) -> Optional[str]:
    """The hint for ``guide`` as laid out (``plan``: its budget.Budget; ``rendered``: render.Rendered by mode),
    or None. ``draw(guide, mode)``: the pages of ``mode`` ("student" or "key") of that guide as check lays it out.
    ``where``: as :func:`hint`'s."""
    import dataclasses

    from .errors import StudyguideError

    names = tuple(guide.activities)
    if not worth_trying(names, plan.parts, plan.pages):
        return None

    def pages(order, mode) -> Optional[int]:
        if order == names and mode in rendered:
            return rendered[mode].pages
        try:
            return draw(dataclasses.replace(guide, activities=order), mode)
        except StudyguideError:  # (an order that does not lay out is not one to suggest)
            return None

    def key(order) -> int:
        n = pages(order, "key")
        return n if n is not None else 10 ** 6

    found = better(names, plan.pages, key, lambda order: pages(order, "student"))
    return hint(names, plan.pages, found, where) if found else None
