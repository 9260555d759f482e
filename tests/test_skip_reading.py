"""`build --skip reading`: the reading handed out on its own sheets (trial round 13, finding 10: it was refused as
"unknown section 'reading'"). The handout and key leave it out wherever `place:` puts it; the questions still cite
the lines of the handout built without it, and each that cites it is told so at the citation."""
from __future__ import annotations

import pytest

from conftest import Pdf, cli_main, write_guide

DUST = """\
    title: The Dust Bowl
    reading:
      title: Black Sunday
      place: {place}
      text: |
        On April 14, 1935, a wall of dust rolled across the plains. {{@storm}}Farmers said the sky turned black at noon, and the dust buried fences and cars.{{@/storm}} Many families left for California.

        The government {{@help}}paid farmers to plant trees and to plough along the hills.{{@/help}}
    summary: The Dust Bowl was a time of dust storms on the Great Plains.
    questions:
      - type: short_answer
        prompt: What do {{@storm}} tell you about the storm?
        answer: The sky turned black.
      - type: multiple_choice
        prompt: What did the government do?
        choices: [It paid farmers to plant trees, "It closed the farms ({{@help}})"]
        answer: A
      - type: true_false
        prompt: Many families left for California.
        answer: true
    """
WARNINGS = [
    "dust.yaml:12:21: warning: question 1 cites the reading ('{@storm}'), but --skip reading leaves it out: the line "
    "numbers it prints are those of the handout built without --skip reading (the same paper and edition); hand "
    "that reading out with it, or build without --skip reading",
    "dust.yaml:16:69: warning: question 2 cites the reading ('{@help}'), but --skip reading leaves it out: the line "
    "numbers it prints are those of the handout built without --skip reading (the same paper and edition); hand "
    "that reading out with it, or build without --skip reading",
]


@pytest.mark.parametrize("place", ["start", "questions"])
def test_skip_reading_leaves_it_out_and_the_questions_cite_the_whole_handouts_lines(tmp_path, place):
    write_guide(tmp_path, "dust.yaml", DUST.format(place=place))
    whole = cli_main("build", "dust.yaml", "-o", "whole", cwd=tmp_path)
    assert whole.returncode == 0 and whole.stderr == "", whole.stderr
    done = cli_main("build", "dust.yaml", "-o", "out", "--skip", "reading", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == WARNINGS
    for name in ("dust.pdf", "dust-key.pdf"):
        printed, full = Pdf(tmp_path / "out" / name), Pdf(tmp_path / "whole" / name)
        assert "Black Sunday" in full.text and "wall of dust" in full.text
        assert "Black Sunday" not in printed.text and "wall of dust" not in printed.text and "[1]" not in printed.text
        for cited in ("What do lines 1–2 tell you about the storm?", "It closed the farms (line 4)"):
            assert cited in full.text and cited in printed.text  # the same lines as the whole handout's
        assert printed.text.index("Summary") < printed.text.index("Questions")


def test_a_reading_and_questions_skipped_leave_the_summary_and_no_warning(tmp_path):
    write_guide(tmp_path, "dust.yaml", DUST.format(place="start"))
    done = cli_main("build", "dust.yaml", "-o", "out", "--skip", "reading,questions", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    text = Pdf(tmp_path / "out" / "dust.pdf").text
    assert "Dust Bowl was a time" in text and "Black Sunday" not in text and "Questions" not in text


def test_a_guide_with_a_reading_alone_cannot_skip_it(tmp_path):
    write_guide(tmp_path, "only.yaml", """\
        title: Only a reading
        reading:
          text: |
            A short text to read.
        """)
    done = cli_main("build", "only.yaml", "-o", "out", "--skip", "reading", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == ("only.yaml: --skip reading: leaves nothing of this guide to print but its "
                                           "title and name lines (skip fewer sections)")
    assert not (tmp_path / "out").exists()


def test_an_unknown_section_lists_the_sections_reading_first(tmp_path):
    write_guide(tmp_path, "dust.yaml", DUST.format(place="start"))
    done = cli_main("build", "dust.yaml", "-o", "out", "--skip", "passage", cwd=tmp_path)
    assert done.returncode == 2
    assert ("--skip: unknown section 'passage' (choose from reading, summary, objectives, topics, perspectives, "
            "chart, takeaways, vocabulary, questions, activities, coverage)") in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()
