"""The fillable edition: form fields on every answer of the handout, read back with pypdf (names,
kinds, pages, tab order), filled with pypdf and drawn by pdfium (the typed text shows where the
answer lines are); the print layout and the key exactly the standard edition's in the same words (the
fillable edition asks to select a choice, not to circle it: tests/test_fillable_words.py)."""
from __future__ import annotations

import io
import shutil
import subprocess

import pypdf
import pytest

from conftest import cli_main, write_guide
from studyguide.classroom import SetOptions, build_set

GUIDE = """
    title: The Water Cycle
    summary: Water evaporates from the ocean, condenses into clouds and falls as rain.
    questions:
      - type: multiple_choice
        prompt: What powers evaporation?
        choices: [The moon, The sun, Gravity]
        answer: B
      - type: true_false
        prompt: Clouds are made of water vapor only.
        answer: false
      - type: select_all
        prompt: Which of these are forms of precipitation?
        choices: [Rain, Snow, Fog, Hail]
        answer: [A, B, D]
      - type: short_answer
        prompt: Why does a puddle dry faster on a hot day?
        answer: Heat gives the water energy to evaporate.
        lines: 3
      - type: fill_in_blank
        prompt: Water vapor cools into [[clouds]] and falls as [[rain]].
      - type: matching
        prompt: Match each step with what happens.
        pairs:
          - {left: Evaporation, right: Liquid becomes gas}
          - {left: Condensation, right: Gas becomes liquid}
          - {left: Precipitation, right: Water falls}
      - type: ordering
        prompt: Put the steps in order.
        items: [Evaporation, Condensation, Precipitation]
      - type: essay
        prompt: Describe one full trip of a water drop through the cycle.
        lines: 6
"""
# what each question gets: (field name, kind); a radio group is one field
HEADER = [("name", "text"), ("date", "text"), ("period", "text")]  # the title block's lines, on page 1
EXPECTED = {
    1: [("q1", "radio")],
    2: [("q2", "radio")],
    3: [("q3_A", "check"), ("q3_B", "check"), ("q3_C", "check"), ("q3_D", "check")],
    4: [("q4", "text-multiline")],
    5: [("q5_blank1", "text"), ("q5_blank2", "text")],
    6: [("q6_1", "text"), ("q6_2", "text"), ("q6_3", "text")],
    7: [("q7_item1", "text"), ("q7_item2", "text"), ("q7_item3", "text")],
    8: [("q8", "text-multiline")],
}
RADIO_VALUES = {"q1": ["/A", "/B", "/C"], "q2": ["/true", "/false"]}


def _build(tmp_path, edition="fillable", name="out", **kw):
    path = tmp_path / "guides" / "week.yaml"
    if not path.exists():
        write_guide(tmp_path / "guides", "week.yaml", GUIDE)
    result = build_set(path, tmp_path / name, None, SetOptions(edition=edition, **kw))
    return result.outputs


def _kind(field) -> str:
    field = field.get_object()
    parent = field.get("/Parent")
    ft = field.get("/FT") or (parent.get_object().get("/FT") if parent else None)
    flags = int(field.get("/Ff", 0) or (parent.get_object().get("/Ff", 0) if parent else 0))
    if ft == "/Tx":
        return "text-multiline" if flags & (1 << 12) else "text"
    return "radio" if flags & (1 << 15) else "check"


def _widgets(reader):
    """(page number, field name, kind, rect) of every widget, page by page in /Annots order."""
    out = []
    for number, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            name = annot.get("/T") or annot["/Parent"].get_object()["/T"]
            out.append((number, str(name), _kind(annot), [float(v) for v in annot["/Rect"]]))
    return out


@pytest.fixture
def fillable(tmp_path):
    return _build(tmp_path)


def _standard(tmp_path):
    """The standard edition of the guide with the fillable edition's instructions as its own labels: the
    pages the fillable edition prints, fields aside."""
    from studyguide.labels import EN

    words = "".join(f"      {kind}: {EN[kind + '_fillable']}\n" for kind in ("multiple_choice", "select_all", "true_false"))
    path = write_guide(tmp_path / "std", "week.yaml", GUIDE + "    labels:\n" + words)
    return build_set(path, tmp_path / "standard", None, SetOptions()).outputs


