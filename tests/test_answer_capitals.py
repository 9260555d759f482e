"""An answer typed as text that differs from one choice only in capitals, spaces or the marks around it
('answer: neon' for the choice 'Neon', 'Neon.' too) can mean only that choice: it is that choice's answer
in validate, check, the key and the exports alike (trial r8/trial2 L12 had it refused). When two choices
read so ('Neon' and 'NEON'), which one is not guessed: the message names both."""
from __future__ import annotations

import pytest

from conftest import Pdf, cli_main, write_guide
from studyguide import api
from studyguide.errors import GuideError

GASES = """
    title: Gases
    questions:
      - type: multiple_choice
        prompt: Which gas glows red in signs?
        choices:
          - Neon
          - Sodium
          - Argon
        answer: neon
      - type: select_all
        prompt: Which are noble gases?
        choices: [Helium, Nitrogen, "**Krypton**", Oxygen]
        answer: [helium., " KRYPTON"]
      - type: multiple_choice
        prompt: ¿Cuál es un gas noble?
        choices: [Xenón, Cloro]
        answer: ¿xenón?
    """


def _bold(font: str) -> bool:
    return "Bold" in font


def test_an_answer_that_is_one_choice_in_other_capitals_is_that_choice_everywhere(tmp_path):
    path = write_guide(tmp_path, "gases.yaml", GASES)
    guide = api.load(path)
    assert guide.questions[0].answer == 0 and guide.questions[1].answers == (0, 2) and guide.questions[2].answer == 0
    for command in ("validate", "check"):
        done = cli_main(command, str(path))
        assert done.returncode == 0 and "answer" not in done.stderr, (command, done.stderr)
    result = api.build(path, tmp_path / "out")
    student, key = (Pdf(o.path) for o in result.outputs)
    # the key prints the right choices in bold (circled), the handout none
    assert {_bold(f) for f in key.fonts_of("Neon")} == {True} and {_bold(f) for f in key.fonts_of("Sodium")} == {False}
    assert {_bold(f) for f in key.fonts_of("Helium")} == {True} and {_bold(f) for f in key.fonts_of("Nitrogen")} == {False}
    assert {_bold(f) for f in key.fonts_of("Xenón")} == {True} and {_bold(f) for f in key.fonts_of("Cloro")} == {False}
    assert not any(_bold(f) for word in ("Neon", "Helium", "Xenón") for f in student.fonts_of(word))
    done = cli_main("export", "--to", "gimkit", str(path), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    rows = (tmp_path / "out" / "gases-gimkit.csv").read_text(encoding="utf-8").splitlines()
    assert "Which gas glows red in signs?,Neon,Sodium,Argon," in rows
    done = cli_main("export", "--to", "moodle", str(path), "-o", str(tmp_path / "out"))
    xml = (tmp_path / "out" / "gases-moodle.xml").read_text(encoding="utf-8")
    assert '<answer fraction="100" format="html">\n      <text>Neon</text>' in xml


@pytest.mark.parametrize("choices, answer, message", [
    ("[Neon, Sodium, NEON]", "neon",
     "'neon' could be choice A, 'Neon', or choice C, 'NEON': they differ from it only in capitals, spaces or the marks "
     "around them (write the letter of the right one)"),
    # a sign or a decimal point before a number is not a mark around it
    ('["5", "10"]', '"-5"', "'-5' is not one of the choices (give a letter A–B or the exact text of a choice)"),
    ('["0.5", "5"]', ".5", "'.5' is not one of the choices; did you mean choice A, '0.5'? (your answer lacks the opening "
                           "'0'; write the letter A, or the choice's text exactly as it is)"),
])
def test_an_answer_that_could_be_two_choices_or_is_another_number_is_refused(tmp_path, choices, answer, message):
    path = write_guide(tmp_path, "gases.yaml", f"title: Gases\nquestions:\n  - type: multiple_choice\n    prompt: Which?\n"
                                               f"    choices: {choices}\n    answer: {answer}\n")
    with pytest.raises(GuideError) as caught:
        api.load(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}:6:13: question 1.answer: {message}"]
