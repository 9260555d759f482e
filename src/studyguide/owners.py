"""Which guide a PDF was written for: a build never replaces another guide's PDF, or a file of the teacher's own.

Every PDF a build writes says in its Creator field (Document Properties → Application) which guide it is
made from, by file name, and what it is: ``studyguide (base.yaml, answer key)``. Only the name is kept,
never a folder or a time, so a rebuild is byte for byte the same. Before a PDF replaces a file, that
file's Creator is read (its metadata only, not its pages): the same guide and role → replaced as ever;
another guide's PDF, or a file studyguide did not write → refused, naming both and the fix. An empty
file (a cloud-sync placeholder, a failed copy) is replaced: there is nothing in it to lose. Our PDF saved
again by a viewer (its Creator rewritten, notes added) is refused like a file of the teacher's own, even
when its title is the guide's: replacing it would lose the notes, so the message says to delete it.

Another guide's PDF is refused only while that guide is still a file beside the guide being built (not
the same file by another spelling: os.path.samefile, for case-insensitive file systems). A guide renamed
(Unit 1.yaml → Unit-1.yaml, g.yaml → g.yml, g.yaml → G.yaml) whose PDFs keep their names replaces them.

Guides from different folders built into one output folder: only names are kept, so a guide is looked
for beside the guide being built. Two guides of one name look like one guide (the second replaces the
first, as before); a guide whose PDF takes the name of another folder's guide's PDF replaces it, as a
rename would (a PDF is rebuilt from its guide; nothing of the teacher's is lost). Within one run, two
guides whose PDFs share a name are refused before either is built (files.clashes).
"""
from __future__ import annotations

import io
import logging
import os
import re
import warnings
from pathlib import Path
from typing import Optional

from .errors import BuildError, Location

ROLES = {"student": "student copy", "key": "answer key", "grid": "answer grid", "class-set": "class set",
         "class-set-key": "class set key"}  # kinds of studyguide.files.build_names → what Creator calls them
_STAMP = re.compile(r"studyguide \((?P<guide>.+), (?P<role>" + "|".join(ROLES.values()) + r")\)\Z", re.S)
PLAIN = "studyguide"  # the Creator of a PDF studyguide wrote before it named the guide (or not for a guide)


def stamp(guide: Optional[Path], kind: str) -> str:
    """The Creator of the PDF of kind ``kind`` (student, key, grid...) made from the guide at ``guide``."""
    if guide is None or not Path(guide).name:
        return PLAIN
    return f"{PLAIN} ({Path(guide).name}, {ROLES[kind]})"


