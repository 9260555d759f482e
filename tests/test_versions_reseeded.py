"""Versions made with one seed, replaced by a build with another (first-hour trial r11, finding 6): a class set
built without --seed after '--versions 2 --seed 7' rewrote water-A.pdf and water-B.pdf with other shuffles without a
word, and the printed seed-7 copies no longer matched the keys. Each version's PDF now records its seed (Keywords,
as its footer prints it), and a build replacing one made with another seed warns at the guide, naming the old seed
and the command that makes those versions again."""
from __future__ import annotations

from hostile_support import cli_inprocess
from studyguide import reseeded

GUIDE = """\
title: The Water Cycle
questions:
  - type: multiple_choice
    prompt: What drives the water cycle?
    choices: [The moon, The sun, Wind, Tides]
    answer: B
  - type: multiple_choice
    prompt: Which is a reservoir?
    choices: [Lake Mead, The Pacific, A cloud, Snow]
    answer: A
"""


def _build(tmp_path, *args):
    run = cli_inprocess(["build", "water.yaml", "-o", "out", *args], cwd=tmp_path)
    assert run.code == 0, run.err
    return [line for line in run.err.splitlines() if "warning" in line]


def test_replacing_versions_of_another_seed_is_said_with_the_old_seed(tmp_path):
    (tmp_path / "water.yaml").write_text(GUIDE, encoding="utf-8")
    assert _build(tmp_path, "--versions", "2", "--seed", "7") == []
    assert [reseeded.recorded(tmp_path / "out" / f"water-{v}.pdf") for v in "AB"] == ["7", "7"]
    said = _build(tmp_path, "--versions", "2", "--class-set", "--copies", "4")
    new = reseeded.recorded(tmp_path / "out" / "water-A.pdf")
    assert new not in (None, "7")  # (the guide's own seed: from its title)
    assert said == [f"water.yaml: warning: out/water-A.pdf and out/water-B.pdf were made with seed 7 and are replaced "
                    f"by versions shuffled with seed {new}: copies printed from the old files do not match the new "
                    "keys; to make the old versions again: studyguide build water.yaml --versions 2 --seed 7"]
    assert _build(tmp_path, "--versions", "2", "--class-set", "--copies", "4") == []  # the same seed again: nothing


def test_more_versions_name_those_replaced_and_a_seed_with_a_space_is_quoted(tmp_path):
    (tmp_path / "water.yaml").write_text(GUIDE, encoding="utf-8")
    assert _build(tmp_path, "--versions", "1", "--seed", "unit 3") == []
    assert _build(tmp_path, "--versions", "3", "--seed", "7") == [
        "water.yaml: warning: out/water-A.pdf was made with seed \"unit 3\" and is replaced by versions shuffled with "
        "seed 7: copies printed from the old files do not match the new keys; to make the old versions again: "
        "studyguide build water.yaml --versions 1 --seed \"unit 3\""]


def test_a_build_without_versions_records_no_seed(tmp_path):
    (tmp_path / "water.yaml").write_text(GUIDE, encoding="utf-8")
    assert _build(tmp_path) == []
    assert reseeded.recorded(tmp_path / "out" / "water.pdf") is None
