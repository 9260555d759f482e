"""The Cornell notes' header row ("Questions | Notes") goes with the notes' first row: never alone at a page's foot.
Read back from the PDFs, page by page, handout and key."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GUIDES_DIR, norm, page_texts
from studyguide import classroom

PHOTO = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"
HEADER = "Questions Notes"


def _pages(edition, sheet, paper=None, guide=PHOTO) -> dict[str, list[str]]:
    options = classroom.SetOptions(format="cornell", edition=edition, sheet=sheet)
    files = classroom.build_set(guide, guide.parent / "out", paper, options, write=False).files
    return {("key" if Path(p).name.endswith("-key.pdf") else "student"): [norm(t) for t in page_texts(pdf)]
            for p, pdf in files}


@pytest.mark.parametrize("edition, sheet, paper", [("large-print", "half", None), ("large-print", None, "a5"),
                                                   ("large-print", None, None), (None, "half", None), (None, None, None)])
def test_the_header_row_is_on_the_page_of_the_first_row_under_it(edition, sheet, paper):
    """Large print on half sheets and A5: the title block left room for the header row but not for the first
    topic's row, and page 1 ended with "Questions Notes" alone under the title. The row's first lines now go
    under the header there, the rest over the page, as large print cuts a row of notes. Every copy: the header is
    printed once, with the first topic's title and the first words of its notes after it on its page (a half
    sheet prints each page twice, side by side)."""
    for mode, pages in _pages(edition, sheet, paper).items():
        held = [n for n, text in enumerate(pages, 1) if HEADER in text]
        assert len(held) == 1, (mode, held)
        after = pages[held[0] - 1].split(HEADER)[1:]
        assert all(re.match(r" Light and Chlorophyll Plants use only part of the light\b", rest) for rest in after), \
            (mode, after)


@pytest.mark.parametrize("sheet, paper", [("half", None), (None, "a5")])
def test_a_row_that_would_leave_only_its_title_under_the_header_opens_the_next_page_with_it(sheet, paper):
    """The police-training guide in large print: under the title block there is room for the header and the first
    topic's title ("China's Stated Objectives", two lines in the narrow column), not for a line of its notes. Cut
    there, the title ended the page under the header; the header and the whole row now open page 2."""
    for mode, pages in _pages("large-print", sheet, paper, GUIDES_DIR / "china-foreign-police-training.yaml").items():
        assert [n for n, text in enumerate(pages, 1) if HEADER in text] == [2], mode
        after = pages[1].split(HEADER)[1:]
        assert all(re.match(r" China’s Stated Objectives According to Chinese authorities", rest) for rest in after), \
            (mode, after)


LONG_TITLE = "The peace after the First World War in Europe and the treaties that followed it, one by one"
POINT = "the [[treaty]] changed the borders of many countries in Europe after the war ended"
MID = f"""\
title: Cornell header
subject: History 10
labels:
  cues: "Questions, key words and things I want to ask the teacher tomorrow"
  notes_column: "Notes from the lesson, written in my own words as we go"
vocabulary:
  - term: treaty
    definition: a written agreement between countries
topics:
  - title: {LONG_TITLE}
    summary: The [[treaty]] of Versailles was signed in 1919.
    points:
{"".join(f"      - Point {n}, {POINT}{chr(10)}" for n in range(1, 9))}    cues: ["What did the treaty change?", "Who signed it?"]
"""


def test_a_row_is_never_cut_inside_its_topic_title(tmp_path):
    """Hostile r16 #4: a title four lines long in the narrow column of a large-print half sheet; the room under the
    title block held a title of one line and two lines of notes, so the cut fell inside the title: page 1 ended
    "…in Europe and the treaties", page 2 opened "that followed it, one by one". The title stays whole on the
    header's page with the notes' first words under it (here the header and row open page 2)."""
    guide = tmp_path / "cornell-mid.yaml"
    guide.write_text(MID, encoding="utf-8")
    for mode, pages in _pages("large-print", "half", guide=guide).items():
        held = [n for n, text in enumerate(pages, 1) if "in my own words as we go" in text]
        assert held == [2], (mode, held)
        after = pages[1].split("in my own words as we go")[1:]
        assert len(after) == 2 and all(re.match(r" What did the treaty change\? " + re.escape(LONG_TITLE) +
                                                r" The (treaty )?of Versailles was signed in 1919\.", rest)
                                       for rest in after), (mode, after)
        assert not any("that followed it" in text for text in pages[:1] + pages[2:]), mode
