"""Files in and out: a guide's bytes, safe output names, and all-or-nothing writes.

Everything that touches the disk for a build passes here: :mod:`studyguide.api`, the classroom
sets and the exporters alike. A guide is read only when it is a regular file under the size cap;
output names keep only letters, digits and a few marks; files are written to temporary files
first and renamed into place together, so a failure leaves the previous files as they were.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import ondisk
from .errors import BuildError, GuideError, Location, Problem, UsageError
from .images import inside
from .interrupts import deferred
from .owners import check as check_owners
from .reading import loader


def _file_mode() -> int:
    """The mode a new file gets from open(): rw for all, less the process's umask (read once, at import, while
    nothing else runs: os.umask can only be read by setting it). mkstemp makes its files private (0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


def _fill(fd: int, tmp: str, data: bytes) -> None:
    """Write ``data`` to the temporary file ``tmp`` (open as ``fd``), on disk before it is linked in, with the
    mode a new file gets."""
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, FILE_MODE)


def read_guide_bytes(path: Path) -> bytes:
    """The guide's bytes, at most the size cap; only a regular file is ever opened (never a FIFO or device),
    and never through a link that leads out of its folder (a shared folder's x.yaml → /etc/shadow)."""
    where = Location(str(path), 1)
    trouble = ondisk.link_trouble(path)  # a loop (l1.yaml → l2.yaml → l1.yaml), or a link to a file not there
    if trouble:
        raise GuideError([Problem(where, trouble)])
    if os.path.islink(path) and not inside(Path(path).resolve(), Path(path).absolute().parent.resolve()):
        raise GuideError([Problem(where, "is a link that leads outside its folder; copy the file in instead")])
    fix = ("the folder's defaults file must be a YAML file; move this away" if _is_defaults(Path(path))
           else "name a .yaml guide file")
    return read_regular(path, where, fix, loader.MAX_BYTES, lambda size: (
        f"the file is {size:,} bytes; a guide may be at most {loader.MAX_BYTES:,} bytes (split it into several guides)"))


def read_regular(path: Path, where: Location, fix: str, limit: int, too_large: Callable[[int], str]) -> bytes:
    """The bytes of the file at ``path`` (a guide, a bank to import, an article), at most ``limit`` + 1 of
    them: only a regular file is ever opened, never a FIFO or device, whose read would wait for ever or
    never end. Else a GuideError at ``where``: "is not a regular file; ``fix``", or ``too_large(size)``."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise GuideError([Problem(where, f"cannot be read ({exc.strerror or exc})")]) from None
    if not stat.S_ISREG(st.st_mode):
        raise GuideError([Problem(where, f"is not a regular file; {fix}")])
    if st.st_size > limit:
        raise GuideError([Problem(where, too_large(st.st_size))])
    try:  # non-blocking, and checked again once open: a file swapped for a FIFO meanwhile cannot hang the read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise GuideError([Problem(where, f"cannot be read ({exc.strerror or exc})")]) from None
    with open(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise GuideError([Problem(where, f"is not a regular file; {fix}")])
        return fh.read(limit + 1)


def _is_defaults(path: Path) -> bool:
    return path.name.lower() in ("studyguide.yaml", "studyguide.yml")  # guidefiles.DEFAULTS_NAMES (it imports this module)


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
        if letter and key:  # the grid is the answers too
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


# what each kind of file we write is called in a refusal (a teacher with a link in an export's place is not
# told about a PDF)
_KINDS = {".pdf": "the PDF", ".yaml": "the guide", ".yml": "the guide", ".xml": "the Moodle XML export",
          ".zip": "the QTI export", ".apkg": "the Anki deck", ".txt": "the text export", ".csv": "the CSV export",
          ".xlsx": "the spreadsheet export"}


def _check_target(target: Path) -> None:
    kind = _KINDS.get(target.suffix.lower(), "the new file")
    if target.is_symlink():
        raise BuildError(Location(str(target)), f"is a symbolic link; remove it so {kind} can be written in its place")
    if target.exists() and not target.is_file():
        raise BuildError(Location(str(target)), f"is not a regular file; move it away so {kind} can be written in "
                                                "its place")


def write_all(files: list[tuple[Path, bytes]], folder: Optional[Path] = None,
              then: Optional[Callable[[], None]] = None, guide: Optional[Path] = None) -> None:
    """Write every file or none (``folder``: the one they go in, made first if it is missing; ``then``:
    called once the last is in place, before a signal that came meanwhile can interrupt; ``guide``: the
    guide file they are made from, for :func:`studyguide.owners.check`).

    Each file goes to a temporary file beside its target and is synced; only
    when all are complete are they renamed into place. If a rename fails, the
    files already replaced are put back from hard links kept to them. So a
    failure at any point (a full disk, a refused rename) leaves every previous
    file byte for byte as it was, and no temporary file behind. Nothing is
    written through a symbolic link: one in a target's place is refused, and a
    rename replaces a name, never what it points to.
    """
    if folder is not None:
        make_folder(Path(folder))
    for target, _ in files:
        _check_target(target)
    check_owners(files, guide)  # never over another guide's PDF (``guide``: theirs), or a file of the teacher's own
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
            _fill(fd, tmp, data)
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
            if then is not None:
                then()
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


def check_folder(folder: str | Path) -> None:
    """Before any work: the output folder named with -o is a folder, or can be one (UsageError if not).

    A file or device in its place (-o /dev/null) is named as such; a folder that takes no new
    files (-o /proc, -o /sys, a read-only disk) is found by making, and removing, an empty file.
    """
    from .errors import UsageError

    folder = Path(folder)
    try:
        is_dir = folder.is_dir()
        if not is_dir and folder.exists():
            raise UsageError(f"{folder}: is not a folder; name a folder for the files with -o")
    except OSError as exc:  # a name too long for the file system (ENAMETOOLONG), a loop of links
        raise UsageError(f"{folder}: cannot be the folder for the files ({exc.strerror or exc}); "
                         "name another folder with -o") from None
    if is_dir:
        try:
            with deferred():  # the probe is removed even if a signal comes meanwhile
                fd, probe = tempfile.mkstemp(prefix=".studyguide-", suffix=".tmp", dir=folder)
                os.close(fd)
                os.unlink(probe)
        except OSError as exc:
            raise UsageError(f"{folder}: new files cannot be written in this folder ({exc.strerror or exc}); "
                             "name another folder with -o") from None


def make_folder(folder: Path) -> Path:
    """``folder``, made if it is missing (with its parents); a BuildError if it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(Location(str(folder)), f"the output folder cannot be made ({exc.strerror or exc})") from None
    return folder


