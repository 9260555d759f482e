"""The crossword's title, instructions and "Across" with one clue under them ended a large-print page, the
other clues on the next (closing 32: a rule keeping two clues was taken back, for it added a page to the
bundled guide's modern large print). Now the crossword is laid out again with two clues kept under the title
when one stood alone, and that layout is used only when it adds no page, in handout or key, and no short
page (one left more than 30 % empty, the last aside). Read back from the PDFs, page by page."""
from __future__ import annotations

import io

import pypdf
import pytest

from conftest import CASES, norm
from studyguide import api, labels, mending, render

LAYOUT = CASES / "layout"


def _pages(pdf: bytes) -> list[list[str]]:
    return [[norm(line) for line in p.extract_text().splitlines() if line.strip()]
            for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _opening(pdf: bytes, guide) -> tuple[int, int]:
    """(page, how many clues) of the page the crossword's title is on: the clues under its "Across"."""
    said = labels.for_language(guide.language, guide.labels)
    for n, lines in enumerate(_pages(pdf), 1):
        if norm(said["crossword_title"]) in lines and norm(said["across"]) in lines:
            after = lines[lines.index(norm(said["across"])) + 1:]
            return n, sum(1 for line in after if line.split(".")[0].isdigit())
    raise AssertionError("no crossword title")


def _build(path, theme, edition, paper, rule=True, monkeypatch=None):
    guide = api.load(path)
    if not rule:
        monkeypatch.setattr(mending, "crossword_kept", lambda redraw, layout: layout)
    docs = render.render(guide, paper=paper, theme=api.theme_for(guide, theme, edition))
    return guide, docs


def _short(docs) -> int:
    """How many pages of the handout, but its last, end more than 30 % of the text area short."""
    return sum(1 for page, fill in docs["student"].page_fill.items() if page < docs["student"].pages and fill < 0.7)


@pytest.mark.parametrize("name, theme, paper", [("water-cycle", "compact", None),
                                                ("cellular-respiration", "classic", None),
                                                ("independencia-de-mexico", "ink-saver", None)])
def test_the_title_keeps_two_clues_at_no_cost(monkeypatch, name, theme, paper):
    """Three large-print builds where the title, its instructions, "Across" and one clue ended a page: now
    the title's page holds two clues or more under "Across", in handout and key, with the pages as many as
    without the rule and no more of them short."""
    path = LAYOUT / f"{name}.yaml"
    guide, docs = _build(path, theme, "large-print", paper)
    for mode in ("student", "key"):
        page, clues = _opening(docs[mode].pdf, guide)
        assert clues >= 2, (mode, page, clues)
    with monkeypatch.context() as m:
        _, before = _build(path, theme, "large-print", paper, rule=False, monkeypatch=m)
    # large print now opens such a crossword grid first on the next page (test_crossword_grid_first): the
    # one clue alone never comes back, so the mend has nothing left to move
    assert docs["student"].pdf == before["student"].pdf and docs["key"].pdf == before["key"].pdf


def test_where_two_clues_would_cost_the_title_keeps_one_and_the_layout_is_as_before(monkeypatch):
    """The 14-river guide on A4 in large print: it left one clue under the title, and moving the title over
    cost a short page, so the rule kept it; now the crossword opens its page grid first with clues under
    it (two at least), and the layout is the same with the rule or without it, byte for byte."""
    path = LAYOUT / "crossword-rivers.yaml"
    guide, docs = _build(path, "classic", "large-print", "a4")
    with monkeypatch.context() as m:
        _, before = _build(path, "classic", "large-print", "a4", rule=False, monkeypatch=m)
    assert _opening(docs["student"].pdf, guide)[1] >= 2
    assert docs["student"].pdf == before["student"].pdf and docs["key"].pdf == before["key"].pdf
