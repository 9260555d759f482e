"""`studyguide export`: every exported file is read back the way the target tool reads it.

Quizlet and Anki text is split into cards; Moodle XML and the QTI package are
parsed with xml.etree (no lxml or published XSD is bundled, so the structure is
checked here instead); Moodle's Cloze syntax is read with a port of Moodle's own
regular expressions; the .apkg's SQLite collection is opened with sqlite3. Every
question and term must come back with the right answers, and the same guide
must give the same bytes.
"""
from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from conftest import CASES, GUIDES, guide_params, write_guide
from studyguide import api, cli, files, inline
from studyguide.export import FORMATS, anki, moodle, qti
from studyguide.model import (Essay, FillInBlank, Matching, MultipleChoice, Ordering, SelectAll, ShortAnswer,
                              TrueFalse)

ESCAPING = CASES / "export" / "escaping.yaml"
ALL_GUIDES = [*guide_params(), pytest.param(ESCAPING, id="escaping")]
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"

# Moodle's allowed answer grades, in percent (question_bank::fraction_options_full).
MOODLE_GRADES = {0.0, 100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0,
                 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0}


def plain(text: str) -> str:
    return inline.plain(text)


def flat(text: str) -> str:
    """What a one-line format keeps: the plain text with tabs and line breaks as spaces."""
    return re.sub(r"[\t\n\r]", " ", plain(text))


def html_text(markup: str) -> str:
    """The text an HTML field shows: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def paper_points(guide, q) -> float:
    """What the handout gives a question: its points; 0 without (the printed total leaves it out) when others
    have points; 1 each when none has (the handout prints no total, and a quiz needs marks)."""
    if q.points is not None:
        return q.points
    return 0 if any(other.points is not None for other in guide.questions) else 1


def blank_prompt(q: FillInBlank) -> str:
    return "".join("_____" if not isinstance(p, str) else p for p in q.parts)


@pytest.fixture(scope="module")
def guides():
    return {p.stem: api.load(p) for p in [*GUIDES, ESCAPING]}


def exported(guide, fmt: str) -> tuple[dict[str, bytes], list]:
    files, problems = FORMATS[fmt](guide)
    return dict(files), problems


def located(guide_path: Path, line_text: str, occurrence: int = -1) -> str:
    """'file:line:col' of a list item in a guide, found by its line ('- type: ordering'), as the loader locates
    a question: the column of the item's first key, just after '- '."""
    lines = guide_path.read_text(encoding="utf-8").splitlines()
    numbers = [i for i, ln in enumerate(lines, 1) if ln.strip() == line_text]
    n = numbers[occurrence]
    return f"{guide_path}:{n}:{lines[n - 1].index('- ') + 3}"


# --- every format, every guide ----------------------------------------------------------------------

def test_the_cli_offers_every_format():
    from studyguide.export import ALIASES, exporter

    assert set(cli.EXPORT_FORMATS) == set(FORMATS) | set(ALIASES)
    assert exporter("Canvas") is exporter("brightspace") is FORMATS["qti"]


def test_export_to_canvas_writes_the_qti_package(tmp_path, capsys):
    code, out, _ = run(capsys, "export", "--to", "canvas", ESCAPING, "-o", tmp_path)
    assert code == 0 and [p.name for p in tmp_path.iterdir()] == ["escaping-qti.zip"]
    assert (tmp_path / "escaping-qti.zip").read_bytes() == qti.export(api.load(ESCAPING))[0][0][1]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_the_same_guide_exports_to_the_same_bytes(guide_path, fmt):
    first = FORMATS[fmt](api.load(guide_path))
    again = FORMATS[fmt](api.load(guide_path))  # loaded afresh: nothing may depend on the object or the clock
    assert first[0] and first[0] == again[0]
    assert [str(p) for p in first[1]] == [str(p) for p in again[1]]
    suffix = {"quizlet": "-quizlet.txt", "anki": "-anki.txt", "moodle": "-moodle.xml", "qti": "-qti.zip",
              "kahoot": "-kahoot.xlsx", "blooket": "-blooket.csv", "gimkit": "-gimkit.csv", "quizizz": "-quizizz.xlsx"}[fmt]
    assert [name for name, _ in first[0]] == [files.safe_stem(guide_path.stem) + suffix]


