"""Large print's vocabulary, one entry under another: the entry at a page's foot goes on over the page when
two of its lines fit there, and never leaves a line alone on either side. Read back from the PDFs' text,
line by line, as a teacher sees where each entry starts and ends."""
from __future__ import annotations

import pytest
from conftest import CASES, GUIDES_DIR, norm, page_texts, rendered

from studyguide import api, inline, mending, render

FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"


def _build(path, paper=None):
    """Large print rendered afresh (the test below patches the layout, so not conftest.rendered's pages)."""
    guide = api.load(path)
    return guide, render.render(guide, paper=paper, theme=api.theme_for(guide, None, "large-print"))


def _lines(pdf: bytes) -> list[list[str]]:
    """Each page's lines of text, the footer (its last line) left out."""
    return [[norm(line) for line in text.splitlines() if norm(line)][:-1] for text in page_texts(pdf)]


def _entries_over_a_page(guide, pdf: bytes) -> list[tuple[str, int, int, int]]:
    """(term, page, its lines there, its lines on the next page) for every entry that goes on over a page."""
    pages = _lines(pdf)
    found = []
    for term in guide.vocabulary:
        words = norm(" ".join(inline.plain(t) for t in (term.term, term.definition, term.example or "")))
        head = norm(inline.plain(term.term)) + " "
        for p, lines in enumerate(pages[:-1]):
            start = next((i for i, line in enumerate(lines) if line.startswith(head) and
                          words.startswith(line)), None)  # (the entry's first line: its term, then its text)
            if start is None:
                continue
            here = lines[start:]
            if words.startswith(" ".join(here)) and len(" ".join(here)) < len(words):  # the page ends inside it
                rest = words[len(" ".join(here)) + 1:]
                there, text = 0, ""
                for line in pages[p + 1]:
                    text = f"{text} {line}".strip()
                    there += 1
                    if len(text) >= len(rest):
                        break
                assert text == rest, f"{term.term!r}: page {p + 2} does not go on with the entry: {pages[p + 1][:2]}"
                found.append((term.term, p + 1, len(here), there))
    return found


def test_the_first_guides_entry_at_the_foot_of_page_8_goes_on_over_it_and_the_questions_start_a_page_sooner():
    """Its entries are 3 or 4 lines of 18-pt type: kept whole, they left 78 and 67 pt at the foot of pages 8
    and 9, the vocabulary ended on page 10 with too little room for the questions' heading and question 1,
    and the handout was 28 pages. "transparency" now goes on from page 8 to page 9 (2 lines and 2), the
    questions open under the vocabulary on page 10, and the handout is 27 pages (its key 29)."""
    guide, _, docs = rendered(FROZEN, edition="large-print")  # (test_print_design's pages too)
    for mode, doc in docs.items():
        assert _entries_over_a_page(guide, doc.pdf) == [("transparency", 8, 2, 2)], mode
        assert "Questions" in _lines(doc.pdf)[9], mode
    assert docs["student"].question_pages[0] == 10
    assert (docs["student"].pages, docs["key"].pages) == (27, 29)


def _always_over(redraw, layout):
    """mending.entries_over keeping every layout it tries, page saved or not."""
    if not layout[0].__dict__.get("entries_short"):
        return layout
    return redraw({**mending.carried(layout[0]), "entries_over": True})


# The layouts in which an entry goes on over a page. The others laid out for nothing: the frozen and bundled China
# guides on A4 and photosynthesis on letter have no entry at a page's foot that two lines of would fit, so
# _always_over kept their pages as they were (test_print_design's large-print pages) and nothing was checked; and
# Frankenstein on A4 went over at the same entry, page and lines (3 and 2) as on letter. The bundled China guide's
# letter pages no longer end on an entry since its topic lists break two and two (no paper of it does: letter, A4, A5).
OVER = [(FROZEN, None), (GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml", "a4"), (CASES / "layout" / "frankenstein.yaml", None),
        (CASES / "layout" / "ap-bio-energetics.yaml", None), (CASES / "layout" / "ap-bio-energetics.yaml", "a4")]


@pytest.mark.parametrize("path, paper", [pytest.param(p, paper, id=f"{p.stem}-{paper or 'letter'}") for p, paper in OVER])
def test_an_entry_that_goes_on_over_a_page_keeps_two_lines_on_each_side(path, paper, monkeypatch):
    """Every entry that may go on over a page does (kept or not), and none leaves a line alone."""
    monkeypatch.setattr(mending, "entries_over", _always_over)
    guide, docs = _build(path, paper)
    over = _entries_over_a_page(guide, docs["student"].pdf)
    assert over, "no entry goes on over a page: the layout no longer tests the rule"
    for term, page, here, there in over:
        assert here >= 2 and there >= 2, f"{term!r} on page {page}: {here} line(s), then {there} on the next"


def test_entries_stay_whole_where_going_over_saves_no_page():
    """The bundled guide's large print is 28 pages either way; with "governance" going on over page 10 its
    question 17 would stand alone on page 19, 78 % empty, before the matching question too tall for the
    room left. Its entries stay whole, as before."""
    guide, _, docs = rendered(GUIDES_DIR / "china-foreign-police-training.yaml", edition="large-print")
    assert docs["student"].pages == 28 and not _entries_over_a_page(guide, docs["student"].pdf)
    assert docs["student"].question_pages[15:17] == [19, 19]  # (questions 16 and 17 share page 19)

