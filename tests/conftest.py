"""Shared fixtures and helpers: build every guide once per session, read the PDFs back.

Tests look at what a teacher would see: the text of each page (as pypdf
extracts it, whitespace collapsed), the font each piece of text is drawn in,
page sizes and document metadata.
"""
from __future__ import annotations

import functools
import hashlib
import io
import os
import shutil
import subprocess
import sys
import textwrap
import warnings

# This machine's environment sets PYTHONDONTWRITEBYTECODE (a container's default, not the project's): with
# it, every xdist worker compiled the package and rewrote every test module afresh (~4 s each), and so did
# every `python -m studyguide` the tests start (~0.1 s a command). The tests write bytecode as Python
# does by default, into the __pycache__ folders .gitignore leaves out (set before studyguide is imported).
if sys.dont_write_bytecode:
    sys.dont_write_bytecode = False
    del os.environ["PYTHONDONTWRITEBYTECODE"]  # for the commands the tests start
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pypdf
import pytest

import studyguide
import worker_share
from studyguide import api

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent

# Every command the tests start (`python -m studyguide`, often from a temporary folder) imports the tree
# these tests import. A relative PYTHONPATH (`PYTHONPATH=src`, as a worktree is tested) names nothing from
# another folder, so such a command fell back on the installed package: /work/main's tree, not the one under
# test. The commands inherit the tested tree's src first, then this interpreter's entries made absolute (an
# empty entry is the folder pytest started in, as it was here). Every helper copies os.environ: one place.
TESTED_SRC = Path(studyguide.__file__).resolve().parent.parent
os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(
    [str(TESTED_SRC)] + [os.path.abspath(p or os.curdir) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep)
                         if "PYTHONPATH" in os.environ]))
GUIDES_DIR = REPO / "guides"
ASSETS_DIR = REPO / "assets"
CASES = TESTS / "cases"
GUIDES = sorted(p for p in GUIDES_DIR.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
                and p.name != "studyguide.yaml")  # the folder's defaults file is not a guide


def guide_params():
    """One pytest param per guide in guides/ (new guides are picked up automatically)."""
    return [pytest.param(p, id=p.stem) for p in GUIDES]


def norm(text: str) -> str:
    """Collapse every run of whitespace (newlines, no-break spaces) to one space."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=None)
def rendered(path: Path, theme=None, edition=None, paper=None):
    """(guide, theme, {"student": Rendered, "key": Rendered}) for a guide file rendered in memory, once in a
    run for each theme it resolves to (``rendered(path)`` and ``rendered(path, theme="classic")`` are the same
    pages; under xdist the workers share them: worker_share): several modules check the same pages. Not for a
    test that patches the layout."""
    guide = api.load(path)
    th = api.theme_for(guide, theme, edition)
    key = (path, repr(th), paper)
    if key not in _RENDERED:
        from studyguide import render

        source = hashlib.sha256(path.read_bytes()).hexdigest()  # (a guide a test rewrites is another key)
        made = worker_share.made_once(f"rendered {path} {source} {paper!r} {key[1]}",
                                      lambda: render.render(guide, paper=paper, theme=th))
        _RENDERED[key] = guide, th, made
    return _RENDERED[key]


_RENDERED: dict = {}


@pytest.fixture(scope="session", autouse=True)
def _workers_share(tmp_path_factory):
    """Under xdist, the run's workers share what `rendered` lays out (worker_share): the folder is the parent of
    each worker's temporary folder, one for the run."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        worker_share.share_in(tmp_path_factory.getbasetemp().parent / "shared")


