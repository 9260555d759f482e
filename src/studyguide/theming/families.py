"""The bundled font families: each family's four faces (regular, bold, italic, bold italic) as the
name reportlab registers and the file in fonts/, the order the fallbacks are tried in, and the readable
edition's letter spacing. Data only: fonts registers them and plans fallbacks, fontruns keeps a fallback
run in the weight and slant around it."""
from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).parent.parent / "fonts"  # the bundled TrueType files, package data
FAMILY = "SGSans"
ARABIC = "SGArabic"
MUSIC = "SGMusic"
# family → (bold, italic) → (registered name, file); a family may map italic to its upright faces
FAMILIES = {
    # DejaVu Sans: wide coverage (Latin, Greek, Cyrillic, math, arrows, sub/superscripts)
    FAMILY: {
        (0, 0): (FAMILY, "DejaVuSans.ttf"),
        (1, 0): (FAMILY + "-Bold", "DejaVuSans-Bold.ttf"),
        (0, 1): (FAMILY + "-Italic", "DejaVuSans-Oblique.ttf"),
        (1, 1): (FAMILY + "-BoldItalic", "DejaVuSans-BoldOblique.ttf"),
    },
    # DejaVu Sans Mono, for code (`code` and ``` blocks, inline.py): monospace, so a program's indentation lines up;
    # no italic (code is never emphasised inside)
    "SGMono": {
        (0, 0): ("SGMono", "DejaVuSansMono.ttf"),
        (1, 0): ("SGMono-Bold", "DejaVuSansMono-Bold.ttf"),
        (0, 1): ("SGMono", "DejaVuSansMono.ttf"),
        (1, 1): ("SGMono-Bold", "DejaVuSansMono-Bold.ttf"),
    },
    # Atkinson Hyperlegible, for the readable edition: no italics (emphasis stays upright)
    "SGRead": {
        (0, 0): ("SGRead", "AtkinsonHyperlegible-Regular.ttf"),
        (1, 0): ("SGRead-Bold", "AtkinsonHyperlegible-Bold.ttf"),
        (0, 1): ("SGRead", "AtkinsonHyperlegible-Regular.ttf"),
        (1, 1): ("SGRead-Bold", "AtkinsonHyperlegible-Bold.ttf"),
    },
    # DejaVu Sans with upright faces for italic: Arabic has no italic (DejaVu Sans Oblique has no
    # Arabic letters), so an Arabic word in an italic run is drawn upright instead of as boxes
    # (its own face names: reportlab maps each face name back to one family, and SGSans must stay SGSans)
    "SGUpright": {
        (0, 0): ("SGUpright", "DejaVuSans.ttf"),
        (1, 0): ("SGUpright-Bold", "DejaVuSans-Bold.ttf"),
        (0, 1): ("SGUpright", "DejaVuSans.ttf"),
        (1, 1): ("SGUpright-Bold", "DejaVuSans-Bold.ttf"),
    },
    # Noto Sans SC, subset (hanzi of GB 2312, Big5's frequent ones, JIS X 0208 kanji, kana, CJK
    # punctuation): a real bold; CJK type has no italic, so italic stays upright
    "SGCJK": {
        (0, 0): ("SGCJK", "SGNotoSC-Regular.ttf.gz"),
        (1, 0): ("SGCJK-Bold", "SGNotoSC-Bold.ttf.gz"),
        (0, 1): ("SGCJK", "SGNotoSC-Regular.ttf.gz"),
        (1, 1): ("SGCJK-Bold", "SGNotoSC-Bold.ttf.gz"),
    },
    # Noto Sans KR, subset: the 2,350 Hangul syllables of KS X 1001 and the jamo
    "SGKorean": {
        (0, 0): ("SGKorean", "SGNotoKR-Regular.ttf.gz"),
        (1, 0): ("SGKorean-Bold", "SGNotoKR-Bold.ttf.gz"),
        (0, 1): ("SGKorean", "SGNotoKR-Regular.ttf.gz"),
        (1, 1): ("SGKorean-Bold", "SGNotoKR-Bold.ttf.gz"),
    },
    # Noto Naskh Arabic, subset (tools/make_arabic_fonts.py): Urdu's letters, which DejaVu Sans lacks (ہ ے ۔);
    # Arabic type has no italic. A guide that needs it prints all its Arabic script in it (fonts.plan)
    ARABIC: {(b, i): (("SGArabic-Bold", "SGNaskh-Bold.ttf.gz") if b else ("SGArabic", "SGNaskh-Regular.ttf.gz"))
             for b in (0, 1) for i in (0, 1)},
    # Noto Music, reshaped for text (tools/make_music_font.py): the Musical Symbols block (clefs 𝄞 𝄢, notes 𝅝 𝅗𝅥),
    # which DejaVu Sans lacks. One weight, upright: a bold or italic run's symbols are drawn in it too
    MUSIC: {(b, i): (MUSIC, "SGNotoMusic-Regular.ttf.gz") for b in (0, 1) for i in (0, 1)},
}
# Noto Naskh Arabic draws the script smaller than DejaVu Sans at one point size: its alef (the script's tallest
# common letter) stands 0.671 em against DejaVu's 0.760 (fontTools bounds of U+0627), its words ~20 % narrower.
# Its runs are set this much larger (rtl.visual_lines), so an Urdu line matches a Persian one in DejaVu.
NASKH_SCALE = 0.760 / 0.671
NASKH_FACES = ("SGArabic", "SGArabic-Bold")
# How far below the baseline Naskh's common letters reach, in ems: the dots under ي and ب (fontTools bounds of U+064A,
# 0.434; ج and ع 0.29). Its fonts' descent, 0.634, is kept for rare marks stacked below; DejaVu Sans's, 0.240, is
# about its g (0.208). A key's answer on ruled lines is raised by what this reaches deeper (lines.LinedAnswer).
NASKH_DEPTH = 0.434
# The least white, in ems, kept between a Naskh line's lowest ink and the end of its paragraph's box
# (fontruns.room_below): about what a subheading's box leaves under DejaVu Sans's g (0.10 em).
NASKH_CLEAR = 0.08
# bundled families that draw what the theme's family lacks, in the order they are tried
BUNDLED_FALLBACKS = ("SGSans", "SGUpright", ARABIC, "SGCJK", "SGKorean", MUSIC)
# extra advance per glyph, in thousandths of an em: the readable edition's wider letter spacing.
# It goes into the font's widths, so line breaking and the PDF's /Widths agree.
TRACKING = {"SGRead": 45}
