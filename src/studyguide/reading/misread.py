"""A newcomer's slips that YAML reads as something else than was meant: each named as itself, with its fix.

Text pasted from a word processor brings characters that look like a list's '- ' or like spaces and
are neither: an en dash or a bullet where the '-' goes ('– Identify ...'), a non-breaking or zero-width
space in a line's indentation. A question typed without its '- ' joins the question above it, whose
keys then come twice; a term typed as its own key ('- plot: The sequence ...') leaves 'term' and
'definition' missing. YAML, or the shape checks after it, would name what those look like to them
('given twice', 'not under any key', 'unknown key'); these name what the teacher did and the fix.

Pure: text, or an item's keys and their text, in; messages out. Used by the line scan (:mod:`.syntax`),
the loader's warnings (:mod:`.loader`) and the shape checks (:mod:`.walker`). Slips in the text of a
guide (letters typed before choices, an answer that misses its choice) are :mod:`.slips`'.
"""
from __future__ import annotations

import difflib
import re
from typing import Optional

from ..scripts import folded
from .keys import RECORD_KEYS, TERM_KEYS, other_word
from .yamltext import FLOW_COMMENTED, clip  # noqa: F401  (FLOW_COMMENTED: read by loader.py as misread.FLOW_COMMENTED)

# characters a word processor puts where a list's '-' goes (its automatic lists, or pasted from one)
DASHES = "\u2013\u2014\u2012\u2015\u2212\u2010\u2011\u2043"   # – — ‒ ― − ‐ ‑ ⁃
BULLETS = "\u2022\u25e6\u25aa\u25cf\u00b7\u2219\u25a0"          # • ◦ ▪ ● · ∙ ■
_BULLET = re.compile(f"([{DASHES}{BULLETS}*]|\\d{{1,2}}[.)])[ \t]")  # or a number: '1. Identify ...', '2) State ...'

# spaces an editor shows as a space, or as nothing, that YAML does not count as indentation
INVISIBLE = {
    "\u00a0": "a non-breaking space",
    "\u2007": "a figure space",
    "\u202f": "a narrow non-breaking space",
    "\u200b": "a zero-width space",
    "\ufeff": "a zero-width no-break space",
}
RETYPE = "retype the spaces"
_LEAD = re.compile("[ \t" + "".join(INVISIBLE) + "]*")

# what one item of each list of mappings is called in a message (by its label's first word, or its key)
ITEM_NOUNS = {"question": "question", "questions": "question", "vocabulary": "term", "topics": "topic",
              "perspectives": "perspective", "benefits": "benefit", "criticisms": "criticism", "choices": "choice"}


# what a key is typed with in place of its ':' ('title = The Water Cycle', 'title - The Water Cycle')
INSTEAD_OF_COLON = ("=", "-", ":=", "->", "=>", "：", "﹕") + tuple(DASHES)  # (and the full-width colon of a
# Chinese or Japanese keyboard, which YAML reads as a letter)


def write_key(key: str, words: list[str]) -> str:
    """The fix for a key typed without its ':', with the words after it (a '=' or '-' typed for it left out)."""
    if words and words[0] in INSTEAD_OF_COLON:
        words = words[1:]
    return f"write '{key}: {clip(' '.join(words))}'" if words else f"write '{key}:' and its text after it"


def key_words(text: str) -> list[str]:
    """The words of a line, a '=' typed for a key's ':' apart: 'title=The Water' → ['title', '=', 'The', 'Water']."""
    m = re.match(r"([A-Za-z_]\w*)[ \t]*(=>|:=|->|=|：|﹕)[ \t]*", text)
    return (f"{m[1]} {m[2]} {text[m.end():]}" if m else text).split()


def after_key(text: str, key: str) -> str:
    """The text after ``key`` at the start of ``text``, without a '=' or '-' typed in place of its ':'."""
    return re.sub(f"^[ \t]*(?:(?:=>|:=|->|=|：|﹕)[ \t]*|[-{DASHES}][ \t]+)?", "", text[len(key):], count=1)