# --- Quizlet ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_quizlet_has_one_card_per_term(guides, guide_path):
    guide = guides[guide_path.stem]
    files, problems = exported(guide, "quizlet")
    text = files[f"{guide_path.stem}-quizlet.txt"].decode("utf-8")
    assert not problems
    lines = text.split("\n")
    assert lines[-1] == "" and "\r" not in text
    cards = [line.split("\t") for line in lines[:-1]]
    assert len(cards) == len(guide.vocabulary)
    for card, term in zip(cards, guide.vocabulary):
        assert card == [flat(term.term).strip(), flat(term.definition).strip()]


# --- Anki -------------------------------------------------------------------------------------------

def anki_rows(data: bytes) -> tuple[dict[str, str], list[list[str]]]:
    """Headers, and each card as [id, front, back] (the file has the id last; a quoted field is unquoted)."""
    headers, rows = {}, []
    for line in data.decode("utf-8").split("\n")[:-1]:
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            headers[key] = value
        else:
            cells = [c[1:-1] if c.startswith('"') and c.endswith('"') else c for c in line.split("\t")]
            rows.append([cells[-1], *cells[:-1]])
    return headers, rows


@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_anki_headers_fields_and_stable_ids(guides, guide_path):
    guide = guides[guide_path.stem]
    files, problems = exported(guide, "anki")
    assert not problems
    headers, rows = anki_rows(files[f"{guide_path.stem}-anki.txt"])
    assert headers["separator"] == "tab" and headers["html"] == "true"
    assert "columns" not in headers and headers["guid column"] == "3"  # fields in order: no names to mismatch
    assert headers["notetype"] == str(anki.MODEL_ID) and headers["deck"] == " ".join(flat(guide.title).split())
    assert len(rows) == len(guide.vocabulary)
    ids = [row[0] for row in rows]
    assert len(set(ids)) == len(ids), "each card needs its own id"
    assert all(re.fullmatch(r"sg[0-9a-f]{20}", i) for i in ids)
    _, again = anki_rows(anki.export(api.load(guide_path))[0][0][1])
    assert [row[0] for row in again] == ids, "ids must be stable so a re-import updates the cards"
    for row, term in zip(rows, guide.vocabulary):
        assert len(row) == 3 and '"' not in row[1] + row[2]  # a raw quote would start a quoted CSV field
        assert html_text(row[1]) == flat(term.term).strip()
        definition, _, example = row[2].partition("<br><br><i>Example:</i> ")
        assert html_text(definition) == flat(term.definition).strip()
        assert html_text(example) == (flat(term.example).strip() if term.example else "")


def test_anki_ids_come_from_the_file_name_and_the_term():
    assert anki.guid("photosynthesis", "chlorophyll") == anki.guid("photosynthesis", "chlorophyll")
    assert anki.guid("photosynthesis", "chlorophyll") != anki.guid("biology", "chlorophyll")
    assert anki.guid("photosynthesis", "chlorophyll") != anki.guid("photosynthesis", "chlorophyll", 2)


def test_anki_emphasis_is_html(guides):
    _, rows = anki_rows(anki.export(guides["escaping"])[0][0][1])
    assert rows[0][1] == "AT&amp;T &lt;b&gt; x &lt; y"
    assert "<b>important</b> and <i>emphasised</i>" in rows[0][2] and "]]&gt;" in rows[0][2]


@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_anki_apkg_is_a_collection_with_every_term(guides, guide_path, tmp_path):
    guide = guides[guide_path.stem]
    files, problems = anki.apkg(guide)
    assert not problems and [n for n, _ in files] == [f"{guide_path.stem}-anki.apkg"]
    data = files[0][1]
    assert data == anki.apkg(api.load(guide_path))[0][0][1]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == ["collection.anki2", "media"]
        assert json.loads(zf.read("media")) == {}
        (tmp_path / "c.anki2").write_bytes(zf.read("collection.anki2"))
    con = sqlite3.connect(tmp_path / "c.anki2")
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        ver, models, decks = con.execute("SELECT ver, models, decks FROM col").fetchone()
        assert ver == 11
        model = json.loads(models)[str(anki.MODEL_ID)]
        assert [f["name"] for f in model["flds"]] == ["Term", "Definition"]
        deck_names = {d["name"] for d in json.loads(decks).values()}
        assert " ".join(flat(guide.title).split()) in deck_names
        notes = con.execute("SELECT guid, flds, mid FROM notes ORDER BY id").fetchall()
        cards = con.execute("SELECT nid FROM cards").fetchall()
    finally:
        con.close()
    _, rows = anki_rows(anki.export(guide)[0][0][1])
    assert len(notes) == len(cards) == len(guide.vocabulary)
    by_guid = {g: f.split("\x1f") for g, f, _ in notes}
    assert by_guid == {row[0]: row[1:] for row in rows}, "the deck and the text file hold the same cards, same ids"


