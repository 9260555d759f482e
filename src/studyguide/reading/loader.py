"""Bytes → YAML nodes that remember where they came from.

A strict reader on top of pyyaml's event stream (the C parser where present): no tags, anchors or aliases,
one document, a depth cap, and every scalar kept as the exact text the teacher typed. Typing (booleans,
numbers) happens later, in the schema, only where the format asks for it.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .. import scripts
from ..errors import GuideError, Location, Problem
from . import chat, keys, misread, oddspaces, openers, syntax, wordfiles

MAX_BYTES = 1_000_000
MAX_DEPTH = 40

try:  # the C parser is ~10x faster; fall back when libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the pyyaml build
    _Loader = yaml.SafeLoader


@dataclass(eq=False)
class Node:
    where: Location


@dataclass(eq=False)
class Scalar(Node):
    value: str
    plain: bool = True  # typed without quotes

    @property
    def is_null(self) -> bool:
        """Nothing typed after the key. `null` and `~` are text like any other word (a computing
        class's term), printed as typed, as `NO` and `yes` are."""
        return self.plain and self.value == ""


@dataclass(eq=False)
class Seq(Node):
    items: list[Node] = field(default_factory=list)
    flow: bool = False  # written [a, b, c] on one line, where every ',' starts an item


@dataclass(eq=False)
class Map(Node):
    pairs: list[tuple[Scalar, Node]] = field(default_factory=list)
    flow: bool = False  # written {a: 1, b: 2} on one line, where every ',' starts a key


KIND_NAMES = {Scalar: "text", Seq: "a list", Map: "'key: value' lines"}


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused."""
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        raise GuideError([Problem(Location(name, 1), "not UTF-8 (the file is saved as UTF-32); save the file as UTF-8")])
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].decode("utf-16", errors="replace").count("\n") + 1
            raise GuideError([Problem(Location(name, line), f"not valid UTF-16 ({exc.reason}); save the file as UTF-8")]) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if _looks_like_utf16(data):
        raise GuideError([Problem(Location(name, 1), "not UTF-8 (the file looks like UTF-16 without a byte-order mark); save the file as UTF-8")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GuideError([not_utf8(data, exc.start, name)]) from None


def not_utf8(data: bytes, at: int, name: str) -> Problem:
    """The problem for a byte at ``at`` that is not UTF-8: the character it is in Windows' older encoding
    (what Notepad's "ANSI" and Word's "Plain text" save), with its line and column, and how to save again."""
    start = data.rfind(b"\n", 0, at) + 1
    col = len(data[start:at].decode("utf-8", errors="replace")) + 1
    try:  # not when the byte starts half a character (a lone surrogate, from a program, not an old encoding)
        ch = data[at:at + 1].decode("cp1252") if not re.match(rb"\xed[\xa0-\xbf]", data[at:at + 2]) else ""
    except UnicodeDecodeError:
        ch = ""
    what = f"'{ch}'" if ch and ch.isprintable() and not ch.isspace() else "this character"
    return Problem(Location(name, data.count(b"\n", 0, at) + 1, col),
                   f"not UTF-8: {what} is saved in an older encoding; save the file again as UTF-8 (in Notepad: "
                   "File → Save as, Encoding: UTF-8; in Word: Plain Text, Other encoding: Unicode (UTF-8))")


def _looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte-order mark: every other byte of its start is NUL."""
    head = data[:400]
    half = len(head) // 2
    if half < 4 or b"\x00" not in head:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= 0.7 * half and min(even, odd) <= 0.1 * half


# Characters YAML refuses, and ones it reads as a line break that no editor shows as one
# (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), which would put every later line number out.
# Found before parsing, so each is reported at the line and column an editor shows.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_COMMENT_AFTER = re.compile(r"\s+#(?=\S)")  # compiled once: looked for after every plain text


def _control_problem(name: str, text: str, index: int) -> Problem:
    ch = text[index]
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    what = "NUL" if ch == "\0" else f"U+{ord(ch):04X}"
    if unicodedata.name(ch, ""):
        what += f" ({unicodedata.name(ch)})"
    return Problem(Location(name, line, col), f"the invisible control character {what} is not allowed here "
                                              "(delete it; retype the text around it if unsure)")


def _loc(name: str, mark) -> Location:
    return Location(name, mark.line + 1, mark.column + 1)


def _syntax_problem(name: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A located message with a plain hint, read off the line itself.

    libyaml's and pyyaml's wordings differ and say little to a teacher, so the
    hint comes from what is actually on the line where the parser stopped.
    """
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Problem(Location(name, 1), f"YAML syntax: {exc.problem or exc.context} (check the file's syntax)")
    lines = text.splitlines() or [""]
    line_no = min(mark.line, len(lines) - 1)
    line = lines[line_no] if 0 <= line_no < len(lines) else ""
    char = line[mark.column] if 0 <= mark.column < len(line) else ""
    value = line.split(": ", 1)[1].lstrip() if ": " in line else line.strip().lstrip("- ")
    what = f"{exc.context or ''} {exc.problem or ''}"
    where = _loc(name, mark)
    if "\t" in line[: len(line) - len(line.lstrip())] or char == "\t":
        return Problem(where, "a tab is used for indentation (indent with spaces, not tabs)")
    if "maximum nesting depth" in what:  # libyaml's own cap (1,000), met before the builder's
        return Problem(where, f"nested more than {MAX_DEPTH} levels deep; a guide never needs this")
    if "escape" in what or "hexdecimal" in what:  # inside "double quotes": point at the backslash
        slash = line.rfind("\\", 0, mark.column + 1)
        if slash >= 0 and mark.line < len(lines):
            where = Location(name, mark.line + 1, slash + 1)
        if "Unicode character" in what:
            return Problem(where, "this \\u code is half of a character (\\ud800 to \\udfff) or no character at all "
                                  "(type the character itself instead of its code)")
        return Problem(where, "in \"double quotes\" a backslash starts a code such as \\n (write \\\\ for a backslash, "
                              "or put the text in 'single quotes')")
    if "quoted scalar" in what and exc.context_mark is not None:
        return Problem(_loc(name, exc.context_mark), "this quote is never closed (end the text with the same quote mark, "
                                                     "and double any ' inside '...' text)")
    if "alias" in what or value.startswith("*"):
        return Problem(where, "text that starts with '*' must be in quotes (write \"**bold** rest of the text\")")
    if value[:1] in "@`%|>!&":
        return Problem(where, f"text that starts with '{value[:1]}' must be in quotes (put the whole text in double quotes)")
    if value[:2] in ("- ", "? ") and "not allowed in this context" in what:  # 'prompt: - 40 °C is ...'
        return Problem(where, openers.QUOTE.format(value[:2]))
    if value[:1] in "[{" and "flow" not in what:
        return Problem(where, f"text that starts with '{value[:1]}' must be in quotes, or the list must be closed (put the whole text in double quotes)")
    flow_start = _loc(name, exc.context_mark) if exc.context_mark is not None else where
    if "flow sequence" in what:
        return Problem(flow_start, syntax.FLOW)
    if "flow mapping" in what:
        return Problem(flow_start, "this { ... } is not closed, or a value in it contains ',' or ': ' (close it with '}', or quote the value)")
    if value[:1] in "'\"" and "expected key" in what:
        return Problem(where, syntax.QUOTE_INSIDE if value[0] == '"' else syntax.QUOTE_END)
    if "mapping values are not allowed" in what:
        if line.count(": ") > 1 or (": " in value):
            return Problem(where, "text that contains ': ' must be in quotes (put the whole text in double quotes)")
        return Problem(where, "this line is indented differently from the lines around it, or a line above lacks its ':' (line up the keys that belong together)")
    if "simple key" in what and "expected ':'" in what and exc.context_mark is not None:  # noticed a line late
        return Problem(_loc(name, exc.context_mark), "this line has no ':' after its key (write 'key: value', or "
                                                     "indent the line under the key it belongs to)")
    if "expected key" in what or "block end" in what or "block mapping" in what or "expected '-'" in what:
        if line.lstrip().startswith("- "):
            return Problem(where, "this list item is not lined up with the ones above it (start every '- ' of one list in the same column)")
        return Problem(where, "this line is indented differently from the lines around it (line up the keys that belong together)")
    return Problem(where, f"YAML syntax: {(exc.problem or exc.context or '').strip()} (check the quotes and indentation on this line)")


# after these the parser reads the lines below wrongly (as quoted text, as the list, as the item's text)
_STOPS_THE_REST = (syntax.UNCLOSED, "this [ ... ] list is not closed", syntax.ITEM)


def _syntax_problems(name: str, text: str, exc: yaml.MarkedYAMLError) -> list[Problem]:
    """Every layout mistake the line scan finds, and where the parser stopped unless they explain it.

    The parser's place is left out when the scan found a mistake on that line or the
    significant line before it (a key without ':' is noticed by the parser a line late),
    or an unclosed quote or list above it (the parser reads on inside the quote).
    """
    found = [Problem(Location(name, line, col), message) for line, col, message in syntax.scan(text)]
    stopped = _syntax_problem(name, text, exc)
    at = stopped.where.line
    lines = text.split("\n")
    before = next((n for n in range(at - 1, 0, -1)
                   if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), at)
    explained = any(before <= p.where.line <= at and not p.message.startswith("put this ")
                    or p.where.line < at and p.message.startswith(_STOPS_THE_REST) for p in found)
    after = [p for p in found if p.where.line >= at]  # a list over lines, its ']' in a comment on a later one
    explained = explained or bool(after) and misread.FLOW_COMMENTED in after[0].message \
        and stopped.message.startswith("this [ ... ] list is not closed")
    if not explained and at:
        found.append(stopped)
    return found or [stopped]


def _chat_problems(name: str, text: str) -> list[Problem]:
    """A chatbot's fence and words around the guide, in one message (if there are any: else none)."""
    found = chat.around(text)
    return [Problem(Location(name, found[0], 1), found[1])] if found else []


def _keys_at(stack: list, pending_key: list) -> tuple:
    """The keys the guide format knows for a mapping where the next node goes: a list's item takes its list's
    item keys, a key's value the keys under that key, the whole file the top keys; none anywhere else."""
    if not stack:
        return keys.TOP_KEYS
    if isinstance(stack[-1], Seq):
        above = stack[-2] if len(stack) > 1 else None
        return keys.item_keys(above.pairs[-1][0].value) if isinstance(above, Map) and above.pairs else ()
    return keys.item_keys(pending_key[-1].value) if pending_key[-1] is not None else ()


class _Builder:
    """Turns the event stream into nodes, refusing what a guide never needs."""

    def __init__(self, name: str, lines: list[str] | None = None):
        self.name = name
        self.lines = lines or []
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.quote_over_lines = False  # a quoted text that runs over several lines (maybe an unclosed quote)
        # where plain text starts (0-based line, column), and the keys a mapping there could have
        self.plain_starts: dict[tuple[int, int], tuple] = {}
        self.key_places: dict[tuple[int, int], tuple] = {}  # where a key starts, and the keys its mapping can have

    def look(self, event) -> None:
        """Warn about plain text YAML reads differently from how it looks."""
        start, end = event.start_mark, event.end_mark
        rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        m = _COMMENT_AFTER.match(rest)
        if m:
            self.warnings.append(Problem(Location(self.name, end.line + 1, end.column + m.end()),
                                         "the text from ' #' on is read as a comment and left out "
                                         "(put the whole text in quotes to keep it)", warning=True))
        if end.line == start.line:
            return
        below = range(start.line + 1, min(end.line, len(self.lines) - 1) + 1)
        dashes = [(n + 1, self.lines[n].index("-") + 1) for n in below if self.lines[n].lstrip().startswith("- ")]
        if not dashes:
            return
        # a list typed with a word processor's '–' ('– Identify ...'): the '- ' lines in line with it are right as
        # they are (under a list's key, the schema's error names the dash with this message, and this is left out)
        bullet = misread.bullet(self.lines[start.line][start.column:])
        if bullet and any(col == start.column + 1 for _, col in dashes):
            self.warnings.append(Problem(_loc(self.name, start), bullet, warning=True))
            dashes = [(n, col) for n, col in dashes if col != start.column + 1]
        for n, col in dashes:
            self.warnings.append(Problem(Location(self.name, n, col), "this '- ' line is read as part of the text above, "
                                         "not as a new item (line up its '-' with the other items)", warning=True))

    def typed(self, event) -> Location:
        """Where a scalar starts, with its text as typed: from its start to its end, a block's header
        line ('| # note') blanked, so :meth:`Location.of` finds a character on the line it was typed."""
        start, end = event.start_mark, event.end_mark
        lines = self.lines
        if start.line >= len(lines):
            typed = ""
        elif start.line == end.line:
            typed = lines[start.line][start.column:end.column]
        else:
            first = lines[start.line][start.column:]
            if event.style in ("|", ">"):
                first = " " * len(first)
            typed = "\n".join([first, *lines[start.line + 1:end.line],
                               lines[end.line][:end.column] if end.line < len(lines) else ""])
        return Location(self.name, start.line + 1, start.column + 1, typed)

    def refuse(self, event, message: str) -> None:
        self.problems.append(Problem(_loc(self.name, event.start_mark), message))
        raise GuideError(self.problems)

    def check(self, event) -> None:
        if getattr(event, "anchor", None):
            self.refuse(event, f"anchors ('&{event.anchor}') are not allowed in a guide; write the text out in full")
        tag = getattr(event, "tag", None)
        if tag is not None:
            typed = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
            self.refuse(event, f"tags ('{typed}') are not allowed in a guide (remove the '!' part, or put text that starts with '!' in quotes)")

    def build(self, events) -> Node | None:
        root: Node | None = None
        stack: list[Node] = []
        pending_key: list[Scalar | None] = []
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.refuse(event, "a guide file holds one document; remove the second '---' and what follows, or split it into two files")
                continue
            if isinstance(event, yaml.AliasEvent):
                # an alias's anchor is refused first: this is text typed with a '*' first ('*Think:* why ...')
                self.refuse(event, openers.STAR)
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                self.check(event)
                if isinstance(event, yaml.ScalarEvent):
                    where = self.typed(event)  # (a message can point inside the text)
                    # plain style is None in pyyaml's Python parser and '' in libyaml's
                    node: Node = Scalar(where, scripts.drawable(event.value), plain=not event.style)
                    if event.style in ("'", '"') and event.end_mark.line > event.start_mark.line:
                        self.quote_over_lines = True
                    if stack and isinstance(stack[-1], Map) and pending_key[-1] is None:
                        self.key_places[(event.start_mark.line, event.start_mark.column)] = \
                            _keys_at(stack[:-1], pending_key[:-1])
                    if node.plain and self.lines:
                        self.look(event)
                        self.plain_starts[(event.start_mark.line, event.start_mark.column)] = _keys_at(stack, pending_key)
                elif isinstance(event, yaml.SequenceStartEvent):
                    node = Seq(_loc(self.name, event.start_mark), flow=bool(event.flow_style))
                else:
                    node = Map(_loc(self.name, event.start_mark), flow=bool(event.flow_style))
                if len(stack) >= MAX_DEPTH:
                    self.refuse(event, f"nested more than {MAX_DEPTH} levels deep; a guide never needs this")
                if not stack:
                    root = node
                else:
                    self._attach(stack, pending_key, node, event)
                if isinstance(node, (Seq, Map)):
                    stack.append(node)
                    pending_key.append(None)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
                pending_key.pop()
        return root

    def _attach(self, stack, pending_key, node, event) -> None:
        parent = stack[-1]
        if isinstance(parent, Seq):
            parent.items.append(node)
        elif pending_key[-1] is None:
            if not isinstance(node, Scalar):
                self.refuse(event, "a key must be plain text, not a list or mapping")
            pending_key[-1] = node
        else:
            parent.pairs.append((pending_key[-1], node))
            pending_key[-1] = None


def parse(data: bytes, name: str) -> Node | None:
    """Read a guide's bytes into nodes. Raises GuideError with located problems."""
    return parse_with_warnings(data, name)[0]


def _parse(name: str, text: str) -> tuple[Node | None, _Builder]:
    """The nodes of ``text`` and the builder that made them; raises yaml.MarkedYAMLError where YAML stops."""
    builder = _Builder(name, text.split("\n"))
    try:
        return builder.build(yaml.parse(text, Loader=_Loader)), builder
    except yaml.reader.ReaderError as exc:  # a character YAML forbids that the scan above missed
        index = exc.position if isinstance(exc.position, int) and 0 <= exc.position < len(text) else 0
        raise GuideError([_control_problem(name, text, index)]) from None
    except yaml.MarkedYAMLError:
        raise
    except yaml.YAMLError as exc:  # anything else pyyaml reports without a position
        first = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GuideError([Problem(Location(name, 1), f"YAML cannot be read: {first}")]) from None


def parse_with_warnings(data: bytes, name: str) -> tuple[Node | None, list[Problem]]:
    """Like :func:`parse`, and also return warnings about text YAML reads unexpectedly."""
    if len(data) > MAX_BYTES:
        raise GuideError([Problem(Location(name, 1), f"the file is {len(data):,} bytes; a guide may be at most {MAX_BYTES:,} bytes (split it into several guides)")])
    document = wordfiles.saved_as(data)  # Rich Text or a .docx: the one fix is to save it as plain text
    if document:
        raise GuideError([Problem(Location(name, 1), document)])
    text = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # one kind of line break, counted alike by all
    bad = _FORBIDDEN.search(text)
    if bad:
        raise GuideError([_control_problem(name, text, bad.start())])
    typed, unread = text, None
    try:
        root, builder = _parse(name, text)
        found = oddspaces.spots(text, builder.plain_starts)
    except yaml.MarkedYAMLError as exc:
        found, unread = oddspaces.spots(text), exc
    for again in (True, False):  # 'answer:<non-breaking space>Drought': read again with the space it looks like
        if unread and not found:  # (none, or none left: each was an item's text, so the mistake is another)
            raise GuideError(_chat_problems(name, typed) or _syntax_problems(name, typed, unread)) from None
        noted = oddspaces.warnings(name, typed, found)
        if not found:
            break
        text = oddspaces.respaced(typed, found)
        try:
            root, builder = _parse(name, text)
        except yaml.MarkedYAMLError as exc:
            raise GuideError(noted + (_chat_problems(name, text) or _syntax_problems(name, text, exc))) from None
        kept = oddspaces.confirmed(found, builder.key_places) if unread and again else found
        if kept == found:  # (a file YAML could not read: a key each, of its place or a typo of one, or a '-')
            break
        found = kept
    if isinstance(root, Map) and any(not chat.one_word(key.value) for key, _ in root.pairs) \
            and {key.where.line - 1 for key, _ in root.pairs} & set(chat.lines_around(text)):
        raise GuideError(_chat_problems(name, text))  # 'Here is your study guide:' read as the guide's first key
    if builder.quote_over_lines:  # 'title: "The Road' ... 'subject: History"' reads, as one swallowed title
        unclosed = [Problem(Location(name, line, col), message) for line, col, message in syntax.scan(text)
                    if message == syntax.UNCLOSED]
        if unclosed:
            raise GuideError(unclosed)
    return root, noted + builder.warnings
