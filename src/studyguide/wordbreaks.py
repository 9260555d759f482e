"""Where a word wider than its line is cut, and the mark the cut gets (trial r11, finding 4: a quarter sheet printed
"number_of_passing_scores_in_period_t" and "hree = 0:" with nothing to say the name went on).

Code (a `code` span, in the monospace font) and a word that reads as code (a name with '_', a call, a dotted name,
a path) is cut after a space, '_', '.', '(', ',' or beside an operator, never inside '==', and the rest starts after
"↪ ", the mark a program's turned-over rows carry. Another word is cut between two letters and takes a hyphen,
as print does. Chinese and Japanese (a run of them has no spaces, so reportlab sees one long word) is cut between
two characters with no mark, never inside a number or a Latin word, never before a closing mark (。、）」) nor after
an opening one (（「), the usual line-breaking rules. Thai, Lao, Khmer and Myanmar have no spaces between words
either and are cut the same way: never before a vowel sign or tone mark (a row never starts with one), after a vowel
written first (เ, ແ) or a stacking sign, nor before a consonant a mark makes silent (ศักดิ์). With no dictionary the
cuts fall between syllables mostly, not always; never with a hyphen. All are measured in the bold face as well as the
face printed, so the handout and the key's bold answer cut a name at the same place.

A number (its sign, digits, decimal point, and a unit or degree sign typed on to it: "−1.75", "25°C", "10cm") is
never cut and never takes a hyphen, which printed a wrong value ("−1-" / "0" for −10: hostile r15, findings 1
and 2): it goes on to the next row whole (after the no-break space that glues it to its relation sign, formulas.py,
when the two are wider than the row), and one wider than its row (a narrow cell) overflows it a little. Only a run
of digits longer than :data:`LONG_NUMBER` (π to 100 places, wider than a page) is cut, where the row ends, with no
mark, as long digit strings are printed; run off the paper, it would lose digits.

The cutting is called by reportlab's paragraph (``_reportlab_words.split_long_words``); this module only chooses.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Optional

from reportlab.lib.colors import Color
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from . import inline
from .theming import fonts

TURN = "\u21aa\u00a0"   # before the rest of a cut name (layout/code.py's rows start with the same)
TURN_PLAIN = "\u00ac"   # for a face without '↪' (Atkinson Hyperlegible): '¬' ends the cut part instead
HYPHEN = "-"
_CODE_LIKE = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9_]|[A-Za-z_]\w*\(|[a-z]\.[a-z_]|://|\w/\w|[=!<>]=|\w=\w|\[\w")
_AFTER = set("_.,([{/:;")          # a cut may follow these
_OPERATORS = set("=+-*<>!%&|^~")  # a cut may come before or after a run of these, never inside it
_SPACES = " \u00a0"                # code's spaces are no-break ones (inline.py): a cut may follow one
_LETTER = re.compile(r"\w", re.U)
NB = "\u00a0"
LONG_NUMBER = 20  # characters: a longer run of digits (π to 30 places) is cut, with no mark, where its row ends
# a number: its sign, digits with their points and commas, and a unit or degree sign typed on to it
_NUMBER = re.compile(r"[−–+±\-]?\d(?:[\d.,]*\d)?(?:[%‰°′″]|°?[A-Za-zµΩ]{1,3}(?![A-Za-z]))?")


@lru_cache(maxsize=1024)
def _numbers(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _NUMBER.finditer(text))


def kept_whole(text: str, wide: float, room: float) -> bool:
    """Whether a word :func:`cuts` left uncut though wider than ``room`` is kept whole (a number), not cut by reportlab."""
    return wide > room and bool(_numbers(text))


def _in_number(text: str, k: int) -> Optional[tuple[int, int]]:
    """The number a cut before text[k] would part, if any."""
    return next(((a, b) for a, b in _numbers(text) if a < k < b), None)


def hyphen_at(text: str, k: int) -> bool:
    """Whether a plain word cut before text[k] takes a hyphen: not after a no-break space or its own hyphen, and
    not beside a digit (a number is never given one)."""
    return 0 < k < len(text) and text[k - 1] not in (NB, "-") and not text[k - 1].isdigit() \
        and not text[k].isdigit() and _in_number(text, k) is None


@lru_cache(maxsize=None)
def _cjk() -> re.Pattern:
    """Han, kana, CJK punctuation, full-width forms, Hangul: scripts set without hyphens, cut between characters.
    Compiled when first needed: its 60,000 characters took 3 ms of every start-up, a guide in these scripts or not."""
    return re.compile("[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f"
                      "\uff00-\uffef\U00020000-\U0003ffff]")


# Myanmar, Thai, Lao, Khmer (and their extensions): no spaces between words either; their digits are a number's
_SEA = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f]")
# a row never starts with these (closing marks, small kana, the long-vowel mark) nor ends with the openers
_NO_START = set("、。，．・：；？！‼⁇⁈⁉）〕］｝〉》」』】〙〗〟’”»ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ"
                "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～…‥%％),.:;?!]}"
                "\u0e2f\u0e30\u0e32\u0e33\u0e45\u0e46\u0e5a\u0e5b"  # Thai: ฯ, the following vowels ะ า ำ ๅ, ๆ, ๚ ๛
                "\u0eaf\u0eb0\u0eb2\u0eb3\u0ec6"  # Lao: the same
                "\u104a\u104b\u17d4\u17d5\u17d6\u17d7\u17d8\u17da")  # Myanmar and Khmer full stops, Khmer ៗ
_NO_END = set("（〔［｛〈《「『【〘〖〝‘“«([{"
              "\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4"  # Thai, Lao vowels written first
              "\u1039\u17d2")  # Myanmar virama, Khmer coeng: the consonant after them is stacked under the one before
_SILENT = set("\u0e4c\u0ecc\u1039\u103a")  # marks that make their consonant end the syllable before


def is_code(text: str, face: str) -> bool:
    return face.startswith(inline.MONO) or bool(_CODE_LIKE.search(text))


def _sensible(text: str, k: int) -> bool:
    """Whether code may be cut before text[k]."""
    if k <= 0 or k >= len(text):
        return False
    before, after = text[k - 1], text[k]
    if after in _SPACES or before == "-":  # a row never starts with a space; never ends with '-' (a hyphen?)
        return False
    if before in _SPACES:
        return True
    if before in _AFTER and after not in _AFTER | {")", "]", "}"}:
        return True
    if before in _OPERATORS or after in _OPERATORS:
        return not (before in _OPERATORS and after in _OPERATORS)
    return False


def _between_letters(text: str, k: int) -> bool:
    """Whether a plain word may be cut before text[k]: between two letters (not digits, nor inside a number), or
    after a no-break space that glues a formula's parts."""
    if 0 < k < len(text) and text[k - 1] == NB and not text[k].isspace():
        return not any(a == k for a, _ in _numbers(text))  # (a number after a sign: see cuts)
    return 2 <= k <= len(text) - 2 and bool(_LETTER.match(text[k - 1])) and bool(_LETTER.match(text[k])) \
        and text[k - 1] != "-" and not text[k - 1].isdigit() and not text[k].isdigit() and _in_number(text, k) is None


