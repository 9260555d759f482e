"""The key's answer written on a blank clears the blank's rule (trial r10 L16): the dot under "ụ" of "ngưng tụ" sat on
the rule and merged with it, so the key read "tu"; "g", "p" and "y" crossed it. Measured in pixels, handout beside key:
the answer's lowest ink is above the rule, its highest below the line above, and the rule where the handout has it."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from conftest import cli_main, write_guide

SCALE = 8  # pixels a point

GUIDE = """
    title: Vòng tuần hoàn của nước
    questions:
      - type: fill_in_blank
        prompt: Nước từ thể lỏng chuyển thành hơi nước gọi là [[bốc hơi]]; hơi nước chuyển thành giọt nước gọi là [[ngưng tụ]].
      - type: fill_in_blank
        prompt: Plants make sugar from light by [[photosynthesis]], and a dense solid sinks, as [[gypsum]] does.
    vocabulary:
      - {term: ngưng tụ, definition: Hơi nước chuyển thành giọt nước., example: Hơi nước ngưng tụ trên thành cốc nước đá.}
      - {term: bốc hơi, definition: Nước chuyển thành hơi., example: Vũng nước bốc hơi sau một buổi trưa nắng.}
      - {term: gypsum, definition: A soft mineral., example: The wall board is made of gypsum and paper.}
      - {term: sulfate, definition: An ion., example: Sulfuric acid gives a sulfate ion in water.}
    activities: [cloze]
    """
ANSWERS = ["ngưng tụ", "bốc hơi", "photosynthesis", "gypsum"]


def _places(doc, word):
    """(page, left, bottom, right, top) of each place ``word`` is printed."""
    for n, page in enumerate(doc):
        text = page.get_textpage()
        found = text.search(word)
        while (hit := found.get_next()):
            boxes = [text.get_charbox(k) for k in range(hit[0], hit[0] + hit[1])]
            yield n, min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _rows(page, left, bottom, right, top):
    """The crop's rows (from 8 pt above the word's box to 6 pt under it) as (blue ink?, dark ink count) each."""
    width, height = page.get_width(), page.get_height()
    image = page.render(scale=SCALE, crop=(left, bottom - 6, width - right, height - top - 8)).to_pil().convert("RGB")
    pixels = image.load()
    rows = []
    for y in range(image.height):
        colours = [pixels[x, y] for x in range(image.width)]
        rows.append((any(b > r + 40 and b > 90 for r, g, b in colours),
                     sum(1 for r, g, b in colours if r + g + b < 300 or (b > r + 40 and b > 90)), image.width))
    return rows


def _rule(rows, below=0):
    return next(y for y in range(below, len(rows)) if rows[y][1] > 0.8 * rows[y][2])


@pytest.mark.parametrize("build", [[], ["--edition", "large-print"], ["--theme", "modern", "--paper", "a5"],
                                   ["--edition", "readable"], ["--theme", "compact"],
                                   ["--sheet", "half"]])
def test_the_keys_answer_clears_the_blanks_rule(tmp_path, build):
    guide = write_guide(tmp_path, "water.yaml", GUIDE)
    done = cli_main("build", "-o", tmp_path / "out", *build, guide, timeout=120)
    assert done.returncode == 0, done.stderr
    key_pdf = next((tmp_path / "out").glob("*-key.pdf"))
    key, handout = pdfium.PdfDocument(str(key_pdf)), pdfium.PdfDocument(str(key_pdf).replace("-key.pdf", ".pdf"))
    seen = 0
    for word in ANSWERS:
        for n, left, bottom, right, top in _places(key, word):
            rows = _rows(key[n], left, bottom, right, top)
            blue = [y for y, row in enumerate(rows) if row[0] and y > 6.5 * SCALE]  # (from 1.5 pt above its box: not
            # the line above's)
            if not blue:  # (the word in the text, not an answer)
                continue
            seen += 1
            rule = _rule(rows, blue[0])
            assert max(blue) < rule - 1, (build, word, n + 1, "answer on the rule", (rule - max(blue)) / SCALE)
            above = [y for y in range(blue[0]) if rows[y][1]]
            assert not above or blue[0] - above[-1] > SCALE / 2, (build, word, n + 1, "answer touches the line above")
            assert _rule(_rows(handout[n], left, bottom, right, top), blue[0]) == rule, (build, word, "the blank moved")
    assert seen >= 6  # each fill-in answer, and the cloze's
