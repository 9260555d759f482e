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


def test_many_hebrew_terms_share_one_set_of_prefixes():
    """Each Hebrew term carried its own copy of the 79 prefix lookbehinds: a guide of 24 terms gave a 34,000-character
    pattern that took 0.4 s to compile and was tried at every character of every point (a 2-page notes build: 0.5 s
    CPU before the prefixes, 1.3 s with them). Terms in a row with the same prefixes now share them; what is found
    is the same as term by term."""
    import random
    import re as _re

    from studyguide import scripts
    from studyguide.layout import notes

    rng = random.Random(7)
    letters = "אבגדהוזחטיכלמנסעפצקרשת"
    terms = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(2, 6))) for _ in range(30)})
    found = pattern(terms, "he")
    lookbehinds = scripts.hebrew_prefixes(4).count("(?<=")
    assert found.pattern.count("(?<=") <= 3 * lookbehinds, len(found.pattern)
    one_by_one = _re.compile("(" + "|".join(notes._BEFORE.join(["(?:", "|"]) + scripts.hebrew_prefixes(
        sum(c.isalpha() for c in w)) + ")" + _re.escape(w) for w in sorted(terms, key=lambda w: (-len(w), w)))
        + ")" + notes._AFTER, _re.IGNORECASE)
    for _ in range(200):
        text = " ".join(rng.choice(["", "ו", "ב", "וה", "מש", "ל"]) + rng.choice(terms + ["".join(
            rng.choice(letters) for _ in range(4))]) + rng.choice(["", "ים", "."]) for _ in range(12))
        assert holes(text, found) == holes(text, one_by_one), text


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
    (a mark is blanked where it was typed, as a marked kanji in Japanese is)."""
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


ARABIC = """
    title: العائلة
    language: ar
    topics:
      - title: في البيت
        summary: تقرأ البنت كتابا في البيت.
        points:
          - أعطيت الكتاب للبنت الصغيرة.
          - يلعب ولد في الحديقة.
    vocabulary:
      - {term: بنت, definition: girl}
      - {term: ولد, definition: boy}
    """


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_arabic_notes_blank_a_term_after_the_article_and_print_the_article(tmp_path, fmt):
    """بنت in البنت and للبنت stayed printed in the notes (the cloze blanked it): the article written onto the noun
    hid the term. It is now found after ال, وال, بال, فال, كال and لل, as the cloze finds it, and the article
    stays printed before the blank."""
    import unicodedata

    path = write_guide(tmp_path / "g", "g.yaml", ARABIC)
    build_set(path, tmp_path, None, SetOptions(format=fmt))
    student, key = Pdf(tmp_path / f"g-{fmt}.pdf"), Pdf(tmp_path / f"g-{fmt}-key.pdf")
    s, k = (unicodedata.normalize("NFKC", " ".join(p.text.split())) for p in (student, key))
    assert "بنت" not in s and "ولد" not in s, s  # blanked once in each paragraph they stand in
    assert k.count("بنت") == 2 and k.count("ولد") == 1, k  # (the key writes them in: البنت, للبنت)
    assert s.count("ال") == k.count("ال") and s.count("لل") == k.count("لل")  # the article printed before its blank


def test_the_arabic_article_stays_outside_the_blank():
    found = pattern(["بنت", "بيت"], "ar")
    assert holes("تقرأ البنت كتابا في بيت.", found) == ("تقرأ ال\ue0000\ue001 كتابا في \ue0001\ue001.", ["بنت", "بيت"])
    assert holes("للبنت والبيت بالبيت", found)[0] == "لل\ue0000\ue001 وال\ue0001\ue001 بالبيت"  # (once a paragraph)
    assert holes("ثبنت البنت", pattern(["بنت"], "fa"))[1] == []  # only in an Arabic guide
