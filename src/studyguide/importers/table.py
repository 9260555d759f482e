"""A CSV of vocabulary (term, definition, example) or of questions (question and answer, or Gimkit's or
Blooket's template).

The header row names the columns: ``term`` (or ``word``), ``definition`` (or
``meaning``) and ``example`` give vocabulary; ``question`` and ``answer`` short-answer
questions, the answer the key's (with ``Option A…`` or ``Choice 1…`` columns and a letter
for the answer, multiple choice; ``explanation`` and ``points`` read too); Gimkit's ``Question, Correct Answer, Incorrect Answer 1…``
and Blooket's ``Question Text, Answer 1…, Correct Answer(s)`` multiple-choice questions
(two choices that are True and False, in English or a language of the guide's labels, a
true/false question; a ``Points`` column, which neither template has, their points). A title row above the header (as those templates
have) is skipped. A ``'`` that guards a text starting with ``=``, ``+``, ``-`` or
``@`` (as studyguide's CSV exports write it) is removed.
"""
from __future__ import annotations

import csv
import io
import itertools
import re
import zlib
from pathlib import Path
from typing import Iterator, Optional

from ..errors import GuideError, Location, Problem
from ..reading.walker import MAX_ITEMS
from ..variants import about_the_others
from ._common import Draft, keep_time, true_false
from .htmltext import clip

TERM = ("term", "word", "vocabulary", "front")
DEFINITION = ("definition", "meaning", "back", "definición", "définition")
EXAMPLE = ("example", "sentence", "example sentence")
ANSWER = ("answer", "model answer", "answer key")


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
    rows = _rows(draft, text, dialect)
    first = list(itertools.islice(rows, 3))
    extra = _Unheaded(draft, text, dialect.delimiter)
    for h, (_, header) in enumerate(first):
        rest = itertools.chain(first[h + 1:], rows)  # read as they come: a bank too long stops at the limit
        if _find(header, TERM) is not None and _find(header, DEFINITION) is not None:
            _vocabulary(draft, header, first[h][0], rest, extra)
            return extra.said()
        if _find(header, ("question", "question text")) is not None and (
                _find(header, ("correct answer", "correct answer(s)")) is not None):
            _questions(draft, header, first[h][0], rest, extra)
            return extra.said()
        if _find(header, ("question", "question text")) is not None and _find(header, ANSWER) is not None:
            _short_answers(draft, header, first[h][0], rest, extra)
            return extra.said()
    draft.warn("no header row naming 'term' and 'definition' (vocabulary), or 'question' and 'answer' (short-answer "
               "questions), or 'question' and 'correct answer' (Gimkit's and Blooket's templates) in the first three "
               "rows", 1, 1)
    return draft


def _rows(draft: Draft, text: str, dialect) -> Iterator[tuple[int, list[str]]]:
    """Each row and the line it starts on. A row that a quoted cell stretches over lines that look like rows of
    their own gets a warning (an unclosed '"' swallows the rows after it); a cell too long for any guide is an error."""
    reader = csv.reader(io.StringIO(text), dialect)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            why = ("a cell longer than 131,072 characters (more than a guide can hold; is a '\"' left open?)"
                   if "field limit" in str(exc) else f"not a CSV row studyguide can read ({exc})")
            raise GuideError([Problem(Location(str(draft.source), start, 1), f"{why}; nothing imported")]) from None
        inner = [ln for cell in row if "\n" in cell for ln in cell.split("\n")[1:]]
        if any(dialect.delimiter in ln for ln in inner):
            after = (f"line {start + 1} is" if reader.line_num == start + 1
                     else f"lines {start + 1}–{reader.line_num} are")
            draft.warn(f"a '\"' opens a quoted cell that runs to line {reader.line_num}, so {after} read into this "
                       "row; close the quote (a quote inside a "
                       "quoted cell is written '\"\"')", start, 1)
        yield start, row


