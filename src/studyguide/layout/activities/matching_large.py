"""Vocabulary matching as each edition sets it (:func:`matching`), and in large print: each set on a page of
its own, the fewest sets that each fit a page; the first may be smaller, to start under what ends the page
before (:class:`Landing`)."""
from __future__ import annotations

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import NullActionFlowable

from ... import activities as act
from ..._reportlab import FootGap, stacked_height
from ..fill import SHORT, page_short
from ...activities.matching import SET_SIZE, even as even_shares
from .common import _start
from .matching import MIN_PAGED, PagedSets, _blocks, _height, _whole_set


def large_print(ctx, name, sets) -> list:
    """The section's flowables: the sets :func:`_fitting` finds, unless the room left where the first
    lands holds a smaller first set and that costs no page (:class:`Landing`). A list too long to try its
    sets that way is cut where it lands, as in the standard editions (:class:`.matching.PagedSets`)."""
    found = _found(ctx, name, sets)
    if found is None:
        return [PagedSets(ctx, name, sets)]
    sets, blocks = found
    return _start(ctx, name, sets)[:1] + [Landing(ctx, name, sets, blocks)]


def _found(ctx, name, sets):
    """:func:`_fitting`'s sets, searched once a build: the sizes found are kept in ``ctx.matching_sizes``, which
    mending carries to every layout it tries after the first (the search was 5.65 s of a 60-term large-print
    build's 7 s, done again in each of its five layouts, always to the same sizes), and laid out again from them."""
    found = ctx.__dict__.setdefault("matching_sizes", {})
    key = (name, ctx.width, ctx.height)
    if key not in found:
        fitted = _fitting(ctx, name, sets, _Trials(ctx))
        if fitted is not None and fitted[0] is not sets:
            height = _measures(ctx, name, sum(len(s.terms) for s in fitted[0]))
            fitted = _filled(ctx, name, *fitted, height)
            others = _others(ctx, fitted[0], fitted[1], height)
            if others:  # (for matchsizes.resized to lay out)
                ctx.__dict__.setdefault("matching_others", {})[key] = others
        found[key] = None if fitted is None else "own" if fitted[0] is sets else tuple(len(s.terms) for s in fitted[0])
        return fitted
    if found[key] is None:
        return None
    if found[key] == "own":  # (the guide's own sets, planned without sizes: two spares each)
        return sets, _blocks(ctx, name, sets)
    sets = act.plan(ctx.guide, name, {"sizes": found[key]}).data
    return sets, _blocks(ctx, name, sets)


TRIAL_TERMS = 30_000  # terms laid out in trial sets, at most, to choose a large-print matching's sets (_Trials)


class _Trials:
    """The trial layouts left to choose the sets: each costs its terms. A list of 1,000 terms has 10¹¹
    orders of its sets to try at some counts; of the guides the page checks build, the most tried is
    tests/cases/layout/ap-bio-energetics.yaml's 30 terms, 230 times (6,900 terms)."""

    def __init__(self, ctx):
        self.left = TRIAL_TERMS
        self.terms = len(ctx.guide.vocabulary)

    def take(self) -> bool:
        """Whether one more trial of the whole list may be laid out (counted when it may)."""
        self.left -= self.terms
        return self.left >= 0


def _flow(ctx, name, sets, blocks) -> list:
    """Each set kept whole on its page, its title keeping its first rows when it is taller than a page."""
    start = _start(ctx, name, sets)
    flow = []  # (the section mark, title and instructions open the first set's block)
    for n, rows in enumerate(blocks):
        head = (3 if len(sets) > 1 else 2) + (len(start) - 1 if n == 0 else 0)
        flow += _whole_set(ctx, rows, head) + [FootGap(12)]  # (as the story's own gaps are: layout.gaps)
    return flow


