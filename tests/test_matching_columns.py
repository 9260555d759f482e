"""A matching question's terms are not cut inside the word on small pages (trial r10 H1): the terms' column was 42 % of
the line whatever the terms needed, ~45 pt on a quarter sheet, so "sulfat / e", "enum / erate / d" and, on A5,
"electronegat / ivity" printed, while the lettered column beside them (short formulas) stayed half empty."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import cli_main, write_guide

GUIDE = """
    title: Matching terms
    questions:
      - type: matching
        prompt: Match each ion with its charge.
        pairs:
          - {left: sulfate, right: SO₄²⁻}
          - {left: ammonium, right: NH₄⁺}
          - {left: phosphate, right: PO₄³⁻}
          - {left: hydroxide, right: OH⁻}
      - type: matching
        prompt: Match each power with its kind.
        pairs:
          - {left: enumerated, right: written}
          - {left: concurrent, right: shared}
          - {left: electronegativity, right: pull}
          - {left: stoichiometry, right: amounts}
      - type: matching
        prompt: Match each stage with what happens.
        pairs:
          - {left: bốc hơi, right: Nước biến thành hơi}
          - {left: ngưng tụ, right: Hơi nước tạo thành mây}
          - {left: giáng thủy, right: Nước rơi xuống từ mây}
          - {left: dòng chảy, right: "Nước chảy về sông, biển"}
    """
TERMS = ["sulfate", "ammonium", "phosphate", "hydroxide", "enumerated", "concurrent", "electronegativity",
         "stoichiometry"]
TWO_WORDS = ["bốc hơi", "ngưng tụ", "giáng thủy", "dòng chảy"]  # one word each, in two syllables
BUILDS = {"quarter": ["--format", "quiz", "--sheet", "quarter"], "half": ["--sheet", "half"],
          "exit": ["--format", "exit-ticket", "--questions", "1-3"], "a5": ["--paper", "a5"],
          "a5-modern-versions": ["--paper", "a5", "--theme", "modern", "--versions", "2"]}


def _lines(pdf) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    return [" ".join(line.split()) for page in doc for line in page.get_textpage().get_text_range().splitlines()]


@pytest.mark.parametrize("build", BUILDS)
def test_each_term_prints_whole_on_its_line(tmp_path, build):
    guide = write_guide(tmp_path, "terms.yaml", GUIDE)
    done = cli_main("build", "-o", tmp_path / "out", *BUILDS[build], guide, timeout=120)
    assert done.returncode == 0, done.stderr
    pdfs = sorted((tmp_path / "out").glob("*.pdf"))
    assert len([p for p in pdfs if not p.name.endswith("-grid.pdf")]) == (4 if "versions" in build else 2)
    for pdf in pdfs:
        if pdf.name.endswith("-grid.pdf"):
            continue
        lines = _lines(pdf)
        words = {w for line in lines for w in re.findall(r"\w+", line)}
        assert not [t for t in TERMS if t not in words], (build, pdf.name)  # handout and key: every term whole
        # and no word of two syllables parted over two lines where the lettered column had the room
        assert not [t for t in TWO_WORDS if not any(t in line for line in lines)], (build, pdf.name)


def test_a_word_wider_than_the_row_still_prints(tmp_path):
    """A term no column can hold is cut over rows, each cut row ending in a hyphen as print does (since code part 2;
    before, it broke at the last letter that fitted, with nothing to say the word went on), and the build still
    succeeds with every letter in place. pdfium reads a hyphen that ends a row as U+FFFE and joins the rows."""
    long = "pneumonoultramicroscopicsilicovolcanoconiosis" * 2
    guide = write_guide(tmp_path, "long.yaml", GUIDE.replace("sulfate", long))
    done = cli_main("build", "-o", tmp_path / "out", "--format", "quiz", "--sheet", "quarter", guide, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = _lines(tmp_path / "out" / "long-quiz-quarter.pdf")
    cut = [m.group(0) for line in lines for m in re.finditer(r"pneu\S*oconiosis", line)]
    assert cut and all(c.replace("\ufffe", "") == long and c.count("\ufffe") >= 2 for c in cut), cut
    assert "ammonium" in "".join(lines)
