"""A crossword clue never holds its own answer: the definition of "le café" is "the coffee; the café",
and the clue printed "the coffee; the café (2,4)" (second trial, r7, MEDIUM-2). The term's head word,
without the article it opens with in the guide's language, is blanked as the whole term is."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from conftest import CASES, norm
from studyguide import activities as act, api, render
from studyguide.activities.articles import head_word
from studyguide.activities.crossword import clue_for
from studyguide.layout.activities import limits_for

FRENCH = CASES / "crossword" / "french-vocab.yaml"


def test_the_trial_guides_clues_print_a_blank_for_the_head_word():
    guide = api.load(FRENCH)
    pdf = render.render(guide, ("student",))["student"].pdf
    text = norm(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert "the coffee; the ___ (4)" in text  # (the answer is CAFÉ, not LECAFÉ: test_puzzle_articles)
    assert "the ___ (meat spread) (4)" in text
    assert "the café (4)" not in text and "pâté (meat spread) (4)" not in text  # (the vocabulary table keeps them)
    data = act.plan(guide, "crossword", limits_for(guide)["crossword"]).data
    for entry in data.entries:  # no clue holds its answer's head word, as a whole word
        head = head_word(entry.term, "fr") or entry.term
        assert not re.search(rf"(?<!\w){re.escape(head)}(?!\w)", entry.clue, re.I), entry


@pytest.mark.parametrize("term, language, head", [
    ("le café", "fr", "café"), ("l'école", "fr", "école"), ("l’hiver", "fr", "hiver"), ("les gens", "fr", "gens"),
    ("d'accord", "fr", ""),  # an expression, not an article and a noun
    ("el médico", "es", "médico"), ("la ciudad", "es", "ciudad"),
    ("die Brücke", "de", "Brücke"), ("das Haus", "de", "Haus"),
    ("o hospital", "pt", "hospital"), ("a escola", "pt", "escola"),
    ("l'ospedale", "it", "ospedale"), ("gli amici", "it", "amici"),
    ("the Senate", "en", "Senate"), ("an atom", "en", "atom"), ("atom", "en", ""),
    ("die Brücke", "en", ""),  # a guide that does not say it is German: English articles only
    ("la", "fr", ""),  # an article alone is the whole term
])
def test_head_word_drops_the_article_of_the_guides_language(term, language, head):
    assert head_word(term, language) == head


def test_clue_blanks_the_term_then_its_head_word():
    assert clue_for("le café", "the coffee; the café", "fr") == "the coffee; the ___"
    assert clue_for("die Kamera", "the camera (die Kamera)", "de") == "the camera (___)"
    assert clue_for("die Kamera", "a Kamera or camera", "de") == "a ___ or camera"
    assert clue_for("the Senate", "the upper house; a senate of 100", "en") == "the upper house; a ___ of 100"
    assert clue_for("le café", "the coffee; the café") == "the coffee; the café"  # (no language: as before)
