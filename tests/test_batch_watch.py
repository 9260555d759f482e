"""Many guides at once (--jobs), and the live rebuild (watch)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO, copy_repo_layout, norm, Pdf, run_cli, write_guide

from studyguide import api
from studyguide.watch.watcher import Watcher

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
    with Watcher([guide], out, report=lambda line, err: lines.append((line, err))) as watcher:
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
    with Watcher([guide], tmp_path / "out", report=lambda line, err: None) as watcher:
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
    with Watcher([guide], tmp_path / "out", report=lambda line, err: None) as watcher:
        watcher.tick()
        Image.new("L", (40, 20), 0).save(tmp_path / "pic.png")
        os.utime(tmp_path / "pic.png", ns=(1, 1))  # a changed signature, whatever the clock's resolution
        assert watcher.tick() == 1


def test_watch_rebuilds_when_the_defaults_file_or_the_theme_changes(tmp_path):
    """What a guide inherits is watched too: the folder's studyguide.yaml (even one written later),
    the teacher's theme file, its logo; a broken defaults file is reported, and its fix rebuilds."""
    guide = write_guide(tmp_path, "g.yaml", GOOD.format(n=1))
    lines = []
    with Watcher([guide], tmp_path / "out", report=lambda line, err: lines.append(line)) as watcher:
        assert watcher.tick() == 1 and watcher.tick() == 0
        (tmp_path / "studyguide.yaml").write_text("school: Lincoln\ntheme: mine\n", encoding="utf-8")
        assert watcher.tick() == 1  # the defaults file appeared; its theme does not exist yet
        assert any("no theme named 'mine'" in line for line in lines)
        write_guide(tmp_path / "themes", "mine.yaml", "parent: compact\n")
        os.utime(tmp_path / "studyguide.yaml", ns=(2, 2))
        assert watcher.tick() == 1
        assert "Lincoln" in Pdf(tmp_path / "out" / "g.pdf").text
        assert watcher.tick() == 0
        (tmp_path / "themes" / "mine.yaml").write_text("parent: modern\n", encoding="utf-8")
        os.utime(tmp_path / "themes" / "mine.yaml", ns=(3, 3))
        assert watcher.tick() == 1
    built = api.build(guide, tmp_path / "again")
    assert (tmp_path / "out" / "g.pdf").read_bytes() == built.outputs[0].path.read_bytes()


# --------------------------------------------------------------------------- watch: as quick as it can be, same bytes
def _bench_guide(folder: Path) -> Path:
    """The benchmark's 4-unit guide (bench/generate.py, seed 1)."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    return generate.write(folder / "bench4.yaml", 4)


def _edited(text: str, n: int) -> str:
    """One word added to the n-th question prompt (what bench/run.py's watch figure does between saves)."""
    lines = text.split("\n")
    at = [i for i, line in enumerate(lines) if line.lstrip().startswith("prompt: ") and
          line.partition("prompt: ")[2][:1].isalpha()][n]  # a plain one-line prompt
    head, _, rest = lines[at].partition("prompt: ")
    first, _, tail = rest.partition(" ")
    lines[at] = f"{head}prompt: {first} revised {tail}"
    return "\n".join(lines)


def test_watch_writes_the_bytes_build_writes(tmp_path, builds):
    """The paragraph cache and the compression cache change how fast, never what:
    every rebuild's handout and key are byte for byte what `build` makes of the same file (for the bundled
    guides as they are, the session's build of them: conftest.builds)."""
    folder = copy_repo_layout(tmp_path) / "guides"  # guides/ with assets/ beside it, for the pictures
    guides = api.find_guides([folder]) + [_bench_guide(folder)]
    made: dict[tuple[int, str], bytes] = {}
    texts: dict[tuple[int, Path], str] = {}
    lines: list[tuple[str, bool]] = []
    with Watcher([folder], tmp_path / "out", report=lambda line, err: lines.append((line, err)),
                 cache=True) as watcher:
        for n in (0, 1, 2):  # the first build, then two saves: unchanged paragraphs now come from the cache
            for g in guides:
                texts[n, g] = g.read_text(encoding="utf-8") if n == 0 else _edited(texts[0, g], n)
                _save_by_rename(g, texts[n, g])
            assert watcher.tick() == len(guides)
            made.update({(n, p.name): p.read_bytes() for p in (tmp_path / "out").iterdir()})
    assert not [line for line, err in lines if err], lines

    from reportlab.platypus.paragraph import Paragraph

    from studyguide.watch import cache as warmcache

    assert not warmcache.installed()  # closing the watcher put reportlab back
    assert all(Paragraph.__dict__[name].__module__ == "reportlab.platypus.paragraph" for name in ("_setup", "wrap", "split"))
    for n in (0, 1, 2):  # each save built again here, by build, with reportlab's own code
        for g in guides:
            if n == 0 and g.stem in builds:  # (a PDF does not depend on its guide's folder: test_pdf)
                outputs = builds[g.stem].result.outputs
            else:
                _save_by_rename(g, texts[n, g])
                outputs = api.build(g, tmp_path / f"build{n}").outputs
            for o in outputs:
                assert made[n, o.path.name] == o.path.read_bytes(), f"{o.path.name} after save {n} differs from build's"


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(c) for c in (task / "children").read_text().split())
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_watch_runs_in_one_process_and_stops_on_ctrl_c(tmp_path):
    """Ctrl+C in a terminal reaches the process group: the watcher stops and says so, leaving nothing behind."""
    guide = write_guide(tmp_path, "live.yaml", GOOD.format(n=1))
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "studyguide", "watch", str(guide), "-o", str(tmp_path / "out")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)  # its own process group, as in a terminal
    try:
        assert "watching for changes" in proc.stdout.readline() + proc.stdout.readline()
        assert _children(proc.pid) == set()  # no helper process: one warm process does it all
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(10) == 0
        assert "stopped watching" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_watch_sees_a_save_at_once_not_at_the_next_look(tmp_path):
    """With inotify, a save wakes the watcher: it does not wait for its next look (here 30 s away)."""
    guide = write_guide(tmp_path, "live.yaml", GOOD.format(n=1))
    built = threading.Event()
    done = threading.Event()

    def report(line, err):
        if line.startswith("rebuilt") and "watching" in seen:
            built.set()
        seen.append(line)

    seen: list[str] = []
    watcher = Watcher([guide], tmp_path / "out", report=lambda line, err: report(line, err) or
                      (line.startswith("watching") and seen.append("watching")), cache=False)
    thread = threading.Thread(target=watcher.run, kwargs={"interval": 30, "stop": done.is_set})
    thread.start()
    try:
        for _ in range(100):
            if "watching" in seen:
                break
            time.sleep(0.05)
        _save_by_rename(guide, GOOD.format(n=2))
        assert built.wait(10)
    finally:
        done.set()
        _save_by_rename(guide, GOOD.format(n=3))  # wakes it to see the stop
        thread.join(10)
    assert not thread.is_alive()


