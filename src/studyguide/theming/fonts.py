"""Bundled fonts, glyph coverage and fallback to installed system fonts.

The bundled family (DejaVu Sans, see fonts/LICENSE-DejaVu.txt) covers Latin,
Greek, Cyrillic, Hebrew, Arabic, math symbols, arrows, sub- and superscript
digits, quotes and dashes. Chinese, Japanese and Korean come from bundled
TrueType subsets of Noto Sans SC and KR, Regular and Bold (made by
tools/make_cjk_fonts.py, kept gzip-compressed; see fonts/LICENSE-NotoSansCJK.txt), Urdu's letters from Noto
Naskh Arabic and music symbols (clefs, notes: U+1D100-1D1FF) from Noto Music, reshaped for a line of text
(tools/make_music_font.py). A character none
of them has is looked up among installed TrueType fonts; a character no font
has is reported with its location.

The families are data in families.py; a fallback run kept in the weight and slant around it
(:func:`settle`, :func:`face_of`) is fontruns.py's, named here too for the drawing code.
"""
from __future__ import annotations

import hashlib
import io
import re

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import GuideError, Problem
from . import bundled, fontruns, sysfonts
from .families import ARABIC, BUNDLED_FALLBACKS, FAMILIES, FAMILY, FONT_DIR, NASKH_FACES, TRACKING

# (fonts' too: the drawing code asks fonts for faces and their sizes)
settle, face_of, drawn_size, depth = fontruns.settle, fontruns.face_of, fontruns.drawn_size, fontruns.depth
room_below = fontruns.room_below
FACES = FAMILIES[FAMILY]
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FACES[k][0] for k in ((0, 0), (1, 0), (0, 1), (1, 1)))
IGNORED = bundled.IGNORED


@lru_cache(maxsize=None)
def register(family: str = FAMILY) -> str:
    """Register a bundled family with reportlab once; return its name."""
    if family != FAMILY:
        register(FAMILY)  # the fallback for what another family lacks
    else:
        # a table cell's font before any is set is Helvetica, which reportlab never embeds: every
        # page of a PDF with a table would list an unembedded font (print shops' preflight flags it)
        from reportlab.platypus.tables import CellStyle  # here: platypus is not needed to check a guide

        CellStyle.fontname = REGULAR
    if family.startswith("SGTheme-"):
        return family  # a theme's own files, registered by define()
    done: set[str] = set()
    for (bold, italic), (name, filename) in FAMILIES[family].items():
        if name not in done and name not in pdfmetrics.getRegisteredFontNames():
            if filename.endswith(".gz"):  # the CJK fonts: 7.9 MB as TrueType, 4.9 MB kept compressed
                source = io.BytesIO(bundled.font_bytes(filename))
                source.name = filename
                font = TTFont(name, source)
            else:
                font = TTFont(name, str(FONT_DIR / filename))
            extra = TRACKING.get(family)
            if extra:
                face = font.face
                face.charWidths = {code: width + extra for code, width in face.charWidths.items()}
            pdfmetrics.registerFont(font)
            done.add(name)
        addMapping(family, bold, italic, name)
    return family


def roles(family: str = FAMILY) -> dict[str, str]:
    """Registered face names by role: regular, bold, italic, bold_italic (also bolditalic)."""
    faces = FAMILIES[family]
    return {"regular": faces[0, 0][0], "bold": faces[1, 0][0], "italic": faces[0, 1][0],
            "bold_italic": faces[1, 1][0], "bolditalic": faces[1, 1][0]}


def define(files: dict, where: dict) -> str:
    """A family from a theme's own TrueType files by role (regular, bold, italic, bold_italic),
    registered now so a file that cannot be used is reported at the theme line naming it.

    Roles left out fall back: bold and italic to regular, bold_italic to bold. Face names come
    from the files' contents, so the same fonts give the same PDF on any machine.
    """
    faces = {}
    for role in ("regular", "bold", "italic", "bold_italic"):
        path = files.get(role)
        if path is None:
            continue
        digest = hashlib.sha1(Path(path).read_bytes()).hexdigest()[:10]
        name = f"SGTheme-{digest}"
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # TTFError and the parser's own errors on damaged files
                reason = str(exc).split("\n")[0][:120]  # reportlab's own words ("does not allow embedding"), not
                said = f"cannot be used as a TrueType font ({reason})" if isinstance(exc, TTFError) and not \
                    re.search(r"unpack|buffer|index|offset", reason) else "is damaged"  # struct's or Python's
                raise GuideError([Problem(where[role], f"fonts.{role}: '{Path(path).name}' {said}; "
                                                       "choose another .ttf file")]) from None
        faces[role] = (name, path)
    regular = faces["regular"]
    bold = faces.get("bold", regular)
    chosen = {(0, 0): regular, (1, 0): bold, (0, 1): faces.get("italic", regular),
              (1, 1): faces.get("bold_italic", bold)}
    family = "SGTheme-" + hashlib.sha1("/".join(n for n, _ in chosen.values()).encode()).hexdigest()[:10]
    if family not in FAMILIES:
        FAMILIES[family] = chosen
        register(FAMILY)
        for (b, i), (name, _) in chosen.items():
            addMapping(family, b, i, name)
    return family


