"""Teacher text → reportlab paragraph markup.

Only ``**bold**`` and ``*italic*`` are interpreted; every other character is
escaped, so ``AT&T``, ``x < y`` and ``<b>`` print exactly as typed and no
reportlab tag (``<img>``, ``<a>``, ``<font>``) can be smuggled in.
"""
from __future__ import annotations

import re
from typing import Mapping, Optional

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def plain(text: str) -> str:
    """The text without emphasis markers, as a reader sees it."""
    text = _BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text)


def markup(text: str, fonts: Optional[Mapping[str, Optional[str]]] = None) -> str:
    """Escape ``text`` and turn its emphasis into <b>/<i>; route uncovered characters to fallback fonts."""
    out = escape(text)
    if "*" in out:
        out = _BOLD.sub(r"<b>\1</b>", out)
        out = _ITALIC.sub(r"<i>\1</i>", out)
    if fonts and not out.isascii():
        out = _route(out, fonts)
    return out


def _route(text: str, fonts: Mapping[str, Optional[str]]) -> str:
    pieces: list[str] = []
    current: Optional[str] = None
    run: list[str] = []

    def flush():
        if run:
            joined = "".join(run)
            pieces.append(f'<font face="{current}">{joined}</font>' if current else joined)
            run.clear()

    for ch in text:
        face = fonts.get(ch)
        if face != current:
            flush()
            current = face
        run.append(ch)
    flush()
    return "".join(pieces)
