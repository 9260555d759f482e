"""Themes as data: the bundled YAML files in themes/ and a teacher's own.

A theme is a YAML file (see themes/classic.yaml for every key) that names a
parent and changes only what it gives; its styles name a parent style too (the
rst2pdf way). A name such as ``modern`` is looked up first in the ``themes/``
folder beside the guides, then among the bundled themes; a teacher's file named
like a bundled theme (``themes/classic.yaml``) overrides that theme key by key.

This module reads and checks themes into plain data with located problems,
like the guide schema, and imports no reportlab: ``studyguide validate`` checks
themes without loading any layout code. :mod:`.styles` turns the data
into fonts and paragraph styles.
"""
from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .. import images, ondisk
from ..errors import GuideError, Location, Problem
from ..reading import loader
from ..reading.loader import Node
from ..reading.walker import clip, suggest
from .themecheck import COLORS, DEFAULT, INCH, LENGTHS, ThemeWalker

BUNDLED_DIR = Path(__file__).parent.parent / "themes"  # the bundled theme files, package data
USER_DIR = "themes"          # a teacher's themes: a folder of that name beside the guides
MAX_PARENTS = 20             # a teacher's themes in one chain of parents (the bundled ones beyond them apart)
MAX_USER_THEMES = 100        # theme files `studyguide themes` lists from one themes/ folder
@dataclass
class ThemeSpec:
    """A theme read and checked, its parents' keys included: plain values, points for lengths."""

    name: str
    description: str = ""
    page: dict = field(default_factory=dict)
    spacing: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    colors: dict = field(default_factory=dict)   # role → "#RRGGBB" or None
    family: str = "SGSans"                       # a bundled family (fonts.FAMILIES)
    font_files: dict = field(default_factory=dict)  # role → (Path, Location of the line naming it)
    styles: dict = field(default_factory=dict)   # style → its own keys (reportlab names), "parent" kept
    files: tuple = ()                            # the theme files read, child first


def bundled() -> list[str]:
    return sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml"))


def user_themes(guides_folder: Path) -> list[Path]:
    folder = guides_folder / USER_DIR
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
    except OSError:
        return []


def overridden(name: str, guide_path: Path) -> bool:
    """Whether the teacher's themes/ folder has a file of this (bundled) theme's name."""
    folder = Path(guide_path).resolve().parent / USER_DIR
    return any((folder / f"{name}{suffix}").is_file() for suffix in (".yaml", ".yml"))


