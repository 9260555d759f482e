"""Finding and checking a guide's images without trusting the guide.

An image is named relative to the guide's folder or to the ``assets/`` folder
beside the guides folder. Only regular files inside those folders are opened
(never a FIFO, device or folder, never through a link that leads out), up to a
size cap, and only PNG, JPEG or GIF within a pixel cap.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Optional

MAX_IMAGE_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF"}


def search_roots(guide_path: Path) -> list[Path]:
    folder = guide_path.resolve().parent
    return [folder, folder.parent / "assets"]


def resolve(name: str, guide_path: Path) -> tuple[Optional[Path], Optional[str]]:
    """Return (path, None) for a usable image, or (None, what to fix)."""
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        return None, f"'{name}' is an absolute path; name the image relative to the guide's folder or the assets/ folder"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return None, f"'{name}' leads out of the guide's folder ('..'); put the image in the guide's folder or assets/"
    roots = search_roots(guide_path)
    for root in roots:
        candidate = root / name
        try:
            st = os.lstat(candidate)
        except OSError:
            continue
        real = candidate.resolve()
        if not any(_inside(real, r.resolve()) for r in roots):
            return None, f"'{name}' is a link that leads outside the guide's folder and assets/; copy the image in instead"
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return None, f"'{name}' is not a regular file; name an image file (PNG, JPEG or GIF)"
        if st.st_size > MAX_IMAGE_BYTES:
            return None, f"'{name}' is {st.st_size / 1e6:.1f} MB; images may be at most {MAX_IMAGE_BYTES // 1_000_000} MB (save a smaller copy)"
        problem = check(real)
        if problem:
            return None, f"'{name}' {problem}"
        return real, None
    looked = " or ".join(str(r) for r in roots)
    return None, f"image '{name}' not found (looked in {looked}); check the file name"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def check(path: Path) -> Optional[str]:
    """None when the file is a PNG/JPEG/GIF that decodes within the pixel cap."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    kind = next((k for sig, k in SIGNATURES.items() if head.startswith(sig)), None)
    if kind is None:
        return "is not a PNG, JPEG or GIF image; export it as PNG"
    from PIL import Image  # Pillow comes with reportlab

    try:
        with Image.open(path) as im:
            w, h = im.size
            if w * h > MAX_PIXELS:
                return f"is {w}×{h} pixels; images may have at most {MAX_PIXELS // 1_000_000} million pixels (save a smaller copy)"
            im.verify()
        with Image.open(path) as im:  # verify() leaves the image unusable; decode once for truncation
            im.load()
    except Image.DecompressionBombError:
        return "is too large to open safely (decompression bomb); save a smaller copy"
    except Exception as exc:  # Pillow raises many kinds for corrupt files
        return f"cannot be read as an image ({type(exc).__name__}: {str(exc)[:80]}); open and re-save it"
    return None
