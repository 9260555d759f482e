"""Guided and Cornell notes of a Hebrew guide find a term after the little words Hebrew writes onto it (ה the,
ו and, ב in, כ as, ל to, מ from, ש that), as the word-bank sentences do (activities/cloze.py): בית in בבית and
והבית was left printed, and a guide whose terms stood only so was refused for having no blanks."""
from __future__ import annotations

import pytest

from conftest import Pdf, write_guide
from studyguide.classroom import SetOptions, build_set
from studyguide.layout.notes import holes, pattern

GUIDE = """
    title: הבית
    language: he
    topics:
      - title: בבית שלנו
        summary: אני גר בבית גדול.
        points:
          - והספר מונח על השולחן.
          - שתיתי מים קרים מהים.
    vocabulary:
      - {term: בית, definition: house}
      - {term: ספר, definition: book}
      - {term: ים, definition: sea}
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_hebrew_notes_blank_a_term_after_its_prefix_and_print_the_prefix(tmp_path, fmt):
    path = write_guide(tmp_path / "g", "g.yaml", GUIDE)
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    student, key = Pdf(tmp_path / f"g-{fmt}.pdf"), Pdf(tmp_path / f"g-{fmt}-key.pdf")
    s, k = " ".join(student.text.split()), " ".join(key.text.split())
    for left in ("אני גר ב גדול.", "וה מונח על השולחן.", "שתיתי מים קרים מה ."):  # the prefix printed, then the blank
        assert left in s, (left, s)
    for word in ("בית", "ספר", "ים"):  # each blanked once, and written in by the key
        assert k.count(word) == s.count(word) + 1, (word, s, k)
    assert "מים" in s  # ים (two letters) is found after ה only: not the end of מים


def test_hebrew_prefixes_stay_outside_the_blank():
    text, taken = holes("אני גר בבית גדול. והספר שם. שתיתי מים מהים. לבן", pattern(["בית", "ספר", "ים", "בן"]))
    assert text == "אני גר ב\ue0000\ue001 גדול. וה\ue0001\ue001 שם. שתיתי מים מה\ue0002\ue001. לבן", text
    assert taken == ["בית", "ספר", "ים"]
    assert holes("ביתי", pattern(["בית"]))[1] == []  # still a whole word at its end
