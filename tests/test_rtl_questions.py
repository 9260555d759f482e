"""A question whose prompt is Hebrew or Arabic reads from the right: its number at the right margin, its text
flowing left from it, its points at the left, and its choices, True / False, boxes and lines placed to match.
Read back from the PDFs with pdfium (where each character and each ruled line is drawn)."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import built_once, build_into, write_guide
from studyguide import rtl
from studyguide.classroom import SetOptions, build_set

GUIDE = Path(__file__).parent / "cases" / "rtl" / "hebrew-questions.yaml"
ENGLISH = {9}  # its one English question (What is the chemical formula of water?)


def _lines(path) -> list[list[list[tuple[str, float, float]]]]:
    """Per page, its lines of text top to bottom, each its (character, left, right) left to right."""
    doc = pdfium.PdfDocument(str(path))
    pages = []
    for page in doc:
        text = page.get_textpage()
        rows: dict[int, list] = {}
        for i in range(text.count_chars()):
            c = text.get_text_range(i, 1)
            if c.strip():
                left, bottom, right, _ = text.get_charbox(i, loose=True)
                key = next((k for k in rows if abs(k - bottom) < 3), round(bottom))
                rows.setdefault(key, []).append((c, left, right))
        pages.append([sorted(rows[k], key=lambda t: t[1]) for k in sorted(rows, reverse=True)])
    doc.close()
    return pages


def _numbers(path, count: int) -> dict[int, tuple[int, str, list]]:
    """{question number: (page, "right" or "left": the end of its line it stands at, that line)}: the line
    one of whose ends reads "N." (a question's number; a choice's letter is a letter, a matching's term's
    number is not at its line's end)."""
    found = {}
    for page, lines in enumerate(_lines(path), 1):
        for line in lines:
            shown = "".join(c for c, *_ in line)
            for n in range(1, count + 1):
                if n in found:
                    continue
                if shown.endswith(f"{n}.") and not shown[:-len(f"{n}.")][-1:].isdigit():
                    found[n] = (page, "right", line)
                elif shown.startswith(f"{n}.") and "pt" in shown:
                    found[n] = (page, "left", line)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return built_once(tmp_path_factory, "test_rtl_questions.built", GUIDE)


def test_a_hebrew_questions_number_stands_at_the_right_of_its_text_its_points_at_the_left(built):
    """Every Hebrew question's number at its line's right end, every letter of its prompt left of it, and its
    points left of the prompt; the English question in the same guide as before: number left, points right.
    Handout and key alike, each question on the same page in both."""
    pages = {}
    for pdf in (built.student.path, built.key.path):
        numbers = _numbers(pdf, 10)
        assert sorted(numbers) == list(range(1, 11)), (pdf.name, sorted(numbers))
        pages[pdf.name] = {n: page for n, (page, _, _) in numbers.items()}
        for n, (_, side, line) in numbers.items():
            label = f"{n}."
            letters = line[:-len(label)] if side == "right" else line[len(label):]
            number = line[-len(label):] if side == "right" else line[:len(label)]
            words = [t for t in letters if t[0].isalpha() and t[0] not in "pts"]
            if n in ENGLISH:
                assert side == "left", (pdf.name, n, "".join(c for c, *_ in line))
                assert max(t[2] for t in number) < min(t[1] for t in words), (pdf.name, n)
                continue
            assert side == "right", (pdf.name, n, "".join(c for c, *_ in line))
            assert any(rtl.has_rtl(t[0]) for t in words), (pdf.name, n)
            assert min(t[1] for t in number) > max(t[2] for t in words) + 5, (pdf.name, n)  # the text left of it
    assert pages[built.student.path.name] == pages[built.key.path.name]


def _points(line) -> tuple[float, float]:
    """(left, right) of the "(N pt)" on a line (pdfium reads its ")" back as "(" beside Hebrew: either)."""
    start = next(i for i, t in enumerate(line) if t[0] in "()")
    end = next(i for i, t in enumerate(line) if t[0] in "()" and i > start)
    return line[start][1], line[end][2]


def test_the_points_of_a_hebrew_question_stand_at_the_left_where_its_lines_end(built):
    """On the line that carries them (the prompt's last when it leaves room, else its first): at the line's
    left end, every Hebrew letter right of them; the English question's at its right end."""
    for pdf in (built.student.path, built.key.path):
        rows = [line for lines in _lines(pdf) for line in lines
                if re.search(r"[()]\d+pts?[()]", "".join(c for c, *_ in line))]
        assert len(rows) == 10, (pdf.name, len(rows))
        for line in rows:
            left, right = _points(line)
            hebrew = [t for t in line if rtl.has_rtl(t[0])]
            latin = [t for t in line if t[0].isascii() and t[0].isalpha() and not (left <= t[1] <= right)]
            if hebrew:
                assert line[0][1] == left and right + 10 < min(t[1] for t in hebrew), (pdf.name, line)
            else:  # (the English question's: after its prompt)
                assert line[-1][2] == right and left > max(t[2] for t in latin), (pdf.name, line)


def _true_false(line) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """(left, right) of לא נכון and of נכון on a line, or None (left to right: ןוכנ אל, then ןוכנ)."""
    shown = "".join(c for c, *_ in line)
    at = shown.find("ןוכנאלןוכנ")
    if at < 0:
        return None
    return (line[at][1], line[at + 5][2]), (line[at + 6][1], line[at + 9][2])


def test_true_false_in_a_hebrew_question_stand_left_of_its_end_true_first_from_the_right(built):
    """The words to circle on the prompt's last line at its left end, right of the points, נכון at the right of
    לא נכון, the prompt's text right of both."""
    for pdf in (built.student.path, built.key.path):
        rows = [(line, _true_false(line)) for lines in _lines(pdf) for line in lines if _true_false(line)]
        assert len(rows) == 2, (pdf.name, len(rows))  # (questions 3 and 4)
        for line, (false, true) in rows:
            left, right = _points(line)
            prompt = [t for t in line if rtl.has_rtl(t[0]) and t[1] > true[1] + 1]
            assert right + 10 < false[0] and false[1] < true[0], (pdf.name, line)
            assert prompt and true[1] + 20 < min(t[1] for t in prompt), (pdf.name, line)


def test_choices_of_a_hebrew_question_read_from_the_right_each_letter_right_of_its_choice(built):
    """Select all's four choices on one row: A at the right, D at the left, each letter right of its text (an
    English choice too: '100 °C' in question 1)."""
    for pdf in (built.student.path, built.key.path):
        page = _lines(pdf)[0]
        row = next(line for line in page if "".join(c for c, *_ in line).count(".") == 4
                   and any(c == "D" for c, *_ in line) and any(rtl.has_rtl(c) for c, *_ in line))
        letters = [t for t in row if t[0] in "ABCD"]
        assert [c for c, *_ in letters] == list("DCBA"), (pdf.name, row)
        for letter in letters:
            own = [t for t in row if rtl.has_rtl(t[0]) and t[2] <= letter[1]]
            assert own and letter[1] - max(t[2] for t in own) < 40, (pdf.name, letter)
        degrees = next(line for line in page if any(c == "°" for c, *_ in line) and any(c == "A" for c, *_ in line))
        a = next(t for t in degrees if t[0] == "A")
        assert a[1] > max(t[2] for t in degrees if t[0] == "°"), (pdf.name, "A. right of 100 °C")


def test_ordering_boxes_and_the_keys_numbers_stand_right_of_the_items(built):
    """The key's order (1-4, written in the boxes) stands right of each Hebrew item, under the number's column."""
    page = _lines(built.key.path)[0]
    for item in ["זרימה", "אידוי", "התעבות", "משקעים"]:
        shown = rtl.visual(item)
        line = next(line for line in page if shown in "".join(c for c, *_ in line))
        at = "".join(c for c, *_ in line).index(shown) + len(shown) - 1
        assert line[-1][0] in "1234" and line[-1][1] > line[at][2] + 10, (item, line)
        assert at == len(line) - 2, (item, line)  # (nothing between the item and its box)


def _rules(path, page: int = 0) -> list[tuple[float, float, float]]:
    """(left, right, y) of each horizontal ruled line drawn on a page (answer lines)."""
    doc = pdfium.PdfDocument(str(path))
    out = []
    for obj in doc[page].get_objects():
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 2 and right - left > 100 and bottom > 100:  # (not the footer's rule)
                out.append((round(left, 1), round(right, 1), round(bottom, 1)))
    doc.close()
    return out


def test_a_hebrew_short_answers_lines_leave_the_number_column_at_the_right(built, tmp_path):
    """The answer lines under a Hebrew prompt run from the left margin to the number's column (in from the right
    edge as far as an English question's are in from the left); the key's model answer ends at their end."""
    rules = _rules(built.student.path, 1)
    assert rules, "no answer lines on page 2"
    lefts, rights = [r[0] for r in rules], [r[1] for r in rules]
    assert max(lefts) - min(lefts) < 1 and max(rights) - min(rights) < 1, rules  # (the strokes' ends, to a point)
    english = _rules(build_into(write_guide(tmp_path, "en.yaml", """
        title: Water
        questions:
          - type: short_answer
            prompt: What is evaporation?
            answer: Water turning into vapour.
            lines: 3
        """), tmp_path / "out").student.path)
    en_left, en_right = next(r for r in english if r[1] - r[0] > 300)[:2]  # (not the header's Name and Date)
    left, right = lefts[0], rights[0]
    assert left < en_left and right < en_right, (left, right, en_left, en_right)  # (the number's column at the right)
    assert right - left == pytest.approx(en_right - en_left, abs=1)
    assert en_left - left == pytest.approx(en_right - right, abs=1)
    line = next(line for line in _lines(built.key.path)[1] if any(c == "ז" for c, *_ in line)
                and any(c == "ג" for c, *_ in line))  # the model answer, מעבר של מים מנוזל לגז.
    assert right - 12 < line[-1][2] <= right, (line[-1], right)


def test_an_english_guides_hebrew_question_alone_reads_from_the_right(tmp_path):
    """A Hebrew prompt in an English guide: its number at the right; the English questions' at the left."""
    path = write_guide(tmp_path, "mixed.yaml", """
        title: Words for water
        questions:
          - type: multiple_choice
            prompt: What does מים mean?
            choices: [water, fire]
            answer: A
            points: 1
          - type: multiple_choice
            prompt: מה פירוש המילה water?
            choices: [מים, אש]
            answer: A
            points: 1
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student.path, built.key.path):
        numbers = _numbers(pdf, 2)
        assert numbers[1][1] == "left" and numbers[2][1] == "right", (pdf.name, numbers)


def test_the_fillable_editions_buttons_stand_before_a_hebrew_questions_letters_and_words(tmp_path):
    """Radio buttons right of each letter (where a Hebrew reader starts) and right of נכון / לא נכון."""
    from pypdf import PdfReader

    out = build_set(GUIDE, tmp_path / "out", None, SetOptions(edition="fillable")).outputs
    handout = next(o.path for o in out if o.path.name.endswith("fillable.pdf"))
    fields = {}
    for annot in PdfReader(str(handout)).pages[0].get("/Annots") or []:
        annot = annot.get_object()
        parent = annot.get("/Parent")
        name = str(annot.get("/T") or (parent.get_object().get("/T") if parent else ""))
        fields.setdefault(name, []).append([float(v) for v in annot["/Rect"]])
    page = _lines(handout)[0]
    a = next(t for line in page for t in line if t[0] == "A" and any(rtl.has_rtl(c) for c, *_ in line))
    assert any(rect[0] >= a[2] for rect in fields["q2_A"]), (a, fields["q2_A"])
    false, true = next(_true_false(line) for line in page if _true_false(line))  # (question 3's)
    lefts = sorted(rect[0] for rect in fields["q3"])[:2]
    assert false[1] <= lefts[0] < true[0] and true[1] <= lefts[1], (false, true, fields["q3"])


def test_hebrew_terms_matched_to_english_meanings_under_a_hebrew_prompt_read_from_the_right(tmp_path):
    """The blank and the number right of each Hebrew term (the key's letter in the blank, at the row's right end),
    each English meaning's letter at its right: the reader starts at the right. Under an English prompt the same
    pairs stay a left-to-right exercise (the blank at the left)."""
    guide = """
        title: Words
        questions:
          - type: matching
            prompt: {prompt}
            pairs:
              - left: מים
                right: water
              - left: אש
                right: fire
            shuffle: false
        """
    for prompt, right in (("התאימו כל מילה לפירוש שלה.", True), ("Match each word to its meaning.", False)):
        path = write_guide(tmp_path / str(right), "m.yaml", guide.format(prompt=prompt))
        key = _lines(build_into(path, tmp_path / str(right) / "out").key.path)[0]
        row = next(line for line in key if rtl.visual("מים") in "".join(c for c, *_ in line))
        end = row[-1] if right else row[0]  # (the key's letter in the blank)
        assert end[0] in "AB" and row[-2 if right else 1][0] not in "AB", (prompt, "".join(c for c, *_ in row))
        line = next(line for line in key if "water" in "".join(c for c, *_ in line))
        water = [t for t in line if t[0] in "water"]
        letter = min((t for t in line if t[0] in "AB"), key=lambda t: abs(t[1] - water[0][1]))  # (the nearest)
        assert (letter[1] > water[-1][2]) is right, (prompt, "".join(c for c, *_ in line))  # its letter at its right


def test_a_quizs_key_note_stands_left_of_a_hebrew_questions_instruction_and_lines_go_on_at_their_right(tmp_path):
    """A quiz keeps each note by its question: under a Hebrew prompt, left of the instruction (which stands by
    the number, at the right, an English one too), never over it. A Hebrew essay's lines that go on over the page
    say so at their right end."""
    path = write_guide(tmp_path, "q.yaml", """
        title: מבחן
        questions:
          - type: fill_in_blank
            prompt: "המים קופאים ב-[[אפס|0]] מעלות."
            explanation: זו הטמפרטורה שבה מים הופכים לקרח.
          - type: essay
            prompt: הסבירו מדוע המים חשובים לחיים.
            lines: 40
        """)
    out = build_set(path, tmp_path / "out", None, SetOptions(format="quiz")).outputs
    key = next(o.path for o in out if o.path.name.endswith("key.pdf"))
    lines = _lines(key)[0]
    row = next(line for line in lines if "Writethemissing" in "".join(c for c, *_ in line))
    at = "".join(c for c, *_ in row).index("Writethemissing")
    instruction, note = row[at:], row[:at]
    assert note and any(rtl.has_rtl(c) or c == "0" for c, *_ in note), "".join(c for c, *_ in row)
    assert max(t[2] for t in note) + 10 < instruction[0][1], "".join(c for c, *_ in row)
    number = next(line for line in lines if "".join(c for c, *_ in line).endswith("1."))
    assert abs(instruction[-1][2] - number[-3][2]) < 2, (instruction[-1], number[-3:])  # (ends where the prompt does)
    mark = next(line for line in lines if "".join(c for c, *_ in line) == "Thelinesgoonoverthepage.")
    assert mark[-1][2] > instruction[-1][2] - 1, (mark[-1], instruction[-1])  # (ends where the instruction ends)


def test_a_hebrew_questions_word_bank_and_boxes_keep_the_numbers_column_free_at_the_right(built):
    """The word bank's box and the ordering boxes end where the prompt's text does (the number's column free, at
    the right); the word bank's box starts 8 pt in from the left margin, as an English one ends 8 pt short of
    the right."""
    doc = pdfium.PdfDocument(str(built.student.path))
    page = doc[0]
    boxes = []
    for obj in page.get_objects():
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if bottom > 100:  # (not the footer's rule)
                boxes.append((left, right, top - bottom))
    doc.close()
    bank = max((b for b in boxes if b[2] < 3), key=lambda b: b[1] - b[0])  # (the box's top and bottom rules)
    squares = [b for b in boxes if 15 < b[1] - b[0] < 40 and 15 < b[2] < 40]
    assert len(squares) == 4 and all(abs(b[1] - bank[1]) < 0.5 for b in squares), (bank, squares)
    prompt = next(line for line in _lines(built.student.path)[0] if "".join(c for c, *_ in line).endswith("5."))
    prompt_end = prompt[-3][2]  # (question 5's, the word bank's)
    assert prompt_end - 2 < bank[1] < prompt_end + 2, (bank, prompt_end)  # (the text's right edge)
    header = min(t[1] for t in _lines(built.student.path)[0][1])  # ("Name", at the left margin)
    assert bank[0] == pytest.approx(header + 8, abs=1), (bank, header)
