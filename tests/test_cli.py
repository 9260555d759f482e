"""The command line end to end, in fresh interpreters: build, list, schema, new."""
from __future__ import annotations

import shutil

import json

import pytest
import yaml

from conftest import GUIDES, REPO, Pdf, cli_main, copy_repo_layout, made_once_in, run_cli
from studyguide import api

TOP_KEYS = ["title", "subtitle", "subject", "grade", "author", "language", "paper", "source", "reading",
            "summary", "headings", "objectives", "topics", "perspectives", "benefits", "criticisms", "takeaways",
            "vocabulary", "questions", "versions", "seed", "activities", "accommodations", "labels", "coverage",
            "time_limit", "theme", "school", "course", "teacher", "logo", "header", "footer"]
QUESTION_TYPES = ["multiple_choice", "select_all", "true_false", "short_answer", "essay", "fill_in_blank",
                  "matching", "ordering"]


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    """`studyguide build` with no arguments, in a copy of the repository layout (run by one xdist worker of the
    run, read by both: conftest.made_once_in)."""
    def make(folder):
        root = copy_repo_layout(folder)
        return root, run_cli("build", cwd=root)
    return made_once_in(tmp_path_factory, "test_cli.default_build", make)[1]


def test_build_with_no_arguments(default_build, builds):
    root, proc = default_build
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert len(lines) == len(GUIDES)
    for line, guide in zip(lines, GUIDES):
        b = builds[guide.stem]
        s, k = b.result.outputs

        def pages(n):
            return f"{n} page{'s' if n != 1 else ''}"

        assert line == (f"built guides/{guide.name} → output/{guide.stem}.pdf ({pages(s.pages)}), "
                        f"output/{guide.stem}-key.pdf ({pages(k.pages)})")
        # the same guide built in this process (the session's build, conftest.builds: a PDF does not depend on
        # its guide's folder, test_pdf.test_identical_bytes_from_another_folder): the very same bytes
        for made, other in zip((root / "output" / f"{guide.stem}.pdf", root / "output" / f"{guide.stem}-key.pdf"),
                               (b.student, b.key)):
            assert made.read_bytes() == other.data, f"{made.name} differs from the in-process build"
            assert Pdf(made).pages == other.pages
    assert sorted(p.name for p in (root / "output").iterdir()) == sorted(
        n for g in GUIDES for n in (f"{g.stem}.pdf", f"{g.stem}-key.pdf"))


def test_build_a4_from_the_command_line(default_build, tmp_path):
    root, _ = default_build
    guide = GUIDES[0]
    proc = cli_main("build", f"guides/{guide.name}", "-o", tmp_path / "a4", "--paper", "A4", cwd=root)
    assert proc.returncode == 0, proc.stderr
    for name in (f"{guide.stem}.pdf", f"{guide.stem}-key.pdf"):
        pdf = Pdf(tmp_path / "a4" / name)
        for page in pdf.reader.pages:
            assert abs(float(page.mediabox.width) - 595.28) < 0.5
            assert abs(float(page.mediabox.height) - 841.89) < 0.5


