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
        "given under 'labels:' and print in English; write each under 'labels:' in the guide's language, its {{...}} "
        "parts kept. Other words — {left}. (docs/guide-format.md#labels)")


def _told(tmp_path, fmt, text=GUIDE):
    guide = write_guide(tmp_path, "nuoc.yaml", text)
    [outcome] = api.export([guide], fmt, tmp_path / fmt)
    assert outcome.error is None
    return guide, [str(w) for w in outcome.warnings if "labels" in w.message]


def test_each_export_names_the_labels_it_prints_in_english(tmp_path):
    for fmt, left in (("anki", 'example: "Example:"'), ("quizizz", 'model_answer: "Model answer:"')):
        guide, told = _told(tmp_path, fmt)
        assert told == [TOLD.format(guide=guide, fmt=fmt, left=left)]
    assert "Example:" in (tmp_path / "anki" / "nuoc-anki.txt").read_text(encoding="utf-8")


def test_an_export_that_prints_no_english_label_says_nothing_of_labels(tmp_path):
    assert _told(tmp_path, "quizlet")[1] == []  # term and definition only
    given = GUIDE.replace('why: "Vì sao:"', 'why: "Vì sao:", example: "Ví dụ:"')
    assert _told(tmp_path / "given", "anki", given)[1] == []
    assert "Ví dụ:" in (tmp_path / "given" / "anki" / "nuoc-anki.txt").read_text(encoding="utf-8")


# trial r12: a Japanese guide's questions cited the reading as "Line 1によると" in every export, and Kahoot,
# Blooket, Gimkit, Moodle, Canvas and Quizizz named none of cite_line, cite_lines, cite_paragraph
CITED = """
    title: 黒船
    language: ja
    labels: {"true": 正しい, "false": 正しくない, model_answer: "模範解答：", grading_notes: "採点のポイント：",
             decimal: "."}
    reading:
      title: 読み物
      text: |
        {@perry}1853年、ペリーが黒船で浦賀に来ました。{@/perry}

        人々は驚きました。{@ports}次の年、幕府は港を開きました。
        そして貿易が始まりました。{@/ports}
    questions:
      - type: multiple_choice
        prompt: "{@perry}によると、ペリーは何で来ましたか。"
        choices: [黒船, 飛行機]
        answer: A
      - type: true_false
        prompt: "{@ports:paragraph}によると、幕府は港を開いた。"
        answer: true
"""
JA_TOLD = ("{guide}:2:11: warning: language: no built-in labels for 'ja': 2 of the labels the {fmt} export prints "
           "are not given under 'labels:' and print in English; write each under 'labels:' in the guide's language, "
           "its {{...}} parts kept. Other words — cite_line: \"line {{n}}\", cite_paragraph: \"paragraph {{n}}\". "
           "(docs/guide-format.md#labels)")


def test_every_export_names_the_citation_labels_its_questions_print_in_english(tmp_path):
    for fmt in ("kahoot", "blooket", "gimkit", "moodle", "canvas", "quizizz"):
        guide, told = _told(tmp_path / fmt, fmt, CITED)
        assert told == [JA_TOLD.format(guide=guide, fmt=fmt)], fmt


def test_a_guides_own_citation_labels_print_in_its_exports_and_silence_the_warning(tmp_path):
    own = CITED.replace('decimal: "."}', 'decimal: ".", cite_line: "{n}行目", cite_paragraph: "第{n}段落"}')
    guide, told = _told(tmp_path, "moodle", own)
    assert told == []
    xml = (tmp_path / "moodle" / "nuoc-moodle.xml").read_text(encoding="utf-8")
    assert "1行目によると" in xml and "第2段落によると" in xml and "Line" not in xml and "Paragraph" not in xml


def test_the_flashcard_exports_print_no_citation(tmp_path):
    cards = CITED.replace("questions:", "vocabulary:\n      - {term: 黒船, definition: くろふね}\n    questions:")
    for fmt in ("anki", "quizlet"):
        assert _told(tmp_path / fmt, fmt, cards)[1] == [], fmt
