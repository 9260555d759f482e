"""The editor bundle of `studyguide edit`: the committed codemirror.js, its licences, and
the completion logic inside it (tested with Node's own runner where node is installed).

The bundle is built from editor-src/ by editor-src/build.sh (docs/editor-bundle.md)."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from studyguide.reading.editor_schema import guide_schema

ROOT = Path(__file__).resolve().parent.parent
EDITOR_SRC = ROOT / "editor-src"
STATIC = ROOT / "src" / "studyguide" / "editor" / "static"
BUNDLE = STATIC / "codemirror.js"
LICENCES = STATIC / "THIRD-PARTY-LICENSES.txt"
LOCK = EDITOR_SRC / "package-lock.json"


def _node_major():
    node = shutil.which("node")
    if node is None:
        return None
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout
    match = re.match(r"v(\d+)", out.strip())
    return int(match.group(1)) if match else None


@pytest.mark.node
def test_completion_and_position_logic_under_node(tmp_path):
    major = _node_major()
    if major is None:
        pytest.skip("node is not installed: the editor's JS tests (editor-src/test/) need Node 18 or later")
    if major < 18:
        pytest.skip(f"node {major} is too old for `node --test` (Node 18 or later)")
    schema = tmp_path / "schema.json"  # the schema of the moment, not the fixture's copy
    schema.write_text(json.dumps(guide_schema()), encoding="utf-8")
    run = subprocess.run(
        ["node", "--test", "test/"], cwd=EDITOR_SRC, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "STUDYGUIDE_SCHEMA": str(schema)},
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"^# fail 0$", run.stdout, re.M), run.stdout[-2000:]
    passed = int(re.search(r"^# pass (\d+)$", run.stdout, re.M).group(1))
    assert passed >= 25, run.stdout[-2000:]


def test_the_bundle_is_committed_minified_and_defines_the_editor():
    text = BUNDLE.read_text(encoding="ascii")  # esbuild writes it with charset=ascii
    assert text.startswith("/* studyguide editor bundle:")
    assert "THIRD-PARTY-LICENSES.txt" in text.splitlines()[0]
    assert "globalThis.StudyguideEditor=" in text.replace(" ", "")
    assert "sourceMappingURL" not in text
    # one minified IIFE: a banner line, the code, nothing from the build machine
    lines = text.splitlines()
    assert len(lines) < 40, len(lines)
    assert lines[1].startswith("(()=>{"), lines[1][:40]
    assert "/work/" not in text and "node_modules" not in text
    assert 200_000 < len(text.encode()) < 700_000, len(text.encode())


def _lock_runtime_packages():
    lock = json.loads(LOCK.read_text(encoding="utf-8"))
    return {
        path[len("node_modules/"):]: meta["version"]
        for path, meta in lock["packages"].items()
        if path.startswith("node_modules/") and not meta.get("dev")
    }


def test_the_licences_account_for_every_runtime_package_of_the_lock():
    text = LICENCES.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nInstalled with them but with no code in the bundle")
    bundled = dict(re.findall(r"^- (\S+) (\S+) \(", head, re.M))
    unused = dict(re.findall(r"^- (\S+) (\S+)$", rest.split("\n=====", 1)[0], re.M))
    runtime = _lock_runtime_packages()
    assert {**bundled, **unused} == runtime, "rebuild with editor-src/build.sh after changing the lock"
    assert not set(bundled) & set(unused)
    for name in ["codemirror", "@codemirror/view", "@codemirror/lang-yaml", "@codemirror/lint", "@lezer/yaml"]:
        assert name in bundled, name
    # each bundled package's licence text follows under its own heading
    for name, version in bundled.items():
        section = re.search(rf"^{re.escape(name)} {re.escape(version)}\nLicense: (\S+)\n\n(.+?)(?=\n=====|\Z)", text, re.M | re.S)
        assert section, name
        assert len(section.group(2)) > 200, name
        if section.group(1) == "MIT":
            assert "Permission is hereby granted, free of charge" in section.group(2), name


def test_the_editor_packages_are_pinned_exactly():
    package = json.loads((EDITOR_SRC / "package.json").read_text(encoding="utf-8"))
    lock = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]
    for group in ("dependencies", "devDependencies"):
        for name, version in package[group].items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: {version} is a range"
            assert lock[f"node_modules/{name}"]["version"] == version, name


# -- the editor's YAML path at the cursor, against PyYAML on the guides and test cases -------------

def _yaml_cases(text):
    """For each key whose value is not a block scalar: the text with that key's line cut just
    after 'key:' (as while typing its value), the cursor there, the key's path and its siblings."""
    import yaml

    cases = []
    seen = set()

    def walk(node, path):
        if id(node) in seen:  # an alias: its anchor's node again (the alias bomb has billions)
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode) and node.flow_style:
            return  # { left: a, right: b }: the editor offers keys in block mappings, as guides are written
        if isinstance(node, yaml.MappingNode):
            keys = [k.value for k, _ in node.value]
            for n, (key, value) in enumerate(node.value):
                here = path + [key.value]
                others = keys[:n] + keys[n + 1:]
                block = isinstance(value, yaml.ScalarNode) and value.style in ("|", ">")
                if key.start_mark.line != value.start_mark.line or not block:
                    colon = text.index(":", key.end_mark.index)
                    line_end = text.find("\n", colon)
                    line_end = len(text) if line_end < 0 else line_end
                    plain_key = key.style is None and key.end_mark.line == key.start_mark.line
                    same_line_value = value.start_mark.line == key.start_mark.line
                    one_line = same_line_value and value.end_mark.line == key.start_mark.line
                    if plain_key and not block and (one_line or colon + 1 == line_end):
                        cases.append({"text": text[:colon + 1] + text[line_end:], "offset": colon + 1,
                                      "path": here, "siblings": sorted(set(others))})
                walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + [i])

    walk(yaml.compose(text), [])
    return cases


@pytest.mark.node
def test_the_path_at_the_cursor_agrees_with_pyyaml_on_every_guide_and_test_case():
    if (_node_major() or 0) < 18:
        pytest.skip("node 18 or later is not installed")
    import yaml

    cases = []
    files = sorted((ROOT / "guides").glob("*.yaml")) + sorted((ROOT / "tests").glob("**/*.yaml"))
    for guide in files:
        try:
            found = _yaml_cases(guide.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError):
            continue  # the cases of broken or hostile YAML
        # (offsets in UTF-16 units, as JavaScript and the editor count them: the music guide's 𝄞 is two)
        cases += [{**case, "offset": len(case["text"][:case["offset"]].encode("utf-16-le")) // 2,
                   "guide": str(guide.relative_to(ROOT))} for case in found]
    assert len(cases) > 1000
    script = (
        f"import {{ contextAt }} from {json.dumps((EDITOR_SRC / 'src' / 'yamlpath.js').as_uri())};\n"
        "let input = ''; process.stdin.on('data', (d) => { input += d; });\n"
        "process.stdin.on('end', () => { const out = JSON.parse(input).map((c) => {\n"
        "  const ctx = contextAt(c.text, c.offset);\n"
        "  return ctx && { kind: ctx.kind, path: ctx.path, siblings: Object.keys(ctx.mappings[ctx.path.length - 1]).sort() };\n"
        "}); process.stdout.write(JSON.stringify(out)); });\n"
    )
    run = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(cases),
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    wrong = [(c["guide"], c["path"], got) for c, got in zip(cases, json.loads(run.stdout))
             if got != {"kind": "value", "path": c["path"], "siblings": c["siblings"]}]
    assert wrong == [], f"{len(wrong)} of {len(cases)}: {wrong[:5]}"
