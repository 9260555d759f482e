"""Which files are guides: the guides named, and those in the folders named (``build guides/``), said
plainly when a name is wrong; and a folder's defaults file, which every guide beside it inherits:
found by its name in any capitals, read once per process and checked like a guide. api.load and
api.validate read guides through these."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional

from . import misplaced, spaced
from .errors import Location, Problem, UsageError
from .files import read_guide_bytes
from .reading import loader, schema

GUIDE_SUFFIXES = (".yaml", ".yml")


def find_guides(paths: Iterable[str | Path]) -> list[Path]:
    """Guide files named directly, and the *.yaml / *.yml files in named folders (sorted)."""
    found: list[Path] = []
    paths = list(paths)
    for at, raw in enumerate(paths):
        path = Path(raw)
        try:
            if not (path.exists() or path.is_symlink()) and (name := spaced.joined(paths, at)):
                raise UsageError(spaced.split_message(str(raw), name))  # 'build my guide.yaml', unquoted
            if path.is_dir():  # a folder's defaults file is not a guide (see load_defaults)
                found += sorted(p for p in path.iterdir() if p.suffix.lower() in GUIDE_SUFFIXES and p.is_file()
                                and not is_defaults_file(p))
            elif path.exists() or path.is_symlink():
                found.append(path)
            else:
                raise UsageError(_missing(path))
        except OSError as exc:
            raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    # one file named twice ('g.yaml ./g.yaml', 'a/base.yaml a/../a/base.yaml', a folder and a guide in it)
    # is one guide: built once, not refused as two guides writing the same PDFs
    seen: set = set()
    return [p for p in found if not ((key := (os.path.realpath(p.parent), p.name)) in seen or seen.add(key))]


def guides_in(paths: Iterable[str | Path]) -> list[Path]:
    """:func:`find_guides` over ``paths`` (none: guides/); a UsageError when there is no guide."""
    paths = [str(p) for p in paths] or ["guides"]
    guides = find_guides(paths)
    if not guides:
        raise UsageError(misplaced.none_found(paths))  # naming a guide saved as .txt
    return guides


def _missing(path: Path) -> str:
    """What was looked for, where, and what to do: a teacher in the wrong folder sees why."""
    first = Path(path.parts[0]) if path.parts else path
    near = misplaced.nearby(path)  # 'water-cycle.yaml' for guides/water-cycle.yaml
    if near is not None:
        return f"{path}: no such file or folder; did you mean {spaced.typed(near)}?"
    if path.is_absolute() or first.exists():
        return f"{path}: no such file or folder"
    here = Path.cwd()
    if path == Path("guides"):
        return (f"no guides/ folder in {here} (studyguide looks for guides/ in the folder it runs in): go to the "
                "folder that holds guides/ (cd FOLDER) and run it again, name a guide or a folder of guides, "
                "or start one with: studyguide new guides/my-guide.yaml")
    return (f"{path}: no such file or folder: there is no {first}/ in {here} (go to the folder that holds "
            f"{first}/ and run it again, or give the guide's full path)") if len(path.parts) > 1 else \
        f"{path}: no such file or folder"


DEFAULTS_NAMES = (schema.DEFAULTS_FILE, schema.DEFAULTS_FILE[:-5] + ".yml")  # studyguide.yaml, .yml


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
