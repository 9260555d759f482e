"""Characters no font has: every text a build draws, the one warning that lists those it would print as boxes,
and what to do about them. No reportlab here: `validate` gives the warning too (``unprintable``, from the
bundled fonts' and the installed fonts' character maps), and `check` and `build` give it from the fonts they
plan (render.glyph_plan)."""
from __future__ import annotations

import unicodedata
from typing import Iterable, Optional

from . import labels, rtl, scripts
from .errors import Location, Problem
from .model import Guide

# what to do for characters a font could draw: where a free font for nearly every script and symbol is
INSTALL = ("install a TrueType (.ttf) font that has {them} and build again (studyguide finds it by itself): the free "
           "Noto fonts have nearly every script and symbol (notofonts.github.io; on Debian or Ubuntu: sudo apt install "
           "fonts-noto-core); or retype {them}")
# a private-use character is a font's own: only the font it was typed with draws it as meant
PRIVATE = ("{they_are} private-use {characters}, which {mean} something only in the font {it_was} typed with: install that "
           "font (a .ttf file) and build again, or retype {them}")
UNASSIGNED = "{they_are} code point{s} Unicode has not assigned yet: retype {them}"


def drawn_texts(guide: Guide) -> list[tuple[Location, str]]:
    """Every text a build draws, with where it comes from: the guide's own text (and its capitals:
    the crossword and word search print letters upper-case), the printed labels of its language,
    and the footer's version and seed. The glyph check reads this, so nothing drawn escapes it."""
    texts = [(where, text) for where, text in guide.texts if not text.isascii()]
    texts += [(where, scripts.caps(text)) for where, text in texts if scripts.caps(text) != text]
    texts += [(where, rtl.shape(text)) for where, text in texts if rtl.has_rtl(text)]  # joined Arabic forms
    own = Location(str(guide.path))
    for key, text in labels.for_language(guide.language, guide.labels).items():
        if not text.isascii() and key not in guide.labels:  # a guide's own labels are in guide.texts
            texts.append((own, text))
    if guide.version or guide.seed:  # the footer's version letter and seed, as typed (--seed or seed:)
        texts.append((own, f"{guide.version or ''} {guide.seed or ''}"))
    return texts


def warning(texts: list[tuple[Location, str]], missing: set[str]) -> Optional[Problem]:
    """The warning for the characters of ``missing`` (no font has them): the first ten, each at its first
    place, how many in all, and what to do. None when there are none."""
    if not missing:
        return None
    first: dict[str, Location] = {}
    found_in: dict[str, str] = {}
    for where, text in texts:
        for ch in set(text) & missing:
            if ch not in first or (not where.line, where) < (not first[ch].line, first[ch]):
                first[ch], found_in[ch] = where, text
    # the character's own line and column (the text's start is the key's line for a '|' block)
    first = {ch: where.of(found_in[ch], found_in[ch].index(ch)) for ch, where in first.items()}
    order = sorted(first, key=lambda c: (not first[c].line, first[c], c))
    shown = ", ".join(f"'{c}' (U+{ord(c):04X}, {_place(first[c])})" for c in order[:10])
    fix = what_to_do(order)
    if len(order) == 1:
        message = f"no font has the character {shown}; it would print as a box: {fix}"
    else:
        more = f" and {len(order) - 10:,} more" if len(order) > 10 else ""
        message = f"no font has {len(order):,} characters of this guide; they would print as boxes: {shown}{more}: {fix}"
    return Problem(first[order[0]], message, warning=True)


def what_to_do(chars: list[str]) -> str:
    """The fix for characters no font has: a font to install, named; for private-use characters (a font's
    own, typed with it) that font; for code points Unicode has not assigned, retyping."""
    one = len(chars) == 1
    words = {"them": "it" if one else "them", "they_are": "it is a" if one else "they are",
             "characters": "character" if one else "characters", "mean": "means" if one else "mean",
             "it_was": "it was" if one else "they were", "s": "" if one else "s"}
    kinds = {unicodedata.category(c) for c in chars}
    if kinds == {"Co"}:
        return PRIVATE.format(**words)
    if kinds == {"Cn"}:
        return UNASSIGNED.format(**words)
    return INSTALL.format(**words)


def _place(where: Location) -> str:
    """'line 12:5' for a place in the guide, 'the labels or footer studyguide prints' for text studyguide adds itself."""
    if where.line:
        return f"line {where.line}:{where.col}" if where.col else f"line {where.line}"
    return "the labels or footer studyguide prints"


def unprintable(chars: Iterable[str]) -> set[str]:
    """The characters of ``chars`` that neither a bundled font nor an installed one has, read from the fonts'
    character maps (no reportlab): what `validate` warns of. Layout controls and the scripts that need shaping
    (scripts.warnings speaks of those) are left out, as the build leaves them out."""
    from .theming import bundled, sysfonts

    todo = bundled.lacked({c for c in chars if not c.isascii() and c not in bundled.IGNORED and not scripts.needs_shaping(c)})
    if todo:
        installed = sysfonts.union(cover for _, _, cover in sysfonts.index(sysfonts.font_files(), sysfonts.cache_path()))
        todo = {c for c in todo if ord(c) not in installed}
    return todo