def needs_colon(key: str, words: list[str]) -> str:
    """The message for a key typed without its ':' at the start of a line, with the words after it."""
    instead = f", not '{words[0]}'" if words and words[0] in INSTEAD_OF_COLON else ""
    if words and words[0] in "：﹕":
        instead = f", not the wide '{words[0]}' of a Chinese or Japanese keyboard (type it in English mode)"
    return f"'{key}' needs a ':' after it{instead} ({write_key(key, words)})"


def bullet(text: str) -> Optional[str]:
    """The message for ``text`` (a line without its indentation) starting with a word processor's dash
    or bullet followed by a space, as a list's item; None for any other text."""
    m = _BULLET.match(text)
    if not m:
        return None
    if m[1][0].isdigit():
        return (f"this line starts with '{m[1]}' (a number from a word processor's list); lists use '- ' (the minus "
                f"key) in place of the number")
    what = "a dash" if m[1] in DASHES else "a bullet"
    # ('* ' is never a guide's text: YAML reads a '*' there as a reference to another part of the file)
    source = "Markdown's list, as chatbots and notes apps type it" if m[1] == "*" else "a word processor"
    return f"this line starts with '{m[1]}' ({what} from {source}); lists use '- ' (the minus key)"


def bullet_end(text: str) -> int:
    """How many characters of ``text`` its word processor's dash, bullet or number and the space after it take."""
    m = _BULLET.match(text)
    return m.end() if m else 0


def bullet_lines(where) -> list[tuple[int, int, str]]:
    """(line, column, message) for each line of a text typed at ``where`` (a Location holding the text
    as typed) that starts with a word processor's dash or bullet, when its first line does: a list typed
    in a word processor, which YAML reads as one text."""
    found = []
    for i, text in enumerate(where.typed.split("\n")):
        message = bullet(text.lstrip(" "))
        if message:
            found.append((where.line + i, where.col if i == 0 else len(text) - len(text.lstrip(" ")) + 1, message))
        elif i == 0:
            return []
    return found


def invisible_lead(line: str, text_after: Optional[int] = None) -> tuple[str, Optional[tuple[int, str]]]:
    """``line`` with the invisible spaces in its indentation made spaces (the zero-width ones left out),
    and the first of them: its 0-based column and the message naming it; None when there is none, or
    when it is right of column ``text_after`` (0-based): there the line is text going on, and the space
    one of its letters."""
    lead = _LEAD.match(line)[0]
    first = next((i for i, ch in enumerate(lead) if ch in INVISIBLE), None)
    if first is None or (text_after is not None and first > text_after):
        return line, None
    name = INVISIBLE[lead[first]]
    where = f"starts with {name}" if first == 0 else f"has {name} in its indentation, at column {first + 1}"
    message = f"this line {where} (an invisible character from a word processor); {RETYPE}"
    seen = "".join("" if ch in "\u200b\ufeff" else " " if ch in INVISIBLE else ch for ch in lead)
    return seen + line[len(lead):], (first, message)


def invisible_key(key: str) -> Optional[tuple[str, str]]:
    """For a key typed after an invisible space (YAML reads it as part of the key): the key as seen, and
    the message naming the space; None for any other key."""
    seen = key.lstrip("".join(INVISIBLE) + " ")
    if seen == key or not seen:
        return None
    return seen, (f"'{clip(seen)}' is typed after {INVISIBLE[key[0]]} (an invisible character from a word "
                  f"processor); {RETYPE} before it")