def is_unspaced(text: str) -> bool:
    """Whether a word holds characters of a script written without spaces between words (Chinese, Japanese, Korean,
    Thai, Lao, Khmer, Myanmar): cut between them, with no mark."""
    return bool(_cjk().search(text) or _SEA.search(text))


# Chinese and Japanese (Han, kana, their punctuation and full-width forms; not Hangul: Korean spaces its words and
# its lines break at those spaces)
_HAN_KANA = re.compile("[\u2e80-\u312f\u3190-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
                       "\U00020000-\U0003ffff]")


def has_han_kana(text: str) -> bool:
    return _HAN_KANA.search(text) is not None


def mostly_han_kana(text: str) -> bool:
    """Whether text is written in Chinese or Japanese: as many of its letters are theirs as not. (An English
    sentence naming a Japanese word, 'a fine powder (抹茶)', breaks at its spaces and keeps the word whole.)"""
    ours = len(_HAN_KANA.findall(text))
    return ours > 0 and 2 * ours >= sum(c.isalpha() for c in text)


def run_breaks(text: str, glued: list[bool]) -> list[int]:
    """Where a word holding Chinese or Japanese, among words spaced apart in a paragraph, may be cut (the indices the
    pieces after the first start at): beside one of their characters, under :func:`_between_characters`' rules, and
    never between two ``glued`` characters (a blank's: the handout's spaces and the key's answer in it are one).
    A line breaks at these as at a space, so a run after a Latin word or a year fills its line to the end instead
    of going whole to the next line and leaving a gap."""
    return [k for k in range(1, len(text)) if not (glued[k - 1] and glued[k])
            and (_HAN_KANA.match(text[k - 1]) or _HAN_KANA.match(text[k])) and _between_characters(text, k)]