class Landing(Flowable):
    """The sets, chosen where the first lands. When the first set of :func:`_fitting` does not fit the
    room left on the page (a short question ends the page before it, 80 % of the page left empty), the
    first set takes as many terms as that room holds (at least :data:`MIN_PAGED`), and the terms left
    go in the fewest sets that each fit a page, when those take fewer pages than the sets they replace:
    the matching starts under the question instead of leaving its page empty, and saves a page. (At the
    same count the last set's page changes, and what follows it may lose the room it had there:
    es-ecosistemas in large print on A4 took a page more.) Where no such sets save a page and the room
    left would leave its page short (layout.fill), the layout says so (``ctx.matching_short``), and
    mending.matching_landed lays it out again with a first set of two terms or more in that room and
    the rest in as many pages as before (``ctx.matching_landed``), kept when it adds no page."""

    def __init__(self, ctx, name, sets, blocks):
        super().__init__()
        self.ctx, self.name, self.sets, self.blocks = ctx, name, sets, blocks

    def wrap(self, aW, aH):
        self.width, self.height = aW, aH + 1  # never drawn: split always gives the sets
        return self.width, self.height

    def split(self, aW, aH):
        # (led by a zero-size action: reportlab would place the first of a split's results as it stands,
        # and a KeepTogether never fits as it stands)
        ctx, blocks = self.ctx, self.blocks
        if aH < ctx.height - 1 and _height(ctx, blocks[0]) > aH:  # the first set would open the next page
            most = len(self.sets[0].terms) - 1
            landed = _landing(ctx, self.name, aH, len(blocks), most, _Trials(ctx))
            if landed is None and page_short(aH, ctx.height):  # the page it leaves would end short
                if ctx.__dict__.get("matching_landed"):  # (asked by mending.matching_landed)
                    landed = _landing(ctx, self.name, aH, len(blocks) + 1, most, _Trials(ctx), least=MIN_SET)
                else:
                    ctx.__dict__["matching_short"] = True
            if landed is not None:
                return [NullActionFlowable()] + _flow(ctx, self.name, *landed)
        return [NullActionFlowable()] + _flow(ctx, self.name, self.sets, blocks)

    def draw(self):
        pass


