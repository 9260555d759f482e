"""Stretchable gaps between questions (studyguide.glue), and a kept-together block measured with its gap
once: read back from the PDF, where each block starts and on which page."""
from __future__ import annotations

import io

import pypdfium2
import pytest
from conftest import GUIDES_DIR, norm, page_texts
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from studyguide import api, glue, inline, render
from studyguide._reportlab import Together

PAGE, GAP = 400.0, 20.0  # the frame's height, and each block's gap above it (points)
STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)


def _block(n: int, height: float) -> Together:
    """A block ``height`` tall whose first line reads "Block n", with the question's gap above it."""
    first = Paragraph(f"Block {n}", ParagraphStyle(f"t{n}", parent=STYLE, spaceBefore=GAP))
    block = Together([first, Spacer(1, height - STYLE.leading)])
    block.glue = True
    return block


def _build(heights, template=glue.GlueDocTemplate) -> bytes:
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


def test_a_question_that_misses_the_page_by_less_than_its_gaps_give_is_set_there():
    """Blocks of 126, 126 and 118 pt under 20-pt gaps need 410 pt where the page has 400: the third
    misses by 10 pt, and the two gaps on the page may give 20 (half each). It is set on page 1, each
    gap shrunk by 5 pt to 15, evenly; the first block keeps its place at the top."""
    heights = [126, 126, 118]
    before, after = _starts(_build(heights, BaseDocTemplate)), _starts(_build(heights))
    assert before[3][0] == 2 and after[3][0] == 1
    assert after[1] == before[1] and after[2][0] == 1
    assert before[2][1] - before[1][1] - 126 == pytest.approx(GAP, abs=0.05)
    assert after[2][1] - after[1][1] - 126 == pytest.approx(15, abs=0.05)
    assert after[3][1] - after[2][1] - 126 == pytest.approx(15, abs=0.05)


def test_a_question_that_misses_by_more_than_the_gaps_give_opens_the_next_page_and_nothing_moves():
    """21 pt over, 20 pt of give: the third block opens page 2, and the pages are drawn exactly as
    without glue (the same bytes)."""
    heights = [126, 126, 129]
    assert _starts(_build(heights))[3][0] == 2
    assert _build(heights) == _build(heights, BaseDocTemplate)


def test_a_question_that_misses_by_what_half_of_each_gap_gives_is_set_there():
    """20 pt over, 20 pt of give (each gap keeps half, 10 pt): the third block is set on page 1, each gap
    10 pt. With 40 % of each gap to give (16 pt, as before), it opened page 2."""
    heights = [126, 126, 128]
    starts = _starts(_build(heights))
    assert starts[3][0] == 1
    assert starts[2][1] - starts[1][1] - 126 == pytest.approx(10, abs=0.05)
    assert starts[3][1] - starts[2][1] - 126 == pytest.approx(10, abs=0.05)


def test_pages_where_everything_fits_are_drawn_byte_for_byte_as_before():
    heights = [100, 100, 100]
    assert {page for page, _ in _starts(_build(heights)).values()} == {1}
    assert _build(heights) == _build(heights, BaseDocTemplate)


def test_a_kept_together_block_counts_its_gap_once():
    """Blocks of 200 and 180 pt with a 20-pt gap between them: exactly the page's 400 pt. The second
    was measured with its gap twice (420 pt) and opened page 2, leaving 180 pt of page 1 empty."""
    starts = _starts(_build([200, 180], BaseDocTemplate))
    assert starts[2] == (1, pytest.approx(starts[1][1] + 200 + GAP, abs=0.05))


@pytest.mark.parametrize("theme, paper", [("classic", None), ("ink-saver", "a4")])
def test_every_note_on_the_answers_reaches_the_key(theme, paper):
    """The photosynthesis guide's last question's "Why:" goes to the key's notes after the handout. Measured
    ahead of time to plan the gaps, the notes were gathered before that question was drawn, and the key
    printed without them (a page shorter). Every question's explanation is in the key, in its words."""
    guide = api.load(GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml")
    docs = render.render(guide, paper=paper, theme=api.theme_for(guide, theme, None))
    key = norm(" ".join(page_texts(docs["key"].pdf)))
    notes = [q.explanation for q in guide.questions if q.explanation]
    assert len(notes) >= 10
    missing = [n for n, text in enumerate(notes, 1) if norm(inline.plain(text))[:40] not in key]
    assert not missing, f"notes not in the key: {missing}"
