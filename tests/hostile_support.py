"""Helpers for the hostile-guide tests (tests/test_hostile.py, tests/test_property.py).

Kept out of conftest.py on purpose: these tests run the CLI in-process with a
bound on its CPU time, measure a few runs in a fresh interpreter (CPU time and
peak memory), make hazardous files that cannot be stored in git (FIFOs, links,
devices, 20 MB files, decompression bombs) and look inside the PDFs for
things that must never be there (links, images).
"""
from __future__ import annotations

import json
import os
import re
import signal
import struct
import subprocess
import sys
import time
import zlib
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pypdf

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
HOSTILE = TESTS / "cases" / "hostile"

# A located message: file:line: or file:line:col:, then the words.
LOCATED = re.compile(r"^[^:]+:\d+(:\d+)?: ")
# The CLI's own summary lines after a failed build (not messages about the guide).
SUMMARY = re.compile(r"^(failed: .+|\d+ of \d+ guides? failed)$")

MAX_SECONDS = 5.0  # of CPU: the suite shares its machine, and the wall clock counts everyone else's work too
HANG_SECONDS = MAX_SECONDS * 24  # of wall time, only so that a hang fails instead of stalling the suite: at a
# load of 18 on two cores, the 800 kB guide's 2.5 s of CPU took 28 s on the clock
MAX_MB = 300


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float  # wall time (printed, never bounded: it grows with the machine's load)
    max_mb: float = 0.0
    cpu: float = 0.0  # seconds of CPU the run took: the bound, on however busy a machine

    @property
    def messages(self) -> list[str]:
        """stderr lines that are about the guide (the summary lines dropped)."""
        return [ln for ln in self.err.splitlines() if not SUMMARY.match(ln)]


class Timeout(Exception):
    pass


@dataclass
class Spent:
    cpu: float = 0.0


@contextmanager
def cpu_spent(hang: float = HANG_SECONDS):
    """The CPU seconds the body takes in this process (user + system, all threads), in ``.cpu`` once it ends;
    a body still running after ``hang`` seconds of wall time fails with Timeout."""
    spent = Spent()
    start = time.process_time()
    try:
        with time_limit(hang):
            yield spent
    finally:
        spent.cpu = time.process_time() - start


@contextmanager
def time_limit(seconds: float):
    """Fail (instead of hanging the test run) if the body takes longer than ``seconds``."""
    def on_alarm(signum, frame):
        raise Timeout(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def cli_inprocess(args, cwd: Path, limit: float = 30.0) -> Run:
    """``studyguide ARGS`` run inside this interpreter (fast); exit status, stdout, stderr, wall and CPU seconds.
    ``limit`` is wall time, a guard against a hang only."""
    from studyguide import cli

    out, err = StringIO(), StringIO()
    old = Path.cwd()
    os.chdir(cwd)
    start = time.perf_counter()
    try:
        with cpu_spent(limit) as spent, redirect_stdout(out), redirect_stderr(err):
            try:
                cli.main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(old)
    return Run(code, out.getvalue(), err.getvalue(), time.perf_counter() - start, cpu=spent.cpu)


_MEASURE = r"""
import json, resource, subprocess, sys, time
args, cwd, timeout = json.loads(sys.argv[1])
start = time.perf_counter()
try:
    p = subprocess.run([sys.executable, "-m", "studyguide", *args], cwd=cwd, capture_output=True, timeout=timeout)
    code, out, err = p.returncode, p.stdout, p.stderr
except subprocess.TimeoutExpired as exc:
    code, out, err = "timeout", exc.stdout or b"", exc.stderr or b""
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "out": out.decode("utf-8", "replace"), "err": err.decode("utf-8", "replace"),
                  "seconds": seconds, "max_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime}))
"""


def cli_measured(args, cwd: Path, timeout: float = 20.0) -> Run:
    """``python -m studyguide ARGS`` in a fresh interpreter, with its CPU and wall time and peak memory (MB).

    A go-between interpreter runs it, so RUSAGE_CHILDREN counts that one run only.
    """
    env = dict(os.environ)
    env.pop("STUDYGUIDE_FONT_PATH", None)
    p = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps([[str(a) for a in args], str(cwd), timeout])],
                       capture_output=True, text=True, timeout=timeout + 30, env=env)
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["code"] != "timeout", f"studyguide {' '.join(map(str, args))} did not finish in {timeout} s"
    return Run(r["code"], r["out"], r["err"], r["seconds"], r["max_mb"], r["cpu"])


