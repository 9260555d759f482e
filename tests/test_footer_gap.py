"""Large print's footer keeps the standard edition's clear space under the text (print trial, maths LP p5).

The footer's rule was drawn its type size + 3 pt over its baseline: at large print's 16 pt it rose to 55 pt from
the paper's foot while the text area ends at 64.8, so an answer line at the foot of a page stood 9.8 pt over the
rule and the two read as a double rule (the standard edition: 17.3 pt). Measured in pixels, as printed."""
from __future__ import annotations

import functools
import io

import pypdfium2
import pytest

from conftest import write_guide
from studyguide import api, render
from studyguide.pages import EDGE

SCALE = 8  # pixels a point
DARK = bytes(1 if b < 200 else 0 for b in range(256))

GUIDE = "title: Lines at the foot\nquestions:\n" + "".join(f"""  - type: short_answer
    prompt: "Question {k}: what does the water cycle move?"
    lines: 2
    answer: Water.
""" for k in range(1, 21))


def foot_gaps(pdf: bytes, margin_bottom: float) -> list[tuple[int, float, float]]:
    """Each page whose lowest answer line lies on the text area's foot: (page, the line's lowest ink, the clear
    gap from it down to the next ink, the footer's rule or its letters), in points from the paper's foot."""
    out = []
    for number, page in enumerate(pypdfium2.PdfDocument(io.BytesIO(pdf)), 1):
        image = page.render(scale=SCALE, grayscale=True).to_pil().convert("L")
        width, height = image.size
        rows = 110 * SCALE  # the page's lowest 110 pt
        data = image.crop((0, height - rows, width, height)).tobytes()
        ink = [data[r * width:(r + 1) * width].translate(DARK).count(1) for r in range(rows)]
        up = lambda r: (rows - r) / SCALE  # a pixel row's top edge, in points from the paper's foot
        long = [r for r in range(rows) if ink[r] > 0.4 * width and up(r + 1) > margin_bottom - 2]
        if not long or abs(up(long[-1] + 1) - margin_bottom) > 1:
            continue  # no answer line on the foot of this page
        under = next(r for r in range(long[-1] + 1, rows) if ink[r])
        out.append((number, up(long[-1] + 1), up(long[-1] + 1) - up(under)))
    return out


@functools.lru_cache(maxsize=None)
def built(folder, theme_name: str, edition: str, paper: str = "letter"):
    path = write_guide(folder, "foot.yaml", GUIDE)
    guide = api.load(path)
    theme = api.theme_for(guide, theme_name, edition)
    done = render.render(guide, ("student", "key"), paper=paper, theme=theme)
    return theme, done["student"].pdf, done["key"].pdf


@pytest.mark.parametrize("theme_name", ["classic", "modern", "ink-saver"])
def test_large_print_keeps_the_standard_clear_space_over_the_footer(tmp_path_factory, theme_name):
    folder = tmp_path_factory.mktemp(theme_name)
    gaps = {}
    for edition in ("standard", "large-print"):
        theme, handout, key = built(folder, theme_name, edition)
        gaps[edition] = [foot_gaps(pdf, theme.margin_bottom) for pdf in (handout, key)]
        assert all(gaps[edition]), (edition, gaps[edition])  # (the guide sets a line on the foot in each)
    standard = min(gap for pages in gaps["standard"] for _, _, gap in pages)
    large = [(p, gap) for pages in gaps["large-print"] for p, _, gap in pages]
    assert all(gap >= standard for _, gap in large), (standard, large)


@pytest.mark.parametrize("paper", ["letter", "a4", "half-letter"])
def test_large_print_footer_hangs_under_its_rule_on_the_paper(tmp_path_factory, paper):
    """The 16 pt footer, lowered to keep the space, is all on the paper (EDGE, as pages.py keeps it) and all under
    its rule, with the page's number; the rule is as far under the text area as the standard edition's."""
    folder = tmp_path_factory.mktemp(paper)
    theme, handout, key = built(folder, "classic", "large-print", paper)
    for pdf in (handout, key):
        doc = pypdfium2.PdfDocument(io.BytesIO(pdf))
        for number, page in enumerate(doc, 1):
            rule = [o.get_bounds() for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH]
            rule = max(b[3] for b in rule if b[3] < theme.margin_bottom - 1)  # the footer's rule, its top
            text = page.get_textpage()
            boxes = [text.get_charbox(k) for k in range(text.count_chars()) if text.get_text_range(k, 1).strip()]
            foot = [b for b in boxes if b[3] < theme.margin_bottom]
            said = text.get_text_bounded(0, 0, page.get_width(), rule)
            assert f"Page {number} of {len(doc)}" in said, said
            assert min(b[1] for b in foot) >= EDGE - 4 and max(b[3] for b in foot) <= rule - 2, (paper, number)
