"""Hostile input, third round: new files on a full disk, the editor's saves and new names,
transparent pictures, and places the command line cannot write to (or print to).

A full disk is made without privileges: a child interpreter whose files may grow to at most a
few hundred bytes (RLIMIT_FSIZE), so every write past that fails as it would on a full disk.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, cli_main, run_cli
from hostile_support import cli_inprocess
from studyguide import files as output_files

IMPORT_ME = "front,back\nphotosynthesis,How plants make sugar from light\ncarbon sink,Takes in more than it gives\n"


def run_small_disk(args, cwd: Path, limit: int = 300) -> subprocess.CompletedProcess:
    """``studyguide ARGS`` in a child whose files cannot grow past ``limit`` bytes: a disk that fills up. The child
    writes no bytecode: Python does not check that a .pyc was written whole, so the first import of a module
    there (importers, in a run where no test had imported it yet) left its __pycache__ files cut at ``limit``
    bytes, and every later `import` in the tree stopped with 'aborted' (marshal data too short)."""
    code = ("import resource, signal, sys; sys.dont_write_bytecode = True; "
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
            "from studyguide.cli import main; main(sys.argv[1:])")
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def listing(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir())}


# -- 1. a new file is whole or absent -------------------------------------------------------------

def test_new_on_a_full_disk_leaves_nothing_and_a_retry_works(tmp_path):
    proc = run_small_disk(["new", "guides/unit.yaml"], tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ("guides/unit.yaml: cannot be written (File too large); nothing was written: "
                           "choose a folder you can write to\n")
    assert listing(tmp_path / "guides") == {}  # no 0-byte or part-written guide, no temporary file
    again = cli_main("new", "guides/unit.yaml", cwd=tmp_path)  # the disk has room again
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "guides" / "unit.yaml").read_bytes() == (REPO / "src/studyguide/starter.yaml").read_bytes()


def test_import_on_a_full_disk_leaves_nothing_and_a_retry_works(tmp_path):
    (tmp_path / "bank.csv").write_text(IMPORT_ME, encoding="utf-8")
    (tmp_path / "guides").mkdir()
    proc = run_small_disk(["import", "bank.csv"], tmp_path, limit=100)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ("guides/bank.yaml: cannot be written (File too large); nothing was written: "
                           "choose a folder you can write to\n")
    assert listing(tmp_path / "guides") == {}
    again = cli_main("import", "bank.csv", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "carbon sink" in (tmp_path / "guides" / "bank.yaml").read_text(encoding="utf-8")


def test_new_never_overwrites_even_when_the_name_is_taken_while_writing(tmp_path, monkeypatch):
    target = tmp_path / "unit.yaml"
    real_fsync = os.fsync

    def someone_else_writes(fd):  # the name is taken between the check and the link
        real_fsync(fd)
        target.write_text("mine\n", encoding="utf-8")

    monkeypatch.setattr(output_files.os, "fsync", someone_else_writes)
    with pytest.raises(output_files.UsageError, match="unit.yaml: already exists; choose a new file name"):
        output_files.write_new(target, b"starter\n")
    assert listing(tmp_path) == {"unit.yaml": 5}


def test_a_disk_without_hard_links_still_gets_the_whole_file_once(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(output_files.os, "link", no_links)
    output_files.write_new(tmp_path / "unit.yaml", b"starter\n")
    assert listing(tmp_path) == {"unit.yaml": 8}
    with pytest.raises(output_files.UsageError, match="already exists"):
        output_files.write_new(tmp_path / "unit.yaml", b"other\n")
    assert (tmp_path / "unit.yaml").read_bytes() == b"starter\n"


@pytest.mark.parametrize("where, message", [
    ("/proc/x.yaml", "/proc/x.yaml: cannot be written (No such file or directory); nothing was written: "
                     "choose a folder that exists and takes files"),
    ("d" * 300 + ".yaml", "d" * 300 + ".yaml: cannot be written (File name too long); nothing was written: "
                          "choose a shorter name"),
    ("d" * 300 + "/g.yaml", "d" * 300 + "/g.yaml: cannot be written (File name too long); nothing was written: "
                            "choose a shorter name"),
])
def test_import_where_no_file_can_be_made_is_told_where_and_why(tmp_path, where, message):
    (tmp_path / "bank.csv").write_text(IMPORT_ME, encoding="utf-8")
    run = cli_inprocess(["import", "bank.csv", "-o", where], tmp_path)
    assert (run.code, run.err) == (1, message + "\n")
    assert listing(tmp_path) == {"bank.csv": len(IMPORT_ME)}


def test_import_into_a_read_only_folder_is_told_where_and_why(tmp_path, monkeypatch):
    real_open, real_os_open = open, os.open

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    (tmp_path / "bank.csv").write_text(IMPORT_ME, encoding="utf-8")
    (tmp_path / "guides").mkdir()
    monkeypatch.setattr(output_files.tempfile, "mkstemp", read_only)  # every way of making a file is refused
    monkeypatch.setattr(output_files.os, "open", lambda path, flags, *a: (
        read_only() if flags & os.O_CREAT else real_os_open(path, flags, *a)))
    monkeypatch.setattr("builtins.open", lambda file, mode="r", *a, **k: (
        read_only() if set(mode) & set("wxa") else real_open(file, mode, *a, **k)))
    run = cli_inprocess(["import", "bank.csv"], tmp_path)
    assert (run.code, run.err) == (1, "guides/bank.yaml: cannot be written (Read-only file system); nothing was "
                                      "written: choose a folder you can write to\n")
    assert listing(tmp_path / "guides") == {}


# -- 2. the editor saves only text ----------------------------------------------------------------

@pytest.mark.parametrize("body", [{}, {"text": ["a"]}, {"text": None}, {"text": 5}, {"text": {"a": 1}}])
def test_an_editor_save_without_text_writes_nothing(tmp_path, body):
    pytest.importorskip("starlette", reason="the `edit` extra is not installed")
    from test_editor import GOOD, SMALL, TOKEN, base_hash, client

    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / "water.yaml").write_text(SMALL, encoding="utf-8")
    r = client(folder).post(f"/{TOKEN}/api/water.yaml/save", json={**body, "base": base_hash(folder)}, headers=GOOD)
    assert (r.status_code, r.json()) == (400, {"problems": ["save: the request has no guide text; nothing was written"]})
    assert listing(folder) == {"water.yaml": len(SMALL)}
    assert (folder / "water.yaml").read_text(encoding="utf-8") == SMALL


# -- 5. a new guide never takes another's PDFs ------------------------------------------------------

TWIN = ("{new}: {old} is already a guide in that folder, and the two names would make the same PDF files "
        "(capitals and the extension do not count); choose another name")


@pytest.mark.parametrize("old, name, new", [
    ("base.yaml", "Base", "Base.yaml"), ("base.yaml", "BASE.yml", "BASE.yml"), ("x.yml", "x.YAML", "x.YAML"),
    ("my guide.yaml", "My-Guide", "My-Guide.yaml"), ("Ünit.yml", "ünit", "ünit.yaml"),
])
def test_the_editor_refuses_a_new_name_that_differs_only_in_capitals_or_extension(tmp_path, old, name, new):
    pytest.importorskip("starlette", reason="the `edit` extra is not installed")
    from test_editor import GOOD, SMALL, TOKEN, client

    folder = tmp_path / "guides"
    folder.mkdir()
    (folder / old).write_text(SMALL, encoding="utf-8")
    r = client(folder).post(f"/{TOKEN}/new", json={"name": name}, headers=GOOD)
    assert (r.status_code, r.json()) == (400, {"problems": [TWIN.format(new=folder / new, old=old)]})
    assert listing(folder) == {old: len(SMALL.encode())}
    assert run_cli("build", folder, "-o", tmp_path / "out", cwd=tmp_path).returncode == 0  # the folder still builds


def test_new_on_the_command_line_refuses_a_twin_and_makes_a_different_name(tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "base.yaml").write_text("title: Base\n", encoding="utf-8")
    run = cli_inprocess(["new", "guides/Base.YML"], tmp_path)
    assert (run.code, run.err) == (2, TWIN.format(new="guides/Base.YML", old="base.yaml") + "\n")
    assert cli_inprocess(["new", "guides/base-2.yaml"], tmp_path).code == 0
    assert listing(tmp_path / "guides") == {"base-2.yaml": len((REPO / "src/studyguide/starter.yaml")
                                                                 .read_bytes()), "base.yaml": 12}


# -- 3. transparent pictures print as paper ---------------------------------------------------------

MAGENTA, RED = (255, 0, 255), (255, 0, 0)


def _picture(path: Path, kind: str) -> tuple[int, int, int]:
    """A 40×40 picture whose 10-pixel border is transparent (its stored colour magenta, or black for grey)
    around an opaque square; the square's colour as printed."""
    from PIL import Image

    def square(im, inside):
        im.paste(inside, (10, 10, 30, 30))
        return im

    palette = [*MAGENTA, *RED] + [0] * 762
    if kind == "rgba":
        square(Image.new("RGBA", (40, 40), (*MAGENTA, 0)), (*RED, 255)).save(path)
    elif kind == "la":
        square(Image.new("LA", (40, 40), (0, 0)), (128, 255)).save(path)
        return (128, 128, 128)
    elif kind in ("palette", "gif", "palette-alpha"):
        im = square(Image.new("P", (40, 40), 0), 1)
        im.putpalette(palette)
        im.save(path, transparency=bytes([0, 255, 255]) if kind == "palette-alpha" else 0)
    elif kind == "rgb-key":
        square(Image.new("RGB", (40, 40), MAGENTA), RED).save(path, transparency=MAGENTA)
    elif kind == "grey-key":
        square(Image.new("L", (40, 40), 0), 128).save(path, transparency=0)
        return (128, 128, 128)
    return RED


