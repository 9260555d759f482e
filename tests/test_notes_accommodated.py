"""Guided and Cornell notes of a guide with `accommodations:` (trial r12 #8): the accommodated copy has what its
name says (a word bank of the notes' blanks; more lines for the Cornell summary), and an accommodation a format
has no use for names no copy: none is written when nothing is left, and the build says why at the guide's line."""
from __future__ import annotations

from pathlib import Path

from conftest import norm, page_texts, write_guide
from studyguide import batch, classroom
from studyguide.model import Accommodations
from test_cornell_summary import _rules_under

GUIDE = """\
title: Slopes
summary: A line's slope is its rise over its run. Parallel lines share one slope.
accommodations: {ACC}
vocabulary:
  - term: slope
    definition: rise over run
  - term: intercept
    definition: where a line crosses an axis
topics:
  - title: Slope
    summary: Slope is the rise over the run; a steep line has a large slope.
    points:
      - The intercept is where the line meets the y-axis.
      - Two points give the slope of the line through them.
  - title: Solutions
    points:
      - A point on the line is a [[solution]] of its equation.
"""


def _built(tmp_path: Path, acc: str, fmt: str, flags: Accommodations | None = None):
    path = write_guide(tmp_path / "g", "slopes.yaml", GUIDE.replace("{ACC}", acc))
    out = tmp_path / "out"
    outcome = batch.outcome_of(path, out, None, True, classroom.SetOptions(format=fmt, accommodations=flags))
    assert not outcome.problems, outcome.problems
    return outcome, {Path(p).name: (out / Path(p).name).read_bytes() for p, *_ in outcome.outputs}


def test_accommodated_guided_notes_print_a_word_bank_of_their_blanks(tmp_path):
    """The copy named for the word bank prints one, in handout and key alike, holding each blanked word once and
    in alphabetical order ('Slope' opening a sentence is listed as the term is typed); the standard notes have
    none. The extra lines, which guided notes have no lines for, are left out of its name, and the build says so."""
    outcome, files = _built(tmp_path, "{word_bank: true, extra_lines: 2}", "notes")
    assert sorted(files) == ["slopes-notes-key.pdf", "slopes-notes-word-bank-key.pdf",
                             "slopes-notes-word-bank.pdf", "slopes-notes.pdf"]
    banked, key = norm(page_texts(files["slopes-notes-word-bank.pdf"])[0]), \
        norm(page_texts(files["slopes-notes-word-bank-key.pdf"])[0])
    assert "Word bank: intercept · slope · solution" in banked
    assert "Word bank: intercept · slope · solution" in key
    assert banked.index("Word bank") < banked.index("Slope is the rise")  # (under the title block, before the notes)
    assert "Word bank" not in norm(page_texts(files["slopes-notes.pdf"])[0])
    assert outcome.warnings == [
        f"{tmp_path / 'g' / 'slopes.yaml'}:3:17: warning: accommodations: guided notes have no answer lines, so "
        "'extra_lines' changes nothing in them: the accommodated copy has a word bank of the notes' blanks (the "
        "handout and the quiz take every accommodation)"]


def test_accommodated_cornell_notes_have_the_bank_and_more_summary_lines(tmp_path):
    """Cornell notes take both: the bank over the notes and the summary's five lines and two more, in both
    documents; the standard copy keeps five lines and no bank."""
    outcome, files = _built(tmp_path, "{word_bank: true, extra_lines: 2}", "cornell")
    assert sorted(files) == ["slopes-cornell-key.pdf", "slopes-cornell-word-bank-extra-lines-2-key.pdf",
                             "slopes-cornell-word-bank-extra-lines-2.pdf", "slopes-cornell.pdf"]
    assert not outcome.warnings
    for name, lines, bank in (("slopes-cornell", 5, False), ("slopes-cornell-word-bank-extra-lines-2", 7, True)):
        for pdf in (files[f"{name}.pdf"], files[f"{name}-key.pdf"]):
            assert len(page_texts(pdf)) == 1
            assert _rules_under(pdf, 1, "Summary") == lines, name
            assert ("Word bank: intercept · slope · solution" in norm(page_texts(pdf)[0])) is bank


def test_notes_write_no_copy_that_would_be_the_standard_one(tmp_path):
    """Extra lines alone: guided notes and organizers write the standard copy only and say why; a flag on a guide
    without accommodations, that changes nothing in notes, builds the plain notes under their own name."""
    outcome, files = _built(tmp_path, "{extra_lines: 3, reduced_choices: true}", "notes")
    assert sorted(files) == ["slopes-notes-key.pdf", "slopes-notes.pdf"]
    assert outcome.warnings == [
        f"{tmp_path / 'g' / 'slopes.yaml'}:3:17: warning: accommodations: guided notes have no multiple-choice "
        "questions and have no answer lines, so 'reduced_choices' and 'extra_lines' change nothing in them: no "
        "accommodated copy is made, as it would be the same as the standard one (the handout and the quiz take "
        "every accommodation)"]
    outcome, files = _built(tmp_path, "{}", "notes", Accommodations(extra_lines=2))
    assert sorted(files) == ["slopes-notes-key.pdf", "slopes-notes.pdf"]
    assert len(outcome.warnings) == 1 and "'extra_lines' changes nothing" in outcome.warnings[0]
