"""Hostile input, second round: what a command writes and when it stops.

Output names that would be one file (refused before anything is written, naming both guides),
signals at any moment of a build (every old file or every new one, nothing left behind), and
the command line's limits (jobs, pages, --seed). Each case runs in seconds; the loops interrupt
a build at every file operation it makes, in this process, with real signals.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from hostile_support import LOCATED, MAX_MB, MAX_SECONDS, TITLE, cli_inprocess, files, guide
from studyguide import api
from studyguide import files as output_files



# -- 1. outputs that would be one file ------------------------------------------------------------

CLASHES = [
    # (guide files, extra build arguments, the pairs that clash)
    (["a.yaml", "a.yml"], [], [("a.yaml", "a.yml")]),
    (["b c.yaml", "b-c.yaml"], [], [("b c.yaml", "b-c.yaml")]),
    (["a.yaml", "a-key.yaml"], [], [("a.yaml", "a-key.yaml")]),
    (["x.yaml|versions: 2\n", "x-B.yaml"], [], [("x.yaml", "x-B.yaml")]),  # x's version B, x-B's handout
    (["x.yaml", "x-B.yaml"], ["--versions", "2", "--no-key"], []),  # x-B-A.pdf... beside x-B.pdf: no clash
    (["Notes.yaml", "notes.yaml"], [], [("Notes.yaml", "notes.yaml")]),
    (["ÉTÉ.yaml", "été.yaml"], [], [("ÉTÉ.yaml", "été.yaml")]),
    (["café.yaml", "cafe\u0301.yaml"], [], [("café.yaml", "cafe\u0301.yaml")]),  # é as one or two code points
    (["x.yaml", "x-large-print.yaml"], ["--edition", "large-print"], []),  # x-large-print-large-print.pdf
    (["x.yaml|accommodations:\n  word_bank: true\n", "x-word-bank.yaml"], [], [("x.yaml", "x-word-bank.yaml")]),
    (["x.yaml", "x-class-set.yaml"], ["--class-set"], [("x.yaml", "x-class-set.yaml")]),
    (["x.yaml|versions: 1\n", "x-A-grid.yaml"], [], [("x.yaml", "x-A-grid.yaml")]),
]


@pytest.mark.parametrize("names, args, pairs", CLASHES, ids=[" ".join(c[0]) + " " + " ".join(c[1]) for c in CLASHES])
def test_outputs_that_would_be_one_file_are_refused_and_the_rest_built(tmp_path, names, args, pairs):
    folder = tmp_path / "g"
    for i, name in enumerate(names):
        name, _, extra = name.partition("|")
        guide(folder, name, title=f"Guide {i}", extra=extra)
    names = [n.partition("|")[0] for n in names]
    guide(folder, "zz-innocent.yaml", title="Innocent")
    if os.path.exists(folder / "cafe\u0301.yaml") and len([p for p in folder.iterdir()]) < len(names) + 1:
        pytest.skip("this file system folds the two spellings into one name")
    run = cli_inprocess(["build", "g", "-o", "out", *args], cwd=tmp_path, limit=MAX_SECONDS * 2)
    if not pairs:
        assert run.code == 0, run.err
        return
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    messages = [m for m in run.messages]
    clashing = {n for pair in pairs for n in pair}
    for a, b in pairs:
        (line,) = [m for m in messages if m.startswith(f"g/{a}:1: ")]
        assert f"an output of g/{b} " in line and line.endswith("neither was written: rename one of the two files")
        (line,) = [m for m in messages if m.startswith(f"g/{b}:1: ")]
        assert f"an output of g/{a} " in line
    assert all(LOCATED.match(m) for m in messages)
    assert f"{len(clashing)} of {len(names) + 1} guides failed" in run.err
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written and all(n.startswith("zz-innocent") for n in written)  # only the innocent guide
    assert "built g/zz-innocent.yaml" in run.out


def test_a_guide_may_build_alone_what_would_clash_beside_another(tmp_path):
    """Only what one command writes is compared: x-B.yaml alone, or x.yaml without versions, is fine."""
    folder = tmp_path / "g"
    guide(folder, "x.yaml"), guide(folder, "x-B.yaml")
    run = cli_inprocess(["build", "g", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x-B-key.pdf", "x-B.pdf", "x-key.pdf", "x.pdf"]


def test_clashes_are_found_across_folders_named_on_the_command_line(tmp_path):
    guide(tmp_path / "one", "unit.yaml", title="One")
    guide(tmp_path / "two", "Unit.yml", title="Two")
    run = cli_inprocess(["build", "one", "two", "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert not (tmp_path / "out").exists()
    assert [m.split(":1: ")[0] for m in run.messages] == ["one/unit.yaml", "two/Unit.yml"]


def test_one_file_named_in_several_spellings_is_built_once(tmp_path):
    """g/x.yaml, ./g/x.yaml, g/../g/x.yaml and the folder g are one guide: built once (it was refused as a
    clash with itself, or built twice)."""
    guide(tmp_path / "g", "x.yaml")
    run = cli_inprocess(["build", "g/x.yaml", "./g/x.yaml", "g/../g/x.yaml", "g", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert run.out.count("built ") == 1 and "built g/x.yaml" in run.out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x-key.pdf", "x.pdf"]


def test_clashes_are_found_with_several_jobs_too(tmp_path):
    folder = tmp_path / "g"
    for name in ("a.yaml", "a.yml", "b.yaml", "c.yaml"):
        guide(folder, name)
    run = cli_inprocess(["build", "g", "-o", "out", "-j", "2"], cwd=tmp_path, limit=30)
    assert run.code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b-key.pdf", "b.pdf", "c-key.pdf", "c.pdf"]


def test_accommodated_copies_never_take_the_standard_names(tmp_path):
    """--reduced-choices --word-bank --extra-lines 2 without an edition: their own names, x.pdf untouched."""
    path = guide(tmp_path, "x.yaml", extra=("  - type: multiple_choice\n    prompt: Pick\n"
                                            "    choices: [one, two, three, four]\n    answer: A\n"))
    assert cli_inprocess(["build", "x.yaml", "-o", "out"], cwd=tmp_path).code == 0
    standard = files(tmp_path / "out")
    run = cli_inprocess(["build", "x.yaml", "-o", "out", "--reduced-choices", "--word-bank", "--extra-lines", "2"],
                        cwd=tmp_path)
    assert run.code == 0, run.err
    now = files(tmp_path / "out")
    assert {k: now[k] for k in standard} == standard
    assert sorted(set(now) - set(standard)) == ["x-reduced-choices-word-bank-extra-lines-2-key.pdf",
                                                "x-reduced-choices-word-bank-extra-lines-2.pdf"]
    run = cli_inprocess(["build", "x.yaml", "-o", "out", "--word-bank"], cwd=tmp_path)
    assert sorted(set(files(tmp_path / "out")) - set(now)) == ["x-word-bank-key.pdf", "x-word-bank.pdf"]
    path.write_text(path.read_text() + "accommodations:\n  extra_lines: 3\n")
    run = cli_inprocess(["build", "x.yaml", "-o", "out", "--edition", "large-print"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert "out/x-large-print-extra-lines-3.pdf" in run.out


@pytest.mark.parametrize("stem", ["a", "Unit 3", "évaluation", "x" * 200, "CON", "..."])
def test_every_output_name_comes_from_one_function(tmp_path, stem):
    """A plain build, a classroom build and an export name their files by the same rule."""
    from studyguide.classroom import SetOptions, names

    path = guide(tmp_path, f"{stem}.yaml")
    g = api.load(path)
    plain = names(path, tmp_path / "out", g, SetOptions())
    assert plain["student", None].name == output_files.output_name(path)
    assert plain["key", None].name == output_files.output_name(path, "key")
    versions = names(path, tmp_path / "out", g, SetOptions(versions=2, class_set=True, edition="readable"))
    assert versions["grid", "B"].name == output_files.output_name(path, "readable", "B", "grid")
    assert versions["class-set-key", None].name == output_files.output_name(path, "readable", "class-set-key")
    assert all(len(p.name.encode()) < 200 for p in versions.values())
    assert len({output_files.name_key(p.name) for p in versions.values()}) == len(versions)


def test_exports_that_would_be_one_file_are_refused(tmp_path):
    vocab = "vocabulary:\n  - term: atom\n    definition: the smallest part of an element\n"
    for name in ("unit.yaml", "UNIT.yml", "other.yaml"):
        guide(tmp_path / "g", name, extra=vocab)
    run = cli_inprocess(["export", "g", "--to", "quizlet", "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other-quizlet.txt"]
    assert [m.split(":1: ")[0] for m in run.messages if LOCATED.match(m)] == ["g/UNIT.yml", "g/unit.yaml"]


def test_theme_previews_that_would_be_one_file_are_refused(tmp_path):
    themes = tmp_path / "guides" / "themes"
    themes.mkdir(parents=True)
    (themes / "Mine.yaml").write_text("parent: classic\n")
    (themes / "mine.yml").write_text("parent: modern\n")
    run = cli_inprocess(["themes", "--preview", "-o", "out"], cwd=tmp_path, limit=30)
    assert run.code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "theme-classic.pdf", "theme-compact.pdf", "theme-ink-saver.pdf", "theme-modern.pdf"]
    assert sorted(m.split(":1: ")[0] for m in run.messages) == ["guides/themes/Mine.yaml", "guides/themes/mine.yml"]


# -- 2. signals at any moment: every old file or every new one -------------------------------------

SET_GUIDE = TITLE + "  - type: multiple_choice\n    prompt: Pick one\n    choices: [one, two, three]\n    answer: A\nversions: 2\n"
SIGNALS = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])


def _replayed(monkeypatch):
    """Draw each PDF once: later runs of the loop get the same bytes back, so a hundred runs take seconds."""
    from studyguide import classset, grid, render

    drawn: dict = {}
    real_render, real_grid = render.render, grid.render_grid

    def render_once(g, modes, *a, **k):
        key = ("doc", g.title, g.version, tuple(modes))
        if key not in drawn:
            drawn[key] = real_render(g, modes, *a, **k)
        return drawn[key]

    def grid_once(g, *a, **k):
        key = ("grid", g.title, g.version)
        if key not in drawn:
            drawn[key] = real_grid(g, *a, **k)
        return drawn[key]

    real_collate = classset.collate

    def collate_once(name, pdfs, blank, *creator):
        key = ("set", name, tuple(hash(p) for p in pdfs))
        if key not in drawn:
            drawn[key] = real_collate(name, pdfs, blank, *creator)
        return drawn[key]

    monkeypatch.setattr(render, "render", render_once)
    monkeypatch.setattr(grid, "render_grid", grid_once)
    monkeypatch.setattr(classset, "collate", collate_once)


def _signal_at(monkeypatch, nth: int, signum: int, after: bool) -> dict:
    """Send ``signum`` to this process at the ``nth`` file operation of the build (before or after it)."""
    import tempfile

    seen = {"n": 0, "sent": False}

    def wrap(real):
        def op(*a, **k):
            seen["n"] += 1
            if seen["n"] == nth and not after:
                seen["sent"] = True
                os.kill(os.getpid(), signum)
            result = real(*a, **k)
            if seen["n"] == nth and after:
                seen["sent"] = True
                os.kill(os.getpid(), signum)
            return result
        return op

    for name in ("replace", "link", "fsync", "unlink", "chmod"):
        monkeypatch.setattr(os, name, wrap(getattr(os, name)))
    monkeypatch.setattr(tempfile, "mkstemp", wrap(tempfile.mkstemp))
    return seen


def test_a_signal_at_any_file_operation_leaves_every_old_file_or_every_new_one(tmp_path, monkeypatch):
    _replayed(monkeypatch)
    (tmp_path / "g.yaml").write_text(SET_GUIDE.format(title="New"))
    assert cli_inprocess(["build", "g.yaml", "--class-set", "-o", "new"], cwd=tmp_path).code == 0
    new = files(tmp_path / "new")
    (tmp_path / "g.yaml").write_text(SET_GUIDE.format(title="Old"))
    assert cli_inprocess(["build", "g.yaml", "--class-set", "-o", "out"], cwd=tmp_path).code == 0
    old = files(tmp_path / "out")
    assert len(old) == 8 and set(old) == set(new) and all(old[k] != new[k] for k in old)
    (tmp_path / "g.yaml").write_text(SET_GUIDE.format(title="New"))
    outcomes = {"old": 0, "new": 0}
    nth = 0
    while True:
        nth += 1
        signum, after = SIGNALS[nth % len(SIGNALS)], bool(nth % 2)
        for name, data in old.items():
            (tmp_path / "out" / name).write_bytes(data)
        with monkeypatch.context() as m:
            seen = _signal_at(m, nth, signum, after)
            run = cli_inprocess(["build", "g.yaml", "--class-set", "-o", "out"], cwd=tmp_path)
        now = files(tmp_path / "out")
        assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")], f"left behind at operation {nth}"
        assert "Traceback" not in run.err
        if not seen["sent"]:
            assert run.code == 0 and now == new
            break
        name = signal.Signals(signum).name
        assert run.code == 128 + signum, (nth, run.err)
        if now == old:
            outcomes["old"] += 1
            assert run.err.splitlines()[-1] == f"interrupted ({name}): nothing was written; the files of g.yaml are as they were"
        else:
            assert now == new, f"a mixed set after a {name} at operation {nth}"
            outcomes["new"] += 1
            assert run.err.splitlines()[-1] == f"interrupted ({name}): every new file of g.yaml was written"
            assert run.out.startswith("built g.yaml → out/g-A.pdf")
    assert nth > 40 and outcomes["old"] >= 16 and outcomes["new"] >= 16, outcomes


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_while_drawing_writes_nothing(tmp_path, monkeypatch, signum):
    from studyguide import render

    before = signal.getsignal(signal.SIGINT)  # (Python's handler; SIG_IGN in a suite a script started with '&')
    (tmp_path / "g.yaml").write_text(SET_GUIDE.format(title="Old"))
    assert cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path).code == 0
    old = files(tmp_path / "out")
    (tmp_path / "g.yaml").write_text(SET_GUIDE.format(title="New"))
    real = render.render

    def interrupted(*a, **k):
        os.kill(os.getpid(), signum)
        return real(*a, **k)

    monkeypatch.setattr(render, "render", interrupted)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 128 + signum
    assert run.err == f"interrupted ({signal.Signals(signum).name}): nothing was written; the files of g.yaml are as they were\n"
    assert files(tmp_path / "out") == old
    assert signal.getsignal(signal.SIGINT) is before  # put back as it was


def retitled(text: str, title: str) -> str:
    import re

    return re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1)


def _as_in_a_terminal() -> None:
    """The signals at their defaults in the child, as a command typed in a terminal has them: a suite started in the
    background by a script (``pytest … &``) ignores SIGINT, and a child would inherit that and never see the Ctrl+C."""
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_DFL)


def _subprocess_build(args, cwd, signum, delay=None, after=None):
    """The signal ``delay`` seconds after the command starts, or once it prints a line starting ``after``
    (as busy as the machine may be, the build is then where the test means it to be)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "studyguide", "build", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_as_in_a_terminal)
    seen = ""
    if after is None:
        time.sleep(delay)
    else:
        while not seen.endswith("\n") or not seen.splitlines()[-1].startswith(after):
            line = proc.stdout.readline()
            if not line:
                break
            seen += line
    proc.send_signal(signum)
    if after is None:
        out, err = proc.communicate(timeout=60)
    else:  # (what readline read ahead is in proc.stdout's buffer: read on through it)
        out, err = seen + proc.stdout.read(), proc.stderr.read()
        proc.wait(timeout=60)
    return proc.returncode, out, err


