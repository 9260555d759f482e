"""A reading's mark after a program in the same paragraph cites the lines its words print on. Its place was counted in
the paragraph read as inline markup, where the block between ``` lines is one code span: its language ('python', six
letters that never print) was counted as printed, and a mark typed near a line's end cited the line after it. Here the
span starts with 'it', the last word of printed line 6: the handout said 'line 7', for 'lines 6–7'. The reading's
lines are read back from the PDF (test_reading_passage.printed_lines)."""
from __future__ import annotations

from conftest import Pdf, build_into, norm, cli_main, write_guide
from test_reading_passage import printed_lines

GUIDE = """
    title: Loops
    reading:
      text: |
        A loop repeats its body. Here is one that counts, written in Python, a language many schools teach first.
        ```python
        for n in range(3):
            print(n)
        ```
        The loop above prints three numbers, one to a line, and then it stops because the range has no more values in it.
        Python counts from zero. So the numbers {@zero}it prints are zero, one and two{@/zero}, not one, two and three. That surprises many people who try it for the first time.

        Another paragraph that goes on for a while so that the reading has more lines than one in it.
    questions:
      - type: short_answer
        prompt: Which numbers does {@zero} give?
        answer: zero, one and two
    """


def test_a_mark_after_a_program_cites_the_lines_its_words_print_on(tmp_path):
    path = write_guide(tmp_path, "loops.yaml", GUIDE)
    built = build_into(path, tmp_path / "out")
    lines, _ = printed_lines(built.student.path.read_bytes())
    assert lines[6][1].endswith("So the numbers it") and lines[7][1].startswith("prints are zero, one and two,")
    for pdf in (built.student, built.key):
        assert "1. Which numbers does lines 6–7 give?" in norm(pdf.text), pdf.text


def test_a_quiz_quotes_the_words_of_a_mark_after_a_program_with_their_lines(tmp_path):
    path = write_guide(tmp_path, "loops.yaml", GUIDE)
    done = cli_main("build", "--format", "quiz", "-o", tmp_path / "out", path)
    assert done.returncode == 0, done.stderr
    text = norm(Pdf(tmp_path / "out" / "loops-quiz.pdf").text)
    assert "1. Which numbers does lines 6–7 give? Write your answer on the line. " \
           "Lines 6–7: “it prints are zero, one and two”" in text, text
