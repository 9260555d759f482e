"""A theme ready to draw with: page geometry, fonts, paragraph styles, colours.

Guides never name fonts or sizes; a theme does. Themes are YAML files read by
:mod:`studyguide.theming.themefiles`; styles name a parent they inherit from (the rst2pdf
way) and become reportlab ``ParagraphStyle`` objects here, in one place. The
accommodation editions (large print, readable) are made from any theme.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Callable, Optional

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm

from . import fonts, themefiles

PAPER = {"letter": LETTER, "a4": A4, "half-letter": (5.5 * inch, 8.5 * inch), "a5": (148 * mm, 210 * mm),
         "quarter-letter": (4.25 * inch, 5.5 * inch), "a6": (105 * mm, 148 * mm)}  # the last four: sheets.py
EDITIONS = ("standard", "large-print", "readable")


@dataclass(frozen=True)
class Theme:
    """A theme ready to draw with: lengths in points, reportlab colours (None: draw nothing)."""

    name: str
    margin_x: float
    margin_top: float
    margin_bottom: float
    footer_y: float                        # baseline of the footer, from the paper's bottom edge
    line_gap: float                        # answer lines
    rule: float                            # answer-line weight, points
    grid: float                            # table rules
    question_gap: float                    # space above each question
    number_width: float                    # question-number column
    heading_room: float                    # least space left under a heading, or it starts a new page
    choice_indent: float                   # from a choice's letter to its text
    box_side: float                        # ordering boxes
    colors: dict
    styles: dict                           # style → its own spec (reportlab names, "parent" kept)
    family: str = fonts.FAMILY             # a registered family (fonts.FAMILIES)
    one_column: bool = False               # stack two-column charts and tables (large print)
    edition: str = "standard"
    # per style: a function of (name, spec) → spec, applied after inheritance (editions)
    restyle: Optional[Callable] = None
    source: Optional[str] = None           # the teacher's theme file it was read from, as shown (None: bundled)
    font_note: Optional[object] = None     # the warning that the guide's script put it in another family (onefont)

    def page_size(self, paper: str) -> tuple[float, float]:
        return PAPER[paper]


def _color(value):
    return None if value is None else colors.HexColor(value)


def from_spec(spec: themefiles.ThemeSpec) -> Theme:
    """A checked theme (see :mod:`studyguide.theming.themefiles`) as a Theme; its own font files registered."""
    family = spec.family
    if spec.font_files:
        files = {role: path for role, (path, _) in spec.font_files.items()}
        if "regular" not in files:  # only bold (say) given: the rest from the family named or inherited
            files["regular"] = fonts.FONT_DIR / fonts.FAMILIES[family][0, 0][1]
            if "bold" not in files:
                files["bold"] = fonts.FONT_DIR / fonts.FAMILIES[family][1, 0][1]
        family = fonts.define(files, {role: where for role, (_, where) in spec.font_files.items()})
    page, spacing, rules = spec.page, spec.spacing, spec.rules
    return Theme(name=spec.name, margin_x=page["margin_x"], margin_top=page["margin_top"],
                 margin_bottom=page["margin_bottom"], footer_y=page["footer_y"], line_gap=spacing["line_gap"],
                 rule=rules["answer_line"], grid=rules["table"], question_gap=spacing["question_gap"],
                 number_width=spacing["number_width"], heading_room=spacing["heading_room"],
                 choice_indent=spacing["choice_indent"], box_side=spacing["box_side"],
                 colors={role: _color(value) for role, value in spec.colors.items()},
                 styles=spec.styles, family=family,
                 source=themefiles.shown(spec.files[0]) if spec.files and spec.files[0].parent != themefiles.BUNDLED_DIR
                 else None)


@lru_cache(maxsize=None)
def default() -> Theme:
    """The bundled default theme (classic)."""
    return from_spec(themefiles.resolve(None, themefiles.BUNDLED_DIR / "guide.yaml"))


def load(name: Optional[str], guide_path, where=None) -> Theme:
    """A theme by name or file for a guide (GuideError with located problems)."""
    if not name and not themefiles.overridden(themefiles.DEFAULT, guide_path):
        return default()
    return from_spec(themefiles.resolve(name, guide_path, where))


LARGE_PRINT_LEADING = 1.4  # line spacing, times the type size


def _large_print(name: str, spec: dict, body: float = 10.5) -> dict:
    """At least 18 pt body text and nothing under 16 pt; wider line spacing and gaps.
    Sizes scale with the theme's body size, so a theme's proportions survive.

    Lines 1.4 times the type apart (the standard themes' body: 1.38): the American Council of the
    Blind's large-print guidelines (2022) ask for 1.15 line spacing in a word processor, about 1.33
    times the type in Arial; 1.45 gave the first guide two more pages for no gain in legibility."""
    size = spec["fontSize"]
    new = max(16.0, min(32.0, round(size * 18 / body, 1)))
    spec["fontSize"] = new
    spec["leading"] = round(new * LARGE_PRINT_LEADING, 1)
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


def for_edition(edition: str | None, base: Theme | None = None) -> Theme:
    """The theme of an edition (standard, large-print, readable, fillable), made from ``base``."""
    base = base or default()
    if edition in (None, "standard"):
        return base
    if edition == "large-print":
        body = base.styles["body"]["fontSize"]
        return replace(base, edition=edition, line_gap=max(base.line_gap, 0.5 * inch), number_width=0.6 * inch,
                       question_gap=20, heading_room=2.2 * inch, choice_indent=0.45 * inch, box_side=0.45 * inch,
                       one_column=True, rule=max(base.rule, 0.8), restyle=partial(_large_print, body=body))
    if edition == "readable":
        return replace(base, edition=edition, family="SGRead", line_gap=max(base.line_gap, 0.4 * inch),
                       restyle=_readable)
    if edition == "fillable":  # the standard print layout; form fields on the handout's answers (fields.py)
        return replace(base, edition=edition)
    raise ValueError(f"unknown edition {edition!r}")


def make_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    fonts.register(theme.family)
    font_roles = fonts.roles(theme.family)
    out: dict[str, ParagraphStyle] = {}
    resolved: dict[str, dict] = {}

    def spec_of(name: str) -> dict:
        """A style's full spec, its parents' keys included, before any edition's changes."""
        if name not in resolved:
            own = dict(theme.styles[name])
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
        color = spec.get("textColor", "ink")
        spec["textColor"] = theme.colors[color] if color in theme.colors else colors.HexColor(color)
        style = ParagraphStyle(name, **spec)
        out[name] = style
        return style

    for name in theme.styles:
        build(name)
    return out
