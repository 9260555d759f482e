"""Half and quarter sheets: a handout laid out on small paper, then printed two or four to a sheet.

The small pages are laid out like any other (render.py, at half-letter, A5, quarter-letter or
A6); :func:`impose` then places each page two or four times on a letter or A4 sheet (pypdf's
own page merging) and draws dashed cut lines between the copies (a reportlab overlay). One
sheet copied for 15 students and cut gives 30 half sheets; sheet N holds page N, so the key's
sheet N holds the same questions.
"""
from __future__ import annotations

import dataclasses
import io
from functools import lru_cache

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import inch

from .theming.styles import PAPER as SIZES  # letter, a4, and the four small papers

UP = {"half": 2, "quarter": 4}
# the full sheet a small paper is cut from
FULL = {"half-letter": "letter", "a5": "a4", "quarter-letter": "letter", "a6": "a4"}
_SMALL = {("half", "letter"): "half-letter", ("half", "a4"): "a5",
          ("quarter", "letter"): "quarter-letter", ("quarter", "a4"): "a6"}
# margins on small paper (inches): the most a theme's margin may be there, so the text keeps its room
_MARGINS = {"half": (0.5, 0.5, 0.7, 0.38), "quarter": (0.3, 0.32, 0.55, 0.28)}  # x, top, bottom, footer_y
_SIZE_OF = {"half-letter": "half", "a5": "half", "quarter-letter": "quarter", "a6": "quarter"}


def check_edition(sheet, edition, fmt=None) -> None:
    """Refuse (UsageError) quarter sheets in large print: an 18-point quarter page holds the title alone and a
    few words a line (a 4-page handout became 21 quarter pages, the first of them its title four times).
    An exit ticket may try: it must fit one page, and says so when it does not."""
    if sheet == "quarter" and edition == "large-print" and fmt != "exit-ticket":
        from .errors import UsageError

        raise UsageError("--sheet quarter with --edition large-print: a quarter page holds only the title and a few "
                         "words a line of 18-point text; use --sheet half for two large-print pages to a sheet, or "
                         "leave out --sheet for large print on full pages")


def sheet_of(paper: str):
    """"half" or "quarter" for a small paper (half-letter, A5, ...), None for a full sheet."""
    return _SIZE_OF.get(paper)


def imposed(sheet, edition):
    """The sheet (half, quarter) that small pages print two or four to, or None: pages on their own (a full
    page; the fillable edition, whose small pages keep their fields one to a page)."""
    return sheet if sheet and edition != "fillable" else None


def small_paper(paper: str, sheet: str) -> str:
    """The paper each copy is laid out on: --sheet half on letter → half-letter, on A4 → A5."""
    return _SMALL[sheet, FULL.get(paper, paper)]


def fit(theme, paper: str):
    """The theme with margins that suit ``paper``: a half or quarter page keeps narrow margins
    (the cut edge is the margin); letter and A4 are unchanged."""
    size = _SIZE_OF.get(paper)
    if size is None:
        return theme
    x, top, bottom, footer = (v * inch for v in _MARGINS[size])
    return dataclasses.replace(theme, margin_x=min(theme.margin_x, x), margin_top=min(theme.margin_top, top),
                               margin_bottom=min(theme.margin_bottom, bottom), footer_y=min(theme.footer_y, footer))


def _layout(small: str, up: int) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """The sheet's size and where each copy's lower-left corner goes, top left first."""
    w, h = SIZES[small]
    full = SIZES[FULL[small]]
    if up == 2:
        sw, sh = landscape(full)
        x0, y0 = (sw - 2 * w) / 2, (sh - h) / 2
        return (sw, sh), [(x0, y0), (x0 + w, y0)]
    sw, sh = full
    x0, y0 = (sw - 2 * w) / 2, (sh - 2 * h) / 2
    return (sw, sh), [(x0, y0 + h), (x0 + w, y0 + h), (x0, y0), (x0 + w, y0)]