def alone_on_its_line(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The line scan's findings with an invisible space's the only one on its line: what else the scan
    finds there follows from the indentation it cannot see (the teacher retypes the spaces first)."""
    lines = {line for line, _, message in found if message.endswith(RETYPE)}
    return [f for f in found if f[0] not in lines or f[2].endswith(RETYPE)]


CURLY_OPEN = "“‘„«”"  # a word processor's quotes, that YAML reads as letters of the text
CURLY_CLOSE = "”’“»"


def curly_inner(text: str) -> Optional[str]:
    """What a word processor's quotes around all of ``text`` hold ('“A”' → 'A'); None when they do not."""
    text = text.strip()
    return text[1:-1].strip() if len(text) > 2 and text[0] in CURLY_OPEN and text[-1] in CURLY_CLOSE else None


def uncurl(text: str) -> str:
    """The message for ``text`` in a word processor's quotes where a letter, word or number goes."""
    return (f"'{clip(text.strip())}' has curly quotes around it (from a word processor), and they are read as part "
            f"of it; write {clip(curly_inner(text))} with no quotes")


def item_moved(message: str, by: int) -> str:
    """``message`` (a '- ' item out of line) with the fix for an item whose lines under it are out of line
    with it: move them all ``by`` columns (to the right when more than 0)."""
    spaces = f"{abs(by)} space{'s' if abs(by) != 1 else ''} {'more' if by > 0 else 'less'}"
    return message[:-1] + f": indent this line and the lines under it {spaces})"


def keys_under_item(message: str, key: str, first: str) -> str:
    """``message`` (a key out of line) with the fix for the keys of a '- ' item typed in (or left of) the column of
    its '-', under its first key ``first``: they move, as its '-' holds ``first`` where it is."""
    return message[:-1] + f": start '{clip(key)}' and the lines under it in the same column as '{clip(first)}' above)"


def item_colon(noun: str, key: str, value: str = "") -> str:
    """The message for a '- ' item of a list of text that YAML read as 'key: value' (its 'key' typed
    after a curly quote: the teacher put it in quotes, of a kind YAML does not know). An activity is a
    name, never text with ': ': '- type: matching' (written as a question is) wants '- matching'."""
    if noun == "activity" and value and key[:1] not in CURLY_OPEN:
        return f"write just the activity's name, without '{clip(key)}:' (write '- {clip(value, 30)}')"
    if noun in ("choice", "item") and key in RECORD_KEYS and value:  # '- text: Paris': see plainlines.py
        return f"{noun}s are plain lines: write '- {clip(value)}', not '- {clip(key)}: {clip(value)}'"
    if key[:1] in CURLY_OPEN:
        return (f"put this {noun} in straight double quotes \"...\": it contains ': ', and curly quotes “ ” are "
                "not quotes to YAML")
    return f"put this {noun} in quotes: it contains ': ' (YAML reads '{clip(key)}' as a key)"


_RECORD = re.compile(r"(\w+) are plain lines: write '.*', not '- (\w+): ")


def records_once(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The line scan's findings with a list's items typed '- text: Paris' (:func:`item_colon`) said once,
    at the first, with the lines of the others that follow it: one mistake that the items repeat."""
    out: list[list] = []  # [line, column, message, the lines of the same mistake after it]
    for line, col, message in found:
        kind = _RECORD.match(message)
        if kind and out and out[-1][3] is not None and _RECORD.match(out[-1][2]).groups() == kind.groups():
            out[-1][3].append(line)
        else:
            out.append([line, col, message, [] if kind else None])
    said = []
    for line, col, message, more in out:
        if more:
            where = f"line {more[0]}" if len(more) == 1 else f"lines {', '.join(map(str, more[:-1]))} and {more[-1]}"
            message += f" (the same on {where})"
        said.append((line, col, message))
    return said


def item_noun(label: str) -> Optional[str]:
    """'question 2' → 'question', 'vocabulary item 3' → 'term'; None for a label that is not a list's item."""
    m = re.match(r"(\w+)(?: item)? \d+$", label)
    return ITEM_NOUNS.get(m[1], "item") if m else None


def new_items(keys: list[str]) -> list[int]:
    """Where, in one list item's keys as typed, another item seems to start without its '- ': a key the
    item already has that is its first key, or whose next two keys it has too, with the key after it
    also one it has (the same keys again). A key given twice alone is not one."""
    starts, begin = [], 0
    if len(set(keys)) == len(keys):
        return starts
    for n, key in enumerate(keys):
        have = set(keys[begin:n])
        after = [k in have for k in keys[n + 1:n + 3]]
        if key in have and after[:1] == [True] and (key == keys[begin] or after == [True, True]):
            starts.append(n)
            begin = n
    return starts


def new_item(noun: str, line: int, key: str, left: bool = False) -> str:
    """The message for a list item typed without its '- ', at its first key ``key`` on ``line`` (with no
    label: the item it is read as part of is not the one it is); ``left``: typed in the column of the '-'."""
    more = f" and indent the lines under it two spaces more, under '{key}'" if left else ""
    return (f"line {line} looks like the start of a new {noun}: put '- ' before '{key}:' (its '-' "
            f"under the other {noun}s' '-'){more}")


NEAR = 0.75  # how alike (difflib, in any capitals, accents aside) a key must be to a vocabulary key to be a
# misspelling of it ('trem', 'Definiton', 'término') rather than a term typed as a key ('theme' is 0.67 'term')


bare = folded  # 'Término' → 'termino'


def near_key(word: str, keys) -> bool:
    """Whether ``word`` is one of ``keys`` or a misspelling of one: in other capitals, with accents, or close;
    or another language's word for one ('palabra', 'Begriff': :func:`.keys.other_word`)."""
    folded = bare(word)
    return folded in keys or (other_word(word) or ("",))[0] in keys \
        or bool(difflib.get_close_matches(folded, list(keys), n=1, cutoff=NEAR))


def term_as_key(label: str, pairs: list[tuple[str, Optional[str]]]) -> Optional[str]:
    """The message for a vocabulary item typed as '- plot: The sequence ...', the term as its key
    (``pairs``: its keys, each with its text, None when not text); None for any other item: one whose
    first key is a vocabulary key misspelt ('Term', 'trem', 'término'), or with another key that is
    'term' or 'definition' misspelt ('- Stomata: pores' / 'Definition: ...'): the unknown key's
    "did you mean" names those."""
    if not pairs or not pairs[0][1] or near_key(pairs[0][0], TERM_KEYS) \
            or any(near_key(k, ("term", "definition")) for k, _ in pairs[1:]):
        return None
    key, definition = pairs[0]
    return f"{label}: write each term as '- term: {key}' with 'definition: {clip(definition)}' under it"


MAX_READING = 100_000  # characters in the reading (an article printed whole)


def pasted(label: str, length: int) -> str:
    """For a summary too long to fit: where an article pasted into it prints whole (trial r9 F9)."""
    if label.split(".")[-1] != "summary":
        return ""
    if length <= MAX_READING:
        return "; to print an article itself, put it under 'reading:' instead, see docs/guide-format.md#reading"
    return (f"; to print an article, put it, or the part the class reads (at most {MAX_READING:,} characters), under "
            "'reading:' instead, see docs/guide-format.md#reading")


def opening(text: str, size: int = 30) -> str:
    """The start of ``text`` to quote in a fix, cut at a word with '…' ('Use the pH scale to compare…'): a
    teacher may type what is quoted, and a word cut short would be typed as it is (trial r9 F10)."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    head = text[:size + 1]
    return (head.rsplit(" ", 1)[0] if " " in head else text[:size]).rstrip(" ,;:") + "…"


def strays(label: str, keys: list[str], line: int) -> str:
    """One error for a mapping's unknown keys past the first few, each like no known key: how many, the first."""
    named = ", ".join(f"'{k[:40]}'" for k in keys[:3]) + (", …" if len(keys) > 3 else "")
    return (f"{label}: {len(keys):,} more unknown key{'s' if len(keys) > 1 else ''} ({named}; the known keys are "
            f"listed at line {line}): remove them, or move them where they belong")