def write_into(folder: Path, named: list[tuple[str, bytes]]) -> list[Path]:
    """Files by name into ``folder`` (made if missing): every one of them or none, as :func:`write_all`."""
    make_folder(folder)
    targets = [(folder / name, data) for name, data in named]
    write_all(targets)
    return [target for target, _ in targets]


def write_new(target: str | Path, data: bytes, kin: tuple[str, ...] = ()) -> None:
    """A file that must not exist yet (``studyguide new``): a UsageError rather than overwrite one, or
    (``kin``: the guides' extensions) make a guide whose PDFs would be another's (see :func:`twin`)."""
    clash = twin_clash(Path(target), kin)
    if clash:
        raise UsageError(f"{target}: {clash}")
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)  # 'new guides/my-guide.yaml' in a fresh folder
        create_new(Path(target), data)
    except FileExistsError:
        raise UsageError(f"{target}: already exists; choose a new file name") from None
    except OSError as exc:
        raise UsageError(f"{target}: {not_written(exc)}") from None



_FIXES = {errno.ENOSPC: "free some space on that disk, or choose another folder",
          errno.EDQUOT: "free some space on that disk, or choose another folder",
          errno.ENAMETOOLONG: "choose a shorter name", errno.ENOENT: "choose a folder that exists and takes files"}


def not_written(exc: OSError) -> str:
    """Why a new file was not made, and what to do: "cannot be written (No space left on device); ..."."""
    fix = _FIXES.get(exc.errno, "choose a folder you can write to")
    return f"cannot be written ({exc.strerror or exc}); nothing was written: {fix}"


def create_new(target: Path, data: bytes) -> None:
    """Put ``data`` at ``target`` whole, or nothing at all; never over a file already there (FileExistsError).

    The bytes go to a temporary file beside the target and are synced first; only then is the
    complete file linked in under its name, which fails if the name was taken meanwhile. A full
    disk or any other OSError leaves neither a part-written target nor the temporary file behind.
    """
    if os.path.lexists(target):  # said before writing, so a full disk does not hide it
        raise FileExistsError(errno.EEXIST, "already exists", str(target))
    with deferred():  # a temporary file made is a temporary file remembered, to be removed
        fd, tmp = tempfile.mkstemp(prefix=".studyguide-", suffix=".tmp", dir=target.parent)
    try:
        _fill(fd, tmp, data)
        with deferred():
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise
            except OSError:  # no hard links on this disk (FAT): take the name empty, then put the file in it
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
                try:
                    os.replace(tmp, target)
                except BaseException:
                    os.unlink(target)
                    raise
    finally:
        with deferred():
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass


def twin_clash(target: Path, kin: tuple[str, ...]) -> str:
    """What is wrong with making ``target`` (a new guide) beside its :func:`twin`, or under the name of a folder's
    defaults file (every guide beside it would then fail), or "" if nothing is."""
    if kin and _is_defaults(target):
        return (f"{target.name} is the name of a folder's defaults file (the keys its guides share, not a guide "
                "of its own); choose another name")
    other = twin(target, kin)
    return "" if other is None else (f"{other.name} is already a guide in that folder, and the two names would make "
                                     "the same PDF files (capitals and the extension do not count); choose another name")


def twin(target: Path, kin: tuple[str, ...]) -> Optional[Path]:
    """A file ending in one of ``kin`` beside ``target`` whose outputs would be target's (Base.yaml beside
    base.yaml, x.YAML beside x.yml): their names as output_name makes them are one name (see name_key)."""
    if not kin:
        return None
    key = name_key(safe_stem(target.stem))
    try:
        names = sorted(os.listdir(target.parent))
    except OSError:  # a missing folder has no guides; one that cannot be read is named by the write
        return None
    return next((target.parent / n for n in names if n != target.name and not _is_defaults(Path(n))
                 and Path(n).suffix.lower() in kin and name_key(safe_stem(Path(n).stem)) == key), None)
