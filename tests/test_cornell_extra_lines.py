"""Cornell notes with the extra-lines accommodation (its lines lengthen the summary, f878515): a summary too tall
to share a page with the notes' last rows, or taller than a page, still prints every line, without pages of one
point each or a blank page before it. Read back from the PDFs, page by page, handout and key."""
from __future__ import annotations

from pathlib import Path

from conftest import GUIDES_DIR, norm, page_texts
from studyguide import api, classroom, sheets
from studyguide.model import Accommodations
from test_blank_pages import empty_pages, ruled_lines

PHOTO = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"


def _cornell(paper: str, edition: str, extra: int) -> dict[str, bytes]:
    """{"student", "key"} of the guide's Cornell notes; ``extra`` lines asked for by the flag (that copy alone)."""
    options = classroom.SetOptions(format="cornell", edition=edition,
                                   accommodations=Accommodations(extra_lines=extra) if extra else None)
    files = classroom.build_set(PHOTO, PHOTO.parent / "out", paper, options, write=False).files
    return {("key" if Path(p).name.endswith("-key.pdf") else "student"): pdf for p, pdf in files}


def _theme(edition: str, paper: str):
    """The theme as the pages were laid out: its margins on small paper as sheets.fit narrows them."""
    return sheets.fit(api.theme_for(api.load(PHOTO), None, edition), paper)


def test_eight_extra_lines_in_large_print_send_no_points_over_a_page_at_a_time():
    """Letter, large print, 8 extra lines (13 for the summary): the last rows and the summary did not fit one page
    together, so the notes table sent its last points over with the summary page after page, and pages 7 and 8
    held two points and one (9 pages, the standard copy 7). The points now end the notes where they fit, and the
    summary opens the next page with its 13 lines: 8 pages."""
    standard, extra = _cornell("letter", "large-print", 0), _cornell("letter", "large-print", 8)
    for mode in ("student", "key"):
        pages = [norm(t) for t in page_texts(extra[mode])]
        assert len(pages) == len(page_texts(extra["student"])) == len(page_texts(standard[mode])) + 1, mode
        assert "Summary" in pages[-1] and "Deforestation" in pages[-2], mode
        assert pages[-2].count("•") >= 3, (mode, pages[-2])  # (its last points together, not one a page)


def test_twenty_extra_lines_on_a5_print_every_line_with_no_blank_page():
    """A5, 20 extra lines (25 for the summary, taller than the page): reportlab broke the page before a block that
    fits no page, even at a page's top, and the summary's heading kept with its lines did it again: page 8 of 10
    was blank, in the handout and the key, after two pages of one point each. Now the summary opens a page and
    its lines go on over the next: 25 lines, no page empty."""
    docs, theme = _cornell("a5", "standard", 20), _theme("standard", "a5")
    guide = api.load(PHOTO)
    for mode, pdf in docs.items():
        pages = [norm(t) for t in page_texts(pdf)]
        assert len(pages) == 7 and not empty_pages(guide, pdf, theme), (mode, len(pages))
        assert "Summary" in pages[5] and "Summary" not in pages[4], mode
    lines = [ruled_lines(docs["student"], n, theme) for n in (6, 7)]  # (the key's model answer inks rows too)
    assert sum(lines) == 25 and min(lines) > 0, lines
