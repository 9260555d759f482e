"""The word-bank sentences' title and instructions never end a page alone: they print over the word bank and
its first sentences. In large print a bank of 44 terms (A4) or 46 (letter) and its first three sentences take most
of a page, and with the title and instructions over them the block was taller than a page: it went on in its
pieces, the title and instructions alone at the top of a page (the r13 scan's b-u8 modern A4, page 43, 88 % empty),
the bank and its sentences opening the next. Now the bank keeps as many of its first sentences as fit there."""
from __future__ import annotations

import pytest

from conftest import Pdf, cli_main, write_guide

ADJECTIVES = ["stable", "narrow", "cultural", "private", "global", "humid", "formal", "visible", "minor", "reliable"]
NOUNS = ["predator", "enzyme", "nutrient", "author", "hypothesis", "budget", "contract", "settlement", "farmer"]
DEFINITIONS = ["A long and careful account of how each southern delta gathers water near the coast in spring.",
               "The part of a village council that settles every question about the market and its roads.",
               "Something that a cautious traveller writes down before crossing a wide and empty plateau."]
TITLE, SAID = "Vocabulary in Context", "Complete each sentence with a word or phrase from the word bank. Use each one once."


def _guide(tmp_path, count):
    terms = [f"{ADJECTIVES[n % 10]} {NOUNS[n // 10 % 9]}" if n >= 10 else NOUNS[n % 9] + "s" * (n // 9)
             for n in range(count)]
    rows = "\n".join(f"  - {{term: {t}, definition: '{DEFINITIONS[n % 3]}'}}" for n, t in enumerate(terms))
    return write_guide(tmp_path, "bank.yaml", f"title: A Long Word Bank\nvocabulary:\n{rows}\nactivities: [cloze]\n")


@pytest.mark.parametrize("paper, count", [("a4", 44), ("letter", 46)])
def test_the_title_and_instructions_print_over_the_bank_and_its_first_sentence(tmp_path, paper, count):
    path = _guide(tmp_path, count)
    run = cli_main("build", "--edition", "large-print", "--theme", "modern", "--paper", paper, "-o", tmp_path / "out",
                   path)
    assert run.returncode == 0, run.stderr
    for name in ("bank-large-print.pdf", "bank-large-print-key.pdf"):
        pages = Pdf(tmp_path / "out" / name).pages
        titled = [n for n, text in enumerate(pages) if TITLE in text]
        assert len(titled) == 1, (name, titled)
        under = pages[titled[0]].split(TITLE, 1)[1]
        assert under.split("Word bank:")[0].strip() == SAID, (name, under[:300])  # (the bank under the instructions)
        assert " 1. " in under.split("Word bank:")[1], (name, paper, "the first sentence is not on the title's page")
        assert f"{count}. " in " ".join(pages[titled[0]:]), name
