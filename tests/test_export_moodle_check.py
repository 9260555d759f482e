"""The real-Moodle check's own parts (tests/moodle/): what its answer key expects must be what the export holds.

The check itself needs PHP and a Moodle site (docs/moodle-check.md); these tests run its Python half, so a key
that disagrees with the export (and would fail every run of the check) is caught without a Moodle.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re

from conftest import GUIDES_DIR, TESTS
from studyguide import api
from studyguide.export import export_one, moodle
from test_export_consumers import moodle_reader


def answer_key_module():
    spec = importlib.util.spec_from_file_location("answer_key", TESTS / "moodle" / "answer_key.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def moodle_prompts(path) -> list[str]:
    """Each question's text as check_import.php compares it: tags gone, entities decoded, spaces joined."""
    written = api.load(path)
    [(_, data)], _ = export_one(moodle.export, written, api.cited_as_printed(written), "moodle")
    texts = [q["questiontext/text"][0] for q in moodle_reader(data)[1:]]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", t)).split()) for t in texts]


def test_the_key_prints_a_citation_of_the_reading_as_the_export_does(tmp_path):
    guide = GUIDES_DIR / "china-foreign-police-training.yaml"
    assert answer_key_module().main([str(tmp_path), str(guide)]) == 0
    [key_file] = tmp_path.glob("*-moodle.key.json")
    keys = json.loads(key_file.read_text(encoding="utf-8"))["questions"]
    prompts = moodle_prompts(guide)
    assert keys[0]["prompt"] == "In lines 1–2, how do Chinese authorities describe the goal of the program?"
    for key, seen in zip(keys, prompts, strict=True):
        assert "{@" not in key["prompt"]
        if key["type"] != "fill_in_blank":  # a blank's prompt is compared up to the word bank
            assert key["prompt"] == seen, key["number"]


def test_the_key_gives_the_paper_s_points_and_the_export_s_warning_where_moodle_cannot(tmp_path):
    cases = TESTS / "cases" / "export"
    module = answer_key_module()
    assert module.main([str(tmp_path), str(cases / "escaping.yaml"), str(cases / "multiline.yaml")]) == 0
    escaping = json.loads((tmp_path / "escaping-moodle.key.json").read_text(encoding="utf-8"))["questions"]
    assert [k["points"] for k in escaping] == [1.5, 2, 0, 2, 5, 1, 3, 0, 3]
    assert [k["number"] for k in escaping if "points_warning" in k] == [7]  # 2 blanks: 1 mark each, not 3
    assert "not 3" in escaping[6]["points_warning"]
    multiline = json.loads((tmp_path / "multiline-moodle.key.json").read_text(encoding="utf-8"))["questions"]
    assert not any("points" in k for k in multiline)  # no points on paper: any mark Moodle gives is as the paper
