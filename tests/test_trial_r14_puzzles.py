"""The r14 print trial's large-print puzzle pages (findings 2 and 3), read as a teacher reads them, page by page.

Chemistry, large print: "Word Search" and its instructions ended page 14 alone, a quarter of it empty, the grid and
all nine words to find on page 15; the crossword printed "Across (continued)" atop page 14 with one clue (9) under
it. Spanish, large print: "Palabras que hay que buscar" (6 words) and at once "Palabras que hay que buscar
(continuación)" (8 words) on one page, and "Verticales" with one clue at the foot of page 13, the rest on page 14."""
from __future__ import annotations

import re

import pytest

from conftest import CASES, norm, page_texts, rendered

CHEM = CASES / "trial" / "chemistry-moles.yaml"
SPANISH = CASES / "trial" / "espanol-la-familia.yaml"


def _pages(path, who):
    _, _, out = rendered(path, edition="large-print")
    return [norm(text) for text in page_texts(out[who].pdf)]


@pytest.mark.parametrize("who", ["student", "key"])
def test_a_word_search_title_and_instructions_never_end_a_page_alone(who):
    """The title and instructions have the first rows of the words to find under them on their page (three rows
    of two), and the grid opens the next page with the rest under "Words to find (continued)", as the docs say;
    each word once. Before, the page ended on the instructions, a quarter of it empty."""
    pages = _pages(CHEM, who)
    titled = [n for n, text in enumerate(pages) if "Word Search" in text]
    assert len(titled) == 1
    here = pages[titled[0]].split("Word Search", 1)[1]
    assert "Words to find" in here, here[-200:]
    here = here.split("Words to find", 1)[1].split("Counting Atoms")[0]
    grid = pages[titled[0] + 1]
    assert grid.startswith("T H E O R E T I C A L Y I E L D"), grid[:80]
    rest = grid.split("Words to find (continued)", 1)[1].split("Counting Atoms")[0]
    words = ["AVOGADRO'S NUMBER", "COEFFICIENT", "ION", "LIMITING REACTANT", "MOLAR MASS", "MOLE", "STOICHIOMETRY",
             "SUBSCRIPT", "THEORETICAL YIELD"]
    assert [w for w in words if f" {w} " in f" {here} "] == words[:6], here  # (read down each column)
    assert [w for w in words if f" {w} " in f" {rest} "] == words[6:], rest


@pytest.mark.parametrize("who", ["student", "key"])
def test_spanish_words_to_find_print_under_one_heading_on_one_page(who):
    """Spanish: "Palabras que hay que buscar" (6 words) and at once "(continuación)" (8 words) on page 13: the
    first rows meant for the foot of the grid's page went over with the rest (the grid's room was reckoned without
    the space under the instructions, 6 pt too tall). Now they fit nowhere under the grid, so a line under it says
    the words are on the next page, where all 14 print under one heading; a continued heading only opens a page."""
    pages = _pages(SPANISH, who)
    listed, more = "Palabras que hay que buscar", "(continuación)"
    for n, text in enumerate(pages):
        assert f"{listed} {more}" not in text or text.startswith(f"{listed} {more}"), n + 1
    words = [n for n, text in enumerate(pages) if listed in text]
    assert len(words) == 1, [n + 1 for n in words]
    # (the 14 words without their articles, test_puzzle_articles: they now fit under the grid on its page, where
    # with EL and LA they went to the next page, after a line under the grid that said so)
    assert "Sopa de letras" in pages[words[0]] and "en la página siguiente" not in pages[words[0]]
    assert pages[words[0]].split(listed)[1].split("¡Mi familia")[0].split() == [
        "ABUELA", "DORMITORIO", "NIÑO", "SÓTANO", "AÑO", "HERMANO", "SEÑORA", "TÍA", "BAÑO", "JARDÍN", "SOBRINO",
        "COCINA", "MAMÁ", "SOFÁ"]


def _clues(text: str, heading: str, stop: str) -> list[str]:
    """The clue numbers under ``heading`` on a page's text, up to ``stop`` (the next list or the page's end)."""
    part = text.split(heading, 1)[1].split(stop, 1)[0]
    return re.findall(r"(?:^| )(\d+)\. ", part)


@pytest.mark.parametrize("who", ["student", "key"])
def test_a_continued_clue_list_never_carries_one_clue_alone(who):
    """Chemistry: "Across (continued)" opened page 14 with clue 9 alone; now clue 8 goes over with it."""
    pages = _pages(CHEM, who)
    over = [n for n, text in enumerate(pages) if "Across (continued)" in text]
    assert len(over) == 1 and pages[over[0]].startswith("Across (continued)"), over
    assert _clues(pages[over[0]], "Across (continued)", "Down") == ["8", "9"]
    assert _clues(pages[over[0] - 1], "Across", "\u00a7") == ["1", "3", "7"]  # (the grid's page)




@pytest.mark.parametrize("who", ["student", "key"])
def test_spanish_clue_lists_never_end_or_open_a_page_on_one_clue(who):
    """Spanish: "Verticales" with clue 1 alone at the foot of page 13, clues 2, 3, 5 and 7 over the page above the
    grid. Now each page's part of a list holds two clues or more, and "(continuación)" only opens a page."""
    pages = _pages(SPANISH, who)
    for n, text in enumerate(pages):
        for heading in ("Horizontales (continuación)", "Verticales (continuación)"):
            assert heading not in text or text.startswith(heading), (n + 1, heading)
    down = [n for n, text in enumerate(pages) if "Verticales" in text]
    parts = [_clues(pages[n], "Verticales", "\u00a7") for n in down]
    # (the grid of the nouns without their articles, test_puzzle_articles: its Down clues are 1, 2, 3, 4, 7 and 9)
    assert sorted(sum(parts, []), key=int) == ["1", "2", "3", "4", "7", "9"] and all(len(p) >= 2 for p in parts), parts
