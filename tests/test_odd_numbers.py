"""Numbers and facts a guide prints as typed, checked where they are typed (hostile round 5, #15), and the
Moodle question name escaped like its body (#18)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from conftest import CASES, build_into, write_guide
from studyguide import api
from studyguide.errors import GuideError
from studyguide.export import FORMATS

HEAD = """
    title: Numbers
    {top}
    questions:
      - type: true_false
        prompt: Yes?
        answer: true
        points: {points}
    """


def problems(tmp_path, points="1", top="") -> list[str]:
    path = write_guide(tmp_path, "g.yaml", HEAD.format(points=points, top=top))
    with pytest.raises(GuideError) as info:
        api.load(path)
    return [str(p) for p in getattr(info.value, "problems", [])] or [str(info.value)]


def test_minus_zero_points_print_and_export_as_zero(tmp_path):
    path = write_guide(tmp_path, "g.yaml", HEAD.format(points="-0.0", top=""))
    built = build_into(path, tmp_path / "out")
    assert "(0 pts)" in built.key.text and "-0" not in built.key.text
    files, _ = FORMATS["moodle"](built.guide)
    grade = ET.fromstring(dict(files)["g-moodle.xml"]).find("question/defaultgrade").text
    assert grade == "0"


@pytest.mark.parametrize("typed, fix", [("0.3333333333333", "0.33"), ("999.99999", "1000"), ("1e-300", "0")])
def test_points_past_two_decimals_are_refused_with_the_number_to_write(tmp_path, typed, fix):
    said = problems(tmp_path, typed)
    assert any(f"g.yaml:7:" in m and f"question 1.points: {typed}" in m and f"more than two decimals; write {fix} "
               in m for m in said), said


def test_a_huge_number_is_quoted_cut_short(tmp_path):
    said = problems(tmp_path, "1" + "0" * 400)
    assert any("is out of range (use a number from 0 to 1000)" in m and len(m) < 200 and "…" in m for m in said), said


@pytest.mark.parametrize("top, expected", [
    ("source: {date: '2026-02-30'}", "source.date: 2026-02-30 is not a day of the calendar (2026-02 has 28 days);"
                                     " write the date as YYYY-MM-DD, such as 2026-02-28"),
    ("source: {date: '0001-01-01'}", "source.date: 0001-01-01 is in the year 1;"),
    ("source: {date: '2026-13'}", "source.date: 2026-13 has no month 13"),
    ("grade: -3", "grade: -3 is not a grade level; write a level like 7, or a range like 9–12"),
    ("grade: 1000000000000000000000000000000", "is not a grade level (they go up to 20)"),
])
def test_a_date_or_grade_that_cannot_be_is_refused_where_it_is_typed(tmp_path, top, expected):
    said = problems(tmp_path, top=top)
    assert any(":2:" in m and expected in m for m in said), said


def test_dates_and_grades_that_can_be_still_print(tmp_path):
    path = write_guide(tmp_path, "g.yaml", HEAD.format(points="1", top="grade: 9-12\n    source: {title: T, date: '2024-02-29'}"))
    text = build_into(path, tmp_path / "out").student.text
    assert "Grades 9-12" in text and "February 29, 2024" in text


def test_moodle_question_name_is_escaped_like_its_body():
    guide = api.load(CASES / "export" / "escaping.yaml")
    root = ET.fromstring(next(v for k, v in dict(FORMATS["moodle"](guide)[0]).items() if k.endswith(".xml")))
    names = [q.find("name/text").text for q in root.findall("question") if q.get("type") != "category"]
    assert "Q01 Which is bold and &lt;b&gt;not bold&lt;/b&gt;? AT&amp;T x &lt; y" in names, names
    assert not any("<" in n for n in names)


def test_an_imported_mark_of_a_third_is_kept_to_two_decimals_and_said(tmp_path):
    from studyguide.importers import read

    source = tmp_path / "m.xml"
    source.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>T</text></name>
    <questiontext format="html"><text>Yes?</text></questiontext>
    <defaultgrade>0.3333333</defaultgrade>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>
""", encoding="utf-8")
    draft = read(source)
    assert draft.questions[0]["points"] == 0.33
    assert [str(p) for p in draft.problems] == [f"{source}:6:5: warning: the mark 0.3333333 is kept as 0.33"
                                                " (a guide's points have two decimals at most)"]
