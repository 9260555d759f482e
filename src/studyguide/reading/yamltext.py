"""What one line of YAML text holds, read the way the parser reads it: where a 'key:' ends,
where a quoted text closes, where a ' #' comment starts, how many [ and { stay open.

Pure helpers for the line scan in :mod:`.syntax`: they read a line, find the next one, or skip the
lines a text runs over, and decide nothing (whether a quote is never closed is the scan's to report).
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

# compiled once: the scan calls these for every line of a guide it reads
_COMMENT = re.compile(r"(^|\s)#")
_COLON = re.compile(r":(\s|$)")  # a key's ':' (followed by a space or the end)
_COLON_AFTER_QUOTE = re.compile(r"\s*:(\s|$)")


def comment_at(text: str) -> int:
    """Where a ' #' comment starts in plain text, or len(text)."""
    m = _COMMENT.search(text)
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
        m = _COLON_AFTER_QUOTE.match(content, end + 1)
        return (content[1:end], m.end()) if m else None
    if content[0] in "[]{}&*!|>%@`#,?" or content.startswith("- ") or content == "-":
        return None
    m = _COLON.search(content, 0, comment_at(content))
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
    return _flow(text)[0]


def flow_comment(text: str) -> Optional[int]:
    """Where a ' #' comment starts on this line of [ ... ] text (quoted parts skipped), or None."""
    return _flow(text)[1]


def _flow(text: str) -> tuple[int, Optional[int], Optional[int]]:
    """(the [ and { left open, where a ' #' comment starts, where a quote opens that the line does not close)."""
    depth, i = 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'" and opens_scalar(text, i):
            end = close_quote(text, i + 1, c)
            if end is None:
                return depth, None, i
            i = end + 1
            continue
        if c == "#" and (i == 0 or text[i - 1].isspace()):
            return depth, i, None
        depth += c in "[{"
        depth -= c in "]}"
        i += 1
    return depth, None, None


def quote_in_flow(text: str, below: Sequence[str] = ()) -> Optional[tuple[int, str]]:
    """For a [ ... ] list or { ... } group that opens ``text`` and is never closed: when a quote in it is not
    closed on its line ('{prompt: "How many years is that?, answer: 482}') nor on the lines ``below`` that go
    on with it (indented under its key), where that quote is and the message. YAML reads on inside the
    quote, over the lines below, up to the next quote mark anywhere."""
    at = _flow(text)[2]
    if at is None:
        return None
    q = text[at]
    if quoted_over(text, below):
        return None  # ('"Paris,\n  Nice"': a text typed over two lines; the bracket is what is missing)
    what, close = ("{ ... } group", "}") if text[:1] == "{" else ("[ ... ] list", "]")
    rest = text[at + 1:]
    key = re.search(r",\s*[\w-]+:\s", rest) if text[:1] == "{" else None  # the next 'key: ' ends the text
    end = key.start() if key else rest.rstrip().rfind(close) if rest.rstrip().endswith(close) else -1
    typed = rest[:end].rstrip() if end > 0 else ""
    typed = "" if close == "]" and "," in typed else typed  # which ',' of a list ends the item: not told
    where = f" after '{'…' + typed[-24:].lstrip() if len(typed) > 25 else typed}'" if typed else ""
    return at, (f"this quote is never closed, so the {what} it is in is not closed either: YAML reads the lines "
                f"below as its text (end the text with {q}{where or ' where it ends'})")



def quoted_over(text: str, below: Sequence[str]) -> bool:
    """Whether a quote left open in the [ ... ] or { ... } that opens ``text`` closes on a line ``below``."""
    at = _flow(text)[2]
    return at is not None and any(close_quote(line, 0, text[at]) is not None for line in below)


def clip(text: str, at: int = 40) -> str:
    """``text`` cut to ``at`` characters with an ellipsis: the teacher's words quoted in a message."""
    return text if len(text) <= at else text[:at - 1].rstrip() + "…"


FLOW_COMMENTED = ": ' #' starts a comment"


def comment_in_flow(lines: list[str], col: int) -> Optional[tuple[int, int, str]]:
    """For a [ ... ] list opened at column ``col`` (0-based) of ``lines[0]`` and never closed: when a ' #' in it
    starts a comment that holds the ']' closing it ('[Explain it, Name the parts #of a leaf, Draw it]'), the
    line (an index of ``lines``) and column of the '#', and the message; else None. YAML leaves the comment
    out, the ']' with it, and the parser only says the list is not closed."""
    depth = 0
    for n, line in enumerate(lines):
        text = line[col:] if n == 0 else line
        at = flow_comment(text)
        depth += flow_open(text)
        if at is None:
            continue
        if depth + flow_open(text[at + 1:]) > 0:  # (its brackets do not close the list: a note of its own)
            continue
        bracket = (lines[0][col:col + 1] or "[")
        what = "[ ... ] list" if bracket == "[" else "{ ... } group"
        start = max(text.rfind(c, 0, at) for c in ",[{") + 1
        stop = re.search(r"[,\]}]", text[at:])
        raw = text[start:at + stop.start()] if stop else text[start:]
        item, lead = raw.strip(), len(raw) - len(raw.lstrip())
        fixed = (text[:start] + raw[:lead] + f'"{item}"' + text[start + len(raw):]).strip()
        fix = (f"put the item in double quotes: {fixed}" if '"' not in item and len(fixed) <= 100 else
               f"put the item '{clip(item)}' in double quotes")
        message = (f"this {what} is not closed{FLOW_COMMENTED}, which YAML leaves out, so "
                   f"'{clip(text[at:].rstrip())}' is dropped, the '{chr(ord(bracket) + 2)}' with it; {fix}")
        return n, at + (col if n == 0 else 0), message
    return None


FLOW = "this [ ... ] list is not closed, or an item in it contains ',' or ': ' (close the list with ']', or quote the item)"
FLOW_GROUP = ("this { ... } group is not closed, or a text in it contains ',' or ': ' (close the group with '}', or quote "
              "the text)")


class Lines:
    """A guide's lines, read ahead of the scan's place, with what the scan found so far."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.found: list[tuple[int, int, str]] = []
        self.skip_until = -1  # lines that belong to a multi-line quote, [ ] list or '|' text

    def next_text(self, n: int, within: int = 10**6) -> Optional[tuple[int, str]]:
        """The column and text of the first line after line ``n`` (0-based) that holds text, not only a
        comment, in column ``within`` or left of it."""
        for line in self.lines[n + 1:]:
            body = line.lstrip(" ")
            if body and not body.startswith("#") and len(line) - len(body) <= within:
                return len(line) - len(body), body
        return None

    def flow_end(self, n: int, owner: int, text: str) -> tuple[bool, int]:
        """For a [ ... ] list opened in ``text`` on line ``n`` under a key at column ``owner``: (True, its last
        line) when it is closed, else (False, the first line after it: the next one at or left of ``owner``)."""
        depth = flow_open(text)
        for m in range(n + 1, len(self.lines)):
            line = self.lines[m]
            if line.strip() and len(line) - len(line.lstrip(" \t")) <= owner:
                return False, m
            depth += flow_open(line)
            if depth <= 0:
                return True, m
        return False, len(self.lines)

    def report(self, n: int, col: int, message: str) -> None:
        self.found.append((n + 1, col + 1, message))

    def screenful(self, most: int) -> bool:
        """Whether more than ``most`` are found: then those after the first ``most`` give way to where to go on."""
        if len(self.found) <= most:
            return False
        first_left = self.found[most][0] - 1
        del self.found[most:]
        self.report(first_left, 0, f"more layout mistakes may follow from here ({most} are listed above): "
                                   "fix those, then run validate again")
        return True

    def next_dash(self, n: int, within: int = 10**6) -> Optional[int]:
        """The column of the next line holding text in column ``within`` or left of it, if a '- ' item."""
        nxt = self.next_text(n, within)
        return nxt[0] if nxt and (nxt[1] == "-" or nxt[1].startswith("- ")) else None

    def set_elsewhere(self, n: int, col: int, word: str) -> bool:
        """Whether the mapping that line ``n`` (0-based), in column ``col``, would be part of has the key ``word``
        on another line: a 'word:' line in that column, above it up to the line that opens the mapping (a '- '
        item's first key, or the line before one left of the column), or below it up to the mapping's end."""
        for m in range(n - 1, -1, -1):
            at, body, item = self._key_column(m, col)
            if body is None:
                continue
            if at == col and key_of(body) is not None and key_of(body)[0] == word:
                return True
            if at < col or item:
                break
        for m in range(n + 1, len(self.lines)):
            at, body, item = self._key_column(m, col)
            if body is None:
                continue
            if at < col or item:
                break
            if at == col and key_of(body) is not None and key_of(body)[0] == word:
                return True
        return False

    def _key_column(self, m: int, col: int) -> tuple[int, Optional[str], bool]:
        """Line ``m``'s column and text, a '- ' item's read from its first key when its dash is left of ``col``
        (None: a blank or comment line), and whether it is such an item (one opening a mapping)."""
        line = self.lines[m]
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            return 0, None, False
        at, item = len(line) - len(body), False
        while body.startswith("- ") and at < col:  # an item's first key starts after its dash
            inner = body[2:]
            at, body, item = at + 2 + len(inner) - len(inner.lstrip(" ")), inner.lstrip(" "), True
        return at, body, item or (at == col and body.startswith("- "))

    def next_key_at(self, n: int) -> Optional[int]:
        """The column of the next line holding text, if a 'key:' line."""
        nxt = self.next_text(n)
        return nxt[0] if nxt and key_of(nxt[1]) is not None else None

    def next_indent(self, n: int, hashes: bool = False) -> Optional[int]:
        """The indentation of the next line holding text (tabs counted as one column); with ``hashes``, a line
        starting '#' holds text too (inside quotes it is not a comment)."""
        for m in range(n + 1, len(self.lines)):
            stripped = self.lines[m].strip()
            if stripped and (hashes or not stripped.startswith("#")):
                return len(self.lines[m]) - len(self.lines[m].lstrip(" \t"))
        return None

    def skip_quote(self, n: int, owner: int, q: str) -> bool:
        """Skip the lines of a text opened with the quote ``q`` on line ``n`` that goes on over lines, each
        indented further than ``owner``; False when it is never closed (then the lines so indented)."""
        nxt = self.next_indent(n, hashes=True)  # 'prompt: 'a long text\n    #2 of the set'': one text
        if nxt is None or nxt <= owner:
            return False
        for m in range(n + 1, len(self.lines)):
            line = self.lines[m]
            if line.strip() and len(line) - len(line.lstrip(" \t")) <= owner:
                break
            if close_quote(line, 0, q) is not None:
                self.skip_until = m
                return True
        self.skip_until = m - 1
        return False

    def skip_flow(self, n: int, col: int, owner: int, text: str) -> None:
        closed, last = self.flow_end(n, owner, text)
        if closed:
            self.skip_until = last
            return
        if commented := comment_in_flow(self.lines[n:last], col):  # '[a, b #c]': its ']' in a comment
            self.report(n + commented[0], commented[1], commented[2])
            self.skip_until = last - 1  # (its lines are the list's, not keys without their ':')
        elif quoted := quote_in_flow(self.lines[n][col:], self.lines[n + 1:last]):  # '{prompt: "How many?, answer: 4}'
            self.report(n, col + quoted[0], quoted[1])
        else:
            self.report(n, col, FLOW_GROUP if self.lines[n][col:col + 1] == "{" else FLOW)
            if quoted_over(self.lines[n][col:], self.lines[n + 1:last]):
                self.skip_until = last - 1  # (its lines are the text's, not keys without their ':')

    def dashes_above(self, n: int, col: int) -> str:
        """'line 3' or 'lines 3–4': the '- ' lines in column ``col`` (0-based) right above line ``n``."""
        found = []
        for m in range(n - 1, -1, -1):
            body = self.lines[m].lstrip(" ")
            at = len(self.lines[m]) - len(body)
            if body and at == col and body.startswith("- "):
                found.append(m + 1)
            elif body and at <= col:  # the key over the list, or a line left of it: the list's start
                break
        return f"line {found[0]}" if len(found) == 1 else f"lines {min(found)}–{max(found)}" if found else "the lines above"

    def skip_block(self, n: int, owner: int) -> None:
        """Skip the lines of a '|' text: those after line ``n`` indented further than ``owner``."""
        m = n + 1
        while m < len(self.lines):
            line = self.lines[m]
            if line.strip() and len(line) - len(line.lstrip(" \t")) <= owner:
                break
            m += 1
        self.skip_until = m - 1

    def mapping_goes_on(self, n: int, col: int) -> bool:
        """Whether the next line holding text is a key in ``col``: '- heading: ...' followed by 'text: ...'
        is a mapping typed on purpose (its keys are checked after reading), not text with ': ' in it."""
        return self.next_key_at(n) == col