def _around(page, colour) -> list[tuple[int, int, int]]:
    """The printed colour just outside the square of ``colour`` on ``page``, mid-way across the picture's
    transparent border, on each of its four sides."""
    from PIL import ImageChops, ImageFilter

    bands = [band.point(lambda v, c=c: 255 if v == c else 0) for band, c in zip(page.split(), colour)]
    found = ImageChops.multiply(ImageChops.multiply(bands[0], bands[1]), bands[2]).filter(ImageFilter.MinFilter(5))
    box = found.getbbox()
    assert box, f"the picture's square of {colour} is not on the page"
    left, top, right, bottom = box
    gap = (right - left) // 4 + 2  # the border is half the square wide: a quarter of it is mid-border
    cx, cy = (left + right) // 2, (top + bottom) // 2
    return [page.getpixel(xy) for xy in ((left - gap, cy), (right + gap, cy), (cx, top - gap), (cx, bottom + gap))]


@pytest.mark.parametrize("where", ["image", "logo"])
@pytest.mark.parametrize("kind", ["rgba", "la", "palette", "gif", "palette-alpha", "rgb-key", "grey-key"])
def test_transparent_parts_of_a_picture_print_as_paper(tmp_path, kind, where):
    import pypdfium2

    from studyguide import api

    picture = tmp_path / f"pic.{'gif' if kind == 'gif' else 'png'}"
    colour = _picture(picture, kind)
    guide = tmp_path / "g.yaml"
    topic = f"topics:\n  - title: A picture\n    image: {picture.name}\n" if where == "image" else ""
    guide.write_text(f"title: Pictures\n{'logo: ' + picture.name if where == 'logo' else ''}\n{topic}"
                     "questions:\n  - type: true_false\n    prompt: Is it red?\n    answer: true\n", encoding="utf-8")
    for out in api.build(guide, tmp_path / "out").outputs:  # the handout and the key
        page = pypdfium2.PdfDocument(out.path)[0].render(scale=2).to_pil().convert("RGB")
        assert _around(page, colour) == [(255, 255, 255)] * 4, f"{out.path.name}: the {kind} {where}'s border"


