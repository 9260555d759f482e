"""The pipeline as plain functions: find, load, validate, build. Files are written last.

The CLI is a thin layer over these; tests and later outputs call them directly.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .errors import BuildError, GuideError, Location, Problem, StudyguideError, UsageError
from . import (banks, collector, figurerefs, files, formats, guidefiles, labels, nofont, noticed, overflow, pagelint,
               scripts, starterleft)
from .files import build_names, clashes, read_guide_bytes, write_all
from .guidefiles import GUIDE_SUFFIXES, defaults_file, find_guides, is_defaults_file, load_defaults
from .model import Guide, format_points
from .reading import loader, schema
from .reading.walker import count
from .theming import themefiles

# render, layout and theming.styles import reportlab (~150 ms): they load only when something is drawn,
# so `studyguide validate` stays light (bench/run.py checks it imports none of them)

STARTER = Path(__file__).with_name("starter.yaml")  # the commented guide `studyguide new` writes
guides_in = guidefiles.guides_in  # (part of the api, with find_guides: which files are guides)


def starter_left(guide: Guide) -> list[Problem]:
    """One warning when the starter's placeholder text is still in ``guide`` (what `check` names in full)."""
    return starterleft.starter_left(guide, STARTER.read_text(encoding="utf-8"))


def build_warnings(guide: Guide) -> list[Problem]:
    """What every build of ``guide`` says besides its pages' own warnings: a question naming a picture the
    build leaves out (figurerefs), and the starter's placeholder text still in it."""
    return figurerefs.warnings(guide) + starter_left(guide)


def load(path: str | Path, check_theme: bool = True, data: Optional[bytes] = None) -> Guide:
    """Read and validate one guide, with the defaults file beside it; raises GuideError listing every problem.

    A defaults file's keys apply where the guide does not give them; labels, headings and
    accommodations are merged key by key. ``check_theme``: read the guide's theme too. ``data``: the
    guide's text as typed (the editor), instead of the file's.
    """
    path = Path(path)
    if is_defaults_file(path):
        load_defaults(path)  # its own mistakes first, with their lines
        raise UsageError(f"{path}: is the defaults file every guide in its folder inherits, not a guide; "
                         "build or validate the folder or the guides beside it")
    data = read_guide_bytes(path) if data is None else data
    root, warnings = loader.parse_with_warnings(data, str(path))
    shared = defaults_file(path.parent)
    if shared is not None:
        defaults, more = load_defaults(shared)
        root = schema.merge_defaults(defaults, root)
        warnings = list(more) + list(warnings)
    guide = banks.bank_warnings(schema.to_guide(root, str(path), path, warnings))  # (a bank left out: said)
    guide = noticed.warned(guide)  # same choices, a numbered prompt, an unclosed '**'
    if check_theme:
        if guide.theme or themefiles.overridden(themefiles.DEFAULT, path):
            themefiles.resolve(guide.theme, path, guide.theme_where)
    return guide


def theme_for(guide: Guide, override: Optional[str] = None, edition: Optional[str] = None):
    """The theme a guide is drawn with: ``override`` (--theme) over the guide's `theme:` over the default;
    then made into an accommodation edition if one is asked for."""
    from .theming import fieldfont, onefont, styles  # reportlab: see the note at the top

    where = Location("--theme") if override else guide.theme_where
    if override:
        override = themefiles.from_command_line(override, guide.path, where)
    base = styles.load(override or guide.theme, guide.path, where)
    theme = styles.for_edition(edition, base) if edition else base
    theme = onefont.one_font(theme, guide)  # a guide in a script the readable font lacks: one font throughout
    return fieldfont.field_note(theme, guide)  # fields typed in Korean, Chinese or Japanese: said once


@dataclass
class Output:
    path: Path
    pages: int
    question_pages: list[int]
    note: str = ""  # how to print it, said after its page count (a class set: single-sided, or on both sides)


@dataclass
class BuildResult:
    guide: Guide
    outputs: list[Output] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[tuple[Path, bytes]] = field(default_factory=list, repr=False)  # what it writes (write=False: not yet)


