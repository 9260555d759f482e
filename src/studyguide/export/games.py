"""The classroom quiz games: each tool's own import template, filled with the guide's questions.

Each template is followed as the tool publishes it (the version is named in
docs/exports.md, with what each tool cannot hold):

- Kahoot: the quiz spreadsheet template (``.xlsx``): notes at the top, the header
  row on row 8 (B to H), one question a row from row 9, its number in column A.
  At most 120 characters a question and 75 an answer, 2 to 4 answers, one or
  more right ("1,3"), a time limit of 5, 10, 20, 30, 60, 90, 120 or 240 seconds.
- Blooket: the spreadsheet import template as CSV: a title row, a header row,
  then one question a row, 26 columns each; 2 to 4 answers, one or more right,
  a time limit of at most 300 seconds.
- Gimkit: the spreadsheet import template as CSV: a title row, a header row, then
  one question a row: the question, its one right answer and 1 to 3 wrong ones.
  Gimkit sets no time per question.
- Quizizz (now Wayground): the spreadsheet template (``.xlsx``): a header row, then
  one question a row with its type: Multiple Choice, Checkbox (several right),
  Fill-in-the-Blank (the accepted answers as the options, Correct Answer blank: the
  template's instruction row says to leave it blank for this type) or Open-Ended;
  2 to 5 options, a time of 5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600 or 900
  seconds, and the guide's explanation in the last column, *Answer explanation* (a short answer's model answer
  first, as the model answer Wayground shows students after an Open-Ended question).

Time: a question's ``time_limit``, else the guide's, else 20 seconds; a time the
tool does not offer becomes the nearest one it does, with a warning when the guide
asked for it. A written answer (Quizizz's Open-Ended: a short answer or an essay)
without a time of its own gets time to write its lines (gametimes.py), at least the
guide's time. Text is plain, on one line. What a template cannot hold is cut or
left out with a warning located at the question: text over the limit is cut (and
ends in "…"), a choice beyond the number of answers is left out (never the right
one), a question type the tool has no row for is left out.

Spreadsheet safety: a CSV cell whose text starts with ``=``, ``+``, ``-`` or ``@``
(what a spreadsheet would run as a formula) gets a ``'`` in front, with a warning;
a number such as ``-5`` is left alone. In the ``.xlsx`` files every text is
stored as text, never as a formula, so nothing needs changing there.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Callable, Optional

from .. import fenced, labels
from ..errors import Location, Problem
from ..model import (GAME_TIME, Essay, FillInBlank, Guide, MultipleChoice, Question, SelectAll, ShortAnswer,
                     TrueFalse)
from ._common import Exported, guide_warning, left_out, one_line, output_name, prompt_text, warn, zip_bytes
from .cuts import cut as _cut, distinct_cuts
from .gametimes import allowed_time, question_time, time_rule

DEFAULT_TIME = GAME_TIME  # seconds, when neither the question nor the guide gives a time_limit (import reads it too)
FIXED_TIME = "2024-01-01T00:00:00Z"  # the spreadsheets' created/modified dates: the same guide, the same bytes


@dataclass(frozen=True)
class Template:
    name: str
    max_question: Optional[int] = None   # characters
    max_answer: Optional[int] = None     # characters
    max_answers: int = 4
    times: Optional[tuple[int, ...]] = None  # the time limits the tool offers (None: any up to max_time)
    max_time: Optional[int] = None
    several_right: bool = True           # select_all can be written
    one_blank: bool = False              # a one-blank fill_in_blank can be written (typed answers)
    open_ended: bool = False             # short_answer and essay can be written (not marked)
    has_time: bool = True


KAHOOT = Template("Kahoot", max_question=120, max_answer=75, max_answers=4, times=(5, 10, 20, 30, 60, 90, 120, 240))
BLOOKET = Template("Blooket", max_answers=4, max_time=300)
GIMKIT = Template("Gimkit", max_answers=4, several_right=False, has_time=False)
QUIZIZZ = Template("Quizizz", max_answers=5, times=(5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900),
                   one_blank=True, open_ended=True)


@dataclass
class Row:
    """One question as a game holds it."""
    number: int
    question: Question
    text: str
    answers: list[str] = field(default_factory=list)
    right: list[int] = field(default_factory=list)  # indexes into answers
    kind: str = "choice"                            # choice, several, typed, open
    time: Optional[int] = None


KINDS = {"multiple_choice": "a multiple-choice question", "select_all": "a select-all question",
         "true_false": "a true/false question", "short_answer": "a short-answer question", "essay": "an essay question",
         "fill_in_blank": "a fill-in-the-blank question", "matching": "a matching question",
         "ordering": "an ordering question"}


def _choices(t: Template, n: int, q: Question, choices, right: set[int], problems: list):
    """The choices a template can hold: all of them, or the right ones and the first wrong ones, in order."""
    keep = list(range(len(choices)))
    if len(choices) > t.max_answers:
        wrong = [i for i in keep if i not in right]
        room = t.max_answers - len(right)
        if room < 1:
            problems.append(_no_room(t, n, q, len(choices), len(right)))
            return None
        keep = sorted(right | set(wrong[:room]))
        dropped = ", ".join("ABCDEFGH"[i] for i in range(len(choices)) if i not in keep)
        problems.append(warn(q, n, f"{t.name} holds {t.max_answers} answers; choice{'s' if len(choices) - len(keep) > 1 else ''} "
                                   f"{dropped} (wrong) {'are' if len(choices) - len(keep) > 1 else 'is'} left out"))
    full = [one_line(choices[i]).strip() for i in keep]
    texts = distinct_cuts(full, t.max_answer)
    if texts is None:
        plain_cuts = [_cut(x, t.max_answer, words=False) for x in full]
        same = ["ABCDEFGH"[i] for i, c in zip(keep, plain_cuts) if plain_cuts.count(c) > 1]
        same = ", ".join(same[:-1]) + " and " + same[-1]
        problems.append(left_out(q, n, f"{t.name} answers have at most {t.max_answer} characters, and choices {same} "
                                       "cut to that length read the same, so students could not tell the right one; "
                                       "it is left out (shorten them)", f"answers that read the same cut to "
                                                                        f"{t.max_answer} characters"))
        return None
    for i, text, cut in zip(keep, full, texts):
        if cut != text:
            problems.append(warn(q, n, f"{t.name} answers have at most {t.max_answer} characters; choice "
                                       f"{'ABCDEFGH'[i]} is cut to '{cut}'"))
    return texts, [keep.index(i) for i in sorted(right)]


def _no_room(t: Template, n: int, q: Question, choices: int, right: int):
    """A select-all question whose right answers take every answer the tool holds: it is left out, since a
    question whose answers are all right asks nothing (or its right answers do not all fit)."""
    most = t.max_answers - 1
    if right == t.max_answers:
        return left_out(q, n, f"{t.name} holds {t.max_answers} answers; this question has {choices} choices, {right} "
                              f"of them right, so every answer shown would be right, with no room for a wrong one "
                              f"(at most {most} right answers would make room); it is left out",
                        f"no room for a wrong answer among {t.name}'s {t.max_answers}")
    return left_out(q, n, f"{t.name} holds {t.max_answers} answers, and this question has {right} right ones (of "
                          f"{choices} choices), so they do not all fit (at most {most} right would, beside a wrong "
                          f"one); it is left out", f"more right answers than {t.name} holds")


def rows(t: Template, guide: Guide) -> tuple[list[Row], list]:
    """The guide's questions as the template holds them, and a warning for each thing cut or left out."""
    problems: list = []
    words = labels.for_language(guide.language, guide.labels)
    default = guide.time_limit if guide.time_limit is not None else DEFAULT_TIME
    if t.has_time and guide.time_limit is not None and allowed_time(t, default) != default:
        problems.append(Problem(guide.time_limit_where or Location(str(guide.path)),
                                f"{t.name.lower()}: {time_rule(t)}; the guide's time_limit {default} became "
                                f"{allowed_time(t, default)}", warning=True))
    out: list[Row] = []
    for n, q in enumerate(guide.questions, 1):
        text = " ".join(one_line(prompt_text(q)).split())
        row = Row(n, q, text)
        if isinstance(q, MultipleChoice):
            got = _choices(t, n, q, q.choices, {q.answer}, problems)
            if got is None:
                continue
            row.answers, row.right = got
        elif isinstance(q, SelectAll):
            if not t.several_right:
                problems.append(left_out(q, n, f"{t.name} takes one right answer a question; this select-all "
                                               "question is left out", f"{t.name} takes one right answer"))
                continue
            got = _choices(t, n, q, q.choices, set(q.answers), problems)
            if got is None:
                continue
            row.answers, row.right = got
            row.kind = "several"
        elif isinstance(q, TrueFalse):
            row.answers, row.right = [words["true"], words["false"]], [0 if q.answer else 1]
        elif isinstance(q, FillInBlank) and t.one_blank and len(q.blanks) == 1:
            accepted = list(dict.fromkeys(one_line(a).strip() for a in q.blanks[0].answers))
            if len(accepted) > t.max_answers:
                problems.append(warn(q, n, f"{t.name} holds {t.max_answers} accepted answers; "
                                           f"{', '.join(accepted[t.max_answers:])} left out"))
                accepted = accepted[: t.max_answers]
            row.answers, row.kind = accepted, "typed"
        elif isinstance(q, (ShortAnswer, Essay)) and t.open_ended:
            row.kind = "open"
        else:
            what = ("a fill-in-the-blank question with more than one blank" if isinstance(q, FillInBlank) and t.one_blank
                    else KINDS.get(q.kind, f"a {q.kind} question"))
            problems.append(left_out(q, n, f"{t.name}'s template has no row for {what}; it is left out",
                                     f"no row in {t.name}'s template"))
            continue
        cut = _cut(row.text, t.max_question)
        if cut != row.text and isinstance(q, TrueFalse):  # a statement cut short may be true where it was false
            problems.append(left_out(q, n, f"{t.name} questions have at most {t.max_question} characters, and this "
                                           f"statement has {len(row.text)}: cut short, it might no longer be "
                                           f"{'true' if q.answer else 'false'}; it is left out (shorten it to "
                                           f"{t.max_question} characters to include it)",
                                     f"a statement over {t.max_question} characters"))
            continue
        if cut != row.text:
            problems.append(warn(q, n, f"{t.name} questions have at most {t.max_question} characters; the question is "
                                       f"cut to '{cut}'"))
            row.text = cut
        _one_line_programs(t, n, q, problems)
        row.time = question_time(t, n, q, default, problems)
        out.append(row)
    return out, problems


