"""Programs typed between ``` lines in a guide's text: found here, printed by layout/code.py, exported by export/.

A line that is three backticks or more (maybe a language after them: ```` ```python ````) opens a block; a line of
as many backticks or more closes it (or the text's end does). The lines between are kept as typed: every space,
the indentation past the opening line's own. Everything else stays text, its line breaks joined as before.
No reportlab and no YAML here: a text in, its parts out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from .inline import code_spans, plain as _plain_prose

_FENCE = re.compile(r"([ \t]*)(`{3,})[ \t]*([\w.+#-]*)[ \t]*$")
TAB = 4  # a tab typed in code goes to the next multiple of 4 columns


@dataclass(frozen=True)
class Code:
    lines: tuple[str, ...]  # as typed, the fence's own indentation taken off, tabs expanded
    language: str = ""
    closed: bool = True     # False: no ``` line closed it (it ran to the text's end)
    line: int = 0           # the opening ``` line's index in the text (0-based), for messages


Part = Union[str, Code]


def has_fence(text: str) -> bool:
    return "```" in text and any(_FENCE.match(line) for line in text.split("\n"))


def block_lines(text: str) -> set[int]:
    """The indexes of ``text``'s lines that are a fenced block's, its ``` lines included (as :func:`parts` reads
    them)."""
    if not has_fence(text):
        return set()
    lines, out, n = text.split("\n"), set(), 0
    while n < len(lines):
        m = _FENCE.match(lines[n])
        if not m:
            n += 1
            continue
        end = n + 1
        while end < len(lines):
            close = _FENCE.match(lines[end])
            if close and len(close.group(2)) >= len(m.group(2)) and not close.group(3):
                break
            end += 1
        out.update(range(n, min(end, len(lines) - 1) + 1))
        n = end + 1
    return out


def blanked(text: str) -> str:
    """``text`` with the lines of its ``` blocks blanked, the columns of the rest where they were (for a check that
    reads prose and reports a column: a program's carets and hyphens are as typed)."""
    inside = block_lines(text)
    if not inside:
        return text
    return "\n".join(" " * len(line) if n in inside else line for n, line in enumerate(text.split("\n")))


def parts(text: str) -> list[Part]:
    """``text`` as its runs of text (str, as typed) and its fenced blocks (:class:`Code`), in order."""
    if not has_fence(text):
        return [text]
    out: list[Part] = []
    lines = text.split("\n")
    prose: list[str] = []
    n = 0
    while n < len(lines):
        m = _FENCE.match(lines[n])
        if not m:
            prose.append(lines[n])
            n += 1
            continue
        indent, ticks, language = len(m.group(1).expandtabs(TAB)), len(m.group(2)), m.group(3)
        body, end = [], n + 1
        while end < len(lines):
            close = _FENCE.match(lines[end])
            if close and len(close.group(2)) >= ticks and not close.group(3):
                break
            body.append(_outdented(lines[end].expandtabs(TAB).rstrip(), indent))
            end += 1
        if "\n".join(prose).strip():
            out.append("\n".join(prose))
        prose = []
        while body and not body[-1]:
            body.pop()
        out.append(Code(tuple(body), language, end < len(lines), n))
        n = end + 1
    if "\n".join(prose).strip():
        out.append("\n".join(prose))
    return out


_CODE_LINE = re.compile(r"[A-Za-z_][\w.]*\([^()]*\)\s*:?\s*$|^\s*(?:for|while|if|elif|def|class)\b.*:\s*$|"
                        r"^[A-Za-z_]\w*\s*(?:[-+*/%]?=|==|!=)\s*\S.*[;)\]\w\"']$")


def looks_like_code(text) -> bool:
    """Whether a model answer is code: fenced, all one `code` span, or a line a program has (a call, a block's
    opener ending ':', an assignment to a name) with no sentence's full stop."""
    if not text:
        return False
    spans = code_spans(text.strip())
    if has_fence(text) or (spans and spans[0][0] == 0 and spans[0][1] == len(text.strip())):
        return True
    line = text.strip()
    return "\n" not in line and not line.endswith(".") and bool(_CODE_LINE.search(line))


def indented_items(typed: list, items: tuple[str, ...]) -> tuple[str, ...]:
    """Ordering items with the spaces typed before them kept when they are lines of a program (one of them opens a
    block, ending ':'; trial r11: the loop body's '    print(number)' printed flush with 'while number <= 10:')."""
    if len(typed) != len(items) or not any(i.rstrip("`").endswith(":") for i in items) \
            or not any(isinstance(t, str) and t[:1] == " " for t in typed):
        return items
    return tuple(t.rstrip() if isinstance(t, str) and t.strip() == item else item for t, item in zip(typed, items))


def is_indented(text: str) -> bool:
    return text[:1] == " "


def _outdented(line: str, indent: int) -> str:
    lead = len(line) - len(line.lstrip(" "))
    return line[min(lead, indent):]


def prose(text: str) -> str:
    """The text with its fenced blocks left out (what prints as a paragraph: a prompt's words)."""
    return "\n".join(p for p in parts(text) if isinstance(p, str)) if has_fence(text) else text


def plain(text: str) -> str:
    """The text as it prints, markup out: its words as inline.plain has them, its programs' lines as typed, without
    their ``` lines. Read whole by inline.plain, a block was a code span and its language ('python') a word, so a
    reading's mark after a program was counted that many characters on, and cited the next line."""
    if not has_fence(text):
        return _plain_prose(text)
    return "\n".join(_plain_prose(p) if isinstance(p, str) else "\n".join(p.lines) for p in parts(text))


def blocks(text: str) -> list[Code]:
    return [p for p in parts(text) if isinstance(p, Code)] if has_fence(text) else []


def as_text(text: str) -> str:
    """The text as plain lines: each block's lines as typed, between the words (for a plain-text export)."""
    if not has_fence(text):
        return text
    return "\n".join(p if isinstance(p, str) else "\n".join(p.lines) for p in parts(text))


def typed(block: Code) -> str:
    """A block written back as a guide would type it: its lines between ``` lines (a long enough fence)."""
    ticks = "`" * max(3, 1 + max((len(m) for line in block.lines for m in re.findall(r"`+", line)), default=0))
    return "\n".join((ticks + block.language, *block.lines, ticks))
