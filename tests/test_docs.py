"""What the docs show a teacher works as shown: the complete example guide, the theme and
defaults-file examples in README.md and docs/guide-format.md."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyguide import api

from conftest import ASSETS_DIR, REPO, cli_main, copy_repo_layout, run_cli
from hostile_support import cli_inprocess



def yaml_blocks(doc: str) -> list[str]:
    text = (REPO / doc).read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def block_starting(doc: str, first_line: str) -> str:
    found = [b for b in yaml_blocks(doc) if b.splitlines()[0].startswith(first_line)]
    assert len(found) == 1, (doc, first_line)
    return found[0]


@pytest.fixture
def folder(tmp_path):
    guides = tmp_path / "guides"
    (guides / "themes").mkdir(parents=True)
    shutil.copytree(ASSETS_DIR, tmp_path / "assets")
    shutil.copy(REPO / "guides" / "china-foreign-police-training.yaml", guides / "guide.yaml")
    return guides


def test_the_complete_example_builds(folder, tmp_path):
    example = block_starting("docs/guide-format.md", "# yaml-language-server")
    (folder / "example.yaml").write_text(example, encoding="utf-8")
    result = api.build(folder / "example.yaml", tmp_path / "out")
    assert 2 <= result.outputs[0].pages <= result.outputs[1].pages  # (the key's notes may follow)


@pytest.mark.parametrize("doc,first_line", [("README.md", "# guides/themes/lincoln.yaml"),
                                            ("docs/guide-format.md", "parent: modern")])
def test_the_theme_examples_are_themes(folder, tmp_path, doc, first_line):
    (folder / "themes" / "example.yaml").write_text(block_starting(doc, first_line), encoding="utf-8")
    (folder / "studyguide.yaml").write_text("theme: example\n", encoding="utf-8")
    run = run_cli("build", "guides", "-o", tmp_path / "out", cwd=folder.parent)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "guide.pdf").is_file()


def test_the_readme_defaults_example_is_a_defaults_file(folder):
    (folder / "studyguide.yaml").write_text(block_starting("README.md", "# guides/studyguide.yaml"), encoding="utf-8")
    run = cli_main("validate", "guides", cwd=folder.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok: guides/studyguide.yaml (defaults for the guides beside it: school, course, "
                                 "teacher, logo, paper, theme, labels)")


def test_the_bundled_defaults_file_sets_nothing_until_edited():
    run = cli_main("validate", "guides")
    assert run.returncode == 0, run.stderr
    assert "ok: guides/studyguide.yaml (defaults for the guides beside it: nothing yet)" in run.stdout


# -- every example in README.md and docs/, run as written in a scratch copy of the project ---------

DOCS = ("README.md", "docs/guide-format.md")  # in this order: the README's first steps make guides/my-guide.yaml
MARKER = re.compile(r"<!-- (ci|examples): ?(.*?) -->")


def examples(doc: str) -> list[dict]:
    """The fenced ```sh and ```yaml blocks of ``doc``, with the markers on the lines just above each:
    ``<!-- ci: NAME -->`` (CI runs it: the install and test commands), ``<!-- examples: skip [PREFIX] -->``
    (the block, or its lines starting with PREFIX, e.g. a command that runs until stopped) and
    ``<!-- examples: file PATH -->`` (where a YAML example is saved)."""
    lines = (REPO / doc).read_text(encoding="utf-8").split("\n")
    found, n = [], 0
    while n < len(lines):
        fence = re.match(r"```(\w*)$", lines[n])
        if not fence:
            n += 1
            continue
        end = lines.index("```", n + 1)
        marks, k = [], n - 1
        while k >= 0 and MARKER.fullmatch(lines[k].strip()):
            marks.append(MARKER.fullmatch(lines[k].strip()).groups())
            k -= 1
        found.append({"where": f"{doc}:{n + 1}", "lang": fence.group(1), "body": "\n".join(lines[n + 1:end]) + "\n",
                      "first": n + 2, "marks": marks})
        n = end + 1
    return found


def _skips(block) -> tuple[bool, list[str]]:
    whole, prefixes = False, []
    for kind, value in block["marks"]:
        words = value.split()
        if kind == "ci" or words == ["skip"] or (words[:1] == ["skip"] and words[1:2] == ["(it"]):
            whole = True
        elif words[:1] == ["skip"]:
            prefixes.append(value[len("skip "):].split(" (")[0])
    return whole, prefixes


def test_the_docs_mark_what_the_example_runner_leaves_out():
    """Only the install and test commands (CI runs those: the suite, its tests that drive other programs, and
    its stress runs), and 'watch' and 'edit' (they run until stopped), are left out."""
    left_out = []
    for doc in DOCS:
        for block in examples(doc):
            whole, prefixes = _skips(block)
            if whole:
                left_out.append(block["body"].split()[0])
            left_out += prefixes
    assert sorted(left_out) == [".venv/bin/pytest", ".venv/bin/pytest", "python3", "python3", "studyguide edit",
                                "studyguide watch"]


def example_steps() -> list[dict]:
    """What a teacher copies, in the docs' order: each command line of a ```sh block ("sh", with its
    "command") and each ```yaml block ("yaml", with its "target": where it is saved, or None for a part of
    a guide, which is loaded under a title)."""
    steps = []
    for doc in DOCS:
        for block in examples(doc):
            whole, prefixes = _skips(block)
            if whole or block["lang"] not in ("sh", "yaml"):
                continue
            if block["lang"] == "sh":
                for i, line in enumerate(block["body"].splitlines()):
                    command = line.strip()
                    if command and not command.startswith("#") and not any(command.startswith(p) for p in prefixes):
                        steps.append({"kind": "sh", "where": f"{doc}:{block['first'] + i}", "command": command})
                continue
            files = [v.split()[1] for k, v in block["marks"] if k == "examples" and v.startswith("file ")]
            named = re.match(r"# (guides/\S+\.yaml)", block["body"])
            steps.append({"kind": "yaml", "where": block["where"], "doc": doc, "block": block,
                          "target": files[0] if files else named.group(1) if named else None})
    return steps


STEPS = example_steps()
# the commands that only read the guides (their output goes to output/ or the screen, which no later
# example reads): a part of the run that starts later skips them, and replays the rest in order
READS_ONLY = re.compile(r"studyguide (build|check|list|validate|themes|export)\b[^>]*")
# what the original single run checked at its end, checked in the part that runs the command
MAKES = {"studyguide export --to qti": "output/my-guide-qti.zip",
         "studyguide themes --preview --png": "output/themes/theme-classic.png"}


def in_process(command: str):
    """(studyguide's arguments, the file a `> FILE` names or None) for a command this process can run as the
    installed `studyguide` runs it (tests/hostile_support.cli_inprocess: the entry point's own main, without
    an interpreter and its imports to start for each): one `studyguide` with no other shell syntax, building
    at most the one guide it names (a folder's build starts a pool of processes). None for the rest, which
    run in bash: they check the installed command itself, on the PATH as a teacher has it."""
    words = shlex.split(command, comments=True)
    out = None
    if len(words) > 2 and words[-2] == ">":
        words, out = words[:-2], words[-1]
    if words[:1] != ["studyguide"] or any(set(w) & set("&|;<>$`*?(){}") for w in words):
        return None
    if words[1:2] == ["build"] and not any(w.endswith((".yaml", ".yml")) for w in words):
        return None
    return words[1:], out