def _one_line_programs(t: Template, n: int, q: Question, problems: list) -> None:
    """A warning for a program between ``` lines in what the row holds: every template's text is on one line."""
    typed = [("prompt", q.prompt)] + [("choices", c) for c in getattr(q, "choices", ())]
    if t is QUIZIZZ:  # (its Answer explanation: the explanation, a short answer's model answer)
        typed += [("explanation", q.explanation), ("answer", getattr(q, "answer", None))]
    programs = list(dict.fromkeys(name for name, text in typed if isinstance(text, str) and fenced.has_fence(text)))
    if programs:
        problems.append(warn(q, n, f"{t.name}'s template holds each text on one line, so the program in its "
                                   f"{' and '.join(programs)} is on one line there, its indentation lost (the handout, "
                                   "Moodle and Canvas keep its lines)"))


# --- writing ---------------------------------------------------------------------------------------

_FORMULA = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[-+]?\d+([.,]\d+)?")


def csv_safe(text: str) -> tuple[str, bool]:
    """A CSV cell a spreadsheet will not run as a formula: a ' before =, +, - or @ (not before a plain number)."""
    if text and _FORMULA.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text, True
    return text, False


def _csv(records: list[list], rows_by_record: list[Optional[Row]], problems: list, tool: str) -> bytes:
    """CSV as the templates ship: comma-separated, quoted where needed, CRLF, UTF-8 without a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for record, row in zip(records, rows_by_record):
        cells = []
        for cell in record:
            if isinstance(cell, str) and row is not None:
                cell, changed = csv_safe(cell)
                if changed:
                    problems.append(warn(row.question, row.number, f"{tool}: a text starting with "
                                         f"'{cell[1]}' is written as \"{_cut(cell, 40)}\" (with a ' first), so a "
                                         "spreadsheet does not run it as a formula"))
            cells.append(cell)
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _xlsx(fill: Callable) -> bytes:
    """An .xlsx made with openpyxl, every text stored as text; fixed dates and zip times, so the same bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"

    def put(row: int, column: int, value) -> None:
        cell = ws.cell(row=row, column=column)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl reads a leading '=' as a formula; this is text, as typed

    fill(ws, put)
    buffer = io.BytesIO()
    wb.save(buffer)
    members = []
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + FIXED_TIME.encode(), data)
            members.append((info.filename, data))
    return zip_bytes(members)


