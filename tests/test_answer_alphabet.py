"""An answer typed as a Cyrillic or Greek letter (review2 M5): 'answer: В' on a Russian quiz means the third
choice, as Russian tests letter them А, Б, В; 'answer: γ' on a physics quiz whose first choice is 'γ rays'
means that choice. The letter's place in its alphabet is read only when the choices are written in it, so
the message never sends a teacher to the wrong choice."""
from __future__ import annotations

import pytest

from conftest import write_guide
from studyguide import api
from studyguide.errors import GuideError


def refused(tmp_path, choices: str, answer: str) -> str:
    path = write_guide(tmp_path, "g.yaml", f"""
        title: T
        questions:
          - type: multiple_choice
            prompt: Which one?
            choices: {choices}
            answer: {answer}
    """)
    with pytest.raises(GuideError) as caught:
        api.load(path)
    return "\n".join(str(p).split(": ", 1)[1] for p in caught.value.problems)


def test_a_greek_letter_that_names_a_choice_is_that_choice_not_its_place(tmp_path):
    """'γ' was read as the third letter: "choice γ is C: write C", and C is β particles."""
    assert refused(tmp_path, "[γ rays, α particles, β particles]", "γ") == (
        "question 1.answer: 'γ' is not one of the choices; did you mean choice A, 'γ rays'? (your answer lacks the "
        "final 'rays'; write the letter A, or the choice's text exactly as it is)")


def test_a_letter_of_another_alphabet_than_the_choices_is_refused_as_any_answer(tmp_path):
    assert refused(tmp_path, "[x rays, light, sound]", "γ") == (
        "question 1.answer: 'γ' is not one of the choices (give a letter A–C or the exact text of a choice)")


@pytest.mark.parametrize("choices, answer, letter", [
    ("[Москва, Санкт-Петербург, Казань, Новосибирск]", "В", "C"),
    ("[12, 15, 18]", "Б", "B"),  # (figures: nothing says the letters are not the teacher's)
    ("[ήλιος, σελήνη, άστρο]", "β", "B"),
])
def test_a_letter_of_the_choices_own_alphabet_is_read_by_its_place(tmp_path, choices, answer, letter):
    span = "A–D" if "Москва" in choices else "A–C"
    assert refused(tmp_path, choices, answer) == (
        f"question 1.answer: '{answer}' is not one of the choices; choices are lettered {span} in print, so choice "
        f"{answer} is {letter}: write {letter}")
