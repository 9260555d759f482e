"""Warnings of a build with several editions say which edition they are about, and a word search's
terms left out are told the one reason that applies to each (trial r7, L3)."""
from __future__ import annotations

from hostile_support import cli_inprocess

TERMS = ["photosynthesis", "chlorophyll", "glucose", "stomata", "carbon dioxide", "respiration"]


def guide(terms: list[str]) -> str:
    vocab = "".join(f"  - term: {t}\n    definition: a word about plants, number {i}\n" for i, t in enumerate(terms))
    return ("title: Plants\nactivities: [word_search]\nquestions:\n  - type: short_answer\n"
            "    prompt: What do plants need?\n    answer: light\nvocabulary:\n" + vocab)


def test_a_warning_of_one_edition_names_it_and_one_of_every_edition_does_not(tmp_path):
    # 18 letters: in the standard word search (20 a side), too long for large print's (17 on letter)
    (tmp_path / "g.yaml").write_text(guide(TERMS + ["Ejército Trigarante", "x"]), encoding="utf-8")
    run = cli_inprocess(["build", "g.yaml", "--edition", "standard", "--edition", "large-print", "-o", "out"],
                        cwd=tmp_path)
    assert run.code == 0
    warned = [line for line in run.err.splitlines() if "left out" in line]
    assert warned == [
        "g.yaml:22:11: warning: word search: 1 term left out (fewer than two letters): 'x'",
        "g.yaml:20:11: warning: word search: 1 term left out (longer than the grid that fits the page: 17 letters "
        "at most): 'Ejército Trigarante' (in the large-print edition)"]


def test_one_edition_says_no_edition(tmp_path):
    (tmp_path / "g.yaml").write_text(guide(TERMS + ["Ejército Trigarante"]), encoding="utf-8")
    run = cli_inprocess(["build", "g.yaml", "--edition", "large-print", "-o", "out"], cwd=tmp_path)
    assert run.code == 0
    assert [line for line in run.err.splitlines() if "left out" in line] == [
        "g.yaml:20:11: warning: word search: 1 term left out (longer than the grid that fits the page: 17 letters "
        "at most): 'Ejército Trigarante'"]


def test_terms_past_the_most_a_word_search_holds_are_told_so(tmp_path):
    from studyguide import api, activities

    words = [f"{a}{b}" for a in "bcdfghjklm" for b in ("ana", "eto", "iru", "osa", "umi")][:45]
    (tmp_path / "g.yaml").write_text(guide(words), encoding="utf-8")
    found = [str(w) for w in activities.warnings(api.load(tmp_path / "g.yaml")) if "left out" in str(w)]
    assert found == [f"{tmp_path / 'g.yaml'}:88:11: warning: word search: 5 terms left out (a word search holds at "
                     "most 40 terms): 'lana', 'leto', 'liru', 'losa', 'lumi'"]
