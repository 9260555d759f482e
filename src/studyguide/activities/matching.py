"""Terms against shuffled, lettered definitions, with extra definitions so the last match is not free.

Where the extras come from:

* a guide with up to :data:`SET_SIZE` terms makes one set. One term (two
  when there are 8 or more) is held back from the term column; its
  definition stays among the lettered ones as the extra. Which terms are held
  back is seeded. With fewer than 3 terms there is nothing to hold back.
* a longer list is split into sets of at most :data:`SET_SIZE` terms (in the
  guide's order), or into the sizes the layout asks for (:func:`even`: the fewest
  sets that fit a page); every term of a set is shown, and two definitions of terms
  from the other sets are added as extras (one, when the layout asks for sets
  smaller than :data:`SET_SIZE` so that each fits its page).

So the extras are always real definitions from the same guide (no made-up
distractors), and a student cannot finish by elimination.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from ..model import LETTERS
from ..shuffle import rng

SET_SIZE = 12


@dataclass(frozen=True)
class MatchSet:
    start: int                       # the number of the set's first term (1, 13, ...)
    terms: tuple[str, ...]           # numbered start, start + 1, ...
    definitions: tuple[str, ...]     # lettered A, B, ... (shuffled; extras among them)
    answers: tuple[int, ...]         # for each term, the index of its definition
    extras: int                      # how many definitions match no term

    def letter(self, i: int) -> str:
        return LETTERS[self.answers[i]]


def make(terms: Sequence[tuple[str, str]], seed: str = "", set_size: int = SET_SIZE,
         sizes: tuple[int, ...] | None = None, version: str = "") -> tuple[MatchSet, ...]:
    """``terms`` are (term, definition) pairs in the guide's order; ``set_size``, the most terms a set
    may have (smaller than :data:`SET_SIZE` when the layout finds a set too tall for its page), or
    ``sizes``, the terms of each set (the layout's choice, adding up to the terms given). ``version``:
    a version letter after A, whose definitions are lettered in an order of its own (:func:`_set`)."""
    n = len(terms)
    if n == 0:
        return ()
    r = rng("matching", seed)
    if version:
        r = _Versioned(r, rng("matching", seed, "version", version))
    if sizes is None and n <= set_size:
        held = 0 if n < 3 else 1 if n < 8 else 2
        out = set(r.sample(range(n), held))
        shown = [i for i in range(n) if i not in out]
        return (_set(terms, shown, sorted(out), 1, r),)
    spare = 2 if sizes is None and set_size >= SET_SIZE else 1  # a set made smaller for its page: one spare
    if sizes is None:  # sets of the most terms a set may have, the last with what is left over
        groups = math.ceil(n / set_size)
        size = math.ceil(n / groups)
        sizes = [size] * (n // size) + ([n % size] if n % size else [])
    elif sum(sizes) != n or min(sizes) < 1:
        raise ValueError(f"set sizes {sizes} do not add up to the {n} terms")
    sets = []
    for g, size in enumerate(sizes):
        first = sum(sizes[:g])
        shown = list(range(first, first + size))
        others = [i for i in range(n) if i not in shown]
        extras = sorted(r.sample(others, min(spare, len(others))))
        sets.append(_set(terms, shown, extras, shown[0] + 1, r))
    return tuple(sets)  # the terms are numbered on from set to set


def even(n: int, groups: int) -> list[int]:
    """``n`` terms in ``groups`` sets as even as they go, the larger sets last (16 in 3: 5, 5, 6)."""
    return [n // groups + (g >= groups - n % groups) for g in range(groups)]


def one_set(terms: Sequence[tuple[str, str]], seed: str, first: int, size: int, version: str = "") -> MatchSet:
    """One set of a list the layout cuts into sets where they land on the page (the room left on a page
    decides a set's size): terms ``first`` to ``first + size - 1`` (0-based), every one shown, with one
    definition of another term as the extra. Seeded by the set's place (and ``version``, as :func:`make`)."""
    n = len(terms)
    r = rng("matching", seed, str(first), str(size))
    if version:
        r = _Versioned(r, rng("matching", seed, str(first), str(size), "version", version))
    shown = list(range(first, min(n, first + size)))
    others = [i for i in range(n) if i not in shown]
    extras = sorted(r.sample(others, min(1, len(others))))
    return _set(terms, shown, extras, first + 1, r)


def _set(terms, shown: list[int], extras: list[int], start: int, r) -> MatchSet:
    pool = shown + extras
    order = pool[:]
    r.shuffle(order)
    if len(order) > 1 and [order.index(i) for i in shown] == list(range(len(shown))):
        order = order[1:] + order[:1]  # never lettered in the terms' own order
    answers = tuple(order.index(i) for i in shown)
    return MatchSet(start, tuple(terms[i][0] for i in shown), tuple(terms[i][1] for i in order), answers,
                    len(extras))


class _Versioned:
    """The draws of version B, C ...: which terms are held back and which definitions are the extras are
    version A's (so every version's sets hold the same definitions and take the same room on the page),
    and the order the definitions are lettered in is the version's own (so A's answers are not B's)."""

    def __init__(self, same, own):
        self.same, self.own = same, own

    def sample(self, population, k):
        return self.same.sample(population, k)

    def shuffle(self, items) -> None:
        theirs = items[:]
        self.same.shuffle(theirs)  # (A's draws go on as in A: the next set's extras stay A's)
        self.own.shuffle(items)
        if items == theirs and len(items) > 2:  # never A's letters again
            items[:] = items[1:] + items[:1]
