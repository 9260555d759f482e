"""What a teacher's own CSV of questions imports as (review2 M3, M4): its columns read or named as left out,
its options read as choices, and its language left as its questions are written."""
from __future__ import annotations

from pathlib import Path

import yaml

from studyguide import api
from studyguide.importers import import_file


def imported(source: Path, out: Path) -> tuple[dict, list[str]]:
    """The guide import writes from ``source``, as YAML data, and its warnings without the folder."""
    _, draft = import_file(source, out)
    return (yaml.safe_load(out.read_text(encoding="utf-8")),
            [str(p).replace(f"{source.parent}/", "") for p in draft.problems])


def test_a_question_and_answer_csv_reads_its_options_explanation_and_points_and_names_what_it_leaves_out(tmp_path):
    """'Question, Answer, Option A, Option B, Option C' with letters for answers imported as short answers
    'B' and 'C', the choices gone, and an Explanation, a Points and a Notes column vanished, all without a
    word (review2 M3). Options with a plain letter are a multiple-choice question; what is not plain is
    said at its row, and a column no question has at the header."""
    source = tmp_path / "quiz.csv"
    source.write_text("Question,Answer,Option A,Option B,Option C,Explanation,Points,Notes\n"
                      "What is the capital of France?,B,Lyon,Paris,Nice,Paris is on the Seine.,2,easy\n"
                      "Which gas do plants absorb?,CO2,O2,N2,CO2,,1,\n"
                      "Pick the blue one,D,Red,Blue,,,x,\n"
                      "What is 2+2?,4,,,,,1.5,\n", encoding="utf-8")
    guide, problems = imported(source, tmp_path / "quiz.yaml")
    assert guide["questions"] == [
        {"type": "multiple_choice", "prompt": "What is the capital of France?", "choices": ["Lyon", "Paris", "Nice"],
         "answer": "B", "explanation": "Paris is on the Seine.", "points": 2},
        {"type": "multiple_choice", "prompt": "Which gas do plants absorb?", "choices": ["O2", "N2", "CO2"],
         "answer": "C", "points": 1},
        {"type": "short_answer", "prompt": "Pick the blue one", "answer": "D"},
        {"type": "short_answer", "prompt": "What is 2+2?", "answer": "4", "points": 1.5}]
    assert problems == [
        "quiz.csv:1:1: warning: column Notes left out (a question is read from its question, answer, options, "
        "explanation and points)",
        "quiz.csv:4:1: warning: the answer 'D' is not the letter of one of this row's 2 options, so it is read as a "
        "short-answer question and its options are left out; write the letter of the right option in the answer "
        "column",
        "quiz.csv:4:32: warning: points 'x' is not a number; this question's points are left out"]
    assert api.load(tmp_path / "quiz.yaml").questions[0].answer == 1  # (the guide it writes loads: choice B)


def test_true_and_false_words_of_a_language_lesson_leave_an_english_quiz_in_english(tmp_path):
    """A Spanish class's Gimkit sheet asks in English 'How do you say "false" in Spanish?', Falso right and
    Verdadero wrong: it was imported as a true/false question with 'language: es', so every heading printed
    in Spanish, and import said only 'imported' (review2 M4). Under English questions those words are the
    lesson's: the question stays multiple choice, no language is set, and a warning says how to set it. A
    quiz written in Spanish still gets 'language: es' from them."""
    source = tmp_path / "span.csv"
    source.write_text('Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2\n'
                      'How do you say "false" in Spanish?,Falso,Verdadero,\n'
                      'How do you say "dog" in Spanish?,perro,gato,casa\n', encoding="utf-8")
    guide, problems = imported(source, tmp_path / "span.yaml")
    assert "language" not in guide
    assert guide["questions"][0] == {"type": "multiple_choice", "prompt": 'How do you say "false" in Spanish?',
                                     "choices": ["Falso", "Verdadero"], "answer": "A"}
    assert problems == [
        "span.csv: warning: the answers Falso and Verdadero are Spanish and the questions English, so those questions "
        "are read as multiple choice, and the guide's language is not set; if the class is taught in Spanish, add "
        "'language: es' under the title"]
    spanish = tmp_path / "es.csv"
    spanish.write_text("Question,Correct Answer,Incorrect Answer 1\nEl sol es una estrella.,Verdadero,Falso\n"
                       "La luna es un planeta.,Falso,Verdadero\n¿Cuál es la capital de Francia?,París,Lyon\n",
                       encoding="utf-8")
    guide, problems = imported(spanish, tmp_path / "es.yaml")
    assert guide["language"] == "es" and problems == []
    assert [(q["type"], q["answer"]) for q in guide["questions"][:2]] == [("true_false", True), ("true_false", False)]


