"""Classroom sets: versions A, B, C... with their keys and answer grids, accommodation editions,
and one collated PDF for the copier. Everything is rendered in memory and written at the end,
all or nothing, like a plain build.
"""
from __future__ import annotations

import dataclasses
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import api, formats, grid, render, sheets, variants
from .errors import BuildError, Location
from .files import make_folder, safe_stem, write_all
from .layout import activities as activity_layout
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
    format: Optional[str] = None             # handout (None), quiz, exit-ticket (formats.py)
    questions: Optional[str] = None          # the questions chosen (select.py), from --questions
    sheet: Optional[str] = None              # half or quarter: small pages, two or four to a sheet (sheets.py)

    @property
    def active(self) -> bool:
        return bool(self.edition not in (None, "standard") or self.versions or self.seed or self.class_set
                    or (self.accommodations and self.accommodations != Accommodations())
                    or self.format not in (None, "handout") or self.questions is not None or self.sheet)


def wanted(guide: Guide, options: SetOptions) -> bool:
    """Whether a build of this guide is a classroom build (by the command line or the guide itself)."""
    return options.active or bool(guide.versions) or guide.accommodations != Accommodations()


def _name(stem: str, edition: Optional[str], letter: Optional[str], suffix: str = "") -> str:
    parts = [stem] + ([edition] if edition and edition != "standard" else []) + ([letter] if letter else [])
    return "-".join(parts) + suffix + ".pdf"


def build_set(path, out_dir, paper: Optional[str], options: SetOptions, guide: Optional[Guide] = None) -> api.BuildResult:
    """Every file of a classroom build of the guide at ``path`` (``guide``: it, already loaded)."""
    guide = guide or api.load(path, check_theme=not options.theme)
    if options.activities is not None:
        guide = dataclasses.replace(guide, activities=tuple(options.activities))
    guide = api.skipping(guide, options.skip)
    guide = formats.prepare(guide, options.format, options.questions, options.activities)
    guide = variants.accommodate(guide, options.accommodations)
    theme = api.theme_for(guide, options.theme, options.edition)
    paper = paper or guide.paper
    fmt = guide.format
    sizes = [options.sheet] if options.sheet else ["quarter", "half"] if fmt == "exit-ticket" else [None]
    count = options.versions or guide.versions
    seed = options.seed or guide.seed or variants.default_seed(guide)
    editions = [variants.version(guide, i, seed) for i in range(count)] if count else [guide]
    font_for, warnings = render.glyph_plan(editions[0], theme)  # version A: its footer's letter and seed too
    laid_out = sheets.small_paper(paper, options.sheet) if options.sheet else paper  # where activities must fit
    warnings = list(guide.warnings) + warnings + activity_layout.warnings(guide, theme, laid_out)
    stem = "-".join([safe_stem(Path(path).stem)] + ([fmt] if fmt != "handout" else [])
                    + ([options.sheet] if options.sheet else []))
    modes = ("student", "key") if options.key else ("student",)
    files: list[tuple[str, bytes, int, list]] = []  # (name, pdf, pages, question pages)
    by_letter = _render_sized(path, editions, modes, paper, theme, font_for, sizes, fmt == "exit-ticket")
    for g in editions:
        docs = by_letter[g.version]
        files.append((_name(stem, options.edition, g.version), docs["student"].pdf, docs["student"].pages,
                      docs["student"].question_pages))
        if options.key:
            files.append((_name(stem, options.edition, g.version, "-key"), docs["key"].pdf, docs["key"].pages,
                          docs["key"].question_pages))
        if g.version:
            files.append((_name(stem, options.edition, g.version, "-grid"),
                          grid.render_grid(g, sheets.FULL.get(paper, paper), font_for,
                                           api.theme_for(g, options.theme)), 1, []))
    if options.class_set:
        from . import inline, labels, pages
        from .theming.styles import make_styles

        words = labels.for_language(guide.language, guide.labels)
        note = inline.markup(words["copy_ends"], font_for)

        @functools.lru_cache(maxsize=None)
        def blank(width: float, height: float) -> bytes:  # the page closing an odd copy, as big as its pages
            return pages.note_page((width, height), theme, make_styles(theme)["instruction"], note)
        letters = [g.version for g in editions]
        copies = options.copies or len(letters)
        files.append(_collate(_name(stem, options.edition, None, "-class-set"),
                              [by_letter[letters[i % len(letters)]]["student"].pdf for i in range(copies)], blank))
        if options.key:
            files.append(_collate(_name(stem, options.edition, None, "-class-set-key"),
                                  [by_letter[letter]["key"].pdf for letter in letters], blank))
    out = make_folder(Path(out_dir))
    write_all([(out / name, data) for name, data, _, _ in files])
    result = api.BuildResult(guide, warnings=warnings)
    result.outputs = [api.Output(out / name, pages, qp) for name, _, pages, qp in files]
    return result


def _render_sized(path, editions, modes, paper, theme, font_for, sizes, one_page: bool) -> dict:
    """Each edition's documents {letter: {mode: Rendered}}, on ``paper`` or, for a sheet size, on its small
    paper, imposed two or four to a sheet. ``one_page`` (an exit ticket): the first size in ``sizes`` on
    which every copy fits one page; none fitting is a located error."""
    for size in sizes:
        small = sheets.small_paper(paper, size) if size else paper
        out = {}
        for g in editions:
            try:
                out[g.version] = render.render(g, modes, paper=small, theme=theme, font_for=font_for)
            except render.RenderFailed as exc:
                raise BuildError(exc.where, exc.message) from None
        if one_page and any(docs[m].pages > 1 for docs in out.values() for m in modes):
            continue
        if size:
            for docs in out.values():
                for m in modes:
                    docs[m] = dataclasses.replace(docs[m], pdf=sheets.impose(docs[m].pdf, small, sheets.UP[size]))
        return out
    count = len(editions[0].questions)
    asked = f"its {count} questions take" if count > 1 else "its question takes"
    raise BuildError(Location(str(path)), f"the exit ticket does not fit on a {sizes[-1]} page ({asked} more room); "
                                          "choose fewer or shorter questions with --questions")


def _collate(name: str, pdfs: list[bytes], blank) -> tuple[str, bytes, int, list]:
    """One PDF of the copies in order, each starting on a fresh sheet when printed on both sides
    (``blank(width, height)``, a page saying it is blank on purpose, closes any copy with an odd page count)."""
    from pypdf import PdfReader, PdfWriter  # only a class set needs it: ~40 ms to import

    writer = PdfWriter()
    readers: dict[int, PdfReader] = {}
    for data in pdfs:
        reader = readers.setdefault(id(data), PdfReader(io.BytesIO(data)))
        for page in reader.pages:
            writer.add_page(page)
        if len(reader.pages) % 2:
            box = reader.pages[-1].mediabox
            writer.add_page(PdfReader(io.BytesIO(blank(float(box.width), float(box.height)))).pages[0])
    first = PdfReader(io.BytesIO(pdfs[0])) if pdfs else None
    if first and first.metadata:
        writer.add_metadata({k: v for k, v in first.metadata.items() if k in ("/Title", "/Author", "/Subject")})
    stream = io.BytesIO()
    writer.write(stream)
    return name, stream.getvalue(), len(writer.pages), []
