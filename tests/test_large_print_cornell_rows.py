"""Large-print Cornell notes with pictures (r14 scan2 finding 7). n10-pictures-cues.yaml is the scan's guide of
three pictures with long captions, cues added. Its large-print Cornell notes took 5 pages, 3 of them short: page 2
held the square picture and its caption over 31 % of blank paper, because the next topic's title and summary sat
in one table row a little taller than the room. A row's notes now go on over a page that would end short; the
pictures print at the standard edition's size (the large-print floor) where the ×18/11 size costs that page.
Read back from the PDFs: the text on each page, where the images print and how big, and each page's blank foot."""
from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytest
import reportlab

from conftest import CASES, Pdf, cli_main
from test_pictures_small_pages import _empty_under_text  # (the same measure of a page's empty foot)

LAYOUT = CASES / "layout"


def _build(tmp_path, *args):
    for name in ("n10-pictures-cues.yaml", "pic-sq.png", "pic-wide2.png", "pic-tall2.png"):
        shutil.copy(LAYOUT / name, tmp_path / name)
    run = cli_main("build", "n10-pictures-cues.yaml", "--format", "cornell", "-o", "out", "-j", "1", *args,
                   cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    stem = "n10-pictures-cues-cornell" + ("-large-print" if "large-print" in args else "")
    return [tmp_path / "out" / f"{stem}{end}.pdf" for end in ("", "-key")]


def _image_sizes(pdf: Pdf) -> list[tuple[int, float, float]]:
    """(page number, width, height in inches) of each image drawn."""
    found = []
    for n, page in enumerate(pdf.reader.pages, 1):
        def visit(op, args, cm, tm, n=n):
            if op == b"Do":
                found.append((n, round(cm[0] / 72, 2), round(cm[3] / 72, 2)))
        page.extract_text(visitor_operand_before=visit)
    return found


@pytest.mark.skipif(tuple(int(x) for x in reportlab.Version.split(".")[:2]) < (4, 1),
                    reason="measured: reportlab 4.0.4 does not cut this row of notes (5 pages), 5.1.0 does (4)")
def test_large_print_cornell_notes_go_on_over_a_page_under_a_picture(tmp_path):
    paths = _build(tmp_path, "--edition", "large-print")
    handout, key = (Pdf(p) for p in paths)
    assert handout.page_count == key.page_count == 4  # (5 before, pages 1, 2 and 4 short)
    for pdf in (handout, key):
        pages = pdf.pages
        assert "Figure 1." in pages[1] and "Wide" in pages[1]  # the next topic's title under the square picture
        assert "Explains membrane" in pages[1] and "Expedition glacier harvest fertile nerve" in pages[1]
        assert "membrane battery remote railway variable tariff ancient" in pages[2]  # its summary goes on
        assert "Why is the picture wide?" in pages[1]  # the cue beside the first part of the row
        assert "Figure 3." in pages[3] and "Summary" in pages[3]
    assert "Explains membrane union nerve" in key.pages[1] and "Explains membrane nerve" in handout.pages[1]  # blanks
    # the pictures print at the standard edition's size (3.6 in tall at most), none under it
    assert _image_sizes(handout) == [(2, 3.6, 3.6), (3, 7.0, 2.33), (4, 1.64, 3.6)]
    for path in paths:
        doc = pdfium.PdfDocument(str(path))
        empty = [_empty_under_text(doc[i]) for i in range(len(doc))]
        assert empty[0] > 0.3  # page 1: the square picture (5.4 in with its caption) misses its 3.8 in
        assert all(e < 0.05 for e in empty[1:]), empty  # 31 % on page 2, 38 % on page 4 before


def test_standard_cornell_rows_still_move_whole(tmp_path):
    """The standard edition's Cornell notes keep each row whole: the topic's summary is not cut over a page."""
    handout = Pdf(_build(tmp_path)[0])
    for page in handout.pages:
        if "Explains membrane" in page:
            assert "Expedition glacier harvest fertile nerve membrane battery remote railway" in " ".join(page.split())
