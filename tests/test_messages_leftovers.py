"""Messages the retrial r6 (findings 3 and 7) and its follow-up found wanting, each followed as it says: one
message at the mistake's line, saying what to type; once the teacher types it, the guide reads as meant.

The exact text of each whole bad guide's messages is data in tests/cases/errors (summary-paragraph-one-space,
keys-in-other-languages, tab-in-prompt-line); here the messages are followed, and the cases that are no
mistake are shown to get none.
"""
from __future__ import annotations

import re

import pytest

from conftest import build_into, write_guide
from studyguide import api
from studyguide.reading import syntax

from test_advice_followed import ERRORS, _lines, _problems, _save  # (a teacher following a message, as there)


# -- a line of a '|' text indented less than the text (finding 3) ---------------------------------------------

def test_a_paragraph_one_space_short_is_told_as_text_and_reads_once_the_spaces_are_added(tmp_path):
    lines = _lines("summary-paragraph-one-space")
    problems = _problems(_save(tmp_path, "typed", lines))
    assert problems == [
        (5, 2, "this line is indented 1 space, less than the text of 'summary: |' above (indented 2 spaces); add "
               "1 space before 'Since the Industrial Re…', so that it lines up with the text above"),
        (11, 6, "this line and the one under it are indented 5 spaces, less than the text of 'prompt: |' above "
                "(indented 6 spaces); add 1 space at the start of each, so that they line up with the text above")]
    assert not any("keys" in message for _, _, message in problems)
    for line, _, message in problems:  # as told: the spaces, at the start of the line (and of each under it)
        many = 2 if "the one under it" in message else 1
        add = int(re.search(r"add (\d+) space", message)[1])
        for n in range(line, line + many):
            lines[n - 1] = " " * add + lines[n - 1]
    guide = api.load(_save(tmp_path, "fixed", lines))
    assert guide.summary == (
        "Plants, algae and some bacteria take carbon from the air every day.",
        "Since the Industrial Revolution, burning fossil fuels has added carbon to the air faster than plants "
        "and the ocean take it back.")
    assert guide.questions[0].prompt == ("Name one way carbon leaves the air.\nThen name one way it returns.\n"
                                         "Give an example of each.")


@pytest.mark.parametrize("text", [
    "summary: |\n    A quotation set in.\n  The text after it.\n",   # first line further in: the text's column is 4
    "summary: |\n  One.\n   Two, set in one more.\n",               # further in than the text: part of it
])
def test_lines_of_a_text_set_further_in_are_read_and_those_short_of_its_column_told(tmp_path, text):
    path = write_guide(tmp_path, "g.yaml", "title: Water\n" + text)
    if "set in one more" in text:
        assert api.load(path).summary == ("One. Two, set in one more.",)
    else:
        assert _problems(path) == [(4, 3, "this line is indented 2 spaces, less than the text of 'summary: |' above "
                                          "(indented 4 spaces); add 2 spaces before 'The text after it.', so that "
                                          "it lines up with the text above")]


def test_a_comment_short_of_a_texts_column_is_no_line_of_it():
    """YAML reads ' # note' after a '|' text as a comment that ends the text: the scan (run when a mistake
    elsewhere stops the parser) does not tell it to be indented."""
    assert syntax.scan("summary: |\n  Water moves.\n # note\nquestions:\n  - type: essay\n  prompt: x\n")[0][0] == 6


def test_a_key_one_space_short_after_a_text_is_still_told_to_line_up(tmp_path):
    """' questions:' under a '|' text is a key out of line, not text: told as before."""
    path = write_guide(tmp_path, "g.yaml", "title: Water\nsummary: |\n  Water moves.\n questions:\n")
    assert [m for _, _, m in _problems(path)] == [
        "this line is indented differently from the lines around it (line up the keys that belong together)"]


# -- a key typed in the class's language (finding 7) ---------------------------------------------------------