# --- Moodle XML -------------------------------------------------------------------------------------

# Moodle's Cloze grammar (question/type/multianswer/questiontype.php), short-answer part, ported.
_ALT = r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
_CLOZE = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALT + "(~" + _ALT + r")*)\}", re.S)


def read_cloze(text: str) -> list[tuple[int, list[tuple[str, str]]]]:
    """(weight, [(fraction marker, answer)]) per embedded answer, as Moodle decodes them."""
    out = []
    for m in _CLOZE.finditer(text):
        alts, rest = [], m.group(3)
        while rest:
            a = re.match("~?" + _ALT, rest, re.S)
            answer = html.unescape(a.group(3)).replace("\\}", "}").replace("\\#", "#")
            alts.append((a.group(1) or "", answer))
            rest = rest[a.end():]
        out.append((int(m.group(1) or 1), alts))
    return out


def moodle_questions(data: bytes):
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    return root, root.findall("question")


def text_of(el, path: str) -> str:
    node = el.find(path)
    return (node.text or "") if node is not None else ""


@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_moodle_xml_holds_every_question_with_its_answers(guides, guide_path):
    guide = guides[guide_path.stem]
    files, _ = exported(guide, "moodle")
    data = files[f"{guide_path.stem}-moodle.xml"]
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    _, questions = moodle_questions(data)
    categories = [q for q in questions if q.get("type") == "category"]
    assert len(categories) == 1 and questions[0] is categories[0]
    assert text_of(categories[0], "category/text") == "$course$/top/" + " ".join(flat(guide.title).split()).replace("/", "//")
    items = questions[1:]
    assert len(items) == len(guide.questions)
    for n, (el, q) in enumerate(zip(items, guide.questions), 1):
        name = text_of(el, "name/text")
        assert name.startswith(f"Q{n:02d} ")
        qtext = text_of(el, "questiontext/text")
        assert el.find("questiontext").get("format") == "html"
        feedback = html_text(text_of(el, "generalfeedback/text"))
        assert feedback == (plain(q.explanation) if q.explanation else "")
        if el.get("type") != "cloze":
            assert float(text_of(el, "defaultgrade")) == paper_points(guide, q)
        answers = [(a.get("fraction"), a.findtext("text") or "") for a in el.findall("answer")]
        if isinstance(q, MultipleChoice):
            assert el.get("type") == "multichoice" and text_of(el, "single") == "true"
            assert html_text(qtext) == plain(q.prompt)
            assert [html_text(t) for _, t in answers] == [plain(c) for c in q.choices]
            assert [float(f) for f, _ in answers] == [100.0 if i == q.answer else 0.0 for i in range(len(q.choices))]
        elif isinstance(q, SelectAll):
            assert el.get("type") == "multichoice" and text_of(el, "single") == "false"
            fractions = [float(f) for f, _ in answers]
            assert [html_text(t) for _, t in answers] == [plain(c) for c in q.choices]
            assert all(abs(f) in MOODLE_GRADES for f in fractions), fractions
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.001
            assert [i for i, f in enumerate(fractions) if f > 0] == list(q.answers)
            assert all(f < 0 for i, f in enumerate(fractions) if i not in q.answers)
        elif isinstance(q, TrueFalse):
            assert el.get("type") == "truefalse"
            assert dict((t, float(f)) for f, t in answers) == {"true": 100.0 if q.answer else 0.0,
                                                                "false": 0.0 if q.answer else 100.0}
        elif isinstance(q, (ShortAnswer, Essay)):
            assert el.get("type") == "essay" and not answers
            info = html_text(text_of(el, "graderinfo/text"))
            label = "Model answer: " if isinstance(q, ShortAnswer) else "Grading notes: "
            assert info == (label + plain(q.answer) if q.answer else "")
        elif isinstance(q, FillInBlank) and len(q.blanks) == 1:
            assert el.get("type") == "shortanswer"
            assert html_text(qtext) == plain(blank_prompt(q))
            assert answers == [("100", plain(a).replace("*", "\\*")) for a in dict.fromkeys(q.blanks[0].answers)]
        elif isinstance(q, FillInBlank):
            assert el.get("type") == "cloze"
            embedded = read_cloze(qtext)
            assert [[a for _, a in alts] for _, alts in embedded] == [
                [plain(a).replace("*", "\\*") for a in dict.fromkeys(b.answers)] for b in q.blanks]
            assert all(marker == "=" for _, alts in embedded for marker, _ in alts)
            if q.points is not None and q.points % len(q.blanks) == 0:
                assert sum(w for w, _ in embedded) == q.points
            seen = html_text(_CLOZE.sub("_____", qtext))
            assert seen.startswith(plain(blank_prompt(q)))  # the rest is the word bank, if any
        elif isinstance(q, Matching):
            assert el.get("type") == "matching"
            subs = [(html_text(s.findtext("text")), s.findtext("answer/text")) for s in el.findall("subquestion")]
            assert subs == [(plain(p.left), flat(p.right)) for p in q.pairs]
        elif isinstance(q, Ordering):
            assert el.get("type") == "ordering"
            assert [html_text(t) for _, t in answers] == [plain(i) for i in q.items]
            assert text_of(el, "selecttype") == "ALL" and text_of(el, "gradingtype") == "ABSOLUTE_POSITION"
        else:  # pragma: no cover - a new question type needs a line here
            pytest.fail(f"no check for {q.kind}")


