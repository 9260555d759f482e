"""Pages a teacher would copy for nothing: a page with no text but its footers (and the page left blank
on purpose before double-sided flashcards, when it is not needed), and answer lines cut over pages
without their note, ending with a line or two alone on a page.

Read as a teacher reads the pages: the text of each page without what every page repeats (the footer,
"Page 3 of 5" read with its numbers as any number), and the ruled lines drawn on it (rows of ink).
"""
from __future__ import annotations

import functools
import io
import re
from collections import Counter

import pypdf
import pypdfium2 as pdfium
import pytest

from conftest import CASES, norm
from studyguide import api, labels, render

LAYOUT = CASES / "layout"


@functools.lru_cache(maxsize=None)
def built(name: str, edition=None, paper=None, sheet=None):
    """(guide, theme, {"student": Rendered, "key": Rendered}) of a test guide, laid out in memory."""
    guide = api.load(LAYOUT / name)
    theme = api.theme_for(guide, None, edition)
    return guide, theme, render.render(guide, paper=paper, theme=theme, sheet=sheet)


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text without the lines every page prints (footers, "✂"), whitespace collapsed."""
    pages = [[line.strip() for line in p.extract_text().split("\n") if line.strip() not in ("", "✂")]
             for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    shape = lambda line: re.sub(r"\d+", "#", line)  # noqa: E731 (a footer's page numbers read as any number)
    every = set.intersection(*(set(map(shape, p)) for p in pages)) if len(pages) > 1 else set()
    return [norm(" ".join(line for line in p if shape(line) not in every)) for p in pages]


def empty_pages(guide, pdf: bytes, theme, on_purpose: bool = True) -> list[int]:
    """Pages with no text but what every page prints and no ink in their body (a page of answer lines has
    no text); ``on_purpose``: and pages with only the note of a page left blank on purpose (before
    double-sided flashcards, where the cards must start on an odd page)."""
    note = norm(labels.for_language(guide.language, guide.labels)["blank_page"]) if on_purpose else None
    return [n for n, text in enumerate(page_texts(pdf), 1)
            if text == note or not text and not any(ink_rows(pdf, n, theme, 1))]  # (a page of text has ink)


def ink_rows(pdf: bytes, page: int, theme, least: float) -> list[bool]:
    """For each pixel row of a page's body (1-based; between the top and bottom margins, 72 pixels to the
    inch): whether it has at least ``least`` pixels of ink."""
    doc = pdfium.PdfDocument(pdf)
    _, height = doc[page - 1].get_size()
    image = doc[page - 1].render(scale=1, grayscale=True).to_pil().convert("L")
    body = image.crop((0, int(theme.margin_top), image.width, int(height - theme.margin_bottom)))
    data, w = body.point(lambda v: 1 if v < 200 else 0).tobytes(), body.width
    return [sum(data[y * w:(y + 1) * w]) >= least for y in range(body.height)]


def ruled_lines(pdf: bytes, page: int, theme) -> int:
    """The answer lines drawn on a page (1-based): runs of ink rows across at least half the text's width."""
    rows = ink_rows(pdf, page, theme, (pdfium.PdfDocument(pdf)[page - 1].get_size()[0] - 2 * theme.margin_x) / 2)
    return sum(1 for y, ink in enumerate(rows) if ink and (y == 0 or not rows[y - 1]))


def test_quarter_sheets_of_a_short_guide_end_with_their_matching_not_a_page_of_footers():
    """The grade 4 magnets guide on quarter sheets: its vocabulary matching ends page 4 at the foot, and
    the 12 pt gap after it went over alone: page 5 printed four footers "Magnets · Page 5 of 5" and nothing
    else, in the handout and the key (a sheet of nothing for every student)."""
    guide, theme, docs = built("magnets.yaml", paper="quarter-letter", sheet="quarter")
    for mode, doc in docs.items():
        texts = page_texts(doc.pdf)
        assert len(texts) == 4 and not empty_pages(guide, doc.pdf, theme), f"{mode}: {len(texts)} pages"
        assert "Vocabulary Matching" in texts[3] and "Page 4 of 4" in norm(
            pypdf.PdfReader(io.BytesIO(doc.pdf)).pages[3].extract_text())


def test_readable_edition_opens_the_double_sided_flashcards_after_the_matching_with_no_blank_page():
    """The Renaissance guide in the readable edition: its matching ended page 6 at the foot; the gap after it
    opened page 7 with nothing on it, and page 8 was then left blank on purpose so the double-sided cards start
    on an odd page: two blank pages in a row. The cards now open page 7, in the handout and the key."""
    guide, theme, docs = built("rinascimento.yaml", edition="readable")
    fronts = norm(guide.labels["fronts"].format(title=guide.labels["flashcards_duplex_title"]))
    for mode, doc in docs.items():
        texts = page_texts(doc.pdf)
        assert not empty_pages(guide, doc.pdf, theme), f"{mode}: pages {empty_pages(guide, doc.pdf, theme)} empty"
        assert "Abbina i termini" in texts[5] and fronts in texts[6], f"{mode}: {texts[5][:60]!r} / {texts[6][:60]!r}"
        assert len(texts) == 8, f"{mode}: {len(texts)} pages"


def _long_essay(folder, before: int, lines: int):
    """A guide of ``before`` short questions and an essay of ``lines`` lines (more than a page of them)."""
    text = ["title: Long essay", "questions:"]
    for n in range(before):
        text += ["  - type: true_false", f"    prompt: Statement {n + 1} is true.", "    answer: true"]
    text += ["  - type: essay", "    prompt: Write about the reading at length, with three examples.",
             "    answer: A model answer with three examples.", f"    lines: {lines}"]
    path = folder / f"essay-{before}-{lines}.yaml"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


