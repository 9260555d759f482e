"""A theme's font whose tables are damaged is refused at the theme's line, before it prints garbage.

Each damaged font here is DejaVu Sans with about 2 % of one table's bytes overwritten (as a bad disk
or a broken download leaves it). Before the check, a damaged 'loca' stopped the build with
"internal error: TTFError: unpack requires a buffer of 2 bytes", a damaged 'glyf' printed black
spikes over the page and a damaged 'hmtx' printed "C        riticisms", both with exit 0."""
from __future__ import annotations

import gzip
import random
import struct
from pathlib import Path

import pytest

from hostile_support import cli_inprocess

FONTS = Path(__file__).resolve().parent.parent / "src" / "studyguide" / "fonts"
DEJAVU = FONTS / "DejaVuSans.ttf"
GUIDE = "title: Benefits and Criticisms\nquestions:\n  - type: true_false\n    prompt: Is it readable?\n    answer: true\n"


def tables(data: bytes) -> dict[bytes, tuple[int, int, int]]:
    """Each table's tag → (its directory entry's position, its offset, its length)."""
    (count,) = struct.unpack_from(">H", data, 4)
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag] = (12 + 16 * i, offset, length)
    return out


def damaged(table: bytes) -> bytes:
    """DejaVu Sans with about 2 % of ``table``'s bytes overwritten with others (the same ones every run)."""
    data = bytearray(DEJAVU.read_bytes())
    _, offset, length = tables(bytes(data))[table]
    rng = random.Random(table)
    for at in rng.sample(range(offset, offset + length), length // 50):
        data[at] = (data[at] + rng.randrange(1, 256)) % 256
    return bytes(data)


def themed(folder: Path, font: bytes) -> None:
    (folder / "themes").mkdir()
    (folder / "themes" / "mine.yaml").write_text("parent: classic\nfonts:\n  regular: bad.ttf\n", encoding="utf-8")
    (folder / "bad.ttf").write_bytes(font)
    (folder / "g.yaml").write_text("theme: mine\n" + GUIDE, encoding="utf-8")


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("table", [b"loca", b"glyf", b"hmtx"])
def test_a_font_with_a_damaged_table_is_refused_at_the_themes_line(tmp_path, table, command):
    themed(tmp_path, damaged(table))
    run = cli_inprocess([command, "g.yaml", *(["-o", "out"] if command == "build" else [])], tmp_path)
    assert run.code == 1
    assert run.messages == ["themes/mine.yaml:3:12: fonts.regular: 'bad.ttf' is damaged; choose another .ttf file"]
    assert not (tmp_path / "out").exists()


def test_a_font_whose_table_directory_points_past_its_end_is_damaged_in_plain_words(tmp_path):
    """Three directory entries moved past the end: reportlab said "unpack requires a buffer of 2 bytes"."""
    data = bytearray(DEJAVU.read_bytes())
    for tag in (b"GPOS", b"glyf", b"loca"):
        entry = tables(bytes(data))[tag][0]
        struct.pack_into(">I", data, entry + 8, len(data) - 16)
    themed(tmp_path, bytes(data))
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], tmp_path)
    assert (run.code, run.messages) == (1, ["themes/mine.yaml:3:12: fonts.regular: 'bad.ttf' is damaged; choose "
                                            "another .ttf file"])


def test_the_same_font_undamaged_builds(tmp_path):
    themed(tmp_path, DEJAVU.read_bytes())
    run = cli_inprocess(["build", "g.yaml", "-o", "out"], tmp_path)
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["g-key.pdf", "g.pdf"]


def _real_fonts() -> list:
    found = sorted(FONTS.glob("*.ttf")) + sorted(FONTS.glob("*.ttf.gz"))
    found += sorted(Path(__file__).resolve().parent.parent.glob("assets/*.ttf"))
    found += sorted(Path("/usr/share/fonts").rglob("*.ttf"))[:60]  # the machine's own, where there are any
    return [pytest.param(p, id=p.name) for p in found]


@pytest.mark.parametrize("path", _real_fonts())
def test_real_fonts_are_not_taken_for_damaged(path):
    from studyguide.theming import fontcheck

    data = path.read_bytes()
    data = gzip.decompress(data) if path.suffix == ".gz" else data
    assert fontcheck.problem(data) is None