SCISSORS = 11  # pt, the scissors on a cut line; the large-print edition's smallest type where it prints them
SCISSORS_LARGE = 16


@lru_cache(maxsize=8)
def _cut_lines(small: str, up: int, scissors: float = SCISSORS) -> bytes:
    """A one-page PDF of the sheet's dashed cut lines, with a pair of scissors (``scissors`` pt) on each."""
    from reportlab.pdfgen.canvas import Canvas

    from .theming import fonts

    (sw, sh), cells = _layout(small, up)
    w, h = SIZES[small]
    stream = io.BytesIO()
    fonts.register()
    c = Canvas(stream, pagesize=(sw, sh), invariant=1, initialFontName=fonts.REGULAR)  # not Helvetica: never embedded
    c.setStrokeGray(0.45)
    c.setFillGray(0.45)
    c.setLineWidth(0.5)
    c.setDash(4, 3)
    c.setFont(fonts.REGULAR, scissors)
    x = cells[0][0] + w
    c.line(x, 0, x, sh)
    c.saveState()
    c.translate(x + 4, 18)
    c.rotate(90)
    c.drawString(0, 0, "\u2702")
    c.restoreState()
    if up == 4:
        y = cells[0][1]
        c.line(0, y, sw, y)
        c.drawString(14, y - 4 * scissors / SCISSORS, "\u2702")  # (its middle on the line)
    c.showPage()
    c.save()
    return stream.getvalue()


def impose(pdf: bytes, small: str, up: int, scissors: float = SCISSORS) -> bytes:
    """Each page of ``pdf`` (laid out on ``small`` paper) ``up`` times on one full sheet, with cut lines
    (their scissors at ``scissors`` pt: SCISSORS_LARGE in large print, whose type is never under 16 pt).

    Each page becomes one form XObject drawn ``up`` times (the way imposition tools place pages), so a
    sheet holds one copy of the page's content, not ``up``, and nothing is parsed or recompressed:
    pypdf's merge_transformed_page re-parses every content stream for every copy (about 100 ms a page
    against about 2).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(pdf))
    cuts_reader = PdfReader(io.BytesIO(_cut_lines(small, up, scissors)))
    (sw, sh), cells = _layout(small, up)
    writer = PdfWriter()
    cuts = _form(writer, cuts_reader.pages[0])
    place = "".join(f"q 1 0 0 1 {x:.3f} {y:.3f} cm /P Do Q\n" for x, y in cells) + "/C Do\n"
    for page in reader.pages:
        sheet = writer.add_blank_page(width=sw, height=sh)
        xobjects = {NameObject("/P"): _form(writer, page), NameObject("/C"): cuts}
        sheet[NameObject("/Resources")] = _dict({"/XObject": _dict(xobjects)})
        sheet.replace_contents(_stream(place.encode("ascii")))
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items()
                             if k in ("/Title", "/Author", "/Subject", "/Creator", "/Producer")})
    lang = reader.trailer["/Root"].get("/Lang")
    if lang is not None:
        writer.root_object[NameObject("/Lang")] = lang
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _dict(values: dict):
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject({NameObject(k) if isinstance(k, str) else k: v for k, v in values.items()})


def _stream(data: bytes):
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode()


def _form(writer, page):
    """``page`` as a form XObject in ``writer``: its content stream, copied as it is (still compressed)
    and given the page's resources and box. Returns the form's reference."""
    from pypdf.generic import ArrayObject, FloatObject, NameObject

    contents = page["/Contents"]
    if not hasattr(contents, "get_object") or isinstance(contents.get_object(), ArrayObject):
        raise ValueError("a page made of several content streams")  # reportlab writes one per page
    form = contents.get_object().clone(writer)  # clone() places it in the writer, as its own object
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject(FloatObject(v) for v in page.mediabox),
                 NameObject("/Resources"): page["/Resources"].get_object().clone(writer)})
    return form.indirect_reference
