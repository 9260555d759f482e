"""A newcomer's slips at the level of a guide (first-hour trial, 2026-12-04): each gets a message that
names the fix, or is understood as meant. The exact messages of whole bad guides are in
tests/cases/errors/ (choices-with-own-letters, choices-lettered-on-one-line, answer-misses-a-choice)."""
from __future__ import annotations

import codecs

import pytest

from conftest import REPO, write_guide
from studyguide import api
from studyguide.errors import GuideError
from studyguide.reading.slips import difference, lettered, lettered_line, shown


def test_choices_typed_with_their_letters_in_order_are_found():
    assert lettered(["A) The storm", "B) Mara's birthday", "C) The retirement"]) == "A) "
    assert lettered(["a. the sun", "b. the moon"]) == "a. "
    assert lettered(["A: the sun", "B: the moon"]) == "A: "
    assert lettered(["(a) exposition", "(b) climax", "(c) resolution"]) == "(a) "
    assert lettered_line("A) The storm B) Mara's birthday C) The retirement") == "A) "
    assert lettered_line("a. a lighthouse b. a ship") == "a. "
    # capitals after 'A) ' are still letters: only 'A. ' also starts a person's name
    assert lettered(["A. The storm", "B. Mara's birthday", "C. The retirement"]) == "A. "
    assert lettered(["A) Lincoln", "B) Franklin", "C) Coolidge"]) == "A) "
    assert lettered(["a. Lincoln", "b. Franklin"]) == "a. "


def test_choices_lettered_in_cyrillic_or_greek_are_found():
    """A Russian test letters its choices А) Б) В) Г), a Greek one α) β) γ) (trial r8, M2)."""
    assert lettered(["А) Луна", "Б) Солнце", "В) Ветер", "Г) Вулканы"]) == "А) "
    assert lettered(["а. луна", "б. солнце"]) == "а. "
    assert lettered(["(а) испарение", "(б) конденсация"]) == "(а) "
    assert lettered(["Α) η Σελήνη", "Β) ο Ήλιος"]) == "Α) "
    assert lettered(["α. εξάτμιση", "β. βροχή", "γ. χιόνι"]) == "α. "
    assert lettered_line("А) град Б) дождь В) пепел") == "А) "
    assert lettered_line("α) ήλιος β) σελήνη") == "α) "


@pytest.mark.parametrize("choices", [
    ["В городе", "А потом", "И", "С"],               # Russian one-letter words: prepositions, conjunctions
    ["К) морю", "О) реке"],                          # a mark, but no run А Б В
    ["Б) Солнце", "В) Ветер"],                       # not from А
    ["А. С. Пушкин", "Б. Л. Пастернак"],             # initials
    ["A) Moon", "Б) Солнце"],                        # two alphabets: no run in either
])
def test_cyrillic_choices_that_merely_start_with_a_letter_are_text(choices):
    assert lettered(choices) is None


def test_russian_choices_starting_with_one_letter_words_print_as_typed(tmp_path):
    path = write_guide(tmp_path, "voda.yaml", """
        title: Вода
        questions:
          - type: multiple_choice
            prompt: Где живут люди?
            choices:
              - В городе
              - А потом в деревне
              - С родителями
            answer: В городе
        """)
    assert api.load(path).questions[0].choices == ("В городе", "А потом в деревне", "С родителями")


@pytest.mark.parametrize("choices", [
    ["A cell wall", "Bones", "Cartilage"],          # a word 'A', no mark after it
    ["A. Lincoln", "C. Darwin"],                     # initials, not letters in order
    ["A. Lincoln", "B. Franklin", "C. Coolidge"],    # initials in order: still names (review, 2026-12-04)
    ["A. Lincoln", "B. Franklin Roosevelt"],
    ["A) The storm", "Mara's birthday"],             # one lettered choice only
    ["B) second", "C) third"],                       # not from A
])
def test_choices_that_merely_start_with_a_letter_are_text(choices):
    assert lettered(choices) is None


def test_a_single_choice_starting_with_a_is_printed_as_typed(tmp_path):
    path = write_guide(tmp_path, "cells.yaml", """
        title: Cells
        questions:
          - type: multiple_choice
            prompt: Which of these does a plant cell have?
            choices:
              - A cell wall
              - B12 vitamins
            answer: A cell wall
        """)
    assert api.load(path).questions[0].choices == ("A cell wall", "B12 vitamins")
    assert lettered_line("A cell wall and bones") is None
    assert lettered_line("A. Lincoln B. Franklin") is None


def test_choices_that_are_names_with_initials_print_as_typed(tmp_path):
    path = write_guide(tmp_path, "presidents.yaml", """
        title: Presidents
        questions:
          - type: multiple_choice
            prompt: Who wrote Poor Richard's Almanack?
            choices:
              - A. Lincoln
              - B. Franklin
              - C. Coolidge
            answer: B. Franklin
        """)
    question = api.load(path).questions[0]
    assert (question.choices, question.answer) == (("A. Lincoln", "B. Franklin", "C. Coolidge"), 1)


