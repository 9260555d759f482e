"""Bundled fonts, glyph coverage and fallback to installed system fonts.

The bundled family (DejaVu Sans, see fonts/LICENSE-DejaVu.txt) covers Latin,
Greek, Cyrillic, Hebrew, Arabic, math symbols, arrows, sub- and superscript
digits, quotes and dashes. Chinese, Japanese and Korean come from bundled
TrueType subsets of Noto Sans SC and KR, Regular and Bold (made by
tools/make_cjk_fonts.py; see fonts/LICENSE-NotoSansCJK.txt). A character none
of them has is looked up among installed TrueType fonts; a character no font
has is reported with its location.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_DIR = Path(__file__).parent.parent / "fonts"  # the bundled TrueType files, package data
FAMILY = "SGSans"
# family → (bold, italic) → (registered name, file); a family may map italic to its upright faces
FAMILIES = {
    # DejaVu Sans: wide coverage (Latin, Greek, Cyrillic, math, arrows, sub/superscripts)
    FAMILY: {
        (0, 0): (FAMILY, "DejaVuSans.ttf"),
        (1, 0): (FAMILY + "-Bold", "DejaVuSans-Bold.ttf"),
        (0, 1): (FAMILY + "-Italic", "DejaVuSans-Oblique.ttf"),
        (1, 1): (FAMILY + "-BoldItalic", "DejaVuSans-BoldOblique.ttf"),
    },
    # Atkinson Hyperlegible, for the readable edition: no italics (emphasis stays upright)
    "SGRead": {
        (0, 0): ("SGRead", "AtkinsonHyperlegible-Regular.ttf"),
        (1, 0): ("SGRead-Bold", "AtkinsonHyperlegible-Bold.ttf"),
        (0, 1): ("SGRead", "AtkinsonHyperlegible-Regular.ttf"),
        (1, 1): ("SGRead-Bold", "AtkinsonHyperlegible-Bold.ttf"),
    },
    # Noto Sans SC, subset (hanzi of GB 2312, Big5's frequent ones, JIS X 0208 kanji, kana, CJK
    # punctuation): a real bold; CJK type has no italic, so italic stays upright
    "SGCJK": {
        (0, 0): ("SGCJK", "SGNotoSC-Regular.ttf"),
        (1, 0): ("SGCJK-Bold", "SGNotoSC-Bold.ttf"),
        (0, 1): ("SGCJK", "SGNotoSC-Regular.ttf"),
        (1, 1): ("SGCJK-Bold", "SGNotoSC-Bold.ttf"),
    },
    # Noto Sans KR, subset: the 2,350 Hangul syllables of KS X 1001 and the jamo
    "SGKorean": {
        (0, 0): ("SGKorean", "SGNotoKR-Regular.ttf"),
        (1, 0): ("SGKorean-Bold", "SGNotoKR-Bold.ttf"),
        (0, 1): ("SGKorean", "SGNotoKR-Regular.ttf"),
        (1, 1): ("SGKorean-Bold", "SGNotoKR-Bold.ttf"),
    },
}
# bundled families that draw what the theme's family lacks, in the order they are tried
BUNDLED_FALLBACKS = ("SGSans", "SGCJK", "SGKorean")
# extra advance per glyph, in thousandths of an em: the readable edition's wider letter spacing.
# It goes into the font's widths, so line breaking and the PDF's /Widths agree.
TRACKING = {"SGRead": 45}
FACES = FAMILIES[FAMILY]
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FACES[k][0] for k in ((0, 0), (1, 0), (0, 1), (1, 1)))
# characters that need no glyph: layout controls and spaces reportlab handles itself
IGNORED = frozenset("\n\t\r\u00ad\u200b\u200c\u200d\u2060\ufeff")


@lru_cache(maxsize=None)
def register(family: str = FAMILY) -> str:
    """Register a bundled family with reportlab once; return its name."""
    if family != FAMILY:
        register(FAMILY)  # the fallback for what another family lacks
    if family.startswith("SGTheme-"):
        return family  # a theme's own files, registered by define()
    done: set[str] = set()
    for (bold, italic), (name, filename) in FAMILIES[family].items():
        if name not in done:
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
    import hashlib

    from ..errors import GuideError, Problem

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
                reason = str(exc).split("\n")[0][:120]
                raise GuideError([Problem(where[role], f"fonts.{role}: '{Path(path).name}' cannot be used as a "
                                                       f"TrueType font ({reason}); choose another .ttf file")]) from None
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


def font_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("STUDYGUIDE_FONT_PATH", "").split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]
    return dirs


def _candidates(char: str) -> list[Path]:
    """Font files that may hold ``char``: fontconfig's answer where it exists, else every file."""
    if not os.environ.get("STUDYGUIDE_FONT_PATH") and shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", f":charset={ord(char):x}", "file"], capture_output=True,
                                 text=True, timeout=10, check=False).stdout
            files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
            return [Path(f) for f in files if f.lower().endswith((".ttf", ".ttc", ".otf"))]
        except (OSError, subprocess.SubprocessError):
            pass
    found: list[Path] = []
    for d in font_dirs():
        if d.is_dir():
            for root, _, files in os.walk(d):
                found += [Path(root) / f for f in files if f.lower().endswith((".ttf", ".ttc", ".otf"))]
    return sorted(found)


@dataclass
class Fallbacks:
    """Which registered font draws each character the bundled family lacks."""

    font_for: dict[str, Optional[str]] = field(default_factory=dict)

    def missing(self) -> list[str]:
        return sorted(c for c, f in self.font_for.items() if f is None)


_loaded: dict[Path, list[tuple[str, frozenset[int]]]] = {}


def _load(path: Path) -> list[tuple[str, frozenset[int]]]:
    """Register every TrueType face in a file; fonts with PostScript outlines are skipped."""
    if path in _loaded:
        return _loaded[path]
    faces = []
    for index in range(16 if path.suffix.lower() == ".ttc" else 1):
        name = f"SGFallback{len(_loaded)}-{index}"
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except (TTFError, OSError, Exception):  # CFF outlines, bad index, broken files
            break
        pdfmetrics.registerFont(font)
        faces.append((name, frozenset(font.face.charToGlyph)))
    _loaded[path] = faces
    return faces


def plan(chars: set[str], primary: str = FAMILY) -> Fallbacks:
    """Pick a font for each character the primary family cannot draw: the bundled
    families first (DejaVu, then CJK), then installed fonts."""
    covered = coverage(FAMILIES[primary][0, 0][0])
    todo = sorted(c for c in chars if ord(c) not in covered and c not in IGNORED)
    result = Fallbacks()
    for family in BUNDLED_FALLBACKS:
        if family == primary or not todo:
            continue
        cover = coverage(FAMILIES[family][0, 0][0])
        for char in todo:
            if ord(char) in cover:
                result.font_for[char] = family  # a family name: <b> and <i> still pick its faces
        todo = [c for c in todo if c not in result.font_for]
    for char in todo:
        chosen = None
        for name, cover in (face for faces in _loaded.values() for face in faces):
            if ord(char) in cover:
                chosen = name
                break
        if chosen is None:
            for path in _candidates(char):
                for name, cover in _load(path):
                    if ord(char) in cover:
                        chosen = name
                        break
                if chosen:
                    break
        result.font_for[char] = chosen
    return result
