"""Noto Naskh Arabic, the bundled font for the Arabic-script letters DejaVu Sans lacks (Urdu's ہ ے, Persian's ۀ),
drew the script ~20 % smaller than DejaVu Sans at the same point size (review r10 M2): one 'خانۀ' in a Persian
summary set all its Persian in Naskh, and the word 'ژاله' printed 12.3 × 9.2 pt where DejaVu printed it 15.6 × 10.5,
large print too. Naskh runs are now set at DejaVu's height of the script (its alef's): measured on the page, the same
word in a guide set in DejaVu and one set in Naskh, handout by handout; a guide without Naskh is unchanged."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import cli_main, write_guide

PERSIAN = """
    title: چرخهٔ آب
    language: fa
    summary: آب دریا گرم می‌شود و بخار می‌شود. ژاله و برف و باران از ابرها می‌بارند. {extra}دریاچهٔ ارومیه گرم است.
    questions:
      - type: multiple_choice
        prompt: کدام گزینه درست است؟
        choices: [بخار, یخ, گچ, پل]
        answer: A
    """


def _ink(pdf, word="ژاله"):
    """The printed word's (width, height) in points, from its characters' boxes."""
    page = pdfium.PdfDocument(str(pdf))[0]
    text = page.get_textpage()
    hit = text.search(word).get_next()
    assert hit, word
    boxes = [text.get_charbox(k) for k in range(hit[0], hit[0] + hit[1])]
    return max(b[2] for b in boxes) - min(b[0] for b in boxes), max(b[3] for b in boxes) - min(b[1] for b in boxes)


@pytest.mark.parametrize("edition", ["standard", "large-print"])
def test_persian_in_naskh_prints_as_tall_as_in_dejavu(tmp_path, edition):
    sizes = {}
    for name, extra in (("dejavu", ""), ("naskh", "خانۀ ما نزدیک ")):
        guide = write_guide(tmp_path, f"{name}.yaml", PERSIAN.replace("{extra}", extra))
        done = cli_main("build", "-o", tmp_path / name, "--edition", edition, guide, timeout=120)
        assert done.returncode == 0, done.stderr
        [pdf] = [p for p in (tmp_path / name).glob("*.pdf") if not p.name.endswith("-key.pdf")]
        sizes[name] = _ink(pdf)
    width, height = sizes["naskh"]
    assert height >= 0.95 * sizes["dejavu"][1], (edition, sizes)  # as tall: the letters read at the size asked for
    assert width >= 0.85 * sizes["dejavu"][0], (edition, sizes)  # (Naskh's letters are narrower by design)
