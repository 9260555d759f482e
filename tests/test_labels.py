"""Printed labels follow the guide's language; `labels:` overrides any one of them."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import GUIDES_DIR, Pdf, cli_main, write_guide
from glyphs import assert_no_boxes, fonts_listed

from studyguide import api, labels
from studyguide.errors import GuideError
from studyguide.render import render

CHINA = GUIDES_DIR / "china-foreign-police-training.yaml"


def _build(tmp_path, **changes):
    guide = dataclasses.replace(api.load(CHINA), **changes)
    docs = render(guide, ("student", "key"))
    for mode, doc in docs.items():
        (tmp_path / f"{mode}.pdf").write_bytes(doc.pdf)
    return Pdf(tmp_path / "student.pdf"), Pdf(tmp_path / "key.pdf")


# -- the first guide in each language, built once: header, questions, activities, coverage, answer grid --

LANGUAGES = ["en", "es", "fr", "de", "pt-BR", "zh"]
# the English copy also overrides activity labels (one build fewer)
OVERRIDES = ("labels:\n  crossword_title: Puzzle of the Week\n  across: Horizontal\n"
             "  matching_instructions: Draw a line from each term to its definition.\n")
_BUILT: dict = {}


def squash(text: str) -> str:
    """Text without any whitespace: line breaks fall anywhere in Chinese, and no-break spaces vary."""
    return "".join(text.split())


def _copy(folder, language: str, labels_yaml: str = ""):
    """The first guide with `language:` set in a copy of its YAML (and `labels:` added), only question 1
    checking objective 1 and question 2 worth 2.5 points checking objective 2 (so the coverage table shows,
    with objectives no question checks), and a source date (the bundled guide gives none) to write out."""
    text = CHINA.read_text(encoding="utf-8")
    lines = [f"language: {language}" if line.startswith("language:") else line for line in text.splitlines()]
    path = folder / f"china-{language}.yaml"
    path.write_text("\n".join(lines) + "\n" + labels_yaml, encoding="utf-8")
    guide = api.load(path)
    assert guide.language == language
    q = [dataclasses.replace(x, objective=None) for x in guide.questions]
    q[0] = dataclasses.replace(q[0], objective=0)
    q[1] = dataclasses.replace(q[1], objective=1, points=2.5)
    return dataclasses.replace(guide, questions=tuple(q), source=dataclasses.replace(guide.source, date="2026-11-14"))


@dataclasses.dataclass
class Built:
    guide: object
    student: Pdf
    key: Pdf
    grid: Pdf
    starts: dict  # section → the page it starts on (1-based)
    question_pages: list

    def raw(self, pdf: Pdf, n: int) -> str:
        """The text of page ``n`` (1-based); only the pages a test needs are read (all 15 take longer)."""
        cache = pdf.__dict__.setdefault("_pages", {})
        if n not in cache:
            cache[n] = pdf.reader.pages[n - 1].extract_text()
        return cache[n]

    def page(self, pdf: Pdf, *numbers: int) -> str:
        """The squashed text of some pages."""
        return "".join(squash(self.raw(pdf, n)) for n in numbers)


def _built(language, tmp_path_factory) -> Built:
    """Handout, key and version A's answer grid of the first guide in ``language``, built once."""
    from studyguide import grid, render as rendering, variants

    if language not in _BUILT:
        folder = tmp_path_factory.mktemp(f"labels-{language}")
        guide = _copy(folder, language, OVERRIDES if language == "en" else "")
        docs = render(guide, ("student", "key"))
        for mode, doc in docs.items():
            (folder / f"{mode}.pdf").write_bytes(doc.pdf)
        font_for, _ = rendering.glyph_plan(guide)
        (folder / "grid.pdf").write_bytes(grid.render_grid(variants.version(guide, 0, "7"), guide.paper, font_for).pdf)
        starts = {name: page for name, page, _ in docs["student"].sections}
        _BUILT[language] = Built(guide, Pdf(folder / "student.pdf"), Pdf(folder / "key.pdf"), Pdf(folder / "grid.pdf"),
                                 starts, docs["student"].question_pages)
    return _BUILT[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_prints_with_real_glyphs_from_embedded_fonts(language, tmp_path_factory):
    """Read off the embedded font subsets, not the extracted text: a box maps back to the right
    character in extracted text, so only the glyphs show whether the labels really print."""
    b = _built(language, tmp_path_factory)
    for pdf in (b.student, b.key, b.grid):
        assert_no_boxes(pdf.data, f"{language} {pdf.path.name}")
        assert all(embedded for _, _, embedded in fonts_listed(pdf.data))
    assert render_warnings(b.guide) == []


def render_warnings(guide):
    from studyguide import render as rendering

    return rendering.glyph_plan(guide)[1]


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt-BR"])
def test_labels_come_in_the_guides_language(language, tmp_path_factory):
    words = {k: squash(v) for k, v in labels.for_language(language).items()}
    b = _built(language, tmp_path_factory)
    first = b.page(b.student, 1)
    for name in ("name", "date", "period"):
        assert words[name] in first
    assert words["summary"] in b.page(b.student, 1, 2)  # after the coverage table
    questions = b.page(b.student, b.question_pages[0])
    assert words["questions"] in questions and words["multiple_choice"] in questions
    true_false = next(n for n, q in enumerate(b.guide.questions) if q.kind == "true_false")
    assert words["true"] in b.page(b.student, b.question_pages[true_false])
    assert words["answer_key"] in b.page(b.key, 1) and words["answer_key"] not in first
    assert words["why"] in b.page(b.key, b.question_pages[0])
    total = len(b.student.reader.pages)
    assert words["page"].format(n=total, total=total) in b.page(b.student, total)
    assert words["key_footer"] in b.page(b.key, total)
    assert squash(labels.EN["multiple_choice"]) not in questions and "Page1of" not in first


ESSAYS = """\
title: Essays
language: {language}
{reading}questions:
  - type: essay
    prompt: Explain the cause.
  - type: essay
    prompt: Explain the effect.
"""
READING = "reading:\n  text: The mill opened in 1790 and closed in 1850.\n"
SOURCE = "source: The Mill Town, a newspaper article\n"


def _text(pdf: bytes) -> str:
    import io

    import pypdf

    return squash(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_essay_asks_for_evidence_from_the_reading_only_when_the_guide_has_one(language, tmp_path):
    """A guide without `reading:` or `source:` prints the essay label's first sentence (essay_no_reading),
    with no reading to take evidence from; a guide with a reading, or built on an article, keeps the whole label."""
    from conftest import write_guide

    words = {k: squash(v) for k, v in labels.for_language(language).items()}
    assert words["essay"].startswith(words["essay_no_reading"][:-1]) and words["essay_no_reading"] != words["essay"]
    for reading, said, not_said in (("", "essay_no_reading", "essay"), (READING, "essay", None),
                                    (SOURCE, "essay", None)):  # (an article the guide is built on is a reading)
        path = write_guide(tmp_path, f"essays{bool(reading)}.yaml", ESSAYS.format(language=language, reading=reading))
        for doc in render(api.load(path), ("student", "key")).values():
            text = _text(doc.pdf)
            assert words[said] in text
            assert not_said is None or words[not_said] not in text


def test_a_guide_that_sets_the_essay_label_gets_it_without_a_reading_too(tmp_path):
    from conftest import write_guide

    path = write_guide(tmp_path, "own.yaml", ESSAYS.format(language="en", reading="")
                       + "labels:\n  essay: Use two examples from class.\n")
    text = _text(render(api.load(path), ("student",))["student"].pdf)
    assert squash("Questions 1–2: Use two examples from class.") in text


def test_a_guide_overrides_single_labels_and_headings(tmp_path):
    student, key = _build(tmp_path, labels={"period": "Class", "why": "Because:"}, headings={"summary": "In Brief"})
    assert "Class" in student.pages[0] and "Period" not in student.text
    assert "Because:" in key.text and "Why:" not in key.text
    assert "In Brief" in student.pages[0]


def test_unknown_label_keys_get_a_located_suggestion(tmp_path):
    guide = tmp_path / "g.yaml"
    guide.write_text("title: T\nlabels:\n  perod: Class\n", encoding="utf-8")
    with pytest.raises(GuideError) as err:
        api.load(guide)
    assert str(err.value) == f"{guide}:3:3: labels: unknown key 'perod' (did you mean 'period'?)"


def test_every_language_has_every_label():
    for table in labels.LANGUAGES.values():
        assert set(table) == set(labels.EN)
        for key, text in table.items():
            assert text.count("{") == labels.EN[key].count("{"), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_activity_pages_print_in_the_guides_language(language, tmp_path_factory):
    b = _built(language, tmp_path_factory)
    words = labels.for_language(language, b.guide.labels)
    matching = b.page(b.student, b.starts["matching"])
    assert squash(words["matching_title"]) in matching
    assert squash(words["matching_instructions"]) in matching
    assert squash(words["one_unused_in_each_set"]) in matching  # 13 terms: cut into sets, one spare definition each
    assert any(squash(words["matching_set"].format(n=1, first=1, last=k)) in matching for k in range(4, 13))
    cloze = b.page(b.student, b.starts["cloze"])
    assert squash(words["cloze_title"]) in cloze and squash(words["cloze_instructions"]) in cloze
    assert squash(words["word_bank"]) in cloze
    start = b.starts["crossword"]
    crossword = b.page(b.key, start, start + 1)  # the clues may go on over the page
    assert squash(words["crossword_title"]) in crossword and squash(words["crossword_instructions"]) in crossword
    assert squash(words["across"]) in crossword and squash(words["down"]) in crossword
    english = labels.EN
    if language != "en":
        for name in ("matching_instructions", "cloze_instructions", "crossword_instructions", "matching_title"):
            assert squash(english[name]) not in matching + cloze + crossword, name


def test_a_guide_overrides_an_activity_label(tmp_path_factory):
    b = _built("en", tmp_path_factory)
    start = b.starts["crossword"]
    crossword = b.page(b.key, start, start + 1)
    assert squash("Puzzle of the Week") in crossword and "Crossword" not in crossword
    assert "Horizontal" in crossword and "Across" not in crossword
    assert squash("Draw a line from each term to its definition.") in b.page(b.student, b.starts["matching"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_coverage_table_and_answer_grid_print_in_the_guides_language(language, tmp_path_factory):
    b = _built(language, tmp_path_factory)
    words = labels.for_language(language)
    first = b.page(b.student, 1, 2)
    for name in ("coverage", "objective_column", "questions_column", "points_column"):
        assert squash(words[name]) in first, name
    assert squash(words["not_checked"]) not in first
    key = b.page(b.key, 1, 2)
    assert squash(words["coverage_key"]) in key and squash(words["not_checked"]) in key
    grid = b.page(b.grid, 1)
    for name in ("answer_grid", "number_column", "answer_column", "points_column", "true", "false", "see_key"):
        assert squash(words[name]) in grid, name
    assert squash(words["version"].format(v="A")) in grid and squash(words["seed"].format(s="7")) in grid
    if language != "en":
        assert "Answergrid" not in grid and "seethekey" not in grid


@pytest.mark.parametrize("language, half", [("en", "2.5"), ("es", "2,5"), ("fr", "2,5"), ("de", "2,5"),
                                            ("pt-BR", "2,5"), ("zh", "2.5")])
def test_points_use_the_languages_decimal_separator(language, half, tmp_path_factory):
    b = _built(language, tmp_path_factory)
    words = labels.for_language(language)
    question = b.page(b.student, b.question_pages[1])
    other = "2.5" if half == "2,5" else "2,5"
    assert squash(words["points"].format(n=half)) in question  # question 2's points
    assert squash(words["points"].format(n=other)) not in question
    coverage = b.raw(b.key, 1).split()
    assert half in coverage and other not in coverage  # objective 2's points, in the coverage table
    grid = b.raw(b.grid, 1).split()
    assert half in grid and other not in grid
@pytest.mark.parametrize("language, full, month, first", [
    ("en", "March 14, 2025", "March 2025", "March 1, 2025"),
    ("es", "14 de marzo de 2025", "marzo de 2025", "1 de marzo de 2025"),
    ("fr", "14 mars 2025", "mars 2025", "1er mars 2025"),
    ("de", "14. März 2025", "März 2025", "1. März 2025"),
    ("pt-BR", "14 de março de 2025", "março de 2025", "1º de março de 2025"),
    ("zh", "2025年3月14日", "2025年3月", "2025年3月1日"),
])
def test_dates_are_written_out_in_the_language(language, full, month, first):
    assert labels.format_date("2025-03-14", language) == full
    assert labels.format_date("2025-03", language) == month
    assert labels.format_date("2025-03-01", language) == first
    for typed in ("March 14, 2025", "2025", "14/03/2025", "2025-02-30", "2025-13", "spring 2025"):
        assert labels.format_date(typed, language) == typed  # not an ISO date (or no such day): as typed


def test_the_citation_writes_out_the_date_and_quotes_the_title_in_the_language():
    from studyguide.layout.header import citation
    from studyguide.model import Source

    source = Source(title="A Plan", author="A. Writer", date="2025-03-14")
    assert citation(source) == "A. Writer, “A Plan”, 2025-03-14"  # no labels: as before
    assert citation(source, labels.for_language("en")) == "A. Writer, “A Plan”, March 14, 2025"
    assert citation(source, labels.for_language("de")) == "A. Writer, „A Plan“, 14. März 2025"
    assert citation(source, labels.for_language("fr")) == "A. Writer, «\u00a0A Plan\u00a0», 14 mars 2025"
    assert citation(source, labels.for_language("zh")) == "A. Writer, 《A Plan》, 2025年3月14日"
    american = labels.for_language("en", {"full_date": "{month} {day}, {year}"})
    assert citation(Source(date="2025-03-14"), american) == "March 14, 2025"
    assert citation(Source(date="Spring 2025"), labels.for_language("de")) == "Spring 2025"


def test_numbers_follow_the_language():
    from studyguide.model import format_points

    assert [labels.format_number(2.5, lang) for lang in LANGUAGES] == ["2.5", "2,5", "2,5", "2,5", "2,5", "2.5"]
    assert labels.format_number(3.0, "de") == "3" and labels.format_number(52.5, "pt-BR") == "52,5"
    assert format_points(2.5) == "2.5"  # the command line and the exports keep the decimal point
    assert format_points(2.5, labels.for_language("de")) == "2,5"
    assert labels.format_number(0.5, "en", {"decimal": "·"}) == "0·5"


def test_sentences_join_without_a_space_after_chinese_punctuation():
    assert labels.sentences("One.", "Two.") == "One. Two."
    assert labels.sentences("一。", "二。") == "一。二。"
    assert labels.sentences("One.", "") == "One."


def test_every_label_can_be_overridden_and_the_docs_list_it():
    from conftest import REPO

    docs = (REPO / "docs" / "guide-format.md").read_text(encoding="utf-8")
    section = docs[docs.index("## labels"):]
    for key in labels.KEYS:
        assert f"`{key}`" in section, key
    for table in labels.LANGUAGES.values():  # the schema takes a label of up to 300 characters
        assert all(len(text) <= 300 for text in table.values())
        assert len(table["months"].split(",")) == 12


def test_the_header_prints_the_total_and_the_source_date_in_the_language(tmp_path_factory):
    b = _built("de", tmp_path_factory)
    first = b.page(b.student, 1)
    total = b.guide.total_points
    assert total % 1 == 0.5  # question 2 is worth 2.5 points
    assert squash(f"Gesamt: {total:g} Punkte".replace(".", ",")) in first
    assert squash("14. November 2026") in first


@pytest.mark.parametrize("language,written", [("en", "November 14, 2026"), ("en-US", "November 14, 2026"),
                                              ("en-GB", "14 November 2026"), ("en-AU", "14 November 2026"),
                                              ("es", "14 de noviembre de 2026"), ("de", "14. November 2026"),
                                              ("zh", "2026年11月14日")])
def test_english_dates_follow_the_region(language, written):
    assert labels.date("2026-11-14", labels.for_language(language)) == written
    assert labels.date("14/11/2026", labels.for_language(language)) == "14/11/2026"  # not ISO: as typed


# -- a true/false answer in the guide's own words -----------------------------------------------------------

_TF = "title: T\nlanguage: {lang}\nquestions:\n" + "".join(
    f"  - type: true_false\n    prompt: Statement {n}.\n    answer: {{a{n}}}\n" for n in (1, 2))


def _ringed(pdf: bytes, words: tuple[str, str]) -> list[str]:
    """The word the key rings on the last two true/false rows (the instruction above them holds the words too):
    dark pixels just left of a word are its ring, the space before an unringed word is blank."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[0]
    text, scale, height = page.get_textpage(), 4, page.get_height()
    image = page.render(scale=scale, grayscale=True).to_pil()
    rows: dict[float, list] = {}  # the middle of a row's words → (word, ringed)
    for word in words:
        search = text.search(word, match_case=True)
        while (hit := search.get_next()):
            left, bottom, _, top = text.get_charbox(hit[0])
            dark = sum(image.getpixel((x, y)) < 128 for x in range(int((left - 5) * scale), int((left - 0.5) * scale))
                       for y in range(int((height - top) * scale), int((height - bottom) * scale)))
            row = next((y for y in rows if abs(y - (bottom + top) / 2) < 2), (bottom + top) / 2)
            rows.setdefault(row, []).append((word, dark))
    answers = [row for _, row in sorted(rows.items(), reverse=True) if len(row) == 2]  # both words: a question's row
    return [" ".join(word for word, dark in row if dark) for row in answers[-2:]]


@pytest.mark.parametrize("lang,right,wrong", [("es", "Verdadero", "FALSO"), ("fr", "vrai", "Faux"),
                                              ("de", "wahr", "falsch"), ("de", "Richtig", "nein"),
                                              ("pt-BR", "verdadeiro", "não"), ("zh", "对", "错"),
                                              ("zh", "正确", "错误"), ("es", "sí", "no")])
def test_a_true_false_answer_may_be_written_in_the_guides_language(tmp_path, lang, right, wrong):
    path = tmp_path / "tf.yaml"
    path.write_text(_TF.format(lang=lang, a1=right, a2=wrong), encoding="utf-8")
    b = api.build(path, tmp_path / "out")
    table = labels.for_language(lang)
    words = (table["true"], table["false"])
    assert _ringed(b.outputs[1].path.read_bytes(), words) == list(words)  # question 1 true, question 2 false
    assert _ringed(b.outputs[0].path.read_bytes(), words) == ["", ""]  # the handout rings neither


@pytest.mark.parametrize("lang,answer,message", [
    ("es", "quizás", "question 1.answer: expected true or false (or verdadero or falso), found the text 'quizás'"),
    ("de", "vielleicht", "question 1.answer: expected true or false (or richtig or falsch), found the text 'vielleicht'"),
    ("en", "verdadero", "question 1.answer: expected true or false, found the text 'verdadero'"),
    ("es", "vrai", "question 1.answer: expected true or false (or verdadero or falso), found the text 'vrai'"),
])
def test_a_wrong_true_false_answer_is_told_the_guides_own_words(tmp_path, lang, answer, message):
    path = tmp_path / "tf.yaml"
    path.write_text(_TF.format(lang=lang, a1=answer, a2="true"), encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        api.load(path)
    assert str(caught.value) == f"{path}:6:13: {message}"


def test_the_editors_schema_takes_the_same_true_false_words():
    import re

    from studyguide.reading.editor_schema import TRUE_FALSE

    pattern = re.compile(TRUE_FALSE["oneOf"][1]["pattern"])
    for code in labels.LANGUAGES:
        table = labels.for_language(code)
        assert pattern.match(table["true"]) and pattern.match(table["false"].upper()), code
    assert not pattern.match("quizás")


# -- a short answer worked out, not written -----------------------------------------------------------------

_WORKED = """title: T
{extra}questions:
  - type: short_answer
    prompt: How many whole turns does a 66 cm wheel make in 1 km?
    answer: "C = π × 66 ≈ 207.2 cm; 100 000 ÷ 207.2 ≈ 482.6, so 482 turns"
    lines: 6
  - type: short_answer
    prompt: Why did the war end?
    answer: 2 reasons above all, the blockade and the failed spring attack of 1918.
  - type: short_answer
    prompt: How many cups for 30 cookies?
    answer: 1 ⅞ cups
    lines: 3
  - type: short_answer
    prompt: How long is one side?
    answer: 12 m
"""


@pytest.mark.parametrize("extra,work,sentences,line", [
    ("", "Show your work and write the answer on the lines.", "Answer in complete sentences on the lines.",
     "Write your answer on the line."),
    ("language: es\n", "Muestra tu procedimiento y escribe la respuesta en las líneas.",
     "Responde en las líneas con oraciones completas.", "Escribe tu respuesta en la línea."),
])
def test_a_short_answer_worked_out_asks_for_the_work_not_for_sentences(tmp_path, extra, work, sentences, line):
    path = tmp_path / "worked.yaml"
    path.write_text(_WORKED.format(extra=extra), encoding="utf-8")
    text = Pdf(api.build(path, tmp_path / "out").outputs[0].path).text
    said = [text.split(f"{n}. ")[1].split(f" {n + 1}. ")[0] for n in range(1, 4)] + [text.split("4. ")[1]]
    assert [s.endswith(want) or want + " " in s for s, want in zip(said, (work, sentences, work, line))] == [True] * 4, said


@pytest.mark.parametrize("answer, worked", [
    ("1 ⅞ cups", True), ("−4 °C", True), ("97 ppm per year", True), ("9⁄20", True), ("C = π × 66 ≈ 207.2 cm", True),
    # the review's history and civics answers: a list, an ordinal, a date and a place, a comparison without a number
    ("3 - legislative, executive, judicial", False), ("18th century, in Britain", False),
    ("1914, in Sarajevo", False), ("4th of July", False), ("That both sides name the same amount (a = b).", False),
    # the second review's: money and shares are worked; a year, a war count, a battle are not
    ("$20", True), ("25%", True), ("9.8 N", True), ("1776", False), ("1066 Battle of Hastings", False),
    ("2 World Wars", False),
])
def test_only_a_number_and_its_unit_or_a_calculation_asks_for_the_work(answer, worked):
    """The working's instruction had fired on any answer of five words that began with a digit, or held '='."""
    from studyguide.layout.directions import worked as is_worked

    assert is_worked(answer) is worked


def test_a_guides_own_short_answer_instruction_stays_on_worked_answers(tmp_path):
    path = tmp_path / "worked.yaml"
    path.write_text(_WORKED.format(extra="labels:\n  short_answer: Answer on the lines.\n"), encoding="utf-8")
    text = Pdf(api.build(path, tmp_path / "out").outputs[0].path).text
    assert "Questions 1–3: Answer on the lines." in text and "Show your work" not in text


# -- a language with no labels of its own: said once, and every printed label can be given ----------------

ITALIAN = """
    title: Il ciclo dell'acqua
    subject: Scienze
    grade: 6
    language: it
    source:
      title: L'acqua che viaggia
      author: Maria Rossi
    objectives:
      - Spiegare il ciclo dell'acqua.
    vocabulary:
      - term: evaporazione
        definition: Passaggio dell'acqua dallo stato liquido allo stato di vapore.
      - term: condensazione
        definition: Passaggio del vapore acqueo allo stato liquido.
      - term: precipitazione
        definition: Acqua che cade dalle nuvole come pioggia, neve o grandine.
      - term: traspirazione
        definition: Uscita di vapore acqueo dalle foglie delle piante.
    questions:
      - type: multiple_choice
        prompt: Che cosa fa evaporare l'acqua del mare?
        choices: [La Luna, Il calore del Sole, Il vento da solo]
        answer: B
        points: 1
        objective: 1
      - type: true_false
        prompt: Le nuvole sono fatte di vapore invisibile.
        answer: false
        explanation: Sono fatte di minuscole gocce d'acqua o cristalli di ghiaccio.
        points: 1
      - type: short_answer
        prompt: Perché una pozzanghera si asciuga più in fretta al sole?
        answer: Perché il calore del Sole fa evaporare l'acqua più velocemente.
        points: 2
    activities: [matching, cloze, flashcards, flashcards_duplex, word_search, crossword]
"""


def _every_label_marked() -> dict:
    """Each label as 'Zq<n>' with the parts it fills in; the months in Italian."""
    import string

    out = {}
    for n, key in enumerate(labels.KEYS):
        fields = dict.fromkeys(f for _, f, _, _ in string.Formatter().parse(labels.EN[key]) if f)
        out[key] = f"Zq{n}" + "".join(" {" + f + "}" for f in fields)
    out.update(months="gennaio, febbraio, marzo, aprile, maggio, giugno, luglio, agosto, settembre, ottobre, "
                      "novembre, dicembre", decimal=",", next_to=" e ", full_date="{day} {month} {year}",
               month_year="{month} {year}", first_day="1", quote="«{text}»", cited_title="«{title}»")
    return out


def test_a_language_without_labels_is_said_once(tmp_path):
    from conftest import write_guide

    path = write_guide(tmp_path, "it.yaml", ITALIAN)
    assert [str(w) for w in api.load(path).warnings] == [
        f"{path}:4:11: warning: language: no built-in labels for 'it': Name, Date, headings and instructions print "
        "in English; give them under 'labels:' ('studyguide check' names the ones this guide prints; "
        "docs/guide-format.md#labels)"]
    some = write_guide(tmp_path, "some.yaml", ITALIAN + "    labels:\n      name: Nome\n      date: Data\n")
    assert [str(w) for w in api.load(some).warnings] == [
        f"{some}:4:11: warning: language: no built-in labels for 'it': the labels not given under 'labels:' print "
        "in English ('studyguide check' names those this guide prints)"]


ONE_QUESTION = """\
title: Il ciclo dell'acqua
language: it
questions:
  - type: true_false
    prompt: Le nuvole sono fatte di vapore invisibile.
    answer: false
"""


def test_a_language_without_labels_is_told_only_the_labels_its_build_prints(tmp_path):
    """Review, 2026-12-04: a one-question Italian guide was told to give all 127 labels. Check and build
    name the labels the build reads (handout and key); with those given, check --strict passes."""
    from conftest import cli_main

    path = tmp_path / "it.yaml"
    path.write_text(ONE_QUESTION, encoding="utf-8")
    done = cli_main("check", "--strict", str(path))
    printed = "name, date, period, answer_key, key_footer, page, true, false, questions, true_false"
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        f"{path}:2:11: warning: language: no built-in labels for 'it': 10 of the labels this guide prints are not "
        "given under 'labels:' and print in English; write each under 'labels:' in the guide's language, its {...} "
        'parts kept. Header and footer — name: "Name", date: "Date", period: "Period", answer_key: "ANSWER KEY", '
        'key_footer: "Answer Key", page: "Page {n} of {total}". Headings — questions: "Questions". Instructions — '
        'true_false: "Circle True or False.". Other words — true: "True", false: "False". '
        "(docs/guide-format.md#labels)")
    italian = {"name": "Nome", "date": "Data", "period": "Classe", "answer_key": "SOLUZIONI", "key_footer": "Soluzioni",
               "page": "Pagina {n} di {total}",
               "true": "Vero", "false": "Falso", "questions": "Domande", "true_false": "Cerchia Vero o Falso."}
    assert list(italian) == printed.split(", ")
    path.write_text(ONE_QUESTION + "labels:\n" + "".join(f'  {k}: "{v}"\n' for k, v in italian.items()), encoding="utf-8")
    done = cli_main("check", "--strict", str(path))
    assert (done.returncode, done.stderr) == (0, "")
    pdf = tmp_path / "out"
    assert cli_main("build", str(path), "-o", str(pdf)).returncode == 0
    import pypdfium2

    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf / "it-key.pdf"))
    assert "SOLUZIONI" in text and "Vero" in text and "Name" not in text and "True" not in text


def test_every_printed_label_can_be_given(tmp_path):
    """With every label given, no word of the handout, key or answer grid is studyguide's own English: each
    is the teacher's Italian or a given label (a trial found 'Answer Key', 'Source:' and '(page 2)' left
    after 22 were given: they are key_footer, source and key_note_page)."""
    import re

    import yaml
    from conftest import cli_main, write_guide

    given = yaml.safe_dump({"labels": _every_label_marked()}, allow_unicode=True, width=1000)
    path = write_guide(tmp_path, "it.yaml", ITALIAN + "\n".join("    " + line for line in given.splitlines()))
    assert api.load(path).warnings == ()
    done = cli_main("build", path, "-o", tmp_path / "std")
    assert done.returncode == 0, done.stderr
    done = cli_main("build", path, "-o", tmp_path / "v", "--versions", "2", "--edition", "fillable")
    assert done.returncode == 0, done.stderr
    typed = {w.casefold() for w in re.findall(r"\w+", ITALIAN)}
    pdfs = sorted((tmp_path / "std").glob("*.pdf")) + sorted((tmp_path / "v").glob("*.pdf"))
    assert len(pdfs) == 2 + 6
    for pdf in pdfs:
        read = Pdf(pdf)
        tips = [str(a.get_object().get("/TU", "")) for page in read.reader.pages for a in page.get("/Annots") or []]
        for n, text in enumerate(read.pages + tips):
            english = [w for w in re.findall(r"[^\W\d_]+", text) if w.casefold() not in typed and
                       not re.fullmatch(r"Zq", w) and w not in ("gennaio", "ottobre") and len(w) > 1]
            assert not english, (pdf.name, n + 1, english)
    assert "Zq" in Pdf(tmp_path / "std" / "it-key.pdf").text


@pytest.mark.parametrize("name, code", [("français", "fr"), ("Francais", "fr"), ("Deutsch", "de"), ("Español", "es"),
                                        ("English", "en"), ("Italiano", "it"), ("Português", "pt"), ("中文", "zh"),
                                        ("Tiếng Việt", "vi"), ("Klingon", None)])
def test_a_language_written_by_its_name_gets_its_code(name, code):
    assert labels.code_of(name) == code


def _first_pages(tmp_path, text: str) -> tuple[str, str]:
    """The handout's and the key's first page, its lines as text, of a guide written as ``text``."""
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    docs = render(api.load(path), ("student", "key"))
    for mode, doc in docs.items():
        (tmp_path / f"{mode}.pdf").write_bytes(doc.pdf)
    return "\n".join(Pdf(tmp_path / "student.pdf").lines[0]), "\n".join(Pdf(tmp_path / "key.pdf").lines[0])


@pytest.mark.parametrize("language, one, two", [
    ("en", "Total: 1 point", "Total: 2 points"), ("es", "Total: 1 punto", "Total: 2 puntos"),
    ("fr", "Total\u00a0: 1 point", "Total\u00a0: 2 points"), ("de", "Gesamt: 1 Punkt", "Gesamt: 2 Punkte"),
    ("pt", "Total: 1 ponto", "Total: 2 pontos"), ("zh", "总分：1 分", "总分：2 分")])
def test_a_total_of_one_point_is_said_in_the_singular(tmp_path, language, one, two):
    """Retrial h-3: '--questions 1' printed 'Total: 1 points'. Handout and key, in every built-in language."""
    for points, said in ((1, one), (2, two)):
        guide = (f"title: T\nlanguage: {language}\nquestions:\n  - type: true_false\n    prompt: A ratio compares.\n"
                 f"    answer: true\n    points: {points}\n")
        for page in _first_pages(tmp_path, guide):
            assert squash(said) in squash(page)
    assert labels.for_language("it", {"total": "Totale: {points} punti"})["total_one"] == "Totale: {points} punti"


def test_the_key_footer_follows_the_answer_key_the_teacher_gives(tmp_path):
    """Retrial t4b-5: 'answer_key: SOLUZIONI' left the key's footer 'Answer Key'. The footer takes the
    teacher's banner (in small letters after the first, as every built-in footer is), unless 'key_footer'
    is given too; and a guide in a language not built in is not told key_footer prints in English."""
    guide = ("title: Rapporti\nlanguage: it\nquestions:\n  - type: true_false\n    prompt: Un rapporto confronta.\n"
             "    answer: true\n")
    handout, key = _first_pages(tmp_path, guide + "labels:\n  answer_key: SOLUZIONI\n")
    assert key.splitlines()[1] == "SOLUZIONI" and key.splitlines()[-1] == "Rapporti · Soluzioni · Page 1 of 1"
    assert "Answer Key" not in key and "Soluzioni" not in handout
    _, key = _first_pages(tmp_path, guide + "labels:\n  answer_key: SOLUZIONI\n  key_footer: Correzione\n")
    assert key.splitlines()[-1] == "Rapporti · Correzione · Page 1 of 1"
    _, key = _first_pages(tmp_path, guide.replace("language: it", "language: en") + "labels:\n  answer_key: Key for Unit 2\n")
    assert key.splitlines()[-1] == "Rapporti · Key for Unit 2 · Page 1 of 1"  # not all capitals: as typed
    told = labels.not_built_in("it", {"answer_key": "SOLUZIONI"}, {"answer_key", "key_footer", "name"})
    assert told.endswith('Header and footer — name: "Name". (docs/guide-format.md#labels)')


def test_many_unknown_label_keys_list_the_known_keys_once_and_are_counted_past_ten(tmp_path):
    # hostile r15 finding 7: 2,000 unknown keys gave 2,000 errors each listing every known key, 3.7 MB of them
    path = write_guide(tmp_path, "many.yaml", "title: Labels\nlabels:\n" + "".join(
        f"  label_{n}: Label {n}\n" for n in range(2000)))
    done = cli_main("check", str(path))
    said = [line.replace(str(path), "many.yaml") for line in done.stderr.splitlines()]
    assert len(said) == 11 and len("\n".join(said)) < 3000  # (was 2,000 lines, 3.7 MB)
    assert said[0].startswith("many.yaml:3:3: labels: unknown key 'label_0' (known keys: reading, cite_line, ")
    assert said[1:] == [f"many.yaml:{n + 3}:3: labels: unknown key 'label_{n}' (known keys: as listed at line 3)"
                        for n in range(1, 10)] + [
        "many.yaml:13:3: labels: 1,990 more unknown keys ('label_10', 'label_11', 'label_12', …; the known keys are "
        "listed at line 3): remove them, or move them where they belong"]
