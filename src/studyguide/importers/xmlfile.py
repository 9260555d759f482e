"""An XML file as the importers read it: each element with its line and column, outside entities said and
left out, a bare '&' and a wrong encoding declaration read as the teacher meant them."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xml.parsers.expat

from ._common import Draft
from .htmltext import clip


class _Element(ET.Element):
    line = col = 0  # where the element starts in the file, for located warnings
    outside: tuple = ()  # (the root's) outside entities referred to and left out: (name, line, column)


def parse(data: bytes) -> ET.Element:
    """The XML as an ElementTree, each element with ``line`` and ``col`` (1-based) for located warnings."""
    builder = ET.TreeBuilder(element_factory=_Element)
    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True

    def start(tag, attrs):
        el = builder.start(tag, attrs)
        el.line, el.col = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    outside = []

    def entity(context, base, system_id, public_id):  # never fetched or read: said where it is used
        outside.append((context or system_id or "", parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))
        return 1

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.ExternalEntityRefHandler = entity
    try:
        parser.Parse(data, True)
    except (LookupError, ValueError):  # a declared encoding no codec knows, or one expat cannot take
        raise _unreadable(data) from None
    root = builder.close()
    root.outside = tuple(outside)
    return root


DECLARED = re.compile(rb"(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)[\"']")


class UnreadableEncoding(xml.parsers.expat.ExpatError):
    """The first line declares an encoding studyguide cannot read ('nan', 'ebcdic', 'UTF-32')."""

    name = ""


def _unreadable(data: bytes) -> UnreadableEncoding:
    exc = UnreadableEncoding()
    m = DECLARED.match(data)
    exc.name = clip(m.group(2).decode("latin-1")) if m else ""
    exc.lineno, col = place(data, m.start(2)) if m else (1, 1)
    exc.offset, exc.code = col - 1, None
    return exc


def not_read(exc: xml.parsers.expat.ExpatError) -> str:
    """Why the XML could not be read, as a message says it (its place is the error's line and offset)."""
    if isinstance(exc, UnreadableEncoding):
        return (f"says encoding=\"{exc.name}\", which studyguide cannot read (write encoding=\"UTF-8\" there, "
                "and save the file as UTF-8)")
    return f"not well-formed XML ({xml.parsers.expat.ErrorString(exc.code)})"


def outside_entities(draft: Draft, root: ET.Element, member: str = "") -> None:
    """A warning where the file uses an entity that stands for another file or a web address: it is left out."""
    for name, line, col in getattr(root, "outside", ()):
        draft.warn(f"{member}the file names an outside entity (&{clip(name)};), which stands for another file or a "
                   "web address; it is left out", line, col)


BARE_AMP = re.compile(rb"&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][A-Za-z0-9_.-]*;)")
RAW = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.S)


def amp(data: bytes, at: list[int]) -> bytes:
    """``data`` with the '&' at each offset in ``at`` written '&amp;'."""
    out, last = [], 0
    for i in at:
        out += [data[last:i], b"&amp;"]
        last = i + 1
    return b"".join(out + [data[last:]])


_LATIN = (b"iso-8859-1", b"iso8859-1", b"latin-1", b"latin1", b"windows-1252", b"cp1252", b"us-ascii", b"ascii")


def place(data: bytes, at: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte ``at``."""
    start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, len(data[start:at].decode("utf-8", "replace")) + 1


def declared_latin(draft: Draft, data: bytes) -> bytes:
    """The file's bytes, read as UTF-8 when it says ISO-8859-1 (or Windows-1252, ASCII) but is UTF-8 text:
    what a text editor does to our export when the declaration is copied from another file. Latin-1 text
    is almost never valid UTF-8 once it holds a letter outside ASCII."""
    m = DECLARED.match(data)
    if m is None or m.group(2).lower() not in _LATIN or data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    line, col = place(data, m.start(2))
    draft.warn(f"says encoding=\"{m.group(2).decode('ascii')}\" but its text is UTF-8 (as a text editor saves it); "
               "read as UTF-8 (write encoding=\"UTF-8\" in its first line)", line, col)
    return data[:m.start(2)] + b"UTF-8" + data[m.end(2):]
