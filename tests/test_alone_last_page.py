"""Issue 14: a question is never alone on a page unless it fills it. A last question that would print alone on the
handout's last full page (a sheet more for every copy) is pulled back onto the page before with a little less room
above the headings and between the questions, the type and the answer lines as they were; when that does not save
the page, `build` and `check` say how much the page before is short of it. The two guides are from the wide scan
of issue 14 (r13, finding 3): ordering/select-all questions in classic on letter, and a fill-in on A4 in ink-saver."""
from __future__ import annotations

import shutil
from pathlib import Path

import pypdf

from hostile_support import cli_inprocess

CASES = Path(__file__).parent / "cases" / "layout"


def _texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]


def test_the_last_question_goes_back_onto_the_page_before_when_less_room_between_questions_saves_the_page(
        tmp_path, monkeypatch):
    from studyguide import render

    shutil.copy(CASES / "alone-ordering.yaml", tmp_path / "g.yaml")
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path, limit=60)
    assert run.code == 0 and "g.pdf (3 pages), out/g-key.pdf (3 pages)" in run.out, run.out + run.err
    assert "prints alone" not in run.err
    for name in ("g.pdf", "g-key.pdf"):  # question 4 under question 3, on the same page in handout and key
        texts = _texts(tmp_path / "out" / name)
        assert "3. Put these steps in order" in texts[2] and "4. Mineral policy archive hypothesis" in texts[2]
        assert texts[2].index("3. Put these steps") < texts[2].index("4. Mineral policy")
    monkeypatch.setattr(render, "TIGHTER", 1.0)  # the room as it was: question 4 alone on a fourth page, 87 % empty
    run = cli_inprocess(["build", "g.yaml", "-o", "out2"], cwd=tmp_path, limit=60)
    assert "g.pdf (4 pages)" in run.out
    assert _texts(tmp_path / "out2" / "g.pdf")[3].startswith("4. Mineral policy archive hypothesis")


WARNING = ("g.yaml:103:3: warning: question 5 prints alone on page 3 (96 % of it empty), a sheet more for each copy; "
           "page 2 is about 3 lines of text short of it: shorten the text before it by that much (or give a question "
           "before it fewer 'lines:'), or leave question 5 out\n")


def test_build_and_check_say_how_much_the_page_before_is_short_when_less_room_does_not_save_it(tmp_path):
    shutil.copy(CASES / "alone-fill-in.yaml", tmp_path / "g.yaml")
    args = ["--theme", "ink-saver", "--paper", "a4"]
    run = cli_inprocess(["build", "g.yaml", "-o", "out", *args], cwd=tmp_path, limit=60)
    assert run.code == 0 and "g.pdf (3 pages)" in run.out and WARNING in run.err, run.err
    assert _texts(tmp_path / "out" / "g.pdf")[2].startswith("5. The fertile")
    run = cli_inprocess(["check", "g.yaml", *args], cwd=tmp_path, limit=60)
    assert WARNING in run.out + run.err
    run = cli_inprocess(["check", "g.yaml"], cwd=tmp_path, limit=60)  # classic, letter: q5 shares its page
    assert "prints alone" not in run.out + run.err


def test_a_long_handout_is_not_laid_out_again_for_its_last_question(monkeypatch):
    """The second layout costs as much as the first: on a document of more than render.TIGHT_PAGES pages a
    sheet saved is a fraction of the paper for twice the time (an 800 kB guide of 285 pages went 2.3 -> 3.8 s
    CPU), so only `build` and `check` say so there. A packet is laid out again; the same last page, told alone."""
    from studyguide import api, pagelint, render

    monkeypatch.setattr(pagelint, "last_alone", lambda rendered, at_least: 90)  # (every last question alone)
    calls, real = [], render._render
    monkeypatch.setattr(render, "_render", lambda *a, **k: calls.append(1) or real(*a, **k))
    guide = api.load(CASES / "alone-ordering.yaml")
    render.render(guide, theme=api.theme_for(guide))
    assert len(calls) == 2  # (a packet: laid out again, tighter)
    calls.clear()
    monkeypatch.setattr(render, "TIGHT_PAGES", 1)  # (the same guide, longer than the bound allows)
    render.render(guide, theme=api.theme_for(guide))
    assert len(calls) == 1


RIVERS = """\
title: Rivers
questions:
- type: essay
  prompt: Describe how a river shapes the valley it runs through, from its source to its mouth.
  lines: 7
- type: short_answer
  prompt: Name the place where a river begins.
  lines: 1
- type: short_answer
  prompt: Explain, in two or three sentences, why a river's delta is often rich farmland, and name one river whose delta is farmed today.
  lines: {lines}
"""
LARGE = ("g.yaml:9:3: warning: question 3 prints alone on page 2 (58 % of it empty), a sheet more for each copy; page 1 "
         "is about 12 lines of text short of it: shorten the text before it by that much (or give a question before it "
         "fewer 'lines:'), or leave question 3 out\n")


def test_large_print_says_a_short_last_question_prints_alone_as_standard_does(tmp_path):
    """Large print's type fills more of its page with the same question: a last question alone left its page less
    than 75 % empty and `build` said nothing (the rescan's n14 classic letter LP: q4 alone, 72 % empty), while a
    build a little emptier (compact A4 LP, 75 %) warned. A question of 12 lines of text or fewer alone on the
    last page is now told in every edition: here 5 answer lines under a 3-line prompt, 58 % of page 2 empty."""
    (tmp_path / "g.yaml").write_text(RIVERS.format(lines=5), encoding="utf-8")
    run = cli_inprocess(["build", "g.yaml", "-o", "out", "--edition", "large-print"], cwd=tmp_path, limit=60)
    assert run.code == 0 and "g-large-print.pdf (2 pages)" in run.out and LARGE in run.err, run.err
    texts = _texts(tmp_path / "out" / "g-large-print.pdf")
    assert texts[1].startswith("3. Explain, in two or three sentences") and "2. Name the place" in texts[0]
    run = cli_inprocess(["check", "g.yaml", "--edition", "large-print"], cwd=tmp_path, limit=60)
    assert LARGE in run.out + run.err
    (tmp_path / "g.yaml").write_text(RIVERS.format(lines=7), encoding="utf-8")  # (14 lines of text, 47 % empty: a
    run = cli_inprocess(["check", "g.yaml", "--edition", "large-print"], cwd=tmp_path, limit=60)  # question that
    assert "prints alone" not in run.out + run.err  # big is not worth a warning, as in standard)
