"""`studyguide import` of damaged or odd files: a located message naming the file (and row or member), never
"internal error"; nothing a file holds is lost without a warning saying where.
"""
from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

import pytest

from studyguide import api, cli
from studyguide.errors import GuideError
from studyguide.export import FORMATS
from studyguide.importers import import_file, read

GUIDE = Path(__file__).resolve().parents[1] / "guides" / "photosynthesis-and-the-carbon-cycle.yaml"


def _qti(tmp_path: Path) -> bytes:
    [(_, data)], _ = FORMATS["qti"](api.cited_as_printed(api.load(GUIDE)))
    return data


def _damaged(tmp_path: Path, data: bytes) -> str:
    source = tmp_path / "quiz.zip"
    source.write_bytes(data)
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "out.yaml")
    assert not (tmp_path / "out.yaml").exists()
    return str(info.value).replace(str(source), "quiz.zip")


def test_a_damaged_qti_zip_names_the_member_and_the_fix(tmp_path):
    data = _qti(tmp_path)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        first, second = zf.infolist()[:2]
    # a changed byte in the second member's stored text: its CRC-32 no longer matches
    at = second.header_offset + 30 + len(second.filename) + 40
    crc = data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:]
    assert _damaged(tmp_path, crc) == (f"quiz.zip: {second.filename}: the zip is damaged (Bad CRC-32); nothing imported. "
                                       "Export the quiz again and import the new file")
    magic = data[:first.header_offset] + b"PK\x03\x05" + data[first.header_offset + 4:]
    assert _damaged(tmp_path, magic) == ("quiz.zip: imsmanifest.xml: the zip is damaged (Bad magic number for file "
                                         "header); nothing imported. Export the quiz again and import the new file")


def test_no_damaged_export_gives_an_internal_error(tmp_path):
    """Byte-mutated QTI, Kahoot and CSV exports: a draft or a GuideError, never another exception."""
    guide = api.cited_as_printed(api.load(GUIDE))
    sources = {fmt: FORMATS[fmt](guide)[0][0] for fmt in ("qti", "kahoot", "gimkit", "moodle")}
    rng = random.Random(7)
    for i in range(240):
        name, data = sources[("qti", "kahoot", "gimkit", "moodle")[i % 4]]
        data = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            p = rng.randrange(len(data))
            if rng.random() < 0.5:
                del data[p:p + rng.randint(1, 20)]
            else:
                data[p] = rng.randrange(256)
        source = tmp_path / f"{i}-{name}"
        source.write_bytes(bytes(data))
        try:
            read(source)
        except GuideError as exc:
            assert str(exc).startswith(str(source)), str(exc)


@pytest.mark.parametrize("ends", ["\r", "\r\n", "\n"])
def test_csv_and_quizlet_with_any_line_ends(tmp_path, ends):
    csv_file = tmp_path / "words.csv"
    csv_file.write_bytes(ends.join(["term,definition", "cat,animal", "dog,pet", ""]).encode())
    assert read(csv_file).vocabulary == [{"term": "cat", "definition": "animal"}, {"term": "dog", "definition": "pet"}]
    cards = tmp_path / "cards.txt"
    cards.write_bytes(ends.join(["cat\tanimal", "dog\tpet", ""]).encode())
    assert read(cards).vocabulary == [{"term": "cat", "definition": "animal"}, {"term": "dog", "definition": "pet"}]


