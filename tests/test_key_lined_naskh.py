"""An Urdu model answer written on a key's ruled lines sits on its line, clear of it, as a Latin answer does (its g
and y about a point above the rule). Noto Naskh's runs are set larger than the paragraph (test_naskh_size), which
put their baseline lower, and its letters reach deeper (the dots under ب and ی, the tails of ج and ں): the answer
was drawn through its rule, 0.4 pt into it on the page and 5.8 pt in large print, so 'بیج' read without its dots.
Measured in pixels, each answer word's lowest blue ink against the grey rule under it."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import run_cli, write_guide
from test_key_answer_rule import SCALE, _places

GUIDE = """
    title: پانی کا چکر
    language: ur
    questions:
      - type: short_answer
        prompt: پانی کا چکر کیا ہے؟
        answer: پانی کا زمین اور آسمان کے درمیان گھومنا
      - type: essay
        prompt: بارش کیوں ضروری ہے؟
        answer: بارش سے کھیتوں کو پانی ملتا ہے، بیج اگتے ہیں اور دریا بھر جاتے ہیں۔ جب بارش نہیں ہوتی تو زمین سوکھ جاتی ہے اور جانوروں کو پینے کا پانی نہیں ملتا۔
        lines: 4
    """
WORDS = ["گھومنا", "بیج", "جانوروں"]


def _above_rule(page, left, bottom, right, top):
    """Points from the first grey rule under the word's top up to the word's lowest blue ink above it (a word drawn
    through the rule has its blue ink in the rule's rows, and next to none above it)."""
    width, height = page.get_width(), page.get_height()
    image = page.render(scale=SCALE, crop=(left, bottom - 8, width - right, height - top - 4)).to_pil().convert("RGB")
    pixels = image.load()
    blue, rule = [], None
    for y in range(image.height):
        row = [pixels[x, y] for x in range(image.width)]
        if sum(1 for r, g, b in row if r + g + b < 300 and not b > r + 40) > 0.8 * image.width:
            rule = y
            break
        if any(b > r + 40 and b > 90 for r, g, b in row):
            blue.append(y)
    assert rule is not None and blue, "no rule under the answer"
    return (rule - max(blue)) / SCALE


@pytest.mark.parametrize("build", [[], ["--edition", "large-print"], ["--theme", "compact"]])
def test_an_urdu_answer_on_lines_clears_its_rule(tmp_path, build):
    done = run_cli("build", "-o", tmp_path / "out", *build, write_guide(tmp_path, "ur.yaml", GUIDE), timeout=120)
    assert done.returncode == 0, done.stderr
    key = pdfium.PdfDocument(str(next((tmp_path / "out").glob("*-key.pdf"))))
    seen = set()
    for word in WORDS:
        for n, left, bottom, right, top in _places(key, word):
            gap = _above_rule(key[n], left, bottom, right, top)
            seen.add(word)
            assert gap >= 0.5, (build, word, "on its rule", gap)
            assert gap <= 4, (build, word, "above its line, not on it", gap)
    assert seen == set(WORDS)
