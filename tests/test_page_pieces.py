"""Small pieces of a page that went astray in a teacher's trial (r8, L4 and L6): a word search's words to
find alone on the next page with nothing under the grid saying so (A5), a crossword clue's length alone on
a line, and the key's notes on the answers going on over a page with no heading."""
from __future__ import annotations

import re
from itertools import takewhile

from conftest import CASES, Pdf
from studyguide import api
from studyguide.classroom import SetOptions, build_set

TRIAL = CASES / "trial"


def _build(tmp_path, name: str, paper=None, **kw):
    build_set(TRIAL / name, tmp_path, paper, SetOptions(**kw))


def test_on_a5_the_word_search_grid_keeps_the_first_words_to_find_and_the_rest_say_continued(tmp_path):
    """The grid fills its page, so the words go on over it: their first rows under the grid, under their
    title, the rest opening the next page under "Words to find (continued)"; every word once, handout and key."""
    _build(tmp_path, "rome.yaml", "a5", versions=1)
    terms = sorted(v.term.upper() for v in api.load(TRIAL / "rome.yaml").vocabulary)
    for name in ("rome-A.pdf", "rome-A-key.pdf"):
        pdf = Pdf(tmp_path / name)
        at = next(i for i, page in enumerate(pdf.pages) if "Word Search Find each word" in page)
        here, over = pdf.lines[at], pdf.lines[at + 1]
        first = list(takewhile(str.isupper, here[here.index("Words to find") + 1:]))  # (under the grid, on its page)
        assert over[0] == "Words to find (continued)", (name, over[:2])
        rest = list(takewhile(str.isupper, over[1:]))  # (then the key's notes, the footer)
        assert len(first) >= 2 * 3 and len(rest) >= 2 * 3, (name, first, rest)  # two rows of three or more each
        assert sorted(first + rest) == terms, name


def test_a_crossword_clues_length_never_falls_alone_onto_a_line(tmp_path):
    """The trial's Down 14, "The single supreme ruler of an empire. (7)", broke before "(7)"."""
    _build(tmp_path, "rome.yaml", versions=1)
    pdf = Pdf(tmp_path / "rome-A-key.pdf")
    clues = [i for i, page in enumerate(pdf.pages) if "Down" in page and "Across" in page]
    assert clues
    for i in clues:
        alone = [line for line in pdf.lines[i] if re.fullmatch(r"\(\d+(?:[,-]\d+)*\)", line)]
        assert not alone, (i + 1, alone)
    assert "The single supreme ruler of an empire. (7)" in pdf.text


def _notes_pages(pdf: Pdf) -> list[tuple[int, str]]:
    return [(i, page) for i, page in enumerate(pdf.pages) if "Notes on the Answers" in page]


def test_notes_on_the_answers_that_go_on_over_a_page_repeat_their_heading_continued(tmp_path):
    """The Russian guide in large print (its notes on key pages 8 and 9) and the poem on half-letter paper in
    the modern theme (its notes on key pages 8 and 9; in classic they now end on page 8):
    the second page opens with "Notes on the Answers (continued)", then its notes; the first keeps the plain
    heading; the handout prints neither."""
    _build(tmp_path, "krugovorot-ru.yaml", edition="large-print")
    api.build(TRIAL / "dickinson.yaml", tmp_path, paper="half-letter", theme="modern")
    for name in ("krugovorot-ru-large-print", "dickinson"):
        key = Pdf(tmp_path / f"{name}-key.pdf")
        pages = _notes_pages(key)
        assert len(pages) == 2, (name, [i + 1 for i, _ in pages])
        (first, one), (second, two) = pages
        assert second == first + 1 and "Notes on the Answers (continued)" not in one
        lines = key.lines[second]
        opens = lines.index("Notes on the Answers (continued)")
        assert opens <= 1 and re.fullmatch(r"\d+\.", lines[opens + 1]), (name, lines[:4])  # (under the running header)
        assert "Notes on the Answers" not in Pdf(tmp_path / f"{name}.pdf").text


def test_the_continued_heading_is_the_guides_own_label(tmp_path):
    """A guide's `continued` and `key_notes` labels make the heading over the notes' second page."""
    text = (TRIAL / "krugovorot-ru.yaml").read_text(encoding="utf-8")
    text = text.replace("labels:\n", "labels:\n  key_notes: Пояснения к ответам\n  continued: \"{what} (продолжение)\"\n", 1)
    guide = tmp_path / "krugovorot-ru.yaml"
    guide.write_text(text, encoding="utf-8")
    build_set(guide, tmp_path / "out", None, SetOptions(edition="large-print"))
    key = Pdf(tmp_path / "out" / "krugovorot-ru-large-print-key.pdf")
    assert "Пояснения к ответам (продолжение)" in key.text
    assert "(continued)" not in key.text


def test_the_continued_headings_never_cost_the_key_a_page(tmp_path, monkeypatch):
    """A large-print key whose notes take three pages: the two "(continued)" headings pushed its last note
    onto a 31st page. The key is laid out again without them, and that is kept: 30 pages, every note."""
    from studyguide import mending, render

    guide = api.load(CASES / "frozen" / "china-foreign-police-training-2026-12.yaml")
    theme = api.theme_for(guide, "classic", "large-print")
    kept = render.render(guide, ("student", "key"), theme=theme)
    monkeypatch.setattr(mending, "notes_plain", lambda redraw, layout: layout)
    headed = render.render(guide, ("student", "key"), theme=theme)
    assert kept["key"].pages < headed["key"].pages and kept["student"].pages == headed["student"].pages
    (tmp_path / "key.pdf").write_bytes(kept["key"].pdf)
    notes = " ".join(Pdf(tmp_path / "key.pdf").pages[kept["student"].pages - 1:])
    assert "(continued)" not in notes
    assert all(f"{n}. (page" in notes for n in (1, 10, 21)), notes[-300:]
