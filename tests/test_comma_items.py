"""A ',' with no space after it in a list typed on one line ('[There is a shortage of 5,000 apartments, ...]').

YAML ends an item at every ',' inside [ ... ], so '5,000' became the choices '... of 5' and '000 apartments', the
key circled the letters typed for the intended choices, and validate said ok (trial round 13, finding 1). The
exact validate messages are data in tests/cases/errors/comma-in-a-number.*; here: build gives them too and writes
nothing, the advice followed prints what was meant, and lists where such a comma is plain separation still build.
"""
from __future__ import annotations

from conftest import CASES, build_into, cli_main, write_guide
from studyguide import api
from studyguide.model import SelectAll

CASE = CASES / "errors" / "comma-in-a-number.yaml"


def test_build_refuses_the_split_choices_with_validates_messages_and_writes_nothing(tmp_path):
    guide = tmp_path / "rent.yaml"
    guide.write_bytes(CASE.read_bytes())
    proc = cli_main("build", "rent.yaml", "-o", "out", cwd=tmp_path)
    expected = CASE.with_suffix(".expected").read_text(encoding="utf-8").replace("tests/cases/errors/comma-in-a-number",
                                                                                  "rent").splitlines()
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[:len(expected)] == expected
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_the_choice_quoted_as_told_prints_whole_and_the_key_marks_the_letters_typed(tmp_path):
    text = CASE.read_text(encoding="utf-8")
    for typed in ("There is a shortage of 5,000 apartments", "Landlords supply 4,000 apartments", "[4,000", " 5,500"):
        text = text.replace(typed, typed[0] + f'"{typed[1:]}"' if typed[0] in "[ " else f'"{typed}"')
    text = text.replace("Set the ceiling,Measure", "Set the ceiling, Measure")  # the other advice: 2 items
    built = build_into(write_guide(tmp_path, "rent.yaml", text), tmp_path / "out")
    first = built.guide.questions[0]
    assert isinstance(first, SelectAll) and first.choices == (
        "There is a shortage of 5,000 apartments", "The rent is below equilibrium", "Landlords supply 4,000 apartments")
    assert first.answers == (0, 2)
    assert built.guide.questions[1].choices == ("4,000", "5,500", "7,000")
    assert ("A. There is a shortage of 5,000 apartments B. The rent is below equilibrium C. Landlords supply 4,000 "
            "apartments 2.") in built.student.text
    # the key's circled letters read back as 'A .': A and C, the letters typed, beside the choices meant
    assert ("A . There is a shortage of 5,000 apartments B. The rent is below equilibrium C . Landlords supply 4,000 "
            "apartments 2.") in built.key.text
    assert "A. 4,000 B . 5,500 C. 7,000" in built.key.text


def test_commas_that_only_separate_still_read_as_typed(tmp_path):
    """'[A,C]' answers, '[matching,crossword]', '[friday,vocab]' tags, and commas with a space after them."""
    path = write_guide(tmp_path, "ok.yaml", """
        title: Capitals
        activities: [matching,flashcards]
        vocabulary:
          - {term: capital, definition: "The city where a government sits."}
          - {term: border, definition: "The line between two countries."}
        questions:
          - type: select_all
            prompt: Which cities are capitals?
            choices: [Paris, Lyon, Rome, Milan]
            answer: [A,C]
            tags: [friday,vocab]
    """)
    guide = api.load(path)
    assert guide.activities == ("matching", "flashcards")
    assert guide.questions[0].choices == ("Paris", "Lyon", "Rome", "Milan") and guide.questions[0].answers == (0, 2)
    assert guide.questions[0].tags == ("friday", "vocab")


def test_and_after_a_comma_is_still_warned_of_beside_the_error(tmp_path):
    path = write_guide(tmp_path, "entente.yaml", """
        title: World War I
        questions:
          - type: multiple_choice
            prompt: Which countries formed the Triple Entente?
            choices: [France,Russia, and Britain]
            answer: A
    """)
    proc = cli_main("validate", "entente.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "entente.yaml:5:21: question 1.choices: 'France,Russia' is read as 2 choices, 'France' and 'Russia': in "
        "[ ... ] every ',' starts a new choice, even with no space after it; put the choice in quotes "
        "(\"France,Russia\"), or write each choice on a line of its own after '- '; if you meant 2 choices, type a "
        "space after the ','",
        "entente.yaml:5:30: warning: question 1.choices item 3: 'and Britain' is a choice of its own: in [ ... ] "
        "every ',' starts a new choice (leave out the 'and', or put a choice that holds commas in quotes)",
    ]
