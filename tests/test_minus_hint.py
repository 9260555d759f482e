"""A hyphen typed for a minus sign ('5 - (-3)', '-7 °C') prints short, as a dash (trial r15, finding 7): `check` names
each at its line with the minus sign to paste, only where the hyphen is surely a minus, and says nothing of the
hyphens of ranges, dates, words, programs and spreadsheet cells: none in the guides we ship or test with."""
from __future__ import annotations

from pathlib import Path

from conftest import cli_main, write_guide
from studyguide import api, minus
from studyguide.errors import StudyguideError

GUIDE = """
    title: Negative numbers
    summary: |
      Subtracting a negative number is adding its opposite: 5 - (-3) = 8. So -12 < -7.

      | Town | Lowest (°C) |
      |---|---|
      | Oslo | -7 |
      | Madrid | 3 |
    topics:
      - title: Not a minus
        summary: "Pages 5 - 7 of the 2025-2026 book, a well-known rule - if odd - and `x = -1` in code."
    questions:
      - type: multiple_choice
        prompt: Which is the coldest?
        choices: [-7 °C, -12 °C, 2 °C]
        answer: B
      - type: fill_in_blank
        prompt: "4 + (-6) = [[-2]]"
    """


def test_check_names_each_hyphen_typed_for_a_minus_with_the_sign_to_paste(tmp_path):
    path = write_guide(tmp_path, "neg.yaml", GUIDE)
    done = cli_main("check", str(path))
    said = [line.replace(str(path), "neg.yaml") for line in done.stderr.splitlines() if "hyphen" in line]
    tail = "typed with a hyphen for a minus sign: a hyphen prints short, as a dash; paste the minus sign '−' in its place"
    assert said == [
        f"neg.yaml:3:59: warning: '5 - (', '-3', '-12', … {tail} ('5 − (', '−3', '−12', …; copy it from this message)",
        f"neg.yaml:15:15: warning: '-7', '-12' {tail} ('−7', '−12'; copy it from this message)",
        f"neg.yaml:18:19: warning: '-6', '-2' {tail} ('−6', '−2'; copy it from this message)",
    ]


def test_no_guide_we_ship_or_test_with_is_told_of_a_minus():
    repo = Path(__file__).resolve().parents[1]
    told, read = [], 0
    for path in sorted({*repo.glob("guides/**/*.yaml"), *repo.glob("tests/**/*.yaml")}):
        try:
            guide = api.load(path)
        except StudyguideError:
            continue
        read += 1
        told += [str(p) for p in minus.warnings(guide)]
    assert read > 80 and told == []


def test_a_degree_range_is_not_taken_for_a_minus_but_a_cold_day_still_is(tmp_path):
    """Hostile r15, finding 3: the hyphen after '°' in '30°-60°-90°' joins a range; following the hint would print a
    subtraction. A negative temperature on the same line is still named, and only it."""
    path = write_guide(tmp_path, "deg.yaml", """
        title: Special right triangles
        summary: |
          A 30°-60°-90° triangle and a 45°-45°-90° one. Latitudes 23.5°-66.5° are temperate; 20°-25°C is mild, -7 °C is not.
        """)
    done = cli_main("check", str(path))
    said = [line.replace(str(path), "deg.yaml") for line in done.stderr.splitlines() if "hyphen" in line]
    assert said == ["deg.yaml:3:104: warning: '-7' typed with a hyphen for a minus sign: a hyphen prints short, as a "
                    "dash; paste the minus sign '−' in its place ('−7'; copy it from this message)"]
