"""A list where one text is expected (first-hour trial, 2026-12-04, F8): 'answer: [B]' or 'answer: B, C' on
multiple choice, and a choice typed '- - 5 °C'. The exact messages are data in tests/cases/errors
(answer-as-list, choice-starting-with-dash); here: doing what each says gives the question meant."""
from __future__ import annotations

import pytest

from conftest import CASES, Pdf
from studyguide import api
from studyguide.errors import GuideError
from studyguide.model import MultipleChoice, SelectAll
from studyguide.reading.slips import several_letters

ERRORS = CASES / "errors"


def _messages(path):
    with pytest.raises(GuideError) as exc:
        api.load(path)
    return [(p.where.line, p.message) for p in exc.value.problems]


def test_one_answer_as_a_list_written_as_shown_is_that_choice(tmp_path):
    text = (ERRORS / "answer-as-list.yaml").read_text(encoding="utf-8")
    line, message = _messages(ERRORS / "answer-as-list.yaml")[0]
    assert (line, message) == (6, "question 1.answer: give one answer, not a list (answer: B); for several right "
                                  "answers use type: select_all")
    shown = message.split("(", 1)[1].split(")", 1)[0]  # 'answer: B', typed in place of the list
    lines = text.split("\n")
    lines[line - 1] = "    " + shown
    path = tmp_path / "fixed.yaml"
    path.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")  # the first question alone
    (question,) = api.load(path).questions
    assert isinstance(question, MultipleChoice) and question.choices[question.answer] == "The sun"


def test_several_answers_with_select_all_as_told_are_every_right_choice(tmp_path):
    problems = _messages(ERRORS / "answer-as-list.yaml")
    assert [(line, m.split(":")[1].strip()) for line, m in problems] == [
        (6, "give one answer, not a list (answer"), (10, "multiple choice has one right answer (answer"),
        (15, "multiple choice has one right answer (answer")]
    assert all(m.endswith("; for several right answers use type: select_all") for _, m in problems)
    text = (ERRORS / "answer-as-list.yaml").read_text(encoding="utf-8")
    path = tmp_path / "fixed.yaml"
    path.write_text(text.replace("answer: [B]", "answer: B").replace("type: multiple_choice\n    prompt: Which",
                                                                      "type: select_all\n    prompt: Which"),
                    encoding="utf-8")
    built = api.build(path, tmp_path / "out")
    assert not built.warnings
    questions = built.guide.questions
    assert [type(q) for q in questions] == [MultipleChoice, SelectAll, SelectAll]
    assert [[q.choices[i] for i in q.answers] for q in questions[1:]] == [["Rain", "Snow"],
                                                                         ["Condensation", "Freezing"]]
    assert "Which of these are kinds of precipitation?" in Pdf(built.outputs[0].path).text


def test_a_choice_starting_with_a_dash_quoted_as_told_prints_as_typed(tmp_path):
    ((line, message),) = _messages(ERRORS / "choice-starting-with-dash.yaml")
    quoted = message.rsplit("quote it: ", 1)[1]
    assert (line, quoted) == (7, '"- 5 °C"')
    lines = (ERRORS / "choice-starting-with-dash.yaml").read_text(encoding="utf-8").split("\n")
    lines[line - 1] = "      - " + quoted
    path = tmp_path / "fixed.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    built = api.build(path, tmp_path / "out")
    assert built.guide.questions[0].choices == ("-10 °C", "- 5 °C", "0 °C")
    assert "B. - 5 °C" in Pdf(built.outputs[0].path).text


@pytest.mark.parametrize("text, count, several", [
    ("B, C", 4, True), ("a and d", 4, True), ("A C", 3, True), ("B; C", 3, True),
    ("B, E", 4, False),          # E is no choice of four: 'not one of the choices' says so
    ("B", 4, False), ("Bread, Cheese", 4, False), ("I and a", 4, False),
])
def test_several_letters(text, count, several):
    assert several_letters(text, count) is several


def test_an_answer_that_is_a_choices_text_with_a_comma_is_that_choice(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("title: T\nquestions:\n  - type: multiple_choice\n    prompt: Which?\n"
                    "    choices: ['A, B', C]\n    answer: A, B\n", encoding="utf-8")
    assert api.load(path).questions[0].answer == 0