@pytest.mark.parametrize("answer, choice, told", [
    ("Mara climbs the tower", "Mara climbs the tower.", "your answer lacks the final '.'"),
    ("Mara climbs the towr.", "Mara climbs the tower.", "your answer has 'towr' where the choice has 'tower'"),
    ("Mara climbs stairs", "Mara climbs the stairs", "your answer lacks 'the' before 'stairs'"),
    ("Paris", "The Paris", "your answer lacks the opening 'The'"),
    ("Tiber", "The Tiber", "your answer lacks the opening 'The'"),  # the end of the choice, not a start 'T'
    ("Emperor Augustus", "Augustus", "your answer has an extra 'Emperor' before 'Augustus'"),
    ("The sun..", "The sun.", "your answer has an extra '.' at the end"),
    ("The big sun", "The sun", "your answer has an extra 'big' before 'sun'"),
])
def test_the_difference_from_the_nearest_choice_is_told(answer, choice, told):
    assert difference(answer, choice) == told


def test_a_long_choice_is_cut_where_it_does_not_hide_the_difference():
    choice = "When the keeper falls ill, Mara climbs the stairs of the tower."
    assert shown(choice, choice[:-1]) == "When the … the stairs of the tower."
    assert shown("Short choice.", "Short choice") == "Short choice."


def test_the_docs_quote_the_message_for_utf16_without_a_byte_order_mark(tmp_path):
    text = "title: Cells\nsubject: Biology\n"
    (tmp_path / "bom.yaml").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert api.load(tmp_path / "bom.yaml").subject == "Biology"
    (tmp_path / "nobom.yaml").write_bytes(text.encode("utf-16-le"))
    with pytest.raises(GuideError) as info:
        api.load(tmp_path / "nobom.yaml")
    (problem,) = info.value.problems
    docs = (REPO / "docs" / "guide-format.md").read_text(encoding="utf-8")
    assert 'UTF-16 files also work if they start with a byte-order mark' in docs
    assert f'("{problem.message}")' in docs


def test_a_term_given_twice_is_an_error_naming_the_first_line(tmp_path):
    path = write_guide(tmp_path, "story.yaml", """
        title: Story
        vocabulary:
          - term: plot
            definition: The events of a story.
          - term: "  plot "
            definition: A piece of land.
        """)
    with pytest.raises(GuideError) as info:
        api.load(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:5:11: vocabulary item 2.term: 'plot' is the term of vocabulary item 1 too (line 3); each "
        "term is listed once: change this one, or leave it out"]


def test_an_imported_card_whose_term_came_before_is_left_out_with_its_line(tmp_path):
    from studyguide.importers import import_file
    cards = tmp_path / "set.txt"
    cards.write_text("plot\tthe events of a story\ntheme\tthe message\nPlot\ta piece of land\n", encoding="utf-8")
    out, draft = import_file(cards, tmp_path / "set.yaml")
    assert [str(p) for p in draft.problems] == [
        f"{cards}:3:1: warning: the term 'Plot' is on line 1 too (as 'plot'); this card is left out, as a guide lists "
        "each term once (add its definition to the first card's if both meanings are wanted)"]
    assert [(t.term, t.definition) for t in api.load(out).vocabulary] == [
        ("plot", "the events of a story"), ("theme", "the message")]


def test_terms_differing_only_in_capitals_are_two_words_with_a_warning(tmp_path):
    path = write_guide(tmp_path, "wege.yaml", """
        title: Wörter
        language: de
        vocabulary:
          - term: Weg
            definition: der Pfad
          - term: weg
            definition: fort, nicht hier
        """)
    guide = api.load(path)
    assert [(t.term, t.definition) for t in guide.vocabulary] == [("Weg", "der Pfad"), ("weg", "fort, nicht hier")]
    assert [str(w) for w in guide.warnings] == [
        f"{path}:6:11: warning: vocabulary item 2.term: 'weg' differs only in capitals from 'Weg', the term of "
        "vocabulary item 1 (line 4); matching and flashcards print both, told apart by the capital alone: if they "
        "are one word, leave one out"]


def test_a_windows_absolute_path_names_the_picture_beside_the_guide(tmp_path):
    guides = _pictures(tmp_path)
    typed = "C:\\Users\\me\\pics\\lh.png"
    path = write_guide(guides, "g.yaml", f"title: Pictures\ntopics:\n  - title: One\n    image: '{typed}'\n")
    with pytest.raises(GuideError) as info:
        api.load(path)
    (problem,) = info.value.problems
    assert problem.message == (f"topics item 1.image: '{typed}' is an absolute path; name the image relative to "
                               "the guide's folder or the assets/ folder: did you mean 'pics/lh.png'?")
    (guides / "lh.png").write_bytes((guides / "pics" / "lh.png").read_bytes())
    with pytest.raises(GuideError) as info:
        api.load(path)
    assert info.value.problems[0].message.endswith(": did you mean 'lh.png'?")


