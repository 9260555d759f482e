"""The key's notes on the answers never take a key page of their own when keeping them by their
questions costs the handout no page (mending.notes_home)."""
from __future__ import annotations

import io

import pypdf

from conftest import CASES
from studyguide import api, render

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
