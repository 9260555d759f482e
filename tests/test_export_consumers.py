"""What the importing tools see: each check reads an export the way its consumer's own code does.

- Moodle: question/format/xml/format.php reads the file with PHP's expat through
  xmlize, which drops every chunk of character data that is only whitespace; expat
  cuts chunks at each entity and line break. :func:`moodle_reader` does the same with
  Python's expat (the same parser library), so a space that Moodle would lose is lost
  here too. The ordering type's ``import_from_xml`` needs ``<shownumcorrect>``.
- Canvas (QTI): the DTD of IMS QTI 1.2.1, and the HTML a browser parses.
- Anki: Anki's own backend (the anki package), in the tests marked ``anki``.
"""
from __future__ import annotations

import dataclasses
import html
import io
import json
import os
import re
import xml.parsers.expat
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CASES, GUIDES, guide_params, write_guide
from studyguide import api, inline
from studyguide.export import FORMATS, anki, moodle, qti
from studyguide.model import Matching, MultipleChoice, SelectAll


def moodle_reader(data: bytes) -> list[dict]:
    """Each <question> as Moodle's xmlize sees it: {'type', path: [texts]}; whitespace-only chunks dropped."""
    questions, stack, texts = [], [], []
    current: dict = {}

    def start(tag, attrs):
        nonlocal current
        stack.append(tag)
        texts.append([])
        if tag == "question":
            current = {"type": attrs.get("type"), "attrs": []}
            questions.append(current)
        if tag == "answer":
            current["attrs"].append(dict(attrs))

    def end(tag):
        text = "".join(texts.pop()).strip()  # Moodle's import_text / getpath(..., true) trim
        path = "/".join(stack[stack.index("question") + 1:]) if "question" in stack else ""
        stack.pop()
        if path:
            current.setdefault(path, []).append(text)

    def chars(data):
        if data.strip():  # xmlize keeps only chunks with something besides whitespace
            texts[-1].append(data)

    parser = xml.parsers.expat.ParserCreate("UTF-8")
    parser.buffer_text = False
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.Parse(data, True)
    return questions


def moodle_file(path) -> list[dict]:
    [(_, data)], _ = moodle.export(api.load(path))
    return moodle_reader(data)


HOSTILE = """
    title: "Hostile & <script>alert(1)</script> ]]> text"
    questions:
      - type: multiple_choice
        prompt: "The **New** *Deal* and x > & y, a ]]> end, <script>x</script>"
        choices: ["**A** *b*", "x  >  y", "All of the above"]
        answer: C
      - type: select_all
        prompt: Pick.
        choices: ["one", "two", "None of these"]
        answer: [A, B]
      - type: multiple_choice
        prompt: "Line one
          and line two"
        choices: [a, b, c]
        answer: A
      - type: ordering
        prompt: "Order **these** *now*."
        items: ["**first** *one*", "second & third", "x ]]> y"]
"""


@pytest.fixture()
def hostile(tmp_path):
    return write_guide(tmp_path, "hostile.yaml", HOSTILE)


def test_moodle_keeps_the_spaces_between_markup_and_entities(hostile):
    questions = moodle_file(hostile)
    mc = questions[1]
    assert mc["questiontext/text"] == ["<p>The <b>New</b> <i>Deal</i> and x &gt; &amp; y, a ]]&gt; end, "
                                       "&lt;script&gt;x&lt;/script&gt;</p>"]
    assert mc["answer/text"][:2] == ["<b>A</b> <i>b</i>", "x  &gt;  y"]
    assert questions[3]["questiontext/text"] == ["<p>Line one and line two</p>"]
    assert questions[4]["answer/text"] == ["<b>first</b> <i>one</i>", "second &amp; third", "x ]]&gt; y"]
    assert questions[0]["category/text"] == ["$course$/top/Hostile & <script>alert(1)<//script> ]]> text"]


