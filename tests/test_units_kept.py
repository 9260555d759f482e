"""A number and the unit or formula after it print on one line (trial r7 L8: "0.25 / mol of glucose",
"C₆H₁₂O₆ + 6 / O₂" were cut by a line break). The join is the printed page's: the text a teacher typed,
and every export of it, keep the space as typed."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from conftest import GUIDES_DIR, write_guide
from studyguide import api, inline, render

PAIRS = ["0.25 mol", "37 °C", "6 O₂", "2,880 kJ/mol", "6 CO₂", "12 mL"]


def _guide(tmp_path, words=12):
    """A summary whose paragraphs put each pair a letter further along the line, so that on the old
    layout each of them met a line's end."""
    lead = "in every living cell the mitochondria break down glucose with oxygen and".split()[:words]
    paragraphs = [" ".join(["abcdefghijklmnop"[:k]] + lead + ["give", pair, "of", "it."])
                  for pair in PAIRS for k in range(1, 17)]  # (the pair a letter further each time)
    summary = "".join(f"\n  {p}\n" for p in paragraphs)
    text = (f"title: Units\nsummary: |{summary}\nquestions:\n  - type: short_answer\n"
            "    prompt: How much glucose?\n    answer: 0.25 mol\n")
    return write_guide(tmp_path, "units.yaml", text), paragraphs


@pytest.mark.parametrize("edition, words", [(None, 12), ("large-print", 6)])  # (each line's end within reach)
def test_no_line_ends_with_a_number_whose_unit_opens_the_next(tmp_path, edition, words):
    path, paragraphs = _guide(tmp_path, words)
    guide = api.load(path)
    docs = render.render(guide, theme=api.theme_for(guide, None, edition))
    for mode, doc in docs.items():
        text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(doc.pdf)).pages)
        lines = [line.strip() for line in text.splitlines()]
        for pair in PAIRS:
            number, unit = pair.split(" ")
            cut = [n for n, line in enumerate(lines[:-1]) if line.endswith(f" {number}") and lines[n + 1].startswith(unit)]
            assert not cut, f"{mode}: '{pair}' cut by a line break at {[lines[n:n + 2] for n in cut]}"
        # every pair printed, as many times as typed (nothing lost or doubled by the join)
        flat = " ".join(text.replace("\u00a0", " ").split())
        for pair in PAIRS:
            assert flat.count(pair) >= sum(p.count(pair) for p in paragraphs), (mode, pair)


def test_exports_keep_the_space_as_typed(tmp_path):
    path, _ = _guide(tmp_path)
    out = tmp_path / "out"
    list(api.export([path], "moodle", out))
    xml = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.xml"))
    assert "0.25 mol" in xml and "0.25\u00a0mol" not in xml


def test_text_without_a_number_and_unit_prints_byte_identical(monkeypatch):
    """The bundled English guide with no such pair: the same PDFs to the byte as with the join left out."""
    guide = api.load(GUIDES_DIR / "china-foreign-police-training.yaml")
    joined = {m: d.pdf for m, d in render.render(guide).items()}
    monkeypatch.setattr(inline, "keep_units", lambda markup: markup)
    assert joined == {m: d.pdf for m, d in render.render(guide).items()}


@pytest.mark.parametrize("typed, printed", [
    ("C₆H₁₂O₆ + 6 O₂ → 6 CO₂ + 6 H₂O", "C₆H₁₂O₆ + 6\u00a0O₂ → 6\u00a0CO₂ + 6\u00a0H₂O"),
    ("about 37 °C in humans", "about 37\u00a0°C in humans"),
    ("6 O<font face=\"DejaVuSans\">₂</font>", "6\u00a0O<font face=\"DejaVuSans\">₂</font>"),  # (a routed subscript)
    ("<b>0.25</b> mol", "<b>0.25</b>\u00a0mol"),
    ("2, 4 6 and 8", "2, 4 6 and 8"),  # a list of numbers keeps its spaces
    ("in 1821 La consumación", "in 1821 La consumación"),  # a year and a word ("La" is no formula)
    ("in 2020 US troops", "in 2020 US troops"),
    ("3 in the box, 5 minutes", "3 in the box, 5 minutes"),
    ("体温约为 37 °C。", "体温约为 37\u00a0°C。"),  # Chinese: only the space between the two changes
])
def test_the_join_takes_only_a_number_and_its_unit(typed, printed):
    assert inline.keep_units(typed) == printed
