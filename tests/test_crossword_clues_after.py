"""A crossword's last clues never stand alone on a page before their grid.

The A5 physics guide's grid grew a row when "ß" became "SS" (GRÖSSENORDNUNG), and its last two clues no longer
fitted 12 pt under it: page 7 held only "Senkrecht (Fortsetzung)" with clues 6 and 7 (85 % of it empty), the grid
stood alone on page 8 and the word search took page 9. They fit with 4 pt under the grid, so the grid opens page 7
with them under it and the word search is back on page 8."""
from __future__ import annotations

import pytest

from conftest import CASES, norm, page_texts, rendered

PHYSICS = CASES / "layout" / "physik-energie.yaml"
MORE = "Senkrecht (Fortsetzung)"


@pytest.mark.parametrize("who,count", [("student", 8), ("key", 9)])
def test_last_clues_print_under_their_grid_not_alone_before_it(who, count):
    _, _, out = rendered(PHYSICS, paper="a5")
    pages = [norm(text) for text in page_texts(out[who].pdf)]
    assert len(pages) == count, [p[:60] for p in pages]
    held = [n for n, text in enumerate(pages) if MORE in text]
    assert held == [6], [n + 1 for n in held]  # (page 7)
    grid, clues = pages[6].split(MORE)
    assert grid.split()[0] == "1" and " 10 " in grid, grid[:80]  # the grid's numbers open the page, 1 to 10
    if who == "key":  # (its letters in: rows 9 and 10 read across)
        assert "9 L E I S T U N G" in grid and "10 W Ä R M E E N E R G I E" in grid, grid
    assert clues.split(" Energie, Arbeit")[0].strip().startswith("6. Die Strecke"), clues
    assert "7. Energie, die in einer gedehnten oder gestauchten Feder gespeichert ist. (12)" in clues
    assert "Kreuzworträtsel" in pages[5] and "Senkrecht 1." in pages[5]  # (the title and clues 1-5 on page 6)
    assert pages[7].startswith("Wortsuchrätsel")
