"""A character DejaVu Sans Mono lacks, inside code (part 2 of the trial r11 code work): drawn by the font the body
would use for it (DejaVu Sans for '℃', the bundled CJK font for '你好'), never as a box; in `code` spans, in
programs between ``` lines and in a model answer's program. Read from the glyphs the PDF draws (tests/glyphs.py)."""
from __future__ import annotations

import pytest

from conftest import write_guide
from glyphs import assert_no_boxes, drawn
from studyguide import api, render

GUIDE = """
    title: Strings
    questions:
      - type: true_false
        prompt: "`print(\\"你好 ℃\\")` prints a greeting and a degree sign."
        answer: true
      - type: short_answer
        prompt: |
          What does this print?
          ```
          unit = "℃"
          for ch in "世界":
              print(ch, unit)
          ```
        answer: |
          ```
          世 ℃
          界 ℃
          ```
    """


@pytest.mark.parametrize("kind", ["student", "key"])
def test_characters_mono_lacks_in_code_print_in_the_bodys_fonts_not_as_boxes(tmp_path, kind):
    guide = api.load(write_guide(tmp_path, "g.yaml", GUIDE))
    pdf = render.render(guide, theme=api.theme_for(guide, "classic", None))[kind].pdf
    assert_no_boxes(pdf, kind)
    shown = drawn(pdf)
    faces: dict = {}
    for d in shown:
        if d.char in "℃你好世界":
            faces.setdefault(d.char, set()).add(d.font.split("+")[-1])
    assert faces["℃"] and all(f.startswith("DejaVuSans") and "Mono" not in f for f in faces["℃"]), faces
    assert all(f.startswith("SGNotoSC") for c in "你好世界" for f in faces[c]), faces
    assert {d.font.split("+")[-1] for d in shown if d.char in "unit=for"} >= {"DejaVuSansMono"}
