"""A topic's title keeps two lines of its summary under it, not the whole summary (layout.leads): the r16 audit
found 12 large-print pages in 7 bench guides ended a third empty because a topic's title and its long first
paragraph opened the next page together (b-u12's modern letter page 6, 34 % empty, "Major Rock" and its ten
lines on page 7). Read back from the PDFs: the text on each page, and how full page 1 is from its pixels."""
from __future__ import annotations

import functools

from conftest import norm, page_texts, write_guide
from studyguide import api, render
from test_print_design import page_fill

SENTENCES = ["Rivers carry water from high ground down to the sea along the lowest path they can find.",
             "On the way they cut valleys into the rock and carry the broken stone further down.",
             "Where they slow they drop sand and mud on their banks and build wide flat plains.",
             "Each flood spreads fresh soil over those plains, which is why farms crowd beside rivers.",
             "The wetlands beside a river hold back floods and shelter fish, frogs and nesting birds.",
             "Towns drink river water, and boats have carried goods along rivers for thousands of years.",
             "Dams store water for dry months but stop the mud that the plains below them need.",
             "The end of this summary comes here."]


def _guide(tmp_path, points: int):
    first = "".join(f"\n  - Point {k} of the first topic, told in a sentence long enough to take two lines of print."
                    for k in range(1, points + 1))
    return write_guide(tmp_path, "rivers.yaml", "title: Rivers\ntopics:\n- title: Where rivers begin\n"
                       f"  summary: Springs and melting snow start most rivers.\n  points:{first}\n"
                       f"- title: What rivers do\n  summary: {' '.join(SENTENCES)}\n  points:\n"
                       "  - Valleys are cut by water.\n  - Banks are built by mud.\n  - Wetlands are fed by floods.\n")


@functools.lru_cache(maxsize=None)
def _built(path):
    guide = api.load(path)
    theme = api.theme_for(guide, "classic", "large-print")
    docs = render.render(guide, paper="letter", theme=theme)
    return {mode: ([norm(t) for t in page_texts(doc.pdf)], page_fill(doc.pdf, theme)) for mode, doc in docs.items()}


def test_a_long_summary_starts_under_its_title_in_the_room_left(tmp_path):
    """Four two-line points leave about a third of page 1 under the first topic. The second topic's title and its
    18-line summary went to page 2 together, leaving page 1 that third empty; now the title and the summary's first
    lines end page 1 and the rest of it opens page 2, at least two lines of it, over the three points."""
    for mode, (pages, fill) in _built(_guide(tmp_path, 4)).items():
        assert len(pages) == 2, mode
        first, second = pages
        assert f"What rivers do {SENTENCES[0]} {SENTENCES[1][:20]}" in first, mode
        assert not second.startswith("•") and SENTENCES[-3] in second, mode  # (the summary goes on: lines, not one)
        assert SENTENCES[-1] in second and "What rivers do" not in second, mode
        assert second.index(SENTENCES[-1]) < second.index("Valleys are cut by water."), mode
        assert fill[0][0] < 0.15, f"{mode}: page 1 {fill[0][0]:.0%} empty"


SHORT = ("Rivers carry water from high ground down to the sea along the lowest path they can find. On the way they cut "
         "valleys into the rock and carry the broken stone further down. Where they slow they drop sand and mud on their "
         "banks and build wide flat plains. The end of this summary comes here.")


def test_a_kept_list_s_first_points_keep_the_end_of_the_summary_over_them(tmp_path):
    """Two points in the first topic: the second topic's six-line summary ends page 1 and its first point (of five)
    was left alone under it, the rest on page 2 (keeping the points together sent the whole topic over, leaving page
    1 short, so it was not kept). Now the list keeps its first three points together and they keep the summary's end:
    its last two lines go over with them, and page 1 ends with the summary's first four lines."""
    second = "".join(f"\n  - Second point {k}, told in a sentence long enough to take two lines of large print."
                     for k in range(1, 6))
    path = write_guide(tmp_path, "kept.yaml", "title: Rivers\ntopics:\n- title: Where rivers begin\n  summary: Springs"
                       " and melting snow start most rivers. Rain feeds them on the way down to the valley floor.\n"
                       "  points:" + "".join(f"\n  - Point {k} of the first topic, told in a sentence long enough to "
                                             "take two lines of print." for k in (1, 2)) +
                       f"\n- title: What rivers do\n  summary: {SHORT}\n  points:{second}\n")
    for mode, (pages, fill) in _built(path).items():
        assert len(pages) == 2, mode
        first, second = pages
        assert "What rivers do Rivers carry water" in first and "Second point" not in first, mode
        assert second.startswith("on their banks and build wide flat plains. The end of this summary comes here. "
                                 "• Second point 1,"), f"{mode}: {second[:120]}"
        assert fill[0][0] < 0.3, f"{mode}: page 1 {fill[0][0]:.0%} empty"
