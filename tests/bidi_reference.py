"""A line of mixed Hebrew or Arabic and other text in display order, as the Unicode bidi algorithm with bracket pairs
(UAX #9 N0) orders it: the reference the tests hold rtl.display_order to."""
from __future__ import annotations

import re
import unicodedata

from bidi import get_display
from bidi.mirror import MIRRORED


def reference(line: str, right_to_left: bool) -> str:
    """``line`` in display order by python-bidi's Rust algorithm (unicode-bidi, which has N0). Its get_display
    leaves mirroring to the renderer, so the line is put in order here from the levels it resolved (UAX #9 L1,
    L2) and the brackets at odd levels are mirrored (L4), as a PDF line must be."""
    info = get_display(line, base_dir="R" if right_to_left else "L", debug=True)
    per_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+),\s*\)", info.split("levels:")[1])]
    levels, at = [], 0
    for c in line:
        levels.append(per_byte[at])
        at += len(c.encode())
    end = len(line)
    while end and unicodedata.bidirectional(line[end - 1]) == "WS":  # L1: trailing spaces at the line's level
        end -= 1
        levels[end] = int(right_to_left)
    order = list(range(len(line)))
    for level in range(max(levels), 0, -1):
        n = 0
        while n < len(order):
            end = n
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[n:end] = order[n:end][::-1]
            n = max(end, n + 1)
    return "".join(MIRRORED.get(line[i], line[i]) if levels[i] % 2 else line[i] for i in order)
