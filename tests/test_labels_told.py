"""A guide in a language without built-in labels is told each label its build prints in English as the teacher sees it:
its English, quoted (a long one cut), beside the key to write its translation under 'labels:', grouped by where it
stands, in one warning (trial r15, finding 2: 'next_to, essay_no_reading, …, field_question, …, decimal' named keys
a teacher could not act on). A label is named only where it prints: the decimal point only beside a number that
has one, and 'Question N (continued)' only over a question that goes on over a page, not for every question."""
from __future__ import annotations

from pathlib import Path

from conftest import build_into, write_guide

TRIAL = Path(__file__).parent / "cases" / "trial" / "vong-tuan-hoan-cua-nuoc.yaml"  # the trial's Vietnamese guide
LEAD = ("language: no built-in labels for 'vi': {n} of the labels this guide prints are not given under 'labels:' and "
        "print in English; write each under 'labels:' in the guide's language, its {{...}} parts kept. ")


def _told(built) -> list[str]:
    return [w.message for w in built.result.warnings if "built-in labels" in w.message]


def test_the_trial_guide_is_told_what_each_english_label_prints_and_where_to_translate_it(tmp_path):
    built = build_into(TRIAL, tmp_path)
    assert _told(built) == [LEAD.format(n=10) + (
        'Headings — key_notes: "Notes on the Answers". '
        'Instructions — essay_no_reading: "Write your answer on the lines.", '
        'matching_instructions: "Write the letter of the matching definition…", '
        'one_unused: "One definition is not used.", '
        'word_search_instructions: "Find each word in the grid. Words run {ways}…", '
        'word_search_medium: "across, down and diagonally downwards", '
        'crossword_instructions: "Fill in the crossword using the clues. Leave…". '
        "Other words — next_to: \"–\" (between two numbers side by side, as in 'lines 3–4'), "
        'key_note_page: "(page {n})", '
        'continued: "{what} (continued)" (over a part that goes on over the page). '
        "(docs/guide-format.md#labels)")]
    # what the warning quotes is what the pages print
    assert "Notes on the Answers" in built.key.text and "One definition is not used." in built.student.text


GUIDE = """
    title: Vòng tuần hoàn của nước
    language: vi
    labels: {{name: "Họ tên", date: "Ngày", period: "Lớp", answer_key: "ĐÁP ÁN", page: "Trang {{n}}/{{total}}",
             questions: "Câu hỏi", total: "Tổng: {{points}} điểm", points: "({{n}} điểm)",
             short_answer: "Trả lời bằng câu đầy đủ.", essay_no_reading: "Viết câu trả lời trên các dòng."}}
    questions:
      - type: essay
        prompt: Hãy mô tả vòng tuần hoàn của nước.
        answer: Nước bốc hơi, ngưng tụ thành mây và rơi xuống thành mưa.
        points: 4
      - type: short_answer
        prompt: Mây được tạo thành như thế nào?
        answer: Hơi nước ngưng tụ.
        points: {points}
    """


def test_the_decimal_point_is_named_only_where_a_number_prints_one(tmp_path):
    whole = build_into(write_guide(tmp_path, "whole.yaml", GUIDE.format(points=2)), tmp_path / "a")
    assert _told(whole) == []  # every label it prints is given: 'decimal' was named, though no number had a point
    half = build_into(write_guide(tmp_path, "half.yaml", GUIDE.format(points=1.5)), tmp_path / "b")
    assert "(1.5 điểm)" in half.student.text
    assert _told(half) == [LEAD.format(n=1) + 'Other words — decimal: "." (the decimal point, as in 2.5). '
                                              "(docs/guide-format.md#labels)"]
