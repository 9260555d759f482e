"""Large-print exit tickets: a ticket too tall for a half page prints one to a page rather than not at all, and
the scissors on the cut lines are at the edition's smallest type (16 pt), like everything else it prints."""
from __future__ import annotations

import collections

import pypdfium2
import pypdfium2.raw as raw

from conftest import Pdf, cli_main, write_guide
from hostile_support import cli_inprocess
from studyguide.classroom import SetOptions, build_set

# two ordinary questions: at 18 pt, the title, name line, a one-line answer and five lines of working
# are taller than a half page (four fit since the gap between the questions may give a little: glue)
TWO = """
title: "Gas Laws and Stoichiometry: Numbers That Matter"
questions:
  - type: short_answer
    prompt: Convert 25 °C to kelvin.
    lines: 1
    answer: 298.15 K
  - type: short_answer
    prompt: A gas occupies 4.0 L at 1.0 atm. What is its volume at 2.5 atm, temperature constant?
    lines: 5
    points: 2
    answer: 1.6 L
"""


def sizes(path) -> collections.Counter:
    """How many characters each page of the PDF prints at each size (pt), as pdfium reads them."""
    out: collections.Counter = collections.Counter()
    doc = pypdfium2.PdfDocument(str(path))
    for page in doc:
        text = page.get_textpage()
        for k in range(text.count_chars()):
            if raw.FPDFText_GetUnicode(text, k) > 32:
                out[round(raw.FPDFText_GetFontSize(text, k), 1)] += 1
    return out


def test_a_large_print_ticket_taller_than_a_half_page_prints_one_to_a_page(tmp_path):
    path = write_guide(tmp_path / "g", "gas.yaml", TWO)
    result = build_set(path, tmp_path / "out", None,
                       SetOptions(format="exit-ticket", questions="1,2", edition="large-print"))
    student, key = (Pdf(o.path) for o in result.outputs)
    assert [o.path.name for o in result.outputs] == ["gas-exit-ticket-large-print.pdf",
                                                     "gas-exit-ticket-large-print-key.pdf"]
    # one whole letter page, the ticket once on it (not two or four copies), both questions there
    assert student.page_count == key.page_count == 1
    assert [round(v) for v in student.reader.pages[0].mediabox[2:]] == [612, 792]
    assert student.text.count("Convert 25 °C to kelvin.") == 1 and "What is its volume" in student.text
    assert "298.15 K" in key.text and "1.6 L" in key.text
    assert min(sizes(student.path)) >= 16
    assert [str(w) for w in result.warnings if "exit ticket" in w.message] == [
        f"{path}: warning: the large-print exit ticket does not fit on a half page, so it prints one ticket to a "
        "page; choose fewer or shorter questions with --questions for two to a sheet"]


def test_the_standard_ticket_still_asks_for_fewer_questions(tmp_path):
    tall = TWO.replace("lines: 5", "lines: 30")  # taller than a half page at standard size too
    path = write_guide(tmp_path / "g", "gas.yaml", tall)
    try:
        build_set(path, tmp_path / "out", None, SetOptions(format="exit-ticket", questions="1,2"))
    except Exception as exc:  # noqa: BLE001 (the message is what is checked)
        assert [str(p) for p in exc.problems] == [
            f"{path}: the exit ticket does not fit on a half page (its 2 questions take more room); choose fewer "
            "or shorter questions with --questions"]
    else:
        raise AssertionError("a standard ticket taller than a half page was built")
    assert not (tmp_path / "out").exists()


