"""A guide exported to Moodle XML and imported again is the guide it was: every question kind's prompt, answers,
model answer or grading notes, explanation and points, in a built-in language and under a guide's own labels. The
label an export prints before a model answer ('Model answer:') came back inside the answer when the guide had
its own labels, and the short answer came back an essay."""
from __future__ import annotations

import dataclasses

import pytest

from test_import_kept import exported, imported
from studyguide import api

EVERY_KIND = """
    title: Water
    questions:
      - type: multiple_choice
        prompt: Which is *water*?
        choices: [H₂O, CO₂, O₂]
        answer: A
        explanation: Two hydrogens and an oxygen.
      - type: select_all
        prompt: Which are gases at 20 °C?
        choices: [oxygen, iron, nitrogen]
        answer: [A, C]
      - type: true_false
        prompt: Ice floats on water.
        answer: true
      - type: short_answer
        prompt: Why does ice float?
        answer: "**Ice** is less dense than liquid water."
      - type: short_answer
        prompt: Name the process that turns water into vapour.
      - type: essay
        prompt: Explain the water cycle.
        answer: Mentions evaporation, condensation and precipitation.
        lines: 20
      - type: fill_in_blank
        prompt: Water boils at [[100]] °C at sea level.
      - type: fill_in_blank
        prompt: Water is made of [[hydrogen]] and [[oxygen|O]].
        word_bank: true
      - type: matching
        prompt: Match each state to its example.
        pairs:
          - {left: solid, right: ice}
          - {left: gas, right: steam}
      - type: ordering
        prompt: Put the water cycle in order.
        items: [evaporation, condensation, precipitation]
"""

OWN_LABELS = "    labels:\n      model_answer: 'Sample answer:'\n      grading_notes: 'Rubric:'\n"


def _as_written(guide) -> list:
    """Each question as a teacher wrote it: where it was read from, the word bank's spare words and the lines
    as printed (the export's rounding of lines to Moodle's box) set aside."""
    out = []
    for q in guide.questions:
        fields = {f.name: getattr(q, f.name) for f in dataclasses.fields(q) if f.compare and f.name not in
                  ("where", "bank", "lines", "objective")}
        out.append((type(q).__name__, fields))
    return out


@pytest.mark.parametrize("head", ["", "    language: fr\n", OWN_LABELS, OWN_LABELS.split("      grading")[0],
                                  "    language: de\n    labels:\n      grading_notes: 'Rubrik:'\n"],
                         ids=["en", "fr", "own-labels", "own-model-answer", "de-own-notes"])
def test_every_question_kind_comes_back_from_moodle_as_it_was(tmp_path, head):
    text = EVERY_KIND.replace("    title: Water\n", "    title: Water\n" + head)
    source, _ = exported(tmp_path, "moodle", text)
    back = tmp_path / "guides" / "water.yaml"
    imported(source, back)
    original, again = api.load(tmp_path / "src" / "quiz.yaml"), api.load(back)
    assert _as_written(again) == _as_written(original)
    assert (again.language, dict(again.labels)) == (original.language, dict(original.labels))
