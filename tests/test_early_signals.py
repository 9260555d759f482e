"""A signal at a chosen moment of a build's start: while a module is being imported.

The child is ``python -m studyguide build`` with an import hook in front: when the named module is
about to be imported, the signal is sent at once (to the command itself, or, from a pool's worker,
to its parent or to the whole process group, as Ctrl+C in a terminal does). No sleeping and no
race: the signal comes at that exact point, however busy the machine is.
"""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_support import guide
from studyguide.batch import default_jobs

# argv: MODULE SIGNAL WHO, then the command's own. WHO: "self" (the command), "parent" (a worker, to the
# command, as kill does) or "group" (a worker, to the whole group, as Ctrl+C does); the last two fire in a
# worker only, and MODULE "*" is the first module a worker imports (its start, before any guide). "callback": the
# command, from inside a weakref's callback, where Python cannot raise (a garbage collection's moment: CI met it).
HOOKED = r"""
import os, runpy, signal, sys, weakref
module, signum, who = sys.argv[1], int(sys.argv[2]), sys.argv[3]
del sys.argv[1:4]
command = os.getpid()

class SignalAt:
    def find_spec(self, name, path=None, target=None):
        if module in (name, "*") and (who in ("self", "callback")) == (os.getpid() == command):
            sys.meta_path.remove(self)
            {"self": lambda: os.kill(os.getpid(), signum), "parent": lambda: os.kill(os.getppid(), signum),
             "group": lambda: os.killpg(0, signum), "callback": collected}[who]()
        return None

class Dropped:
    pass

def collected():
    def callback(ref):
        os.kill(os.getpid(), signum)
        sum(range(1000))  # the handler runs here, in the callback
    held = Dropped()
    keep = weakref.ref(held, callback)
    del held

sys.meta_path.insert(0, SignalAt())
runpy.run_module("studyguide", run_name="__main__", alter_sys=True)
"""

MOMENTS = [
    # (module being imported when the signal comes, signal, sent by, -j)
    ("studyguide.cli", signal.SIGINT, "self", "1"),                   # the command's own start-up
    ("studyguide.layout.header", signal.SIGHUP, "self", "1"),         # the first guide being drawn
    ("multiprocessing.context", signal.SIGTERM, "self", "2"),         # multiprocessing half imported
    ("multiprocessing.popen_fork", signal.SIGHUP, "self", "2"),       # the pool's first worker being started
    ("*", signal.SIGTERM, "parent", "2"),                             # kill as a worker starts
    ("studyguide.layout.header", signal.SIGINT, "group", "2"),        # Ctrl+C as the workers draw the guides
    ("studyguide.layout.header", signal.SIGTERM, "callback", "1"),    # TERM inside a weakref's callback
]
POOL = default_jobs() >= 2  # -j 2 makes a pool only where there are two cores


@pytest.fixture(scope="module")
def guides(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("early")
    for name in ("a.yaml", "b.yaml"):
        guide(root / "g", name)
    return root


def test_a_signal_while_the_build_starts_stops_it_cleanly(guides, tmp_path):
    """Every moment at once (each its own command and output folder): a second each, not one after another."""
    moments = [m for m in MOMENTS if m[3] == "1" or POOL]  # one core: -j 2 builds with no pool to start
    running = []
    for i, (module, signum, who, jobs) in enumerate(moments):
        out = tmp_path / f"out{i}"
        running.append((out, subprocess.Popen(
            [sys.executable, "-c", HOOKED, module, str(int(signum)), who, "build", "g", "-j", jobs, "-o", str(out)],
            cwd=guides, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)))  # its own group: "group" reaches it alone
    for (module, signum, who, jobs), (out, proc) in zip(moments, running):
        stdout, stderr = proc.communicate(timeout=60)
        at = f"{signum.name} from {who} at import of {module}, -j {jobs}: {stderr}"
        assert proc.returncode == 128 + signum, at
        assert stderr.startswith(f"interrupted ({signum.name}): "), at
        assert len(stderr.splitlines()) == 1, at  # one line: no traceback, no internal error
        assert stdout == "", at
        assert not out.exists() or not list(out.iterdir()), at  # nothing written, not even a temporary file


@pytest.mark.parametrize("module, command", [
    ("studyguide.batch", ["build", "g/a.yaml", "--versions", "2", "-o", "out"]),  # the guide loading, before any file
    ("studyguide.budget", ["check", "g/a.yaml"]),                                 # a command that writes nothing
    ("studyguide.export.quizlet", ["export", "g/a.yaml", "--to", "quizlet", "-o", "out"]),
])
def test_a_signal_before_any_file_is_named_says_nothing_was_written(guides, module, command):
    # hostile r15 finding 6: it said "the files reported above were written whole", with nothing reported
    done = subprocess.run([sys.executable, "-c", HOOKED, module, str(int(signal.SIGTERM)), "self", *command],
                          cwd=guides, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (143, "", "interrupted (SIGTERM): nothing was written\n")
    assert not (guides / "out").exists()
