"""A value a command-line option cannot take, said in a teacher's words on one line (first-hour trial r11, finding 8):
`--versions two` got click's "Usage: ... Try ... Error: Invalid value for '--versions': 'two' is not a valid integer
range". Numbers say their range and what was typed; names say the nearest one and the list; `export --to
google-forms` says Google Forms imports no file and what to do instead. The exit status stays 2, and nothing is
written."""
from __future__ import annotations

import pytest

from hostile_support import cli_inprocess

GUIDE = "title: Water\nquestions:\n  - type: true_false\n    prompt: Rain is water.\n    answer: true\n"
FORMS = ("--to: Google Forms cannot import questions from a file; export for a tool that can (--to quizizz, --to "
         "kahoot, --to canvas or --to moodle), or copy the questions from the quiz PDF into the form (studyguide build "
         "GUIDE --format quiz)")

REFUSED = [
    (["build", "--versions", "two"], "--versions: write a number from 1 to 26 (got 'two')"),
    (["build", "--versions", "27"], "--versions: write a number from 1 to 26 (got '27')"),
    (["build", "--class-set", "--copies", "thirty"], "--copies: write a number from 1 to 500 (got 'thirty')"),
    (["build", "--extra-lines", "2.5"], "--extra-lines: write a number from 0 to 20 (got '2.5')"),
    (["build", "-j", "0"], "--jobs: write a number of 1 or more (got '0')"),
    (["build", "--paper", "leter"],
     "--paper: unknown paper 'leter' (did you mean 'letter'? choose from letter, a4, half-letter, a5)"),
    (["check", "--edition", "large"], "--edition: unknown edition 'large' (did you mean 'large-print'? choose from "
                                      "standard, large-print, readable, fillable)"),
    (["build", "--format", "quizz"], "--format: unknown format 'quizz' (did you mean 'quiz'? choose from handout, quiz, "
                                     "exit-ticket, notes, cornell, organizers)"),
    (["build", "--sheet", "halve"], "--sheet: unknown sheet 'halve' (did you mean 'half'? choose from half, quarter)"),
    (["export", "--to", "kahot"], "--to: unknown format 'kahot' (did you mean 'kahoot'? choose from quizlet, anki, "
                                  "moodle, qti, canvas, brightspace, kahoot, blooket, gimkit, quizizz, wayground)"),
    (["export", "--to", "google-forms"], FORMS),
    (["export", "--to", "Forms"], FORMS),
    (["export", "--to", "gforms"], FORMS),
]


@pytest.mark.parametrize("args, message", REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_a_value_an_option_cannot_take_is_said_in_one_line(tmp_path, args, message):
    (tmp_path / "water.yaml").write_text(GUIDE, encoding="utf-8")
    out = ["-o", "out"] if args[0] != "check" else []  # (check writes nothing and takes no -o)
    run = cli_inprocess([args[0], "water.yaml", *args[1:], *out], cwd=tmp_path)
    assert (run.code, run.err.splitlines(), run.out) == (2, [message], "")
    assert not (tmp_path / "out").exists()


def test_a_value_that_fits_still_builds(tmp_path):
    (tmp_path / "water.yaml").write_text(GUIDE, encoding="utf-8")
    run = cli_inprocess(["build", "water.yaml", "--paper", "A4", "--versions", "2", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "water-B.pdf").is_file()


def test_an_unknown_option_keeps_clicks_usage_line(tmp_path):
    run = cli_inprocess(["build", "--bogus"], cwd=tmp_path)
    assert run.code == 2 and run.err.startswith("Usage: studyguide build")
