"""A kept-together block measured with its gap once: read back from the PDF, where each block starts
and on which page."""
from __future__ import annotations

import io

import pypdfium2
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from studyguide._reportlab import Together

PAGE, GAP = 400.0, 20.0  # the frame's height, and each block's gap above it (points)
STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)


def _block(n: int, height: float) -> Together:
    """A block ``height`` tall whose first line reads "Block n", with the question's gap above it."""
    first = Paragraph(f"Block {n}", ParagraphStyle(f"t{n}", parent=STYLE, spaceBefore=GAP))
    return Together([first, Spacer(1, height - STYLE.leading)])


def _build(heights, template=BaseDocTemplate) -> bytes:
    out = io.BytesIO()
    doc = template(out, pagesize=(300, PAGE + 72), leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36,
                   invariant=1)
    doc.addPageTemplates([PageTemplate(frames=[Frame(36, 36, 228, PAGE, id="f", leftPadding=0, rightPadding=0,
                                                     topPadding=0, bottomPadding=0)])])
    doc.build([_block(n, h) for n, h in enumerate(heights, 1)])
    return out.getvalue()


def _starts(pdf: bytes) -> dict[int, tuple[int, float]]:
    """block number → (page, the top of its first line, points from the page's top)."""
    found = {}
    doc = pypdfium2.PdfDocument(pdf)
    for p in range(len(doc)):
        page = doc[p]
        text, height = page.get_textpage(), page.get_height()
        for n in range(1, 10):
            search = text.search(f"Block {n}", match_whole_word=True)
            hit = search.get_next()
            if hit:
                top = text.get_charbox(hit[0])[3]
                found[n] = (p + 1, round(height - top, 1))
    return found


def test_a_kept_together_block_counts_its_gap_once():
    """Blocks of 200 and 180 pt with a 20-pt gap between them: exactly the page's 400 pt. The second
    was measured with its gap twice (420 pt) and opened page 2, leaving 180 pt of page 1 empty."""
    starts = _starts(_build([200, 180], BaseDocTemplate))
    assert starts[2] == (1, pytest.approx(starts[1][1] + 200 + GAP, abs=0.05))
