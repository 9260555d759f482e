"""Text whose first characters YAML reads as something else: each told as what the teacher typed.

A text after 'key: ' that opens with '*' is an alias to YAML, with '- ' a list, with '? ' a key, with
'@' or '`' nothing it allows, and a '|' with text after it on the same line is a '|' text whose lines
are missing. The teacher typed italics, a dash, a question mark or a '|' text in a hurry; the fix is
quotes, or for '|', the text on the lines below it. A list's '- ' item typed on its key's line goes on
the line below too (quoting it would make the list one text).

Pure: a value as typed (and its key) in, a message out. Used by the line scan (:mod:`.syntax`) and
by the loader, where the parser stops or meets an alias.
"""
from __future__ import annotations

import re
from typing import Optional

from .keys import TEXT_LISTS
from .misread import clip

STAR = "text that starts with '*' must be in quotes (write \"**bold** rest of the text\")"
QUOTE = "text that starts with '{}' must be in quotes (put the whole text in double quotes)"
# keys whose value is a list: '- ' after them starts its first item, typed on the key's line
LIST_KEYS = frozenset(TEXT_LISTS) | {"questions", "vocabulary", "topics", "perspectives", "pairs", "cues"}
_HEADER = re.compile(r"([|>])([-+]?[1-9]?|[1-9][-+])[ \t]+(?=[^#\s])")  # '| text', '|- text', '>2 text'


def block_text(text: str, key: Optional[str]) -> Optional[tuple[int, str]]:
    """Where the text starts in ``text``, and the message, for a '|' (or '>') with text after it on its
    line ('summary: | Water moves'); None for a '|' alone, one before a comment, and a text that is '|x|'
    or holds another '|' (an absolute value in a maths prompt: text that starts with '|', to be quoted)."""
    m = _HEADER.match(text)
    if not m or "|" in text[m.end():]:
        return None
    under = f"'{key}: {m[0].strip()}'" if key else f"the '- {m[0].strip()}'"
    return m.end(), (f"the text of a '{m[1]}' goes on the lines below it (move '{clip(text[m.end():], 30)}' "
                     f"to the next line, indented under {under})")


def starts(text: str, key: Optional[str]) -> Optional[str]:
    """The message for a plain text typed as ``text`` (the value after 'key: ', or a '- ' item's when
    ``key`` is None) that YAML cannot read as text because of how it starts; None for one it can."""
    first = text[:1]
    if first in ("@", "`"):
        return QUOTE.format(first)
    if first == "*" and re.match(r"\*\S*\s+[^#\s]", text):
        return STAR
    if first in ("-", "?") and text[1:2] in (" ", "\t"):
        if first == "-" and key in LIST_KEYS:
            return (f"a list's items go on the lines below its key (move '{clip(text, 30)}' to the next line, "
                    f"indented under '{key}:')")
        return QUOTE.format(first + " ")
    return None


def paragraph_out(lines: list[str], block: tuple, n: int) -> Optional[str]:
    """The message for line ``n`` (0-based), text typed right after a '|' text at its key's column or left
    of it: a paragraph of that text that lost its indentation (pasted, or wrapped by an editor); None when
    the line does not follow the text. ``block``: its key (None for a list item's), key's column, lines."""
    key, _, start, end = block
    body = [line for line in lines[start + 1:n] if line.strip()]
    if n != end + 1 or not body:
        return None
    indent = min(len(line) - len(line.lstrip(" ")) for line in body)
    text = f"'{key}: |'" if key else "the '|' above"
    how = "is not indented" if not lines[n].startswith(" ") else "is indented less than the lines above it"
    return (f"this line {how}, so it ends the text of {text} (line {start + 1}); if it is more of that text, "
            f"indent it with {indent} spaces, like the text above it")


def paragraph_short(lines: list[str], block: tuple, header: str) -> list[tuple[int, int, str]]:
    """Where (0-based line, column) and what to say of each run of lines of a '|' text indented less than the
    text's first line and more than its key (a paragraph that lost a space): YAML reads none of the text on
    from there. A line with a tab in its indentation (told by itself), a comment, or what looks like a key is none.
    ``block``: the text's key (None for a list item's), key's column, first and last line; ``header``: the
    '|' as typed, with what follows it on its line."""
    key, _, start, end = block
    if re.match(r"[|>][-+]?[1-9]", header):
        return []  # an indentation typed after the '|' ('|2'): the text's first line does not set it
    body = [(n, line) for n, line in enumerate(lines[start + 1:end + 1], start + 1) if line.strip()]
    if not body or "\t" in body[0][1][:len(body[0][1]) - len(body[0][1].lstrip())]:
        return []
    indent, name = len(body[0][1]) - len(body[0][1].lstrip(" ")), f"the text of '{key}: |'" if key else "the '|' text"
    runs: list[list] = []  # [first line, its column, how many lines]
    for n, line in body[1:]:
        lead = line[:len(line) - len(line.lstrip(" \t"))]
        if len(lead) >= indent or "\t" in lead or re.match(r"#|[A-Za-z_]\w*:(\s|$)", line.strip()):  # (a comment)
            continue
        if runs and runs[-1][0] + runs[-1][2] == n and runs[-1][1] == len(lead):
            runs[-1][2] += 1  # the next line of the same paragraph, in the same column
        else:
            runs.append([n, len(lead), 1])
    found = []
    for n, col, many in runs:
        these = "this line is" if many == 1 else f"this line and the {'one' if many == 2 else many - 1} under it are"
        where = f"before '{clip(lines[n].strip(), 24)}'" if many == 1 else "at the start of each"
        found.append((n, col, f"{these} indented {_spaces(col)}, less than {name} above (indented "
                              f"{_spaces(indent)}); add {_spaces(indent - col)} {where}, so that "
                              f"{'it lines' if many == 1 else 'they line'} up with the text above"))
    return found


def _spaces(n: int) -> str:
    return f"{n} space" + ("" if n == 1 else "s")


# keys a mapping cannot do without: typed after another key's text, on its line, they are not words of that text
_NEEDED = ("term", "definition", "type", "prompt", "left", "right")


def run_on(lines: list[str], n: int, key: Optional[str], body: str, colon: int, known) -> Optional[tuple[int, str]]:
    """(where in ``body``, the message) when the ': ' at ``colon`` in the text of ``key`` on line ``n`` follows a
    key of the same mapping (``known(column, word)``) that it does not have on a line of its own: '- term: le
    café definition: the coffee', a line break left out, which quotes would not mend (the term would be
    'le café definition: the coffee')."""
    before = body[:colon]
    word = re.search(r"(?<=\s)([a-z_][a-z0-9_]*)$", before)
    at = re.match(r"[ \t]*(?:-[ \t]+)*", lines[n]).end()  # the column of the line's first key
    if key is None or not word or word[1] not in _NEEDED or not before[:word.start()].strip() or \
            word[1] == key or not lines[n][at:].startswith(key + ":") or not known(at, word[1]):
        return None
    for line in lines[n + 1:]:  # the mapping's lines under it: with the key on one of its own, this is text
        lead = len(line) - len(line.lstrip(" "))
        if line.strip() and (lead < at or line.lstrip(" ").startswith("-") and lead <= at):
            break
        if lead == at and line[at:].startswith(word[1] + ":"):
            return None
    text, rest = before[:word.start()].strip(), body[colon + 1:].strip()
    return word.start(), (f"'{word[1]}:' goes on a line of its own: put it on the line under '{key}:', lined up with "
                          f"it ('{key}: {clip(text)}', then '{word[1]}: {clip(rest)}' on the next line)")
