"""One-off proof for a refactor: every output file, byte for byte, before and after.

Builds, in one process and with fixed seeds, every bundled guide and a set of generated guides
that between them use every feature: versions and class sets, the large-print and readable
editions, accommodations, all six activities, the four bundled themes and a guide's own theme,
six languages, branding (school, logo, header, footer), letter and A4, answer grids, theme
previews and the four export formats. It also keeps what the commands print (validate, list,
check, schema, themes, and the messages of every bad guide in tests/cases/), since a refactor
of the command line must not change those either. Then it hashes each file.

    python bench/prove_identical.py --save /tmp/before.json     # on the commit before the refactor
    python bench/prove_identical.py --compare /tmp/before.json  # after each step: exit 1 on any difference

It runs the installed ``studyguide`` (the project's own checkout, ``pip install -e .``) through its
command-line entry point, so it needs nothing from the modules it checks, whatever they are named.
Takes about a minute. Not a test: golden files would change with every print-design change.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py: the seeded guide generator)

LANGUAGES = ("en", "es", "fr", "de", "pt-BR", "zh")
THEMES = ("classic", "modern", "ink-saver", "compact", "themes/mine.yaml")
ACTIVITIES = ["matching", "cloze", "flashcards", "flashcards_duplex", "word_search", "crossword"]

OWN_THEME = """\
parent: modern
description: A guide's own theme, to prove that theme files are found, merged and checked the same way
page:
  margin_x: 0.8in
colors:
  accent: "#7A1F3D"
"""

BAD_THEME = """\
parent: classic
description: a theme with a mistake, for the themes listing
page:
  margin: 1in
