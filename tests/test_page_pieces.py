"""Small pieces of a page that went astray in a teacher's trial (r8, L4 and L6): a word search's words to
find alone on the next page with nothing under the grid saying so (A5), a crossword clue's length alone on
a line, and the key's notes on the answers going on over a page with no heading."""
from __future__ import annotations

import re
from itertools import takewhile

from conftest import CASES, Pdf
from studyguide import api
from studyguide.classroom import SetOptions, build_set

TRIAL = CASES / "trial"


def _build(tmp_path, name: str, paper=None, **kw):
    build_set(TRIAL / name, tmp_path, paper, SetOptions(**kw))


def test_on_a5_the_word_search_grid_keeps_the_first_words_to_find_and_the_rest_say_continued(tmp_path):
    """The grid fills its page, so the words go on over it: their first rows under the grid, under their
    title, the rest opening the next page under "Words to find (continued)"; every word once, handout and key."""
    _build(tmp_path, "rome.yaml", "a5", versions=1)
    terms = sorted(v.term.upper() for v in api.load(TRIAL / "rome.yaml").vocabulary)
    for name in ("rome-A.pdf", "rome-A-key.pdf"):
        pdf = Pdf(tmp_path / name)
        at = next(i for i, page in enumerate(pdf.pages) if "Word Search Find each word" in page)
        here, over = pdf.lines[at], pdf.lines[at + 1]
        first = list(takewhile(str.isupper, here[here.index("Words to find") + 1:]))  # (under the grid, on its page)
        assert over[0] == "Words to find (continued)", (name, over[:2])
        rest = list(takewhile(str.isupper, over[1:]))  # (then the key's notes, the footer)
        assert len(first) >= 2 * 3 and len(rest) >= 2 * 3, (name, first, rest)  # two rows of three or more each
        assert sorted(first + rest) == terms, name


def test_a_crossword_clues_length_never_falls_alone_onto_a_line(tmp_path):
    """The trial's Down 14, "The single supreme ruler of an empire. (7)", broke before "(7)"."""
    _build(tmp_path, "rome.yaml", versions=1)
    pdf = Pdf(tmp_path / "rome-A-key.pdf")
    clues = [i for i, page in enumerate(pdf.pages) if "Down" in page and "Across" in page]
    assert clues
    for i in clues:
        alone = [line for line in pdf.lines[i] if re.fullmatch(r"\(\d+(?:[,-]\d+)*\)", line)]
        assert not alone, (i + 1, alone)
    assert "The single supreme ruler of an empire. (7)" in pdf.text
