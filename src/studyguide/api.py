"""The pipeline as plain functions: find, load, validate, build. Files are written last.

The CLI is a thin layer over these; tests and later outputs call them directly.
"""
from __future__ import annotations

import dataclasses
import os
import re
import secrets
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from . import loader, schema
from .interrupts import Interrupted, deferred  # noqa: F401  (Interrupted: part of the api)
from .errors import BuildError, GuideError, Location, Problem, UsageError
from .model import Guide

GUIDE_SUFFIXES = (".yaml", ".yml")


def find_guides(paths: Iterable[str | Path]) -> list[Path]:
    """Guide files named directly, and the *.yaml / *.yml files in named folders (sorted)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():  # a folder's defaults file is not a guide (see load_defaults)
                found += sorted(p for p in path.iterdir() if p.suffix.lower() in GUIDE_SUFFIXES and p.is_file()
                                and not is_defaults_file(p))
            elif path.exists() or path.is_symlink():
                found.append(path)
            else:
                raise UsageError(f"{path}: no such file or folder")
        except OSError as exc:
            raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return found


def read_guide_bytes(path: Path) -> bytes:
    """The guide's bytes, at most the size cap; only a regular file is ever opened (never a FIFO or device),
    and never through a link that leads out of its folder (a shared folder's x.yaml → /etc/shadow)."""
    where = Location(str(path), 1)
    if os.path.islink(path) and not _inside(Path(path).resolve(), Path(path).absolute().parent.resolve()):
        raise GuideError([Problem(where, "is a link that leads outside its folder; copy the file in instead")])
    try:
        st = os.stat(path)
    except OSError as exc:
        raise GuideError([Problem(where, f"cannot be read ({exc.strerror or exc})")]) from None
    if not stat.S_ISREG(st.st_mode):
        fix = ("the folder's defaults file must be a YAML file; move this away" if is_defaults_file(Path(path))
               else "name a .yaml guide file")
        raise GuideError([Problem(where, f"is not a regular file; {fix}")])
    if st.st_size > loader.MAX_BYTES:
        raise GuideError([Problem(where, f"the file is {st.st_size:,} bytes; a guide may be at most {loader.MAX_BYTES:,} bytes (split it into several guides)")])
    try:  # non-blocking, and checked again once open: a file swapped for a FIFO meanwhile cannot hang the read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise GuideError([Problem(where, f"cannot be read ({exc.strerror or exc})")]) from None
    with open(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise GuideError([Problem(where, "is not a regular file; name a .yaml guide file")])
        return fh.read(loader.MAX_BYTES + 1)


DEFAULTS_NAMES = (schema.DEFAULTS_FILE, schema.DEFAULTS_FILE[:-5] + ".yml")  # studyguide.yaml, .yml


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def is_defaults_file(path: Path) -> bool:
    return path.name.lower() in DEFAULTS_NAMES


def defaults_file(folder: Path) -> Optional[Path]:
    """The defaults file every guide in ``folder`` inherits from, if there is one.

    Found by its name in any capitals (StudyGuide.yaml is the same file on Windows and macOS, so it
    is here too), and whatever it is: a folder or a FIFO by that name is reported by the reader,
    not skipped. Two of them (studyguide.yaml and StudyGuide.yml) are a UsageError naming both.
    """
    try:
        found = sorted(p for p in folder.iterdir() if is_defaults_file(p))
    except OSError:
        return None
    if len(found) > 1:
        raise UsageError(f"{folder}: {' and '.join(p.name for p in found)} are both the defaults file of this folder; "
                         f"keep one, named {schema.DEFAULTS_FILE}")
    return found[0] if found else None


_defaults_cache: dict = {}


def load_defaults(path: Path) -> tuple[Optional[loader.Map], list[Problem]]:
    """A defaults file's mapping and warnings, checked like a guide (GuideError with every problem).

    Read once per process while the file is unchanged: a folder of guides shares it.
    """
    try:
        st = os.stat(path)
        stamp = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None  # read_guide_bytes says what is wrong, with the file's name
    if stamp in _defaults_cache:
        return _defaults_cache[stamp]
    data = read_guide_bytes(path)
    root, warnings = loader.parse_with_warnings(data, str(path))
    schema.check_defaults(root, str(path), path)
    if path.name not in DEFAULTS_NAMES:  # StudyGuide.yaml: used, as Windows and macOS would
        warnings = list(warnings) + [Problem(Location(str(path), 1), f"read as the folder's defaults file; "
                                             f"name it {schema.DEFAULTS_FILE}, in small letters", warning=True)]
    _defaults_cache.clear()
    _defaults_cache[stamp] = (root, warnings)
    return root, warnings


def load(path: str | Path, check_theme: bool = True) -> Guide:
    """Read and validate one guide, with the defaults file beside it; raises GuideError listing every problem.

    A defaults file's keys apply where the guide does not give them; labels, headings and
    accommodations are merged key by key. ``check_theme``: read the guide's theme too.
    """
    path = Path(path)
    if is_defaults_file(path):
        load_defaults(path)  # its own mistakes first, with their lines
        raise UsageError(f"{path}: is the defaults file every guide in its folder inherits, not a guide; "
                         "build or validate the folder or the guides beside it")
    data = read_guide_bytes(path)
    root, warnings = loader.parse_with_warnings(data, str(path))
    shared = defaults_file(path.parent)
    if shared is not None:
        defaults, more = load_defaults(shared)
        root = schema.merge_defaults(defaults, root)
        warnings = list(more) + list(warnings)
    guide = schema.to_guide(root, str(path), path, warnings)
    if check_theme:
        from . import themes

        if guide.theme or themes.overridden(themes.DEFAULT, path):
            themes.resolve(guide.theme, path, guide.theme_where)
    return guide


def theme_for(guide: Guide, override: Optional[str] = None, edition: Optional[str] = None):
    """The theme a guide is drawn with: ``override`` (--theme) over the guide's `theme:` over the default;
    then made into an accommodation edition if one is asked for."""
    from . import theme as theme_mod

    where = Location("--theme") if override else guide.theme_where
    if override and override.lower().endswith((".yaml", ".yml")) and Path(override).is_file():
        # --theme guides/themes/mine.yaml, as the shell completes it: the same file, named from the guide
        inside = os.path.relpath(Path(override).resolve(), guide.path.resolve().parent)
        override = inside if not inside.startswith("..") else override
    base = theme_mod.load(override or guide.theme, guide.path, where)
    return theme_mod.for_edition(edition, base) if edition else base


_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def safe_stem(stem: str) -> str:
    """A file name made only of letters (any script), digits, '-', '_' and '.'.

    Never hidden, empty, a Windows device name (CON, NUL, ...) or too long for a
    file system; no path separator, control or direction-override character survives.
    """
    stem = unicodedata.normalize("NFC", stem)
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "-_." else " " for c in stem)
    clean = re.sub(r"\s+", "-", kept.strip()).strip(".-")
    while len(clean.encode("utf-8")) > 150:
        clean = clean[:-1]
    clean = clean.rstrip(".-") or "guide"
    if clean.split(".")[0].upper() in _WINDOWS_DEVICES:
        clean += "-guide"
    return clean


def output_name(source: str | Path, *tags: Optional[str], ext: str = ".pdf") -> str:
    """The name of one file a command writes; every command names its outputs here, and only here.

    ``source``: the guide file (its name without the extension is used) or a plain stem; ``tags``
    say which output it is (an edition, the accommodations, a version letter, "key", "grid"...),
    joined by "-"; empty tags are left out. Each part is made safe on its own (see safe_stem), so
    a long guide name is shortened without losing the tags that tell its outputs apart.
    """
    stem = Path(source).stem if isinstance(source, Path) else source
    parts = [safe_stem(stem)] + [safe_stem(str(t)) for t in tags if t]
    return "-".join(parts) + ext


def build_names(source: str | Path, out_dir: str | Path, tags: Iterable[Optional[str]] = (),
                letters: Iterable[Optional[str]] = (None,), key: bool = True,
                class_set: bool = False) -> dict[tuple[str, Optional[str]], Path]:
    """Every PDF a build of one guide writes, by (kind, version letter): kind is student, key,
    grid (one per version), class-set or class-set-key. ``tags``: the edition and accommodations."""
    out, tags, source = Path(out_dir), [t for t in tags if t], Path(source)
    names: dict[tuple[str, Optional[str]], Path] = {}
    for letter in letters:
        names["student", letter] = out / output_name(source, *tags, letter)
        if key:
            names["key", letter] = out / output_name(source, *tags, letter, "key")
        if letter:
            names["grid", letter] = out / output_name(source, *tags, letter, "grid")
    if class_set:
        names["class-set", None] = out / output_name(source, *tags, "class-set")
        if key:
            names["class-set-key", None] = out / output_name(source, *tags, "class-set-key")
    return names


def name_key(name: str) -> str:
    """What a file system may see of a name: one file on macOS and Windows for names that differ
    only in case or in how an accent is encoded. Folders travel, so names are compared this way everywhere."""
    return unicodedata.normalize("NFC", name).casefold()


def clashes(plans: list[tuple[Path, list[Path]]]) -> dict[Path, list[Problem]]:
    """The sources (guides) whose planned outputs would be the same file as another's, each with a
    message naming the other. ``plans``: (source, every file it would write), in command order.
    A source that clashes with another is built by neither: each would replace the other's file."""
    owner: dict[str, tuple[Path, Path]] = {}
    found: dict[Path, list[Problem]] = {}
    seen: set[tuple[Path, Path]] = set()
    for source, targets in plans:
        for target in targets:
            key = name_key(str(target.parent / target.name))
            if key not in owner:
                owner[key] = (source, target)
                continue
            other, theirs = owner[key]
            if other == source or (other, source) in seen:
                continue
            seen.add((other, source))
            for a, mine, b, yours in ((source, target, other, theirs), (other, theirs, source, target)):
                same = mine.name == yours.name
                why = ("both would write it, so one would replace the other" if same else
                       f"{b} writes {yours.name}, and on Windows and macOS the two names are one file")
                found.setdefault(a, []).append(Problem(
                    Location(str(a), 1),
                    f"its output {mine} is also an output of {b} ({why}); neither was written: "
                    "rename one of the two files"))
    return found


def _check_target(target: Path) -> None:
    if target.is_symlink():
        raise BuildError(Location(str(target)), "is a symbolic link; remove it so the PDF can be written in its place")
    if target.exists() and not target.is_file():
        raise BuildError(Location(str(target)), "is not a regular file; move it away so the PDF can be written in its place")


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write every file or none.

    Each file goes to a temporary file beside its target and is synced; only
    when all are complete are they renamed into place. If a rename fails, the
    files already replaced are put back from hard links kept to them. So a
    failure at any point (a full disk, a refused rename) leaves every previous
    file byte for byte as it was, and no temporary file behind. Nothing is
    written through a symbolic link: one in a target's place is refused, and a
    rename replaces a name, never what it points to.
    """
    for target, _ in files:
        _check_target(target)
    temps: list[tuple[str, Path]] = []
    backups: dict[Path, str] = {}
    new = {target for target, _ in files if not target.exists()}
    replaced: list[Path] = []
    current = files[0][0] if files else None
    try:
        for target, data in files:
            current = target
            with deferred():  # a temporary file made is a temporary file remembered, to be removed
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
                temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        # From the first hard link to the last rename, a signal waits: the set is put in place whole.
        with deferred():
            if len(files) > 1:
                for _, target in temps:
                    if target.is_file():
                        backup = str(target.parent / f".{target.name}.{secrets.token_hex(4)}.old.tmp")
                        try:
                            os.link(target, backup)
                            backups[target] = backup
                        except OSError:  # no hard links here: the renames below rarely fail anyway
                            pass
            for tmp, target in temps:
                current = target
                os.replace(tmp, target)
                replaced.append(target)
    except BaseException as exc:  # put back what was already replaced (a full disk, an interrupt)
        with deferred():
            for target in reversed(replaced):
                try:
                    if target in backups:
                        os.replace(backups.pop(target), target)
                    elif target in new:
                        os.unlink(target)
                except OSError:
                    pass
        if isinstance(exc, OSError):
            kept = ("nothing was written" if not {t for t, _ in files} - new else
                    "the file that was there is unchanged" if len(files) == 1 else
                    "the files that were there are unchanged")
            raise BuildError(Location(str(current)), f"cannot be written ({exc.strerror or exc}); {kept}") from None
        raise
    finally:
        with deferred():
            for leftover in [tmp for tmp, _ in temps] + list(backups.values()):
                try:
                    os.unlink(leftover)
                except FileNotFoundError:
                    pass


def write_atomic(target: Path, data: bytes) -> None:
    """One file, written as :func:`write_all` writes several."""
    write_all([(target, data)])


def export_all(paths: list[Path], exporter, out_dir: str | Path) -> list[tuple]:
    """Each guide's export made in memory, before any is written: (path, guide, files, warnings, error).

    ``error`` is the guide's StudyguideError, if it cannot be read or exported, or if one of its
    files would be another guide's too (see :func:`clashes`): then neither guide's files are written.
    """
    from .errors import StudyguideError

    made = []
    for path in paths:
        try:
            guide = load(path)
            files, warnings = exporter(guide)
            made.append((path, guide, files, warnings, None))
        except StudyguideError as exc:
            made.append((path, None, [], [], exc))
    clash = clashes([(path, [Path(out_dir) / name for name, _ in files])
                     for path, _, files, _, error in made if error is None])
    return [(path, guide, files, warnings, GuideError(clash[path]) if path in clash else error)
            for path, guide, files, warnings, error in made]


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


def render_guide(guide: Guide, paper: Optional[str] = None, key: bool = True,
                 theme=None, modes: Optional[Iterable[str]] = None) -> tuple[dict, list[Problem]]:
    """Render in memory: {"student": Rendered, "key": Rendered}, and glyph warnings.
    ``theme``: a Theme (default: the guide's own, see :func:`theme_for`).
    ``modes`` names the documents to draw (default: the handout, and the key unless ``key`` is false).
    The layout does not depend on the mode, so ``modes=("key",)`` draws the same key, byte for byte,
    as drawing both: watch draws the handout and the key in two processes at once this way.
    """
    from . import render  # layout code loads only when something is drawn

    from .layout import activities

    theme = theme or theme_for(guide)
    font_for, glyph_warnings = render.glyph_plan(guide, theme)
    warnings = list(guide.warnings) + glyph_warnings + activities.warnings(guide, theme, paper=paper)
    modes = tuple(modes) if modes else (("student", "key") if key else ("student",))
    try:
        out = render.render(guide, modes, paper=paper, theme=theme, font_for=font_for)
    except render.RenderFailed as exc:
        if exc.where.line:  # the renderer knows where
            raise BuildError(exc.where, exc.message) from None
        raise BuildError(*_locate_overflow(guide, paper, font_for, exc, theme)) from None
    return out, warnings


def _locate_overflow(guide: Guide, paper, font_for, exc, theme=None) -> tuple[Location, str]:
    """Where a part taller than a page comes from: the question that fails on its own.

    Only run when a layout has already failed: the questions are halved until
    one is left (each try lays out that half alone), so the teacher is sent to
    the question's line instead of a page number.
    """
    from . import render

    def fails(questions) -> bool:
        alone = dataclasses.replace(guide, questions=tuple(q for _, q in questions), summary=(), objectives=(),
                                    topics=(), perspectives=(), benefits=(), criticisms=(), takeaways=(),
                                    vocabulary=())
        try:
            render.render(alone, ("student",), paper=paper, theme=theme, font_for=font_for)
        except render.RenderFailed:
            return True
        return False

    questions = list(enumerate(guide.questions, 1))
    if questions and fails(questions):
        while len(questions) > 1:
            half = questions[: len(questions) // 2]
            questions = half if fails(half) else questions[len(questions) // 2:]
        number, question = questions[0]
        return question.where, (f"question {number} is taller than a page and cannot be split across pages "
                                "(shorten its explanation, or its longest item or pair)")
    page = re.search(r"on page (\d+)", exc.message)
    at = f" (on page {page.group(1)})" if page else ""
    return exc.where, f"a part of the guide is taller than a page and cannot be split across pages{at}; shorten it"


def build(path: str | Path, out_dir: str | Path = "output", paper: Optional[str] = None, key: bool = True,
          activities: Optional[Iterable[str]] = None, theme: Optional[str] = None,
          guide: Optional[Guide] = None) -> BuildResult:
    """Load, render both documents in memory, then write them; nothing is written on failure.

    ``activities`` (names from schema.ACTIVITIES) replaces the guide's own `activities:` list;
    ``theme`` (a name or file, from --theme) replaces the guide's `theme:`; ``guide``: the guide
    at ``path``, already loaded.
    """
    guide = guide or load(path, check_theme=not theme)
    if activities is not None:
        guide = dataclasses.replace(guide, activities=tuple(activities))
    rendered, warnings = render_guide(guide, paper, key, theme_for(guide, theme))
    return write_rendered(path, out_dir, guide, rendered, warnings)


def write_rendered(path: str | Path, out_dir: str | Path, guide: Guide, rendered: dict,
                   warnings: list[Problem]) -> BuildResult:
    """Write what :func:`render_guide` made of the guide at ``path``: every PDF, or none (see :func:`write_all`)."""
    out_dir = Path(out_dir)
    result = BuildResult(guide, warnings=warnings)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(Location(str(out_dir)), f"the output folder cannot be made ({exc.strerror or exc})") from None
    names = build_names(path, out_dir, key="key" in rendered)
    targets = {mode: names[mode, None] for mode in rendered}
    write_all([(targets[mode], doc.pdf) for mode, doc in rendered.items()])  # both PDFs, or neither
    for mode, doc in rendered.items():
        result.outputs.append(Output(targets[mode], doc.pages, doc.question_pages))
    return result
