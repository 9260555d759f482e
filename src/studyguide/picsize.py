"""How large a topic's picture prints, and a warning when one that questions name prints small.

A picture prints at most 80 % of the text's width and 5.5 in wide, and 3.6 in tall: its *natural* size. A
teacher's trial (r10 H2, M2) found two ways that left a chart that three questions read unreadable: on half
sheets a 2400 × 700 pixel chart was shrunk to 70 % of that size to finish the page under the picture above it
(labels about 2 pt), and a wide chart printed 5.3 in wide on letter with 7 in free, in large print too.

So, when the layout allows it without a page more (mending.pictures_full, the first layout keeping the old
sizes): a wide picture (:data:`WIDE` times as wide as tall) takes the text's full width; large print scales a
picture up as it scales the type, ×18/11, to the text's width at most; neither enlarges a picture past
:data:`LEAST_DPI` pixels an inch (lowres' warning); and a picture shrinks to finish a page to :data:`READABLE` of
its size at least, opening the next page at full size instead. Where large print's ×18/11 costs a page, the
standard edition's sizes are tried before the old ones (the r14 trial's chemistry map fell back to 5.5 in in
large print, 79 % of the standard 7 in): mending.pictures_full. A picture that questions name and that still
prints under :data:`READABLE` of the size it prints at on a letter page with room (small paper, or a size kept to
save a page) gets a warning at its line with its size and the fix.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from .errors import Problem
from .lowres import LEAST_DPI, _typed
from .model import Guide

INCH = 72.0
WIDE = 2.0  # a picture this many times as wide as tall (a chart, a timeline, a panorama) may take the full width
LARGE = 18 / 11  # large print's type over the standard edition's: its pictures grow as much, when they can
READABLE = 0.8  # the least share of its size a picture shrinks to, to finish a page (mending.pictures_full); a
# picture a question names printed under this share of its letter size is told. At 60 % (the old least) the r10
# trial's chart printed 2 pt labels on half sheets. Over 10 guides with pictures × 17 papers and themes (no page
# changes at any): 70 % left Figure 1 of pe-heart (modern) at 75 % and rinascimento's A4 portrait at 71 %; 80 %
# prints both at full size, 65 builds with larger pictures; 90 % and 100 % restored two and three prints shrunk
# to 87-94 %, but the larger layout then cost a page and dropped a wide chart's full width in one and two builds
LETTER_WIDTH = 8.5 * INCH


def natural(pixels, text_width: float, width: float | None = None, height: float = 3.6 * INCH,
            full: bool = False, large: bool = False, page_height: float | None = None) -> tuple[float, float]:
    """The size (points) a picture of ``pixels`` (upright width, height) prints at on a text ``text_width`` wide:
    within ``width`` (default 80 % of the text, 5.5 in at most) and ``height``. ``full``: the sizes of
    mending.pictures_full: a wide picture the text's width; in ``large`` print ×LARGE, within the text's width,
    LEAST_DPI and half of ``page_height`` (the caption and the topic's text beside it)."""
    pw, ph = pixels
    cap = min(width or text_width * 0.8, 5.5 * INCH)
    if full and width is None and pw >= WIDE * ph:  # (as wide as its pixels print sharp: LEAST_DPI)
        cap = max(cap, min(text_width, pw / LEAST_DPI * INCH))
    scale = min(cap / pw, height / ph)
    w, h = pw * scale, ph * scale
    if full and large:
        tallest = max(h, min(height * LARGE, (page_height or h) * 0.5))
        grow = min(LARGE, text_width / w, pw / LEAST_DPI * INCH / w, tallest / h)
        if grow > 1:
            w, h = w * grow, h * grow
    return w, h


_SEEN: list[dict] = []  # while noting(): each picture's path → (its narrowest print in points, upright pixels)


@contextlib.contextmanager
def noting():
    """Records each topic picture's narrowest print: ``with noting() as seen: render(...)``, then warnings(seen)."""
    seen: dict = {}
    _SEEN.append(seen)
    try:
        yield seen
    finally:
        _SEEN.pop()


def note(path, width: float, pixels) -> None:
    """A topic's picture drawn ``width`` points wide (layout.sections.Figure)."""
    for seen in _SEEN:
        if path is not None and (path not in seen or width < seen[path][0]):
            seen[path] = (width, pixels)


def warnings(guide: Guide, seen: dict, theme, paper: str | None = None) -> list[Problem]:
    """A warning for each picture that questions name, printed under READABLE of its size on letter pages in this
    edition: on small paper (``paper``, half-letter, A5...) the fix is a full page; on a full page, where the
    layout kept it small so as not to add a page, a picture with larger labels."""
    from . import figurerefs

    found = []
    large = theme.edition == "large-print"
    letter_text = LETTER_WIDTH - 2 * theme.margin_x
    small = (paper or guide.paper) not in ("letter", "a4")
    for topic in guide.topics:
        if topic.image is None or topic.image not in seen:
            continue
        width, pixels = seen[topic.image]
        letter = natural(pixels, letter_text, full=True, large=large, page_height=9 * INCH)[0]
        questions = figurerefs.naming(guide, topic)
        if not questions or width >= READABLE * letter - 0.5:
            continue
        where, name = _typed(guide, Path(topic.image))
        share = width / letter
        fix = "build it on letter or A4 pages, or use a picture with larger labels" if small else \
            "use a picture with larger labels (at its full size here the guide would take a page more)"
        found.append(Problem(where, (
            f"picture '{name}', which {_listed(questions)} {'reads' if len(questions) == 1 else 'read'}, prints "
            f"{width / INCH:.2f} in ({width / INCH * 2.54:.1f} cm) wide, {share:.0%} of the {letter / INCH:.2f} in "
            f"it prints at on a letter page with room: its labels and numbers print {share:.0%} of their size there "
            f"and may be too small to read; {fix}"), warning=True))
    return found


def _listed(numbers: list[int]) -> str:
    """'question 3', 'questions 3 and 7', 'questions 3, 7 and 10'."""
    if len(numbers) == 1:
        return f"question {numbers[0]}"
    return "questions " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
