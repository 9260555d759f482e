"""A guide pasted decomposed (NFD: a letter, then each accent as a mark of its own, as a Mac's copy or Unikey's
"Unicode tổ hợp" gives it) prints as the same guide typed composed (NFC), letter for letter and glyph for glyph
(trial r15, finding 1: a decomposed Vietnamese 'Ô' printed as 'Ơ', the hook of 'Ở' lost, hook and tone mark of 'đổ'
colliding). The loader composes every text as it reads it; a message still points at the line and column where the
text was typed."""
from __future__ import annotations

import unicodedata

import pypdfium2
import pytest

from conftest import write_guide
from glyphs import drawn
from studyguide import api

VI = """
    title: Vòng tuần hoàn của nước
    subtitle: Ôn tập
    language: vi
    summary: |
      Ở vùng núi cao, nước đổ xuống thành suối và chuyển thể thành hơi. Crème brûlée, señor, Ångström, Øre.
    vocabulary:
      - term: bốc hơi
        definition: Quá trình nước từ thể lỏng chuyển thành hơi nước.
      - term: ngưng tụ
        definition: Hơi nước lạnh đi và thành giọt nước nhỏ.
    questions:
      - type: short_answer
        prompt: Vì sao nước ở vùng núi cao đổ xuống thành suối?
        answer: Nước chảy từ chỗ cao xuống chỗ thấp.
    """

KO = """
    title: 물의 순환
    language: ko
    summary: |
      태양이 바다와 호수의 물을 데우면 물은 증발하여 수증기가 됩니다. 낱말과 글자를 읽습니다.
    vocabulary:
      - term: 증발
        definition: 물이 데워져서 수증기가 되는 것.
    questions:
      - type: short_answer
        prompt: 구름은 어떻게 생깁니까?
        answer: 수증기가 차가워져서 물방울이 됩니다.
    """


def _pages(path) -> list[str]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("name,guide", [("vi", VI), ("ko", KO)])
def test_a_decomposed_guide_prints_as_the_composed_one(tmp_path, name, guide):
    made = {}
    for form in ("NFC", "NFD"):
        path = write_guide(tmp_path / form, f"{name}.yaml", unicodedata.normalize(form, guide))
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")) == (form == "NFC")
        result = api.build(path, tmp_path / form / "out")
        student, key = (o.path for o in result.outputs)
        made[form] = {
            "text": [_pages(student), _pages(key)],
            # each character shown and the glyph the embedded font draws for it
            "glyphs": sorted({(d.char, d.glyph) for pdf in (student, key) for d in drawn(pdf)}),
        }
    assert made["NFD"]["text"] == made["NFC"]["text"]
    assert made["NFD"]["glyphs"] == made["NFC"]["glyphs"]
    shown = {char for char, _ in made["NFD"]["glyphs"]}
    assert not [c for c in shown if unicodedata.combining(c)]  # no accent drawn as a mark of its own
    assert not [c for c in shown if "\u1100" <= c <= "\u11ff"]  # no Hangul drawn as loose jamo
    assert not [g for _, g in made["NFD"]["glyphs"] if g == ".notdef"]
    printed = " ".join(made["NFD"]["text"][0])
    if name == "vi":
        assert "Ôn tập" in printed and "Ở vùng núi cao" in printed and "Crème brûlée" in printed
    else:
        assert "낱말과 글자를" in printed


def test_a_message_points_where_the_decomposed_text_was_typed(tmp_path):
    guide = """
        title: Ôn tập
        language: vi
        labels: {name: "Họ tên", date: "Ngày"}
        questions:
          - type: short_answer
            prompt: |
              Điền vào bảng:
              Ở vùng núi	cao	nhất
              Ôn tập	đổ	thể
            answer: Nước.
        """
    said = {}
    for form in ("NFC", "NFD"):
        path = write_guide(tmp_path / form, "bang.yaml", unicodedata.normalize(form, guide))
        [checked] = api.validate([path])
        said[form] = [str(p).replace(str(path), "bang.yaml") for p in checked.warnings if "spreadsheet" in p.message]
    assert said["NFD"] == said["NFC"]
    assert [w.split(": warning")[0] for w in said["NFD"]] == ["bang.yaml:8:7"]  # 'Ở', the table's first row
