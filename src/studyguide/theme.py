"""The look of a handout as data: page geometry, type sizes, spacing, greys.

Guides never name fonts or sizes; a theme does. Styles are declared as data
with a ``parent`` they inherit from (the rst2pdf way), and turned into
reportlab ``ParagraphStyle`` objects in one place.
"""
from __future__ import annotations

from dataclasses import dataclass, field

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

FONT_ROLES = {"regular": fonts.REGULAR, "bold": fonts.BOLD, "italic": fonts.ITALIC, "bolditalic": fonts.BOLD_ITALIC}


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
    colors: dict = field(default_factory=lambda: {
        "ink": colors.black,
        "ink_soft": colors.HexColor("#333333"),
        "rule": colors.HexColor("#555555"),
        "shade": colors.HexColor("#E6E6E6"),
        "answer": colors.HexColor("#0B3A8C"),   # dark blue: distinct on screen, dark grey in print
    })

    def page_size(self, paper: str) -> tuple[float, float]:
        return PAPER[paper]


def make_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    fonts.register()
    out: dict[str, ParagraphStyle] = {}

    def build(name: str) -> ParagraphStyle:
        if name in out:
            return out[name]
        spec = dict(STYLES[name])
        parent = build(spec.pop("parent")) if "parent" in spec else None
        for role in ("fontName", "bulletFontName"):
            if role in spec:
                spec[role] = FONT_ROLES[spec[role]]
        if "textColor" in spec:
            spec["textColor"] = theme.colors[spec["textColor"]]
        style = ParagraphStyle(name, parent=parent, **spec)
        if parent is None:
            style.textColor = theme.colors["ink"]
        out[name] = style
        return style

    for name in STYLES:
        build(name)
    return out