@pytest.mark.parametrize("guide_path", [*guide_params(), pytest.param(CASES / "export" / "multiline.yaml", id="multiline")])
def test_moodle_sees_every_text_of_the_shipped_guides_as_written(guide_path):
    """Every question text and answer, read as Moodle reads it, equals the HTML the exporter meant."""
    guide = api.load(guide_path)
    questions = moodle_file(guide_path)[1:]
    assert len(questions) == len(guide.questions)
    for seen, q in zip(questions, guide.questions):
        if isinstance(q, (MultipleChoice, SelectAll)):
            assert seen["answer/text"] == [" ".join(inline.markup(c).split("\n")).strip() for c in q.choices]
        if isinstance(q, Matching):
            assert [moodle_format_string(t) for t in seen["subquestion/answer/text"]] == \
                [re.sub(r"[\t\r\n]", " ", inline.plain(p.right)).strip() for p in q.pairs]  # one line
        if seen["type"] not in ("cloze", "shortanswer"):
            assert html.unescape(seen["questiontext/text"][0]).replace("<p>", "").replace("</p>", "") == \
                " ".join(html.unescape(inline.markup(q.prompt)).split("\n")).strip()


def test_moodle_ordering_has_what_its_importer_needs(hostile):
    [(_, data)], _ = moodle.export(api.load(hostile))
    ordering = moodle_reader(data)[4]
    assert ordering["type"] == "ordering"
    # qtype_ordering::import_from_xml: without <shownumcorrect> it fills hint options for hints that have no text,
    # and the database refuses the row (null hintformat), aborting the import of every later question
    assert ordering["shownumcorrect"] == ["1"]
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert ordering[f"{tag}/text"] == [""]
    assert "hint" not in ordering
    assert [a["fraction"] for a in ordering["attrs"]] == ["1.0000000", "2.0000000", "3.0000000"]


def test_moodle_keeps_all_of_the_above_in_its_place(hostile):
    questions = moodle_file(hostile)
    assert questions[1]["shuffleanswers"] == ["false"]  # "All of the above" stays last, as printed
    assert questions[2]["shuffleanswers"] == ["false"]  # "None of these"
    assert questions[3]["shuffleanswers"] == ["true"]   # nothing to keep in place: Moodle may shuffle
    assert questions[1]["answer/text"][-1] == "All of the above"


def test_moodle_splits_a_cdata_end_inside_the_text(hostile):
    [(_, data)], _ = moodle.export(api.load(hostile))
    text = data.decode("utf-8")
    assert "<![CDATA[$course$/top/Hostile & <script>alert(1)<//script> ]]]]><![CDATA[> text]]>" in text
    html_fields = [t for q in moodle_reader(data) for k, v in q.items() if k.endswith("text/text") for t in v]
    assert html_fields and not any("<script>" in t for t in html_fields)  # names are plain text; HTML never has it


def moodle_format_string(text: str) -> str:
    """What a student sees of a matching choice: Moodle shows it through format_string(), as HTML
    (qtype_match_renderer::format_choices), so a tag is removed and an entity decoded."""
    return html.unescape(re.sub(r"<[A-Za-z/!?][^>]*>", "", text))


def test_moodle_matching_choices_show_as_typed(tmp_path):
    """Found with a real Moodle 4.5 (tests/moodle/run.sh): the choice "<script>y</script> ~ # ]]>" showed as
    "y ~ # ]]>", and a typed "AT&amp;T" would show as "AT&T"."""
    rights = ["<script>y</script> ~ # ]]>", "AT&amp;T & x < y", "less & than", "<b>not bold</b> > 1"]
    pairs = json.dumps([{"left": f"left {i}", "right": r} for i, r in enumerate(rights)])
    guide = write_guide(tmp_path, "match.yaml", f"""
        title: Match
        questions:
          - type: matching
            prompt: Match.
            pairs: {pairs}
    """)
    [matching] = moodle_file(guide)[1:]
    assert [moodle_format_string(t) for t in matching["subquestion/answer/text"]] == rights
    assert matching["subquestion/answer/text"][2] == "less & than"  # nothing to protect: as typed, for the editing form


def test_the_exports_are_well_formed_for_every_shipped_guide():
    for path in GUIDES:
        guide = api.load(path)
        for fmt in ("moodle",):
            for _, data in FORMATS[fmt](guide)[0]:
                xml.parsers.expat.ParserCreate().Parse(data, True)


# --- QTI (Canvas) -----------------------------------------------------------------------------------


QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"


