"""The look of a handout as data: page geometry, type sizes, spacing, greys.

Guides never name fonts or sizes; a theme does. Styles are declared as data
with a ``parent`` they inherit from (the rst2pdf way), and turned into
reportlab ``ParagraphStyle`` objects in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from . import fonts

PAPER = {"letter": LETTER, "a4": A4}

STYLES: dict[str, dict] = {
    "body": {"fontName": "regular", "bulletFontName": "regular", "fontSize": 10.5, "leading": 14.5, "spaceAfter": 4},
    "title": {"parent": "body", "fontName": "bold", "fontSize": 21, "leading": 25, "spaceAfter": 2},
    "subtitle": {"parent": "body", "fontName": "italic", "fontSize": 12.5, "leading": 16, "spaceAfter": 4},
    "meta": {"parent": "body", "fontSize": 9.5, "leading": 12.5, "textColor": "ink_soft", "spaceAfter": 0},
    "citation": {"parent": "meta", "fontSize": 8.5, "leading": 11.5, "leftIndent": 0, "spaceBefore": 6, "spaceAfter": 4},
    "heading": {"parent": "body", "fontName": "bold", "fontSize": 14, "leading": 18, "spaceBefore": 14,
                "spaceAfter": 6},
    "subheading": {"parent": "body", "fontName": "bold", "fontSize": 11.5, "leading": 15, "spaceBefore": 8,
                   "spaceAfter": 2, "keepWithNext": 1},
    "bullet": {"parent": "body", "leftIndent": 16, "bulletIndent": 4, "spaceAfter": 2},
    "cell": {"parent": "body", "fontSize": 9.5, "leading": 12.5, "spaceAfter": 0},
    "cell_head": {"parent": "cell", "fontName": "bold", "fontSize": 10},
    "cell_example": {"parent": "cell", "fontName": "italic", "textColor": "ink_soft", "spaceBefore": 2},
    "caption": {"parent": "body", "fontName": "italic", "fontSize": 9, "leading": 12, "alignment": TA_CENTER,
                "spaceBefore": 3, "spaceAfter": 8},
    "prompt": {"parent": "body", "spaceAfter": 0},
    "instruction": {"parent": "body", "fontName": "italic", "fontSize": 9, "leading": 12, "textColor": "ink_soft",
                    "spaceAfter": 0},
    "choice": {"parent": "body", "spaceAfter": 0},
    "choice_key": {"parent": "choice", "fontName": "bold", "textColor": "answer"},
    "answer": {"parent": "body", "fontName": "italic", "textColor": "answer", "spaceAfter": 0},
    "explanation": {"parent": "body", "fontName": "italic", "fontSize": 9.5, "leading": 12.5,
                    "textColor": "answer", "spaceBefore": 3, "spaceAfter": 0},
    "footer": {"parent": "body", "fontSize": 8.5, "leading": 10, "textColor": "ink_soft", "alignment": TA_LEFT},
}

EDITIONS = ("standard", "large-print", "readable")


@dataclass(frozen=True)
class Theme:
    margin_x: float = 0.75 * inch
    margin_top: float = 0.7 * inch
    margin_bottom: float = 0.9 * inch
    footer_y: float = 0.5 * inch           # baseline of the footer, from the paper's bottom edge
    line_gap: float = 0.34 * inch          # wide-ruled answer lines (11/32 in)
    rule: float = 0.6                      # answer-line weight, points
    grid: float = 0.5                      # table rules
    question_gap: float = 12               # space between questions
    number_width: float = 0.36 * inch      # question-number column
    heading_room: float = 1.25 * inch      # least space left under a heading, or it starts a new page
    choice_indent: float = 0.3 * inch      # from a choice's letter to its text
    box_side: float = 0.3 * inch           # ordering boxes
    one_column: bool = False               # stack two-column charts and tables (large print)
    family: str = fonts.FAMILY             # the bundled font family (fonts.FAMILIES)
    edition: str = "standard"
    # per style: a function of (name, spec) → spec, applied after inheritance (editions)
    restyle: Optional[Callable] = None
    colors: dict = field(default_factory=lambda: {
        "ink": colors.black,
        "ink_soft": colors.HexColor("#333333"),
        "rule": colors.HexColor("#555555"),
        "shade": colors.HexColor("#E6E6E6"),
        "answer": colors.HexColor("#0B3A8C"),   # dark blue: distinct on screen, dark grey in print
    })

    def page_size(self, paper: str) -> tuple[float, float]:
        return PAPER[paper]


def _large_print(name: str, spec: dict) -> dict:
    """At least 18 pt body text and nothing under 16 pt; wider line spacing and gaps."""
    size = spec["fontSize"]
    new = max(16.0, min(32.0, round(size * 18 / 10.5, 1)))
    spec["fontSize"] = new
    spec["leading"] = round(new * 1.45, 1)
    for key in ("spaceBefore", "spaceAfter"):
        spec[key] = spec.get(key, 0) * 1.5
    for key in ("leftIndent", "bulletIndent"):
        spec[key] = spec.get(key, 0) * 1.6
    spec["bulletFontSize"] = new
    return spec


def _readable(name: str, spec: dict) -> dict:
    """Wider line spacing; ragged right; no italics (the family's italic faces are upright)."""
    spec["leading"] = round(spec["fontSize"] * 1.6, 1)
    spec["alignment"] = TA_CENTER if spec.get("alignment") == TA_CENTER else TA_LEFT
    return spec


def for_edition(edition: str | None) -> "Theme":
    """The theme of an accommodation edition (standard, large-print, readable)."""
    if edition in (None, "standard"):
        return Theme()
    if edition == "large-print":
        return Theme(edition=edition, line_gap=0.5 * inch, number_width=0.6 * inch, question_gap=20,
                     heading_room=2.2 * inch, choice_indent=0.45 * inch, box_side=0.45 * inch, one_column=True,
                     rule=0.8, restyle=_large_print)
    if edition == "readable":
        return Theme(edition=edition, family="SGRead", line_gap=0.4 * inch, restyle=_readable)
    raise ValueError(f"unknown edition {edition!r}")


def make_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    fonts.register(theme.family)
    font_roles = fonts.roles(theme.family)
    out: dict[str, ParagraphStyle] = {}
    resolved: dict[str, dict] = {}

    def spec_of(name: str) -> dict:
        """A style's full spec, its parents' keys included, before any edition's changes."""
        if name not in resolved:
            own = dict(STYLES[name])
            parent = own.pop("parent", None)
            resolved[name] = {**(spec_of(parent) if parent else {}), **own}
        return resolved[name]

    def build(name: str) -> ParagraphStyle:
        if name in out:
            return out[name]
        spec = dict(spec_of(name))
        if theme.restyle:
            spec = theme.restyle(name, spec)
        for role in ("fontName", "bulletFontName"):
            if role in spec:
                spec[role] = font_roles[spec[role]]
        spec["textColor"] = theme.colors[spec.get("textColor", "ink")]
        style = ParagraphStyle(name, **spec)
        out[name] = style
        return style

    for name in STYLES:
        build(name)
    return out
