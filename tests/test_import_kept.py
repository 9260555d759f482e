"""What a bank brought back from another tool keeps: the marks, the order, the question types and the times the
guide gave it (the second fresh trial, r8/trial2: each of these came back changed while the re-export's bytes stayed
the same), and what import says about the files teachers most often have that are no tool's bank.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import anki_notes_export, write_guide
from hostile_support import cli_inprocess
from studyguide import api
from studyguide.export import FORMATS
from studyguide.importers import import_file


def exported(tmp_path: Path, fmt: str, text: str, name: str = "quiz.yaml") -> tuple[Path, bytes]:
    """The file ``fmt`` exports for the guide ``text`` (written to ``tmp_path``), and its bytes."""
    guide = api.cited_as_printed(api.load(write_guide(tmp_path / "src", name, text)))
    [(out_name, data)], _ = FORMATS[fmt](guide)
    path = tmp_path / out_name
    path.write_bytes(data)
    return path, data


def imported(source: Path, out: Path) -> tuple[dict, list[str]]:
    """The guide import writes from ``source``, as YAML data, and its warnings without the folder."""
    _, draft = import_file(source, out)
    return (yaml.safe_load(out.read_text(encoding="utf-8")),
            [str(p).replace(f"{source.parent}/", "") for p in draft.problems])


def exported_again(fmt: str, path: Path) -> bytes:
    """The file ``fmt`` exports for the guide an import wrote at ``path``: a round trip gives the first file's bytes."""
    [(_, data)], _ = FORMATS[fmt](api.load(path))
    return data


MARKED = """
    title: Gases
    questions:
      - type: multiple_choice
        prompt: Molar mass of water?
        choices: [16 g/mol, 18 g/mol]
        answer: B
        points: 1
      - type: fill_in_blank
        prompt: CO₂ is [[44]] g/mol and O₂ is [[32|32.0]] g/mol.
        points: 2
      - type: fill_in_blank
        prompt: "[[Boyle]], [[Charles]] and [[Avogadro]] each gave a law."
        points: 3
      - type: fill_in_blank
        prompt: One mole of gas at STP fills [[22.4]] L.
        points: 2
"""


def test_a_cloze_questions_mark_is_the_sum_of_its_blanks_weights(tmp_path):
    source, first = exported(tmp_path, "moodle", MARKED)
    assert first.count(b'type="cloze"') == 2 and b"<defaultgrade>" in first
    guide, problems = imported(source, tmp_path / "guides" / "quiz.yaml")
    assert [q.get("points") for q in guide["questions"]] == [1, 2, 3, 2]
    assert problems == []
    assert exported_again("moodle", tmp_path / "guides" / "quiz.yaml") == first


TEACHER_CLOZE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="cloze">
    <name><text>Gas law blanks</text></name>
    <questiontext format="html"><text><![CDATA[<p>At STP one mole fills {2:NUMERICAL:=22.4:0} L, and water freezes at {1:SHORTANSWER:=273 K} .</p>]]></text></questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
  </question>
  <question type="multichoice">
    <name><text>Water</text></name>
    <questiontext format="html"><text>Molar mass of water?</text></questiontext>
    <defaultgrade>1</defaultgrade>
    <single>true</single>
    <answer fraction="100"><text>18 g/mol</text></answer>
    <answer fraction="0"><text>16 g/mol</text></answer>
  </question>
  <question type="cloze">
    <name><text>One-mark blanks</text></name>
    <questiontext format="html"><text>{1:SA:=Boyle} and {1:SA:=Charles}</text></questiontext>
  </question>
</quiz>
"""


def test_a_teachers_cloze_question_is_worth_what_moodle_marks_it(tmp_path):
    source = tmp_path / "gases.xml"
    source.write_text(TEACHER_CLOZE, encoding="utf-8")
    guide, problems = imported(source, tmp_path / "gases.yaml")
    assert [(q["type"], q.get("points")) for q in guide["questions"]] == [
        ("fill_in_blank", 3), ("multiple_choice", 1), ("fill_in_blank", 2)]
    assert guide["questions"][0]["prompt"] == "At STP one mole fills [[22.4]] L, and water freezes at [[273 K]] ."
    assert problems == []


def test_a_guide_without_points_comes_back_without_points(tmp_path):
    unmarked = MARKED.replace("        points: 1\n", "").replace("        points: 2\n", "").replace("        points: 3\n", "")
    source, first = exported(tmp_path, "moodle", unmarked)
    guide, _ = imported(source, tmp_path / "guides" / "quiz.yaml")
    assert [q.get("points") for q in guide["questions"]] == [None, None, None, None]
    assert exported_again("moodle", tmp_path / "guides" / "quiz.yaml") == first


MIXED = """
    title: Gases
    questions:
      - type: essay
        prompt: Explain why a balloon shrinks in a freezer.
      - type: multiple_choice
        prompt: Molar mass of water?
        choices: [16 g/mol, 18 g/mol]
        answer: B
      - type: true_false
        prompt: Gas expands when heated.
        answer: true
      - type: multiple_choice
        prompt: Which gas is lightest?
        choices: [helium, neon]
        answer: A
      - type: fill_in_blank
        prompt: STP is [[0]] °C.
