"""The Cornell summary of a large-print copy with many extra lines (the `extra_lines` accommodation): its lines all
print, for the students who need the room. A summary taller than a page starts under the notes and goes on over the
page (it opened the page after the notes: page 2 mostly empty, page 4 three lines alone); one that fits a page but
not under the notes takes the next page whole, and `build` says so at `accommodations:`, with the count that would
keep it under the notes (it said nothing)."""
from __future__ import annotations

import re

from conftest import CASES, Pdf
from hostile_support import cli_inprocess

WATER = CASES / "layout" / "water-cycle.yaml"  # (three topics of notes: they end near the top of page 2)


def _build(tmp_path, extra: int):
    text = WATER.read_text(encoding="utf-8").replace("paper: letter\n", f"paper: letter\naccommodations: {{extra_lines: {extra}}}\n")
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "water-cycle.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"accommodations: {{extra_lines: {extra}}}") + 1
    run = cli_inprocess(["build", path, "--format", "cornell", "--edition", "large-print", "-o", tmp_path / "out"],
                        tmp_path, limit=120)
    assert run.code == 0, run.err
    name = f"water-cycle-cornell-large-print-extra-lines-{extra}"
    return (Pdf(tmp_path / "out" / f"{name}.pdf"), Pdf(tmp_path / "out" / f"{name}-key.pdf"),
            [w for w in run.err.splitlines() if "Cornell summary" in w], f"{path}:{line}:17")  # (at the accommodations asked


def test_a_summary_taller_than_a_page_starts_under_the_notes(tmp_path):
    handout, key, said, _ = _build(tmp_path, 15)
    assert (handout.page_count, key.page_count) == (3, 3)  # (4 and 4, the last page three lines)
    for pdf in (handout, key):
        assert "Wells pump faster than many" in pdf.pages[1] and "Summary" in pdf.pages[1]
        assert pdf.pages[1].index("Wells pump") < pdf.pages[1].index("Summary")
    assert key.pages[1].split("Summary ")[1].startswith("Water moves in a loop")  # (the model, under its heading)
    assert said == []


def test_a_summary_that_the_extra_lines_send_to_a_page_of_its_own_is_said_at_accommodations(tmp_path):
    handout, key, said, where = _build(tmp_path, 10)
    assert handout.page_count == 3 and re.fullmatch(r"Summary The Water Cycle and Drought · Page 3 of 3", handout.pages[2])
    assert said == [f"{where}: warning: accommodations: in the copy with 10 extra lines, the Cornell summary's 15 "
                    "lines do not fit under the notes, which end on page 2, so the summary opens page 3; "
                    "'extra_lines: 7' (or --extra-lines 7) would keep it under the notes on page 2 (the extra lines "
                    "always print in full)"]
    handout, _, said, _ = _build(tmp_path / "seven", 7)
    assert handout.page_count == 2 and "Summary" in handout.pages[1] and said == []  # (the count it names: true)
