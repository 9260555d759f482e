"""One crossword for every edition, and the terms it leaves out the ones the guide uses least (issue 14).

Scan r13 finding 4: large print left out other terms than the standard edition (b-u5, classic letter: 6 against 4
others), so a teacher could not go over one puzzle with a class that mixes editions; trial r13 finding 5: the
economics guide's warning said "the terms the guide uses least are the ones left out" of 'equilibrium' (20 uses)
while the grid kept 'tax incidence' (used nowhere else)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli_main, norm, write_guide

CASES = Path(__file__).parent / "cases"
FRANKENSTEIN = CASES / "layout" / "frankenstein.yaml"  # 23 terms: the grid that fits a page holds 19 to 22
ECON = CASES / "trial" / "econ-supply-demand.yaml"    # trial r13: 25 terms, 'equilibrium' used 20 times


def crossword_warnings(path: Path, *options: str) -> list[str]:
    """The crossword's warnings as `check` prints them for the guide with these command-line options."""
    run = cli_main("check", path, *options)
    return [norm(line) for line in (run.stdout + run.stderr).splitlines() if "warning: crossword" in line]


@pytest.mark.parametrize("theme,paper", [("modern", "letter"), ("ink-saver", "a4"), ("compact", "letter")])
def test_large_print_and_readable_leave_out_the_terms_the_standard_edition_leaves_out(tmp_path, theme, paper):
    """Before: modern letter left out 4 terms in the standard edition and 6 in large print; ink-saver A4 3
    ('hubris', 'imagery', 'sublime') against another ('Gothic'); compact letter 1 against 2.

    Each case checks the grid each edition prints (its kept terms: what the warning lists is the rest). Modern
    letter also runs `check` for each edition, as a teacher would; the other two run it for the standard
    edition alone: the warning of another edition is the same text made from that edition's plan, and a
    `check` of large print or readable costs 0.5-2 s of CPU more for each case (the suite's costliest test)."""
    standard = crossword_warnings(FRANKENSTEIN, "--theme", theme, "--paper", paper)
    assert standard and all("terms left out" in w or "term left out" in w for w in standard), standard
    kept = kept_terms(FRANKENSTEIN, theme, paper, "standard")
    for edition in ("large-print", "readable"):
        assert kept_terms(FRANKENSTEIN, theme, paper, edition) == kept, edition
        if (theme, paper) == ("modern", "letter"):
            assert crossword_warnings(FRANKENSTEIN, "--theme", theme, "--paper", paper, "--edition", edition) == standard


def test_the_economics_crossword_leaves_out_the_terms_the_guide_uses_least():
    said = crossword_warnings(ECON)
    assert said == [f"{ECON}:76:12: warning: crossword: 4 terms left out (no room left where they would cross the "
                    "words in the grid that fits the page; the terms the guide uses least are the ones left out): 'law of supply', "
                    "'inferior good', 'producer surplus', 'tax incidence'"], said
    large = crossword_warnings(ECON, "--edition", "large-print")
    assert large == said  # (large print had left out 'demand', used 41 times)


WORDS = ("harbor garden marble carpet parade dragon banner candle ladder meadow pepper rabbit salmon tablet "
         "velvet walnut anchor bamboo cactus falcon ginger hammer island jacket kernel lemon mirror napkin "
         "orange pencil quiver ribbon saddle timber umpire violin wallet yellow zipper basket cotton feather").split()


def test_a_crossword_of_more_than_forty_terms_tries_the_forty_the_guide_uses_most(tmp_path):
    """The 41st and 42nd terms are the ones the summary is about: the two not tried are the least used, the
    latest of those (before, the 41st and 42nd, as past the 40 a crossword holds)."""
    assert len(WORDS) == 42
    vocab = "\n".join(f"      - {{term: {w}, definition: the word {i}}}" for i, w in enumerate(WORDS))
    path = write_guide(tmp_path, "many.yaml", f"""
    title: Many words
    summary: The {WORDS[40]} and the {WORDS[41]}; a {WORDS[40]} by a {WORDS[41]}.
    vocabulary:
{vocab}
    activities: [crossword]
    """)
    said = [w for w in crossword_warnings(path) if "at most 40" in w]
    assert said == [f"{path}:42:12: warning: crossword: 2 terms left out (a crossword holds at most 40 terms): '{WORDS[38]}', "
                    f"'{WORDS[39]}'"], said


