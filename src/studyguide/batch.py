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

from . import api, classroom, interrupts
from .classroom import SetOptions
from .errors import StudyguideError
from .files import check_folder, write_all


@dataclass
class Outcome:
    path: str
    outputs: list[tuple[str, int, str]] = field(default_factory=list)  # (pdf path, pages, how to print it or "")
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    internal: Optional[str] = None  # an unexpected error, one line
    interrupted: Optional[int] = None  # INT, TERM or HUP came while it was built (outputs: written whole)

    @property
    def ok(self) -> bool:
        return not self.problems and self.internal is None


def _load(path, options):

    theme = options.theme if options is not None else None
    return api.load(path, check_theme=not theme)


def plan(paths: list[Path], out_dir, key: bool, options=None) -> tuple[dict, dict]:
    """Read every guide and name every file the command will write, before anything is drawn.

    Returns (guides read, by path) and (outcomes already known, by path): a guide that cannot be
    read fails with its problems, and guides whose outputs would be the same file (a.yaml and
    a.yml, "b c.yaml" and b-c.yaml, a-key.yaml beside a.yaml's key, names differing only in case)
    fail with a message naming each other, so neither is written. The others build as usual.
    """

    options = options if options is not None else SetOptions(key=key)
    guides, known, plans = {}, {}, []
    for path in paths:
        try:
            guide = _load(path, options)
        except StudyguideError as exc:
            known[path] = Outcome(str(path), problems=[str(p) for p in getattr(exc, "problems", None) or [exc]])
            continue
        except Exception:  # reported by the build itself, with the rest of its kind
            continue
        guides[path] = guide
        plans.append((path, [name for one in options.each_edition() for copy in classroom.each_copy(guide, one)
                             for name in classroom.names(path, out_dir, guide, copy, key).values()]))
    for path, problems in api.clashes(plans).items():
        guides.pop(path, None)
        known[path] = Outcome(str(path), problems=[str(p) for p in problems])
    return guides, known


def outcome_of(path, out_dir, paper: Optional[str], key: bool, options=None, guide=None) -> Outcome:
    """Build one guide (``guide``: it, already read); a guide's own problems become text,
    anything unexpected propagates.

    With --edition twice, every edition is drawn before any file is written, then all the guide's
    files (each edition's versions, keys, grids and class sets) go in together: a problem in a
    later edition, or a signal while it is drawn, leaves every file of the guide as it was.
    """

    outcome = Outcome(str(path))
    drawn: list = []  # (target, bytes) of every edition, written together once all are drawn
    edition = None  # the edition being drawn, when there are several: named in its problems
    try:
        guide = guide or _load(path, options)  # read once, built as read
        editions = options.each_edition() if options is not None else [None]  # --edition twice: each
        said: dict[str, list[str]] = {}  # each warning: the editions that gave it
        for one in editions:
            edition = one.edition if len(editions) > 1 else None
            for copy in classroom.each_copy(guide, one) if one is not None else [None]:  # standard, accommodated
                result = _build(path, out_dir, paper, key, copy, guide)
                drawn += result.files
                outcome.outputs += [(str(o.path), o.pages, o.note) for o in result.outputs]
                for w in map(str, result.warnings):
                    if edition not in said.setdefault(w, []):
                        said[w].append(edition)
        outcome.warnings = [_of_editions(w, ones, len(editions)) for w, ones in said.items()]
        edition = None
        write_all(drawn, Path(out_dir), then=interrupts.disarm, guide=Path(path))  # a signal now waits: the outcome says they were written
    except StudyguideError as exc:
        where = f" (in the {edition} edition)" if edition else ""
        outcome.problems = [f"{p}{where}" for p in getattr(exc, "problems", None) or [exc]]
        outcome.outputs = []  # nothing of this guide was written
    return outcome


def _of_editions(warning: str, editions: list, asked: int) -> str:
    """A warning of a build with several editions, naming the editions it is about when not all of
    them: the large print's word search leaving out a long term is no word about the standard one's."""
    if len(editions) >= asked:
        return warning
    names = [str(e) for e in editions]
    named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{warning} (in the {named} edition{'s' if len(names) > 1 else ''})"


def _build(path, out_dir, paper: Optional[str], key: bool, options, guide) -> api.BuildResult:
    """One edition of the guide, drawn, its files named in the result but not written."""
    if options is not None and classroom.wanted(guide, options):
        return classroom.build_set(path, out_dir, paper, options, guide=guide, write=False)
    return api.build(path, out_dir, paper=paper, key=key,
                     activities=options.activities if options is not None else None,
                     theme=options.theme if options is not None else None, guide=guide,
                     skip=options.skip if options is not None else (), write=False)


def build_one(path: str, out_dir: str, paper: Optional[str], key: bool, options=None, guide=None,
              debug: bool = False) -> Outcome:
    """Build one guide; every error becomes text (``debug``: an unexpected one propagates). A signal that comes meanwhile stops the build
    before its files are written (``interrupted``, no outputs) or once they all are (with outputs)."""

    try:
        interrupts.raise_if_interrupted()
        if interrupts.pending_signal() is not None:  # it stopped the guide before: none starts after it,
            raise interrupts.Interrupted(interrupts.pending_signal())  # though a worker's queue holds the next
        with interrupts.armed():
            outcome = (outcome_of if debug else _built)(path, out_dir, paper, key, options, guide)
    except interrupts.Interrupted as exc:
        return Outcome(str(path), interrupted=exc.signum)
    outcome.interrupted = interrupts.pending_signal()
    return outcome


