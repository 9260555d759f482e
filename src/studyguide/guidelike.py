"""Whether a file that is not named as a guide holds one: the text of a guide Notepad saved as
'acids.txt', or Word as 'acids.docx', beside the guides that build (misplaced names it, with the fix).

A guide's text has its 'title:' and at least one of the keys that hold its content ('questions:',
'vocabulary:', …) each at the start of a line; an article or a worksheet kept beside the guides has not.
Only the first part of a file is read, and a file that cannot be read is no guide.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

CONTENT = ("summary", "objectives", "topics", "vocabulary", "questions", "reading", "perspectives", "takeaways")
READ = 256 * 1024  # bytes of a file looked at: a guide's title and first sections are near its start
_KEY = re.compile(r"^[ \t\ufeff]*(title|" + "|".join(CONTENT) + r")[ \t]*:", re.MULTILINE)
# the parts of a .docx / .odt that hold its text, and where their paragraphs end
_PARTS = {"word/document.xml": "</w:p>", "content.xml": "</text:p>"}
# a line break inside a paragraph (Shift+Enter, common in text pasted from the web): a line's end too
_BREAK = re.compile(r"<(?:w:br|w:cr|text:line-break)\b[^>]*>")


def _guide_text(text: str) -> bool:
    keys = set(_KEY.findall(text))
    return "title" in keys and len(keys) > 1


def in_text(path: Path) -> bool:
    """Whether the plain-text file ``path`` holds a guide's text."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(READ)
    except OSError:
        return False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": UTF-16 with its mark (review r9 L1)
        return _guide_text(data.decode("utf-16", errors="replace").replace("\r", "\n"))
    return _guide_text(data.decode("utf-8", errors="replace")) or b"\x00" in data and any(
        _guide_text(data.decode(code, errors="replace").replace("\r", "\n")) for code in ("utf-16-le", "utf-16-be"))


def _zipped_text(path: Path) -> Optional[str]:
    import zipfile  # (start-up time: only a file that is no guide is opened as a document)

    try:
        with zipfile.ZipFile(path) as archive:
            for part, end in _PARTS.items():
                if part in archive.namelist():
                    with archive.open(part) as handle:
                        xml = handle.read(4 * READ).decode("utf-8", errors="replace")
                    return re.sub(r"<[^>]*>", "", _BREAK.sub("\n", xml.replace(end, "\n")))
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError):  # damaged, or a folder (an old .pages)
        pass
    return None


def in_document(path: Path) -> Optional[bool]:
    """Whether the word processor's document ``path`` holds a guide's text: True, False, or None when it
    cannot be told (a .pages file's text is compressed in a form not read here; a damaged file)."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".odt", ".pages"):
        text = _zipped_text(path)
        return None if text is None else _guide_text(text)
    try:
        with open(path, "rb") as handle:
            data = handle.read(4 * READ)
    except OSError:
        return False
    if suffix == ".rtf":  # a paragraph ends in '\par'; the text between is as typed
        return _guide_text(re.sub(r"\\par[d]?\b ?", "\n", data.decode("latin-1")))
    return _guide_text(data.decode("latin-1").replace("\r", "\n")) or \
        _guide_text(data.decode("utf-16-le", errors="replace").replace("\r", "\n"))  # a .doc: either, by its age
