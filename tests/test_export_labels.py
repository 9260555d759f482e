"""A guide in a language with no built-in labels is told, by each export, the labels that export prints in English
(trial r10, M4): a Vietnamese guide's Anki cards said "Example:" and its Quizizz rows "Model answer:", and neither
`check` nor `export` named those two labels."""
from __future__ import annotations

from conftest import write_guide
from studyguide import api

GUIDE = """
    title: Vòng tuần hoàn của nước
    language: vi
    labels: {name: "Họ và tên", why: "Vì sao:"}
    vocabulary:
      - term: bốc hơi
        definition: Nước chuyển thành hơi.
        example: Vũng nước bốc hơi dưới nắng.
    questions:
      - type: short_answer
        prompt: Vì sao nước bốc hơi?
        answer: Nắng làm nước nóng lên.
"""
TOLD = ("{guide}:2:11: warning: language: no built-in labels for 'vi': 1 of the labels the {fmt} export prints are not "
        "given under 'labels:' and print in English: {left} (docs/guide-format.md#labels)")


def _told(tmp_path, fmt, text=GUIDE):
    guide = write_guide(tmp_path, "nuoc.yaml", text)
    [outcome] = api.export([guide], fmt, tmp_path / fmt)
    assert outcome.error is None
    return guide, [str(w) for w in outcome.warnings if "labels" in w.message]


def test_each_export_names_the_labels_it_prints_in_english(tmp_path):
    for fmt, left in (("anki", "example"), ("quizizz", "model_answer")):
        guide, told = _told(tmp_path, fmt)
        assert told == [TOLD.format(guide=guide, fmt=fmt, left=left)]
    assert "Example:" in (tmp_path / "anki" / "nuoc-anki.txt").read_text(encoding="utf-8")


def test_an_export_that_prints_no_english_label_says_nothing_of_labels(tmp_path):
    assert _told(tmp_path, "quizlet")[1] == []  # term and definition only
    given = GUIDE.replace('why: "Vì sao:"', 'why: "Vì sao:", example: "Ví dụ:"')
    assert _told(tmp_path / "given", "anki", given)[1] == []
    assert "Ví dụ:" in (tmp_path / "given" / "anki" / "nuoc-anki.txt").read_text(encoding="utf-8")
