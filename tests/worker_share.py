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


def made_in(key: str, make, own):
    """``(folder, make(folder))`` with ``folder`` the same for the run's workers: the first worker to ask makes
    the files there (a build, a class set) and the other reads them, with ``make``'s value as pickled. ``own()``
    gives a worker's own folder, used where nothing is shared, and by the second worker when the first could not
    pickle its value or failed half-way (its files may be partly written: they are left alone). The tests that
    read a shared folder must not write into it."""
    if not _FOLDER or fcntl is None:
        folder = own()
        return folder, make(folder)
    name = hashlib.sha256(key.encode("utf-8")).hexdigest()[:40]
    folder, kept = _FOLDER[0] / f"{name}.d", _FOLDER[0] / f"{name}.pickle"
    with open(_FOLDER[0] / f"{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if kept.exists():
                return folder, pickle.loads(kept.read_bytes())
            if folder.exists():  # (made, but its value is the maker's own, or the making failed)
                folder = own()
                return folder, make(folder)
            folder.mkdir()
            value = make(folder)
            try:
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                return folder, value
            part = kept.with_suffix(".part")
            part.write_bytes(data)
            os.replace(part, kept)
            return folder, value
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