def render_guide(guide: Guide, paper: Optional[str] = None, key: bool = True,
                 theme=None, modes: Optional[Iterable[str]] = None, sheet=None,
                 drawn: Optional[set] = None) -> tuple[dict, list[Problem]]:
    """Render in memory: {"student": Rendered, "key": Rendered}, and glyph warnings.
    ``theme``: a Theme (default: the guide's own, see :func:`theme_for`); ``sheet``: see render.render.
    ``modes`` names the documents to draw (default: the handout, and the key unless ``key`` is false).
    The layout does not depend on the mode: ``modes=("key",)`` draws the same key as drawing both.
    ``drawn``: the labels read before, by the same build (labels.drawing), named with the pages' own.
    """
    from . import lowres, picsize, render  # reportlab: see the note at the top
    from .layout import activities, pictures  # (the same)

    theme = theme or theme_for(guide)
    font_for, glyph_warnings = render.glyph_plan(guide, theme)
    warnings = list(guide.warnings) + glyph_warnings + activities.warnings(guide, theme, paper=paper)
    modes = tuple(modes) if modes else (("student", "key") if key else ("student",))
    try:
        with labels.drawing(drawn) as drawn, pictures.drawing() as printed, picsize.noting() as small:  # a language
            out = render.render(guide, modes, paper=paper, theme=theme, font_for=font_for, sheet=sheet)  # not built
            # in is told the labels this build printed; a picture, that it has too few pixels or prints small
    except render.RenderFailed as exc:
        if exc.where.line:  # the renderer knows where
            raise BuildError(exc.where, exc.message) from None
        raise BuildError(*overflow.locate(guide, paper, font_for, exc, theme)) from None
    return out, (labels.retold(warnings, guide.language, guide.labels, drawn) + lowres.warnings(guide, printed)
                 + picsize.warnings(guide, small, theme, paper))


SKIPPABLE = ("reading", "summary", "objectives", "topics", "perspectives", "chart", "takeaways", "vocabulary",
             "questions", "activities", "coverage")


def skip_option(text: str) -> tuple[str, ...]:
    """``build --skip summary,vocabulary`` → the sections named; ValueError with the fix for a wrong name."""
    from .options import did_you_mean

    sections = tuple(dict.fromkeys(s.strip().lower() for s in text.split(",") if s.strip()))
    for name in sections:
        if name not in SKIPPABLE:
            raise ValueError(f"unknown section {name!r} ({did_you_mean(name, SKIPPABLE)}choose from {', '.join(SKIPPABLE)})")
    return sections


def skipping(guide: Guide, sections: Iterable[str] = ()) -> Guide:
    """The guide without some sections for one build (``build --skip``): the guide file is not touched.
    "vocabulary" leaves out the vocabulary table only; the activities made from it stay, unless
    "activities" is skipped too."""
    sections = tuple(sections or ())
    if not sections:
        return guide
    activities = () if "activities" in sections else guide.activities
    return dataclasses.replace(guide, omit=tuple(s for s in sections if s != "activities"), activities=activities)


def build(path: str | Path, out_dir: str | Path = "output", paper: Optional[str] = None, key: bool = True,
          activities: Optional[Iterable[str]] = None, theme: Optional[str] = None,
          guide: Optional[Guide] = None, skip: Iterable[str] = (), write: bool = True) -> BuildResult:
    """Load, render both documents in memory, then write them (``write``: else only ``files``); nothing is written on failure.

    ``activities`` (names from reading.schema.ACTIVITIES) replaces the guide's own `activities:` list;
    ``theme`` (a name or file, from --theme) replaces the guide's `theme:`; ``guide``: the guide
    at ``path``, already loaded.
    """
    with collector.paused():  # (the whole build, not only its layouts: reading the guide and the theme's fonts
        # first set off a fresh process's first full collection there, 11-18 ms of a 0.5 s build of 4 units)
        guide = guide or load(path, check_theme=not theme)
        if activities is not None:
            guide = dataclasses.replace(guide, activities=tuple(activities))
        guide = skipping(guide, skip)
        formats.check_skip(guide, skip)  # (a handout that would print its title alone)
        from . import sheets  # (reportlab: see the note at the top)
        from .layout.activities.small import too_small  # (the same)

        look = theme_for(guide, theme)
        guide, cut = too_small(guide, look, paper or guide.paper)  # a grid puzzle an A5 page would cut by a third
        rendered, warnings = render_guide(guide, paper, key, look)
        warnings = cut + list(warnings) + build_warnings(guide)
        if "student" in rendered:  # (the last question alone on a last page a tighter layout could not save: as check says)
            warnings += pagelint.alone_on_last_page(guide, rendered["student"], sheets.sheet_of(paper or guide.paper))
    return write_rendered(path, out_dir, guide, rendered, warnings, write)


def write_rendered(path: str | Path, out_dir: str | Path, guide: Guide, rendered: dict,
                   warnings: list[Problem], write: bool = True) -> BuildResult:
    """Write what :func:`render_guide` made of the guide at ``path``: every PDF, or none (see :func:`studyguide.files.write_all`);
    ``write`` false: named in ``files`` only, for the caller to write together with other files."""
    out_dir = Path(out_dir)
    result = BuildResult(guide, warnings=warnings)
    names = build_names(path, out_dir, key="key" in rendered)
    targets = {mode: names[mode, None] for mode in rendered}
    result.files = [(targets[mode], doc.pdf) for mode, doc in rendered.items()]
    if write:
        write_all(result.files, out_dir, guide=Path(path))  # both PDFs, or neither
    for mode, doc in rendered.items():
        result.outputs.append(Output(targets[mode], doc.pages, doc.question_pages))
    return result


