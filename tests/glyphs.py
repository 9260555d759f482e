"""What a PDF really draws: each shown character's glyph in the embedded font subset.

Extracted text cannot see a missing glyph: the PDF's ToUnicode map turns a box
back into the right letter. These helpers read the font programs themselves
(pypdf for the PDF's objects, fontTools for the embedded TrueType subsets) and
look up the glyph each shown byte selects.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pypdf
from fontTools.ttLib import TTFont
from pypdf.generic import IndirectObject

_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
# a content stream's tokens: strings (literal or hex), names, arrays' brackets, numbers and operators
_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>]+|\[|\]|[^\s/\[\]()<>]+", re.S)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _string(token: bytes) -> bytes:
    if token[:1] == b"<":
        return bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode())
    def unescape(m):
        e = m.group(1)
        return bytes([int(e, 8) & 0xFF]) if e[:1].isdigit() else _ESCAPES.get(e, e)
    return _ESCAPE.sub(unescape, token[1:-1])


def _operations(data: bytes):
    """(operands, operator) of a content stream; strings as bytes, names as b'/Name'."""
    operands: list = []
    stack: list = []
    for token in _TOKEN.findall(data):
        first = token[:1]
        if first == b"[":
            stack.append(operands)
            operands = []
        elif first == b"]":
            inner, operands = operands, stack.pop()
            operands.append(inner)
        elif first in (b"(", b"<"):
            operands.append(_string(token))
        elif first == b"/" or first in b"+-.0123456789":
            operands.append(token)
        else:
            yield operands, token
            operands = []


@dataclass(frozen=True)
class Drawn:
    page: int      # 1-based
    font: str      # BaseFont, without '/'
    code: int      # the byte shown
    char: str      # what the ToUnicode map says it is
    glyph: str     # the glyph's name in the embedded subset ('.notdef' for a box)


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _to_unicode(font) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = _resolve(stream).get_data()
    out: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        values = _HEX.findall(block)
        for src, dst in zip(values[::2], values[1::2]):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in _BFRANGE.findall(data):
        values = _HEX.findall(block)
        for lo, hi, dst in zip(values[::3], values[1::3], values[2::3]):
            first = int(dst, 16)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + k)
    return out


class _Font:
    def __init__(self, font):
        self.name = str(font.get("/BaseFont", "")).lstrip("/")
        self.unicode = _to_unicode(font)
        descriptor = _resolve(font.get("/FontDescriptor")) if font.get("/FontDescriptor") is not None else None
        program = descriptor.get("/FontFile2") if descriptor is not None else None
        self.embedded = descriptor is not None and any(
            descriptor.get(k) is not None for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        self.cmap: dict[int, str] | None = None
        if program is not None:
            tt = TTFont(io.BytesIO(_resolve(program).get_data()))
            table = next((t for t in tt["cmap"].tables if (t.platformID, t.platEncID) in ((1, 0), (3, 0), (3, 1))), None)
            self.cmap = dict(table.cmap) if table is not None else {}
            self.order = tt.getGlyphOrder()

    def glyph(self, code: int) -> str:
        if self.cmap is None:
            return "?"  # not a TrueType program: nothing to look up
        name = self.cmap.get(code, ".notdef")
        return ".notdef" if name == self.order[0] else name


def _strings(operator: bytes, operands) -> list[bytes]:
    if operator in (b"Tj", b"'"):
        return [operands[-1]]
    if operator == b'"':
        return [operands[-1]]
    if operator == b"TJ":
        return [x for x in operands[-1] if isinstance(x, bytes) and x[:1] not in (b"/",) and not _number(x)]
    return []


def _number(token: bytes) -> bool:
    return bool(re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", token))


def drawn(source) -> list[Drawn]:
    """Every character shown in a PDF (a path, bytes or a PdfReader), with its glyph."""
    if isinstance(source, (str, Path)):
        source = Path(source).read_bytes()
    reader = source if isinstance(source, pypdf.PdfReader) else pypdf.PdfReader(io.BytesIO(source))
    loaded: dict = {}
    out: list[Drawn] = []

    def show(number: int, resources, data: bytes, depth: int = 0) -> None:
        resources = _resolve(resources) or {}
        fonts = _resolve(resources.get("/Font", {})) or {}
        forms = _resolve(resources.get("/XObject", {})) or {}
        current = None
        for operands, operator in _operations(data):
            if operator == b"Tf":
                ref = fonts.get(operands[0].decode("latin-1"))
                key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
                if key not in loaded:
                    loaded[key] = _Font(_resolve(ref))
                current = loaded[key]
            elif operator == b"Do" and depth < 8:  # a form (an imposed page, cut lines): its own text
                form = _resolve(forms.get(operands[0].decode("latin-1")))
                if form is not None and str(form.get("/Subtype")) == "/Form":
                    show(number, form.get("/Resources"), form.get_data(), depth + 1)
            else:
                for text in _strings(operator, operands):
                    for code in text:
                        out.append(Drawn(number, current.name, code, current.unicode.get(code, chr(code)),
                                         current.glyph(code)))

    for number, page in enumerate(reader.pages, 1):
        contents = page.get_contents()
        if contents is not None:
            show(number, page.get("/Resources", {}), contents.get_data())
    return out


def boxes(source) -> list[Drawn]:
    """The shown characters that select the .notdef glyph: a box on paper."""
    return [d for d in drawn(source) if d.glyph == ".notdef" and not d.char.isspace()]


def assert_no_boxes(source, label: str = "PDF") -> None:
    found = boxes(source)
    if found:
        chars = sorted({(d.char, d.font) for d in found})[:10]
        listed = ", ".join(f"{c!r} (U+{ord(c[:1] or ' '):04X}) in {f}" for c, f in chars)
        raise AssertionError(f"{label}: {len(found)} characters print as boxes, e.g. {listed} "
                             f"(first on page {found[0].page})")


def fonts_listed(source) -> list[tuple[str, str, bool]]:
    """(BaseFont, Subtype, embedded) of every font any page or form on it uses: what pdffonts lists."""
    if isinstance(source, (str, Path)):
        source = Path(source).read_bytes()
    reader = source if isinstance(source, pypdf.PdfReader) else pypdf.PdfReader(io.BytesIO(source))
    seen: dict = {}

    def resources_of(resources, depth: int = 0):
        resources = _resolve(resources) or {}
        yield resources
        for ref in (_resolve(resources.get("/XObject", {})) or {}).values():
            form = _resolve(ref)
            if depth < 8 and str(form.get("/Subtype")) == "/Form":
                yield from resources_of(form.get("/Resources"), depth + 1)

    every = [r for page in reader.pages for r in resources_of(page.get("/Resources", {}))]
    for resources in every:
        fonts = _resolve(resources.get("/Font", {})) or {}
        for ref in fonts.values():
            font = _resolve(ref)
            name = str(font.get("/BaseFont", "")).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            if str(font.get("/Subtype")) == "/Type0":
                descendant = _resolve(_resolve(font["/DescendantFonts"])[0])
                descriptor = descendant.get("/FontDescriptor")
            descriptor = _resolve(descriptor) if descriptor is not None else None
            embedded = descriptor is not None and any(
                descriptor.get(k) is not None for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[name] = (name, str(font.get("/Subtype", "")).lstrip("/"), embedded)
    return sorted(seen.values())
