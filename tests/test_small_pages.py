"""Half sheets chosen to save paper: a last question that would print alone on a second half page (a sheet
more for one prompt and its line) fits on the first with a little less room above the headings and between
the questions; when that is not enough, `build` and `check` name it, with what would save the page."""
from __future__ import annotations

import pypdf

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
# two lines more above the questions (one was enough before the questions' gaps could give a little: glue)
LONGER = MOON.replace("about 29½ days.\n", "about 29½ days. It takes the Moon about a month to go around Earth once, "
                      "and it keeps the same face toward us all the way around.\n")
WARNING = ("moon.yaml:27:5: warning: question 3 prints alone on half page 2 (89 % of it empty); shorten the text "
           "before it, or leave the question out, so that it fits on half page 1\n")


def test_a_little_less_room_above_headings_and_between_questions_saves_the_second_half_page(tmp_path, monkeypatch):
    # question 3 (a prompt and one line) went alone on a second half page, ~90 % empty: a sheet more
    from studyguide import glue, render

    (tmp_path / "moon.yaml").write_text(MOON, encoding="utf-8")
    run = cli_inprocess(["build", "moon.yaml", "--sheet", "half", "-o", "out"], cwd=tmp_path)
    assert run.code == 0 and "moon-half.pdf (1 page), out/moon-half-key.pdf (1 page)" in run.out
    assert "prints alone" not in run.err
    text = " ".join(pypdf.PdfReader(tmp_path / "out" / "moon-half.pdf").pages[0].extract_text().split())
    assert "3. About how many days" in text  # (the sheet holds the page twice, cut in two)
    monkeypatch.setattr(render, "TIGHTER", 1.0)  # the room as it was: the page it took (with the gaps'
    monkeypatch.setattr(glue, "GIVE", 0.4)  # give as it was then, since half of a gap now saves that page too)
    run = cli_inprocess(["build", "moon.yaml", "--sheet", "half", "-o", "out2"], cwd=tmp_path)
    assert "moon-half.pdf (2 pages)" in run.out


def test_build_and_check_name_the_last_question_alone_when_less_room_does_not_save_the_page(tmp_path):
    (tmp_path / "moon.yaml").write_text(LONGER, encoding="utf-8")  # two lines more above the questions
    run = cli_inprocess(["build", "moon.yaml", "--sheet", "half", "-o", "out"], cwd=tmp_path)
    assert run.code == 0 and WARNING in run.err and "moon-half.pdf (2 pages)" in run.out, run.err
    run = cli_inprocess(["check", "moon.yaml", "--sheet", "half"], cwd=tmp_path)
    assert WARNING in run.out + run.err
    assert "prints alone" not in cli_inprocess(["check", "moon.yaml"], cwd=tmp_path).err  # one full page


def test_nothing_is_said_when_the_last_half_page_holds_more_than_one_question(tmp_path):
    more = LONGER.replace("questions:\n", "questions:\n  - type: true_false\n    prompt: The Moon goes around Earth.\n"
                                           "    answer: true\n")
    (tmp_path / "moon.yaml").write_text(more, encoding="utf-8")
    run = cli_inprocess(["build", "moon.yaml", "--sheet", "half", "-o", "out"], cwd=tmp_path)
    assert run.code == 0 and "prints alone" not in run.err and "(2 pages)" in run.out
