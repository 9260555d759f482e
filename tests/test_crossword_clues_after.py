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


LOOPS = CASES / "trial" / "cs-python-loops.yaml"


@pytest.mark.parametrize("who", ["student", "key"])
def test_the_last_two_clues_stay_in_the_room_the_grid_left_them(who):
    """Half-letter, cs-python-loops: the grid opens page 10 grown to the room its clues still to come leave under
    it, to the last point. The last two clues then met that room short by 1e-14 pt (rounding) and went over the page
    together (the rule that keeps a list's last clue from going on alone), under "Down (continued)" atop page 11,
    leaving an inch of page 10 empty under clue 4. Measured with the frame's own tolerance, they stay on page 10
    and the word search opens page 11."""
    _, _, out = rendered(LOOPS, paper="half-letter")
    pages = [norm(text) for text in page_texts(out[who].pdf)]
    assert len(pages) == 14
    grid, clues = pages[9].split("Across (continued)")
    assert grid.split()[0] == "1", grid[:40]
    down = clues.split(" Down ")[1]
    assert down.startswith("1. A name that refers to a value stored in memory. (8)"), down
    assert down.endswith("6. A loop inside the body of another loop. (6,4) Python Loops and Conditionals · "
                         + ("Answer Key · " if who == "key" else "") + "Page 10 of 14"), down
    assert "(continued)" not in pages[10] and pages[10].startswith("Word Search"), pages[10][:60]
