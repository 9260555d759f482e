"""Guides from strangers: every hazard gets a clear, located refusal (or a good PDF), fast, and
nothing outside its place is read, written or lost.

Data-driven part: tests/cases/hostile/NAME.yaml is a guide with one hazard; NAME.expected is
the exact stderr of ``studyguide build tests/cases/hostile/NAME.yaml -o out/NAME`` and NAME.exit
its exit status. Hazards git cannot hold (FIFOs, links, devices, 20 MB files, decompression
bombs) are made beside a copy of the corpus at test time by the makers in HAZARDS below.
The rest of this file covers what needs more than one run: output names and links, the
previous PDF surviving a failed build (disk full included), and time and memory limits.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import struct
import time
from pathlib import Path

import pypdf
import pytest

from hostile_support import (
    HANG_SECONDS, HOSTILE, LOCATED, MAX_MB, MAX_SECONDS, cli_inprocess, cli_measured, pdf_links_and_images, pdf_text,
    png_bomb, sparse_file, text_x_extent, time_limit,
)
from studyguide import api, files, images
from studyguide.errors import GuideError
from studyguide.reading import loader

CASES = sorted(p.stem for p in HOSTILE.glob("*.yaml"))
REL = Path("tests/cases/hostile")


# -- hazards made at test time ---------------------------------------------------------------

def _outside(folder: Path) -> Path:
    """A folder outside the guide's folder and assets/, holding a file a guide must not reach."""
    out = folder.parent.parent.parent / "outside"
    out.mkdir(exist_ok=True)
    secret = out / "secret.png"
    if not secret.exists():
        from PIL import Image
        Image.new("RGB", (4, 4), "red").save(secret)
    return secret


def _device(folder: Path) -> None:
    try:
        os.mknod(folder / "device.png", stat.S_IFCHR | 0o666, os.makedev(1, 5))  # like /dev/zero
    except (PermissionError, OSError, AttributeError):
        pass


HAZARDS = {
    "image-link-outside": lambda d: (d / "link-outside.png").symlink_to(_outside(d)),
    "image-link-to-device": lambda d: (d / "link-to-zero.png").symlink_to("/dev/zero"),
    "image-fifo": lambda d: os.mkfifo(d / "fifo.png"),
    "image-directory": lambda d: (d / "folder.png").mkdir(),
    "image-device": _device,
    "image-huge-file": lambda d: sparse_file(d / "huge.png", images.MAX_IMAGE_BYTES + 1_000_000),
    "image-decompression-bomb": lambda d: png_bomb(d / "bomb.png", 30_000, 30_000),
    # more pixels than the cap (and than Pillow's warning threshold) yet under Pillow's own limit
    "image-too-many-pixels": lambda d: png_bomb(d / "many-pixels.png", 10_000, 10_000),
}