class _Text(HTMLParser):
    """The text a browser (or Canvas's HTML sanitizer) makes of markup: tags gone, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def browser_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def qti_members(path) -> dict[str, bytes]:
    [(_, data)], _ = qti.export(api.load(path))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_qti_a_typed_blank_name_stays_text_after_an_html_parse(tmp_path):
    path = write_guide(tmp_path, "blanks.yaml", """
        title: Blanks
        questions:
          - type: fill_in_blank
            prompt: "Canvas writes [blank1] and [Blank2] for its blanks; here [[one]] and [[two]]."
    """)
    import xml.etree.ElementTree as ET

    members = qti_members(path)
    root = ET.fromstring(next(v for k, v in members.items() if k.endswith(".xml") and "/" in k and "meta" not in k))
    item = next(root.iter(f"{QTI}item"))
    seen = browser_text(item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext"))
    names = [lid.findtext(f"{QTI}material/{QTI}mattext") for lid in item.iter(f"{QTI}response_lid")]
    assert names == ["gap1", "gap2"]
    # Canvas turns [name] into a box for each name it has answers for, in the parsed text
    assert seen == "Canvas writes [blank1] and [Blank2] for its blanks; here [gap1] and [gap2]."
    assert all(seen.count(f"[{n}]") == 1 for n in names)


def test_qti_blank_names_avoid_every_name_the_teacher_typed():
    assert qti.blank_prefix("no brackets") == "blank"
    assert qti.blank_prefix("[blank1]") == "gap"
    assert qti.blank_prefix("[blank1] [gap] [SLOT9] [fill]").startswith("blank") and \
        len(qti.blank_prefix("[blank1] [gap] [SLOT9] [fill]")) == 13


def test_qti_writes_assessment_meta_with_title_and_points(hostile):
    import xml.etree.ElementTree as ET

    guide = api.load(hostile)
    members = qti_members(hostile)
    [meta_name] = [n for n in members if n.endswith("/assessment_meta.xml")]
    meta = ET.fromstring(members[meta_name])
    assert meta.tag == f"{CANVAS}quiz"
    assert meta.findtext(f"{CANVAS}title") == guide.title
    total = sum(1.0 if q.points is None else float(q.points) for q in guide.questions)
    assert float(meta.findtext(f"{CANVAS}points_possible")) == total
    assert float(meta.findtext(f"{CANVAS}assignment/{CANVAS}points_possible")) == total
    assert meta.findtext(f"{CANVAS}allowed_attempts") == "1"
    assessment_id = meta_name.split("/")[0]
    assert meta.get("identifier") == assessment_id == meta.findtext(f"{CANVAS}assignment/{CANVAS}quiz_identifierref")
    assert meta.findtext(f"{CANVAS}shuffle_answers") == "false"  # 'All of the above' keeps its place


def test_qti_keeps_all_of_the_above_in_its_place_and_says_so(hostile):
    import xml.etree.ElementTree as ET

    [(_, data)], problems = qti.export(api.load(hostile))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n)
        root = ET.fromstring(zf.read(name))
    shuffles = [r.get("shuffle") for r in root.iter(f"{QTI}render_choice")][:3]
    assert shuffles == ["No", "No", "Yes"]
    lines = hostile.read_text().splitlines()
    first = next(i for i, ln in enumerate(lines, 1) if ln.strip() == "- type: multiple_choice")
    assert str(problems[-1]) == (
        f"{hostile}:{first}:5: warning: question 1 (multiple_choice): a choice keeps its place (pinned, or 'All/None "
        "of the above') (so do question 2), and Canvas shuffles the choices of every question in a quiz or of none: "
        "this quiz does not shuffle them")


@pytest.mark.parametrize("guide_path", [*guide_params()])
def test_qti_shipped_guides_let_canvas_shuffle(guide_path):
    import xml.etree.ElementTree as ET

    members = qti_members(guide_path)
    meta = ET.fromstring(next(v for k, v in members.items() if k.endswith("assessment_meta.xml")))
    assert meta.findtext(f"{CANVAS}shuffle_answers") == "true"


# The IMS QTI 1.2.1 DTD (ims_qtiasiv1p2p1.dtd) is IMS Global's; the file carries no licence that allows
# shipping it here, so it is not in the repository. Point STUDYGUIDE_QTI_DTD at a copy to run this test.
QTI_DTD = os.environ.get("STUDYGUIDE_QTI_DTD", "")


@pytest.mark.skipif(not QTI_DTD or not Path(QTI_DTD).is_file(), reason="set STUDYGUIDE_QTI_DTD to the QTI 1.2.1 DTD")
@pytest.mark.parametrize("guide_path", [*guide_params(), CASES / "export" / "escaping.yaml",
                                        CASES / "export" / "hostile.yaml", "hostile"])
def test_qti_assessment_is_valid_against_the_qti_1_2_1_dtd(guide_path, hostile):
    etree = pytest.importorskip("lxml.etree")
    path = hostile if guide_path == "hostile" else guide_path
    members = qti_members(path)
    [(name, data)] = [(k, v) for k, v in members.items() if "/" in k and not k.endswith("assessment_meta.xml")]
    # the DTD predates XML namespaces: read the element structure without them, as a DTD validator of the time did
    text = re.sub(r'\s(xmlns(:\w+)?|xsi:schemaLocation)="[^"]*"', "", data.decode("utf-8"))
    doc = etree.fromstring(text.encode("utf-8"))
    dtd = etree.DTD(QTI_DTD)
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()


# --- Anki: its own backend (the anki package) -------------------------------------------------------


ANKI_GUIDE = """
    title: "Biology::Unit 3 — Cells"
    vocabulary:
      - term: "**cell** wall"
        definition: A stiff layer around a plant cell.
        example: "Wood is mostly cell walls & <lignin>."
      - term: "#membrane"
        definition: The thin layer around every cell.
      - term: nucleus
        definition: Holds the cell's DNA.