"""


def by_type(xml: bytes) -> bytes:
    """The file as Moodle's own export writes the bank back: the questions grouped by type."""
    head, *blocks = xml.split(b"  <question ")
    last, tail = blocks[-1].split(b"</quiz>")
    blocks[-1] = last
    category = [b for b in blocks if b.startswith(b'type="category"')]
    rest = sorted((b for b in blocks if b not in category), key=lambda b: b.split(b'"')[1])
    return head + b"".join(b"  <question " + b for b in category + rest) + b"</quiz>" + tail


def test_a_bank_moodle_grouped_by_type_comes_back_in_the_papers_order(tmp_path):
    source, first = exported(tmp_path, "moodle", MIXED)
    source.write_bytes(by_type(first))
    assert source.read_bytes() != first
    guide, problems = imported(source, tmp_path / "guides" / "quiz.yaml")
    assert [q["prompt"][:12] for q in guide["questions"]] == [
        "Explain why ", "Molar mass o", "Gas expands ", "Which gas is", "STP is [[0]]"]
    assert problems == ["quiz-moodle.xml: warning: the questions are put in the order of the numbers their names start "
                        "with (Q01 to Q05), the guide's order; the file had them in another (Moodle's export groups a "
                        "bank by type)"]
    assert exported_again("moodle", tmp_path / "guides" / "quiz.yaml") == first


def test_a_bank_whose_names_are_not_all_numbered_keeps_the_files_order(tmp_path):
    source, first = exported(tmp_path, "moodle", MIXED)
    grouped = by_type(first)
    for renamed in (grouped.replace(b"<text>Q03 ", b"<text>Heat "), grouped.replace(b"<text>Q03 ", b"<text>Q02 ")):
        source.write_bytes(renamed)
        out = tmp_path / f"{len(list(tmp_path.iterdir()))}.yaml"
        guide, problems = imported(source, out)
        assert [q["type"] for q in guide["questions"]] == [
            "essay", "multiple_choice", "multiple_choice", "fill_in_blank", "true_false"]
        assert problems == []


TRUE_FALSE = """
    title: Leyes
    language: {language}
    questions:
      - type: true_false
        prompt: Congress can override a veto.
        answer: true
      - type: true_false
        prompt: El presidente escribe las leyes.
        answer: false
      - type: multiple_choice
        prompt: Which chamber?
        choices: [House, Senate]
        answer: B
"""


@pytest.mark.parametrize("fmt", ["kahoot", "blooket", "gimkit", "quizizz"])
@pytest.mark.parametrize("language", ["en", "es", "fr", "de", "pt", "zh"])
def test_true_false_in_the_guides_language_comes_back_as_true_false(tmp_path, fmt, language):
    source, first = exported(tmp_path, fmt, TRUE_FALSE.format(language=language))
    guide, problems = imported(source, tmp_path / "guides" / "quiz.yaml")
    right = [q["choices"]["ABCDEFGH".index(q["answer"])] if "choices" in q else q["answer"] for q in guide["questions"]]
    assert [q["type"] for q in guide["questions"]] == ["true_false", "true_false", "multiple_choice"]
    assert right == [True, False, "Senate"]
    assert guide.get("language") == (None if language == "en" else language)
    assert problems == []
    assert exported_again(fmt, tmp_path / "guides" / "quiz.yaml") == first


@pytest.mark.parametrize("words, language", [
    (("Wahr", "Falsch"), "de"), (("Vero", "Falso"), None), (("Verdadero", "Falso"), "es"), (("VRAI", "faux"), "fr")])
def test_a_teachers_gimkit_sheet_with_true_and_false_in_another_language(tmp_path, words, language):
    true, false = words
    source = tmp_path / "gimkit.csv"
    source.write_text("Gimkit Spreadsheet Import Template,,,,\nQuestion,Correct Answer,Incorrect Answer 1,"
                      f"Incorrect Answer 2 (Optional),Incorrect Answer 3 (Optional)\nOne?,{true},{false},,\n"
                      f"Two?,{false},{true},,\n", encoding="utf-8")
    guide, problems = imported(source, tmp_path / "out.yaml")
    assert [(q["type"], q["answer"]) for q in guide["questions"]] == [("true_false", True), ("true_false", False)]
    assert guide.get("language") == language
    assert problems == []


