"""The classroom game templates: each file has the shape of the tool's own published template.

Kahoot's and Quizizz's are read back with openpyxl (as the tools read an .xlsx),
Blooket's and Gimkit's with the csv module; every kept question must come back
with its answers and the right ones marked, within the tool's limits, and every
limit a question exceeds must give a warning at the question's line.
"""
from __future__ import annotations

import csv
import io

import pytest

from conftest import CASES, guide_params, write_guide
from studyguide import api, cli, inline
from studyguide.export import FORMATS, exporter, games
from studyguide.model import MultipleChoice, SelectAll, ShortAnswer, TrueFalse

openpyxl = pytest.importorskip("openpyxl")

ESCAPING = CASES / "export" / "escaping.yaml"
ALL = [*guide_params(), pytest.param(ESCAPING, id="escaping")]

# The header rows of the published templates, as they are in the tools' own files.
KAHOOT_HEADER = ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                 "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                 "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one"]
BLOOKET_HEADER = ["Question #", "Question Text", "Answer 1", "Answer 2", "Answer 3\n(Optional)", "Answer 4\n(Optional)",
                  "Time Limit (sec)\n(Max: 300 seconds)", "Correct Answer(s)\n(Only include Answer #)"]
GIMKIT_HEADER = ["Question", "Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2 (Optional)",
                 "Incorrect Answer 3 (Optional)"]
QUIZIZZ_HEADER = ["Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
                  "Correct Answer", "Time in seconds", "Image Link", "Answer explanation"]


def only(guide, fmt):
    files, problems = FORMATS[fmt](guide)
    [(name, data)] = files
    return name, data, problems


def sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]


def csv_rows(data: bytes) -> list[list[str]]:
    assert not data.startswith(b"\xef\xbb\xbf"), "the templates have no byte-order mark"
    assert b"\n" not in data.replace(b"\r\n", b"").replace(b"\n(", b"").replace(b"\nImport", b""), "CRLF rows"
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def kept(guide, template):
    return games.rows(template, guide)[0]


@pytest.mark.parametrize("guide_path", ALL)
def test_kahoot_file_has_the_template_shape(guide_path):
    guide = api.load(guide_path)
    name, data, _ = only(guide, "kahoot")
    assert name.endswith("-kahoot.xlsx")
    ws = sheet(data)
    assert [ws.cell(8, c).value for c in range(2, 9)] == KAHOOT_HEADER
    rows = kept(guide, games.KAHOOT)
    assert rows and ws.max_row == 8 + len(rows)
    for i, row in enumerate(rows, 1):
        r = 8 + i
        values = [ws.cell(r, c).value for c in range(1, 9)]
        assert values[0] == i
        assert len(values[1]) <= 120 and all(v is None or len(v) <= 75 for v in values[2:6])
        answers = [v for v in values[2:6] if v is not None]
        assert 2 <= len(answers) <= 4 and answers == row.answers
        assert values[6] in (5, 10, 20, 30, 60, 90, 120, 240)
        right = [int(x) for x in str(values[7]).split(",")]
        assert right == [i + 1 for i in row.right] and all(1 <= x <= len(answers) for x in right)
        q = row.question
        if isinstance(q, MultipleChoice):
            assert answers[right[0] - 1] == inline.plain(q.choices[q.answer]).replace("\n", " ").strip()
        if isinstance(q, TrueFalse):
            assert answers == ["True", "False"] and right == [1 if q.answer else 2]


@pytest.mark.parametrize("guide_path", ALL)
def test_blooket_file_has_the_template_shape(guide_path):
    guide = api.load(guide_path)
    name, data, _ = only(guide, "blooket")
    rows = csv_rows(data)
    assert rows[0] == ["Blooket\nImport Template"] + [""] * 25
    assert rows[1] == BLOOKET_HEADER + [""] * 18
    found = kept(guide, games.BLOOKET)
    assert len(rows) == 2 + len(found)
    for i, (cells, row) in enumerate(zip(rows[2:], found), 1):
        assert len(cells) == 26 and cells[0] == str(i) and cells[8:] == [""] * 18
        answers = [a for a in cells[2:6] if a]
        assert 2 <= len(answers) <= 4 and answers == [games.csv_safe(a)[0] for a in row.answers]
        assert 5 <= int(cells[6]) <= 300
        assert [int(x) - 1 for x in cells[7].split(",")] == row.right