@functools.lru_cache(maxsize=128)
def page_texts(pdf: bytes) -> tuple[str, ...]:
    """The text of each page of a PDF, as pypdf extracts it, read once for each PDF: many tests look at
    the same built pages (the same bytes), and pypdf's text extraction costs more than the build."""
    return tuple(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _font_maps_read_once():
    """pypdf reads a font's whole character map (its ToUnicode stream, widths, descriptor) afresh for each
    page it extracts text from, though one PDF's pages share their font objects: about a fifth of the
    suite's text extraction. Here the map is read once for each font object and copied for each use (the
    extraction sets the copy's space width). A font object is the same Python object only within one
    reader, so a new reader reads its fonts anew; the cache keeps its objects alive and holds the last 512.
    Off (pypdf's own reading) with STUDYGUIDE_TEST_READ_ONCE=0."""
    import copy
    from collections import OrderedDict

    from pypdf.generic._font import Font

    if os.environ.get("STUDYGUIDE_TEST_READ_ONCE") == "0" or getattr(Font, "_read_once", False):
        return
    read = Font.from_font_resource.__func__
    seen: OrderedDict = OrderedDict()

    def from_font_resource(cls, pdf_font_dict):
        hit = seen.get(id(pdf_font_dict))
        if hit is None or hit[0] is not pdf_font_dict:
            hit = seen[id(pdf_font_dict)] = (pdf_font_dict, read(cls, pdf_font_dict))
            if len(seen) > 512:
                seen.popitem(last=False)
        return copy.copy(hit[1])

    Font.from_font_resource = classmethod(from_font_resource)
    Font._read_once = True


_font_maps_read_once()


def _content_read_once():
    """pypdf parses a page's content stream into operators afresh each time it extracts the page's text, and
    tests read the same pages more than once (the text, then the runs and their fonts; a new reader on the
    same bytes): the parse is half the extraction time. Here the operators of each stream's bytes are kept
    (the last 96 streams) and handed to the next extraction of the same bytes. Only for the streams text
    extraction wraps itself (a page's own ContentStream, which code may change, is left alone); extraction
    only reads the operators. Off with STUDYGUIDE_TEST_READ_ONCE=0, as the font maps."""
    from collections import OrderedDict

    from pypdf import _text_extraction

    if os.environ.get("STUDYGUIDE_TEST_READ_ONCE") == "0" or getattr(_text_extraction, "_read_once", False):
        return
    make = _text_extraction._get_content_stream_for_text
    seen: OrderedDict = OrderedDict()

    def content_for_text(obj, pdf, content_key, *, has_visitor):
        content = make(obj, pdf, content_key, has_visitor=has_visitor)
        own = obj[content_key].get_object() if isinstance(content_key, str) else obj
        if content is None or own is content or content._operations or not content._data:
            return content
        data = content._data
        ops = seen.get(data)
        if ops is None:
            ops = seen[data] = content.operations
            if len(seen) > 96:
                seen.popitem(last=False)
        else:
            seen.move_to_end(data)
            content._operations, content._data = ops, b""
        return content

    _text_extraction._get_content_stream_for_text = content_for_text
    _text_extraction._read_once = True


_content_read_once()


@dataclass
class Run:
    text: str
    font: str  # BaseFont without the leading '/', e.g. 'AAAAAA+DejaVuSans-Bold'


class Pdf:
    """A built PDF read back the way a teacher would look at it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.data = self.path.read_bytes()
        self.reader = pypdf.PdfReader(self.path)

    @cached_property
    def raw_pages(self) -> list[str]:
        return list(page_texts(self.data))

    @cached_property
    def pages(self) -> list[str]:
        """Text of each page, whitespace-normalised."""
        return [norm(t) for t in self.raw_pages]

    @cached_property
    def lines(self) -> list[list[str]]:
        """Stripped, non-empty text lines of each page."""
        return [[ln.strip() for ln in t.splitlines() if ln.strip()] for t in self.raw_pages]

    @cached_property
    def text(self) -> str:
        """The whole document's text, whitespace-normalised."""
        return norm(" ".join(self.raw_pages))

    @cached_property
    def runs(self) -> list[list[Run]]:
        """Each page's text runs with the font that draws them."""
        out = []
        for page in self.reader.pages:
            runs: list[Run] = []

            def visit(text, cm, tm, font_dict, font_size, runs=runs):
                if text.strip():
                    font = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
                    runs.append(Run(text, font.lstrip("/")))

            page.extract_text(visitor_text=visit)
            out.append(runs)
        return out

    def fonts_of(self, fragment: str) -> set[str]:
        """The fonts of every run whose normalised text contains ``fragment``."""
        fragment = norm(fragment)
        return {r.font for page in self.runs for r in page if fragment in norm(r.text)}

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)


@dataclass
class Built:
    """One guide built into a folder: the api result and both PDFs."""

    source: Path
    result: api.BuildResult
    student: Pdf
    key: Pdf

    @property
    def guide(self):
        return self.result.guide

    @property
    def outputs(self):
        return {"student": self.result.outputs[0], "key": self.result.outputs[1]}


def build_into(path: Path, out_dir: Path, **kw) -> Built:
    return built_from(path, api.build(path, out_dir, **kw))


def built_from(path: Path, result: api.BuildResult) -> Built:
    assert [o.path.name for o in result.outputs] == [f"{path.stem}.pdf", f"{path.stem}-key.pdf"]
    return Built(path, result, Pdf(result.outputs[0].path), Pdf(result.outputs[1].path))


def made_once_in(tmp_path_factory, key: str, make):
    """``(folder, make(folder))``: a session's or a module's build, which tests on both xdist workers read, made
    by one worker of the run and read by the other (worker_share.made_in). ``key`` names what is made (its
    module and fixture, the files it reads). Its tests must only read the folder."""
    return worker_share.made_in(key, make, lambda: tmp_path_factory.mktemp("made"))


