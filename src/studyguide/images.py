"""Finding and checking a guide's images without trusting the guide.

An image is named relative to the guide's folder or to the ``assets/`` folder
beside the guides folder. Only regular files inside those folders are opened
(never a FIFO, device or folder, never through a link that leads out), up to a
size cap, and only PNG, JPEG or GIF within a pixel cap.
"""
from __future__ import annotations

import difflib
import errno
import itertools
import math
import os
import re
import stat
import struct
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Optional

from . import ondisk

MAX_IMAGE_BYTES = 20_000_000
# A 12-megapixel phone photo fits; the PDF library decodes each image in full (twice: handout
# and key), so this cap is what keeps a build under 300 MB of memory.
MAX_PIXELS = 13_000_000
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF"}


def search_roots(guide_path: Path) -> list[Path]:
    folder = guide_path.resolve().parent
    return [folder, folder.parent / "assets"]


def resolve(name: str, guide_path: Path) -> tuple[Optional[Path], Optional[str]]:
    """Return (path, None) for a usable image, or (None, what to fix)."""
    real, problem = locate(name, guide_path, "image", "an image file (PNG, JPEG or GIF)", MAX_IMAGE_BYTES)
    if real is None:
        return None, problem
    problem = check(real)
    if problem:
        return None, f"'{name}' {problem}"
    return real, None


def locate(name: str, guide_path: Path, what: str, kind: str, max_bytes: int) -> tuple[Optional[Path], Optional[str]]:
    """A regular file named relative to the guide's folder or assets/, never leading out of them.

    Returns (real path, None), or (None, what to fix); ``what`` names the file
    ("image", "font") and ``kind`` the files accepted, in messages.
    """
    if _WEB.match(name):
        return None, (f"'{name}' is a web address; download the {what} into the guide's folder or the assets/ "
                      "folder and name that file (a guide names files, not addresses)")
    posix = name.replace("\\", "/")  # 'pics\\lh.png', typed as Windows writes it: '\\' is a folder separator
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        near = nearest(PureWindowsPath(name).name, search_roots(guide_path), SUFFIXES.get(what, ()))
        return None, (f"'{name}' is an absolute path; name the {what} relative to the guide's folder or the assets/ "
                      "folder" + (f": did you mean '{near}'?" if near else ""))
    if ".." in PurePosixPath(posix).parts:
        return None, f"'{name}' leads out of the guide's folder ('..'); put the {what} in the guide's folder or assets/"
    roots = search_roots(guide_path)
    for root in roots:
        candidate, twins = ondisk.entry(root, posix)  # 'café.png' typed, 'café.png' (macOS's accents) on disk
        if twins:
            return None, twins
        if candidate is None:
            continue
        trouble = ondisk.link_trouble(candidate)
        real = ondisk.resolved(candidate) if trouble is None else None
        if real is None:
            return None, f"'{name}' {trouble or 'is a link that leads back to itself; replace it with the file'}"
        if not any(inside(real, top) for r in roots if (top := ondisk.resolved(r)) is not None):
            return None, f"'{name}' is a link that leads outside the guide's folder and assets/; copy the {what} in instead"
        try:
            st = os.stat(real)
        except OSError as exc:
            return None, f"'{name}' cannot be read ({_reason(exc)}); check the file"
        if not stat.S_ISREG(st.st_mode):
            return None, f"'{name}' is not a regular file; name {kind}"
        if st.st_size > max_bytes:
            return None, f"'{name}' is {st.st_size / 1e6:.1f} MB; {what}s may be at most {max_bytes // 1_000_000} MB (save a smaller copy)"
        return real, None
    looked = " or ".join(str(r) for r in roots)
    near = nearest(posix, roots, SUFFIXES.get(what, ()))
    return None, f"{what} '{name}' not found (looked in {looked}); " + (
        f"did you mean '{near}'?" if near else "check the file name")


SUFFIXES = {"image": (".png", ".jpg", ".jpeg", ".gif"), "font": (".ttf", ".otf"), "theme": (".yaml", ".yml")}
MAX_LISTED = 2_000  # files looked at for a suggestion, in each folder (a folder of photos may hold thousands)


