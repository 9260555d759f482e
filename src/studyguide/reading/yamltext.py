"""What one line of YAML text holds, read the way the parser reads it: where a 'key:' ends,
where a quoted text closes, where a ' #' comment starts, how many [ and { stay open.

Pure helpers for the line scan in :mod:`.syntax`; they read one line and decide nothing.
"""
from __future__ import annotations

import re
from typing import Optional


def comment_at(text: str) -> int:
    """Where a ' #' comment starts in plain text, or len(text)."""
    m = re.search(r"(^|\s)#", text)
    return m.start() if m else len(text)


def key_of(content: str) -> Optional[tuple[str, int]]:
    """(key, offset of the value) when ``content`` is a 'key:' line, else None."""
    if not content or content[0] in "\"'":
        q = content[:1]
        if not q:
            return None
        end = close_quote(content, 1, q)
        if end is None:
            return None
        m = re.match(r"\s*:(\s|$)", content[end + 1:])
        return (content[1:end], end + 1 + m.end()) if m else None
    if content[0] in "[]{}&*!|>%@`#,?" or content.startswith("- ") or content == "-":
        return None
    m = re.search(r":(\s|$)", content[:comment_at(content)])
    if not m:
        return None
    return content[:m.start()].rstrip(), m.end()


def close_quote(text: str, start: int, q: str) -> Optional[int]:
    """Index of the quote closing a quoted scalar opened before ``start``, or None."""
    i = start
    while i < len(text):
        c = text[i]
        if q == '"' and c == "\\":
            i += 2
            continue
        if c == q:
            if q == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def opens_scalar(text: str, i: int) -> bool:
    """Whether a quote at ``text[i]`` opens a quoted text: at the start of a value, not inside a plain
    one (the apostrophe of [The sun's energy, Wind] is a letter of its item)."""
    before = text[:i].rstrip(" \t")
    if not before or before[-1] in "[{,":
        return True
    return before[-1] in ":-?" and text[i - 1] in " \t"


def flow_open(text: str) -> int:
    """How many [ and { are left open on this line (quoted parts and comments skipped)."""
    depth, i = 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'" and opens_scalar(text, i):
            end = close_quote(text, i + 1, c)
            if end is None:
                return depth
            i = end + 1
            continue
        if c == "#" and (i == 0 or text[i - 1].isspace()):
            break
        depth += c in "[{"
        depth -= c in "]}"
        i += 1
    return depth
