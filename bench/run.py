"""The studyguide benchmark: every figure as a ratio to the floor, measured side by side.

    python bench/run.py            # the full run (~6 minutes on two cores); writes bench/README.md's table
    python bench/run.py --quick    # a smoke run (~1-2 minutes); prints the table, leaves the README alone

What it measures, and how, is in bench/README.md. Results also go to
bench/results/latest.json (ignored by git).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import floor  # noqa: E402
import generate  # noqa: E402

PY = sys.executable
TARGETS = {"whole_handout": 1.25, "whole_both": 2.1, "in_process": 1.2, "memory": 1.3, "linear": 1.3,
           "validate": 0.6, "batch": 0.6}
T0 = time.perf_counter()


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def median(xs):
    return statistics.median(xs) if xs else None


# --------------------------------------------------------------------------- machine load
def cpu_snapshot():
    """(busy jiffies of the whole machine, stolen jiffies (a virtual machine's host took them),
    CPU seconds of this process and its waited-for children)."""
    with open("/proc/stat") as fh:
        f = ([int(x) for x in fh.readline().split()[1:]] + [0] * 8)[:8]
    user, nice, system, idle, iowait, irq, softirq, steal = f
    t = os.times()
    return user + nice + system + irq + softirq, steal, t.user + t.system + t.children_user + t.children_system


def src_digest() -> str:
    """A digest of studyguide's source files, to tell whether they changed while the run went on."""
    import hashlib

    h = hashlib.sha1()
    for f in sorted((REPO / "src" / "studyguide").rglob("*.py")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


# --------------------------------------------------------------------------- timing helpers
class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def timed_call(fn, cap: float):
    """(seconds, result) of fn(); (None, None) if it runs past ``cap`` seconds (stopped by SIGALRM)."""
    gc.collect()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, cap)
    t = time.perf_counter()
    try:
        result = fn()
        return time.perf_counter() - t, result
    except Timeout:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        gc.collect()


def run_proc(cmd: list[str], cap: float, cwd=None):
    """Run a child; (seconds or None if killed at ``cap``, its own peak RSS in MB, exit code, stdout)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
    killed = []
    timer = threading.Timer(cap, lambda: (killed.append(1), p.kill()))
    timer.start()
    out_chunks = []
    reader = threading.Thread(target=lambda: out_chunks.append(p.stdout.read()))
    reader.start()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)  # this child's rusage, not every child's
    elapsed = time.perf_counter() - t
    timer.cancel()
    reader.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    rc = p.returncode
    if rc != 0 and not killed:
        raise RuntimeError(f"{' '.join(cmd)} exited {rc}: {err.decode(errors='replace')[-800:]}")
    return (None if killed else elapsed), usage.ru_maxrss / 1024, rc, (out_chunks[0] if out_chunks else b"").decode()


# --------------------------------------------------------------------------- the figures
def whole_process(g4: Path, work: Path, rounds: int, cap: float, weasy: bool) -> dict:
    """Alternating rounds of whole-process runs on the 4-unit guide; one warm-up round first."""
    arms = {
        "sg_handout": [PY, "-m", "studyguide", "build", "--no-key", str(g4), "-o", str(work / "wp-sg")],
        "floor": [PY, str(HERE / "floor.py"), str(g4), str(work / "wp-floor.pdf")],
        "sg_both": [PY, "-m", "studyguide", "build", str(g4), "-o", str(work / "wp-sg")],
        "validate": [PY, "-m", "studyguide", "validate", str(g4)],
    }
    if weasy:
        arms["weasyprint"] = [PY, str(HERE / "peer_weasyprint.py"), str(g4), str(work / "wp-weasy.pdf")]
    times: dict[str, list] = {k: [] for k in arms}
    names = list(arms)
    for r in range(rounds + 1):
        order = names if r % 2 == 0 else names[::-1]  # A B C D, then D C B A: no arm always goes first
        for name in order:
            secs, *_ = run_proc(arms[name], cap)
            if r:  # round 0 is the warm-up (file cache, .pyc files)
                times[name].append(secs if secs is not None else float("inf"))
        log(f"whole process round {r}/{rounds}" + (" (warm-up)" if r == 0 else ""))
    res = {k: {"median": median(v), "runs": v} for k, v in times.items()}
    pair = lambda a, b: median([x / y for x, y in zip(times[a], times[b])])  # noqa: E731
    res["ratio_handout"] = pair("sg_handout", "floor")
    res["ratio_both"] = pair("sg_both", "floor")
    res["ratio_validate"] = pair("validate", "sg_both")
    if weasy:
        res["ratio_weasyprint"] = pair("weasyprint", "floor")
    res["rounds"] = rounds
    return res


def validate_imports(g4: Path) -> list[str]:
    """Modules of reportlab or studyguide's layout that `studyguide validate` imports (should be none)."""
    p = subprocess.run([PY, "-X", "importtime", "-m", "studyguide", "validate", str(g4)], capture_output=True, text=True)
    mods = [line.rsplit("|", 1)[-1].strip() for line in p.stderr.splitlines() if line.startswith("import time:")]
    bad = ("reportlab", "studyguide.layout", "studyguide.render", "studyguide.pages", "studyguide.theming.styles",
           "studyguide.theming.fonts", "PIL")
    return sorted({m for m in mods if any(m == b or m.startswith(b + ".") for b in bad)})  # not theming.themefiles


def in_process(guides: dict[int, Path], plan: dict[int, int], budget: dict[int, float], cap: float) -> dict:
    """studyguide's api path vs the floor's function, alternating, in this one process."""
    from studyguide import api

    def sg(path):
        rendered, _ = api.render_guide(api.load(path), key=False)
        return rendered["student"].pages

    def fl(path):
        return floor.render(path)[1]

    small = guides[min(guides)]
    for _ in range(2):  # warm-up: imports, font registration, reportlab's caches
        sg(small), fl(small)
    out = {}
    stopped_at = None
    for size in sorted(guides):
        path = guides[size]
        rec = {"sg": [], "floor": [], "pairs": [], "sg_pages": None, "floor_pages": None, "note": ""}
        if stopped_at is not None:
            secs, pages = timed_call(lambda: fl(path), cap)
            rec["floor"].append(secs)
            rec["floor_pages"] = pages
            rec["note"] = f"studyguide not run: it already took longer than {cap:.0f} s at {stopped_at} units"
            out[size] = rec
            log(f"in process {size} units: floor only ({rec['note']})")
            continue
        start = time.perf_counter()
        for i in range(plan[size]):
            order = (("sg", sg), ("floor", fl)) if i % 2 == 0 else (("floor", fl), ("sg", sg))
            got = {}
            for name, fn in order:
                secs, pages = timed_call(lambda: fn(path), cap)
                got[name] = secs
                if secs is not None:
                    rec[name].append(secs)
                    rec[f"{name}_pages"] = pages
            if got["sg"] is None:
                rec["note"] = f"studyguide stopped after {cap:.0f} s (did not finish)"
                rec["sg_timed_out"] = True
                stopped_at = size
                log(f"in process {size} units: studyguide passed the {cap:.0f} s cap; stopped")
                break
            rec["pairs"].append(got["sg"] / got["floor"])
            log(f"in process {size} units: pair {i + 1}/{plan[size]}  sg {got['sg']:.3f}s  floor {got['floor']:.3f}s")
            if time.perf_counter() - start > budget[size] and i + 1 >= 1:
                break
        rec["sg_median"], rec["floor_median"] = median(rec["sg"]), median(rec["floor"])
        rec["ratio"] = median(rec["pairs"])
        out[size] = rec
    return out


def peak_memory(guide: Path, work: Path, cap: float, skip_sg: str | None) -> dict:
    res = {}
    for who in ("floor", "studyguide"):
        if who == "studyguide" and skip_sg:
            res[who] = {"mb": None, "note": skip_sg}
            continue
        cmd = [PY, str(HERE / "_child.py"), who, str(guide), str(work / f"mem-{who}.pdf")]
        _, _, _, out = run_proc([PY, str(HERE / "_child.py"), "measure", str(cap), *cmd], cap + 30)
        m = json.loads(out.strip().splitlines()[-1])
        if m["rc"] != 0 and not m["killed"]:
            raise RuntimeError(f"{' '.join(cmd)} exited {m['rc']}")
        mb = m["maxrss_kb"] / 1024
        res[who] = {"mb": mb, "seconds": None if m["killed"] else m["seconds"],
                    "note": "" if not m["killed"] else f"stopped at the {cap:.0f} s cap: at least this much"}
        log(f"peak memory {who}, {guide.stem}: {mb:.0f} MB" + (" (stopped at cap)" if m["killed"] else ""))
    return res


def has_jobs_option() -> bool:
    p = subprocess.run([PY, "-m", "studyguide", "build", "--help"], capture_output=True, text=True)
    return "--jobs" in p.stdout


def batch(folder: Path, work: Path, pairs: int, cap: float) -> dict:
    arms = {"jobs1": [PY, "-m", "studyguide", "build", str(folder), "-o", str(work / "batch-1"), "--jobs", "1"],
            "default": [PY, "-m", "studyguide", "build", str(folder), "-o", str(work / "batch-d")]}
    times = {k: [] for k in arms}
    for i in range(pairs):
        for name in (("jobs1", "default") if i % 2 == 0 else ("default", "jobs1")):
            secs, *_ = run_proc(arms[name], cap)
            times[name].append(secs if secs is not None else float("inf"))
        log(f"batch pair {i + 1}/{pairs}: jobs 1 {times['jobs1'][-1]:.1f}s  default {times['default'][-1]:.1f}s")
    return {"jobs1": median(times["jobs1"]), "default": median(times["default"]), "runs": times,
            "ratio": median([d / j for d, j in zip(times["default"], times["jobs1"])]), "pairs": pairs}


def weasy_in_process(guides: dict[int, Path], plan: dict[int, int], cap: float) -> dict:
    import peer_weasyprint

    out = {}
    peer_weasyprint.render(guides[min(guides)])  # warm-up
    for size, runs in plan.items():
        times, pages = [], None
        for _ in range(runs):
            secs, res = timed_call(lambda: peer_weasyprint.render(guides[size]), cap)
            if secs is None:
                break
            times.append(secs)
            pages = res[1]
        out[size] = {"median": median(times), "runs": times, "pages": pages,
                     "note": "" if times else f"stopped after {cap:.0f} s"}
        log(f"weasyprint in process {size} units: {out[size]['median']}")
    return out


# --------------------------------------------------------------------------- the report
def fs(x) -> str:
    if x is None:
        return "–"
    if x == float("inf"):
        return "stopped"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fr(x) -> str:
    return "–" if x is None else ("∞" if x == float("inf") else f"{x:.2f}×")


def verdict(ratio, target) -> str:
    if ratio is None:
        return "not measured"
    return "**yes**" if ratio <= target else "**no**"


def edited(text: str, i: int) -> str:
    """The guide with one word inserted into one question's prompt: a small real edit, as a teacher
    makes between saves. Each save edits another question (and the previous edit is gone), so a
    rebuild never finds the document exactly as it was: one or two paragraphs change, the rest not."""
    lines = text.split("\n")
    prompts = [n for n, line in enumerate(lines) if line.lstrip().startswith("prompt: ")]
    n = prompts[(i * 7) % len(prompts)]
    head, _, rest = lines[n].partition("prompt: ")
    first, _, tail = rest.partition(" ")
    lines[n] = f"{head}prompt: {first} edited{i} {tail}".rstrip()
    return "\n".join(lines)


def watch_latency(g4: Path, work: Path, saves: int, cap: float) -> dict:
    """Save a 4-unit guide `saves` times (by writing a new file and renaming it over the old one,
    as many editors do) while `studyguide watch` runs, and time each save until the watcher says
    the handout and key are rebuilt. Each save changes one question's prompt (see :func:`edited`).
    At the end, the watcher's two PDFs are compared with what `studyguide build` makes of the
    last save: they must be the same bytes."""
    import queue

    folder = work / "watch"
    folder.mkdir(parents=True, exist_ok=True)
    guide = folder / "live.yaml"
    text = g4.read_text(encoding="utf-8")
    guide.write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([PY, "-m", "studyguide", "watch", str(guide), "-o", str(folder / "out")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: "queue.Queue[str]" = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()

    def wait_for(word: str, limit: float) -> str | None:
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            try:
                line = lines.get(timeout=max(0.001, end - time.perf_counter()))
            except queue.Empty:
                return None
            if word in line:
                return line
        return None

    latencies, builds = [], []
    hz, ncpu = os.sysconf("SC_CLK_TCK"), os.cpu_count() or 1
    try:
        if wait_for("watching", cap) is None:
            raise RuntimeError("watch did not start")
        start = (time.perf_counter(), *cpu_snapshot()[:2], tree_ticks(proc.pid), own_seconds())
        for i in range(saves):
            time.sleep(0.3)
            new = edited(text, i)
            tmp = guide.with_name(".live.yaml.swp")
            tmp.write_text(new, encoding="utf-8")
            os.replace(tmp, guide)
            t0 = time.perf_counter()
            line = wait_for("rebuilt", cap)
            if line is None:
                raise RuntimeError("no rebuild reported")
            latencies.append(time.perf_counter() - t0)
            m = re.search(r"in (\d+) ms", line)
            builds.append(int(m.group(1)) / 1000 if m else None)
            log(f"watch save {i + 1}/{saves}: {latencies[-1] * 1000:.0f} ms")
        end = (time.perf_counter(), *cpu_snapshot()[:2], tree_ticks(proc.pid), own_seconds())
    finally:
        proc.terminate()
        proc.wait(5)
    wall = end[0] - start[0]
    ours = (end[3] - start[3]) / hz + (end[4] - start[4])  # the watcher and its helper, and this process
    others = max(0.0, (end[1] - start[1]) / hz - ours)
    check = folder / "build"
    run_proc([PY, "-m", "studyguide", "build", str(guide), "-o", str(check)], cap)
    same = all((folder / "out" / name).read_bytes() == (check / name).read_bytes() for name in ("live.pdf", "live-key.pdf"))
    if not same:
        raise RuntimeError("the watcher's PDFs differ from what `studyguide build` makes of the same guide")
    return {"latency": median(latencies), "build": median([b for b in builds if b is not None]),
            "runs": latencies, "saves": saves, "min": min(latencies), "max": max(latencies), "same_as_build": same,
            "other_cpu_pct": 100 * others / (wall * ncpu), "steal_pct": 100 * (end[2] - start[2]) / hz / (wall * ncpu)}


def tree_ticks(pid: int) -> int:
    """CPU clock ticks used so far by ``pid`` and every process under it (the watcher and its helper)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def own_seconds() -> float:
    t = os.times()
    return t.user + t.system


def watch_row(WT: dict, floor4) -> str:
    ok = "**yes**" if WT["latency"] <= 0.16 else "**no**"
    busy, steal = WT.get("other_cpu_pct"), WT.get("steal_pct")
    load = (f"; meanwhile other processes used {busy:.0f}% of the CPU and the host took {steal:.0f}%"
            if busy is not None else "")
    return (f"| Watch: a save (by rename) until handout and key are rebuilt, 4 units, warm process "
            f"({WT['saves']} saves, each a word added to a question; fastest {fs(WT.get('min'))}{load}; "
            f"same bytes as `build`: {'yes' if WT.get('same_as_build') else 'no'}) | {fs(WT['latency'])} "
            f"| {fs(floor4) + ' (handout alone, in process)' if floor4 else ''} | | ≤ 160 ms | {ok} |")


def report(R: dict) -> str:
    L = []
    env = R["env"]
    L.append(f"Command: `{env['command']}` · {env['date']} · Python {env['python']} · reportlab {env['reportlab']}"
             f" · studyguide {env['studyguide']} (src {env.get('src_digest', '?')}) · {env['cpus']} CPUs ({env['cpu_model']})  ")
    busy = env["other_cpu_pct"] >= 10 or env.get("steal_pct", 0) >= 10
    L.append(f"Machine load: load average {env['load_start']} at the start, {env['load_end']} at the end; "
             f"other processes used {env['other_cpu_pct']:.0f}% of the machine's CPU time during the run, and the "
             f"virtual machine's host took {env.get('steal_pct', 0):.0f}% (steal)"
             + (" — a busy machine: times are longer than on an idle one, ratios less so" if busy else "")
             + f". Wall time of the run: {env['wall']:.0f} s.")
    L.append("")
    L.append("| Figure | studyguide | floor | ratio | target | met |")
    L.append("|---|---|---|---|---|---|")
    W = R.get("whole")
    if W:
        n = W["rounds"]
        L.append(f"| Whole process, 4 units, handout only (`build --no-key`; {n} alternating runs each) "
                 f"| {fs(W['sg_handout']['median'])} | {fs(W['floor']['median'])} | {fr(W['ratio_handout'])} "
                 f"| ≤ {TARGETS['whole_handout']}× | {verdict(W['ratio_handout'], TARGETS['whole_handout'])} |")
        L.append(f"| Whole process, 4 units, handout + key (`build`) vs the floor's one document "
                 f"| {fs(W['sg_both']['median'])} | {fs(W['floor']['median'])} | {fr(W['ratio_both'])} "
                 f"| ≤ {TARGETS['whole_both']}× | {verdict(W['ratio_both'], TARGETS['whole_both'])} |")
    P = R.get("in_process", {})
    for size, rec in sorted(P.items(), key=lambda kv: int(kv[0])):
        pages = f"{rec['sg_pages'] or '–'} / {rec['floor_pages'] or '–'} pages"
        runs = f"{len(rec['pairs'])} pair{'s' if len(rec['pairs']) != 1 else ''}" if rec["pairs"] else rec["note"]
        sg = fs(rec.get("sg_median")) if not rec.get("sg_timed_out") else f"> {R['caps']['in_process']:.0f} s (stopped)"
        ratio = rec.get("ratio")
        if rec.get("sg_timed_out") and rec.get("floor_median"):
            ratio_s = f"> {R['caps']['in_process'] / rec['floor_median']:.0f}×"
            met = "**no**"
        else:
            ratio_s, met = fr(ratio), verdict(ratio, TARGETS["in_process"])
        if not rec["pairs"] and not rec.get("sg_timed_out"):
            sg, ratio_s, met = "not run", "–", "not measured"
        L.append(f"| In process, {size} unit{'s' if int(size) != 1 else ''} ({pages}; {runs}) | {sg} "
                 f"| {fs(rec.get('floor_median') or (rec['floor'][0] if rec['floor'] else None))} | {ratio_s} "
                 f"| ≤ {TARGETS['in_process']}× | {met} |")
    M = R.get("memory")
    if M:
        sgm, flm = M["studyguide"]["mb"], M["floor"]["mb"]
        ratio = sgm / flm if sgm and flm else None
        stopped = M["studyguide"].get("note", "")
        sg_s = "not measured" if sgm is None else (f"≥ {sgm:.0f} MB (stopped)" if stopped else f"{sgm:.0f} MB")
        ratio_s = ("≥ " if stopped and sgm else "") + fr(ratio)
        L.append(f"| Peak memory (max RSS of a separate process), {R['memory_size']} units, handout "
                 f"| {sg_s} | {flm:.0f} MB | {ratio_s} | ≤ {TARGETS['memory']}× "
                 f"| {verdict(ratio, TARGETS['memory']) if not stopped else ('**no**' if ratio and ratio > TARGETS['memory'] else 'not measured')} |")
    MF = R.get("memory_fallback")
    if MF:
        sgm, flm = MF["studyguide"]["mb"], MF["floor"]["mb"]
        ratio = sgm / flm
        L.append(f"| Peak memory, {R['memory_fallback_size']} units instead (the largest size studyguide finished) "
                 f"| {sgm:.0f} MB | {flm:.0f} MB | {fr(ratio)} | ≤ {TARGETS['memory']}× (at {generate.LARGEST}) | {verdict(ratio, TARGETS['memory'])} |")
    G = R.get("linear")
    if G:
        L.append(f"| Linear growth: time per page at {G['big']} units ÷ at 4 units (in process) "
                 f"| {G['sg_big_ms']:.1f} / {G['sg_small_ms']:.1f} ms per page "
                 f"| {G['floor_big_ms']:.1f} / {G['floor_small_ms']:.1f} ms per page (floor's own: {fr(G['floor_ratio'])}) "
                 f"| {fr(G['sg_ratio'])} | ≤ {TARGETS['linear']}× | {verdict(G['sg_ratio'], TARGETS['linear'])} |")
    LB = R.get("linear_bound")
    if LB:
        L.append(f"| Linear growth, lower bound: time per page at {LB['size']} units (stopped at the cap; the floor's page count) "
                 f"÷ at 4 units | > {LB['sg_big_ms']:.0f} / {LB['sg_small_ms']:.1f} ms per page "
                 f"| floor's own: {fr(LB['floor_ratio'])} | > {LB['ratio']:.1f}× | ≤ {TARGETS['linear']}× | **no** |")
    elif not G and R.get("linear_note"):
        L.append(f"| Linear growth: time per page, largest ÷ 4 units | {R['linear_note']} | | – | ≤ {TARGETS['linear']}× | not measured |")
    if W:
        L.append(f"| `validate` ÷ `build` (handout + key), whole process, 4 units "
                 f"| {fs(W['validate']['median'])} / {fs(W['sg_both']['median'])} | | {fr(W['ratio_validate'])} "
                 f"| ≤ {TARGETS['validate']}× | {verdict(W['ratio_validate'], TARGETS['validate'])} |")
    V = R.get("validate_imports")
    if V is not None:
        L.append(f"| `validate` imports no layout code | {'none' if not V else ', '.join(V[:6]) + (' …' if len(V) > 6 else '')} "
                 f"| | | none | {'**yes**' if not V else '**no**'} |")
    B = R.get("batch")
    if B and B.get("skipped"):
        L.append(f"| Batch: `build` of {R['batch_count']} four-unit guides, default ÷ `--jobs 1` | {B['skipped']} | | – "
                 f"| ≤ {TARGETS['batch']}× | not measured |")
    elif B:
        L.append(f"| Batch: `build` of {R['batch_count']} four-unit guides, default ÷ `--jobs 1` ({B['pairs']} pair{'s' if B['pairs'] != 1 else ''}) "
                 f"| {fs(B['default'])} / {fs(B['jobs1'])} | | {fr(B['ratio'])} | ≤ {TARGETS['batch']}× "
                 f"| {verdict(B['ratio'], TARGETS['batch'])} |")
    WT = R.get("watch")
    if WT:
        L.append(watch_row(WT, (R.get("in_process", {}).get(4) or {}).get("floor_median")))
    WP = R.get("weasyprint")
    if WP and WP.get("available"):
        if W and "weasyprint" in W:
            L.append(f"| Peer (context): WeasyPrint {WP['version']}, same handout as HTML, whole process, 4 units "
                     f"| {fs(W['weasyprint']['median'])} | {fs(W['floor']['median'])} | {fr(W['ratio_weasyprint'])} | – | – |")
        for size, rec in sorted(WP.get("in_process", {}).items(), key=lambda kv: int(kv[0])):
            fm = (P.get(size) or P.get(str(size)) or {}).get("floor_median")
            ratio = rec["median"] / fm if rec["median"] and fm else None
            L.append(f"| Peer (context): WeasyPrint in process, {size} units ({rec['pages']} pages; {len(rec['runs'])} run{'s' if len(rec['runs']) != 1 else ''}) "
                     f"| {fs(rec['median'])} | {fs(fm)} | {fr(ratio)} | – | – |")
    elif WP:
        L.append(f"| Peer (context): WeasyPrint | {WP.get('note', 'not available')} | | | – | – |")
    L.append("")
    L += [f"- {n}" for n in R.get("notes", [])]
    return "\n".join(L)


def write_readme(table: str) -> None:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmark\n"
    block = f"<!-- results -->\n{table}\n<!-- /results -->"
    if "<!-- results -->" in text and "<!-- /results -->" in text:
        text = re.sub(r"<!-- results -->.*?<!-- /results -->", lambda m: block, text, flags=re.S)
    else:
        text += "\n## Results\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- main
def watch_only(a) -> int:
    """`--only watch`: the watch figure alone, with the floor's in-process time beside it (a quick check
    while working on watch; the full run measures the same things among the others)."""
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="sg-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    g4 = generate.write_sizes(tmp / "guides", (4,), a.seed)[4]
    for _ in range(2):
        floor.render(g4)
    times = [timed_call(lambda: floor.render(g4), 90)[0] for _ in range(7)]
    R = {"in_process": {4: {"floor_median": median(times)}}, "load_start": loadavg()}
    R["watch"] = watch_latency(g4, tmp, a.saves or 15, 120)
    R["load_end"] = loadavg()
    WT = R["watch"]
    floor4 = R["in_process"][4]["floor_median"]
    print(f"Watch, 4 units: a save (by rename) until handout and key are rebuilt: median {fs(WT['latency'])} "
          f"(min {fs(WT['min'])}, max {fs(WT['max'])}; {WT['saves']} saves); the watcher's own build time "
          f"{fs(WT['build'])}; the floor's handout alone, in process: {fs(floor4)}; same bytes as `build`: "
          f"{'yes' if WT['same_as_build'] else 'NO'}; other processes used {WT['other_cpu_pct']:.0f}% of the CPU "
          f"(steal {WT['steal_pct']:.0f}%); load average {R['load_start']} → {R['load_end']}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "watch.json").write_text(json.dumps(R, indent=1, default=str), encoding="utf-8")
    if a.readme and not a.no_readme:
        readme = HERE / "README.md"
        text = readme.read_text(encoding="utf-8")
        when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        row = watch_row(WT, floor4)
        row = row.replace("warm process (", f"warm process (`run.py --only watch`, {when}; ", 1)
        new_text, n = re.subn(r"^\| Watch: .*$", lambda m: row, text, count=1, flags=re.M)
        if n:
            readme.write_text(new_text, encoding="utf-8")
            log("replaced the watch row of bench/README.md's table")
        else:
            log("bench/README.md has no watch row to replace; left alone")
    return 0


def compile_bytecode() -> None:
    """Time studyguide as a teacher runs it: pip compiles an installed package's bytecode, but an
    editable install under PYTHONDONTWRITEBYTECODE (set on some machines) recompiles every module
    on every run, which would charge ~100 ms of compiling to studyguide and not to the floor."""
    import compileall

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    compileall.compile_dir(str(REPO / "src" / "studyguide"), quiet=1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="studyguide vs the floor (plain reportlab); see bench/README.md")
    ap.add_argument("--quick", action="store_true", help="a smoke run: smaller sizes, fewer runs; leaves README alone")
    ap.add_argument("--readme", action="store_true", help="write the table into bench/README.md even with --quick")
    ap.add_argument("--no-readme", action="store_true", help="do not write bench/README.md")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    ap.add_argument("--only", choices=["watch"], help="measure one figure alone (prints it; with --readme, "
                    "replaces that row of bench/README.md's table and leaves the rest)")
    ap.add_argument("--saves", type=int, help="saves for the watch figure (default 8; 3 with --quick; 15 with --only watch)")
    a = ap.parse_args(argv)
    compile_bytecode()
    if a.only == "watch":
        return watch_only(a)

    if a.quick:
        sizes, rounds, batch_count, batch_pairs, mem_size = (1, 4, 50), 3, 20, 1, 50
        plan, budget = {1: 3, 4: 3, 50: 1}, {1: 5, 4: 10, 50: 30}
        caps = {"whole": 60, "in_process": 30, "memory": 60, "batch": 120}
        weasy_plan = {}
    else:
        big = generate.LARGEST  # the largest guide the format accepts (a list: 1,000 items at most)
        sizes, rounds, batch_count, batch_pairs, mem_size = (1, 4, 50, big), 7, 100, 2, big
        plan, budget = {1: 9, 4: 9, 50: 5, big: 3}, {1: 15, 4: 20, 50: 60, big: 150}
        caps = {"whole": 120, "in_process": 90, "memory": 150, "batch": 300}
        weasy_plan = {4: 3, 50: 1}

    try:
        import weasyprint  # noqa: F401

        weasy = True
        weasy_version = weasyprint.__version__
    except Exception as exc:  # missing, or its system libraries (pango) are
        weasy, weasy_version = False, f"not available ({type(exc).__name__}: {str(exc)[:80]})"

    import reportlab

    import studyguide

    cpu_model = "?"
    try:
        cpu_model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    command = "python bench/run.py" + (" --quick" if a.quick else "")
    R: dict = {"env": {"command": command, "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                       "python": platform.python_version(), "reportlab": reportlab.Version,
                       "studyguide": getattr(studyguide, "__version__", "?"), "cpus": os.cpu_count(),
                       "cpu_model": cpu_model, "load_start": loadavg()},
               "caps": caps, "notes": []}
    digest0 = src_digest()
    busy0, steal0, ours0 = cpu_snapshot()
    wall0 = time.perf_counter()

    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="sg-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    guides = generate.write_sizes(tmp / "guides", sizes, a.seed)
    log(f"generated {', '.join(f'{n} units ({p.stat().st_size // 1024} KB)' for n, p in guides.items())} in {tmp}")
    g4 = guides[4]

    def guarded(label, fn, default=None):
        """One figure; a failure (src/ is being edited by others meanwhile) is noted, and the run goes on."""
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001
            msg = " ".join(str(exc).split())[:300]
            R["notes"].insert(0, f"**{label} failed**: {type(exc).__name__}: {msg}")
            log(f"{label} failed: {msg}")
            return default

    R["whole"] = guarded("Whole process", lambda: whole_process(g4, tmp, rounds, caps["whole"], weasy))
    R["validate_imports"] = guarded("validate's imports", lambda: validate_imports(g4))
    R["in_process"] = guarded("In process", lambda: in_process(guides, plan, budget, caps["in_process"]), {})

    P = R["in_process"]
    big = max((s for s in P if P[s]["pairs"]), default=None)
    if big and big > 4 and P.get(4, {}).get("pairs"):
        tpp = lambda rec, who: rec[f"{who}_median"] / rec[f"{who}_pages"]  # noqa: E731
        R["linear"] = {"big": big, "sg_big_ms": 1000 * tpp(P[big], "sg"), "sg_small_ms": 1000 * tpp(P[4], "sg"),
                       "floor_big_ms": 1000 * tpp(P[big], "floor"), "floor_small_ms": 1000 * tpp(P[4], "floor")}
        R["linear"]["sg_ratio"] = R["linear"]["sg_big_ms"] / R["linear"]["sg_small_ms"]
        R["linear"]["floor_ratio"] = R["linear"]["floor_big_ms"] / R["linear"]["floor_small_ms"]
        if big != max(sizes):
            R["notes"].append(f"Linear growth uses {big} units: the largest size studyguide finished within the cap.")
    if "linear" not in R or big != max(sizes):
        stop = next((s for s in sorted(P) if P[s].get("sg_timed_out")), None)
        if stop and stop > 4 and P.get(4, {}).get("pairs") and P[stop]["floor_pages"]:
            lower = 1000 * caps["in_process"] / P[stop]["floor_pages"]  # studyguide's own count is unknown
            small = 1000 * P[4]["sg_median"] / P[4]["sg_pages"]
            R["linear_bound"] = {"size": stop, "sg_big_ms": lower, "sg_small_ms": small, "ratio": lower / small,
                                 "floor_ratio": (P[stop]["floor"][0] / P[stop]["floor_pages"]) / (P[4]["floor_median"] / P[4]["floor_pages"])}
        if "linear" not in R:
            R["linear_note"] = "studyguide finished no size above 4 units within the cap"

    R["memory_size"] = mem_size
    mem_rec = P.get(mem_size, {})
    skip = (f"not run: studyguide did not finish {mem_size} units in process within {caps['in_process']} s"
            if mem_rec.get("note", "").startswith("studyguide") else None)
    R["memory"] = guarded("Peak memory", lambda: peak_memory(guides[mem_size], tmp, caps["memory"], skip))
    done = [n for n in sorted(P) if P[n]["pairs"]]
    if skip and done:  # the largest size studyguide did finish, so the figure has a real number
        R["memory_fallback_size"] = done[-1]
        R["memory_fallback"] = guarded("Peak memory", lambda: peak_memory(guides[done[-1]], tmp, caps["memory"], None))

    R["batch_count"] = batch_count
    if has_jobs_option():
        bdir = tmp / "batch"
        generate.write_batch(bdir, batch_count, 4, a.seed + 1000)
        R["batch"] = guarded("Batch", lambda: batch(bdir, tmp, batch_pairs, caps["batch"]))
    else:
        R["batch"] = {"skipped": "skipped: `studyguide build` has no `--jobs` option yet"}
        log("batch: skipped (no --jobs option)")

    R["watch"] = guarded("Watch", lambda: watch_latency(g4, tmp, a.saves or (3 if a.quick else 8), caps["whole"]))

    R["weasyprint"] = {"available": weasy, "version": weasy_version}
    if weasy and weasy_plan:
        R["weasyprint"]["in_process"] = guarded("WeasyPrint in process", lambda: weasy_in_process(
            {s: guides[s] for s in weasy_plan}, weasy_plan, caps["in_process"]), {})
    elif not weasy:
        R["weasyprint"]["note"] = f"WeasyPrint {weasy_version}: not measured"

    busy1, steal1, ours1 = cpu_snapshot()
    wall = time.perf_counter() - wall0
    hz = os.sysconf("SC_CLK_TCK")
    other = max(0.0, (busy1 - busy0) / hz - (ours1 - ours0))
    ncpu = os.cpu_count() or 1
    R["env"].update(load_end=loadavg(), wall=wall, other_cpu_pct=100 * other / (wall * ncpu),
                    steal_pct=100 * (steal1 - steal0) / hz / (wall * ncpu))
    R["env"]["src_digest"] = digest0
    if src_digest() != digest0:
        R["notes"].append("**studyguide's source files changed while this run went on** (other work on src/): "
                          "the figures may mix two versions; run again.")
        log("warning: src/studyguide changed during the run")
    R["notes"] += [
        "Ratios are medians of pairwise ratios (studyguide ÷ floor in the same round); times are medians.",
        "Whole process: `python -m studyguide build --no-key G -o D` (and `build G -o D`, `validate G`) vs "
        "`python bench/floor.py G out.pdf`, each a fresh interpreter, one warm-up round, then rounds in "
        "alternating order (A B C D, D C B A, ...).",
        "In process: `studyguide.api.render_guide(studyguide.api.load(path), key=False)` vs `floor.render(path)` "
        "in this one process, after two warm-up calls each; pairs alternate which goes first. "
        f"Runs planned per size: {plan} (fewer if a size's time budget {budget} s ran out); "
        f"a call is stopped after {caps['in_process']} s.",
        *([f"The {max(sizes)}-unit guide ({guides[max(sizes)].stat().st_size // 1024} KB, {max(sizes) * 6} questions, "
           f"{max(sizes) * 5} terms) is the largest the format accepts (a list holds at most 1,000 items); "
           "until 2026-12-05 the largest was 500 units, past the limits, which the benchmark lifted."]
          if max(sizes) == generate.LARGEST else []),
        "Peak memory: ru_maxrss (os.wait4) of one child each, `bench/_child.py floor|studyguide G out.pdf`, "
        "started from a small launcher (`_child.py measure`): a child forked straight from this large process "
        "would report this process's size too, since Linux keeps the high-water mark across exec.",
        "Pages: studyguide's handout / the floor's. The floor also lays out the key's explanation notes, which "
        "studyguide's handout reserves room for, so both fill about the same pages.",
    ]
    table = report(R)
    print(table)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps(R, indent=1, default=str), encoding="utf-8")
    failed = any("failed**" in n for n in R["notes"])
    if failed and not a.readme:
        log("something failed: bench/README.md left alone (use --readme to write it anyway)")
    elif (not a.quick or a.readme) and not a.no_readme:
        write_readme(table)
        log("wrote the table into bench/README.md")
    log(f"done; results in bench/results/latest.json; guides in {tmp}" + ("" if a.keep else " (temporary)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