def test_moodle_keeps_unicode_and_escapes_markup(guides):
    data = exported(guides["photosynthesis-and-the-carbon-cycle"], "moodle")[0][
        "photosynthesis-and-the-carbon-cycle-moodle.xml"]
    assert "6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂".encode() in data  # written as characters, not &#...; escapes
    _, questions = moodle_questions(exported(guides["escaping"], "moodle")[0]["escaping-moodle.xml"])
    mc = questions[1]
    assert text_of(mc, "questiontext/text") == "<p>Which is <b>bold</b> and &lt;b&gt;not bold&lt;/b&gt;? AT&amp;T x &lt; y</p>"
    assert text_of(questions[0], "category/text") == "$course$/top/Escaping: AT&T <b> x < y // “quotes”"


def test_moodle_cloze_answers_keep_their_special_characters(guides):
    _, questions = moodle_questions(exported(guides["escaping"], "moodle")[0]["escaping-moodle.xml"])
    cloze = next(q for q in questions if q.get("type") == "cloze")
    text = text_of(cloze, "questiontext/text")
    assert read_cloze(text) == [(1, [("=", "x}y"), ("=", "x#y")]), (1, [("=", "back\\slash"), ("=", "p{q}")])]
    assert "{1:SHORTANSWER:=not a blank}" not in text  # the teacher's own braces are not read as a blank
    assert "Word bank:" in html_text(text)


def test_moodle_select_all_grades_are_from_moodles_list():
    assert moodle.share(3) == (0.3333333, True)
    assert moodle.share(7) == (0.1428571, True)
    assert moodle.share(11)[1] is False
    assert moodle.fraction_text(33.33333) == "33.33333" and moodle.fraction_text(-50) == "-50"


# --- QTI 1.2 (Canvas) -------------------------------------------------------------------------------

def open_qti(data: bytes):
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert zf.testzip() is None
    manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    hrefs = [f.get("href") for f in manifest.iter(f"{CP}file")]
    resources = list(manifest.iter(f"{CP}resource"))
    assert [r.get("type") for r in resources] == ["imsqti_xmlv1p2",
                                                  "associatedcontent/imscc_xmlv1p1/learning-application-resource"]
    assert resources[0].find(f"{CP}dependency").get("identifierref") == resources[1].get("identifier")
    assert hrefs[1] == resources[1].get("href") == hrefs[0].split("/")[0] + "/assessment_meta.xml"
    for href in hrefs:
        assert href in zf.namelist(), f"the manifest names {href}, which the zip lacks"
    assert sorted(zf.namelist()) == sorted(["imsmanifest.xml", *hrefs])
    assessment = ET.fromstring(zf.read(hrefs[0]))
    assert assessment.tag == f"{QTI}questestinterop"
    assert resources[0].get("identifier") == assessment.find(f"{QTI}assessment").get("ident")
    return zf, manifest, assessment


