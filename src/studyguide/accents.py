"""Letters typed decomposed, composed: a letter followed by its accents as marks of their own (NFD, as a Mac's copy
or Unikey's "Unicode tổ hợp" gives Vietnamese), or a Korean syllable as its loose jamo, made the one character
Unicode has for them (NFC), as fonts expect (trial r15, finding 1: reportlab sets each mark where it stands, so a
decomposed 'Ô' printed as 'Ơ').

Only a letter with marks after it is composed. A character typed alone is left as typed, though NFC would change it:
the half note 𝅗𝅥 typed as one character (NFC splits it into notehead and stem), a CJK compatibility ideograph, the
Ångström sign. Pure, and imports nothing of studyguide: errors uses it to find a character in the text as typed.
"""
from __future__ import annotations

import unicodedata


def _joins(ch: str) -> bool:
    """Whether ``ch`` belongs to the letter before it: a combining mark, or a Hangul vowel or final consonant jamo."""
    return unicodedata.category(ch)[0] == "M" or "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff"


def _pieces(text: str) -> list[tuple[str, int]]:
    """Each character of ``text`` with the marks typed after it, and where it starts."""
    pieces: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if pieces and _joins(ch):
            pieces[-1] = (pieces[-1][0] + ch, pieces[-1][1])
        else:
            pieces.append((ch, i))
    return pieces


def composed_at(text: str) -> tuple[str, list[int] | None]:
    """``text`` composed, and where each of its characters starts in ``text`` (None when nothing changed)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, None
    out, at = [], []
    for piece, start in _pieces(text):
        made = unicodedata.normalize("NFC", piece) if len(piece) > 1 else piece
        out.append(made)
        at += [start + min(k, len(piece) - 1) for k in range(len(made))]
    made = "".join(out)
    return (text, None) if made == text else (made, at)


def composed(text: str) -> str:
    """``text`` with each letter typed with marks after it composed (see the module)."""
    return composed_at(text)[0]
