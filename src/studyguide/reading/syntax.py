"""A line-by-line look at a guide YAML could not read: every layout mistake, each at its own line.

The YAML parser stops at the first thing it cannot read, and often further on than
the mistake (an unclosed quote is "found" wherever the next quote happens to be; a
key without its ':' at the line after). This scan runs only when the parser has
stopped. It follows the block structure a guide uses (keys, '- ' items, '|' text,
quoted text) line by line, and names the mistakes a teacher makes, where they are:

* a tab in the indentation;
* a quote that is never closed (at the opening quote), and “curly quotes” taken for quotes;
* text holding ': ' that is not in quotes, and a '- ' item of a list of text (choices,
  objectives, benefits, ...) that YAML reads as 'key: value' because of its ': ';
* a '- ' item or a key out of line with the ones around it;
* a key without its ':' (``lines 12``), a dash without its space (``-Explain``), and
  several lines of text under a key without the '|' that keeps them together;
* a word processor's dash or bullet for the '- ', a non-breaking space in the indentation (:mod:`.misread`).

It reads nothing into a line it cannot place: what it reports is a mistake in any
reading of the file. Pure: text in, ``(line, column, message)`` out, both 1-based.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import misread, openers
from .keys import MAP_KEYS, TEXT_LISTS, key_known  # TEXT_LISTS: also read by walker.py as syntax.TEXT_LISTS
from .scanvalues import INDENT, ITEM, KEY_WORD as _KEY_WORD, QUOTE_END, QUOTE_INSIDE, UNCLOSED, Values  # noqa: F401
# (QUOTE_END, QUOTE_INSIDE and UNCLOSED: also read by the loader as syntax.X)
from .yamltext import FLOW, Lines, clip, comment_at, key_of  # FLOW: also read by loader.py as syntax.FLOW

TAB = "a tab is used for indentation (indent with spaces, not tabs)"
MAX_FINDINGS = 100


@dataclass
class _Level:
    indent: int
    kind: str                 # "map" or "seq"
    key: Optional[str] = None  # for a seq: the key it is the value of; for a map: its first key
    keys: int = 1              # how many of its keys or items are in line so far
    line: int = -1             # for a map: the line of its first key


_NO_SPACE = re.compile(r"([a-z_][a-z0-9_]*):(?=[^\s:])")  # 'term:nucleus'
_KEY_TYPED = re.compile(r"^[ \t]*(?:-[ \t]+)*([a-z_][a-z0-9_]*):(?:[ \t]|$)", re.M)


class _Scan(Values, Lines):
    def __init__(self, text: str):
        super().__init__(text)
        self.keys_used = set(_KEY_TYPED.findall(text))  # a line starting with one of these lacks its ':'
        self.stack: list[_Level] = [_Level(-1, "map")]
        self.pending: Optional[tuple[int, str, Optional[str]]] = (-1, "key", None)  # (indent, "key" or "dash", key)
        self.scalar_owner: Optional[int] = None  # plain text continues on lines indented further
        self.scalar_item = False  # that text is a '- ' item's
        self.scalar_key: Optional[str] = None  # the key that text is the value of, typed on the lines under it
        self.last_key: Optional[tuple[str, int]] = None  # the last 'key: text' line's key and indent
        self.block: Optional[tuple] = None  # the last '|' text: its key, key's column, first and last line

    def run(self) -> list[tuple[int, int, str]]:
        for n, line in enumerate(self.lines):
            if self.screenful(MAX_FINDINGS):  # a teacher fixes a screenful, then runs validate again
                break
            if n <= self.skip_until:
                continue
            going_on = self.scalar_owner if self.pending is None and self.scalar_owner is not None else len(line)
            line, invisible = misread.invisible_lead(line, going_on)  # a non-breaking space in the indentation
            if invisible:
                self.report(n, *invisible)
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
                continue
            lead = line[:len(line) - len(line.lstrip(" \t"))]
            indent = len(lead)
            if "\t" in lead:  # a line of the text above (not a key, nor an item) is read on as that text
                on = self.pending is None and self.scalar_owner is not None and key_of(stripped) is None and stripped[0] != "-"
                indent = self.scalar_owner + 2 if on else max(self.pending[0] + 2 if self.pending else self.stack[-1].indent, 0)
                self.report(n, lead.index("\t"), f"{TAB[:-1]}: {indent} spaces here, to go on with the text above)" if on else TAB)
            self.line(n, indent, line[len(lead):].rstrip())
        return self.found

    # -- one line -----------------------------------------------------------
    def line(self, n: int, indent: int, content: str) -> None:
        if self.scalar_owner is not None and indent > self.scalar_owner and self.pending is None:
            self.continuation(n, indent, content)
            return
        self.scalar_owner = None
        # '– Identify': a word processor's dash where a '- ' goes (among items, or over them), read as one
        if misread.bullet(content) and (self.pending is None or self.next_dash(n, indent) == indent
                                        or (self.pending[1] == "key" and self.pending[2] in openers.LIST_KEYS
                                            and indent >= self.pending[0] >= 0)):
            self.report(n, indent, misread.bullet(content))
            content = "- " + content[misread.bullet_end(content):]
        content = self.colon_space(n, indent, content, self.known_here)
        if content == "-" or content.startswith("- "):
            self.dash(n, indent, content)
        elif content.startswith("-") and content[1:2] not in ("-", "") and self.in_seq(indent):
            # before the key test: '-term: reforma' is an item whose dash lacks its space, not a key '-term'
            self.report(n, indent, f"a dash must be followed by a space (write '- {misread.opening(content[1:])}')")
            self.dash(n, indent, "- " + content[1:])
        elif key_of(content) is not None:
            if not self.text_as_key(n, indent, content):
                self.key_line(n, indent, content)
        elif self.pending is not None and indent > self.pending[0] and not self.key_lacks_colon(n, indent, content):
            column, under = self.pending[0], self.pending[2] if self.pending[1] == "key" else None
            self.pending = None  # text on the line after its key
            self.value(n, indent, indent, content, None)
            if under is not None and self.scalar_owner == indent:  # plain text: YAML reads on to every line
                self.scalar_owner, self.scalar_key = column, under  # indented past its key, this column too
        else:
            self.stray(n, indent, content)

    def in_seq(self, indent: int) -> bool:
        if self.pending is not None:
            return indent >= self.pending[0]
        return any(level.kind == "seq" and level.indent == indent for level in self.stack)

    def pop_to(self, indent: int) -> None:
        while len(self.stack) > 1 and self.stack[-1].indent > indent:
            self.stack.pop()

    def dash(self, n: int, indent: int, content: str) -> None:
        owner = None
        if self.pending is not None and indent >= self.pending[0] and not (
                indent == self.pending[0] and self.pending[1] == "dash"):
            self.pop_to(self.pending[0])
            owner = self.pending[2]
            self.stack.append(_Level(indent, "seq", owner))
            self.pending = None
        else:
            self.pending = None
            before = list(self.stack)
            self.pop_to(indent)
            if self.stack[-1].kind == "map" and self.stack[-1].indent == indent == self.stack[-2].indent \
                    and self.stack[-2].kind == "seq":
                self.stack.pop()  # the next item after one typed without its '- ' (item_without_dash)
            top = self.stack[-1]
            top.keys += top.kind == "seq" and top.indent == indent
            if not (top.kind == "seq" and top.indent == indent):
                seqs = [j for j, lv in enumerate(before) if lv.kind == "seq"]
                j = min(reversed(seqs), key=lambda j: abs(before[j].indent - indent)) if seqs else None
                inner = indent + len(content) - len(content[1:].lstrip(" "))  # where its 'key:' starts
                slipped = j is not None and abs(before[j].indent - indent) == 1 and (
                    self.next_dash(n, indent) == indent or self.next_key_at(n) == inner)
                whole = not slipped and j is not None and self.next_key_at(n) == inner \
                    and key_of(content[1:].lstrip(" ")) is not None  # the lines under it out of line alike
                self.report(n, indent, misread.item_moved(ITEM, before[j].indent - indent) if whole else ITEM)
                if slipped:
                    self.stack = before[:j] + [_Level(indent, "seq", before[j].key)]  # its first item slipped
                elif j is not None:  # read on as an item of the list nearest in column, in its column (or theirs)
                    self.stack = before[:j + 1]
                    indent = indent if whole else before[j].indent
                else:
                    self.stack.append(_Level(indent, "seq"))
            owner = self.stack[-1].key
        rest = content[1:]
        col = indent + 1 + (len(rest) - len(rest.lstrip(" ")))
        rest = rest.strip(" ")
        if not rest or rest.startswith("#"):
            self.pending = (indent, "dash", None)
            return
        while rest == "-" or rest.startswith("- "):  # '- - item': a list in a list
            self.stack.append(_Level(col, "seq"))
            inner = rest[1:]
            col += 1 + len(inner) - len(inner.lstrip(" "))
            rest = inner.strip(" ")
            if not rest:
                self.pending = (col, "dash", None)
                return
        rest = self.colon_space(n, col, rest, lambda _, word: key_known(word, owner))
        key = key_of(rest)
        word = self.item_key_without_colon(n, col, rest, owner) if key is None else None
        if word is not None:  # '- term ribosome' over 'definition: ...': read on as 'term: ribosome'
            rest = f"{word}: {misread.after_key(rest, word)}"
            key = (word, len(word) + 2)
            self.stack.append(_Level(col, "map", key[0], line=n))
            self.after_key(n, col, rest, key)
            return
        if key is not None:
            listed = TEXT_LISTS.get(owner or "")
            if listed and key[0] not in listed[1] and not rest.startswith(("\"", "'")) \
                    and not self.mapping_goes_on(n, col):
                self.report(n, col, misread.item_colon(listed[0], key[0], rest[key[1]:comment_at(rest)].strip()))
                self.value(n, col, indent, rest, None, item=True)
                return
            self.stack.append(_Level(col, "map", key[0], line=n))
            self.after_key(n, col, rest, key)
            return
        self.value(n, col, indent, rest, None)

    def item_key_without_colon(self, n: int, col: int, rest: str, owner: Optional[str]) -> Optional[str]:
        """The key of a '- ' item's first line typed without its ':' (reported here), when the lines
        under it are keys of the same item; None when the line is text, as in a list of text."""
        words = misread.key_words(rest[:comment_at(rest)]) or rest.split()  # ('term：x', a full-width colon: 3 words)
        word, listed = words[0], TEXT_LISTS.get(owner or "")
        if not _KEY_WORD.match(word) or (listed and word not in listed[1]) or not self.mapping_goes_on(n, col):
            return None
        typed = f"'{misread.clip(' '.join(words))}' needs a ':' after '{word}'" if words[1:] else f"'{word}' needs a ':' after it"
        instead = words[1:] and words[1] in misread.INSTEAD_OF_COLON
        self.report(n, col, misread.needs_colon(word, words[1:]) if instead else f"{typed} ({misread.write_key(word, words[1:])})")
        return word

    def key_line(self, n: int, indent: int, content: str, report: bool = True) -> Optional[tuple[tuple[int, int], str]]:
        """A 'key:' line; ``report=False``: the caller reports it (returned: where, and the message)."""
        key = key_of(content)
        column, found = indent, None  # where the lines under it are measured from: its mapping's column
        if self.pending is not None and indent > self.pending[0]:
            self.pop_to(self.pending[0])
            self.stack.append(_Level(indent, "map", key[0], line=n))
        else:
            before = list(self.stack)
            self.pop_to(indent)
            top = self.stack[-1]
            if top.kind == "seq" and top.indent == indent and len(self.stack) > 1 \
                    and self.stack[-2].kind == "map" and self.stack[-2].indent == indent:
                self.stack.pop()  # 'key:' then '- ' items in the same column, then the next key
                top = self.stack[-1]
            if top.kind == "map" and top.indent == indent:
                top.keys += 1
            elif (message := self.item_without_dash(n, indent, key[0], before)) is not None:
                found = ((n, indent), message)
                if report:
                    self.report(n, indent, message)
            else:
                column, at, message = self.realign(n, indent, key[0], before)
                if report:
                    self.report(*at, message)
                found = (at, message)
        self.pending = None
        self.after_key(n, indent, content, key, column)
        return found

    def item_without_dash(self, n: int, indent: int, key: str, before: list[_Level]) -> Optional[str]:
        """A key in the column of its list's '- ', and of the item above it, with keys under it: an item
        typed without its '- ' (read on as one, in this column); its message, or None."""
        top, item = self.stack[-1], before[len(self.stack)] if len(before) > len(self.stack) else None
        if not (top.kind == "seq" and top.indent == indent and item is not None and item.kind == "map"
                and self.next_key_at(n) == indent and self.set_elsewhere(n, item.indent, key)):
            return None
        self.stack.append(_Level(indent, "map", key, line=n))
        return misread.new_item(misread.ITEM_NOUNS.get(top.key or "", "item"), n + 1, key, left=True)

    def realign(self, n: int, indent: int, key: str, before: list[_Level]) -> tuple[int, tuple[int, int], str]:
        """Read on after a key out of line with its mapping; return the column the lines under it are
        measured from, where to report it, and the message."""
        maps = [j for j, lv in enumerate(before) if lv.kind == "map" and lv.indent >= 0]
        if not maps:
            self.stack.append(_Level(indent, "map", key, line=n))
            return indent, (n, indent), INDENT
        j = min(reversed(maps), key=lambda j: abs(before[j].indent - indent))  # nearest, the deeper on a tie
        near = before[j]
        self.stack = before[:j + 1]
        message = INDENT[:-1] + f": start '{clip(key)}' in the same column as '{clip(near.key)}' above)"
        if abs(near.indent - indent) > 2:
            return indent, (n, indent), message
        seq, shift = self.stack[-2], indent - near.indent
        if seq.kind == "seq" and indent == seq.indent and seq.key in MAP_KEYS:  # 'headings:' typed as a list
            self.stack[-2:] = [_Level(indent, "map", key, 2, n)]  # the keys after it: in line
            return indent, (n, indent), (f"'{seq.key}' takes 'key: value' lines, not a '- ' list: delete the '- ' on "
                                         f"{self.dashes_above(n, indent)}, so that they start in this column")
        whole = seq.kind == "seq" and seq.keys == 1 and near.indent == seq.indent + 2  # '- key:' its list's first
        if near.keys > 1 or near.line < 0 or (self.next_key_at(n) != indent and not (
                whole and self.next_dash(n) == seq.indent + shift)):  # (the next item in the column it implies)
            return near.indent, (n, indent), message  # one slip, one message: the keys after it are in line
        # its first key slipped, not the keys under it: they set the column (and a '- key:' line that
        # slipped as a whole, the column of its list)
        self.stack[-1] = _Level(indent, "map", near.key, 2, near.line)
        where = (near.line, near.indent)
        if whole:
            self.stack[-2] = _Level(seq.indent + shift, "seq", seq.key)
            return indent, (near.line, seq.indent), (f"this '- ' line is not lined up with the lines under it (move it "
                                                     f"so that '{clip(near.key)}' starts in the same column as '{clip(key)}' below)")
        if seq.kind == "seq" and indent <= seq.indent < near.indent:  # in (or left of) the column of the '-' before 'near.key': indent them
            return indent, (n, indent), misread.keys_under_item(INDENT, key, near.key)
        return indent, where, INDENT[:-1] + f": start '{clip(near.key)}' in the same column as '{clip(key)}' below)"

    def after_key(self, n: int, indent: int, content: str, key: tuple[str, int], column: Optional[int] = None) -> None:
        """The rest of a 'key:' line typed at ``indent``; ``column``: its mapping's, if that differs."""
        column = indent if column is None else column
        name, offset = key
        rest = content[offset:]
        skipped = len(rest) - len(rest.lstrip(" "))
        rest = rest.strip(" ")
        if not rest or rest.startswith("#"):
            self.pending = (column, "key", name)
            return
        self.value(n, indent + offset + skipped, column, rest, name)

    def colon_space(self, n: int, col: int, text: str, known) -> str:
        """``text``, with a space put after the ':' of a key ``known(col, key)`` typed as 'term:nucleus' (reported)."""
        m = _NO_SPACE.match(text)
        if not m or not known(col, m[1]):
            return text
        self.report(n, col, f"put a space after ':' (write '{misread.clip(m[1] + ': ' + text[m.end():])}')")
        return f"{m[1]}: {text[m.end():]}"

    def key_lacks_colon(self, n: int, indent: int, content: str) -> bool:
        """Whether a line not 'key: value' is a key without its ':': it starts with a key known there, and is short, or
        '=' follows it, or it is a key elsewhere, or keys follow in its column and no 'key: text' precedes it."""
        words = misread.key_words(content[:comment_at(content)]) or content.split()
        return bool(_KEY_WORD.match(words[0])) and self.known_here(indent, words[0], n) and (
            len(words) <= 3 or words[0] in self.keys_used or words[1] in misread.INSTEAD_OF_COLON or (
                self.mapping_goes_on(n, indent) and not (self.last_key and self.last_key[1] == indent)))

    def known_here(self, indent: int, word: str, n: Optional[int] = None) -> bool:
        """Whether ``word`` is a key (or a typo of one) of the mapping a line at ``indent`` would be in (if not,
        ``so small?`` under ``prompt: Why are cells`` is the prompt going on); with ``n``, not one it has already."""
        if n is not None and self.set_elsewhere(n, indent, word):  # ('type of cell.' under a prompt: its text)
            return False
        if self.pending is not None and indent > self.pending[0]:
            return key_known(word, self.pending[2], self.pending[0] < 0)
        j = max([j for j, lv in enumerate(self.stack) if lv.indent <= indent] or [0])
        owner = self.stack[j - 1].key if j > 0 and self.stack[j - 1].kind == "seq" else None  # a list's item
        return key_known(word, owner, self.stack[j].indent <= 0)

    def stray(self, n: int, indent: int, content: str) -> None:
        """A line that is neither a key, nor a '- ' item, nor under text it continues."""
        pending, self.pending = self.pending, None
        words = misread.key_words(content[:comment_at(content)]) or content.split()
        if self.key_lacks_colon(n, indent, content):
            self.report(n, indent, misread.needs_colon(words[0], words[1:]))
            # read on as that key, so the '|' text or the list under it is not reported line by line
            self.pending = pending
            self.key_line(n, indent, f"{words[0]}: {misread.after_key(content, words[0])}", report=False)
        elif self.block and openers.paragraph_out(self.lines, self.block, n):  # a paragraph of a '|' text, pasted
            self.report(n, indent, openers.paragraph_out(self.lines, self.block, n))
            self.skip_block(n, self.block[1])  # the lines indented under it: more of the text
        elif self.last_key is not None and self.last_key[1] == indent:
            key = clip(self.last_key[0])  # (a 'key' may be a sentence with ': ' in it, named in short)
            if _KEY_WORD.match(words[0]) and self.known_here(indent, words[0], n):  # 'subtitle How ...': either
                self.report(n, indent, f"this line is not under any key (if '{words[0]}' is a key, "
                                       f"{misread.write_key(words[0], words[1:])}; if the line goes on with the text of "
                                       f"'{key}', write '{key}: |' and indent every line of the text under '{key}')")
            else:
                self.report(n, indent, f"this line is not under any key (for several lines of text, write '{key}: |' "
                                       f"and indent every line of the text under '{key}')")
        else:
            self.report(n, indent, "this line is neither 'key: value' nor a '- ' list item (add the ':' after "
                                   "the key, or indent the line under the key it belongs to)")



def scan(text: str) -> list[tuple[int, int, str]]:
    """Every layout mistake found line by line in ``text`` (line breaks already made '\\n')."""
    return misread.records_once(sorted(misread.alone_on_its_line(_Scan(text).run()), key=lambda found: found[:2]))
