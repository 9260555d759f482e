"""Music symbols print (trial r13, finding 2): a grade-9 music theory guide's clefs 𝄞 𝄢 and notes 𝅝 𝅗𝅥 (the Musical
Symbols block, U+1D100-1D1FF, beyond U+FFFF) printed as boxes on every machine, and its matching question could not
be answered. They come from the bundled Noto Music now (tools/make_music_font.py), in bold and italic runs too;
♩ ♪ ♭ ♯ ♮ stay in DejaVu Sans, as before."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import built_once, build_into, write_guide
from glyphs import drawn

MUSIC_GUIDE = Path(__file__).parent / "cases" / "trial" / "music-theory-basics.yaml"
BLOCK = range(0x1D100, 0x1D200)
MUSIC_FONT = "SGNotoMusic-Regular"


@pytest.fixture(scope="module")
def music(tmp_path_factory):
    return built_once(tmp_path_factory, "test_music.music", MUSIC_GUIDE)


def test_the_music_guide_prints_its_clefs_and_notes_from_the_bundled_music_font(music):
    assert not [w for w in music.result.warnings if "no font has" in w.message], music.result.warnings
    for pdf in (music.student, music.key):
        shown = [d for d in drawn(pdf.data) if ord(d.char[:1] or " ") in BLOCK]
        # treble and bass clef, whole note, and the half note as typed: void notehead + combining stem
        assert {d.char for d in shown} == {"\U0001D11E", "\U0001D122", "\U0001D15D", "\U0001D157", "\U0001D165"}
        assert {d.font.split("+")[-1] for d in shown} == {MUSIC_FONT}
        assert [d for d in shown if d.glyph == ".notdef"] == []
        # the accidentals and the notes DejaVu Sans has stay in it (the same letters and sizes as before)
        dejavu = {d.font.split("+")[-1] for d in drawn(pdf.data) if d.char in "♩♪♭♯♮"}
        assert dejavu and all(f.startswith("DejaVuSans") for f in dejavu), dejavu
    # the matching question's signs, as the student reads them
    assert "4. 𝄞" in music.student.text and "5. 𝄢" in music.student.text


BOLD_ITALIC = """\
title: "Clefs 𝄞 and 𝄢"
topics:
  - title: "Notes: 𝅝 and 𝅗𝅥"
    summary: "The **𝄞 treble clef** and the *𝄢 bass clef*; a ***𝅝 whole note***."
"""


def test_bold_and_italic_runs_draw_the_symbols_from_the_music_font_too(tmp_path):
    built = build_into(write_guide(tmp_path, "clefs.yaml", BOLD_ITALIC), tmp_path / "out")
    assert not [w for w in built.result.warnings if "no font has" in w.message], built.result.warnings
    shown = [d for d in drawn(built.key.data) if ord(d.char[:1] or " ") in BLOCK]
    assert len(shown) >= 9 and {d.font.split("+")[-1] for d in shown} == {MUSIC_FONT}
    assert [d for d in shown if d.glyph == ".notdef"] == []
    assert "DejaVuSans-BoldOblique" in {f.split("+")[-1] for f in built.key.fonts_of("whole note")}


# -- what the page shows: a half note's stem stands on its notehead, whether typed as one character or two --

HALVES = """\
title: Half notes
topics:
  - title: Notes
    points:
      - "Two: X\U0001D157\U0001D165X"
      - "One: X\U0001D15EX"
      - "Whole: X\U0001D15DX"
"""


def _glyph_picture(pdf: Path, code: int):
    """Pixels around the first glyph the page draws for ``code``: from its box's left and bottom, 0.6 em wide,
    1.1 em high (a notehead's box is about 0.3 em each way; a half note's stem reaches 0.93 em), 1 px = 0.05 pt."""
    scale = 20
    page = pdfium.PdfDocument(str(pdf))[0]
    text = page.get_textpage()
    units = [pdfium.raw.FPDFText_GetUnicode(text, i) for i in range(text.count_chars())]
    pair = [int.from_bytes(chr(code).encode("utf-16-be")[k:k + 2], "big") for k in (0, 2)]
    for i in range(len(units) - 1):
        if units[i:i + 2] == pair:  # pdfium reads a character beyond U+FFFF as its two UTF-16 halves
            left, bottom, _, _ = text.get_charbox(i)
            size = pdfium.raw.FPDFText_GetFontSize(text, i)
            width, height = page.get_size()
            box = (round(left * scale), round((height - bottom - 1.1 * size) * scale),
                   round((left + 0.6 * size) * scale), round((height - bottom) * scale))
            # only the box is drawn (pdfium's crop: points off the left, bottom, right and top), not the whole page
            # at 20 px a point (a 200-megapixel picture, 1.2 s each); its ink is the page's there, pixel for pixel
            crop = (box[0] / scale, height - box[3] / scale, width - box[2] / scale, box[1] / scale)
            return page.render(scale=scale, crop=crop).to_pil().convert("L"), size * scale
    raise AssertionError(f"U+{code:04X} is not on the page (or its text cannot be read back)")


def _ink(image, x0: float, x1: float, y0: float, y1: float) -> float:
    """Share of dark pixels in the part of ``image`` between the fractions x0-x1 of its width and y0-y1 of its
    height (y from the top)."""
    w, h = image.size
    part = image.crop((round(x0 * w), round(y0 * h), round(x1 * w), round(y1 * h)))
    counts = part.histogram()
    return sum(counts[:128]) / max(1, sum(counts))


def test_a_half_note_prints_with_its_stem_on_the_notehead(tmp_path):
    built = build_into(write_guide(tmp_path, "halves.yaml", HALVES), tmp_path / "out")
    pdf = built.outputs["student"].path
    em = 1.1  # the picture's height in ems (its y fractions are from the top)
    for code in (0x1D157, 0x1D15E):  # the notehead of the two-character half note, and the one-character half note
        picture, size = _glyph_picture(pdf, code)
        # 0.45-0.8 em above the notehead's bottom (over the head, under the stem's top): the stem, at the head's
        # right edge (0.25-0.27 em from its ink's left), and nothing over the head's left half (a box has a side there)
        stem_zone = (1 - 0.8 / em, 1 - 0.45 / em)
        assert _ink(picture, 0.0, 0.25, *stem_zone) == 0, f"U+{code:04X}: ink over the notehead's left half"
        assert _ink(picture, 0.36, 0.47, *stem_zone) > 0.2, f"U+{code:04X}: no stem on the notehead's right edge"
        assert _ink(picture, 0.0, 0.5, 1 - 0.25 / em, 1.0) > 0.15, f"U+{code:04X}: no notehead"
    whole, _ = _glyph_picture(pdf, 0x1D15D)
    assert _ink(whole, 0.0, 0.45, 1 - 0.25 / em, 1.0) > 0.15
    assert _ink(whole, 0.0, 0.45, 0.0, 1 - 0.4 / em) == 0  # a whole note: a head with nothing above it
