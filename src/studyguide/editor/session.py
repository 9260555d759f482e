"""One guide open in the editor: its preview builds, page pictures, saving, and the Build and Export buttons.

A preview draws only the document shown (the handout or the key) from the text as typed, in this warm
process with the watch machinery's paragraph cache (watch/cache.py): the layout does not depend on
which document is drawn, so the pages are those ``studyguide build`` writes. A build is kept for the text
and the state (inode, size, time) of the files it read: the pictures, the logo, the folder's
studyguide.yaml, the theme files and fonts; a picture replaced or deleted since is built (or refused)
again, under a new build id so the page fetches the new pictures. One build runs at a
time (reportlab and pdfium are not thread-safe); a build asked for while another ran is dropped
when a newer one was asked for meanwhile. Page pictures are made from the PDF when the page asks
for them, one page at a time (pdfium, about 20 ms a page), and kept for the last few builds.

Nothing is written but the guide (save) and the output folder (build, export).
"""
from __future__ import annotations

import dataclasses
import hashlib
import gc
import io
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Optional

from .. import api, files
from ..errors import GuideError, Location, Problem, StudyguideError
from ..reading import loader
from ..watch.watcher import inputs, signature

DOCS = ("student", "key")
SCALE = 1.5  # pixels per point of the page pictures: 918 px across a letter page, sharp at the usual width
LOCK = threading.Lock()  # one build or picture at a time in this process, whichever guide it is for
MAX_PAGES = 64  # browser tabs whose newest preview is remembered (Session.asked)
_PAGE_ID = re.compile(r"[\w-]{1,32}")  # what a tab sends as its id (app.js: 11 letters and digits)
KEPT = 6  # builds whose PDFs are kept for their pictures (handout and key, the last few texts)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclasses.dataclass
class Built:
    pdf: bytes
    pages: int
    warnings: list


class TooLarge(GuideError):
    """The text is larger than a guide may be: not saved (build would refuse the file)."""


