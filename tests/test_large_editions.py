"""Large and readable editions do not waste sheets: duplex flashcards keep the rows a page holds at the
edition's type sizes, and a short matching set shares its page."""
from __future__ import annotations

import dataclasses
import io
import re

import pypdf

from conftest import GUIDES_DIR
from studyguide import api, render
from studyguide.theming import styles

CHINA = GUIDES_DIR / "china-foreign-police-training.yaml"


def sized_runs(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Each page's text runs with the size they are printed at (the font size as the page scales it)."""
    out = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[str, float]] = []

        def visit(text, cm, tm, font_dict, font_size, runs=runs):
            if text.strip():
                runs.append((text.strip(), round(font_size * tm[3] * cm[3], 1)))

        page.extract_text(visitor_text=visit)
        out.append(runs)
    return out


def test_large_print_duplex_cards_keep_their_second_row_at_full_size():
    """The longest card's text left a hair too little room for two rows at 12 pt padding: one row of two
    cards a sheet (7 sheets for 13 terms). Padding narrowed to 6 pt above and below keeps two rows, at
    large print's sizes."""
    guide = dataclasses.replace(api.load(CHINA), activities=("flashcards_duplex",))
    theme = api.theme_for(guide, None, "large-print")
    style = styles.make_styles(theme)
    out = render.render(guide, theme=theme)["student"]
    pages = sized_runs(out.pdf)
    fronts = [n for n, runs in enumerate(pages) if any(": fronts" in t for t, _ in runs)]
    terms = [t.term for t in guide.vocabulary]
    assert len(fronts) == -(-len(terms) // 4)  # 4 cards a sheet
    for n in fronts:
        text = " ".join(t for t, _ in pages[n])
        on_page = [t for t in terms if t in text]
        assert len(on_page) == min(4, len(terms) - 4 * fronts.index(n)), on_page
        back = pages[n + 1]
        assert any(": backs" in t for t, _ in back)
        sizes = {size for text, size in back if not re.search(r"backs|sheet \d+ of|Page \d+ of|each meaning", text)}
        # the meanings and examples at their styles' sizes (18 and 16.3 pt): none shrunk to fit its card
        assert sizes == {style["body"].fontSize, style["cell_example"].fontSize}, sizes