@pytest.fixture(scope="module")
def arena(tmp_path_factory) -> Path:
    """A copy of the corpus at ARENA/tests/cases/hostile, with every made hazard beside it."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / REL
    shutil.copytree(HOSTILE, folder)
    for make in HAZARDS.values():
        make(folder)
    return root


def expected(name: str) -> tuple[str, int]:
    text = (HOSTILE / f"{name}.expected").read_text(encoding="utf-8")
    return text, int((HOSTILE / f"{name}.exit").read_text().strip())


def build_case(arena: Path, name: str):
    return cli_inprocess(["build", f"{REL.as_posix()}/{name}.yaml", "-o", f"out/{name}"], cwd=arena,
                         limit=HANG_SECONDS)


def test_every_case_has_its_expectations():
    assert len(CASES) >= 45
    for name in CASES:
        assert (HOSTILE / f"{name}.expected").is_file(), name
        assert (HOSTILE / f"{name}.exit").is_file(), name
    assert sum(p.stat().st_size for p in HOSTILE.iterdir()) < 200_000


@pytest.mark.parametrize("name", CASES)
def test_case(arena, name):
    """`studyguide build` gives exactly NAME.expected on stderr and NAME.exit, within the bound on CPU time."""
    if name == "image-device" and not (arena / REL / "device.png").exists():
        pytest.skip("cannot make a device file here (needs mknod)")
    want_err, want_code = expected(name)
    run = build_case(arena, name)
    assert run.err == want_err
    assert run.code == want_code
    assert run.cpu < MAX_SECONDS, f"{run.cpu:.1f} s of CPU ({run.seconds:.1f} s on the clock)"
    assert "Traceback" not in run.err + run.out
    if run.code == 0:
        for pdf in (arena / "out" / name).glob("*.pdf"):
            assert len(pypdf.PdfReader(str(pdf)).pages) > 0
    else:
        assert not (arena / "out" / name).exists() or not any((arena / "out" / name).iterdir())
        for line in run.messages:
            assert LOCATED.match(line), line
    assert not list(arena.rglob("hostile-was-run")), "a YAML tag ran a command"
    assert not quotes_at_length(run.err, (HOSTILE / f"{name}.yaml").read_bytes().decode("utf-8", "replace"))


def quotes_at_length(err: str, source: str, most: int = 80) -> str:
    """A run of more than ``most`` characters of ``source`` that ``err`` repeats ('' when none): a message
    quotes a guide in short, never at length."""
    for line in err.splitlines():
        for k in range(0, max(0, len(line) - most), most // 2):
            if len(line[k:k + most + 1]) > most and line[k:k + most + 1] in source:
                return line[k:k + most + 1]
    return ""


# -- what the PDFs of the cases that build hold -----------------------------------------------

def built(arena: Path, name: str) -> tuple[Path, Path]:
    run = build_case(arena, name)
    assert run.code == 0, run.err
    out = arena / "out" / name
    return out / f"{name}.pdf", out / f"{name}-key.pdf"


def test_markup_prints_literally_and_makes_no_link_or_image(arena):
    for pdf in built(arena, "markup-injection"):
        text = pdf_text(pdf)
        for literal in ('<img src="/etc/passwd"/> Markup <b>is</b> text', '<font size=90 color=red>Huge</font>',
                        '<a href="http://example.com/phish">Click here</a>', '<link href="http://example.com">here</link>',
                        '<img src="/etc/passwd" width="500" height="500"/>', '&amp; &lt;b&gt; <br/> <para>para</para>',
                        '<onDraw name="x"/>', '<a href="file:///etc/passwd">a file link</a>', "<b>bold?</b>",
                        '<font size="90">not huge</font>', "<seq/>"):
            assert literal in text, literal
        assert pdf_links_and_images(pdf) == (0, 0)
        sizes = set()
        for page in pypdf.PdfReader(str(pdf)).pages:
            page.extract_text(visitor_text=lambda t, cm, tm, fd, size: sizes.add(round(size * abs(tm[0] or 1))))
        assert max(sizes) < 40  # no <font size=90>
        assert b"Courier" not in pdf.read_bytes()


@pytest.mark.parametrize("name", ["bom-utf8", "utf16-le-bom", "utf16-be-bom"])
def test_encodings_with_a_byte_order_mark_read_right(arena, name):
    student, key = built(arena, name)
    for pdf in (student, key):
        text = pdf_text(pdf)
        assert "Café au lait" in text and "Naïve résumé, déjà vu" in text
        assert "\ufeff" not in text and "ï»¿" not in text


def test_a_long_unbroken_word_wraps_inside_the_margins(arena):
    from studyguide.theming.styles import default

    margin = default().margin_x
    for pdf in built(arena, "long-unbroken-word"):
        lo, hi, width = text_x_extent(pdf)
        assert lo >= margin - 1
        assert hi <= width - margin + 1, f"text reaches x={hi:.0f} on a {width:.0f} pt page"
        assert "x" * 30 in pdf_text(pdf)


def test_a_table_cell_taller_than_a_page_splits(arena):
    for pdf in built(arena, "table-cell-taller-than-page"):
        reader = pypdf.PdfReader(str(pdf))
        assert len(reader.pages) >= 3
        assert pdf_text(pdf).count("photosynthesis") >= 2600


def test_a_gif_is_shown(arena):
    for pdf in built(arena, "image-gif"):
        assert pdf_links_and_images(pdf) == (0, 1)


# -- YAML limits, in-process ----------------------------------------------------------------

def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"title: Too big\nsummary: " + b"a " * (loader.MAX_BYTES // 2) + b"\n")
    monkeypatch.setattr(loader.yaml, "parse", lambda *a, **k: pytest.fail("a file over the cap was parsed"))
    start = time.process_time()
    with pytest.raises(GuideError) as info:
        api.load(path)
    assert time.process_time() - start < 0.5
    assert str(info.value) == (f"{path}:1: the file is {path.stat().st_size:,} bytes; a guide may be at most "
                               f"{loader.MAX_BYTES:,} bytes (split it into several guides)")


def test_the_size_cap_holds_for_bytes_read_directly(tmp_path, monkeypatch):
    """Even if the file grows between the size check and the read, no more than the cap is parsed."""
    monkeypatch.setattr(loader.yaml, "parse", lambda *a, **k: pytest.fail("a file over the cap was parsed"))
    with pytest.raises(GuideError, match=r"x\.yaml:1: the file is 1,000,001 bytes"):
        loader.parse(b"#" * 1_000_001, "x.yaml")


@pytest.mark.parametrize("name", ["alias-bomb", "deep-flow", "deep-block", "merge-key"])
def test_refused_in_well_under_a_second(name):
    start = time.process_time()
    with pytest.raises(GuideError):
        api.load(HOSTILE / f"{name}.yaml")
    assert time.process_time() - start < 0.25  # CPU seconds: the clock also counts the machine's other work


def test_depth_cap_applies_to_mappings_and_mixed_nesting():
    text = "title: Deep\nobjectives: " + "{a: [" * 30 + "x" + "]}" * 30 + "\n"
    with pytest.raises(GuideError) as info:
        loader.parse(text.encode(), "deep.yaml")
    (problem,) = info.value.problems
    assert problem.where.line == 2 and "levels deep" in problem.message


def test_a_string_never_becomes_one_bullet_per_character(arena):
    run = build_case(arena, "string-where-list")
    assert run.code == 1
    assert len(run.messages) == 4  # objectives, takeaways, choices, items: all at once
    assert all("expected a list" in m for m in run.messages)


def test_unknown_and_missing_keys_are_reported_all_at_once(arena):
    run = build_case(arena, "unknown-and-missing-keys")
    text = "\n".join(run.messages)
    for fragment in ("unknown key 'titel' (did you mean 'title'?)", "unknown key 'colour'", "'definition' is missing",
                     "unknown key 'definiton'", "'type' is missing", "'choices' is missing"):
        assert fragment in text, fragment
    assert all(LOCATED.match(m) for m in run.messages)


# -- guide files that are not files ---------------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "directory", "device", "link-to-device"])
def test_a_guide_that_is_not_a_regular_file_is_refused_without_opening_it(tmp_path, kind):
    path = tmp_path / "guide.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
        (path / "inside.yaml").write_text("title: inside\n")
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
        except (PermissionError, OSError):
            pytest.skip("cannot make a device file here")
    else:
        path.symlink_to("/dev/zero")
    if kind == "directory":  # a folder is a folder of guides: its guides are built
        run = cli_inprocess(["build", "guide.yaml", "-o", "out"], cwd=tmp_path, limit=HANG_SECONDS)
        assert run.code == 0 and (tmp_path / "out" / "inside.pdf").exists()
        return
    run = cli_inprocess(["build", "guide.yaml", "-o", "out"], cwd=tmp_path, limit=HANG_SECONDS)
    assert run.code == 1
    assert run.messages == ["guide.yaml:1: " + ("is a link that leads outside its folder; copy the file in instead"
                                                if kind == "link-to-device" else
                                                "is not a regular file; name a .yaml guide file")]
    assert not (tmp_path / "out").exists()


def test_an_image_fifo_never_blocks(arena):
    """Opening a FIFO for reading blocks until a writer comes; the image check must not even open it."""
    with time_limit(HANG_SECONDS):
        run = build_case(arena, "image-fifo")
    assert run.code == 1 and "not a regular file" in run.err


def test_an_image_swapped_for_a_fifo_after_the_check_still_never_blocks(tmp_path, monkeypatch):
    """Even if a file turns into a FIFO between the stat and the open, reading it does not hang."""
    from PIL import Image

    folder = tmp_path / "guides"
    folder.mkdir()
    Image.new("RGB", (4, 4)).save(folder / "pic.png")
    real_stat = os.stat

    def stat_then_swap(path, *a, **k):
        st = real_stat(path, *a, **k)
        if Path(path).name == "pic.png" and not stat.S_ISFIFO(st.st_mode):
            os.unlink(path)
            os.mkfifo(path)
        return st

    monkeypatch.setattr(images.os, "stat", stat_then_swap)
    with time_limit(HANG_SECONDS):
        found, problem = images.resolve("pic.png", folder / "g.yaml")
    assert found is None and "not a regular file" in problem


# -- output: names, links ------------------------------------------------------------------------

@pytest.mark.parametrize("stem, pdf", [
    ("../../evil", "evil"), ("my guide", "my-guide"), (".hidden", "hidden"), ("-rf", "rf"),
    ("a;rm -rf ~", "a-rm--rf"), ("CON", None), ("中文指南", None), ("café ünïcode", None),
    ("évaluation\u202egpj.exe", None), ("...", "guide"),
])
def test_pdf_names_come_from_the_guide_name_made_safe(tmp_path, stem, pdf):
    folder = tmp_path / "g" / "a" / "b"
    folder.mkdir(parents=True)
    path = folder / f"{stem}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("title: A name test\n", encoding="utf-8")
    out = tmp_path / "out"
    result = api.build(path, out)
    names = [o.path.name for o in result.outputs]
    for o in result.outputs:
        assert o.path.parent == out and o.path.resolve().parent == out.resolve()
        assert not o.path.name.startswith((".", "-"))
        assert all(c.isalnum() or c in "-_." for c in o.path.name), o.path.name
        assert "\u202e" not in o.path.name
    if pdf is not None:
        assert names == [f"{pdf}.pdf", f"{pdf}-key.pdf"]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g", "out"]
    assert not any(n.split(".")[0].upper() in ("CON", "PRN", "AUX", "NUL") for n in names)


@pytest.mark.parametrize("which", ["student", "key"])
def test_an_output_pdf_that_is_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path, which):
    guide = tmp_path / "g.yaml"
    guide.write_text("title: Link test\n")
    target = tmp_path / "precious.txt"
    target.write_bytes(b"do not overwrite\n")
    out = tmp_path / "out"
    out.mkdir()
    link = out / ("g.pdf" if which == "student" else "g-key.pdf")
    link.symlink_to(target)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert run.messages == [f"out/{link.name}: is a symbolic link; remove it so the PDF can be written in its place"]
    assert target.read_bytes() == b"do not overwrite\n"
    assert link.is_symlink()
    assert sorted(p.name for p in out.iterdir()) == [link.name]  # the other PDF was not written either
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("to, name, kind", [
    (["--to", "moodle"], "g-moodle.xml", "the Moodle XML export"), (["--to", "qti"], "g-qti.zip", "the QTI export"),
    (["--to", "anki", "--apkg"], "g-anki.apkg", "the Anki deck"), (["--to", "quizlet"], "g-quizlet.txt", "the text export"),
])
def test_an_export_in_place_of_a_link_or_a_folder_names_the_export_not_a_pdf(tmp_path, to, name, kind):
    (tmp_path / "g.yaml").write_text("title: Link test\nvocabulary:\n  - term: a\n    definition: b\n  - term: c\n"
                                     "    definition: d\nquestions:\n  - type: true_false\n    prompt: Yes?\n"
                                     "    answer: true\n")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / name).symlink_to(tmp_path / "g.yaml")
    run = cli_inprocess(["export", "g.yaml", *to, "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert f"out/{name}: is a symbolic link; remove it so {kind} can be written in its place" in run.messages
    (tmp_path / "out" / name).unlink()
    (tmp_path / "out" / name).mkdir()
    run = cli_inprocess(["export", "g.yaml", *to, "-o", "out"], cwd=tmp_path)
    assert f"out/{name}: is not a regular file; move it away so {kind} can be written in its place" in run.messages
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [name]


# -- the previous PDF survives a failed build, byte for byte ---------------------------------------

GOOD = "title: Survival\nobjectives:\n  - Keep the old PDF.\n"
BROKEN = {
    "yaml": "title: Survival\nobjectives:\n\t- a tab\n",
    "schema": "title: Survival\nobjectives: just text\n",
    "image": "title: Survival\ntopics:\n  - title: t\n    image: missing.png\n",
    "tag": "title: !!python/object/apply:os.system [\"true\"]\n",
    "taller-than-a-page": ("title: Survival\nquestions:\n  - type: true_false\n    prompt: p\n    answer: true\n"
                           "    explanation: " + "because " * 900 + "\n"),
}


def _good_build(tmp_path: Path) -> dict[str, bytes]:
    (tmp_path / "g.yaml").write_text(GOOD)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    return {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}


def _unchanged(tmp_path: Path, before: dict[str, bytes]) -> None:
    out = tmp_path / "out"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("how", sorted(BROKEN))
def test_the_previous_pdf_survives_a_broken_guide(tmp_path, how):
    before = _good_build(tmp_path)
    (tmp_path / "g.yaml").write_text(BROKEN[how])
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert run.messages and all(LOCATED.match(m) for m in run.messages)
    _unchanged(tmp_path, before)


def _fail_on(nth: int, exc: OSError):
    calls = {"n": 0}

    def fail(real):
        def wrapper(*a, **k):
            calls["n"] += 1
            if calls["n"] == nth:
                raise exc
            return real(*a, **k)
        return wrapper
    return fail


DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("func, nth", [("fsync", 1), ("fsync", 2), ("replace", 1), ("replace", 2), ("write", 1)])
def test_the_previous_pdf_survives_a_disk_full_midway(tmp_path, monkeypatch, func, nth):
    """A good build, then the same guide changed, then the write fails partway: both old PDFs intact."""
    before = _good_build(tmp_path)
    (tmp_path / "g.yaml").write_text(GOOD.replace("Keep the old PDF.", "A new version."))
    if func == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])
                raise DISK_FULL

            def __getattr__(self, name):
                return getattr(self.fh, name)

        monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(files.os, func, _fail_on(nth, DISK_FULL)(getattr(os, func)))
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1, run.err
    assert len(run.messages) == 1
    (line,) = run.messages
    assert line.startswith("out/g") and "No space left on device" in line and "internal error" not in line
    assert "unchanged" in line
    _unchanged(tmp_path, before)


def test_a_failed_write_with_no_previous_pdf_leaves_nothing(tmp_path, monkeypatch):
    (tmp_path / "g.yaml").write_text(GOOD)
    monkeypatch.setattr(files.os, "replace", _fail_on(2, DISK_FULL)(os.replace))
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_bad_metadata_fails_before_anything_is_written(tmp_path, monkeypatch):
    """A failure inside the PDF writer (bad metadata, any exception while rendering) leaves the old PDFs."""
    before = _good_build(tmp_path)
    from studyguide import render

    def broken(*a, **k):
        raise render.RenderFailed(api.Location("g.yaml", 1, 8), "the title cannot be stored in the PDF's metadata")

    monkeypatch.setattr(render, "render", broken)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1
    assert run.messages == ["g.yaml:1:8: the title cannot be stored in the PDF's metadata"]
    _unchanged(tmp_path, before)


def test_hostile_metadata_is_stored_as_plain_strings(tmp_path):
    """Title, author and subject that look like PDF syntax end up as literal metadata, not as PDF objects."""
    (tmp_path / "g.yaml").write_text(
        "title: 'Close ) and \\ ( open **bold** <b> &amp; 😀 中文'\n"
        "author: \"x) /JavaScript (app.alert(1)) \\\\ \\u00e9\"\n"
        "subject: 'endobj trailer << /Type /Catalog /OpenAction 1 0 R >> %%EOF'\n", encoding="utf-8")
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 0, run.err
    for name, suffix in (("g.pdf", ""), ("g-key.pdf", " (Answer Key)")):
        reader = pypdf.PdfReader(str(tmp_path / "out" / name))
        meta = reader.metadata
        assert meta.title == "Close ) and \\ ( open bold <b> &amp; 😀 中文" + suffix
        assert meta.author == "x) /JavaScript (app.alert(1)) \\ é"
        assert meta.subject == "endobj trailer << /Type /Catalog /OpenAction 1 0 R >> %%EOF"
        root = reader.trailer["/Root"]
        assert "/OpenAction" not in root and "/AA" not in root and "/JavaScript" not in (root.get("/Names") or {})


def test_an_unexpected_error_is_one_line_and_exit_70_and_leaves_the_old_pdf(tmp_path, monkeypatch):
    before = _good_build(tmp_path)
    from studyguide import render

    monkeypatch.setattr(render, "render", lambda *a, **k: 1 / 0)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 70
    assert run.err == "internal error: ZeroDivisionError: division by zero; run with --debug for the traceback\n"
    _unchanged(tmp_path, before)


def test_running_out_of_memory_prints_one_line(tmp_path, monkeypatch):
    (tmp_path / "g.yaml").write_text(GOOD)

    def oom(*a, **k):
        raise MemoryError

    monkeypatch.setattr(api, "load", oom)
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code != 0 and len(run.err.splitlines()) == 1 and "memory" in run.err
    assert "Traceback" not in run.err


# -- time and memory, measured in a fresh interpreter ----------------------------------------------

def big_guide(path: Path, size: int = 800_000) -> Path:
    """A well-formed guide of about ``size`` bytes of ordinary text."""
    import random

    rng = random.Random(7)
    words = ("carbon dioxide water light energy glucose oxygen chlorophyll leaf plant cell the a of and in "
             "photosynthesis respiration atmosphere ocean reservoir cycle").split()

    def para(n):
        return " ".join(rng.choice(words) for _ in range(n))

    parts = ["title: A very long guide", "summary: |"]
    parts += ["  " + para(120) + "\n" for _ in range(20)]
    parts.append("topics:")
    i = 0
    while sum(len(p) + 1 for p in parts) < size * 0.55:
        i += 1
        parts.append(f"  - title: Topic {i}\n    summary: {para(150)}\n    points:")
        parts += [f"      - {para(30)}" for _ in range(6)]
    parts.append("vocabulary:")
    while sum(len(p) + 1 for p in parts) < size * 0.75:
        i += 1
        parts.append(f"  - term: term {i}\n    definition: {para(60)}\n    example: {para(20)}")
    parts.append("questions:")
    while sum(len(p) + 1 for p in parts) < size - 1_000:
        i += 1
        parts.append(f"  - type: short_answer\n    prompt: {para(40)}?\n    answer: {para(50)}")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def huge_image(path: Path) -> Path:
    """The largest image the caps allow: as many RGBA pixels as images.MAX_PIXELS, about 4:3."""
    from PIL import Image

    w = int((images.MAX_PIXELS * 4 / 3) ** 0.5)
    h = images.MAX_PIXELS // w
    Image.linear_gradient("L").resize((w, h)).convert("RGBA").save(path, compress_level=1)
    return path


@pytest.fixture(scope="module")
def measured_arena(arena, tmp_path_factory) -> Path:
    folder = arena / REL
    big_guide(folder / "big-800k.yaml")
    huge_image(folder / "huge-pixels.png")
    (folder / "huge-image.yaml").write_text("title: The largest image allowed\ntopics:\n  - title: t\n    image: huge-pixels.png\n")
    return arena


@pytest.mark.stress  # (a fresh interpreter's bounds; test_case gives these guides' messages in the default run)
@pytest.mark.parametrize("name, code", [
    ("alias-bomb", 1), ("deep-flow", 1), ("deep-block", 1), ("image-decompression-bomb", 1),
    ("big-800k", 0), ("huge-image", 0),
])
def test_time_and_memory_in_a_fresh_interpreter(measured_arena, name, code):
    run = cli_measured(["build", f"{REL.as_posix()}/{name}.yaml", "-o", f"measured/{name}"], cwd=measured_arena,
                       timeout=HANG_SECONDS)  # (a bound on the wall clock only: the CPU is asserted below)
    print(f"{name}: exit {run.code}, {run.seconds:.2f} s ({run.cpu:.2f} s of CPU), {run.max_mb:.0f} MB")
    assert run.code == code, run.err
    assert "Traceback" not in run.err
    assert run.cpu < MAX_SECONDS  # CPU, not wall time: on a shared machine the wall clock counts the others
    assert run.max_mb < MAX_MB


@pytest.mark.stress
def test_an_800_kb_guide_is_at_least_800_kb_and_builds_in_process_in_seconds(measured_arena):
    path = measured_arena / REL / "big-800k.yaml"
    assert 780_000 <= path.stat().st_size <= loader.MAX_BYTES
    start = time.process_time()
    with time_limit(HANG_SECONDS):  # fail at a bound rather than wait minutes, on however busy a machine
        result = api.build(path, measured_arena / "inproc")
    assert time.process_time() - start < MAX_SECONDS  # CPU seconds, as the others measured above
    assert result.outputs[0].pages > 50


def test_an_image_past_pillow_s_own_cap_says_its_size_and_the_limit(tmp_path):
    """Pillow refuses these itself before its size can be asked; the header says how big (PNG, JPEG, GIF)."""
    import io as _io

    from PIL import Image

    guide = tmp_path / "g.yaml"
    png_bomb(tmp_path / "huge.png", 20_000, 20_000)
    small = _io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(small, format="JPEG")
    data = bytearray(small.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", 20_000, 30_000)  # height, then width
    (tmp_path / "huge.jpg").write_bytes(bytes(data))
    small = _io.BytesIO()
    Image.new("P", (16, 16)).save(small, format="GIF")
    data = bytearray(small.getvalue())
    data[6:10] = struct.pack("<HH", 65_000, 65_000)
    (tmp_path / "huge.gif").write_bytes(bytes(data))
    for name, size, wide in (("huge.png", "20000×20000", "3,600"), ("huge.jpg", "30000×20000", "4,400"),
                             ("huge.gif", "65000×65000", "3,600")):
        assert images.resolve(name, guide) == (None, f"'{name}' is {size} pixels; images may have at most 13 million "
                                                     f"pixels (save a copy at most {wide} pixels wide: in Windows, "
                                                     "Photos → … → Resize image; on a Mac, Preview → Tools → Adjust Size)")


@pytest.mark.parametrize("name", ["https://example.org/x.png", "http://example.org/x.png", "file:///tmp/x.png",
                                  "www.example.org/x.png"])
def test_an_image_named_by_a_web_address_is_told_to_download_it(tmp_path, name):
    assert images.resolve(name, tmp_path / "g.yaml") == (None, (
        f"'{name}' is a web address; download the image into the guide's folder or the assets/ folder and name "
        "that file (a guide names files, not addresses)"))


def test_a_file_name_with_a_line_break_stays_on_its_line_in_every_outcome(tmp_path):
    (tmp_path / "nm").mkdir()
    (tmp_path / "nm" / "new\nline.yaml").write_text("title: T\nvocabulary:\n  - term: a\n    definition: b\n")
    assert cli_inprocess(["build", "nm", "-o", "out"], cwd=tmp_path).out.splitlines() == [
        "built nm/new\\nline.yaml → out/new-line.pdf (1 page), out/new-line-key.pdf (1 page)"]
    assert cli_inprocess(["validate", "nm"], cwd=tmp_path).out.splitlines() == [
        "ok (1 warning): nm/new\\nline.yaml (0 questions, 1 term)"]  # (its term is used nowhere else)
    assert cli_inprocess(["export", "nm", "--to", "quizlet", "-o", "out"], cwd=tmp_path).out.splitlines() == [
        "exported nm/new\\nline.yaml → out/new-line-quizlet.txt (1 term)"]
    assert cli_inprocess(["new", "nm/b\nc.yaml"], cwd=tmp_path).out.splitlines() == [
        "wrote nm/b\\nc.yaml; edit it, then run: studyguide build \"nm/b\\nc.yaml\""]  # (quoted: a shell splits there)
    (tmp_path / "nm" / "bad\nname.yaml").write_text("title: [\n")
    run = cli_inprocess(["build", "nm/bad\nname.yaml", "-o", "out"], cwd=tmp_path)
    assert run.code == 1 and "failed: nm/bad\\nname.yaml" in run.err.splitlines()
