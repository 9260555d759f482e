"""The line scan's reading of a value (:mod:`.syntax`): the text after 'key: ' or '- ', quoted, '|' or
plain, and the lines a plain text goes on over; with the messages for the mistakes found in them."""
from __future__ import annotations

import re
from typing import Optional

from . import misread, openers
from .keys import MAP_KEYS
from .yamltext import clip, close_quote, comment_at, flow_open, key_of

UNCLOSED = "this quote is never closed (end the text with the same quote mark, and double any ' inside '...' text)"
COLON = "text that contains ': ' must be in quotes (put the whole text in double quotes)"
CURLY = ("curly quotes “ ” are not quotes to YAML, and this text contains ': ' (put the whole text in straight "
         "double quotes \"...\"; curly quotes inside them print as typed)")
ITEM = "this list item is not lined up with the ones above it (start every '- ' of one list in the same column)"
INDENT = "this line is indented differently from the lines around it (line up the keys that belong together)"
QUOTE_END = "text that starts with a quote must end with it (put the whole text in double quotes; inside '...' write a ' as '')"
QUOTE_INSIDE = ("a \" inside \"...\" text ends it early (write \\\" for each \" inside the text, or put the whole "
                "text in single quotes '...' instead)")
QUOTE_INSIDE_OPEN = QUOTE_INSIDE.replace("inside the text, or", "inside the text and a \" at its end; or")
CURLY_OPEN = misread.CURLY_OPEN
KEY_WORD = re.compile(r"[a-z_][a-z0-9_]*$")


def needs_bar(key: str) -> str:
    """The message for text typed on the lines under ``key:`` that holds ': '."""
    return (f"this text holds ': ', which YAML reads as a key: write '{key}: |' (a '|' after '{key}:') and keep "
            f"every line of the text indented under it")


class Values:
    """The value-reading half of the line scan (its state and the rest of its reading: :class:`.syntax._Scan`)."""

    def text_as_key(self, n: int, indent: int, content: str) -> bool:
        """Text typed under its key ('summary:' above it) holding ': ' ('Water evaporates: it rises'): YAML
        reads a key; said as the '|' the text needs (a teacher told to write 'Water evaporates: |' breaks
        the guide again), and its lines read on as that text."""
        if self.pending is None or self.pending[1] != "key" or indent <= self.pending[0]:
            return False
        under, word = self.pending[2], key_of(content)[0]
        if under is None or under in openers.LIST_KEYS or under in MAP_KEYS or KEY_WORD.match(word):
            return False
        self.report(n, indent + max(0, content.find(":")), needs_bar(under))
        self.skip_block(n, self.pending[0])
        self.block, self.pending = (under, self.pending[0], n, self.skip_until), None
        return True

    def continuation(self, n: int, indent: int, content: str) -> None:
        """A line indented under plain text: YAML reads it as more of that text."""
        if self.scalar_item and (content == "-" or content.startswith("- ")):  # an item right of the one above
            self.scalar_owner = None
            self.dash(n, indent, content)
            return
        body = content[:comment_at(content)]
        colon = re.search(r":(\s|$)", body)
        if colon:
            key = key_of(content)
            if key and KEY_WORD.match(key[0]):
                above = f": start '{clip(key[0])}' in the same column as '{clip(self.last_key[0])}' above)" \
                    if self.last_key and self.last_key[1] == self.scalar_owner else ")"
                if above == ")":
                    self.report(n, indent, INDENT)
                    return
                self.scalar_owner = None  # a key of the mapping above, slipped: read on as that key (its list is no slip)
                at, message = self.key_line(n, indent, content, report=False) or ((n, indent), None)
                self.report(*at, message if at != (n, indent) else INDENT[:-1] + above)
            else:
                self.report(n, indent + colon.start(), COLON if self.scalar_key is None else needs_bar(self.scalar_key))

    def value(self, n: int, col: int, owner: int, text: str, key: Optional[str], item: bool = False) -> None:
        """The value starting at column ``col`` (0-based) of line ``n``; ``owner``: its key's or dash's indent."""
        if key is not None:
            self.last_key = (key, owner)
        props = re.match(r"(?:[&!]\S*\s*)+", text)  # an anchor or a tag (refused later, with its own message)
        if props:
            text = text[props.end():]
            col += props.end()
            if not text or text.startswith("#"):
                self.pending = (owner, "key", key)
                return
        first = text[0]
        if first in "|>":
            found = openers.block_text(text, key)  # 'summary: | Water moves ...': at the text
            if found:
                self.report(n, col + found[0], found[1])
            self.skip_block(n, owner)
            self.block = (key, owner, n, self.skip_until)
            for found in openers.paragraph_short(self.lines, self.block, text):  # a paragraph that lost a space
                self.report(*found)
            return
        if first in "\"'":
            end = close_quote(text, 1, first)
            if end is None:
                if not self.skip_quote(n, owner, first):
                    self.report(n, col, UNCLOSED)
                return
            tail = text[end + 1:].strip()
            if tail and not tail.startswith("#") and not (item and tail.startswith(":")):
                if first == '"':  # at the quote that ended it: the teacher meant it as part of the text
                    closed = re.sub(r'\s+#[^"]*$', "", text).endswith('"')
                    self.report(n, col + end, QUOTE_INSIDE if closed else QUOTE_INSIDE_OPEN)
                else:
                    self.report(n, col, QUOTE_END)
            return
        if first in "[{":
            if flow_open(text) > 0:
                self.skip_flow(n, col, owner, text)
            return
        if openers.starts(text, key):  # '*Remember* what ...', '- What ...', '@home'
            self.report(n, col, openers.starts(text, key))
        body = text[:comment_at(text)]
        colon = re.search(r":(\s|$)", body)
        if colon and not item:
            joined = openers.run_on(self.lines, n, key, body, colon.start(), self.known_here)
            if joined:
                self.report(n, col + joined[0], joined[1])
            else:
                self.report(n, col + colon.start(), CURLY if first in CURLY_OPEN else COLON)
        self.scalar_owner, self.scalar_item, self.scalar_key = owner, key is None, None
