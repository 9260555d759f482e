"""Rebuild guides as they are saved, in one warm process.

Compares file signatures (inode, size, modification time) rather than
trusting file events alone: it works the same everywhere, costs a few stat()
calls per look, and survives editors that save by writing a new file and
renaming it over the old one (the guide briefly vanishes, then reappears with
a new inode). A guide's images, logo, theme files and the folder's
studyguide.yaml are watched too, each as it was *before* the build read it: a
picture replaced while its rebuild runs is built again. A guide that goes away
(deleted, moved, a folder in its place) is reported once, after a moment (a
save by rename takes it away for an instant), and built again when it comes
back. It looks every ``interval``,
and on Linux also the moment inotify reports a write or a rename in a watched
folder (see notifier), so a save is seen at once rather than up to an interval
later.

A rebuild is what ``studyguide build`` does, byte for byte, made quicker by
staying warm (see cache: unchanged paragraphs are not parsed or broken
into lines again). A second process drawing the handout while this one drew
the key saved about 26 ms a save on an idle two-core machine and cost more on
a busy one; it was removed (bench/README.md has the figures).
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

from .. import api
from ..errors import StudyguideError
from ..files import write_all
from ..reading import schema
from ..reading.walker import count
from ..theming import themefiles
from . import cache as warmcache, notifier

Signature = Optional[tuple[int, int, int]]


def signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def inputs(path: Path, guide) -> list[Path]:
    """The files besides the guide at ``path`` that its PDFs are drawn from: the folder's defaults file (even
    before it exists: writing one changes them), and for a loaded ``guide`` (None: not loaded) its pictures,
    its logo, and the teacher's theme files and fonts. The editor's preview keys its builds on them too."""
    deps = [api.defaults_file(path.parent) or path.parent / schema.DEFAULTS_FILE]
    if guide is None:
        return deps
    deps += [t.image for t in guide.topics if t.image is not None]
    if guide.branding.logo is not None:
        deps.append(guide.branding.logo)
    if guide.theme or themefiles.overridden(themefiles.DEFAULT, path):
        try:
            spec = themefiles.resolve(guide.theme, path, guide.theme_where)
        except StudyguideError:
            spec = None
        if spec is not None:
            deps += [f for f in spec.files if f.parent != themefiles.BUNDLED_DIR]
            deps += [font for font, _ in spec.font_files.values()]
    return list(dict.fromkeys(deps))


class Watcher:
    """Rebuilds each guide in ``paths`` when it changes.

    ``cache``: keep paragraph work across rebuilds (see cache; default on).
    Call :meth:`close` (or use ``with``) when done: it drops the cache.
    :meth:`run` does so when it ends, however it ends.
    """

    def __init__(self, paths: Iterable[str | Path], out_dir, paper=None, key=True,
                 report: Callable[[str, bool], None] = lambda line, err: print(line), cache: bool = True,
                 settle: float = 0.0, clock: Callable[[], float] = time.monotonic):
        self.paths, self.out_dir, self.paper, self.key, self.report = list(paths), out_dir, paper, key, report
        # a change is built once the files have stayed as they are for ``settle`` seconds: an editor that
        # saves in two writes would otherwise have its first half built (``watch`` waits 0.3 s)
        self.settle, self.clock = settle, clock
        self.changing: dict[Path, tuple] = {}  # guide → (its state, when it was first seen so) while it settles
        self.seen: dict[Path, tuple] = {}  # guide → its signature and its images', when last built
        self.read: dict[Path, tuple] = {}  # guide → its deps' signatures as the last build found them
        self.gone: dict[Path, Optional[float]] = {}  # guide → when it was first found gone; None: reported
        # guide → the other files its PDFs came from last time: images, the logo, the folder's
        # studyguide.yaml, the teacher's theme files and fonts; a change to any rebuilds it
        self.deps: dict[Path, list[Path]] = {}
        self._clash_memo: tuple = (None, {})
        self.cache = cache
        if cache:
            warmcache.acquire()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        """Give up the cache (idempotent)."""
        if self.cache:
            self.cache = False
            warmcache.release()

    def _guides(self) -> list[Path]:
        try:
            return api.find_guides(self.paths)
        except StudyguideError:
            return [p for p in map(Path, self.paths) if p.suffix.lower() in api.GUIDE_SUFFIXES]

    def _state(self, guide: Path) -> tuple:
        return (signature(guide),) + tuple(signature(p) for p in self.deps.get(guide, ()))

    def _make(self, path: Path) -> api.BuildResult:
        """What api.build(path, ...) does, in this warm process; notes the deps' signatures as read."""
        before = {p: signature(p) for p in self.deps.get(path, ())}  # before the load reads any of them
        try:
            guide = api.load(path)
        except StudyguideError:
            self.deps[path] = self._deps(path, None)  # a fix to the defaults file rebuilds it too
            self.read[path] = tuple(before[p] if p in before else signature(p) for p in self.deps[path])
            raise
        # the pictures are read by the rendering below: their state now is the state it draws
        self.deps[path] = self._deps(path, guide)
        self.read[path] = tuple(before[p] if p in before else signature(p) for p in self.deps[path])
        from ..classroom import SetOptions, build_set, each_copy, wanted  # (layout code: loaded when first built)

        options = SetOptions(key=self.key)
        if not wanted(guide, options):
            rendered, warnings = api.render_guide(guide, self.paper, self.key)
            return api.write_rendered(path, self.out_dir, guide, rendered, warnings)
        # what `build` makes of this guide: its versions, and with 'accommodations:' the standard copy and the
        # accommodated one (a printed accommodated copy went stale while the teacher edited under watch)
        result = api.BuildResult(guide)
        for copy in each_copy(guide, options):
            one = build_set(path, self.out_dir, self.paper, copy, guide=guide, write=False)
            result.files += one.files
            result.outputs += one.outputs
            result.warnings += [w for w in one.warnings if str(w) not in map(str, result.warnings)]
        write_all(result.files, Path(self.out_dir), guide=Path(path))  # every copy's files, or none
        return result

    def _clashes(self, guides: list[Path]) -> dict:
        """The guides whose PDFs would be another watched guide's (a.yaml beside a.yml), with their
        problems: neither is built, as in ``studyguide build``, rather than each replacing the other's
        PDFs at every save."""
        if self._clash_memo[0] != guides:  # names only change with the list of files (4 ms for 100 guides)
            plans = [(g, list(api.build_names(g, self.out_dir, key=self.key).values())) for g in guides]
            self._clash_memo = (guides, api.clashes(plans))
        return self._clash_memo[1]

    def build(self, guide: Path, clash: list = ()) -> None:
        start = time.perf_counter()
        if clash:
            for problem in clash:
                self.report(str(problem), True)
            self.report(f"failed: {guide} (waiting for the next save)", True)
            return
        try:
            result = self._make(guide)
        except StudyguideError as exc:
            for problem in getattr(exc, "problems", None) or [exc]:
                self.report(str(problem), True)
            self.report(f"failed: {guide} (waiting for the next save)", True)
            return
        except Exception as exc:  # keep watching whatever happens
            self.report(f"internal error: {type(exc).__name__}: {exc}", True)
            return
        for w in result.warnings:
            self.report(str(w), True)
        ms = (time.perf_counter() - start) * 1000
        made = ", ".join(f"{o.path} ({count(o.pages, 'page')})" for o in result.outputs)
        self.report(f"rebuilt {guide} → {made} in {ms:.0f} ms", False)

    def _deps(self, path: Path, guide) -> list[Path]:
        """The files besides the guide that its PDFs depend on (``guide``: as loaded, or None after a failure)."""
        if guide is None:  # the folder's defaults file, and what the last good build read
            return list(dict.fromkeys(inputs(path, None) + self.deps.get(path, [])))
        return inputs(path, guide)

    def tick(self) -> int:
        """Build every guide whose file (or image) changed since the last tick; return how many."""
        built = 0
        guides = self._guides()
        clashes = self._clashes(guides)
        self._note_gone(set(self.seen) - set(guides))  # a named guide now a folder; one gone from its folder
        for guide in guides:
            # a clash that ends (the other file renamed) builds the guide again
            state = self._state(guide) + (guide in clashes,)
            if state[0] is None:  # mid-rename (the new file is not there yet), or gone
                self._note_gone([guide])
                continue
            if self.gone.pop(guide, 0) is None:  # back after it was reported gone: build it, changed or not
                self.seen.pop(guide, None)
            if self.seen.get(guide) != state:
                if self.settle and guide in self.seen:
                    was, since = self.changing.get(guide, (None, 0.0))
                    if was != state:  # changed again: wait from now
                        self.changing[guide] = (state, self.clock())
                        continue
                    if self.clock() - since < self.settle:
                        continue
                self.changing.pop(guide, None)
                self.read.pop(guide, None)
                self.build(guide, clashes.get(guide, ()))
                # the guide and its deps as the build read them, so a change during the build is built next
                self.seen[guide] = (state[0],) + self.read.get(guide, state[1:-1]) + (guide in clashes,)
                built += 1
        return built

    gone_after = 0.5  # seconds a guide stays away before it is reported (a save by rename: microseconds)

    def _note_gone(self, guides: Iterable[Path]) -> None:
        """Report, once each, the guides that have been away for :attr:`gone_after`; go on watching for them."""
        now = time.monotonic()
        for guide in guides:
            since = self.gone.setdefault(guide, now)
            if since is None or now - since < self.gone_after:
                continue
            self.gone[guide] = None
            if guide.is_dir():
                what = "is now a folder, not a guide"
            else:
                what = "is gone (deleted, moved or renamed)"
            self.report(f"{guide}: {what}; its PDFs stay as they were; "
                        "watching for it to come back", True)

    def _folders(self) -> set[Path]:
        """The folders whose changes can matter: each guide's, each named folder, each image's."""
        folders = {p if p.is_dir() else p.parent for p in map(Path, self.paths)}
        folders.update(p.parent for deps in self.deps.values() for p in deps)
        return folders

    def run(self, interval: float = 0.02, stop: Callable[[], bool] = lambda: False) -> None:
        """Build everything, then rebuild what changes until ``stop()``; drops the cache at the end."""
        events = notifier.open_inotify()
        try:
            if events:
                events.add(self._folders())
            self.tick()
            self.report("watching for changes; press Ctrl+C to stop", False)
            while not stop():
                if events:
                    events.wait(interval)
                else:
                    time.sleep(interval)
                self.tick()
                if events:
                    events.add(self._folders())  # a new image's folder
        finally:
            if events:
                events.close()
            self.close()
