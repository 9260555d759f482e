"""`studyguide edit`'s two figures: how soon the server answers, and how soon the preview follows a pause.

    python bench/editor.py              # 5 starts, 20 edits in chromium, 20 in process; prints the figures
    python bench/editor.py --edits 40

Needs '.[test,edit]' and /usr/bin/chromium. Run by hand; not part of the test suite.

- start: `studyguide edit GUIDE --no-browser` from the process's start until the address is printed
  and the page's first request is answered (the 1 s target).
- preview, in the browser: the first guide (tests/cases/frozen/...) open in chromium; each edit
  types one letter into a different place, then pauses. Measured from the last keystroke until the
  first page's new picture has loaded in the page: the pause the page waits for (PAUSE_MS in
  app.js), the build of the shown document, the picture, and the browser's work (the 300 ms target
  is for the time after the pause: the figure minus PAUSE_MS).
- preview, in process: Session.preview (load, validate, lay out and write the handout from the
  typed text, warm) and the first page's picture, without the browser and the HTTP around them.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FROZEN = REPO / "tests" / "cases" / "frozen" / "china-foreign-police-training-2026-12.yaml"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
PAUSE_MS = int(re.search(r"PAUSE_MS = (\d+)", (REPO / "src/studyguide/editor/static/app.js").read_text()).group(1))


def spread(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
    return f"median {statistics.median(values):.0f} ms, p90 {p90:.0f} ms, min {values[0]:.0f}, max {values[-1]:.0f} (n={len(values)})"


def start(guide: Path, cwd: Path):
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "studyguide", "edit", str(guide), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    url = re.search(r" at (\S+)", proc.stdout.readline()).group(1)
    urllib.request.urlopen(url).read()
    wall = (time.perf_counter() - began) * 1000
    CPU.append(cpu_ms(proc.pid))
    return proc, url, wall


PARTS: list[list[float]] = []  # each browser edit: [key → preview asked, asked → answered, answered → shown]
CPU: list[float] = []  # the server's CPU time when its first answer came: start-up on a quiet core


def cpu_ms(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far (Linux /proc), its threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def stop(proc) -> None:
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=15)


def edit_lines(text: str, n: int) -> list[int]:
    """Lines of prose to type into, spread over the guide (`prompt:` and `definition:` lines)."""
    lines = [i for i, line in enumerate(text.splitlines(), 1)
             if re.match(r"\s+(- )?(prompt|definition|view): [^\x27\"|>]", line) and line[-1] not in "\x27\""]
    step = max(1, len(lines) // n)
    return (lines[::step] * n)[:n]


def browser_figures(url: str, text: str, edits: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    lines = text.splitlines()
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.wait_for_function("() => window.studyguidePage && window.studyguidePage.state.stats.length > 0")
        page.evaluate("() => document.addEventListener('keydown', () => { window.lastKey = performance.now() }, true)")
        for line in edit_lines(text, edits):
            seen = page.evaluate("() => window.studyguidePage.state.stats.length")
            page.evaluate(f"() => window.studyguidePage.editor.goto({line}, {len(lines[line - 1]) + 1})")
            page.keyboard.type("s")
            try:
                page.wait_for_function(f"() => window.studyguidePage.state.stats.length > {seen}", timeout=10000)
            except Exception:
                print("no new page after editing line", line, page.evaluate("() => [document.getElementById('problems').innerText, document.getElementById('page-count').innerText, window.studyguidePage.state.rev, window.studyguidePage.state.shown, document.querySelector('#pages img').src, document.querySelector('#pages img').complete]"))
                raise
            out.append(page.evaluate("() => window.studyguidePage.state.stats.at(-1).shown - window.lastKey"))
            PARTS.append(page.evaluate("() => { const s = window.studyguidePage.state.stats.at(-1);"
                                       " return [s.asked - window.lastKey, s.answered - s.asked, s.shown - s.answered] }"))
            lines[line - 1] += "s"
            page.wait_for_timeout(300)
        browser.close()
    return out


def in_process(path: Path, text: str, edits: int) -> tuple[list[float], list[float]]:
    from studyguide.editor.session import Session
    from studyguide.watch import cache

    cache.acquire()
    s = Session(path, path.parent / "out")
    s.preview(text, "student", 0)
    lines = text.splitlines()
    wall, cpu = [], []
    for rev, line in enumerate(edit_lines(text, edits), 1):
        lines[line - 1] += "s"
        began, began_cpu = time.perf_counter(), time.process_time()
        r = s.preview("\n".join(lines) + "\n", "student", rev)  # (draws the first page's picture too)
        assert r["ok"], r["problems"]
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--starts", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        guide = Path(tmp) / "guides" / "china.yaml"
        guide.parent.mkdir()
        shutil.copyfile(FROZEN, guide)
        text = guide.read_text(encoding="utf-8")
        starts = []
        for _ in range(args.starts):
            proc, url, ms = start(Path("guides/china.yaml"), Path(tmp))
            starts.append(ms)
            stop(proc)
        print(f"start (process start → address printed → first request answered): {spread(starts)}")
        print(f"  the server's CPU time by then (warm-up thread included): {spread(CPU)}")
        proc, url, _ = start(Path("guides/china.yaml"), Path(tmp))
        try:
            shown = browser_figures(url, text, args.edits)
        finally:
            stop(proc)
        print(f"preview in chromium, last keystroke → new first page shown: {spread(shown)}")
        print(f"  the same after the {PAUSE_MS} ms pause: {spread([v - PAUSE_MS for v in shown])}")
        for i, part in enumerate(("last key → preview asked (the pause)", "preview asked → answered (HTTP, build)",
                                  "answered → picture shown (picture fetched, decoded)")):
            print(f"    {part}: {spread([p[i] for p in PARTS])}")
        wall, cpu = in_process(guide, text, args.edits)
        print(f"preview in process (build the handout + picture of page 1): {spread(wall)}")
        print(f"  its CPU time (what a quiet core would take): {spread(cpu)}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
