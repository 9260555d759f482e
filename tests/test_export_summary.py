"""What `studyguide export` says it wrote is what the files hold: the count of questions in each file, and
the ones left out, with why.
"""
from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import guide_params
from studyguide import cli

openpyxl = pytest.importorskip("openpyxl")


def _rows_in(path) -> int:
    """The questions a game file holds, read as the tool reads it."""
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        first = 9 if path.name.endswith("-kahoot.xlsx") else 2  # Kahoot's header is row 8; Quizizz's row 1
        column = 2 if path.name.endswith("-kahoot.xlsx") else 1
        return sum(1 for r in range(first, ws.max_row + 1) if ws.cell(r, column).value)
    return len([r for r in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))][2:])  # title, header rows


@pytest.mark.parametrize("fmt", ["kahoot", "blooket", "gimkit", "quizizz"])
@pytest.mark.parametrize("guide_path", guide_params())
def test_the_summary_counts_the_questions_the_file_holds(guide_path, fmt, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["export", "--to", fmt, str(guide_path), "-o", str(tmp_path)])
    out, err = capsys.readouterr()
    assert info.value.code == 0
    [line] = out.splitlines()
    m = re.fullmatch(r"exported .* → (.*) \((\d+)(?: of (\d+))? questions?(?:; (\d+) left out: (.*))?\)", line)
    assert m, line
    path, written, total, gone, why = m.groups()
    assert int(written) == _rows_in(__import__("pathlib").Path(path))
    if total is not None:
        assert int(written) + int(gone) == int(total)
        said = [int(n) for n in re.findall(r"(\d+) [a-z ]+(?=[,(])", why)]
        assert sum(said) == int(gone) == len(re.findall(r"(; it| question) is left out( \(shorten [^)]*\))?$", err, re.M))


LEFT_OUT = """
    title: Mixed
    questions:
      - type: multiple_choice
        prompt: One?
        choices: [a, b]
        answer: A
      - type: essay
        prompt: Discuss.
      - type: essay
        prompt: Discuss again.
      - type: select_all
        prompt: Which?
        choices: [a, b, c]
        answer: [A, B]
      - type: matching
        prompt: Match.
        pairs:
          - {left: a, right: "1"}
          - {left: b, right: "2"}
"""


def test_gimkit_says_which_questions_it_left_out_and_why(tmp_path, capsys):
    guide = tmp_path / "mixed.yaml"
    guide.write_text(LEFT_OUT, encoding="utf-8")
    with pytest.raises(SystemExit):
        cli.main(["export", "--to", "gimkit", str(guide), "-o", str(tmp_path / "out")])
    out, _ = capsys.readouterr()
    assert out.strip() == (f"exported {guide} → {tmp_path / 'out' / 'mixed-gimkit.csv'} (1 of 5 questions; 4 left out: "
                           "2 essay, 1 matching (no row in Gimkit's template); 1 select all (Gimkit takes one right "
                           "answer))")
    assert _rows_in(tmp_path / "out" / "mixed-gimkit.csv") == 1


FRENCH = """
    title: Les fleuves
    language: fr
    vocabulary:
      - term: fleuve
        definition: Cours d'eau qui se jette dans la mer.
        example: La Garonne est un fleuve.
"""


def test_an_anki_card_s_example_is_labelled_in_the_guide_s_language_and_comes_back(tmp_path):
    from studyguide import api
    from studyguide.export import FORMATS
    from studyguide.importers import import_file

    guide_path = tmp_path / "fleuves.yaml"
    guide_path.write_text(FRENCH, encoding="utf-8")
    [(name, data)], _ = FORMATS["anki"](api.load(guide_path))
    assert data.decode().splitlines()[-1].split("\t")[:2] == [
        "fleuve", "Cours d'eau qui se jette dans la mer.<br><br><i>Exemple\u00a0:</i> La Garonne est un fleuve."]
    (tmp_path / name).write_bytes(data)
    out, draft = import_file(tmp_path / name, tmp_path / "back" / "fleuves.yaml")
    again = api.load(out)
    assert again.language == "fr" and again.vocabulary[0].example == "La Garonne est un fleuve."
    assert FORMATS["anki"](again)[0][0][1] == data


CITING = """
    title: Main Street
    reading:
      text: |
        For forty years, Main Street carried cars and buses through the middle of town. {@vote}Six members
        voted to close four blocks to private cars for a trial year.{@/vote}

        The first weeks were confusing.
    questions:
      - type: true_false
        prompt: The street carried buses.
        answer: true
      - type: short_answer
        prompt: In {@vote}, how did the council first decide?
      - type: true_false
        prompt: "{@vote:paragraph} says the trial lasts a year."
        answer: true
"""


@pytest.mark.parametrize("fmt, name, numbers", [("kahoot", "Kahoot", "question 3 cites"),
                                                 ("moodle", "Moodle", "questions 2, 3 cite"),
                                                 ("canvas", "Canvas", "questions 2, 3 cite")])
def test_an_export_that_keeps_a_citation_of_the_reading_says_so_once(tmp_path, capsys, fmt, name, numbers):
    guide = tmp_path / "street.yaml"
    guide.write_text(CITING, encoding="utf-8")
    with pytest.raises(SystemExit):
        cli.main(["export", "--to", fmt, str(guide), "-o", str(tmp_path / "out")])
    _, err = capsys.readouterr()
    line = 15 if fmt == "kahoot" else 13  # Kahoot leaves the short answer out
    citing = [e for e in err.splitlines() if "reading" in e]
    assert citing == [f"{guide}:{line}:9: warning: {fmt}: {numbers} lines of the reading, and the {name} file does not "
                      "hold the reading: give students the handout's reading (its line numbers) beside it, or write "
                      "those prompts without the citation"]
    with pytest.raises(SystemExit):
        cli.main(["export", "--to", "quizlet", str(guide), "-o", str(tmp_path / "out2")])
    assert "reading" not in capsys.readouterr().err


def test_a_citation_in_the_key_s_explanation_alone_is_named_only_where_the_file_holds_the_explanation(tmp_path, capsys):
    guide = tmp_path / "street.yaml"
    guide.write_text(CITING.replace("answer: true\n      - type: short_answer",
                                    "answer: true\n        explanation: See {@vote}.\n      - type: short_answer"),
                     encoding="utf-8")
    # Kahoot's row has no explanation; Quizizz's has (Answer explanation), as Moodle's general feedback
    for fmt, numbers in (("kahoot", "question 3 cites"), ("quizizz", "questions 1, 2, 3 cite"),
                         ("moodle", "questions 1, 2, 3 cite")):
        with pytest.raises(SystemExit):
            cli.main(["export", "--to", fmt, str(guide), "-o", str(tmp_path / fmt)])
        assert f"warning: {fmt}: {numbers} lines of the reading" in capsys.readouterr().err