def _pictures(tmp_path):
    """guides/ with pics/lh.png beside the guide, and assets/carbon-cycle.png: the layout the docs describe."""
    png = (REPO / "assets" / "carbon-cycle.png").read_bytes()
    (tmp_path / "guides" / "pics").mkdir(parents=True)
    (tmp_path / "assets").mkdir()
    (tmp_path / "guides" / "pics" / "lh.png").write_bytes(png)
    (tmp_path / "assets" / "carbon-cycle.png").write_bytes(png)
    return tmp_path / "guides"


def test_a_windows_backslash_between_folders_finds_the_picture(tmp_path):
    guides = _pictures(tmp_path)
    path = write_guide(guides, "g.yaml", """
        title: Pictures
        topics:
          - title: The lighthouse
            image: pics\\lh.png
        """)
    assert api.load(path).topics[0].image == (guides / "pics" / "lh.png").resolve()


@pytest.mark.parametrize("typed, meant", [
    ("assets/carbon-cycle.png", "carbon-cycle.png"),   # the folder that is searched, typed in front
    ("assets\\carbon-cycle.png", "carbon-cycle.png"),
    ("Carbon-Cycle.PNG", "carbon-cycle.png"),          # other capitals (found as typed on Windows and macOS only)
    ("lh.png", "pics/lh.png"),                         # in a subfolder
    ("carbon-cylce.png", "carbon-cycle.png"),          # a near spelling
])
def test_a_picture_not_found_names_the_file_most_likely_meant(tmp_path, typed, meant):
    guides = _pictures(tmp_path)
    path = write_guide(guides, "g.yaml", f"title: Pictures\ntopics:\n  - title: One\n    image: '{typed}'\n")
    with pytest.raises(GuideError) as info:
        api.load(path)
    (problem,) = info.value.problems
    assert problem.message == (f"topics item 1.image: image '{typed}' not found (looked in {guides.resolve()} or "
                               f"{(tmp_path / 'assets').resolve()}); did you mean '{meant}'?")


def test_a_picture_like_no_file_there_gets_no_guess(tmp_path):
    guides = _pictures(tmp_path)
    path = write_guide(guides, "g.yaml", "title: Pictures\ntopics:\n  - title: One\n    image: volcano.png\n")
    with pytest.raises(GuideError) as info:
        api.load(path)
    assert info.value.problems[0].message.endswith("); check the file name")


def _starter_findings(path) -> list[str]:
    from studyguide import budget
    _, found, _ = budget.review(path)
    return [str(p) for p in found if "starter" in p.message]


def test_check_names_the_starters_placeholders_left_in(tmp_path):
    path = write_guide(tmp_path, "cells.yaml", """
        title: My Study Guide
        author: Your Name
        vocabulary:
          - term: cell
            definition: What the term means, in plain words.
        questions:
          - type: multiple_choice
            prompt: Which choice is right?
            choices: [The right answer, A wrong answer, Another wrong answer]
            answer: A
          - type: ordering
            prompt: Put these in order.
            items: [seed, sprout, cell division]
        """)
    assert _starter_findings(path) == [
        f"{path}:1:8: warning: title: 'My Study Guide' is the starter's placeholder text; write your own",
        f"{path}:2:9: warning: author: 'Your Name' is the starter's placeholder text; write your own, or delete the line",
        f"{path}:5:17: warning: vocabulary: 'What the term means, in plain words.' is the starter's placeholder text; "
        "write your own, or delete the line",
        f"{path}:7:5: warning: question 1 is the starter's sample question ('Which choice is right?'); write your "
        "own question, or delete it",
    ]  # the ordering question asks 'Put these in order.' of its own items: a teacher's question


def test_an_untouched_starter_gets_one_finding_a_section_and_a_question(tmp_path):
    path = tmp_path / "guides" / "new.yaml"
    api.new_guide(path)
    found = _starter_findings(path)
    assert len([f for f in found if "sample question" in f]) == len(api.load(path).questions) == 8
    typed = path.read_text(encoding="utf-8").splitlines()

    def line(start: str) -> int:
        return next(n for n, text in enumerate(typed, 1) if text.startswith(start))
    assert found[0] == (f"{path}:{line('title: My Study Guide')}:8: warning: title: 'My Study Guide' is the "
                        "starter's placeholder text; write your own")
    assert any(f.startswith(f"{path}:{line('  - term: example term')}:11: warning: vocabulary: 'example term' and "
                            "4 more texts (lines ") for f in found)
    assert len(found) == 8 + 13  # the title, 12 sections of text, the 8 sample questions
