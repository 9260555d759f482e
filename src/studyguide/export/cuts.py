"""Text cut to a game's length limit ("…" at the end), so that answers which differ still read apart when cut."""
from __future__ import annotations

from typing import Optional


WORD = 15  # how far back a cut may go to end after a whole word: less than distinct_cuts' context


def cut(text: str, limit: Optional[int], words: bool = True) -> str:
    """``text`` in at most ``limit`` characters, "…" last: after its last whole word when one ends within the last
    ``WORD`` characters ("…combine in a…", not "…combine in a t…"), else mid-word (a long word, Chinese text)."""
    if limit is None or len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = max(head.rfind(" "), head.rfind("\n"))
    if words and not text[limit - 1].isspace() and space >= max(1, limit - 1 - WORD) and head[:space].strip():
        head = head[:space]
    return head.rstrip() + "…"


def distinct_cuts(texts: list[str], limit: Optional[int], context: int = 20) -> Optional[list[str]]:
    """Each text cut to ``limit`` characters (at a word's end where that still tells them apart, else mid-word), so
    that texts that differ still differ when cut; see :func:`_distinct_cuts`."""
    return _distinct_cuts(texts, limit, context, True) or _distinct_cuts(texts, limit, context, False)


def _distinct_cuts(texts: list[str], limit: Optional[int], context: int, words: bool) -> Optional[list[str]]:
    """Each text cut to ``limit`` characters, so that texts that differ still differ when cut: texts that the
    plain cut makes the same ("The quick brown fox … far awa…" twice), or nearly the same (differing only in
    their last ``context`` characters before the "…", "…exactly o…" and "…exactly n…"), keep the part where
    they differ instead, from the same place on, after a "…" ("…dog far away in the hills"). None when no cut
    to ``limit`` tells them apart (their differences lie further apart than that)."""
    cuts = [cut(x, limit, words) for x in texts]
    if limit is None:
        return cuts
    for group in _close_groups(texts, limit, context):
        plain = [cuts[i] for i in group]
        first = min(_first_difference(texts[a], texts[b]) for a in group for b in group if texts[a] != texts[b])
        tails = max(len(texts[i]) for i in group) - (limit - 1)  # from here on, every one ends within the limit
        start = tails if tails <= first - context else max(0, first - context)
        space = texts[group[0]].find(" ", start, first)  # a whole word first, where it can be
        start = space + 1 if space >= 0 else start
        for i in group:
            piece = texts[i][start:].lstrip()
            cuts[i] = "…" + (piece if len(piece) < limit else piece[: limit - 2].rstrip() + "…")
        told = len({cuts[i] for i in group}) == len({texts[i] for i in group})
        if not told and len(set(plain)) == len({texts[i] for i in group}):  # the plain cuts at least differ
            for i, before in zip(group, plain):
                cuts[i] = before
    return cuts if len(set(cuts)) == len(set(texts)) else None


def _close_groups(texts: list[str], limit: int, context: int) -> list[list[int]]:
    """The texts (by index) whose plain cuts to ``limit`` read the same or differ only in their last ``context``
    characters, in groups of those that read alike: text 1 like text 2 and text 2 like text 3 make one group."""
    group_of = list(range(len(texts)))

    def root(i: int) -> int:
        while group_of[i] != i:
            i = group_of[i]
        return i

    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            x, y = texts[a], texts[b]
            first = _first_difference(x, y)  # a text that ends where the other goes on reads apart from it
            if max(len(x), len(y)) > limit and limit - 1 - context <= first < min(len(x), len(y)):
                group_of[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len({texts[i] for i in g}) > 1]


def _first_difference(a: str, b: str) -> int:
    return next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
