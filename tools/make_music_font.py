"""Make the bundled music font: Noto Music, reshaped for text set by reportlab.

DejaVu Sans (the bundled family) draws ♩ ♪ ♭ ♮ ♯ but nothing of the Musical Symbols block (U+1D100-1D1FF):
a clef 𝄞 𝄢 or a note 𝅝 𝅗𝅥 printed as a box. Noto Music (OFL, 81 kB, one weight) has the whole block, the
Byzantine and Ancient Greek musical symbols and ♩-♯. It is a font for music set by an OpenType engine; reportlab
does no OpenType positioning or substitution and sets every glyph on the text's baseline, so three things change:

- the glyphs are made to fit between DejaVu Sans's ascent and descent (0.928 and -0.236 em), so a symbol never
  reaches into the line above or below: every glyph is set at 92 % (the stem of a note, its tallest common part,
  reaches 1.009 em), and the few still too tall or deep (the clefs: 𝄞 spans -0.40 to 1.33 em) are shrunk
  further, each about its own origin, to fit;
- the combining stem (U+1D165), which the font's GPOS places on the notehead before it, is moved onto that
  notehead: 𝅗 followed by the stem (how U+1D15E 𝅗𝅥 is written after Unicode normalisation, which always
  decomposes it) prints like the precomposed half note, and 𝅘 with the stem like 𝅘𝅥;
- the vertical metrics are DejaVu Sans's, so a line with a music symbol is spaced as one without.

Every character of the font is kept (OpenType tables and hinting dropped: reportlab reads neither). Run it,
once, where NotoMusic-Regular.ttf is (e.g. Debian's fonts-noto-core, 20201225: `apt-get download
fonts-noto-core; dpkg-deb -x fonts-noto-core_*.deb x`):

    python tools/make_music_font.py DIR_WITH_NotoMusic-Regular.ttf

Needs fonttools (in the test extra). Output: src/studyguide/fonts/SGNotoMusic-Regular.ttf.gz.
"""
from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_cjk_fonts import OUT, rename  # noqa: E402  (the fonts' own names, as for the other subsets)

ASCENT, DESCENT = 928, -236   # DejaVu Sans's, in thousandths of an em (its hhea: 1901 and -483 of 2048)
SCALE = 0.92                  # the stem's top, 1009, down to about ASCENT
STEM = 0x1D165                # MUSICAL SYMBOL COMBINING STEM: no advance, drawn to the right of its origin
HEADS = (0x1D157, 0x1D158)    # void and black noteheads: the stem's right edge goes on theirs


def _stem_shift(font: TTFont) -> int:
    """How far left the stem goes so that, set after a notehead, it stands where the half note has its stem."""
    cmap, glyphs, metrics = font.getBestCmap(), font.getGlyphSet(), font["hmtx"]
    advances = {metrics[cmap[c]][0] for c in HEADS}
    assert len(advances) == 1, advances  # both noteheads alike, or one shift would not do for both
    head, stem = BoundsPen(glyphs), BoundsPen(glyphs)
    glyphs[cmap[HEADS[0]]].draw(head)
    glyphs[cmap[STEM]].draw(stem)
    return round(head.bounds[2] - stem.bounds[2] - advances.pop())


def reshape(font: TTFont) -> None:
    glyphs, glyf, metrics = font.getGlyphSet(), font["glyf"], font["hmtx"]
    stem_name, shift = font.getBestCmap()[STEM], _stem_shift(font)
    new = {}
    for name in font.getGlyphOrder():
        bounds = BoundsPen(glyphs)
        glyphs[name].draw(bounds)
        scale = SCALE
        if bounds.bounds:
            _, low, _, high = bounds.bounds
            scale = min(SCALE, ASCENT / high if high > 0 else SCALE, DESCENT / low if low < 0 else SCALE)
        dx = shift if name == stem_name else 0
        pen = TTGlyphPen(None)
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, scale, dx * scale, 0)))
        new[name] = (pen.glyph(), round(metrics[name][0] * scale))
    for name, (glyph, advance) in new.items():
        glyf[name] = glyph
        glyph.recalcBounds(glyf)
        metrics[name] = (advance, getattr(glyph, "xMin", 0))
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = ASCENT, DESCENT, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ASCENT, DESCENT, 0
    os2.usWinAscent, os2.usWinDescent = ASCENT, -DESCENT


def make(source: Path) -> None:
    font = TTFont(source, recalcTimestamp=False)  # the source's date: the same bytes each run
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "STAT", "gasp", "prep", "fpgm", "cvt ", "DSIG"]
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(font.getBestCmap()))
    sub.subset(font)
    reshape(font)
    rename(font, "SGNotoMusic", "Regular", 400)
    buffer = io.BytesIO()
    font.save(buffer)
    out = OUT / "SGNotoMusic-Regular.ttf.gz"
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as packed:  # mtime 0: the same bytes each run
        packed.write(buffer.getvalue())
    print(f"{out.name}: {len(font.getBestCmap())} characters, {len(buffer.getvalue()) / 1e3:.0f} kB, "
          f"{out.stat().st_size / 1e3:.0f} kB compressed")


def main(folder: str) -> None:
    make(next(Path(folder).rglob("NotoMusic-Regular.ttf")))


if __name__ == "__main__":
    main(sys.argv[1])
