"""An Urdu guide's lines in Noto Naskh Arabic keep their letters clear of what is drawn under them. Naskh runs are set
×1.133 (families.NASKH_SCALE) and reach deeper than DejaVu Sans, but kept the style's leading: the coverage table's
heading 'سوالات کیا جانچتے ہیں' stood 2 pt over the grey band of the table's first row, and its ی, ں, چ and ے went
into the band. Measured on the page: each Arabic-script glyph's box, against the page drawn with its text taken out,
so only bands, rules, boxes and rings are left; an edge of one of them inside a glyph's box is ink cut or crossed."""
from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from conftest import cli_main, write_guide

GUIDE = """
    title: پانی کا چکر
    language: ur
    labels: {true: درست, false: غلط, objective_column: مقصد, questions_column: سوالات, points_column: نمبر,
             coverage: سوالات کیا جانچتے ہیں, coverage_key: سوالات کیا جانچتے ہیں, questions: سوالات}
    objectives:
      - پانی کے چکر کے مراحل بیان کرنا
      - بارش کی وجہ سمجھنا
    summary: |
      سورج سمندر کے پانی کو گرم کرتا ہے اور پانی بخارات بن کر اوپر اٹھتا ہے۔

      | مرحلہ | جگہ | درجہ حرارت |
      | بخارات | سمندر | 30 |
      | بارش | زمین | 15 |
    questions:
      - type: true_false
        prompt: سورج پانی کو گرم کرتا ہے۔
        answer: true
        objective: 1
      - type: short_answer
        prompt: پانی کا چکر کیا ہے؟
        answer: پانی کا زمین اور آسمان کے درمیان گھومنا
        objective: 2
    """
SCALE = 6  # pixels a point


def _arabic_boxes(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each upright Arabic-script glyph on ``page`` with its box (left, bottom, right, top) in points."""
    text, out = page.get_textpage(), []
    for i in range(text.count_chars()):
        c = text.get_text_range(i, 1)
        if ("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufefc") and abs(raw.FPDFText_GetCharAngle(text.raw, i)) < 0.01:
            out.append((c, text.get_charbox(i)))
    return out


def _crossed(pdf) -> list[tuple[int, str, float]]:
    """(page, letter, how far below the page's top) of each Arabic-script glyph whose box a drawn edge crosses."""
    found = []
    for number, page in enumerate(pdf, 1):
        boxes, height = _arabic_boxes(page), page.get_height()
        for thing in list(page.get_objects()):
            if thing.type == raw.FPDF_PAGEOBJ_TEXT:
                page.remove_obj(thing)
        page.gen_content()
        pixels = page.render(scale=SCALE).to_pil().convert("L").load()
        for letter, (left, bottom, right, top) in boxes:
            rows = range(int((height - top) * SCALE) + 2, int((height - bottom) * SCALE) - 1)
            columns = range(int(left * SCALE) + 1, int(right * SCALE) - 1)
            edges = sum(abs(pixels[x, y] - pixels[x, y - 1]) > 20 for y in rows for x in columns)
            if edges > 2:  # (a band's top, a rule, a ring's stroke; not a fill the letter stands wholly in)
                found.append((number, letter, round(height - bottom, 1)))
    return found


@pytest.mark.parametrize("edition", ["standard", "large-print"])
def test_naskh_letters_clear_the_bands_rules_and_rings_under_them(tmp_path, edition):
    guide = write_guide(tmp_path, "urdu.yaml", GUIDE)
    done = cli_main("build", "-o", tmp_path / "out", "--edition", edition, guide, timeout=120)
    assert done.returncode == 0, done.stderr
    built = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(built) == 2, built  # (the handout and its key)
    for pdf in built:
        assert _crossed(pdfium.PdfDocument(str(pdf))) == [], (edition, pdf.name)


def test_the_coverage_heading_stands_above_its_band(tmp_path):
    """The heading's deepest letter (ں of 'ہیں') ends over the band's top edge, by the room DejaVu's letters get."""
    guide = write_guide(tmp_path, "urdu.yaml", GUIDE)
    done = cli_main("build", "-o", tmp_path / "out", "--no-key", guide, timeout=120)
    assert done.returncode == 0, done.stderr
    page = pdfium.PdfDocument(str(tmp_path / "out" / "urdu.pdf"))[0]
    text, height = page.get_textpage(), page.get_height()
    hit = text.search("جانچتے ہیں").get_next()
    assert hit, "the coverage heading is on page 1"
    start = next(k for k in range(hit[0], 0, -1) if text.get_text_range(k - 1, 1) == "\n" or k == 1)
    heading = [text.get_charbox(k) for k in range(start, hit[0] + hit[1])]
    deepest = height - min(box[1] for box in heading)  # (points under the page's top)
    pixels = page.render(scale=SCALE).to_pil().convert("L").load()
    x = int((min(box[0] for box in heading) - 4) * SCALE)  # (left of the heading's words, within the table)
    band = next(y for y in range(int(deepest * SCALE) - 60, int(deepest * SCALE) + 120) if pixels[x, y] < 245) / SCALE
    assert band - deepest > 0.5, (deepest, band)
