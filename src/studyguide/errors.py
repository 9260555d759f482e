"""One hierarchy of errors; every message a teacher sees says where.

Model and schema code raise or collect :class:`Problem` objects (a location and
a sentence); the CLI prints them as ``file:line:col: message`` and exits once.
The base class subclasses ``click.ClickException`` only in the CLI layer, so
this module stays free of click and can be imported by anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .accents import composed_at

# Characters that would break a message over lines, move the terminal's cursor (ANSI escapes)
# or reorder what it shows (direction overrides). Guide text quoted in a message may hold them.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def visible(text: str) -> str:
    """``text`` on one line, every invisible or control character written as an escape (\\n, \\u202e)."""
    return _INVISIBLE.sub(lambda m: _NAMED.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


@dataclass(frozen=True, order=True)
class Location:
    """A place in a guide file: 1-based line and column (0 means unknown)."""

    file: str
    line: int = 0
    col: int = 0
    # the text as typed in the file from here to its end (a block's header blanked out): lets
    # :meth:`of` find a character inside it; not part of the place itself
    typed: str = field(default="", compare=False, repr=False)

    def of(self, value: str, index: int) -> "Location":
        """Where ``value[index]`` was typed, for a text ``value`` typed from here: the same character
        counted as often in the typed text. Here itself when it cannot be found there (a character
        written as an escape, "\\u202e")."""
        if not self.typed or not 0 <= index < len(value):
            return self
        typed, at = composed_at(self.typed)  # (the value is composed: accents)
        ch, pos = value[index], -1
        for _ in range(value.count(ch, 0, index) + 1):
            pos = typed.find(ch, pos + 1)
            if pos < 0:
                return self
        pos = at[pos] if at else pos
        line_start = self.typed.rfind("\n", 0, pos)
        if line_start < 0:
            return Location(self.file, self.line, self.col + pos if self.col else 0)
        return Location(self.file, self.line + self.typed.count("\n", 0, pos), pos - line_start)

    def __str__(self) -> str:
        if self.line and self.col:
            return f"{self.file}:{self.line}:{self.col}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One located message, an error unless ``warning`` is set."""

    where: Location
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return visible(f"{self.where}: {kind}{self.message}")


class StudyguideError(Exception):
    """Base class: something the user can fix. Never shown with a traceback."""

    exit_code = 1


class GuideError(StudyguideError):
    """A guide (or other input file) has one or more problems."""

    def __init__(self, problems: list[Problem], then: tuple[Problem, ...] = ()):
        """``then``: said after the others whatever their places (an outcome after the reasons for it)."""
        self.problems = sorted(problems, key=lambda p: (p.where, p.message)) + list(then)
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(StudyguideError):
    """A guide was valid but could not be laid out or written."""

    def __init__(self, where: Location, message: str):
        self.problems = [Problem(where, message)]
        super().__init__(str(self.problems[0]))


class UsageError(StudyguideError):
    """A command-line mistake (a missing file, a folder with no guides)."""

    exit_code = 2
