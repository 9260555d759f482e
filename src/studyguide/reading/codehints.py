"""Warnings for programs typed in a guide's text (read where the text is read, so validate, check and build all
give them, each at its line): a ``` block never closed, and a multi-line prompt or summary whose lines read as a
program but are not between ``` lines, so its line breaks and indentation would be lost when printed.

A text reads as a program when a line opens a block the way code does ('for n in range(3):', 'if x == 2:',
'def f(x):', 'else:') and either a line under it is typed further in, or another line is code too (a call such as
'print(x)', a comparison with '==', another opener). A poem, prose that ends a line with ':' ("Answer these:") or
a few lines of math ("x = 2", "y = 3") have no such opener, so they are left alone.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import fenced

UNCLOSED = ("this program block starts here and is never closed: put a line with ``` after its last line")
UNFENCED = "its line breaks are joined when printed; put the program between ``` lines to keep it as typed"
_OPENER = re.compile(
    r"^\s*(?:(?:for\s+[A-Za-z_][\w, ]*\s+in\s+\S.*|while\s+\S.*|if\s+\S.*|elif\s+\S.*|def\s+[A-Za-z_]\w*\s*\(.*\)"
    r"(?:\s*->.*)?|class\s+[A-Za-z_]\w*(?:\(.*\))?|with\s+\S.*\bas\s+\w+|try|else|finally|except\b.*)\s*:)\s*(?:#.*)?$")
_CODEY = re.compile(r"==|!=|<=|>=|\+=|-=|[A-Za-z_]\w*\[|\b(?:True|False|None|range|len)\b|[A-Za-z_]\w*\(|\d\s*[<>%]\s*\w")
_CALL = re.compile(r"^\s*(?:print|return\b|import\b|from\s+\w+\s+import\b|[A-Za-z_][\w.]*\s*\(.*\)\s*$|"
                   r"[A-Za-z_]\w*\s*(?:\+=|-=|\*=)\s*\S)")

_ASSIGN = re.compile(r"^\s*[A-Za-z_]\w*\s*=\s*\S")


def unclosed(text: str) -> Optional[int]:
    """Where the first ``` block that no ``` line closes starts in ``text`` (an index), or None."""
    if not fenced.has_fence(text):
        return None
    lines = text.split("\n")
    for block in fenced.blocks(text):
        if not block.closed:
            return sum(len(line) + 1 for line in lines[:block.line]) + len(lines[block.line]) - len(
                lines[block.line].lstrip())
    return None


def _opener(line: str) -> bool:
    m = _OPENER.match(line)
    if not m:
        return False
    head = line.strip()
    if head.startswith(("if ", "elif ", "while ")):  # "if you can keep your head:" is a poem's
        return bool(_CODEY.search(head)) or len(head.split()) <= 3
    return True


def _depth(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def unfenced_program(text: str) -> Optional[int]:
    """Where the first line of a program typed without ``` lines starts in ``text`` (an index), or None."""
    prose = fenced.prose(text)
    lines = [line for line in prose.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    openers = [n for n, line in enumerate(lines) if _opener(line)]
    if not openers:
        return None
    deeper = any(_depth(lines[n + 1]) > _depth(lines[n]) for n in openers if n + 1 < len(lines))
    other = sum(1 for n, line in enumerate(lines) if n not in openers and (_CALL.match(line) or "==" in line))
    if not (deeper or other or len(openers) >= 2):
        return None
    start = min(openers[0], next((n for n, line in enumerate(lines) if _CALL.match(line)), openers[0]))
    while start and _ASSIGN.match(lines[start - 1]):  # "total = 0" over "for n in ...:" starts the program
        start -= 1
    first = lines[start]
    return max(text.find(first), 0) + _depth(first)