def test_a_real_signal_from_outside_at_several_moments(tmp_path):
    """kill, timeout and a cancelled CI job send TERM; a closed terminal HUP; Ctrl+C INT."""
    source = Path(__file__).resolve().parent.parent / "guides" / "china-foreign-police-training.yaml"
    text = source.read_text(encoding="utf-8")
    (tmp_path / "g.yaml").write_text(text, encoding="utf-8")
    args = ["g.yaml", "--versions", "2", "--class-set", "--copies", "4", "-o", "out"]
    assert cli_inprocess(["build", *args], cwd=tmp_path).code == 0
    old = files(tmp_path / "out")
    (tmp_path / "g.yaml").write_text(retitled(text, "New"), encoding="utf-8")
    seen = set()
    # from 0.9 s: before that Python itself may still be starting on a busy machine (its first tens of ms on a
    # quiet one), and a Ctrl+C then is Python's own affair (tests/test_early_signals.py: every moment after)
    for i, delay in enumerate((0.9, 1.4, 1.9)):
        signum = SIGNALS[i % len(SIGNALS)]
        code, out, err = _subprocess_build(args, tmp_path, signum, delay)
        now = files(tmp_path / "out")
        assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]
        assert "Traceback" not in err
        if code == 0:
            seen.add("finished")
            continue
        assert code == 128 + signum, err
        assert len([line for line in err.splitlines() if line.startswith("interrupted")]) == 1
        assert set(now) == set(old)
        assert now == old or all(now[k] != old[k] for k in now if not k.endswith("grid.pdf")), "a mixed set"
        seen.add("old" if now == old else "new")
        if now != old:
            old = now  # the next run replaces these
            (tmp_path / "g.yaml").write_text(retitled(text, f"New {i}"), encoding="utf-8")
    assert "old" in seen


