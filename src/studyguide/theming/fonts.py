"""Bundled fonts, glyph coverage and fallback to installed system fonts.

The bundled family (DejaVu Sans, see fonts/LICENSE-DejaVu.txt) covers Latin,
Greek, Cyrillic, Hebrew, Arabic, math symbols, arrows, sub- and superscript
digits, quotes and dashes. Chinese, Japanese and Korean come from bundled
TrueType subsets of Noto Sans SC and KR, Regular and Bold (made by
tools/make_cjk_fonts.py, kept gzip-compressed; see fonts/LICENSE-NotoSansCJK.txt). A character none
of them has is looked up among installed TrueType fonts; a character no font
has is reported with its location.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import re

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from reportlab.lib.fonts import addMapping, ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import GuideError, Problem
from . import sysfonts

FONT_DIR = Path(__file__).parent.parent / "fonts"  # the bundled TrueType files, package data
FAMILY = "SGSans"
ARABIC = "SGArabic"
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
    # DejaVu Sans with upright faces for italic: Arabic has no italic (DejaVu Sans Oblique has no
    # Arabic letters), so an Arabic word in an italic run is drawn upright instead of as boxes
    # (its own face names: reportlab maps each face name back to one family, and SGSans must stay SGSans)
    "SGUpright": {
        (0, 0): ("SGUpright", "DejaVuSans.ttf"),
        (1, 0): ("SGUpright-Bold", "DejaVuSans-Bold.ttf"),
        (0, 1): ("SGUpright", "DejaVuSans.ttf"),
        (1, 1): ("SGUpright-Bold", "DejaVuSans-Bold.ttf"),
    },
    # Noto Sans SC, subset (hanzi of GB 2312, Big5's frequent ones, JIS X 0208 kanji, kana, CJK
    # punctuation): a real bold; CJK type has no italic, so italic stays upright
    "SGCJK": {
        (0, 0): ("SGCJK", "SGNotoSC-Regular.ttf.gz"),
        (1, 0): ("SGCJK-Bold", "SGNotoSC-Bold.ttf.gz"),
        (0, 1): ("SGCJK", "SGNotoSC-Regular.ttf.gz"),
        (1, 1): ("SGCJK-Bold", "SGNotoSC-Bold.ttf.gz"),
    },
    # Noto Sans KR, subset: the 2,350 Hangul syllables of KS X 1001 and the jamo
    "SGKorean": {
        (0, 0): ("SGKorean", "SGNotoKR-Regular.ttf.gz"),
        (1, 0): ("SGKorean-Bold", "SGNotoKR-Bold.ttf.gz"),
        (0, 1): ("SGKorean", "SGNotoKR-Regular.ttf.gz"),
        (1, 1): ("SGKorean-Bold", "SGNotoKR-Bold.ttf.gz"),
    },
    # Noto Naskh Arabic, subset (tools/make_arabic_fonts.py): Urdu's letters, which DejaVu Sans lacks (ہ ے ۔);
    # Arabic type has no italic. A guide that needs it prints all its Arabic script in it (:func:`plan`)
    ARABIC: {(b, i): (("SGArabic-Bold", "SGNaskh-Bold.ttf.gz") if b else ("SGArabic", "SGNaskh-Regular.ttf.gz"))
             for b in (0, 1) for i in (0, 1)},
}
# bundled families that draw what the theme's family lacks, in the order they are tried
BUNDLED_FALLBACKS = ("SGSans", "SGUpright", ARABIC, "SGCJK", "SGKorean")
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
                source = io.BytesIO(_bundled_bytes(filename))
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


@lru_cache(maxsize=8)
def _bundled_bytes(filename: str) -> bytes:
    data = (FONT_DIR / filename).read_bytes()
    return gzip.decompress(data) if filename.endswith(".gz") else data


@lru_cache(maxsize=None)
def _bundled_coverage(filename: str) -> frozenset[int]:
    """A bundled font file's characters, read from its cmap without registering it with reportlab
    (which parses the whole font: 0.3 s for a CJK one a guide may not need)."""
    [(_, ranges)] = sysfonts.faces_of(_bundled_bytes(filename))
    return frozenset(c for a, b in ranges for c in range(a, b + 1))


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
            covers.append(_bundled_coverage(filename))
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


_TAG = re.compile(r'<(/?)(b|i|strong|em)>|<font face="([^"]+)">')


def _style_of(face: str) -> tuple[int, int, bool]:
    """(bold, italic, slants) of a registered face: its family's first role with that name, so a family
    that draws italic with its upright faces (SGRead, SGCJK) reads as upright, and whether that family
    has a slanted face at all. (reportlab's ps2tt gives the last role mapped: SGRead read as italic.)"""
    for faces in FAMILIES.values():
        for (bold, italic), (name, _) in faces.items():
            if name == face:
                return bold, italic, faces[0, 1][0] != faces[0, 0][0]
    try:
        _, bold, italic = ps2tt(face)
    except ValueError:
        bold = italic = 0
    return bold, italic, True


def face_of(family: str, like: str) -> str:
    """The face of a fallback ``family`` with the weight and slant of the registered face ``like``
    (a bold heading's Chinese characters come from the bold CJK face)."""
    faces = FAMILIES.get(family)
    if faces is None:
        return family  # an installed font: one face
    bold, italic, _ = _style_of(like)
    return faces[bold, italic][0]


def settle(markup: str, base: str) -> str:
    """Paragraph markup whose ``<font face="FAMILY">`` runs (from inline's routing) name the face
    that keeps the surrounding weight and slant. reportlab's <font face=...> resets bold and italic
    to the named font's own, so a fallback run inside <b> or a bold style would print regular."""
    if 'face="' not in markup:
        return markup
    bold, italic, slants = _style_of(base)
    stack = [(bold, italic)]

    def swap(m: re.Match) -> str:
        closing, tag, face = m.groups()
        b, i = stack[-1]
        if face is not None:
            faces = FAMILIES.get(face)
            return f'<font face="{faces[b, i][0]}">' if faces else m.group()
        if closing:
            if len(stack) > 1:
                stack.pop()
        else:
            stack.append((1, i) if tag in ("b", "strong") else (b, int(slants)))  # upright family: upright fallback
        return m.group()

    out = _TAG.sub(swap, markup)
    return _upright_beside(out, base) if (slants and (italic or "<i>" in out)) or '<font name="' in out else out


_PIECE = re.compile(r"(<[^>]*>)")
_OPEN_FACE = re.compile(r'<font face="([^"]+)">')
_NAMED = re.compile(r'<font name="([^"]+)"')  # a run in another face of the text's own ('cell_example')
_ENTITY = r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);"  # '&amp;', '&lt;', '&#39;': one sign, never cut in two
_MARK = rf"(?:{_ENTITY}|[^\w\s<&])"
_MARKS = re.compile(rf"^{_MARK}+|{_MARK}+$")  # punctuation (escaped signs whole) at the start or end of a text piece
_ENTITIES = re.compile(_ENTITY)
# each upright-only fallback face (CJK and Korean type has no italic) → its family
_UPRIGHT_ONLY = {name: family for family, faces in FAMILIES.items() if faces[0, 1][0] == faces[0, 0][0]
                 for name, _ in faces.values()}

