"""`studyguide new --reading article.txt`: a starter guide with the reading filled in.

The first line of the text file is the title; a blank line starts a new paragraph (lines inside a
paragraph are joined). Invisible characters that come along when text is copied from a web page
are dropped, and a ``{@`` in the text is written ``{@@}`` so it prints as typed.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ..errors import GuideError, Location, UsageError
from ..files import read_regular
from ..reading.loader import MAX_BYTES

KEEP = {"\n", "\t"}
MAX_READING = 100_000  # characters: what a guide's reading.text may hold (reading/citations.py)


def read_article(path: Path) -> tuple[str, list[str]]:
    """(title, paragraphs) of a plain-text file; a UsageError that says what to do when it has none, or when
    it is longer than a guide's reading can be (the guide `new` writes must validate)."""
    try:  # never a FIFO or device: its read would wait for ever, or never end
        data = read_regular(path, Location(str(path)), "name a plain-text file", MAX_BYTES, lambda size: (
            f"the file is {size:,} bytes; a guide, its reading included, may be at most {MAX_BYTES:,} bytes: use a shorter text"))
    except GuideError as exc:
        raise UsageError(str(exc)) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise UsageError(f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02X}); save the file as UTF-8 "
                             "plain text") from None
    text = "".join(ch for ch in text.replace("\r\n", "\n").replace("\r", "\n")
                   if ch in KEEP or unicodedata.category(ch) not in ("Cc", "Cf"))
    if not text.strip():
        raise UsageError(f"{path}: has no text (the first line is the reading's title, then its paragraphs, "
                         "a blank line between them)")
    first, _, rest = _first_line(text)
    paragraphs = [p for p in (" ".join(block.split()) for block in _blocks(rest)) if p]
    size = len("\n\n".join(p.replace("{@", "{@@}") for p in paragraphs))
    if size > MAX_READING:
        raise UsageError(f"{path}: its text is {size:,} characters, and a guide's reading holds at most "
                         f"{MAX_READING:,} (about 40 pages); use an excerpt of it")
    return first, paragraphs


def _blocks(text: str) -> list[str]:
    out, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def _first_line(text: str) -> tuple[str, str, str]:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return " ".join(line.split()), "\n", "\n".join(lines[i + 1:])
    return "", "", ""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def starter_with_reading(starter: str, article: Path) -> str:
    """The starter guide's text with the article's title and a `reading:` of its paragraphs."""
    title, paragraphs = read_article(article)
    body = "\n\n".join("    " + p.replace("{@", "{@@}") for p in paragraphs) if paragraphs else "    (the reading's text)"
    reading = ("# The reading, printed with line numbers. Print only a text you have the right to reproduce.\n"
               "# Mark words a question cites as {@name}...{@/name}; write {@name} in the question\n"
               "# and it prints the lines they are on (docs/guide-format.md, 'reading').\n"
               "reading:\n"
               f"  title: {_quoted(title)}\n"
               f"  source: {_quoted('From: ' + article.name)}   # who wrote it, where and when it appeared\n"
               "  text: |\n"
               f"{body}\n\n")
    out = starter.replace("title: My Study Guide", f"title: {_quoted(title)}", 1)
    at = out.index("summary: |")
    start = out.find("# The reading itself")  # the starter's commented-out reading: this one replaces it
    return out[:start if 0 <= start < at else at] + reading + out[at:]
