"""Bad guides get the exact ``file:line:col: message`` on stderr, exit status 1, never a traceback.

Data-driven: tests/cases/errors/NAME.yaml is a bad guide; NAME.expected holds the exact
stderr of ``studyguide validate tests/cases/errors/NAME.yaml`` run from the repository
root; NAME.exit its exit status. A NAME.xfail file (holding the reason) marks a case whose
.expected is the message a teacher *should* get but does not yet (a known bug).
See tests/cases/errors/README.md.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CASES, GUIDES, REPO, build_into, cli_main, run_cli, write_guide
from studyguide import api, cli, files
from studyguide.errors import GuideError, StudyguideError

ERRORS = CASES / "errors"


def case_params():
    params = []
    for path in sorted(ERRORS.glob("*.yaml")):
        marks = []
        xfail = path.with_suffix(".xfail")
        if xfail.exists():
            marks.append(pytest.mark.xfail(strict=True, reason=xfail.read_text(encoding="utf-8").strip()))
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


def expected(path: Path) -> tuple[list[str], int]:
    lines = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return lines, int(path.with_suffix(".exit").read_text().strip())


def test_every_case_has_its_expectations():
    cases = sorted(ERRORS.glob("*.yaml"))
    assert len(cases) >= 16
    for path in cases:
        assert path.with_suffix(".expected").is_file(), path.name
        assert path.with_suffix(".exit").is_file(), path.name
    assert (ERRORS / "not-utf8.yaml").read_bytes().count(b"\xe9") == 1


@pytest.mark.parametrize("case", case_params())
def test_validate_message(case, capsys, monkeypatch):
    """`studyguide validate tests/cases/errors/NAME.yaml` (in-process) prints exactly NAME.expected."""
    monkeypatch.chdir(REPO)
    rel = case.relative_to(REPO).as_posix()
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["validate", rel])
    out, err = capsys.readouterr()
    lines, status = expected(case)
    assert err.splitlines() == lines
    assert exit_info.value.code == status
    assert out == ""
    assert "Traceback" not in err


def test_validate_folder_end_to_end():
    """The real entry point over the whole folder: every case reported, each with its exact lines."""
    proc = run_cli("validate", ERRORS.relative_to(REPO).as_posix())
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    got: dict[str, list[str]] = {}
    for line in proc.stderr.splitlines():
        name = line.split(":", 1)[0]
        got.setdefault(name, []).append(line)
    for path in sorted(ERRORS.glob("*.yaml")):
        rel = path.relative_to(REPO).as_posix()
        assert rel in got, f"{rel}: no message"
        if not path.with_suffix(".xfail").exists():
            assert got[rel] == expected(path)[0]
    assert set(got) == {p.relative_to(REPO).as_posix() for p in ERRORS.glob("*.yaml")}


def test_several_problems_all_reported_sorted():
    with pytest.raises(GuideError) as info:
        api.load(ERRORS / "several-problems.yaml")
    wheres = [(p.where.line, p.where.col) for p in info.value.problems]
    assert len(wheres) >= 6
    assert wheres == sorted(wheres)


def test_image_not_found_names_both_folders(tmp_path):
    path = write_guide(tmp_path / "guides", "img.yaml", """
        title: Missing image
        topics:
          - title: A topic
            image: nowhere.png
        """)
    with pytest.raises(GuideError) as info:
        api.load(path)
    (problem,) = info.value.problems
    assert (problem.where.line, problem.where.col) == (4, 12)
    assert problem.message.startswith("topics item 1.image: image 'nowhere.png' not found (looked in ")
    assert str(tmp_path / "guides") in problem.message and str(tmp_path / "assets") in problem.message


# -- failing builds ---------------------------------------------------------------

@pytest.fixture
def good_then_built(tmp_path):
    src = GUIDES[0]
    guide = tmp_path / src.name
    guide.write_bytes(src.read_bytes())
    out = tmp_path / "out"
    build_into(guide, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 2
    return guide, out, before


def test_invalid_guide_leaves_previous_pdfs(good_then_built):
    guide, out, before = good_then_built
    guide.write_text("title: Broken\nquestions: [{type: essay}]\n", encoding="utf-8")
    with pytest.raises(GuideError):
        api.build(guide, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_failed_write_leaves_previous_pdfs_and_no_temp_file(good_then_built, monkeypatch):
    guide, out, before = good_then_built
    text = guide.read_text(encoding="utf-8").replace("title:", "subtitle: A changed guide\ntitle:", 1)
    guide.write_text(text, encoding="utf-8")
    real_replace = os.replace

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", failing_replace)
    with pytest.raises((OSError, StudyguideError)):
        api.build(guide, out)
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(out.glob(".*.tmp")) and not list(out.glob("*.tmp"))


def test_cli_build_goes_on_after_a_failing_guide(tmp_path):
    folder = tmp_path / "guides"
    write_guide(folder, "a-bad.yaml", "title: Bad\npaper: legal\n")
    write_guide(folder, "b-good.yaml", "title: Good\nsubject: Testing\n")
    proc = run_cli("build", "guides", "-o", "pdfs", "--no-key", "--paper", "a4", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "guides/a-bad.yaml:2:8: paper: 'legal' is not a paper size (use letter, a4, half-letter or a5)",
        "failed: guides/a-bad.yaml",
        "1 of 2 guides failed",
    ]
    assert proc.stdout.splitlines() == ["built guides/b-good.yaml → pdfs/b-good.pdf (1 page)"]
    assert sorted(p.name for p in (tmp_path / "pdfs").iterdir()) == ["b-good.pdf"]


def test_ambiguous_answer_advice_can_be_followed(tmp_path):
    path = write_guide(tmp_path, "grades.yaml", """
        title: Grades
        questions:
          - type: multiple_choice
            prompt: Which grade did the essay get?
            choices: [B, A, C]
            answer: "A"
        """)
    (q,) = api.load(path).questions
    assert q.answer == 0


def _parses(text: str) -> bool:
    import yaml

    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.YAMLError:
        return False
    return True


def test_the_line_scan_finds_nothing_in_files_yaml_reads():
    """The scan that names layout mistakes (run when parsing fails) reads every good file as good:
    the guides, the themes, the docs' examples and the test cases that parse. The exceptions are
    a '- ' item of a list of text with ': ' in it (an activity's '- type: matching' too), a list whose first '- ' is a word processor's '–',
    and a key after a non-breaking space: YAML reads them (as a mapping, as one text, as a key with a
    space in it) and studyguide refuses them."""
    from studyguide.reading import syntax

    texts = {}
    for path in [*REPO.glob("guides/**/*.yaml"), *REPO.glob("src/studyguide/**/*.yaml"), *CASES.glob("**/*.yaml")]:
        try:
            texts[path.relative_to(REPO).as_posix()] = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue
    for doc in ("README.md", "docs/guide-format.md"):
        for i, block in enumerate(__import__("re").findall(r"```yaml\n(.*?)```", (REPO / doc).read_text("utf-8"), __import__("re").S)):
            texts[f"{doc} yaml block {i + 1}"] = block
    checked = 0
    for name, text in texts.items():
        text = text.replace("\r\n", "\n")
        # (hostile/deep-*: nesting ten thousand deep, which studyguide refuses before parsing and PyYAML's own
        # parser takes 23 s to read)
        if ("/hostile/deep-" in name or not _parses(text) or name.endswith("unclosed-quote-swallows-lines.yaml")
                or "/not-a-guide-" in name):
            continue
        checked += 1
        found = [f for f in syntax.scan(text) if not f[2].startswith(("put this ", "write just the activity's name", "this line starts with '"))
                 and not f[2].endswith("retype the spaces")]
        assert found == [], name
    assert checked >= 60


def _slips(lines: list[str]):
    """One teacher's slip at a time in a good guide: (kind, line number, the file's text)."""
    import re

    for i, line in enumerate(lines):
        found = []
        m = re.match(r"(\s*(?:- )?)([a-z_]+): (\S.*)$", line)
        if m:  # 'term ribosome', 'summary |'; 'term:ribosome'
            found += [("no colon", m[1] + m[2] + " " + m[3]), ("no space", m[1] + m[2] + ":" + m[3])]
        if re.match(r"\s{4,}[a-z_]+:", line) or re.match(r"\s*- ", line):  # a key or a '- ' a column off
            found += [("left", line[1:]), ("right", " " + line)] if line.startswith(" ") else [("right", " " + line)]
        m = re.match(r"(\s*(?:- )?[a-z_]+: )([A-Z][a-z]+) ([a-z]+) ([^\"#:]+)$", line)
        if m:  # a quote inside "...", and an opening quote never closed
            found += [("quote inside", f'{m[1]}"{m[2]} "{m[3]}" {m[4]}"'), ("unclosed", f'{m[1]}"{m[2]} {m[3]} {m[4]}')]
        for kind, changed in found:
            yield kind, i + 1, "\n".join(lines[:i] + [changed] + lines[i + 1:])


def test_one_slip_gets_one_message_at_its_line():
    """Every slip above, in every line of a bundled guide where it can happen, that YAML cannot read
    gets exactly one message, at the changed line (or, for a list's first item a column right of
    the others, at the next item, which is then out of line with it): no follow-on messages at
    lines that are right, naming keys that are not the mistake (first-hour and teacher trials)."""
    from studyguide.reading import loader

    lines = (REPO / "guides" / "photosynthesis-and-the-carbon-cycle.yaml").read_text(encoding="utf-8").split("\n")
    kinds: dict[str, int] = {}
    for kind, line, text in _slips(lines):
        try:
            loader.parse(text.encode(), "g.yaml")
            continue  # still YAML ('title "Unit 2: The Cell"'): the schema names it (key-without-colon-quoted)
        except GuideError as exc:
            got = [(p.where.line, p.message) for p in exc.problems]
        assert len(got) == 1 and got[0][0] - line in ((0,) if kind == "no space" else (0, 1)), (kind, line, got)
        assert kind != "no space" or got[0][1].startswith("put a space after ':'"), (kind, line, got)
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds.keys() == {"no colon", "no space", "left", "right", "quote inside", "unclosed"}
    assert sum(kinds.values()) > 500


def test_a_file_of_layout_mistakes_gets_a_screenful_and_where_to_go_on(tmp_path):
    """Thousands of broken lines (a file pasted with tabs) give 100 located messages and one saying
    more may follow, quickly: the scan is linear in the file's length."""
    import time

    from studyguide.reading import loader

    text = "title: x\nobjectives:\n" + '  - "an unclosed quote\n' * 40_000
    start = time.process_time()  # CPU seconds: on a shared machine the clock also counts the others' work
    with pytest.raises(GuideError) as info:
        loader.parse(text.encode(), "guides/x.yaml")
    assert time.process_time() - start < 5
    lines = [str(p) for p in info.value.problems]
    assert len(lines) == 101
    assert lines[0].startswith("guides/x.yaml:3:5: this quote is never closed")
    assert lines[-1] == ("guides/x.yaml:103:1: more layout mistakes may follow from here (100 are listed above): "
                         "fix those, then run validate again")


