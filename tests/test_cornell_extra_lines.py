"""Cornell notes with the extra-lines accommodation (its lines lengthen the summary, f878515): a summary too tall
to share a page with the notes' last rows, or taller than a page, still prints every line, without pages of one
point each or a blank page before it. Read back from the PDFs, page by page, handout and key."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import CASES, GUIDES_DIR, Pdf, norm, page_texts
from hostile_support import cli_inprocess
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
    was blank, in the handout and the key, after two pages of one point each. Then the summary opened a page and
    its lines went on over the next (7 pages, page 5 two thirds empty under the notes' last points); now it starts
    under the notes there and goes on over the next page, as an essay's lines do: 25 lines, 6 pages, none empty."""
    docs, theme = _cornell("a5", "standard", 20), _theme("standard", "a5")
    guide = api.load(PHOTO)
    for mode, pdf in docs.items():
        pages = [norm(t) for t in page_texts(pdf)]
        assert len(pages) == 6 and not empty_pages(guide, pdf, theme), (mode, len(pages))
        assert "Deforestation" in pages[4] and pages[4].index("Deforestation") < pages[4].index("Summary"), mode
    lines = [ruled_lines(docs["student"], n, theme) for n in (5, 6)]  # (the key's model answer inks rows too)
    assert lines == [13 + 1, 12], lines  # (page 5: the notes table's last rule too)


# A summary taller than a page starts under the notes and goes on over the page (it opened the page after the notes:
# page 2 mostly empty, page 4 three lines alone); one that fits a page but not under the notes takes the next page
# whole, and `build` says so at `accommodations:`, with the count that would keep it under the notes.
WATER = CASES / "layout" / "water-cycle.yaml"  # (three topics of notes: they end near the top of page 2)


def _build(tmp_path, extra: int):
    text = WATER.read_text(encoding="utf-8").replace("paper: letter\n", f"paper: letter\naccommodations: {{extra_lines: {extra}}}\n")
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "water-cycle.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"accommodations: {{extra_lines: {extra}}}") + 1
    run = cli_inprocess(["build", path, "--format", "cornell", "--edition", "large-print", "-o", tmp_path / "out"],
                        tmp_path, limit=120)
    assert run.code == 0, run.err
    name = f"water-cycle-cornell-large-print-extra-lines-{extra}"
    return (Pdf(tmp_path / "out" / f"{name}.pdf"), Pdf(tmp_path / "out" / f"{name}-key.pdf"),
            [w for w in run.err.splitlines() if "Cornell summary" in w], f"{path}:{line}:17")  # (at the accommodations asked


def test_a_summary_taller_than_a_page_starts_under_the_notes(tmp_path):
    handout, key, said, _ = _build(tmp_path, 15)
    assert (handout.page_count, key.page_count) == (3, 3)  # (4 and 4, the last page three lines)
    for pdf in (handout, key):
        assert "Wells pump faster than many" in pdf.pages[1] and "Summary" in pdf.pages[1]
        assert pdf.pages[1].index("Wells pump") < pdf.pages[1].index("Summary")
    assert key.pages[1].split("Summary ")[1].startswith("Water moves in a loop")  # (the model, under its heading)
    assert said == []


def test_a_summary_that_the_extra_lines_send_to_a_page_of_its_own_is_said_at_accommodations(tmp_path):
    handout, key, said, where = _build(tmp_path, 10)
    assert handout.page_count == 3 and re.fullmatch(r"Summary The Water Cycle and Drought · Page 3 of 3", handout.pages[2])
    assert said == [f"{where}: warning: accommodations: in the copy with 10 extra lines, the Cornell summary's 15 "
                    "lines do not fit under the notes, which end on page 2, so the summary opens page 3; "
                    "'extra_lines: 7' (or --extra-lines 7) would keep it under the notes on page 2 (the extra lines "
                    "always print in full)"]
    handout, _, said, _ = _build(tmp_path / "seven", 7)
    assert handout.page_count == 2 and "Summary" in handout.pages[1] and said == []  # (the count it names: true)
