"""A guide of 100 questions or more: each number ends clear of its prompt (the 1,000-question guide
printed "898.Question 897", the number run into the text)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import write_guide
from studyguide import api, render


def _guide(tmp_path, count: int):
    questions = "".join(f"\n  - type: true_false\n    prompt: Water boils at sea level in case {k}.\n    answer: true"
                        for k in range(1, count + 1))
    return api.load(write_guide(tmp_path, "many.yaml", f"title: Many\nquestions:{questions}\n"))


def _gaps(pdf: bytes, numbers: range) -> dict[int, float]:
    """number → the room between its label's right edge ("105.") and its prompt's first letter."""
    doc, out = pdfium.PdfDocument(pdf), {}
    for page in doc:
        text = page.get_textpage()
        whole = text.get_text_range()
        for n in numbers:
            at = whole.find(f"{n}.Water") if f"{n}.Water" in whole else whole.find(f"{n}. Water")
            if at < 0 or n in out:
                continue
            label_end = text.get_charbox(at + len(str(n)))[2]  # (the full stop's right edge)
            first = whole.index("Water", at)
            out[n] = text.get_charbox(first)[0] - label_end
    return out


@pytest.mark.parametrize("edition", [None, "large-print"])
def test_three_digit_numbers_end_clear_of_their_prompts(tmp_path, edition):
    guide = _guide(tmp_path, 120)
    pdf = render.render(guide, theme=api.theme_for(guide, None, edition))["student"].pdf
    gaps = _gaps(pdf, range(95, 121))
    assert sorted(gaps) == list(range(95, 121))
    assert min(gaps.values()) >= 3, {n: round(g, 1) for n, g in gaps.items() if g < 3}


def test_a_guide_of_fewer_than_100_questions_keeps_its_number_column(tmp_path):
    guide = _guide(tmp_path, 99)
    theme = api.theme_for(guide)
    assert render._numbers_fit(guide, theme, render.make_styles(theme)) is theme
