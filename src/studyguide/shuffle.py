"""Deterministic shuffles: the same guide always prints the same order.

The seed comes from the content itself (a hash, never Python's salted
``hash()``), so a rebuild on any machine gives the same page.
"""
from __future__ import annotations

import hashlib
import random


def rng(*parts: str) -> random.Random:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def order(count: int, *salt: str) -> list[int]:
    """A permutation of range(count) that is never the identity when count > 1."""
    idx = list(range(count))
    if count < 2:
        return idx
    rng(*salt).shuffle(idx)
    if idx == sorted(idx):
        idx = idx[1:] + idx[:1]
    return idx