def _built(path, out_dir, paper, key, options, guide) -> Outcome:
    try:
        return outcome_of(path, out_dir, paper, key, options, guide)
    except MemoryError:
        outcome = Outcome(str(path))
        outcome.internal = "out of memory: the guide is too large to lay out; split it into smaller guides"
        return outcome
    except Exception as exc:  # reported as one line by the caller
        outcome = Outcome(str(path))
        outcome.internal = f"{type(exc).__name__}: {exc}"
        return outcome


def _warm() -> None:
    """Pay the imports and font parsing once per worker, not once per guide; a signal (a Ctrl+C
    reaches the whole group, the parent passes on the others) stops the guide being built, never
    the worker while it waits."""
    from . import render  # noqa: F401  (the layout code: imported here for its cost, once per worker)
    from .theming import fonts

    interrupts.handle_signals(armed=False)
    fonts.register()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def jobs_for(asked: Optional[int], guides: int) -> int:
    """Guides built at once: what was asked (default: one per core), never more than the cores
    or the guides: more processes than cores only share them, each with its own memory."""
    return max(1, min(asked or default_jobs(), default_jobs(), guides))


def outcomes(paths: list[Path], out_dir, paper: Optional[str], key: bool, jobs: Optional[int],
             options=None) -> Iterator[Outcome]:
    """One Outcome per guide, in the order given: every output named first (see :func:`plan`), then
    built in this process for one job (an unexpected error then propagates, so --debug can show it),
    else in a pool of at most ``jobs`` (default: one per core; never more than the cores or guides)."""

    check_folder(out_dir)  # -o /dev/null, -o /proc: said once, before any work
    guides, known = plan(paths, out_dir, key, options)
    return build_many(paths, out_dir, paper, key, jobs, options, guides, known)


def build_many(paths: list[Path], out_dir, paper: Optional[str], key: bool, jobs: int, options=None,
               guides: Optional[dict] = None, known: Optional[dict] = None, debug: bool = False) -> Iterator[Outcome]:
    """Yield one Outcome per guide, in the order given. ``guides``: those already read (see :func:`plan`);
    ``known``: outcomes decided already (a guide that cannot be read, outputs that clash).
    ``debug``: one at a time, in this process (where an unexpected error propagates, as it does
    whenever the guides are built here, so --debug can show its traceback).

    On INT, TERM or HUP no other guide is started; those being built finish or stop whole, their
    outcomes are yielded, then Interrupted is raised again.
    """

    guides, known = guides or {}, known or {}
    todo = [p for p in paths if p not in known]
    jobs = 1 if debug else jobs_for(jobs, len(todo))
    args = {p: (str(p), str(out_dir), paper, key, options, guides.get(p)) for p in todo}
    if jobs == 1:
        for path in paths:
            outcome = known.get(path) or build_one(*args[path], debug=True)  # here, an error reaches main()
            yield outcome
            if outcome.interrupted:
                raise interrupts.Interrupted(outcome.interrupted)
        return
    with interrupts.deferred():  # a signal while the pool starts waits (see _started)
        pool, futures = _started(todo, args, jobs)
    from concurrent.futures import CancelledError  # (imported by _started)

    stop: Optional[interrupts.Interrupted] = None
    # Signals wait here, in this process, as its lines are printed too (the caller's loop runs between the yields): the
    # workers are sent each one and stop between guides, and every guide whose files went in is yielded, so reported.
    # Raised where it came, between one guide's outcome and its line, a TERM left the guide a worker was finishing
    # written and never reported built.
    with interrupts.deferred():
        try:
            for path in paths:
                stop = stop or _stopping(futures)
                if path in known:
                    if not stop:
                        yield known[path]
                    continue
                try:
                    outcome = futures[path].result()
                except CancelledError:
                    continue
                stop = stop or _stopping(futures) or (interrupts.Interrupted(outcome.interrupted)
                                                      if outcome.interrupted else None)
                if stop:
                    for future in futures.values():
                        future.cancel()
                yield outcome
        finally:
            pool.shutdown(wait=True, cancel_futures=True)  # (signals held: cut, workers would wait for work forever)
    if stop:
        raise stop
    interrupts.raise_if_interrupted()  # it came as the pool shut down: every guide was built, the status says it came


def _stopping(futures: dict) -> Optional[interrupts.Interrupted]:
    """The signal that came (once), with every guide not begun cancelled and the signal sent again to the workers (one
    forked just before it came had not yet set its handlers); None when none came."""
    stop = interrupts.taken()
    if stop is not None:
        interrupts.pass_on()
        for future in futures.values():
            future.cancel()
    return stop


def _started(todo: list, args: dict, jobs: int):
    """The pool, its workers started and every guide handed to it: (pool, future of each guide). Called with
    signals held: one raised in the middle of importing multiprocessing, or of starting a worker, would
    leave a worker the pool does not know of (and waits for) or a module half made."""
    import multiprocessing  # only when a pool is needed: it costs ~25 ms to import
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method), initializer=_warm)
    try:
        return pool, {p: pool.submit(build_one, *args[p]) for p in todo}
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
