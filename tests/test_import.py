"""`studyguide import`: other tools' files → a new guide, and back out again unchanged.

For the formats studyguide exports (Quizlet, Anki, Moodle XML, QTI, Kahoot, Quizizz, Blooket, Gimkit), export → import →
export gives the same bytes. Each import format is also read from a file of the
tool's own shape: Anki's own notes export (made by the anki package), Moodle XML as
Moodle writes it, GIFT as Moodle's documentation writes it, Quizlet's separators,
and Gimkit's and Blooket's CSV templates.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import CASES, anki_notes_export, canvas_quiz, canvas_zip, guide_params, run_cli, write_guide
from studyguide import api, cli
from studyguide.errors import GuideError
from studyguide.export import FORMATS, games
from studyguide.importers import detect, import_file, read

ESCAPING = CASES / "export" / "escaping.yaml"
ALL = [*guide_params(), pytest.param(ESCAPING, id="escaping"),
       pytest.param(CASES / "export" / "hostile.yaml", id="hostile-file")]

HOSTILE = """
    title: "Hostile & <script>alert(1)</script> ]]> text"
    subtitle: "A & B"
    vocabulary:
      - term: "#tag <b> & \\"q\\""
        definition: "Two\\nlines\\tand a tab; **bold** *it*"
        example: "]]> and <script>"
    questions:
      - type: multiple_choice
        prompt: "The **New** *Deal* and x > & y, a ]]> end, <script>x</script>"
        choices: ["**A** *b*", "x  >  y", "All of the above"]
        answer: C
        points: 2
      - type: select_all
        prompt: Pick.
        choices: ["one", "two", "None of these"]
        answer: [A, B]
      - type: fill_in_blank
        prompt: "GIFT ~ = # { } : and cloze [[a~b|c#d]] with [[e}f]]."
        word_bank: true
      - type: ordering
        prompt: "Order **these** *now*."
        items: ["**first** *one*", "second & third", "x ]]> y"]
      - type: essay
        prompt: Discuss.
        answer: "Notes & <criteria>"
        lines: 20
      - type: fill_in_blank
        prompt: "Canvas writes [blank1] for [[one]] and [[two|2]]."
      - type: true_false
        prompt: Yes?
        answer: false
        explanation: Because.
"""


def _roundtrip(guide_path: Path, fmt: str, tmp_path: Path) -> tuple[bytes, bytes, list]:
    guide = api.cited_as_printed(api.load(guide_path))  # as `studyguide export` hands it to the exporter
    [(name, first)], _ = FORMATS[fmt](guide)
    exported = tmp_path / name
    exported.write_bytes(first)
    new = tmp_path / "guides" / guide_path.name  # the same file name: the exports' ids come from it
    _, draft = import_file(exported, new)
    [(_, again)], _ = FORMATS[fmt](api.load(new))
    return first, again, draft.problems


@pytest.mark.parametrize("fmt", ["quizlet", "anki", "moodle", "qti", "kahoot", "quizizz", "blooket", "gimkit"])
@pytest.mark.parametrize("guide_path", [*ALL, "hostile"])
def test_export_import_export_gives_the_same_bytes(guide_path, fmt, tmp_path):
    if guide_path == "hostile":
        guide_path = write_guide(tmp_path / "src", "hostile.yaml", HOSTILE)
    first, again, problems = _roundtrip(Path(guide_path), fmt, tmp_path)
    assert again == first
    assert problems == []


@pytest.mark.parametrize("fmt", ["moodle", "qti"])
def test_questions_with_line_breaks_tabs_and_escaped_matching_answers_come_back_the_same(fmt, tmp_path):
    """multiline.yaml (no vocabulary) has a matching answer that Moodle's export must escape."""
    first, again, problems = _roundtrip(CASES / "export" / "multiline.yaml", fmt, tmp_path)
    assert again == first
    assert problems == []


