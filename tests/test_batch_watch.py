"""Many guides at once (--jobs), and the live rebuild (watch)."""
from __future__ import annotations

import os
from pathlib import Path

from conftest import norm, Pdf, run_cli, write_guide

from studyguide.watch import Watcher

GOOD = """
    title: Guide {n}
    vocabulary:
      - term: term {n}
        definition: meaning {n}
    questions:
      - type: true_false
        prompt: Statement {n} is true.
        answer: true
    """


def _folder(tmp_path: Path, count: int, broken: int | None = None) -> Path:
    folder = tmp_path / "guides"
    for n in range(count):
        text = GOOD.format(n=n) if n != broken else "title: [unclosed\n"
        write_guide(folder, f"g{n:02d}.yaml", text)
    return folder


def test_parallel_build_prints_and_writes_what_one_job_does(tmp_path):
    folder = _folder(tmp_path, 5, broken=2)
    one = run_cli("build", "-j", "1", str(folder), "-o", str(tmp_path / "one"), cwd=tmp_path)
    two = run_cli("build", "-j", "2", str(folder), "-o", str(tmp_path / "two"), cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert two.stdout.replace("/two/", "/one/") == one.stdout
    assert two.stderr == one.stderr
    assert "guides/g02.yaml:1:8:" in two.stderr and two.stderr.endswith("1 of 5 guides failed\n")
    made = sorted(p.name for p in (tmp_path / "two").iterdir())
    assert made == sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(made) == 8  # four guides, handout and key each
    for name in made:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_no_progress_bar_when_output_is_not_a_terminal(tmp_path):
    folder = _folder(tmp_path, 3)
    proc = run_cli("build", str(folder), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 0
    assert "\r" not in proc.stderr + proc.stdout and "#" not in proc.stderr
    assert len(proc.stdout.splitlines()) == 3


def _save_by_rename(path: Path, text: str) -> None:
    """What many editors do: write a new file beside it, then rename it over the old one."""
    tmp = path.with_name(path.name + ".swp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_watch_rebuilds_on_save_reports_errors_and_goes_on(tmp_path):
    guide = write_guide(tmp_path, "live.yaml", GOOD.format(n=1))
    out = tmp_path / "out"
    lines: list[tuple[str, bool]] = []
    watcher = Watcher([guide], out, report=lambda line, err: lines.append((line, err)))

    assert watcher.tick() == 1  # the first look builds everything
    assert "Statement 1 is true." in norm(Pdf(out / "live.pdf").text)
    assert watcher.tick() == 0  # nothing changed, nothing built

    _save_by_rename(guide, GOOD.format(n=2))
    assert watcher.tick() == 1
    assert "Statement 2 is true." in norm(Pdf(out / "live.pdf").text)
    assert "Statement 2 is true." in norm(Pdf(out / "live-key.pdf").text)
    assert lines[-1][0].startswith(f"rebuilt {guide} → ") and not lines[-1][1]

    before = (out / "live.pdf").read_bytes()
    guide.write_text("title: T\nquestions: 7\n", encoding="utf-8")  # a broken save, in place
    assert watcher.tick() == 1
    errors = [line for line, err in lines if err]
    assert errors[-2] == f"{guide}:2:12: questions: expected a list of items, found the text '7' (start each item on its own line with '- ')"
    assert errors[-1] == f"failed: {guide} (waiting for the next save)"
    assert (out / "live.pdf").read_bytes() == before  # the last good PDF stays

    _save_by_rename(guide, GOOD.format(n=3))
    assert watcher.tick() == 1
    assert "Statement 3 is true." in norm(Pdf(out / "live.pdf").text)


def test_watch_waits_while_a_save_by_rename_is_half_done(tmp_path):
    guide = write_guide(tmp_path, "live.yaml", GOOD.format(n=1))
    watcher = Watcher([guide], tmp_path / "out", report=lambda line, err: None)
    watcher.tick()
    guide.unlink()  # the editor removed the old file and has not yet renamed the new one in
    assert watcher.tick() == 0
    _save_by_rename(guide, GOOD.format(n=4))
    assert watcher.tick() == 1
    assert "Statement 4 is true." in norm(Pdf(tmp_path / "out" / "live.pdf").text)


def test_watch_notices_a_changed_image(tmp_path):
    from PIL import Image

    Image.new("L", (40, 20), 255).save(tmp_path / "pic.png")
    guide = write_guide(tmp_path, "pic.yaml", """
        title: Picture
        topics:
          - title: A picture
            image: pic.png
        """)
    watcher = Watcher([guide], tmp_path / "out", report=lambda line, err: None)
    watcher.tick()
    Image.new("L", (40, 20), 0).save(tmp_path / "pic.png")
    os.utime(tmp_path / "pic.png", ns=(1, 1))  # a changed signature, whatever the clock's resolution
    assert watcher.tick() == 1
