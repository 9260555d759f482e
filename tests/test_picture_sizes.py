"""Pictures that questions read stay readable (a teacher's trial, r10 H2 and M2). pe-heart.yaml is the trial's
guide: a 1200 × 1000 diagram (Figure 1) and a 2400 × 700 chart with 28-pixel labels (Figure 2) that questions 3,
7 and 10 read. On half sheets the chart was shrunk to 2.53 in to finish page 2 (labels about 2 pt) with no word
(now it opens page 3 at the half sheet's width: layout.sections.Pictured);
on letter it printed 5.50 in wide with 7 in free, and large print never enlarged a picture.

Now a wide picture takes the text's full width, large print scales a picture ×18/11 (to the text's width), and
none shrinks under 80 % of its size to finish a page, where that adds no page and no page short (a build that
would gain one keeps the old size); a picture that questions read and that still prints under 80 % of its size
on a letter page is told at its line. Widths are read from the PDF's image objects."""
from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from conftest import CASES, cli_main

TRIAL = CASES / "trial"
LAYOUT = CASES / "layout"


def _copy(tmp_path, folder, *names):
    for name in names:
        shutil.copy(folder / name, tmp_path / name)


def widths(pdf) -> list[tuple[int, float]]:
    """(page, printed width in inches) of each image drawn in ``pdf``."""
    out = []
    for number, page in enumerate(pdfium.PdfDocument(pdf), 1):
        for image in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            left, _, right, _ = image.get_bounds()
            out.append((number, round((right - left) / 72, 2)))
    return out


def _pages(pdf) -> int:
    return len(pdfium.PdfDocument(pdf))


def _pe(tmp_path):
    _copy(tmp_path, TRIAL, "pe-heart.yaml", "heart-lungs.png", "heart-rate-chart.png")


def _said(run) -> list[str]:
    return [line for line in (run.stdout + run.stderr).splitlines() if "which questions" in line]


