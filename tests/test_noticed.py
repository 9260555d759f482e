"""Slips that print, but not as meant (first-hour trial, 2026-12-04, F11, F14, F16): a prompt typed with its
own number, two choices that are the same, an unclosed '**'. Every command warns at the line, and doing
what the warning says prints what the teacher meant, with no warning left."""
from __future__ import annotations

import pytest

from conftest import Pdf, write_guide
from studyguide import api, cli
from studyguide.noticed import own_number

GUIDE = """\
title: The Water Cycle
summary: "{summary}"
questions:
  - type: multiple_choice
    prompt: {prompt}
    choices: [{choices}]
    answer: B
  - type: short_answer
    prompt: Where does rain come from?
    answer: Clouds
"""
GOOD = dict(summary="**Heat** from the sun drives it.", prompt="What gives the water cycle its energy?",
            choices="The moon, The sun, The ocean floor")


def _guide(tmp_path, **changed):
    return write_guide(tmp_path, "water.yaml", GUIDE.format(**{**GOOD, **changed}))


def _warnings(capsys, path) -> list[str]:
    with pytest.raises(SystemExit) as exc:
        cli.main(["validate", str(path)])
    assert exc.value.code == 0
    return [line for line in capsys.readouterr().err.splitlines()]


def test_the_good_guide_has_no_warning(tmp_path, capsys):
    assert _warnings(capsys, _guide(tmp_path)) == []


@pytest.mark.parametrize("typed", ["1. ", "1) ", "Q1. ", "Q1) ", "(1) "])
def test_a_prompt_with_its_own_number_is_told_to_drop_it_and_then_prints_once(tmp_path, capsys, typed):
    path = _guide(tmp_path, prompt=typed + GOOD["prompt"])
    assert _warnings(capsys, path) == [f"{path}:5:13: warning: question 1: drop '{typed}': questions are numbered "
                                       "for you"]
    built = api.build(path, tmp_path / "out")
    assert f"1. {typed}What gives" in Pdf(built.outputs[0].path).text  # what the warning is about
    path = _guide(tmp_path, prompt=GOOD["prompt"])  # as told
    built = api.build(path, tmp_path / "out")
    assert not built.warnings
    assert "1. What gives the water cycle its energy?" in Pdf(built.outputs[0].path).text


@pytest.mark.parametrize("prompt", [
    "1984 was the year the dam was built. What changed downstream?", "3.5 kg of ice melts. How much water is left?",
    "2 + 2 clouds make how many?", "1) Name a stage. 2) Explain what happens in it.",
    "What is 1. 5 times 2?", "1.5 litres evaporate. Where does the water go?",
])
def test_prompts_that_start_with_a_number_of_their_own_pass(prompt):
    assert own_number(prompt) is None


def test_own_numbers():
    assert [own_number(p) for p in ("1. What", "12) What", "Q3. What", "q 4) What", "(2) What", "Question 7: What")] \
        == ["1. ", "12) ", "Q3. ", "q 4) ", "(2) ", "Question 7: "]


def test_two_choices_the_same_are_a_warning_at_validate_and_build_and_said_once_by_check(tmp_path, capsys):
    path = _guide(tmp_path, choices="The moon, The sun, The sun, The ocean floor")
    warning = (f"{path}:6:34: warning: question 1: choices B and C are the same ('The sun') and B is the answer, so "
               "the question does not have exactly one right answer; reword or replace one of them")
    assert _warnings(capsys, path) == [warning]
    assert [str(w) for w in api.build(path, tmp_path / "out").warnings] == [warning]
    with pytest.raises(SystemExit):
        cli.main(["check", str(path)])
    assert capsys.readouterr().err.count("are the same") == 1
    path = _guide(tmp_path, choices="The moon, The sun, The stars, The ocean floor")  # as told: replace one
    assert _warnings(capsys, path) == []


def test_an_unclosed_bold_is_located_and_closed_as_told_prints_bold(tmp_path, capsys):
    path = _guide(tmp_path, summary="**Heat from the sun drives it.")
    assert _warnings(capsys, path) == [
        f"{path}:2:11: warning: the '**' here has no closing '**': it prints as asterisks ('**Heat from the sun "
        "drives it.'); put '**' after the words to make bold, or write \\* for each star that should print"]
    built = api.build(path, tmp_path / "out")
    assert "**Heat from the sun" in Pdf(built.outputs[0].path).text
    path = _guide(tmp_path, summary="**Heat** from the sun drives it.")  # as told
    built = api.build(path, tmp_path / "out")
    pdf = Pdf(built.outputs[0].path)
    assert not built.warnings and "Heat from the sun drives it." in pdf.text and "*" not in pdf.text
    assert any("Bold" in font for font in pdf.fonts_of("Heat"))


@pytest.mark.parametrize("summary, line_col, marks, shown, side, fix", [
    ("The sun *heats the sea.", "2:19", "*", "*heats the sea.", "closing", "after the words to make italic"),
    ("The sun heats** the sea.", "2:24", "**", "The sun heats**", "opening", "before the words to make bold"),
])
def test_unclosed_italic_and_a_bold_closed_only(tmp_path, capsys, summary, line_col, marks, shown, side, fix):
    path = _guide(tmp_path, summary=summary)
    assert _warnings(capsys, path) == [
        f"{path}:{line_col}: warning: the '{marks}' here has no {side} '{marks}': it prints as asterisks ('{shown}'); "
        f"put '{marks}' {fix}, or write \\* for each star that should print"]


@pytest.mark.parametrize("summary", [
    "Pluto* is no longer a planet.", "5 * 3 = 15 drops.", "2 ** 8 is 256.", "A \\\\*starred note.",
    "**Heat** and *light*.", "Rain* and snow* fall.", "***Both*** at once.",
])
def test_stars_meant_to_print_or_closed_pass(tmp_path, capsys, summary):
    assert _warnings(capsys, _guide(tmp_path, summary=summary)) == []


