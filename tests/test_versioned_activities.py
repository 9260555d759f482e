"""Versions against copying: version B's vocabulary matching letters its definitions in another order
and its word search hides the words in other places, and its key follows; version A is as it was. The sets hold the same
definitions and the grid is as big, so every version takes the same pages (second trial, r7, LOW-3).
The crossword is the same in every version (README, Versions)."""
from __future__ import annotations

import re


from conftest import norm, page_texts
from studyguide import api, render, variants

GUIDE = """\
title: Plants
seed: room 12
vocabulary:
  - term: seed
    definition: A tiny part of a plant that can grow into a new plant.
  - term: soil
    definition: The dirt that plants grow in.
  - term: garden
    definition: A place where people grow plants.
  - term: sunflower
    definition: A very tall plant with a big yellow flower.
  - term: leaves
    definition: The flat green parts of a plant.
  - term: sprout
    definition: A new little plant just coming out of the ground.
  - term: roots
    definition: The parts of a plant that hold it in the ground and drink water.
  - term: stem
    definition: The part of a plant that holds up its leaves and flower.
questions:
  - type: true_false
    prompt: A seed can grow into a plant.
    answer: true
  - type: true_false
    prompt: Soil is a kind of rock.
    answer: false
activities: [matching, word_search, crossword]
"""


def _built(tmp_path, index):
    path = tmp_path / "plants.yaml"
    path.write_text(GUIDE, encoding="utf-8")
    guide = variants.version(api.load(path), index)
    out = render.render(guide)
    pages = [[norm(t) for t in page_texts(out[m].pdf)] for m in ("student", "key")]
    return out, pages


def _matching(text: str) -> tuple[dict, dict]:
    """The key's matching: each term's letter, and each letter's definition."""
    part = text[text.index("Vocabulary Matching"):text.index("Plants ·")]
    letters = {term: letter for letter, term in re.findall(r"\b([A-J]) \d+\. (\w+)", part)}
    definitions = dict(re.findall(r"\b([A-J])\. (.+?\.)(?= [A-J]\. |$)", part.strip()))
    return letters, definitions


def _grid(text: str) -> str:
    part = text[text.index("Word Search"):text.index("Words to find")]
    return "".join(re.findall(r"\b[A-Z]\b", part))


def test_version_b_letters_matching_and_hides_words_its_own_way_and_its_key_follows(tmp_path):
    a, (a_student, a_key) = _built(tmp_path, 0)
    b, (b_student, b_key) = _built(tmp_path, 1)
    page = next(i for i, t in enumerate(a_key) if "Vocabulary Matching" in t)
    a_letters, a_defs = _matching(a_key[page])
    b_letters, b_defs = _matching(b_key[page])
    page = next(i for i, t in enumerate(a_key) if "Word Search" in t)
    assert len(a_letters) == 6 and a_letters != b_letters  # the same terms, other letters
    assert sorted(a_defs.values()) == sorted(b_defs.values())  # the same definitions in each set
    meaning = {m.group(1): m.group(2) for m in re.finditer(r"term: (\w+)\n    definition: (.+)", GUIDE)}
    for letters, defs in ((a_letters, a_defs), (b_letters, b_defs)):  # each key's letters are right
        assert {term: defs[letter] for term, letter in letters.items()} == {t: meaning[t] for t in letters}
    assert _grid(a_student[page]) != _grid(b_student[page])
    assert len(_grid(a_student[page])) == len(_grid(b_student[page]))  # as big a grid
    words = [t[t.index("Words to find"):] for t in (a_student[page], b_student[page])]
    assert words[0].split("Plants ·")[0] == words[1].split("Plants ·")[0]  # the same words to find
    assert [a[m].pages for m in a] == [b[m].pages for m in b]
    crosswords = [t[t.index("Crossword"):] for t in (a_key[-1], b_key[-1])]
    assert re.sub(r"Version [AB]", "", crosswords[0]) == re.sub(r"Version [AB]", "", crosswords[1])

