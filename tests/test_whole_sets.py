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

    def write_then_signal(targets, folder, then, **given):
        writes.append(len(targets))
        real(targets, folder, then, **given)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(batch, "write_all", write_then_signal)
    run = cli_inprocess(["build", "g.yaml", *EDITIONS, "-o", "out"], cwd=tmp_path)
    assert writes == [16]  # one write for both editions
    assert run.code == 128 + signal.SIGTERM
    assert run.err.splitlines()[-1] == "interrupted (SIGTERM): every new file of g.yaml was written"
    assert files(tmp_path / "out") == new


def test_a_worker_a_signal_stopped_starts_no_other_guide(tmp_path):
    """A pool's worker keeps the next guide queued; once a signal came, it is reported, not started."""
    from studyguide import batch, interrupts

    (tmp_path / "g.yaml").write_text(GUIDE.format(title="New"), encoding="utf-8")
    with interrupts.signals_handled(), interrupts.armed(False):  # as a worker between guides
        os.kill(os.getpid(), signal.SIGTERM)
        first = batch.build_one(str(tmp_path / "g.yaml"), str(tmp_path / "out"), None, True)
        second = batch.build_one(str(tmp_path / "g.yaml"), str(tmp_path / "out"), None, True)
    assert (first.interrupted, second.interrupted) == (signal.SIGTERM, signal.SIGTERM)
    assert first.outputs == second.outputs == [] and not (tmp_path / "out").exists()


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
    for delay in (0.8, 1.6, 2.4):
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


# -- the editor: what build would refuse is never saved, and no request prints a traceback ---------

def _editor(tmp_path: Path):
    pytest.importorskip("starlette", reason="the `edit` extra is not installed: pip install -e '.[test,edit]'")
    pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx (the `test` extra)")
    from starlette.testclient import TestClient

    from studyguide.editor.server import Editor, make_app

    guides = tmp_path / "guides"
    guides.mkdir()
    (guides / "g.yaml").write_text(GUIDE.format(title="Old"), encoding="utf-8")
    app = make_app(Editor(guides, tmp_path / "output"), "tok", 8765)
    return guides / "g.yaml", TestClient(app, base_url="http://127.0.0.1:8765")