def test_true_and_false_in_two_languages_set_no_language(tmp_path):
    source = tmp_path / "blooket.csv"
    source.write_text("Question #,Question Text,Answer 1,Answer 2,Answer 3 (Optional),Answer 4 (Optional),"
                      "Time Limit (sec),Correct Answer(s)\n1,One?,True,False,,,20,1\n2,Dos?,Verdadero,Falso,,,20,2\n"
                      "3,Tres?,Sí,No,,,20,1\n", encoding="utf-8")
    guide, _ = imported(source, tmp_path / "out.yaml")
    assert [(q["type"], q["answer"]) for q in guide["questions"]] == [
        ("true_false", True), ("true_false", False), ("multiple_choice", "A")]
    assert "language" not in guide


def office_zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buffer.getvalue()


AS_TEXT = ("save it as Plain Text (.txt) and import that: a numbered list of questions, each with its choices 'a)', "
           "'b)'… and an 'Answer: b' line, imports as questions, and a term, a tab and its definition on each line as "
           "vocabulary")
AS_CSV = ("save the sheet as CSV (UTF-8) and import that: columns headed 'term' and 'definition' import as vocabulary, "
          "and 'question' and 'answer' as short-answer questions; or copy the questions into Kahoot's or Quizizz's "
          "question template (.xlsx)")
NO_HEADER = ("is a spreadsheet with no Kahoot or Quizizz header row ('Question' and 'Correct answer', or 'Question Type' "
             "and 'Option 1') in its first 20 rows")