def test_answer_lines_over_three_pages_note_each_break_and_leave_three_lines_at_least(tmp_path):
    """An essay of 40 lines in large print, wherever it starts on page 1: its lines run over two pages more.
    The trial's Renaissance guide had page 8 full of lines with no "The lines go on over the page." at its
    foot, and page 9 holding one line alone. Every page the lines go on from ends with the note, and at
    least three lines go on after each break; all 40 print."""
    for before in range(0, 12, 2):
        guide = api.load(_long_essay(tmp_path, before, 40))
        theme = api.theme_for(guide, None, "large-print")
        docs = render.render(guide, theme=theme)
        go_on = norm(labels.for_language(guide.language, guide.labels)["lines_go_on"])
        pdf = docs["student"].pdf
        texts = page_texts(pdf)
        start = docs["student"].question_pages[-1]
        later = [ruled_lines(pdf, p, theme) for p in range(start + 1, len(texts) + 1)]  # (page 1 has the Name line)
        assert len(later) >= 2 and 40 - sum(later) >= 4, (before, later)
        for page in range(start, len(texts)):  # every page but the last: its lines go on
            assert texts[page - 1].endswith(go_on), (before, page, texts[page - 1][-60:])
        assert not texts[-1].endswith(go_on) and min(later) >= 3, (before, later)


def test_an_essay_that_fits_the_next_page_moves_there_whole_rather_than_split_over_a_sheet():
    """The first-hour acids guide: its 8-line essay (question 8) started at page 2's foot, printed 4 lines
    there under "The lines go on over the page." and the other 4 on page 3, whose matching then left it half
    empty: moved whole to page 3, 4 pages. Since c242cca (fix-holes) the crossword shares page 3 with the
    matching instead of taking page 4 alone, so page 3 is full and has no room for the whole essay: moving it
    would cost the page the crossword saved. By issue 14's rules lines go on over a page only to fill one or to
    save one, and here they save one: 3 pages, handout and key, the essay's lines going on from page 2."""
    guide, _, docs = built("acids.yaml")
    go_on = norm(labels.for_language(guide.language, guide.labels)["lines_go_on"])
    for mode, doc in docs.items():
        texts = page_texts(doc.pdf)
        assert doc.question_pages[7] == 2 and "Explain why farmers add lime" in texts[1], mode
        assert go_on in texts[1] and not any(go_on in text for text in texts[2:]), mode
        assert "Vocabulary Matching" in texts[2] and "Crossword" in texts[2] and len(texts) == 3, \
            f"{mode}: {len(texts)} pages"


def test_a_heading_that_asks_more_room_than_a_page_has_does_not_break_the_fresh_page_too():
    """The water cycle guide (es) in the readable edition on quarter sheets: the vocabulary's heading asks for
    room for itself and the table's first three rows, more than a quarter page holds. It broke page 1's foot,
    then broke page 2 at its top as well: page 2 printed nothing but its footer, in the handout and the key."""
    guide, theme, docs = built("ciclo-acqua-es.yaml", edition="readable", paper="quarter-letter", sheet="quarter")
    for mode, doc in docs.items():
        texts = page_texts(doc.pdf)
        assert not empty_pages(guide, doc.pdf, theme), f"{mode}: pages {empty_pages(guide, doc.pdf, theme)} empty"
        assert "Resumen" in texts[0] and texts[1].startswith("Vocabulario evaporazione"), (mode, texts[1][:40])


SHORT = ("magnets.yaml", "acids.yaml", "rinascimento.yaml", "ciclo-acqua-es.yaml", "ciclo-acqua-it.yaml",
         "quick-volcano.yaml", "farm-friends.yaml", "water-cycle.yaml", "crossword-rivers.yaml", "physik-energie.yaml",
         "japan-arts.yaml")
LOOKS = [(None, None, None), ("readable", None, None), ("large-print", None, None), ("fillable", None, None),
         (None, "a4", None), (None, "half-letter", "half"), ("readable", "half-letter", "half"),
         ("large-print", "half-letter", "half"), (None, "quarter-letter", "quarter"),
         ("readable", "quarter-letter", "quarter"), (None, "a6", "quarter")]


def footer_only(name: str, looks) -> list[str]:
    """Each document of the guide ``name`` in ``looks`` with a page that holds nothing but its footer."""
    found = []
    for edition, paper, sheet in looks:
        guide, theme, docs = built(name, edition=edition, paper=paper, sheet=sheet)
        for mode, doc in docs.items():
            empty = empty_pages(guide, doc.pdf, theme, on_purpose=False)
            if empty:
                found.append(f"{name} {edition or 'standard'} {paper or guide.paper} {mode}: pages {empty} print only a footer")
    return found


def looks_of(name: str) -> list:
    """Two of the looks for each short guide, in turn, so that each look is built for two of them (all of
    every guide's looks: ``python bench/blank_pages.py``, 121 builds, about a minute)."""
    i = SHORT.index(name)
    return [LOOKS[(2 * i) % len(LOOKS)], LOOKS[(2 * i + 1) % len(LOOKS)]]


@pytest.mark.parametrize("name", SHORT)
def test_no_page_prints_only_its_footer(name):
    """Short guides in every edition, on full, half and quarter pages: no page of the handout or the key
    holds nothing but its footer (a trial found three such pages, from two causes)."""
    assert footer_only(name, looks_of(name)) == []


def test_every_look_is_built_for_two_short_guides():
    assert Counter(look for name in SHORT for look in looks_of(name)) == Counter(LOOKS * 2)
