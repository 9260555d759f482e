"""Versions that can only print the same as version A say why, question by question (trial 2026-12-04, L2):
'--questions tag:friday --versions 2' on a chemistry quiz of four questions of four types, whose one
multiple-choice question lists numbers in order, warned "can be shuffled into only 1 different version:
version B repeats an earlier one" and nothing more. Version B is still printed (the same paper under its
letter: a class set of A and B is what was asked); the warning names what keeps each question still, and
doing what it says gives a version B that differs."""
from __future__ import annotations

from conftest import Pdf, write_guide
from hostile_support import cli_inprocess
from studyguide import api, variants

QUIZ = """\
    title: Moles
    questions:
      - type: multiple_choice
        prompt: What is the molar mass of water?
        choices: [16.0 g/mol, 17.0 g/mol, 18.0 g/mol, 20.0 g/mol]
        answer: C
        tags: [friday]
{beside}      - type: fill_in_blank
        prompt: One mole of any gas at STP fills [[22.4]] L.
        tags: [friday]
      - type: short_answer
        prompt: How many moles are in 36.0 g of water?
        answer: 2.00 mol
        tags: [friday]
      - type: true_false
        prompt: Doubling the kelvin temperature of a gas at fixed volume doubles its pressure.
        answer: true
        tags: [friday]
      - type: essay
        prompt: Explain Avogadro's law.
    """
BESIDE = """\
      - type: multiple_choice
        prompt: Which is a unit of amount of substance?
        choices: [mole, gram, litre]
        answer: A
        tags: [friday]
"""
FRIDAY = ["--format", "quiz", "--questions", "tag:friday", "--versions", "2", "-j", "1"]


def test_a_quiz_with_nothing_to_shuffle_says_why_and_prints_b_as_a(tmp_path):
    write_guide(tmp_path, "moles.yaml", QUIZ.format(beside=""))
    said = cli_inprocess(["build", "moles.yaml", *FRIDAY, "-o", "out"], cwd=tmp_path)
    assert said.code == 0
    assert said.err == (
        "moles.yaml: warning: --versions 2 asked, but nothing in these questions can be shuffled, so version B prints "
        "the same as A: each question is the only one of its type (versions swap a question only with questions of "
        "its type next to it); question 1: its choices are numbers in order, which keep their order; the "
        "fill-in-the-blank, short-answer and true/false questions have no choices to shuffle; ask for 1 version, or "
        "add a question beside one of its own type, or a question whose choices can shuffle\n")
    a, b = (Pdf(tmp_path / "out" / f"moles-quiz-{v}.pdf").text for v in "AB")
    assert "Version B" in b and a.replace("Version A", "Version B") == b  # printed as asked, the same paper


def test_doing_what_the_warning_says_gives_a_version_b_that_differs(tmp_path):
    write_guide(tmp_path, "moles.yaml", QUIZ.format(beside=BESIDE))  # a question beside one of its own type
    said = cli_inprocess(["build", "moles.yaml", *FRIDAY, "-o", "out"], cwd=tmp_path)
    assert (said.code, said.err) == (0, "")
    a, b = (Pdf(tmp_path / "out" / f"moles-quiz-{v}.pdf").text for v in "AB")
    assert a.replace("Version A", "Version B") != b


def test_each_reason_a_question_keeps_still_is_named(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """\
        title: Still
        questions:
          - type: multiple_choice
            prompt: Which is a gas at room temperature?
            choices: [oxygen, iron, salt]
            answer: A
            shuffle: false
          - type: true_false
            prompt: Iron is a metal.
            answer: true
          - type: multiple_choice
            prompt: Which of these is a noble gas? Choice B is not.
            choices: [neon, sodium, chlorine]
            answer: A
          - type: matching
            prompt: Match.
            pairs: [{left: Na, right: sodium}, {left: Cl, right: chlorine}]
        """)
    made, warning = variants.versions(api.load(path), 3, "1")
    assert len({v.questions for v in made}) == 1
    assert warning.message == (
        "versions: 3 asked, but nothing in these questions can be shuffled, so versions B and C print the same as A: "
        "no two questions of one type stand next to each other (versions swap a question only with questions of its "
        "type next to it); question 1: it has 'shuffle: false'; question 3: its text names its choices by letter, so "
        "they keep their order; question 4: its two pairs print one way (never as written); the true/false question "
        "has no choices to shuffle; ask for 1 version, or add a question beside one of its own type, or a question "
        "whose choices can shuffle")


DUPLICATE = """\
    title: Dup
{versions}    questions:
      - type: {kind}
        prompt: The sun is a star.
        answer: {answer}
      - type: {kind}
        prompt: The sun is a star.
        answer: {answer}
    """


def test_the_same_question_twice_side_by_side_builds_both_versions_and_says_why_they_match(tmp_path):
    """Two identical questions of one type, next to each other, are a run versions may swap, yet swapped they
    print as they were: build crashed with "internal error: IndexError" ('versions: 2' and --versions 2 alike),
    as the reason looked for a 'shuffle: false' question that is not there. Now both versions print and the
    warning says the two questions print the same."""
    why = ("questions 1 and 2 print the same, so swapping them changes nothing (question 2 asks what question 1 "
           "asks)")
    for kind, answer, versions, args, where in (
            ("true_false", "true", "    versions: 2\n", [], "dup.yaml:2:11"),
            ("short_answer", "a star", "", ["--versions", "2"], "dup.yaml")):
        write_guide(tmp_path, "dup.yaml", DUPLICATE.format(kind=kind, answer=answer, versions=versions))
        said = cli_inprocess(["build", "dup.yaml", *args, "-o", "out", "-j", "1"], cwd=tmp_path)
        assert said.code == 0, said.err
        label = "versions:" if versions else "--versions"
        kinds = "true/false" if kind == "true_false" else "short-answer"
        assert said.err == (f"{where}: warning: {label} 2 asked, but nothing in these questions can be shuffled, so "
                            f"version B prints the same as A: {why}; the {kinds} questions have no choices to "
                            "shuffle; ask for 1 version, or add a question beside one of its own type, or a question "
                            "whose choices can shuffle\n")
        a, b = (Pdf(tmp_path / "out" / f"dup-{v}.pdf").text for v in "AB")
        assert a.count("The sun is a star.") == 2 and a.replace("Version A", "Version B") == b
