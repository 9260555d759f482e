"""A page that cannot hold something is blamed on what makes it so, with advice that can be followed:
a theme whose sizes make a four-line question taller than a page is named with those values (the guide
is not told to shorten a question that fits with the default theme), and a footer too tall for the page
is not told to raise margin_bottom past the 2in it may have."""
from __future__ import annotations

from pathlib import Path

from conftest import TESTS
from hostile_support import cli_inprocess

QUESTION = ("title: Cells\nquestions:\n  - type: multiple_choice\n    prompt: Which part of a cell holds its genes?\n"
            "    choices: [The nucleus, The wall, The membrane, The vacuole]\n    answer: A\n")
BIG = "parent: classic\npage: {margin_x: 2in}\nstyles:\n  body: {size: 48, leading: 72, left_indent: 144}\n"


def folder(tmp_path: Path, theme: str, guide: str = QUESTION) -> Path:
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "big.yaml").write_text(theme, encoding="utf-8")
    (tmp_path / "g.yaml").write_text(guide, encoding="utf-8")
    return tmp_path


def test_a_question_too_tall_only_with_a_teachers_theme_names_the_themes_values(tmp_path):
    run = cli_inprocess(["build", "g.yaml", "--theme", "big", "-o", "out"], folder(tmp_path, BIG))
    assert run.code == 1
    assert run.messages == [
        "g.yaml:3:5: question 1 is taller than a page with the theme in themes/big.yaml, though it fits one with the "
        "classic theme; make the theme's larger values smaller: left_indent 144 (styles body), leading 72 (styles "
        "body), size 48 (styles body), page.margin_x 2in"]
    assert not (tmp_path / "out").exists()


MAXIMA = """parent: classic
page: {margin_x: 144, margin_top: 144, margin_bottom: 144, footer_y: 40}
spacing: {line_gap: 54, question_gap: 48, number_width: 72, heading_room: 360, choice_indent: 72, box_side: 54}
rules: {answer_line: 4, table: 4}
styles:
  body: {size: 48, leading: 72, space_before: 72, space_after: 72, left_indent: 144, bullet_indent: 144}
  title: {size: 48, leading: 72, left_indent: 144}
  heading: {size: 48, leading: 72, space_before: 72, space_after: 72, left_indent: 144}
  prompt: {size: 48, leading: 72, left_indent: 144}
  choice: {size: 48, leading: 72, left_indent: 144}
  cell: {size: 48, leading: 72, left_indent: 144}
  cell_head: {size: 48, leading: 72, left_indent: 144}
  footer: {size: 12, leading: 14}
  answer: {size: 48, leading: 72, left_indent: 144}
"""  # hostile round 5's theme: every value at the most it may be


def test_a_theme_at_every_maximum_names_its_largest_values_first(tmp_path):
    run = cli_inprocess(["build", "g.yaml", "--theme", "big", "-o", "out"], folder(tmp_path, MAXIMA))
    assert run.code == 1
    assert run.messages == [
        "g.yaml:3:5: question 1 is taller than a page with the theme in themes/big.yaml, though it fits one with the "
        "classic theme; make the theme's larger values smaller: left_indent 144 (styles prompt, choice, answer, body, "
        "cell and cell_head), space_before 72 (styles body), leading 72 (styles prompt, choice, answer, cell and "
        "cell_head), size 48 (styles prompt, choice, answer, cell and cell_head), spacing.question_gap 0.67in, "
        "spacing.choice_indent 1in and 6 more"]


def test_a_question_too_tall_with_the_default_theme_too_is_the_questions_to_shorten(tmp_path):
    guide = (TESTS / "cases" / "hostile" / "question-taller-than-page.yaml").read_text(encoding="utf-8")
    run = cli_inprocess(["build", "g.yaml", "--theme", "big", "-o", "out"], folder(tmp_path, BIG, guide))
    assert run.code == 1
    assert run.messages == ["g.yaml:6:5: question 2 is taller than a page and cannot be split across pages "
                            "(shorten its explanation, or its longest item or pair)"]


def test_a_footer_too_tall_for_any_margin_gets_advice_that_can_be_followed(tmp_path):
    footer = "parent: classic\npage: {footer_y: 108}\nstyles:\n  footer: {size: 48, leading: 56}\n"
    run = cli_inprocess(["build", "g.yaml", "--theme", "big", "-o", "out"], folder(tmp_path, footer))
    assert run.code == 1
    assert run.messages == [
        "themes/big.yaml:2:18: page: the footer (its line at 2.21in from the bottom edge) would print over the "
        "text, which starts at margin_bottom 0.90in; make margin_bottom 2.00in and lower footer_y to 1.24in or less"]
    followed = footer.replace("footer_y: 108", "footer_y: 1.24in, margin_bottom: 2.00in")
    (tmp_path / "themes" / "big.yaml").write_text(followed, encoding="utf-8")
    again = cli_inprocess(["build", "g.yaml", "--theme", "big", "-o", "out"], tmp_path)
    assert again.code == 0, again.err
