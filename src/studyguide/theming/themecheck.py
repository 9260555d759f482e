"""What a theme file may hold, and the walker that checks one file's own keys.

The keys, their units and ranges are data here (see themes/classic.yaml for every key in use);
:class:`ThemeWalker` reads one file's nodes into plain values, collecting every problem with its
place, like the guide's walker. :mod:`.themefiles` merges a file with its parents and checks what
only the whole theme shows.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .. import images
from . import fontcheck
from ..errors import Location
from ..reading.loader import Node, Scalar
from ..reading.walker import Walker, clip, missing, suggest

DEFAULT = "classic"          # the theme of a guide that names none
MAX_FONT_BYTES = 30_000_000

SECTIONS = ("description", "parent", "page", "fonts", "spacing", "rules", "colors", "styles")
INCH, CM = 72.0, 72.0 / 2.54
UNITS = {"in": INCH, "cm": CM, "mm": CM / 10, "pt": 1.0, "": 1.0}
# section → key → (lowest, highest), in points
LENGTHS = {
    "page": {"margin_x": (18, 144), "margin_top": (18, 144), "margin_bottom": (30, 144), "footer_y": (12, 108)},
    "spacing": {"line_gap": (14, 54), "question_gap": (0, 48), "number_width": (14, 72),
                "heading_room": (0, 360), "choice_indent": (10, 72), "box_side": (10, 54)},
    "rules": {"answer_line": (0.1, 4), "table": (0.1, 4)},
}
COLORS = ("ink", "ink_soft", "rule", "shade", "answer", "accent")
MAY_BE_NONE = ("shade",)     # "none": no band is drawn
FONT_ROLES = ("regular", "bold", "italic", "bold_italic")
FAMILIES = {"sans": "SGSans", "readable": "SGRead"}  # bundled families (fonts.FAMILIES)
STYLE_NAMES = ("body", "title", "subtitle", "school", "meta", "citation", "heading", "subheading", "bullet", "cell",
               "cell_head", "cell_example", "caption", "prompt", "instruction", "choice", "choice_key", "answer",
               "explanation", "footer")
# style key → (reportlab's name, low, high); fonts, colours, alignment and booleans apart
STYLE_NUMBERS = {"size": ("fontSize", 5, 48), "leading": ("leading", 5, 72), "space_before": ("spaceBefore", 0, 72),
                 "space_after": ("spaceAfter", 0, 72), "left_indent": ("leftIndent", 0, 144),
                 "bullet_indent": ("bulletIndent", 0, 144)}
STYLE_KEYS = ("parent", "font", "bullet_font", "size", "leading", "space_before", "space_after", "left_indent",
              "bullet_indent", "color", "align", "keep_with_next")
ALIGN = {"left": 0, "center": 1, "centre": 1, "right": 2, "justify": 4}
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(in|cm|mm|pt)?\s*$")


class ThemeWalker(Walker):
    """Checks one theme file's own keys, collecting every problem with its place.

    ``wheres`` keeps the place of every key written, by path (("page", "margin_x"),
    ("styles", "title", "size"), ...): checks of the merged theme report there."""

    def __init__(self, name: str, guide_path: Path):
        super().__init__(name, guide_path)
        self.wheres: dict[tuple, Location] = {}

    def _note(self, node: Node, *path: str) -> None:
        for key, value in getattr(node, "pairs", ()):
            self.wheres[path + (key.value,)] = value.where

    def theme(self, root: Optional[Node]) -> Optional[dict]:
        if missing(root):
            self.error(Location(self.name, 1, 1), f"the theme file is empty (start with 'parent: {DEFAULT}' and the keys to change)")
            return None
        keys = self.mapping(root, "theme", SECTIONS)
        if keys is None:
            return None
        out: dict = {}
        if "parent" in keys:
            parent = self.text(keys["parent"], "parent", required=True, max_len=200)
            if parent:
                out["parent"] = (parent, keys["parent"].where)
        if "description" in keys:
            out["description"] = self.text(keys["description"], "description", max_len=300) or ""
        for section in ("page", "spacing", "rules", "colors", "fonts"):
            if section in keys:
                self._note(keys[section], section)
        for section, allowed in LENGTHS.items():
            if section in keys:
                values = self.mapping(keys[section], section, tuple(allowed)) or {}
                out[section] = {k: v for k, v in ((k, self.length(node, f"{section}.{k}", *allowed[k]))
                                                  for k, node in values.items()) if v is not None}
        if "colors" in keys:
            out["colors"] = {}
            for role, node in (self.mapping(keys["colors"], "colors", COLORS) or {}).items():
                value = self.color(node, f"colors.{role}", none_ok=role in MAY_BE_NONE)
                if value is not False:
                    out["colors"][role] = value
        if "fonts" in keys:
            self.fonts(keys["fonts"], out)
        if "styles" in keys:
            out["styles"] = {}
            for style, node in (self.mapping(keys["styles"], "styles", STYLE_NAMES) or {}).items():
                self.wheres[("styles", style)] = node.where
                self._note(node, "styles", style)
                out["styles"][style] = self.style(node, style)
        return out

    def length(self, node: Node, label: str, low: float, high: float) -> Optional[float]:
        if not isinstance(node, Scalar) or node.is_null:
            self.error(node, f"{label}: expected a length such as 12, 0.5in, 1.2cm or 8mm, found {self.kind(node)}")
            return None
        m = LENGTH.match(node.value)
        if not m:
            self.error(node, f"{label}: '{clip(node.value)}' is not a length (write a number of points, or one with "
                             "a unit: 0.5in, 1.2cm, 8mm)")
            return None
        value = float(m.group(1)) * UNITS[m.group(2) or ""]
        if not low <= value <= high:
            self.error(node, f"{label}: {node.value.strip()} is out of range (use {low:g} to {high:g} pt, "
                             f"{low / INCH:.2g} to {high / INCH:.2g} in)")
            return None
        return value

    def color(self, node: Node, label: str, none_ok: bool):
        """'#RRGGBB', None for 'none', or False after reporting a problem."""
        if isinstance(node, Scalar) and not node.is_null:
            value = node.value.strip()
            if HEX.match(value):
                return value.upper()
            if value.lower() == "none" and none_ok:
                return None
        allowed = "a colour such as \"#1F5F8B\" (in quotes)" + (" or none" if none_ok else "")
        found = self.kind(node) if not (isinstance(node, Scalar) and node.is_null) else "nothing"
        hint = " (a # starts a comment in YAML: put the colour in quotes)" if found == "nothing" else ""
        self.error(node, f"{label}: expected {allowed}, found {found}{hint}")
        return False

    def fonts(self, node: Node, out: dict) -> None:
        keys = self.mapping(node, "fonts", ("family",) + FONT_ROLES) or {}
        if "family" in keys:
            family = self.text(keys["family"], "fonts.family", max_len=50)
            if family is not None:
                if family.lower() not in FAMILIES:
                    self.error(keys["family"], f"fonts.family: unknown family '{clip(family)}' (bundled: "
                                               f"{', '.join(FAMILIES)}; or name your own .ttf files by role)")
                else:
                    out["family"] = FAMILIES[family.lower()]
        files = {}
        for role in FONT_ROLES:
            if role in keys:
                path = self.font_file(keys[role], f"fonts.{role}")
                if path is not None:
                    files[role] = (path, keys[role].where)
        if files:
            out["font_files"] = files

    def font_file(self, node: Node, label: str) -> Optional[Path]:
        name = self.text(node, label, required=True, max_len=500)
        if name is None:
            return None
        real, problem = images.locate(name, self.guide_path, "font", "a TrueType font file (.ttf)", MAX_FONT_BYTES)
        if real is None:
            self.error(node, f"{label}: {problem}")
            return None
        try:
            with open(real, "rb") as fh:
                data = fh.read(MAX_FONT_BYTES + 1)
                head = data[:4]
        except OSError as exc:
            self.error(node, f"{label}: '{name}' cannot be read ({exc.strerror or exc})")
            return None
        if head == b"OTTO":
            self.error(node, f"{label}: '{name}' has PostScript (CFF) outlines, which cannot be embedded; "
                             "use the TrueType (.ttf) version of the font")
        elif head == b"ttcf":
            self.error(node, f"{label}: '{name}' is a font collection; name a single .ttf file")
        elif head not in (b"\x00\x01\x00\x00", b"true"):
            self.error(node, f"{label}: '{name}' is not a TrueType font (.ttf)")
        elif (why := fontcheck.problem(data)) is not None:  # measured before reportlab expands the map
            self.error(node, f"{label}: '{name}' {why}; choose another .ttf file")
        else:
            return real
        return None

    def style(self, node: Node, style: str) -> dict:
        keys = self.mapping(node, f"styles.{style}", STYLE_KEYS) or {}
        out: dict = {}
        label = f"styles.{style}"
        for key, value in keys.items():
            where = f"{label}.{key}"
            if key == "parent":
                parent = self.text(value, where, required=True, max_len=50)
                if parent is not None and parent not in STYLE_NAMES:
                    self.error(value, f"{where}: no style named '{clip(parent)}' ({suggest(parent, STYLE_NAMES, 'styles')})")
                elif parent == style:
                    self.error(value, f"{where}: a style cannot be its own parent")
                elif parent is not None:
                    out["parent"] = parent
            elif key in ("font", "bullet_font"):
                role = self.text(value, where, required=True, max_len=50)
                if role is not None:
                    role = role.replace("-", "_").replace(" ", "_").lower()
                    if role not in FONT_ROLES:
                        self.error(value, f"{where}: '{clip(role)}' is not a font role (use {', '.join(FONT_ROLES)})")
                    else:
                        out["fontName" if key == "font" else "bulletFontName"] = role
            elif key in STYLE_NUMBERS:
                name, low, high = STYLE_NUMBERS[key]
                number = self.number(value, where, low, high)
                if number is not None:
                    out[name] = number
            elif key == "color":
                text = value.value.strip() if isinstance(value, Scalar) else ""
                if text in COLORS:
                    out["textColor"] = text
                else:
                    found = self.color(value, where, none_ok=False)
                    if found:
                        out["textColor"] = found
            elif key == "align":
                text = self.text(value, where, required=True, max_len=20)
                if text is not None:
                    if text.lower() not in ALIGN:
                        self.error(value, f"{where}: '{clip(text)}' is not an alignment (use left, center, right or justify)")
                    else:
                        out["alignment"] = ALIGN[text.lower()]
            elif key == "keep_with_next":
                flag = self.boolean(value, where)
                if flag is not None:
                    out["keepWithNext"] = int(flag)
        return out
