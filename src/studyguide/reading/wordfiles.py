"""A guide saved by a word processor in its own format, not as plain text: named as such, with the fix.

macOS TextEdit saves Rich Text unless told otherwise ('{\\rtf1...' with a '\\' at each line's end), and a
Word or LibreOffice document renamed to .yaml is a zip file (or, for an old .doc, an OLE file). YAML
would read Rich Text as dozens of lines of wrong advice, and the others as 'not UTF-8'; the one fix is
to save the file as plain text, so that is the one message.
"""
from __future__ import annotations

import codecs
from typing import Optional

RICH_TEXT = ("saved as Rich Text, not plain text: in TextEdit choose Format → Make Plain Text, then save again "
             "(in WordPad: Save as → Plain text document)")


def _document(what: str) -> str:
    return f"this is {what}, not plain text: save it as plain text (.yaml), or copy its text into a plain-text editor"


def saved_as(data: bytes) -> Optional[str]:
    """The message for ``data`` saved by a word processor in its own format; None for any other file."""
    head = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    if head.lstrip(b" \t\r\n").startswith(b"{\\rtf"):
        return RICH_TEXT
    if head.startswith(b"PK\x03\x04"):  # a zip: .docx, .odt, .pages; the names of its parts tell which
        if b"word/" in data[:200_000]:
            return _document("a Word document")
        if b"opendocument" in data[:200]:
            return _document("a LibreOffice document")
        return _document("a zip file (a Word, LibreOffice or Pages document?)")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _document("a Word document (.doc)")
    return None
