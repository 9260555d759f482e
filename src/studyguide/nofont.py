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
PRIVATE = ("{subject} {is} {a}private-use {characters}, which {mean} something only in the font {it_was} typed with: install that "
           "font (a .ttf file) and build again, or retype {them}")
# colour emoji fonts (bitmaps or colour layers) cannot be embedded; a black-and-white outline one can
EMOJI = ("{subject} {is} {an}emoji, and colour emoji fonts cannot be put in a PDF here: install a black-and-white emoji font "
         "(a .ttf file with outlines, such as Noto Emoji's from fonts.google.com/noto/specimen/Noto+Emoji, or "
         "Symbola's) and build again, or write {them} as words")
# not 'unassigned': Python's tables may be older than the character (🪿 is Unicode 15; Python 3.11 knows 14)
UNKNOWN = ("{subject} {is} not in this installation's Unicode tables (version {version}): added to Unicode after "
           "them, or not assigned at all; install a TrueType (.ttf) font that has {them} and build again, or retype {them}")


def drawn_texts(guide: Guide) -> list[tuple[Location, str]]:
    """Every text a build draws, with where it comes from: the guide's own text (and its capitals:
    the crossword and word search print letters upper-case), the printed labels of its language,
    and the footer's version and seed. The glyph check reads this, so nothing drawn escapes it."""
    texts = [(where, text) for where, text in guide.texts if not text.isascii()]
    # and its capitals as the puzzles write them, in the guide's language: Turkish 'iklim' gives İKLİM (an ASCII
    # text's capitals are ASCII in every other language)
    dotted = scripts.dotted_i(guide.language)
    capitals = [(where, text, scripts.caps(text, guide.language)) for where, text in guide.texts
                if not text.isascii() or (dotted and "i" in text)]
    texts += [(where, up) for where, text, up in capitals if up != text and not up.isascii()]
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


def _kind(ch: str) -> str:
    """Which advice a character no font has gets: 'emoji' (a pictograph: the emoji blocks' symbols, and their
    code points this installation's tables do not know yet, as Extended_Pictographic counts them), 'private',
    'unknown' (not in this installation's Unicode tables) or 'other' (a font to install)."""
    cp, category = ord(ch), unicodedata.category(ch)
    if 0x1F000 <= cp <= 0x1FAFF or 0x1FC00 <= cp <= 0x1FFFD or (category == "So" and 0x2300 <= cp <= 0x2BFF):
        return "emoji"
    return {"Co": "private", "Cn": "unknown"}.get(category, "other")


_ADVICE = {"emoji": EMOJI, "private": PRIVATE, "unknown": UNKNOWN, "other": INSTALL}
def what_to_do(chars: list[str]) -> str:
    """The fix for characters no font has, for each kind present (:func:`_kind`): a font to install, named; for
    emoji a black-and-white emoji font; for private-use characters (a font's own) the font they were typed with;
    for code points this installation's Unicode tables do not know, a font or retyping. A mix of kinds gets the
    advice for each, naming the characters it is for."""
    groups: dict[str, list[str]] = {}
    for ch in chars:
        groups.setdefault(_kind(ch), []).append(ch)
    if len(groups) == 1:
        [(kind, group)] = groups.items()
        return _ADVICE[kind].format(**_words(group, named=False))
    parts = []
    for kind in ("other", "emoji", "private", "unknown"):
        if kind in groups:
            words = _words(groups[kind], named=True)
            parts.append(("for {subject}: " if kind == "other" else "").format(**words) + _ADVICE[kind].format(**words))
    return "; ".join(parts)


def _words(group: list[str], named: bool) -> dict[str, str]:
    """The words of the advice for ``group``: 'it'/'they', or the characters named (in a mix of kinds)."""
    one = len(group) == 1
    quoted = [f"'{c}'" for c in group[:3]] + ([f"{len(group) - 3:,} more"] if len(group) > 3 else [])
    subject = (", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]) if named else \
        "it" if one else "they"
    return {"subject": subject, "is": "is" if one else "are", "a": "a " if one else "", "an": "an " if one else "",
            "them": "it" if one else "them", "version": unicodedata.unidata_version,
            "characters": "character" if one else "characters", "mean": "means" if one else "mean",
            "it_was": "it was" if one else "they were"}


def _place(where: Location) -> str:
    """'line 12:5' for a place in the guide, 'the labels or footer studyguide prints' for text studyguide adds itself."""
    if where.line:
        return f"line {where.line}:{where.col}" if where.col else f"line {where.line}"
    return "the labels or footer studyguide prints"


def unprintable(chars: Iterable[str], own: frozenset[int] = frozenset()) -> set[str]:
    """The characters of ``chars`` that neither a bundled font nor an installed one has, nor every face of the
    theme's own fonts (``own``: bundled.own_coverage), read from the fonts' character maps (no reportlab): what
    `validate` warns of. Layout controls and the scripts that need shaping
    (scripts.warnings speaks of those) are left out, as the build leaves them out."""
    from .theming import bundled, sysfonts

    todo = bundled.lacked({c for c in chars if not c.isascii() and c not in bundled.IGNORED and ord(c) not in own
                           and not scripts.needs_shaping(c)})
    if todo:
        installed = sysfonts.union(cover for _, _, cover in sysfonts.index(sysfonts.font_files(), sysfonts.cache_path()))
        todo = {c for c in todo if ord(c) not in installed}
    return todo
