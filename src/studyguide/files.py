"""Files in and out: a guide's bytes, safe output names, and all-or-nothing writes.

Everything that touches the disk for a build passes here: :mod:`studyguide.api`, the classroom
sets and the exporters alike. A guide is read only when it is a regular file under the size cap;
output names keep only letters, digits and a few marks; files are written to temporary files
first and renamed into place together, so a failure leaves the previous files as they were.
"""
from __future__ import annotations

import os
import re
import secrets
import stat
import tempfile
import unicodedata
from pathlib import Path

from .errors import BuildError, GuideError, Location, Problem, UsageError
from .reading import loader


def read_guide_bytes(path: Path) -> bytes:
    """The guide's bytes, at most the size cap; only a regular file is ever opened (never a FIFO or device)."""
    where = Location(str(path), 1)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise GuideError([Problem(where, f"cannot be read ({exc.strerror or exc})")]) from None
    if not stat.S_ISREG(st.st_mode):
        raise GuideError([Problem(where, "is not a regular file; name a .yaml guide file")])
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
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
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
        for target in reversed(replaced):
            try:
                if target in backups:
                    os.replace(backups.pop(target), target)
                elif target in new:
                    os.unlink(target)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise BuildError(Location(str(current)), f"cannot be written ({exc.strerror or exc}); the PDF that was there is unchanged") from None
        raise
    finally:
        for leftover in [tmp for tmp, _ in temps] + list(backups.values()):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


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


def write_new(target: str | Path, data: bytes) -> None:
    """A file that must not exist yet (``studyguide new``): a UsageError rather than overwrite one."""
    try:
        Path(target).parent.mkdir(parents=True, exist_ok=True)  # 'new guides/my-guide.yaml' in a fresh folder
        with open(target, "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise UsageError(f"{target}: already exists; choose a new file name") from None
    except OSError as exc:
        raise UsageError(f"{target}: cannot be written ({exc.strerror})") from None
