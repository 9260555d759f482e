"""Kahoot's and Quizizz's (Wayground's) question spreadsheets (.xlsx) → a draft guide.

Kahoot's template has a header row (row 8 in the template, found wherever it is)
with ``Question``, ``Answer 1`` to ``Answer 4``, ``Time limit`` and ``Correct
answer(s)`` (answer numbers, ``1,3`` for several). Quizizz's has ``Question Text``,
``Question Type``, ``Option 1`` to ``Option 5``, ``Correct Answer``, ``Time in
seconds`` and, in its newer form, ``Answer explanation`` (the question's explanation). Each row becomes a question: one right answer a multiple-choice, several
a select-all, True and False a true/false (in any language of the guide's labels: Verdadero and Falso
set the guide's language); Quizizz's Fill-in-the-Blank a blank (its
options the accepted answers) and Open-Ended a short answer. A time other than the
games' usual 20 seconds is kept as the question's ``time_limit``. Warnings are
located at the row and column (``FILE:ROW:COLUMN``).
"""
from __future__ import annotations

import datetime
import io
import math
import re
import warnings
import zipfile
import zlib
from pathlib import Path
from typing import Optional

from ..errors import GuideError, Location, Problem
from ..labels import LANGUAGES
from ._common import Draft, keep_time, true_false
from .htmltext import clip
from .office import sheet_without_header
from .table import DEFINITION, TERM

LETTERS = "ABCDEFGH"
MAX_UNPACKED = 50 * 2**20  # a question bank's sheets unpack to far less; more is not a teacher's bank


def is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except Exception:  # not a zip, or a damaged one (ValueError, EOFError...): the QTI reader says which
        return False


def _rows(path: Path, data: bytes) -> list[list[str]]:
    """The first sheet's cells as text (numbers as a teacher typed them: 2, not 2.0)."""
    from openpyxl import load_workbook  # start-up time: only this import needs it

    def fail(why: str):
        return GuideError([Problem(Location(str(path)), why)])

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED:
                raise fail(f"unpacks to more than {MAX_UNPACKED // 2**20} MB; not imported")
            formulas = any(b"<f" in zf.read(i) for i in zf.infolist() if i.filename.startswith("xl/worksheets/"))
        with warnings.catch_warnings():  # openpyxl's own ("invalid specification for 0") would print with its path
            warnings.simplefilter("ignore")
            out = _values(load_workbook(io.BytesIO(data), read_only=True, data_only=True))
            # the formulas, where the file keeps no value for them (a program that never calculated)
            typed = _values(load_workbook(io.BytesIO(data), read_only=True, data_only=False)) if formulas else []
        if formulas:
            for row, typed_row in zip(out, typed):
                for c, (value, formula) in enumerate(zip(row, typed_row)):
                    if value == "" and formula.startswith("="):
                        row[c] = Unsaved(formula)
    except GuideError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file: said in words, not by its name
        why = ("it is damaged or cut short" if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)) else
               "a part of it is damaged or missing")
        raise fail(f"is not a spreadsheet studyguide can read ({why}); open it in Excel, LibreOffice or Google "
                   "Sheets and save it again as .xlsx") from None
    return out


