"""Imports: a teacher's existing bank in another tool's file → a new guide file.

``studyguide import FILE -o guides/NAME.yaml`` reads Quizlet's export text, Anki's
notes text export, Moodle XML, GIFT, a QTI 1.2 zip (Canvas's quiz export), a
CSV of vocabulary or questions and Kahoot's or Quizizz's question spreadsheet
(.xlsx), and writes a guide
with the vocabulary and questions filled and the other sections as commented
starters. It never writes over an existing file. What does not map gets a warning
located in FILE (``FILE:LINE:COL: warning: ...``).

For the formats studyguide also exports (Quizlet, Anki, Moodle XML, QTI), export →
import → export gives the same bytes, when the guide is saved under the same name.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..errors import GuideError, Location, Problem
from ..files import read_regular
from . import flashcards, gift, moodle, qti, spreadsheet, table
from ._common import Draft
from .writer import guide_text

FORMATS = ("quizlet", "anki", "moodle", "gift", "qti", "csv", "kahoot", "quizizz")  # kahoot, quizizz: one reader
MAX_BYTES = 20 * 1024 * 1024  # a bank larger than this is not a teacher's question bank


def detect(path: Path, data: bytes) -> str:
    """The format of a file, from its name and its first bytes."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf").lstrip()
    name = path.name.lower()
    if data.startswith(b"PK\x03\x04"):
        return "kahoot" if spreadsheet.is_workbook(data) else "qti"
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
    if "::" in text or "{" in text and "}" in text and ("~" in text or "=" in text or "{T" in text or "{F" in text):
        return "gift"
    return "quizlet"


def read(path: Path, fmt: Optional[str] = None) -> Draft:
    """The draft guide read from ``path`` (format detected unless given)."""
    too_large = f"is larger than {MAX_BYTES // 2**20} MB; not imported"
    data = read_regular(path, Location(str(path)), "name the file your other tool exported", MAX_BYTES,
                        lambda size: too_large)  # never a FIFO: its read would wait for ever
    if len(data) > MAX_BYTES:  # grown since it was measured
        raise GuideError([Problem(Location(str(path)), too_large)])
    fmt = fmt or detect(path, data)
    if fmt == "moodle":
        return moodle.read(path, data)
    if fmt == "qti":
        return qti.read(path, data)
    if fmt in ("kahoot", "quizizz"):  # the header row tells the two apart
        return spreadsheet.read(path, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GuideError([Problem(Location(str(path)), f"not UTF-8 (byte 0x{data[exc.start]:02X}); save the file as "
                                                       "UTF-8")]) from None
    if fmt == "anki":
        return flashcards.anki(path, text)
    if fmt == "gift":
        return gift.read(path, text)
    if fmt == "csv":
        return table.read(path, text)
    return flashcards.quizlet(path, text)


def import_file(path: Path, out: Path, fmt: Optional[str] = None) -> tuple[Path, Draft]:
    """Read ``path`` and write the new guide to ``out`` (never over an existing file)."""
    draft = read(Path(path), fmt)
    if not draft.vocabulary and not draft.questions:
        raise GuideError(draft.problems or [Problem(Location(str(path)), "no vocabulary or questions found")])
    text = guide_text(draft)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(out, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        raise GuideError([Problem(Location(str(out)), "already exists; studyguide import never writes over a file "
                                                      "(choose another name with -o)")]) from None
    return out, draft


__all__ = ["FORMATS", "Draft", "detect", "import_file", "read"]
