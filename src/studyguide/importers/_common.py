"""What every importer shares: a draft guide, HTML read back into guide text, located warnings.

An importer reads one file and returns a :class:`Draft`: plain data (title,
vocabulary, questions as the guide format writes them) and the warnings for what
did not map. :mod:`.writer` turns the draft into guide YAML.
"""
from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

from .. import inline
from ..errors import Location, Problem


@dataclass
class Draft:
    """A guide being read from another tool's file: the keys of the guide format, in order."""
    source: Path
    title: Optional[str] = None
    subtitle: Optional[str] = None
    language: Optional[str] = None
    vocabulary: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    term_lines: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)  # each term's first line and text

    def warn(self, message: str, line: int = 0, col: int = 0) -> None:
        self.problems.append(Problem(Location(str(self.source), line, col), message, warning=True))

    def add_term(self, entry: dict, line: int) -> None:
        """A card's term and definition, unless the term came before, in any capitals: a guide lists each term
        once (its matching would print it twice, with two meanings), so the card is left out with a warning."""
        key = " ".join(entry["term"].split()).casefold()
        if key in self.term_lines:
            line_at, typed = self.term_lines[key]
            also = "" if typed == entry["term"] else f" (as '{inline.plain(typed)[:40]}')"
            self.warn(f"the term '{inline.plain(entry['term'])[:40]}' is on line {line_at} too{also}; this card is "
                      "left out, as a guide lists each term once (add its definition to the first card's if both "
                      "meanings are wanted)", line, 1)
            return
        self.term_lines[key] = (line, entry["term"])
        self.vocabulary.append(entry)


class _Text(HTMLParser):
    """HTML → guide text: <b>/<strong> → **, <i>/<em> → *, <br> → line break, paragraphs → blank lines."""

    BOLD, ITALIC = ("b", "strong"), ("i", "em")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropped: list[str] = []
        self.opened: list[int] = []  # where each open <b>/<i> ended in out

    def handle_starttag(self, tag, attrs):
        if tag in self.BOLD:
            self.out.append("**")
            self.opened.append(len(self.out))
        elif tag in self.ITALIC:
            self.out.append("*")
            self.opened.append(len(self.out))
        elif tag == "br":
            self.out.append("\n")
        elif tag == "p":
            if "".join(self.out).strip():
                self.out.append("\n\n")
        elif tag in ("img", "video", "audio", "iframe", "object", "embed", "table"):
            self.dropped.append(tag)

    def handle_endtag(self, tag):
        if tag in self.BOLD + self.ITALIC:
            start = self.opened.pop() if self.opened else None
            if start == len(self.out):  # <b></b>: nothing to emphasise
                self.out.pop()
            else:
                self.out.append("**" if tag in self.BOLD else "*")

    def handle_data(self, data):
        self.out.append(data.replace("*", STAR))  # a star the source prints: see literal()


def html_text(markup: str) -> tuple[str, list[str]]:
    """Guide text from an HTML field, and the kinds of content (img, table…) that had to be left out."""
    parser = _Text()
    parser.feed(markup or "")
    parser.close()
    text = "".join(parser.out).strip()
    return (literal(text) if STAR in text else text), parser.dropped


# a star of the source's text while emphasis markers are added (a private-use character; moodle.py marks blanks
# with U+E000 and U+E001)
STAR = "\ue0f1"


def literal(text: str) -> str:
    """Text whose stars print as stars (those marked STAR, or all of them when none is marked): as typed
    when no star of it would pair up as emphasis, else each written ``\\*``."""
    if STAR not in text:
        if "*" not in text:
            return text
        text = text.replace("*", STAR)
    typed, escaped = text.replace(STAR, "*"), text.replace(STAR, "\\*")
    return typed if inline.plain(typed) == inline.plain(escaped) and inline.markup(typed) == inline.markup(escaped) \
        else escaped


def entities(text: str) -> str:
    return html_lib.unescape(text)