def _values(book) -> list[list[str]]:
    out = [[_cell(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return out


class Unsaved(str):
    """A formula's cell that holds no value: read as empty, its formula kept to be named."""

    def __new__(cls, formula: str):
        cell = super().__new__(cls, "")
        cell.formula = formula
        return cell


class Dated(str):
    """A cell the spreadsheet program holds as a date or a time: what the teacher typed is gone."""


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # as the spreadsheet shows it: 15 digits at most (0.1+0.2 is 0.3)
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g").replace("e", "E")
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        if isinstance(value, datetime.datetime) and value.time() == datetime.time():
            value = value.date()
        return Dated(value.isoformat())
    return str(value).strip()


def _dates(draft: Draft, cells: list[str], columns: list[int], row: int) -> None:
    """Say where a question's or an answer's cell holds a date, not text."""
    for c in columns:
        if isinstance(cells[c], Dated):
            draft.warn(f"this cell holds the date or time {cells[c]}, not text: the spreadsheet program read what "
                       "was typed as one; it is imported as written here (format the cell as Text, type it again, "
                       "and import again)", row, c + 1)


def _left_out(draft: Draft, cells: list[str], prompt: int, columns: list[int], row: int) -> bool:
    """Whether this row is left out, said at its cell: a formula there has no saved value, or it has answers
    but no question."""
    for c in [prompt] + columns:
        if isinstance(cells[c], Unsaved):
            draft.warn(f"cell {_letter(c)}{row} is a formula with no saved value ({clip(cells[c].formula)}); open the "
                       "file in your spreadsheet app and save it again, then import it again; this row is left out",
                       row, c + 1)
            return True
    if not cells[prompt]:
        if any(cells[c] for c in columns):
            draft.warn(f"this row has answers but no question (cell {_letter(prompt)}{row} is empty); it is left out",
                       row, prompt + 1)
        return True
    return False


def _letter(column: int) -> str:
    """A spreadsheet's name for a column (0 → A, 26 → AA)."""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _key(cell: str) -> str:
    return " ".join(cell.lower().split())


def _column(header: list[str], *starts: str) -> Optional[int]:
    for i, cell in enumerate(header):
        if any(_key(cell).startswith(s) for s in starts):
            return i
    return None


def read(path: Path, data: bytes) -> Draft:
    draft = Draft(path)
    stem = re.sub(r"(?i)[-_ ](kahoot|quizizz|wayground)$", "", path.stem)  # the name studyguide's export gave it
    if stem != path.stem:
        draft.title = stem.replace("-", " ").replace("_", " ").strip() or None
    rows = _rows(path, data)
    for h, header in enumerate(rows[:20]):
        if _column(header, "question type") is not None and _column(header, "option 1") is not None:
            draft.tool = "quizizz"
            return _quizizz(draft, rows, h)
        if _column(header, "question") is not None and _column(header, "correct answer") is not None:
            draft.tool = "kahoot"
            return _kahoot(draft, rows, h)
    vocabulary = any(_column(row, *TERM) is not None and _column(row, *DEFINITION) is not None for row in rows[:20])
    draft.problems.append(Problem(Location(str(path)), sheet_without_header(vocabulary)))
    return draft


def _cells(row: list[str], width: int) -> list[str]:
    return row + [""] * (width - len(row))


def _numbers(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", text)]


def _right(written: str, count: int) -> list[int]:
    """The numbers of the right answers in a 'Correct answer' cell: '2', '1,3', or letters for the answers in
    order, as teachers name choices ('B', 'b)', 'A, C': A is answer 1), when every part is one of the
    ``count`` answers' letters."""
    numbers = _numbers(written)
    parts = [p.strip("().") for p in re.split(r"[\s,;/]+", written.strip()) if p.strip("().")]
    if numbers or not parts or not all(len(p) == 1 and p.upper() in LETTERS[:count] for p in parts):
        return numbers
    return [LETTERS.index(p.upper()) + 1 for p in parts]


def _choice_question(draft: Draft, prompt: str, answers: list[tuple[int, str]], written: str,
                     at: tuple[int, int]) -> Optional[dict]:
    """A multiple-choice, select-all or true/false question; answers are (column number, text), ``written``
    the right ones' numbers (or letters: :func:`_right`)."""
    texts = [t for _, t in answers if t]
    place = {n: i for i, n in enumerate(n for n, (_, t) in enumerate(answers, 1) if t)}  # answer number → choice
    picked = sorted({place[n] for n in _right(written, len(answers)) if n in place})
    if len(texts) >= 2 and not picked and written.strip():
        given = [n for n, (_, t) in enumerate(answers, 1) if t]
        draft.warn(f"the correct answer '{clip(written.strip())}' is not the number of one of this row's answers "
                   f"({', '.join(map(str, given))}): the template numbers the answers 1 to {len(answers)} (write 2 "
                   "for the second); this row is left out", *at)
        return None
    if len(texts) < 2 or not picked:
        draft.warn("a question needs two answers and a right one; this row is left out", *at)
        return None
    question = true_false(draft, prompt, texts, picked)
    if question is not None:
        return question
    if len(picked) == 1:
        return {"type": "multiple_choice", "prompt": prompt, "choices": texts, "answer": LETTERS[picked[0]]}
    return {"type": "select_all", "prompt": prompt, "choices": texts, "answer": [LETTERS[i] for i in picked]}


def _add(draft: Draft, question: Optional[dict], time: str, usual: Optional[int] = None) -> None:
    """The question (None: left out, with its warning), with a time other than the usual as its time_limit."""
    if question is None:
        return
    keep_time(question, time, usual)
    draft.questions.append(question)


def _kahoot(draft: Draft, rows: list[list[str]], h: int) -> Draft:
    header = rows[h]
    # the quiz's title: the first text above the header (studyguide's export puts it in B2), but the
    # empty template's own heading
    above = [cell for row in rows[:h] for cell in row if cell]
    if above and _key(above[0]) != "quiz template":
        draft.title = above[0]
    q, right, time = _column(header, "question"), _column(header, "correct answer"), _column(header, "time limit")
    answer_cols = [i for i, cell in enumerate(header) if re.match(r"answer \d", _key(cell))]
    for r, row in enumerate(rows[h + 1:], h + 2):
        cells = _cells(row, len(header))
        if _left_out(draft, cells, q, answer_cols + [right], r):
            continue
        _dates(draft, cells, [q] + answer_cols, r)
        answers = [(i + 1, cells[i]) for i in answer_cols]
        question = _choice_question(draft, cells[q], answers, cells[right], (r, right + 1))
        _add(draft, question, cells[time] if time is not None else "")
    return draft


def _open_usual(question: Optional[dict]) -> Optional[int]:
    """The time the Quizizz export gives a written answer of the lines this one comes back with (3 unless said)."""
    from ..export.games import QUIZIZZ
    from ..export.gametimes import open_time
    if question is None or question["type"] != "short_answer":
        return None
    return open_time(QUIZIZZ, question.get("lines", 3))


def _explained(draft: Draft, question: dict, text: str) -> None:
    """Quizizz's *Answer explanation*: the explanation, or an Open-Ended question's model answer and then its
    explanation, as studyguide's export writes them ('Model answer: 2.00 mol Why: …', in the guide's language)."""
    for code, words in LANGUAGES.items():
        label = words["model_answer"]
        if question["type"] == "short_answer" and "answer" not in question and text.startswith(label + " "):
            answer, _, explanation = text[len(label) + 1:].partition(f" {words['why']} ")
            question["answer"] = answer.strip()
            if explanation.strip():
                question["explanation"] = explanation.strip()
            draft.words_in.add(code)
            return
    question["explanation"] = text


def _quizizz(draft: Draft, rows: list[list[str]], h: int) -> Draft:
    header = rows[h]
    q, kind = _column(header, "question text", "question"), _column(header, "question type")
    right, time = _column(header, "correct answer"), _column(header, "time in seconds", "time")
    why = _column(header, "answer explanation", "explanation")  # the template's last column, optional
    options = [i for i, cell in enumerate(header) if re.match(r"option \d", _key(cell))]
    for r, row in enumerate(rows[h + 1:], h + 2):
        cells = _cells(row, len(header))
        prompt, what = cells[q], _key(cells[kind])
        if _left_out(draft, cells, q, options + ([right] if right is not None else []), r):
            continue
        _dates(draft, cells, [q] + options, r)
        texts = [cells[i] for i in options if cells[i]]
        if what in ("multiple choice", "checkbox"):
            answers = [(i + 1, cells[i]) for i in options]
            question = _choice_question(draft, prompt, answers, cells[right], (r, right + 1))
        elif what == "fill-in-the-blank" and texts:
            blank = "[[" + "|".join(t.replace("|", "/") for t in texts) + "]]"
            question = ({"type": "fill_in_blank", "prompt": re.sub(r"_{3,}", lambda _: blank, prompt, count=1)}
                        if re.search(r"_{3,}", prompt) else
                        {"type": "short_answer", "prompt": prompt, "answer": " / ".join(texts), "lines": 1})
        elif what == "open-ended":
            question = {"type": "short_answer", "prompt": prompt}
        else:
            draft.warn(f"a '{cells[kind] or 'blank'}' question has no kind in a guide; this row is left out", r, kind + 1)
            continue
        if question is not None and why is not None and cells[why].strip():
            _explained(draft, question, cells[why].strip())
        _add(draft, question, cells[time] if time is not None else "", _open_usual(question))
    return draft
