"""A large-print word search too tall for one page with its title, instructions, grid and words to find, landing
under what came before: the title, instructions and words to find print there, and the grid opens the next page.
For a day the grid came first there (the title and instructions ended the page alone, the grid and every word to
find on the next, when that left the page no more than half empty); the r14 print trial found a page ending on
"Find each word in the grid." a quarter empty, which the docs rule out: a title and its instructions never end a
page alone. On a fresh page the block still goes whole where it fits, the grid over its words."""
from __future__ import annotations

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


def test_the_title_and_instructions_keep_the_words_to_find_under_them_and_the_grid_opens_the_next_page(tmp_path):
    for paper in ("letter", "a4"):
        (tmp_path / paper).mkdir()
        for name, count, pages, titled, listed in _pages(tmp_path / paper, paper):
            assert titled == listed == [1], (paper, name, titled, listed)
            words = pages[1].split("Word Search ")[1]
            assert words.startswith("Find each word in the grid."), (paper, name)
            assert [w for w in WORDS if w in words.split("Words to find")[1].split()] == WORDS, (paper, name)
            assert pages[2].startswith(FIRST_ROW), (paper, name)  # (the grid opens the page after)
            assert count == 7, (paper, name)