def test_editorial_brackets_in_a_quotation_are_not_taken_for_blanks(tmp_path):
    """[sic], an ellipsis [...] and a note number [3] are put in quotations on purpose; a single-bracket
    word elsewhere still gets the warning, at its question."""
    path = tmp_path / "quoting.yaml"
    path.write_text('title: Quoting a speech\nquestions:\n  - type: fill_in_blank\n'
                    '    prompt: \'The mayor called it "very unique [sic]" and said "we will […] [[build]] it" [3].\'\n'
                    '  - type: fill_in_blank\n    prompt: The treaty was signed in [[1919]] at [Versailles] [...].\n',
                    encoding="utf-8")
    assert [str(w) for w in api.load(path).warnings] == [
        f"{path}:6:13: warning: question 2.prompt: '[Versailles]' has single brackets, so it prints on the "
        "student's sheet as typed (write [[Versailles]] to make it a blank)"]


def test_a_definition_of_thousands_of_letters_is_named_in_few_layouts(tmp_path, monkeypatch):
    """A 9,600-letter word pasted into one definition of the Rome trial guide's 27 (bench/fuzz.py: build took 48 s,
    check 37 s, to name it): each layout that holds it takes seconds, and its line was found by halving the terms.
    The longest definition is tried alone first: 9 layouts, not 15, of which one of the vocabulary and every
    activity, not 7. The test pastes 3,600 letters: as tall as a page and more, so the same layouts, in 4 s, not 16."""
    from studyguide import render

    text = (CASES / "trial" / "rome.yaml").read_text(encoding="utf-8")
    typed = "definition: A religion based on the teac"
    assert typed in text
    path = tmp_path / "rome.yaml"
    path.write_text(text.replace(typed, typed + "Pneumonoultramicroscopic" * 150), encoding="utf-8")
    drawn = []
    real = render.render
    monkeypatch.setattr(render, "render", lambda guide, *a, **k: drawn.append(guide) or real(guide, *a, **k))
    with pytest.raises(StudyguideError) as info:
        api.build(path, tmp_path / "out")
    assert str(info.value) == (f"{path}:80:12: the definition of 'Christianity' is taller than a page and cannot be "
                               "split across pages; shorten its definition (it is the crossword's clue)")
    whole = [g for g in drawn if len(g.vocabulary) == 27 and len(g.activities) > 1 and not g.questions]
    assert len(whole) == 1 and len(drawn) == 9, [(len(g.questions), g.activities) for g in drawn]
    assert not (tmp_path / "out").exists()