def test_watch_builds_neither_of_two_guides_that_would_write_the_same_pdf(tmp_path):
    """a.yaml and a.yml in one watched folder: as with build, neither is written (each would replace the
    other's PDFs at every save), and the message names the other; renaming one builds both."""
    folder = tmp_path / "guides"
    first = write_guide(folder, "unit.yaml", GOOD.format(n=1))
    second = write_guide(folder, "unit.yml", GOOD.format(n=2))
    out = tmp_path / "out"
    lines: list[tuple[str, bool]] = []
    with Watcher([folder], out, report=lambda line, err: lines.append((line, err))) as watcher:
        watcher.tick()
        assert not out.exists() or not list(out.iterdir())
        errors = [line for line, err in lines if err]
        assert f"{first}:1: its output {out / 'unit.pdf'} is also an output of {second} (both would write it, " \
               "so one would replace the other); neither was written: rename one of the two files" in errors
        assert f"failed: {second} (waiting for the next save)" in errors
        os.replace(second, folder / "unit-2.yml")
        watcher.tick()
        assert "Statement 1 is true." in norm(Pdf(out / "unit.pdf").text)
        assert "Statement 2 is true." in norm(Pdf(out / "unit-2.pdf").text)


def _page_colours(pdf: Path) -> set:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        image = doc[0].render(scale=0.5).to_pil().convert("RGB")
        return {colour for _, colour in image.getcolors(maxcolors=image.width * image.height)}
    finally:
        doc.close()


def test_watch_builds_again_a_picture_replaced_while_its_build_runs(tmp_path, monkeypatch):
    """The pictures' state is taken before the build reads them: a replacement during the build
    (a slow picture, a second save) is built next, and the PDF shows the picture on disk."""
    from PIL import Image

    pic = tmp_path / "pic.png"
    Image.new("RGB", (60, 60), (0, 0, 255)).save(pic)
    guide = write_guide(tmp_path, "pic.yaml", """
        title: Picture
        topics:
          - title: A picture
            image: pic.png
        """)
    real, saves = api.render_guide, []

    def render_then_save(*args, **kw):  # the teacher saves a new picture while the PDF is being drawn
        rendered = real(*args, **kw)
        if saves:
            Image.new("RGB", (60, 60), saves.pop()).save(pic)
            os.utime(pic, ns=(5, 5))
        return rendered

    monkeypatch.setattr(api, "render_guide", render_then_save)
    lines = []
    with Watcher([guide], tmp_path / "out", key=False, report=lambda line, err: lines.append(line)) as watcher:
        assert watcher.tick() == 1
        assert (0, 0, 255) in _page_colours(tmp_path / "out" / "pic.pdf")
        Image.new("RGB", (60, 60), (255, 0, 0)).save(pic)  # save 1: red; green arrives during its build
        os.utime(pic, ns=(4, 4))
        saves.append((0, 255, 0))
        assert watcher.tick() == 1
        assert (255, 0, 0) in _page_colours(tmp_path / "out" / "pic.pdf")
        assert watcher.tick() == 1  # the green picture was saved after the build read the red one
        colours = _page_colours(tmp_path / "out" / "pic.pdf")
        assert (0, 255, 0) in colours and (255, 0, 0) not in colours
        assert watcher.tick() == 0


