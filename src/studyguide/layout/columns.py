"""Table column widths that keep each heading's words whole."""
from __future__ import annotations


def keep_words(heads, widths, padding: float) -> list[float]:
    """``widths`` with each column at least as wide as its heading's longest word and the cell's
    ``padding`` (left and right together): a narrow column once broke "Points" as "Poin / ts" in
    large print. The room comes from the other columns, each giving in proportion to what it has
    beyond its own heading's longest word; the widths stay as they are when that is not enough."""
    need = [h.minWidth() + padding + 0.5 if hasattr(h, "minWidth") else 0.0  # (0.5 pt: a word as wide as
            for h in heads]                                                  # its room may wrap)
    short = [max(0.0, n - w) for n, w in zip(need, widths)]
    grow = sum(short)
    if not grow:
        return list(widths)
    spare = [0.0 if s else max(0.0, w - n) for s, n, w in zip(short, need, widths)]
    if sum(spare) < grow:
        return list(widths)
    return [w + s - grow * p / sum(spare) for w, s, p in zip(widths, short, spare)]
