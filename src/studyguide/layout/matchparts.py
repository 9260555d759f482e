"""A large-print matching question too tall for one page, set in parts that each fit one (issue 14: "a matching
set stays on one page").

In large print a matching question sets its numbered items one a line and its lettered items under them at the
line's whole width; eight items with two-line meanings are taller than a page, and the page then fell between the
items and their letters (v24: q3's item H alone on a page, 94 % empty), so a student turned the page to match.

Such a question is cut into the fewest parts that each fit a page, each as large as a page holds (so that what follows
may share the last part's page; two even halves left both pages half empty and cost v03 a page), every later part
keeping three items or more: items 1–5 with the letters A–E, then items 6–8 with F–H. Each part is a matching of its
own (its items' letters among its own), its letters in the order the whole question gives them, so the key's
letters are those of the one question; the parts after the first open with a line naming the question, its items
and letters ("Question 3, continued: items 5–8, letters E–H"). A question that fits a page is laid out as before.
"""
from __future__ import annotations

import dataclasses

from .. import inline, shuffle
from ..model import LETTERS


def parted(ctx, q, make) -> list:
    """The question's blocks: ``make(q, 0)`` when it fits a page; else the parts (``make(part, first)``, the
    part's items after ``first`` items of the question's), the fewest that each fit one, each as large as fits
    (never smaller than an even share of the items left). Large print only."""
    whole = make(q, 0)
    if _tall(ctx, whole) <= ctx.height:
        return [whole]
    n = len(q.pairs)
    order = q.order or shuffle.order(n, "matching", q.prompt, *(p.right for p in q.pairs))
    for count in range(2, n + 1):
        blocks, first = [], 0
        for k in range(count):
            left, later = n - first, count - k - 1
            fits = None  # the part as large as a page holds, leaving LEAST items or more for each part after it
            for size in range(left - LEAST * later if later else left, -(-left // (later + 1)) - 1, -1):
                block = make(part(q, order, first, size), first)
                if _tall(ctx, block) <= ctx.height:
                    fits = block
                    break
            if fits is None:
                break  # (more parts, smaller)
            blocks.append(fits)
            first += size
        else:
            return blocks
    return [whole]  # (an item taller than a page: the question flows on, as before)


LEAST = 3  # items: the fewest a part after the first is left with (two would be matched by one guess)


def part(q, order, first: int, size: int):
    """Items ``first`` to ``first + size - 1`` (0-based) of matching ``q`` as a question of their own, their
    lettered items in the order the question prints them (``order``), never in the items' own order."""
    mine = [i - first for i in order if first <= i < first + size]
    if len(mine) > 1 and mine == sorted(mine):  # (a part's letters would read A, B, C down its items)
        mine = mine[1:] + mine[:1]
    return dataclasses.replace(q, pairs=q.pairs[first:first + size], order=tuple(mine))


def continued(ctx, number: int, q, first: int):
    """The line over a part after the first: which question it goes on, its items and their letters."""
    last = first + len(q.pairs)
    text = ctx.label("matching_part", number=number, first=first + 1, last=last, a=LETTERS[first], b=LETTERS[last - 1])
    return ctx.raw(f"<b>{inline.markup(text, ctx.fonts)}</b>", "instruction")


def _tall(ctx, block) -> float:
    """The block's height on a page of its own (its first row's space above counted, as layout.Together does)."""
    return block.kept_height(None, ctx.width, ctx.height)