def test_several_jobs_stop_together_each_guide_whole(tmp_path):
    source = Path(__file__).resolve().parent.parent / "guides" / "china-foreign-police-training.yaml"
    text = source.read_text(encoding="utf-8")
    for i in range(4):
        (tmp_path / "g" / f"g{i}.yaml").parent.mkdir(exist_ok=True)
        (tmp_path / "g" / f"g{i}.yaml").write_text(retitled(text, f"Guide {i}"), encoding="utf-8")
    args = ["g", "-j", "2", "-o", "out"]
    code, out, err = _subprocess_build(args, tmp_path, signal.SIGTERM, after="built ")  # once a guide is built
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    built = {line.split()[1] for line in out.splitlines() if line.startswith("built ")}
    assert built and code == (0 if len(built) == 4 else 143), err  # 0: the other three done before it came
    names = sorted(p.name for p in (tmp_path / "out").iterdir()) if (tmp_path / "out").exists() else []
    assert not [n for n in names if n.startswith(".")]
    for i in range(4):
        mine = [n for n in names if n.startswith(f"g{i}")]
        assert len(mine) in (0, 2), mine  # both files of a guide, or neither
        assert bool(mine) == (f"g/g{i}.yaml" in built)
    if code == 143:
        assert err.splitlines() == ["interrupted (SIGTERM): the guides reported built have every new file; every other "
                                    "guide's files are as they were"]


