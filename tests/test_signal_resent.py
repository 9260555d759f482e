"""A signal that lands where Python cannot raise (a weakref's callback) is sent again a moment later from a
thread (interrupts._unraisable). Once the command has acted on it and ended, that second sending must not
reach the program around it: a program that runs the command in-process (``studyguide.cli.main``, a test)
has its own handlers back by then, and a TERM it never got would kill it, an INT raise KeyboardInterrupt
somewhere in its own code."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

CALLER = r"""
import os, signal, time, weakref
from studyguide import interrupts

came = []
signal.signal(signal.SIGTERM, lambda signum, frame: came.append(signum))  # the caller's own handler

class Dropped:
    pass

def callback(ref):
    os.kill(os.getpid(), signal.SIGTERM)
    sum(range(1000))  # the handler runs here, inside the callback: Python cannot raise

with interrupts.signals_handled():
    held = Dropped()
    keep = weakref.ref(held, callback)
    del held
    try:
        interrupts.raise_if_interrupted()
        print("not stopped")
    except interrupts.Interrupted as exc:
        print("stopped by", exc.name)
time.sleep(0.3)  # past the moment the signal is sent again
print("the caller got", came)
"""


def test_a_signal_taken_back_from_a_callback_is_not_sent_again_once_the_command_is_over():
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-c", CALLER], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["stopped by SIGTERM", "the caller got []"]
    assert "Exception ignored" not in run.stderr
