"""Quizlet's text records no language (a line above the cards would be a card in Quizlet), so a guide's
``language:`` did not come back from its Quizlet export, without a word: the handout's headings printed in
English. Import now names the language the cards are plainly written in, with the line to add."""
from __future__ import annotations

from pathlib import Path

import pytest

from studyguide import api
from studyguide.export import FORMATS
from studyguide.importers import import_file
from studyguide.importers.writtenin import written_in

CASES = Path(__file__).parent / "cases"


def _back(guide_path: Path, tmp_path: Path) -> tuple[str, list[str]]:
    [(name, data)], _ = FORMATS["quizlet"](api.cited_as_printed(api.load(guide_path)))
    exported = tmp_path / name
    exported.write_bytes(data)
    out, draft = import_file(exported, tmp_path / "back" / guide_path.name)
    return out.read_text(encoding="utf-8"), [str(p).replace(f"{tmp_path}/", "") for p in draft.problems]


NO_LABELS = ("studyguide has no {name} headings built in: if the handout is in {name}, add 'language: {code}' under "
             "the title and write its headings under 'labels:' ('studyguide check' names those it prints; "
             "docs/guide-format.md#labels)")


@pytest.mark.parametrize("case, said", [
    ("layout/physik-energie.yaml", "the definitions are in German"),
    ("trial/krugovorot-ru.yaml", "the definitions are in Russian"),  # no built-in labels: 'labels:' is named
])
def test_a_guide_in_another_language_comes_back_from_quizlet_with_the_line_to_add(case, said, tmp_path):
    source = CASES / case
    code = api.load(source).language
    text, problems = _back(source, tmp_path)
    name = said.split()[-1]
    fix = (f"if the handout is in {name}, add 'language: {code}' under the title" if code == "de" else
           NO_LABELS.format(name=name, code=code))
    assert problems == [f"{source.stem}-quizlet.txt: warning: {said}, and Quizlet's text does not record a guide's "
                        f"language, so the handout's headings would print in English; {fix}"]
    assert "\nlanguage:" not in text  # not guessed: a wrong guess would print every heading in it


def test_terms_in_another_language_beside_english_definitions_are_said_as_a_lessons_words(tmp_path):
    """English definitions decided alone (review r9 M6): French terms with English meanings came back from Quizlet
    without a word, and a French teacher's 'language: fr' guide lost its French headings silently. The terms'
    language is said now, as a lesson's words: English headings, right for a class taught in English, and the
    line for one taught in French. Greek words with one-word meanings, too short to be plainly English, too
    (Greek has no built-in labels: 'labels:' is named). Nothing is set: the headings stay English."""
    text, problems = _back(CASES / "crossword" / "french-vocab.yaml", tmp_path)
    assert problems == ["french-vocab-quizlet.txt: warning: the terms are in French and the definitions in English, "
                        "and Quizlet's text does not record a guide's language, so the handout's headings print in "
                        "English, as for a French lesson taught in English; if the class is taught in French, add "
                        "'language: fr' under the title"]
    assert "\nlanguage:" not in text
    source = tmp_path / "greek.txt"
    source.write_text("γάτα\tcat\nσκύλος\tdog\nσπίτι\thouse\n", encoding="utf-8")
    _, draft = import_file(source, tmp_path / "greek.yaml")
    assert [p.message for p in draft.problems] == [
        "the terms are in Greek and the definitions in Latin letters, and Quizlet's text does not record a guide's "
        "language, so the handout's headings print in English, as for a Greek lesson taught in English; if the "
        "class is taught in Greek, add 'language: el' under the title and write its headings under 'labels:' "
        "('studyguide check' names those it prints; docs/guide-format.md#labels)"]


def test_persian_cards_are_told_persian_and_where_its_headings_go(tmp_path):
    """Persian cards were called Arabic, and 'language: ar' printed a Persian class's headings in Arabic
    (review r9 M6); Persian has no built-in labels, so the warning names 'labels:' too."""
    source = tmp_path / "farsi.txt"
    source.write_text("کتاب\tکتاب یک چیز است که می‌خوانیم\nگربه\tگربه یک حیوان است\nپدر\tپدر من معلم است\n",
                      encoding="utf-8")
    _, draft = import_file(source, tmp_path / "farsi.yaml")
    assert [p.message for p in draft.problems] == [
        "the definitions are in Persian, and Quizlet's text does not record a guide's language, so the handout's "
        "headings would print in English; " + NO_LABELS.format(name="Persian", code="fa")]


def test_english_cards_import_without_a_word_about_language(tmp_path):
    source = tmp_path / "cells.txt"
    source.write_text("cell\tthe smallest unit of life\nnucleus\tthe part of a cell that holds its DNA\n"
                      "osmosis\twater moving across a membrane\n", encoding="utf-8")
    _, draft = import_file(source, tmp_path / "cells.yaml")
    assert draft.problems == []


