"""Draw assets/crest.png: a small school crest, the logo the README's and the starter's examples name.

Regenerate with:  .venv/bin/python assets/make_crest.py   (needs Pillow, installed with the test extra)
A plain shield with a book on it, greyscale (mode "L"), so it prints cleanly on a copier.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 240
INK, SHADE, WHITE = 30, 200, 255


def draw() -> Image.Image:
    img = Image.new("L", (SIZE, SIZE), WHITE)
    d = ImageDraw.Draw(img)
    top, side, tip = 20, 30, SIZE - 16
    shield = [(side, top), (SIZE - side, top), (SIZE - side, 130), (SIZE // 2, tip), (side, 130)]
    d.polygon(shield, fill=SHADE, outline=INK, width=8)
    # an open book: two pages and a spine
    mid, y0, y1 = SIZE // 2, 70, 150
    d.polygon([(mid, y0 + 10), (62, y0), (62, y1 - 10), (mid, y1)], fill=WHITE, outline=INK, width=5)
    d.polygon([(mid, y0 + 10), (SIZE - 62, y0), (SIZE - 62, y1 - 10), (mid, y1)], fill=WHITE, outline=INK, width=5)
    for k in range(3):  # lines of text on each page
        y = y0 + 28 + 20 * k
        d.line([(74, y - 4), (mid - 12, y + 4)], fill=INK, width=3)
        d.line([(mid + 12, y + 4), (SIZE - 74, y - 4)], fill=INK, width=3)
    return img


if __name__ == "__main__":
    out = Path(__file__).with_name("crest.png")
    draw().save(out, optimize=True)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
