"""A warm helper process that draws one of a guide's two documents while watch draws the other.

The handout and the key share one layout, and the layout does not depend on
the mode (see render.render), so each document can be drawn on its own and
comes out byte for byte as when both are drawn together. On two cores a
rebuild then waits for one layout and one drawing instead of one layout and
two drawings (4-unit bench guide, with warmcache: ~152 ms -> ~126 ms): the
helper draws the handout while the watcher draws the key (the slightly larger
job, so the watcher, which has the guide first, starts it first). The helper
gets the guide the watcher loaded, over a pipe, so both documents come from
the same bytes of the file even if it is saved again meanwhile.

The helper is forked from the watcher once the layout code is imported, and
stays warm between saves. It never outlives the watcher: it ignores
Ctrl+C (the watcher stops it), it exits when the pipe to the watcher closes
(the watcher is gone, however it ended), and on Linux the kernel also sends
it SIGTERM when the watcher dies. Anything it cannot do (it died, the guide
could not be sent, it raised) ends in :class:`HelperFailed`, and the watcher
draws that document itself, so a rebuild never depends on the helper.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from typing import Optional


class HelperFailed(Exception):
    """The helper could not draw the document; the caller draws it itself."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def usable() -> bool:
    """Whether a helper can make a rebuild faster: only with a second core to run on."""
    return cores() > 1


class IdleMeter:
    """How many cores stood idle over the last second or so (Linux: /proc/stat), sampled while watching.

    The helper only helps when it gets a core of its own: when something else keeps a core busy,
    the watcher and the helper take turns on the one left, each laying the guide out, and a
    rebuild is slower than drawing both documents in one process (4-unit bench guide, a
    two-core machine with one core busy: ~210-250 ms with the helper, ~170-220 ms without).
    """

    WINDOW = 0.25  # seconds: the shortest stretch a reading covers

    def __init__(self, path: str = "/proc/stat"):
        self.path = path
        self.samples: deque = deque()  # (time, idle jiffies, all jiffies)

    def _read(self) -> Optional[tuple[int, int]]:
        try:
            with open(self.path, "rb") as fh:
                fields = [int(x) for x in fh.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        if len(fields) < 4:
            return None
        return fields[3] + (fields[4] if len(fields) > 4 else 0), sum(fields[:8])  # idle + iowait; all but guest

    def sample(self) -> None:
        reading = self._read()
        if reading is None:
            return
        now = time.monotonic()
        self.samples.append((now, *reading))
        while len(self.samples) > 2 and now - self.samples[1][0] >= self.WINDOW:
            self.samples.popleft()  # keep one sample at least WINDOW old, and nothing older than needed

    def reset(self) -> None:
        """Forget the readings (after a rebuild: its own work is not a sign of a busy machine)."""
        self.samples.clear()

    def idle_cores(self) -> Optional[float]:
        """Idle cores on average since the oldest kept sample, or None if there is no such reading yet."""
        if len(self.samples) < 2:
            return None
        (t0, idle0, all0), (t1, idle1, all1) = self.samples[0], self.samples[-1]
        if t1 - t0 < self.WINDOW or all1 <= all0:
            return None
        return (idle1 - idle0) / (all1 - all0) * (os.cpu_count() or 1)

    def spare_core(self) -> bool:
        """True unless the last readings show less than one and a half idle cores (unknown: True)."""
        idle = self.idle_cores()
        return idle is None or idle >= 1.5


def _die_with_parent() -> None:
    """Linux: have the kernel send SIGTERM to this process when the watcher dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001  (the closed pipe ends the helper anyway)
        pass


def _serve(conn, other_end, parent_pid: int, cache: bool) -> None:
    """The helper's loop: (guide, paper, mode, options) in; ("ok", Rendered, seconds) or ("error", name, message) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group; the watcher stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    other_end.close()  # or the pipe would never report the watcher gone
    _die_with_parent()
    if os.getppid() != parent_pid:  # the watcher died before prctl took effect
        return
    from .. import api
    from . import cache as warmcache

    if cache:
        warmcache.install()  # forked: already there, with what the watcher had kept; spawned: from now on
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        guide, paper, mode, options = job
        start = time.perf_counter()
        try:
            rendered, _ = api.render_guide(guide, paper, modes=(mode,), **options)
            reply = ("ok", rendered[mode], time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001  (the watcher draws it itself, and reports what it finds)
            reply = ("error", type(exc).__name__, str(exc))
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


class Helper:
    """One helper process: :meth:`submit` a guide, draw the other document, then take its :meth:`result`."""

    def __init__(self, cache: bool = False):
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        mp = multiprocessing.get_context(method)
        self.conn, child_end = mp.Pipe()
        self.process = mp.Process(target=_serve, args=(child_end, self.conn, os.getpid(), cache),
                                  name="studyguide-helper", daemon=True)
        self.process.start()
        child_end.close()
        self.pending = False
        self.seconds: Optional[float] = None  # how long the last document took the helper to draw

    def alive(self) -> bool:
        return self.process.is_alive()

    def submit(self, guide, paper: Optional[str], mode: str, **options) -> None:
        """Start drawing ``guide`` as ``mode``; raises HelperFailed if the job cannot be handed over."""
        if self.pending:
            raise HelperFailed("the helper is still busy with an earlier guide")
        try:
            self.conn.send((guide, paper, mode, options))
        except Exception as exc:  # noqa: BLE001  (a dead helper, or something that does not pickle)
            raise HelperFailed(f"{type(exc).__name__}: {exc}") from None
        self.pending = True

    def result(self):
        """The document's Rendered; raises HelperFailed if the helper failed or died."""
        if not self.pending:
            raise HelperFailed("nothing was submitted")
        try:
            while not self.conn.poll(0.25):
                if not self.process.is_alive():
                    raise HelperFailed(f"the helper process ended (exit code {self.process.exitcode})")
            reply = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise HelperFailed(f"the helper process ended ({type(exc).__name__})") from None
        finally:
            self.pending = False
        if reply[0] != "ok":
            raise HelperFailed(f"{reply[1]}: {reply[2]}")
        self.seconds = reply[2]
        return reply[1]

    def close(self, timeout: float = 2.0) -> None:
        """Stop the helper and wait for it: at once if it is busy, else once it has read the stop."""
        if self.pending:  # drawing something nobody will read: no need to wait for it
            self.process.terminate()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        self.pending = False