# -- hazardous files, made at test time ------------------------------------------------------

def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(path: Path, width: int, height: int) -> Path:
    """A valid 1-bit PNG of ``width``×``height`` black pixels: tiny on disk, huge when decoded."""
    row = b"\0" * (1 + (width + 7) // 8)
    z = zlib.compressobj(9)
    rows_per_block = max(1, 4_000_000 // len(row))
    parts, left = [], height
    while left:
        n = min(rows_per_block, left)
        parts.append(z.compress(row * n))
        left -= n
    parts.append(z.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b""))
    return path


def sparse_file(path: Path, size: int, head: bytes = b"\x89PNG\r\n\x1a\n") -> Path:
    """A file of ``size`` bytes that starts like a PNG, without writing them all."""
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


# -- looking inside PDFs ---------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages)


def pdf_links_and_images(path: Path) -> tuple[int, int]:
    """How many link annotations and how many image XObjects (any depth) the PDF holds."""
    reader = pypdf.PdfReader(str(path))
    links = images = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            if annot.get_object().get("/Subtype") == "/Link":
                links += 1
        resources = page.get("/Resources") or {}
        todo = [resources.get("/XObject") or {}]
        while todo:
            xobjects = todo.pop()
            for ref in xobjects.values():
                obj = ref.get_object()
                if obj.get("/Subtype") == "/Image":
                    images += 1
                elif obj.get("/Subtype") == "/Form":
                    todo.append((obj.get("/Resources") or {}).get("/XObject") or {})
    raw = path.read_bytes()
    links += raw.count(b"/URI") + raw.count(b"/Launch") + raw.count(b"/JavaScript")
    return links, images


def text_x_extent(path: Path) -> tuple[float, float, float]:
    """(leftmost x, rightmost x, page width) of all text, in points, over every page.

    Each run's right edge is where it starts plus its width, measured in the
    bundled face the PDF names for it (regular, bold, italic).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from studyguide.theming import fonts

    fonts.register()
    reader = pypdf.PdfReader(str(path))
    lo, hi, width = float("inf"), float("-inf"), 0.0
    for page in reader.pages:
        width = max(width, float(page.mediabox.width))
        runs = []

        def visit(text, cm, tm, font_dict, font_size, runs=runs):
            text = text.strip("\n")
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                size = font_size * abs(tm[0] * cm[0] or 1)
                base = str((font_dict or {}).get("/BaseFont", ""))
                face = {(True, True): fonts.BOLD_ITALIC, (True, False): fonts.BOLD, (False, True): fonts.ITALIC,
                        (False, False): fonts.REGULAR}["Bold" in base, "Oblique" in base or "Italic" in base]
                runs.append((x, stringWidth(text, face, size)))

        page.extract_text(visitor_text=visit)
        for x, w in runs:
            lo, hi = min(lo, x), max(hi, x + w)
    return lo, hi, width


# -- fonts whose character map claims too much ---------------------------------------------------

def font_with_cmap(source: Path, path: Path, groups: list[tuple[int, int, int]]) -> Path:
    """A copy of the TrueType font ``source`` whose character map is one format-12 subtable of
    ``groups`` (first code, last code, first glyph): the table is added at the end and the
    directory pointed at it, so everything else in the font stays valid."""
    data = bytearray(source.read_bytes())
    body = b"".join(struct.pack(">III", *g) for g in groups)
    sub = struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body
    table = struct.pack(">HH", 0, 1) + struct.pack(">HHI", 3, 10, 12) + sub
    while len(data) % 4:
        data += b"\0"
    offset = len(data)
    data += table
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        at = 12 + 16 * i
        if data[at:at + 4] == b"cmap":
            struct.pack_into(">II", data, at + 8, offset, len(table))
    path.write_bytes(bytes(data))
    return path


# -- a small guide, and the files a run leaves in a folder (the output-file tests) ------------------------

TITLE = "title: {title}\nquestions:\n  - type: true_false\n    prompt: Is it {title}?\n    answer: true\n"


def guide(folder: Path, name: str, title: str = "A guide", extra: str = "") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TITLE.format(title=title) + extra, encoding="utf-8")
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}
