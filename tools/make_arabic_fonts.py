"""Make the bundled Arabic-script font: static Regular and Bold TrueType subsets of Noto Naskh Arabic.

DejaVu Sans (the bundled family) draws Arabic and Persian but not Urdu's own letters: heh goal (ہ), yeh barree
(ے), the Urdu full stop (۔) and their joined forms printed as boxes. Noto Naskh Arabic has every letter of the
Arabic script and, what reportlab needs (it does no OpenType shaping: studyguide.rtl gives each letter its
joined form), each joined form as a character of its own (the presentation forms). Nastaliq is Urdu's customary
style, but it cannot be drawn from presentation forms (its letters sit on a sloping line, placed by OpenType
rules); Naskh is how Urdu is typed where Nastaliq is not to hand, and is read by every Urdu reader.

Kept: the Arabic blocks (U+0600-06FF, U+0750-077F), the presentation forms (U+FB50-FDFF, U+FE70-FEFF), the
joiners and direction marks. Run it where the variable font is (the OFL-licensed NotoNaskhArabic of the Noto
project, e.g. in the PyPI package pylopdf-fonts-ar 0.1.1), once, when the font is to change:

    python tools/make_arabic_fonts.py DIR_WITH_NotoNaskhArabic-Variable.ttf

Needs fonttools (in the test extra). Output: src/studyguide/fonts/SGNaskh-{Regular,Bold}.ttf.gz.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_cjk_fonts import make  # noqa: E402  (the same instancing, subsetting and renaming)

ARABIC = set(range(0x0600, 0x0700)) | set(range(0x0750, 0x0780)) | set(range(0xFB50, 0xFE00)) | \
    set(range(0xFE70, 0xFF00)) | set(range(0x200C, 0x2010)) | {0x20, 0xA0}


def main(folder: str) -> None:
    make(next(Path(folder).rglob("NotoNaskhArabic*.ttf")), ARABIC, "SGNaskh")


if __name__ == "__main__":
    main(sys.argv[1])
