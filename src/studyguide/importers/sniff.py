"""What a file plainly is, by its first bytes, whatever ``--from`` says (trial r10, M3).

A Canvas quiz's .zip read as Quizlet text was told to be saved again as UTF-8 in Notepad, which would damage it;
a spreadsheet read as Moodle XML was "not well-formed XML". A zip, a workbook, an Anki deck package and an XML file
say what they are in their first bytes, so a ``--from`` that disagrees is told that, with the ``--from`` to use.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Optional

from ..errors import GuideError, Location, Problem
from . import spreadsheet

# what each --from reads, as the message names it
READS = {"quizlet": "Quizlet text", "anki": "Anki text", "moodle": "Moodle XML", "gift": "GIFT text",
         "qti": "a QTI .zip", "csv": "CSV text", "kahoot": "a Kahoot spreadsheet", "quizizz": "a Quizizz spreadsheet",
         "aiken": "a list of questions"}
APKG = ("is an Anki deck package (.apkg), which import does not read: in Anki, export the deck as Notes in Plain "
        "Text (File → Export), and import that .txt; nothing imported")


def _names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.namelist()
    except Exception:  # a damaged zip: the reader of its format says what is wrong
        return []


def plainly(data: bytes) -> Optional[tuple[str, tuple[str, ...]]]:
    """What ``data`` plainly is ('a zip file (…)') and the ``--from`` formats that read it; None for text."""
    if data.startswith(b"PK\x03\x04"):
        if spreadsheet.is_workbook(data):
            return "a spreadsheet (.xlsx, as Kahoot and Quizizz export)", ("kahoot", "quizizz")
        if any(n.startswith("collection.anki2") for n in _names(data)):
            return "an Anki deck package (.apkg)", ()
        return "a zip file (as Canvas exports a quiz, in QTI)", ("qti",)
    head = data[:2000].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<?xml") or head.startswith(b"<quiz"):
        moodle = b"<quiz" in head
        return ("an XML file" + (" (Moodle XML)" if moodle else ""), ("moodle",) if moodle else ())
    return None


def agrees(path: Path, data: bytes, fmt: Optional[str]) -> None:
    """A GuideError when ``fmt`` (the ``--from`` given, or None) cannot read what ``data`` plainly is, or when it is
    an Anki deck package, which no format reads."""
    where = Location(str(path))
    found = plainly(data)
    if found and found[0].startswith("an Anki deck package"):
        raise GuideError([Problem(where, APKG)])
    if fmt is None:
        return
    if found is None:
        if fmt == "moodle" and not data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"<"):
            raise GuideError([Problem(where, "is not XML, so not Moodle XML (which starts with <?xml or <quiz>): leave "
                                             "out --from, and import tells what the file is; nothing imported")])
        return
    what, formats = found
    if fmt not in formats:
        use = f", or use {' or '.join('--from ' + f for f in formats)}" if formats else ""
        raise GuideError([Problem(where, f"is {what}, not {READS.get(fmt, fmt)}: leave out --from{use}; "
                                         "nothing imported")])