def test_every_answer_has_its_fields_on_the_page_the_question_is_on(fillable):
    handout = fillable[0]
    reader = pypdf.PdfReader(handout.path)
    widgets = _widgets(reader)
    by_name = {}
    for page, name, kind, _ in widgets:
        by_name.setdefault(name, set()).add((page, kind))
    for number, wanted in EXPECTED.items():
        page = handout.question_pages[number - 1]
        for name, kind in wanted:
            assert by_name.pop(name) == {(page, kind)}, (number, name)
    for name, kind in HEADER:
        assert by_name.pop(name) == {(1, kind)}, name
    assert by_name == {}  # no field beyond the answers and the name lines
    fields = reader.get_fields()
    assert sorted(fields) == sorted(name for wanted in [HEADER, *EXPECTED.values()] for name, _ in wanted)
    for group, values in RADIO_VALUES.items():  # one button per choice, none chosen
        kids = fields[group]["/Kids"]
        assert [k.get_object()["/AP"]["/N"].keys() - {"/Off"} for k in kids] == [{v} for v in values]
        assert fields[group].get("/V") is None


def test_tab_order_follows_the_questions(fillable):
    reader = pypdf.PdfReader(fillable[0].path)
    order = [name for _, name, _, _ in _widgets(reader)]
    expected = [name for wanted in [HEADER, *EXPECTED.values()] for name, _ in wanted]
    seen = list(dict.fromkeys(order))  # a radio group's buttons come one after another
    assert seen == expected
    for number, page in enumerate(reader.pages, 1):
        if page.get("/Annots"):
            # row order, which readers follow for the Tab key, is the /Annots order: top to bottom, then left to right
            assert page["/Tabs"] == "/R"
            rows = [(-round(r[3]), r[0]) for p, _, _, r in _widgets(reader) if p == number]
            assert rows == sorted(rows)


def test_fields_are_invisible_on_paper_and_sized_to_the_lines(fillable, tmp_path):
    """No border, no fill; multi-line fields as wide as the lines; typed in the body's size."""
    reader = pypdf.PdfReader(fillable[0].path)
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            assert "/BS" not in annot and "/BG" not in annot.get("/MK", {}) and "/BC" not in annot.get("/MK", {})
            assert int(annot["/F"]) & 4  # printed, so a completed handout prints with its answers
    text = {name: r for _, name, kind, r in _widgets(reader) if kind == "text-multiline"}
    q4, q8 = text["q4"], text["q8"]
    assert q4[0] == q8[0] and q4[2] == q8[2]  # both from the number column to the right margin
    from studyguide import api
    from studyguide.theming.styles import make_styles

    theme = api.theme_for(api.load(tmp_path / "guides" / "week.yaml"), None, "fillable")
    gap, size = theme.line_gap, make_styles(theme)["body"].fontSize
    assert abs((q8[3] - q8[1]) - (q4[3] - q4[1]) - 3 * gap) < 0.01  # 6 lines against 3: three gaps taller
    # its top: the first typed line sits on the first rule, not in the gap above it (a PDF app sets the
    # first baseline about 2 pt of padding and 0.9 of the size under the top)
    assert abs((q4[3] - q4[1]) - (2 * gap + 3 + 0.9 * size)) < 0.01


def test_the_print_layout_and_the_key_are_the_standard_editions(tmp_path, fillable):
    standard = _standard(tmp_path)
    for mine, theirs in zip(fillable, standard):
        a, b = pypdf.PdfReader(mine.path), pypdf.PdfReader(theirs.path)
        assert [p.get_contents().get_data() for p in a.pages] == [p.get_contents().get_data() for p in b.pages]
        assert mine.question_pages == theirs.question_pages
    assert fillable[1].path.name == "week-fillable-key.pdf" and fillable[0].path.name == "week-fillable.pdf"
    key = pypdf.PdfReader(fillable[1].path)
    assert not key.get_fields() and not any(p.get("/Annots") for p in key.pages)
    assert fillable[1].path.read_bytes().replace(b"fillable", b"") == standard[1].path.read_bytes()