POINTED = """\
title: The Water Cycle
questions:
  - type: true_false
    prompt: Rain is precipitation.
    answer: true
    points: {one}
  - type: true_false
    prompt: Snow is precipitation.
    answer: true
  - type: short_answer
    prompt: Where does rain come from?
    answer: Clouds
    points: 2
  - type: true_false
    prompt: Fog is precipitation.
    answer: false
"""


def _check(capsys, path) -> list[str]:
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", str(path)])
    assert exc.value.code == 0
    return [line for line in capsys.readouterr().err.splitlines() if "warning" in line]


def test_check_names_the_questions_without_points_and_given_points_the_total_counts_them(tmp_path, capsys):
    path = write_guide(tmp_path, "water.yaml", POINTED.format(one=1))
    assert _check(capsys, path) == [f"{path}:7:5: warning: 2 of 4 questions have no points (worth 0): lines 7, 14; "
                                    "give each 'points:', or take 'points:' off the others"]
    assert "Total: 3 points" in Pdf(api.build(path, tmp_path / "out").outputs[0].path).pages[0]
    fixed = POINTED.format(one=1).replace("answer: true\n  - type: short", "answer: true\n    points: 1\n  - type: short")
    path.write_text(fixed + "    points: 1\n", encoding="utf-8")  # as told: each given points
    assert _check(capsys, path) == []
    assert "Total: 5 points" in Pdf(api.build(path, tmp_path / "out").outputs[0].path).pages[0]


def test_no_points_at_all_or_points_zero_on_purpose_is_no_finding(tmp_path, capsys):
    bare = POINTED.format(one=1).replace("    points: 1\n", "").replace("    points: 2\n", "")
    assert _check(capsys, write_guide(tmp_path, "bare.yaml", bare)) == []
    zero = POINTED.format(one=1).replace("answer: true\n  - type: short", "answer: true\n    points: 0\n  - type: short")
    assert _check(capsys, write_guide(tmp_path, "zero.yaml", zero + "    points: 0\n")) == []


def test_one_question_without_points_is_named_alone(tmp_path, capsys):
    path = write_guide(tmp_path, "water.yaml", POINTED.format(one=1) + "    points: 1\n")
    assert _check(capsys, path) == [f"{path}:7:5: warning: 1 of 4 questions has no points (worth 0): line 7; give "
                                    "it 'points:', or take 'points:' off the others"]


@pytest.mark.parametrize("summary, col, typed, how, fixed", [
    ("Heat from the _sun turns water* into vapor.", 25, "_sun turns water*", "opens with '_' and closes with '*'",
     "*sun turns water*"),
    ("The _sun_ heats the sea.", 15, "_sun_", "has underscores", "*sun*"),
    ("The __sun__ heats the sea.", 15, "__sun__", "has underscores", "**sun**"),
])
def test_emphasis_typed_with_underscores_is_told_to_use_stars_and_as_told_prints_it(tmp_path, capsys, summary, col,
                                                                                      typed, how, fixed):
    """Markdown and chat apps write _italic_; here only stars make emphasis, so the underscores printed with no
    word (and 'water*' closing an italic opened with '_' passes for a note's mark). Decided: print as typed (a
    '_' may be meant), warn at the '_' with the text to type; typed so, it prints in italic or bold."""
    path = _guide(tmp_path, summary=summary)
    kind = "bold" if fixed.startswith("**") else "italic"
    assert _warnings(capsys, path) == [
        f"{path}:2:{col}: warning: '{typed}' {how}: it prints as typed, as only stars make "
        f"{kind} here; for {kind}, write {fixed}"]
    assert typed in Pdf(api.build(path, tmp_path / "out").outputs[0].path).text
    path = _guide(tmp_path, summary=summary.replace(typed, fixed))  # as told
    built = api.build(path, tmp_path / "fixed")
    pdf = Pdf(built.outputs[0].path)
    assert not built.warnings and "_" not in pdf.text and "*" not in pdf.text
    word = fixed.strip("*").split()[0]
    assert any(("Bold" if fixed.startswith("**") else "Oblique") in font or "Italic" in font for font in pdf.fonts_of(word))


@pytest.mark.parametrize("summary", ["Fill in ____ and ____.", "The file my_notes_v2 is saved.", "_sun, *heat* too.",
                                     "Pluto* is small."])
def test_blanks_names_and_a_closed_star_pass(tmp_path, capsys, summary):
    assert _warnings(capsys, _guide(tmp_path, summary=summary)) == []


def test_only_a_text_with_an_underscore_is_searched_for_markdown_emphasis(tmp_path, monkeypatch):
    """The pattern is tried at each character of a text: over every text of a guide, 5 % of its load. A text with
    no '_' cannot hold it, and is not searched; one with a '_' still is, and warned about."""
    from studyguide import noticed

    searched = []

    class Spy:
        def finditer(self, text, _real=noticed._UNDERSCORED):
            searched.append(text)
            return _real.finditer(text)

    monkeypatch.setattr(noticed, "_UNDERSCORED", Spy())
    guide = api.load(_guide(tmp_path, summary="The sun heats the sea, and the rain falls."))
    assert guide.texts and searched == [] and guide.warnings == ()
    guide = api.load(_guide(tmp_path, summary="The _sun_ heats the sea."))
    assert searched == ["The _sun_ heats the sea."]
    assert [w.message for w in guide.warnings] == ["'_sun_' has underscores: it prints as typed, as only stars make "
                                                  "italic here; for italic, write *sun*"]
