"""A poem's typed indents (review r8 M2). Milton's last line is typed 8 spaces in: 4 em, 72 pt in large print,
a third of an A5 line, and "They also serve who only stand and wait." broke over four rows. A typed indent now
goes at most a quarter of the line in; and a turned-over row starts deeper than any typed line where that costs
no row, so a reader can tell the two apart (it lined up with the typed indents). Read back from the PDFs."""
from __future__ import annotations

import io

import pypdf

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
    assert " ".join(rows) == "They also serve who only stand and wait." and len(rows) == 3, rows  # (main: 4)


def test_a_turned_over_row_starts_deeper_than_any_typed_line():
    drawn = _build("letter", None)
    poem = drawn[:next(i for i, (text, _, _) in enumerate(drawn) if text.startswith("A couplet set apart"))]
    turned = [x for text, x, _ in poem if text.startswith("and on past the reeds")]
    typed = [x for text, x, _ in poem if text.startswith(("When", "Ere", LAST, "Line "))]
    assert len(turned) >= 4 and len(typed) >= 30
    assert min(turned) > max(typed) + 6, (min(turned), max(typed))  # (main: 99 pt, under a line typed at 120)