@lru_cache(maxsize=None)
def coverage(name: str = REGULAR) -> frozenset[int]:
    family = next(f for f, faces in FAMILIES.items() if any(n == name for n, _ in faces.values()))
    register(family)
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


@dataclass
class Fallbacks:
    """Which registered font draws each character the bundled family lacks."""

    font_for: dict[str, Optional[str]] = field(default_factory=dict)

    def missing(self) -> list[str]:
        return sorted(c for c, f in self.font_for.items() if f is None)


_installed: Optional[list] = None
_anywhere: Optional[tuple] = None  # (the installed list, every one of its faces' characters together)
_registered: dict[tuple[str, int], Optional[str]] = {}


def installed() -> list:
    """(file, face index, coverage) of every usable installed face: read once per process,
    from the cache file when the fonts have not changed since the last run."""
    global _installed
    if _installed is None:
        _installed = sysfonts.index(sysfonts.font_files(), sysfonts.cache_path())
    return _installed


def _use(path: Path, face: int) -> Optional[str]:
    """Register an installed face with reportlab (once); None when reportlab cannot read it."""
    key = (str(path), face)
    if key not in _registered:
        name = f"SGFallback{len(_registered)}"
        try:
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=face))
        except (TTFError, OSError, Exception):  # a file the quick reader accepted but reportlab cannot use
            name = None
        _registered[key] = name
    return _registered[key]


@lru_cache(maxsize=None)
def family_coverage(family: str) -> frozenset[int]:
    """The characters every face of ``family`` has: a character only some faces have (Arabic,
    which DejaVu Sans Oblique lacks) goes to a fallback, or an italic run of it would print boxes."""
    covers = []
    faces = set(FAMILIES[family].values())
    if all(isinstance(f, str) and f.endswith(".gz") for _, f in faces):
        faces = {FAMILIES[family][0, 0]}  # the CJK faces are cut from one character list: read one
    for name, filename in faces:
        if isinstance(filename, str) and (FONT_DIR / filename).is_file():
            covers.append(bundled.coverage(filename))
        else:  # a theme's own file, registered when the theme was read
            register(family)
            covers.append(frozenset(pdfmetrics.getFont(name).face.charToGlyph))
    return frozenset.intersection(*covers)


def _union(faces: list) -> sysfonts.Coverage:
    """Every installed face's characters together, computed once per list of faces."""
    global _anywhere
    if _anywhere is None or _anywhere[0] is not faces:
        _anywhere = (faces, sysfonts.union(cover for _, _, cover in faces))
    return _anywhere[1]


def plan(chars: set[str], primary: str = FAMILY) -> Fallbacks:
    """Pick a font for each character the primary family cannot draw: the bundled
    families first (DejaVu, then CJK), then installed fonts."""
    covered = family_coverage(primary)
    todo = sorted(c for c in chars if ord(c) not in covered and c not in IGNORED)
    result = Fallbacks()
    for family in BUNDLED_FALLBACKS:
        if family == primary or not todo:
            continue
        cover = family_coverage(family)
        hits = [c for c in todo if ord(c) in cover]
        if hits:
            register(family)  # only a family that draws something is parsed by reportlab
            result.font_for.update(dict.fromkeys(hits, family))  # a family name: <b> and <i> pick its faces
            todo = [c for c in todo if c not in result.font_for]
    if todo:
        anywhere = _union(installed())
        result.font_for.update(dict.fromkeys(c for c in todo if ord(c) not in anywhere))  # no font has them
        todo = [c for c in todo if ord(c) in anywhere]
    if todo:
        for path, face, cover in installed():
            hits = [c for c in todo if ord(c) in cover]
            if hits and (name := _use(path, face)):
                result.font_for.update(dict.fromkeys(hits, name))
                todo = [c for c in todo if c not in result.font_for]
                if not todo:
                    break
    result.font_for.update(dict.fromkeys(todo))  # no font has them
    if ARABIC in result.font_for.values():  # one style for the script, not Naskh letters inside DejaVu's words
        result.font_for.update((c, ARABIC) for c in chars if ord(c) in family_coverage(ARABIC) and c > "\u05ff")
    return result