def test_list_takes_several_folders_as_build_does(tmp_path):
    """`list guides/ folder/` lists both (it said "Got unexpected extra argument"); each file by its path."""
    from conftest import write_guide

    for folder, title in (("a", "Rocks"), ("b", "Rivers")):
        write_guide(tmp_path / folder, "unit.yaml", f"""
            title: {title}
            questions:
              - type: short_answer
                prompt: Why?
                answer: Because.
                points: 2
            """)
    proc = cli_main("list", "a/", "b", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [line.split() for line in proc.stdout.splitlines()] == [
        ["file", "title", "questions", "points", "pages"], ["a/unit.yaml", "Rocks", "1", "2", "1"],
        ["b/unit.yaml", "Rivers", "1", "2", "1"]]
    proc = cli_main("list", "a", cwd=tmp_path)
    assert proc.stdout.splitlines()[1].split()[0] == "unit.yaml"  # (one folder: the names alone, as before)


def test_list_shows_titles_questions_points_pages(builds):
    proc = run_cli("list", "guides")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["file", "title", "questions", "points", "pages"]
    assert len(lines) == 1 + len(GUIDES)
    for line, guide in zip(lines[1:], GUIDES):
        b = builds[guide.stem]
        g = b.guide
        assert line.startswith(guide.name)
        assert g.title in line
        points = "–" if g.total_points is None else f"{g.total_points:g}"
        assert line.split()[-3:] == [str(len(g.questions)), points, str(b.result.outputs[0].pages)]


def test_unknown_path_is_a_usage_error(tmp_path):
    proc = cli_main("build", "no-such-guide.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "no-such-guide.yaml: no such file or folder"
    assert not (tmp_path / "output").exists()


# -- schema --------------------------------------------------------------------

@pytest.fixture(scope="module")
def schema():
    proc = run_cli("schema")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_schema_covers_the_format(schema):
    assert schema["type"] == "object"
    assert schema["required"] == ["title"]
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == TOP_KEYS
    from studyguide.reading.schema import TOP_KEYS as validated

    assert list(validated) == TOP_KEYS  # the editor's schema and the validator know the same keys
    variants = schema["properties"]["questions"]["items"]["oneOf"]
    assert [v["properties"]["type"]["const"] for v in variants] == QUESTION_TYPES
    for v in variants:
        assert {"type", "prompt"} <= set(v["required"])
    assert schema["properties"]["paper"]["enum"] == ["letter", "a4", "half-letter", "a5"]


def test_guides_use_only_schema_keys(schema):
    for path in GUIDES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) <= set(schema["properties"]), path.name


class _TextDates(yaml.SafeLoader):
    """YAML as the guide loader reads it: dates stay text."""


_TextDates.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("path", GUIDES, ids=[p.stem for p in GUIDES])
def test_guides_validate_against_the_schema(schema, path):
    jsonschema = pytest.importorskip("jsonschema")
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)
    jsonschema.validate(data, schema)


# -- new ---------------------------------------------------------------------------