def _post(client, what: str, body: bytes):
    return client.post(f"/tok/api/g.yaml/{what}", content=body, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("what", ["build", "save", "preview", "export"])
def test_a_request_nested_thousands_deep_gets_a_clear_400(tmp_path, what):
    guide, client = _editor(tmp_path)
    before = guide.read_bytes()
    r = _post(client, what, b"[" * 100_000 + b"]" * 100_000)
    assert r.status_code == 400
    assert r.json() == {"problems": ["the request nests lists or objects too deeply to be read; nothing was done"]}
    assert guide.read_bytes() == before and not (tmp_path / "output").exists()


def test_a_request_larger_than_any_guide_gets_a_413_and_is_not_read(tmp_path):
    import json

    from studyguide.editor import server

    guide, client = _editor(tmp_path)
    before = guide.read_bytes()
    r = _post(client, "save", json.dumps({"text": "x" * 60_000_000, "base": ""}).encode())
    assert r.status_code == 413
    assert r.json() == {"problems": [server.TOO_LARGE]}
    assert server.TOO_LARGE == ("the request is larger than any guide may be (1,000,000 bytes at most); nothing "
                                "was saved or built: split the guide into several guides")
    assert guide.read_bytes() == before

    def sent_in_pieces():  # no Content-Length: counted as it comes, and refused past the limit
        for _ in range(70):
            yield b" " * 65536
    r = client.post("/tok/api/g.yaml/save", content=sent_in_pieces())
    assert r.status_code == 413 and guide.read_bytes() == before


def test_a_guide_larger_than_build_reads_is_not_saved(tmp_path):
    import json

    from studyguide import api
    from studyguide.editor import session

    guide, client = _editor(tmp_path)
    before = guide.read_bytes()
    head = GUIDE.format(title="New") + "# "

    def of_size(n: int) -> str:  # the guide, with a comment of 'ü's (two bytes each) to make it n bytes
        fill = n - len(head.encode()) - 1
        return head + "ü" * (fill // 2) + "x" * (fill % 2) + "\n"

    for size, status in ((1_000_001, 413), (1_000_000, 200)):
        text = of_size(size)
        body = json.dumps({"text": text, "base": session.digest(before)}, ensure_ascii=False).encode()
        assert len(text.encode()) == size and len(body) < 2_000_000  # as the page sends it (JSON.stringify keeps 'ü')
        r = _post(client, "save", body)
        assert r.status_code == status
        if status == 413:
            assert r.json() == {"problems": [f"{guide}:1: the text is 1,000,001 bytes; a guide may be at most "
                                             "1,000,000 bytes (split it into several guides); nothing was saved"]}
            assert guide.read_bytes() == before
    assert guide.read_text(encoding="utf-8") == text
    assert api.load(guide).title == "New"  # what was saved, build reads


def test_half_a_character_is_not_saved_and_is_located(tmp_path):
    from studyguide.editor import session

    guide, client = _editor(tmp_path)
    before = guide.read_bytes()
    body = b'{"text": "title: a\\nsubtitle: b\\ud800c\\n", "base": "' + session.digest(before).encode() + b'"}'
    r = _post(client, "save", body)
    assert r.status_code == 400
    assert r.json() == {"problems": [f"{guide}:2:12: U+D800 is half of a character, not one; delete it and save again "
                                     "(nothing was saved)"]}
    assert guide.read_bytes() == before
    r = _post(client, "preview", body.replace(b'"base"', b'"doc": "student", "rev": 1, "x"'))
    assert r.status_code == 200
    assert [p["text"] for p in r.json()["problems"]] == [
        f"{guide}:2:12: not UTF-8: this character is saved in an older encoding; save the file again as UTF-8 "
        "(in Notepad: File → Save as, Encoding: UTF-8; in Word: Plain Text, Other encoding: Unicode (UTF-8))"]


def test_versions_true_is_not_a_number_of_versions(tmp_path):
    guide, client = _editor(tmp_path)
    r = client.post("/tok/api/g.yaml/build", json={"versions": True})
    assert r.status_code == 400 and r.json() == {"problems": ["versions: a number from 1 to 26"]}
    assert not (tmp_path / "output").exists()


def test_the_running_editor_prints_no_traceback_for_hostile_requests(tmp_path):
    """The real server (uvicorn), as `studyguide edit` runs it: deep, huge and endless bodies get their
    answer, and the terminal shows no traceback."""
    pytest.importorskip("uvicorn", reason="the `edit` extra is not installed")
    import subprocess
    import sys

    import httpx

    guide = tmp_path / "g.yaml"
    guide.write_text(GUIDE.format(title="Old"), encoding="utf-8")
    before = guide.read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "studyguide", "edit", str(guide), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        url = proc.stdout.readline().split(" at ")[1].strip()
        api_url = url.replace("/edit/g.yaml", "/api/g.yaml/")
        deep = httpx.post(api_url + "build", content=b"[" * 100_000, timeout=30)
        huge = httpx.post(api_url + "save", content=b'{"text": "' + b"x" * 60_000_000 + b'"}', timeout=60)
        built = httpx.post(api_url + "build", json={}, timeout=60)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert (deep.status_code, huge.status_code, built.status_code) == (400, 413, 200), err
    assert built.json()["problems"] == [] and len(built.json()["written"]) == 2
    assert guide.read_bytes() == before
    assert "Traceback" not in err and "Error" not in err, err


# -- import and new --reading: a FIFO or device is refused, never read ---------------------------

def _not_a_file(path: Path, kind: str) -> None:
    import stat

    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero: endless bytes
        except OSError:
            pytest.skip("cannot make a device file here")
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "device", "link-to-device"])
@pytest.mark.parametrize("command", ["import", "new --reading"])
def test_import_and_new_refuse_what_is_not_a_regular_file(tmp_path, kind, command):
    name = "bank.csv" if command == "import" else "article.txt"
    _not_a_file(tmp_path / name, kind)
    args = ["import", name, "-o", "g.yaml"] if command == "import" else ["new", "g.yaml", "--reading", name]
    run = cli_inprocess(args, cwd=tmp_path, limit=10)
    fix = "name the file your other tool exported" if command == "import" else "name a plain-text file"
    assert (run.code, run.out, run.err) == (1 if command == "import" else 2, "",
                                            f"{name}: is not a regular file; {fix}\n")
    assert not (tmp_path / "g.yaml").exists()


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_too(tmp_path, monkeypatch):
    """Between the check and the open, the file becomes a FIFO: opened without blocking, refused."""
    import stat

    from studyguide import files as input_files

    (tmp_path / "bank.csv").write_text("term,definition\nsun,a star\n", encoding="utf-8")
    real_stat = os.stat

    def stat_then_swap(path, *a, **k):
        st = real_stat(path, *a, **k)
        if Path(path).name == "bank.csv" and stat.S_ISREG(st.st_mode):
            os.unlink(path)
            os.mkfifo(path)
        return st

    monkeypatch.setattr(input_files.os, "stat", stat_then_swap)
    run = cli_inprocess(["import", "bank.csv", "-o", "g.yaml"], cwd=tmp_path, limit=10)
    assert (run.code, run.err) == (1, "bank.csv: is not a regular file; name the file your other tool exported\n")
