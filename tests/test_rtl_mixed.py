"""Paragraphs and footers that mix Arabic or Hebrew with English, in the order their reader takes them
(trial r12 finding 7, left by fix-ar): where each piece and each full stop lands on the printed line."""
from __future__ import annotations

from conftest import build_into, write_guide
from studyguide import rtl
from test_rtl_brackets import _boxes


def _line(chars, holding: str) -> list[tuple[str, float, float, float]]:
    """The characters of the first line (from the top) whose text, left to right, holds ``holding``."""
    for y in sorted({b for *_, b in chars}, reverse=True):
        line = sorted((t for t in chars if abs(t[3] - y) < 4), key=lambda t: t[1])
        if holding in "".join(c for c, *_ in line):
            return line
    raise AssertionError(f"no line holds {holding!r}")


def test_the_footers_arabic_title_and_key_label_keep_their_places(tmp_path):
    """The trial's key footers read "Arabic 1, Unit 3: الإجابات · …العائلة / answer key": the title's last Arabic
    word and the key label's first ran together as one right-to-left run, swapping places across the dot. Each
    piece now stays where it is: title, then key label, then the page."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: "Arabic 1, Unit 3: العائلة والبيت"
        language: ar
        labels:
          answer_key: "الإجابات / ANSWER KEY"
        questions:
          - type: true_false
            prompt: أب means father.
            answer: true
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        chars = _boxes(pdf)
        line = _line(chars, "Page1of1")  # the footer
        dots = [t[1] for t in line if t[0] == "·"]
        title = [t for t in line if t[0] in "عئةو"]  # (letters of العائلة والبيت only)
        assert title and max(t[2] for t in title) <= dots[0] + 1, "".join(c for c, *_ in line)
        if pdf == built.key.path:
            label = [t for t in line if t[0] in "إج"]  # (letters of الإجابات only)
            assert label and dots[0] < min(t[1] for t in label) and max(t[2] for t in label) <= dots[1] + 1, \
                "".join(c for c, *_ in line)


def test_a_cut_arabic_titles_ellipsis_stands_at_its_end():
    """A title cut after an Arabic word (large print): the "…" at the word's left, where it ends."""
    from studyguide import pages

    text, base = pages.in_place("Arabic 1, Unit 3: العائلة… · Answer Key · Page 1 of 2")
    assert base is False
    shown = rtl.display(text, base)
    assert shown.startswith("Arabic 1, Unit 3: …ةلئاعلا · Answer Key"), shown


def test_arabic_matching_terms_stand_beside_their_numbers(tmp_path):
    """Trial finding 7/10's kin: under an English prompt each Arabic term was set flush right in its column, an inch
    or more from its number; it now starts beside it, as an English term does (both columns, and Arabic meanings
    beside their letters too)."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: Bidi check
        language: ar
        questions:
          - type: matching
            prompt: Match each Arabic word with its English meaning.
            pairs:
              - {left: جد, right: grandfather}
              - {left: بنت, right: daughter}
              - {left: حمام, right: bathroom}
          - type: matching
            prompt: Match each English word with its Arabic meaning.
            pairs:
              - {left: grandfather, right: جد}
              - {left: daughter, right: بنت}
              - {left: bathroom, right: حمام}
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        chars, checked = _boxes(pdf), 0
        for label in ("1.", "2.", "3.", "A.", "B.", "C."):
            lines = [line for line in _lines_of(chars) if label in "".join(c for c, *_ in line)]
            assert len(lines) >= 2, label
            for line in lines:
                at = next(k for k, t in enumerate(line) if "".join(c for c, *_ in line[k:k + 2]) == label)
                after = line[at + 2]  # the first character right of the number or letter
                if rtl.has_rtl(after[0]):
                    assert after[1] - line[at + 1][2] < 20, "".join(c for c, *_ in line)
                    checked += 1
        assert checked == 6, checked  # (three Arabic terms, three Arabic meanings)


def _lines_of(chars):
    """Each line's characters, left to right, from the top."""
    for y in sorted({b for *_, b in chars}, reverse=True):
        yield sorted((t for t in chars if abs(t[3] - y) < 4), key=lambda t: t[1])


def test_a_hebrew_term_is_found_after_the_article_and_prefixes_written_onto_it(tmp_path):
    """As fix-ar did for Arabic ال: בית in "בבית" or "והבית", ספר in "הספר" fell back to their definitions; the
    blank now takes the term and the sentence's ה, ו, ב stay printed before it. A two-letter term is found after ה
    only: ים is not the end of מים (water), which keeps its definition."""
    path = write_guide(tmp_path, "he.yaml", """
        title: Bidi check
        language: he
        activities: [cloze]
        vocabulary:
          - term: בית
            definition: house
            example: אני גר בבית גדול.
          - term: ספר
            definition: book
            example: והספר מונח על השולחן.
          - term: ים
            definition: sea
            example: שתיתי מים קרים.
        """)
    built = build_into(path, tmp_path / "out")
    assert not [w for w in built.result.warnings if "בית" in str(w) or "ספר" in str(w)], built.result.warnings
    for pdf in (built.student, built.key):
        text = "".join(t[0] for t in _boxes(pdf.path, len(pdf.pages)))
        cloze = text[text.index("VocabularyinContext"):]
        assert "house" not in cloze and "book" not in cloze, cloze
        assert "sea" in cloze, cloze  # (ים: its definition)
    assert [w for w in built.result.warnings if "'ים' (in 'מים')" in str(w)], built.result.warnings
