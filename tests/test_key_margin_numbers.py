"""The key's question numbers beside the reading (trial r12, the ja key's paragraph [4]): two spans starting on the
same line each drew their questions' numbers at that line's start of the margin, and "3" and "4" printed over each
other. Now they print once, together ("3, 4"), and no two numbers in the margin share a place."""
from __future__ import annotations

import io

import pypdf
import pytest

from conftest import write_guide
from studyguide import api

PROSE = """
    title: 明治維新
    language: ja
    reading:
      text: |
        {@haihan}1871年、政府は藩をなくして、全国に県を置きました。{@/haihan}{@reforms}1872年には学制ができ、子どもたちはみんな小学校に通うことになりました。1873年には徴兵令で二十歳の男子が軍隊に入るようになりました。{@/reforms}東京と横浜の間には鉄道も走りました。
    questions:
      - {type: short_answer, prompt: "{@haihan}の廃藩置県は何年ですか。", answer: "1871年"}
      - {type: short_answer, prompt: "{@reforms}で説明されている改革を一つ書きなさい。", answer: 学制}
      - {type: short_answer, prompt: "{@reforms}で、学校はどうなりましたか。", answer: みんな通う}
    """

VERSE = """
    title: Two Lines
    reading:
      form: verse
      text: |
        {@a}The sea is calm tonight,{@/a} {@b}the tide is full,
        the moon lies fair{@/b}
        Upon the straits.
    questions:
      - {type: short_answer, prompt: "In {@a}, what is calm?", answer: the sea}
      - {type: short_answer, prompt: "In {@b}, what is full?", answer: the tide}
    """


def _margin_numbers(pdf: bytes) -> list[tuple[float, float, str]]:
    """Every run of digits, commas and spaces drawn in the key's right margin of page 1, with its place."""
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    width, found = float(page.mediabox.width), []

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + cm[4]
        if text.strip() and x > width * 0.8 and all(c.isdigit() or c in ", " for c in text.strip()):
            found.append((round(x, 1), round(tm[5] * cm[3] + cm[5], 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("guide,together", [(PROSE, "1, 2, 3"), (VERSE, "1, 2")])
def test_questions_citing_spans_that_start_on_one_line_print_together(tmp_path, guide, together):
    out = api.build(write_guide(tmp_path, "g.yaml", guide), tmp_path / "out")
    numbers = _margin_numbers(out.outputs[1].path.read_bytes())
    assert together in [t for _, _, t in numbers], numbers
    places = [(x, y) for x, y, _ in numbers]
    assert len(places) == len(set(places)), numbers  # nothing printed over anything
