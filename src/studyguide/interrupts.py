"""INT, TERM and HUP stop a command between files, never in the middle of a set of them.

A teacher's Ctrl+C, a closed terminal (HUP), ``kill`` or ``timeout`` or a cancelled CI job (TERM):
each becomes :class:`Interrupted`, raised where the command is, so what it was drawing is dropped
and the temporary files are removed (see studyguide.api.write_all). Inside :func:`deferred` — from
the first rename of a set of PDFs to the last — a signal only waits, and is acted on after: a set
is put in place whole or not at all. A pool's workers stop with their parent, each between guides.

Kept apart from the pipeline, and light (standard library only), so the command can install
the handlers before it imports anything else.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Optional

SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class Interrupted(BaseException):
    """INT, TERM or HUP came (a BaseException, like KeyboardInterrupt: no ``except Exception`` swallows it)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        # reportlab re-raises what a paragraph raised as type(e)(its own words): the signal is the one that came
        self.signum = signum if isinstance(signum, int) else (_signals.pending or signal.SIGINT)

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # 130 INT, 143 TERM, 129 HUP, as a shell reports them


class _Signals:
    armed = False     # raise Interrupted when a signal comes (off: only remember it; a pool's idle worker)
    critical = 0      # inside deferred(): remember the signal, act on it after
    pending: Optional[int] = None  # the first signal that came
    raised = False    # Interrupted was raised for it already
    owner = 0         # the process that installed the handlers: it passes signals on to its workers


_signals = _Signals()


def _on_signal(signum, frame) -> None:
    if os.getpid() != _signals.owner:  # a worker just forked, not yet set up (see handle_signals): remember it
        _signals.pending = signum if _signals.pending is None else _signals.pending
        return
    _send(signum)  # a worker pool's processes stop with their parent, each between files
    if _signals.pending is None:
        _signals.pending = signum
    if _signals.armed and not _signals.critical and not _signals.raised:
        _signals.raised = True
        raise Interrupted(signum)


def _unraisable(info) -> None:
    """Where Python cannot raise (a weakref's callback, ``__del__``, a garbage collection), Interrupted would
    only be printed, with a traceback, and the signal lost. It is taken back instead: raise_if_interrupted
    acts on it when the files are written, and the same signal comes again a moment later, from a thread, to
    be raised by ordinary code (sent from here, it would be raised here again)."""
    if not (isinstance(info.exc_value, Interrupted) and os.getpid() == _signals.owner):
        _previous_hook(info)
        return
    _signals.raised = False
    again = threading.Timer(0.02, _resend, (info.exc_value.signum,))
    again.daemon = True
    try:
        again.start()
    except RuntimeError:  # the interpreter is shutting down: no thread; raise_if_interrupted is past too
        pass


def _resend(signum: int) -> None:
    """Only while the command still waits on it: once acted on (raised), or the command over (pending cleared,
    the caller's own handlers back), a signal sent now would reach a program that never had it."""
    if not _signals.raised and _signals.pending is not None and signal.getsignal(signum) is _on_signal:
        try:
            os.kill(os.getpid(), signum)
        except OSError:
            pass


_previous_hook = sys.unraisablehook


def _send(signum: int) -> None:
    """The signal, to the pool's workers if a pool was started. They are looked up, not imported: the
    signal may come while multiprocessing itself is being imported, and the half-made module has no
    active_children yet (nor can it have started a process)."""
    active = getattr(sys.modules.get("multiprocessing"), "active_children", None)
    for child in active() if active is not None else []:
        try:
            os.kill(child.pid, signum)
        except OSError:
            pass


def pass_on() -> None:
    """Send the signal that came to every worker again: one forked just before it came, and not yet
    listed among the pool's processes then, did not get it (called once the pool has started)."""
    if _signals.pending is not None:
        _send(_signals.pending)


def handle_signals(armed: bool = True) -> dict:
    """Route INT, TERM and HUP to Interrupted (see :func:`deferred`); returns the handlers replaced.
    Only the main thread can: elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    old = {}
    already = signal.getsignal(signal.SIGINT) is _on_signal  # installed at start-up: keep what came since
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            try:
                old[number] = signal.signal(number, _on_signal)
            except (OSError, ValueError):
                pass
    if not already:  # else installed at start-up, or inherited by a worker: what came since still counts
        _signals.critical, _signals.pending, _signals.raised = 0, None, False
    elif _signals.owner != os.getpid():  # a worker, forked while its parent held signals (batch._started):
        _signals.critical, _signals.raised = 0, False  # that block and what it raised are the parent's
    _signals.armed, _signals.owner = armed, os.getpid()
    if sys.unraisablehook is not _unraisable:
        global _previous_hook
        _previous_hook, sys.unraisablehook = sys.unraisablehook, _unraisable
    return old


@contextmanager
def signals_handled():
    """For the length of a command: a signal raises Interrupted, or waits until a set of files is in place."""
    old = handle_signals()
    try:
        yield
    finally:
        for number, handler in old.items():
            signal.signal(number, handler)
        _signals.armed, _signals.pending, _signals.raised, _signals.critical = False, None, False, 0


def ignore_from_now() -> None:
    """The command is over (its files all written, or all as they were): while the interpreter shuts
    down it puts the default handlers back, and a late TERM would then kill the process with nothing
    said, so INT, TERM and HUP are ignored for the little time left."""
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            try:
                signal.signal(number, signal.SIG_IGN)
            except (OSError, ValueError):
                pass


@contextmanager
def armed(on: bool = True):
    """In a pool's worker: raise Interrupted while it builds a guide (``on``), only remember the signal
    while it waits for the next one (an exception there would kill the worker)."""
    before = _signals.armed
    _signals.armed = on
    try:
        yield
    finally:
        _signals.armed = before


def disarm() -> None:
    """Until the :func:`armed` block around it ends, a signal only waits: called as the last file of a
    guide goes in, so the outcome saying they were written is returned, and the signal acted on after."""
    _signals.armed = False


@contextmanager
def deferred():
    """A signal that comes inside this block is acted on after it: the block is never cut in the middle."""
    _signals.critical += 1
    try:
        yield
    finally:
        _signals.critical -= 1


def pending_signal() -> Optional[int]:
    """The signal that came (acted on or not), if any."""
    return _signals.pending


def taken() -> Optional[Interrupted]:
    """The signal that came, as Interrupted, for a loop inside :func:`deferred` that acts on it itself; once (after:
    None, as after :func:`raise_if_interrupted`)."""
    if _signals.pending is None or _signals.raised:
        return None
    _signals.raised = True
    return Interrupted(_signals.pending)


def raise_if_interrupted() -> None:
    """Raise Interrupted for a signal that came inside a :func:`deferred` block, now that it has ended."""
    if _signals.pending is not None and not _signals.raised and not _signals.critical:
        _signals.raised = True
        raise Interrupted(_signals.pending)