def test_a_wide_chart_takes_the_full_width_of_a_letter_page(tmp_path):
    """Was 5.50 in (80 % of the text, 5.5 in at most); the text is 7 in wide: the chart's labels print 27 % larger,
    handout and key alike, in the same 5 pages, and no warning (it prints at its full size)."""
    _pe(tmp_path)
    run = cli_main("build", "pe-heart.yaml", "-o", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for pdf in ("out/pe-heart.pdf", "out/pe-heart-key.pdf"):
        assert widths(tmp_path / pdf) == [(1, 3.75), (2, 7.0)], pdf
        assert _pages(tmp_path / pdf) == 5
    assert _said(run) == []


HALF = ("pe-heart.yaml:24:12: warning: picture 'heart-rate-chart.png', which questions 3, 7 and 10 read, prints "
        "4.50 in (11.4 cm) wide, 64% of the 7.00 in it prints at on a letter page with room: its labels and numbers "
        "print 64% of their size there and may be too small to read; build it on letter or A4 pages, or use a "
        "picture with larger labels")


def test_half_sheets_tell_the_chart_three_questions_read_prints_small(tmp_path):
    """On half sheets the chart prints at the half sheet's text width, 4.50 in, on page 2 under its topic's text, in
    the same 7 pages. It was squeezed there to 2.53 in (36 %), its floor: the heart topic before it had moved whole
    from page 1 to page 2. The layout with pictures at readable sizes (mending.pictures_full) now keeps that topic's
    text at the foot of page 1 and opens page 2 with its diagram (layout.sections.Pictured). 4.50 in is still 64 %
    of the chart's letter size, and build and check both say so, once, at the chart's line, with the fix. The text
    and the pictures per page, handout and key alike."""
    _pe(tmp_path)
    run = cli_main("build", "pe-heart.yaml", "-o", "out", "--sheet", "half", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert _said(run) == [HALF]
    for name in ("pe-heart-half.pdf", "pe-heart-half-key.pdf"):
        pdf = tmp_path / "out" / name
        assert _pages(pdf) == 7
        assert widths(pdf) == [(2, 3.6), (2, 4.5)] * 2, name  # (two copies on each sheet)
        text = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]
        assert "The heart and lungs" in text[0] and "thickest wall" in text[0], name
        assert "Figure 1." in text[1] and "Heart rate during a PE class" in text[1] and "Figure 2." in text[1]
        assert text[2].lstrip().startswith("Key Takeaways"), name
    check = cli_main("check", "pe-heart.yaml", "--sheet", "half", cwd=tmp_path)
    assert _said(check) == [HALF]


def test_a5_pages_tell_it_too_at_the_width_it_prints(tmp_path):
    """On A5 the chart takes the page's full text width, 4.83 in (was 3.86): still 69 % of its letter size. It prints
    on page 2 under its topic's text, after the diagram: the heart topic's text ends page 1 (layout.sections.Pictured,
    in the layout with pictures at readable sizes), where that topic had moved whole to page 2 and left page 1 about
    40 % empty, and the chart's topic then had page 3. 7 pages, not 8."""
    _pe(tmp_path)
    run = cli_main("build", "pe-heart.yaml", "-o", "out", "--paper", "a5", cwd=tmp_path)
    pdf = tmp_path / "out/pe-heart.pdf"
    assert widths(pdf) == [(2, 3.86), (2, 4.83)]
    assert _pages(pdf) == 7
    text = [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]
    assert "thickest wall" in text[0] and "Figure 2." in text[1] and text[2].lstrip().startswith("Key Takeaways")
    assert _said(run) == [HALF.replace("4.50 in (11.4 cm)", "4.83 in (12.3 cm)").replace("64%", "69%")]


def test_large_print_keeps_the_standard_size_where_the_larger_one_costs_a_page(tmp_path):
    """Enlarged ×18/11, pe-heart's large print would take 11 pages for 10: it takes the size the standard edition
    prints on letter (the chart the text's 7.00 in, r14 trial finding 1: it fell back to 5.50 in, with a warning
    that its labels printed 79 % of their size), in the same 10 pages; at that size nothing is to be told. (Where
    even that costs a page, as for music-theory-basics, the old 5.50 in and its warning stay.)"""
    _pe(tmp_path)
    run = cli_main("build", "pe-heart.yaml", "-o", "out", "--edition", "large-print", cwd=tmp_path)
    for pdf in ("pe-heart-large-print.pdf", "pe-heart-large-print-key.pdf"):
        assert widths(tmp_path / "out" / pdf) == [(2, 4.32), (3, 7.0)], pdf
        assert _pages(tmp_path / "out" / pdf) == 10
    assert _said(run) == []


def test_large_print_never_prints_a_wide_picture_smaller_than_the_standard_edition(tmp_path):
    """The r14 trial's chemistry guide: its 1500 × 600 mole map prints the text's 7.00 in on the letter handout,
    but 5.50 in (79 %, labels about 9.5 pt for 12) in large print, where enlarging it ×18/11 would cost a page
    (the extra-lines copy, laid out apart, got 7.00 in). Now large print tries the standard edition's size
    next: 7.00 in in every copy, handout and key, in the same 16 and 17 pages ("Key Topics" and the whole first
    topic now open page 3 above the map, page 2 ending on the objectives)."""
    _copy(tmp_path, TRIAL, "chemistry-moles.yaml", "mole-map.png")
    run = cli_main("build", "chemistry-moles.yaml", "-o", "std", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert widths(tmp_path / "std/chemistry-moles.pdf") == [(2, 7.0)]
    run = cli_main("build", "chemistry-moles.yaml", "-o", "out", "--edition", "large-print", cwd=tmp_path,
                   timeout=240)  # (two copies of 16 and 17 pages: over a minute on a busy machine)
    assert run.returncode == 0, run.stderr
    for pdf, pages in (("chemistry-moles-large-print.pdf", 16), ("chemistry-moles-large-print-key.pdf", 17),
                       ("chemistry-moles-large-print-extra-lines-2.pdf", 16)):
        assert widths(tmp_path / "out" / pdf) == [(3, 7.0)], pdf
        assert _pages(tmp_path / "out" / pdf) == pages, pdf


def test_large_print_enlarges_a_picture_where_that_costs_no_page(tmp_path):
    """cellular-respiration's 1600 × 560 energy cycle: 5.50 in wide in large print before (as in the standard
    edition), now the text's 7.00 in, in the same 18 pages, handout and key (classic; in the guide's modern theme
    the larger picture would leave a page short, and it keeps its size)."""
    _copy(tmp_path, LAYOUT, "cellular-respiration.yaml", "energy-cycle.png")
    run = cli_main("build", "cellular-respiration.yaml", "-o", "out", "--edition", "large-print", "--theme", "classic",
                  cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for pdf in ("cellular-respiration-large-print.pdf", "cellular-respiration-large-print-key.pdf"):
        assert widths(tmp_path / "out" / pdf) == [(4, 7.0)], pdf
        assert _pages(tmp_path / "out" / pdf) == 18


def test_a_picture_is_not_shrunk_under_four_fifths_to_finish_a_page_when_the_next_page_has_room(tmp_path):
    """The trial's Renaissance guide on A4: its 500 × 1400 portrait was shrunk to 0.92 in (71 %) to end page 1;
    now it opens page 2 at its 1.29 in, the guide still 8 pages."""
    _copy(tmp_path, TRIAL, "rinascimento.yaml", "icona.png", "ritratto-alto.png", "panorama-firenze.jpg")
    run = cli_main("build", "rinascimento.yaml", "-o", "out", "--paper", "a4", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    printed = widths(tmp_path / "out/rinascimento.pdf")
    assert (2, 1.29) in printed and (1, 0.92) not in printed, printed
    assert _pages(tmp_path / "out/rinascimento.pdf") == 8


def _low_res_chart(tmp_path, wide: int):
    """The trial's chart saved ``wide`` pixels wide (its shape kept)."""
    from PIL import Image

    with Image.open(tmp_path / "heart-rate-chart.png") as im:
        im.resize((wide, round(wide * im.height / im.width))).save(tmp_path / "heart-rate-chart.png")


def test_a_wide_picture_is_not_widened_past_150_pixels_an_inch(tmp_path):
    """Saved 900 pixels wide, the chart takes 6.00 in of the letter page's 7 (150 pixels an inch), not 7.00
    (129: blurred), and lowres says nothing."""
    _pe(tmp_path)
    _low_res_chart(tmp_path, 900)
    run = cli_main("build", "pe-heart.yaml", "-o", "out", cwd=tmp_path)
    assert widths(tmp_path / "out/pe-heart.pdf") == [(1, 3.75), (2, 6.0)]
    assert "pixels an inch" not in run.stderr + run.stdout


def test_a_low_res_chart_on_half_sheets_is_told_at_the_width_it_prints(tmp_path):
    """Saved 500 pixels wide, the chart on half sheets prints under its topic's text at 2.53 in (the tighter
    half-sheet layout's room), about 198 pixels an inch: not blurred, so only its smallness is told, at the width
    it prints; the 3.60 in of the layout tried first and dropped is never told."""
    _pe(tmp_path)
    _low_res_chart(tmp_path, 500)
    run = cli_main("build", "pe-heart.yaml", "-o", "out", "--sheet", "half", cwd=tmp_path)
    assert widths(tmp_path / "out/pe-heart-half.pdf") == [(2, 3.6), (2, 2.53), (2, 3.6), (2, 2.53)]
    assert [line for line in (run.stdout + run.stderr).splitlines() if "pixels an inch" in line] == []
    assert _said(run) == [HALF.replace("4.50 in (11.4 cm)", "2.53 in (6.4 cm)").replace(
        "64% of the 7.00 in", "46% of the 5.50 in").replace("print 64%", "print 46%")]