@pytest.mark.parametrize("guide_path", ALL)
def test_gimkit_file_has_the_template_shape(guide_path):
    guide = api.load(guide_path)
    _, data, problems = only(guide, "gimkit")
    rows = csv_rows(data)
    assert rows[0] == ["Gimkit Spreadsheet Import Template", "", "", "", ""] and rows[1] == GIMKIT_HEADER
    found = kept(guide, games.GIMKIT)
    assert len(rows) == 2 + len(found)
    for cells, row in zip(rows[2:], found):
        assert len(cells) == 5 and len(row.right) == 1
        assert cells[1] == row.answers[row.right[0]] and 1 <= len([c for c in cells[2:] if c]) <= 3
    select_all = [n for n, q in enumerate(guide.questions, 1) if isinstance(q, SelectAll)]
    assert [p for p in problems if "select-all question is left out" in str(p)].__len__() == len(select_all)


@pytest.mark.parametrize("guide_path", ALL)
def test_quizizz_file_has_the_template_shape(guide_path):
    guide = api.load(guide_path)
    _, data, _ = only(guide, "quizizz")
    ws = sheet(data)
    assert [ws.cell(1, c).value for c in range(1, 13)] == [*QUIZIZZ_HEADER, None]
    found = kept(guide, games.QUIZIZZ)
    assert ws.max_row == 1 + len(found)
    for r, row in enumerate(found, 2):
        values = [ws.cell(r, c).value for c in range(1, 12)]
        explanation = " ".join(inline.plain(row.question.explanation or "").split())
        if isinstance(row.question, ShortAnswer) and row.question.answer:  # the model answer first, then 'Why:'
            model = "Model answer: " + " ".join(inline.plain(row.question.answer).split())
            explanation = f"{model} Why: {explanation}" if explanation else model
        assert values[10] == (explanation or None)
        assert values[1] in ("Multiple Choice", "Checkbox", "Fill-in-the-Blank", "Open-Ended")
        options = [v for v in values[2:7] if v is not None]
        assert options == row.answers and len(options) <= 5
        if values[1] == "Multiple Choice":
            assert values[7] == row.right[0] + 1 and len(options) >= 2
        elif values[1] == "Checkbox":
            assert [int(x) - 1 for x in values[7].split(",")] == row.right
        else:
            assert values[7] is None
        assert values[8] in (5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900)


# Row 2 of Quizizz's (Wayground's) own spreadsheet template explains each column; tools that write the
# template reproduce it word for word. What it says of a Fill-in-the-Blank and an Open-Ended row, and of the
# last column, Answer explanation:
QUIZIZZ_OPTION_1 = "Text for option 1\n\n(required in all cases except open-ended & draw questions)"
QUIZIZZ_CORRECT = ('The correct option choice (between 1-5).\n\nLeave blank for "Open-Ended", "Poll", "Draw" and '
                   '"Fill-in-the-Blank".')
QUIZIZZ_EXPLANATION = "Explanation for the answer\n(optional)"

TYPED = """
    title: Cells
    questions:
      - type: fill_in_blank
        prompt: "Energy is released in the [[mitochondria|mitochondrion|the mitochondria]]."
        time_limit: 30
        explanation: "Mitochondria release
          the **energy** in food."
      - type: short_answer
        prompt: Why do cells divide?
        answer: To grow and to replace worn cells.
"""


