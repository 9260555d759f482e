"""What one xdist worker made, the run's other worker reads: a layout both would make, made once.

`pytest -n 2` hands the tests to two processes, and the tests that read the same laid-out pages (the
bundled guides in each theme, paper and edition: conftest.rendered) land on both, so each process laid
out the same pages again. Here the first worker to ask for a result makes it and leaves it, pickled, in a
folder the run's workers share (the parent of their temporary folders, new for each run); a worker that
asks meanwhile waits for it rather than making it too. Nothing outlives the run: a later run, on changed
code, makes everything afresh. Without xdist (or without fcntl) every result is made where it is asked
for, as before.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

try:
    import fcntl
except ImportError:  # (not on Windows: there each worker makes its own)
    fcntl = None

_FOLDER: list[Path] = []


def share_in(folder: Path) -> None:
    """Share the results through ``folder`` (the same for each worker of a run)."""
    folder.mkdir(parents=True, exist_ok=True)
    _FOLDER[:] = [folder]


def made_once(key: str, make):
    """``make()``, or what another worker of this run made for ``key`` (a text naming everything the result
    depends on). A result that cannot be pickled is the maker's own."""
    if not _FOLDER or fcntl is None:
        return make()
    name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:40]
    kept = _FOLDER[0] / f"{name}.pickle"
    with open(_FOLDER[0] / f"{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # (held while the result is made: the other worker waits, not makes)
        try:
            if kept.exists():
                return pickle.loads(kept.read_bytes())
            value = make()
            try:
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # (an object pickle cannot take: this worker keeps its own)
                return value
            part = kept.with_suffix(".part")
            part.write_bytes(data)
            os.replace(part, kept)
            return value
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
