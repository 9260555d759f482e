"""A crossword that leaves out more than a third of its terms is left out on every page, as small pages already
did (trial r9 M3: a Korean crossword kept 2 of its 5 terms, three cells, and took a page of its own on A4)."""
from __future__ import annotations

import pytest

from conftest import build_into, norm, run_cli, write_guide

SEJONG = """
    title: 세종대왕과 훈민정음
    language: ko
    labels: {crossword_title: 낱말 퍼즐, matching_title: 낱말 짝짓기}
    vocabulary:
      - {term: 백성, definition: 나라의 보통 사람들.}
      - {term: 자음, definition: "목, 입, 혀 따위에 막혀 나는 소리를 적은 글자."}
      - {term: 모음, definition: 막힘 없이 나는 소리를 적은 글자.}
      - {term: 한자, definition: 중국에서 만들어진 뜻글자.}
      - {term: 집현전, definition: 세종 때 학자들이 모여 연구하던 기관.}
    activities: [matching, crossword]
    """


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_crossword_of_two_of_five_terms_is_left_out_with_one_warning_that_says_why(tmp_path, paper):
    built = build_into(write_guide(tmp_path, "ko.yaml", SEJONG), tmp_path / "out", paper=paper)
    said = [f"{w.where.line}: {w.message}" for w in built.result.warnings if "crossword" in w.message]
    assert said == [
        "10: activities: the crossword is left out: its grid could hold only 2 of its 5 terms, too few for the "
        "puzzle you chose (the warnings that name the others say why); give it terms that share letters with each "
        "other, or use a word search (word_search under 'activities:'), which holds all of them",
        "5: crossword: 2 terms left out (no letter in common with the words in the grid, so nowhere to cross "
        "them): '백성', '집현전'",
        "7: crossword: 1 term left out (no room left where it would cross the words in the grid that fits the page; "
        "the terms the guide uses least are the ones left out): '모음'"], said
    for pdf in (built.student, built.key):
        assert "낱말 퍼즐" not in pdf.text and "낱말 짝짓기" in pdf.text
        assert pdf.page_count == 1  # the matching ends the one page; no page of three cells after it


def test_check_budgets_the_pages_without_it_and_says_so(tmp_path):
    path = write_guide(tmp_path, "ko.yaml", SEJONG)
    run = run_cli("check", path)
    out = norm(run.stdout + run.stderr)
    assert f"{path}:10:" in out and "the crossword is left out: its grid could hold only 2 of its 5 terms" in out
    budget = out.split("section")[1].split(f"{path}:")[0]
    assert "matching 1" in budget and "crossword" not in budget, budget  # no crossword row in the page budget


def test_a_crossword_that_loses_one_term_in_four_still_prints(tmp_path):
    path = write_guide(tmp_path, "en.yaml", """
        title: Magnets
        vocabulary:
          - {term: magnet, definition: A thing that pulls iron.}
          - {term: attract, definition: To pull toward.}
          - {term: repel, definition: To push away.}
          - {term: ox, definition: A strong farm animal.}
        activities: [crossword]
        """)
    built = build_into(path, tmp_path / "out")
    said = [w.message for w in built.result.warnings]
    assert said == ["crossword: 1 term left out (no letter in common with the words in the grid, so nowhere to "
                    "cross them): 'ox'"], said
    assert "Crossword" in built.key.text
