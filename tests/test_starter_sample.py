"""The starter's sample question is found by its prompt with its other texts, not by its prompt alone: trial
r11's music guide asked 'Match each term with its meaning.' (question 16, line 118) of its own pairs, and every
build called it the starter's sample question."""
from __future__ import annotations

from conftest import CASES, write_guide
from studyguide import api, budget

MUSIC = CASES / "trial" / "music-beethoven-heiligenstadt.yaml"


def _starter(path) -> list[str]:
    _, found, _ = budget.review(path)
    return [str(p) for p in found if "starter" in p.message] + [str(p) for p in api.starter_left(api.load(path))]


def test_a_real_guide_asking_the_starters_matching_prompt_is_not_the_sample():
    assert api.load(MUSIC).questions[15].prompt == "Match each term with its meaning."
    assert _starter(MUSIC) == []


def test_the_sample_matching_left_with_its_pairs_is_still_found(tmp_path):
    path = write_guide(tmp_path, "music.yaml", """
        title: Dynamics
        questions:
          - type: matching
            prompt: Match each term with its meaning.
            pairs:
              - left: example term
                right: What the term means
              - {left: forte, right: loud}
        """)
    message = (f"{path}:3:5: warning: question 1 is the starter's sample question ('Match each term with its "
               "meaning.'); write your own question, or delete it")
    assert _starter(path) == [message, message]  # (check's finding, and build's one warning)


def test_the_starter_is_read_by_libyaml_and_its_left_text_still_found(tmp_path, monkeypatch):
    """Every build looks for the starter's text left in, and read the starter with PyYAML's pure Python parser
    first: 7 ms of a fresh 'studyguide build' of 4 units. libyaml reads the same data (when PyYAML has it)."""
    import yaml

    from studyguide import lint

    starter = api.STARTER.read_text(encoding="utf-8")
    assert yaml.load(starter, Loader=yaml.CSafeLoader) == yaml.safe_load(starter)
    lint._placeholders.cache_clear()
    monkeypatch.setattr(yaml, "safe_load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("read slowly")))
    path = tmp_path / "unit.yaml"
    path.write_bytes(api.STARTER.read_bytes())
    left = api.starter_left(api.load(path))
    lint._placeholders.cache_clear()
    assert len(left) == 1 and "starter" in left[0].message and left[0].where.line > 0
