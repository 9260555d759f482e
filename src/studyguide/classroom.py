"""Classroom sets: versions A, B, C... with their keys and answer grids, accommodation editions,
and one collated PDF for the copier. Everything is rendered in memory and written at the end,
all or nothing, like a plain build.
"""
from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import api, variants
from .errors import BuildError, Location
from .model import Accommodations, Guide


@dataclass(frozen=True)
class SetOptions:
    edition: Optional[str] = None            # None/standard, large-print, readable
    versions: Optional[int] = None           # overrides the guide's 'versions:'
    seed: Optional[str] = None               # overrides the guide's 'seed:'
    accommodations: Optional[Accommodations] = None
    class_set: bool = False
    copies: Optional[int] = None             # student copies in the class set (default: one per version)
    key: bool = True
    activities: Optional[tuple] = None       # replaces the guide's 'activities:' (from --activities)
    theme: Optional[str] = None              # replaces the guide's 'theme:' (from --theme)
    skip: tuple = ()                         # sections left out of this build (from --skip)

    @property
    def active(self) -> bool:
        return bool(self.edition not in (None, "standard") or self.versions or self.seed or self.class_set
                    or (self.accommodations and self.accommodations != Accommodations()))


def wanted(guide: Guide, options: SetOptions) -> bool:
    """Whether a build of this guide is a classroom build (by the command line or the guide itself)."""
    return options.active or bool(guide.versions) or guide.accommodations != Accommodations()


def _name(stem: str, edition: Optional[str], letter: Optional[str], suffix: str = "") -> str:
    parts = [stem] + ([edition] if edition and edition != "standard" else []) + ([letter] if letter else [])
    return "-".join(parts) + suffix + ".pdf"


def build_set(path, out_dir, paper: Optional[str], options: SetOptions, guide: Optional[Guide] = None) -> api.BuildResult:
    """Every file of a classroom build of the guide at ``path`` (``guide``: it, already loaded)."""
    from . import grid, render

    guide = guide or api.load(path, check_theme=not options.theme)
    if options.activities is not None:
        guide = dataclasses.replace(guide, activities=tuple(options.activities))
    guide = api.skipping(guide, options.skip)
    guide = variants.accommodate(guide, options.accommodations)
    theme = api.theme_for(guide, options.theme, options.edition)
    paper = paper or guide.paper
    count = options.versions or guide.versions
    seed = options.seed or guide.seed or variants.default_seed(guide)
    editions = [variants.version(guide, i, seed) for i in range(count)] if count else [guide]
    from .layout import activities as activity_layout

    font_for, warnings = render.glyph_plan(guide, theme)
    warnings = list(guide.warnings) + warnings + activity_layout.warnings(guide, theme, paper)
    stem = api.safe_stem(Path(path).stem)
    modes = ("student", "key") if options.key else ("student",)
    files: list[tuple[str, bytes, int, list]] = []  # (name, pdf, pages, question pages)
    by_letter: dict[Optional[str], dict] = {}
    for g in editions:
        try:
            docs = render.render(g, modes, paper=paper, theme=theme, font_for=font_for)
        except render.RenderFailed as exc:
            raise BuildError(exc.where, exc.message) from None
        by_letter[g.version] = docs
        files.append((_name(stem, options.edition, g.version), docs["student"].pdf, docs["student"].pages,
                      docs["student"].question_pages))
        if options.key:
            files.append((_name(stem, options.edition, g.version, "-key"), docs["key"].pdf, docs["key"].pages,
                          docs["key"].question_pages))
        if g.version:
            files.append((_name(stem, options.edition, g.version, "-grid"),
                          grid.render_grid(g, paper, font_for, api.theme_for(g, options.theme)), 1, []))
    if options.class_set:
        from . import inline, labels, pages
        from .theme import make_styles

        words = labels.for_language(guide.language, guide.labels)
        blank = pages.note_page(theme.page_size(paper), theme, make_styles(theme)["instruction"],
                                inline.markup(words["copy_ends"], font_for))
        letters = [g.version for g in editions]
        copies = options.copies or len(letters)
        files.append(_collate(_name(stem, options.edition, None, "-class-set"),
                              [by_letter[letters[i % len(letters)]]["student"].pdf for i in range(copies)], blank))
        if options.key:
            files.append(_collate(_name(stem, options.edition, None, "-class-set-key"),
                                  [by_letter[letter]["key"].pdf for letter in letters], blank))
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(Location(str(out)), f"the output folder cannot be made ({exc.strerror or exc})") from None
    api.write_all([(out / name, data) for name, data, _, _ in files])
    result = api.BuildResult(guide, warnings=warnings)
    result.outputs = [api.Output(out / name, pages, qp) for name, _, pages, qp in files]
    return result


def _collate(name: str, pdfs: list[bytes], blank: bytes) -> tuple[str, bytes, int, list]:
    """One PDF of the copies in order, each starting on a fresh sheet when printed on both sides
    (``blank``, a page saying it is blank on purpose, closes any copy with an odd page count)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    readers: dict[int, PdfReader] = {}
    for data in pdfs:
        reader = readers.setdefault(id(data), PdfReader(io.BytesIO(data)))
        for page in reader.pages:
            writer.add_page(page)
        if len(reader.pages) % 2:
            writer.add_page(PdfReader(io.BytesIO(blank)).pages[0])
    first = PdfReader(io.BytesIO(pdfs[0])) if pdfs else None
    if first and first.metadata:
        writer.add_metadata({k: v for k, v in first.metadata.items() if k in ("/Title", "/Author", "/Subject")})
    stream = io.BytesIO()
    writer.write(stream)
    return name, stream.getvalue(), len(writer.pages), []
