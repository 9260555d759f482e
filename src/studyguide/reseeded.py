"""A versions build that replaces versions made with another seed: said, with the seed that makes them again.

Each version's PDFs record their seed in their Keywords (Document Properties), as their footers print it
('Version A · seed 7'). A build without --seed takes the guide's own seed (its 'seed:', else one from its
title), so a class set built after '--versions 2 --seed 7' replaced water-A.pdf and water-B.pdf with other
shuffles, without a word, and the copies already printed no longer matched the new keys (trial r11, finding
6). Before the files are written, each version's student copy about to be replaced is read (its metadata
only: :mod:`.owners`); one whose seed differs gets one warning, at the guide.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Optional

from . import owners
from .errors import Location, Problem
from .spaced import typed

_KEYWORDS = re.compile(r"version (?P<version>[A-Z]); seed (?P<seed>.*)\Z", re.S)


def keywords(version: Optional[str], seed: Optional[str]) -> str:
    """The Keywords of a version's PDF: its letter and seed ('' for a guide without versions)."""
    return f"version {version}; seed {seed or ''}" if version else ""


def recorded(path: Path) -> Optional[str]:
    """The seed a version's PDF at ``path`` was made with; None when it records none (not there, not ours,
    made before the seed was recorded)."""
    try:
        with open(path, "rb") as fh:
            info = owners._info(fh)
    except OSError:
        return None
    found = _KEYWORDS.match((info or {}).get("/Keywords", ""))
    return found["seed"] if found else None


def warnings(guide_path: Path, seed: str, targets: Iterable[Path]) -> list[Problem]:
    """One warning when a version PDF among ``targets`` (the student copies about to be written, A first) was made
    with another seed than ``seed``: naming them, the old seed and the command that makes those versions again."""
    old: dict[str, list[Path]] = {}
    for target in targets:
        was = recorded(target) if target.is_file() else None
        if was is not None and was != seed:
            old.setdefault(was, []).append(target)
    if not old:
        return []
    was, paths = next(iter(old.items()))
    names = " and ".join(map(str, paths)) if len(paths) < 3 else f"{paths[0]} and {len(paths) - 1} more"
    return [Problem(Location(str(guide_path)), (
        f"{names} {'was' if len(paths) == 1 else 'were'} made with seed {typed(was)} and {'is' if len(paths) == 1 else 'are'} "
        f"replaced by versions shuffled with seed {typed(seed)}: copies printed from the old files do not match the "
        f"new keys; to make the old versions again: studyguide build {typed(str(guide_path))} --versions {len(paths)} "
        f"--seed {typed(was)}"), warning=True)]
