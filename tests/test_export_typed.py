"""A blank whose answer holds characters no keyboard types (10⁻³, 6.02×10²³, H₂O) is exported with the forms
students type as accepted answers too, and one that still cannot be typed is warned of at its line (trial r10, H1).

Each file is read back the way its tool reads it: Moodle XML and its Cloze answers through studyguide's own Moodle
import, the QTI package's accepted answers from its XML, Quizizz's row with openpyxl.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import write_guide
from studyguide import api
from studyguide.importers import read

openpyxl = pytest.importorskip("openpyxl")

GUIDE = """
    title: Moles
    questions:
      - type: fill_in_blank
        prompt: "A millimole is [[10⁻³]] mol."
      - type: fill_in_blank
        prompt: "One mole holds [[6.02×10²³]] particles, called [[Avogadro's number]]."
      - type: fill_in_blank
        prompt: "Water is [[H₂O|water]]."
      - type: fill_in_blank
        prompt: "Heating it drives the change [[A → B]]."
"""


def _export(tmp_path, fmt):
    guide = write_guide(tmp_path, "moles.yaml", GUIDE)
    [outcome] = api.export([guide], fmt, tmp_path / "out")
    assert outcome.error is None
    return outcome


def _blanks(draft) -> list[str]:
    """Each blank of the imported draft, as the guide writes it: [[main|other|…]]."""
    return [b for q in draft.questions for b in re.findall(r"\[\[.*?\]\]", q["prompt"])]


def test_moodle_blanks_accept_the_typed_forms(tmp_path):
    outcome = _export(tmp_path, "moodle")
    assert _blanks(read(outcome.written[0], "moodle")) == [
        "[[10⁻³|10^-3]]", "[[6.02×10²³|6.02x10^23|6.02*10^23]]", "[[Avogadro's number]]", "[[H₂O|water|H2O]]",
        "[[A → B]]"]


def test_qti_and_quizizz_blanks_accept_the_typed_forms(tmp_path):
    qti = _export(tmp_path, "canvas").written[0]
    with zipfile.ZipFile(qti) as z:
        xml = next(z.read(n).decode() for n in z.namelist() if n.endswith(".xml") and "assessment_meta" not in n
                   and "imsmanifest" not in n)
    # a single blank's answers are compared in <varequal>; several blanks' answers are listed as response labels
    texts = [e.text for e in ET.fromstring(xml).iter() if e.tag.endswith(("varequal", "mattext"))
             and "<" not in e.text]  # not the question's text
    assert texts[:2] == ["10⁻³", "10^-3"]
    assert ["6.02×10²³", "6.02x10^23", "6.02*10^23"] == [t for t in texts if t.startswith("6.02")]
    ws = openpyxl.load_workbook(io.BytesIO(_export(tmp_path / "q", "quizizz").written[0].read_bytes())).worksheets[0]
    assert [ws.cell(2, c).value for c in range(1, 6)] == ["A millimole is _____ mol.", "Fill-in-the-Blank", "10⁻³",
                                                          "10^-3", None]


def test_a_blank_no_keyboard_types_is_warned_at_its_line(tmp_path):
    said = [str(w) for w in _export(tmp_path, "moodle").warnings]
    assert [s for s in said if "keyboard" in s] == [
        f"{tmp_path / 'moles.yaml'}:9:5: warning: question 4 (fill_in_blank): moodle: the blank's only answer "
        "\"A → B\" cannot be typed on a keyboard (→), so Moodle marks every student's typed answer wrong: add what "
        "students type as other answers after a |, such as [[A → B|…]]"]
    assert [w.message.split(": the blank")[0] + ": " + w.message.split(", so ")[1][:14]
            for w in _export(tmp_path / "c", "canvas").warnings if "keyboard" in w.message] == [
        "question 4 (fill_in_blank): canvas: Canvas marks e"]  # named as the teacher names it
    assert not [w for w in _export(tmp_path / "k", "kahoot").warnings if "keyboard" in w.message]  # no blank in Kahoot
    assert not re.search("10\\^-3", (tmp_path / "moles.yaml").read_text())  # the guide itself is left as written
