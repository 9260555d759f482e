"""What an imported bank holds that a guide cannot: each left out, or changed, with a warning at its line.

Partial credit (GIFT, Moodle XML), cells under no heading (CSV), a third field (Quizlet), banks longer
than a guide, formulas with no saved value and numbers (spreadsheets), outside entities (XML) and QTI
packages that unpack to more than a bank ever does: small files as the hostile round 5 made them.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from studyguide.errors import GuideError
from studyguide.importers import import_file


def imported(tmp_path: Path, name: str, data) -> tuple[dict, list[str]]:
    """The guide written from ``data`` saved as ``name``, and the warnings, with the folder left off."""
    source = tmp_path / name
    source.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    out, draft = import_file(source, tmp_path / "out.yaml")
    return yaml.safe_load(out.read_text(encoding="utf-8")), [str(p).replace(f"{tmp_path}/", "") for p in draft.problems]


def refused(tmp_path: Path, name: str, data) -> str:
    source = tmp_path / name
    source.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()
    return str(info.value).replace(f"{tmp_path}/", "")


def test_gift_partial_credit_keeps_the_type_and_only_full_marks_are_right(tmp_path):
    guide, warnings = imported(tmp_path, "t.gift", (
        "::Weights:: Pick {~%50%half right ~%-100%wrong =right}\n\n"
        "::Several:: Pick both {~%50%one ~%50%two ~%-100%three}\n\n"
        "::TF:: The sky is green.{F#No, it is blue.#Correct}\n"))
    assert guide["questions"] == [
        {"type": "multiple_choice", "prompt": "Pick", "choices": ["half right", "wrong", "right"], "answer": "C"},
        {"type": "select_all", "prompt": "Pick both", "choices": ["one", "two", "three"], "answer": ["A", "B"]},
        {"type": "true_false", "prompt": "The sky is green.", "answer": False, "explanation": "No, it is blue."}]
    assert warnings == [
        "t.gift:1:1: warning: 'half right' was worth 50 %; a guide has no partial credit, so it is counted wrong",
        "t.gift:5:1: warning: the feedback 'Correct' is left out (a guide keeps one explanation a question)"]


def test_moodle_partial_credit_is_said(tmp_path):
    guide, warnings = imported(tmp_path, "frac.xml", (
        '<?xml version="1.0"?>\n<quiz><question type="multichoice"><name><text>Q</text></name><questiontext '
        'format="html"><text>Best answer?</text></questiontext><single>true</single>\n'
        '<answer fraction="100"><text>best</text></answer><answer fraction="50"><text>partly</text></answer>'
        '<answer fraction="0"><text>wrong</text></answer><answer fraction="-50"><text>bad</text></answer>'
        "</question></quiz>\n"))
    assert guide["questions"] == [{"type": "multiple_choice", "prompt": "Best answer?",
                                   "choices": ["best", "partly", "wrong", "bad"], "answer": "A"}]
    assert warnings == ["frac.xml:3:50: warning: 'partly' was worth 50 %; a guide has no partial credit, so it is "
                        "counted wrong"]


def test_csv_cells_under_no_heading_are_said_once(tmp_path):
    guide, warnings = imported(tmp_path, "extra.csv", "term,definition\nalpha,first letter,EXTRA-LOST\nbeta,second\n")
    assert guide["vocabulary"] == [{"term": "alpha", "definition": "first letter"},
                                   {"term": "beta", "definition": "second"}]
    assert warnings == ["extra.csv:2:20: warning: a third cell 'EXTRA-LOST' is left out (a column needs a heading, "
                        "such as example, to be read)"]
    began = time.process_time()  # CPU seconds, here and below: the clock counts the machine's other work too
    (tmp_path / "wide").mkdir()
    guide, warnings = imported(tmp_path / "wide", "wide.csv", "term,definition\na,b" + ",c" * 200_000 +
                               "\nd,e,\"f, g\",h\n")
    assert time.process_time() - began < 5
    assert [v["term"] for v in guide["vocabulary"]] == ["a", "d"]
    assert warnings == ["wide.csv:2:5: warning: a third cell 'c' is left out (a column needs a "
                        "heading, such as example, to be read); 200,001 more cells with no heading (lines 2–3) are "
                        "left out too"]


def test_a_csv_far_longer_than_a_guide_is_refused_without_reading_it_all(tmp_path):
    rows = "".join(f"w{i},meaning {i}\n" for i in range(300_000))
    began = time.process_time()
    message = refused(tmp_path, "big.csv", "term,definition\n" + rows)
    assert time.process_time() - began < 3  # was 3.3 s and 267 MB, counting all 300,000
    assert message == ("big.csv: has more than 1,000 terms, and a guide holds at most 1,000; nothing written (split "
                       "big.csv into smaller files and import each)")


def test_quizlet_a_card_with_no_term_and_a_third_field(tmp_path):
    guide, warnings = imported(tmp_path, "ql.txt", "photosynthesis\tmaking sugar\nchlorophyll\tgreen pigment\tEXTRA3\n"
                                                   "\tno term here\nstomata\t\n")
    assert guide["vocabulary"] == [{"term": "photosynthesis", "definition": "making sugar"},
                                   {"term": "chlorophyll", "definition": "green pigment"}]
    assert warnings == [
        "ql.txt:2:27: warning: a third field 'EXTRA3' is left out (a card has a term, a tab and its definition)",
        "ql.txt:3:1: warning: this card has no term before its tab; it is left out",
        "ql.txt:4:9: warning: this card has no definition after its tab; it is left out"]


def _workbook(rows: list[list]) -> bytes:
    import io

    import openpyxl
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


QUIZIZZ = ["Question Text", "Question Type", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5",
           "Correct Answer", "Time in seconds"]


def test_spreadsheet_rows_left_out_are_each_said_and_numbers_read_as_shown(tmp_path):
    guide, warnings = imported(tmp_path, "q.xlsx", _workbook([
        QUIZIZZ,
        ["What is 6*7?", "Multiple Choice", "=6*7", "41", "40", None, None, 1, 20],
        ['=HYPERLINK("http://x","click")', "Multiple Choice", "a", "b", None, None, None, 2, 20],
        [None, "Multiple Choice", "orphan", "answers", None, None, None, 1, 20],
        ["Which is 0.3?", "Multiple Choice", 0.1 + 0.2, 1e308, 12345678901234567890, 2.0, None, 1, 20]]))
    assert guide["questions"] == [{"type": "multiple_choice", "prompt": "Which is 0.3?",
                                   "choices": ["0.3", "1E+308", "1.23456789012346E+19", "2"], "answer": "A"}]
    assert warnings == [
        "q.xlsx:2:3: warning: cell C2 is a formula with no saved value (=6*7); open the file in your spreadsheet app "
        "and save it again, then import it again; this row is left out",
        "q.xlsx:3:1: warning: cell A3 is a formula with no saved value (=HYPERLINK(\"http://x\",\"click\")); open the "
        "file in your spreadsheet app and save it again, then import it again; this row is left out",
        "q.xlsx:4:1: warning: this row has answers but no question (cell A4 is empty); it is left out"]


def _zip(members: dict[str, bytes]) -> bytes:
    """A zip of the members, stray ones stored as they are (so that a test can damage their bytes)."""
    import io
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data, zipfile.ZIP_STORED if name.startswith("stray") else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_qti_zip_that_unpacks_to_more_than_a_quiz_is_refused_before_reading(tmp_path):
    blob = b'<?xml version="1.0"?><questestinterop>' + b" " * (19 * 2**20) + b"</questestinterop>"
    data = _zip({f"q{i}.xml": blob for i in range(3)})  # each under the 20 MB a member may be; 57 MB in all
    assert len(data) < 2**20
    began = time.process_time()
    assert refused(tmp_path, "multi.zip", data) == "multi.zip: unpacks to more than 50 MB; not imported"
    assert time.process_time() - began < 1  # nothing was unpacked (the 40-member repro took 5.35 s and 1.4 GB)


def test_a_qti_zip_is_read_by_its_manifest(tmp_path):
    """Only what the manifest names is read: a stray XML beside the quiz (here damaged, which stopped the
    import when every member was read) is not."""
    item = ('<?xml version="1.0"?>\n<questestinterop><assessment title="Q"><section><item ident="i1">'
            '<itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>'
            'true_false_question</fieldentry></qtimetadatafield></qtimetadata></itemmetadata><presentation><material>'
            '<mattext texttype="text/html">Is 10&lt;sup&gt;3&lt;/sup&gt; a thousand?</mattext></material>'
            '<response_lid ident="response1"><render_choice><response_label ident="t"><material><mattext>True'
            '</mattext></material></response_label><response_label ident="f"><material><mattext>False</mattext>'
            '</material></response_label></render_choice></response_lid></presentation><resprocessing><respcondition>'
            '<conditionvar><varequal respident="response1">t</varequal></conditionvar><setvar action="Set" '
            'varname="SCORE">100</setvar></respcondition></resprocessing></item></section></assessment>'
            '</questestinterop>\n')
    manifest = ('<?xml version="1.0"?>\n<manifest><resources><resource><file href="quiz/quiz.xml"/></resource>'
                '</resources></manifest>\n')
    data = _zip({"imsmanifest.xml": manifest.encode(), "quiz/quiz.xml": item.encode(),
                 "stray.xml": b"<stray>" + b"UNREAD" * 40 + b"</stray>"})
    assert b"UNREAD" * 40 in data
    data = data.replace(b"UNREAD" * 40, b"UNREAD" * 39 + b"DAMAGE")  # its checksum no longer matches
    guide, warnings = imported(tmp_path, "quiz.zip", data)
    assert guide["questions"] == [{"type": "true_false", "prompt": "Is 10³ a thousand?", "answer": True}]
    assert warnings == []


def test_an_outside_entity_is_left_out_and_said(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    guide, warnings = imported(tmp_path, "xxe.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<quiz><question type="truefalse"><name><text>Q</text></name><questiontext format="html"><text>Is &x; '
        'true?</text></questiontext>\n<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>'
        "false</text></answer></question></quiz>\n"))
    assert guide["questions"] == [{"type": "true_false", "prompt": "Is  true?", "answer": True}]
    assert warnings == ["xxe.xml:3:98: warning: the file names an outside entity (&x;), which stands for another file "
                        "or a web address; it is left out"]