def _info(data) -> Optional[dict]:
    """The document information of a PDF (``data``: its bytes, or an open binary file), or None when it
    is not a PDF that can be read. Only the end of the file, one line of the cross-reference table and the
    Info object are read (see :func:`_quick_info`); a PDF laid out otherwise (not one we wrote) is read by pypdf."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    if stream.read(5) != b"%PDF-":  # a teacher's own document, a picture: not a PDF at all
        return None
    try:
        quick = _quick_info(stream)
    except (OSError, ValueError):
        quick = None
    if quick is not None:
        return quick
    stream.seek(0)
    from pypdf import PdfReader  # only for a PDF we did not write: ~150 ms to import

    quiet = logging.getLogger("pypdf")
    level, quiet.level = quiet.level, logging.CRITICAL  # a damaged PDF is answered here, not on the terminal
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            meta = PdfReader(stream).metadata
            return {str(k): str(v) for k, v in (meta or {}).items()}
    except Exception:  # anything pypdf cannot read is not a PDF we wrote
        return None
    finally:
        quiet.level = level


_TAIL = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")
_XREF = re.compile(rb"xref\s*\r?\n0 (\d+)[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) \d{5} n")
_TOKEN = re.compile(rb"\s*(?:/([^\s/<>()\[\]]+)|(\()|<([0-9A-Fa-f\s]*)>|(>>))")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _quick_info(fh) -> Optional[dict]:
    """The Info dictionary of a PDF as reportlab and pypdf write it (one cross-reference table from object 0,
    the trailer at the end), read from three places in the file; None for any other layout."""
    fh.seek(0, io.SEEK_END)
    size = fh.tell()
    fh.seek(max(0, size - 1024))
    tail = fh.read()
    end, info = _TAIL.search(tail), re.findall(rb"/Info\s+(\d+)\s+0\s+R", tail)
    if not end or not info:
        return None
    fh.seek(int(end[1]))
    table = _XREF.match(fh.read(64))
    number = int(info[-1])
    if not table or number >= int(table[1]):
        return None
    fh.seek(int(end[1]) + table.end() + 20 * number)
    entry = _ENTRY.match(fh.read(20))
    if not entry:
        return None
    fh.seek(int(entry[1]))
    obj = fh.read(16384)
    opened = re.match(rb"%d\s+0\s+obj\s*<<" % number, obj)
    return None if not opened else _dictionary(obj, opened.end())


def _dictionary(text: bytes, at: int) -> Optional[dict]:
    """The names and values of the PDF dictionary in ``text`` from ``at`` to its '>>' (strings decoded)."""
    out, key = {}, None
    while True:
        token = _TOKEN.match(text, at)
        if not token:
            return None
        at = token.end()
        if token[4]:
            return out
        if token[1] is not None:
            value = "/" + token[1].decode("latin-1")
        elif token[3] is not None:
            value = _decoded(bytes.fromhex(token[3].decode("ascii")))
        else:
            raw, at = _literal(text, at)
            value = _decoded(raw)
        if key is None:
            key = value
        else:
            out[key], key = value, None


def _literal(text: bytes, at: int) -> tuple[bytes, int]:
    """A literal string's bytes from ``at`` (just after its '('), and where it ends: escapes and nested
    parentheses as the PDF standard has them."""
    out, depth = bytearray(), 1
    while at < len(text):
        c = text[at:at + 1]
        at += 1
        if c == b"\\":
            nxt = text[at:at + 1]
            octal = re.match(rb"[0-7]{1,3}", text[at:at + 3])
            if octal:
                out.append(int(octal[0], 8) & 0xFF)
                at += len(octal[0])
            elif nxt in (b"\r", b"\n"):  # a line continued
                at += 2 if text[at:at + 2] == b"\r\n" else 1
            else:
                out += _ESCAPES.get(nxt, nxt)
                at += 1
            continue
        depth += {b"(": 1, b")": -1}.get(c, 0)
        if depth == 0:
            return bytes(out), at
        out += c
    raise ValueError("a string that does not end")


def _decoded(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")  # PDFDocEncoding, as far as a file name needs it


def owner(data) -> Optional[tuple[str, str]]:
    """(guide file name, role) from a PDF's Creator, ("", "") for a PDF studyguide wrote without them
    (an earlier version), None for anything else: a PDF of another program, or not a PDF."""
    info = _info(data)
    if info is None:
        return None
    creator = info.get("/Creator")
    found = _STAMP.match(creator or "")
    if found:
        return found["guide"], found["role"]
    # an earlier studyguide: "studyguide" in its PDFs; its class sets (pypdf) kept only the title and author
    if creator == PLAIN or (creator is None and info.get("/Producer") == "pypdf" and "/Title" in info
                            and info.get("/Author") is not None):
        return "", ""
    return None


def _other_guide_beside(recorded: str, guide: Optional[Path]) -> bool:
    """Whether the guide ``recorded`` in an old PDF is still a file beside ``guide`` (the guide being built)
    and not ``guide`` itself under another spelling (a case-insensitive file system's G.yaml for g.yaml).
    Not there: the guide was renamed (Unit 1.yaml → Unit-1.yaml, g.yaml → g.yml), its PDF is this one's.
    ``guide`` not known: taken as there (refused, as before)."""
    if guide is None:
        return True
    other = Path(guide).parent / recorded
    try:
        return other.is_file() and not os.path.samefile(other, guide)
    except OSError:  # the guide being built is not a file (read from elsewhere): nothing to compare
        return other.is_file()


def check(files: list[tuple[Path, bytes]], guide: Optional[Path] = None) -> None:
    """Refuse (BuildError, before anything is written) to replace a file that is not the same guide's
    same PDF: each PDF of ``files`` that says its guide (see :func:`stamp`) and would replace a file.
    ``guide``: the guide file they are made from; another guide's PDF is replaced when that guide is no
    longer beside it (a rename: see :func:`_other_guide_beside`)."""
    for target, data in files:
        if target.suffix.lower() != ".pdf" or not target.is_file():
            continue
        new = owner(data)
        if not new or not new[0]:
            continue  # not a guide's PDF (a theme's preview): no guide to tell apart
        try:
            with open(target, "rb") as fh:
                if not fh.read(1):
                    continue  # empty (a cloud-sync placeholder, a failed copy): nothing to lose
                fh.seek(0)
                old = owner(fh)
        except OSError:
            continue  # the write says what is wrong with it
        name, role = new
        where = Location(str(target))
        fix = "or build into another folder with -o"
        if old is None:  # the teacher's own file, or our PDF re-saved (annotated) or cut short by another program
            raise BuildError(where, f"is not a PDF studyguide wrote, so {name}'s {role} was not written over it "
                                    f"(nor the rest of {name}'s files): if it is {name}'s PDF saved by another "
                                    f"program, delete it (notes added to it are lost); if it is another file, move "
                                    f"or rename it; {fix}")
        if old[0] and old != new and (old[0] == name or _other_guide_beside(old[0], guide)):
            theirs = "the same guide's" if old[0] == name else f"{old[0]}'s"
            raise BuildError(where, f"is {theirs} {old[1]}, and {name}'s {role} would replace it; nothing of "
                                    f"{name} was written: rename one of the two guides, {fix}")