def test_quizizz_fill_in_the_blank_row_follows_the_template_instructions(tmp_path):
    guide = api.load(write_guide(tmp_path, "cells.yaml", TYPED))
    _, data, problems = only(guide, "quizizz")
    ws = sheet(data)
    rows = [[ws.cell(r, c).value for c in range(1, 12)] for r in (2, 3)]
    # Fill-in-the-Blank: option 1 (required) is the answer the key prints, the other accepted answers follow;
    # Correct Answer blank, as the template says
    assert rows[0] == ["Energy is released in the _____.", "Fill-in-the-Blank", "mitochondria", "mitochondrion",
                       "the mitochondria", None, None, None, 30, None, "Mitochondria release the energy in food."]
    # Open-Ended: no option and no Correct Answer, both of which the template leaves out for it; the model answer
    # as the explanation for the answer, which Wayground shows students once they have answered
    assert rows[1] == ["Why do cells divide?", "Open-Ended", None, None, None, None, None, None, 120, None,
                       "Model answer: To grow and to replace worn cells."]
    assert "Fill-in-the-Blank" in QUIZIZZ_CORRECT and "open-ended" in QUIZIZZ_OPTION_1 and "answer" in QUIZIZZ_EXPLANATION
    assert not problems


def test_quizizz_explanation_comes_back_on_import(tmp_path):
    from studyguide.importers import import_file

    guide = api.load(write_guide(tmp_path, "cells.yaml", TYPED))
    name, data, _ = only(guide, "quizizz")
    (tmp_path / name).write_bytes(data)
    out, _ = import_file(tmp_path / name, tmp_path / "back" / "cells.yaml")
    again = api.load(out)
    assert [q.explanation for q in again.questions] == ["Mitochondria release the energy in food.", None]  # as the game shows it


LIMITS = """
    title: Limits
    time_limit: 45
    questions:
      - type: multiple_choice
        prompt: "{long_q}"
        choices: ["{long_a}", b, c, d, e, "All of the above"]
        answer: F
      - type: multiple_choice
        prompt: Short.
        choices: ["=HYPERLINK(\\"http://x\\", \\"y\\")", "-5", "@home", "+1+2"]
        answer: B
        time_limit: 7
      - type: select_all
        prompt: Pick.
        choices: [a, b, c, d, e, f]
        answer: [A, B, C, D, E]
      - type: matching
        prompt: Match.
        pairs:
          - {{left: a, right: b}}
          - {{left: c, right: d}}
"""


@pytest.fixture()
def limits(tmp_path):
    return write_guide(tmp_path, "limits.yaml", LIMITS.format(long_q="Q" * 130, long_a="A" * 80))


def _line(path, text, occurrence=0):
    lines = path.read_text().splitlines()
    found = [i for i, ln in enumerate(lines, 1) if ln.strip() == text]
    return found[occurrence]


def test_kahoot_cuts_and_leaves_out_what_does_not_fit_and_says_where(limits):
    guide = api.load(limits)
    _, data, problems = only(guide, "kahoot")
    mc1, mc2, sa, matching = (_line(limits, "- type: multiple_choice"), _line(limits, "- type: multiple_choice", 1),
                              _line(limits, "- type: select_all"), _line(limits, "- type: matching"))
    assert [str(p) for p in problems] == [
        f"{limits}:{_line(limits, 'time_limit: 45')}:13: warning: kahoot: Kahoot offers time limits of 5, 10, 20, 30, "
        "60, 90, 120, 240 seconds; the guide's time_limit 45 became 60",  # at its line (trial r10, L2)
        f"{limits}:{mc1}:5: warning: question 1 (multiple_choice): Kahoot holds 4 answers; choices D, E (wrong) are left out",
        f"{limits}:{mc1}:5: warning: question 1 (multiple_choice): Kahoot answers have at most 75 characters; choice A "
        f"is cut to '{'A' * 74}…'",
        f"{limits}:{mc1}:5: warning: question 1 (multiple_choice): Kahoot questions have at most 120 characters; the "
        f"question is cut to '{'Q' * 119}…'",
        f"{limits}:{mc2}:5: warning: question 2 (multiple_choice): Kahoot offers time limits of 5, 10, 20, 30, 60, 90, "
        "120, 240 seconds; time_limit 7 became 5",
        f"{limits}:{sa}:5: warning: question 3 (select_all): Kahoot holds 4 answers, and this question has 5 right ones "
        "(of 6 choices), so they do not all fit (at most 3 right would, beside a wrong one); it is left out",
        f"{limits}:{matching}:5: warning: question 4 (matching): Kahoot's template has no row for a matching question; "
        "it is left out",
    ]
    ws = sheet(data)
    assert [ws.cell(9, c).value for c in range(2, 9)] == ["Q" * 119 + "…", "A" * 74 + "…", "b", "c",
                                                         "All of the above", 60, 4]
    assert [ws.cell(10, c).value for c in (7, 8)] == [5, 2]  # the question's own time, nearest Kahoot offers
    assert ws.max_row == 10


