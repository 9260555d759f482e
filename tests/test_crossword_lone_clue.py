"""A crossword's last clue alone over a page (trial r8, M1): the plates guide on A4 half sheets put its grid
atop page 9 with Down 1, 3 and 4 under it and "Down (continued) 5." alone on page 10 (9 % full). The grid's
page counted a gap over its first row that a row opening a page does not get, so it saw two rows going over
(allowed) where one went. Now it counts them as placed, and when one would go over alone the row before it
goes along, as the title's clues do. (Page 10 stays: the duplex flashcards after it start on an odd page.)"""
from __future__ import annotations

import re
import shutil

from conftest import CASES, Pdf
from studyguide.classroom import SetOptions, build_set

PLATES = CASES / "trial" / "plates.yaml"  # a science teacher's guide: two pictures, matching, crossword, duplex cards


def test_a4_half_sheets_never_end_the_crossword_with_one_clue_alone(tmp_path):
    folder = tmp_path / "g"
    folder.mkdir()
    for name in ("plates.yaml", "earth-layers.png", "boundaries.png"):
        shutil.copy(PLATES.parent / name, folder)
    result = build_set(folder / "plates.yaml", tmp_path / "out", "a4", SetOptions(sheet="half"))
    files = {o.path.name: Pdf(o.path) for o in result.outputs}
    for name in ("plates-half.pdf", "plates-half-key.pdf"):
        pages = files[name].pages
        assert len(pages) == 14, name  # no page added
        over = [i for i, page in enumerate(pages) if "Down (continued)" in page]
        assert len(over) == 1, (name, over)
        grid = over[0] - 1  # the grid's page, the first Down clues under it
        assert "Across" not in pages[grid] and "Down 1." in pages[grid], (name, pages[grid])
        page = pages[over[0]]
        clues = re.findall(r"(?<![\w(,])(\d)\. [A-Z]", " ".join(page.split("Down (continued)")[1:]))
        assert len(clues) == 2 * 2, (name, page)  # two clues, in each half of the sheet
        down = re.findall(r"(?<![\w(,])(\d)\. [A-Z]", " ".join(pages[grid].split("Down")[1:]))
        assert sorted(down + clues) == sorted(["1", "3", "4", "5"] * 2), (name, down, clues)  # each Down clue once a half