# -- 3. theme fonts whose character map would cost without bound -----------------------------------

DEJAVU = Path(__file__).resolve().parent.parent / "src" / "studyguide" / "fonts" / "DejaVuSans.ttf"
GREEDY_FONTS = {
    "whole-range": [(0, 0x0FFFFFFF, 1)],                            # 268 million characters in one group
    "two-million": [(0x20000 + i, 0x20000 + i, 1) for i in range(2_000_000)],  # one group per character
}


@pytest.fixture(scope="module")
def greedy(tmp_path_factory) -> Path:
    from hostile_support import font_with_cmap

    root = tmp_path_factory.mktemp("fonts")
    (root / "assets").mkdir()
    (root / "guides" / "themes").mkdir(parents=True)
    for name, groups in GREEDY_FONTS.items():
        font_with_cmap(DEJAVU, root / "assets" / f"{name}.ttf", groups)
        (root / "guides" / "themes" / f"{name}.yaml").write_text(f"parent: classic\nfonts:\n  regular: {name}.ttf\n")
        guide(root / "guides", f"{name}.yaml", extra=f"theme: {name}\n")
    return root


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("name", sorted(GREEDY_FONTS))
def test_a_font_claiming_too_many_characters_is_refused_fast(greedy, name, command):
    from hostile_support import cli_measured

    run = cli_measured([command, f"guides/{name}.yaml", *(["-o", "out"] if command == "build" else [])], greedy,
                       timeout=MAX_SECONDS + 10)
    print(f"{name} {command}: {run.seconds:.2f} s ({run.cpu:.2f} s of CPU), {run.max_mb:.0f} MB")
    assert run.code == 1
    assert run.messages == [
        f"guides/themes/{name}.yaml:3:12: fonts.regular: '{name}.ttf' cannot be used: its character map claims "
        "more than 200,000 characters (a real font has at most about 100,000), so loading it would take minutes "
        "and gigabytes; choose another .ttf file"]
    assert run.cpu < 2.0 and run.max_mb < 300
    assert not (greedy / "out").exists()


