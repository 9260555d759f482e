"""The rule under a key's answer is the handout's rule, in the handout's colour, whichever way the text reads. A
left-to-right key drew the blank's whole rule in ink under the blue answer; a right-to-left key (Arabic, Hebrew)
drew the part of it under the answer in the answer's blue and the rest in ink, so the blank's line changed colour
half way along. Read from the pixels of each answer's rule, key beside handout, for the Vietnamese and English guide
of test_key_answer_rule and the Arabic and Hebrew one of test_key_answer_rule_rtl."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

import test_key_answer_rule as ltr
import test_key_answer_rule_rtl as rtl
from conftest import run_cli, write_guide
from test_key_answer_rule import SCALE, _places, _rows, _rule


def _rule_colours(page, left, bottom, right, top, row):
    """The (blue, dark) pixel counts along pixel ``row`` of the crop _rows reads (the rule's row)."""
    width, height = page.get_width(), page.get_height()
    image = page.render(scale=SCALE, crop=(left, bottom - 6, width - right, height - top - 8)).to_pil().convert("RGB")
    colours = [image.getpixel((x, row)) for x in range(image.width)]
    return (sum(1 for r, g, b in colours if b > r + 40 and b > 90),
            sum(1 for r, g, b in colours if r + g + b < 300 and not b > r + 40))


@pytest.mark.parametrize("guide, answers", [(ltr.GUIDE, ltr.ANSWERS), (rtl.GUIDE, rtl.ANSWERS)], ids=["ltr", "rtl"])
@pytest.mark.parametrize("build", [[], ["--edition", "large-print"]])
def test_the_rule_under_a_keys_answer_is_the_handouts_colour(tmp_path, guide, answers, build):
    done = run_cli("build", "-o", tmp_path / "out", *build, write_guide(tmp_path, "g.yaml", guide), timeout=120)
    assert done.returncode == 0, done.stderr
    key_pdf = next((tmp_path / "out").glob("*-key.pdf"))
    key, handout = pdfium.PdfDocument(str(key_pdf)), pdfium.PdfDocument(str(key_pdf).replace("-key.pdf", ".pdf"))
    seen = set()
    for word in answers:
        for n, left, bottom, right, top in _places(key, word):
            rows = _rows(key[n], left, bottom, right, top)
            blue = [y for y, row in enumerate(rows) if row[0] and y > 6.5 * SCALE and row[1] < 0.8 * row[2]]
            if not blue:  # (the word in the text, not an answer)
                continue
            seen.add(word)
            rule = _rule(rows, blue[0])
            held = _rule_colours(handout[n], left, bottom, right, top, rule)
            shown = _rule_colours(key[n], left, bottom, right, top, rule)
            assert held[0] == 0 and held[1] > 0.8 * (right - left) * SCALE, (build, word, "handout's rule", held)
            assert shown == held, (build, word, n + 1, "the key's rule under the answer: (blue, dark) pixels", shown,
                                   "the handout's", held)
    assert seen == set(answers)