def test_keys_in_other_languages_get_one_message_each_with_the_line_to_type(tmp_path):
    lines = _lines("keys-in-other-languages")
    problems = _problems(_save(tmp_path, "typed", lines))
    assert len(problems) == 9 and len({line for line, _, _ in problems}) == 9  # one each, at the key's own line
    assert problems[0] == (7, 5, "question 1: unknown key 'respuesta' (did you mean 'answer'? keys stay in "
                                 "English, whatever the guide's language: write 'answer: A')")
    assert not any("is missing" in m or "known keys" in m for _, _, m in problems)
    for line, _, message in problems:  # as told: the line written in place of the one typed
        told = re.search(r"write '(.*)'\)$", message)
        fix = told[1] if told else re.sub(r"^\s*\w+", re.search(r"did you mean '(\w+)'", message)[1],
                                          lines[line - 1].strip(), count=1)
        lines[line - 1] = re.match(r"\s*(- )?", lines[line - 1])[0] + fix  # its indentation and '- ' kept
    guide = api.load(_save(tmp_path, "fixed", lines))
    q = guide.questions
    assert q[0].answer == 0 and q[1].answer is False and q[2].prompt == "¿Qué sustancia es una base?"
    assert q[3].answer is True and q[4].answer is True and q[5].answer == "cerca de 3" and q[5].points == 2
    assert q[6].explanation == "Il suo pH è circa 2." and q[7].answer is True


def test_a_misspelt_answer_is_one_message_not_missing_as_well(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        title: Acids
        questions:
          - type: multiple_choice
            prompt: Which is an acid?
            choices: [vinegar, soap]
            anwser: A
          - type: select_all
            prompt: Which are acids?
            choices: [vinegar, lemon juice, soap]
            answr: [A, B]
        """)
    assert _problems(path) == [(6, 5, "question 1: unknown key 'anwser' (did you mean 'answer'?)"),
                               (10, 5, "question 2: unknown key 'answr' (did you mean 'answer'?)")]


def test_a_question_whose_type_is_in_spanish_is_told_at_that_key_not_as_type_missing(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        title: Acids
        questions:
          - prompt: Vinegar is an acid.
            tipo: true_false
            answer: true
        """)
    assert _problems(path) == [(4, 5, "question 1: unknown key 'tipo' (did you mean 'type'? keys stay in English, "
                                      "whatever the guide's language: write 'type: true_false')")]


def test_english_words_for_a_key_are_told_without_the_language_note(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        title: Acids
        questions:
          - type: multiple_choice
            question: Which is an acid?
            options: [vinegar, soap]
            answer: A
        """)
    assert _problems(path) == [
        (4, 5, "question 1: unknown key 'question' (did you mean 'prompt'? write 'prompt: Which is an acid?')"),
        (5, 5, "question 1: unknown key 'options' (did you mean 'choices'? write 'choices:' in its place)")]


def test_a_vocabulary_item_with_spanish_or_german_keys_is_told_its_keys_not_a_term_typed_as_a_key(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        title: Química
        vocabulary:
          - palabra: ácido
            significado: sustancia que cede protones
          - Begriff: Säure
            Bedeutung: Stoff
        """)
    note = "keys stay in English, whatever the guide's language"
    assert _problems(path) == [
        (3, 5, f"vocabulary item 1: unknown key 'palabra' (did you mean 'term'? {note}: write 'term: ácido')"),
        (4, 5, f"vocabulary item 1: unknown key 'significado' (did you mean 'definition'? {note}: write "
               "'definition: sustancia que cede protones')"),
        (5, 5, f"vocabulary item 2: unknown key 'Begriff' (did you mean 'term'? {note}: write 'term: Säure')"),
        (6, 5, f"vocabulary item 2: unknown key 'Bedeutung' (did you mean 'definition'? {note}: write "
               "'definition: Stoff')")]


def test_a_guide_whose_keys_are_all_spanish_is_told_its_keys_not_that_it_is_no_guide(tmp_path):
    path = write_guide(tmp_path, "g.yaml", """
        titulo: Ácidos
        preguntas:
          - type: true_false
            prompt: El vinagre es ácido.
            answer: true
        """)
    messages = [m for _, _, m in _problems(path)]
    assert "guide: unknown key 'preguntas' (did you mean 'questions'? keys stay in English, whatever the guide's " \
           "language: write 'questions:' in its place)" in messages
    assert not any("not a study guide" in m for m in messages)


