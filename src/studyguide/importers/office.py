"""The office files teachers most often have, given to import: said by what they are and what to save them as.

A Word document (.docx) or an OpenDocument text (.odt) is a zip of XML that import does not read; saved as plain
text it is a list of questions or cards that it does. A spreadsheet (.xlsx without Kahoot's or Quizizz's header row,
or any .ods) saved as CSV imports by its columns' headings.
"""
from __future__ import annotations

import io
import zipfile
from typing import Optional

# a numbered list of questions, and cards, as the plain-text readers take them (questionlist, flashcards)
AS_TEXT = ("save it as Plain Text (.txt) and import that: a numbered list of questions, each with its choices "
           "'a)', 'b)'… and an 'Answer: b' line, imports as questions, and a term, a tab and its definition on each "
           "line as vocabulary")
# the columns table.py reads, and the two templates spreadsheet.py reads
AS_CSV = ("save the sheet as CSV (UTF-8) and import that: columns headed 'term' and 'definition' import as "
          "vocabulary, and 'question' and 'answer' as short-answer questions; or copy the questions into Kahoot's "
          "or Quizizz's question template (.xlsx)")

_KINDS = (("word/document.xml", "a Word document", AS_TEXT), ("ppt/presentation.xml", "a PowerPoint file", None))
_OPEN = {"application/vnd.oasis.opendocument.text": ("an OpenDocument text (.odt)", AS_TEXT),
         "application/vnd.oasis.opendocument.spreadsheet": ("an OpenDocument spreadsheet (.ods)", AS_CSV),
         "application/vnd.oasis.opendocument.presentation": ("an OpenDocument presentation (.odp)", None)}
SLIDES = ("import reads a bank of questions or cards, not slides: copy the questions into a text file (a numbered list "
          "with 'Answer: b' lines) and import that")


def office_file(data: bytes) -> Optional[str]:
    """What to say of a Word, PowerPoint or OpenDocument file ('is a Word document; save it as…'), or None for any
    other file (an .xlsx is read, and says what it lacks; a damaged zip is the QTI reader's to name)."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100].decode("ascii", "replace").strip() if "mimetype" in names else ""
    except Exception:  # noqa: BLE001  (not a zip after all, or a damaged one: the QTI reader says which)
        return None
    for member, what, fix in _KINDS:
        if member in names:
            return f"is {what}; {fix or SLIDES}"
    if mimetype in _OPEN:
        what, fix = _OPEN[mimetype]
        return f"is {what}; {fix or SLIDES}"
    return None


def sheet_without_header(vocabulary: bool) -> str:
    """What to say of a spreadsheet with no Kahoot or Quizizz header row (``vocabulary``: it has a row headed
    like a CSV of vocabulary, 'Term' and 'Definition')."""
    said = ("is a spreadsheet with no Kahoot or Quizizz header row ('Question' and 'Correct answer', or 'Question "
            "Type' and 'Option 1') in its first 20 rows")
    if vocabulary:
        return f"{said}; its term and definition columns import as vocabulary from CSV: save the sheet as CSV (UTF-8) " \
               "and import that"
    return f"{said}; {AS_CSV}"
