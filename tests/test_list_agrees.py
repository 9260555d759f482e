"""`studyguide list` counts the pages `build` prints, in columns that line up (trial r10 M3, L10)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import cli_main, write_guide

AP_GOV = Path(__file__).parent / "cases" / "trial" / "apgov-federalism.yaml"  # 35 terms: no crossword on letter


def test_list_counts_the_pages_build_prints_without_the_crossword_it_leaves_out(tmp_path):
    """Trial r10 M3: list said 14 pages, counting the crossword that build and check leave out; 12 print."""
    listed = cli_main("list", AP_GOV)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1].split()[-3:] == ["30", "58", "12"], listed.stdout
    built = cli_main("build", AP_GOV, "-o", tmp_path)
    assert built.returncode == 0 and "12 pages" in built.stdout + built.stderr, built.stdout + built.stderr
    assert not listed.stderr  # (list says no warnings: check and build say them)


def test_list_lines_up_a_title_typed_with_combining_accents_and_one_in_korean(tmp_path):
    """A Vietnamese title saved with its accents as separate marks ('ầ' as 'a' and two marks, as a Mac may
    type it) counted each mark as a column, and the numbers after it stood left of the others'; Korean
    letters take two columns each."""
    vi = unicodedata.normalize("NFD", "Vòng tuần hoàn của nước")
    write_guide(tmp_path, "nuoc.yaml", f"title: {vi}\nsummary: Nước bốc hơi.\n")
    write_guide(tmp_path, "hangul.yaml", "title: 세종대왕과 훈민정음\nsummary: 훈민정음.\n")
    write_guide(tmp_path, "rocks-and-minerals.yaml", "title: Rocks\nsummary: Rocks are made of minerals.\n")
    listed = cli_main("list", tmp_path)
    lines = listed.stdout.splitlines()
    assert len(lines) == 4, listed.stdout + listed.stderr
    ends = {len(unicodedata.normalize("NFC", line)) + sum(ord(ch) >= 0xAC00 for ch in line) for line in lines}
    assert len(ends) == 1, lines  # every line ends in the same column: the pages' column lines up