def guide_bytes(text: str, name: str) -> bytes:
    """``text`` as the guide file's bytes, if build would read them; else a GuideError, and nothing is written."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate ("\ud800") that JSON can carry and UTF-8 cannot
        line, col = text.count("\n", 0, exc.start) + 1, exc.start - text.rfind("\n", 0, exc.start)
        raise GuideError([Problem(Location(name, line, col), f"U+{ord(text[exc.start]):04X} is half of a character, "
                                  "not one; delete it and save again (nothing was saved)")]) from None
    if len(data) > loader.MAX_BYTES:
        raise TooLarge([Problem(Location(name, 1), f"the text is {len(data):,} bytes; a guide may be at most "
                                f"{loader.MAX_BYTES:,} bytes (split it into several guides); nothing was saved")])
    return data


class Conflict(Exception):
    """The file on disk is not the one the editor loaded: nothing was written."""

    def __init__(self, text: str, hash_: str):
        super().__init__("the file changed on disk")
        self.text, self.hash = text, hash_


def diagnostic(problem: Problem, guide: str) -> dict:
    """A located problem as the page shows it: 1-based line and column, and whether it is in the guide."""
    where = problem.where
    return {"line": where.line or 1, "column": where.col or 1, "severity": "warning" if problem.warning else "error",
            "message": problem.message, "file": where.file, "here": where.file == guide and bool(where.line),
            "text": str(problem)}


class Session:
    """The guide at ``path`` in the editor, with ``out_dir`` for Build and Export."""

    def __init__(self, path: Path, out_dir: Path):
        self.path, self.out_dir = Path(path), Path(out_dir)
        self.name = str(path)
        self.lock = LOCK
        self.asked: dict[str, int] = {}  # page (one per browser tab) → the newest preview it asked for
        self.built: OrderedDict[tuple[str, str], Built] = OrderedDict()  # (build id, doc) → its PDF
        # (text hash, doc) → the id of its last build, the files that build read, and their signatures then
        self.read_from: dict[tuple[str, str], tuple[str, tuple, tuple]] = {}
        self.last_inputs: tuple = ()  # the files the last build read (their state is taken before a load)
        self.pictures: OrderedDict[tuple[str, str, int], bytes] = OrderedDict()
        self.good: dict[str, str] = {}  # doc → the text hash of its last good build
        self.newline = "\n"  # the line end the file uses (see read)
        self._pdfium: Optional[tuple] = None  # (key, the open pdfium document)

    # ------------------------------------------------------------------ the file
    def read(self) -> tuple[str, str]:
        """The guide's text and the hash of its bytes on disk."""
        data = files.read_guide_bytes(self.path)
        # the browser's editor works in "\n"; a file saved with Windows line ends ("\r\n") is saved with them again
        self.newline = "\r\n" if b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"") else "\n"
        try:
            return data.decode("utf-8"), digest(data)
        except UnicodeDecodeError:
            raise GuideError([Problem(Location(self.name, 1), "is not UTF-8 text; open it in a text editor and save "
                                      "it as UTF-8")]) from None

    def disk_hash(self) -> Optional[str]:
        try:
            return digest(files.read_guide_bytes(self.path))
        except StudyguideError:
            return None

    def save(self, text: str, base: str) -> str:
        """Write exactly ``text`` (UTF-8) over the guide, all or nothing, if the file on disk is still the one
        hashed ``base``; else :class:`Conflict`. Returns the new hash. In a file that had Windows line ends
        throughout, each line ends with them again."""
        if self.newline == "\r\n":
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        data = guide_bytes(text, self.name)
        with self.lock:
            try:
                disk = files.read_guide_bytes(self.path)
            except StudyguideError:
                disk = None  # gone meanwhile: written anew
            if disk is not None and digest(disk) != base:
                raise Conflict(disk.decode("utf-8", errors="replace"), digest(disk))
            files.write_all([(self.path, data)])
        return digest(data)

    # ------------------------------------------------------------------ previews
    def preview(self, text: str, doc: str, rev: int, page: str = "") -> dict:
        """Build ``doc`` from ``text``; the located problems, and the pages (this build's, or the last good
        ones marked stale). ``superseded`` when the same ``page`` asked for a newer preview before this
        one started (``rev`` counts a page's previews)."""
        page = page if _PAGE_ID.fullmatch(page) else "?"  # a tab's id is 11 letters: nothing longer is kept
        newest = max(self.asked.pop(page, 0), rev)
        self.asked[page] = newest  # (the most recent last)
        while len(self.asked) > MAX_PAGES:  # the tabs that asked longest ago go first
            del self.asked[next(iter(self.asked))]
        data = text.encode("utf-8", "surrogatepass")  # half a character ("\ud800"): the loader's located "not UTF-8"
        text_key = (digest(data), doc)
        with self.lock:
            if rev < self.asked.get(page, rev):
                return {"rev": rev, "superseded": True}
            problems, ok = [], True
            key = self._kept(text_key)
            if key is None:
                try:
                    key = self._build(text_key, data, doc)
                except StudyguideError as exc:
                    problems, ok = list(getattr(exc, "problems", None) or [Problem(Location(self.name), str(exc))]), False
                except Exception as exc:  # noqa: BLE001  (shown in the list; the editor goes on)
                    problems, ok = [Problem(Location(self.name), f"internal error: {type(exc).__name__}: {exc}")], False
            if ok:
                self.built.move_to_end(key)
                problems = self.built[key].warnings
                self.good[doc] = key[0]
                self._picture(key[0], doc, 1)  # the first page, drawn now: the page asks for it next
            shown = self.good.get(doc)
            pages = self.built[(shown, doc)].pages if shown and (shown, doc) in self.built else 0
        return {"rev": rev, "ok": ok, "stale": not ok and bool(pages), "doc": doc, "build": shown, "pages": pages,
                "problems": [diagnostic(p, self.name) for p in problems]}

    def _kept(self, text_key: tuple[str, str]) -> Optional[tuple[str, str]]:
        """The kept build of this text and document, if none of the files it read has changed since."""
        build, files_read, state = self.read_from.get(text_key, (None, (), ()))
        if build is None or (build, text_key[1]) not in self.built:
            return None
        return (build, text_key[1]) if tuple(signature(p) for p in files_read) == state else None

    def _build(self, text_key: tuple[str, str], data: bytes, doc: str) -> tuple[str, str]:
        before = {p: signature(p) for p in self.last_inputs}
        gc.disable()  # no collection mid-build (bench/README: the slowest previews), the garbage goes after it
        try:
            guide = api.load(self.path, data=data)
            # the pictures are read by the rendering below; the defaults and theme files as the load found them
            files_read = tuple(inputs(self.path, guide))
            state = tuple(before[p] if p in before else signature(p) for p in files_read)
            rendered, warnings = api.render_guide(guide, modes=(doc,))
        finally:
            gc.enable()
        self.last_inputs = files_read
        key = (digest(text_key[0].encode() + repr(state).encode()), doc)
        self.read_from[text_key] = (key[0], files_read, state)
        self.built[key] = Built(rendered[doc].pdf, rendered[doc].pages, warnings)
        while len(self.built) > KEPT:
            self.built.popitem(last=False)
        kept = {build for build, _ in self.built}
        self.read_from = {k: v for k, v in self.read_from.items() if v[0] in kept}
        return key

    def picture(self, build: str, doc: str, page: int) -> Optional[bytes]:
        """Page ``page`` (1-based) of a kept build, as a JPEG picture; None if there is no such page."""
        with self.lock:
            return self._picture(build, doc, page)

    def _picture(self, build: str, doc: str, page: int) -> Optional[bytes]:
        key = (build, doc, page)
        if key in self.pictures:
            self.pictures.move_to_end(key)
            return self.pictures[key]
        built = self.built.get((build, doc))
        if built is None or not 1 <= page <= built.pages:
            return None
        jpeg = self._render(build, doc, built, page)
        self.pictures[key] = jpeg
        while len(self.pictures) > 64:
            self.pictures.popitem(last=False)
        return jpeg

    def _render(self, build: str, doc: str, built: Built, page: int) -> bytes:
        import pypdfium2  # the `edit` extra; loaded with the first picture (start-up time)

        if self._pdfium is None or self._pdfium[0] != (build, doc):
            if self._pdfium is not None:
                self._pdfium[1].close()
            self._pdfium = ((build, doc), pypdfium2.PdfDocument(built.pdf))
        bitmap = self._pdfium[1][page - 1].render(scale=SCALE)
        out = io.BytesIO()
        # JPEG at quality 90 without colour subsampling: text stays sharp, and it takes ~35 ms a page where
        # PNG (even at compression level 1) took ~100 ms on the same two busy cores
        bitmap.to_pil().save(out, format="JPEG", quality=90, subsampling=0)
        return out.getvalue()

    # ------------------------------------------------------------------ Build and Export
    def build(self, versions: Optional[int], edition: Optional[str]) -> dict:
        """What ``studyguide build GUIDE [--versions N] [--edition E] -o OUT`` writes, from the saved file."""
        from .. import batch
        from ..classroom import SetOptions

        options = SetOptions(edition=edition, versions=versions)
        with self.lock:
            outcome = next(iter(batch.outcomes([self.path], self.out_dir, None, True, 1, options)))
        if outcome.internal:
            outcome.problems.append(f"internal error: {outcome.internal}")
        return {"written": [f"{path} ({pages} pages{'; ' + note if note else ''})"  # (a class set: how to print it)
                            for path, pages, note in outcome.outputs],
                "warnings": outcome.warnings, "problems": outcome.problems}

    def export(self, fmt: str) -> dict:
        """What ``studyguide export GUIDE --to FMT -o OUT`` writes, from the saved file."""
        with self.lock:
            outcome = next(iter(api.export([self.path], fmt, self.out_dir)))
        problems = [str(p) for p in getattr(outcome.error, "problems", None) or [outcome.error]] if outcome.error else []
        return {"written": [str(p) for p in outcome.written], "warnings": [str(w) for w in outcome.warnings],
                "problems": problems}

    def close(self) -> None:
        with self.lock:
            if self._pdfium is not None:
                self._pdfium[1].close()
                self._pdfium = None
