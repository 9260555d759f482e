"""Imports: a teacher's existing bank in another tool's file → a new guide file.

``studyguide import FILE -o guides/NAME.yaml`` reads Quizlet's export text, Anki's
notes text export, Moodle XML, GIFT, a QTI 1.2 zip (Canvas's quiz export), a
CSV of vocabulary or questions, Kahoot's or Quizizz's question spreadsheet
(.xlsx) and a plain list of questions (Moodle's Aiken format and its numbered kin), and writes a guide
with the vocabulary and questions filled and the other sections as commented
starters. It never writes over an existing file. What does not map gets a warning
located in FILE (``FILE:LINE:COL: warning: ...``).

For the formats studyguide also exports (Quizlet, Anki, Moodle XML, QTI), export →
import → export gives the same bytes, when the guide is saved under the same name.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

from .. import api
from ..errors import GuideError, Location, Problem
from ..files import create_new, not_written, read_regular, twin_clash
from ..reading.loader import MAX_BYTES as GUIDE_BYTES, not_utf8
from ..reading.walker import MAX_ITEMS
from ..spaced import typed
from . import flashcards, gift, moodle, qti, questionlist, sniff, spreadsheet, table
from ._common import Draft, literal, settle
from .carried import say_lost
from .office import office_file
from .writer import INVISIBLE, guide_text, make_printable

FORMATS = ("quizlet", "anki", "moodle", "gift", "qti", "csv", "kahoot", "quizizz",  # kahoot, quizizz: one reader
           "aiken")  # a plain list of questions
MAX_BYTES = 20 * 1024 * 1024  # a bank larger than this is not a teacher's question bank


def detect(path: Path, data: bytes) -> str:
    """The format of a file, from its name and its first bytes."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf").lstrip()
    name = path.name.lower()
    if data.startswith(b"PK\x03\x04"):
        return "kahoot" if spreadsheet.is_workbook(data) else "qti"
    if name.endswith((".zip", ".xlsx")):  # a damaged start: the reader says what is wrong, not "not UTF-8"
        return "kahoot" if name.endswith(".xlsx") else "qti"
    if head.startswith(b"<?xml") or head.startswith(b"<quiz"):
        return "moodle"
    if name.endswith((".gift", ".gift.txt")):
        return "gift"
    if name.endswith(".csv"):
        return "csv"
    text = head.decode("utf-8", "replace")
    if text.startswith("#separator:") or text.startswith("#html:") or text.startswith("#notetype"):
        return "anki"
    lines = text.splitlines()
    lines = [ln for ln in (lines[:-1] if len(data) > 2000 and len(lines) > 1 else lines) if ln.strip()]  # whole lines
    if lines and all("\t" in ln for ln in lines):
        return "quizlet"  # a card a line, a tab in each: Quizlet, whatever the cards say
    cards = [ln for ln in lines if "\t" in ln.strip()
             and not re.fullmatch(r"\*?\(?(?:\d{1,3}|[A-Za-z])[.):]", ln.split("\t")[0].strip())]
    if len(cards) * 2 > len(lines):  # most lines 'term<TAB>definition' ('a)<TAB>Paris' is a choice): a definition
        return "quizlet"  # over several lines is still cards, the lines without a tab said at their line
    if questionlist.looks_like(text):
        return "aiken"  # a plain list of questions: 'ANSWER: B' lines, or a question's 'a)' and 'b)'
    if "::" in text or "{" in text and "}" in text and ("~" in text or "=" in text or "{T" in text or "{F" in text):
        return "gift"
    return "quizlet"


READS = ("import reads Moodle XML, GIFT, QTI (.zip), Quizlet or Anki text, a list of questions (Aiken), CSV, and "
         "Kahoot or Quizizz (.xlsx): export the bank from your other tool as one of these")
# a text file read as Quizlet's (nothing else it could be) in which no line is a card
NEITHER = ("is neither cards (a term, a tab or a comma, its definition: one card a line) nor a list of questions (a "
           f"question, its choices 'A.', 'B.'…, then 'ANSWER: B'); {READS}")