def test_the_commands_run_in_this_process_are_plain_studyguide_commands():
    """The examples' commands this process runs itself, and those it leaves to bash (the installed command)."""
    assert in_process("studyguide build guides/my-guide.yaml --versions 3   # A, B, C") == (
        ["build", "guides/my-guide.yaml", "--versions", "3"], None)
    assert in_process("studyguide schema > guides/studyguide.schema.json   # hints") == (
        ["schema"], "guides/studyguide.schema.json")
    for command in ("studyguide build", "studyguide build -j 4 guides/", "studyguide themes && studyguide list",
                    "python3 -m venv .venv", "studyguide list | head"):
        assert in_process(command) is None, command
    ran = [s["command"] for s in STEPS if s["kind"] == "sh"]
    assert sum(in_process(c) is None for c in ran) >= 5 and sum(in_process(c) is not None for c in ran) >= 30


def _parts(count: int) -> list[tuple[int, int]]:
    """``count`` runs of consecutive steps, each with about as many commands (xdist spreads them)."""
    weights = [0 if s["kind"] == "yaml" and s["target"] is None else 1 for s in STEPS]
    total, bounds, start, acc = sum(weights), [], 0, 0
    for n, w in enumerate(weights):
        acc += w
        if acc >= total * (len(bounds) + 1) / count and len(bounds) < count - 1:
            bounds.append((start, n + 1))
            start = n + 1
    return bounds + [(start, len(STEPS))]