def test_what_is_plain_and_what_is_not():
    assert written_in(["la fonction de la cellule est de produire l'énergie", "un organisme qui vit dans l'eau",
                       "le noyau des cellules"]) == "fr"
    assert written_in(["el pigmento verde de las plantas", "la parte de la célula que produce energía",
                       "un gas que las plantas toman del aire"]) == "es"
    assert written_in(["o pigmento verde das plantas", "a parte da célula que produz energia", "um gás"]) == "pt"
    assert written_in(["植物的绿色色素", "细胞的能量工厂"]) == "zh"
    assert written_in(["вода", "річка і її береги"]) == "uk"
    assert written_in(["a green pigment in plants", "the part of the cell that makes energy"]) == "en"
    assert written_in(["dog", "cat", "house"]) is None  # too little to tell
    assert written_in(["پدر من معلم است", "گربه یک حیوان است"]) == "fa"
    assert written_in(["الكتاب مفيد جدا", "القطة حيوان أليف"]) == "ar"
    assert written_in(["یہ کتاب ہے", "بلی ایک جانور ہے"]) == "ur"  # Urdu's own letters (ہ ے): not Arabic
    assert written_in(["sustancia que cede protones", "ácido + base → sal + agua"]) is None  # nor here


def test_vietnamese_cards_are_said_by_their_own_letters(tmp_path):
    """Trial r10, L5: Vietnamese has no word list here, but its own letters (ơ ư đ, ạ ế ộ…) make it as plain as a
    script; its cards came back from Quizlet without a word. Typed decomposed (NFD), the same."""
    import unicodedata

    cards = ("bốc hơi\tQuá trình nước từ thể lỏng chuyển thành hơi nước.\n"
             "ngưng tụ\tQuá trình hơi nước lạnh đi và thành những giọt nước nhỏ.\n")
    for form in ("NFC", "NFD"):
        bank = tmp_path / form / "nuoc-quizlet.txt"
        bank.parent.mkdir()
        bank.write_text(unicodedata.normalize(form, cards), encoding="utf-8")
        out, draft = import_file(bank, tmp_path / form / "nuoc.yaml")
        assert [str(p) for p in draft.problems] == [
            f"{bank}: warning: the definitions are in Vietnamese, and Quizlet's text does not record a guide's "
            "language, so the handout's headings would print in English; "
            + NO_LABELS.format(name="Vietnamese", code="vi")]
    assert written_in(["Le café est très bon"]) == "fr" and written_in(["Croeso i Gymru, ŵyr"]) is None


def test_kana_and_hangul_are_told_apart_from_chinese_and_han_alone_is_said_to_be_either(tmp_path):
    """Trial r12: a Japanese set (kana definitions beside English glosses, kanji terms) was said to be Chinese,
    with 'language: zh' to add. Kana among Han characters is Japanese, Hangul Korean; Han characters alone may be
    either, and the warning says so with both lines."""
    cards = {"ja": "黒船\tくろふね — ペリーが乗ってきた黒い蒸気船 (the \"black ships\")\n"
                   "将軍\tしょうぐん — 武士のいちばん上のリーダー (shogun)\n幕府\tばくふ — 将軍の政府 (the shogunate)\n",
             "ko": "학교\t학생들이 공부하는 곳 (school)\n선생님\t학교에서 가르치는 사람 (teacher)\n",
             "han": "黒船\tblack ships\n将軍\tshogun\n幕府\tthe shogunate\n"}
    said = {}
    for name, text in cards.items():
        source = tmp_path / f"{name}.txt"
        source.write_text(text, encoding="utf-8")
        _, draft = import_file(source, tmp_path / f"{name}.yaml")
        [said[name]] = [p.message for p in draft.problems]
    assert said["ja"] == ("the definitions are in Japanese, and Quizlet's text does not record a guide's language, so "
                          "the handout's headings would print in English; " + NO_LABELS.format(name="Japanese", code="ja"))
    assert said["ko"].startswith("the definitions are in Korean") and "'language: ko'" in said["ko"]
    assert said["han"] == (
        "the terms are in Han characters alone, which Chinese and Japanese both write, and Quizlet's text does not "
        "record a guide's language, so the handout's headings would print in English; if the handout is in Chinese, "
        "add 'language: zh' under the title; if it is in Japanese, add 'language: ja' under the title and write its "
        "headings under 'labels:' ('studyguide check' names those it prints; docs/guide-format.md#labels)")


def test_an_arabic_lesson_takes_an(tmp_path):
    source = tmp_path / "ar.txt"
    source.write_text("بيت\thouse\nأب\tfather\nأم\tmother\n", encoding="utf-8")
    _, draft = import_file(source, tmp_path / "ar.yaml")
    [message] = [p.message for p in draft.problems]
    assert "as for an Arabic lesson taught in English" in message