def test_import_never_writes_over_a_file(tmp_path):
    source = tmp_path / "cards.txt"
    source.write_text("cell\tthe unit of life\n", encoding="utf-8")
    target = tmp_path / "guides" / "cells.yaml"
    import_file(source, target)
    before = target.read_bytes()
    with pytest.raises(GuideError) as info:
        import_file(source, target)
    assert "already exists; studyguide import never writes over a file" in str(info.value)
    assert target.read_bytes() == before


def test_quizlet_separators(tmp_path):
    for text in ("cell\tthe unit of life\natom\tthe smallest unit\n", "cell,the unit of life\natom,the smallest unit",
                 "cell,the unit of life;atom,the smallest unit"):
        source = tmp_path / "quizlet.txt"
        source.write_text(text, encoding="utf-8")
        draft = read(source, "quizlet")
        assert draft.vocabulary == [{"term": "cell", "definition": "the unit of life"},
                                    {"term": "atom", "definition": "the smallest unit"}], text
    source.write_text("C++::a language\t{x = ~y}\nmap\ta::b\n", encoding="utf-8")
    assert detect(source, source.read_bytes()) == "quizlet"  # a tab on every line: cards, however GIFT-like
    source.write_text("cell\tthe unit of life\nno tab here\n", encoding="utf-8")
    draft = read(source)
    assert [str(p) for p in draft.problems] == [f"{source}:2:1: warning: this card has no tab between a term and its "
                                                "definition; it is left out"]


@pytest.mark.anki
def test_anki_own_notes_export_imports(tmp_path):
    """A deck as Anki itself exports it (Notes in Plain Text, with HTML and the GUID column)."""
    pytest.importorskip("anki.collection")
    guide = api.load(ESCAPING)
    out = anki_notes_export(tmp_path, guide, html=True)
    draft = read(out)
    assert detect(out, out.read_bytes()) == "anki"
    by_term = sorted((v["term"], v["definition"], v.get("example")) for v in draft.vocabulary)
    want = sorted((" ".join(t.term.split()), " ".join(t.definition.split()), t.example) for t in guide.vocabulary)
    assert by_term == want


MOODLE_OWN = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Default for Biology/Cells</text>
    </category>
  </question>
<!-- question: 123  -->
  <question type="ordering">
    <name>
      <text>Moodle</text>
    </name>
    <questiontext format="html">
      <text>Put these words in order.</text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[The correct answer is "Modular Object".]]></text>
    </generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <layouttype>VERTICAL</layouttype>
    <selecttype>ALL</selecttype>
    <selectcount>2</selectcount>
    <shownumcorrect>1</shownumcorrect>
    <answer fraction="2" format="html">
      <text>Object</text>
    </answer>
    <answer fraction="1" format="html">
      <text>Modular</text>
    </answer>
  </question>
  <question type="numerical">
    <name><text>Number</text></name>
    <questiontext format="html"><text>2 + 2?</text></questiontext>
    <answer fraction="100"><text>4</text></answer>
  </question>
  <question type="multichoice">
    <name><text>MC</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which is <strong>right</strong>? <img src="@@PLUGINFILE@@/x.png"></p>]]></text></questiontext>
    <defaultgrade>2.0000000</defaultgrade>
    <single>true</single>
    <shuffleanswers>1</shuffleanswers>
    <answer fraction="0" format="html"><text>No</text></answer>
    <answer fraction="100" format="html"><text>Yes &amp; sure</text></answer>
  </question>