def test_a_csv_cell_too_long_for_any_guide(tmp_path, capsys):
    source = tmp_path / "big.csv"
    source.write_text("term,definition\ncat,animal\ndog," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        cli.main(["import", str(source), "-o", str(tmp_path / "big.yaml")])
    assert info.value.code == 1
    assert capsys.readouterr().err.strip() == (
        f"{source}:3:1: a cell longer than 131,072 characters (more than a guide can hold; is a '\"' left open?); "
        "nothing imported")
    assert not (tmp_path / "big.yaml").exists()


def test_an_unclosed_quote_in_a_csv_is_located(tmp_path):
    source = tmp_path / "words.csv"
    source.write_text('term,definition\ncat,animal\ndog,"a loyal pet\nfish,swims\nbird,flies\n', encoding="utf-8")
    draft = read(source)
    assert [v["term"] for v in draft.vocabulary] == ["cat", "dog"]
    assert [str(p) for p in draft.problems] == [
        f"{source}:3:1: warning: a '\"' opens a quoted cell that runs to line 5, so lines 4–5 are read into this row; "
        "close the quote (a quote inside a quoted cell is written '\"\"')"]
    fine = tmp_path / "fine.csv"  # a quoted cell over two lines, with no row inside it: no warning
    fine.write_text('term,definition\ncat,"an animal\nthat purrs"\ndog,pet\n', encoding="utf-8")
    assert read(fine).problems == [] and len(read(fine).vocabulary) == 2


def test_gift_unclosed_brace_and_missing_blank_lines_are_located(tmp_path):
    """The unclosed '{' is located at the brace itself (it had been column 1 of the question's line), here and
    on a later line of its question."""
    source = tmp_path / "bank.gift"
    source.write_text("::Q1:: Two and two? {=4 ~3}\n\n::Q2:: Broken {=a ~b\n\n::Q3:: Capital of France? {=Paris ~Rome}"
                      "\n\n::Q4:: Sky is blue {T}\n::Q5:: Grass is red {F}\nWater is wet {T}\n\n"
                      "Moodle costs {~lots =nothing} to\ndownload.\n", encoding="utf-8")
    draft = read(source)
    assert [q["prompt"] for q in draft.questions] == [
        "Two and two?", "Capital of France?", "Sky is blue", "Grass is red", "Water is wet",
        "Moodle costs _____ to\ndownload."]
    assert [str(p) for p in draft.problems] == [
        f"{source}:3:15: warning: a '{{' with no closing '}}'; this question is left out (end its answers with '}}')",
        f"{source}:8:1: warning: a new question starts here with no blank line before it; it is read as a question "
        "of its own (put a blank line between questions)",
        f"{source}:9:1: warning: a new question starts here with no blank line before it; it is read as a question "
        "of its own (put a blank line between questions)"]
    later = tmp_path / "later.gift"
    later.write_text("What is the capital\nof France? {=Paris ~Lyon\n", encoding="utf-8")
    assert [str(p) for p in read(later).problems] == [
        f"{later}:2:12: warning: a '{{' with no closing '}}'; this question is left out (end its answers with '}}')",
        f"{later}:1:1: warning: no GIFT questions found"]


SPECIAL = """<?xml version="1.0"?>
<quiz>
<question type="multichoice"><name><text>q1</text></name><questiontext format="html"><text><![CDATA[<p>Compute 2*3*4,
see {@x} and **z**, <b>really</b></p>]]></text></questiontext><answer fraction="100"><text>*yes*</text></answer>
<answer fraction="0"><text>no</text></answer><answer fraction="0"><text></text></answer></question>
<question type="multichoice"><name><text>q2</text></name><questiontext format="html"><text>Pick</text></questiontext>
<answer fraction="100"><text></text></answer><answer fraction="0"><text>a</text></answer>
<answer fraction="0"><text>b</text></answer></question>
</quiz>"""


def test_an_imported_guide_prints_the_source_s_stars_and_braces_and_validates(tmp_path):
    from studyguide import inline

    source = tmp_path / "bank.xml"
    source.write_text(SPECIAL, encoding="utf-8")
    out, draft = import_file(source, tmp_path / "bank.yaml")
    [q] = api.load(out).questions
    assert inline.plain(q.prompt) == "Compute 2*3*4,\nsee {\u200b@x} and **z**, really"
    assert inline.markup(q.prompt).endswith("**z**, <b>really</b>")
    assert [inline.markup(c) for c in q.choices] == ["*yes*", "no"]
    assert [str(p).replace(str(source), "bank.xml") for p in draft.problems] == [
        "bank.xml:5:46: warning: an answer with no text is left out",
        "bank.xml:7:1: warning: an answer with no text (marked right) is left out",
        "bank.xml:6:1: warning: no answer has a positive grade; it is left out"]


def test_invisible_characters_are_left_out_with_their_place(tmp_path):
    source = tmp_path / "words.csv"
    source.write_text("term,definition\ncat,animal\nfoo\x1b[31m,bar\u202e\x00\n", encoding="utf-8")
    out, draft = import_file(source, tmp_path / "words.yaml")
    assert [(t.term, t.definition) for t in api.load(out).vocabulary] == [("cat", "animal"), ("foo[31m", "bar")]
    assert [str(p) for p in draft.problems] == [
        f"{source}:3:4: warning: the invisible control characters U+0000, U+001B, U+202E left out (a guide cannot "
        "hold them)"]


def test_a_bank_too_large_for_one_guide_is_refused_before_writing(tmp_path):
    source = tmp_path / "big.csv"
    source.write_text("term,definition\n" + "".join(f"term{i},definition number {i}\n" for i in range(1001)),
                      encoding="utf-8")
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "big.yaml")
    assert str(info.value) == (f"{source}: has more than 1,000 terms, and a guide holds at most 1,000; nothing written (split "
                               "big.csv into smaller files and import each)")
    words = " ".join(["photosynthesis"] * 80)  # 1,199 characters
    source.write_text("term,definition\n" + "".join(f"t{i:03},{words}\n" for i in range(900)), encoding="utf-8")
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "big.yaml")
    assert str(info.value) == (f"{source}: makes a guide of more than 1,000,000 bytes (its text alone is 1,082,700), "
                               "and a guide may be at most 1,000,000 bytes; nothing written (split big.csv into "
                               "smaller files and import each)")
    words = " ".join(["photosynthesis"] * 72)  # 1,079 characters: 974,700 of text, and the YAML's keys and indents
    source.write_text("term,definition\n" + "".join(f"t{i:03},{words}\n" for i in range(900)), encoding="utf-8")
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "big.yaml")
    assert re.fullmatch(f"{re.escape(str(source))}: makes a guide of 1,[0-9]{{3}},[0-9]{{3}} bytes, and a guide may be "
                        r"at most 1,000,000 bytes; nothing written \(split big.csv into smaller files and import each\)",
                        str(info.value)), str(info.value)
    assert not (tmp_path / "big.yaml").exists()