def _answer_numbers(row: Row) -> str:
    return ",".join(str(i + 1) for i in row.right)


# Kahoot: the quiz spreadsheet template (Kahoot-Quiz-Spreadsheet-Template.xlsx)
KAHOOT_HEADER = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                 "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                 "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
KAHOOT_HEADER_ROW = 8


def kahoot(guide: Guide) -> Exported:
    found, problems = rows(KAHOOT, guide)
    if not found:
        return [], problems + [guide_warning(guide, "kahoot: no question fits Kahoot's template, so no file is written")]

    def fill(ws, put):
        put(2, 2, " ".join(one_line(guide.title).split()))
        put(4, 2, f"Made by studyguide from {guide.path.name}. Upload this file in Kahoot: Create → Kahoot → "
                  "Import spreadsheet.")
        for column, text in enumerate(KAHOOT_HEADER, 2):
            put(KAHOOT_HEADER_ROW, column, text)
        for i, row in enumerate(found, 1):
            r = KAHOOT_HEADER_ROW + i
            put(r, 1, i)
            put(r, 2, row.text)
            for j, answer in enumerate(row.answers):
                put(r, 3 + j, answer)
            put(r, 7, row.time)
            put(r, 8, _answer_numbers(row) if len(row.right) > 1 else row.right[0] + 1)
    return [(output_name(guide, "-kahoot.xlsx"), _xlsx(fill))], problems


