"""Where a name a teacher typed meets the disk: accents stored two ways, and links that go nowhere.

macOS (and zip files made on it) store 'café.png' as 'cafe' + a combining accent (NFD); a
teacher's editor types 'café.png' with one 'é' (NFC). The two look the same and are different
bytes, so a plain lookup does not find the file, and no retyping helps: names are compared
here with their accents in one form. Two files whose names differ only so are named, since the
teacher cannot tell which one the guide would get.

A symbolic link may lead back to itself (l1.yaml → l2.yaml → l1.yaml), or to a file that is no
longer there. Python's Path.resolve raises RuntimeError on a loop (3.10, 3.11); here each is
found first and said in words, with the links named.
"""
from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path
from typing import Optional

MAX_LINKS = 40  # links followed in a row before giving up, as the system does


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def entry(root: Path, name: str) -> tuple[Optional[Path], Optional[str]]:
    """The file ``name`` ('café.png', 'pics/café.png') under ``root`` as the disk spells it: (path, None);
    (None, None) when there is none; (None, what to fix) when two names differ only in how their
    accents are stored. Any file, link or folder counts as there (the caller checks what it is)."""
    here = root
    for part in name.split("/"):
        if part in ("", "."):
            continue
        found, problem = _one(here, part)
        if found is None:
            return None, problem
        here = here / found
    return here, None


def _one(folder: Path, part: str) -> tuple[Optional[str], Optional[str]]:
    exact = os.path.lexists(folder / part)
    if exact and part.isascii():
        return part, None  # (no other spelling of a plain name can be there)
    want = nfc(part)
    try:
        with os.scandir(folder) as entries:
            same = sorted(e.name for e in entries if e.name == part or nfc(e.name) == want)
    except OSError:
        return (part if exact else None), None
    if len(same) > 1:
        return None, (f"'{want}' is in {folder} {len(same)} times, its accents stored in different ways (as "
                      "macOS and Windows store them), so the two look alike; delete or rename all but one")
    return (same[0] if same else None), None


def link_trouble(path: Path) -> Optional[str]:
    """None when ``path`` is not a link, or its links end at something that is there; else what is
    wrong, in words that follow the file's name: 'is a link that leads back to itself (l1.yaml →
    l2.yaml → l1.yaml); replace it with the file', or '... its target nowhere.yaml is missing ...'."""
    try:
        if not stat.S_ISLNK(os.lstat(path).st_mode):
            return None
    except OSError:
        return None
    shown, seen, here = [Path(path).name], set(), Path(os.path.abspath(path))
    for _ in range(MAX_LINKS):
        seen.add(here)
        try:
            target = os.readlink(here)
        except OSError:
            return None
        shown.append(target)
        here = Path(os.path.normpath(here.parent / target))
        if here in seen:
            return f"is a link that leads back to itself ({' → '.join(shown)}); replace it with the file"
        try:
            if not stat.S_ISLNK(os.lstat(here).st_mode):
                break
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return (f"is a link, and its target {target} is missing; replace the link with the file, "
                        "or delete it")
            break
    else:
        return f"is a link through more than {MAX_LINKS} links; replace it with the file"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a loop among the folders on its way
            return f"is a link that leads back to itself ({' → '.join(shown)}); replace it with the file"
    return None


def resolved(path: Path) -> Optional[Path]:
    """``path`` with every link followed; None when that cannot end (a loop), instead of RuntimeError."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError):
        return None
