"""Right-to-left lines as a reader sees them on the page: char boxes read back with pdfium."""
from __future__ import annotations

import re

import pypdfium2 as pdfium

from conftest import build_into, write_guide
from studyguide import rtl


def _chars(path, page: int = 1) -> list[tuple[str, float, float, float]]:
    """(character, left, right, bottom of its line box) of each character drawn on a page (1-based)."""
    doc = pdfium.PdfDocument(str(path))
    text = doc[page - 1].get_textpage()
    out = []
    for i in range(text.count_chars()):
        c = text.get_text_range(i, 1)
        if c.strip():
            left, bottom, right, _ = text.get_charbox(i, loose=True)
            out.append((c, left, right, round(bottom)))
    doc.close()
    return out


def _line_of(chars, char: str, near: float | None = None):
    """The characters on the line of the first ``char`` drawn, left to right."""
    y = next(b for c, _, _, b in chars if c == char and (near is None or abs(b - near) < 3))
    return sorted((t for t in chars if abs(t[3] - y) < 3), key=lambda t: t[1])


def test_a_number_and_its_latin_unit_in_an_arabic_line_read_left_to_right(tmp_path):
    """"عند 0 °C" printed "C° 0" (the Unicode algorithm alone leaves the number and the degree sign on the
    right-to-left side): the number now goes with the unit, as a typist's left-to-right mark would make it."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: الماء
        questions:
          - type: true_false
            prompt: "الماء يتجمد عند 0 °C."
            answer: true
          - type: short_answer
            prompt: "كم يزن 1.5 kg من الماء؟"
            answer: "1.5 kg"
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        chars = _chars(pdf)
        line = "".join(c for c, *_ in _line_of(chars, "°"))
        assert "0°C" in line and "C°" not in line, line
        assert "1.5kg" in "".join(c for c, *_ in _line_of(chars, "k")), pdf


def test_a_number_before_arabic_words_stays_where_the_algorithm_puts_it():
    assert rtl.display("عند 100 درجة", True) == "ةجرد 100 دنع"
    assert rtl.display("عند 0 °C.", True) == ".0 °C دنع"
    assert rtl.display("in 0 °C שלום", False) == "in 0 °C םולש"  # a left-to-right line: as before


def test_an_arabic_choices_letter_stands_at_its_right_clear_of_its_text(tmp_path):
    """The letter stood at the cell's left while the Arabic text was set flush right, so it touched the next
    cell's letter ("صلبB."), and the key's ring lay on the answer. The letter now stands at the text's right,
    where the reader starts, a gap between; the key's ring clear of the text too. The question reads from the right,
    so its choices do: A at the right, D at the left."""
    path = write_guide(tmp_path, "ar.yaml", """
        title: الماء
        questions:
          - type: select_all
            prompt: "اختر كل حالات الماء."
            choices: ["صلب", "سائل", "غاز", "معدن"]
            answer: [A, B, C]
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        chars = _chars(pdf)
        y = next(y for c, *_, y in chars if c == "D" and any(t[0] == "A" and abs(t[3] - y) < 3 for t in chars))
        line = _line_of(chars, "D", y)
        letters = [t for t in line if t[0] in "ABCD"]
        assert [c for c, *_ in letters] == list("DCBA"), line
        for letter in letters:
            text = [t for t in line if rtl.has_rtl(t[0]) and t[2] <= letter[1] + 1]
            nearest = max(text, key=lambda t: t[2], default=None)  # the Arabic letter just left of it: its choice's
            assert nearest, (pdf.name, letter, "no Arabic text left of the letter")
            assert letter[1] - nearest[2] >= 3, (pdf.name, letter, nearest)
            after = [t for t in line if t[1] >= letter[2] - 0.5 and t[0] != "."]
            assert not after or min(t[1] for t in after) - letter[2] > 20, (pdf.name, letter)  # then the next cell