# what the first bytes of a file no tool's bank starts with say it is (a zip or xlsx is read, and says what is wrong)
_MAGIC = ((b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG picture"), (b"\xff\xd8\xff", "a JPEG picture"),
          (b"GIF8", "a GIF picture"), (b"\xd0\xcf\x11\xe0", "an older Office file (.doc, .xls or .ppt)"),
          (b"SQLite format 3\x00", "a database (an Anki collection? export its notes as text)"),
          (b"{\\rtf", "an RTF document (save it as plain text, UTF-8)"))
_GUIDE_KEY = re.compile(r"^(questions|vocabulary):[ \t]*(#.*)?$", re.M)


def not_a_bank(path: Path, data: bytes) -> None:
    """A GuideError for a file that is no tool's bank, said by what it is rather than as hundreds of junk
    terms (a study guide read as Quizlet cards) or a byte that is not UTF-8 (a PDF): one of our own guides,
    a PDF, a picture, an Office or database file."""
    where = Location(str(path))
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    for magic, what in _MAGIC:
        if head.lstrip().startswith(magic) or (magic == b"%PDF-" and magic in head):
            raise GuideError([Problem(where, f"is {what}; {READS}")])
    office = office_file(data)
    if office:
        raise GuideError([Problem(where, office)])
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    if path.suffix.lower() in (".yaml", ".yml") or (re.search(r"^title:[ \t]*\S", text, re.M)
                                                   and _GUIDE_KEY.search(text)):
        if re.search(r"^title:", text, re.M) or _GUIDE_KEY.search(text):
            build = (f"build it with 'studyguide build {typed(path)}'" if path.suffix.lower() in (".yaml", ".yml") else
                     f"save it as {path.stem}.yaml and build that with 'studyguide build'")
            raise GuideError([Problem(where, f"is already a study guide: {build} (import makes a guide from another "
                                             "tool's file)")])
        raise GuideError([Problem(where, f"is a YAML file, not a bank; {READS}")])


def read(path: Path, fmt: Optional[str] = None) -> Draft:
    """The draft guide read from ``path`` (format detected unless given)."""
    too_large = f"is larger than {MAX_BYTES // 2**20} MB; not imported"
    data = read_regular(path, Location(str(path)), "name the file your other tool exported", MAX_BYTES,
                        lambda size: too_large)  # never a FIFO: its read would wait for ever
    if len(data) > MAX_BYTES:  # grown since it was measured
        raise GuideError([Problem(Location(str(path)), too_large)])
    not_a_bank(path, data)  # whatever --from says: a PDF is never read as Quizlet cards
    sniff.agrees(path, data, fmt)  # nor a Canvas zip as Quizlet text: a --from that disagrees is told so
    given, fmt = fmt is not None, fmt or detect(path, data)
    if fmt == "moodle":
        draft = moodle.read(path, data)
        draft.tool = "moodle"
        draft.text = data.decode("utf-8", "replace")  # (its lines are the file's: warnings find their place in it)
        return draft
    if fmt == "qti":
        draft = qti.read(path, data)
        draft.tool = "qti"
        return draft
    if fmt in ("kahoot", "quizizz"):  # the header row tells the two apart
        return _literal(spreadsheet.read(path, data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GuideError([not_utf8(data, exc.start, str(path))]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and classic Mac line ends read alike
    draft = _read_text(path, fmt, INVISIBLE.sub("", text))
    draft.text = text
    if fmt == "quizlet" and not given and not draft.vocabulary and "\t" not in text:  # said once, not a line each
        raise GuideError([Problem(Location(str(path)), "is empty; nothing imported" if not text.strip() else NEITHER)])
    found = INVISIBLE.search(text)
    if found:  # left out where they are, said once at the first (a guide cannot hold them)
        line = text.count("\n", 0, found.start()) + 1
        names = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(INVISIBLE.findall(text))))
        draft.problems.insert(0, Problem(Location(str(path), line, found.start() - text.rfind("\n", 0, found.start())),
                                         f"the invisible control character{'s' if len(names) > 6 else ''} {names} "
                                         "left out (a guide cannot hold them)", warning=True))
    return draft


def _read_text(path: Path, fmt: str, text: str) -> Draft:
    if fmt == "anki":
        return flashcards.anki(path, text)
    if fmt == "gift":
        return gift.read(path, text)
    if fmt == "csv":
        return _literal(table.read(path, text))
    if fmt == "aiken":
        return _literal(questionlist.read(path, text))
    return _literal(flashcards.quizlet(path, text))


def _literal(draft: Draft) -> Draft:
    """A draft from a format with no markup: each of its stars prints as a star."""
    draft.question_lines = draft.lines_of_questions()  # (walk makes new questions: their ids are not noted)

    def walk(value):
        if isinstance(value, str):
            return literal(value)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return [walk(v) for v in value] if isinstance(value, list) else value
    draft.vocabulary, draft.questions = walk(draft.vocabulary), walk(draft.questions)
    draft.true_false = [(n, walk(choices), right, code) for n, choices, right, code in draft.true_false]
    return draft


def target(path: Path, out: Optional[str]) -> Path:
    """The new guide's file for ``import PATH -o OUT``: guides/NAME.yaml without -o; OUT/NAME.yaml when OUT is a
    folder (one that exists, or a name ending in /); OUT when it is a guide's file name (.yaml or .yml). Any other
    OUT is refused (it would be a guide file that no command takes for one)."""
    name = Path(path).name.split(".")[0] + ".yaml"
    if not out:
        return Path("guides") / name
    if out.endswith(("/", os.sep)) or os.path.isdir(out):  # (isdir: False, never an error, for a name too long)
        return Path(out) / name
    if Path(out).suffix.lower() in api.GUIDE_SUFFIXES:
        return Path(out)
    raise GuideError([Problem(Location(out), f"-o names the new guide: a file ending in .yaml ({Path(out).name}.yaml), "
                                             f"or a folder to write {name} in, ending in / ({Path(out).name}/); "
                                             "nothing imported")])


def import_file(path: Path, out: Path, fmt: Optional[str] = None) -> tuple[Path, Draft]:
    """Read ``path`` and write the new guide to ``out`` (never over an existing file)."""
    draft = read(Path(path), fmt)
    settle(draft)
    say_lost(draft, draft.tool)
    question_at = draft.question_lines or draft.lines_of_questions()
    if not draft.vocabulary and not draft.questions:  # a failure: at least one line says error, not warning
        errors = () if any(not p.warning for p in draft.problems) else (  # said after the warnings that say why
            Problem(Location(str(path)), "no vocabulary or questions found; nothing imported"),)
        raise GuideError(draft.problems, errors)
    make_printable(draft)
    for what, items in (("terms", draft.vocabulary), ("questions", draft.questions)):
        if len(items) > MAX_ITEMS:
            count = f"more than {MAX_ITEMS:,}" if draft.stopped else f"{len(items):,}"
            raise GuideError([Problem(Location(str(path)), f"has {count} {what}, and a guide holds at most "
                                      f"{MAX_ITEMS:,}; nothing written (split {Path(path).name} into smaller files "
                                      "and import each)")])
    least = _text_bytes([draft.title, draft.subtitle, draft.vocabulary, draft.questions])
    if least > GUIDE_BYTES:  # refused before YAML is written (seconds for a bank this large)
        raise GuideError([_too_big(Path(path), f"more than {GUIDE_BYTES:,} bytes (its text alone is {least:,})")])
    text = guide_text(draft)
    out = Path(out)
    clash = twin_clash(out, api.GUIDE_SUFFIXES)  # (before the check, which would read a defaults file's name as one)
    if clash:
        raise GuideError([Problem(Location(str(out)), clash.replace("choose another name", "choose another name "
                                                                    "with -o"))])
    _check(Path(path), out, text, draft.term_at, question_at)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        create_new(out, text.encode("utf-8"))
    except FileExistsError:
        raise GuideError([Problem(Location(str(out)), "already exists; studyguide import never writes over a file "
                                                      "(choose another name with -o)")]) from None
    except OSError as exc:  # a full disk, a read-only folder, -o /proc/x.yaml: nothing is left behind
        raise GuideError([Problem(Location(str(out)), not_written(exc))]) from None
    return out, draft


def _text_bytes(value) -> int:
    if isinstance(value, str):
        return len(value.encode("utf-8"))
    if isinstance(value, dict):
        return sum(_text_bytes(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return sum(_text_bytes(v) for v in value)
    return 0


def _too_big(source: Path, size: str) -> Problem:
    return Problem(Location(str(source)), f"makes a guide of {size}, and a guide may be at most {GUIDE_BYTES:,} bytes; "
                                          f"nothing written (split {source.name} into smaller files and import each)")


def _check(source: Path, out: Path, text: str, term_at: list[int], question_at: list[int]) -> None:
    """A guide that import writes always validates: refused here, before anything is written, if it would not.
    A term's or a question's problem is said at its line in ``source`` (``term_at``, ``question_at``: the line of
    each, 0 where none is known)."""
    size = len(text.encode("utf-8"))
    if size > GUIDE_BYTES:
        raise GuideError([_too_big(source, f"{size:,} bytes")])
    try:
        api.load(out, check_theme=False, data=text.encode("utf-8"))
    except GuideError as exc:  # what the guide cannot hold (a 201-character term): named by its place, nothing written
        def where(message: str) -> Location:
            found = re.match(r"(vocabulary item|question) (\d+)\b", message)
            lines = (term_at if found.group(1) == "vocabulary item" else question_at) if found else []
            n = int(found.group(2)) if found else 0
            line = lines[n - 1] if 0 < n <= len(lines) else 0
            return Location(str(source), line, 1) if line else Location(str(source))

        raise GuideError([Problem(where(p.message), f"the guide made from it would not validate: {p.message}; "
                                  f"nothing written (change that in {source.name}, and import it again)")
                          for p in exc.problems if not p.warning]) from None


__all__ = ["FORMATS", "Draft", "detect", "import_file", "read"]
