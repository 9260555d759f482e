"""A poem typed as a prose reading (no ``form: verse``): its lines would print joined into paragraphs.

A teacher who pastes a poem under ``text: |`` sees it come out as prose. The typed lines tell a poem
from prose typed with line breaks: prose broken at a width (pasted from a page, or wrapped by an
editor) breaks a line where the next word would not fit, so its lines run close to the longest one;
a poet breaks lines short of that, wherever the line ends. A reading is taken for a poem when it has
SHORT_LINES lines or more, all short, and most of its breaks inside a paragraph fall where the next
word would have fit with room to spare, or (a sonnet's lines are all much of a length) when nearly
every line starts with a capital, as verse is traditionally printed, and most lines end inside a
sentence (prose typed a sentence a line ends each line with one). Lines that are a list's (half of them
numbered, bulleted or labelled 'Step one: ') are no poem.
"""
from __future__ import annotations

import re

MIN_LINES = 6         # typed lines, at least
LONGEST = 70          # characters: no line of the reading longer (a prose sentence runs longer)
ROOM = 0.85           # the next word would have fit within this share of the longest line
MOST = 0.5            # share of the breaks inside paragraphs that must fall so
CAPITALS = 0.9        # share of lines that start with a capital, in verse printed traditionally
# a list's line: '1. ', '2) ', '- ', '• ', 'a) ', or a label of a word to three and ':' ('Step one: open the box')
_LISTED = re.compile(r"(?:\d+[.)]|[-•*–]|[A-Za-z][.)])\s|(?:\w+\s+){0,2}\w+:\s")
_MARK = re.compile(r"\{@@\}|\{@/?[A-Za-z][A-Za-z0-9_-]*\}")


def looks_like_verse(raw: str) -> int:
    """How many lines the typed text has when it looks like a poem typed line by line (else 0)."""
    paragraphs = [[" ".join(_MARK.sub("", line).split()) for line in block.split("\n")]
                  for block in re.split(r"\n[ \t]*\n", raw)]
    paragraphs = [[line for line in block if line] for block in paragraphs]
    paragraphs = [block for block in paragraphs if block]
    lines = [line for block in paragraphs for line in block]
    if len(lines) < MIN_LINES or len(lines) < 2 * len(paragraphs):
        return 0
    if sum(bool(_LISTED.match(line)) for line in lines) * 2 >= len(lines):
        return 0  # steps or points typed one a line: a list, not a poem
    longest = max(map(len, lines))
    if longest > LONGEST:
        return 0
    breaks = [(line, after) for block in paragraphs for line, after in zip(block, block[1:])]
    short = sum(len(line) + 1 + len(after.split()[0]) <= ROOM * longest for line, after in breaks)
    if short >= 4 and short >= MOST * len(breaks):
        return len(lines)
    capitals = sum(_opens_capital(line) for line in lines)
    inside = sum(not line.rstrip("\"'”’)»").endswith((".", "!", "?")) for line, _ in breaks)
    return len(lines) if capitals >= CAPITALS * len(lines) and inside >= MOST * len(breaks) else 0


def _opens_capital(line: str) -> bool:
    letter = next((ch for ch in line if ch.isalpha()), "")
    return letter.isupper()