def meta(item) -> dict[str, str]:
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") or ""
            for f in item.iter(f"{QTI}qtimetadatafield")}


def shown(mattext) -> str:
    """What a mattext shows: HTML read as HTML, anything else as it is."""
    return html_text(mattext.text or "") if mattext.get("texttype") == "text/html" else (mattext.text or "")


def labels(lid) -> dict[str, str]:
    return {lab.get("ident"): shown(lab.find(f"{QTI}material/{QTI}mattext")) for lab in lid.iter(f"{QTI}response_label")}


def scoring(item) -> list:
    """Each respcondition that sets or adds to SCORE: (condition element, action, value)."""
    out = []
    for cond in item.iter(f"{QTI}respcondition"):
        setvar = cond.find(f"{QTI}setvar")
        if setvar is not None:
            out.append((cond.find(f"{QTI}conditionvar"), setvar.get("action"), float(setvar.text)))
    return out


def met(condition, responses: dict) -> bool:
    """Whether a QTI 1.2 condition holds for ``responses`` (respident -> the one value given): tests side by
    side in a ``conditionvar`` or an ``and`` must all hold (so Canvas's QTI 1.2 to 2 converter and pyslet read
    them), an ``or`` needs one, ``not`` negates."""
    tag = condition.tag.removeprefix(QTI)
    if tag == "varequal":
        return responses.get(condition.get("respident")) == condition.text
    if tag == "other":
        return True
    if tag == "or":
        return any(met(c, responses) for c in condition)
    if tag == "not":
        return not met(condition[0], responses)
    assert tag in ("conditionvar", "and"), tag
    return all(met(c, responses) for c in condition)


QTI_TYPES = {"multiple_choice": "multiple_choice_question", "select_all": "multiple_answers_question",
             "true_false": "true_false_question", "short_answer": "essay_question", "essay": "essay_question",
             "matching": "matching_question", "ordering": "matching_question"}


