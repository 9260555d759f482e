"""Two activities share a page when both fit (issue 14), print trial r11 finding 5: the CS guide's copy with
a word bank and extra lines, in the modern theme, printed the cloze's last four sentences alone on page 6
(88 % of it empty) and the crossword, title to last clue, on page 7: ten pages where nine do, in the handout
and the key. The crossword's grid was sized for a page of its own, so the block never fitted under anything;
where the page would otherwise end short, the grid now takes the room left, down to its smallest writable
cell."""
from __future__ import annotations

import re

import pytest

from conftest import CASES, norm, page_texts
from studyguide import api, variants
from test_print_design import EMPTY_AT_MOST, page_fill

LOOPS = CASES / "layout" / "python-loops-r11.yaml"  # the trial's guide: 10 terms, all five activities


@pytest.fixture(scope="module")
def loops_modern():
    guide = variants.accommodate(api.load(LOOPS))  # (its own accommodations: word bank, 2 extra lines)
    theme = api.theme_for(guide, "modern")
    out, _ = api.render_guide(guide, theme=theme)
    return theme, {mode: (out[mode].pages, out[mode].pdf) for mode in ("student", "key")}


def _cloze_end(pages: list) -> int:
    """The page (from 0) of the cloze's last sentence, "10. A ____ printed the multiplication table."."""
    first = next(n for n, page in enumerate(pages) if "Vocabulary in Context" in page)
    return next(n for n in range(first, len(pages)) if re.search(r"\b10\. A .{0,20}printed the multiplication", pages[n]))


def test_crossword_shares_the_page_the_cloze_ends_on(loops_modern):
    _, docs = loops_modern
    for mode, (count, pdf) in docs.items():
        pages = [norm(t) for t in page_texts(pdf)]
        assert count == len(pages) == 9, (mode, len(pages))  # (10 before)
        end = _cloze_end(pages)
        page = pages[end]
        assert "Crossword" in page and "Across" in page and "Down" in page, (mode, end + 1, page)
        assert "Code that repeats a block of statements. (4)" in page, (mode, page)  # its last clue
        assert "Word Search" in pages[end + 1], mode  # the next activity opens the next page


def test_the_cloze_and_crossword_page_is_full(loops_modern):
    theme, docs = loops_modern
    for mode, (_, pdf) in docs.items():
        fill = page_fill(pdf, theme)
        pages = [norm(t) for t in page_texts(pdf)]
        end = _cloze_end(pages)
        assert fill[end][0] <= EMPTY_AT_MOST, (mode, end + 1, fill[end])