def test_large_print_scissors_are_16_pt_and_the_standard_ones_11(tmp_path):
    path = write_guide(tmp_path / "g", "one.yaml", TWO.replace("lines: 5", "lines: 1"))
    found = {}
    for edition in (None, "large-print"):
        result = build_set(path, tmp_path / str(edition), None,
                           SetOptions(format="exit-ticket", questions="1", edition=edition))
        pdf = result.outputs[0].path
        scissors = collections.Counter()
        doc = pypdfium2.PdfDocument(str(pdf))
        for page in doc:
            text = page.get_textpage()
            for k in range(text.count_chars()):
                if raw.FPDFText_GetUnicode(text, k) == 0x2702:
                    scissors[round(raw.FPDFText_GetFontSize(text, k), 1)] += 1
        found[edition] = dict(scissors)
        if edition:
            assert min(sizes(pdf)) >= 16  # nothing on the large-print sheet under 16 pt
    assert found[None] == {11.0: 2} and found["large-print"] == {16.0: 2}  # (quarter sheets: two cut lines)


def test_check_counts_the_large_print_ticket_on_its_whole_page(tmp_path):
    path = write_guide(tmp_path / "g", "gas.yaml", TWO)
    run = cli_main("check", path, "--format", "exit-ticket", "--questions", "1,2", "--edition", "large-print")
    assert run.stdout.splitlines()[0].startswith(f"{path} (exit-ticket, large-print): 1 page, 2 points")


def test_large_print_half_sheets_asked_for_name_the_one_to_a_page_ticket(tmp_path):
    path = write_guide(tmp_path / "g", "gas.yaml", TWO)
    try:
        build_set(path, tmp_path / "out", None,
                  SetOptions(format="exit-ticket", questions="1,2", edition="large-print", sheet="half"))
    except Exception as exc:  # noqa: BLE001 (the message is what is checked)
        assert [str(p) for p in exc.problems] == [
            f"{path}: the exit ticket does not fit on a half page (its 2 questions take more room); choose fewer "
            "or shorter questions with --questions, or leave out --sheet to print the large-print ticket one to a "
            "page"]
    else:
        raise AssertionError("two large-print questions were built on a half sheet")


# the bundled guide's question 1, citing its reading: in large print, taller than a quarter page with its
# key's note (its choices cannot go over the page), and a third of a letter page
POLICE = """
title: China's Foreign Police Training Program
reading:
  title: "Reading: Police Training as Diplomacy"
  place: questions
  text: |
    China says it will train police officers from other countries. {@aims}Officials call the goal a fairer social order, built on what China learned while its cities grew fast.{@/aims} Partners could gain skills, technology and closer ties with Beijing.
questions:
  - type: multiple_choice
    prompt: In {@aims}, how do Chinese authorities describe the goal of the program?
    choices:
      - Building a military alliance with partner nations
      - Promoting a “more fair and just social order”
      - Creating a single international police force
      - Selling security equipment at lower prices
    answer: B
    explanation: The article reports that Chinese authorities describe the plan as promoting a “more fair and just social order.”
"""


def test_a_large_print_ticket_too_tall_for_a_quarter_page_prints_one_to_a_page(tmp_path):
    path = write_guide(tmp_path / "g", "police.yaml", POLICE)
    result = build_set(path, tmp_path / "out", None, SetOptions(format="exit-ticket", questions="1",
                                                                edition="large-print"))
    student, key = (Pdf(o.path) for o in result.outputs)
    assert student.page_count == key.page_count == 1
    assert [round(v) for v in student.reader.pages[0].mediabox[2:]] == [612, 792]  # one ticket, a whole page
    assert student.text.count("how do Chinese authorities describe") == 1
    assert "Why: The article reports" in key.text and "Why" not in student.text
    assert [w.message for w in result.warnings if "exit ticket" in w.message] == [
        "the large-print exit ticket does not fit on a half page, so it prints one ticket to a page; choose fewer "
        "or shorter questions with --questions for two to a sheet"]
    run = cli_inprocess(["check", "police.yaml", "--format", "exit-ticket", "--questions", "1", "--edition",
                         "large-print"], cwd=tmp_path / "g")
    assert "taller than a page" not in run.err and "(exit-ticket, large-print): 1 page" in run.out