@dataclass
class Checked:
    """What `studyguide validate` found in one file: ``error`` None when it is valid."""
    path: Path
    warnings: list[Problem] = field(default_factory=list)
    error: Optional[StudyguideError] = None
    holds: str = ""  # what it holds: "21 questions, 16 terms", or the keys a defaults file sets
    named: bool = True  # a defaults file is said 'ok' only when it or its folder was named


def validate(guides: list[Path], named: Iterable[str | Path] = ()) -> Iterator[Checked]:
    """Check each file: every folder's defaults file first, once (its mistakes would fail every guide
    beside it), then each guide with its defaults. ``named``: the paths given (none: guides/)."""
    named = {Path(p) for p in named or ["guides"]}
    shared = list(dict.fromkeys([p for p in guides if is_defaults_file(p)] +
                                [d for d in (defaults_file(p.parent) for p in guides) if d is not None]))
    for path in shared:
        try:
            root, warnings = load_defaults(path)
        except StudyguideError as exc:
            yield Checked(path, error=exc)
            continue
        keys = ", ".join(k.value for k, _ in getattr(root, "pairs", ())) or "nothing yet"
        yield Checked(path, list(warnings), holds=f"defaults for the guides beside it: {keys}",
                      named=path in named or path.parent in named)
    for path in (p for p in guides if not is_defaults_file(p)):
        try:
            guide = load(path)
        except StudyguideError as exc:
            yield Checked(path, error=exc)
            continue
        yield Checked(path, guide_warnings(guide), holds=f"{count(len(guide.questions), 'question')}, {count(len(guide.vocabulary), 'term')}")


def guide_warnings(guide: Guide) -> list[Problem]:
    """What `validate` warns of in a guide: what every command says, the starter's text left in, and what `check`
    finds in the guide itself (points on some questions only, a term used nowhere...), in the file's order;
    not what only its pages show (r11 trial: validate said 'ok' for a guide check warned about)."""
    from . import lint  # (pure: no reportlab, as validate loads none)

    said = list(guide.warnings) + scripts.warnings(guide.texts, guide.language) + starter_left(guide) + no_font(guide)
    found = [p for p in lint.check(guide) if str(p) not in {str(w) for w in said}]
    return sorted(said + found, key=lambda p: (p.where.file, p.where.line, p.where.col))  # (stable: as said)


def no_font(guide: Guide) -> list[Problem]:
    """`validate`'s warning for characters no font has, read from the bundled and installed fonts' character maps
    and, for a teacher's own theme, from the font files it names (`check` and `build` give it from the fonts they
    plan, which reportlab reads)."""
    own: frozenset[int] = frozenset()
    name = guide.theme
    if (name and name not in themefiles.bundled()) or themefiles.overridden(name or themefiles.DEFAULT, guide.path):
        from .theming import bundled  # (lazy, as in nofont.unprintable: only validate reads the fonts' maps)
        try:
            spec = themefiles.resolve(name, guide.path, guide.theme_where)
        except StudyguideError:  # (its mistakes are the guide's errors, which `validate` gives)
            return []
        own = bundled.own_coverage(spec.font_files, spec.family)
    texts = nofont.drawn_texts(guide)
    found = nofont.warning(texts, nofont.unprintable({c for _, text in texts for c in text}, own))
    return [found] if found else []


def overviews(paths: Iterable[str | Path] = ()) -> Iterator[tuple[Optional[tuple], Optional[StudyguideError]]]:
    """`studyguide list`: (row, None) for each guide of ``paths`` (folders or guides; none: guides/), or
    (None, the error) for one that fails. With several paths, each file is named by its path."""
    paths = [str(p) for p in paths] or ["guides"]
    for path in find_guides(paths):
        try:
            yield overview(path, str(path) if len(paths) > 1 else path.name), None
        except StudyguideError as exc:
            yield None, exc


def overview(path: Path, name: Optional[str] = None) -> tuple[str, str, str, str, str]:
    """A guide's row in `studyguide list`: file (``name``, else its name), title, questions, points and the pages
    `build` prints (without a crossword it leaves out: trial r10 M3 counted 14 pages, build printed 12)."""
    built = build(path, key=False, write=False)
    guide, total = built.guide, built.guide.total_points
    return (name or path.name, guide.title, str(len(guide.questions)), format_points(total) if total is not None else "–",
            str(built.outputs[0].pages))


