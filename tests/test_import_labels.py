"""Words an export prints in the guide's language come back on import in any language (trial r12): Canvas's line
after an ordering question, and a word bank's heading, in a built-in language or in the guide's own words."""
from __future__ import annotations

import io
import zipfile

import pytest

from test_import_kept import exported, imported
from studyguide import api, labels
from studyguide.export import FORMATS


def assessment(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        [name] = [n for n in zf.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n]
        return zf.read(name).decode("utf-8")


ORDERING = """
    title: Orden
    language: {language}
    {own}
    questions:
      - type: ordering
        prompt: "1 2 3"
        items: [uno, dos, tres, cuatro]
      - type: multiple_choice
        prompt: "?"
        choices: [a, b]
        answer: B
"""


@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt", "zh"])
def test_canvas_ordering_line_is_in_the_guides_language_and_comes_back(tmp_path, language):
    source, first = exported(tmp_path, "qti", ORDERING.format(language=language, own=""))
    line = labels.for_language(language)["ordering_places"]
    assert line in assessment(first)
    if language != "en":  # trial r12: the English sentence followed a Japanese or Arabic question
        assert "Match each item" not in assessment(first)
    guide, problems = imported(source, tmp_path / "back" / "quiz.yaml")
    assert guide["questions"][0] == {"type": "ordering", "prompt": "1 2 3", "items": ["uno", "dos", "tres", "cuatro"]}
    assert guide.get("language") == (None if language == "en" else language) and "labels" not in guide
    assert problems == []


def test_a_guides_own_ordering_line_is_printed_and_kept_under_its_labels(tmp_path):
    own = 'labels: {ordering_places: "正しい順番を選びなさい（1 = 最初）。"}'
    source, first = exported(tmp_path, "qti", ORDERING.format(language="ja", own=own))
    assert "&lt;p&gt;&lt;i&gt;正しい順番を選びなさい（1 = 最初）。&lt;/i&gt;&lt;/p&gt;" in assessment(first)
    guide, problems = imported(source, tmp_path / "back" / "quiz.yaml")
    assert guide["questions"][0]["type"] == "ordering" and guide["questions"][0]["prompt"] == "1 2 3"
    assert guide["labels"] == {"ordering_places": "正しい順番を選びなさい（1 = 最初）。"}
    [(_, again)], _ = FORMATS["qti"](api.load(tmp_path / "back" / "quiz.yaml"))
    assert "正しい順番を選びなさい" in assessment(again)


def test_an_older_export_with_the_english_line_still_comes_back_as_ordering(tmp_path):
    source, first = exported(tmp_path, "qti", ORDERING.format(language="es", own=""))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(first)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info).replace(labels.ES["ordering_places"].encode(),
                                                      b"Match each item with its place in the order (1 = first)."))
    source.write_bytes(out.getvalue())
    guide, _ = imported(source, tmp_path / "back" / "quiz.yaml")
    assert guide["questions"][0]["type"] == "ordering" and guide["questions"][0]["prompt"] == "1 2 3"


BANKED = """
    title: 明治
    language: {language}
    {own}
    questions:
      - type: fill_in_blank
        prompt: "1867年、徳川慶喜は政治の権利を[[天皇]]に返した。"
        word_bank: true
      - type: fill_in_blank
        prompt: "[[ペリー]]は[[1853]]年に来た。"
        word_bank: true
"""


@pytest.mark.parametrize("fmt", ["moodle", "qti"])
@pytest.mark.parametrize("language, own", [("ja", 'labels: {word_bank: 語群}'), ("es", ""), ("zh", "")])
def test_a_word_bank_in_any_language_comes_back_as_a_word_bank(tmp_path, fmt, language, own):
    # trial r12: ja Q7 came back from Moodle and Canvas as '…に返した。\n\n*語群* 天皇 · 徳川慶喜 · 改革', word_bank lost
    source, first = exported(tmp_path, fmt, BANKED.format(language=language, own=own))
    guide, problems = imported(source, tmp_path / "back" / "quiz.yaml")
    assert [(q["prompt"], q.get("word_bank")) for q in guide["questions"]] == [
        ("1867年、徳川慶喜は政治の権利を[[天皇]]に返した。", True), ("[[ペリー]]は[[1853]]年に来た。", True)]
    assert guide.get("labels") == ({"word_bank": "語群"} if own else None)
    assert guide.get("language") == (None if language == "ja" else language)
    [(_, again)], _ = FORMATS[fmt](api.load(tmp_path / "back" / "quiz.yaml"))
    heading = "語群" if own else labels.for_language(language)["word_bank"]
    assert heading in (assessment(again) if fmt == "qti" else again.decode("utf-8"))


def test_a_teachers_own_italic_note_at_the_end_stays_in_the_prompt(tmp_path):
    source, _ = exported(tmp_path, "moodle", """
    title: Notes
    questions:
      - type: fill_in_blank
        prompt: "The capital is [[Paris]].\\n\\n*Hint* think of the Seine"
    """)
    guide, _ = imported(source, tmp_path / "back" / "quiz.yaml")
    assert "*Hint* think of the Seine" in guide["questions"][0]["prompt"] and "word_bank" not in guide["questions"][0]
