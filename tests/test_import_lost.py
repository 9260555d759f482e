"""What an import cannot bring back (trial r12): bugs fixed (Gimkit's right answers, Moodle's minus sign) and, for
what a format has no place for, one warning naming it, so the teacher knows what to add again."""
from __future__ import annotations

from pathlib import Path

from test_import_kept import exported, exported_again, imported


CHOICES = """
    title: Capitals
    questions:
""" + "".join(f"""
      - type: multiple_choice
        prompt: "Question {n}: which is right?"
        choices: [w{n}a, r{n}, w{n}b, w{n}c]
        answer: B
""" for n in range(1, 9)) + """
      - type: multiple_choice
        prompt: "Which are capitals?"
        choices: [Lyon, Nice, All of the above, None of the above]
        answer: D
"""


def test_gimkit_right_answers_come_back_spread_over_the_letters_and_export_the_same(tmp_path):
    # trial r12: Gimkit's file holds the right answer first, and every answer came back as A
    source, first = exported(tmp_path, "gimkit", CHOICES)
    guide, _ = imported(source, tmp_path / "back" / "quiz.yaml")
    questions = guide["questions"]
    assert all(q["choices"][ord(q["answer"]) - 65] == f"r{n}" for n, q in enumerate(questions[:8], 1))
    assert len({q["answer"] for q in questions[:8]}) >= 3  # not all A
    for n, q in enumerate(questions[:8], 1):  # the wrong answers keep their order
        assert [c for c in q["choices"] if c.startswith("w")] == [f"w{n}a", f"w{n}b", f"w{n}c"]
    assert questions[8]["choices"][-1] == "None of the above" and questions[8]["answer"] == "D"
    assert exported_again("gimkit", tmp_path / "back" / "quiz.yaml") == first


SIGNED = """
    title: Lines
    questions:
      - type: fill_in_blank
        prompt: "In y = 2x − 3, the slope is [[2]] and the y-intercept is [[−3|-3]]."
      - type: fill_in_blank
        prompt: "The y-intercept of y = x − 4 is [[−4|-4]]."
      - type: fill_in_blank
        prompt: "Temperatures: [[−2.5]] and the word [[minus]]."
"""


def test_moodle_numbers_come_back_with_the_minus_sign_the_key_prints(tmp_path):
    # trial r12: Moodle turned [[−3|-3]] into [[-3]], so the key printed a hyphen where it had a minus sign
    source, first = exported(tmp_path, "moodle", SIGNED)
    guide, _ = imported(source, tmp_path / "back" / "quiz.yaml")
    assert [q["prompt"] for q in guide["questions"]] == [
        "In y = 2x − 3, the slope is [[2]] and the y-intercept is [[−3|-3]].",
        "The y-intercept of y = x − 4 is [[−4|-4]].", "Temperatures: [[−2.5|-2.5]] and the word [[minus]]."]
    assert exported_again("moodle", tmp_path / "back" / "quiz.yaml") == first


ESSAYS = """
    title: 灯台
    language: ja
    labels: {"true": 正しい, "false": 正しくない, model_answer: "模範解答：", why: "理由："}
    objectives: [物語のテーマを説明できる。]
    questions:
      - type: multiple_choice
        prompt: 灯台守のエイダは毎晩何をしますか。
        choices: [ランプに火をつける, 船を作る]
        answer: A
        points: 2
        objective: 1
        explanation: 物語の最初に書いてあります。
      - type: essay
        prompt: この物語のテーマを一つ選び、三つの証拠を挙げて説明しなさい。
        answer: 孤独、責任など。
      - type: short_answer
        prompt: エイダはなぜ手を振りましたか。
        answer: 習慣だから。
"""


def told(tmp_path: Path, fmt: str, text: str) -> list[str]:
    """What `studyguide import` prints for the file ``fmt`` exports of the guide ``text``."""
    from hostile_support import cli_inprocess

    source, _ = exported(tmp_path, fmt, text)
    run = cli_inprocess(["import", source.name, "-o", "back.yaml"], cwd=tmp_path)
    assert run.code == 0, run.err
    return run.err.strip().splitlines()


def test_an_import_names_what_the_tools_file_could_not_carry(tmp_path):
    # trial r12: points, explanations, essays, objectives and the language were lost from the game files, silently
    said = {fmt: told(tmp_path / fmt, fmt, ESSAYS) for fmt in ("kahoot", "quizizz", "moodle")}
    language = ("the questions are in Japanese, and the file does not record a guide's language: add 'language: ja' "
                "under the title and its headings under 'labels:'")
    assert said["kahoot"] == [
        "quiz-kahoot.xlsx: warning: Kahoot's spreadsheet does not hold a question's points, explanation or objective: "
        f"add again those the guide had; {language}"]
    assert said["quizizz"] == [
        "quiz-quizizz.xlsx: warning: Quizizz's spreadsheet does not hold a question's points or objective: add again "
        "those the guide had; an Open-Ended row is a short answer or an essay alike: those without an answer come "
        "back as short answers (make an essay 'type: essay' again); " + language]
    assert said["moodle"] == [
        "quiz-moodle.xml: warning: Moodle XML does not hold a question's objective: add again those the guide had; "
        + language]


def test_what_a_file_does_carry_is_not_named(tmp_path):
    # a Gimkit sheet with a Points column the teacher added: its points came back, so only explanations are named
    source = tmp_path / "kit.csv"
    source.write_text("Question,Correct Answer,Incorrect Answer 1,Points\nWhich gas?,CO2,O2,2\n", encoding="utf-8")
    from hostile_support import cli_inprocess

    run = cli_inprocess(["import", "kit.csv", "-o", "kit.yaml"], cwd=tmp_path)
    assert run.err.strip().splitlines() == [
        "kit.csv: warning: Gimkit's CSV does not hold a question's explanation or objective: add again those the "
        "guide had"]