def test_a_select_all_whose_right_answers_fill_every_answer_says_why_it_is_left_out(limits):
    """6 choices, 5 right: Quizizz's 5 answers would hold the 5 right ones and no wrong one (it had said 'holds 5
    answers and this question has 5 right ones; it is left out', which reads as a contradiction); Kahoot's and
    Blooket's 4 cannot hold them all. Each says its own reason, here and in the summary line."""
    from studyguide.export import holds

    guide = api.load(limits)
    sa = _line(limits, "- type: select_all")
    said = {}
    for fmt in ("quizizz", "kahoot", "blooket"):
        problems = only(guide, fmt)[2]
        said[fmt] = [str(p) for p in problems if "question 3" in str(p)]
        assert 3 not in [row.number for row in kept(guide, getattr(games, fmt.upper()))]
        assert ("1 select all (no room for a wrong answer among Quizizz's 5)" if fmt == "quizizz" else
                f"1 select all (more right answers than {fmt.capitalize()} holds)") in holds(guide, problems, fmt)
    assert said["quizizz"] == [
        f"{limits}:{sa}:5: warning: question 3 (select_all): Quizizz holds 5 answers; this question has 6 choices, 5 "
        "of them right, so every answer shown would be right, with no room for a wrong one (at most 4 right answers "
        "would make room); it is left out"]
    assert said["blooket"] == [
        f"{limits}:{sa}:5: warning: question 3 (select_all): Blooket holds 4 answers, and this question has 5 right "
        "ones (of 6 choices), so they do not all fit (at most 3 right would, beside a wrong one); it is left out"]


def test_spreadsheets_never_run_a_guides_text_as_a_formula(limits):
    guide = api.load(limits)
    ws = sheet(only(guide, "kahoot")[1])
    cells = [ws.cell(10, c) for c in range(3, 7)]
    assert [c.value for c in cells] == ['=HYPERLINK("http://x", "y")', "-5", "@home", "+1+2"]
    assert all(c.data_type == "s" for c in cells), "stored as text, exactly as typed"
    _, data, problems = only(guide, "blooket")
    row = csv_rows(data)[3]
    assert row[2:6] == ["'=HYPERLINK(\"http://x\", \"y\")", "-5", "'@home", "'+1+2"]  # a plain number stays as it is
    said = [str(p) for p in problems if "formula" in str(p)]
    assert len(said) == 3 and all(f"{limits}:{_line(limits, '- type: multiple_choice', 1)}:5:" in s for s in said)
    gimkit_rows = csv_rows(only(guide, "gimkit")[1])
    assert gimkit_rows[3][:2] == ["Short.", "-5"] and gimkit_rows[3][2] == "'=HYPERLINK(\"http://x\", \"y\")"


def test_question_time_overrides_the_guides(limits):
    guide = api.load(limits)
    rows = kept(guide, games.BLOOKET)
    assert [r.time for r in rows] == [45, 7]  # Blooket takes any time up to 300
    assert [r.time for r in kept(guide, games.QUIZIZZ)] == [45, 5]


