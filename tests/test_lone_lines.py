"""`check` on answer lines whose last few print alone on a page: a default count's and an accommodation's
words (trial 5, defects 5 and 6: the finding assumed the teacher had written `lines:`)."""
from __future__ import annotations

import re

from conftest import write_guide
from hostile_support import cli_inprocess

from studyguide import budget


def _guide(tmp_path, filler: int, lines: str, extra: int = 0, prompt: str = "Write about it."):
    padding = " ".join(["padding"] * (14 * filler))
    text = ["title: Lines", "questions:"]
    for n in range(1, 7):
        text += ["  - type: multiple_choice", f"    prompt: Question {n} {padding if n == 1 else ''}",
                 "    choices: [one, two, three, four]", "    answer: A"]
    text += ["  - type: essay", f"    prompt: {prompt}", "    answer: A model answer."]
    text += [lines] if lines else []
    if extra:
        text += ["accommodations:", f"  extra_lines: {extra}"]
    return write_guide(tmp_path, f"g{filler}-{bool(lines)}-{extra}.yaml", "\n".join(text) + "\n")


def _lone(path, accommodated=False, theme=None) -> tuple[list[str], int]:
    _, found, plan = budget.review(path, theme=theme, accommodated=accommodated)
    return [str(f) for f in found if "print alone on page" in str(f)], plan.pages


def test_a_default_count_is_said_to_be_the_default(tmp_path):
    """An essay without `lines:` whose last lines print alone (less than half its 12 fit on the page before,
    so the layout keeps them all): the finding says the 12 are the default, and its count ends the question.
    (Compact: its narrow line gap lets 8 lines fill less than a quarter of a page, what the finding is for.
    Its prompt is long: a short essay moves whole to the page of its last lines, which has room for it, where
    a long one would leave the page before more than 30 % empty, mending.lines_whole.)"""
    named = 0
    long_prompt = "Write about it. " + " ".join(["Think"] * 120)
    for filler in range(12, 24):
        path = _guide(tmp_path, filler, "", prompt=long_prompt)
        said, pages = _lone(path, theme="compact")
        if not said:
            continue
        named += 1
        found = re.search(r"question 7: the last (\d+) of its 12 answer lines \(the default: it has no 'lines:'\) "
                          rf"print alone on page {pages}; 'lines: (\d+)' would end it on page {pages - 1}$", said[0])
        assert found and len(said) == 1, said
        assert int(found.group(2)) < 6  # (from 6 on, the layout cuts the count itself)
        fewer = _guide(tmp_path / "fewer", filler, f"    lines: {found.group(2)}", prompt=long_prompt)
        assert _lone(fewer, theme="compact") == ([], pages - 1)
    assert named >= 1


def test_an_accommodations_extra_lines_alone_on_a_page_are_named_with_the_copy(tmp_path):
    """`lines: 10` and the accommodation's 2: the 12 lines print in full in the accommodated copy (the students
    it is for need the room), and when their last lines are alone on a page, `check` says so of that copy and
    gives the `lines:` that ends the question on the page before with the extra lines added; so does build."""
    named = 0
    for filler in range(0, 30, 2):
        path = _guide(tmp_path, filler, "    lines: 10", extra=2)
        said, pages = _lone(path, accommodated=True)
        if not said:
            continue
        named += 1
        found = re.search(r"question 7: in the copy with 2 extra lines, the last (\d+) of its 12 answer lines print "
                          rf"alone on page {pages}; 'lines: (\d+)' would end it on page {pages - 1} "
                          r"\(with the extra lines, (\d+)\)$", said[0])
        assert found and len(said) == 1, said
        assert int(found.group(2)) + 2 == int(found.group(3))
        run = cli_inprocess(["build", path, "-o", tmp_path / "out"], cwd=tmp_path)  # build says it too, once
        assert run.code == 0 and run.err.count(said[0]) == 1 and run.err.count("print alone") == 1, run.err
        fewer = _guide(tmp_path / "fewer", filler, f"    lines: {found.group(2)}", extra=2)
        assert _lone(fewer, accommodated=True) == ([], pages - 1)
    assert named >= 1
