"""A guide in a language without built-in labels that gives every label it prints was told by `build
--edition large-print` (and readable, versions, class sets) that "the labels not given print in English",
though none did, while plain `build` and `check` said nothing (trial r9 L8). Those builds now name the labels
they print that are not given, as plain `build` does, and say nothing when there are none."""
from __future__ import annotations

import pytest

from conftest import write_guide
from studyguide.classroom import SetOptions, build_set

GUIDE = """
    title: 한글
    language: ko
    labels:
      name: 이름
      date: 날짜
      period: 반
      answer_key: 정답지
      page: "{{total}}쪽 중 {{n}}쪽"
      {more}
    headings: {{questions: 문제}}
    questions:
      - type: short_answer
        prompt: 한글을 만든 사람은?
        answer: 세종대왕
    """


def _said(result) -> list[str]:
    return [w.message for w in result.warnings if "built-in labels" in w.message]


@pytest.mark.parametrize("options", [SetOptions(edition="large-print"), SetOptions(edition="readable"),
                                     SetOptions(class_set=True, copies=2)], ids=["large-print", "readable", "class-set"])
def test_an_edition_says_nothing_of_labels_when_every_printed_one_is_given(tmp_path, options):
    path = write_guide(tmp_path, "ko.yaml", GUIDE.format(more="short_answer_line: 줄 위에 답을 쓰세요."))
    assert _said(build_set(path, tmp_path / "out", None, options)) == []  # (a one-page copy: no blank page, no copy_ends)
    path = write_guide(tmp_path, "ko2.yaml", GUIDE.format(more=""))  # one left out: named, and only it
    assert _said(build_set(path, tmp_path / "out2", None, options)) == [
        "language: no built-in labels for 'ko': 1 of the labels this guide prints are not given under 'labels:' "
        "and print in English; write each under 'labels:' in the guide's language, its {...} parts kept. "
        'Instructions — short_answer_line: "Write your answer on the line.". (docs/guide-format.md#labels)']


def test_versions_name_the_answer_grids_labels_they_print(tmp_path):
    path = write_guide(tmp_path, "ko.yaml", GUIDE.format(more="short_answer_line: 줄 위에 답을 쓰세요."))
    said = _said(build_set(path, tmp_path / "out", None, SetOptions(versions=2)))
    assert said == ["language: no built-in labels for 'ko': 6 of the labels this guide prints are not given under "
                    "'labels:' and print in English; write each under 'labels:' in the guide's language, its {...} "
                    'parts kept. Header and footer — version: "Version {v}", seed: "seed {s}". Headings — '
                    'points_column: "Points", answer_grid: "Answer grid", number_column: "No.", answer_column: '
                    '"Answer". (docs/guide-format.md#labels)']  # (its grid's own labels among them)