# -- 4. places the command line cannot write to, or print to -----------------------------------------

GOOD = "title: Water\nquestions:\n  - type: true_false\n    prompt: Water is wet.\n    answer: true\n"


@pytest.mark.parametrize("command", [["build", "g.yaml"], ["export", "g.yaml", "--to", "anki"]])
def test_an_output_folder_name_too_long_is_told_before_any_work(tmp_path, command):
    (tmp_path / "g.yaml").write_text(GOOD, encoding="utf-8")
    folder = "d" * 300
    run = cli_inprocess([*command, "-o", folder], tmp_path)
    assert (run.code, run.err) == (2, f"{folder}: cannot be the folder for the files (File name too long); "
                                      "name another folder with -o\n")
    assert listing(tmp_path) == {"g.yaml": len(GOOD)}


def _shell(line: str, cwd: Path) -> subprocess.CompletedProcess:
    """``line`` in sh, ``sg`` standing for this interpreter's studyguide (so its streams can be closed)."""
    sg = f"'{sys.executable}' -m studyguide"
    return subprocess.run(["sh", "-c", line.replace("sg ", f"{sg} ")], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_a_build_with_stdout_on_a_full_device_keeps_its_files_and_its_status(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    (tmp_path / "g.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("title: [\n", encoding="utf-8")
    proc = _shell("sg build g.yaml -o full >/dev/full", tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "stdout: cannot be written (No space left on device); what this "
                                                 "command reported there was lost, but its files were written (or "
                                                 "left as they were) as its exit status says\n")
    assert _shell("sg build g.yaml -o plain", tmp_path).returncode == 0
    assert files_of(tmp_path / "full") == files_of(tmp_path / "plain")  # the same PDFs, whole
    proc = _shell("sg build bad.yaml g.yaml -o full2 >/dev/full", tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1].startswith("stdout: cannot be written (No space left on device)")
    assert sorted(files_of(tmp_path / "full2")) == ["g-key.pdf", "g.pdf"]  # the guide after the bad one: built


@pytest.mark.parametrize("command", ["schema", "check g.yaml", "validate g.yaml", "--version", "--help",
                                     "build --help", "new --help"])
def test_a_command_whose_product_is_its_output_fails_when_stdout_is_full(tmp_path, command):
    """check, --help and --version had exited 0 saying "its files were written": they write none (review)."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    (tmp_path / "g.yaml").write_text(GOOD, encoding="utf-8")
    proc = _shell(f"sg {command} >/dev/full", tmp_path)
    assert (proc.returncode, proc.stderr) == (1, "stdout: cannot be written (No space left on device); what this "
                                                 "command prints was lost (send it to a file on a disk with room)\n")


def test_a_build_with_stdout_and_stderr_closed_has_its_own_status_and_whole_files(tmp_path):
    (tmp_path / "g.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("title: [\n", encoding="utf-8")
    assert _shell("sg build bad.yaml -o out >&- 2>&-", tmp_path).returncode == 1
    assert not (tmp_path / "out").exists()
    assert _shell("sg build g.yaml -o closed >&- 2>&-", tmp_path).returncode == 0
    assert _shell("sg build g.yaml -o open", tmp_path).returncode == 0
    # no report line went into a file that took stdout's number: the very same PDFs
    assert files_of(tmp_path / "closed") == files_of(tmp_path / "open")
    assert _shell("sg schema >&-", tmp_path).returncode == 0  # output thrown away on purpose is no failure


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_import_refuses_a_twin_of_a_guide_too(tmp_path):
    (tmp_path / "bank.csv").write_text(IMPORT_ME, encoding="utf-8")
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "Bank.yml").write_text("title: Bank\n", encoding="utf-8")
    run = cli_inprocess(["import", "bank.csv"], tmp_path)
    assert (run.code, run.err) == (1, TWIN.format(new="guides/bank.yaml", old="Bank.yml") + " with -o\n")
    assert listing(tmp_path / "guides") == {"Bank.yml": 12}


@pytest.mark.parametrize("umask, mode", [("077", 0o600), ("002", 0o664), ("022", 0o644)])
def test_new_files_take_the_umask_as_open_would(tmp_path, umask, mode):
    """new, import and build write through a temporary file; they had set every file to 0644, so a private
    umask (077) made a world-readable guide and a group's umask (002) a file the group could not write."""
    (tmp_path / "g.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "cards.csv").write_text("term,definition\natom,the smallest unit\ncell,the unit of life\n",
                                        encoding="utf-8")
    proc = _shell(f"umask {umask}; sg new n.yaml && sg import cards.csv -o i.yaml && sg build g.yaml -o out",
                  tmp_path)
    assert proc.returncode == 0, proc.stderr
    made = [tmp_path / "n.yaml", tmp_path / "i.yaml", tmp_path / "out" / "g.pdf", tmp_path / "out" / "g-key.pdf"]
    assert [oct(p.stat().st_mode & 0o777) for p in made] == [oct(mode)] * 4


def test_new_and_import_refuse_the_name_of_a_folders_defaults_file(tmp_path):
    """`new guides/studyguide.yaml` wrote a starter guide where the folder's shared keys are read from, and
    every guide beside it then failed with a dozen errors (review)."""
    (tmp_path / "cards.csv").write_text("term,definition\natom,the smallest unit\ncell,the unit of life\n",
                                        encoding="utf-8")
    for line, name in (("sg new studyguide.yaml", "studyguide.yaml"), ("sg import cards.csv -o StudyGuide.yml",
                                                                       "StudyGuide.yml")):
        proc = _shell(line, tmp_path)
        assert proc.returncode != 0 and f"{name} is the name of a folder's defaults file (the keys its guides " \
            "share, not a guide of its own); choose another name" in proc.stderr, proc.stderr
        assert not (tmp_path / name).exists()
