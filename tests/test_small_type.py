"""Type a student reads is never under the theme's floor (tables and instructions 9 pt, compact 8.5):
a picture's caption included. Furniture (the footer, a reading's line numbers, the flashcards' "fold")
may be smaller."""
from __future__ import annotations

import pytest

from conftest import GUIDES_DIR, build_into

PHOTO = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"
CAPTION = ("Carbon moves between the atmosphere, living things, soil, fossil fuels and the ocean. "
           "Each arrow shows the direction of a flow.")


def caption_sizes(pdf) -> set[float]:
    """The sizes the caption's words print at, as the PDF sets them."""
    found = set()

    def visit(text, cm, tm, font, size):
        if len(text.strip()) > 20 and " ".join(text.split()) in CAPTION:
            found.add(round(size * tm[0] * cm[0], 2))

    for page in pdf.reader.pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("theme, floor", [("compact", 8.5), ("classic", 9)])
def test_a_pictures_caption_prints_at_the_floor_or_larger(tmp_path, theme, floor):
    b = build_into(PHOTO, tmp_path, theme=theme)
    for pdf in (b.student, b.key):
        seen = caption_sizes(pdf)
        assert seen and min(seen) >= floor, seen
