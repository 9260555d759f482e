"""Rebuild guides as they are saved, in one warm process.

Polls file signatures (inode, size, modification time) rather than relying on
platform file-event APIs: it works the same everywhere, costs a few stat()
calls per tick, and survives editors that save by writing a new file and
renaming it over the old one (the guide briefly vanishes, then reappears with
a new inode). A guide's images are watched too.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import api
from .errors import StudyguideError

Signature = Optional[tuple[int, int, int]]


def signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class Watcher:
    def __init__(self, paths: Iterable[str | Path], out_dir, paper=None, key=True,
                 report: Callable[[str, bool], None] = lambda line, err: print(line)):
        self.paths, self.out_dir, self.paper, self.key, self.report = list(paths), out_dir, paper, key, report
        self.seen: dict[Path, Signature] = {}
        self.images: dict[Path, list[Path]] = {}  # guide → images it showed last time

    def _guides(self) -> list[Path]:
        try:
            return api.find_guides(self.paths)
        except StudyguideError:
            return [p for p in map(Path, self.paths) if p.suffix.lower() in api.GUIDE_SUFFIXES]

    def _state(self, guide: Path) -> tuple:
        return (signature(guide),) + tuple(signature(p) for p in self.images.get(guide, ()))

    def build(self, guide: Path) -> None:
        start = time.perf_counter()
        try:
            result = api.build(guide, self.out_dir, paper=self.paper, key=self.key)
        except StudyguideError as exc:
            for problem in getattr(exc, "problems", None) or [exc]:
                self.report(str(problem), True)
            self.report(f"failed: {guide} (waiting for the next save)", True)
            return
        except Exception as exc:  # keep watching whatever happens
            self.report(f"internal error: {type(exc).__name__}: {exc}", True)
            return
        self.images[guide] = [t.image for t in result.guide.topics if t.image is not None]
        for w in result.warnings:
            self.report(str(w), True)
        ms = (time.perf_counter() - start) * 1000
        made = ", ".join(f"{o.path} ({o.pages} pages)" for o in result.outputs)
        self.report(f"rebuilt {guide} → {made} in {ms:.0f} ms", False)

    def tick(self) -> int:
        """Build every guide whose file (or image) changed since the last tick; return how many."""
        built = 0
        for guide in self._guides():
            state = self._state(guide)
            if state[0] is None:  # mid-rename: the new file is not there yet
                continue
            if self.seen.get(guide) != state:
                self.build(guide)
                self.seen[guide] = self._state(guide)
                built += 1
        return built

    def run(self, interval: float = 0.02, stop: Callable[[], bool] = lambda: False) -> None:
        self.tick()
        self.report("watching for changes; press Ctrl+C to stop", False)
        while not stop():
            time.sleep(interval)
            self.tick()
