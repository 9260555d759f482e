"""A quantity keeps its unit and formula on its line (trial r10 L15): a half sheet's question 13 ended a line on
"10 g" with "H₂" on the next, and a worked step on "(2 mol H₂O / 2" with "mol H₂)" below."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import cli_main, write_guide
from studyguide.quantities import keep_quantities

GUIDE = """
    title: Moles
    summary: |
      Mole ratio: 1.98 mol H₂ × (2 mol H₂O / 2 mol H₂) = 1.98 mol H₂O, so 3 students weighed 35.7 g of water at
      25 °C, and a car at 9.8 m/s² covers 12 km in 10 min. Dissolve 5.85 g NaCl in 100 mL of water to get 1.0 M NaCl.
    questions:
      - type: ordering
        prompt: "Order these samples from fewest to most moles: 10 g H₂, 10 g H₂O, 10 g CO₂, 10 g NaCl."
        items: [10 g NaCl, 10 g CO₂, 10 g H₂O, 10 g H₂]
      - type: short_answer
        prompt: How many moles are in 36 g H₂O? Then in 18 g H₂O, 9 g H₂O and 4.5 g H₂O, and in 2 mol O₂?
        answer: 2 mol
    """
# a line that ends on a number, or on a number and its unit, where the next line goes on with the unit or formula
UNIT_OR_FORMULA = r"(?:g|mol|mL|M|°C|m/s²|km|min|H₂O?|CO₂|NaCl|O₂)\b"


@pytest.mark.parametrize("build", [["--sheet", "half"], ["--paper", "a5"], ["--format", "quiz", "--sheet", "quarter"],
                                   []])
def test_a_quantity_is_not_parted_from_its_unit_or_formula(tmp_path, build):
    guide = write_guide(tmp_path, "moles.yaml", GUIDE)
    done = cli_main("build", "-o", tmp_path / "out", *build, guide, timeout=120)
    assert done.returncode == 0, done.stderr
    for pdf in sorted((tmp_path / "out").glob("*.pdf")):
        for page in pdfium.PdfDocument(str(pdf)):
            lines = [" ".join(line.split()) for line in page.get_textpage().get_text_range().splitlines()]
            lines = [line for line in lines if line]
            for line, after in zip(lines, lines[1:]):
                parted = (re.search(r"(?<![\w.])\d+(?:\.\d+)?$", line) and re.match(UNIT_OR_FORMULA, after)) or (
                    re.search(r"(?<![\w.])\d+(?:\.\d+)? (?:g|mol|mL)$", line) and re.match(r"(?:H₂|CO₂|NaCl|O₂)", after))
                assert not parted, (build, pdf.name, line, after)
        text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdfium.PdfDocument(str(pdf)))
        assert "10 g H₂, 10 g H₂O, 10 g CO₂, 10 g NaCl." in text  # (the text reads as typed)


def test_only_a_quantitys_spaces_are_joined():
    nb = "\u00a0"
    assert keep_quantities("moles: 10 g H₂, 2 H₂O and 25 °C") == f"moles: 10{nb}g{nb}H₂, 2{nb}H₂O and 25{nb}°C"
    assert keep_quantities("at 9.8 m/s² in 1,000 mL of 0.5 M NaOH") == f"at 9.8{nb}m/s² in 1,000{nb}mL of 0.5{nb}M{nb}NaOH"
    assert keep_quantities("<b>10 g</b> H<font name=\"X\">₂</font>") == f"<b>10{nb}g</b>{nb}H<font name=\"X\">₂</font>"
    for prose in ("3 students in 1776 In the", "10 He and 4 Fe", "Question 3 asks", "6.02 × 10²³ atoms", "(2 pts)",
                  "10 good reasons", "<font size=\"10\">a</font>"):
        assert keep_quantities(prose) == prose


def test_a_formula_is_made_of_element_symbols():
    """Review r10: any two capitals were a formula, so "509 BCE", "3 PM" and "2 DNA" were glued as a quantity."""
    from studyguide.quantities import is_formula

    nb = "\u00a0"
    assert [w for w in ("NaCl", "H₂O", "Ca(OH)₂", "SO₄²⁻", "OH⁻", "CO") if not is_formula(w)] == []
    assert [w for w in ("BCE", "PM", "DNA", "USD", "AD", "CE", "He", "In") if is_formula(w)] == []
    prose = "In 509 BCE, at 3 PM, 2 DNA strands"
    assert keep_quantities(prose) == prose
    assert keep_quantities("mix 2 NaCl") == f"mix 2{nb}NaCl"


TABLE = """
    title: Solutions
    summary: |
      | Trial | Solute | Solvent | Mass | Moles | Volume | Molarity | Result | Notes |
      |---|---|---|---|---|---|---|---|---|
      | 1 | 0.125 mol/L Ca(OH)₂ | 250.0 mL H₂O | 10.00 g NaCl | 0.1711 mol NaCl | 1500.0 mL | 2.50 mol·L⁻¹ H₂SO₄ | 101.325 kPa | 298.15 K |
    """


def test_a_wide_table_of_quantities_stays_a_table(tmp_path):
    """Review r10 (qty2-letter-top.png): on letter, a 9-column table of "0.125 mol/L Ca(OH)₂" cells printed as
    the stacked list ("Solute: ...") once its quantities kept whole: its cells break at their spaces as before."""
    from conftest import build_into

    built = build_into(write_guide(tmp_path, "qty.yaml", TABLE), tmp_path / "out", paper="letter")
    text = " ".join(built.student.text.split())
    assert "Solute:" not in text and "Trial Solute Solvent Mass Moles Volume Molarity Result Notes" in text, text
