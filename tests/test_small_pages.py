"""Half sheets chosen to save paper: a last question that prints alone on a second half page (a sheet
more for one prompt and its line) is named, by `build` and by `check`, with what would save the page."""
from __future__ import annotations

from hostile_support import cli_inprocess

MOON = """\
title: Phases of the Moon
subject: Earth Science
grade: "6"
topics:
  - title: Why the Moon Changes Shape
    summary: The Moon does not make its own light. We see the half lit by the Sun, and how much of that half faces us changes over about 29½ days.
vocabulary:
  - term: phase
    definition: The shape of the lit part of the Moon we see.
  - term: waxing
    definition: Growing larger each night.
  - term: waning
    definition: Growing smaller each night.
  - term: orbit
    definition: The path of one object around another.
questions:
  - type: multiple_choice
    prompt: What causes the phases of the Moon?
    choices:
      - Earth's shadow
      - How much of the Moon's lit half faces Earth
      - Clouds
    answer: B
  - type: true_false
    prompt: The Moon makes its own light.
    answer: false
  - type: short_answer
    prompt: About how many days does the Moon take to go through all its phases?
    answer: About 29½ days
"""
WARNING = ("moon.yaml:27:5: warning: question 3 prints alone on half page 2 (89 % of it empty); shorten the text "
           "before it, or leave the question out, so that it fits on half page 1\n")


def test_build_and_check_name_the_last_question_alone_on_a_half_page(tmp_path):
    (tmp_path / "moon.yaml").write_text(MOON, encoding="utf-8")
    run = cli_inprocess(["build", "moon.yaml", "--sheet", "half", "-o", "out"], cwd=tmp_path)
    assert run.code == 0 and WARNING in run.err, run.err
    assert "(2 pages)" in run.err or "(2 pages)" in run.out
    run = cli_inprocess(["check", "moon.yaml", "--sheet", "half"], cwd=tmp_path)
    assert WARNING in run.out + run.err
    assert "prints alone" not in cli_inprocess(["check", "moon.yaml"], cwd=tmp_path).err  # one full page


def test_nothing_is_said_when_the_last_half_page_holds_more_than_one_question(tmp_path):
    two = MOON.replace("  - type: true_false\n    prompt: The Moon makes its own light.\n    answer: false\n", "")
    assert two != MOON
    (tmp_path / "moon.yaml").write_text(two, encoding="utf-8")
    run = cli_inprocess(["build", "moon.yaml", "--sheet", "half", "-o", "out"], cwd=tmp_path)
    assert run.code == 0 and "prints alone" not in run.err and "(1 page)" in run.out + run.err
