"""Teacher text → reportlab paragraph markup.

Only ``**bold**``, ``*italic*`` (and ``\\*``, a star that prints as one) and `` `code` `` are interpreted;
every other character is escaped, so ``AT&T``, ``x < y`` and ``<b>`` print exactly as typed and no
reportlab tag (``<img>``, ``<a>``, ``<font>``) can be smuggled in.

Code is Markdown's: a run of backticks opens it and the next run of as many closes it (so ``` `` a`b `` ```
holds a backtick), one space just inside both ends is dropped, and a backtick that no run closes prints as
typed. Inside code nothing is emphasis and every space prints (no-break spaces: code breaks at no space).
"""
from __future__ import annotations

import re
from typing import Mapping, Optional, Sequence

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)
MONO = "SGMono"  # the bundled monospace family (theming/families.py)
PRINT_CODE = (f'<font face="{MONO}">', "</font>")  # how code is marked up for reportlab
_TICKS = re.compile(r"`+")
_HELD = 0xE100  # private-use characters stand for code spans while emphasis is read around them


def escape(text: str) -> str:
    # (three replaces, '&' first: what a translation table gave, in a fraction of its time; every printed text is escaped)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def code_spans(text: str) -> list[tuple[int, int, str]]:
    """The code spans of ``text``: (start, end, the code), start and end taking in the backticks."""
    if "`" not in text:
        return []
    spans, pos = [], 0
    while True:
        m = _TICKS.search(text, pos)
        if not m:
            return spans
        closing = next((c for c in _TICKS.finditer(text, m.end()) if len(c.group()) == len(m.group())), None)
        code = text[m.end():closing.start()].replace("\n", " ") if closing else ""
        if not closing or not code.strip():
            pos = m.end()  # an opening no run closes (or that holds nothing) prints as typed
            continue
        if len(code) > 2 and code[0] == code[-1] == " ":
            code = code[1:-1]
        spans.append((m.start(), closing.end(), code))
        pos = closing.end()


def _held(text: str) -> tuple[str, list[str]]:
    """``text`` with each code span as one private-use character, and the spans' code in order."""
    spans = code_spans(text)
    if not spans or len(spans) > 0x700 or any(0xE100 <= ord(c) < 0xE800 for c in text):
        return text, []
    out, pos = [], 0
    for k, (start, end, _) in enumerate(spans):
        out += [text[pos:start], chr(_HELD + k)]
        pos = end
    out.append(text[pos:])
    return "".join(out), [code for _, _, code in spans]


def _given_back(markup: str, codes: list[str], tags: tuple[str, str], fonts=None) -> str:
    for k, code in enumerate(codes):
        piece = printed_code(code, fonts) if tags == PRINT_CODE else f"{tags[0]}{escape(code)}{tags[1]}"
        markup = markup.replace(chr(_HELD + k), piece)
    return markup


def code_font(ch: str) -> tuple[str, str]:
    """The key of ``fonts`` (render.glyph_plan) naming the face that draws ``ch`` in code, the monospace font
    lacking it: the body's family, or the fallback that draws it there."""
    return ("code", ch)


def printed_code(code: str, fonts=None) -> str:
    """Code as printed: in the monospace font, escaped, its spaces no-break; a character the monospace font lacks
    (CJK, Arabic, an emoji in a string) in the face ``fonts`` gives it (else it would print as a box)."""
    piece = escape(code).replace(" ", "\u00a0")
    if fonts and not code.isascii():
        piece = _route(piece, {ch: fonts.get(code_font(ch)) for ch in set(piece)})
    return f"{PRINT_CODE[0]}{piece}{PRINT_CODE[1]}"


def _marks(text: str) -> tuple[list[bool], list[bool], list[bool]]:
    """For each character of ``text``: whether it is dropped (a marker, or the backslash of \\*), bold, italic.

    Bold pairs are found first, then italic pairs in what is left, so
    ``***word***`` and overlapping ``**a *b** c*`` become properly nested runs.
    """
    n = len(text)
    drop = [False] * n
    bold = [False] * n
    italic = [False] * n
    if "\\*" in text:  # \* is a star that prints: its backslash goes, and the star pairs with none
        for m in re.finditer(r"\\\*", text):
            drop[m.start()] = True
        text = text.replace("\\*", "\0\0")  # (same length: the regexes below see neither)
    for m in _BOLD.finditer(text):
        drop[m.start()] = drop[m.start() + 1] = drop[m.end() - 2] = drop[m.end() - 1] = True
        for i in range(m.start(1), m.end(1)):
            bold[i] = True
    masked = "".join("\0" if d else c for c, d in zip(text, drop))
    for m in _ITALIC.finditer(masked):
        drop[m.start()] = drop[m.end() - 1] = True
        for i in range(m.start(1), m.end(1)):
            italic[i] = True
    return drop, bold, italic


