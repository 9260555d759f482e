"""One measured child process for bench/run.py's peak-memory figure.

    python bench/_child.py studyguide GUIDE.yaml OUT.pdf   # the api path, handout only
    python bench/_child.py floor GUIDE.yaml OUT.pdf        # the floor
    python bench/_child.py weasyprint GUIDE.yaml OUT.pdf   # the peer
    python bench/_child.py measure CAP CMD...              # run CMD, print its peak RSS (see measure())
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(cap: float, cmd: list[str]) -> int:
    """Run ``cmd`` as a child of this small process; print its peak RSS (KB), seconds and exit code as JSON.

    A child's ru_maxrss also counts the memory image it was forked from (Linux keeps
    the high-water mark across exec), so a child of the benchmark's own large
    process would report at least the benchmark's size. Forking from this small
    launcher keeps that floor at a few MB, below anything measured.
    """
    import json
    import os
    import signal
    import time

    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(cmd[0], cmd)
        finally:
            os._exit(127)
    killed = []

    def stop(signum, frame):
        killed.append(1)
        os.kill(pid, signal.SIGKILL)

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    _, status, usage = os.wait4(pid, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)
    print(json.dumps({"maxrss_kb": usage.ru_maxrss, "seconds": time.perf_counter() - t,
                      "rc": os.waitstatus_to_exitcode(status), "killed": bool(killed)}))
    return 0


def main(argv) -> int:
    if argv[0] == "measure":
        return measure(float(argv[1]), argv[2:])
    who, guide, out = argv
    if who == "studyguide":
        from studyguide import api

        rendered, _ = api.render_guide(api.load(guide), key=False)
        Path(out).write_bytes(rendered["student"].pdf)
        pages = rendered["student"].pages
    else:
        sys.path.insert(0, str(HERE))
        mod = __import__("floor" if who == "floor" else "peer_weasyprint")
        pdf, pages = mod.render(guide)
        Path(out).write_bytes(pdf)
    print(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
