"""The key's "Notes on the Answers" heading has a heading's room above it under the handout's last activity,
also when its notes go on over the next page (keynotes.KeyNotes.split), measured in the key's PDF.

Split, the notes flowed one by one and the heading, first of them, had no space before it: in large print
it started 5 pt under the crossword's grid (review r6, z-lpk28.png), where a heading has 21 pt elsewhere.
"""
from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from conftest import CASES, GUIDES_DIR, rendered
from studyguide.theming.styles import make_styles

HEADING = "Notes on the Answers"


def heading_room(pdf: bytes) -> tuple[int, float, float]:
    """(page, room, the heading's size): from the lowest line or box drawn above the heading, across its width
    (a crossword's grid, a word search's border, an answer line), down to the top of the heading's glyphs."""
    doc = pdfium.PdfDocument(pdf)
    for index in range(len(doc)):
        page = doc[index]
        chars = page.get_textpage()
        text = chars.get_text_range()
        at = text.find(HEADING)
        if at < 0:
            continue
        boxes = [chars.get_charbox(at + k) for k in range(len(HEADING)) if not text[at + k].isspace()]
        top, left, right = max(b[3] for b in boxes), min(b[0] for b in boxes), max(b[2] for b in boxes)
        size = pdfium_raw.FPDFText_GetFontSize(chars.raw, at)
        drawn = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH], max_depth=3)]
        above = [b for (l, b, r, t) in drawn if b > top and l < right and r > left]
        assert above, "nothing drawn above the heading"
        return index + 1, min(above) - top, size
    raise AssertionError(f"no '{HEADING}' in the key")


@pytest.mark.parametrize("path, edition, page, pages", [
    (CASES / "frozen" / "china-foreign-police-training-2026-12.yaml", "large-print", 27, (27, 29)),  # a crossword
    (GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml", "large-print", 17, None),
    (GUIDES_DIR / "china-foreign-police-training.yaml", "readable", 13, None),
])
def test_the_notes_heading_has_a_heading_s_room_under_the_last_activity(path, edition, page, pages):
    _, theme, docs = rendered(path, edition=edition)  # (large print's pages are other tests' too)
    where, room, size = heading_room(docs["key"].pdf)
    assert where == page
    # the heading's space before (21 pt in large print, 14 in the others) at least, as under any other block
    want = make_styles(theme)["heading"].spaceBefore
    assert room >= want, f"{room:.1f} pt between the drawing above and the heading, a heading has {want}"
    assert room <= want + size  # no more than its space and the line's own room above its letters
    if pages:
        assert (docs["student"].pages, docs["key"].pages) == pages  # the room costs no page
