"""Tables of figures typed in a summary: a Markdown table pasted as it is (``| Region | GDP |``, with or
without its ``|---|---|`` line) or rows copied from a spreadsheet (cells separated by tabs).

The guide's ``summary`` and a topic's ``summary`` print them as tables (layout/tables.py). Any other
text prints what is typed, so a table there gets a warning at its line saying where to move it; a row
with more or fewer cells than the heading row is an error naming the row.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from .. import fenced
from ..model import Table
from .walker import MAX_TEXT, clip

# the texts a table prints in: the guide's summary and each topic's
HOLDS_TABLES = re.compile(r"summary|topics item \d+\.summary")
_DASHES = re.compile(r":?-+:?")  # one cell of a Markdown table's '|---|:--:|' line
SEPARATOR = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
RUN_TOGETHER = re.compile(r"\|\s*:?-{3,}:?\s*\|")  # a '|---|' line folded into the text around it
_SPLIT = re.compile(r"(?<!\\)\|")


def _cells(line: str, tabs: bool) -> list[str]:
    if tabs:
        return [c.strip() for c in line.strip(" \r").split("\t")]
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.strip().replace("\\|", "|") for c in _SPLIT.split(s)]


def _separator(cells: list[str]) -> bool:
    return bool(cells) and all(_DASHES.fullmatch(c) for c in cells)


def _align(cell: str) -> str:
    if cell.startswith(":") and cell.endswith(":"):
        return "center"
    return "right" if cell.endswith(":") else "left" if cell.startswith(":") else ""


def _candidates(value: str) -> list[tuple[str, int, int]]:
    """Runs of two lines or more that may be a table: lines that start with '|' (or contain one, over a
    '|---|' line), or lines with a tab in them, the first between two words."""
    lines, found, i = value.split("\n"), [], 0
    while i < len(lines):
        line = lines[i]
        pipe = line.strip().startswith("|") or (
            "|" in line and i + 1 < len(lines) and "-" in lines[i + 1] and SEPARATOR.fullmatch(lines[i + 1]))
        tab = "\t" in line.strip()  # (between words: a tab that indents a poem's line is no cell)
        if not pipe and not tab:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() and (
                "|" in lines[end] if pipe else "\t" in lines[end].strip(" \r")):
            end += 1
        if end - i >= 2:
            found.append(("pipe" if pipe else "tab", i, end))
        i = end
    return found


def _ruled(line: str) -> bool:
    """A Markdown row: starts and ends with '|' (an escaped '\\|' at its end is text)."""
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|") and not s.endswith("\\|")


def _is_table(kind: str, rows: list[str]) -> bool:
    """A Markdown table has its '|---|' line, or rows that each start and end with '|', of 2 cells or more,
    the same count in each ('|x| is the distance from 0 to x.' is a sentence about absolute value); rows
    from a spreadsheet have the same count of tabs in each (a tab pasted into prose is no cell)."""
    if kind == "pipe":
        if any(SEPARATOR.fullmatch(r) and "-" in r for r in rows[1:]):
            return True
        counts = {len(_cells(r, False)) if _ruled(r) else 0 for r in rows}
        return len(counts) == 1 and min(counts) >= 2
    return len({r.strip(" \r").count("\t") for r in rows}) == 1


def runs(value: str) -> list[tuple[str, int, int]]:
    """The tables typed in ``value``: (kind, first line, line after the last), kind "pipe" or "tab"
    (:func:`_is_table`: what looks like one is printed as typed)."""
    lines = value.split("\n")
    return [(kind, i, end) for kind, i, end in _candidates(value) if _is_table(kind, lines[i:end])]


def ragged(value: str) -> list[tuple[int, int]]:
    """Rows copied from a spreadsheet that are no table only because a row has more or fewer tabs than
    the others: (first line, line after the last) of each, where two rows or more share their count of tabs."""
    lines, out = value.split("\n"), []
    for kind, i, end in _candidates(value):
        counts = [r.strip(" \r").count("\t") for r in lines[i:end]]
        if kind == "tab" and len(set(counts)) > 1 and len(counts) > len(set(counts)):
            out.append((i, end))
    return out


class TablesMixin:
    """The walker's side: tables read from summaries, and a warning for one typed anywhere else."""

    tabled = False  # whether the guide holds a table (read before its questions: a word problem may work from it)

    def text(self, node, label: str, required: bool = False, max_len: int = MAX_TEXT) -> Optional[str]:
        value = super().text(node, label, required, max_len)
        if value and ("|" in value or "\t" in value) and not HOLDS_TABLES.fullmatch(label):
            self._no_table_here(node, label, value)
        return value

    def _no_table_here(self, node, label: str, value: str) -> None:
        found = runs(value)
        if found:
            kind, first, _ = found[0]
            where = node.where.of(value, _line_start(value, first))
            what = ("a table typed here prints as its '|' characters, run together" if kind == "pipe" else
                    "rows copied from a spreadsheet print here run together, their cells without a gap")
        elif RUN_TOGETHER.search(value):
            where, what = node.where.of(value, value.index("|")), "a table typed here prints as its '|' characters"
        else:
            return
        self.warn(where, f"{label}: {what}; a table prints only in the summary or a topic's summary: "
                         "move it there, each row on a line of its own under 'summary: |'")

    def with_tables(self, node, label: str, value: str) -> tuple[list[str], list[Table], list[int]]:
        """``value``'s text (each piece between tables) and its tables; the pieces: which table follows each
        text, by index into the texts ('summary' keeps them in their order)."""
        found = runs(value)
        for first, end in ragged(value):
            rows = [r.strip(" \r").count("\t") + 1 for r in value.split("\n")[first:end]]
            wide = max(set(rows), key=rows.count)
            odd = next(k for k, n in enumerate(rows) if n != wide)
            self.warn(node.where.of(value, _line_start(value, first + odd)),
                      f"{label}: these {end - first} lines have tabs between words, but this one has {rows[odd]} "
                      f"pieces where {rows.count(wide)} other lines have {wide}, so they print as text, not as a "
                      f"table; if they are rows copied from a spreadsheet, give every row {wide} cells, a tab "
                      "between two (an empty cell is two tabs side by side)")
        if not found:
            if RUN_TOGETHER.search(value):
                self.warn(node.where.of(value, value.index("|")),
                          f"{label}: this table's rows are run together on one line, so it prints as its '|' "
                          f"characters; write '{label.rsplit('.', 1)[-1]}: |' and each row on a line of its own under it")
            return [value], [], []
        lines, texts, tables, after, start = value.split("\n"), [], [], [], 0
        for kind, first, end in found:
            texts.append("\n".join(lines[start:first]))
            table = self._table(node, label, value, kind, lines, first, end)
            if table is not None:
                tables.append(table)
                self.tabled = True
                after.append(len(texts) - 1)
            start = end
        texts.append("\n".join(lines[start:]))
        return texts, tables, after

    def _table(self, node, label, value, kind, lines, first, end) -> Optional[Table]:
        rows, align, at = [], (), []
        for n in range(first, end):
            cells = _cells(lines[n], kind == "tab")
            if kind == "pipe" and _separator(cells):
                align = align or tuple(_align(c) for c in cells)
                continue
            rows.append(tuple(cells))
            at.append(n)
        if not rows:
            return None
        wide, bad = len(rows[0]), False
        for k, (row, n) in enumerate(zip(rows, at)):
            if k and len(row) != wide:
                bad = True
                empty = "'|  |'" if kind == "pipe" else "two tabs side by side"
                self.error(node.where.of(value, _line_start(value, n)),
                           f"{label}: the table's row {k + 1} ('{clip(row[0] if row else '', 30)}') has "
                           f"{_cells_word(len(row))}, and its heading row {_cells_word(wide)}: give every row "
                           f"{wide} (an empty cell is {empty})")
        if bad:
            return None
        align = tuple(align[:wide]) + ("",) * (wide - len(align))
        return Table(tuple(rows), align, node.where.of(value, _line_start(value, first)))


def _cells_word(n: int) -> str:
    return f"{n} cell" + ("s" if n != 1 else "")


def _line_start(value: str, line: int) -> int:
    """The index in ``value`` of the first character typed on its line ``line`` (0-based)."""
    pos = 0
    for _ in range(line):
        pos = value.index("\n", pos) + 1
    while pos < len(value) - 1 and value[pos] in " \t":
        pos += 1
    return pos


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs, a blank line apart, each on one line (as a summary's print); a program typed between
    ``` lines is one paragraph, its lines and their spaces kept (layout/code.py prints it)."""
    if fenced.has_fence(text):
        return [q for p in fenced.parts(text) for q in (paragraphs(p) if isinstance(p, str) else [fenced.typed(p)])]
    return [p for p in (" ".join(p.split()) for p in re.split(r"\n\s*\n", text)) if p]


def summary_parts(texts: list[str], tables: list[Table], after: list[int]) -> tuple[Union[str, Table], ...]:
    out: list = []
    for n, text in enumerate(texts):
        out += paragraphs(text)
        out += [t for t, a in zip(tables, after) if a == n]
    return tuple(out)
