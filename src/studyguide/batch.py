"""Building many guides: one process pool that imports the layout code once per worker.

Each worker returns plain strings (paths, page counts, messages), so nothing
unpicklable crosses the process boundary; results come back in input order,
so the printed lines do not depend on which worker finished first.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from . import api, classroom
from .errors import StudyguideError


@dataclass
class Outcome:
    path: str
    outputs: list[tuple[str, int]] = field(default_factory=list)  # (pdf path, pages)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    internal: Optional[str] = None  # an unexpected error, one line

    @property
    def ok(self) -> bool:
        return not self.problems and self.internal is None


def outcome_of(path, out_dir, paper: Optional[str], key: bool, options=None) -> Outcome:
    """Build one guide; a guide's own problems become text, anything unexpected propagates."""
    outcome = Outcome(str(path))
    try:
        theme = options.theme if options is not None else None
        guide = api.load(path, check_theme=not theme)  # read once, built as read
        if options is not None and classroom.wanted(guide, options):
            result = classroom.build_set(path, out_dir, paper, options, guide=guide)
        else:
            result = api.build(path, out_dir, paper=paper, key=key,
                               activities=options.activities if options is not None else None,
                               theme=theme, guide=guide, skip=options.skip if options is not None else ())
    except StudyguideError as exc:
        outcome.problems = [str(p) for p in getattr(exc, "problems", None) or [exc]]
        return outcome
    outcome.outputs = [(str(o.path), o.pages) for o in result.outputs]
    outcome.warnings = [str(w) for w in result.warnings]
    return outcome


def build_one(path: str, out_dir: str, paper: Optional[str], key: bool, options=None) -> Outcome:
    """Build one guide; every error becomes text (this runs in a worker process)."""
    try:
        return outcome_of(path, out_dir, paper, key, options)
    except MemoryError:
        outcome = Outcome(path)
        outcome.internal = "out of memory: the guide is too large to lay out; split it into smaller guides"
        return outcome
    except Exception as exc:  # reported as one line by the caller
        outcome = Outcome(path)
        outcome.internal = f"{type(exc).__name__}: {exc}"
        return outcome


def _warm() -> None:
    """Pay the imports and font parsing once per worker, not once per guide."""
    from . import render  # noqa: F401  (the layout code: imported here for its cost, once per worker)
    from .theming import fonts  # (reportlab: in the worker, not in the command line's process)

    fonts.register()


def _star(args) -> Outcome:
    return build_one(*args)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def outcomes(paths: list[Path], out_dir, paper: Optional[str], key: bool, jobs: Optional[int],
             options=None) -> Iterator[Outcome]:
    """One Outcome per guide, in the order given: in this process for one guide or one job (an
    unexpected error then propagates, so --debug can show it), else in a pool of ``jobs``
    (default: one per core)."""
    jobs = jobs or default_jobs()
    if jobs == 1 or len(paths) == 1:
        return (outcome_of(path, out_dir, paper, key, options) for path in paths)
    return build_many(paths, out_dir, paper, key, jobs, options)


def build_many(paths: list[Path], out_dir, paper: Optional[str], key: bool, jobs: int, options=None) -> Iterator[Outcome]:
    """Yield one Outcome per guide, in the order given."""
    work = [(str(p), str(out_dir), paper, key, options) for p in paths]
    jobs = max(1, min(jobs, len(work)))
    if jobs == 1:
        for item in work:
            yield _star(item)
        return
    import multiprocessing  # only when a pool is needed: with concurrent.futures, ~25 ms to import
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                             initializer=_warm) as pool:
        yield from pool.map(_star, work, chunksize=1)
