"""A default count of answer lines cut so its last lines do not print alone on a page (layout.lines):
never below half a line a point, and `check` says so (review 5b, finding 4)."""
from __future__ import annotations

from hostile_support import cli_inprocess
from test_question_layout import _essay_last, _rules

from studyguide import api, render


def _with_points(guide_path, points: int):
    text = guide_path.read_text(encoding="utf-8").replace("    answer: A model answer.",
                                                          f"    answer: A model answer.\n    points: {points}")
    path = guide_path.with_name(guide_path.stem + f"-{points}pt.yaml")
    path.write_text(text, encoding="utf-8")
    return api.load(path)


def test_a_default_count_is_not_cut_below_a_line_a_point_and_check_says_when_it_is_cut(tmp_path):
    """The same essay, left without 'lines:', where its last lines would open a page of their own: worth 2
    points it may print half its 12 lines (6); worth 16 it keeps at least 8, worth 24 all 12 (they go on over
    the page). `check` names each cut question, its page and the fix."""
    seen = {2: set(), 16: set(), 24: set()}
    for filler in range(0, 30, 2):
        plain = _essay_last(tmp_path, filler, "")
        theme = api.theme_for(plain)
        cut = render.render(plain, theme=theme)["student"].lines_cut
        if not cut:
            continue
        for points in seen:
            guide = _with_points(plain.path, points)
            student = render.render(guide, theme=theme)["student"]
            printed = sum(_rules(student.pdf, theme))
            assert printed >= min(12, points / 2) and printed >= 6, (filler, points, printed)
            assert student.lines_cut == ({len(guide.questions): printed} if printed < 12 else {}), (filler, points)
            seen[points].add(printed)
            if printed < 12:
                run = cli_inprocess(["check", guide.path.name], cwd=tmp_path)
                page = student.question_pages[-1]
                assert (f"{guide.path.name}:{guide.questions[-1].where.line}:{guide.questions[-1].where.col}: warning: "
                        f"question 7: only {printed} of its 12 default answer lines print, so that it ends on page {page} "
                        f"(the last {12 - printed} would be alone on a page of their own); give 'lines:' to choose"
                        ) in run.out + run.err
    assert min(seen[2]) < 8 and min(seen[16]) >= 8 and seen[24] == {12}, seen  # (the filler does cut below 8)
