"""What the importing tools see: each check reads an export the way its consumer's own code does.

- Moodle: question/format/xml/format.php reads the file with PHP's expat through
  xmlize, which drops every chunk of character data that is only whitespace; expat
  cuts chunks at each entity and line break. :func:`moodle_reader` does the same with
  Python's expat (the same parser library), so a space that Moodle would lose is lost
  here too. The ordering type's ``import_from_xml`` needs ``<shownumcorrect>``.
- Canvas (QTI): the DTD of IMS QTI 1.2.1, and the HTML a browser parses.
"""
from __future__ import annotations

import html
import xml.parsers.expat
from html.parser import HTMLParser

import pytest

from conftest import GUIDES, guide_params, write_guide
from studyguide import api, inline
from studyguide.export import FORMATS, moodle
from studyguide.model import MultipleChoice, SelectAll




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


@pytest.mark.parametrize("guide_path", [*guide_params()])
def test_moodle_sees_every_text_of_the_shipped_guides_as_written(guide_path):
    """Every question text and answer, read as Moodle reads it, equals the HTML the exporter meant."""
    guide = api.load(guide_path)
    questions = moodle_file(guide_path)[1:]
    assert len(questions) == len(guide.questions)
    for seen, q in zip(questions, guide.questions):
        if isinstance(q, (MultipleChoice, SelectAll)):
            assert seen["answer/text"] == [" ".join(inline.markup(c).split("\n")).strip() for c in q.choices]
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


def test_the_exports_are_well_formed_for_every_shipped_guide():
    for path in GUIDES:
        guide = api.load(path)
        for fmt in ("moodle",):
            for _, data in FORMATS[fmt](guide)[0]:
                xml.parsers.expat.ParserCreate().Parse(data, True)
