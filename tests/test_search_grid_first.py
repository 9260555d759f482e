"""A large-print word search too tall for one page with its title, instructions, grid and words to find: where the
grid and its words to find fit on a page together, the title and instructions end the page the block lands on and
the grid opens the next page with every word to find under it, so a student searching sees both at once. The words
to find used to print under the title and the grid overleaf (10 of 46 large-print builds of the word-search guides);
that order stays only where the grid first would cost the handout or key a page (mending.words_first)."""
from __future__ import annotations

import pytest

from conftest import CASES, Pdf, norm
from hostile_support import cli_inprocess

RIVERS = CASES / "layout" / "crossword-rivers.yaml"  # (its word search lands under the vocabulary, page 2)
WORDS = ["CONFLUENCE", "DELTA", "ESTUARY", "EVAPORATION", "FLOODPLAIN", "GROUNDWATER", "HEADWATERS", "IRRIGATION",
         "MEANDER", "NAVIGABLE", "PRECIPITATION", "SEDIMENT", "TRIBUTARY", "WATERSHED"]
FIRST_ROW = "R V I P I N A V I G A B L E N R N"  # (the grid's top row, as the page's text reads it)


def _pages(tmp_path, paper):
    run = cli_inprocess(["build", RIVERS, "--edition", "large-print", "--paper", paper, "-o", tmp_path], tmp_path,
                        limit=120)
    assert run.code == 0, run.err
    for name in ("crossword-rivers-large-print.pdf", "crossword-rivers-large-print-key.pdf"):
        pdf = Pdf(tmp_path / name)
        pages = [norm(text) for text in pdf.pages]
        yield (name, pdf.page_count, pages, [n for n, text in enumerate(pages) if "Word Search" in text],
               [n for n, text in enumerate(pages) if "Words to find" in text])


def test_the_grid_opens_its_page_with_all_its_words_to_find_under_it(tmp_path):
    for name, count, pages, titled, listed in _pages(tmp_path, "letter"):
        assert titled == [1] and listed == [2], (name, titled, listed)
        assert pages[1].rstrip().split("Word Search ")[1].startswith("Find each word in the grid.")
        assert "Words to find" not in pages[1] and FIRST_ROW not in pages[1]
        grid, words = pages[2].split("Words to find")
        assert grid.startswith(FIRST_ROW), name  # (the grid opens the page, the words to find under it)
        assert [w for w in WORDS if w in words.split()] == WORDS, name
        assert count == 7, name  # (as with the words to find first; 8 before the matching sets filled their pages)


def test_the_title_is_never_left_over_half_an_empty_page_so_there_the_words_to_find_come_first(tmp_path):
    """On A4 the title and instructions alone would end page 2 over more than half of it empty (a title alone
    over an empty half page: trial r8, L4), so the words to find print under them there, the grid overleaf."""
    for name, count, pages, titled, listed in _pages(tmp_path, "a4"):
        assert titled == listed == [1] and pages[2].startswith(FIRST_ROW) and count == 7, (name, titled, listed)
