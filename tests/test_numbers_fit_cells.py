"""A number too wide for its matching cell is set smaller until it fits, never under 9 pt (16 pt in large print),
and the terms' column is never narrower than that: it is never cut (hfixA, r15), and it ran on past its cell,
over the letter "A." beside it on A5 and past the right margin in large print on A5 (smalls, r16)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import write_guide
from studyguide import api, render

LONG = "12345678901234567890"  # (20 digits: the longest run wordbreaks never cuts)
GUIDE = f"""\
title: Wide numbers
questions:
  - type: matching
    prompt: Match each number with its name.
    pairs:
      - left: "{LONG}"
        right: "98765432109876543210"
      - left: "1000000"
        right: one million
      - left: "1000000000"
        right: one billion
      - left: "1000"
        right: one thousand
"""


def _glyphs(pdf: bytes):
    """Each page's glyphs: (char, left, bottom, right, size)."""
    doc = pdfium.PdfDocument(pdf)
    for page in doc:
        text = page.get_textpage()
        found = []
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if char.strip():
                left, bottom, right, _ = text.get_charbox(i)
                found.append((char, left, bottom, right, pdfium.raw.FPDFText_GetFontSize(text, i)))
        yield page.get_width(), found


@pytest.mark.parametrize("edition, paper", [(None, "a5"), ("large-print", "a5"), ("readable", "a5"),
                                            ("large-print", "letter")])
def test_a_long_number_in_a_matching_stays_inside_its_cell(tmp_path, edition, paper):
    guide = api.load(write_guide(tmp_path, "wide.yaml", GUIDE))
    theme = api.theme_for(guide, "classic", edition=edition)
    built = render.render(guide, ("student", "key"), paper=paper, theme=theme)
    floor = 16.0 if edition == "large-print" else 9.0
    for role in ("student", "key"):
        digits = []
        for width, glyphs in _glyphs(built[role].pdf):
            right_edge = width - min(g[1] for g in glyphs)  # (the margins are even: the footer starts at the left one)
            for k, (char, left, bottom, right, size) in enumerate(glyphs):
                others = [g for g in glyphs[:k] + glyphs[k + 1:] if abs(g[2] - bottom) < 2]
                if char.isdigit():
                    if sum(g[0].isdigit() for g in others) >= 6:  # (a long number's, not the footer's "Page 1")
                        digits.append(size)  # on its row's baseline, as its item's number "1." or letter "D."
                        line = [g[2] for g in others if g[0].isdigit() or g[0] in "ABCD"] + [bottom]
                        assert max(line) - min(line) < 0.3, (role, char, line)
                    assert right <= right_edge + 0.5, (role, char, right, right_edge)  # (inside the text's width)
                    assert not [g[0] for g in others if min(right, g[3]) - max(left, g[1]) > 0.5], (role, char, left)
        assert min(digits) >= floor, (role, min(digits))
