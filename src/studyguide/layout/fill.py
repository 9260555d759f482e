"""Issue 14's page-fill rule, in one place: a page, but a document's last, may not end with more than
30 % of its text area empty under its last line. The layout's mending passes (mending.short_pages), a
table's guessed lead-in (layout.tables.GuessedLead) and a large-print topic moved with its picture
(layout.besides) all ask it here; tests/test_print_design.py measures the same rule from the printed
pixels, with its own copy of the number (a test that imported it would bend with it)."""
from __future__ import annotations

SHORT = 0.3  # the most of a page's text area that may stay empty under its last line


def page_short(room_left: float, frame_height: float) -> bool:
    """Whether a page with ``room_left`` points left under its last line, in a text area (frame)
    ``frame_height`` points tall, ends short."""
    return room_left > SHORT * frame_height


def ends_short(ctx, lowest: float) -> bool:
    """Whether a page of the layout ``ctx`` whose lowest point drawn is ``lowest`` (pages.page_lowest's
    y, from the paper's foot) ends short."""
    return page_short(lowest - ctx.theme.margin_bottom, ctx.height)
