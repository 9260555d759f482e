"""A long guide takes time in proportion to its length: no step of the layout or of the warnings does work
for every item again for each other item (a guide of 1,000 questions and 1,000 terms took 11.2 s to build).

The work is counted, not timed (the machine is shared): lines broken, cards measured, texts looked
through. What the teacher gets is checked alongside: every card and every warning, in its place.
"""
from __future__ import annotations

from collections import Counter

import pytest
from conftest import GUIDES_DIR, build_into, norm, write_guide
from reportlab.platypus import paragraph as rl_paragraph

from studyguide import activities as act
from studyguide import api
from studyguide.layout import Para
from studyguide.layout.activities.flashcards import FoldCard

DEFINITION = "a definition long enough to wrap onto a second line of its card in the handout's type"


def _cards_guide(folder, terms: int, activities: str = "flashcards"):
    lines = ["title: Cards", "language: en", "vocabulary:"]
    for i in range(terms):
        lines += [f"  - term: word{i:03d}", f"    definition: {DEFINITION} {i}"]
    lines += ["questions:", "  - type: short_answer", "    prompt: Name one word.", f"activities: [{activities}]"]
    return write_guide(folder, "cards.yaml", "\n".join(lines) + "\n")


def test_cards_are_measured_once_each_however_many_follow(tmp_path, monkeypatch):
    """300 fold cards over many pages: each card is measured once for its width (the cards left were
    measured again at every page, up to 396 times a card for 300 cards), and every card is printed."""
    measured = Counter()
    stack = FoldCard._stack

    def counting(self, items, w):
        measured[id(self)] += 1
        return stack(self, items, w)

    monkeypatch.setattr(FoldCard, "_stack", counting)
    built = build_into(_cards_guide(tmp_path, 300), tmp_path / "out")
    assert len(measured) == 300 and max(measured.values()) <= 2 * 2  # (front and back, at one width)
    text = norm(" ".join(built.student.pages))
    for i in range(300):  # (in the vocabulary list, and on its card)
        assert text.count(f"word{i:03d} ") == 2, i