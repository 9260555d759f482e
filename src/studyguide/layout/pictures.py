"""A guide's picture as it is drawn: upright as every photo viewer shows it, in printable colours.

Phones store a photo as the sensor saw it and note in its EXIF data how to turn it
(Orientation, 1 to 8); a viewer turns it, and so does this module, by drawing the stored
picture through the matching turn or mirror. The stored pixels are drawn as they are, so a
phone's JPEG goes into the PDF as that JPEG (decoded, turned and compressed again, a 12-megapixel
photo would take some ten times the space). A picture without an orientation, or with
Orientation 1, is drawn exactly as before.

A 16-bit greyscale PNG (scanners, lab software) holds values up to 65535; the PDF library clips
them to 255, so any grey printed white. Such a picture is scaled to 8 bits here.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from reportlab.lib.utils import ImageReader

ORIENTATION = 0x0112  # the EXIF tag
SIDEWAYS = {5, 6, 7, 8}  # orientations that swap width and height
SIXTEEN_BIT = {"I", "I;16", "I;16B", "I;16L", "I;16N"}  # Pillow's modes for 16-bit grey (by version and order)


class Picture:
    """What a layout needs of a picture: its upright size in pixels and a way to draw it into a box."""

    def __init__(self, reader, turn: int = 1, path: Path | None = None):
        self.reader, self.turn, self.path = reader, turn, path
        w, h = reader.getSize()
        self.stored = (w, h)
        self.size = (h, w) if turn in SIDEWAYS else (w, h)

    def getSize(self) -> tuple[int, int]:
        return self.size

    def draw(self, canv, x: float, y: float, w: float, h: float) -> None:
        """The picture, upright, filling the box (x, y, w, h); transparent parts print as paper."""
        for seen in _DRAWN:  # (its widest print, for the warning on pictures too few pixels for their size)
            seen[self.path] = max(seen.get(self.path, 0.0), abs(w))
        if self.turn == 1:
            canv.drawImage(self.reader, x, y, w, h, mask="auto")
            return
        corners = [self._on_page(c, x, y, w, h) for c in self._upright_corners()]
        (x0, y0), (x1, y1), (x2, y2) = corners  # where the stored picture's bottom-left, bottom-right, top-left go
        canv.saveState()
        canv.transform(x1 - x0, y1 - y0, x2 - x0, y2 - y0, x0, y0)  # the unit square onto those three corners
        canv.drawImage(self.reader, 0, 0, 1, 1, mask="auto")
        canv.restoreState()

    def _upright_corners(self) -> list[tuple[int, int]]:
        """The stored picture's bottom-left, bottom-right and top-left corners, in the upright picture's
        pixels (from its top-left, y down): EXIF's eight orientations, as Pillow's exif_transpose turns them."""
        W, H = self.stored
        move = {
            2: lambda px, py: (W - px, py),  # mirrored left to right
            3: lambda px, py: (W - px, H - py),  # upside down
            4: lambda px, py: (px, H - py),  # mirrored top to bottom
            5: lambda px, py: (py, px),  # mirrored along the diagonal
            6: lambda px, py: (H - py, px),  # stored a quarter turn anticlockwise: turned clockwise
            7: lambda px, py: (H - py, W - px),  # mirrored along the other diagonal
            8: lambda px, py: (py, W - px),  # stored a quarter turn clockwise: turned anticlockwise
        }[self.turn]
        return [move(0, H), move(W, H), move(0, 0)]

    def _on_page(self, corner, x, y, w, h) -> tuple[float, float]:
        uw, uh = self.size
        return x + corner[0] * w / uw, y + h - corner[1] * h / uh


def drawable(path: Path) -> Picture:
    """The image at ``path`` as the PDF library draws it, every transparent pixel kept transparent.
    The library keeps an alpha channel (RGBA, LA) and a GIF's transparent colour itself; a colour
    marked transparent in an RGB or grey PNG, or a palette PNG's partly transparent colours, it would
    print solid: those are given an alpha channel here. Any other 8-bit image (a JPEG above all) is
    passed on as it is, named after its pixels (the same bytes from any folder)."""
    from PIL import Image  # Pillow (it comes with reportlab): loaded only when a guide has a picture

    with Image.open(path) as im:
        turn = _orientation(im)
        if im.mode in SIXTEEN_BIT:
            return Picture(ImageReader(_eight_bit(im)), turn, path)
        keyed = "transparency" in im.info and im.mode not in ("RGBA", "LA") or im.mode in ("PA", "RGBa", "La")
        if not keyed:
            return Picture(ImageReader(str(path)), turn, path)
        return Picture(ImageReader(im.convert("RGBA")), turn, path)


_DRAWN: list[dict] = []  # while drawing(): each picture's path → the widest it was drawn, in points


@contextlib.contextmanager
def drawing():
    """Records each picture drawn and its widest print: ``with drawing() as drawn: render(...)`` (lowres)."""
    drawn: dict = {}
    _DRAWN.append(drawn)
    try:
        yield drawn
    finally:
        _DRAWN.pop()


def drawn_so_far() -> list[dict]:
    """What drawing() has recorded so far, to put back with :func:`undraw` when a layout drawn since is dropped."""
    return [dict(seen) for seen in _DRAWN]


def undraw(before: list[dict]) -> None:
    """Forgets the pictures drawn since ``before`` (drawn_so_far): a layout tried and dropped (mending.pictures_full)
    does not set the widest print lowres measures."""
    for seen, kept in zip(_DRAWN, before):
        seen.clear()
        seen.update(kept)


def _orientation(im) -> int:
    """EXIF's Orientation (1 to 8) of an open picture; 1 (as stored) when it has none, or a damaged one."""
    try:
        turn = im.getexif().get(ORIENTATION, 1)
    except Exception:  # Pillow raises many kinds for damaged EXIF data; the picture itself was checked
        return 1
    return turn if turn in range(1, 9) else 1


def _eight_bit(im):
    """A 16-bit grey picture in 8 bits (its top byte: 65535 is white, 32768 mid-grey), a grey marked
    transparent kept transparent."""
    from PIL import Image, ImageMath

    wide = im.convert("I")
    grey = wide.point(lambda v: v / 256).convert("L")
    if "transparency" not in im.info:
        return grey
    key = im.info["transparency"]
    if hasattr(ImageMath, "lambda_eval"):  # Pillow 10.3 on
        alpha = ImageMath.lambda_eval(lambda a: (a["im"] != key) * 255, im=wide)
    else:
        alpha = ImageMath.eval("(im != key) * 255", im=wide, key=key)
    return Image.merge("LA", (grey, alpha.convert("L"))).convert("RGBA")
