"""True/False labels too long for a row stand one under the other; beside a short prompt they were centred on
its one line, so the first label rose above the question's number, between the question above's labels (it
seemed to have three) and, in the key, the ring looked like the question above's answer (review r8 H3).
Read back from the PDFs: every run of text drawn for a question lies at or below its number's top."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from conftest import CASES
from studyguide import api, render

GUIDE = CASES / "tf" / "tf-long-labels.yaml"
TRUE, FALSE = "Completely true", "Entirely false"


def questions(pdf: bytes) -> list[tuple[float, list[tuple[str, float, float]]]]:
    """Each question as drawn: its number's (baseline, size), then the runs drawn after it (text, baseline, size)."""
    out = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        runs = []
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
            (text.strip(), tm[5] * cm[3] + cm[5], size * tm[3])) if text.strip() else None)
        for text, y, size in runs:
            if re.fullmatch(r"\d+\.", text):
                out.append(((y, size), []))
            elif out and not text.startswith(("Page ", "Long True")):
                out[-1][1].append((text, y, size))
    return out


@pytest.mark.parametrize("theme, paper, edition", [
    ("compact", "a4", None), ("compact", "letter", None), ("classic", "letter", None), ("modern", "a5", "large-print")])
def test_stacked_true_false_labels_never_rise_above_their_question(theme, paper, edition):
    guide = api.load(GUIDE)
    docs = render.render(guide, paper=paper, theme=api.theme_for(guide, theme, edition))
    for mode in ("student", "key"):
        drawn = questions(docs[mode].pdf)
        assert len(drawn) == len(guide.questions)
        for n, ((top, size), runs) in enumerate(drawn, 1):
            labels = [text for text, _, _ in runs if text.startswith((TRUE, FALSE))]
            assert [t[:len(TRUE)] for t in labels][:1] == [TRUE] and any(t.startswith(FALSE) for t in labels), (mode, n)
            for text, y, s in runs:  # (the cap height of each run against the number's)
                assert y + 0.72 * s <= top + 0.72 * size + 0.5, (mode, n, text, round(y - top, 1))
