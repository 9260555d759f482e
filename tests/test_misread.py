"""A newcomer's slips YAML misreads (first-hour trial, 2026-12-04): a question without its '- ', a word
processor's dash or non-breaking space, a term typed as its own key. The exact messages are data in tests/cases/errors
(question-without-dash, word-processor-*, non-breaking-space-*, vocabulary-term-as-key, ...); here:
doing what each message says gives a guide that reads, with nothing lost, and the same characters
where they are right (text, not a list's dash or indentation) get no message.
"""
from __future__ import annotations

import pytest

from conftest import CASES
from studyguide import api
from studyguide.errors import GuideError
from studyguide.model import Guide
from studyguide.reading import misread

ERRORS = CASES / "errors"


def _problems(path):
    with pytest.raises(GuideError) as exc:
        api.load(path)
    return [(p.where.line, p.where.col, p.message, p.warning) for p in exc.value.problems]


def _fixed(tmp_path, case: str, fix) -> Guide:
    """The case's guide with ``fix(lines, line, col)`` applied at each problem, as a teacher would."""
    lines = (ERRORS / f"{case}.yaml").read_text(encoding="utf-8").split("\n")
    for line, col, _, _ in reversed(_problems(ERRORS / f"{case}.yaml")):
        fix(lines, line - 1, col - 1)
    path = tmp_path / f"{case}.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return api.load(path)


def test_a_question_without_its_dash_gets_one_message_and_its_fix_loses_nothing(tmp_path):
    # "put '- ' before 'type:' (its '-' under the other questions' '-')": 'type' was in column 5
    problems = _problems(ERRORS / "question-without-dash.yaml")
    assert [p[:2] for p in problems] == [(10, 5)]

    def dash(lines, n, col):
        assert lines[n][col:].startswith(("type:", "term:"))
        lines[n] = lines[n][:col - 2] + "- " + lines[n][col:]

    guide = _fixed(tmp_path, "question-without-dash", dash)
    assert [q.prompt for q in guide.questions] == ["What makes water evaporate?", "Where does rain come from?",
                                                   "Snow is a kind of precipitation."]
    assert _fixed(tmp_path, "questions-without-dashes", dash).questions[2].prompt == "Name one kind of precipitation."
    assert [t.term for t in _fixed(tmp_path, "term-without-dash", dash).vocabulary] == ["evaporation", "condensation"]


def test_a_question_without_its_dash_in_the_dash_column_fixed_as_told(tmp_path):
    # "put '- ' before 'type:' (...) and indent the lines under it two spaces more, under 'type'"
    assert [p[:2] for p in _problems(ERRORS / "question-without-dash-left.yaml")] == [(9, 3)]

    def dash(lines, n, col):
        lines[n] = lines[n][:col] + "- " + lines[n][col:]
        for m in range(n + 1, len(lines)):
            if lines[m].startswith(" " * col + "- ") or not lines[m].startswith(" " * col):
                break
            lines[m] = "  " + lines[m]

    assert [q.prompt for q in _fixed(tmp_path, "question-without-dash-left", dash).questions] == [
        "What makes water evaporate?", "Where does rain come from?", "Snow is a kind of precipitation."]


@pytest.mark.parametrize("keys, starts", [
    (["type", "prompt", "answer", "points", "answer"], []),                # one key twice: 'given twice'
    (["type", "prompt", "answer", "type"], []),                            # the first key again, alone
    (["type", "prompt", "answer", "answer", "points"], []),                # 'points' after it is the first
    (["type", "prompt", "answer", "type", "prompt", "answer"], [3]),
    (["prompt", "type", "answer", "points", "type", "answer", "points"], [4]),  # three keys again
    (["term", "definition", "term", "definition", "term", "definition"], [2, 4]),
])
def test_where_a_new_item_starts(keys, starts):
    assert misread.new_items(keys) == starts


def test_a_real_duplicate_is_still_given_twice():
    assert _problems(ERRORS / "answer-given-twice.yaml") == [
        (10, 5, "question 1: 'answer' is given twice (keep one)", False)]


def test_word_processor_dashes_and_spaces_fixed_as_told_give_the_lists(tmp_path):
    def minus(lines, n, col):
        assert lines[n][col] in misread.DASHES + misread.BULLETS
        lines[n] = lines[n][:col] + "-" + lines[n][col + 1:]

    objectives = ["Identify the stages of plot in a short story.", "Explain how foreshadowing prepares the reader.",
                  "State a theme of the story."]
    assert _fixed(tmp_path, "word-processor-dash-list", minus).objectives == tuple(objectives)
    assert _fixed(tmp_path, "word-processor-bullets", minus).objectives == tuple(objectives)

    def retype(lines, n, col):  # the spaces as they look: a non-breaking one is one, a zero-width one none
        assert lines[n][col] in misread.INVISIBLE
        lines[n] = misread.invisible_lead(lines[n])[0]

    assert _fixed(tmp_path, "non-breaking-space-indent", retype).objectives == tuple(objectives)
    assert _fixed(tmp_path, "zero-width-space-indent", retype).topics[0].summary == "From a calm exposition to a storm."