def _landing(ctx, name, room: float, pages: int, most: int, trials: _Trials, least: int = MIN_PAGED):
    """(sets, blocks): the largest first set (of ``most`` terms or fewer, ``least`` or more) that fits
    ``room``, the rest in as few sets as fit a page, fewer than ``pages`` of them; None when there is none,
    or when the ``trials`` run out before one is found."""
    n = len(ctx.guide.vocabulary)
    for first in range(min(most, n - MIN_PAGED, SET_SIZE), least - 1, -1):
        left = n - first  # (measured with the rest in sets a set's letters reach)
        sets = act.plan(ctx.guide, name, {"sizes": (first, *even_shares(left, -(-left // SET_SIZE)))}).data
        first_block = _blocks(ctx, name, sets[:1], titled=True, opening=_start(ctx, name, sets)[1:])[0]
        if _height(ctx, first_block) > room:
            continue  # (the first set's terms, spare and order do not depend on the sets after it)
        for groups in range(-(-left // SET_SIZE), pages):  # (fewer pages than the sets they replace)
            for rest in _arrangements(even_shares(n - first, groups)):
                if not trials.take():
                    return None
                sets = act.plan(ctx.guide, name, {"sizes": (first, *rest)}).data
                blocks = _blocks(ctx, name, sets)
                if _height(ctx, blocks[0]) <= room and _fits(ctx, blocks[1:]):
                    return sets, blocks
        return None  # a smaller first set leaves more terms for the pages after it
    return None


MIN_SET = 2  # terms: a set is never made smaller than this to fit its page (then it flows on)
SHIFTS = 2  # terms the first set (under the title and instructions) may give the others beyond an even share


def _fitting(ctx, name, sets, trials: _Trials):
    """(sets, blocks): the guide's sets when each fits a page; else the fewest sets that do, as even as
    they go, the first (which also holds the title and instructions) up to two terms smaller than an
    even share, as little smaller as fits, the larger of the others wherever their terms fit (a set's
    height is its own terms' and definitions': the larger sets last may not fit where 5 in the middle
    does). 16 terms in large print: 4, 6 and 6; local-budget's 20: 3, 4, 4, 5, 4 (was 2, 4, 4, 5, 5).
    None when the ``trials`` run out first."""
    blocks = _blocks(ctx, name, sets)
    if _fits(ctx, blocks):
        return sets, blocks
    n = len(ctx.guide.vocabulary)  # (a single set holds one or two terms back: its spares)
    # as many sets as the guide's own first, when there are several: sets the layout sizes take one spare
    # definition each, not two, and may fit where the guide's did not (a trial's 13 Turkish terms: 6 and 7 on
    # two pages, not 4, 4 and 5 on three, each a third to a half empty); one set sized so would have none
    for groups in range(len(sets) + (len(sets) == 1), n // MIN_SET + 1):
        share = even_shares(n, groups)
        for shift in range(SHIFTS + 1):
            first = share[0] - shift
            if first < MIN_SET or (shift and groups == 1):
                break
            for rest in _arrangements(even_shares(n - first, groups - 1)):
                if not trials.take():
                    return None
                sets = act.plan(ctx.guide, name, {"sizes": (first, *rest)}).data
                blocks = _blocks(ctx, name, sets)
                if _fits(ctx, blocks):
                    return sets, blocks
    return _ones(ctx, name, sets, blocks, trials)  # (sets of two still too tall)


def _ones(ctx, name, sets, blocks, trials: _Trials):
    """(sets, blocks): ``sets`` with each set still too tall for a page cut in two, the last term a set of its
    own, until each fits: long definitions (v04's three sentences, eight lines each in large print) made a
    set of two terms and its spare a line taller than a page, and that line alone opened the next page. A
    set's terms, spare and order depend only on the sets before it, so those already checked stay as they
    are. A term whose set of one is still too tall flows on from its title, as before; so do the sets when
    the ``trials`` run out."""
    sizes, g = [len(s.terms) for s in sets], 0
    while g < len(sizes):
        if sizes[g] > 1 and stacked_height(blocks[g], ctx.width) > ctx.height:  # (too tall even at a page's top,
            # where its space above is dropped: a set taller by that space alone flows on and fits)
            if not trials.take():
                break
            sizes[g:g + 1] = [sizes[g] - 1, 1]
            sets = act.plan(ctx.guide, name, {"sizes": tuple(sizes)}).data
            blocks = _blocks(ctx, name, sets)
            continue
        g += 1
    return sets, blocks


LAST_SET = 3  # terms: the fewest the last of the sets that fill their pages keeps (_filled)
FILL_TRIALS = 150  # sets laid out, at most, to find sets that fill their pages (_filled)


def _filled(ctx, name, sets, blocks, height=None):
    """(sets, blocks): the sets :func:`_fitting` found, sized again to fill their pages: in one set fewer (a page
    saved), or, where a set's page but the last's ends short (layout.fill; what follows may fill the last's), in as
    many that leave fewer pages short, the last set's counted; else as they were.
    Sets shared evenly left pages a third empty each (b-u3's 15 long terms on A4: 3, 4, 4 and 4, pages 33, 34, 14
    and 17 % empty; now 4, 4, 4 and 3). The sizes are tried fullest first, each set as large as its page holds,
    then smaller while its page stays full (and once short); the last keeps :data:`LAST_SET` terms or more (fewer
    only in a list that short) and may leave room under it, where what follows may start. A set's terms, spare and
    order depend only on its size and those of the sets before it, so each is measured once, and
    :data:`FILL_TRIALS` of them at most."""
    n = sum(len(s.terms) for s in sets)
    height = height or _measures(ctx, name, n)

    best = [None, None]  # [pages short, sizes]: the fullest of the sizes walked that leave the fewest pages short

    def keep(sizes: tuple, shorts: int, printed: float):
        if best[1] is None or shorts + _short(ctx, printed) < best[0]:
            best[:] = [shorts + _short(ctx, printed), sizes]

    own = [len(s.terms) for s in sets]
    short = [_short(ctx, stacked_height(b, ctx.width)) for b in blocks]  # (the last set's page: what follows may fill it)
    for count in (len(sets) - 1,) + ((len(sets),) if any(short[:-1]) else ()):
        best[:] = [None, None]
        if count > 1:
            _walk(ctx, n, count, height, 1, lambda printed: _short(ctx, printed), keep,
                  stop=lambda shorts: best[1] is not None and shorts >= best[0], done=lambda: best[0] == 0)
        if best[1] is not None and list(best[1]) != own and (count < len(sets) or best[0] < sum(short)):
            filled = act.plan(ctx.guide, name, {"sizes": best[1]}).data
            again = _blocks(ctx, name, filled)
            if _fits(ctx, again):
                return filled, again
    return sets, blocks


def _measures(ctx, name, n: int):
    """The function that measures sets for :func:`_filled` and :func:`_others`: sizes (a tuple, the first sets') → the
    last of their sets' height, as measured to fit a page and as printed at a page's top, where its space above is
    dropped; (None, None) once :data:`FILL_TRIALS` sets have been measured. Each is measured once."""
    heights, left = {}, [FILL_TRIALS]

    def height(sizes: tuple):
        if sizes not in heights:
            if left[0] <= 0:
                return None, None
            left[0] -= 1
            rest = n - sum(sizes)
            trial = act.plan(ctx.guide, name, {"sizes": sizes + ((rest,) if rest else ())}).data
            g = len(sizes) - 1
            block = _blocks(ctx, name, trial[g:g + 1], titled=True, number=g + 1, digits=len(str(n)),
                            opening=_start(ctx, name, trial)[1:] if g == 0 else [])[0]
            heights[sizes] = _height(ctx, block), stacked_height(block, ctx.width)
        return heights[sizes]
    return height


OTHERS = 2  # other sizes the real layout may try for the sets _filled keeps, at most (_others)


def _others(ctx, sets, blocks, height) -> list[tuple]:
    """Other sizes for as many sets as ``sets`` (as :func:`_filled` measures them, with ``height``), for the real layout
    to try (matchsizes.resized), when a page of theirs but the last ends short: at most :data:`OTHERS`, those whose
    pages but the last leave less room past the fill rule (:func:`_over`) than theirs, the least first, then the
    least past it on the last page. _filled counts the last set's page as short when its set is short, and keeps
    sets that leave a page short in the middle rather than at the end, where what follows may start under the set or
    the estimate be a point out (the police guide's 13 terms on A4: 4, 4 and 5, page 22 34 % empty; 3, 5 and 5 left
    none short). Each set of two terms or more, the last :data:`LAST_SET` or more, walked as _filled walks them
    (:func:`_walk`), scored by the room each page leaves past the rule."""
    own, n, count = tuple(len(s.terms) for s in sets), sum(len(s.terms) for s in sets), len(sets)
    middle = sum(_over(ctx, stacked_height(b, ctx.width)) for b in blocks[:-1])
    if count < 2 or not middle:
        return []
    found = []  # ((room past the rule on the pages but the last, on the last), sizes), the least first

    def keep(sizes: tuple, over: float, printed: float):
        if sizes != own:
            found.append(((over, _over(ctx, printed)), sizes))
            found.sort(key=lambda f: f[0])  # (stable: of two alike, the fuller first)
            del found[OTHERS:]
    _walk(ctx, n, count, height, MIN_SET, lambda printed: _over(ctx, printed), keep,
          stop=lambda over: over >= middle or len(found) == OTHERS and over > found[-1][0][0])
    return [sizes for _, sizes in found]


def _walk(ctx, n: int, count: int, height, smallest: int, cost, keep, stop, done=lambda: False):
    """The one search of :func:`_filled` and :func:`_others`: the sizes of ``count`` sets of ``n`` terms, fullest
    first, each set of ``smallest`` terms or more fitting its page as ``height`` (:func:`_measures`) measures it, the
    last :data:`LAST_SET` or more (fewer only in a list that short); of each set's sizes, those that fill their page
    (``cost(printed)`` of its page is falsy) and the largest that does not: a smaller set leaves its page shorter
    still. Each whole set of sizes goes to ``keep(sizes, cost, printed)``, with the cost of its pages but the last's
    and the last's printed height; ``stop(cost)`` says the sizes so far can no longer be kept, and ``done()`` that
    no sizes after those filling a page can. Stops where ``height`` has measured all it may."""
    least = min(LAST_SET, n // count)

    def walk(sizes: tuple, spent):
        rest, more = n - sum(sizes), count - len(sizes) - 1  # (sets after this one)
        if stop(spent):
            return
        if not more:
            h, printed = height(sizes + (rest,)) if least <= rest <= SET_SIZE else (None, None)
            if h is not None and h <= ctx.height:
                keep(sizes + (rest,), spent, printed)
            return
        for size in range(min(SET_SIZE, rest - more * least), smallest - 1, -1):
            if rest - size > SET_SIZE * more:
                break
            h, printed = height(sizes + (size,))
            if h is None:
                return
            if h <= ctx.height:
                page = cost(printed)
                walk(sizes + (size,), spent + page)
                if page or done():
                    return  # (a smaller set leaves its page shorter still; or nothing after can win)
    walk((), 0)


FILL_SLACK = 12  # pt: what a printed page shows empty under a set besides the room it leaves (its last line's
# descent and the frame's padding): a set leaving 29 % of the frame printed 30.6 % of the text area empty (b-u2)


def _short(ctx, height: float) -> bool:
    """Whether a page holding only a set ``height`` tall (at its top: no space above) ends short (layout.fill)."""
    return page_short(ctx.height - height + FILL_SLACK, ctx.height)


def _over(ctx, height: float) -> float:
    """Points a page holding only a set ``height`` tall leaves empty past what the fill rule allows (0 if none)."""
    return max(0.0, ctx.height - height + FILL_SLACK - SHORT * ctx.height)


def _arrangements(sizes: list[int]):
    """The orders of an even share (sizes that differ by one at most): the larger sets last, then each
    other place for them, in a fixed order: the places counted from the last set, in the order
    ``combinations`` gives them. One at a time (126 sets, 8 of them larger, have 3 × 10¹¹ orders: made
    all at once, they filled the machine's 24 GB)."""
    from itertools import combinations

    big = sum(1 for s in sizes if s > sizes[0])
    if not big:
        yield tuple(sizes)
        return
    small, large, last = sizes[0], sizes[0] + 1, len(sizes) - 1
    for picked in combinations(range(len(sizes)), big):
        chosen = {last - i for i in picked}
        yield tuple(large if i in chosen else small for i in range(len(sizes)))


def _fits(ctx, blocks) -> bool:
    return all(_height(ctx, b) <= ctx.height for b in blocks)  # (the first set, the tallest, fails first)


def matching(ctx, name, sets) -> list:
    """Set by set, each on one page. In the standard editions the sets are cut where they land
    (:class:`.matching.PagedSets`): a set takes as many terms as the room left on its page holds, so the
    activity fills the page the last section ended on instead of moving on whole. In large print each set
    has a page of its own: the fewest sets that each fit a page (:func:`large_print`)."""
    if not getattr(ctx.theme, "one_column", False):
        return [PagedSets(ctx, name, sets)]
    return large_print(ctx, name, sets)
