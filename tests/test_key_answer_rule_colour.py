"""The rule under a key's answer is the handout's rule, in the handout's colour, whichever way the text reads. A
left-to-right key drew the blank's whole rule in ink under the blue answer; a right-to-left key (Arabic, Hebrew)
drew the part of it under the answer in the answer's blue and the rest in ink, so the blank's line changed colour
half way along. Read from the pixels of each answer's rule, key beside handout, for the Vietnamese and English guide
of test_key_answer_rule and the Arabic and Hebrew one of test_key_answer_rule_rtl."""
from __future__ import annotations

import pytest

import test_key_answer_rule as ltr
import test_key_answer_rule_rtl as rtl
from test_key_answer_rule import SCALE


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
    for word, n, box, rows, blue, rule, key, handout in rtl.answers_on_rules(tmp_path, guide, build, answers):
        held, shown = _rule_colours(handout[n], *box, rule), _rule_colours(key[n], *box, rule)
        assert held[0] == 0 and held[1] > 0.8 * (box[2] - box[0]) * SCALE, (build, word, "handout's rule", held)
        assert shown == held, (build, word, n + 1, "the key's rule under the answer: (blue, dark) pixels", shown,
                               "the handout's", held)
