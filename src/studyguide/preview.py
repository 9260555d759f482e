"""`studyguide themes`: the themes a teacher can choose, and a one-page preview of each.

A preview is the first page of a real guide (the teacher's own, or the bundled
starter) drawn in the theme, as a PDF, or as a PNG when pypdfium2 (or
poppler's pdftoppm) is there to rasterise it.
"""
from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import api, files
from .errors import GuideError, Location, Problem, UsageError
from .theming import themefiles



@dataclass
class Listed:
    name: str
    description: str
    source: str              # "bundled" or the file it was read from
    file: Path               # the theme file itself
    parent: Optional[str] = None
    problems: tuple = ()     # a teacher's theme with mistakes is listed with them


def available(guides_folder: Path) -> list[Listed]:
    """Bundled themes, then the teacher's own in guides/themes/ (which may override a bundled name)."""
    out = []
    for name in themefiles.bundled():
        path = themefiles.BUNDLED_DIR / f"{name}.yaml"
        spec = themefiles.resolve_file(path, themefiles.BUNDLED_DIR / "guide.yaml")
        out.append(Listed(name, spec.description, "bundled", path))
    own = themefiles.user_themes(guides_folder)
    if len(own) > themefiles.MAX_USER_THEMES:  # each is read with its parents: the listing is bounded
        where = Location(str(guides_folder / themefiles.USER_DIR))
        out.append(Listed("", "", where.file, guides_folder, problems=(Problem(
            where, f"holds {len(own):,} theme files; only the first {themefiles.MAX_USER_THEMES} are listed "
                   "(move the themes no guide uses elsewhere)"),)))
        own = own[:themefiles.MAX_USER_THEMES]
    for path in own:
        try:
            spec = themefiles.resolve_file(path, guides_folder / "guide.yaml")
        except GuideError as exc:
            out.append(Listed(path.stem, "", str(path), path, problems=tuple(exc.problems)))
            continue
        parent = spec.files[1].stem if len(spec.files) > 1 else None
        out.append(Listed(path.stem, spec.description, str(path), path, parent))
    return _clashing(out)


def first_page(guide_path: Path, listed: Listed, guides_folder: Path, paper: Optional[str] = None) -> bytes:
    """The guide's first handout page in a listed theme, as a one-page PDF. A teacher's theme is read
    from the guides folder whatever guide is shown; a bundled one is the bundled file, even where the
    folder overrides it."""
    from pypdf import PdfReader, PdfWriter  # start-up time: only previews need it

    from .theming.styles import from_spec  # reportlab: `themes` without --preview draws nothing

    guide = api.load(guide_path, check_theme=False)
    if guide_path == api.STARTER:
        guide = dataclasses.replace(guide, title=f"{guide.title} — {listed.name}")
    beside = themefiles.BUNDLED_DIR if listed.source == "bundled" else guides_folder  # where its parents are found
    theme = from_spec(themefiles.resolve_file(listed.file, beside / "guide.yaml"))
    rendered, _ = api.render_guide(guide, paper, key=False, theme=theme)
    reader = PdfReader(io.BytesIO(rendered["student"].pdf))
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def describe(listed: list[Listed]) -> list[str]:
    """One line a theme for `studyguide themes`: its name, what it is for, and where a teacher's own comes from."""
    bundled_names = {t.name for t in listed if t.source == "bundled"}
    width = max(len(t.name) for t in listed)
    lines = []
    for t in listed:
        where = "" if t.source == "bundled" else f"  [{t.source}" + (f", parent {t.parent}" if t.parent else "")
        if t.source != "bundled" and t.name in bundled_names:
            where += f"; overrides the bundled {t.name} for these guides"
        where += "" if t.source == "bundled" else "]"
        lines.append(f"{t.name.ljust(width)}  {t.description}{where}")
    return lines


def preview_name(t: Listed, ext: str = ".pdf") -> str:
    return files.output_name(f"theme-{t.name}", None if t.source == "bundled" else "own", ext=ext)


def _clashing(listed: list[Listed]) -> list[Listed]:
    """Themes whose previews would be one file (themes/Mine.yaml beside themes/mine.yml, one file on
    Windows and macOS too) get a problem naming the other: neither is listed or previewed."""
    clash = files.clashes([(Path(t.source), [Path(preview_name(t))]) for t in listed if not t.problems])
    return [dataclasses.replace(t, problems=tuple(clash[Path(t.source)])) if Path(t.source) in clash else t
            for t in listed]


def write_previews(guide: Optional[Path], listed: list[Listed], guides_folder: Path, out: Path, png: bool) -> list[Path]:
    """A preview of each theme in ``out``: ``guide``'s first page (default: the first guide in the
    guides folder, or the starter), as PDF or PNG; all of them written, or none."""
    if guide is None:
        found = api.find_guides([guides_folder]) if guides_folder.is_dir() else []
        guide = found[0] if found else api.STARTER
    files.check_folder(out)
    ext = ".png" if png else ".pdf"
    named = [(t, out / preview_name(t, ext)) for t in listed]
    previews = [(target, first_page(Path(guide), t, guides_folder)) for t, target in named]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out}: the output folder cannot be made ({exc.strerror or exc})") from None
    written = [(target, to_png(pdf)) if png else (target, pdf) for target, pdf in previews]
    files.write_all(written)
    return [path for path, _ in written]


def to_png(pdf: bytes, dpi: int = 100) -> bytes:
    """A one-page PDF as PNG: with pypdfium2 if installed, else poppler's pdftoppm."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    if pdfium is not None:
        doc = pdfium.PdfDocument(pdf)
        image = doc[0].render(scale=dpi / 72).to_pil()
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue()
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise UsageError("PNG previews need pypdfium2, which the plain install leaves out: install it with "
                         f"'{sys.executable} -m pip install pypdfium2' (or install poppler's pdftoppm), "
                         "or leave out --png for PDF previews")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.pdf"
        src.write_bytes(pdf)
        subprocess.run([tool, "-r", str(dpi), "-png", "-singlefile", str(src), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=60)
        return (Path(tmp) / "page.png").read_bytes()