def test_a_backslash_star_prints_a_star():
    from studyguide import inline

    assert inline.markup(r"\*yes\* and *it* and **b** \*\*z\*\*") == "*yes* and <i>it</i> and <b>b</b> **z**"
    assert inline.plain(r"5 \* 3 and a\b") == "5 * 3 and a\\b"


def test_new_with_a_reading_too_long_for_a_guide_writes_nothing(tmp_path):
    from studyguide.errors import UsageError

    para = "word " * 19 + "word"  # 99 characters
    fits, long = tmp_path / "fits.txt", tmp_path / "long.txt"
    fits.write_text("Title\n\n" + "\n\n".join([para] * 990), encoding="utf-8")  # 99,988 characters
    long.write_text("Title\n\n" + "\n\n".join([para] * 1100), encoding="utf-8")
    api.new_guide(tmp_path / "fits.yaml", fits)
    assert api.load(tmp_path / "fits.yaml").reading.paragraphs == (para,) * 990
    with pytest.raises(UsageError) as info:
        api.new_guide(tmp_path / "long.yaml", long)
    assert str(info.value) == (f"{long}: its text is 111,098 characters, and a guide's reading holds at most 100,000 "
                               "(about 40 pages); use an excerpt of it")
    assert not (tmp_path / "long.yaml").exists()


def test_what_a_guide_cannot_hold_is_named_by_its_place_and_nothing_is_written(tmp_path):
    """A term too long for a guide is said at its card's line in the bank (the fourth line, after a repeated card
    left out and an empty line): the message named the file alone (found by bench/fuzz.py)."""
    source = tmp_path / "cards.txt"
    source.write_text("cell\tthe unit of life\nCell\tagain\n\n" + "x" * 201 + "\ttoo long a term\n", encoding="utf-8")
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "cards.yaml")
    assert str(info.value) == (f"{source}:4:1: the guide made from it would not validate: vocabulary item 2.term: 201 "
                               "characters; at most 200 fit here (shorten it); nothing written (change that in "
                               "cards.txt, and import it again)")
    assert not (tmp_path / "cards.yaml").exists()


