"""A crossword that a small page (quarter or half sheets, A5) would cut by more than a third of its terms is
left out of that format with one warning naming the fix; one that loses a term or two stays, as before."""
from __future__ import annotations

from pathlib import Path

from conftest import Pdf
from studyguide import api
from studyguide.classroom import SetOptions, build_set

WATER = Path(__file__).parent / "cases" / "layout" / "water-cycle.yaml"
CORE = ("evaporation", "condensation", "precipitation", "infiltration", "transpiration", "groundwater")


def test_quarter_sheets_leave_out_a_crossword_that_would_lose_half_its_terms(tmp_path):
    result = build_set(WATER, tmp_path / "q", None, SetOptions(sheet="quarter"))
    said = [str(w) for w in result.warnings if "crossword" in w.message]
    assert said == [
        f"{WATER}:125:5: warning: activities: the crossword is left out of these quarter-letter pages: its grid "
        "there would leave out 6 of its 12 terms; build it on full letter or A4 pages (without --sheet or a small "
        "--paper) for the whole crossword"]  # one warning; not also the list of the 6 terms left out
    handout, key = (Pdf(o.path) for o in result.outputs)
    assert "Crossword" not in handout.text and "Crossword" not in key.text
    assert "Word Search" in handout.text and handout.page_count == key.page_count
    # on letter, the same guide's crossword holds every term, the core words among them
    full = build_set(WATER, tmp_path / "l", None, SetOptions())
    assert not [w for w in full.warnings if "crossword" in w.message]
    key = Pdf(next(o.path for o in full.outputs if o.path.name.endswith("-key.pdf")))
    assert "Crossword" in key.text


def test_a5_keeps_a_crossword_that_loses_one_term(tmp_path):
    result = api.build(WATER, tmp_path / "a5", paper="a5")
    said = [str(w) for w in result.warnings if "crossword" in w.message]
    assert len(said) == 1 and said[0].endswith("'condensation'") and "left out of these" not in said[0]
    assert "Crossword" in Pdf(result.outputs[0].path).text


def test_check_counts_the_quarter_sheets_without_the_crossword(tmp_path):
    from conftest import cli_main

    run = cli_main("check", WATER, "--sheet", "quarter")
    lines = (run.stdout + run.stderr).splitlines()
    assert any(line.startswith(f"{WATER}:125:5: warning: activities: the crossword is left out of these "
                               "quarter-letter pages") for line in lines)
    assert not any("crossword: 6 terms left out" in line for line in lines)


def test_a_word_search_with_two_rows_of_words_on_large_print_half_sheets_builds(tmp_path):
    """The trial's motion guide in large print on half sheets: its word search's four words make two rows of
    two, and the grid on a fresh page left no room under it. The layout tried two rows under the grid and the
    rest on the next page, and the rest was no rows at all: "internal error: ValueError: <RowSplittingTable...>
    must have at least a row and column", nothing built. The words now all open the next page, the grid
    saying so."""
    guide = Path(__file__).parent / "cases" / "layout" / "motion-and-slope.yaml"
    result = build_set(guide, tmp_path, None, SetOptions(edition="large-print", sheet="half"))
    handout = Pdf(result.outputs[0].path)
    grid = next(n for n, page in enumerate(handout.pages) if page.startswith("Word Search"))
    assert "The words to find are on the next page." in handout.pages[grid]
    assert handout.pages[grid + 1].startswith("Words to find ORIGIN VELOCITY SLOPE Y-INTERCEPT")