def sheet(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("unit5.docx", office_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
     f"is a Word document; {AS_TEXT}"),
    ("unit5.odt", office_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
     f"is an OpenDocument text (.odt); {AS_TEXT}"),
    ("slides.pptx", office_zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>"}),
     "is a PowerPoint file; import reads a bank of questions or cards, not slides: copy the questions into a text file "
     "(a numbered list with 'Answer: b' lines) and import that"),
    ("vocab.ods", office_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
     f"is an OpenDocument spreadsheet (.ods); {AS_CSV}"),
    ("vocab.xlsx", sheet([["Term", "Definition"], ["mole", "6.022 × 10²³ particles"]]),
     f"{NO_HEADER}; its term and definition columns import as vocabulary from CSV: save the sheet as CSV (UTF-8) and "
     "import that"),
    ("marks.xlsx", sheet([["Name", "Mark"], ["Ana", "9"]]), f"{NO_HEADER}; {AS_CSV}"),
])
def test_a_word_document_or_a_spreadsheet_is_named_with_what_to_save_it_as(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    run = cli_inprocess(["import", name, "-o", "out.yaml"], cwd=tmp_path)
    assert (run.code, run.out, run.err.strip()) == (1, "", f"{name}: {message}")
    assert not (tmp_path / "out.yaml").exists()


def test_the_reasons_come_before_nothing_imported(tmp_path):
    (tmp_path / "list.txt").write_text("1. What is the capital of France?\na) Paris\nb) Rome\n\n2. Who wrote Hamlet?\n"
                                       "a) Shakespeare\nb) Dickens\n", encoding="utf-8")
    run = cli_inprocess(["import", "list.txt", "-o", "out.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (1, [
        "list.txt:1:1: warning: a question with choices but no 'Answer:' line; it is left out (write 'Answer: B' "
        "under its choices)",
        "list.txt:5:1: warning: a question with choices but no 'Answer:' line; it is left out (write 'Answer: B' "
        "under its choices)",
        "list.txt: no vocabulary or questions found; nothing imported"])


def test_a_question_and_answer_csv_imports_as_short_answers(tmp_path):
    source = tmp_path / "quiz.csv"
    source.write_text("Question,Answer\nWhat is 2+2?,4\nCapital of France?,Paris\nName a noble gas.,\n,stray\n",
                      encoding="utf-8")
    guide, problems = imported(source, tmp_path / "quiz.yaml")
    assert guide["questions"] == [
        {"type": "short_answer", "prompt": "What is 2+2?", "answer": "4"},
        {"type": "short_answer", "prompt": "Capital of France?", "answer": "Paris"},
        {"type": "short_answer", "prompt": "Name a noble gas."}]
    assert problems == ["quiz.csv:5:1: warning: an answer with no question; this row is left out"]


TIMED = """
    title: Gases
    time_limit: 30
    questions:
      - type: multiple_choice
        prompt: Molar mass of water?
        choices: [16 g/mol, 18 g/mol]
        answer: B
      - type: multiple_choice
        prompt: Which gas is lightest?
        choices: [helium, neon]
        answer: A
        time_limit: {second}
      - type: true_false
        prompt: Gas expands when heated.
        answer: true
"""


@pytest.mark.parametrize("fmt", ["kahoot", "quizizz", "blooket"])
def test_a_games_time_a_question_comes_back_once_at_the_top_when_every_question_shares_it(tmp_path, fmt):
    source, first = exported(tmp_path, fmt, TIMED.format(second=30))
    guide, problems = imported(source, tmp_path / "guides" / "quiz.yaml")
    assert guide["time_limit"] == 30
    assert [q.get("time_limit") for q in guide["questions"]] == [None, None, None]
    assert problems == []
    assert exported_again(fmt, tmp_path / "guides" / "quiz.yaml") == first


@pytest.mark.parametrize("fmt", ["kahoot", "quizizz", "blooket"])
def test_questions_with_different_times_keep_each_its_own(tmp_path, fmt):
    source, first = exported(tmp_path, fmt, TIMED.format(second=60))
    guide, _ = imported(source, tmp_path / "guides" / "quiz.yaml")
    assert "time_limit" not in guide
    assert [q.get("time_limit") for q in guide["questions"]] == [30, 60, 30]
    assert exported_again(fmt, tmp_path / "guides" / "quiz.yaml") == first


CARDS = """
    title: Gas Laws
    language: {language}
    vocabulary:
      - term: mole
        definition: The amount of substance holding 6.022 × 10²³ particles.
        example: One mole of carbon-12 has a mass of 12 g.
      - term: STP
        definition: Standard temperature and pressure.
"""


@pytest.mark.anki
@pytest.mark.parametrize("language", ["en", "fr", "zh"])
@pytest.mark.parametrize("extras", [True, False])
def test_ankis_notes_export_without_html_keeps_the_example_and_the_decks_name(tmp_path, language, extras):
    pytest.importorskip("anki.collection")
    guide = api.load(write_guide(tmp_path / "src", "gases.yaml", CARDS.format(language=language)))
    out = anki_notes_export(tmp_path, guide, html=False, extras=extras)
    assert "#html:false" in out.read_text(encoding="utf-8")
    back, problems = imported(out, tmp_path / "back.yaml")
    assert sorted(back["vocabulary"], key=lambda v: v["term"]) == [  # (Anki writes the notes in its own order)
        {"term": "STP", "definition": "Standard temperature and pressure."},
        {"term": "mole", "definition": "The amount of substance holding 6.022 × 10²³ particles.",
         "example": "One mole of carbon-12 has a mass of 12 g."}]
    assert back["title"] == ("Gas Laws" if extras else "notes")
    assert back.get("language") == (None if language == "en" else language)
    assert problems == []


OPEN = """
    title: Gases
    language: {language}
    questions:
      - type: short_answer
        prompt: How many moles are in 36.0 g of water?
        answer: 2.00 mol
      - type: short_answer
        prompt: At what temperature, in kelvin, does water freeze?
        answer: 273 K
        explanation: 0 °C is 273 K.
      - type: short_answer
        prompt: Name a noble gas.
        explanation: Group 18.
      - type: essay
        prompt: Explain why a balloon shrinks in a freezer.
        answer: Charles's law.
"""


@pytest.mark.parametrize("language", ["en", "fr", "zh"])
def test_quizizz_open_ended_rows_carry_the_model_answer_and_bring_it_back(tmp_path, language):
    from openpyxl import load_workbook

    from studyguide import labels

    words = labels.for_language(language)
    source, first = exported(tmp_path, "quizizz", OPEN.format(language=language))
    cells = [(r[1], r[10]) for r in load_workbook(io.BytesIO(first)).active.iter_rows(min_row=2, values_only=True)]
    assert cells == [("Open-Ended", f"{words['model_answer']} 2.00 mol"),
                     ("Open-Ended", f"{words['model_answer']} 273 K {words['why']} 0 °C is 273 K."),
                     ("Open-Ended", "Group 18."), ("Open-Ended", None)]
    guide, problems = imported(source, tmp_path / "guides" / "quiz.yaml")
    assert [(q.get("answer"), q.get("explanation")) for q in guide["questions"]] == [
        ("2.00 mol", None), ("273 K", "0 °C is 273 K."), (None, "Group 18."), (None, None)]
    assert guide.get("language") == (None if language == "en" else language)
    assert problems == []
    assert exported_again("quizizz", tmp_path / "guides" / "quiz.yaml") == first