</quiz>
"""


def test_moodle_xml_as_moodle_writes_it(tmp_path):
    source = tmp_path / "moodle.xml"
    source.write_text(MOODLE_OWN, encoding="utf-8")
    draft = read(source)
    assert draft.title == "Cells"
    assert draft.questions == [
        {"type": "ordering", "prompt": "Put these words in order.", "points": 1.0,
         "explanation": 'The correct answer is "Modular Object".', "items": ["Modular", "Object"]},
        {"type": "fill_in_blank", "prompt": "2 + 2? [[4]]"},
        {"type": "multiple_choice", "prompt": "Which is **right**?", "choices": ["No", "Yes & sure"], "answer": "B",
         "points": 2.0}]
    lines = MOODLE_OWN.splitlines()
    image = next(i for i, ln in enumerate(lines, 1) if "<img" in ln)
    assert [str(p) for p in draft.problems] == [
        f"{source}:{image}:5: warning: a picture (<img>) is left out (a guide holds text)"]


GIFT = r"""// From Moodle's GIFT documentation, one of each kind
$CATEGORY: Biology/Cells

::Q1:: Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

Grant is {~buried =entombed ~living} in Grant's tomb.

The sun rises in the east.{T}

::Q4:: Two plus two equals {=four =4}.

Match the following countries with their capitals. {
=Canada -> Ottawa
=Italy -> Rome
=Japan -> Tokyo
}

