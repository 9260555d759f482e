"""reportlab's private reading of a TrueType font, behind the same door as ``_reportlab.py``: how far a glyph's
outline reaches below the baseline, from the font's 'glyf' table as reportlab loaded it (its bytes and the glyphs'
places in them). Noto Naskh's letters reach deeper than the leading of the styles they are set in
(fontruns.room_below). And the ToUnicode map reportlab writes for a font subset, which gets a character beyond
U+FFFF wrong (:func:`_to_unicode_cmap`). Tested with the versions ``_reportlab.TESTED`` names."""
from __future__ import annotations

import struct
from functools import lru_cache
from typing import Optional

from reportlab.pdfbase import pdfmetrics, ttfonts


@lru_cache(maxsize=None)
def glyph_bottom(face: str, char: str) -> Optional[float]:
    """How far under the baseline the glyph a registered TrueType ``face`` draws for ``char`` reaches, in ems: its
    outline's lowest point (the glyph's box in the font's 'glyf' table, as reportlab read the font); 0 for one on or
    above the baseline or without an outline (a space); None when the face has no such glyph or is not TrueType."""
    try:
        font = pdfmetrics.getFont(face).face
        glyph = font.charToGlyph[ord(char)]
        start, end = font.glyphPos[glyph], font.glyphPos[glyph + 1]
        if start == end:
            return 0.0
        at = font.get_table_pos("glyf")[0] + start
        low = struct.unpack(">h", font._ttf_data[at + 4:at + 6])[0]  # (numberOfContours, xMin, yMin, xMax, yMax)
        return max(0.0, -low / font.unitsPerEm)
    except (KeyError, AttributeError, IndexError, TypeError, struct.error):
        return None


_plain_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list) -> str:
    """reportlab's ToUnicode map of a font subset, with a character beyond U+FFFF (a music symbol, 𝄞 U+1D11E) written
    as the UTF-16 pair the PDF format asks for: reportlab writes <1D11E>, an odd number of digits, and a reader copying
    or searching the text gets nothing or a wrong character. A subset of BMP characters only is written as before."""
    text = _plain_cmap(fontname, subset)
    for code, char in enumerate(subset):
        if char > 0xFFFF:
            pair = chr(char).encode("utf-16-be").hex().upper()
            text = text.replace("<%02X> <%04X>\n" % (code, char), "<%02X> <%s>\n" % (code, pair), 1)
    return text


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # read by name when a document's fonts are written (TTFont.addObjects)
