"""A topic's picture on small pages (r14 trial, finding 7). pe-healthy-habits.yaml has three topics with a
picture each. On A5 and half-letter paper the first topic and its picture moved whole to page 2 (the picture
could not shrink to 60 % beside the text), leaving page 1 37 % empty under the objectives. Now the text fills
the page it would leave short and the picture, with its caption, opens the next page. Read back from the PDFs:
the text on each page, where the images are drawn, and how much of page 1 is empty from its pixels."""
from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from conftest import CASES, cli_main

TRIAL = CASES / "trial"


def _build(tmp_path, paper):
    for name in ("pe-healthy-habits.yaml", "stretch.png", "heart-zones.png", "plate.png"):
        shutil.copy(TRIAL / name, tmp_path / name)
    run = cli_main("build", "pe-healthy-habits.yaml", "--paper", paper, "-o", "out", "-j", "1", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    return [tmp_path / "out" / name for name in ("pe-healthy-habits.pdf", "pe-healthy-habits-key.pdf")]


def _images(page) -> int:
    return len(list(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3)))


def _empty_under_text(page) -> float:
    """The share of the page's text area (6 % to 88 % of its height) left blank under its lowest mark."""
    im = page.render(scale=0.5).to_pil().convert("L")
    w, h = im.size
    top, bottom = int(h * 0.06), int(h * 0.88)
    px = im.load()
    inked = [y for y in range(top, bottom) if min(px[x, y] for x in range(0, w, 2)) < 200]
    return (bottom - max(inked, default=top)) / (bottom - top)


@pytest.mark.parametrize("paper", ["a5", "half-letter"])
def test_the_first_topic_fills_page_one_and_its_picture_opens_page_two(tmp_path, paper):
    for pdf in _build(tmp_path, paper):
        doc = pdfium.PdfDocument(pdf)
        one, two = (doc[i].get_textpage().get_text_range() for i in (0, 1))
        assert "Key Topics" in one and "Warm up and stretch" in one, pdf
        assert "Cool down by walking and stretching afterwards." in one, pdf  # (the topic's last point)
        assert _images(doc[0]) == 0 and _images(doc[1]) >= 1, pdf  # (the stick figure, at its size)
        assert "Reach up and hold each stretch for 15 seconds." in two, pdf  # (its caption goes with it)
        assert _empty_under_text(doc[0]) < 0.3, pdf  # (was 37 % on A5, 36 % on half-letter)
        assert len(doc) == 9, pdf  # (was 10: the room the topics left on pages 1 and 3 is used)


def test_a_title_and_one_line_do_not_go_on_without_their_picture(tmp_path):
    """Geometry's first topic is a title and one line ("Use this figure for questions 1, 6 and 9.") over its
    figure. Its text would fill a fifth of the room page 1 has left, so it opens page 2 with its figure, as
    before, and is not left at the foot of page 1 with the figure over the page."""
    for name in ("geometry-circles-triangles.yaml", "figure1-circle-triangle.png"):
        shutil.copy(TRIAL / name, tmp_path / name)
    run = cli_main("build", "geometry-circles-triangles.yaml", "-o", "out", "-j", "1", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for name in ("geometry-circles-triangles.pdf", "geometry-circles-triangles-key.pdf"):
        doc = pdfium.PdfDocument(tmp_path / "out" / name)
        one, two = (doc[i].get_textpage().get_text_range() for i in (0, 1))
        assert "Use this figure" not in one and "Key Topics" not in one, name
        assert "Use this figure for questions 1, 6 and 9." in two and _images(doc[1]) >= 1, name
