"""Arabic-script text drawn straight on the page, not set as a paragraph, is Noto Naskh Arabic at the body's size of
the script too (test_naskh_size has the paragraphs). The name lines' labels and the key's banner printed at the point
size asked, ~12 % smaller than the Urdu or Persian body: a guide whose summary says 'نام' printed its 'Name' label
'نام' 9.4 × 10.2 pt above the summary's 10.7 × 11.6. Measured on the page, from the words' glyph boxes: each label
beside the same word in the summary, and the key's banner against the summary as a guide set in DejaVu Sans has it."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import run_cli, write_guide

PERSIAN = """
    title: چرخهٔ آب
    language: fa
    labels: {name: نام, date: تاریخ, period: کلاس, answer_key: کلید}
    summary: آب دریا گرم می‌شود و بخار می‌شود. {extra}دریاچهٔ ارومیه گرم است. نام و تاریخ و کلاس و کلید.
    questions:
      - type: multiple_choice
        prompt: کدام گزینه درست است؟
        choices: [بخار, یخ, گچ, پل]
        answer: A
    """
LABELS = ["نام", "تاریخ", "کلاس"]


def _inks(pdf, word) -> list[tuple[float, float]]:
    """(width, height) in points of each place the first page prints ``word``, top first, from its glyph boxes."""
    text = pdfium.PdfDocument(str(pdf))[0].get_textpage()
    found, out = text.search(word), []
    while (hit := found.get_next()):
        boxes = [text.get_charbox(k) for k in range(hit[0], hit[0] + hit[1])]
        out.append((max(b[3] for b in boxes), max(b[2] for b in boxes) - min(b[0] for b in boxes),
                    max(b[3] for b in boxes) - min(b[1] for b in boxes)))
    return [(w, h) for _, w, h in sorted(out, reverse=True)]


def _built(tmp_path, name, extra, edition):
    guide = write_guide(tmp_path, f"{name}.yaml", PERSIAN.replace("{extra}", extra))
    done = run_cli("build", "-o", tmp_path / name, "--edition", edition, guide, timeout=120)
    assert done.returncode == 0, done.stderr
    key = next((tmp_path / name).glob("*-key.pdf"))
    return key.with_name(key.name.replace("-key.pdf", ".pdf")), key


@pytest.mark.parametrize("edition", ["standard", "large-print"])
def test_naskh_drawn_on_the_page_is_the_size_of_the_naskh_body(tmp_path, edition):
    handout, key = _built(tmp_path, "naskh", "خانۀ ما نزدیک ", edition)  # (ۀ: DejaVu lacks it; Naskh draws it all)
    for word in LABELS:  # the label in the name lines, then the word in the summary: the same size of type
        label, said = _inks(handout, word)[:2]
        assert abs(label[0] / said[0] - 1) < 0.02 and abs(label[1] / said[1] - 1) < 0.02, (edition, word, label, said)
    _, dejavu_key = _built(tmp_path, "dejavu", "", edition)
    banner, said = _inks(key, "کلید")[:2]  # (its banner, larger and bold, stands taller than the summary's word:
    banner_dv, said_dv = _inks(dejavu_key, "کلید")[:2]  # by as much as in DejaVu Sans, on the same page)
    assert abs((banner[1] / said[1]) / (banner_dv[1] / said_dv[1]) - 1) < 0.03, (edition, banner, said, banner_dv,
                                                                                  said_dv)
