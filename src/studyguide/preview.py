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
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import api, themes
from .errors import UsageError

STARTER = Path(__file__).with_name("starter.yaml")


@dataclass
class Listed:
    name: str
    description: str
    source: str              # "bundled" or the file it was read from
    parent: Optional[str] = None


def available(guides_folder: Path) -> list[Listed]:
    """Bundled themes, then the teacher's own in guides/themes/ (which may override a bundled name)."""
    out = []
    for name in themes.bundled():
        spec = themes.resolve(name, themes.BUNDLED_DIR / "guide.yaml")
        out.append(Listed(name, spec.description, "bundled"))
    for path in themes.user_themes(guides_folder):
        spec = themes.resolve(str(path.relative_to(guides_folder)), guides_folder / "guide.yaml")
        parent = spec.files[1].stem if len(spec.files) > 1 else None
        out.append(Listed(path.stem, spec.description, str(path), parent))
    return out


def first_page(guide_path: Path, theme_name: str, paper: Optional[str] = None) -> bytes:
    """The guide's first handout page in the theme, as a one-page PDF."""
    from pypdf import PdfReader, PdfWriter

    guide = api.load(guide_path, check_theme=False)
    if guide_path == STARTER:
        guide = dataclasses.replace(guide, title=f"{guide.title} — {theme_name}")
    theme = api.theme_for(guide, theme_name)
    rendered, _ = api.render_guide(guide, paper, key=False, theme=theme)
    reader = PdfReader(io.BytesIO(rendered["student"].pdf))
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


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
        raise UsageError("PNG previews need pypdfium2 (pip install pypdfium2) or poppler's pdftoppm; "
                         "or leave out --png for PDF previews")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.pdf"
        src.write_bytes(pdf)
        subprocess.run([tool, "-r", str(dpi), "-png", "-singlefile", str(src), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=60)
        return (Path(tmp) / "page.png").read_bytes()
