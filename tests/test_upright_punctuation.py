"""Korean, Japanese and Chinese type has no italic, so an italic subtitle or example prints its Hangul or kanji
upright; the '?' or '.' beside them printed slanted (trial r9 L7). Punctuation next to an upright run is now
upright too; Latin text in italics stays italic, and upright text is as it was."""
from __future__ import annotations

from conftest import build_into, norm, write_guide
from studyguide.theming import fonts


def test_the_question_mark_of_an_italic_korean_subtitle_is_upright(tmp_path):
    path = write_guide(tmp_path, "ko.yaml", """
        title: 세종대왕과 훈민정음
        subtitle: 한글은 어떻게 만들어졌을까?
        language: ko
        vocabulary:
          - {term: 자음, definition: 막혀 나는 소리., example: ㄱ과 ㄴ은 자음입니다.}
          - {term: vowel, definition: A sound made with an open mouth., example: "*A*, *e* and *o* are vowels."}
        """)
    pdf = build_into(path, tmp_path / "out").student
    runs = [(r.text.strip(), r.font.split("+")[-1]) for r in pdf.runs[0]]
    assert ("?", "DejaVuSans") in runs, runs  # upright, not DejaVuSans-Oblique
    assert not [r for r in runs if r[0] in ("?", ".") and r[1].endswith("Oblique")], runs  # nor the example's '.'
    # the Latin example's italics are untouched: "are vowels." still slants
    assert any("are vowels" in t and f.endswith("Oblique") for t, f in runs), runs


def test_punctuation_is_upright_only_beside_an_upright_only_run_in_slanted_text():
    korean = '<font face="SGKorean">만들어졌을까</font>?'
    assert fonts.settle(korean, "SGSans-Italic") == korean.replace("?", '<font face="SGSans">?</font>')
    assert fonts.settle(korean, "SGSans") == korean  # upright text: as before, byte for byte
    assert fonts.settle(korean, "SGRead") == korean  # the readable edition has no italics
    assert fonts.settle('<i>「<font face="SGCJK">漢字</font>」, done.</i>', "SGSans-Bold") == \
        '<i><font face="SGSans-Bold">「</font><font face="SGCJK-Bold">漢字</font><font face="SGSans-Bold">」,</font> done.</i>'
    latin = '<i>Hello, <font face="SGCJK">世界</font>, and you.</i>'
    assert fonts.settle(latin, "SGSans") == \
        '<i>Hello, <font face="SGCJK">世界</font><font face="SGSans">,</font> and you.</i>'


def test_a_digit_beside_upright_hangul_in_an_italic_subtitle_is_upright(tmp_path):
    # trial r14 #10: '한국사 3단원 학습지' slanted its 3 alone, between upright Hangul (the Korean font has no italic)
    korean = '<font face="SGKorean">한국사</font> 3<font face="SGKorean">단원 학습지</font>'
    assert fonts.settle(korean, "SGSans-Italic") == korean.replace(" 3", '<font face="SGSans"> 3</font>')
    assert fonts.settle(korean, "SGSans") == korean  # upright text: as before
    latin = '<font face="SGKorean">한국사</font> unit 3 <font face="SGKorean">학습지</font>'
    assert fonts.settle(latin, "SGSans-Italic") == latin  # a Latin word keeps its italics, and its digit with it
    path = write_guide(tmp_path, "ko3.yaml", """
        title: 조선의 문화
        subtitle: 한국사 3단원 학습지
        language: ko
        """)
    runs = [(r.text.strip(), r.font.split("+")[-1]) for r in build_into(path, tmp_path / "out").student.runs[0]]
    assert ("3", "DejaVuSans") in runs and not [r for r in runs if "3" in r[0] and "Oblique" in r[1]], runs


def test_escaped_signs_beside_an_upright_run_print_as_typed(tmp_path):
    """'&', '<' and '>' reach the paragraph markup as '&amp;', '&lt;', '&gt;'; the upright punctuation beside a
    Hangul run wrapped their ';' or '&' alone in a <font>, and the handout printed 'A&;한국' and '<;조선&gt;'."""
    path = write_guide(tmp_path, "ko2.yaml", """
        title: 한국 역사
        subtitle: 'A&한국? "한국"과 <조선>, R&D·한글!'
        language: ko
        vocabulary:
          - term: 한글
            definition: 한국의 글자.
            example: '*"한글"은 <세종>이 & 만들었다?*'
        questions:
          - type: short_answer
            prompt: '*한글은 누가 만들었을까?* 5<6 & "왕"'
            answer: 세종
        """)
    built = build_into(path, tmp_path / "out")
    for pdf in (built.student, built.key):
        page = norm(pdf.pages[0])
        for typed in ("A&한국?", "<조선>,", "R&D·한글!", "<세종>이 &", "5<6 &"):
            assert typed in page, (typed, page)
        assert not [bad for bad in ("&;", "<;", "&gt", "&lt", "&amp") if bad in page], page
    escaped = '<i>A&amp;<font face="SGKorean">한국</font>&gt;, &#39;<font face="SGKorean">조선</font>&#39;</i>'
    assert fonts.settle(escaped, "SGSans") == (  # each escaped sign upright and whole
        '<i>A<font face="SGSans">&amp;</font><font face="SGKorean">한국</font><font face="SGSans">&gt;, &#39;</font>'
        '<font face="SGKorean">조선</font><font face="SGSans">&#39;</font></i>')  # (between two runs: all of it)
