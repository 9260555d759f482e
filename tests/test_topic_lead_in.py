"""A topic's title and the question or sentence that introduces its table start under what comes before,
the table following, where a heading would: a trial's large print (r10 M1, M4) ended chem's page 2 under its
objectives, 29 % empty (a teacher sees half a page: the footer is far below), and apgov's page 4 held only its
objectives, 55 % empty, because "Key Topics", the worked example's title, its question and its table (too
short to split three rows a side) opened the next page together; the standard chem page 1 too (L1, 21 %).
A topic's title with no sentence under it still goes with its table (test_tables), and so do title and
sentence where less room is left than a heading's. Read back from the PDFs: the text on each page, and how
full the page is from its drawn pixels (test_print_design.page_fill)."""
from __future__ import annotations

import textwrap

import pytest

from conftest import CASES, norm, page_texts, write_guide
from studyguide import api, render
from test_print_design import page_fill

CHEM = CASES / "trial" / "chem-stoich.yaml"  # the trial's guide, as the teacher wrote it
QUESTION = "How many grams of water form when 4.00 g of H₂ burns in excess O₂? (2H₂ + O₂ → 2H₂O)"
STEPS = ("Step Calculation Result 1. Grams to moles 4.00 g ÷ 2.02 g/mol 1.98 mol H₂ 2. Mole ratio 1.98 mol H₂ × "
         "(2 mol H₂O / 2 mol H₂) 1.98 mol H₂O 3. Moles to grams 1.98 mol × 18.02 g/mol 35.7 g H₂O")


def _built(path, edition=None):
    guide = api.load(path)
    theme = api.theme_for(guide, None, edition)
    docs = render.render(guide, theme=theme)
    return {mode: ([norm(t) for t in page_texts(docs[mode].pdf)],
                   [1 - empty for empty, _ in page_fill(docs[mode].pdf, theme)]) for mode in ("student", "key")}


@pytest.mark.parametrize("edition, page, pages, least", [("large-print", 2, 13, 0.9), ("standard", 1, 6, 0.85)])
def test_the_worked_example_s_title_and_question_end_the_page_its_table_opens_the_next(edition, page, pages, least):
    """Large print: page 2 was 71 % full (objectives), now the heading, title and question under them (97 %);
    standard: page 1 79 %, now 90 %. The three-row table opens the next page whole, its heading row on top."""
    for mode, (texts, fill) in _built(CHEM, None if edition == "standard" else edition).items():
        assert len(texts) == pages, mode
        before, after = texts[page - 1], texts[page]
        assert (f"significant figures. Key Topics Worked example: grams of water from hydrogen {QUESTION} "
                f"Stoichiometry: Counting Atoms") in before, (mode, before[-300:])  # (then only the footer)
        assert after.startswith(STEPS), (mode, after[:200])
        assert fill[page - 1] >= least, (mode, fill)


def test_large_print_vocabulary_ends_on_its_page_with_no_entry_alone_over_the_page():
    """r10 L7: 'significant figures', the last entry, printed alone atop page 5 over "Questions"."""
    texts, _ = _built(CHEM, "large-print")["student"]
    vocabulary = next(n for n, text in enumerate(texts) if "Vocabulary mole" in text)
    assert "significant figures The digits in a measured number" in texts[vocabulary]
    assert texts[vocabulary + 1].startswith("Questions"), texts[vocabulary + 1][:80]


OBJECTIVES = ("Explain which powers the town holds and which the state keeps.",
              "Compare the council's powers with the mayor's.", "Trace how a local rule becomes law.", "Analyze why some rules are left to the state.",
              "Evaluate how grants shape what the town can do.")
ROWS = ("Zoning | Town council | Decide where shops may open", "Policing | Town and county | Patrol roads; answer calls "
        "for help", "Schools | School board | Hire teachers; set the calendar for the year",
        "Licenses | State | Issue driver's licenses and fishing permits",
        "Courts | State | Try cases; hear appeals from the town court")
PARAGRAPH = ("The town council meets on the first Monday of each month, and any resident may speak for three minutes "
             "before the vote on each item.")


def _town(tmp_path, paragraphs: int):
    """apgov's shape (r10 M4), in a guide of its own: a summary ``paragraphs`` long, five objectives, a topic
    whose one-line sentence introduces a five-row table (too short to split three rows a side)."""
    summary = textwrap.indent("\n\n".join([PARAGRAPH] * paragraphs), "  ")
    rows = "\n".join(f"      | {row} |" for row in ROWS)
    objectives = "\n".join(f"  - {o}" for o in OBJECTIVES)
    text = (f"title: Town and State\nsummary: |\n{summary}\nobjectives:\n{objectives}\ntopics:\n"
            f"  - title: Who holds which power\n    summary: |\n      The charter sorts powers by who holds them.\n\n"
            f"      | Power | Held by | Example |\n      |---|---|---|\n{rows}\n    points:\n"
            f"      - The state may take back a power it gave the town.\n"
            f"      - A town rule may not contradict a state law.\n")
    return _built(write_guide(tmp_path, f"town{paragraphs}.yaml", text), "large-print")


LEAD = "Key Topics Who holds which power The charter sorts powers by who holds them."
TABLE = "Power Held by Example " + " ".join(r.replace(" |", "") for r in ROWS)


@pytest.mark.parametrize("paragraphs", [7, 8, 9])
def test_under_the_objectives_the_topic_starts_and_its_five_row_table_opens_the_next_page(tmp_path, paragraphs):
    """Page 2 held the objectives alone, 50-74 % full; now the heading, the title and the sentence too."""
    for mode, (texts, fill) in _town(tmp_path, paragraphs).items():
        assert len(texts) == 3, mode
        assert OBJECTIVES[-1] + " " + LEAD + " " in texts[1], (mode, texts[1][-240:])
        assert texts[2].startswith(TABLE), (mode, texts[2][:200])  # all five rows under the heading row
        assert fill[1] >= 0.68, (mode, fill)


@pytest.mark.parametrize("paragraphs", [10, 11])
def test_with_less_room_than_a_heading_s_the_title_and_sentence_go_with_the_table(tmp_path, paragraphs):
    """Page 2 is 86-98 % full under the objectives: the topic opens page 3, its table under its title."""
    for mode, (texts, _) in _town(tmp_path, paragraphs).items():
        assert f"{OBJECTIVES[-1]} Town and State" in texts[1], (mode, texts[1][-200:])  # (then the footer)
        assert texts[2].startswith(LEAD + " " + TABLE), (mode, texts[2][:200])