def test_the_character_map_count_reads_every_format():
    import struct

    from studyguide.theming import fontcheck

    assert fontcheck.claimed(DEJAVU.read_bytes()) == 22998
    # format 4 with 2,000 segments each claiming the whole 16-bit range (overlapping)
    segs = 2000
    sub = struct.pack(">HHHHHHH", 4, 0, 0, segs * 2, 0, 0, 0) + struct.pack(f">{segs}H", *[0xFFFE] * segs)
    sub += b"\0\0" + struct.pack(f">{segs}H", *[0] * segs) + b"\0" * (4 * segs)
    font = struct.pack(">IHHHH", 0x00010000, 1, 0, 0, 0) + struct.pack(">4sIII", b"cmap", 0, 28, 0)
    font += struct.pack(">HH", 0, 1) + struct.pack(">HHI", 3, 1, 12) + sub
    assert fontcheck.claimed(font) > fontcheck.MAX_CODES
    assert fontcheck.problem(font).startswith("cannot be used: its character map claims more than 200,000")
    assert fontcheck.problem(font[:40]) == "cannot be used as a TrueType font (its tables point past the end of the file)"


# -- 4. links out of the folder; files that are not guides are quoted only in short -----------------

SECRET = "root:*:19000:0:99999:7:::\nteacher:$6$NOTAREALSALT$NOTAREALHASHButLongEnoughToLookLikeOne0123456789:19000::\n"


def leaked(secret: str, text: str, size: int = 17) -> list[str]:
    """Every run of ``size`` characters of ``secret`` (on one of its lines) that ``text`` repeats."""
    return sorted({line[i:i + size] for line in secret.splitlines() for i in range(max(0, len(line) - size + 1))
                   if line[i:i + size] in text})


def _linked(tmp_path: Path, which: str) -> Path:
    """A guides folder where ``which`` (guide, defaults, theme) is a link to a secret file outside it."""
    (tmp_path / "private").mkdir()
    secret = tmp_path / "private" / "shadow"
    secret.write_text(SECRET)
    guides = tmp_path / "guides"
    guide(guides, "g.yaml", extra="theme: house\n" if which == "theme" else "")
    link = {"guide": guides / "x.yaml", "defaults": guides / "studyguide.yaml",
            "theme": guides / "themes" / "house.yaml"}[which]
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(os.path.relpath(secret, link.parent))
    return link


@pytest.mark.parametrize("command", ["build", "validate", "check", "export"])
@pytest.mark.parametrize("which", ["guide", "defaults", "theme"])
def test_a_link_out_of_the_folder_is_refused_and_never_read(tmp_path, which, command):
    link = _linked(tmp_path, which)
    args = {"build": ["-o", "out"], "export": ["--to", "quizlet", "-o", "out"]}.get(command, [])
    run = cli_inprocess([command, "guides", *args], cwd=tmp_path)
    shown = link.relative_to(tmp_path).as_posix()
    assert run.code == 1, run.err
    assert f"{shown}:1: is a link that leads outside " in run.err
    assert leaked(SECRET, run.out + run.err) == []
    assert "Traceback" not in run.err
    assert not (tmp_path / "out").exists() or which == "guide"  # g.yaml still builds beside a linked guide


