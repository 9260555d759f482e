"""Blanks answered by a number: marked by the number's value where the LMS can, so 9.0 is right for [[9]].

Moodle XML: ``<question type="numerical">`` with an error margin (tolerance) of 0 for a question of one blank,
``{1:NUMERICAL:=9:0}`` in a Cloze; Canvas (QTI): ``numerical_question``, each value an exact answer between
bounds that are the value itself, as Canvas exports one. Moodle's own parsing of what the file holds is
ported here (its Cloze grammar, its numerical importer's fields); tests/moodle/run.sh answers the questions
in a real Moodle (the test marked ``moodle`` at the end).
"""
from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from conftest import CASES, TESTS, canvas_quiz, canvas_zip, write_guide
from studyguide import api
from studyguide.export import moodle, qti
from studyguide.export._common import number
from test_export_consumers import moodle_reader
from test_import import _roundtrip

NUMBERS = CASES / "export" / "numbers.yaml"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"

# Moodle's Cloze grammar for a number's answer (question/type/multianswer/questiontype.php: NUMBER_REGEX,
# NUMERICAL_ALTERNATIVE_REGEX): the value, then ':' and its error margin.
_NUMBER = r"-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)"
_NUMERICAL_ALT = re.compile("^(" + _NUMBER + ")(:" + _NUMBER + ")?$")
_SLOT = re.compile(r"\{([0-9]*):(NUMERICAL|SHORTANSWER):(.*?)\}")


def moodle_items(guide) -> list[dict]:
    [(_, data)], _ = moodle.export(guide)
    return moodle_reader(data)[1:]  # after the category


