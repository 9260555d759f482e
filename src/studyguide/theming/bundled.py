"""The bundled font files' bytes and characters, read without reportlab: `validate` asks which characters no
font has (nofont.unprintable) and loads no reportlab; fonts.py plans the build's fallbacks from the same maps."""
from __future__ import annotations

import gzip
from functools import lru_cache

from . import sysfonts
from .families import BUNDLED_FALLBACKS, FAMILIES, FONT_DIR

# characters that need no glyph: layout controls and spaces reportlab handles itself
IGNORED = frozenset("\n\t\r\u00ad\u200b\u200c\u200d\u2060\ufeff")


@lru_cache(maxsize=8)
def font_bytes(filename: str) -> bytes:
    data = (FONT_DIR / filename).read_bytes()
    return gzip.decompress(data) if filename.endswith(".gz") else data


@lru_cache(maxsize=None)
def coverage(filename: str) -> frozenset[int]:
    """A bundled font file's characters, read from its cmap without registering it with reportlab
    (which parses the whole font: 0.3 s for a CJK one a guide may not need)."""
    [(_, ranges)] = sysfonts.faces_of(font_bytes(filename))
    return frozenset(c for a, b in ranges for c in range(a, b + 1))


def lacked(chars: set[str]) -> set[str]:
    """The characters of ``chars`` no bundled family the build falls back on draws in all its faces (fonts.plan's
    test), each family's files read only while characters are left."""
    todo = set(chars)
    for family in BUNDLED_FALLBACKS:
        if not todo:
            break
        files = {filename for _, filename in FAMILIES[family].values()}
        if all(f.endswith(".gz") for f in files):  # the subsets: each weight cut from one character list, read one
            files = {FAMILIES[family][0, 0][1]}
        drawn = frozenset.intersection(*(coverage(f) for f in files))
        todo = {c for c in todo if ord(c) not in drawn}
    return todo