What is 1 + 1? {#2}

Which are primes? {~%50%2 ~%50%3 ~%-100%4####Two and three.}

Write a short biography of Dag Hammarskjöld. {}

Escapes: 1 \= 1 \{ok\} a\:b {=yes#Good! ~no#Think again.}
"""


def test_gift_as_moodle_documents_it(tmp_path):
    source = tmp_path / "bank.gift"
    source.write_text(GIFT, encoding="utf-8")
    draft = read(source)
    assert draft.title == "Cells"
    kinds = [q["type"] for q in draft.questions]
    assert kinds == ["multiple_choice", "multiple_choice", "true_false", "fill_in_blank", "matching", "select_all",
                     "essay", "multiple_choice"]
    q1, q2, tf, fib, match, sa, essay, esc = draft.questions
    assert q1 == {"type": "multiple_choice", "prompt": "Who's buried in Grant's tomb?",
                  "choices": ["Grant", "Jefferson", "no one"], "answer": "C"}
    assert q2["prompt"] == "Grant is _____ in Grant's tomb." and q2["answer"] == "B"
    assert tf["answer"] is True
    assert fib["prompt"] == "Two plus two equals [[four|4]]."
    assert match["pairs"] == [{"left": "Canada", "right": "Ottawa"}, {"left": "Italy", "right": "Rome"},
                              {"left": "Japan", "right": "Tokyo"}]
    assert sa["answer"] == ["A", "B"] and sa["explanation"] == "Two and three."
    assert esc["prompt"] == "Escapes: 1 = 1 {ok} a:b" and esc["choices"] == ["yes", "no"]
    lines = GIFT.splitlines()
    numeric = next(i for i, ln in enumerate(lines, 1) if "{#2}" in ln)
    escapes = next(i for i, ln in enumerate(lines, 1) if ln.startswith("Escapes"))
    assert [str(p) for p in draft.problems] == [
        f"{source}:{numeric}:1: warning: a numerical question ({{#…}}) has no match in a guide; it is left out",
        f"{source}:{escapes}:1: warning: feedback on single answers ('#…') has no place in a guide; it is left out"]
    target = tmp_path / "guides" / "bank.yaml"
    import_file(source, target)
    assert len(api.load(target).questions) == 8  # the written guide is a valid guide


def test_csv_of_vocabulary_and_the_game_templates(tmp_path):
    source = tmp_path / "words.csv"
    source.write_text("Term,Definition,Example,Notes\ncell,\"the unit, of life\",A cell divides.,x\n"
                      "atom,,\n", encoding="utf-8")
    draft = read(source)
    assert draft.vocabulary == [{"term": "cell", "definition": "the unit, of life", "example": "A cell divides."}]
    assert [str(p) for p in draft.problems] == [
        f"{source}:1:1: warning: column Notes left out (a term has a definition and an example)",
        f"{source}:3:1: warning: a term needs its definition; this row is left out"]
    guide = api.load(write_guide(tmp_path, "g.yaml", """
        title: Games
        questions:
          - type: multiple_choice
            prompt: Which?
            choices: ["=1+1", "-5", "b"]
            answer: A
          - type: select_all
            prompt: Pick.
            choices: [a, b, c]
            answer: [A, C]
    """))
    for fmt, kinds in (("gimkit", ["multiple_choice"]), ("blooket", ["multiple_choice", "select_all"])):
        [(name, data)], _ = FORMATS[fmt](guide)
        (tmp_path / name).write_bytes(data)
        draft = read(tmp_path / name)
        assert [q["type"] for q in draft.questions] == kinds, fmt
        first = draft.questions[0]
        assert sorted(first["choices"][:3]) == ["-5", "=1+1", "b"], "the formula guard is removed"
        assert first["choices"]["ABC".index(first["answer"])] == "=1+1"  # (Gimkit's: placed among the wrong ones)
    assert games  # the templates the CSV reader knows are the ones the exporter writes


def test_import_command(tmp_path, capsys):
    source = tmp_path / "cards.txt"
    source.write_text("cell\tthe unit of life\nbad line\n", encoding="utf-8")
    target = tmp_path / "guides" / "cells.yaml"
    with pytest.raises(SystemExit) as info:
        cli.main(["import", str(source), "-o", str(target)])
    out, err = capsys.readouterr()
    assert info.value.code == 0
    assert out.strip() == f"imported {source} → {target} (1 term, 0 questions)"
    assert err.strip() == f"{source}:2:1: warning: this card has no tab between a term and its definition; it is left out"
    text = target.read_text(encoding="utf-8")
    assert "# summary: |" in text and api.load(target).vocabulary[0].term == "cell"
    with pytest.raises(SystemExit) as info:
        cli.main(["import", str(source), "-o", str(target)])
    assert info.value.code == 1 and "already exists" in capsys.readouterr().err


CANVAS_ITEM = canvas_quiz("""\
      <item ident="i1" title="Question">
        <itemmetadata><qtimetadata>
          <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>numerical_question</fieldentry></qtimetadatafield>
        </qtimetadata></itemmetadata>
      </item>
      <item ident="i2" title="Question">
        <itemmetadata><qtimetadata>
          <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>multiple_choice_question</fieldentry></qtimetadatafield>
          <qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1.0</fieldentry></qtimetadatafield>
        </qtimetadata></itemmetadata>
        <presentation>
          <material><mattext texttype="text/html">&lt;div&gt;&lt;p&gt;Pick &lt;strong&gt;one&lt;/strong&gt;&lt;/p&gt;&lt;/div&gt;</mattext></material>
          <response_lid ident="response1" rcardinality="Single">
            <render_choice>
              <response_label ident="1"><material><mattext texttype="text/plain">a</mattext></material></response_label>
              <response_label ident="2"><material><mattext texttype="text/plain">b</mattext></material></response_label>
            </render_choice>
          </response_lid>
        </presentation>
        <resprocessing>
          <respcondition continue="No">
            <conditionvar><varequal respident="response1">2</varequal></conditionvar>
            <setvar action="Set" varname="SCORE">100</setvar>
          </respcondition>
        </resprocessing>
      </item>
""")


def test_qti_zip_as_canvas_exports_it(tmp_path):
    source = canvas_zip(tmp_path / "quiz.zip", CANVAS_ITEM)
    draft = read(source)
    assert detect(source, source.read_bytes()) == "qti"
    assert draft.title == "Canvas quiz"
    assert draft.questions == [{"type": "multiple_choice", "prompt": "Pick **one**", "choices": ["a", "b"],
                                "answer": "B"}]
    line = next(i for i, ln in enumerate(CANVAS_ITEM.splitlines(), 1) if 'ident="i1"' in ln)
    assert [str(p) for p in draft.problems] == [
        f"{source}:{line}:7: warning: a1/a1.xml: a numerical question with no exact answer (a range has no match in "
        "a guide); it is left out"]


# --- a bank from a stranger never crashes the importer ------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["{", "}", "=", "~", "#", "->", "%50%", "::", "\\", "\n", "\n\n", "\t", ",", ";", '"', "<b>", "</b>",
          "<quiz>", "</quiz>", "<question type='multichoice'>", "</question>", "<answer fraction='100'>", "</answer>",
          "<text>", "</text>", "<![CDATA[", "]]>", "&amp;", "&#", "term", "definition", "question", "correct answer",
          "#separator:tab", "#html:true", "#guid column:1", "[[", "]]", "T", "x", " ",
          "1. ", "a) ", "B. ", "(c) ", "*", "Answer: ", "ANSWER: B", "True", "Explanation: "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=40),
       st.sampled_from(["quizlet", "anki", "moodle", "gift", "csv", "kahoot", "aiken"]))
def test_any_bank_gives_a_draft_or_a_located_message(tmp_path, pieces, fmt):
    source = tmp_path / "bank.txt"
    source.write_text("".join(pieces), encoding="utf-8")
    try:
        draft = read(source, fmt)
    except GuideError as exc:
        assert all(str(p).startswith(str(source)) for p in exc.problems)
        return
    assert all(str(p).startswith(str(source)) for p in draft.problems)
    for question in draft.questions:
        assert question["type"] and isinstance(question["prompt"], str)


# -- Kahoot's and Quizizz's spreadsheets (.xlsx) ---------------------------------------------------------

def _sheet(path: Path, rows: list[list], start: int = 1) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for r, row in enumerate(rows, start):
        for c, value in enumerate(row, 1):
            wb.active.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def test_a_kahoot_sheet_as_kahoot_writes_it(tmp_path):
    """The template's header sits on row 8 under Kahoot's own title rows; times are numbers, the right
    answers a number or '1,3'. A row without a right answer is left out with its row and column."""
    rows = [["", "Quiz template"], [], [], [], [], [], [],
            ["", *games.KAHOOT_HEADER],
            [1, "Which is a planet?", "Mars", "Moon", "Sun", None, 20, 1],
            [2, "Pick the gases.", "Oxygen", "Iron", "Neon", "Salt", 30, "1,3"],
            [3, "The Sun is a star.", "True", "False", None, None, 10, 1],
            [4, "No right answer here.", "A", "B", None, None, 20, None]]
    source = _sheet(tmp_path / "planets.xlsx", rows)
    assert detect(source, source.read_bytes()) == "kahoot"
    draft = read(source)
    assert draft.questions == [
        {"type": "multiple_choice", "prompt": "Which is a planet?", "choices": ["Mars", "Moon", "Sun"], "answer": "A"},
        {"type": "select_all", "prompt": "Pick the gases.", "choices": ["Oxygen", "Iron", "Neon", "Salt"],
         "answer": ["A", "C"], "time_limit": 30},
        {"type": "true_false", "prompt": "The Sun is a star.", "answer": True, "time_limit": 10}]
    assert [str(p) for p in draft.problems] == [
        f"{source}:12:8: warning: a question needs two answers and a right one; this row is left out"]


def test_a_quizizz_sheet_with_every_question_type(tmp_path):
    rows = [list(games.QUIZIZZ_HEADER),
            ["2 + 2 = ____", "Fill-in-the-Blank", "4", "four", None, None, None, None, 30],
            ["Name a prime.", "Fill-in-the-Blank", "2", "3", None, None, None, None, 20],
            ["Why do leaves fall?", "Open-Ended", None, None, None, None, None, None, 60],
            ["Favourite colour?", "Poll", "Red", "Blue", None, None, None, None, 20]]
    source = _sheet(tmp_path / "mixed.xlsx", rows)
    draft = read(source, "quizizz")
    assert draft.questions == [
        {"type": "fill_in_blank", "prompt": "2 + 2 = [[4|four]]", "time_limit": 30},
        {"type": "short_answer", "prompt": "Name a prime.", "answer": "2 / 3", "lines": 1},
        {"type": "short_answer", "prompt": "Why do leaves fall?", "time_limit": 60}]
    assert [str(p) for p in draft.problems] == [
        f"{source}:5:2: warning: a 'Poll' question has no kind in a guide; this row is left out"]


def test_a_damaged_spreadsheet_gets_a_message_not_a_traceback(tmp_path):
    """Said in words a teacher reads: the message named Python's exception ('(IndexError)', '(BadZipFile)'), found
    by bench/fuzz.py."""
    import zipfile

    source = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr("xl/workbook.xml", "<not a workbook")
    with pytest.raises(GuideError) as info:
        read(source)
    assert str(info.value) == (f"{source}: is not a spreadsheet studyguide can read (a part of it is damaged or "
                               "missing); open it in Excel, LibreOffice or Google Sheets and save it again as .xlsx")
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Question", "Answer 1"])
    book.save(source)
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        sheet = zf.getinfo("xl/worksheets/sheet1.xml")
    data[sheet.header_offset + 30 + len(sheet.filename) + 5] ^= 0xFF  # a byte of the sheet: its check sum fails
    source.write_bytes(bytes(data))
    with pytest.raises(GuideError) as info:
        read(source)
    assert str(info.value) == (f"{source}: is not a spreadsheet studyguide can read (it is damaged or cut short); "
                               "open it in Excel, LibreOffice or Google Sheets and save it again as .xlsx")


def test_import_warnings_print_in_line_order(tmp_path, capsys):
    """The importers find problems in their own order (this Moodle file's at lines 1, 5, 9, 5, 3, found by the
    review); they are printed by line, as validate prints a guide's."""
    source = tmp_path / "bank.xml"
    source.write_text('''<?xml version="1.0" encoding="ISO-8859-1"?>
<quiz>
<question type="multichoice">
<name><text>Q1</text></name>
<questiontext format="html"><text>Soil & rocks: which is <b>organic</b>? Café</text></questiontext>
<single>true</single>
<answer fraction="100"><text>Humus</text></answer>
<answer fraction="100"><text>Compost</text></answer>
<answer fraction="0"><text>Sand & gravel</text></answer>
</question>
</quiz>
''', encoding="utf-8")
    with pytest.raises(SystemExit):
        cli.main(["import", str(source), "-o", str(tmp_path / "bank.yaml")])
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0][len(str(source)) + 1:] for line in lines] == ["1:31", "3:1", "5:40", "5:62", "9:33",
                                                                              ""]  # then what Moodle XML cannot hold


def test_a_spreadsheet_whose_sheet_link_is_broken_prints_no_library_warning(tmp_path):
    """A Quizizz sheet whose workbook names its sheet through a broken namespace: openpyxl printed its own
    'site-packages/openpyxl/reader/workbook.py:84: UserWarning: File contains an invalid specification for 0'
    and 'warn(msg)' before the message (found by bench/fuzz.py): two lines with no place in the teacher's file.
    Only the message is printed."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Question Text", "Question Type", "Option 1", "Option 2", "Correct Answer"])
    book.save(tmp_path / "fine.xlsx")
    with zipfile.ZipFile(tmp_path / "fine.xlsx") as src, zipfile.ZipFile(tmp_path / "quiz.xlsx", "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/workbook.xml":
                body = re.sub(rb'xmlns:r="[^"]*"', b'xmlns:r="100000000000"', body)
            dst.writestr(info, body)
    proc = run_cli("import", "quiz.xlsx", "-o", "quiz.yaml", cwd=tmp_path)
    assert proc.stderr == ("quiz.xlsx: is not a spreadsheet studyguide can read (a part of it is damaged or missing); "
                           "open it in Excel, LibreOffice or Google Sheets and save it again as .xlsx\n")
    assert proc.returncode == 1 and not (tmp_path / "quiz.yaml").exists()