def test_watch_says_once_that_a_guide_went_away_and_builds_it_when_it_is_back(tmp_path):
    folder = tmp_path / "guides"
    guide = write_guide(folder, "g.yaml", GOOD.format(n=1))
    other = write_guide(folder, "h.yaml", GOOD.format(n=2))
    for watched in ([guide], [folder]):
        lines = []
        with Watcher(watched, tmp_path / "out", report=lambda line, err: lines.append((line, err))) as watcher:
            watcher.tick()
            del lines[:]
            guide.rename(tmp_path / "away.yaml")
            assert watcher.tick() == 0 and lines == []  # not at once: a save by rename takes it away for an instant
            watcher.gone_after = 0
            assert watcher.tick() == 0 and watcher.tick() == 0
            assert lines == [(f"{guide}: is gone (deleted, moved or renamed); its PDFs stay as they were; "
                              "watching for it to come back", True)]
            (tmp_path / "away.yaml").rename(guide)  # back unchanged: built again, so the teacher sees it is back
            assert watcher.tick() == 1 and lines[-1][0].startswith(f"rebuilt {guide} → ")

            del lines[:]
            guide.unlink()
            guide.mkdir()
            assert watcher.tick() == 0 and watcher.tick() == 0
            assert lines == [(f"{guide}: is now a folder, not a guide; its PDFs stay as they were; "
                              "watching for it to come back", True)]
            guide.rmdir()
            guide.write_text("title: T\nquestions: 7\n", encoding="utf-8")
            assert watcher.tick() == 1 and lines[-1] == (f"failed: {guide} (waiting for the next save)", True)
            guide.write_text(GOOD.format(n=1), encoding="utf-8")
            os.utime(guide, ns=(9, 9))
            assert watcher.tick() == 1
        assert other.exists()


def test_watch_waits_for_a_save_in_two_writes_to_settle_and_says_1_page(tmp_path):
    guide = write_guide(tmp_path, "half.yaml", GOOD.format(n=1))
    out = tmp_path / "out"
    now = [0.0]
    lines: list[str] = []
    with Watcher([guide], out, report=lambda line, err: lines.append(line), settle=0.3,
                 clock=lambda: now[0]) as watcher:
        assert watcher.tick() == 1  # the first look builds at once
        assert lines[-1].endswith("ms") and "(1 page)" in lines[-1] and "(1 pages)" not in lines[-1]
        whole = GOOD.format(n=2)
        guide.write_text(whole[: len(whole) // 2], encoding="utf-8")  # an editor's first write
        assert watcher.tick() == 0
        now[0] = 0.2
        assert watcher.tick() == 0
        guide.write_text(whole, encoding="utf-8")  # ... and its second, before 0.3 s of quiet
        now[0] = 0.45
        assert watcher.tick() == 0  # changed again: the wait starts over
        now[0] = 0.7
        assert watcher.tick() == 0
        now[0] = 0.76
        assert watcher.tick() == 1 and watcher.tick() == 0
        assert "Statement 2 is true." in norm(Pdf(out / "half.pdf").text)
        assert not any(line.startswith("failed") for line in lines), lines


ACCOMMODATED = """
    title: Rivers
    accommodations: {{word_bank: true, extra_lines: 2}}
    questions:
      - type: fill_in_blank
        prompt: A river starts at its [[source]] and ends at its [[mouth]].
      - type: essay
        prompt: Describe the river {river}.
    """


def test_watch_rebuilds_the_accommodated_copy_beside_the_standard_one_as_build_does(tmp_path):
    """watch made only the guide's accommodated copy while build and the editor make both: the printed
    standard copy went stale at every save. Each save now rebuilds both, the same bytes as build's."""
    folder = tmp_path / "guides"
    guide = write_guide(folder, "rivers.yaml", ACCOMMODATED.format(river="Nile"))
    out = tmp_path / "out"
    acc = "rivers-word-bank-extra-lines-2"
    lines: list[tuple[str, bool]] = []
    with Watcher([folder], out, report=lambda line, err: lines.append((line, err))) as watcher:
        assert watcher.tick() == 1
        assert sorted(p.name for p in out.iterdir()) == ["rivers-key.pdf", f"{acc}-key.pdf", f"{acc}.pdf", "rivers.pdf"]
        _save_by_rename(guide, ACCOMMODATED.format(river="Danube"))
        assert watcher.tick() == 1
        for name in ("rivers.pdf", f"{acc}.pdf"):
            assert "Describe the river Danube." in norm(Pdf(out / name).text), name
        assert "Word bank" in Pdf(out / f"{acc}.pdf").text and "Word bank" not in Pdf(out / "rivers.pdf").text
    assert not [line for line, err in lines if err], lines
    assert f"{out / acc}.pdf" in lines[-1][0] and f"{out / 'rivers.pdf'}" in lines[-1][0]
    run = run_cli("build", guide, "-o", tmp_path / "built")
    assert run.returncode == 0, run.stderr
    for name in ("rivers.pdf", "rivers-key.pdf", f"{acc}.pdf", f"{acc}-key.pdf"):
        assert (out / name).read_bytes() == (tmp_path / "built" / name).read_bytes(), name
