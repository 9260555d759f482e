"""Code and words wider than their line (trial r11 finding 4, left by part 1): a name is cut after '_', '.', '(',
',' or beside an operator and its rest starts after '↪', on the handout and the key alike; a plain word takes a
hyphen. Read back, line by line, from the PDFs."""
from __future__ import annotations

from click.testing import CliRunner

from conftest import CASES, page_texts, write_guide
from studyguide import cli

CS = CASES / "trial" / "cs-python-loops.yaml"


def lines(path) -> list[str]:
    """Every printed line of every page, as pypdf reads it (pdfium joins a line ending in '-' to the next)."""
    return [line.strip() for page in page_texts(path.read_bytes()) for line in page.splitlines() if line.strip()]


def build(tmp_path, guide, *args) -> tuple[list[str], list[str]]:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.cli, ["build", "-o", str(out), *args, str(guide)])
    assert result.exit_code == 0, result.output
    plain = [p for p in sorted(out.glob("*.pdf")) if "word-bank" not in p.name and "grid" not in p.name]
    student = next(p for p in plain if not p.name.endswith("-key.pdf"))
    key = next(p for p in plain if p.name.endswith("-key.pdf"))
    return lines(student), lines(key)


def test_a_long_name_in_a_quarter_sheet_choice_is_cut_after_an_underscore_with_a_turn_mark(tmp_path):
    """Trial: "if number_of_passing_scores_in_period_t" / "hree = 0:", the key cut elsewhere."""
    for printed in build(tmp_path, CS, "--format", "quiz", "--sheet", "quarter"):
        at = [i for i, line in enumerate(printed) if "number_of_passing_scores_in" in line and line.startswith(
            ("A.", "B.", "C.", "D.", "if", "B"))]
        assert len(at) >= 4, printed
        for i in at:
            assert printed[i].endswith("_"), printed[i:i + 2]
            assert printed[i + 1].startswith("\u21aa"), printed[i:i + 2]
            assert "period_three" in printed[i + 1].replace("\u00a0", " "), printed[i:i + 2]
        assert not any("period_t" in line and "period_three" not in line for line in printed)
        # Q1's code span turns over at a space, each row after the first led by one mark (a wrap done again when
        # the prompt was measured beside its points once printed "↪ in ↪ range(")
        turned = [line for line in printed if "\u21aa" in line]
        assert turned and all(line.count("\u21aa") == 1 and line.startswith("\u21aa") for line in turned), turned
        at = next(i for i, line in enumerate(printed) if "What does this code print?" in line)
        assert printed[at + 1].startswith("\u21aa") and "range(2," in printed[at + 1].replace("\u00a0", " ")
    student, key = build(tmp_path / "again", CS, "--format", "quiz", "--sheet", "quarter")
    cut = [line.split()[-1] for line in student if "number_of_passing_scores_in_" in line and line.endswith("_")]
    assert cut == [line.split()[-1] for line in key if "number_of_passing_scores_in_" in line and line.endswith("_")]


def test_inline_code_wider_than_its_line_turns_over_at_a_comma_with_the_mark(tmp_path):
    guide = write_guide(tmp_path, "g.yaml", """
        title: Code
        paper: a5
        questions:
          - type: short_answer
            prompt: "What prints? `print(sorted(values_from_the_survey_of_period_three, key=len, reverse=True))`"
            answer: "a list"
        """)
    for printed in build(tmp_path, guide):
        text = [line.replace("\u00a0", " ") for line in printed]
        first = next(i for i, line in enumerate(text) if "print(sorted(" in line)
        assert text[first].endswith(("(", ",", "_", "=")), text[first:first + 3]
        assert text[first + 1].startswith("\u21aa "), text[first:first + 3]


def test_a_plain_word_too_long_for_its_column_takes_a_hyphen(tmp_path):
    guide = write_guide(tmp_path, "g.yaml", """
        title: Words
        paper: a5
        questions:
          - type: true_false
            prompt: "Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis is a word."
            answer: true
        """)
    for printed in build(tmp_path, guide):
        first = next(i for i, line in enumerate(printed) if line.startswith(("1.", "Pneumono")) and "Pneumono" in line)
        assert printed[first].endswith("-"), printed[first:first + 2]
        joined = printed[first].split()[-1][:-1] + printed[first + 1].split()[0]
        assert joined.lower().startswith("pneumonoultramicroscopicsilicovolcanoconiosispneu"), printed[first:first + 2]
        assert "\u21aa" not in printed[first + 1]