def test_gift_that_ends_inside_an_answer_block_says_so_quickly(tmp_path):
    import time

    source = tmp_path / "bank.gift"
    source.write_text("::Q1:: Two and two? {=4 ~3}\n\n::Q2:: Broken {\n" + "~ a\n\n" * 20_000, encoding="utf-8")
    began = time.process_time()  # CPU seconds, not the clock's (a busy machine's other work)
    draft = read(source)
    assert time.process_time() - began < 2  # was quadratic in the block's lines (minutes)
    assert [q["prompt"] for q in draft.questions] == ["Two and two?"]
    assert [str(p) for p in draft.problems] == [
        f"{source}:3:15: warning: a '{{' with no closing '}}'; this question is left out (end its answers with '}}')"]


# -- hand-edited exports, read back (hostile round 3): each change is read as meant and said where, or refused

def _export(fmt: str) -> bytes:
    [(_, data)], _ = FORMATS[fmt](api.cited_as_printed(api.load(GUIDE)))
    return data


def _imported(tmp_path: Path, name: str, data: bytes) -> tuple[str, list[str]]:
    source = tmp_path / name
    source.write_bytes(data)
    out, draft = import_file(source, tmp_path / (name + ".yaml"))
    return out.read_text(encoding="utf-8"), [str(p).replace(str(source), name) for p in draft.problems]


def test_moodle_xml_with_a_bare_ampersand_is_read_as_the_text_typed(tmp_path):
    data = _export("moodle")
    at = data.index(b"</text>", data.index(b"<answer fraction="))
    edited = data[:at] + b" & rocks" + data[at:]
    line = edited.count(b"\n", 0, at) + 1
    col = len(edited[edited.rfind(b"\n", 0, at) + 1:at].decode()) + 2
    text, problems = _imported(tmp_path, "m.xml", edited)
    first = data[data.rindex(b"<text>", 0, at) + 6:at].decode()
    assert f"- {first} & rocks\n" in text
    assert problems == [f"m.xml:{line}:{col}: warning: an '&' on its own is read as the character '&' "
                        "(Moodle XML writes it '&amp;')"]
    # HTML typed in unescaped: its text is kept, and said
    nested = data[:at] + b" <b>and</b> rocks" + data[at:]
    text, problems = _imported(tmp_path, "n.xml", nested)
    assert f"- {first} **and** rocks\n" in text
    assert problems == [f"n.xml:{line}:{col}: warning: <b> inside a <text> is read as HTML markup, its text "
                        "kept (write '<' as '&lt;' where it is meant as text)"]


def test_moodle_xml_declared_latin_1_but_saved_as_utf_8_reads_as_utf_8(tmp_path):
    data = _export("moodle")
    assert "CO₂".encode() in data
    plain, _ = _imported(tmp_path, "a.xml", data)
    text, problems = _imported(tmp_path, "b.xml", data.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1))
    assert text.replace("b.xml", "a.xml") == plain and "CO₂" in text
    assert problems == ['b.xml:1:31: warning: says encoding="ISO-8859-1" but its text is UTF-8 (as a text editor '
                        'saves it); read as UTF-8 (write encoding="UTF-8" in its first line)']


def test_moodle_one_answer_question_with_every_answer_right_becomes_select_all(tmp_path):
    data = _export("moodle")
    start = data.index(b"<single>true</single>")
    end = data.index(b"</question>", start)
    count = data[start:end].count(b"<answer fraction=")
    edited = data[:start] + re.sub(rb'fraction="0"', b'fraction="100"', data[start:end]) + data[end:]
    text, problems = _imported(tmp_path, "m.xml", edited)
    line = edited.count(b"\n", 0, edited.rindex(b"<question ", 0, start)) + 1
    letters = ", ".join("ABCDEFGH"[:count])
    assert problems == [f"m.xml:{line}:3: warning: {count} answers ({letters}) have the top mark (100%) on a "
                        "one-answer question; imported as 'select all' with those right (give one answer the top "
                        "mark to keep it one-answer)"]
    first = text.index("- type: ")
    assert text[first:].startswith("- type: select_all\n")
    assert text[first:text.index("- type: ", first + 1)].count("\n  - ") == 2 * count  # every choice, every one right