def test_time_limit_is_checked_where_it_is_written(tmp_path):
    from studyguide.errors import GuideError

    path = write_guide(tmp_path, "bad.yaml", """
        title: Bad
        time_limit: 2
        questions:
          - type: true_false
            prompt: Yes?
            answer: true
            time_limit: 1000
    """)
    with pytest.raises(GuideError) as info:
        api.load(path)
    text = str(info.value) if str(info.value) else ""
    messages = [str(p) for p in getattr(info.value, "problems", [])] or [text]
    assert any("time_limit: 2 is out of range (use a whole number from 5 to 900)" in m for m in messages)
    assert any("time_limit: 1000 is out of range" in m for m in messages)


def test_the_game_names_are_offered_and_wayground_is_quizizz():
    assert exporter("wayground") is FORMATS["quizizz"] and exporter("Kahoot") is FORMATS["kahoot"]
    assert {"kahoot", "blooket", "gimkit", "quizizz", "wayground"} <= set(cli.EXPORT_FORMATS)


def test_export_command_writes_a_game_file(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["export", "--to", "blooket", str(ESCAPING), "-o", str(tmp_path)])
    out, err = capsys.readouterr()
    assert info.value.code == 0 and (tmp_path / "escaping-blooket.csv").is_file()
    assert "Blooket's template has no row for a matching question" in err


def test_a_long_question_or_answer_is_cut_after_its_last_whole_word(tmp_path):
    """The second trial's limits.yaml: cut mid-word, Kahoot showed "…combine in a t…" and "…which of th…"."""
    path = write_guide(tmp_path, "limits.yaml", """
        title: Limits
        questions:
          - type: multiple_choice
            prompt: In the reaction of 2.0 mol of hydrogen gas with 1.0 mol of oxygen gas at standard temperature and pressure, which of these statements describes the product best?
            choices:
              - Two moles of liquid water form, because hydrogen and oxygen combine in a two to one ratio by moles
              - One mole of water
              - "一摩尔水由两摩尔氢和一摩尔氧化合而成，这是因为氢和氧按照二比一的摩尔比例结合在一起，形成液态的水分子，这个反应在标准温度和压力下发生，释放出大量的热能。"
            answer: A
        """)
    _, data, problems = only(api.load(path), "kahoot")
    question = ("In the reaction of 2.0 mol of hydrogen gas with 1.0 mol of oxygen gas at standard temperature and "
                "pressure, which of…")
    answer = "Two moles of liquid water form, because hydrogen and oxygen combine in a…"
    chinese = api.load(path).questions[0].choices[2][:74] + "…"  # no spaces: cut where the limit falls
    assert [sheet(data).cell(9, c).value for c in range(2, 6)] == [question, answer, "One mole of water", chinese]
    assert len(question) <= 120 and len(answer) <= 75 and len(chinese) == 75
    assert [str(p).split(": warning: ")[1] for p in problems] == [
        f"question 1 (multiple_choice): Kahoot answers have at most 75 characters; choice A is cut to '{answer}'",
        f"question 1 (multiple_choice): Kahoot answers have at most 75 characters; choice C is cut to '{chinese}'",
        f"question 1 (multiple_choice): Kahoot questions have at most 120 characters; the question is cut to "
        f"'{question}'"]


def test_quizizz_says_it_leaves_out_an_essays_grading_answer(tmp_path):
    """Trial r10, L3: an essay's answer (for graders, as Moodle's grader information) is not shown to students in
    the Answer explanation, and the export says so at the question's line, not silently."""
    path = write_guide(tmp_path, "yield.yaml", """
        title: Yield
        questions:
          - type: essay
            prompt: Explain why the yield was below 100 %.
            answer: "91 % (some water stayed in the flask)"
            explanation: Losses happen in every transfer.
          - type: essay
            prompt: Describe a mole.
    """)
    _, data, problems = only(api.load(path), "quizizz")
    assert [str(p) for p in problems] == [
        f"{path}:3:5: warning: question 1 (essay): quizizz: its answer, written for graders, is left out: Wayground "
        "shows the Answer explanation to students; to show them a model answer, make it a short_answer"]
    assert sheet(data).cell(2, 11).value == "Losses happen in every transfer."


