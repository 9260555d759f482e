"""A crossword that leaves out more than a third of its terms is left out on every page, as small pages already
did (trial r9 M3: a Korean crossword kept 2 of its 5 terms, three cells, and took a page of its own on A4)."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyguide import api

from conftest import build_into, norm, cli_main, write_guide

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
    assert said == [  # one warning: not also one for each reason, as though the puzzle printed without them
        "10: activities: the crossword is left out: its grid could hold only 2 of its 5 terms, too few for the "
        "puzzle you chose (2 share no letter with the others: '백성', '집현전'; 1 found no room to cross the others); "
        "give it terms that share letters with each other or fewer terms (a term taken out of 'vocabulary:' leaves "
        "every activity, not only the crossword), or use a word search (word_search under 'activities:'), which "
        "holds all of them"], said
    for pdf in (built.student, built.key):
        assert "낱말 퍼즐" not in pdf.text and "낱말 짝짓기" in pdf.text
        assert pdf.page_count == 1  # the matching ends the one page; no page of three cells after it


def test_check_budgets_the_pages_without_it_and_says_so(tmp_path):
    path = write_guide(tmp_path, "ko.yaml", SEJONG)
    run = cli_main("check", path)
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


AP_GOV = Path(__file__).parent / "cases" / "trial" / "apgov-federalism.yaml"  # trial r10: 35 terms, 30 questions


def test_the_ap_guides_crossword_is_left_out_with_one_message_and_advice_that_works():
    """Trial r10 L6: `check` said "crossword: 19 terms left out ..." first, read as a crossword printed without
    19 terms, then that the crossword is left out; and its advice (terms that share letters) was not why: they
    found no room. The one message counts each reason. Review r10 M3: "the 22 the guide uses most make one" named
    no term list a teacher could edit (an activity has none): the advice says fewer terms means the vocabulary's,
    which every activity loses."""
    run = cli_main("check", AP_GOV)
    said = [norm(line) for line in (run.stdout + run.stderr).splitlines() if "crossword" in line]
    assert said == [
        f"{AP_GOV}:123:24: warning: activities: the crossword is left out: its grid could hold only 15 of its 35 "
        "terms, too few for the puzzle you chose (19 found no room to cross the others; 1 is longer than its 24 "
        "letters: 'privileges and immunities clause'); give it fewer terms (a term taken out of 'vocabulary:' "
        "leaves every activity, not only the crossword) or shorter terms, or use a word search (word_search under "
        "'activities:'), which holds 26 of them"], said
    assert "uses most" not in " ".join(said)


def test_half_letter_does_not_send_to_letter_a_crossword_that_letter_leaves_out_too(tmp_path):
    """Trial r10 L6: on half-letter the warning said "build it on full letter or A4 pages ... for the whole
    crossword", and letter leaves it out as well."""
    result = api.build(AP_GOV, tmp_path, paper="half-letter", write=False)
    said = [str(w) for w in result.warnings if "crossword" in w.message]
    assert said == [
        f"{AP_GOV}:123:24: warning: activities: the crossword is left out: its grid could hold only 8 of its 35 "
        "terms on these half-letter pages (15 on full letter pages, too few there as well), too few for the puzzle "
        "you chose (19 found no room to cross the others; 8 are longer than its 18 letters: 'necessary and proper "
        "clause', 'Fourteenth Amendment', 'full faith and credit clause' and 5 more); give it fewer terms (a term "
        "taken out of 'vocabulary:' leaves every activity, not only the crossword) or shorter terms"], said
    assert "full letter or A4" not in " ".join(said)


def test_a5_names_a4_in_capitals():
    """Review r10: "only 9 of its 35 terms on these A5 pages (13 on full a4 pages, ...)"."""
    run = cli_main("check", AP_GOV, "--paper", "a5")
    said = [norm(line) for line in (run.stdout + run.stderr).splitlines() if "crossword" in line]
    assert len(said) == 1 and "on these A5 pages (13 on full A4 pages, too few there as well)" in said[0], said