def test_rebuilds_byte_for_byte(tmp_path, fillable):
    again = _build(tmp_path, name="again")
    assert [o.path.read_bytes() for o in again] == [o.path.read_bytes() for o in fillable]


def _changed(before, after, rect, page_height, scale) -> int:
    """Pixels that differ between two renders of a page inside a PDF rectangle."""
    from PIL import ImageChops

    x0, y0, x1, y1 = rect
    box = (int(x0 * scale), int((page_height - y1) * scale), int(x1 * scale) + 1, int((page_height - y0) * scale) + 1)
    diff = ImageChops.difference(before.convert("L").crop(box), after.convert("L").crop(box))
    return sum(1 for v in diff.point(lambda v: 255 if v > 60 else 0).tobytes() if v)


def _renders(path, scale=2):
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(path))
    doc.init_forms()  # pdfium draws the form fields as a PDF app shows them
    return [page.render(scale=scale, may_draw_forms=True).to_pil() for page in doc], [p.get_size()[1] for p in doc]


def test_a_filled_handout_shows_the_typed_answers_where_the_lines_are(fillable, tmp_path):
    reader = pypdf.PdfReader(fillable[0].path)
    writer = pypdf.PdfWriter(clone_from=reader)
    values = {"q4": "Heat speeds the molecules up", "q5_blank1": "clouds", "q6_2": "A", "q7_item3": "3",
              "q1": "/B", "q2": "/false", "q3_A": "/Yes"}
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    filled = tmp_path / "filled.pdf"
    with open(filled, "wb") as fh:
        writer.write(fh)
    assert {k: v.get("/V") for k, v in pypdf.PdfReader(filled).get_fields().items() if k in values} == values

    empty, heights = _renders(fillable[0].path)
    done, _ = _renders(filled)
    standard, _ = _renders(_standard(tmp_path)[0].path)
    from PIL import ImageChops
    assert [ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() for a, b in zip(empty, standard)] == \
        [None] * len(standard)  # unfilled, a PDF app shows the standard edition's pages: no border, no fill
    widgets = _widgets(reader)
    for name in values:
        chosen = {"q1": 1, "q2": 1}.get(name, 0)  # a radio group: the button of the value set (B, false)
        page, _, _, rect = [w for w in widgets if w[1] == name][chosen]
        assert _changed(empty[page - 1], done[page - 1], rect, heights[page - 1], 2) > 15, name
        others = [w for w in widgets if w[1] == name and w[3] != rect]
        for _, _, _, other in others:  # the other buttons of the group stay empty
            assert _changed(empty[page - 1], done[page - 1], other, heights[page - 1], 2) == 0, name
    # the typed answer sits on the first of the question's three lines
    page, _, _, (x0, y0, x1, y1) = next(w for w in widgets if w[1] == "q4")
    top = heights[page - 1]
    box = (int(x0 * 2), int((top - y1) * 2), int(x1 * 2), int((top - y0) * 2))
    ink = ImageChops.difference(empty[page - 1].convert("L").crop(box), done[page - 1].convert("L").crop(box)).getbbox()
    gap = (y1 - y0) / 3 * 2
    assert ink is not None and ink[0] < 20 and ink[3] <= gap + 4, ink