# Blooket: the spreadsheet import template, as CSV (Blooket_Spreadsheet_Import_Template.csv)
BLOOKET_COLUMNS = 26
BLOOKET_TITLE = "Blooket\nImport Template"
BLOOKET_HEADER = ("Question #", "Question Text", "Answer 1", "Answer 2", "Answer 3\n(Optional)", "Answer 4\n(Optional)",
                  "Time Limit (sec)\n(Max: 300 seconds)", "Correct Answer(s)\n(Only include Answer #)")


def _pad(cells: list, width: int) -> list:
    return cells + [""] * (width - len(cells))


def blooket(guide: Guide) -> Exported:
    found, problems = rows(BLOOKET, guide)
    if not found:
        return [], problems + [guide_warning(guide, "blooket: no question fits Blooket's template, so no file is written")]
    records = [_pad([BLOOKET_TITLE], BLOOKET_COLUMNS), _pad(list(BLOOKET_HEADER), BLOOKET_COLUMNS)]
    owners: list[Optional[Row]] = [None, None]
    for i, row in enumerate(found, 1):
        answers = _pad(list(row.answers), 4)
        records.append(_pad([i, row.text, *answers, row.time, _answer_numbers(row)], BLOOKET_COLUMNS))
        owners.append(row)
    return [(output_name(guide, "-blooket.csv"), _csv(records, owners, problems, "Blooket"))], problems


# Gimkit: the spreadsheet import template, as CSV
GIMKIT_TITLE = "Gimkit Spreadsheet Import Template"
GIMKIT_HEADER = ("Question", "Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2 (Optional)",
                 "Incorrect Answer 3 (Optional)")


def gimkit(guide: Guide) -> Exported:
    found, problems = rows(GIMKIT, guide)
    if not found:
        return [], problems + [guide_warning(guide, "gimkit: no question fits Gimkit's template, so no file is written")]
    records = [_pad([GIMKIT_TITLE], 5), list(GIMKIT_HEADER)]
    owners: list[Optional[Row]] = [None, None]
    for row in found:
        right = row.answers[row.right[0]]
        wrong = [a for i, a in enumerate(row.answers) if i != row.right[0]]
        records.append(_pad([row.text, right, *wrong], 5))
        owners.append(row)
    return [(output_name(guide, "-gimkit.csv"), _csv(records, owners, problems, "Gimkit"))], problems


# Quizizz (Wayground): the spreadsheet template
QUIZIZZ_HEADER = ("Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
                  "Correct Answer", "Time in seconds", "Image Link", "Answer explanation")
QUIZIZZ_TYPES = {"choice": "Multiple Choice", "several": "Checkbox", "typed": "Fill-in-the-Blank", "open": "Open-Ended"}


def quizizz(guide: Guide) -> Exported:
    found, problems = rows(QUIZIZZ, guide)
    if not found:
        return [], problems + [guide_warning(guide, "quizizz: no question fits Quizizz's template, so no file is written")]
    words = labels.for_language(guide.language, guide.labels)
    problems += [warn(row.question, row.number, "quizizz: its answer, written for graders, is left out: Wayground "
                                                "shows the Answer explanation to students; to show them a model answer, "
                                                "make it a short_answer") for row in found
                 if isinstance(row.question, Essay) and (row.question.answer or "").strip()]

    def fill(ws, put):
        for column, text in enumerate(QUIZIZZ_HEADER, 1):
            put(1, column, text)
        for r, row in enumerate(found, 2):
            put(r, 1, row.text)
            put(r, 2, QUIZIZZ_TYPES[row.kind])
            for j, answer in enumerate(row.answers):
                put(r, 3 + j, answer)
            if row.kind in ("choice", "several"):
                put(r, 8, _answer_numbers(row) if row.kind == "several" else row.right[0] + 1)
            put(r, 9, row.time)
            explained = answer_explanation(row.question, words)
            if explained:
                put(r, 11, explained)
    return [(output_name(guide, "-quizizz.xlsx"), _xlsx(fill))], problems


def answer_explanation(q: Question, words: dict) -> str:
    """Quizizz's *Answer explanation*, which students see once they have answered: the explanation, and a short
    answer's model answer first ("Model answer: 2.00 mol Why: …"), as Wayground's Open-Ended question shares one."""
    explanation = " ".join(one_line(fenced.as_text(q.explanation or "")).split())
    if not isinstance(q, ShortAnswer) or not (q.answer or "").strip():
        return explanation
    model = f"{words['model_answer']} {' '.join(one_line(fenced.as_text(q.answer)).split())}"
    return f"{model} {words['why']} {explanation}" if explanation else model
