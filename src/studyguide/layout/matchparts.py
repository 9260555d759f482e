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
and letters ("Question 3 (continued): items 5–8, letters E–H"). A question that fits a page is laid out as before.
The first part is chosen where it lands (:class:`Landed`): as many items as the room left there holds, when that
saves a page or (asked by mending) leaves fewer pages short."""
from __future__ import annotations

import dataclasses

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import NullActionFlowable

from .. import inline, shuffle
from ..model import LETTERS
from .fill import page_short


def parted(ctx, q, make) -> list:
    """The question's blocks: ``make(q, 0)`` when it fits a page; else the parts (``make(part, first)``, the
    part's items after ``first`` items of the question's), the fewest that each fit one, each as large as fits
    (never smaller than an even share of the items left), chosen where the first lands (:class:`Landed`).
    Large print only."""
    whole = make(q, 0)
    if _tall(ctx, whole) <= ctx.height:
        return [whole]
    order = q.order or shuffle.order(len(q.pairs), "matching", q.prompt, *(p.right for p in q.pairs))
    found = _parts(ctx, q, order, make, 0)
    if found is None:
        return [whole]  # (an item taller than a page: the question flows on, as before)
    return [Landed(ctx, q, order, make, *found)]


def _parts(ctx, q, order, make, first: int):
    """The blocks of the question's items from ``first`` on (0-based) in the fewest parts that each fit a page,
    each as large as a page holds, leaving :data:`LEAST` items or more for each part after it, and the parts'
    sizes; None when none do."""
    n = len(q.pairs)
    for count in range(1 + (first == 0), n - first + 1):  # (from the first item: one part is the whole question)
        blocks, sizes, at = [], [], first
        for k in range(count):
            left, later = n - at, count - k - 1
            fits = None
            for size in range(left - LEAST * later if later else left, -(-left // (later + 1)) - 1, -1):
                block = make(part(q, order, at, size), at)
                if _tall(ctx, block) <= ctx.height:
                    fits = block
                    break
            if fits is None:
                break  # (more parts, smaller)
            blocks.append(fits)
            sizes.append(size)
            at += size
        else:
            return blocks, sizes
    return None


class Landed(Flowable):
    """The parts, chosen where the first lands, as matching_large.Landing chooses an activity's sets. When the
    first part does not fit the room left on the page (v03: a vocabulary list ends the page before, 80 % of it
    left empty), the first part takes as many items as that room holds (:data:`FIRST` or more), and the items
    left go in the fewest parts that each fit a page, when those take fewer pages than the parts they replace.
    Where none save a page and the page left would end short (layout.fill), the layout says so
    (``ctx.matching_short``), and mending.matching_landed lays it out again with such a first part and the rest
    in as many pages as before (``ctx.matching_landed``), kept when it adds no page and leaves fewer pages short."""

    def __init__(self, ctx, q, order, make, blocks, sizes):
        super().__init__()
        self.ctx, self.q, self.order, self.make, self.blocks, self.first = ctx, q, order, make, blocks, sizes[0]

    def wrap(self, aW, aH):
        self.width, self.height = aW, aH + 1  # never drawn: split always gives the parts
        return self.width, self.height

    def split(self, aW, aH):
        # (led by a zero-size action, as Landing is: reportlab places the first of a split's results as it stands)
        ctx, blocks = self.ctx, self.blocks
        if aH < ctx.height - 1 and _tall(ctx, blocks[0]) > aH:  # the first part would open the next page
            landed = self._landing(aH, len(blocks))
            if landed is None and page_short(aH, ctx.height):  # the page it leaves would end short
                if ctx.__dict__.get("matching_landed"):  # (asked by mending.matching_landed)
                    landed = self._landing(aH, len(blocks) + 1)
                else:
                    ctx.__dict__["matching_short"] = True
            if landed is not None:
                blocks = landed
        return [NullActionFlowable()] + blocks

    def _landing(self, room: float, pages: int):
        """The blocks: the largest first part that fits ``room`` (fewer items than the first part had, FIRST or
        more, LEAST or more left), the rest in the fewest parts that each fit a page, fewer than ``pages``; None
        when there is none (a smaller first part leaves more items for the pages after it)."""
        ctx, q, n = self.ctx, self.q, len(self.q.pairs)
        for size in range(min(self.first - 1, n - LEAST), FIRST - 1, -1):
            block = self.make(part(q, self.order, 0, size), 0)
            if _tall(ctx, block) > room:
                continue
            rest = _parts(ctx, q, self.order, self.make, size)
            return [block] + rest[0] if rest is not None and len(rest[0]) < pages else None
        return None

    def draw(self):
        pass


FIRST = 2  # items: the fewest a first part set in the room where it lands takes (with their letters)
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