PARTS = _parts(6)


def test_the_example_runner_runs_every_example_once():
    """The parts below run every step once, in order, and the steps are the docs' many examples."""
    assert [n for start, stop in PARTS for n in range(start, stop)] == list(range(len(STEPS)))
    assert sum(s["kind"] == "sh" for s in STEPS) >= 20 and sum(s["kind"] == "yaml" for s in STEPS) >= 25
    assert all(any(s.get("command", "").startswith(c) for s in STEPS) for c in MAKES)


@pytest.mark.parametrize("start, stop", [pytest.param(a, b, id=f"{STEPS[a]['where']}-{STEPS[b - 1]['where']}")
                                         for a, b in PARTS])
def test_every_command_and_yaml_example_in_the_docs_runs_as_written(tmp_path, monkeypatch, start, stop):
    """A teacher copies the examples one by one into a fresh copy of the project: each command exits 0
    with no traceback, each YAML example is a guide (or defaults file, or theme) that loads with no
    problem and no warning, and each guide or theme saved under a name builds. The run is cut in parts
    that xdist spreads over the cores: a part first replays, in order, the earlier examples that change
    the project (new guides, files saved under guides/), so each runs on the project as the docs leave it."""
    project = copy_repo_layout(tmp_path / "project")
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("STUDYGUIDE_FONT_PATH", None)
    monkeypatch.delenv("STUDYGUIDE_FONT_PATH", raising=False)  # (for the commands run in this process)
    failures = []

    def sh(command: str, where: str) -> None:
        args = in_process(command)
        if args is None:
            run = subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True,
                                 encoding="utf-8", timeout=300)
            code, err = run.returncode, run.stderr
        else:
            run = cli_inprocess(args[0], project, limit=300)
            code, err = run.code, run.err
            if args[1]:  # the command's `> FILE`, written as the shell would
                (project / args[1]).write_text(run.out, encoding="utf-8")
        if code != 0 or "Traceback" in err or "internal error" in err:
            failures.append(f"{where}: {command}\n  exit {code}: {err.strip()[-800:]}")

    for n, step in enumerate(STEPS[:stop]):
        replay = n < start
        if step["kind"] == "sh":
            if not (replay and READS_ONLY.fullmatch(step["command"])):
                sh(step["command"], step["where"] + (" (replayed)" if replay else ""))
            continue
        block, target = step["block"], step["target"]
        if target is None:  # a part of a guide: under a title, as it would be in one
            if replay:
                continue
            body = block["body"] if re.search(r"^title:", block["body"], re.M) else "title: Example\n" + block["body"]
            path = project / "examples" / f"{Path(step['doc']).stem}-{block['first']}.yaml"
            path.parent.mkdir(exist_ok=True)
            path.write_text(body, encoding="utf-8")
            try:
                guide = api.load(path)
            except Exception as exc:  # noqa: BLE001 - reported with the example's place
                failures.append(f"{block['where']}: {exc}")
                continue
            if guide.warnings:
                failures.append(f"{block['where']}: " + "; ".join(map(str, guide.warnings)))
            continue
        path = project / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block["body"], encoding="utf-8")
        if replay:
            continue
        if path.parent.name == "themes":
            sh(f"studyguide themes && studyguide build guides/my-guide.yaml --theme {path.stem} -o examples-out",
               block["where"])
        elif path.name == "studyguide.yaml":
            sh("studyguide validate guides", block["where"])
        else:
            sh(f"studyguide build {target} -o examples-out", block["where"])
    assert not failures, "\n".join(failures)
    for step in STEPS[start:stop]:
        for command, made in MAKES.items():
            if step.get("command", "").startswith(command):
                assert (project / made).is_file(), f"{step['where']}: {step['command']} made no {made}"


