"""Large print on a narrow page (half sheets, A5) with versions: "Version A   Total: 19 points" left the name
a few points beside it, so Name / Date / Period were set small enough to fit there (about 1 pt) and the key's
ANSWER KEY band printed under the version. The total now takes a row of its own when it crowds them."""
from __future__ import annotations

import pypdfium2
import pypdfium2.raw as pdfium_c

from conftest import write_guide
from studyguide.classroom import SetOptions, build_set

GUIDE = """
title: Inside the Earth and Plate Tectonics
subject: Earth Science
grade: 6-8
versions: 2
questions:
  - type: multiple_choice
    prompt: Which layer is liquid?
    choices: [The crust, The mantle, The outer core, The inner core]
    answer: C
    points: 10
  - type: true_false
    prompt: Plates move a few centimetres a year.
    answer: true
"""


def words(pdf, page: int = 0) -> list[tuple[str, float, tuple]]:
    """The page's words: (text, font size, (left, bottom, right, top))."""
    text = pypdfium2.PdfDocument(str(pdf))[page].get_textpage()
    out, cur = [], []
    for k in range(text.count_chars() + 1):
        ch = text.get_text_range(k, 1) if k < text.count_chars() else " "
        if ch.strip():
            cur.append((ch, pdfium_c.FPDFText_GetFontSize(text.raw, k), text.get_charbox(k)))
            continue
        if cur:
            boxes = [c[2] for c in cur]
            out.append(("".join(c[0] for c in cur), min(c[1] for c in cur),
                        (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                         max(b[3] for b in boxes))))
            cur = []
    return out


def test_half_sheet_large_print_versions_print_name_date_period_at_full_size(tmp_path):
    path = write_guide(tmp_path / "g", "earth.yaml", GUIDE)
    result = build_set(path, tmp_path / "out", None, SetOptions(edition="large-print", sheet="half"))
    files = {o.path.name: o.path for o in result.outputs}
    said = words(files["earth-half-large-print-A.pdf"])
    for label in ("Name", "Date", "Period"):
        sizes = [size for text, size, _ in said if text == label]
        assert len(sizes) == 2 and min(sizes) >= 17.5, (label, sizes)  # both halves, at large print's 18 pt
    key = words(files["earth-half-large-print-A-key.pdf"])
    banner = [box for text, _, box in key if text in ("ANSWER", "KEY")]
    version = [box for text, _, box in key if text in ("Version", "A", "Total:", "11", "points")]
    assert banner and version
    overlaps = [(b, v) for b in banner for v in version
                if b[0] < v[2] and v[0] < b[2] and b[1] < v[3] and v[1] < b[3]]
    assert not overlaps, overlaps
