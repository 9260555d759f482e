"""Mistakes a teacher makes, read as a teacher reads them: what is accepted as meant, and the one
message (with its line and fix) for what is not. The messages' exact text for whole bad guides is
in tests/cases/errors; these are the cases a .yaml beside an .expected cannot show."""
from __future__ import annotations

import pytest

from conftest import write_guide
from studyguide import api
from studyguide.errors import GuideError

SELECT_ALL = """
    title: The carbon cycle
    questions:
      - type: select_all
        prompt: Select ALL the processes that add CO₂ to the air.
        choices: [Respiration, Photosynthesis, Combustion, Decay]
        answer: {answer}
    """


@pytest.mark.parametrize("answer", ["A, C and D", "A C D", "a, c & d", "A; C; D"])
def test_select_all_letters_written_as_said_aloud_are_the_right_letters(tmp_path, answer):
    path = write_guide(tmp_path, "carbon.yaml", SELECT_ALL.format(answer=answer))
    assert api.load(path).questions[0].answers == (0, 2, 3)


def test_a_select_all_letter_out_of_range_is_named_alone(tmp_path):
    path = write_guide(tmp_path, "carbon.yaml", SELECT_ALL.format(answer="A, C and E"))
    with pytest.raises(GuideError) as caught:
        api.load(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:6:22: question 1.answer: 'E' is not one of the choices (give a letter A–D or the exact text of a choice)"]


def test_full_width_colons_inside_text_are_text(tmp_path):
    """The full-width '：' typed for a key's ':' is refused at its line (tests/cases/errors/fullwidth-colon);
    inside Chinese text, and after an English word in it, it is punctuation, read as typed."""
    path = write_guide(tmp_path, "zh.yaml", """
        title: 水循环
        language: zh
        summary: |
          注意：水会蒸发。
          Note：the sun heats water.
        questions:
          - type: multiple_choice
            prompt: 下列哪一项：给水循环提供能量？
              Hint：think of the sky
            choices: ["月亮：夜晚", 太阳, 海底]
            answer: B
        """)
    guide = api.load(path)
    assert guide.questions[0].prompt == "下列哪一项：给水循环提供能量？ Hint：think of the sky"
    assert guide.questions[0].choices[0] == "月亮：夜晚" and "Note：the sun" in guide.summary[0]


@pytest.mark.parametrize("answer, small", [("A, C e D", "e"), ("B y c", "y")])
def test_letters_said_aloud_with_a_small_letter_among_capitals_are_asked_about(tmp_path, answer, small):
    """'A, C e D' is A, C and D in Portuguese or Italian, or A, C, E and D: a review found the key circling E
    too. Mixed capitals and small letters are not guessed at: the teacher is asked, with the list to type."""
    text = SELECT_ALL.format(answer=answer).replace("[Respiration, Photosynthesis, Combustion, Decay]",
                                                      "[Respiration, Photosynthesis, Combustion, Decay, Erosion]")
    path = write_guide(tmp_path, "carbon.yaml", text)
    with pytest.raises(GuideError) as caught:
        api.load(path)
    capitals = ", ".join(c.upper() for c in answer.replace(",", "").split() if c != small)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:6:13: question 1.answer: is '{small}' in '{answer}' the letter {small.upper()} or a word ('and')? "
        f"write the right letters as a list, e.g. [{capitals}]"]
