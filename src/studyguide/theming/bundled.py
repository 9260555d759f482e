"""The bundled font files' bytes and characters, read without reportlab: `validate` asks which characters no
font has (nofont.unprintable) and loads no reportlab; fonts.py plans the build's fallbacks from the same maps."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import sysfonts
from .families import BUNDLED_FALLBACKS, FAMILIES, FONT_DIR

# characters that need no glyph: layout controls and spaces reportlab handles itself
IGNORED = frozenset("\n\t\r\u00ad\u200b\u200c\u200d\u2060\ufeff")


@lru_cache(maxsize=8)
def font_bytes(filename: str) -> bytes:
    data = (FONT_DIR / filename).read_bytes()
    if not filename.endswith(".gz"):
        return data
    import gzip  # (start-up time: only the CJK, Arabic and music fonts are packed)

    return gzip.decompress(data)


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


def own_coverage(files: dict, family: str) -> frozenset[int]:
    """The characters every face of a theme's own family has, read from the files' character maps without
    reportlab (fonts.family_coverage reads them once reportlab has registered them): ``files`` are the theme's
    role → (path, where), and a role left out is filled as styles.from_spec fills it, from ``family``'s regular
    (and bold) when the theme names no regular. Empty for a theme naming no file or one that cannot be read."""
    if not files:
        return frozenset()
    covers = []
    for path, _ in files.values():
        try:
            faces = sysfonts.faces_of(Path(path).read_bytes())
        except OSError:
            return frozenset()
        covers.append(frozenset(c for a, b in faces[0][1] for c in range(a, b + 1)) if faces else frozenset())
    if "regular" not in files:
        covers += [coverage(FAMILIES[family][0, 0][1])]
        if "bold" not in files:
            covers += [coverage(FAMILIES[family][1, 0][1])]
    return frozenset.intersection(*covers)