def _styles(text: str) -> list[tuple[str, bool, bool]]:
    """Split text into runs of (text, bold, italic), the markers removed (see :func:`_marks`)."""
    drop, bold, italic = _marks(text)
    runs: list[tuple[str, bool, bool]] = []
    chars: list[str] = []
    style = None  # (bold, italic) of the run in ``chars``; a dropped marker between two alike joins them
    for ch, dropped, b, i in zip(text, drop, bold, italic):
        if dropped:
            continue
        if (b, i) != style:
            if chars:
                runs.append(("".join(chars), *style))
            chars, style = [], (b, i)
        chars.append(ch)
    if chars:
        runs.append(("".join(chars), *style))
    return runs


def markup(text: str, fonts: Optional[Mapping[str, Optional[str]]] = None,
           code: tuple[str, str] = PRINT_CODE) -> str:
    """Escape ``text`` and turn its emphasis into <b>/<i> and its code into ``code``'s tags (the monospace
    font, or HTML's <code>); route uncovered characters to fallback fonts."""
    text, codes = _held(text)
    if codes:
        out = markup(text, fonts, code)
        return _given_back(out, codes, code, fonts)
    if "*" not in text:
        out = escape(text)
    else:
        parts = []
        for run, b, i in _styles(text):
            piece = escape(run)
            if i:
                piece = f"<i>{piece}</i>"
            if b:
                piece = f"<b>{piece}</b>"
            parts.append(piece)
        out = "".join(parts)
    if fonts and not out.isascii():
        out = _route(out, fonts)
    return out


_GAP = "\ue000"  # a private-use character stands for a blank while the text around it is read


def markup_around(pieces: Sequence[str], fonts: Optional[Mapping[str, Optional[str]]] = None) -> list[str]:
    """Markup for the text between blanks (``pieces``: one more than the blanks), read as one text, so that
    emphasis around a blank pairs up: ``**Trees take in [[carbon dioxide]]**`` prints bold, not its stars.
    Each piece's tags close within it; a blank goes between pieces as it is."""
    joined = _GAP.join(pieces)
    if "`" in joined:  # code spans pair up within a piece (a blank inside code is not one)
        return [markup(p, fonts) for p in pieces]
    if len(pieces) < 2 or "*" not in joined or _GAP in "".join(pieces):  # (the teacher typed our marker)
        return [markup(p, fonts) for p in pieces]
    out: list[list[str]] = [[] for _ in pieces]
    k = 0
    for run, b, i in _styles(joined):
        for j, chunk in enumerate(run.split(_GAP)):
            k += j > 0
            if chunk:
                piece = escape(chunk)
                piece = f"<i>{piece}</i>" if i else piece
                out[k].append(f"<b>{piece}</b>" if b else piece)
    texts = ["".join(p) for p in out]
    return [_route(t, fonts) if fonts and not t.isascii() else t for t in texts]


# a space before ? ! : ; » › or after « ‹ (French puts one there): never the place a line breaks
_PUNCTUATION_SPACE = re.compile(r"(?<=\S) +(?=[?!:;»›])|(?<=[«‹]) +(?=\S)")
_SPACED = (" ?", " !", " :", " ;", " »", " ›", "« ", "‹ ")


def keep_punctuation(markup: str) -> str:
    """Markup whose spaces before '?', '!', ':', ';', '»' and after '«' are no-break spaces, so that
    "…solution mère ?" never leaves its "?" alone on the next line. Only the printed page takes it: the
    exports keep the guide's text as typed."""
    if not any(pair in markup for pair in _SPACED):  # (most paragraphs: 1 µs instead of 20)
        return markup
    return _PUNCTUATION_SPACE.sub("\u00a0", markup)


def plain(text: str) -> str:
    """The text without emphasis markers and code's backticks, as a reader sees it."""
    text, codes = _held(text)
    if codes:
        out = plain(text)
        for k, code in enumerate(codes):
            out = out.replace(chr(_HELD + k), code)
        return out
    if "*" not in text:
        return text
    return "".join(run for run, _, _ in _styles(text))


def printed_stars(text: str) -> list[int]:
    """Where a typed '*' of ``text`` prints as a star: one that no other pairs with, not written \\*."""
    if "*" not in text:
        return []
    drop = _marks(text)[0]
    return [i for i, ch in enumerate(text) if ch == "*" and not drop[i] and not (i and text[i - 1] == "\\")]


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
