"""A guide's files go in together: every edition, version and key of one guide, or none of them.

`build --edition standard --edition large-print` draws both editions before it writes either, so a
signal (Ctrl+C, a closed terminal, a cancelled job) or a problem found only in the later edition
leaves every old file as it was, and the message says so; the editor refuses what build would
refuse; `import` and `new --reading` refuse a FIFO the way build does.
"""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from hostile_support import cli_inprocess

GUIDE = ("title: {title}\nquestions:\n  - type: multiple_choice\n    prompt: Pick one of {title}\n"
         "    choices: [one, two, three]\n    answer: A\n")
EDITIONS = ["--versions", "2", "--class-set", "--edition", "standard", "--edition", "large-print"]
SIGNALS = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def old_set(tmp_path: Path, args: list[str], name: str = "g.yaml", extra: str = "") -> dict[str, bytes]:
    """Build the guide titled Old into out/, then retitle it New; the old files."""
    (tmp_path / name).write_text(GUIDE.format(title="Old") + extra, encoding="utf-8")
    run = cli_inprocess(["build", name, *args, "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    (tmp_path / name).write_text(GUIDE.format(title="New") + extra, encoding="utf-8")
    return files(tmp_path / "out")


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_while_the_second_edition_is_drawn_leaves_every_old_file(tmp_path, monkeypatch, signum):
    from studyguide import render

    old = old_set(tmp_path, EDITIONS)
    assert len(old) == 16 and any("large-print" in n for n in old)  # 2 editions × (2 × handout, key, grid + 2 sets)
    real, calls = render.render, []

    def render_then_signal(g, modes, *a, **k):
        calls.append(g.version)
        if len(calls) == 3:  # the standard edition's two versions are drawn: the large print's first
            os.kill(os.getpid(), signum)
        return real(g, modes, *a, **k)

    monkeypatch.setattr(render, "render", render_then_signal)
    run = cli_inprocess(["build", "g.yaml", *EDITIONS, "-o", "out"], cwd=tmp_path)
    assert len(calls) == 3
    assert run.code == 128 + signum
    assert run.err == (f"interrupted ({signal.Signals(signum).name}): nothing was written; "
                       "the files of g.yaml are as they were\n")
    assert files(tmp_path / "out") == old
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]


def test_a_signal_after_the_set_is_written_says_every_file_was(tmp_path, monkeypatch):
    from studyguide import batch

    (tmp_path / "g.yaml").write_text(GUIDE.format(title="New"), encoding="utf-8")
    assert cli_inprocess(["build", "g.yaml", *EDITIONS, "-o", "new"], cwd=tmp_path).code == 0
    new = files(tmp_path / "new")
    old_set(tmp_path, EDITIONS)
    real, writes = batch.write_all, []

    def write_then_signal(targets, folder, then):
        writes.append(len(targets))
        real(targets, folder, then)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(batch, "write_all", write_then_signal)
    run = cli_inprocess(["build", "g.yaml", *EDITIONS, "-o", "out"], cwd=tmp_path)
    assert writes == [16]  # one write for both editions
    assert run.code == 128 + signal.SIGTERM
    assert run.err.splitlines()[-1] == "interrupted (SIGTERM): every new file of g.yaml was written"
    assert files(tmp_path / "out") == new


LONG_HEADER = "header: " + " ".join(["Lincoln High School Department of Environmental Science"] * 2) + "\n"


def test_a_problem_only_the_large_print_has_writes_none_of_the_guides_files(tmp_path):
    old = old_set(tmp_path, ["--edition", "standard"], extra=LONG_HEADER)
    assert len(old) == 2
    run = cli_inprocess(["build", "g.yaml", "--edition", "standard", "--edition", "large-print", "-o", "out"],
                        cwd=tmp_path)
    assert run.code == 1
    assert "g.yaml:" in run.err and "header:" in run.err
    assert "(in the large-print edition)" in run.err
    assert "standard edition" not in run.err
    assert "built g.yaml" not in run.out and "out/g.pdf" not in run.out
    assert files(tmp_path / "out") == old


def test_several_guides_each_whole_with_two_jobs(tmp_path):
    """Three guides on two workers, a real SIGINT to the command at several moments: each guide's set
    is all new (and reported built) or all old, never one edition new and the other old."""
    import subprocess
    import sys
    import time

    names = ("g1.yaml", "g2.yaml", "g3.yaml")
    args = [sys.executable, "-m", "studyguide", "build", *names, "-j", "2", "--class-set", "--copies", "12",
            "--edition", "standard", "--edition", "large-print", "-o"]
    built = {}
    for title in ("New", "Old"):
        for name in names:
            (tmp_path / name).write_text(GUIDE.format(title=title) + "versions: 3\n", encoding="utf-8")
        assert subprocess.run(args + [title], cwd=tmp_path, capture_output=True).returncode == 0
        built[title] = files(tmp_path / title)
    old, new = built["Old"], built["New"]
    assert len(old) == 3 * 2 * 11 and set(old) == set(new)
    for name in names:
        (tmp_path / name).write_text(GUIDE.format(title="New") + "versions: 3\n", encoding="utf-8")
    for delay in (0.8, 1.4, 2.0, 2.6):
        for name, data in old.items():
            (tmp_path / "Old" / name).write_bytes(data)
        proc = subprocess.Popen(args + ["Old"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        now = files(tmp_path / "Old")
        assert "Traceback" not in err
        for stem in ("g1", "g2", "g3"):
            mine = sorted(n for n in old if n.startswith(stem + "-"))
            state = {"old" if now[n] == old[n] else "new" if now[n] == new[n] else "other" for n in mine}
            assert state in ({"old"}, {"new"}), (delay, stem, state, err)
            assert (f"built {stem}.yaml" in out) == (state == {"new"}), (delay, stem, out, err)
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]
