"""A poem's typed indents (review r8 M2). Milton's last line is typed 8 spaces in: 4 em, 72 pt in large print,
a third of an A5 line, and "They also serve who only stand and wait." broke over four rows. A typed indent now
goes at most a quarter of the line in; and a turned-over row starts deeper than any typed line where that costs
no row, so a reader can tell the two apart (it lined up with the typed indents). Read back from the PDFs."""
from __future__ import annotations

import io

import pypdf
import pytest

from conftest import CASES
from studyguide import api, render

GUIDE = CASES / "verse" / "milton-indents.yaml"  # (form: verse) Milton's sonnet, then a 30-line stanza, long lines
LAST = "They also serve"


def runs(pdf: bytes) -> list[tuple[str, float, float]]:
    """Every run of text drawn, in order: (text, left, baseline)."""
    out = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: out.append(
            (text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5])) if text.strip() else None)
    return out


def _build(paper, edition):
    guide = api.load(GUIDE)
    return runs(render.render(guide, paper=paper, theme=api.theme_for(guide, "classic", edition))["student"].pdf)


def test_a_deep_indent_is_capped_in_large_print_on_a5():
    drawn = _build("a5", "large-print")
    margin = next(x for text, x, _ in drawn if text.startswith("When I consider"))
    at = next(i for i, (text, _, _) in enumerate(drawn) if text.startswith(LAST))
    rows = [text for text, _, _ in drawn[at:at + 5]]
    rows = rows[:next(i for i, text in enumerate(rows) if text.isdigit() or text.startswith("Line "))]
    size = 18  # (large print's type)
    assert drawn[at][1] - margin <= 3.5 * size, drawn[at][1] - margin  # (8 spaces: 4 em; a quarter of the line)
    assert " ".join(rows) == "They also serve who only stand and wait." and len(rows) == 2, rows  # (r8: 4, p33: 3)


def test_a_turned_over_row_starts_deeper_than_any_typed_line():
    drawn = _build("letter", None)
    poem = drawn[:next(i for i, (text, _, _) in enumerate(drawn) if text.startswith("A couplet set apart"))]
    turned = [x for text, x, _ in poem if text.startswith("and on past the reeds")]
    typed = [x for text, x, _ in poem if text.startswith(("When", "Ere", LAST, "Line "))]
    assert len(turned) >= 4 and len(typed) >= 30
    assert min(turned) > max(typed) + 6, (min(turned), max(typed))  # (main: 99 pt, under a line typed at 120)


def _typed_and_turned(drawn, lines: list[str]) -> tuple[list[float], list[float]]:
    """The left edges of the rows that start a typed line, and of those that turn one over, in the poem's
    first stanzas (to the 30-line stanza's end): each row read as the next typed line's start or not."""
    typed, turned, at = [], [], 0
    start = next(i for i, (text, _, _) in enumerate(drawn) if len(text) > 5 and lines[0].startswith(text))
    for text, x, _ in drawn[start:]:
        if at == len(lines) or text.startswith("A couplet set apart"):
            break
        if text.isdigit() or " Page " in f" {text}":  # (a line number in the margin; a page's footer)
            continue
        if lines[at].startswith(text):
            typed.append(x)
            at += 1
        else:
            turned.append(x)
    return typed, turned


@pytest.mark.parametrize("paper, edition", [("a5", "large-print"), ("half-letter", "large-print"), ("a5", None),
                                            ("half-letter", None), ("letter", "large-print"), ("letter", None)])
def test_a_turned_over_row_starts_at_least_an_em_past_every_typed_line_on_every_page(paper, edition):
    """Trial p34: on narrow pages (A5, half-letter, large print) a turned-over row started 2 em past its own line,
    where a line typed further in also starts: on A5 large print "light is spent," (line 1 turned over) sat
    between "Ere half my days" (typed 2 spaces in) and "They also serve" (8 spaces). A reader could not tell a
    turnover from a typed indent. Now every turned-over row starts at least an em past every typed line: where
    turning over past the poem's deepest line costs rows, the typed indents are scaled down (to an em at most,
    in their order) and every turnover starts 2 em in."""
    lines = [" ".join(line.split()) for line in api.load(GUIDE).reading.paragraphs[:44]]
    typed, turned = _typed_and_turned(_build(paper, edition), lines)
    size = 18 if edition else 10.5
    assert len(typed) == 44 and len(turned) >= 4, (len(typed), len(turned))
    assert min(turned) >= max(typed) + 0.9 * size, (min(turned) - min(typed), max(typed) - min(typed))
    margin = min(typed)
    assert len({round(x - margin) for x in typed}) == 3  # flush, 2 spaces and 8 spaces in: three indents kept
