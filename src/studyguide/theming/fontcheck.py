"""What a TrueType font's character map would cost to load, read before anything loads it.

reportlab turns a font's character map into a dictionary entry per character the map claims:
a map claiming the range 0–0x0FFFFFFF, or two million single characters, costs gigabytes and
minutes. A theme may name any .ttf, so its map is measured here first, from the table's own
counts (no entry is expanded), and a font that claims more than :data:`MAX_CODES` characters
is refused with the number. Real fonts claim at most about 100,000 (all of Unicode's CJK).
"""
from __future__ import annotations

import struct
from typing import Optional

from . import fontsanity

MAX_CODES = 200_000     # characters claimed, over every subtable of the map
MAX_TABLES = 1_000      # entries in the font's table directory; real fonts have about 20


class Damaged(ValueError):
    pass


def claimed(data: bytes) -> int:
    """How many characters the font's character map ('cmap') claims, every subtable counted.

    Raises Damaged when the counts point outside the file. Stops counting past MAX_CODES.
    """
    def get(fmt: str, at: int) -> tuple:
        size = struct.calcsize(fmt)
        if at < 0 or at + size > len(data):
            raise Damaged("its tables point past the end of the file")
        return struct.unpack_from(fmt, data, at)

    (tables,) = get(">H", 4)
    if tables > MAX_TABLES:
        raise Damaged(f"it lists {tables:,} tables")
    cmap = None
    for i in range(tables):
        tag, _, offset, _ = get(">4sIII", 12 + 16 * i)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        raise Damaged("it has no character map")
    version, count = get(">HH", cmap)
    if count == 0 and version != 0:
        count = version  # reportlab reads these two either way round
    total = 0
    for i in range(min(count, MAX_TABLES)):
        _, _, offset = get(">HHI", cmap + 4 + 8 * i)
        total += _subtable(get, cmap + offset)
        if total > MAX_CODES:
            break
    return total


def _subtable(get, at: int) -> int:
    (fmt,) = get(">H", at)
    if fmt == 0:
        return 256
    if fmt == 2:  # high bytes with a subheader each, up to 65,535 codes per subheader
        keys = get(">256H", at + 6)
        total = 0
        for key in set(keys):
            _, entries, _, _ = get(">HHhH", at + 6 + 512 + key)  # keys are byte offsets (8 × index)
            total += entries * keys.count(key)
        return total
    if fmt == 4:
        (seg2,) = get(">H", at + 6)
        segs = seg2 // 2
        ends = get(f">{segs}H", at + 14)
        starts = get(f">{segs}H", at + 16 + seg2)
        return sum(max(0, end - start + 1) for start, end in zip(starts, ends))
    if fmt == 6:
        return get(">HH", at + 6)[1]
    if fmt == 10:
        return get(">II", at + 12)[1]
    if fmt in (12, 13):
        (groups,) = get(">I", at + 12)
        total = 0
        for i in range(groups):
            start, end, _ = get(">III", at + 16 + 12 * i)
            total += max(0, end - start + 1)
            if total > MAX_CODES:
                break
        return total
    return 0  # formats reportlab does not read (14: variation sequences) cost nothing


def problem(data: bytes) -> Optional[str]:
    """Why this font cannot be used, in words to follow "'NAME.ttf' ", or None: a character map that
    points outside the file or claims too much, or tables the build reads that do not hold together
    (:mod:`.fontsanity`: a damaged font would print garbage, or stop the build with a Python error)."""
    try:
        total = claimed(data)
    except Damaged as exc:
        return f"cannot be used as a TrueType font ({exc})"
    if total > MAX_CODES:
        return (f"cannot be used: its character map claims more than {MAX_CODES:,} characters (a real font has at "
                "most about 100,000), so loading it would take minutes and gigabytes")
    if fontsanity.damage(data) is not None:
        return "is damaged"
    return None