def nearest(name: str, roots: list[Path], suffixes: tuple[str, ...]) -> Optional[str]:
    """The name to give for a file that exists, which ``name`` (not found) most likely meant: the file
    without the folder typed in front of it ('assets/carbon-cycle.png', when assets/ is searched itself),
    the same name in other capitals or in a subfolder, or a close spelling; None when nothing is close."""
    found: list[str] = []
    for root in roots:
        for entry in _listed(root):
            if entry.is_dir(follow_symlinks=False):
                found += [f"{entry.name}/{e.name}" for e in _listed(Path(entry.path)) if _fits(e, suffixes)]
            elif _fits(entry, suffixes):
                found.append(entry.name)
    folded = {f.casefold(): f for f in sorted(found, reverse=True)}  # the first in order wins a tie
    base = PurePosixPath(name).name.casefold()
    for key in (name.casefold(), base):
        if key in folded:
            return folded[key]
    inside_folder = sorted(f for f in found if f.casefold().endswith("/" + base))
    if inside_folder:
        return inside_folder[0]
    close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.8) or \
        difflib.get_close_matches(base, list(folded), n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _listed(folder: Path) -> list:
    try:
        with os.scandir(folder) as entries:
            return sorted(itertools.islice(entries, MAX_LISTED), key=lambda e: e.name)
    except OSError:
        return []


def _fits(entry, suffixes: tuple[str, ...]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False) and entry.name.casefold().endswith(suffixes)
    except OSError:
        return False


_WEB = re.compile(r"(?i)(https?|ftp|file)://|www\.")


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` lies under ``root`` (both resolved by the caller): the one test for 'a link out of the folder'."""
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "it is a link to a file that does not exist"
    return exc.strerror or str(exc)


def check(path: Path) -> Optional[str]:
    """None when the file is a PNG/JPEG/GIF that decodes within the pixel cap.

    The file is opened without following a link and without blocking, and
    checked again once open, so a file swapped for a FIFO, a device or a link
    after :func:`resolve` looked at it is still refused, never waited on. The
    decoder reads from that one open file, not from the name again.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a link; copy the image in instead"
        return f"cannot be read ({_reason(exc)}); check the file"
    with open(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            return "is not a regular file; name an image file (PNG, JPEG or GIF)"
        if st.st_size > MAX_IMAGE_BYTES:
            return f"is {st.st_size / 1e6:.1f} MB; images may be at most {MAX_IMAGE_BYTES // 1_000_000} MB (save a smaller copy)"
        head = fh.read(8)
        kind = next((k for sig, k in SIGNATURES.items() if head.startswith(sig)), None)
        if kind is None:
            return "is not a PNG, JPEG or GIF image; export it as PNG"
        from PIL import Image  # Pillow (it comes with reportlab): loaded only when a guide has an image to check

        try:
            with warnings.catch_warnings():  # Pillow warns (on stderr) past 89 Mpx; the cap below says it better
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                fh.seek(0)
                with Image.open(fh) as im:
                    w, h = im.size
                    if w * h > MAX_PIXELS:
                        return _too_many_pixels(w, h)
                    im.verify()
                fh.seek(0)
                with Image.open(fh) as im:  # verify() leaves the image unusable; decode once for truncation
                    im.load()
        except Image.DecompressionBombError:  # past Pillow's own cap, before ours could look: its header says how big
            size = _size(fh, kind)
            if size is None:
                return f"is too large to open safely; images may have at most {MAX_PIXELS // 1_000_000} million pixels"
            return _too_many_pixels(*size)
        except MemoryError:
            raise
        except Exception:  # Pillow raises many kinds for corrupt files
            return f"cannot be read as a {kind} image: it is damaged or cut short (open it in an image editor and save it again)"
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}  # JPEG frame headers


def _too_many_pixels(width: int, height: int) -> str:
    """The message for a picture over :data:`MAX_PIXELS`, with the width a copy may have at its shape, in
    hundreds (a 6000×4000 phone photo: 4,400 pixels wide), and where to make one (trial r9 F12)."""
    wide = max(100, int(width * math.sqrt(MAX_PIXELS / (width * height))) // 100 * 100)
    return (f"is {width}×{height} pixels; images may have at most {MAX_PIXELS // 1_000_000} million pixels (save a "
            f"copy at most {wide:,} pixels wide: in Windows, Photos → … → Resize image; on a Mac, Preview → Tools → "
            "Adjust Size)")


def _size(fh, kind: str) -> Optional[tuple[int, int]]:
    """(width, height) from an image's header, for one too large for Pillow to open; None if it cannot be read."""
    try:
        fh.seek(0)
        head = fh.read(32)
        if kind == "PNG":
            return struct.unpack(">II", head[16:24])
        if kind == "GIF":
            return struct.unpack("<HH", head[6:10])
        fh.seek(2)
        while True:  # JPEG: walk the segments to the frame header
            marker = fh.read(2)
            if len(marker) < 2 or marker[0] != 0xFF:
                return None
            length = struct.unpack(">H", fh.read(2))[0]
            if marker[1] in _SOF:
                height, width = struct.unpack(">xHH", fh.read(5))
                return width, height
            fh.seek(length - 2, os.SEEK_CUR)
    except (OSError, struct.error):
        return None

