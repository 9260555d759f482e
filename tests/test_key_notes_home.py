"""The key's notes on the answers never take a key page of their own when keeping them by their
questions costs the handout no page (mending.notes_home)."""
from __future__ import annotations

import io

import pypdf
import pytest

from conftest import CASES
from studyguide import api, render
from studyguide.theming.styles import make_styles

CHEM = CASES / "keynotes" / "chem-stoich.yaml"


def _texts(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_one_note_is_printed_by_its_question_rather_than_on_a_key_sheet_of_its_own():
    """Large print: the crossword leaves 64 pt under it, the heading and Q4's two-line note need 87, so
    the note took a tenth key page alone (handout 9). Kept under Q4's choices, the key has 9 pages too."""
    guide = api.load(CHEM)
    docs = render.render(guide, theme=api.theme_for(guide, None, "large-print"))
    handout, key = _texts(docs["student"].pdf), _texts(docs["key"].pdf)
    assert len(handout) == len(key) == 9
    assert not any("Notes on the Answers" in page for page in key)
    q4 = next(i for i, page in enumerate(handout) if "moles of O" in page)
    assert "moles of O" in key[q4]  # Q4 starts on the same page in both
    assert "Why: The ratio H" in key[q4] and "ratio H" not in handout[q4]


def test_notes_stay_after_the_handout_when_they_fit_there():
    """Letter, standard type: the note fits under the last activity, so nothing moves."""
    guide = api.load(CHEM)
    docs = render.render(guide)
    key = _texts(docs["key"].pdf)
    assert docs["key"].pages == docs["student"].pages
    assert "Notes on the Answers" in key[-1] and "ratio H" in key[-1]


def _lines(pdf: bytes, page: int) -> list[tuple[float, str]]:
    """(height from the paper's foot, text) of each line set on ``page`` (from 1), top to bottom."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((round(tm[5] * cm[3] + cm[5], 1), " ".join(text.split())))

    pypdf.PdfReader(io.BytesIO(pdf)).pages[page - 1].extract_text(visitor_text=visit)
    return sorted(found, reverse=True)


def _gap(pdf: bytes, page: int, above: str, below: str) -> float:
    """The drop from the line that starts with ``above`` to the one that starts with ``below``."""
    lines = _lines(pdf, page)
    return next(y for y, t in lines if t.startswith(above)) - next(y for y, t in lines if t.startswith(below))


@pytest.mark.parametrize("name, paper, edition, theme, page, above, below, note", [
    ("v16-crossword-6", "a4", "standard", None, 2, "C.", "2.", "Why: Bridge northern council"),
    ("v05-tables", "a4", "large-print", "modern", 9, "E.", "4.", "Why: Northern variable crystal"),
])
def test_a_note_kept_by_its_question_never_leaves_the_handout_a_hole(name, paper, edition, theme, page, above,
                                                                     below, note):
    """Scan r13 #6: a kept note left the handout a blank band between two questions where the key printed it
    (A4 66 pt under question 1; large print 214 pt under question 3). A note that would leave print under its
    band goes after the handout: the next question follows at the usual gap, in the handout and in the key."""
    guide = api.load(CASES / "keynotes" / f"{name}.yaml")
    docs = render.render(guide, paper=paper, theme=api.theme_for(guide, theme, edition))
    for mode in ("student", "key"):
        size = api.theme_for(guide, theme, edition)
        leading = make_styles(size)["body"].leading
        assert _gap(docs[mode].pdf, page, above, below) < 2.2 * leading, mode
    key = _texts(docs["key"].pdf)
    assert note not in key[page - 1].split("Notes on the Answers")[0]  # not by its question
    assert any(note in p.split("Notes on the Answers")[-1] for p in key[page - 1:])  # but after the handout
    assert docs["student"].pages == len(_texts(docs["student"].pdf)) <= len(key)
