"""Make the bundled CJK fonts: static Regular and Bold TrueType subsets of Noto Sans SC and KR.

reportlab embeds TrueType (glyf) outlines only, and Noto CJK's OpenType builds are CFF. Google
Fonts' variable Noto Sans SC / KR are glyf-based: this script fixes their weight axis at 400 and
700 (a real bold, not a smeared regular) and keeps the characters a class is likely to print:

- Noto Sans SC: the 6,763 hanzi of GB 2312, the 5,401 frequent hanzi of Big5 (traditional), the
  6,355 kanji of JIS X 0208, kana, CJK punctuation, full-width forms, ASCII and Latin-1;
- Noto Sans KR: the 2,350 Hangul syllables of KS X 1001 and the compatibility jamo, ASCII and Latin-1.

A rarer character falls through to an installed font, or is reported (see studyguide.fonts).

Run it where the variable fonts are (the OFL-licensed files of Google Fonts, e.g. the PyPI package
justmytype-intl-cjk 0.1.0), once, when the fonts are to change:

    python tools/make_cjk_fonts.py DIR_WITH_NotoSansSC[wght].ttf_AND_NotoSansKR[wght].ttf

Needs fonttools (in the test extra). Output: src/studyguide/fonts/SGNoto{SC,KR}-{Regular,Bold}.ttf.gz.
"""
from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parent.parent / "src" / "studyguide" / "fonts"


def _codec_chars(codec: str, lead: range, trail: range) -> set[int]:
    """Every character a double-byte codec encodes with a lead byte in ``lead``."""
    found = set()
    for a in lead:
        for b in trail:
            try:
                found.add(ord(bytes((a, b)).decode(codec)))
            except (UnicodeDecodeError, TypeError):
                pass
    return found


def _han(c: int) -> bool:
    return 0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF


def chinese_japanese() -> set[int]:
    gb2312 = _codec_chars("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))          # levels 1 and 2
    big5 = _codec_chars("big5", range(0xA4, 0xC7), range(0x40, 0xFF))              # frequent hanzi
    jis = _codec_chars("euc_jp", range(0xB0, 0xF5), range(0xA1, 0xFF))             # JIS X 0208 kanji
    symbols = _codec_chars("gb2312", range(0xA1, 0xB0), range(0xA1, 0xFF))          # punctuation, kana, ...
    symbols |= _codec_chars("euc_jp", range(0xA1, 0xB0), range(0xA1, 0xFF))
    blocks = set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0)) | set(range(0x31F0, 0x3200))
    han = {c for c in gb2312 | big5 | jis if _han(c)}
    return han | blocks | {c for c in symbols if c > 0x2000} | LATIN


# ASCII, Latin-1 and general punctuation: a label drawn in one font straight on the canvas
# ("（2.5分）", "第 3 页") needs digits and Latin from the same font as its CJK characters
LATIN = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2010, 0x2040))


def korean() -> set[int]:
    hangul = _codec_chars("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))  # the 2,350 syllables
    return {c for c in hangul if 0xAC00 <= c <= 0xD7A3} | set(range(0x3130, 0x3190)) | LATIN


def rename(font: TTFont, stem: str, style: str, weight: int) -> None:
    """Own names for the modified fonts (each weight its own PostScript name, or PDF readers that
    key fonts by name draw both weights alike), and the weight set in OS/2 and head."""
    family = {"SGNotoSC": "SG Noto Sans SC", "SGNotoKR": "SG Noto Sans KR",
              "SGNaskh": "SG Noto Naskh Arabic",  # (the last two: tools/make_arabic_fonts.py, make_music_font.py)
              "SGNotoMusic": "SG Noto Music"}[stem]
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17):
            table.removeNames(nameID=record.nameID)
    for name_id, text in ((1, family), (2, style), (3, f"{stem}-{style}; subset for studyguide"),
                          (4, f"{family} {style}"), (6, f"{stem}-{style}")):
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    font["OS/2"].usWeightClass = weight
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (0b100000 if weight == 700 else 0b1000000)
    font["head"].macStyle = 1 if weight == 700 else 0


def make(source: Path, chars: set[int], stem: str) -> None:
    for weight, style in ((400, "Regular"), (700, "Bold")):
        font = TTFont(source)
        font = instancer.instantiateVariableFont(font, {"wght": weight}, updateFontNames=False)
        options = subset.Options()
        options.layout_features = []           # reportlab sets no OpenType features
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "STAT", "vhea", "vmtx", "gasp", "prep", "fpgm", "cvt "]
        options.hinting = False                  # print, not screens: no hinting instructions
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
        options.notdef_outline = True
        sub = subset.Subsetter(options)
        sub.populate(unicodes=sorted(c for c in chars if c in font.getBestCmap()))
        sub.subset(font)
        rename(font, stem, style, weight)
        buffer = io.BytesIO()
        font.save(buffer)
        out = OUT / f"{stem}-{style}.ttf.gz"  # installed compressed: 4.9 MB instead of 7.9
        with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as packed:  # mtime 0: the same bytes each run
            packed.write(buffer.getvalue())
        print(f"{out.name}: {len(font.getBestCmap())} characters, {out.stat().st_size / 1e6:.1f} MB")


def main(folder: str) -> None:
    root = Path(folder)
    sc = next(root.rglob("NotoSansSC*wght*.ttf"))
    kr = next(root.rglob("NotoSansKR*wght*.ttf"))
    make(sc, chinese_japanese(), "SGNotoSC")
    make(kr, korean(), "SGNotoKR")


if __name__ == "__main__":
    main(sys.argv[1])
