"""Guides the schema allows but whose print a teacher would not copy (hostile trial 4, items 7 and 11):
each gets a located warning on what it prints, or an error where printing would be wrong."""
from __future__ import annotations

from conftest import write_guide
from studyguide import budget


def findings(tmp_path, text: str) -> tuple[str, list[str]]:
    path = write_guide(tmp_path, "g.yaml", text)
    _, found, _ = budget.review(path)
    return str(path), [str(p) for p in found]


def test_terms_differing_only_in_accents_are_warned_at_the_second_naming_the_first(tmp_path):
    path, found = findings(tmp_path, """\
        title: Job hunting
        summary: You resume work after sending a résumé with a cover letter.
        vocabulary:
          - term: resume
            definition: to start again
          - term: Résumé
            definition: a list of your jobs and schooling
          - term: cover letter
            definition: a letter sent with a list of your jobs
        """)
    assert found == [f"{path}:6:11: warning: vocabulary item 2.term: 'Résumé' differs from 'resume' (vocabulary "
                     "item 1, line 4) only in its accents: in the matching and the word-bank sentences only the "
                     "accents tell the two apart; check that you meant both, or give one of them another term"]


def test_a_term_with_the_letters_of_one_before_it_is_named_as_left_out_of_the_grids(tmp_path):
    path, found = findings(tmp_path, """\
        title: Stores
        summary: A co-op and a coop are at the market, where people trade.
        vocabulary:
          - term: co-op
            definition: a store its members own
          - term: coop
            definition: a cage for hens
          - term: market
            definition: a place to buy and sell
          - term: trade
            definition: to swap goods
        activities: [word_search, crossword]
        """)
    twin = "1 term left out (the same letters in the grid as a term before it): 'coop' (as 'co-op')"
    assert f"{path}:6:11: warning: word search: {twin}" in found
    assert f"{path}:6:11: warning: crossword: {twin}" in found


def test_the_same_question_twice_is_warned_at_the_second_naming_the_first(tmp_path):
    path, found = findings(tmp_path, """\
        title: Capitals
        questions:
          - type: short_answer
            prompt: What is the capital of **France**?
            answer: Paris
          - type: true_false
            prompt: What is the capital of France?
            answer: true
          - type: short_answer
            prompt: what is the  capital of France?
            answer: Paris
        """)
    assert found == [f"{path}:10:13: warning: question 3 asks what question 1 (line 4) asks ('what is the "
                     "capital of France?'); change its prompt, or delete one of them"]


def test_more_versions_than_orders_warns_once_and_the_orders_there_are_all_come_first(tmp_path):
    from studyguide import api, variants

    path = write_guide(tmp_path, "g.yaml", """\
        title: Trees
        questions:
          - type: multiple_choice
            prompt: Where does a tree get its carbon?
            choices: [From the soil, From the air, From rain]
            answer: B
        """)
    guide = api.load(path)
    made, warning = variants.versions(guide, 26, "7")
    orders = [tuple(v.questions[0].choices) for v in made]
    assert len(set(orders[:6])) == 6 and set(orders[6:]) <= set(orders[:6])  # A to F: the 6 orders there are
    assert str(warning) == (f"{path}: warning: versions: 26 asked, but this guide's questions and choices can be "
                            "shuffled into only 6 different versions: versions G to Z repeat an earlier one; ask "
                            "for 6, or add questions or choices")
    made3, warning3 = variants.versions(guide, 3, "7")
    assert made3 == made[:3] and warning3 is None  # version C is the same whether 3 or 26 are asked


def test_versions_that_could_differ_do(tmp_path):
    from studyguide import api, variants

    path = write_guide(tmp_path, "g.yaml", """\
        title: Trees
        questions:
          - type: true_false
            prompt: Trees store carbon.
            answer: true
          - type: multiple_choice
            prompt: Where does a tree get its carbon?
            choices: [From the soil, From the air, From rain]
            answer: B
          - type: multiple_choice
            prompt: What do leaves give off?
            choices: [Oxygen, Salt]
            answer: A
        """)
    guide = api.load(path)
    assert variants.orders(guide) == 2 * 6 * 2  # two multiple-choice questions in a run, 3 and 2 choices
    made, warning = variants.versions(guide, 24, "1")
    assert len({repr(v.questions) for v in made}) == 24 and warning is None


def test_stars_no_emphasis_reads_are_warned_with_what_prints(tmp_path):
    path, found = findings(tmp_path, """\
        title: Forests
        summary: Roots go **********deep**********.
        """)
    assert found == [f"{path}:2:19: warning: 'Roots go **********deep**********.' has 10 stars in a row, and "
                     "prints as 'Roots go deep.': only *italic*, **bold** and ***both*** are read; write one of "
                     "those, or \\* for each star that should print"]


def test_a_two_letter_code_no_language_has_is_warned_instead_of_its_missing_labels(tmp_path):
    path, found = findings(tmp_path, """\
        title: Forests
        language: xx-YY
        """)
    assert found == [f"{path}:2:11: warning: language: 'xx-YY' is not a language code ('xx' is no language's): the "
                     "PDF tells screen readers to read it in that language, and headings print in English; use a "
                     "code such as en, es, fr or pt-BR"]
    _, found = findings(tmp_path, "title: Forests\nlanguage: sw\n")  # Swahili: a language, without labels
    assert [f.split(": ", 2)[2][:30] for f in found] == ["language: no built-in labels f"]


def test_too_many_versions_warns_at_the_guides_versions_line_or_at_the_file_for_the_option(tmp_path):
    from hostile_support import cli_inprocess

    path = write_guide(tmp_path, "g.yaml", """\
        title: Trees
        versions: 8
        questions:
          - type: true_false
            prompt: Trees store carbon.
            answer: true
        """)
    said = cli_inprocess(["build", "g.yaml", "-o", "out", "-j", "1"], cwd=tmp_path)
    assert said.code == 0
    assert said.err == ("g.yaml:2:11: warning: versions: 8 asked, but nothing in these questions can be shuffled, so "
                        "versions B to H print the same as A: the one question is a true/false question, which has "
                        "no choices to shuffle; ask for 1 version, or add a question whose choices can shuffle\n")
    said = cli_inprocess(["build", "g.yaml", "-o", "out2", "--versions", "3", "-j", "1"], cwd=tmp_path)
    assert said.err.startswith("g.yaml: warning: --versions 3 asked, but")  # (the option: no line to point at)
