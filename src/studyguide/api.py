"""The pipeline as plain functions: find, load, validate, build. Files are written last.

The CLI is a thin layer over these; tests and later outputs call them directly.
"""
from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from . import loader, schema
from .errors import BuildError, GuideError, Location, Problem, UsageError
from .model import Guide

GUIDE_SUFFIXES = (".yaml", ".yml")


def find_guides(paths: Iterable[str | Path]) -> list[Path]:
    """Guide files named directly, and the *.yaml / *.yml files in named folders (sorted)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in GUIDE_SUFFIXES and p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return found


def read_guide_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise GuideError([Problem(Location(name), f"cannot be read ({exc.strerror})")]) from None
    if not stat.S_ISREG(st.st_mode):
        raise GuideError([Problem(Location(name), "is not a regular file; name a .yaml guide file")])
    if st.st_size > loader.MAX_BYTES:
        raise GuideError([Problem(Location(name), f"the file is {st.st_size:,} bytes; a guide may be at most {loader.MAX_BYTES:,} bytes (split it into several guides)")])
    with open(path, "rb") as fh:
        return fh.read(loader.MAX_BYTES + 1)


def load(path: str | Path) -> Guide:
    """Read and validate one guide; raises GuideError listing every problem."""
    path = Path(path)
    data = read_guide_bytes(path)
    root, warnings = loader.parse_with_warnings(data, str(path))
    return schema.to_guide(root, str(path), path, warnings)


def safe_stem(stem: str) -> str:
    """A file name made only of letters, digits, '-', '_' and '.', never hidden or empty."""
    clean = re.sub(r"[^\w.-]+", "-", stem, flags=re.ASCII).strip(".-") or "guide"
    return clean[:100]


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target``, then rename over it.

    The previous file stays intact until the new one is complete; no
    temporary file survives a failure.
    """
    if target.is_symlink():
        raise BuildError(Location(str(target)), "is a symbolic link; remove it so the PDF can be written in its place")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@dataclass
class Output:
    path: Path
    pages: int
    question_pages: list[int]


@dataclass
class BuildResult:
    guide: Guide
    outputs: list[Output] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def render_guide(guide: Guide, paper: Optional[str] = None, key: bool = True) -> tuple[dict, list[Problem]]:
    """Render in memory: {"student": Rendered, "key": Rendered}, and glyph warnings."""
    from . import render  # layout code loads only when something is drawn

    font_for, glyph_warnings = render.glyph_plan(guide)
    warnings = list(guide.warnings) + glyph_warnings
    modes = ("student", "key") if key else ("student",)
    try:
        out = render.render(guide, modes, paper=paper, font_for=font_for)
    except render.RenderFailed as exc:
        raise BuildError(exc.where, exc.message) from None
    return out, warnings


def build(path: str | Path, out_dir: str | Path = "output", paper: Optional[str] = None, key: bool = True) -> BuildResult:
    """Load, render both documents in memory, then write them; nothing is written on failure."""
    guide = load(path)
    rendered, warnings = render_guide(guide, paper, key)
    out_dir = Path(out_dir)
    stem = safe_stem(Path(path).stem)
    result = BuildResult(guide, warnings=warnings)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(Location(str(out_dir)), f"the output folder cannot be made ({exc.strerror or exc})") from None
    for mode, doc in rendered.items():
        target = out_dir / (f"{stem}.pdf" if mode == "student" else f"{stem}-key.pdf")
        try:
            write_atomic(target, doc.pdf)
        except OSError as exc:
            raise BuildError(Location(str(target)), f"cannot be written ({exc.strerror or exc}); the PDF that was there is unchanged") from None
        result.outputs.append(Output(target, doc.pages, doc.question_pages))
    return result
