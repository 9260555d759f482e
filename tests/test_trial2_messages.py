"""Trial r7/trial2's messages: ordering items typed with their numbers, a citation form that is not
one, a citation that opens a sentence, term and definition on one line, a reading without 'text: |',
and a word bank whose one capital gives a blank away. The exact messages of whole bad guides are in
tests/cases/errors (ordering-items-numbered, ordering-steps-numbered, citation-form-*, ...)."""
from __future__ import annotations

import pytest

from conftest import write_guide

from studyguide.reading.slips import numbered


@pytest.mark.parametrize("items, found", [
    (["1. The Stamp Act", "2. The Boston Massacre", "The Tea Party"], (0, "1. ")),
    (["The Tea Party", "2) The Boston Massacre", "3) The Stamp Act"], (1, "2) ")),
    (["(1) Mix", "(2) Knead", "(3) Bake"], (0, "(1) ")),
    (["Step 1 - Mix", "Step 2 - Knead"], (0, "Step 1 - ")),
])
def test_ordering_items_numbered_by_their_places_are_found(items, found):
    assert numbered(items) == found


@pytest.mark.parametrize("items", [
    ["1. Wake up", "Eat breakfast", "Walk to school"],        # one item that starts with a number
    ["1765 The Stamp Act", "1770 The Boston Massacre"],      # years: no mark after the number
    ["2. Knead", "1. Mix", "3. Bake"],                         # numbers that are not the places
    ["3) three eggs", "4) four cups of flour"],
    ["1.5 kg of flour", "2.5 kg of sugar"],
])
def test_ordering_items_that_merely_start_with_a_number_are_left_alone(items):
    assert numbered(items) is None


def test_an_imported_text_that_looks_like_a_citation_form_is_kept_as_text():
    """Another tool's '{@x:paragraphs}' is text: the imported guide (no reading) prints it and loads."""
    from studyguide.importers.writer import _printable

    assert _printable("see {@x:paragraphs} and {@vote}", set(), set()) == "see {\u200b@x:paragraphs} and {\u200b@vote}"


CITING = """
    title: Main Street
    language: {lang}
    reading:
      text: |
        {{@vote}}Six members voted to close four blocks.{{@/vote}}

        The first weeks were confusing.
    questions:
      - type: short_answer
        prompt: "{{@vote}} says the council voted. In {{@vote:paragraph}}, who voted?"
        answer: "Six members. {{@vote}} names them; see {{@vote}}."
      - type: true_false
        prompt: "Read it again. “{{@vote:paragraph}} is the first.” ¿{{@vote}}?"
        answer: true
      - type: multiple_choice
        prompt: Where does the council vote?
        choices: ["{{@vote}}", "{{@vote:paragraph}}, at the end"]
        answer: A
"""


@pytest.mark.parametrize("lang, lines, para", [("en", "line 1", "paragraph 1"), ("es", "línea 1", "párrafo 1"),
                                               ("fr", "ligne 1", "paragraphe 1"), ("de", "Zeile 1", "Absatz 1")])
def test_a_citation_that_starts_a_sentence_starts_with_a_capital(tmp_path, lang, lines, para):
    """'{@vote} says' prints 'Line 1 says' (handout, key, exit ticket, exports); mid-sentence, and
    at the start of a choice, it stays 'line 1' (trial2 LOW-1)."""
    import dataclasses

    from conftest import Pdf
    from studyguide import api

    def cap(s):
        return s[:1].upper() + s[1:]

    path = write_guide(tmp_path, "street.yaml", CITING.format(lang=lang))
    guide = api.cited_as_printed(api.load(path))
    q1, q2, q3 = guide.questions
    assert q1.prompt == f"{cap(lines)} says the council voted. In {para}, who voted?"
    assert q1.answer == f"Six members. {cap(lines)} names them; see {lines}."
    assert q2.prompt == f"Read it again. “{cap(para)} is the first.” ¿{cap(lines)}?"
    assert q3.choices == (lines, f"{para}, at the end")
    result = api.build(path, tmp_path / "out")
    student, key = (" ".join(Pdf(o.path).text.split()) for o in result.outputs)
    for text in (student, key):
        assert f"{cap(lines)} says the council voted. In {para}, who voted?" in text
    assert f"Six members. {cap(lines)} names them; see {lines}." in key
    exit_ = api.build(path, tmp_path / "exit", guide=dataclasses.replace(api.load(path), format="exit-ticket"))
    assert f"{cap(lines)} says the council voted." in " ".join(Pdf(exit_.outputs[0].path).text.split())


def _errors(path):
    from studyguide import api
    from studyguide.errors import GuideError

    with pytest.raises(GuideError) as exc:
        api.load(path)
    return [(p.where.line, p.where.col, p.message) for p in exc.value.problems]