"""


def _anki_files(guide, folder: Path, tag: str) -> dict[str, str]:
    out = {}
    for name, data in [*anki.export(guide)[0], *anki.apkg(guide)[0]]:
        path = folder / f"{tag}-{name}"
        path.write_bytes(data)
        out[name.rsplit(".", 1)[1]] = str(path)
    return out


def _edited(guide):
    return dataclasses.replace(guide, vocabulary=tuple(
        dataclasses.replace(t, definition=t.definition + " (edited)") for t in guide.vocabulary))


class _Anki:
    """One fresh collection, imported into as the Anki app does (same backend calls, default options)."""

    def __init__(self, path: Path, basic_name: str = "Basic"):
        collection = pytest.importorskip("anki.collection")
        self.collection_module = collection
        self.col = collection.Collection(str(path))
        if basic_name != "Basic":  # the stock note type as a Spanish, German or French Anki names it
            notetype = self.col.models.by_name("Basic")
            notetype["name"] = basic_name
            notetype["flds"][0]["name"], notetype["flds"][1]["name"] = "Anverso", "Reverso"
            self.col.models.update_dict(notetype)

    def import_file(self, path: str, always: bool = False) -> dict[str, int]:
        from anki.import_export_pb2 import (ImportAnkiPackageOptions, ImportAnkiPackageRequest,
                                            ImportAnkiPackageUpdateCondition)
        if path.endswith(".apkg"):
            condition = (ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS if always
                         else ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER)
            log = self.col.import_anki_package(ImportAnkiPackageRequest(
                package_path=path, options=ImportAnkiPackageOptions(update_notes=condition))).log
        else:
            metadata = self.col.get_csv_metadata(path=path, delimiter=None)
            log = self.col.import_csv(self.collection_module.ImportCsvRequest(path=path, metadata=metadata)).log
        return {"new": len(log.new), "updated": len(log.updated), "duplicate": len(log.duplicate),
                "conflicting": len(log.conflicting)}

    def notes(self) -> list[tuple[str, list[str]]]:
        return sorted((n.guid, list(n.fields)) for n in map(self.col.get_note, self.col.find_notes("")))

    def close(self):
        self.col.close()


@pytest.mark.anki
@pytest.mark.parametrize("first, basic", [("txt", "Basic"), ("txt", "Básico"), ("txt", "Einfach"),
                                          ("apkg", "Basic"), ("apkg", "Basique")])
def test_anki_the_txt_updates_edited_cards_whichever_file_came_first(tmp_path, first, basic):
    guide = api.load(write_guide(tmp_path, "cells.yaml", ANKI_GUIDE))
    before, after = _anki_files(guide, tmp_path, "a"), _anki_files(_edited(guide), tmp_path, "b")
    col = _Anki(tmp_path / "collection.anki2", basic)
    try:
        assert col.import_file(before[first]) == {"new": 3, "updated": 0, "duplicate": 0, "conflicting": 0}
        assert col.import_file(after["txt"]) == {"new": 0, "updated": 3, "duplicate": 0, "conflicting": 0}
        notes = col.notes()
        fronts = {anki.guid("cells", t.term): anki.field(t.term) for t in guide.vocabulary}
        backs = {anki.guid("cells", t.term): anki.back(t) for t in _edited(guide).vocabulary}
        assert notes == sorted((g, [fronts[g], backs[g]]) for g in fronts), "term in front, edited definition on back"
        assert col.import_file(after["txt"])["duplicate"] == 3  # nothing changed: nothing to update
        assert col.col.card_count() == 3
    finally:
        col.close()


@pytest.mark.anki
def test_anki_reads_the_notetype_id_as_the_apkg_note_type_else_its_default(tmp_path):
    # Anki's text importer takes '#notetype:' as a name or an id (NameOrId::parse in rslib's csv/metadata.rs):
    # the id finds the .apkg's note type whatever the teacher renamed it to, and where the collection lacks it
    # the importer keeps its default note type (Basic) instead of failing
    guide = api.load(write_guide(tmp_path, "cells.yaml", ANKI_GUIDE))
    files = _anki_files(guide, tmp_path, "a")
    for first in ("none", "apkg"):
        col = _Anki(tmp_path / f"{first}.anki2")
        try:
            if first == "apkg":
                col.import_file(files["apkg"])
                renamed = col.col.models.get(anki.MODEL_ID)
                renamed["name"] = "Biology words"
                col.col.models.update_dict(renamed)
            metadata = col.col.get_csv_metadata(path=files["txt"], delimiter=None)
            assert metadata.WhichOneof("notetype") == "global_notetype"
            name = col.col.models.get(metadata.global_notetype.id)["name"]
            assert name == ("Biology words" if first == "apkg" else "Basic")
            assert (metadata.global_notetype.id == anki.MODEL_ID) == (first == "apkg")
        finally:
            col.close()


@pytest.mark.anki
def test_anki_a_new_apkg_updates_edited_cards_with_update_always(tmp_path):
    guide = api.load(write_guide(tmp_path, "cells.yaml", ANKI_GUIDE))
    before, after = _anki_files(guide, tmp_path, "a"), _anki_files(_edited(guide), tmp_path, "b")
    assert anki.apkg(guide)[0] == anki.apkg(api.load(tmp_path / "cells.yaml"))[0]  # unchanged guide, same bytes
    col = _Anki(tmp_path / "collection.anki2")
    try:
        col.import_file(before["apkg"])
        assert col.import_file(before["apkg"], always=True)["duplicate"] == 3
        assert col.import_file(after["apkg"], always=True) == {"new": 0, "updated": 3, "duplicate": 0, "conflicting": 0}
    finally:
        col.close()


@pytest.mark.anki
def test_anki_a_double_colon_in_the_title_keeps_one_flat_deck(tmp_path):
    guide = api.load(write_guide(tmp_path, "cells.yaml", ANKI_GUIDE))
    files = _anki_files(guide, tmp_path, "a")
    for kind in ("txt", "apkg"):
        col = _Anki(tmp_path / f"{kind}.anki2")
        try:
            col.import_file(files[kind])
            names = {d.name for d in col.col.decks.all_names_and_ids()}
            assert "Biology:Unit 3 — Cells" in names and "Biology" not in names
        finally:
            col.close()


def test_anki_text_file_shape(tmp_path):
    guide = api.load(write_guide(tmp_path, "cells.yaml", ANKI_GUIDE))
    [(_, data)], _ = anki.export(guide)
    lines = data.decode("utf-8").split("\n")
    assert lines[:6] == ["#separator:tab", "#html:true", f"#notetype:{anki.MODEL_ID}", "#deck:Biology:Unit 3 — Cells",
                         "#tags:studyguide cells", "#guid column:3"]
    assert not any("Basic" in line for line in lines)  # no English note type name to mismatch
    assert lines[7].startswith('"#membrane"\t')  # quoted: a line starting with '#' would be a comment
