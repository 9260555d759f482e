"""A chatbot's answer saved whole: the guide inside a Markdown fence, with its own words around it.

``studyguide prompt`` asks a chatbot for a guide and no fences, but chatbots often answer with
"Here is your study guide:", a ```` ```yaml ```` line, the guide, a closing ```` ``` ```` and "Let me
know if you want changes!". YAML reads those lines as broken keys and text, and a teacher would be
told to quote them or indent them. This names them as what they are, in one message at the first
of them, with every line to delete.

What counts, always in column 1 (a guide's text under a key is indented, so a fence or a sentence
in a '|' text is never one of these):

* a fence: ```` ``` ```` or ``~~~``, with or without a language ('```yaml');
* the chatbot's words: lines that are neither a key, nor a '- ' item, nor a comment, next to a fence
  (only blank lines or more such words between), or before the guide's first key or after its last
  line when one of them opens as chat does ('Sure!', 'Here is ...', 'Let me know ...'). Without a
  fence, a line of the teacher's own there ('Water cycle notes:') is left to the usual messages.

The loader asks for this only when the file cannot be read as a guide, so a guide that reads is never
told. Pure: text in, ``(line, message)`` out, or None.
"""
from __future__ import annotations

import re
from typing import Optional

FENCE = re.compile(r"(```+|~~~+)[ \t]*[\w.+-]*[ \t]*$")
_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(\s|$)")  # one word and a ':' (a key, maybe misspelt)
_CHAT = re.compile(r"[*_>\s]*(sure|certainly|of course|absolutely|okay|here is|here's|here’s|here you go|below is|"
                   r"i've|i’ve|i have|i created|i made|i hope|hope this|let me know|feel free|would you like|"
                   r"do you want|want me to|if you'd like|if you would like|shall i|happy teaching|good luck|enjoy)\b",
                   re.I)


def one_word(key: str) -> bool:
    """Whether a key read from a guide is one word, as every key of a guide is (and no line of chat read as one)."""
    return bool(re.fullmatch(r"[A-Za-z_][\w-]*", key))


def _kind(line: str) -> str:
    """'fence', 'words' (a line of chat, maybe), 'blank' (or a comment, or '---'), or 'guide'."""
    if not line.strip() or line.startswith("#") or line.rstrip() in ("---", "..."):
        return "blank"
    if FENCE.match(line):
        return "fence"
    if line[0] in " \t" or line.startswith(("- ", "-\t")) or line.rstrip() == "-" or _KEY.match(line):
        return "guide"
    return "words"


def _runs(kinds: list[str]) -> list[tuple[int, int]]:
    """The runs of lines holding no guide line: (start, end), 0-based, the end left out."""
    runs, start = [], None
    for n, kind in enumerate(kinds + ["guide"]):
        if kind != "guide" and start is None:
            start = n
        elif kind == "guide" and start is not None:
            runs.append((start, n))
            start = None
    return runs


def lines_around(text: str) -> list[int]:
    """The 0-based lines that are a fence or the chatbot's words, in order."""
    lines = text.split("\n")
    kinds = [_kind(line) for line in lines]
    if "guide" not in kinds:
        return []
    first, last = kinds.index("guide"), len(kinds) - 1 - kinds[::-1].index("guide")
    found = []
    for start, end in _runs(kinds):
        run = range(start, end)
        words = [n for n in run if kinds[n] == "words"]
        fenced = any(kinds[n] == "fence" for n in run)
        outside = end <= first or start > last  # before the guide's first line, or after its last
        chat = fenced or outside and any(_CHAT.match(lines[n]) for n in words)
        if chat:
            found += [n for n in run if kinds[n] in ("fence", "words")]
    return found


def _numbers(ns: list[int]) -> str:
    """[3] → 'line 3'; [3, 4, 9] → 'lines 3, 4 and 9'."""
    if len(ns) == 1:
        return f"line {ns[0]}"
    return "lines " + ", ".join(str(n) for n in ns[:-1]) + f" and {ns[-1]}"


def around(text: str) -> Optional[tuple[int, str]]:
    """The 1-based line of the first fence or line of chat, and the one message naming them all; None if none."""
    found = lines_around(text)
    if not found:
        return None
    lines = text.split("\n")
    fences = [n + 1 for n in found if FENCE.match(lines[n])]
    words = [n + 1 for n in found if n + 1 not in fences]
    first = found[0] + 1
    what = "this ``` line is a Markdown fence" if first in fences else "this line is the chatbot's own words"
    others = [n for n in fences if n != first], [n for n in words if n != first]
    parts = []
    if others[0]:
        closing = "the closing ``` on " if first in fences and len(others[0]) == 1 else "the ``` on "
        parts.append(closing + _numbers(others[0]))
    if others[1]:
        parts.append(_numbers(others[1]) + (", the chatbot's words" if first in fences else ""))
    more = f" (and {', and '.join(parts)})" if parts else ""
    return first, f"{what}, not part of the guide: delete it{more}"
