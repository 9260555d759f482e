"""Trial r7/trial2's messages: ordering items typed with their numbers, a citation form that is not
one, a citation that opens a sentence, term and definition on one line, a reading without 'text: |',
and a word bank whose one capital gives a blank away. The exact messages of whole bad guides are in
tests/cases/errors (ordering-items-numbered, ordering-steps-numbered, citation-form-*, ...)."""
from __future__ import annotations

import pytest

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
