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


NUMBER = """
    title: הספרייה
    language: he
    activities: [cloze]
    topics:
      - title: בספרייה
        summary: מספר התלמידים בכיתה הוא שלושים.
        points:
          - הספר מונח על השולחן.
      - title: בבית
        summary: קיבלתי מ[[ספר]] ישן את התשובה.
    vocabulary:
      - {term: ספר, definition: book, example: מספר התלמידים בכיתה הוא שלושים.}
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_a_three_letter_hebrew_term_is_not_blanked_right_after_mem(tmp_path, fmt):
    """r13 hostile finding 2: ספר (book) was blanked inside מספר (number), the key writing ספר into it; מ + three
    letters is Hebrew's commonest noun pattern. The term after ה is still blanked, and so is a [[marked]] one after מ
    (a mark holds for its topic: there, as a marked kanji in Japanese, it is found wherever it stands)."""
    path = write_guide(tmp_path / "g", "g.yaml", NUMBER)
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    s = " ".join(Pdf(tmp_path / f"g-{fmt}.pdf").text.split())
    k = " ".join(Pdf(tmp_path / f"g-{fmt}-key.pdf").text.split())
    assert "מספר התלמידים בכיתה" in s and "מספר התלמידים בכיתה" in k, s
    assert "ה מונח על השולחן." in s and "קיבלתי מ ישן" in s, s  # (after the article; marked: blanked)
    assert k.count("ספר") == s.count("ספר") + 2, (s, k)  # the key writes ספר into those two blanks only


def test_a_three_letter_hebrew_term_is_not_found_after_mem_or_shin_but_a_longer_one_is():
    found = pattern(["ספר", "מלה", "מחברת"])
    assert holes("מספר התלמידים. ומספר הספרים.", found)[1] == []  # number, and number: not book
    assert holes("שמלה יפה.", found)[1] == []  # a dress, not 'that word'
    assert holes("ממחברת ישנה. שהמחברת שלי.", found) == ("מ\ue0000\ue001 ישנה. שהמחברת שלי.", ["מחברת"])
    assert holes("כשהספר נפל.", found)[1] == ["ספר"]  # (ends in ה: the article)


def test_the_cloze_does_not_blank_a_three_letter_hebrew_term_inside_a_word_after_mem():
    from studyguide.activities.cloze import sentence

    assert sentence("ספר", "book", "מספר התלמידים גדול.", "he").text() == "___ means: book"  # (its definition)
    assert sentence("ספר", "book", "והספר מונח.", "he").text() == "וה___ מונח."