def _is_path(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def from_command_line(name: str, guide_path: Path, where: Location) -> str:
    """``--theme``'s value as a guide would name it. A file named from where the command runs (as the
    shell completes it: guides/themes/mine.yaml, or a full path) is named relative to the guide's folder
    or assets/, and read with the same checks as a theme named there; one elsewhere is refused, since
    its parents and fonts are looked for beside the guide."""
    given = Path(name)
    if _is_path(name) and (trouble := ondisk.link_trouble(given)):
        raise GuideError([Problem(where, f"'{clip(name, 300)}' {trouble}")])
    if not _is_path(name) or not (given.is_absolute() or given.is_file()):
        return name  # a theme's name, or a file named from the guide's folder (find() says if it is missing)
    real = given.resolve()
    for root in images.search_roots(guide_path):
        if images.inside(real, root.resolve()):
            return real.relative_to(root.resolve()).as_posix()
    if not given.exists():
        raise GuideError([Problem(where, f"'{clip(name, 300)}': no such file (name a theme, or a theme file in the "
                                         "guide's folder or assets/)")])
    folder = Path(guide_path).resolve().parent
    raise GuideError([Problem(where, f"'{clip(name, 300)}' is outside the guide's folder ({folder}) and assets/, where "
                                     f"a theme and its fonts are read from; copy it into {folder / USER_DIR} and "
                                     "name it there")])


def find(name: str, guide_path: Path, where: Location, below: Optional[Path] = None) -> Path:
    """The file of the theme ``name`` (a name or a file path) for a guide; GuideError at ``where`` if none.

    ``below`` is the file asking for its parent: a teacher's themes/classic.yaml whose parent is
    classic means the bundled classic, not itself.
    """
    key = "" if where.file.startswith("--") else ("parent: " if below else "theme: ")  # --theme names itself
    if _is_path(name):
        real, problem = images.locate(name, guide_path, "theme", "a theme file (.yaml)", loader.MAX_BYTES)
        if real is None:
            raise GuideError([Problem(where, f"{key}{problem}")])
        return real
    if not re.fullmatch(r"[\w.-]{1,60}", name):
        raise GuideError([Problem(where, f"{key}'{clip(name)}' is not a theme name (use a name such as {', '.join(bundled())})")])
    if name.lower() in bundled() and name not in bundled():
        name = name.lower()  # --theme MODERN
    folder = guide_path.resolve().parent / USER_DIR
    for suffix in (".yaml", ".yml"):
        candidate, twins = ondisk.entry(folder, f"{name}{suffix}")  # 'café' typed, 'café.yaml' (macOS's) there
        if twins:
            raise GuideError([Problem(where, f"{key}{twins}")])
        if candidate is not None and (trouble := ondisk.link_trouble(candidate)):
            raise GuideError([Problem(where, f"{key}{USER_DIR}/{candidate.name} {trouble}")])
        if candidate is not None and candidate.is_file() and (below is None or candidate.resolve() != below.resolve()):
            return candidate
    candidate = BUNDLED_DIR / f"{name}.yaml"
    if candidate.is_file():
        return candidate
    known = bundled() + [p.stem for p in user_themes(guide_path.resolve().parent)]
    close = suggest(name, known)
    hint = close if close.startswith("did you mean") else f"the themes are {', '.join(sorted(set(known)))}"
    raise GuideError([Problem(where, f"{key}no theme named '{clip(name)}' ({hint}); a theme of your own goes in "
                                     f"{USER_DIR}/{clip(name)}.yaml beside the guides")])


def resolve(name: Optional[str], guide_path: Path, where: Optional[Location] = None) -> ThemeSpec:
    """Read a theme and its parents for a guide; GuideError with every problem found."""
    where = where or Location(str(guide_path))
    path = find(name or DEFAULT, guide_path, where)
    return _resolve_file(path, guide_path, ())


def resolve_file(path: Path, guide_path: Path) -> ThemeSpec:
    """One theme file and its parents (parents looked up beside ``guide_path``, then bundled)."""
    return _resolve_file(path, guide_path, ())


def _resolve_file(path: Path, guide_path: Path, chain: tuple) -> ThemeSpec:
    if path.parent != BUNDLED_DIR and not any(images.inside(path.resolve(), r.resolve())
                                              for r in images.search_roots(guide_path)):
        raise GuideError([Problem(Location(shown(path), 1), "is a link that leads outside the guides' folder "
                                  "and assets/; copy the theme in instead")])
    root, problems = _read(path)
    walker = ThemeWalker(shown(path), guide_path)
    walker.problems.extend(problems)
    own = walker.theme(root) if not problems else None
    if walker.problems or own is None:
        raise GuideError(walker.problems)
    parent_name, parent_where = own.pop("parent", (None, None))
    name = path.stem
    if parent_name is None and not (path.parent == BUNDLED_DIR and name == DEFAULT):
        parent_name, parent_where = (name if name in bundled() and path.parent != BUNDLED_DIR else DEFAULT), None
    if parent_name is None:
        base = ThemeSpec(name=name)
    else:
        if parent_name == name and name not in bundled():
            raise GuideError([Problem(parent_where or Location(shown(path), 1),
                                      f"parent: a theme cannot be its own parent; name the theme it starts from, "
                                      f"such as {DEFAULT}")])
        parent = find(parent_name, guide_path, parent_where or Location(shown(path), 1), below=path)
        if parent.resolve() in chain or parent.resolve() == path.resolve():
            loop = " → ".join([p.stem for p in chain] + [name, parent.stem])
            raise GuideError([Problem(parent_where or Location(shown(path), 1),
                                      f"parent: the themes name each other as parents in a loop ({loop}); "
                                      "one of them must name a bundled theme")])
        if parent.parent != BUNDLED_DIR and len(chain) + 1 >= MAX_PARENTS:  # each is read and checked: bounded
            raise GuideError([Problem(parent_where or Location(shown(path), 1),
                                      f"parent: the themes here start from one another more than {MAX_PARENTS} deep "
                                      f"({chain[0].stem} → ... → {name} → {parent.stem}); let this theme start from a "
                                      f"bundled one, such as {DEFAULT}")])
        base = _resolve_file(parent, guide_path, chain + (path.resolve(),))
    merged = _merge(base, own, name, path)
    problems = _check_merged(merged, walker.wheres, shown(path))
    if problems:
        raise GuideError(problems)
    return merged


def resolved_style(spec: ThemeSpec, name: str) -> dict:
    """A style's keys with its parents' (reportlab names); a loop is cut where it closes."""
    chain, seen = [], set()
    while name and name not in seen and name in spec.styles:
        seen.add(name)
        chain.append(spec.styles[name])
        name = spec.styles[name].get("parent")
    out: dict = {}
    for own in reversed(chain):
        out.update(own)
    out.pop("parent", None)
    return out


def _check_merged(spec: ThemeSpec, wheres: dict, shown: str) -> list[Problem]:
    """What only the whole theme shows (the file's own keys and its parents'): style parent loops,
    lines that would overlap, a colour that is none, a footer in the text. Reported at the key
    this file wrote that takes part, else at the file's first line."""
    problems: list[Problem] = []

    def at(*paths) -> Location:
        return next((wheres[p] for p in paths if p in wheres), Location(shown, 1))

    looped: set = set()
    for name in spec.styles:
        path, current = [name], spec.styles[name].get("parent")
        while current and current in spec.styles:
            if current in path:
                loop = path[path.index(current):] + [current]
                if frozenset(loop) not in looped:
                    looped.add(frozenset(loop))
                    first = next((s for s in loop if ("styles", s, "parent") in wheres), loop[0])
                    problems.append(Problem(at(("styles", first, "parent")),
                                            f"styles.{first}.parent: the styles name each other as parents in a loop "
                                            f"({' → '.join(loop)}); remove one of these parents"))
                break
            path.append(current)
            current = spec.styles[current].get("parent")
    if problems:
        return problems
    for name in spec.styles:
        style = resolved_style(spec, name)
        size, leading = style.get("fontSize", 10), style.get("leading", 12)
        if leading < size:
            problems.append(Problem(at(("styles", name, "leading"), ("styles", name, "size"), ("styles", name)),
                                    f"styles.{name}: size {size:g} with leading {leading:g}, so lines would overlap; "
                                    f"give it leading: {round(size * 1.2):g} (about 1.2 × the size)"))
        color = style.get("textColor")
        if color in COLORS and spec.colors.get(color) is None:
            problems.append(Problem(at(("styles", name, "color"), ("colors", color)),
                                    f"styles.{name}.color: '{color}' is none in this theme, so the text would not "
                                    "print; choose another colour"))
    faint = {role: spec.colors[role] for role in TEXT_COLORS if _contrast(spec.colors.get(role)) < MIN_CONTRAST}
    faint.update({f"styles.{name}.color": color for name in spec.styles
                  if _contrast(color := resolved_style(spec, name).get("textColor")) < MIN_CONTRAST})
    for role, color in faint.items():
        key = ("colors", role) if role in TEXT_COLORS else ("styles", role.split(".")[1], "color")
        label = f"colors.{role}" if role in TEXT_COLORS else role
        problems.append(Problem(at(key), f"{label}: {color} on white paper has a contrast of only "
                                         f"{_contrast(color):.1f} to 1, so its text would hardly show; choose a darker "
                                         f"colour (such as #333333; at least {MIN_CONTRAST:g} to 1)"))
    page, footer = spec.page, resolved_style(spec, "footer")
    if page and footer:
        # where pages.py draws the footer's rule; large print's bigger footer hangs under the same place, its rule
        # no higher (pages.footer_place): what this check passes holds in every edition, but where the paper's edge
        # holds a large-print footer up (a low footer_y, such as compact's 0.35in: its rule is then higher, though
        # lower than the footer's size + 3 put it)
        rule = page["footer_y"] + footer.get("fontSize", 8.5) + 3
        if rule + 3 > page["margin_bottom"]:
            problems.append(Problem(at(("page", "margin_bottom"), ("page", "footer_y"), ("styles", "footer", "size")),
                                    f"page: the footer (its line at {rule / INCH:.2f}in from the bottom edge) would "
                                    f"print over the text, which starts at margin_bottom {page['margin_bottom'] / INCH:.2f}in; "
                                    + _footer_fix(page, rule + 3 - page["footer_y"])))
    return problems


def _footer_fix(page: dict, above: float) -> str:
    """What makes room for a footer whose line and gap reach ``above`` points over its baseline: a
    margin_bottom within its range, a lower footer_y within its range, or a smaller footer (each
    offered only where the theme's limits allow it: 'at least 2.25in' past the 2in maximum cannot be done)."""
    (_, most), (least_y, _) = LENGTHS["page"]["margin_bottom"], LENGTHS["page"]["footer_y"]
    fixes = []
    need = page["footer_y"] + above
    if need <= most:
        fixes.append(f"make margin_bottom at least {_in(need)}")
    if page["margin_bottom"] - above >= least_y:
        fixes.append(f"lower footer_y to {_in(page['margin_bottom'] - above, down=True)} or less")
    if not fixes and most - above >= least_y:  # neither alone: both
        fixes.append(f"make margin_bottom {_in(most)} and lower footer_y to {_in(most - above, down=True)} or less")
    return " or ".join(fixes) or "make styles.footer.size smaller"


def _in(points: float, down: bool = False) -> str:
    """Points in inches for a message, rounded the way that keeps the advice true (up for 'at least')."""
    value = (math.floor if down else math.ceil)(points / INCH * 100 - 1e-9) / 100
    return f"{value:.2f}in"


TEXT_COLORS = ("ink", "ink_soft", "answer", "accent")  # the colours text is printed in (rule, shade: lines, bands)
MIN_CONTRAST = 2.0  # WCAG asks 4.5 to 1 of body text; under 2 to 1 text on white paper is hard to see at all


def _contrast(color) -> float:
    """A '#RRGGBB' colour's contrast with white paper (WCAG 2: 1 to 21); 21 for anything else (a role, none)."""
    if not (isinstance(color, str) and len(color) == 7 and color.startswith("#")):
        return 21.0
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def shown(path: Path) -> str:
    """How a theme file is named in messages: bundled themes by their name in the package."""
    if path.parent == BUNDLED_DIR:
        return f"(bundled theme) {path.name}"
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@lru_cache(maxsize=1024)  # a listing reads each theme once per child: keep them all
def _read_cached(path: str, mtime: int, size: int) -> tuple:
    # opened without blocking and checked once open: a theme swapped for a FIFO cannot hang the build
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise OSError(f"{Path(path).name} is not a regular file")
        data = fh.read(loader.MAX_BYTES + 1)
    try:
        root = loader.parse(data, shown(Path(path)))
    except GuideError as exc:
        return None, tuple(exc.problems)
    return root, ()


def _read(path: Path) -> tuple[Optional[Node], tuple]:
    where = Location(shown(path), 1)
    try:
        st = os.stat(path)
    except OSError as exc:
        return None, (Problem(where, f"cannot be read ({exc.strerror or exc})"),)
    if st.st_size > loader.MAX_BYTES:
        return None, (Problem(where, "the theme file is too large; a theme is a few dozen lines"),)
    try:
        return _read_cached(str(path), st.st_mtime_ns, st.st_size)
    except OSError as exc:
        return None, (Problem(where, f"cannot be read ({exc.strerror or exc})"),)


def _merge(base: ThemeSpec, own: dict, name: str, path: Path) -> ThemeSpec:
    styles = {k: dict(v) for k, v in base.styles.items()}
    for style, keys in own.get("styles", {}).items():
        styles.setdefault(style, {}).update(keys)
    files = dict(base.font_files)
    family = own.get("family", base.family)
    if "family" in own:
        files = {}  # a family named here replaces files a parent gave
    files.update(own.get("font_files", {}))
    return ThemeSpec(
        name=name,
        description=own.get("description", ""),  # a theme's own words, never its parent's
        page={**base.page, **own.get("page", {})},
        spacing={**base.spacing, **own.get("spacing", {})},
        rules={**base.rules, **own.get("rules", {})},
        colors={**base.colors, **own.get("colors", {})},
        family=family,
        font_files=files,
        styles=styles,
        files=(path,) + base.files,
    )
