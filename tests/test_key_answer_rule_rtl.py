"""The key's answer written on a blank clears the blank's rule in right-to-left text too (review r10 M1): the
right-to-left line builder re-set each run in its face, size and colour only, so the raise was dropped and the dots
under the ي of "النيل" and the ب of "البحر" sat in the rule (the key read dotless letters); Hebrew's ק and ן hung
through it. Measured in pixels as in test_key_answer_rule, handout beside key: the answer clears its rule, the rule
stays where the handout has it. (The gap to the line above is not asserted: on a half sheet the raised hamza of
"الأحمر" comes within a pixel row of the line above's ي tail, a letter's width to the side; rows of pixels cannot
tell that apart from a touch.)"""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import cli_main, write_guide
from test_key_answer_rule import SCALE, _places, _rows, _rule

GUIDE = """
    title: جغرافيا مصر
    questions:
      - type: fill_in_blank
        prompt: "العاصمة هي [[القاهرة]] والنهر هو [[النيل]] والبحر هو [[البحر الأحمر]] والمدينة الساحلية هي [[الإسكندرية]]"
      - type: fill_in_blank
        prompt: "הבירה של ישראל היא [[ירושלים]] והנהר הגדול הוא [[הירדן]], והעיר בצפון היא [[צפת]] ליד [[כנרת]] ו[[קצרין]]"
    """
ANSWERS = ["النيل", "البحر الأحمر", "ירושלים", "קצרין", "כנרת"]


def answers_on_rules(tmp_path, guide: str, build: list, answers: list):
    """Build ``guide`` with ``build``'s options; for each place in the key where a word of ``answers`` is written
    in blue on a blank: (word, page number from 0, its box, the key's pixel rows there, the rows holding blue,
    the rule's row, the key and the handout as pdfium documents). Every answer must be found on a rule."""
    done = cli_main("build", "-o", tmp_path / "out", *build, write_guide(tmp_path, "g.yaml", guide), timeout=120)
    assert done.returncode == 0, done.stderr
    key_pdf = next((tmp_path / "out").glob("*-key.pdf"))
    key, handout = pdfium.PdfDocument(str(key_pdf)), pdfium.PdfDocument(str(key_pdf).replace("-key.pdf", ".pdf"))
    seen = set()
    for word in answers:
        for n, left, bottom, right, top in _places(key, word):
            rows = _rows(key[n], left, bottom, right, top)
            # (a row across the whole crop is a rule, not the answer's ink)
            blue = [y for y, row in enumerate(rows) if row[0] and y > 6.5 * SCALE and row[1] < 0.8 * row[2]]
            if not blue:  # (the word in the text, not an answer)
                continue
            seen.add(word)
            yield word, n, (left, bottom, right, top), rows, blue, _rule(rows, blue[0]), key, handout
    assert seen == set(answers)


@pytest.mark.parametrize("build", [["--sheet", "half"], ["--theme", "compact"], ["--edition", "large-print"]])
def test_a_right_to_left_answer_clears_the_blanks_rule(tmp_path, build):
    for word, n, box, rows, blue, rule, key, handout in answers_on_rules(tmp_path, GUIDE, build, ANSWERS):
        assert max(blue) < rule - 1, (build, word, n + 1, "answer on the rule", (rule - max(blue)) / SCALE)
        assert _rule(_rows(handout[n], *box), blue[0]) == rule, (build, word, "the blank moved")