def test_a_true_false_statement_over_kahoots_length_is_left_out_not_cut(tmp_path):
    """First-hour trial r11, finding 7: a statement cut at 120 characters was exported, and cut short its truth
    can change ('... holds lessons for…'). It is left out with the located warning other left-out questions get;
    one of 120 characters goes in whole; a multiple-choice prompt is still cut, its choices carrying the answer."""
    statement = "The river " + "very " * 24 + "long."  # 135 characters
    fits = "Lake Mead " + "x" * 110
    path = write_guide(tmp_path, "tf.yaml", f"""
        title: T
        questions:
          - type: true_false
            prompt: {statement}
            answer: false
          - type: true_false
            prompt: {fits}
            answer: true
        """)
    for fmt in ("kahoot", "blooket", "gimkit", "quizizz"):
        _, data, problems = only(api.load(path), fmt)
        if fmt != "kahoot":  # (no length limit: every statement whole)
            assert problems == [], fmt
            continue
        assert [str(p) for p in problems] == [
            f"{path}:3:5: warning: question 1 (true_false): Kahoot questions have at most 120 characters, and this "
            "statement has 135: cut short, it might no longer be false; it is left out (shorten it to 120 "
            "characters to include it)"]
        ws = sheet(data)
        assert [ws.cell(9, c).value for c in (1, 2, 3, 4)] == [1, fits, "True", "False"]
        assert ws.cell(10, 2).value is None


WRITTEN = """
    title: Written answers
    questions:
      - type: multiple_choice
        prompt: Which gas do plants take in?
        choices: [Oxygen, Carbon dioxide]
        answer: B
      - type: short_answer
        prompt: Name one product of photosynthesis.
        lines: 1
      - type: short_answer
        prompt: Why do leaves look green?
      - type: essay
        prompt: Explain how the carbon cycle links plants and animals, with three pieces of evidence.
        lines: 14
      - type: essay
        prompt: Sum up the chapter in one paragraph.
        time_limit: 90
"""


def test_quizizz_gives_a_written_answer_time_to_write_its_lines(tmp_path):
    # trial r12: every Open-Ended row had 20 s, a 14-line essay included; Wayground's timer can lock the answer
    guide = api.load(write_guide(tmp_path, "written.yaml", WRITTEN))
    _, data, problems = only(guide, "quizizz")
    ws = sheet(data)
    assert [(ws.cell(r, 2).value, ws.cell(r, 9).value) for r in range(2, 7)] == [
        ("Multiple Choice", 20), ("Open-Ended", 60), ("Open-Ended", 120), ("Open-Ended", 600), ("Open-Ended", 90)]
    assert not [p for p in problems if "time" in p.message]
    # a guide's own longer time stands for every question; a written answer still gets at least its lines' time
    longer = api.load(write_guide(tmp_path, "longer.yaml", WRITTEN.replace("title: Written answers",
                                                                          "title: Written answers\n    time_limit: 90")))
    assert [r.time for r in games.rows(games.QUIZIZZ, longer)[0]] == [90, 90, 120, 600, 90]


def test_a_written_answers_time_is_not_read_back_as_a_time_limit(tmp_path):
    from studyguide.importers import import_file

    guide = api.load(write_guide(tmp_path, "written.yaml", WRITTEN))
    name, data, _ = only(guide, "quizizz")
    (tmp_path / name).write_bytes(data)
    out, _ = import_file(tmp_path / name, tmp_path / "back" / "written.yaml")
    # the 3-line short answer's 120 s is the export's own choice; the essay's 600 s and the 90 s the guide set stay
    assert [q.time_limit for q in api.load(out).questions] == [None, 60, None, 600, 90]
