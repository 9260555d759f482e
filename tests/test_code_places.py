"""A program between ``` lines prints as a program wherever a guide may type one, not only in a prompt (part 2 of the
trial r11 code work): the summary, a topic's text and points (boxed, as in a prompt), a prose reading, a key's
note and a model answer (line by line in the monospace font); Moodle's grader information gets it as <pre>."""
from __future__ import annotations

import io

import pypdf

from conftest import CASES
from studyguide import api, render

GUIDE = CASES / "code" / "fences-everywhere.yaml"


def printed(kind: str) -> list[tuple[str, str]]:
    """Each run of text drawn (its spaces as typed, no-break spaces read as spaces) and its font, in order."""
    guide = api.load(GUIDE)
    pdf = render.render(guide, theme=api.theme_for(guide, "classic", None))[kind].pdf
    out: list = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        def seen(text, cm, tm, font, size):
            if text.strip():
                out.append((text.replace("\u00a0", " ").strip(), str(font.get("/BaseFont", "")) if font else ""))
        page.extract_text(visitor_text=seen)
    return out


def _line(lines, text: str) -> tuple[str, str]:
    found = [(t, f) for t, f in lines if t == text]
    assert found, (text, [t for t, _ in lines])
    return found[0]


def test_programs_in_the_summary_topics_and_reading_print_line_by_line_in_mono():
    for kind in ("student", "key"):
        lines = printed(kind)
        assert not any("```" in t for t, _ in lines), [t for t, _ in lines if "```" in t]
        for text in ("for n in range(3):", 'print("done")', "while x < 10:", "x += 1", "if x:", "pass",
                     "count = 0", 'for c in "banana":', 'if c == "a":', "count += 1"):
            line, font = _line(lines, text)
            assert "Mono" in font, (text, line, font)
        assert _line(lines, "A loop repeats a block.")[1].endswith("DejaVuSans")


def test_a_model_answer_and_a_note_keep_the_programs_lines_on_the_key():
    lines = printed("key")
    for text in ("for i in range(3):", "print(i)", "while i < 3:", "print(i); i += 1", "for x in xs:", "total += x"):
        line, font = _line(lines, text)
        assert "Mono" in font and line.strip() == text, (text, line, font)


def test_moodle_grader_information_holds_the_model_answers_program_as_pre():
    from studyguide.export import moodle

    xml = moodle.export(api.load(GUIDE))[0][0][1].decode()
    assert "<pre><code>for i in range(3):&#10;    print(i)</code></pre>" in xml, xml
    assert "<pre><code>for x in xs:&#10;    total += x</code></pre>" in xml
    assert "```" not in xml


def test_quiz_games_warn_at_the_question_that_its_program_goes_on_one_line():
    """Blooket, Gimkit and Quizizz hold each text on one line: the trial's Q6 program is flattened there."""
    from studyguide.export import games

    guide = api.load(CASES / "trial" / "cs-python-loops.yaml")
    for export, name in ((games.blooket, "Blooket"), (games.gimkit, "Gimkit"), (games.quizizz, "Quizizz")):
        said = [str(p) for p in export(guide)[1] if "program" in str(p)]
        assert f"cs-python-loops.yaml:135:5: warning: question 6 (true_false): {name}'s template holds each text on one " \
               "line, so the program in its prompt is on one line there, its indentation lost (the handout, Moodle " \
               "and Canvas keep its lines)" in [s.split("tests/cases/trial/")[-1] for s in said], said


def test_anki_keeps_a_programs_lines_as_pre_and_quizlet_says_it_cannot(tmp_path):
    from conftest import write_guide
    from studyguide.export import anki, quizlet

    guide = api.load(write_guide(tmp_path, "v.yaml", """
        title: Loops
        vocabulary:
          - term: for loop
            definition: |
              A loop over a list:
              ```
              for n in [1, 2]:
                  print(n)
              ```
          - term: loop
            definition: Code that repeats.
        questions:
          - type: true_false
            prompt: Loops repeat.
            answer: true
        """))
    text = anki.export(guide)[0][0][1].decode()
    row = next(line for line in text.splitlines() if line.startswith("for loop\t"))
    assert "<pre><code>for n in [1, 2]:<br>    print(n)</code></pre>" in row and "```" not in row, row
    files, said = quizlet.export(guide)
    assert [p.message for p in said] == ["quizlet: vocabulary 'for loop': Quizlet's import puts each card on one line, so "
                                         "the program in its definition is on one line there, its indentation lost "
                                         "(the handout and Anki keep its lines)"]
    assert "```" not in files[0][1].decode()