def _case(tmp_path, name, edit):
    """The bad guide tests/cases/errors/NAME.yaml, edited as its message says, saved to tmp_path."""
    from conftest import CASES

    path = tmp_path / f"{name}.yaml"
    path.write_text(edit((CASES / "errors" / f"{name}.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_the_advice_for_the_numbered_items_and_the_misspelt_citation_fixes_the_guide(tmp_path):
    import re

    from studyguide import api

    [(line, col, message)] = _errors(_case(tmp_path, "ordering-items-numbered", str))
    typed = re.search(r"drop '(.*?)'", message).group(1)
    assert (line, col, typed) == (6, 9, "1. ")
    fixed = _case(tmp_path, "ordering-items-numbered", lambda t: re.sub(r"- \d\. ", "- ", t))
    assert api.load(fixed).questions[0].items[:2] == ("The Stamp Act (1765)", "The Boston Massacre (1770)")
    [(_, _, message)] = _errors(_case(tmp_path, "citation-form-misspelt", str))
    meant = re.search(r"did you mean (\{@.*?\})\?", message).group(1)
    guide = api.cited_as_printed(api.load(_case(tmp_path, "citation-form-misspelt",
                                                 lambda t: t.replace("{@troops:paragraphs}", meant))))
    assert guide.questions[0].prompt.startswith("Paragraph 2 complains")


def test_the_advice_for_a_definition_on_the_term_line_and_a_reading_without_text_fixes_the_guide(tmp_path):
    from studyguide import api

    [(line, col, message)] = _errors(_case(tmp_path, "vocabulary-definition-on-the-term-line", str))
    assert message.endswith("('term: le café', then 'definition: the coffee' on the next line)")
    fixed = _case(tmp_path, "vocabulary-definition-on-the-term-line",
                  lambda t: t.replace("le café definition: the coffee", "le café\n    definition: the coffee"))
    assert [(v.term, v.definition) for v in api.load(fixed).vocabulary][1] == ("le café", "the coffee")
    [(line, col, message)] = _errors(_case(tmp_path, "reading-words-without-text", str))
    assert "write 'reading:', then '  text: |' on the line under it" in message
    fixed = _case(tmp_path, "reading-words-without-text",
                  lambda t: t.replace("reading: |\n    When", "reading:\n  text: |\n    When"))
    assert api.load(fixed).reading.paragraphs[0].startswith("When in the Course of human events")


BANKS = """
    title: Unité 3
    language: fr
    questions:
      - type: fill_in_blank
        prompt: "{first}"
        word_bank: true
      - type: fill_in_blank
        prompt: "Mon [[frère]] et ma [[sœur]] vont à [[la gare]]."
"""


@pytest.mark.parametrize("first, bank", [
    ("[[Aujourd'hui]], il fait beau.", "Banque de mots : Aujourd'hui · Frère · La gare · Sœur"),
    ("Il fait beau. « [[Aujourd'hui]] ? »", "Banque de mots : Aujourd'hui · Frère · La gare · Sœur"),
    ("Il fait beau [[aujourd'hui]].", "Banque de mots : aujourd'hui · frère · la gare · sœur"),
    ("Il pleut à [[Paris]].", "Banque de mots : frère · la gare · Paris · sœur"),  # (mid-sentence: as typed)
])
def test_a_bank_of_one_blank_that_starts_a_sentence_capitalises_its_other_words(tmp_path, first, bank):
    """Trial2 LOW-2: 'Aujourd'hui · frère · la gare · sœur' gave the blank at the sentence's start away."""
    from conftest import Pdf
    from studyguide import api

    result = api.build(write_guide(tmp_path, "u3.yaml", BANKS.format(first=first)), tmp_path / "out")
    for out in result.outputs:
        assert bank in " ".join(Pdf(out.path).text.split())


def test_check_warns_of_a_bank_whose_only_capitals_answer_the_blanks_that_start_a_sentence(tmp_path):
    from studyguide import api, lint

    guide = write_guide(tmp_path, "u3.yaml", BANKS.format(first="Il fait [[beau]].") + """\
      - type: fill_in_blank
        prompt: "[[Aujourd'hui]], il fait beau. Mon [[frère]] et ma [[sœur]] vont à [[la gare]]."
        word_bank: true
      - type: fill_in_blank
        prompt: "[[Paris]] est grand. J'aime [[Lyon]], [[le café]] et [[la gare]]."
        word_bank: true
      - type: fill_in_blank
        prompt: "[[Rain]] falls. [[Snow]] melts. The [[sun]] shines on the [[sea]]."
        word_bank: true
""")
    found = [(p.where.line, p.message) for p in lint.check(api.load(guide)) if "capital" in p.message]
    assert found == [
        (10, "question 3: the word bank's only word with a capital, 'Aujourd'hui', answers the blank that starts a "
             "sentence, so the capital gives it away (reword so that no blank starts a sentence)"),
        (16, "question 5: the word bank's only words with a capital ('Rain', 'Snow') answer the blanks that start a "
             "sentence, so the capitals give them away (reword so that no blank starts a sentence)")]
