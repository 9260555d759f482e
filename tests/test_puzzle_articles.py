"""A crossword's and a word search's answers leave out the article a term is typed with, in the languages whose
terms are (de, fr, es, it, pt): trial r16 #6, the Spanish grid's ELAVE (2,3) and LAFUNDA (2,5) gave each noun's
gender away in its clue and filled the grid with EL and LA. The clue and the matching keep the term as typed."""
from __future__ import annotations

import re

from conftest import CASES, Pdf, write_guide
from studyguide import api
from studyguide.activities import crossword, plan, wordsearch

ALMOHADON = CASES / "trial" / "el-almohadon.yaml"  # trial r16: 30 Spanish terms typed with their articles


def _grid_words(grid, positions) -> str:
    return "".join(grid[r][c] for r, c in positions)


def test_the_almohadon_crossword_hides_the_nouns(tmp_path):
    data = plan(api.load(ALMOHADON), "crossword").data
    by_term = {e.term: e for e in data.entries}
    assert (by_term["el ave"].answer, by_term["el ave"].lengths) == ("AVE", "(3)")
    assert (by_term["la funda"].answer, by_term["la funda"].lengths) == ("FUNDA", "(5)")
    assert by_term["el ave"].clue == "Animal con plumas, pico y alas."  # (unchanged)
    if "la luna de miel" in by_term:
        assert (by_term["la luna de miel"].answer, by_term["la luna de miel"].lengths) == ("LUNADEMIEL", "(4,2,4)")
    for e in data.entries:  # the grid holds what the entries say, and no entry opens with the term's article
        assert _grid_words(data.grid, e.positions()) == e.answer
        assert not (e.term.startswith(("el ", "la ")) and e.answer.startswith(("EL", "LA"))
                    and not e.term[3:].upper().startswith(("EL", "LA"))), e


def test_the_almohadon_word_search_hides_the_nouns(tmp_path):
    data = plan(api.load(ALMOHADON), "word_search").data
    words = {p.term: p.word for p in data.placements}
    assert words["la funda"] == "FUNDA" and words["el ave"] == "AVE" and words["angelical"] == "ANGELICAL"
    for p in data.placements:
        assert _grid_words(data.grid, p.positions()) == p.word


def test_the_printed_puzzles_list_and_count_the_nouns(tmp_path):
    result = api.build(ALMOHADON, tmp_path, activities=["crossword", "word_search"])
    text = " ".join(" ".join(Pdf(result.outputs[0].path).pages).split())
    assert "Animal con plumas, pico y alas. (3)" in text and "(2,3)" not in text and "(2,5)" not in text
    words = text.split("Palabras que hay que buscar")[1]
    assert " FUNDA " in words and " AVE " in words and "LA FUNDA" not in words and "EL AVE" not in words


def test_french_and_german_terms_lose_their_articles_english_keeps_the(tmp_path):
    assert crossword.answer("l'école", "fr") == tuple("ÉCOLE")
    assert crossword.answer("die Brücke", "de") == tuple("BRÜCKE")
    assert crossword.answer("the Senate", "en") == tuple("THESENATE")  # (an English term as typed, as before)
    assert wordsearch.make(["le café", "la pomme"], "s", language="fr").placements[0].word == "CAFÉ"
    path = write_guide(tmp_path, "fr.yaml", """
        title: Le café
        language: fr
        vocabulary:
          - {term: le café, definition: the coffee}
          - {term: la crème, definition: the cream}
          - {term: l'eau, definition: the water}
        activities: [crossword]
        """)
    entries = plan(api.load(path), "crossword").data.entries
    assert sorted((e.answer, e.lengths) for e in entries) == [("CAFÉ", "(4)"), ("CRÈME", "(5)"), ("EAU", "(3)")]
