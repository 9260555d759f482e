"""Draw assets/carbon-cycle.png: a simple, printable diagram of the carbon cycle.

Regenerate with:  /work/venv/bin/python assets/make_carbon_cycle.py
Needs Pillow and the DejaVu fonts (fonts-dejavu-core).
The picture is greyscale (mode "L") so it prints cleanly in black and white.
"""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 1200, 800
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BOX_FONT = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 34)
LABEL_FONT = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 27)
NOTE_FONT = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Oblique.ttf"), 22)

INK = 20          # near-black lines and text
BOX_FILL = 235    # very light grey inside the boxes
WHITE = 255
LINE = 4          # arrow line width
HEAD = 22         # arrowhead length

# Boxes: name -> (left, top, right, bottom)
BOXES = {
    "Atmosphere CO₂": (300, 28, 900, 118),
    "Plants": (30, 330, 260, 420),
    "Animals": (360, 330, 590, 420),
    "Ocean": (950, 330, 1170, 420),
    "Soil & decomposers": (90, 580, 520, 670),
    "Fossil fuels": (640, 690, 960, 780),
}


def arrow(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]]) -> None:
    """A poly-line arrow; the head sits on the last point."""
    *body, (x2, y2) = points
    x1, y1 = body[-1]
    ang = math.atan2(y2 - y1, x2 - x1)
    # stop the line short of the tip so the head stays sharp
    bx, by = x2 - HEAD * 0.8 * math.cos(ang), y2 - HEAD * 0.8 * math.sin(ang)
    draw.line(body + [(bx, by)], fill=INK, width=LINE, joint="curve")
    spread = math.radians(24)
    left = (x2 - HEAD * math.cos(ang - spread), y2 - HEAD * math.sin(ang - spread))
    right = (x2 - HEAD * math.cos(ang + spread), y2 - HEAD * math.sin(ang + spread))
    draw.polygon([(x2, y2), left, right], fill=INK)


def label(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, font=LABEL_FONT, pad: int = 6) -> None:
    """Text centred on xy, on a white patch so it can sit on top of a line."""
    l, t, r, b = draw.textbbox(xy, text, font=font, anchor="mm")
    draw.rectangle((l - pad, t - pad, r + pad, b + pad), fill=WHITE)
    draw.text(xy, text, font=font, fill=INK, anchor="mm")


def at(p: tuple[float, float], q: tuple[float, float], t: float) -> tuple[float, float]:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def main() -> None:
    img = Image.new("L", (W, H), WHITE)
    d = ImageDraw.Draw(img)

    # --- arrows first, so boxes and labels sit on top -----------------------
    # straight flows: (from, to, label, how far along the line the label sits)
    flows = [
        ((220, 330), (400, 118), "respiration", 0.4),     # plants -> air
        ((475, 330), (520, 118), "respiration", 0.5),     # animals -> air
        ((830, 690), (830, 118), "combustion", 0.5),      # fossil fuels -> air
        ((860, 118), (990, 330), "dissolving", 0.65),     # air -> ocean
        ((1120, 330), (905, 80), "release", 0.55),        # ocean -> air
    ]
    for a, b, _, _ in flows:
        arrow(d, [a, b])
    # photosynthesis: air -> plants, round the left-hand side
    arrow(d, [(300, 73), (75, 73), (75, 330)])
    # decay: decomposers breathe carbon back out to the air
    arrow(d, [(520, 610), (690, 610), (690, 118)])
    # plants are eaten by animals
    arrow(d, [(260, 375), (360, 375)])
    # dead plants and animals, and animal wastes, go to the soil
    arrow(d, [(150, 420), (225, 580)])
    arrow(d, [(450, 420), (390, 580)])
    # a little carbon is buried for millions of years and becomes fossil fuel
    arrow(d, [(305, 670), (305, 735), (640, 735)])

    # --- boxes ---------------------------------------------------------------
    for name, (l, t, r, b) in BOXES.items():
        d.rounded_rectangle((l, t, r, b), radius=16, fill=BOX_FILL, outline=INK, width=4)
        d.text(((l + r) / 2, (t + b) / 2), name, font=BOX_FONT, fill=INK, anchor="mm")

    # --- labels --------------------------------------------------------------
    for a, b, text, t in flows:
        label(d, at(a, b, t), text)
    d.text((90, 190), "photosynthesis", font=LABEL_FONT, fill=INK, anchor="lm")
    label(d, (690, 330), "decay")
    d.text((310, 366), "eating", font=LABEL_FONT, fill=INK, anchor="md")
    d.multiline_text((303, 500), "dead matter\n& wastes", font=LABEL_FONT, fill=INK, anchor="mm", align="center")
    d.text((472, 724), "burial", font=LABEL_FONT, fill=INK, anchor="md")
    d.text((472, 746), "(over millions of years)", font=NOTE_FONT, fill=INK, anchor="ma")

    out = Path(__file__).with_name("carbon-cycle.png")
    img.save(out, optimize=True)
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