def _ordinal(n: int) -> str:
    words = {3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return words.get(n, f"{n}{suffix}")


class _Unheaded:
    """The cells under no heading, said once for the whole file: the first by its place, the rest counted
    (a row of 200,000 stray commas is one warning, not 200,000)."""

    def __init__(self, draft: Draft, text: str, delimiter: str):
        self.draft, self.text, self.delimiter = draft, text, delimiter
        self.first: Optional[tuple[int, int, str]] = None  # line, index, text
        self.count, self.last = 0, 0
        self.hint = "give its column a heading to keep it"

    def check(self, header: list[str], row: list[str], line: int) -> None:
        for i in range(len(row)):
            if row[i].strip() and (i >= len(header) or not header[i].strip()):
                if self.first is None:
                    self.first = (line, i, row[i])
                self.count, self.last = self.count + 1, line

    def _column(self, line: int, index: int) -> int:
        """The column where cell ``index`` of the row on ``line`` starts (quotes followed)."""
        lines = self.text.split("\n", line)
        text = lines[line - 1] if line <= len(lines) else ""
        quoted, seen = False, 0
        for at, ch in enumerate(text):
            if ch == '"':
                quoted = not quoted
            elif ch == self.delimiter and not quoted:
                seen += 1
                if seen == index:
                    return at + 2
        return 1

    def said(self) -> Draft:
        if self.first is not None:
            line, index, cell = self.first
            more = self.count - 1
            where = f"line {line}" if self.last == line else f"lines {line}–{self.last}"
            also = (f"; {more:,} more cell{'s' if more > 1 else ''} with no heading ({where}) "
                    f"{'are' if more > 1 else 'is'} left out too" if more else "")
            self.draft.warn(f"a {_ordinal(index + 1)} cell '{clip(cell)}' is left out ({self.hint}){also}",
                            line, self._column(line, index))
        return self.draft


def _left_out(header: list[str], read: set) -> str:
    """The headings of the columns not in ``read``, as a warning names them: each in short, ten at most."""
    named = [clip(header[i]) for i in range(len(header)) if i not in read and header[i].strip()]
    if not named:
        return ""
    more = f" and {len(named) - 10} more" if len(named) > 10 else ""
    return f"column{'s' if len(named) > 1 else ''} {', '.join(named[:10])}{more} left out"


def _vocabulary(draft: Draft, header: list[str], header_line: int, rows, extra: _Unheaded) -> None:
    t, d, e = _find(header, TERM), _find(header, DEFINITION), _find(header, EXAMPLE)
    known = {t, d, e}
    named = _left_out(header, known)
    if named:
        draft.warn(f"{named} (a term has a definition and an example)", header_line, 1)
    if e is None:
        extra.hint = "a column needs a heading, such as example, to be read"
    for n, row in rows:
        extra.check(header, row, n)
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
        if len(draft.vocabulary) > MAX_ITEMS:
            draft.stopped = True  # the import is refused for this: the rest is not read
            return


def _placed(prompt: str, right: str, wrong: list[str]) -> tuple[list[str], list[int]]:
    """Gimkit's row as a question's choices: its file holds the right answer first, not the order a paper
    prints, so the right answer goes among the wrong ones (kept in their order, as the export writes them back),
    at a place its question's text chooses (the same on every import), never after an "All of the above"; a
    key of all A's tells students nothing (trial r12). No right answer: none."""
    if not right:
        return [right, *wrong], []
    if about_the_others(right):
        return [*wrong, right], [len(wrong)]
    ahead = next((i for i, w in enumerate(wrong) if about_the_others(w)), len(wrong))
    at = zlib.crc32(prompt.encode("utf-8")) % (ahead + 1)
    return [*wrong[:at], right, *wrong[at:]], [at]


def _questions(draft: Draft, header: list[str], header_line: int, rows, extra: _Unheaded) -> None:
    """Gimkit's or Blooket's template: a multiple-choice question a row. A Points column (neither template has
    one; a teacher adds it) gives the question's points; any other column is named as left out."""
    q = _find(header, ("question text", "question"))
    correct = _find(header, ("correct answer(s)", "correct answer"))
    answer_cols = [i for i, cell in enumerate(header) if re.match(r"answer \d", _key(cell))]
    wrong_cols = [i for i, cell in enumerate(header) if _key(cell).startswith("incorrect answer")]
    time = _find(header, ("time limit",))  # Blooket's 'Time Limit (sec)'
    p = _find(header, POINTS)
    numbered = _find(header, ("question #",))  # Blooket's numbers
    draft.tool = "blooket" if answer_cols else "gimkit"
    read = {q, correct, time, p, numbered, *answer_cols, *wrong_cols}
    named = _left_out(header, read)
    if named:
        draft.warn(f"{named} (a question is read from its question, its answers, its time limit and its points)",
                   header_line, 1)
    for n, row in rows:
        extra.check(header, row, n)
        cells = row + [""] * len(header)
        prompt = _cell(cells[q])
        if not prompt:
            continue
        if answer_cols:  # Blooket: answers, and the right ones by number
            choices = [_cell(cells[i]) for i in answer_cols if _cell(cells[i])]
            numbers = [int(x) for x in re.findall(r"\d+", cells[correct])]
            right = [k - 1 for k in numbers if 1 <= k <= len(choices)]
        else:  # Gimkit: the right answer, then the wrong ones (placed among them: see _placed)
            choices, right = _placed(prompt, _cell(cells[correct]), [_cell(cells[i]) for i in wrong_cols if _cell(cells[i])])
        if len(choices) < 2 or not right:
            draft.warn("a question needs two answers and a right one; this row is left out", n, 1)
            continue
        question = true_false(draft, prompt, choices, right)
        if question is None:
            question = {"type": "multiple_choice" if len(right) == 1 else "select_all", "prompt": prompt,
                        "choices": choices[:8],
                        "answer": "ABCDEFGH"[right[0]] if len(right) == 1 else ["ABCDEFGH"[i] for i in right]}
        keep_time(question, cells[time] if time is not None else "")
        if p is not None and _cell(cells[p]):
            _points(draft, question, _cell(cells[p]), n, extra._column(n, p))
        draft.questions.append(draft.placed(question, n))
        if len(draft.questions) > MAX_ITEMS:
            draft.stopped = True
            return


EXPLANATION = ("explanation", "feedback", "why")
POINTS = ("points", "marks", "score")
MAX_POINTS = 1000  # as a guide's points: 0 to 1000 (reading/questions.py)
_OPTION = re.compile(r"(?:option|choice)\s*([a-h]|[1-8])|([a-h])")  # 'Option A', 'Choice 1', 'A'


def _short_answers(draft: Draft, header: list[str], header_line: int, rows, extra: _Unheaded) -> None:
    """A 'Question, Answer' table: each row a short-answer question, its answer the key's model answer; with
    option columns ('Option A', 'Choice 1', 'A') and a letter for the answer, a multiple-choice question. An
    explanation and points are read; any other column is left out with a warning."""
    q, a = _find(header, ("question", "question text")), _find(header, ANSWER)
    x, p = _find(header, EXPLANATION), _find(header, POINTS)
    options = [i for i, cell in enumerate(header) if _OPTION.fullmatch(_key(cell))]
    named = _left_out(header, {q, a, x, p, *options})
    if named:
        draft.warn(f"{named} (a question is read from its question, answer, options, explanation and points)",
                   header_line, 1)
    for n, row in rows:
        extra.check(header, row, n)
        cells = row + [""] * len(header)
        prompt, answer = _cell(cells[q]), _cell(cells[a])
        if not prompt:
            if answer:
                draft.warn("an answer with no question; this row is left out", n, 1)
            continue
        question = _lettered(draft, prompt, [_cell(cells[i]) for i in options], answer, n) if options else None
        question = question or {"type": "short_answer", "prompt": prompt, **({"answer": answer} if answer else {})}
        if x is not None and _cell(cells[x]):
            question["explanation"] = _cell(cells[x])
        if p is not None and _cell(cells[p]):
            _points(draft, question, _cell(cells[p]), n, extra._column(n, p))
        draft.questions.append(draft.placed(question, n))
        if len(draft.questions) > MAX_ITEMS:
            draft.stopped = True
            return


def _lettered(draft: Draft, prompt: str, options: list[str], answer: str, n: int) -> Optional[dict]:
    """A row's options and the letter (or number, or text) of the right one: a multiple-choice question (a
    true/false one for True and False); None, with a warning when there are options, when that is not plain."""
    while options and not options[-1]:
        options.pop()
    if not options:
        return None
    key = answer.strip().rstrip(".)").upper()
    right = ("ABCDEFGH".index(key) if len(key) == 1 and key in "ABCDEFGH" else options.index(answer)
             if options.count(answer) == 1 else int(key) - 1 if key.isascii() and key.isdigit() else None)
    if len(options) < 2 or "" in options or right is None or not 0 <= right < min(len(options), 8):
        gap = " (an option is empty)" if "" in options else ""
        draft.warn(f"the answer '{clip(answer)}' is not the letter of one of this row's {len(options)} options{gap}, so "
                   "it is read as a short-answer question and its options are left out; write the letter of the "
                   "right option in the answer column", n, 1)
        return None
    return true_false(draft, prompt, options, [right]) or {"type": "multiple_choice", "prompt": prompt, "choices": options[:8], "answer": "ABCDEFGH"[right]}


def _points(draft: Draft, question: dict, cell: str, n: int, col: int) -> None:
    """The points in ``cell`` (row ``n``, column ``col``), or a warning saying why they are left out: a row with bad
    points keeps its question (review r9 M5: Points 2000 had aborted the whole import, naming no row)."""
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        value = float("nan")
    if value != value or value in (float("inf"), float("-inf")):
        why = f"points '{clip(cell)}' is not a number"
    elif value < 0:
        why = f"points {clip(cell)} is less than 0, the fewest a question may have"
    elif value > MAX_POINTS:
        why = f"points {clip(cell)} is more than {MAX_POINTS}, the most a question may have"
    elif round(value, 2) != value:  # 2.555: the key's total would not be what was typed
        why = f"points {clip(cell)} has more than two decimals (points are counted to the hundredth)"
    else:
        question["points"] = int(value) if value == int(value) else value
        return
    draft.warn(f"{why}; this question's points are left out", n, col)