def _unspaced(char: str) -> bool:
    return bool(_cjk().match(char)) or (bool(_SEA.match(char)) and not char.isdigit())


def _mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def _silent_next(text: str, k: int) -> bool:
    """Whether the marks on text[k] make it a silent or final consonant (it belongs with the syllable before)."""
    j = k + 1
    while j < len(text) and _mark(text[j]):
        if text[j] in _SILENT:
            return True
        j += 1
    return False


def _between_characters(text: str, k: int) -> bool:
    """Whether unspaced text may be cut before text[k]: beside one of its characters, outside the opening and closing
    marks, never before a combining mark."""
    if k <= 0 or k >= len(text):
        return False
    before, after = text[k - 1], text[k]
    return (_unspaced(before) or _unspaced(after)) and after not in _NO_START and before not in _NO_END \
        and not after.isspace() and not _mark(after) and not (_SEA.match(after) and _silent_next(text, k))


@lru_cache(maxsize=None)
def _bold_of(face: str) -> str:
    try:
        family, _, italic = ps2tt(face)
        return tt2ps(family, 1, italic)
    except ValueError:
        return face


def has_glyph(face: str, char: str) -> bool:
    try:
        return ord(char) in getFont(face).face.charToGlyph
    except (AttributeError, KeyError):
        return False


def width(char: str, face: str, size: float) -> float:
    """A character's width for choosing cuts: the wider of its face and that face's bold."""
    return max(stringWidth(char, face, size), stringWidth(char, _bold_of(face), size))


def cuts(text: str, widths: list[float], room: float, rooms: Callable[[int], float], code: bool,
         lead: float, tail: float, started: bool, unspaced: bool = False) -> list[int]:
    """Where ``text`` is cut: the indices each new row starts at (0 first: the word starts on the next row).
    ``room`` is what is left on the first row (``started``: other words are on it), ``rooms(n)`` the width of row n
    after it; ``lead`` the width of the mark that starts a row carrying on, ``tail`` of the one that ends a cut row."""
    out: list[int] = []
    start, row, n = 0, room, 0
    ok = _sensible if code else _between_characters if unspaced else _between_letters
    while True:
        used = lead if start else 0.0
        if used + sum(widths[start:]) <= row:
            return out
        fit = start
        while fit < len(text) and used + widths[fit] + tail <= row:
            used += widths[fit]
            fit += 1
        best = next((k for k in range(fit, start, -1) if ok(text, k)), None)
        if best is None:
            if started and n == 0:
                best = 0  # nothing sensible fits after the words on this row: the word starts the next one
            else:
                best = max(fit, start + 1)  # no sensible cut in a whole row: cut where the row ends
                number = _in_number(text, best)
                if number and number[1] - number[0] <= LONG_NUMBER:  # never inside a number: it starts the next
                    if number[0] > start:  # row, or overflows this one whole
                        best = number[0]
                    elif number[1] < len(text):
                        best = number[1]
                    else:
                        return out
        out.append(best)
        start, n = best, n + 1
        row = rooms(n)


