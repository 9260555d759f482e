"""A guide typed or pasted decomposed (NFD: a letter, then its accents as marks of their own) exports the same bytes
as the same guide composed (NFC), in every format, with the same warnings (trial r10, L1: Kahoot composed it, while
Quizlet, Anki and Moodle kept it decomposed)."""
from __future__ import annotations

import unicodedata

import pytest

from conftest import write_guide
from studyguide import api
from studyguide.export import FORMATS

GUIDE = """
    title: Vòng tuần hoàn của nước
    language: vi
    labels: {example: "Ví dụ:", model_answer: "Đáp án mẫu:"}
    vocabulary:
      - term: bốc hơi
        definition: Quá trình nước từ thể lỏng chuyển thành hơi nước.
        example: Vũng nước trên sân bốc hơi dưới nắng.
    questions:
      - type: fill_in_blank
        prompt: "Nước [[bốc hơi]] khi trời nắng."
      - type: multiple_choice
        prompt: Mây được tạo thành do quá trình nào?
        choices: [ngưng tụ, bốc hơi]
        answer: A
      - type: short_answer
        prompt: Vì sao nước bốc hơi?
        answer: Nắng làm nước nóng lên.
"""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_decomposed_guide_exports_as_the_composed_one(tmp_path, fmt):
    made = {}
    for form in ("NFC", "NFD"):
        guide = write_guide(tmp_path / form, "nuoc.yaml", unicodedata.normalize(form, GUIDE))
        assert unicodedata.is_normalized("NFD", guide.read_text(encoding="utf-8")) == (form == "NFD")
        [outcome] = api.export([guide], fmt, tmp_path / form / "out")
        assert outcome.error is None
        made[form] = ([(p.name, p.read_bytes()) for p in outcome.written],
                      [str(w).replace(str(tmp_path / form), "") for w in outcome.warnings])
    assert made["NFD"] == made["NFC"] and made["NFC"][0]
