"""Warnings for programs typed in a guide (part 2 of the trial r11 code work), each at the line a teacher fixes:
a ``` block never closed, and a multi-line prompt or summary that reads as a program but has no ``` lines (its line
breaks are joined when printed). None for poems, prose, math, or any guide in guides/ and tests/cases/."""
from __future__ import annotations

import pytest

from conftest import CASES, GUIDES, write_guide
from studyguide import api
from studyguide.errors import GuideError

UNFENCED = "its line breaks are joined when printed; put the program between ``` lines to keep it as typed"
UNCLOSED = "this program block starts here and is never closed: put a line with ``` after its last line"


def warned(path) -> list[str]:
    return [str(w) for w in api.load(path).warnings]


def test_a_fence_never_closed_is_warned_at_its_opening_line(tmp_path):
    guide = write_guide(tmp_path, "g.yaml", """
        title: Loops
        summary: |
          Loops repeat.
          ```
          for i in range(3):
              print(i)
        questions:
          - type: true_false
            prompt: Loops repeat.
            answer: true
        """)
    assert warned(guide) == [f"{guide}:4:3: warning: summary: {UNCLOSED}"]


def test_an_unfenced_program_in_a_prompt_is_warned_at_its_first_line(tmp_path):
    guide = write_guide(tmp_path, "g.yaml", """
        title: Loops
        questions:
          - type: short_answer
            prompt: |
              What does this print?
              total = 0
              for n in [1, 2]:
                  total += n
              print(total)
            answer: "3"
        """)
    assert warned(guide) == [f"{guide}:6:7: warning: question 1.prompt: {UNFENCED}"]


@pytest.mark.parametrize("prompt", [
    "If you can keep your head when all about you\n    Are losing theirs and blaming it on you:\nWhat is the speaker asking?",
    "Answer the following:\nName two kinds of loop.\nGive an example of each.",
    "Solve for x:\nx + 2 = 5\ny = x * 2\nWhat is y?",
    "For each item in the list below:\n  circle the nouns\n  underline the verbs",
    "Read the program.\n```\nfor n in range(3):\n    print(n)\n```\nWhat prints?",
])
def test_poems_prose_math_and_fenced_programs_are_not_warned(tmp_path, prompt):
    body = "\n".join("              " + line for line in prompt.split("\n"))
    guide = write_guide(tmp_path, "g.yaml", f"""
        title: Texts
        questions:
          - type: short_answer
            prompt: |
{body}
            answer: "an answer"
        """)
    assert warned(guide) == []


# The print trial's CS guide as its teacher typed it, before fences existed: kept so for the activities'
# layout test (tests/test_activities_share_page.py); its question 8 is a program without ``` lines.
TYPED_BEFORE_FENCES = CASES / "layout" / "python-loops-r11.yaml"


def test_the_trial_guide_typed_before_fences_gets_the_warning_at_its_program():
    assert [w.split(": warning: ")[0] for w in warned(TYPED_BEFORE_FENCES) if "```" in w] == [f"{TYPED_BEFORE_FENCES}:146:11"]


def test_no_guide_we_ship_or_test_with_gets_a_program_warning():
    paths = [p for p in list(GUIDES) + sorted(CASES.rglob("*.yaml")) if p != TYPED_BEFORE_FENCES]
    hits = []
    for path in paths:
        try:
            hits += [w for w in warned(path) if "```" in w and ("program" in w)]
        except GuideError:
            continue
    assert hits == [], hits