def test_a_gimkit_sheet_with_a_points_column_keeps_its_points_and_names_a_column_it_leaves_out(tmp_path):
    """Gimkit's template (as studyguide's export writes it: a title row, then Question, Correct Answer,
    Incorrect Answer 1…) has no Points column; a teacher who added one lost every point without a word, and so
    did a Notes column. The points are the questions' ``points:`` (what the Moodle and Canvas exports then give),
    a bad one is said at its row, another column is named at the header; a sheet as Gimkit's template has it
    imports with no warning, as before."""
    source = tmp_path / "kit.csv"
    source.write_text("Gimkit Spreadsheet Import Template,,,,,,\n"
                      "Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2 (Optional),"
                      "Incorrect Answer 3 (Optional),Points,Notes\n"
                      "What is the capital of France?,Paris,Lyon,Nice,,2,easy\n"
                      "Which gas do plants absorb?,CO2,O2,N2,,1.5,\n"
                      "Which planet is largest?,Jupiter,Mars,,,two,\n", encoding="utf-8")
    guide, problems = imported(source, tmp_path / "kit.yaml")
    assert guide["questions"] == [
        {"type": "multiple_choice", "prompt": "What is the capital of France?", "choices": ["Lyon", "Nice", "Paris"],
         "answer": "C", "points": 2},  # (Gimkit's right answer, first in its file, placed among the wrong ones)
        {"type": "multiple_choice", "prompt": "Which gas do plants absorb?", "choices": ["O2", "N2", "CO2"],
         "answer": "C", "points": 1.5},
        {"type": "multiple_choice", "prompt": "Which planet is largest?", "choices": ["Mars", "Jupiter"],
         "answer": "B"}]
    assert problems == [
        "kit.csv:2:1: warning: column Notes left out (a question is read from its question, its answers, its time "
        "limit and its points)",
        "kit.csv:5:41: warning: points 'two' is not a number; this question's points are left out"]
    from studyguide.export import exporter  # the points are the marks Moodle gets
    files, _ = exporter("moodle")(api.load(tmp_path / "kit.yaml"))
    xml = files[0][1].decode("utf-8")
    assert [line.strip() for line in xml.splitlines() if "<defaultgrade>" in line] == [
        "<defaultgrade>2</defaultgrade>", "<defaultgrade>1.5</defaultgrade>", "<defaultgrade>0</defaultgrade>"]
    plain = tmp_path / "plain.csv"  # the template's own columns: nothing to say
    plain.write_text("\n".join(source.read_text(encoding="utf-8").splitlines()[:4]).replace(",Points,Notes", "")
                     .replace(",2,easy", "").replace(",1.5,", ""), encoding="utf-8")
    guide, problems = imported(plain, tmp_path / "plain.yaml")
    assert problems == [] and [q.get("points") for q in guide["questions"]] == [None, None]


def test_points_out_of_range_are_said_at_their_cell_and_the_question_is_kept(tmp_path):
    """Points 2000 (Kahoot's 'double points') aborted the whole import with 'question 2.points: 2000 is out of
    range', naming no row; -1 was called 'not a number' (review r9 M5). Each is said at its row and column with
    the real reason, its question kept without points, and the guide is written."""
    source = tmp_path / "g2.csv"
    source.write_text("Question,Correct Answer,Incorrect Answer 1,Points\n"
                      "What is 2+2?,4,3,0\n"
                      "What is 3+3?,6,5,2000\n"
                      "What is 4+4?,8,7,-1\n"
                      "What is 5+5?,10,9,1e308\n"
                      "What is 6+6?,12,11,2.555\n", encoding="utf-8")
    guide, problems = imported(source, tmp_path / "g2.yaml")
    assert [(q["prompt"], q.get("points")) for q in guide["questions"]] == [
        ("What is 2+2?", 0), ("What is 3+3?", None), ("What is 4+4?", None), ("What is 5+5?", None),
        ("What is 6+6?", None)]
    left = "; this question's points are left out"
    assert problems == [
        "g2.csv:3:18: warning: points 2000 is more than 1000, the most a question may have" + left,
        "g2.csv:4:18: warning: points -1 is less than 0, the fewest a question may have" + left,
        "g2.csv:5:19: warning: points 1e308 is more than 1000, the most a question may have" + left,
        "g2.csv:6:20: warning: points 2.555 has more than two decimals (points are counted to the hundredth)" + left]
    assert api.load(tmp_path / "g2.yaml").questions[0].points == 0


def test_columns_left_out_are_named_in_short_however_long_or_many(tmp_path):
    """A Gimkit sheet whose 'Incorrect Answer 3' heading holds a pasted 960-letter word, and a vocabulary CSV with 25
    columns of nobody's: the warning named every heading whole (found by bench/fuzz.py). Each heading is cut to 40
    characters and ten are named, the rest counted."""
    word = "Pneumonoultramicroscopic" * 40
    source = tmp_path / "game.csv"
    source.write_text(f"Question,Correct Answer,Incorrect Answer 1,Incorrec{word}\nWhich is wet?,Rain,Sand,Dust\n",
                      encoding="utf-8")
    _, problems = imported(source, tmp_path / "game.yaml")
    assert problems[0] == ("game.csv:1:1: warning: column IncorrecPneumonoultramicroscopicPneumon… left out (a question "
                           "is read from its question, its answers, its time limit and its points)")
    source = tmp_path / "words.csv"
    source.write_text("Term,Definition," + ",".join(f"Extra {n}" for n in range(1, 26)) + "\nrain,water falling\n",
                      encoding="utf-8")
    _, problems = imported(source, tmp_path / "words.yaml")
    assert problems[0] == ("words.csv:1:1: warning: columns Extra 1, Extra 2, Extra 3, Extra 4, Extra 5, Extra 6, "
                           "Extra 7, Extra 8, Extra 9, Extra 10 and 15 more left out (a term has a definition and an "
                           "example)")
