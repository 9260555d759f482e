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


WIDE = """
    title: 明治
    language: ja
    topics:
      - title: 新しい政府と改革
        summary: 明治政府は「富国強兵」をめざして、次々に[[改革]]をしました。
        cues: [改革で変わったことを三つ挙げなさい。]
        points:
          - "[[廃藩置県]]で、藩の代わりに県ができた。"
          - 地租改正で、税はお米ではなく[[お金]]で払うようになった。
          - 1889年、大日本帝国[[憲法]]ができた。アジアで初めての憲法である。
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_the_key_writes_a_japanese_answer_in_a_blank_as_wide_as_the_handouts(tmp_path, fmt):
    """The ja trial's Cornell key broke '…次々に改革をしま／した。' where the handout's line held '…をしました。':
    the key measured its answer in the theme's face, which has no kanji, at 60 % of the width it prints."""
    path = write_guide(tmp_path / "g", "g.yaml", WIDE)
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    student, key = Pdf(tmp_path / f"g-{fmt}.pdf"), Pdf(tmp_path / f"g-{fmt}-key.pdf")
    def topic(pdf):  # the topic's lines, from its title to the footer
        lines = sum(pdf.lines, [])
        lines = lines[lines.index("新しい政府と改革"):]
        return [line for line in lines if "ページ" not in line and "/" not in line and not line.startswith("明治 ·")]

    handout, filled = topic(student), topic(key)
    assert len(handout) == len(filled) >= 5, (handout, filled)
    for handout_line, key_line in zip(handout, filled):
        assert handout_line[-1] == key_line[-1], (handout_line, key_line)  # each line ends where the handout's does


ONE_KANJI = """
    title: 水
    language: ja
    topics:
      - title: 一週間
        summary: 水曜日に水を飲みました。
        points:
          - 香水の店で花を買った。
          - "[[火]]曜日は雨でした。"
    vocabulary:
      - {term: 水, definition: 透明な液体。}
      - {term: 花, definition: 植物の一部。}
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_a_one_kanji_term_is_not_blanked_inside_a_longer_japanese_word(tmp_path, fmt):
    """水 was blanked at the start of 水曜日 (Wednesday), and would be in 香水 (perfume): the handout printed
    '___曜日に水を…', a blank no student could fill. A one-character term is blanked only as a word of its own
    (水を, 花を: kana after it, no kanji before it), the cloze's Japanese rule; a [[mark]] is blanked as marked."""
    path = write_guide(tmp_path / "g", "g.yaml", ONE_KANJI)
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    student, key = Pdf(tmp_path / f"g-{fmt}.pdf"), Pdf(tmp_path / f"g-{fmt}-key.pdf")
    s, k = "".join(student.text.split()), "".join(key.text.split())
    for left in ("水曜日にを飲みました。", "香水の店でを買った。", "曜日は雨でした。"):
        assert left in s, (left, s)
    for filled in ("水曜日に水を飲みました。", "香水の店で花を買った。", "火曜日は雨でした。"):
        assert filled in k, (filled, k)


def test_one_kanji_rule_is_japanese_and_leaves_longer_terms_and_marks_alone():
    assert holes("水曜日に水を飲む。", pattern(["水"], "ja"))[0] == "水曜日に\ue0000\ue001を飲む。"
    assert holes("香水です。", pattern(["水"], "ja"))[1] == []
    assert holes("水曜日", pattern(["水"], "ja"), marks=((0, 1),))[1] == ["水"]  # marked: as the teacher marked it
    assert holes("明治政府は", pattern(["政府"], "ja"))[1] == ["政府"]  # two characters: the word itself
    assert holes("中国很大。", pattern(["中"], "zh"))[1] == ["中"]  # Chinese: as before (no word ends to go by)


ONE_SYLLABLE = """
    title: 물과 과학
    language: ko
    topics:
      - title: 과학의 갈래
        summary: 물리학은 힘과 운동을 연구합니다.
        points:
          - 식물은 물을 뿌리로 흡수합니다.
          - 바다의 물이 증발합니다.
    vocabulary:
      - {term: 물, definition: 마시는 액체.}
      - {term: 운동, definition: 물체의 움직임.}
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_a_one_syllable_korean_term_is_not_blanked_inside_a_longer_word(tmp_path, fmt):
    """물 (water) was blanked at the start of 물리학 (physics): the handout printed '___리학은', a blank no student
    could fill, and the key wrote 물 into physics. A one-syllable term is blanked only as a word, with its particles
    after it (물을, 물이), as the cloze finds a Korean term; 물리학 and 식물 stay printed."""
    path = write_guide(tmp_path / "g", "g.yaml", ONE_SYLLABLE)
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    student, key = Pdf(tmp_path / f"g-{fmt}.pdf"), Pdf(tmp_path / f"g-{fmt}-key.pdf")
    s, k = "".join(student.text.split()), "".join(key.text.split())  # (the key's word and its particle: two runs)
    for left in ("물리학은힘과을연구합니다.", "식물은을뿌리로흡수합니다.", "바다의이증발합니다."):
        assert left in s, (left, s)
    for filled in ("물리학은힘과운동을연구합니다.", "식물은물을뿌리로흡수합니다.", "바다의물이증발합니다."):
        assert filled in k, (filled, k)


def test_one_syllable_rule_leaves_longer_korean_terms_and_marks_alone():
    assert holes("물리학과 물을", pattern(["물"], "ko"))[0] == "물리학과 \ue0000\ue001을"
    assert holes("물에서는", pattern(["물"], "ko"))[1] == ["물"]  # two particles, then the word's end
    assert holes("물리학", pattern(["물"], "ko"), marks=((0, 1),))[1] == ["물"]  # marked: as the teacher marked it
    assert holes("자음은", pattern(["자음"], "ko"))[1] == ["자음"]  # two syllables: as before