def test_broken_xml_says_error_and_writes_nothing(tmp_path):
    data = _export("moodle")
    at = data.index(b"</questiontext>")
    broken = data[:at] + data[at + len(b"</questiontext>"):]
    source = tmp_path / "m.xml"
    source.write_bytes(broken)
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "m.yaml")
    assert [str(p) for p in info.value.problems] == [
        f"{source}:{info.value.problems[0].where.line}:{info.value.problems[0].where.col}: not well-formed XML "
        "(mismatched tag); nothing imported"]
    assert not (tmp_path / "m.yaml").exists()
    qti = _qti(tmp_path)
    with zipfile.ZipFile(__import__("io").BytesIO(qti)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    [name] = [n for n in members if n.endswith(".xml") and "/" in n and not n.endswith("assessment_meta.xml")]
    members[name] = members[name].replace(b"</item>", b"", 1)
    buffer = __import__("io").BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for n, blob in members.items():
            zf.writestr(n, blob)
    message = _damaged(tmp_path, buffer.getvalue())
    assert "quiz.zip: no vocabulary or questions found; nothing imported" in message.splitlines()
    assert "warning: " + name + ": not well-formed XML (mismatched tag); left out" in message


def test_anki_text_whose_separator_line_was_changed_is_read_by_its_tabs(tmp_path):
    data = _export("anki")
    plain, _ = _imported(tmp_path, "a.txt", data)
    text, problems = _imported(tmp_path, "b.txt", data.replace(b"#separator:tab", b"#separator:Comma"))
    assert text.replace("b.txt", "a.txt") == plain and "\t" not in text
    assert problems == ["b.txt:1:1: warning: '#separator:Comma' but every note is split by tabs; read with tabs "
                        "(write '#separator:tab')"]


def test_a_date_in_a_kahoot_question_cell_is_said(tmp_path):
    import datetime
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_export("kahoot")))
    sheet = book.worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "Question - max 120 characters")
    sheet.cell(cell.row + 1, cell.column).value = datetime.datetime(2025, 3, 2)
    buffer = io.BytesIO()
    book.save(buffer)
    text, problems = _imported(tmp_path, "k.xlsx", buffer.getvalue())
    assert "prompt: '2025-03-02'" in text
    assert problems == [f"k.xlsx:{cell.row + 1}:{cell.column}: warning: this cell holds the date or time 2025-03-02, "
                        "not text: the spreadsheet program read what was typed as one; it is imported as written "
                        "here (format the cell as Text, type it again, and import again)"]


def test_an_anki_note_with_a_tab_under_another_separator_is_said(tmp_path):
    data = b"#separator:Comma\n#html:false\nleaf,The green part\nroot\tstem,The part under the ground\n"
    text, problems = _imported(tmp_path, "a.txt", data)
    assert "term: root stem\n" in text and "\t" not in text
    assert problems == ["a.txt:4:1: warning: this note holds a tab, and '#separator:Comma' does not split on tabs; "
                        "each tab is read as a space (check the #separator line)"]