def test_the_key_table_names_the_keys_studyguide_schema_gives():
    """docs/guide-format.md's table of keys has a row for every key of a guide, and where a row names the
    keys of a list's items (topics: `title`, `summary`, ...) they are the schema's, all of them (a teacher
    typed `text:` under a topic because the table said 'each with a title, text, points')."""
    from studyguide.reading.editor_schema import guide_schema

    schema = guide_schema()["properties"]
    text = (REPO / "docs" / "guide-format.md").read_text(encoding="utf-8")
    table = text[text.index("| Key | What it is |"):]
    table = table[:table.index("\n\n")]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = line.split(" | ")
        for key in re.findall(r"`(\w+)`", cells[0]):
            rows[key] = cells[1]
    assert set(schema) == set(rows), set(schema) ^ set(rows)
    checked = 0
    for key, row in rows.items():
        item = schema[key].get("items", {}).get("properties")
        named = set(re.findall(r"`(\w+)`", row))
        if item and named & set(item):
            assert named == set(item), (key, named ^ set(item))
            checked += 1
    assert checked >= 1  # (topics)


# -- the README a teacher reads first ---------------------------------------------------------------

def test_the_readme_example_guide_gets_no_warning_from_validate_or_check(folder):
    """The guide the README shows is one to copy: `validate` and `check` pass it with no warning (it had a
    fill-in-the-blank question without points beside one with, which is worth 0)."""
    (folder / "readme-example.yaml").write_text(block_starting("README.md", "title: "), encoding="utf-8")
    for command in ("validate", "check"):
        run = cli_main(command, "guides/readme-example.yaml", cwd=folder.parent)
        assert run.returncode == 0 and "warning" not in run.stdout + run.stderr, (command, run.stdout, run.stderr)


def _headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, flags=re.M)


def test_the_readme_puts_the_teachers_steps_first_and_the_tests_in_a_developers_section_at_the_end():
    """A teacher meets install, their own guide, the everyday commands, classroom sets and exports, in that
    order; the test commands (.ci/run reads them by their markers) come only under the developers' heading."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    heads = _headings(text)
    order = ["Install it and build the examples", "Your own guide: new, validate, check, build", "Everyday commands",
             "Classroom sets and accommodation editions", "Use it online", "For developers: tests and CI"]
    assert [h for h in heads if h in order] == order
    assert heads[-2:] == ["For developers: tests and CI", "Licence"]
    developers = text.index("\n## For developers: tests and CI\n")
    assert text.index("<!-- ci: build -->") < text.index("\n## Your own guide")
    assert developers < text.index("<!-- ci: test -->") < text.index("<!-- ci: consumers -->") < text.index(
        "<!-- ci: stress -->")
    assert "pytest" not in text[:developers] and "chromium" not in text[:developers]


def test_the_readme_gives_windows_commands_that_windows_powershell_runs():
    """Windows PowerShell 5.1 refuses `&&`: the Windows install is three lines, as typed there."""
    blocks = [b["body"] for b in examples("README.md") if b["lang"] == "powershell"]
    assert blocks == ["py -m venv .venv\n.venv\\Scripts\\pip install --quiet .\n.venv\\Scripts\\studyguide build\n"]


def test_every_class_set_example_gives_a_seed():
    """A class set built without the seed of the versions already printed replaces them with other shuffles, so
    every class-set command the docs show passes --seed."""
    class_sets = [s["command"] for s in STEPS if s["kind"] == "sh" and "--class-set" in s["command"]]
    assert len(class_sets) >= 2 and all("--seed " in c for c in class_sets), class_sets


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_docs_links_lead_to_files_and_headings_that_exist():
    """Every relative link in README.md and docs/*.md names a file that exists, and a #part a heading in it."""
    checked = 0
    for doc in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            if re.match(r"\w+:", target):
                continue  # (https: and the like)
            path, _, part = target.partition("#")
            linked = (doc.parent / path).resolve() if path else doc
            assert linked.exists(), (doc.name, target)
            if part:
                heads = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), flags=re.M)
                assert part in {_slug(h) for h in heads}, (doc.name, target)
            checked += 1
    assert checked >= 20