# punctuation after a run's end or before an upright-only run's start: the markup :func:`_upright_beside` changes
_BESIDE = re.compile(r"</font>[^\w\s<]|[^\w\s>]<font face=\"(?:" + "|".join(map(re.escape, _UPRIGHT_ONLY)) + ")\"")


def _upright_beside(markup: str, base: str) -> str:
    """Markup whose punctuation next to an upright-only run in a slanted context ('만들어졌을까?' in an italic
    subtitle: Hangul has no italic) is drawn in the upright face of the surrounding family, so the '?' stands
    as straight as the word it ends (trial r9 L7). Text between two such runs, all punctuation ('」、「'), too."""
    if not _BESIDE.search(markup):  # (most markup: words with spaces between; nothing to do, in a µs)
        return markup
    pieces = _PIECE.split(markup)
    styles = [(*_style_of(base)[:2], base)]  # (bold, italic, the face whose family it is) at each point
    fonts_: list[tuple[Optional[str], bool]] = []  # the open <font> tags: (fallback face or None, set a style)
    for k, piece in enumerate(pieces):
        if k % 2:  # a tag
            tag, closing = piece.lstrip("</").split(" ")[0].rstrip(">"), piece.startswith("</")
            if tag == "font" and closing:
                if fonts_ and fonts_.pop()[1] and len(styles) > 1:
                    styles.pop()
            elif tag == "font":
                face, named = _OPEN_FACE.match(piece), _NAMED.match(piece)
                if named:
                    styles.append((*_style_of(named.group(1))[:2], named.group(1)))
                fonts_.append((face.group(1) if face else None, bool(named)))
            elif tag in ("b", "strong", "i", "em"):
                if closing:
                    styles.pop() if len(styles) > 1 else None
                else:
                    b, i, own = styles[-1]
                    styles.append((1, i, own) if tag in ("b", "strong") else (b, 1, own))
            continue
        b, i, own = styles[-1]
        if not piece or not i or any(face for face, _ in fonts_):
            continue
        before = k > 1 and pieces[k - 1] == "</font>" and _closes_upright(pieces, k - 1)
        after = k + 1 < len(pieces) and (m := _OPEN_FACE.match(pieces[k + 1])) is not None \
            and m.group(1) in _UPRIGHT_ONLY
        if not (before or after):
            continue
        face = _upright_face(own, b)
        if not any(c.isalnum() for c in _ENTITIES.sub("", piece)) and not piece.isspace():
            pieces[k] = f'<font face="{face}">{piece}</font>'
            continue
        pieces[k] = _MARKS.sub(lambda m: f'<font face="{face}">{m.group()}</font>' if (
            m.start() == 0 and before or m.end() == len(piece) and after) else m.group(), piece)
    return "".join(pieces)


def _closes_upright(pieces: list, k: int) -> bool:
    """Whether the '</font>' at ``pieces[k]`` closes an upright-only fallback face's run."""
    depth = 0
    for j in range(k - 2, 0, -2):
        if pieces[j] == "</font>":
            depth += 1
        elif pieces[j].startswith("<font"):
            if depth == 0:
                found = _OPEN_FACE.match(pieces[j])
                return found is not None and found.group(1) in _UPRIGHT_ONLY
            depth -= 1
    return False


@lru_cache(maxsize=None)
def _upright_face(base: str, bold: int) -> str:
    """The upright face, of weight ``bold``, of the family ``base`` belongs to."""
    for faces in FAMILIES.values():
        if any(name == base for name, _ in faces.values()):
            return faces[bold, 0][0]
    try:
        family, _, _ = ps2tt(base)
        return tt2ps(family, bold, 0)
    except ValueError:
        return base