@pytest.mark.parametrize("encoding", ["nan", "ebcdic", "UTF-32", "x" * 300])
def test_an_encoding_no_codec_reads_is_named_at_its_declaration(tmp_path, encoding):
    """Moodle XML, or a QTI member, whose first line declares an encoding Python's codecs do not know ('nan', as
    a spreadsheet formula wrote it) or that expat cannot take (UTF-32): 'internal error: LookupError: unknown
    encoding: nan' (found by bench/fuzz.py). The declaration is named where it is typed, in short, with the fix;
    the Moodle file imports nothing, the QTI member is left out."""
    source = tmp_path / "quiz.xml"
    source.write_bytes(f'<?xml version="1.0" encoding="{encoding}"?>\n<quiz></quiz>\n'.encode())
    with pytest.raises(GuideError) as info:
        import_file(source, tmp_path / "out.yaml")
    shown = encoding if len(encoding) <= 40 else "x" * 39 + "…"
    assert str(info.value) == (f'{source}:1:31: says encoding="{shown}", which studyguide cannot read (write '
                               'encoding="UTF-8" there, and save the file as UTF-8); nothing imported')
    assert not (tmp_path / "out.yaml").exists()
    data, out = __import__("io").BytesIO(), __import__("io").BytesIO()
    data.write(_qti(tmp_path))
    with zipfile.ZipFile(data) as zf, zipfile.ZipFile(out, "w") as new:
        meta = next(i.filename for i in zf.infolist() if i.filename.endswith("assessment_meta.xml"))
        for info in zf.infolist():
            body = zf.read(info)
            new.writestr(info, body.replace(b'encoding="UTF-8"', f'encoding="{encoding}"'.encode(), 1)
                         if info.filename == meta else body)
    (tmp_path / "quiz.zip").write_bytes(out.getvalue())
    _, draft = import_file(tmp_path / "quiz.zip", tmp_path / "quiz.yaml")
    assert f'{tmp_path / "quiz.zip"}:1:31: warning: {meta}: says encoding="{shown}", which studyguide cannot read ' \
           '(write encoding="UTF-8" there, and save the file as UTF-8); left out' in [str(p) for p in draft.problems]
    assert len(api.load(tmp_path / "quiz.yaml").questions) == len(api.load(GUIDE).questions)


def test_a_qti_field_or_score_typed_wrong_is_read_past(tmp_path):
    """A QTI item whose metadata field lost its label, or whose score is not a number ('abc'): 'internal error:
    AttributeError' and 'ValueError' (the first found by bench/fuzz.py). The field is read as empty, a score that
    is no number scores nothing; every question still imports."""
    data, out = __import__("io").BytesIO(_qti(tmp_path)), __import__("io").BytesIO()
    with zipfile.ZipFile(data) as zf, zipfile.ZipFile(out, "w") as new:
        for info in zf.infolist():
            body = zf.read(info)
            if b"<fieldlabel>" in body:
                body = re.sub(rb"<fieldlabel>question_type</fieldlabel>", b"", body, count=1)
                body = re.sub(rb'(<setvar[^>]*>)[^<]*(</setvar>)', rb"\1abc\2", body, count=1)
            new.writestr(info, body)
    (tmp_path / "quiz.zip").write_bytes(out.getvalue())
    import_file(tmp_path / "quiz.zip", tmp_path / "quiz.yaml")
    assert len(api.load(tmp_path / "quiz.yaml").questions) >= len(api.load(GUIDE).questions) - 1


@pytest.mark.parametrize("digit", ["²", "٣"])
def test_a_number_typed_with_another_scripts_digit_is_no_internal_error(tmp_path, digit):
    """Anki's '#guid column:²' and Moodle's <responsefieldlines>²</responsefieldlines>: str.isdigit() says yes,
    int() says no ('internal error: ValueError'). A digit int() reads (Arabic-Indic ٣) is read; one it cannot is
    not a number."""
    anki = tmp_path / "deck.txt"
    anki.write_text(f"#separator:tab\n#html:false\n#guid column:{digit}\nrain\twater falling\tx\n", encoding="utf-8")
    _, draft = import_file(anki, tmp_path / "deck.yaml")
    assert [(t["term"], t["definition"]) for t in draft.vocabulary] == [("rain", "water falling")]
    moodle = tmp_path / "quiz.xml"
    moodle.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<quiz><question type="essay"><name><text>E</text>'
                      '</name><questiontext format="html"><text>Discuss rain.</text></questiontext>'
                      f'<responsefieldlines>{digit}</responsefieldlines></question></quiz>\n', encoding="utf-8")
    _, draft = import_file(moodle, tmp_path / "quiz.yaml")
    assert draft.questions[0].get("lines") == (3 if digit == "٣" else None)