def run_cuts(chars: list, room: float, rooms: Callable[[int], float], started: bool) -> tuple[list[int], str]:
    """:func:`cuts` for a word of runs ((frag, width, char) each), and its mark: code's '↪ ' or a hyphen."""
    text, first = "".join(c for _, _, c in chars), chars[0][0]
    mono = any(f.fontName.startswith(inline.MONO) for f, _, _ in chars)
    unspaced = not mono and is_unspaced(text)  # (before code: '\\w' in its patterns matches a CJK or Thai character)
    code = not unspaced and (mono or is_code(text, first.fontName))
    turn = TURN if code else "" if unspaced else HYPHEN
    mark = sum(width(c, mark_face(first.fontName) if code else first.fontName, first.fontSize) for c in turn)
    widths = [width(c, f.fontName, f.fontSize) for f, _, c in chars]
    return cuts(text, widths, room, rooms, code, mark if code else 0.0, 0.0 if code else mark, started, unspaced), turn


def mark_face(face: str) -> str:
    """The face a run's '↪' is drawn in: its own, or the monospace font where its own lacks it."""
    if has_glyph(face, "\u21aa"):
        return face
    fonts.register(inline.MONO)
    return inline.MONO


def runs(chars: list, first, turn: str, carries: bool, last: bool, mark: bool = True) -> list:
    """One row's piece of a word of runs: (frag, text) pairs from ``chars`` ((frag, width, char) each), a code
    row that carries on led by '↪' in the soft ink, a word's cut part ended by its hyphen."""
    out: list = []
    for f, _, c in chars:
        if out and out[-1][0] is f:
            out[-1][1] += c
        else:
            out.append([f, c])
    out = out or [[first, ""]]  # the word starts on the next row: this one ends before it
    if turn == TURN and carries:
        f = out[0][0]
        soft = Color(*(c + (1 - c) * 0.45 for c in f.textColor.rgb())) if isinstance(f.textColor, Color) \
            else f.textColor
        out.insert(0, [f.clone(fontName=mark_face(f.fontName), textColor=soft, sg_turn=True), turn])
    elif turn == HYPHEN and not last and mark and not out[-1][1].endswith("-"):
        out[-1][1] += turn
    return [(f.clone(text=t) if hasattr(f, "text") else f.clone(), t) for f, t in out]


def hyphened(text: str, got: list[str]) -> list[bool]:
    """For each piece :func:`pieces` gave: whether it ends in a hyphen it added."""
    at, out = 0, []
    for p in got:
        own = p[len(TURN):] if at and p.startswith(TURN) else p
        ours = own != text[at:at + len(own)] and own.endswith(HYPHEN)
        out.append(ours)
        at += len(own) - ours
    return out


def unmarked(piece: str, n: int, last: bool) -> str:
    """A cut piece of a one-face word without the mark :func:`pieces` gave it (to join the word again)."""
    if n and piece.startswith(TURN):
        return piece[len(TURN):]
    return piece[:-1] if not last and piece.endswith(TURN_PLAIN) else piece


def mark_for(face: str) -> str:
    return TURN if has_glyph(face, "\u21aa") else TURN_PLAIN


def pieces(text: str, face: str, size: float, room: float, rooms: Callable[[int], float],
           started: bool) -> Optional[list[str]]:
    """The rows' pieces of ``text`` (a word in one face), marks in, or None to leave it to reportlab."""
    unspaced = not face.startswith(inline.MONO) and is_unspaced(text)
    code = not unspaced and is_code(text, face)
    widths = [width(c, face, size) for c in text]
    turn = mark_for(face) if code else "" if unspaced else HYPHEN
    mark = sum(width(c, face, size) for c in turn)
    at = cuts(text, widths, room, rooms, code, mark if turn == TURN else 0.0, 0.0 if turn == TURN else mark, started,
              unspaced)
    if not at:  # (a number kept whole though wider than its row: one piece, not reportlab's cut)
        return [text] if kept_whole(text, sum(widths), room) else None
    bounds = [0] + at + [len(text)]
    out = []
    for j in range(len(bounds) - 1):
        piece = text[bounds[j]:bounds[j + 1]]
        last = j == len(bounds) - 2
        if turn == TURN and bounds[j] > 0:
            piece = TURN + piece
        elif turn not in (TURN, "") and piece and not last and hyphen_at(text, bounds[j + 1]):
            piece += turn
        out.append(piece)
    return out
