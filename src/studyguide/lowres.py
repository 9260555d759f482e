"""Pictures with too few pixels for the size they print at: a 24 × 24 pixel logo printed 0.56 in wide (43 dots
an inch) came out soft and jagged on paper, and no command said so (a teacher's trial, r9 L11). Each picture
(a `logo:`, a topic's `image:`) is measured at the widest it was drawn in the build; under 150 dots an inch it
gets a warning at its line, with the width in pixels that prints it sharp at that size. It is judged at
the width the warning gives (to 0.01 in), so a picture 900 pixels across printed 6.00 in wide is told nothing
whether the page is A4 or letter, and never to be at least what it already is (r16 trial)."""
from __future__ import annotations

from pathlib import Path

from .errors import Location, Problem
from .model import Guide

LEAST_DPI = 150  # pixels an inch of print under which a picture looks blurred or blocky on paper
GOOD_DPI = 300  # what print shops ask for: the width suggested


def warnings(guide: Guide, drawn: dict) -> list[Problem]:
    """A warning for each picture in ``drawn`` (path → widest print in points, layout.pictures.drawing)
    printed under :data:`LEAST_DPI`."""
    from PIL import Image  # (Pillow comes with reportlab; only a guide with a picture gets here)

    found = []
    for path, points in drawn.items():
        if path is None or points <= 0:
            continue
        with Image.open(path) as im:
            wide, high = im.size
            if im.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # (stored sideways: printed upright, pixels swapped)
                wide, high = high, wide
        inches = round(points / 72, 2)  # (the width the message says: it is judged at that width, so that a
        # picture is told to be no smaller than it is, and pictures printed at the same width are told alike)
        if wide >= _wide(inches, LEAST_DPI):
            continue
        dpi = wide / inches
        where, name = _typed(guide, Path(path))
        what = "logo" if guide.branding.logo is not None and Path(guide.branding.logo) == Path(path) else "picture"
        found.append(Problem(where, (
            f"{what} '{name}' is {wide} × {high} pixels but prints {inches:.2f} in ({inches * 2.54:.1f} cm) wide, "
            f"about {dpi:.0f} pixels an inch: it will print blurred or blocky; use a picture of at least "
            f"{_at(inches, GOOD_DPI, wide, high)} pixels (300 an inch at that size; "
            f"{_at(inches, LEAST_DPI, wide, high)} at the very least)"), warning=True))
    return sorted(found, key=lambda p: (p.where.line, p.where.col))


def _at(inches: float, dpi: int, wide: int, high: int) -> str:
    """'168 × 168': a picture's size in pixels for ``dpi`` at ``inches`` wide, its shape kept."""
    w = _wide(inches, dpi)
    return f"{w} × {round(w * high / wide)}"


def _wide(inches: float, dpi: int) -> int:
    """The pixels across that give ``dpi`` at ``inches`` wide."""
    return round(inches * dpi)


def _typed(guide: Guide, path: Path) -> tuple[Location, str]:
    """Where the picture's name was typed in the guide, and the name as typed (the file's own, else): the name
    that leads to this very file, as images.py finds it (the guide's folder, then assets/), so 'pics/tiny.png'
    and 'pics2/tiny.png' are each told at their own line (review r9 M3); the first of its file name, else."""
    from . import images

    alike = [(where, text.strip()) for where, text in guide.texts
             if text.strip().replace("\\", "/").rsplit("/", 1)[-1].casefold() == path.name.casefold()]
    real = _real(path)
    for where, typed in alike:
        found, _ = images.locate(typed, guide.path, "image", "", images.MAX_IMAGE_BYTES)
        if found is not None and _real(found) == real:
            return where, typed
    return alike[0] if alike else (Location(str(guide.path)), path.name)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # (a link that leads back to itself)
        return path