@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_qti_package_holds_every_question_with_its_answers(guides, guide_path):
    guide = guides[guide_path.stem]
    files, _ = exported(guide, "qti")
    data = files[f"{guide_path.stem}-qti.zip"]
    zf, manifest, root = open_qti(data)
    for info in zf.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
    assessments = root.findall(f"{QTI}assessment")
    assert len(assessments) == 1 and assessments[0].get("title") == flat(guide.title)
    items = list(root.iter(f"{QTI}item"))
    assert len(items) == len(guide.questions)
    assert len({i.get("ident") for i in items}) == len(items)
    for n, (item, q) in enumerate(zip(items, guide.questions), 1):
        m = meta(item)
        if isinstance(q, FillInBlank):
            assert m["question_type"] == ("short_answer_question" if len(q.blanks) == 1
                                          else "fill_in_multiple_blanks_question")
        else:
            assert m["question_type"] == QTI_TYPES[q.kind]
        assert float(m["points_possible"]) == paper_points(guide, q)
        question_html = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        feedback = item.find(f"{QTI}itemfeedback[@ident='general_fb']")
        feedback_text = html_text(feedback.findtext(f".//{QTI}mattext")) if feedback is not None else ""
        if q.explanation:
            assert feedback_text.endswith(plain(q.explanation))
        conds = scoring(item)
        lids = item.findall(f"{QTI}presentation/{QTI}response_lid")
        if isinstance(q, (MultipleChoice, SelectAll, TrueFalse)):
            assert html_text(question_html) == plain(q.prompt)
            (lid,) = lids
            choice_ids = list(labels(lid))
            texts = list(labels(lid).values())
            if isinstance(q, TrueFalse):
                assert texts == ["True", "False"]
                right = {0 if q.answer else 1}
            else:
                assert texts == [plain(c) for c in q.choices]
                right = {q.answer} if isinstance(q, MultipleChoice) else set(q.answers)
            ((cond, action, value),) = conds
            assert (action, value) == ("Set", 100.0)
            if isinstance(q, SelectAll):
                assert lid.get("rcardinality") == "Multiple"
                both = cond.find(f"{QTI}and")
                wanted = [v.text for v in both.findall(f"{QTI}varequal")]
                unwanted = [v.text for v in both.findall(f"{QTI}not/{QTI}varequal")]
                assert sorted(wanted) == sorted(choice_ids[i] for i in right)
                assert sorted(unwanted) == sorted(choice_ids[i] for i in range(len(choice_ids)) if i not in right)
            else:
                assert lid.get("rcardinality") == "Single"
                assert [v.text for v in cond.findall(f"{QTI}varequal")] == [choice_ids[i] for i in right]
        elif isinstance(q, (ShortAnswer, Essay)):
            assert html_text(question_html) == plain(q.prompt)
            assert not conds and item.find(f".//{QTI}respcondition/{QTI}conditionvar/{QTI}other") is not None
            label = "Model answer: " if isinstance(q, ShortAnswer) else "Grading notes: "
            if q.answer:
                assert feedback_text.startswith(label + plain(q.answer))
        elif isinstance(q, FillInBlank) and len(q.blanks) == 1:
            assert html_text(question_html).startswith(plain(blank_prompt(q)))
            ((cond, action, value),) = conds
            assert (action, value) == ("Set", 100.0)
            accepted = list(dict.fromkeys(flat(a) for a in q.blanks[0].answers))
            assert [v.text for v in cond.iter(f"{QTI}varequal")] == accepted
            for answer in accepted:  # each accepted answer alone scores; a wrong one does not
                assert met(cond, {"response1": answer}), answer
            assert not met(cond, {"response1": "not " + accepted[0]})
        elif isinstance(q, FillInBlank):
            names = [f"blank{i}" for i in range(1, len(q.blanks) + 1)]
            seen = html_text(question_html)
            assert [f"[{b}]" for b in re.findall(r"\[(blank\d+)\]", seen)] == [f"[{b}]" for b in names]
            assert re.sub(r"\[blank\d+\]", "_____", seen).startswith(plain(blank_prompt(q)))
            assert [lid.get("ident") for lid in lids] == [f"response_{b}" for b in names]
            for lid, blank in zip(lids, q.blanks):
                assert list(labels(lid).values()) == list(dict.fromkeys(flat(a) for a in blank.answers))
            assert len(conds) == len(q.blanks)
            for (cond, action, value), lid in zip(conds, lids):
                assert action == "Add" and abs(value - 100 / len(q.blanks)) < 0.01
                assert {v.get("respident") for v in cond.iter(f"{QTI}varequal")} == {lid.get("ident")}
                assert [v.text for v in cond.iter(f"{QTI}varequal")] == list(labels(lid))
                for rid in labels(lid):  # each accepted answer of this blank alone scores the blank's share
                    assert met(cond, {lid.get("ident"): rid}), rid
                assert not met(cond, {lid.get("ident"): "none of them"})
        elif isinstance(q, (Matching, Ordering)):
            if isinstance(q, Matching):
                expected = {plain(p.left): flat(p.right) for p in q.pairs}
            else:
                expected = {plain(item_text): str(i) for i, item_text in enumerate(q.items, 1)}
            assert len(lids) == len(expected) == len(conds)
            got = {}
            for lid, (cond, action, value) in zip(lids, conds):
                assert action == "Add" and abs(value - 100 / len(lids)) < 0.01
                var = cond.find(f"{QTI}varequal")
                assert var.get("respident") == lid.get("ident")
                got[shown(lid.find(f"{QTI}material/{QTI}mattext"))] = labels(lid)[var.text]
            assert got == expected
            if isinstance(q, Ordering):  # the items are not listed in the answer's order
                assert [shown(lid.find(f"{QTI}material/{QTI}mattext")) for lid in lids] != [plain(i) for i in q.items]
        else:  # pragma: no cover
            pytest.fail(f"no check for {q.kind}")


def test_qti_keeps_unicode_and_escapes_markup(guides):
    _, _, root = open_qti(exported(guides["escaping"], "qti")[0]["escaping-qti.zip"])
    first = next(root.iter(f"{QTI}item"))
    assert first.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == (
        "<div><p>Which is <b>bold</b> and &lt;b&gt;not bold&lt;/b&gt;? AT&amp;T x &lt; y</p></div>")
    choices = [(m.get("texttype"), m.text) for m in first.iter(f"{QTI}mattext")][1:4]
    assert choices == [("text/html", "<i>italic</i> choice"), ("text/plain", "x < y & z > w"),
                       ("text/plain", '"quoted" choice')]
    _, _, root = open_qti(exported(guides["photosynthesis-and-the-carbon-cycle"], "qti")[0][
        "photosynthesis-and-the-carbon-cycle-qti.zip"])
    assert "6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂" in [m.text for m in root.iter(f"{QTI}mattext")]


