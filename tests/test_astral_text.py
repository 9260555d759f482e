"""A character beyond U+FFFF (a music symbol 𝄞, a rare Han character, a supplementary private-use one) reads back
from the PDF as itself: reportlab wrote its ToUnicode entry as <1D11E>, an odd number of hex digits where the PDF
format asks for UTF-16, so copying, searching or a screen reader got nothing or a wrong character (pypdf: "Got
invalid hex string"). The font's glyph printed; the text behind it was lost."""
from __future__ import annotations

import re

from conftest import build_into, write_guide
from test_fonts import installed_test_font

from studyguide.theming import fonts

ODD = "\U000F0041"  # supplementary private use: only the test's own font has it


def test_a_character_beyond_the_bmp_reads_back_as_itself(tmp_path, monkeypatch):
    installed_test_font(tmp_path, monkeypatch, ODD, "odd.ttf")
    path = write_guide(tmp_path, "g.yaml", f"title: Odd\nsummary: An odd {ODD} sign, and é.\n")
    built = build_into(path, tmp_path / "out")
    assert built.result.warnings == []
    for pdf in (built.student, built.key):
        assert f"An odd {ODD} sign, and é." in pdf.text
        maps = b"".join(o.get_object().get_data() for o in _to_unicode_streams(pdf.reader))
        pairs = re.findall(rb"<([0-9A-F]{2})> <([0-9A-F]{3,})>", maps)  # (not the codespacerange: <00> <xx>)
        assert (b"DB80DC41" in {dst for _, dst in pairs}) and all(len(dst) % 4 == 0 for _, dst in pairs)
    monkeypatch.setattr(fonts, "_installed", None)


def _to_unicode_streams(reader):
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if "/ToUnicode" in font:
                yield font.raw_get("/ToUnicode")