def built_once(tmp_path_factory, key: str, path: Path, **kw) -> Built:
    """build_into a folder the run's workers share (made_once_in): the same guide, options and pages."""
    _, result = made_once_in(tmp_path_factory, f"{key} {path} {_sha(path)} {kw!r}",
                             lambda out: api.build(path, out, **kw))
    return built_from(path, result)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> dict[str, Built]:
    """Every guide in guides/, built once per session with api.build (by one worker of the run)."""
    _, results = made_once_in(tmp_path_factory, "conftest.builds " + " ".join(f"{p} {_sha(p)}" for p in GUIDES),
                              lambda out: {p.stem: api.build(p, out) for p in GUIDES})
    return {p.stem: built_from(p, results[p.stem]) for p in GUIDES}


@pytest.fixture
def built(builds, guide_path) -> Built:
    return builds[guide_path.stem]


def write_guide(folder: Path, name: str, text: str) -> Path:
    """Write a guide from an indented triple-quoted string."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run_cli(*args, cwd: Path = REPO, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m studyguide ARGS`` in a fresh interpreter, as a teacher runs it."""
    env = dict(os.environ)
    env.pop("STUDYGUIDE_FONT_PATH", None)
    return subprocess.run([sys.executable, "-m", "studyguide", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, env=env)


def cli_main(*args, cwd: Path = REPO, timeout: float = 60) -> subprocess.CompletedProcess:
    """``studyguide ARGS`` through the entry point's own ``cli.main`` in this process, with what run_cli gives:
    the exit status, stdout and stderr. For the tests about what a command prints, writes and exits with; the
    tests about the process itself (signals, closed or odd streams, ``python -m``, a folder's pool of builds)
    keep run_cli. STUDYGUIDE_FONT_PATH is left out for the run, as run_cli leaves it out. A Python warning
    the run gives, which a fresh interpreter's default filters would print, is added to its stderr (pytest
    would otherwise take it), so a test that a command prints no library's warning still means it."""
    from hostile_support import cli_inprocess

    saved = os.environ.pop("STUDYGUIDE_FONT_PATH", None)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for quiet in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", quiet)  # what python ignores unless told (-W, PYTHONWARNINGS)
            run = cli_inprocess(args, Path(cwd), limit=timeout)
    finally:
        if saved is not None:
            os.environ["STUDYGUIDE_FONT_PATH"] = saved
    err = run.err + "".join(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line)
                            for w in caught)
    return subprocess.CompletedProcess(["studyguide", *map(str, args)], run.code, run.out, err)


def copy_repo_layout(dest: Path) -> Path:
    """guides/ and assets/ copied into ``dest`` (the layout `studyguide build` expects)."""
    shutil.copytree(GUIDES_DIR, dest / "guides")
    shutil.copytree(ASSETS_DIR, dest / "assets")
    return dest


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, through Playwright (the browser tests skip before asking for it where
    either is missing: see chromium.py)."""
    from playwright.sync_api import sync_playwright  # only the browser tests have it

    from chromium import CHROMIUM, FLAGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def canvas_zip(path, item_xml: str):
    """A Canvas quiz export at ``path``: its manifest and one assessment ``a1/a1.xml`` holding ``item_xml``."""
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("imsmanifest.xml", '<manifest xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">'
                    '<resources><resource identifier="a1" type="imsqti_xmlv1p2"><file href="a1/a1.xml"/></resource>'
                    '</resources></manifest>')
        zf.writestr("a1/a1.xml", item_xml)
    return path


def canvas_quiz(items: str) -> str:
    """A Canvas quiz's assessment file around ``items`` (its <item> elements, indented as in it)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">\n'
            '  <assessment ident="a1" title="Canvas quiz">\n'
            '    <section ident="root_section">\n'
            f'{items}'
            '    </section>\n'
            '  </assessment>\n'
            '</questestinterop>\n')


def anki_notes_export(tmp_path, guide, html: bool, extras: bool = True) -> Path:
    """The guide's .apkg imported by Anki's own backend into a new collection, then exported as Anki's
    "Notes in Plain Text" (``html``: with HTML; ``extras``: the tags, deck, note type and GUID columns);
    the exported file. Callers skip first without the anki package (pytest.importorskip)."""
    from anki import collection
    from anki.generic_pb2 import Empty
    from anki.import_export_pb2 import ExportLimit, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from studyguide.export import anki

    [(name, deck)], _ = anki.apkg(guide)
    (tmp_path / name).write_bytes(deck)
    col = collection.Collection(str(tmp_path / "c.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / name),
                                                         options=ImportAnkiPackageOptions()))
        out = tmp_path / "notes.txt"
        col.export_note_csv(out_path=str(out), limit=ExportLimit(whole_collection=Empty()), with_html=html,
                            with_tags=extras, with_deck=extras, with_notetype=extras, with_guid=extras)
    finally:
        col.close()
    return out