def test_a_long_term_list_plans_only_its_own_editions_crossword(monkeypatch):
    """Each grid the editions' shared plan tries is a search of its own: for a 1,000-term guide, 1.7 s each, and a
    build refused up front went 1.0 -> 3.8 s CPU with four of them. Past layout.activities.SHARED_UP_TO terms an
    edition plans its own grid, one search, as before the shared plan."""
    from studyguide import activities as act, api
    from studyguide.layout import activities as layout_activities

    guide = api.load(FRANKENSTEIN)
    theme = api.theme_for(guide, "modern")  # (whose editions' limits differ: large print's grid is smaller)
    searched, real = [], act.plan
    monkeypatch.setattr(act, "plan", lambda g, name, limits=None: searched.append(name) or real(g, name, limits))
    layout_activities.limits_for(guide, theme)
    assert searched.count("crossword") >= 1  # (23 terms: the editions' grids compared)
    searched.clear()
    monkeypatch.setattr(layout_activities, "SHARED_UP_TO", len(guide.vocabulary) - 1)
    layout_activities.limits_for(guide, theme)
    assert searched.count("crossword") == 0  # (its own limits: the plan is made once, by the layout)


JOINED = """
title: Joined terms 0
summary: colony senate farmer habitat circuit policy evidence bridge expedition climate museum fragile.
vocabulary:
- {term: wetland-council, definition: Volcano habitat policy fragile crystal colony.}
- {term: merchant policy, definition: Hypothesis council museum bridge steady library.}
- {term: citizen-museum, definition: Signal glacier colony museum farmer senate.}
- {term: expedition-arid, definition: Factory wetland crystal colony signal policy.}
- {term: signal steady, definition: Fertile volcano council citizen policy ancient.}
- {term: glacier-citizen, definition: Rural fertile habitat glacier evidence signal.}
- {term: fragile-factory, definition: Circuit climate citizen factory arid library.}
- {term: signal-farmer, definition: Fragile council factory harbor merchant frontier.}
- {term: expedition-museum, definition: Council wetland merchant hypothesis farmer museum.}
- {term: steady senate, definition: Policy wetland farmer steady arid hypothesis.}
- {term: archive evidence, definition: Library frontier signal hypothesis factory fertile.}
- {term: policy archive, definition: Wetland fertile arid volcano library factory.}
- {term: factory library, definition: Farmer council bridge citizen senate library.}
- {term: fragile ancient, definition: Factory frontier signal habitat archive sample.}
activities: [crossword]
"""  # (14 multi-word and hyphenated terms, made up as the scan's bench guides are)


def kept_terms(path: Path, theme: str, paper: str, edition: str) -> set[str]:
    """The terms in the crossword grid that prints for this edition (the plan the layout draws)."""
    from studyguide import activities as act, api
    from studyguide.layout.activities import limits_for

    guide = api.load(path)
    data = act.plan(guide, "crossword", limits_for(guide, api.theme_for(guide, theme, edition), paper)["crossword"]).data
    return {e.term for e in data.entries}


@pytest.mark.parametrize("theme", ["modern", "classic"])
def test_large_print_keeps_every_term_of_the_standard_grid_it_cannot_share(tmp_path, theme):
    """The standard edition's grid of all 14 terms is 23 or 24 rows tall, and large print's letter page holds 22:
    no grid of the smaller size keeps as many, so large print lays out its own. It searched every term again and
    left 'expedition-museum' out, with a warning the standard edition does not give (scan r15: n15 and b-u5). Now
    it lays out the terms the standard grid kept, searching harder for a grid that holds them all."""
    path = write_guide(tmp_path, "joined.yaml", JOINED)
    standard = kept_terms(path, theme, "letter", "standard")
    assert len(standard) == 14
    for edition in ("large-print", "readable"):
        assert kept_terms(path, theme, "letter", edition) == standard, edition
    options = ("--theme", theme, "--paper", "letter")
    assert crossword_warnings(path, *options) == []
    assert crossword_warnings(path, *options, "--edition", "large-print") == []


def test_a_term_longer_than_the_large_print_grid_is_left_out_there_with_its_warning(tmp_path):
    """'electroencephalographic' (23 letters) goes down the standard grid (24 rows on modern letter); large print's
    page holds 22 rows and columns at most, so its grid truly cannot hold it: the one term it leaves out beside the
    standard grid's, and said so, after the warning the standard edition gives too (the warnings in line order)."""
    path = write_guide(tmp_path, "joined.yaml", JOINED.replace(
        "activities:", "- {term: electroencephalographic, definition: Of the brain's signals read on paper.}\n"
                       "activities:"))
    standard = kept_terms(path, "modern", "letter", "standard")
    assert "electroencephalographic" in standard and len(standard) >= 14
    assert kept_terms(path, "modern", "letter", "large-print") == standard - {"electroencephalographic"}
    options = ("--theme", "modern", "--paper", "letter")
    said = crossword_warnings(path, *options, "--edition", "large-print")
    assert said == crossword_warnings(path, *options) + [
        f"{path}:18:10: warning: crossword: 1 term left out (longer than the grid that fits the page: 22 letters at "
        "most): 'electroencephalographic'"], said
