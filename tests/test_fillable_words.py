"""The fillable edition's instructions are for a screen: its choices are buttons and boxes to select, so it
asks to select them, not to circle a letter (trial r8 L2: "Circle the letter of the best answer" and "Circle
True or False" stood over tick boxes), in the guide's language, and a guide's own words still win."""
from __future__ import annotations

import pytest

from conftest import Pdf, norm, write_guide
from studyguide.classroom import SetOptions, build_set

GUIDE = """\
title: Rivers
questions:
  - type: multiple_choice
    prompt: Where does a river start?
    choices: [At its source, At its mouth, In the sea]
    answer: A
  - type: multiple_choice
    prompt: What is the end of a river called?
    choices: [Its source, Its mouth, Its bank]
    answer: B
  - type: true_false
    prompt: Every river flows into the sea.
    answer: false
  - type: select_all
    prompt: Which of these carry water to a river?
    choices: [Streams, Rain, Rocks]
    answer: [A, B]
"""


def _text(tmp_path, edition, head="", name="out"):
    path = write_guide(tmp_path / name, "rivers.yaml", head + GUIDE)
    outputs = build_set(path, tmp_path / name / "out", None, SetOptions(edition=edition)).outputs
    return [norm(Pdf(o.path).text) for o in outputs]  # the handout's and the key's


def test_the_fillable_edition_asks_to_select_what_paper_asks_to_circle(tmp_path):
    handout, key = _text(tmp_path, "fillable")
    for text in (handout, key):  # (the key is laid out with the handout: the same words)
        assert "Questions 1–2: Select the best answer." in text
        assert "Select True or False." in text and "Select every correct answer; there may be more than one." in text
        assert "Circle" not in text
    paper, _ = _text(tmp_path, None, name="paper")
    assert "Questions 1–2: Circle the letter of the best answer." in paper and "Circle True or False." in paper


@pytest.mark.parametrize("language, words", [
    ("es", ["Marca la mejor respuesta.", "Marca Verdadero o Falso."]),
    ("fr", ["Coche la bonne réponse.", "Coche Vrai ou Faux."]),
    ("de", ["Kreuze die beste Antwort an.", "Kreuze „Richtig“ oder „Falsch“ an."]),
    ("zh", ["勾选最佳答案。", "勾选“正确”或“错误”。"]),
])
def test_in_the_guides_language(tmp_path, language, words):
    handout, _ = _text(tmp_path, "fillable", f"language: {language}\n")
    assert all(w in handout for w in words), handout


def test_a_guides_own_instruction_is_kept_in_the_fillable_edition(tmp_path):
    own = "labels:\n  multiple_choice: Pick the one answer that fits best.\n  true_false_fillable: Click True or False.\n"
    handout, _ = _text(tmp_path, "fillable", own)
    assert "Questions 1–2: Pick the one answer that fits best." in handout and "Click True or False." in handout
    assert "Select every correct answer" in handout