def test_invisible_characters_pasted_into_a_bank_are_said_at_the_first(tmp_path):
    """A zero-width space pasted into a Quizlet card and into a Moodle question: the warning that they are left out
    named the file but no line (found by bench/fuzz.py). It names the line and column of the first."""
    cards = tmp_path / "cards.txt"
    cards.write_text("rain\twater falling\nsnow\tfrozen\u200b water\nhail\tice\u200b balls\n", encoding="utf-8")
    _, draft = import_file(cards, tmp_path / "cards.yaml")
    assert [str(p).replace(f"{tmp_path}/", "") for p in draft.problems] == [
        "cards.txt:2:12: warning: the invisible character U+200B (zero-width space) left out (they print as nothing, "
        "but split a term in the crossword and trip search; studyguide check asks to delete them)"]
    quiz = tmp_path / "quiz.xml"
    quiz.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="truefalse"><name><text>T</text>'
                    '</name>\n<questiontext format="html"><text>Rain\u200b is wet.</text></questiontext>\n'
                    '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
                    '</question></quiz>\n', encoding="utf-8")
    _, draft = import_file(quiz, tmp_path / "quiz.yaml")
    assert [str(p).replace(f"{tmp_path}/", "") for p in draft.problems if "U+200B" in str(p)] == [
        "quiz.xml:4:39: warning: the invisible character U+200B (zero-width space) left out (they print as nothing, "
        "but split a term in the crossword and trip search; studyguide check asks to delete them)"]


def test_a_question_type_no_guide_has_is_named_in_short(tmp_path):
    """Moodle XML whose question type holds a pasted long word: the warning named it whole (found by
    bench/fuzz.py)."""
    quiz = tmp_path / "quiz.xml"
    kind = "Pneumonoultramicroscopic" * 4 + "matching"
    quiz.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="{kind}"><name><text>M</text>'
                    '</name><questiontext format="html"><text>Match.</text></questiontext></question>\n'
                    '<question type="truefalse"><name><text>T</text></name><questiontext format="html"><text>Rain is '
                    'wet.</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0">'
                    '<text>false</text></answer></question></quiz>\n', encoding="utf-8")
    _, draft = import_file(quiz, tmp_path / "quiz.yaml")
    assert [str(p).replace(f"{tmp_path}/", "") for p in draft.problems] == [
        "quiz.xml:3:1: warning: Moodle's 'PneumonoultramicroscopicPneumonoultrami…' question type has no match in a "
        "guide; it is left out"]


def test_a_question_the_guide_cannot_hold_is_refused_at_its_line(tmp_path):
    """A GIFT bank whose third question has a choice that is only feedback ('~#3'), and a Moodle question whose
    text is empty: 'the guide made from it would not validate: question 2.choices item 2: is empty' named the
    file alone (found by bench/fuzz.py), and a bank of 200 questions left the teacher to count. It is said at the
    question's first line."""
    gift = tmp_path / "bank.gift"
    gift.write_text("// two questions\n::Q1:: The sun is a star. {T}\n\n::Q2:: What is 2+2? {=4 ~#3 ~5}\n",
                    encoding="utf-8")
    with pytest.raises(GuideError) as info:
        import_file(gift, tmp_path / "bank.yaml")
    assert str(info.value) == (f"{gift}:4:1: the guide made from it would not validate: question 2.choices item 2: is "
                               "empty (write the text); nothing written (change that in bank.gift, and import it "
                               "again)")
    quiz = tmp_path / "quiz.xml"
    quiz.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="truefalse"><name><text>T</text>'
                    '</name><questiontext format="html"><text>Rain is wet.</text></questiontext><answer fraction="100">'
                    '<text>true</text></answer><answer fraction="0"><text>false</text></answer></question>\n\n'
                    '<question type="truefalse"><name><text>U</text></name><questiontext format="html"><text>'
                    '</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0">'
                    '<text>false</text></answer></question></quiz>\n', encoding="utf-8")
    with pytest.raises(GuideError) as info:
        import_file(quiz, tmp_path / "quiz.yaml")
    assert str(info.value) == (f"{quiz}:5:1: the guide made from it would not validate: question 2.prompt: is empty "
                               "(write the text); nothing written (change that in quiz.xml, and import it again)")
    assert not (tmp_path / "bank.yaml").exists() and not (tmp_path / "quiz.yaml").exists()
