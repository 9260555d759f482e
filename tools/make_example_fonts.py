"""Make assets/DejaVuSerif.ttf and assets/DejaVuSerif-Bold.ttf: the fonts the theme examples name.

The README's and docs/guide-format.md's theme examples show a theme bringing its own TrueType
fonts from assets/. These are DejaVu Serif Book and Bold (free licence: assets/LICENSE-DejaVu.txt,
the same as the bundled DejaVu Sans), cut down to the characters an English or Western European
class prints (ASCII, Latin-1, Latin Extended-A, common punctuation and symbols), so the example
costs ~100 KB instead of ~740 KB. Anything else a guide holds falls back to the bundled DejaVu Sans.

Run once, where DejaVu Serif is installed (Debian: fonts-dejavu-core), with fonttools:

    python tools/make_example_fonts.py [/usr/share/fonts/truetype/dejavu]
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ASSETS = Path(__file__).resolve().parent.parent / "assets"
KEEP = ([*range(0x20, 0x7F), *range(0xA0, 0x180)]
        + [ord(c) for c in "‐‑–—‘’‚“”„†‡•…‰′″‹›€™−×÷≈≠≤≥→←↑↓°·₀₁₂₃₄₅₆₇₈₉⁰¹²³"])


def make(source: Path, target: Path) -> None:
    font = TTFont(source)
    options = subset.Options()
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]  # keep the name and licence records
    options.notdef_outline = True
    options.hinting = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=KEEP)
    sub.subset(font)
    font.save(target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu")
    make(folder / "DejaVuSerif.ttf", ASSETS / "DejaVuSerif.ttf")
    make(folder / "DejaVuSerif-Bold.ttf", ASSETS / "DejaVuSerif-Bold.ttf")
