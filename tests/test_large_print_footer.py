"""A long footer in large print on A4 (the title, the guide's footer, the version and seed, "Teacher copy"):
the title is cut with "…" (or the footer wraps) as far as the bottom margin needs, instead of the edition being
refused; only a footer that no cut of the title brings into the margin is refused."""
from __future__ import annotations

import pypdfium2
import pytest

from conftest import write_guide
from studyguide import api
from studyguide.classroom import SetOptions, build_set
from studyguide.errors import StudyguideError
from studyguide.pages import EDGE

CIVICS = """
title: "Unit 5 Review: How the U.S. Government Works"
footer: {footer}
versions: 2
seed: spring term
labels:
  answer_key: TEACHER COPY
questions:
  - type: short_answer
    prompt: Name the three branches of government.
    answer: Legislative, executive, judicial.
"""


def footer_lines(pdf) -> list[tuple[str, float, float]]:
    """Each page's text below the footer's rule: (text, bottom, top) in points from the paper's foot, line by line."""
    out = []
    doc = pypdfium2.PdfDocument(str(pdf))
    for page in doc:
        text = page.get_textpage()
        rows: dict[float, list] = {}
        for k in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(k)
            if top < 72 and text.get_text_range(k, 1).strip():
                rows.setdefault(round(bottom), []).append((k, bottom, top))
        for _, chars in sorted(rows.items(), reverse=True):
            first, last = chars[0][0], chars[-1][0]
            out.append((text.get_text_range(first, last - first + 1), min(c[1] for c in chars),
                        max(c[2] for c in chars)))
    return out


def test_a_long_large_print_footer_on_a4_is_cut_to_its_margin_not_refused(tmp_path):
    path = write_guide(tmp_path / "g", "civics.yaml", CIVICS.format(footer="Room 112"))
    result = build_set(path, tmp_path / "out", "a4", SetOptions(edition="large-print"))
    theme = api.theme_for(api.load(path), None, "large-print")
    files = {o.path.name: o.path for o in result.outputs}
    assert set(files) >= {"civics-large-print-A.pdf", "civics-large-print-A-key.pdf", "civics-large-print-B-key.pdf"}
    for name in ("civics-large-print-A.pdf", "civics-large-print-A-key.pdf"):
        lines = footer_lines(files[name])
        said = " ".join(text for text, _, _ in lines)
        assert "Room 112" in said and "Version A" in said and "Page 1 of 1" in said
        assert "Teacher copy" in said if "key" in name else "Teacher copy" not in said
        # every footer line on the paper (clear of the printer's edge) and under the body's bottom margin
        assert all(bottom >= EDGE - 4 and top <= theme.margin_bottom for _, bottom, top in lines), lines


def test_a_footer_no_cut_of_the_title_fits_is_still_refused(tmp_path):
    long = "Room 112 " + " ".join(["and the library's second floor reading room"] * 6)
    path = write_guide(tmp_path / "g", "civics.yaml", CIVICS.format(footer=f'"{long}"'))
    with pytest.raises(StudyguideError) as info:
        build_set(path, tmp_path / "out", "a4", SetOptions(edition="large-print"))
    message = str(info.value.problems[0])
    assert message.startswith(f"{path}:2:9: footer: the footer of each a4 page (the title, the footer, and 'Page 1 of 2')")
    assert "shorten the title and the footer" in message
    assert not (tmp_path / "out").exists()