# -- a line of a prompt indented with a tab (finding 7) ------------------------------------------------------

def test_a_tab_before_a_line_of_a_prompt_is_one_message_and_the_spaces_it_names_read(tmp_path):
    lines = _lines("tab-in-prompt-line")
    assert _problems(_save(tmp_path, "typed", lines)) == [
        (5, 1, "a tab is used for indentation (indent with spaces, not tabs: 6 spaces here, to go on with the "
               "text above)")]
    lines[4] = " " * 6 + lines[4].lstrip("\t")
    guide = api.load(_save(tmp_path, "fixed", lines))
    assert guide.questions[0].prompt == "Which gas do plants take in from the air? Write one word."


def test_a_tab_before_a_key_is_the_tab_message_alone(tmp_path):
    path = _save(tmp_path, "g", ["title: Gas", "questions:", "  - type: short_answer", "    prompt: Which gas?",
                                 "\tanswer: carbon dioxide", ""])
    assert [m for _, _, m in _problems(path)] == ["a tab is used for indentation (indent with spaces, not tabs)"]


# -- a label without the {n} it is there to print -------------------------------------------------------------

HEBREW = """
    title: מחזור המים
    language: he
    labels:
      page: {page}
    questions:
      - type: short_answer
        prompt: מה גורם לאידוי?
        answer: חום השמש
    """


def test_a_page_label_without_n_is_warned_at_its_line_and_the_page_number_prints_once_it_is_put_in(tmp_path):
    path = write_guide(tmp_path, "he.yaml", HEBREW.format(page="עמוד"))
    built = build_into(path, tmp_path / "out")
    said = [(w.where.line, w.where.col, w.message) for w in built.guide.warnings if w.message.startswith("labels.")]
    assert said == [(4, 9, "labels.page: 'עמוד' has no {n}, so it prints without what {n} stands for (in English "
                           "the label is 'Page {n} of {total}'); put {n} where that goes, e.g. 'עמוד {n}'")]
    assert not re.search(r"\d", built.student.lines[0][-1])  # the footer as warned: no page number
    path = write_guide(tmp_path, "he.yaml", HEBREW.format(page="עמוד {n}"))  # as told
    built = build_into(path, tmp_path / "out")
    assert not [w for w in built.guide.warnings if w.message.startswith("labels.")]
    assert "1" in built.student.lines[0][-1] and "עמוד" in built.student.lines[0][-1]


@pytest.mark.parametrize("labels, told", [
    ({"page": "Página {n}", "sheet": "hoja {n}", "also_accept": "Auch richtig: {others}.", "full_date": "{day}/{m}",
      "fronts": "Vorderseiten", "matching_set": "Grupo {n}"}, []),
    ({"point": "Punkt", "cite_lines": "Zeilen {first}"}, [
        "labels.point: 'Punkt' has no {n}, so it prints without what {n} stands for (in English the label is "
        "'({n} pt)'); put {n} where that goes, e.g. 'Punkt {n}'",
        "labels.cite_lines: 'Zeilen {first}' has no {last}, so it prints without what {last} stands for (in "
        "English the label is 'lines {first}–{last}'); put {last} where that goes, e.g. 'Zeilen {first} {last}'"]),
    ({"cloze_definition": "Bedeutung"}, [
        "labels.cloze_definition: 'Bedeutung' has no {blank} or {definition}, so it prints without what {blank} "
        "and {definition} stand for (in English the label is '{blank} means: {definition}'); put {blank} and "
        "{definition} where that goes, e.g. 'Bedeutung {blank} {definition}'"]),
])
def test_labels_are_warned_only_of_a_part_they_are_there_to_print(tmp_path, labels, told):
    typed = "".join(f"\n  {k}: \"{v}\"" for k, v in labels.items())
    path = write_guide(tmp_path, "g.yaml", f"title: Wasser\nlanguage: de\nlabels:{typed}\n")
    assert [w.message for w in api.load(path).warnings if w.message.startswith("labels.")] == told