def _long_definition(words: int) -> str:
    some = "river rock land flows near the sea under a large small hill where water".split()
    return " ".join(some[(i * 7) % len(some)] for i in range(words)).capitalize() + "."


@pytest.mark.parametrize("words, edition", [(450, None), (300, "large-print")])
def test_a_crossword_clue_taller_than_a_page_is_sent_to_its_terms_line(tmp_path, words, edition):
    """Review of 2026-12-04: a 450-word definition (300 in large print) made a crossword clue taller than a
    page, and build and check said only "a part of the guide is taller than a page (on page 3)". They name
    the term's line, and the fix, and write nothing."""
    path = write_guide(tmp_path, "long.yaml", f"""\
        title: Rivers
        vocabulary:
          - term: tributary
            definition: A river that flows into a larger river.
          - term: floodplain
            definition: {_long_definition(words)}
          - term: delta
            definition: Land where a river splits before the sea.
        activities: [crossword]
        """)
    expected = (f"{path}:5:11: the definition of 'floodplain' is taller than a page and cannot be split across "
                "pages; shorten its definition (it is the crossword's clue)")
    extra = ["--edition", edition] if edition else []
    for command in (["build", path, "-o", tmp_path / "out"], ["check", path]):
        proc = cli_main(*command, *extra, cwd=tmp_path)
        assert proc.returncode != 0 and expected in proc.stderr.splitlines(), proc.stderr
        assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