def test_qti_brackets_in_the_text_are_not_blanks(guides):
    _, _, root = open_qti(exported(guides["escaping"], "qti")[0]["escaping-qti.zip"])
    item = [i for i in root.iter(f"{QTI}item") if meta(i)["question_type"] == "fill_in_multiple_blanks_question"][0]
    markup = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
    assert re.findall(r"\[[^\]]*\]", html_text(markup)) == ["[text]", "[blank1]", "[blank2]"]
    ids = [lid.findtext(f"{QTI}material/{QTI}mattext") for lid in item.iter(f"{QTI}response_lid")]
    assert ids == ["blank1", "blank2"]  # Canvas makes blanks of these names only; '[text]' stays text


# --- warnings: located, exact, and the export goes on ------------------------------------------------

@pytest.mark.parametrize("guide_path", ALL_GUIDES)
def test_qti_warns_for_each_ordering_question_at_its_line(guides, guide_path):
    guide = guides[guide_path.stem]
    files, problems = exported(guide, "qti")
    orderings = [(n, q) for n, q in enumerate(guide.questions, 1) if isinstance(q, Ordering)]
    # the science guide and "escaping" have one; a guide without any gets no warning at all
    assert orderings or guide_path.stem == "china-foreign-police-training"
    expected = [f"{located(guide_path, '- type: ordering')}: warning: question {n} (ordering): Canvas (QTI) has no "
                f"ordering question type; exported as a matching question that pairs each item with its position, "
                f"1 to {len(q.items)}" for n, q in orderings]
    assert [str(p) for p in problems] == expected
    assert all(p.warning for p in problems) and files, "the package is still written"


def test_moodle_warns_when_cloze_marks_cannot_match_the_points(guides):
    _, problems = exported(guides["escaping"], "moodle")
    assert [str(p) for p in problems] == [
        f"{located(ESCAPING, '- type: fill_in_blank')}: warning: question 7 (fill_in_blank): Moodle's Cloze type "
        "marks each blank in whole marks; the 2 blanks are worth 1 mark each, 2 in all, not 3: in the Moodle quiz, set "
        "this question's maximum mark to 3 to match the paper"]


@pytest.mark.parametrize("guide_path", [*guide_params()])
def test_the_shipped_guides_export_to_moodle_without_warnings(guides, guide_path):
    assert exported(guides[guide_path.stem], "moodle")[1] == []


def test_a_guide_without_vocabulary_or_questions_is_reported_not_written(tmp_path):
    path = write_guide(tmp_path, "empty.yaml", """
        title: Nothing to export
        summary: Just a summary.
    """)
    guide = api.load(path)
    for fmt, what in (("quizlet", "vocabulary"), ("anki", "vocabulary"), ("moodle", "questions"), ("qti", "questions")):
        files, problems = FORMATS[fmt](guide)
        assert files == []
        assert [str(p) for p in problems] == [f"{path}: warning: {fmt}: the guide has no {what}, so no "
                                              f"{ {'quizlet': 'Quizlet file', 'anki': 'Anki file', 'moodle': 'Moodle file', 'qti': 'QTI package'}[fmt] } is written"]


# --- the command ------------------------------------------------------------------------------------

def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_export_command_writes_each_file_and_prints_warnings(tmp_path, capsys):
    code, out, err = run(capsys, "export", "--to", "qti", ESCAPING, "-o", tmp_path / "out")
    assert code == 0
    assert out.splitlines() == [f"exported {ESCAPING} → {tmp_path / 'out' / 'escaping-qti.zip'} (9 questions)"]
    assert err.splitlines() == [f"{ESCAPING}:46:13: warning: question 7.prompt: '[text]' has single brackets, so it "
                                "prints on the student's sheet as typed (write [[text]] to make it a blank)",
                                f"{ESCAPING}:45:5: warning: question 7: its word bank prints 'a*b', the answer to "
                                "question 6, which has no word bank: the bank gives it away (add vocabulary terms, give "
                                "question 6 'word_bank: true' too, or leave out this question's 'word_bank')",
                                f"{located(ESCAPING, '- type: ordering')}: warning: question 9 (ordering): Canvas "
                                "(QTI) has no ordering question type; exported as a matching question that pairs "
                                "each item with its position, 1 to 3"]
    assert (tmp_path / "out" / "escaping-qti.zip").read_bytes() == qti.export(api.load(ESCAPING))[0][0][1]