def test_a_link_inside_the_folder_is_followed(tmp_path):
    guides = tmp_path / "guides"
    guide(guides, "real.yaml")
    (guides / "alias.yml").symlink_to("real.yaml")
    run = cli_inprocess(["validate", "guides/alias.yml"], cwd=tmp_path)
    assert run.code == 0, run.err


@pytest.mark.parametrize("name", sorted(p.stem for p in Path(__file__).resolve().parent.glob("cases/hostile/not-a-guide-*.yaml")))
def test_a_file_that_is_not_a_guide_is_quoted_only_in_short(tmp_path, name):
    source = Path(__file__).resolve().parent / "cases" / "hostile" / f"{name}.yaml"
    for folder, file in (("g", "x.yaml"), ("g", "studyguide.yaml"), ("g/themes", "t.yaml")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    for where in ("x.yaml", "studyguide.yaml", "themes/t.yaml"):
        if name == "not-a-guide-theme" and where == "themes/t.yaml":
            continue  # it is a good theme
        for p in (tmp_path / "g").rglob("*.yaml"):
            p.unlink()
        guide(tmp_path / "g", "ok.yaml", extra="theme: t\n" if where == "themes/t.yaml" else "")
        (tmp_path / "g" / where).write_text(text, encoding="utf-8")
        run = cli_inprocess(["validate", "g"], cwd=tmp_path)
        assert run.code == 1, (where, run.err)
        assert leaked(text, run.err) == [], where
        assert len(run.messages) <= 2, run.err  # one message for the file (and a line per guide it fails)


# -- 7. theme chains a thousand deep ---------------------------------------------------------------

@pytest.fixture(scope="module")
def deep_themes(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deep")
    themes = root / "guides" / "themes"
    themes.mkdir(parents=True)
    for i in range(1, 1001):
        (themes / f"t{i}.yaml").write_text(f"parent: t{i + 1}\n")
    (themes / "t1001.yaml").write_text("parent: classic\n")
    guide(root / "guides", "g.yaml", extra="theme: t1\n")
    return root


DEEP = ("guides/themes/t20.yaml:1:9: parent: the themes here start from one another more than 20 deep "
        "(t1 → ... → t20 → t21); let this theme start from a bundled one, such as classic")


@pytest.mark.parametrize("command", [["validate", "guides"], ["build", "guides", "-o", "out"], ["themes"]])
def test_a_thousand_themes_deep_get_a_located_message(deep_themes, command):
    run = cli_inprocess(command, cwd=deep_themes, limit=MAX_SECONDS * 3)
    assert run.code == 1, run.err
    assert "RecursionError" not in run.err and "internal error" not in run.err
    if command[0] == "themes":
        assert run.err.splitlines()[0] == ("guides/themes: holds 1,001 theme files; only the first 100 are listed "
                                           "(move the themes no guide uses elsewhere)")
        assert run.seconds < MAX_SECONDS * 2
    else:
        assert run.messages == [DEEP]
        assert run.seconds < MAX_SECONDS
    assert not (deep_themes / "out").exists()


def test_a_chain_within_the_limit_still_works(tmp_path):
    themes = tmp_path / "guides" / "themes"
    themes.mkdir(parents=True)
    for i in range(1, 19):
        (themes / f"t{i}.yaml").write_text(f"parent: t{i + 1}\n")
    (themes / "t19.yaml").write_text("parent: modern\ncolors:\n  accent: \"#8B1A1A\"\n")
    guide(tmp_path / "guides", "g.yaml", extra="theme: t1\n")
    run = cli_inprocess(["build", "guides", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err


# -- 5. unbounded work: jobs, pages, --seed ---------------------------------------------------------

def test_jobs_are_capped_by_cores_and_guides(monkeypatch):
    from studyguide import batch

    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    assert batch.jobs_for(1000, 150) == 2
    assert batch.jobs_for(None, 150) == 2
    assert batch.jobs_for(8, 1) == 1
    assert batch.jobs_for(1, 150) == 1


def test_a_thousand_jobs_start_no_more_workers_than_cores(tmp_path, monkeypatch):
    """-j 1000 on 6 guides: the pool gets as many workers as the machine has cores, at most."""
    import concurrent.futures

    from studyguide import batch

    asked = []
    real = concurrent.futures.ProcessPoolExecutor

    def recording(*a, max_workers=None, **k):
        asked.append(max_workers)
        return real(*a, max_workers=max_workers, **k)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", recording)
    for i in range(6):
        guide(tmp_path / "g", f"g{i}.yaml")
    run = cli_inprocess(["build", "g", "-j", "1000", "-o", "out"], cwd=tmp_path, limit=60)
    assert run.code == 0, run.err
    assert len(list((tmp_path / "out").iterdir())) == 12
    assert asked == [] or asked[0] <= min(batch.default_jobs(), 6)


def thousand_terms(path: Path) -> Path:
    lines = ["title: A thousand terms", "vocabulary:"]
    lines += [f"  - term: term number {i}\n    definition: the meaning of term number {i}, in a few words"
              for i in range(1000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_build_of_too_many_pages_is_refused_up_front(tmp_path):
    from hostile_support import cli_measured

    thousand_terms(tmp_path / "t.yaml")
    run = cli_measured(["build", "t.yaml", "--versions", "26", "--class-set", "--copies", "500", "-o", "out"],
                       tmp_path, timeout=MAX_SECONDS + 20)
    print(f"{run.seconds:.2f} s ({run.cpu:.2f} s of CPU), {run.max_mb:.0f} MB")
    assert run.code == 1
    (line,) = run.messages
    assert line.startswith("t.yaml:1: this build would make about ")
    assert line.endswith(" pages, a class set of 500 copies); one build makes at most 5,000: ask for fewer "
                         "versions or copies")
    pages = int(line.split("about ")[1].split(" pages")[0].replace(",", ""))
    assert pages > 5_000
    assert run.max_mb < MAX_MB and run.cpu < MAX_SECONDS  # one version drawn, not 26 and 500 copies
    assert not (tmp_path / "out").exists()


def test_the_page_estimate_counts_what_the_build_writes(tmp_path):
    """The estimate from version A equals the pages the build then reports."""
    from studyguide import classroom, render

    path = guide(tmp_path, "g.yaml", extra="versions: 3\n")
    options = classroom.SetOptions(class_set=True, copies=7)
    result = classroom.build_set(path, tmp_path / "out", None, options)
    g = api.load(path)
    docs = render.render(g, ("student", "key"), theme=api.theme_for(g))
    assert classroom.estimated_pages(docs, 3, options) == sum(o.pages for o in result.outputs)


@pytest.mark.parametrize("seed, message", [
    ("x" * 100_000, "--seed: 100,000 characters; at most 100 (a word or a number)"),
    ("42\u202e", "--seed: contains the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE); type the seed again"),
    ("4\x1b[31m2", "--seed: contains the invisible character U+001B (control character); type the seed again"),
    ("4\n2", "--seed: contains the invisible character U+000A (control character); type the seed again"),
    ("   ", "--seed: is empty (a word or a number)"),
])
def test_seed_on_the_command_line_is_checked_like_the_guides(tmp_path, seed, message):
    guide(tmp_path, "g.yaml")
    run = cli_inprocess(["build", "g.yaml", "--versions", "2", "--seed", seed, "-o", "out"], cwd=tmp_path)
    assert run.code == 2
    assert run.err == message + "\n"
    assert not (tmp_path / "out").exists()


def test_a_good_seed_still_prints_in_the_footer(tmp_path):
    guide(tmp_path, "g.yaml")
    run = cli_inprocess(["build", "g.yaml", "--versions", "2", "--seed", "Période 3 — 2026", "-o", "out"],
                        cwd=tmp_path)
    assert run.code == 0, run.err
    from hostile_support import pdf_text

    assert "Période 3 — 2026" in pdf_text(tmp_path / "out" / "g-B.pdf")


# -- 8. small ones ------------------------------------------------------------------------------------

def test_the_months_number_may_be_used_in_dates(tmp_path):
    guide(tmp_path, "g.yaml", extra=('source:\n  title: An article\n  date: "2026-03-14"\nlabels:\n'
                                     '  full_date: "{day}/{m}/{year}"\n  month_year: "{m}/{year}"\n'))
    run = cli_inprocess(["build", "g.yaml", "-o", "out", "--no-key"], cwd=tmp_path)
    assert run.code == 0, run.err
    from hostile_support import pdf_text

    assert "14/3/2026" in pdf_text(tmp_path / "out" / "g.pdf")
    guide(tmp_path, "h.yaml", extra='labels:\n  full_date: "{d}/{m}/{year}"\n')
    run = cli_inprocess(["validate", "h.yaml"], cwd=tmp_path)
    assert run.err == ("h.yaml:7:14: labels.full_date: '{d}' is not filled in here (use {day}, {m}, {month}, "
                       "{year}); for a brace itself write {{ or }}\n")


@pytest.mark.parametrize("folder, message", [
    ("/dev/null", "/dev/null: is not a folder; name a folder for the files with -o"),
    ("/proc", "/proc: new files cannot be written in this folder (No such file or directory); name another "
              "folder with -o"),
])
@pytest.mark.parametrize("command", [["build", "g.yaml"], ["export", "g.yaml", "--to", "quizlet"]])
def test_an_output_folder_that_cannot_take_files_is_named_before_any_work(tmp_path, folder, message, command):
    if not Path(folder).exists():
        pytest.skip(f"no {folder} here")
    guide(tmp_path, "g.yaml", extra="vocabulary:\n  - term: atom\n    definition: a small part\n")
    run = cli_inprocess([*command, "-o", folder], cwd=tmp_path)
    assert run.code == 2
    assert run.err == message + "\n"


def test_a_word_search_that_leaves_out_many_terms_names_ten(tmp_path):
    from studyguide import activities

    lines = ["title: Many terms", "activities: [word_search]", "vocabulary:"]
    def word(i: int) -> str:  # 960 different nine-letter words
        letters = ""
        for _ in range(4):
            i, r = divmod(i, 26)
            letters += "abcdefghijklmnopqrstuvwxyz"[r]
        return "quiz" + letters + "s"

    lines += [f"  - term: {word(i)}\n    definition: a word" for i in range(960)]
    (tmp_path / "g.yaml").write_text("\n".join(lines) + "\n")
    found = activities.warnings(api.load(tmp_path / "g.yaml"))
    line, room = [str(w) for w in found if "left out" in str(w)]
    left = int(line.split("word search: ")[1].split(" terms")[0])
    assert left == 920 and "(a word search holds at most 40 terms)" in line  # each reason told apart
    assert "word search: 9 terms left out (no room left in the grid" in room
    assert line.count("'") == 2 * activities.MAX_LISTED
    assert line.endswith(f" and {left - activities.MAX_LISTED} more")
    assert len(line) < 700


# -- 6. text at its documented limits: the margins hold it, or the text to shorten is named ------------

LONG = " ".join(["Photosynthesis"] * 21)[:299]


OTHER = " ".join(["Lincoln High School"] * 16)[:299]


@pytest.mark.parametrize("extra, line, start", [
    (f'header: "{OTHER}"\n', "g.yaml:6:9: header: takes 3 lines at the top of each letter page", "header"),
])
def test_text_at_its_limits_that_would_overprint_is_named(tmp_path, extra, line, start):
    (tmp_path / "g.yaml").write_text(f'title: "{LONG}"\n' + TITLE.format(title="x").split("\n", 1)[1] + extra)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1, run.err
    (message,) = run.messages
    assert message.startswith(line), message
    assert "would print over" in message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("extra", [f'footer: "{OTHER}"\n', f'labels:\n  page: "{OTHER[:285]} {{n}} {{total}}"\n'])
def test_a_footer_at_its_limit_cuts_the_title_to_stay_in_its_margin(tmp_path, extra):
    """A 299-character title and footer (or page label): the title is cut with "…" until the footer fits the
    bottom margin (here over four short lines), so nothing prints over the text and the guide still builds."""
    (tmp_path / "g.yaml").write_text(f'title: "{LONG}"\n' + TITLE.format(title="x").split("\n", 1)[1] + extra)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    theme = api.theme_for(api.load(tmp_path / "g.yaml"))
    for name in ("g.pdf", "g-key.pdf"):
        page = pypdfium2.PdfDocument(str(tmp_path / "out" / name))[0]
        text = page.get_textpage()
        boxes = [text.get_charbox(k) for k in range(text.count_chars()) if text.get_text_range(k, 1).strip()]
        low = [box for box in boxes if box[3] < theme.margin_bottom + 20]  # the footer's characters
        assert low and max(top for *_, top in low) <= theme.margin_bottom and min(b for _, b, _, _ in low) >= 8
        said = text.get_text_range()
        assert "Photosynthesis…" in said and "Lincoln High School" in said


def test_a_long_title_that_the_margin_holds_still_builds(tmp_path):
    (tmp_path / "g.yaml").write_text(f'title: "{LONG}"\nfooter: Unit 3\n' + TITLE.format(title="x").split("\n", 1)[1])
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    # large print: the footer with the title would take lines the margin lacks; it prints the title cut at
    # a word with an ellipsis, on one line, as it does whenever its footer would wrap (the margin check
    # measures the footer without the title, the shortest it can be)
    run = cli_inprocess(["build", "g.yaml", "-o", "out", "--edition", "large-print"], cwd=tmp_path)
    assert run.code == 0, run.err
    for name in ("g-large-print.pdf", "g-large-print-key.pdf"):
        reader = pypdf.PdfReader(tmp_path / "out" / name)
        total = len(reader.pages)
        for n, page in enumerate(reader.pages, 1):
            tail = " ".join(page.extract_text().split())[-60:]
            footer = "Photosynthesis… · " + ("Answer Key · " if "key" in name else "") + f"Page {n} of {total}"
            assert tail.endswith(footer) and "Unit 3 · Photosynthesis" in tail, tail
