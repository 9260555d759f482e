"""Paragraph markup's fallback runs (``<font face="FAMILY">``, from inline's routing) in the face that keeps
the weight and slant around them, and the punctuation beside an upright-only run (CJK and Korean type has
no italic) drawn upright with it. Markup in, markup out: the faces are registered by fonts."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.pdfbase.pdfmetrics import getDescent

from .._reportlab_glyphs import glyph_bottom
from .families import FAMILIES, NASKH_CLEAR, NASKH_DEPTH, NASKH_FACES, NASKH_SCALE

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


def drawn_size(face: str, size: float) -> float:
    """The size a run asked at ``size`` is set at in ``face``: Noto Naskh Arabic's larger (families.NASKH_SCALE), so
    its letters stand as tall as DejaVu Sans's; paragraphs' runs (rtl.visual_lines) and text drawn straight on the
    canvas (the name lines' labels, the key's banner) alike."""
    return round(size * NASKH_SCALE, 2) if face in NASKH_FACES else size


def depth(face: str, size: float) -> float:
    """How far below the baseline a line's letters in ``face`` at ``size`` reach: the font's descent, but Noto
    Naskh's common letters' (families.NASKH_DEPTH), its descent being made for rare marks."""
    return size * NASKH_DEPTH if face in NASKH_FACES else -getDescent(face, size)


def room_below(runs, baseline: float, asked: float) -> float:
    """How much lower a paragraph's box must end so its last line's Noto Naskh letters stay inside it, NASKH_CLEAR
    over its end: ``runs`` are that line's (face, size, text), ``baseline`` how far under the box's top it stands,
    ``asked`` the box's height as its style sets it. Naskh is set larger (drawn_size) and reaches deeper than the
    leading was made for: a heading's ی and ں reached the grey band under it. 0 for a line without Naskh."""
    deepest = max(((ink_depth(face, size, text) + NASKH_CLEAR * size) for face, size, text in runs
                   if face in NASKH_FACES), default=None)
    return 0.0 if deepest is None else max(0.0, round(baseline + deepest - asked, 2))


def ink_depth(face: str, size: float, text: str) -> float:
    """How far below the baseline ``text``'s letters in Noto Naskh ``face`` at ``size`` reach: its own glyphs'
    lowest point (regular: 'درست' 0.20 em, 'ہیں' 0.26, an Arabic ي standing alone 0.43), or fonts.depth's common
    letters' where a glyph's box cannot be read."""
    lows = [glyph_bottom(face, c) for c in text if not c.isspace()]
    return size * max(lows, default=0.0) if None not in lows else depth(face, size)


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

# punctuation or a digit after a run's end or before an upright-only run's start: the markup :func:`_upright_beside` changes
_BESIDE = re.compile(r"</font>(?:[^\w\s<]|\s*\d)|(?:[^\w\s>]|\d)<font face=\"(?:" + "|".join(map(re.escape, _UPRIGHT_ONLY)) + ")\"")


def _upright_beside(markup: str, base: str) -> str:
    """Markup whose punctuation next to an upright-only run in a slanted context ('만들어졌을까?' in an italic
    subtitle: Hangul has no italic) is drawn in the upright face of the surrounding family, so the '?' stands
    as straight as the word it ends (trial r9 L7). Text beside such a run with no letter, all punctuation ('」、「') or
    digits ('3' in '한국사 3단원'), too."""
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
        if not any(c.isalpha() for c in _ENTITIES.sub("", piece)) and not piece.isspace():
            pieces[k] = f'<font face="{face}">{piece}</font>'  # (signs, and digits: the 3 of '한국사 3단원' in an
            continue  # italic subtitle slanted between upright Hangul, trial r14 #10; a Latin word keeps its slant)
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