def test_export_command_goes_on_past_a_bad_guide(tmp_path, capsys):
    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "b-good.yaml").write_bytes(ESCAPING.read_bytes())
    bad = write_guide(folder, "a-bad.yaml", """
        title: Broken
        vocabulary:
          - term: only a term
    """)
    code, out, err = run(capsys, "export", "--to", "quizlet", folder, "-o", tmp_path / "out")
    assert code == 1
    assert out.splitlines() == [f"exported {folder / 'b-good.yaml'} → {tmp_path / 'out' / 'b-good-quizlet.txt'} (3 terms)"]
    assert f"{bad}:" in err and f"failed: {bad}" in err and "1 of 2 guides failed" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b-good-quizlet.txt"]


def test_export_command_apkg_goes_with_anki(tmp_path, capsys):
    code, out, _ = run(capsys, "export", "--to", "anki", "--apkg", ESCAPING, "-o", tmp_path)
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["escaping-anki.apkg", "escaping-anki.txt"]
    assert len(out.splitlines()) == 2
    code, _, err = run(capsys, "export", "--to", "moodle", "--apkg", ESCAPING, "-o", tmp_path)
    assert code == 2 and "--apkg goes with --to anki" in err


# --- a peer's reader, where installed: Anki's own importer ------------------------------------------

@pytest.mark.anki
def test_anki_itself_imports_the_text_file_and_the_deck(guides, tmp_path):
    """Runs only where the `anki` package (Anki's own backend) is installed; skipped otherwise."""
    collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    guide = guides["escaping"]
    (name, text), = anki.export(guide)[0]
    (deck_name, deck), = anki.apkg(guide)[0]
    (tmp_path / name).write_bytes(text)
    (tmp_path / deck_name).write_bytes(deck)
    col = collection.Collection(str(tmp_path / "text.anki2"))
    try:
        for attempt in (1, 2):
            metadata = col.get_csv_metadata(path=str(tmp_path / name), delimiter=None)
            log = col.import_csv(collection.ImportCsvRequest(path=str(tmp_path / name), metadata=metadata)).log
            assert (len(log.new), len(log.duplicate)) == ((3, 0) if attempt == 1 else (0, 3))
        fields = sorted(col.get_note(nid).fields[0] for nid in col.find_notes(""))
        assert fields == sorted(anki.field(t.term) for t in guide.vocabulary)
    finally:
        col.close()
    col = collection.Collection(str(tmp_path / "deck.anki2"))
    try:
        log = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / deck_name),
                                                               options=ImportAnkiPackageOptions())).log
        assert len(log.new) == 3 and col.card_count() == 3
    finally:
        col.close()


def test_a_question_type_an_exporter_does_not_know_is_reported_not_dropped(guides):
    import dataclasses

    from studyguide.errors import Location
    from studyguide.model import Question

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Hotspot(Question):
        kind = "hotspot"

    guide = guides["escaping"]
    extra = Hotspot(prompt="Click the chloroplast.", where=Location(str(ESCAPING), 99, 5))
    guide = dataclasses.replace(guide, questions=guide.questions + (extra,))
    n = len(guide.questions)
    for fmt, name in (("moodle", "Moodle"), ("qti", "QTI")):
        files, problems = FORMATS[fmt](guide)
        assert files
        assert str(problems[-1]) == (f"{ESCAPING}:99:5: warning: question {n} (hotspot): {name} export does not "
                                     "know this question type; it is left out")


def test_exports_speak_the_guides_language(tmp_path):
    """What students click (True / False) and what graders read come in the guide's language."""
    path = write_guide(tmp_path, "g.yaml", """
        title: Prueba
        language: es
        questions:
          - type: true_false
            prompt: El cielo es azul.
            answer: true
          - type: short_answer
            prompt: ¿Por qué?
            answer: Por la luz.
          - type: fill_in_blank
            prompt: El [[sol]] brilla y la [[luna]] no.
            word_bank: true
        """)
    guide = api.load(path)
    [(_, package)], _ = qti.export(guide)
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert ">Verdadero<" in xml and ">Falso<" in xml and ">True<" not in xml
    assert "Respuesta modelo:" in xml and "Banco de palabras:" in xml
    [(_, data)], _ = moodle.export(guide)
    assert "Respuesta modelo:" in data.decode("utf-8") and "Banco de palabras:" in data.decode("utf-8")
