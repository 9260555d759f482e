"""Hebrew and Arabic in the exports: each text that starts in a right-to-left script is marked so, as the handout
sets it right to left. An LMS page is left to right and HTML does not guess a paragraph's direction, so without
dir="rtl" an Arabic question shows left-aligned, its "؟" and "0 °C" on the wrong side."""
from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import pytest

from conftest import write_guide
from studyguide import api
from studyguide.export import anki, moodle, qti
from test_export_consumers import _Anki, moodle_reader

RTL = """
    title: "دليل الدراسة: الماء"
    language: ar
    questions:
      - type: multiple_choice
        prompt: "عند أي درجة حرارة يغلي الماء؟"
        choices: ["100 °C", "0 °C", "50 °C", "لا شيء مما سبق"]
        answer: A
        explanation: "يغلي الماء عند 100 °C."
      - type: fill_in_blank
        prompt: "[[H₂O]] هي صيغة الماء، ويغلي عند [[100]] درجة."
      - type: matching
        prompt: "התאם כל מילה לפירוש שלה."
        pairs:
          - {left: "מים", right: water}
          - {left: "אש", right: fire}
      - type: ordering
        prompt: "رتب من الأصغر إلى الأكبر."
        items: ["ذرة", "جزيء", "خلية"]
      - type: multiple_choice
        prompt: "Which word means water? It is **not** מים."
        choices: ["מים", "fire"]
        answer: A
    vocabulary:
      - term: "ماء"
        definition: "سائل شفاف، صيغته H₂O."
      - term: "אש"
        definition: "fire"
"""


@pytest.fixture()
def guide(tmp_path):
    return api.load(write_guide(tmp_path, "water.yaml", RTL))


def test_moodle_marks_each_right_to_left_text_and_leaves_the_others(guide):
    [(_, data)], _ = moodle.export(guide)
    mc, cloze, matching, ordering, english = moodle_reader(data)[1:]
    assert mc["questiontext/text"] == ['<p dir="rtl">عند أي درجة حرارة يغلي الماء؟</p>']
    assert mc["answer/text"] == ["100 °C", "0 °C", "50 °C", '<span dir="rtl">لا شيء مما سبق</span>']
    assert mc["generalfeedback/text"] == ['<p dir="rtl">يغلي الماء عند 100 °C.</p>']
    assert mc["shuffleanswers"] == ["false"]  # "None of the above" in Arabic stays last
    # the Cloze text starts with a blank ({1:SHORTANSWER:=…} is no reading direction): the words decide
    assert cloze["questiontext/text"][0].startswith('<p dir="rtl">{1:SHORTANSWER:=H₂O}')
    assert matching["questiontext/text"] == ['<p dir="rtl">התאם כל מילה לפירוש שלה.</p>']
    assert matching["subquestion/text"] == ['<span dir="rtl">מים</span>', '<span dir="rtl">אש</span>']
    assert ordering["answer/text"] == [f'<span dir="rtl">{w}</span>' for w in ("ذرة", "جزيء", "خلية")]
    # an English question with a Hebrew word inside stays as it was; its Hebrew choice is marked
    assert english["questiontext/text"] == ["<p>Which word means water? It is <b>not</b> מים.</p>"]
    assert english["answer/text"] == ['<span dir="rtl">מים</span>', "fire"]


def test_canvas_marks_each_right_to_left_text(guide):
    [(_, data)], _ = qti.export(guide)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        [name] = [n for n in zf.namelist() if n.endswith(".xml") and "meta" not in n and "manifest" not in n]
        xml = zf.read(name).decode("utf-8")
        meta = zf.read(next(n for n in zf.namelist() if n.endswith("assessment_meta.xml"))).decode("utf-8")
    assert "&lt;div&gt;&lt;p dir=\"rtl\"&gt;عند أي درجة حرارة يغلي الماء؟&lt;/p&gt;&lt;/div&gt;" in xml
    assert ('<mattext texttype="text/html">&lt;span dir="rtl"&gt;لا شيء مما سبق&lt;/span&gt;</mattext>') in xml
    assert '<mattext texttype="text/plain">100 °C</mattext>' in xml
    assert "&lt;p dir=\"rtl\"&gt;[blank1] هي صيغة الماء" in xml  # [blank1] is no reading direction either
    assert "&lt;p&gt;Which word means water?" in xml
    assert "<shuffle_answers>false</shuffle_answers>" in meta


def _apkg_model(data: bytes, folder) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        (folder / "c.anki2").write_bytes(zf.read("collection.anki2"))
    con = sqlite3.connect(folder / "c.anki2")
    try:
        [models] = con.execute("SELECT models FROM col").fetchone()
        [mids] = set(con.execute("SELECT mid FROM notes").fetchall())
    finally:
        con.close()
    [model] = json.loads(models).values()
    assert mids == (model["id"],)
    return model


def test_anki_right_to_left_fields_get_a_note_type_that_reads_them_so(guide, tmp_path):
    model = _apkg_model(anki.apkg(guide)[0][0][1], tmp_path)
    assert model["name"] == "studyguide term (right-to-left term)"  # one definition of two is Arabic: not most
    assert [(f["name"], f["rtl"]) for f in model["flds"]] == [("Term", True), ("Definition", False)]
    assert model["tmpls"][0]["qfmt"] == '<div dir="rtl">{{Term}}</div>'
    assert model["tmpls"][0]["afmt"] == '{{FrontSide}}<hr id=answer>{{Definition}}'
    [(_, text)], _ = anki.export(guide)
    assert f"#notetype:{model['id']}" in text.decode("utf-8").splitlines()  # the .txt finds it once imported
    english = api.load(write_guide(tmp_path, "en.yaml", "title: T\nvocabulary:\n  - term: water\n    definition: H2O\n"))
    (tmp_path / "en").mkdir()
    model = _apkg_model(anki.apkg(english)[0][0][1], tmp_path / "en")
    assert model["id"] == anki.MODEL_ID and not any(f["rtl"] for f in model["flds"])


@pytest.mark.anki
def test_anki_reads_the_right_to_left_field_setting(guide, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    paths = {}
    for name, data in anki.export_with_apkg(guide)[0]:
        (folder / name).write_bytes(data)
        paths[name.rsplit(".", 1)[1]] = str(folder / name)
    col = _Anki(tmp_path / "collection.anki2")
    try:
        assert col.import_file(paths["apkg"])["new"] == 2
        assert col.import_file(paths["txt"]) == {"new": 0, "updated": 0, "duplicate": 2, "conflicting": 0}
        note = col.col.get_note(col.col.find_notes("")[0])
        assert [f["rtl"] for f in note.note_type()["flds"]] == [True, False]
        assert '<div dir="rtl">ماء</div>' in note.cards()[0].question()
    finally:
        col.close()