def test_the_fix_for_a_word_processor_key_space_is_to_retype_it(tmp_path):
    (problem,) = _problems(ERRORS / "non-breaking-space-before-key.yaml")
    assert problem[:2] == (4, 5)

    def retype(lines, n, col):
        lines[n] = lines[n].replace("\u00a0", "")

    assert _fixed(tmp_path, "non-breaking-space-before-key", retype).topics[0].summary.startswith("From a calm")


def test_a_term_typed_as_its_key_written_as_shown(tmp_path):
    problems = _problems(ERRORS / "vocabulary-term-as-key.yaml")
    assert [p[:2] for p in problems] == [(3, 5), (6, 5)]
    assert problems[0][2] == ("vocabulary item 1: write each term as '- term: plot' with "
                              "'definition: The sequence of events in a story.' under it")

    def as_shown(lines, n, col):
        term, definition = lines[n][col:].split(": ", 1)
        lines[n:n + 1] = [f"{' ' * (col - 2)}- term: {term}", f"{' ' * col}definition: {definition}"]

    guide = _fixed(tmp_path, "vocabulary-term-as-key", as_shown)
    assert [(t.term, t.definition, t.example) for t in guide.vocabulary] == [
        ("plot", "The sequence of events in a story.", None),
        ("climax", "The turning point of greatest tension.", None),
        ("theme", "The central message or lesson about life in a story.", "Courage matters more than rules.")]


@pytest.mark.parametrize("pairs", [
    [("Term", "stomata"), ("Definition", "pores")],      # the keys in capitals (review, 2026-12-04)
    [("trem", "xylem"), ("defintion", "tubes")],           # misspelt
    [("término", "floema"), ("definición", "tubos")],      # in Spanish
    [("Stomata", "Pores."), ("Definition", "Pores in a leaf.")],  # a key of a term's besides
])
def test_a_term_key_misspelt_is_not_a_term_typed_as_a_key(pairs):
    assert misread.term_as_key("vocabulary item 1", pairs) is None


def test_a_term_like_a_key_is_still_a_term_typed_as_a_key():
    assert misread.term_as_key("vocabulary item 3", [("theme", "The central message."), ("example", "Courage.")]) == (
        "vocabulary item 3: write each term as '- term: theme' with 'definition: The central message.' under it")


def test_dashes_and_spaces_where_they_are_text_get_no_message(tmp_path):
    """A dash that starts a line of text ('– and everything changed'), dialogue in a '|' passage, a
    non-breaking space inside '|' text: text, printed as typed, even when a slip elsewhere makes the
    line scan read the file."""
    text = ("title: The storm\n"
            "summary: The storm came\n"
            "  \u2013 and everything changed.\n"
            "reading:\n"
            "  text: |\n"
            "    \u2014 Where are you going? she asked.\n"
            "    \u00a0\u2014 To the tower.\n"
            "objectives:\n"
            "  - Explain the ending.\n")
    path = tmp_path / "storm.yaml"
    path.write_text(text, encoding="utf-8")
    guide = api.load(path)
    assert guide.summary == ("The storm came \u2013 and everything changed.",)
    assert guide.warnings == ()
    path.write_text(text + "  -Describe the setting.\n", encoding="utf-8")  # a slip: the scan reads the file
    assert [p[:3] for p in _problems(path)] == [
        (10, 3, "a dash must be followed by a space (write '- Describe the setting.')")]


def test_a_list_typed_with_a_dash_under_a_key_of_text_is_warned_once(tmp_path):
    path = tmp_path / "summary.yaml"
    path.write_text("title: T\nsummary:\n  \u2013 One\n  - Two\n  - Three\n", encoding="utf-8")
    assert [(w.where.line, w.message) for w in api.load(path).warnings] == [
        (3, "this line starts with '\u2013' (a dash from a word processor); lists use '- ' (the minus key)")]


def test_a_non_breaking_space_in_text_going_on_is_a_letter(tmp_path):
    """Text going on over lines may hold a non-breaking space after its indentation (YAML reads it as a
    letter); the line scan, reading the file for a slip elsewhere, names only the slip."""
    path = tmp_path / "storm.yaml"
    path.write_text("title: The storm\nsummary: The storm came\n  \u00a0and everything changed.\nobjectives:\n"
                    "  - Explain the ending.\n  -Describe the setting.\n", encoding="utf-8")
    assert [p[:2] for p in _problems(path)] == [(6, 3)]


def test_a_key_after_a_non_breaking_space_is_not_also_missing_above_it(tmp_path):
    """Retrial t4-7: '<nbsp> definition:' under a term is read as the guide's key; the term above it is not
    also told its 'definition' is missing (retyping the spaces fixes both). A term that truly has no
    definition, before it, still is."""
    path = tmp_path / "g.yaml"
    path.write_text("title: Ratios\nvocabulary:\n  - term: rate\n  - term: ratio\n\u00a0   definition: A comparison\n",
                    encoding="utf-8")
    problems = _problems(path)
    assert [p[:2] for p in problems] == [(3, 5), (5, 1)]
    assert problems[0][2] == "vocabulary item 1: 'definition' is missing (add a line 'definition: ...')"
    assert problems[1][2].startswith("guide: 'definition' is typed after a non-breaking space")
