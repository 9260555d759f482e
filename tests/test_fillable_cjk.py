"""The fillable edition of a guide in Korean, Chinese or Japanese: its fields can name only Helvetica, which has
no Hangul nor Han characters, so what a student types in them is drawn in a font of the PDF app's computer.
Measured here with PDFium (Chrome's viewer; no Korean font on this machine): the field takes '세종 Kim' and
shows ' Kim'. The build and check say so once, at the guide's first such letter; a guide that quotes a word of
Korean, and the other editions, are told nothing."""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import cli_main, write_guide

KOREAN = """\
    title: 조선의 역사
    language: ko
    questions:
      - type: fill_in_blank
        prompt: 한글을 만든 왕은 [[세종]]이다.
      - type: short_answer
        prompt: 훈민정음은 왜 만들어졌는가?
        answer: 백성이 글을 쉽게 읽고 쓰게 하려고.
    """
CHINESE = """\
    title: 水的循环
    language: zh
    questions:
      - type: short_answer
        prompt: 水是怎样变成云的？
        answer: 水蒸发后在高空遇冷凝结成云。
    """
QUOTING = """\
    title: Korean words in English
    questions:
      - type: short_answer
        prompt: What does the word 한글 name, and who made the alphabet it names?
        answer: The Korean alphabet, made under King Sejong.
    """


def _told(tmp_path, name, text, edition="fillable"):
    path = write_guide(tmp_path, name, text)
    done = cli_main("build", path, "--edition", edition, "-o", tmp_path / f"out-{edition}")
    assert done.returncode == 0, done.stderr
    checked = cli_main("check", path, "--edition", edition)
    return path, [line for line in done.stderr.splitlines() if "form fields" in line], \
        [line for line in checked.stdout.splitlines() + checked.stderr.splitlines() if "form fields" in line]


@pytest.mark.parametrize("name, text, line, col, script", [
    ("ko.yaml", KOREAN, 1, 8, "Hangul"), ("zh.yaml", CHINESE, 1, 8, "Chinese characters")])
def test_a_fillable_guide_in_korean_or_chinese_is_told_once_what_students_typing_see(tmp_path, name, text, line,
                                                                                       col, script):
    path, built, checked = _told(tmp_path, name, text)
    said = (f"{path}:{line}:{col}: warning: edition fillable: the form fields show what a student types in "
            f"Helvetica, the font every PDF app has, which has no {script}: each app draws typed {script} in a font "
            "of its computer's, and Chrome on a computer without one shows nothing typed. Type a word into a field "
            "in the app your students will use before handing the handout out")
    assert built == [said] and checked == [said]
    assert _told(tmp_path, name, text, "standard")[1:] == ([], [])


def test_a_guide_quoting_a_korean_word_is_not_told(tmp_path):
    assert _told(tmp_path, "en.yaml", QUOTING)[1:] == ([], [])


def test_an_english_guide_whose_answers_are_hangul_is_told_at_the_first_such_answer(tmp_path):
    # hostile r15 finding 5: the guide's prose is English, but the students type '세종대왕' and may type '한글'
    path, built, checked = _told(tmp_path, "en_ko.yaml", """\
        title: Korean history quiz
        language: en
        summary: King Sejong created the alphabet; 세종 is his name in Korean.
        questions:
          - type: multiple_choice
            prompt: Which is Korean?
            choices: [Latin, Greek, 한글]
            answer: C
          - type: short_answer
            prompt: Who made Hangul?
            answer: 세종대왕
        """)
    said = (f"{path}:7:29: warning: edition fillable: the form fields show what a student types in Helvetica, the "
            "font every PDF app has, which has no Hangul: each app draws typed Hangul in a font of its computer's, "
            "and Chrome on a computer without one shows nothing typed. Type a word into a field in the app your "
            "students will use before handing the handout out")
    assert built == [said] and checked == [said]


def test_the_field_takes_hangul_typed_into_it_and_names_helvetica(tmp_path):
    """What the warning rests on: the field keeps what is typed, in a field whose font is Helvetica."""
    path, _, _ = _told(tmp_path, "ko.yaml", KOREAN)
    pdf = pdfium.PdfDocument(tmp_path / "out-fillable" / "ko-fillable.pdf")
    pdf.init_forms()
    page = pdf[0]
    import pypdf

    annots = [a.get_object() for a in pypdf.PdfReader(tmp_path / "out-fillable" / "ko-fillable.pdf").pages[0]["/Annots"]]
    blank = next(a for a in annots if a["/T"] == "q1_blank1")
    assert str(blank["/DA"]).startswith("/Helv ")
    x0, y0, x1, y1 = (float(v) for v in blank["/Rect"])
    env = pdf.formenv.raw
    pdfium_c.FORM_OnLButtonDown(env, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
    pdfium_c.FORM_OnLButtonUp(env, page.raw, 0, (x0 + x1) / 2, (y0 + y1) / 2)
    for ch in "세종":
        pdfium_c.FORM_OnChar(env, page.raw, ord(ch), 0)
    n = pdfium_c.FORM_GetFocusedText(env, page.raw, None, 0)
    buf = ctypes.create_string_buffer(n)
    pdfium_c.FORM_GetFocusedText(env, page.raw, buf, n)
    assert buf.raw.decode("utf-16-le").rstrip("\x00") == "세종"