"""


def feature_guide(units: int, seed: int, language: str, theme: str, paper: str) -> dict:
    """A generated guide with every optional part switched on."""
    data = generate.guide(units, seed)
    data.update({
        "language": language,
        "paper": paper,
        "theme": theme,
        "school": "Lincoln High School",
        "course": "World History",
        "teacher": "Ms. Rivera",
        "logo": "carbon-cycle.png",
        "header": "Unit 4 · Global Governance",
        "footer": "Room 214",
        "activities": ACTIVITIES,
        "source": {"title": "A reading", "publisher": "The Daily", "date": "2026-03-14",
                   "url": "https://example.org/reading"},
    })
    data["labels"] = {"period": "Class"}
    data["topics"][0]["image"] = "carbon-cycle.png"
    if language == "zh":
        data["summary"] = data["summary"] + "\n\n中国的计划 · 软实力"
    return data


def run(argv: list[str], record: dict, name: str, cwd: Path) -> None:
    """Run one studyguide command in this process; keep its exit status and what it printed."""
    from studyguide.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    record[name] = {"argv": argv, "exit": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def make_workspace(work: Path) -> None:
    shutil.copytree(ROOT / "guides", work / "guides")
    shutil.copytree(ROOT / "assets", work / "assets")
    feat = work / "features"
    (feat / "themes").mkdir(parents=True)
    (feat / "themes" / "mine.yaml").write_text(OWN_THEME, encoding="utf-8")
    shutil.copy(ROOT / "assets" / "carbon-cycle.png", feat / "carbon-cycle.png")
    for i, language in enumerate(LANGUAGES):
        theme = THEMES[i % len(THEMES)]
        paper = "a4" if i % 2 else "letter"
        data = feature_guide(3, i + 1, language, theme, paper)
        (feat / f"lang-{language}.yaml").write_text(generate.dump(data), encoding="utf-8")
    # one guide that asks for versions and accommodations itself, under a folder defaults file
    shared = work / "shared"
    shared.mkdir()
    shutil.copy(ROOT / "assets" / "carbon-cycle.png", shared / "crest.png")
    (shared / "studyguide.yaml").write_text(
        "school: Lincoln High School\nlogo: crest.png\npaper: a4\ntheme: compact\nlabels:\n  period: Class\n"
        "accommodations:\n  extra_lines: 1\n", encoding="utf-8")
    data = feature_guide(4, 7, "fr", "ink-saver", "a4")
    for key in ("school", "logo", "paper", "theme", "labels"):
        data.pop(key)
    data.update({"versions": 2, "seed": "spring", "accommodations": {"word_bank": True}})
    (shared / "inherits.yaml").write_text(generate.dump(data), encoding="utf-8")
    bad = work / "bad"
    (bad / "themes").mkdir(parents=True)
    (bad / "themes" / "broken.yaml").write_text(BAD_THEME, encoding="utf-8")


def commands(work: Path) -> list[tuple[str, list[str]]]:
    feat = sorted(str(p.relative_to(work)) for p in (work / "features").glob("*.yaml"))
    cmds = [
        ("build-bundled", ["build", "-j", "1", "-o", "out/bundled"]),
        ("build-bundled-a4-nokey", ["build", "-j", "1", "--paper", "a4", "--no-key", "-o", "out/bundled-a4"]),
        ("build-features", ["build", "-j", "1", *feat, "-o", "out/features"]),
        ("build-shared", ["build", "-j", "1", "shared", "-o", "out/shared"]),
        ("build-classset", ["build", "-j", "1", "features/lang-en.yaml", "--versions", "3", "--seed", "42",
                            "--class-set", "--copies", "5", "-o", "out/classset"]),
        ("build-large-print", ["build", "-j", "1", "features/lang-es.yaml", "--edition", "large-print",
                               "--versions", "2", "--seed", "7", "-o", "out/large"]),
        ("build-readable", ["build", "-j", "1", "features/lang-de.yaml", "--edition", "readable",
                            "--reduced-choices", "--word-bank", "--extra-lines", "2", "-o", "out/readable"]),
        ("build-bundled-large", ["build", "-j", "1", "guides", "--edition", "large-print", "-o", "out/bundled-large"]),
        ("build-bundled-readable", ["build", "-j", "1", "guides", "--edition", "readable", "-o", "out/bundled-readable"]),
        ("build-activities-flag", ["build", "-j", "1", "guides", "--activities", "word search, Cloze,none",
                                   "-o", "out/activities"]),
        ("build-bad-activity", ["build", "guides", "--activities", "matchin", "-o", "out/never"]),
    ]
    for theme in ("classic", "modern", "INK-SAVER", "compact", "features/themes/mine.yaml"):
        cmds.append((f"build-theme-{theme}", ["build", "-j", "1", "features/lang-pt-BR.yaml", "--theme", theme,
                                              "-o", f"out/theme-{Path(theme).stem.lower()}"]))
    for fmt in ("quizlet", "anki", "moodle", "qti"):
        cmds.append((f"export-{fmt}", ["export", "guides", *feat, "--to", fmt, "-o", f"out/export-{fmt}"]))
    cmds += [
        ("export-apkg", ["export", "features/lang-en.yaml", "--to", "anki", "--apkg", "-o", "out/export-apkg"]),
        ("export-apkg-wrong", ["export", "guides", "--to", "qti", "--apkg", "-o", "out/never"]),
        ("validate", ["validate"]),
        ("validate-features", ["validate", "features", "shared"]),
        ("validate-defaults", ["validate", "shared/studyguide.yaml"]),
        ("list", ["list"]),
        ("list-features", ["list", "features"]),
        ("check", ["check", "guides", *feat]),
        ("check-strict", ["check", "--strict", "guides"]),
        ("schema", ["schema"]),
        ("themes", ["themes"]),
        ("themes-own", ["themes", "--guides", "features"]),
        ("themes-broken", ["themes", "--guides", "bad"]),
        ("themes-preview", ["themes", "--preview", "--guides", "features", "features/lang-en.yaml",
                            "-o", "out/previews"]),
        ("no-guides", ["build", "bad/themes/none", "-o", "out/never"]),
        ("empty-folder", ["validate", "assets"]),
        ("missing-path", ["build", "nowhere", "-o", "out/never"]),
        ("defaults-as-guide", ["build", "shared/studyguide.yaml", "-o", "out/never"]),
    ]
    for folder in ("errors", "hostile"):
        for case in sorted((ROOT / "tests" / "cases" / folder).glob("*.yaml")):
            cmds.append((f"{folder}-{case.stem}", ["validate", str(case)]))
    return cmds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--save", help="write the hashes to this JSON file")
    ap.add_argument("--compare", help="compare with the hashes in this JSON file; exit 1 on any difference")
    ap.add_argument("--keep", help="keep the workspace (guides and outputs) in this folder")
    args = ap.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sg-prove-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        make_workspace(work)
        printed: dict = {}
        for name, cmd in commands(work):
            run(cmd, printed, name, work)
        hashes = {str(p.relative_to(work)): hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in sorted((work / "out").rglob("*")) if p.is_file()}
        printed = {k: {**v, "stdout": v["stdout"].replace(str(work), "WORK"),
                       "stderr": v["stderr"].replace(str(work), "WORK")} for k, v in printed.items()}
        result = {"files": hashes, "printed": printed}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    pdfs = sum(1 for k in hashes if k.endswith(".pdf"))
    print(f"{len(hashes)} files ({pdfs} PDFs), {len(printed)} commands")
    if args.save:
        Path(args.save).write_text(json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"saved {args.save}")
    if args.compare:
        before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        differ = 0
        for kind in ("files", "printed"):
            old, new = before[kind], result[kind]
            for key in sorted(set(old) | set(new)):
                if old.get(key) != new.get(key):
                    differ += 1
                    if kind == "printed" and key in old and key in new:
                        for part in ("exit", "stdout", "stderr"):
                            if old[key][part] != new[key][part]:
                                print(f"DIFFERS {kind} {key} {part}:\n  before: {old[key][part]!r}\n  after:  {new[key][part]!r}")
                    else:
                        print(f"DIFFERS {kind} {key}: {'missing' if key not in new else 'new' if key not in old else 'bytes'}")
        print("identical" if not differ else f"{differ} differences")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
