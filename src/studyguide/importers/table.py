"""A CSV of vocabulary (term, definition, example) or of questions (Gimkit's or Blooket's template).

The header row names the columns: ``term`` (or ``word``), ``definition`` (or
``meaning``) and ``example`` give vocabulary; Gimkit's ``Question, Correct Answer,
Incorrect Answer 1…`` and Blooket's ``Question Text, Answer 1…, Correct Answer(s)``
give multiple-choice questions. A title row above the header (as those templates
have) is skipped. A ``'`` that guards a text starting with ``=``, ``+``, ``-`` or
``@`` (as studyguide's CSV exports write it) is removed.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional

from ..errors import GuideError, Location, Problem
from ._common import Draft

TERM = ("term", "word", "vocabulary", "front")
DEFINITION = ("definition", "meaning", "back", "definición", "définition")
EXAMPLE = ("example", "sentence", "example sentence")


def _key(cell: str) -> str:
    return " ".join(cell.lower().replace("\n", " ").split())


def _cell(text: str) -> str:
    text = text.strip()
    return text[1:] if re.match(r"'[=+\-@]", text) else text


def _find(header: list[str], names) -> Optional[int]:
    keys = [_key(h) for h in header]
    for name in names:
        for i, k in enumerate(keys):
            if k == name or k.startswith(name + " ("):
                return i
    return None


def read(path: Path, text: str) -> Draft:
    draft = Draft(path)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows, starts = _rows(draft, text, dialect)
    for h, header in enumerate(rows[:3]):
        if _find(header, TERM) is not None and _find(header, DEFINITION) is not None:
            return _vocabulary(draft, rows, starts, h)
        if _find(header, ("question", "question text")) is not None and (
                _find(header, ("correct answer", "correct answer(s)")) is not None):
            return _questions(draft, rows, starts, h)
    draft.warn("no header row naming 'term' and 'definition' (vocabulary) or 'question' and 'correct answer' "
               "(questions) in the first three rows", 1, 1)
    return draft


def _rows(draft: Draft, text: str, dialect) -> tuple[list[list[str]], list[int]]:
    """The rows and the line each starts on. A row that a quoted cell stretches over lines that look like rows of
    their own gets a warning (an unclosed '"' swallows the rows after it); a cell too long for any guide is an error."""
    reader = csv.reader(io.StringIO(text), dialect)
    rows, starts = [], []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows, starts
        except csv.Error as exc:
            why = ("a cell longer than 131,072 characters (more than a guide can hold; is a '\"' left open?)"
                   if "field limit" in str(exc) else f"not a CSV row studyguide can read ({exc})")
            raise GuideError([Problem(Location(str(draft.source), start, 1), f"{why}; nothing imported")]) from None
        rows.append(row)
        starts.append(start)
        inner = [ln for cell in row if "\n" in cell for ln in cell.split("\n")[1:]]
        if any(dialect.delimiter in ln for ln in inner):
            after = (f"line {start + 1} is" if reader.line_num == start + 1
                     else f"lines {start + 1}–{reader.line_num} are")
            draft.warn(f"a '\"' opens a quoted cell that runs to line {reader.line_num}, so {after} read into this "
                       "row; close the quote (a quote inside a "
                       "quoted cell is written '\"\"')", start, 1)


def _vocabulary(draft: Draft, rows: list[list[str]], starts: list[int], h: int) -> Draft:
    header = rows[h]
    t, d, e = _find(header, TERM), _find(header, DEFINITION), _find(header, EXAMPLE)
    known = {t, d, e}
    extra = [header[i] for i in range(len(header)) if i not in known and header[i].strip()]
    if extra:
        draft.warn(f"column{'s' if len(extra) > 1 else ''} {', '.join(extra)} left out (a term has a definition and "
                   "an example)", h + 1, 1)
    for n, row in zip(starts[h + 1:], rows[h + 1:]):
        cells = row + [""] * len(header)
        term, definition = _cell(cells[t]), _cell(cells[d])
        if not term and not definition:
            continue
        if not term or not definition:
            draft.warn("a term needs its definition; this row is left out", n, 1)
            continue
        entry = {"term": term, "definition": definition}
        if e is not None and _cell(cells[e]):
            entry["example"] = _cell(cells[e])
        draft.add_term(entry, n)
    return draft


def _questions(draft: Draft, rows: list[list[str]], starts: list[int], h: int) -> Draft:
    header = rows[h]
    q = _find(header, ("question text", "question"))
    correct = _find(header, ("correct answer(s)", "correct answer"))
    answer_cols = [i for i, cell in enumerate(header) if re.match(r"answer \d", _key(cell))]
    wrong_cols = [i for i, cell in enumerate(header) if _key(cell).startswith("incorrect answer")]
    for n, row in zip(starts[h + 1:], rows[h + 1:]):
        cells = row + [""] * len(header)
        prompt = _cell(cells[q])
        if not prompt:
            continue
        if answer_cols:  # Blooket: answers, and the right ones by number
            choices = [_cell(cells[i]) for i in answer_cols if _cell(cells[i])]
            numbers = [int(x) for x in re.findall(r"\d+", cells[correct])]
            right = [k - 1 for k in numbers if 1 <= k <= len(choices)]
        else:  # Gimkit: the right answer, then the wrong ones
            choices = [_cell(cells[correct])] + [_cell(cells[i]) for i in wrong_cols if _cell(cells[i])]
            right = [0] if choices[0] else []
        if len(choices) < 2 or not right:
            draft.warn("a question needs two answers and a right one; this row is left out", n, 1)
            continue
        question = {"type": "multiple_choice" if len(right) == 1 else "select_all", "prompt": prompt,
                    "choices": choices[:8],
                    "answer": "ABCDEFGH"[right[0]] if len(right) == 1 else ["ABCDEFGH"[i] for i in right]}
        draft.questions.append(question)
    return draft