def test_new_writes_a_starter_that_validates_and_builds(tmp_path):
    target = tmp_path / "starter.yaml"
    proc = run_cli("new", "starter.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "wrote starter.yaml; edit it, then run: studyguide build starter.yaml"
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    guide = api.load(target)
    assert guide.title and guide.questions
    result = api.build(target, tmp_path / "out")
    assert [o.path.name for o in result.outputs] == ["starter.pdf", "starter-key.pdf"]
    # its one warning: the placeholder text still in it (trial r9 F13), at the first place, once
    assert [(w.where.line, w.message.split(";")[0]) for w in result.warnings] == [
        (17, "title: 'My Study Guide' is the starter's placeholder text")]


def test_the_starter_shows_every_section_so_a_teacher_deletes_instead_of_guessing(tmp_path):
    """Every key of the format is in the starter, written out or commented out, and every question
    type is written out; uncommenting the commented keys still gives a guide that loads."""
    import re

    from studyguide.reading.schema import TOP_KEYS
    from studyguide.reading.questions import QUESTION_KEYS

    assert cli_main("new", "guides/starter.yaml", cwd=tmp_path).returncode == 0  # guides/ made if missing
    text = (tmp_path / "guides" / "starter.yaml").read_text(encoding="utf-8")
    written = set(re.findall(r"^([a-z_]+):", text, re.M))
    commented = set(re.findall(r"^# ([a-z_]+):", text, re.M))
    assert set(TOP_KEYS) <= written | commented, set(TOP_KEYS) - written - commented
    assert set(re.findall(r"^  - type: (\w+)$", text, re.M)) == set(QUESTION_KEYS)
    assert "studyguide schema > guides/studyguide.schema.json" in text
    guide = api.load(tmp_path / "guides" / "starter.yaml")
    assert all(getattr(guide, k) for k in ("summary", "objectives", "topics", "perspectives", "benefits",
                                             "criticisms", "takeaways", "vocabulary", "questions"))
    (tmp_path / "assets").mkdir()
    shutil.copy(REPO / "assets" / "crest.png", tmp_path / "assets" / "crest.png")
    lines, under = [], False
    for line in text.splitlines():  # '# key: ...' and the '#   ...' lines under it lose their '# '
        key = re.match(r"# ([a-z_]+:.*)", line) or \
            re.match(r"( +)# ((?:image|caption|objective|evidence|characteristics|non_examples):.*)", line)
        more = under and re.match(r"#( {2,}\S.*)", line)
        under = bool(key or more)
        lines.append("".join(key.groups()) if key else more.group(1) if more else line)
    opened = "\n".join(lines) + "\n"
    (tmp_path / "guides" / "opened.yaml").write_text(opened.replace("diagram.png", "crest.png"), encoding="utf-8")
    guide = api.load(tmp_path / "guides" / "opened.yaml")
    assert guide.activities and guide.versions == 2 and guide.coverage == "key" and guide.branding.school
    assert guide.perspectives[0].evidence and guide.vocabulary[0].non_examples


def test_new_never_overwrites(tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("title: My own guide\n", encoding="utf-8")
    before = target.read_bytes()
    proc = cli_main("new", "mine.yaml", cwd=tmp_path)
    assert proc.returncode != 0
    assert proc.stderr.strip() == "mine.yaml: already exists; choose a new file name"
    assert target.read_bytes() == before


def test_run_from_the_wrong_folder_says_what_it_looked_for_and_what_to_do(tmp_path):
    proc = cli_main("validate", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"no guides/ folder in {tmp_path} (studyguide looks for guides/ in the folder it runs in): go to the "
        "folder that holds guides/ (cd FOLDER) and run it again, name a guide or a folder of guides, or start "
        "one with: studyguide new guides/my-guide.yaml")
    proc = cli_main("build", "guides/my-guide.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"guides/my-guide.yaml: no such file or folder: there is no guides/ in {tmp_path} (go to the folder "
        "that holds guides/ and run it again, or give the guide's full path)")


def test_validate_one_guide_says_ok_for_that_guide_only(tmp_path):
    """The folder's defaults file is checked (its mistakes shown) but not announced when a guide is named."""
    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "studyguide.yaml").write_text("# nothing yet\n", encoding="utf-8")
    (guides / "one.yaml").write_text("title: One\n", encoding="utf-8")
    proc = cli_main("validate", "guides/one.yaml", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "ok: guides/one.yaml (0 questions, 0 terms)\n", "")
    (guides / "studyguide.yaml").write_text("paper: legal\n", encoding="utf-8")
    proc = cli_main("validate", "guides/one.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert "guides/studyguide.yaml:1:8: paper: 'legal' is not a paper size (use letter, a4, half-letter or a5)" in proc.stderr
    proc = cli_main("validate", "guides", cwd=tmp_path)
    assert proc.returncode == 1


SCALARS = """\
title: 1984
summary: yes
objectives: [2024, true]
vocabulary:
  - term: 1984
    definition: null
questions:
  - type: short_answer
    prompt: When did the war end?
    answer: 1945
  - type: multiple_choice
    prompt: Which year?
    choices: [1944, 1945]
    answer: 1945
"""


def test_plain_numbers_yes_and_null_are_text_to_both_the_validator_and_the_schema(schema, tmp_path):
    """studyguide prints `term: 1984` and `definition: null` as typed; an editor's YAML parser reads them
    as a number and null, and the schema must not underline a guide that validates."""
    jsonschema = pytest.importorskip("jsonschema")
    path = tmp_path / "scalars.yaml"
    path.write_text(SCALARS, encoding="utf-8")
    guide = api.load(path)
    assert (guide.title, guide.vocabulary[0].term, guide.vocabulary[0].definition) == ("1984", "1984", "null")
    jsonschema.validate(yaml.safe_load(SCALARS), schema)
    with pytest.raises(jsonschema.ValidationError):  # a list where text belongs is still refused
        jsonschema.validate(yaml.safe_load(SCALARS.replace("summary: yes", "summary: [a, b]")), schema)
