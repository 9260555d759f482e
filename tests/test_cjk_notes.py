"""Guided and Cornell notes of a Japanese, Chinese or Korean guide (trial r12 finding 2): a term or a [[mark]] in
text written without spaces (外国との[[貿易]]が始まった) was never found, as a whole word needed a non-letter on
each side, and the build was refused: "no vocabulary term appears in the topics' summaries or points"."""
from __future__ import annotations

import pytest

from conftest import Pdf, write_guide
from studyguide.classroom import SetOptions, build_set
from studyguide.layout.notes import holes, pattern

GUIDE = """
    title: 開国
    language: {language}
    topics:
      - title: 開国
        summary: 港を開きました。
        points:
          - 外国との[[貿易]]が始まった。
          - 税は[[お金]]で払う。
          - 日本は条約を結んだ。
          - DNAは細胞の中にある。
    vocabulary:
      - term: 条約
        definition: treaty
      - term: DNA
        definition: 遺伝の情報。
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
@pytest.mark.parametrize("language", ["ja", "zh", "en"])
def test_cjk_notes_blank_terms_and_marks_inside_text_without_spaces(tmp_path, fmt, language):
    path = write_guide(tmp_path / "g", "g.yaml", GUIDE.format(language=language))
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    student, key = Pdf(tmp_path / f"g-{fmt}.pdf"), Pdf(tmp_path / f"g-{fmt}-key.pdf")
    s, k = "".join(student.text.split()), "".join(key.text.split())
    for taken in ("貿易", "お金", "条約", "DNA"):
        assert taken not in s and taken in k, (taken, s)
    for left in ("外国とのが始まった。", "税はで払う。", "日本はを結んだ。", "は細胞の中にある。"):
        assert left in s, (left, s)  # the rest of the line printed around the blank
    for filled in ("外国との貿易が始まった。", "税はお金で払う。", "日本は条約を結んだ。", "DNAは細胞の中にある。"):
        assert filled in k, (filled, k)
    assert "[[" not in s + k


def test_a_term_is_found_by_its_script_and_latin_stays_whole_words():
    assert holes("外国との貿易が始まった。", pattern(["貿易"]))[1] == ["貿易"]
    assert holes("mDNA는 DNA와", pattern(["DNA"]))[0] == "mDNA는 \ue0000\ue001와"  # a Latin word stays whole
    assert holes("모자음과 자음은 다릅니다.", pattern(["자음"]))[0] == "모자음과 \ue0000\ue001은 다릅니다."  # a Korean
    # term is a word's start (Korean spaces its words), with its particle after it
    assert holes("cells, cellar", pattern(["cell"]))[1] == ["cells"]  # Latin as before: plural, whole word