def new_guide(path: str | Path, reading: Optional[str | Path] = None) -> None:
    """Write the commented starter guide to ``path``, which must not exist yet; with ``reading``, a
    plain-text file, the guide's title and `reading:` come from it (prompting/article.py)."""
    data = STARTER.read_bytes()
    if reading is not None:
        from .prompting.article import starter_with_reading

        data = starter_with_reading(data.decode("utf-8"), Path(reading)).encode("utf-8")
    files.write_new(path, data, GUIDE_SUFFIXES)


def cited_as_printed(guide: Guide, cites: Optional[set] = None) -> Guide:
    """The guide with its questions' citations of the reading written out ("lines 12–14") as its
    handout prints them (its own paper and theme): for the exports, which have no layout of their own.
    ``cites``: given, the citation labels the questions print are added to it (labels.drawing), so an export
    in a language without labels names them as the handout's check does."""
    if guide.reading is None:
        return guide
    from . import render, sheets
    from .layout import Ctx, passage
    from .theming.styles import make_styles

    theme = sheets.fit(theme_for(guide), guide.paper)
    font_for, _ = render.glyph_plan(guide, theme)
    ctx = Ctx(guide=guide, theme=theme, styles=make_styles(theme), fonts=font_for, mode="student",
              width=theme.page_size(guide.paper)[0] - 2 * theme.margin_x, height=0)
    with labels.drawing() as read:  # (laying out the reading reads labels the export does not print)
        passage.cite(ctx)
    if cites is not None:
        cites.update(key for key in read if key.startswith("cite_") or key == "next_to")
    return ctx.guide


@dataclass
class ExportOutcome:
    """One guide's export: the files written, the warnings, or the error that stopped it."""
    path: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error: Optional[StudyguideError] = None
    holds: str = ""  # what the files carry: "16 terms" or "21 questions"


def _one_file(out: Path, own: set[str], guides: int) -> Optional[Path]:
    """``out`` when ``-o`` names a file of the export's own extension (``-o deck.apkg``, not a folder there), for one
    guide; None for a folder. Several guides' files in one file's name are refused."""
    if out.suffix.lower() not in own or os.path.isdir(out):
        return None
    if guides > 1:
        raise UsageError(f"{out}: -o names one {out.suffix} file, and {guides} guides are exported: name a folder for "
                         f"their files (-o {out.with_suffix('')}/), or export one guide")
    return out


def export(guides: list[Path], fmt: str, out_dir: str | Path, apkg: bool = False) -> Iterator[ExportOutcome]:
    """Export each guide to ``fmt`` into ``out_dir``: each guide's files all written, or none of them."""
    from .export import export_one, exporter as exporter_for, extensions, holds  # (their xml, zip and sqlite: only
    # for an export)

    if apkg and fmt != "anki":
        raise UsageError("--apkg goes with --to anki (it writes an Anki deck package)")
    if apkg:
        from .export.anki import export_with_apkg as exporter  # (the same: only for an export)
    else:
        exporter = exporter_for(fmt)
    named = _one_file(Path(out_dir), extensions(fmt, apkg), len(guides))  # -o deck.apkg: that file
    if named is not None:
        out_dir = named.parent
    files.check_folder(out_dir)
    made_all = []  # every guide's files made in memory and named before any is written
    for path in guides:
        try:
            cites: set = set()  # the citations' labels: every export of the questions prints them (not the cards)
            guide = cited_as_printed(written := load(path), cites)  # citations of the reading as the handout prints them
            with labels.drawing(set() if fmt.lower() in ("quizlet", "anki") else cites) as drawn:  # the labels the file prints: those left in English are named
                made, warnings = export_one(exporter, written, guide, fmt)
            if named is not None:  # its file of that extension takes the name; any other keeps its own beside it
                made = [(named.name if name.lower().endswith(named.suffix.lower()) else name, data) for name, data in made]
            told = labels.retold(list(guide.warnings), guide.language, guide.labels, drawn, f"the {fmt} export prints")
            made_all.append((path, dataclasses.replace(guide, warnings=tuple(told)), made, warnings, None))
        except StudyguideError as exc:
            made_all.append((path, None, [], [], exc))
    clash = clashes([(path, [Path(out_dir) / name for name, _ in made])
                     for path, _, made, _, error in made_all if error is None])
    for path, guide, made, warnings, error in made_all:
        from .interrupts import raise_if_interrupted

        raise_if_interrupted()  # a signal that came while the last guide's files went in
        if error is not None or path in clash:
            yield ExportOutcome(path, error=error or GuideError(clash[path]))
            continue
        outcome = ExportOutcome(path, warnings=list(guide.warnings) + list(warnings), holds=holds(guide, warnings, fmt))
        try:
            outcome.written = files.write_into(Path(out_dir), made) if made else []
        except StudyguideError as exc:
            outcome.error = exc
        yield outcome
