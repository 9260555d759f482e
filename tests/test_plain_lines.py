"""Choices and ordering items typed as another tool's records ('- text: Paris', '- answer: Madrid' with
'correct: true' under it, as chatbots write them): one message at the list's first item, saying that
choices are plain lines, with the rewrite, and the 'answer:' line that says which one is right. They had
"put this choice in quotes" at every choice, which would print 'text: Paris' as the choice."""
from __future__ import annotations

import pytest

from conftest import write_guide
from studyguide import api
from studyguide.errors import GuideError

RECORDS = """
    title: Capitals
    questions:
      - type: multiple_choice
        prompt: What is the capital of France?
        choices:
          - text: Paris
          - text: Lyon
          - text: Nice
        answer: A
      - type: multiple_choice
        prompt: What is the capital of Spain?
        choices:
          - answer: Seville
            correct: false
          - answer: Madrid
            correct: true
      - type: select_all
        prompt: Which are noble gases?
        choices:
          - option: Neon
            is_correct: yes
          - option: Sodium
            is_correct: no
          - option: Argon
            is_correct: yes
      - type: ordering
        prompt: Put the steps in order.
        items:
          - item: Mix the flour and water
          - item: Knead the dough
          - item: Bake it
    """


def _messages(path):
    with pytest.raises(GuideError) as caught:
        api.load(path)
    return [str(p) for p in caught.value.problems]


def test_choices_and_items_typed_as_records_get_one_message_each_with_the_rewrite_and_the_answer(tmp_path):
    path = write_guide(tmp_path, "capitals.yaml", RECORDS)
    assert _messages(path) == [
        f"{path}:6:9: question 1.choices item 1: choices are plain lines: write '- Paris', not '- text: Paris' "
        "(the same in all 3 choices)",
        f"{path}:13:9: question 2.choices item 1: choices are plain lines: write '- Seville', not '- answer: Seville' "
        "(the same in both choices); leave out the 'correct:' lines and add 'answer: B' to the question "
        "(choice B, 'Madrid', is marked 'correct: true')",
        f"{path}:20:9: question 3.choices item 1: choices are plain lines: write '- Neon', not '- option: Neon' "
        "(the same in all 3 choices); leave out the 'is_correct:' lines and add 'answer: [A, C]' to the question "
        "(choices A and C are marked 'is_correct: yes')",
        f"{path}:29:9: question 4.items item 1: items are plain lines: write '- Mix the flour and water', "
        "not '- item: Mix the flour and water' (the same in all 3 items)"]


def test_the_guide_rewritten_as_the_messages_say_reads_with_the_marked_answers(tmp_path):
    import re
    import textwrap

    text = textwrap.dedent(RECORDS)
    text = re.sub(r"\n\s+(correct|is_correct): \w+", "", text)
    text = re.sub(r"- (text|answer|option|item): ", "- ", text)
    text = text.replace("prompt: What is the capital of Spain?", "prompt: What is the capital of Spain?\n    answer: B")
    text = text.replace("prompt: Which are noble gases?", "prompt: Which are noble gases?\n    answer: [A, C]")
    guide = api.load(write_guide(tmp_path, "capitals.yaml", text))
    mc, spain, gases, steps = guide.questions
    assert (mc.choices, mc.answer) == (("Paris", "Lyon", "Nice"), 0)
    assert (spain.choices, spain.answer) == (("Seville", "Madrid"), 1)
    assert (gases.choices, gases.answers) == (("Neon", "Sodium", "Argon"), (0, 2))
    assert steps.items == ("Mix the flour and water", "Knead the dough", "Bake it")


@pytest.mark.parametrize("choices, tail", [
    # several marked right on multiple choice: select_all is named
    ("- text: Neon\n    correct: true\n  - text: Sodium\n  - text: Argon\n    correct: true",
     "; leave out the 'correct:' lines and add 'answer: [A, C]' to the question (choices A and C are marked "
     "'correct: true'); multiple choice has one right answer: for several, write 'type: select_all'"),
    # none marked right: the answer is asked for by its own message
    ("- text: Neon\n    correct: false\n  - text: Sodium\n    correct: false", "; leave out the 'correct:' lines"),
    # 'choice:' is a choice's own key (with 'shuffle:'): with 'correct:' it is a record too
    ("- choice: Neon\n    isCorrect: true\n  - choice: Sodium",
     "; leave out the 'isCorrect:' lines and add 'answer: A' to the question (choice A, 'Neon', is marked 'isCorrect: true')"),
])
def test_the_marks_of_the_right_choices_become_the_answer_line(tmp_path, choices, tail):
    path = write_guide(tmp_path, "gases.yaml", "title: Gases\nquestions:\n- type: multiple_choice\n  prompt: Which?\n"
                                               "  choices:\n  " + choices + "\n")
    messages = _messages(path)
    assert messages[-1].startswith(f"{path}:6:5: question 1.choices item 1: choices are plain lines: write '- Neon', not '- ")
    assert messages[-1].endswith(tail)
    if "add 'answer:" in tail:  # the 'answer:' the message gives is not said to be missing as well
        assert len(messages) == 1


def test_a_question_with_its_answer_line_is_told_to_drop_the_marks_only(tmp_path):
    path = write_guide(tmp_path, "gases.yaml", """
        title: Gases
        questions:
          - type: multiple_choice
            prompt: Which?
            choices:
              - text: "Neon: a noble gas"
                correct: true
              - text: Sodium
                correct: false
            answer: A
        """)
    assert _messages(path) == [
        f"{path}:6:9: question 1.choices item 1: choices are plain lines: write '- \"Neon: a noble gas\"', "
        "not '- text: \"Neon: a noble gas\"' (the same in both choices); leave out the 'correct:' lines (the "
        "question's 'answer:' says which choice is right)"]


def test_the_line_scan_says_it_once_too_when_another_line_stops_yaml(tmp_path):
    """A prompt with ': ' in it stops YAML: the line scan's findings are all there is, and the records are
    one of them, with the lines of the others."""
    path = write_guide(tmp_path, "capitals.yaml", """
        title: Capitals
        questions:
          - type: multiple_choice
            prompt: Capital of France: which?
            choices:
              - text: Paris
              - text: Lyon
              - text: Nice
            answer: A
        """)
    assert _messages(path) == [
        f"{path}:4:30: text that contains ': ' must be in quotes (put the whole text in double quotes)",
        f"{path}:6:9: choices are plain lines: write '- Paris', not '- text: Paris' (the same on lines 7 and 8)"]


def test_choices_that_are_text_with_a_colon_and_the_documented_choice_key_are_left_as_they_were(tmp_path):
    path = write_guide(tmp_path, "ships.yaml", """
        title: Ships
        questions:
          - type: multiple_choice
            prompt: Which ship?
            choices:
              - Lusitania: a liner
              - Titanic
            answer: B
          - type: multiple_choice
            prompt: Which ship?
            choices:
              - choice: Lusitania
              - choice: None of these
                shuffle: false
            answer: A
        """)
    assert _messages(path) == [f"{path}:6:9: question 1.choices item 1: put this choice in quotes: it contains ': ' "
                               "(YAML reads 'Lusitania' as a key)"]
    path.write_text(path.read_text().replace("- Lusitania: a liner", '- "Lusitania: a liner"'))
    assert api.load(path).questions[1].choices == ("Lusitania", "None of these")