def test_an_english_instruction_after_a_hebrew_prompt_keeps_its_full_stop_at_its_end(tmp_path):
    """The instruction run in after a Hebrew prompt printed ".Circle the letter of the best answer": in the
    right-to-left line its full stop went to the line's left end. It is now left to right of its own, its
    full stop where it is typed, also on the line a long instruction wraps onto."""
    from glyphs import assert_no_boxes

    path = write_guide(tmp_path, "he.yaml", """
        title: עברית
        questions:
          - type: multiple_choice
            prompt: 'מה פירוש המילה "תודה"?'
            choices: [thank you, hello]
            answer: A
          - type: short_answer
            prompt: "כתבו משפט אחד עם המילה שלום, ועוד משפט אחד עם המילה תודה, ועוד משפט אחד."
            instructions: "Answer in complete sentences on the lines, and say which word is which one in each of them."
            answer: "שלום"
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        assert_no_boxes(pdf.data)
        chars = _chars(pdf.path)
        rows = {round(b): "".join(c for c, *_ in _line_of(chars, c, b)) for c, _, _, b in chars if c in "Cw"}
        text = " ".join(rows.values())  # (each line left to right, its spaces not drawn)
        assert "bestanswer.?" in text and "ofthem." in text, rows
        assert not re.search(r"(?<![0-9])\.(Circle|Answer|sentences)", text), rows  # (not the question's number)


def test_a_hebrew_crosswords_english_clue_has_its_number_at_its_left(tmp_path):
    """A Hebrew crossword's clue number moved to the right of its clue (for a Hebrew clue); an English clue,
    a Hebrew word's meaning, then read "write (3)  ...  1.", its number a column's width away at its right."""
    words = {"שלום": "hello", "חלון": "window", "ילד": "child", "דלת": "door", "לוח": "board", "מלון": "hotel"}
    vocab = "\n".join(f"  - {{term: {w}, definition: {d}}}" for w, d in words.items())
    path = tmp_path / "he.yaml"
    path.write_text(f"title: עברית\nseed: s\nvocabulary:\n{vocab}\nactivities: [crossword]\n", encoding="utf-8")
    built = build_into(path, tmp_path / "out")
    seen = 0
    for pdf in (built.student.path, built.key.path):
        chars = _chars(pdf)
        for c, left, _, y in chars:
            if c != "(":
                continue
            line = [t for t in _line_of(chars, c, y) if t[1] <= left + 60 and t[1] >= left - 200]
            text = "".join(t[0] for t in line)
            first = re.search(r"\d+\.", text)
            assert first and first.start() < 3, text  # the number first, then the clue's text
            seen += 1
    assert seen >= 4


RTL_LISTS = """
    title: שלום עולם
    language: he
    objectives:
      - לקרוא משפטים פשוטים בעברית
      - להבין מספרים כמו 12 בתוך משפט
    vocabulary:
      - {term: שלום, definition: ברכה שאומרים כשנפגשים.}
      - {term: תודה, definition: מה שאומרים כשמישהו עוזר.}
      - {term: ספר, definition: דפים כרוכים יחד.}
      - {term: בית, definition: המקום שבו גרים.}
    activities: [matching]
    questions:
      - type: matching
        prompt: התאימו כל מילה להגדרה שלה.
        pairs:
          - {left: חתול, right: חיה קטנה}
          - {left: ים, right: מים רבים}
"""


def _shown_lines(path) -> list[str]:
    """Each line of page 1 as drawn, left to right (a Hebrew word's letters come out reversed)."""
    chars = _chars(path)
    return ["".join(c for c, *_ in sorted((t for t in chars if t[3] == y), key=lambda t: t[1]))
            for y in sorted({t[3] for t in chars}, reverse=True)]


def test_hebrew_objectives_and_matching_numbers_stand_at_the_right_where_the_reader_starts(tmp_path):
    """In a Hebrew guide the objectives' numbers, the matching question's numbers and blanks, and the vocabulary
    matching's numbers, blanks and definition letters printed at the left of their right-aligned text (a column
    away for an objective); they now stand at its right, before the text, as the choices' letters do."""
    built = build_into(write_guide(tmp_path, "he.yaml", RTL_LISTS), tmp_path / "out")
    for pdf, blank in ((built.student.path, "_+"), (built.key.path, "[A-D]")):
        lines = _shown_lines(pdf)
        chars = _chars(pdf)
        for word, number in (("אורקל", "1."), ("ןיבהל", "2.")):  # an objective: its first word, then its number
            assert any(line.endswith(word + number) for line in lines), (pdf, lines)
            one = [t for t in chars if t[0] == number[0] and t[1] > 400]
            assert one, "the number at the page's right"
        # the matching question: the lettered item, its letter, the term, its number, the blank (read from the right)
        assert any(re.fullmatch(rf"םיברםימA\.לותח1\.{blank}", line) for line in lines), lines
        assert any(re.fullmatch(rf"הנטקהיחB\.םי2\.{blank}", line) for line in lines), lines
        # the vocabulary matching: term 1 in the right column, its number and blank at its right
        terms = next(line for line in lines if "םולש1." in line)
        assert re.fullmatch(rf"תיב3\.{blank}הדות2\.{blank}םולש1\.{blank}", terms), terms
        definitions = [line for line in lines if re.search(r"[A-D]\.$", line) and "Vocabulary" not in line]
        assert [re.findall(r"[A-D]\.", line) for line in definitions[-2:]] == [["B.", "A."], ["D.", "C."]], lines


def test_a_hebrew_objective_numbered_10_keeps_its_number_clear_of_its_text(tmp_path):
    """'10.' is wider than the indent '1.' is given: drawn at the right, it covered the text's first letter
    (the review's eleven objectives), where an English list keeps its text clear of it."""
    objectives = "".join(f"  - מטרה להבין את מחזור המים ואת השלבים שלו בטבע\n" for _ in range(11))
    text = f"title: מחזור המים\nlanguage: he\nobjectives:\n{objectives}questions:\n" \
           "  - type: true_false\n    prompt: המים מתאדים בחום.\n    answer: true\n"
    built = build_into(write_guide(tmp_path, "he.yaml", text), tmp_path / "out")
    chars = [t for t in _chars(built.student.path) if t[3] > 100]  # (above the footer)
    zero = next(t for t in chars if t[0] == "0")  # the only 0 above the footer: objective 10's number
    line = _line_of(chars, "0", zero[3])
    hebrew = [t for t in line if "\u0590" <= t[0] <= "\u05ff"]
    digits = [t for t in line if t[0] in "10."]
    assert hebrew and max(t[2] for t in hebrew) < min(t[1] for t in digits) - 1, line


def test_years_matched_to_hebrew_events_stand_beside_their_letters(tmp_path):
    """A Hebrew matching of events to years is read from the right; each year, having no direction of its
    own, was set at its column's left, a column's width from its letter (the review's history guide)."""
    text = ("title: היסטוריה\nlanguage: he\nquestions:\n  - type: matching\n    prompt: התאימו כל אירוע לשנה.\n"
            "    pairs:\n      - left: הכרזת העצמאות\n        right: \"1948\"\n      - left: מלחמת ששת הימים\n"
            "        right: \"1967\"\n      - left: מלחמת יום הכיפורים\n        right: \"1973\"\n")
    built = build_into(write_guide(tmp_path, "he.yaml", text), tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        chars = _chars(pdf)
        nine = next(t for t in chars if t[0] == "9")  # the first year's 9 (1948, 1967 or 1973)
        line = _line_of(chars, "9", nine[3])
        year_right = max(t[2] for t in line if t[0].isdigit() and t[1] < nine[1] + 30)
        letter = min((t for t in line if t[0] in "ABC" and t[1] > year_right), key=lambda t: t[1])
        assert letter[1] - year_right < 15, line


def test_a_wrapped_english_instruction_leaves_no_direction_marks_in_the_text(tmp_path):
    """The English instruction after a Hebrew prompt is a left-to-right run, marked while it is laid out;
    when it wrapped onto lines of its own, a line starting it kept its invisible mark in the PDF's text,
    which search and copy pick up (the review)."""
    text = ("title: מחזור המים\nlanguage: he\nquestions:\n  - type: short_answer\n    prompt: "
            + " ".join(["מים"] * 24) + "?\n    instructions: Answer in English, in full sentences, and explain each "
            "step of the process in your own words, giving one example from daily life for each stage that you "
            "describe here, and underline the key words.\n    answer: Water turns into vapour.\n")
    built = build_into(write_guide(tmp_path, "he.yaml", text), tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        doc = pdfium.PdfDocument(str(pdf))
        shown = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        doc.close()
        assert "Answer in English" in " ".join(shown.split())
        assert not set(shown) & {"\u202a", "\u202b", "\u202c"}, [hex(ord(c)) for c in shown if ord(c) > 0x2000]
