"""A bank of two blanks prints a spare word (banks.banked) only where it costs no room: where it would
take the bank to a second line or widen the blanks, the bank keeps its two answers, so the spare never
costs a page (at first it cost 4 of 280 large-print word-bank builds a page each)."""
from __future__ import annotations

import re

from conftest import CASES, Pdf
from studyguide.classroom import SetOptions, build_set
from studyguide.model import Accommodations

MEXICO = CASES / "layout" / "independencia-de-mexico.yaml"  # 'El Plan de [[Iguala]] … y [[Guerrero]] …'


def _quiz(tmp_path, edition):
    options = SetOptions(edition=edition, format="quiz", accommodations=Accommodations(word_bank=True),
                         own_accommodations=False)
    result = build_set(MEXICO, tmp_path / str(edition), "a4", options)
    handout, key = (Pdf(o.path) for o in result.outputs)
    banks = re.findall(r"Banco de palabras: (.+?) \d+\.", " ".join(handout.text.split()))
    return handout.page_count, key.page_count, banks[0].split(" · ")


def test_the_spare_word_prints_where_it_fits_and_stays_out_where_it_would_cost_a_page(tmp_path):
    pages, _, bank = _quiz(tmp_path, None)
    assert bank == ["criollos", "Guerrero", "Iguala"] and pages == 3  # (criollos: another blank's answer)
    pages, key_pages, bank = _quiz(tmp_path, "large-print")
    assert bank == ["Guerrero", "Iguala"]  # at 18 pt the third word took the bank to a second line
    assert (pages, key_pages) == (5, 5)  # as before the spare: 6 and 6 with it