def test_qpdf_finds_nothing_wrong(fillable):
    if not shutil.which("qpdf"):
        pytest.skip("qpdf is not installed (apt-get install qpdf): a second reader's structural check")
    done = subprocess.run(["qpdf", "--check", str(fillable[0].path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


@pytest.mark.parametrize("extra, message", [
    (["--sheet", "half"], "--edition fillable with --sheet half: putting pages 2 to a sheet would drop their form "
                          "fields; leave out --sheet (a fillable handout is completed on screen), or build the "
                          "sheets without --edition fillable"),
    (["--class-set"], "--edition fillable with --class-set: collated copies would share one set of form fields; "
                      "leave out --class-set (each student opens the fillable file), or build the class set "
                      "without --edition fillable"),
])
def test_combinations_that_would_lose_the_fields_are_refused_and_write_nothing(tmp_path, extra, message):
    path = write_guide(tmp_path / "guides", "week.yaml", GUIDE)
    done = cli_main("build", path, "-o", tmp_path / "out", "--edition", "fillable", *extra)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("theme", ["classic", "modern", "ink-saver", "compact"])
def test_every_theme_gets_the_same_fields(tmp_path, theme):
    handout = _build(tmp_path, theme=theme)[0]
    reader = pypdf.PdfReader(handout.path)
    assert sorted(reader.get_fields()) == sorted(n for w in [HEADER, *EXPECTED.values()] for n, _ in w)


def test_answer_lines_over_a_page_break_get_a_field_on_each_page(tmp_path):
    long = GUIDE.replace("lines: 6", "lines: 40")
    write_guide(tmp_path / "guides", "week.yaml", long)
    handout = _build(tmp_path)[0]
    widgets = [(page, name) for page, name, _, _ in _widgets(pypdf.PdfReader(handout.path)) if name.startswith("q8")]
    assert len(widgets) >= 2  # (where the lines start on their first page decides how many pages they take)
    assert [name for _, name in widgets] == ["q8"] + [f"q8_part{k}" for k in range(2, len(widgets) + 1)]
    assert [page for page, _ in widgets] == list(range(widgets[0][0], widgets[0][0] + len(widgets)))


VOCABULARY = """
    vocabulary:
      - term: evaporation
        definition: The change from liquid water to water vapor.
        example: On a hot day, evaporation dries the puddles.
      - term: condensation
        definition: The change from water vapor to liquid water.
        example: Drops form on a cold glass by condensation.
      - term: precipitation
        definition: Water falling from clouds as rain, snow or hail.
        example: Snow is precipitation that falls as ice.
"""


def test_activities_get_fields_on_their_blanks(tmp_path):
    """Word-bank sentences: a field on each blank; vocabulary matching: a field on each term's line."""
    write_guide(tmp_path / "guides", "week.yaml", GUIDE + VOCABULARY)
    handout, key = _build(tmp_path, activities=("cloze", "matching"))[:2]
    reader = pypdf.PdfReader(handout.path)
    widgets = [(page, name) for page, name, kind, _ in _widgets(reader)
               if kind == "text" and name.startswith(("cloze", "match"))]
    names = [name for _, name in widgets]
    texts = [page.extract_text() for page in reader.pages]
    joined = " ".join(" ".join(t.split()) for t in texts)
    terms = joined[joined.index("Vocabulary Matching"):].count("______")  # the activity's terms: one blank each
    assert terms >= 2
    assert names == ["cloze1_blank1", "cloze2_blank1", "cloze3_blank1"] + [f"match{i}" for i in range(1, terms + 1)]
    for page, name in widgets:  # each on the page of its activity
        assert ("Vocabulary in Context" if name.startswith("cloze") else "Vocabulary Matching") in " ".join(texts[page - 1].split())
    assert not pypdf.PdfReader(key.path).get_fields()


def test_an_exit_ticket_has_a_name_field_and_stays_one_ticket_to_its_page(tmp_path):
    handout = _build(tmp_path, format="exit-ticket", questions="1,2")[0]
    reader = pypdf.PdfReader(handout.path)
    assert len(reader.pages) == 1 and float(reader.pages[0].mediabox.width) < 612  # not imposed: fields kept
    assert [name for _, name, _, _ in _widgets(reader)] == ["name", "q1", "q1", "q1", "q2", "q2"]


@pytest.mark.parametrize("fmt", ["notes", "cornell"])
def test_guided_notes_get_a_field_on_every_blank(tmp_path, fmt):
    from test_formats import NOTES

    write_guide(tmp_path / "guides", "week.yaml", NOTES + "    summary: Forests store carbon.\n")
    handout, key = _build(tmp_path, format=fmt)[:2]
    reader = pypdf.PdfReader(handout.path)
    names = [name for _, name, _, _ in _widgets(reader)]
    # the terms and the marked word, each blank where the key writes it: photosynthesis, carbon sinks, soil,
    # human rights (the name 'Human Rights Watch' stays printed)
    blanks = [f"blank{i}" for i in range(1, 5)]
    assert names == ["name", "date", "period"] + blanks + (["summary"] if fmt == "cornell" else [])
    # each field lies where the key writes that blank's word (pdfium reads the key's text inside the field)
    pdfium = pytest.importorskip("pypdfium2")
    text = pdfium.PdfDocument(str(key.path))[0].get_textpage()
    rects = {name: r for _, name, _, r in _widgets(reader)}
    for name, word in zip(blanks, ("photosynthesis", "carbon sinks", "soil", "human rights")):
        x0, y0, x1, y1 = rects[name]
        assert " ".join(text.get_text_bounded(x0, y0, x1, y1).split()) == word, name
    assert not pypdf.PdfReader(key.path).get_fields()


def test_organizers_get_a_field_in_every_box(tmp_path):
    from test_formats import ORGANIZERS

    write_guide(tmp_path / "guides", "week.yaml", ORGANIZERS)
    handout = _build(tmp_path, format="organizers")[0]
    names = [name for _, name, kind, _ in _widgets(pypdf.PdfReader(handout.path)) if kind == "text-multiline"]
    assert names == ["benefits1", "criticisms1", "benefits2", "criticisms2", "view1", "evidence1", "view2", "evidence2",
                     "definition1", "characteristics1", "examples1", "non_examples1",
                     "definition2", "characteristics2", "examples2", "non_examples2"]


def test_each_slot_field_lies_where_the_key_writes_its_answer(fillable):
    """pdfium reads the key's text inside each one-line field of the handout: the blank's word, the
    matching letter, the ordering number."""
    pdfium = pytest.importorskip("pypdfium2")
    key = pdfium.PdfDocument(str(fillable[1].path))
    widgets = _widgets(pypdf.PdfReader(fillable[0].path))

    def under(name):
        page, _, _, (x0, y0, x1, y1) = next(w for w in widgets if w[1] == name)
        return " ".join(key[page - 1].get_textpage().get_text_bounded(x0, y0, x1, y1).split())

    assert [under("q5_blank1"), under("q5_blank2")] == ["clouds", "rain"]
    assert sorted(under(f"q6_{i}") for i in (1, 2, 3)) == ["A", "B", "C"]
    assert sorted(under(f"q7_item{i}") for i in (1, 2, 3)) == ["1", "2", "3"]


@pytest.mark.parametrize("language, tips", [
    ("en", {"name": "Name", "q1": "Question 1", "q3_B": "Question 3, choice B", "q4": "Question 4",
            "q5_blank2": "Question 5, blank 2", "q6_1": "Question 6, term 1", "q7_item3": "Question 7, item 3"}),
    ("es", {"q1": "Pregunta 1", "q5_blank2": "Pregunta 5, espacio 2", "q7_item3": "Pregunta 7, elemento 3"}),
    ("zh", {"q1": "第1题", "q5_blank2": "第5题, 第2空", "q3_B": "第3题, 选项B"}),
])
def test_a_screen_reader_names_each_field_in_the_guides_language(tmp_path, language, tips):
    write_guide(tmp_path / "guides", "week.yaml", f"language: {language}\n" + GUIDE.replace("\n    ", "\n")[1:])
    fields = pypdf.PdfReader(_build(tmp_path)[0].path).get_fields()
    assert {name: fields[name].get("/TU") for name in tips} == tips


def test_a_tooltip_keeps_quotes_ampersands_and_bars_of_a_guides_own_labels(tmp_path):
    own = 'labels:\n  field_question: \'Q "{n}" & <b>|\'\n'
    write_guide(tmp_path / "guides", "week.yaml", own + GUIDE.replace("\n    ", "\n")[1:])
    fields = pypdf.PdfReader(_build(tmp_path)[0].path).get_fields()
    assert fields["q5_blank2"]["/TU"] == 'Q "5" & <b>|, blank 2'
    assert fields["q4"]["/TU"] == 'Q "4" & <b>|'


def test_pdfium_finds_every_field_with_its_kind(fillable):
    """A second reader, the engine of Chrome's PDF viewer, sees the same fields, names and kinds."""
    import ctypes

    pdfium = pytest.importorskip("pypdfium2")
    raw = pytest.importorskip("pypdfium2.raw")
    doc = pdfium.PdfDocument(str(fillable[0].path))
    doc.init_forms()
    kinds = {raw.FPDF_FORMFIELD_TEXTFIELD: "text", raw.FPDF_FORMFIELD_RADIOBUTTON: "radio",
             raw.FPDF_FORMFIELD_CHECKBOX: "check"}
    seen = []
    for page in doc:
        for i in range(raw.FPDFPage_GetAnnotCount(page)):
            annot = raw.FPDFPage_GetAnnot(page, i)
            size = raw.FPDFAnnot_GetFormFieldName(doc.formenv, annot, None, 0)
            buf = (ctypes.c_ushort * (size // 2))()
            raw.FPDFAnnot_GetFormFieldName(doc.formenv, annot, buf, size)
            seen.append((bytes(buf).decode("utf-16-le").rstrip("\x00"),
                         kinds.get(raw.FPDFAnnot_GetFormFieldType(doc.formenv, annot))))
            raw.FPDFPage_CloseAnnot(annot)
    mine = [(name, kind.split("-")[0]) for _, name, kind, _ in _widgets(pypdf.PdfReader(fillable[0].path))]
    assert seen == mine and len(seen) == 3 + 2 + 3 + 4 + 1 + 2 + 3 + 3 + 1  # name lines; a button per choice


def test_a_blank_in_a_right_to_left_sentence_is_underlined_and_gets_its_field(tmp_path):
    """Hebrew is set line by line in display order (rtl.visual_lines): the blank keeps its underline and
    its field mark, and the field lies where the key writes the answer."""
    write_guide(tmp_path / "guides", "week.yaml", """
        title: מחזור המים
        questions:
          - type: fill_in_blank
            prompt: המים מתאדים מן [[הים]] ויורדים כגשם.
    """)
    handout, key = _build(tmp_path)[:2]
    pdfium = pytest.importorskip("pypdfium2")
    page, _, _, (x0, y0, x1, y1) = next(w for w in _widgets(pypdf.PdfReader(handout.path)) if w[1] == "q1_blank1")
    written = "".join(pdfium.PdfDocument(str(key.path))[page - 1].get_textpage().get_text_bounded(x0, y0, x1, y1).split())
    assert sorted(written) == sorted("הים")
    # the handout's underline: a dark horizontal run of pixels along the field's foot
    image = pdfium.PdfDocument(str(handout.path))[page - 1].render(scale=2).to_pil().convert("L")
    height = pypdf.PdfReader(handout.path).pages[page - 1].mediabox.height
    band = image.crop((int(x0 * 2) + 4, int((float(height) - y0) * 2) - 8, int(x1 * 2) - 4, int((float(height) - y0) * 2)))
    rows = [sum(1 for v in band.crop((0, r, band.width, r + 1)).tobytes() if v < 128) for r in range(band.height)]
    assert max(rows) > band.width * 0.9, rows


def test_a_blank_that_opens_a_right_to_left_line_is_underlined(tmp_path):
    """A Hebrew term without an example is asked by its definition, the blank first. Putting a line in
    display order stripped the blank's no-break spaces as if they were the line's edge: the handout
    printed the sentence with no blank at all. The underline now lies where the blank's field is."""
    write_guide(tmp_path / "guides", "week.yaml", """
        title: מילים
        vocabulary:
          - {term: שלום, definition: ברכה שאומרים כשנפגשים וכשנפרדים.}
          - {term: תודה, definition: מה שאומרים כשמישהו עוזר לנו.}
        activities: [cloze]
    """)
    handout = _build(tmp_path)[0]
    pdfium = pytest.importorskip("pypdfium2")
    blanks = [w for w in _widgets(pypdf.PdfReader(handout.path)) if w[1].startswith("cloze")]
    assert [w[1] for w in blanks] == ["cloze1_blank1", "cloze2_blank1"]
    for page, _, _, (x0, y0, x1, y1) in blanks:
        image = pdfium.PdfDocument(str(handout.path))[page - 1].render(scale=2).to_pil().convert("L")
        height = float(pypdf.PdfReader(handout.path).pages[page - 1].mediabox.height)
        band = image.crop((int(x0 * 2) + 4, int((height - y0) * 2) - 8, int(x1 * 2) - 4, int((height - y0) * 2)))
        rows = [sum(1 for v in band.crop((0, r, band.width, r + 1)).tobytes() if v < 128) for r in range(band.height)]
        assert max(rows) > band.width * 0.9, rows