def cloze_slots(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(type, [(answer, margin)]) per embedded answer; a NUMERICAL answer must be one Moodle reads as a number."""
    out = []
    for m in _SLOT.finditer(text):
        alts = []
        for alt in m.group(3).split("~"):
            assert alt.startswith("="), alt
            if m.group(2) == "NUMERICAL":
                found = _NUMERICAL_ALT.match(alt[1:])
                assert found, f"Moodle reads {alt!r} as no number"
                alts.append((found.group(1), found.group(6)))
            else:
                alts.append((alt[1:], None))
        out.append((m.group(2), alts))
    return out


@pytest.mark.parametrize("typed, decimal, value", [
    ("9", ".", "9"), ("3.5", ".", "3.5"), ("-2", ".", "-2"), ("−2", ".", "-2"), ("+7", ".", "7"),
    ("1,000", ".", "1000"), ("1,234,567.89", ".", "1234567.89"), ("1 000", ".", "1000"), (".5", ".", "0.5"),
    ("3.50", ".", "3.5"), ("0", ".", "0"), ("-0", ".", "0"), ("*9*", ".", "9"),
    ("3,5", ",", "3.5"), ("1.000", ",", "1000"), ("1.000,25", ",", "1000.25"),
    # not a number alone: marked as typed
    ("3,5", ".", None), ("1,00", ".", None), ("3.5", ",", None), ("007", ".", None), ("12.", ".", None),
    ("nine", ".", None), ("4 °C", ".", None), ("½", ".", None), ("3/4", ".", None), ("1e3", ".", None),
    ("٣", ".", None), ("", ".", None), ("-", ".", None),
])
def test_which_answers_are_numbers(typed, decimal, value):
    assert number(typed, decimal) == value


def test_moodle_marks_a_number_s_blank_by_its_value():
    items = moodle_items(api.load(NUMBERS))
    single = items[:5]
    assert [q["type"] for q in single] == ["numerical"] * 5
    # each value once, at full marks, with an error margin of 0 and no units (Moodle's importer reads these)
    assert [q["answer/text"] for q in single] == [["9"], ["3.5"], ["-2"], ["1000"], ["0.25"]]
    assert all(q["attrs"] == [{"fraction": "100", "format": "moodle_auto_format"}] * len(q["answer/text"])
               for q in single)
    assert all(q["answer/tolerance"] == ["0"] * len(q["answer/text"]) for q in single)
    assert all(q["showunits"] == ["3"] and q["unitgradingtype"] == ["0"] for q in single)
    assert single[2]["questiontext/text"] == ["<p>Two degrees below zero is written _____ °C.</p>"]
    assert single[0]["defaultgrade"] == ["1"]


def test_moodle_cloze_mixes_number_and_text_blanks():
    items = moodle_items(api.load(NUMBERS))
    triangle, primes, codes = (q["questiontext/text"][0] for q in items[5:])
    assert cloze_slots(triangle) == [("NUMERICAL", [("3", "0")]), ("NUMERICAL", [("180", "0")]),
                                     ("SHORTANSWER", [("Latin", None)])]
    assert cloze_slots(primes) == [("NUMERICAL", [("2", "0")]), ("NUMERICAL", [("3", "0")])]
    # a code with leading zeros and a fraction stay text, every answer as typed
    assert cloze_slots(codes) == [("SHORTANSWER", [("007", None)]), ("SHORTANSWER", [("⅓", None), ("1/3", None)])]


def test_a_blank_of_a_number_and_a_word_stays_text(tmp_path):
    guide = api.load(write_guide(tmp_path, "mixed.yaml", """
        title: Mixed
        questions:
          - type: fill_in_blank
            prompt: A nonagon has [[9|nine]] sides.
          - type: fill_in_blank
            prompt: "[[9]] or [[nine]]."
        """))
    first, second = moodle_items(guide)
    assert first["type"] == "shortanswer" and first["answer/text"] == ["9", "nine"]
    assert cloze_slots(second["questiontext/text"][0]) == [("NUMERICAL", [("9", "0")]), ("SHORTANSWER", [("nine", None)])]


def test_the_guide_s_decimal_comma_is_read_as_its_readers_read_it(tmp_path):
    """In a German guide 3,5 is three and a half and 1.000 a thousand; Moodle stores values with a point."""
    text = """
        title: Zahlen
        language: {language}
        questions:
          - type: fill_in_blank
            prompt: Die Hälfte von 7 ist [[3,5]].
          - type: fill_in_blank
            prompt: Zehn Hunderter sind [[1.000]].
        """
    german = moodle_items(api.load(write_guide(tmp_path / "de", "zahlen.yaml", text.format(language="de"))))
    assert [(q["type"], q["answer/text"]) for q in german] == [("numerical", ["3.5"]), ("numerical", ["1000"])]
    english = moodle_items(api.load(write_guide(tmp_path / "en", "zahlen.yaml", text.format(language="en"))))
    assert [(q["type"], q["answer/text"]) for q in english] == [("shortanswer", ["3,5"]), ("numerical", ["1"])]


def qti_items(guide) -> list[ET.Element]:
    [(_, data)], _ = qti.export(guide)
    zf = zipfile.ZipFile(io.BytesIO(data))
    [name] = [n for n in zf.namelist() if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
    return list(ET.fromstring(zf.read(name)).iter(f"{QTI}item"))


def qti_type(item: ET.Element) -> str:
    fields = item.iter(f"{QTI}qtimetadatafield")
    return next(f.findtext(f"{QTI}fieldentry") for f in fields if f.findtext(f"{QTI}fieldlabel") == "question_type")


def test_canvas_marks_a_number_s_blank_by_its_value():
    items = qti_items(api.load(NUMBERS))
    assert [qti_type(i) for i in items] == ["numerical_question"] * 5 + ["fill_in_multiple_blanks_question"] * 3
    fib = items[0].find(f".//{QTI}render_fib")
    assert fib.get("fibtype") == "Decimal"
    for item, values in zip(items, [["9"], ["3.5"], ["-2"], ["1000"], ["0.25"]]):
        conditions = item.findall(f".//{QTI}respcondition")
        assert len(conditions) == len(values)
        for cond, value in zip(conditions, values):
            # Canvas's exact answer: the value, or between bounds that are the value itself (a margin of 0)
            either = cond.find(f"{QTI}conditionvar/{QTI}or")
            assert either.findtext(f"{QTI}varequal") == value
            assert [b.text for b in either.find(f"{QTI}and")] == [value, value]
            assert [b.tag for b in either.find(f"{QTI}and")] == [f"{QTI}vargte", f"{QTI}varlte"]
            assert cond.findtext(f"{QTI}setvar") == "100"


@pytest.mark.parametrize("fmt", ["moodle", "qti"])
def test_number_blanks_come_back_from_their_import_as_they_were_exported(fmt, tmp_path):
    first, again, problems = _roundtrip(NUMBERS, fmt, tmp_path)
    assert again == first
    assert problems == []


# --- the real Moodle ---------------------------------------------------------------------------------------

def moodle_site() -> Path:
    """The Moodle the check runs in: MOODLE_DIR, else /tmp/moodle (docs/moodle-check.md)."""
    return Path(os.environ.get("MOODLE_DIR", "/tmp/moodle"))


def _no_moodle() -> str:
    if not shutil.which("php"):
        return "no php on this machine"
    if not (moodle_site() / "config.php").is_file():
        return f"no installed Moodle at {moodle_site()} (set MOODLE_DIR; docs/moodle-check.md)"
    return ""


@pytest.mark.moodle
@pytest.mark.skipif(bool(_no_moodle()), reason=_no_moodle() or "a Moodle is here")
def test_a_real_moodle_marks_9_point_0_right_for_9(tmp_path):
    """tests/moodle/run.sh imports the export into Moodle and answers each blank with every way the key types it:
    9 and 9.0, 3.5 and 3.50, 1,000 and 1000.0, -2; a wrong number (91) must score less than full marks."""
    key_dir = tmp_path / "key"
    key_dir.mkdir()
    spec = importlib.util.spec_from_file_location("answer_key", TESTS / "moodle" / "answer_key.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main([str(key_dir), str(NUMBERS)])
    keys = json.loads((key_dir / "numbers-moodle.key.json").read_text(encoding="utf-8"))["questions"]
    assert keys[0]["blanks"] == [["9", "9.0"]] and keys[3]["blanks"] == [["1,000", "1000.0"]]
    run = subprocess.run([str(TESTS / "moodle" / "run.sh"), "--moodle", str(moodle_site()), str(NUMBERS)],
                         capture_output=True, text=True, timeout=600, env={**os.environ, "TMPDIR": str(tmp_path)})
    if "could not connect" in run.stdout + run.stderr or "Database connection failed" in run.stdout + run.stderr:
        pytest.skip("the Moodle site's database is not running (docs/moodle-check.md: start PostgreSQL)")
    assert run.returncode == 0, run.stdout + run.stderr
    [line] = [ln for ln in run.stdout.splitlines() if ln.startswith("numbers-moodle.xml:")]
    assert line == ("numbers-moodle.xml: exported 8, imported 8, full marks 8 of 8 auto-marked (answered from the "
                    "guide's key), wrong answers below full 8 of 8, hand-marked present 0, prompt kept 8 of 8, mark as "
                    "the guide's points 8 of 8")


# --- import: a bank's number questions come back as blanks of their exact numbers ---------------------------

MOODLE_BANK = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="numerical">
    <name><text>Exact</text></name>
    <questiontext format="html"><text>2 + 2 = _____</text></questiontext>
    <answer fraction="100"><text>4</text><tolerance>0</tolerance></answer>
  </question>
  <question type="numerical">
    <name><text>Roughly</text></name>
    <questiontext format="html"><text>Pi to two places?</text></questiontext>
    <answer fraction="100"><text>3.14</text><tolerance>0.01</tolerance></answer>
  </question>
  <question type="cloze">
    <name><text>Cloze</text></name>
    <questiontext format="html"><text>A {1:NUMERICAL:=3:0} sided {1:SHORTANSWER:=triangle} of {1:NM:=180:5} degrees.</text></questiontext>
  </question>
</quiz>
"""


def test_moodle_number_questions_import_as_blanks_and_a_margin_is_said(tmp_path):
    from studyguide.importers import read

    source = tmp_path / "bank.xml"
    source.write_text(MOODLE_BANK, encoding="utf-8")
    draft = read(source)
    assert [q["prompt"] for q in draft.questions] == [
        "2 + 2 = [[4]]", "Pi to two places? [[3.14]]", "A [[3]] sided [[triangle]] of [[180]] degrees."]
    lines = MOODLE_BANK.splitlines()
    roughly = next(i for i, ln in enumerate(lines, 1) if "Roughly" in ln) - 1
    cloze = next(i for i, ln in enumerate(lines, 1) if 'type="cloze"' in ln)
    assert [str(p) for p in draft.problems] == [
        f"{source}:{roughly}:3: warning: the error margin 0.01 is left out: a guide's blank takes its number exactly",
        f"{source}:{cloze}:3: warning: the error margin 5 of the blank '180' is left out: a guide's blank takes its "
        "number exactly"]


CANVAS_NUMERICAL = canvas_quiz("""\
      <item ident="i1" title="Question">
        <itemmetadata><qtimetadata>
          <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>numerical_question</fieldentry></qtimetadatafield>
          <qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>2.0</fieldentry></qtimetadatafield>
        </qtimetadata></itemmetadata>
        <presentation>
          <material><mattext texttype="text/html">&lt;div&gt;&lt;p&gt;Nine and a half, give or take?&lt;/p&gt;&lt;/div&gt;</mattext></material>
          <response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib></response_str>
        </presentation>
        <resprocessing>
          <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
          <respcondition continue="No">
            <conditionvar><or>
              <varequal respident="response1">9.5</varequal>
              <and><vargte respident="response1">9.0</vargte><varlte respident="response1">10.0</varlte></and>
            </or></conditionvar>
            <setvar action="Set" varname="SCORE">100</setvar>
          </respcondition>
        </resprocessing>
      </item>
""")


def test_a_canvas_numerical_question_imports_as_a_blank_and_its_margin_is_said(tmp_path):
    from studyguide.importers import read

    source = canvas_zip(tmp_path / "quiz.zip", CANVAS_NUMERICAL)
    draft = read(source)
    assert draft.questions == [{"type": "fill_in_blank", "prompt": "Nine and a half, give or take? [[9.5]]", "points": 2.0}]
    line = next(i for i, ln in enumerate(CANVAS_NUMERICAL.splitlines(), 1) if 'ident="i1"' in ln)
    assert [str(p) for p in draft.problems] == [
        f"{source}:{line}:7: warning: a1/a1.xml: the margin of the answer 9.5 is left out: a guide's blank takes its "
        "number exactly"]


@pytest.mark.moodle
@pytest.mark.skipif(bool(_no_moodle()), reason=_no_moodle() or "a Moodle is here")
def test_a_bank_moodle_exports_again_imports_as_the_values_moodle_stores(tmp_path):
    """Through a real Moodle and back (its importer, then its own export of the category): the export writes
    each number as Moodle stores it, so Moodle's file imports to a guide that exports our bytes again. Written
    otherwise, Moodle 5.1 saves a second answer 32.0 (of [[32|32.0]]) as another 32, and refuses [[−2]]'s minus sign
    (U+2212) outright: its numerical importer saves no number and the database's refusal ends the import. The
    guide comes back with what Moodle holds, [[0.25]] and [[-2]], marked the same."""
    guide = api.cited_as_printed(api.load(NUMBERS))
    [(name, ours)], _ = moodle.export(guide)
    (tmp_path / name).write_bytes(ours)
    back = tmp_path / "from-moodle.xml"
    run = subprocess.run(["php", str(TESTS / "moodle" / "roundtrip.php"), str(tmp_path / name), str(back)],
                         capture_output=True, text=True, timeout=600, env={**os.environ, "MOODLE_DIR": str(moodle_site())})
    if "could not connect" in run.stdout + run.stderr or "Database connection failed" in run.stdout + run.stderr:
        pytest.skip("the Moodle site's database is not running (docs/moodle-check.md: start PostgreSQL)")
    assert run.returncode == 0, run.stdout + run.stderr
    import yaml

    from studyguide.importers import import_file

    out, _ = import_file(back, tmp_path / "guides" / NUMBERS.name)
    prompts = [q["prompt"] for q in yaml.safe_load(out.read_text(encoding="utf-8"))["questions"]]
    assert "Two degrees below zero is written [[-2]] °C." in prompts
    assert "A quarter as a decimal is [[0.25]]." in prompts
    [(_, again)], _ = moodle.export(api.load(out))
    assert again == ours
