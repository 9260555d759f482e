"""The key's ring round a long Arabic True/False label ran 35 to 75 pt past the label's end, its flat top and
bottom crossing the letters: the label was measured letter by letter, not as drawn (joined, reordered), and
an oval that long is too thin at its ends for the letters there (review r8 M1). Measured in the key's PDF."""
from __future__ import annotations

import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from conftest import CASES
from studyguide import api, render

GUIDE = CASES / "tf" / "tf-arabic.yaml"  # labels of about 60 characters, 12 questions, short and long prompts


def rings(pdf: bytes) -> list[tuple[float, float, float, float]]:
    """Each ring drawn round Arabic text in the key: (ring's left, right; the text's left, right inside it)."""
    out = []
    for page in pdfium.PdfDocument(pdf):
        chars = page.get_textpage()
        text = chars.get_text_range()
        boxes = [(chars.get_charbox(i), text[i]) for i in range(min(len(text), chars.count_chars()))]
        for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH], max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            inside = [box for box, c in boxes if box[2] > box[0] and bottom < (box[1] + box[3]) / 2 < top
                      and left < (box[0] + box[2]) / 2 < right and unicodedata.bidirectional(c) == "AL"]
            if 8 < top - bottom < 40 and inside:
                out.append((left, right, min(b[0] for b in inside), max(b[2] for b in inside)))
    return out


def test_the_ring_round_a_long_arabic_label_is_the_label_s_width():
    guide = api.load(GUIDE)
    for paper, theme in (("letter", "classic"), ("a4", "compact")):
        drawn = rings(render.render(guide, paper=paper, theme=api.theme_for(guide, theme, None))["key"].pdf)
        assert len(drawn) == 12, (paper, len(drawn))  # one per question
        for left, right, first, last in drawn:
            # 6 pt clear of the text either side, and the stroke: not 35 pt past its end
            assert first - left <= 9 and right - last <= 9, (paper, round(first - left), round(right - last))
