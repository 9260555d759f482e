"""Guides that are there under another name than the one looked for: each named, with the fix.

Notepad saves 'water.yaml' as 'water.yaml.txt' unless 'Save as type' is set to 'All Files', and
Windows hides the '.txt': the folder looks as if it held the guide, and no guide is found. A guide
named without its folder ('build water-cycle.yaml' for guides/water-cycle.yaml) or without its
'.yaml' is found where it is, and named in the message as the path to give.

A link among the guides that leads back to itself, or to a file no longer there, is left out of a
folder's build, and named with the reason.

Pure apart from looking at the disk; :mod:`studyguide.api` and the CLI say what these find.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Iterable, Optional

from . import guidelike, ondisk
from .errors import Location, Problem

TXT_ENDINGS = (".yaml.txt", ".yml.txt")
SUFFIXES = (".yaml", ".yml")
WHY = "Notepad adds the '.txt'; File Explorer shows it with View → Show → File name extensions"


def _in_folders(paths: Iterable[str | Path], keep) -> list[Path]:
    """The entries ``keep(path)`` takes of the folders among ``paths``, sorted within each folder."""
    found: list[Path] = []
    for raw in paths:
        folder = Path(raw)
        try:
            if folder.is_dir():
                found += sorted(p for p in folder.iterdir() if keep(p))
        except OSError:  # (the folder's own error is find_guides')
            continue
    return found


def txt_named(paths: Iterable[str | Path]) -> list[Path]:
    """The files of the folders among ``paths`` whose name ends in '.yaml.txt' or '.yml.txt', and those
    ending in just '.txt' whose text is a guide's (Notepad saves a guide typed as 'acids' as acids.txt;
    an article kept beside the guides is no guide), sorted."""
    return _in_folders(paths, lambda p: p.name.lower().endswith(".txt") and p.is_file() and (
        p.name.lower().endswith(TXT_ENDINGS) or guidelike.in_text(p)))


def _renamed(path: Path) -> str:
    name = path.name[:-len(".txt")]
    return name if name.lower().endswith(SUFFIXES) else name + ".yaml"


# a word processor's own formats: a guide saved in one is not plain text (see reading/wordfiles.py)
DOCUMENTS = {".rtf": "Rich Text", ".docx": "Word", ".doc": "Word", ".odt": "LibreOffice", ".pages": "Pages"}
PLAIN = ("open it, copy all its text into a plain-text editor (Notepad; TextEdit after Format → Make Plain Text) "
         "and save that as {name}")


def documents(paths: Iterable[str | Path]) -> list[Path]:
    """The word processors' documents (.rtf, .docx, .doc, .odt, .pages) in the folders among ``paths`` (sorted)."""
    return _in_folders(paths, lambda p: p.suffix.lower() in DOCUMENTS and not p.name.startswith("~$"))


def _as_guide(path: Path) -> str:
    """The guide's name for a document: water.yaml for water.rtf and for water.yaml.docx."""
    stem = path.stem
    return stem if stem.lower().endswith(SUFFIXES) else stem + ".yaml"


def document_warnings(paths: Iterable[str | Path]) -> list[Problem]:
    """A warning for each word processor's document in the folders among ``paths`` that holds a guide's
    text (or may: a .pages file cannot be looked into): it is left out of the build, beside the guides
    that are built. (A folder with no guide says this in :func:`none_found`.)"""
    return [Problem(Location(str(p)), _document_left_out(p, seen), warning=True)
            for p in documents(paths) if (seen := guidelike.in_document(p)) is not False]


def _document_left_out(path: Path, seen: Optional[bool]) -> str:
    said = f"left out: this is a {DOCUMENTS[path.suffix.lower()]} document, not a guide"
    if path.with_name(_as_guide(path)).is_file():  # the plain-text copy saved as told
        return f"{said}; {path.with_name(_as_guide(path))} is the one read (delete this copy, or move it out of the folder)"
    return (f"{said} (a guide is plain text in a file ending in .yaml): " + ("" if seen else "if it holds a guide, ")
            + PLAIN.format(name=_as_guide(path)))


def _named(paths: list[Path]) -> str:
    shown = [str(p) for p in paths[:3]] + ([f"{len(paths) - 3} more"] if len(paths) > 3 else [])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _documents_said(found: list[Path]) -> str:
    """The documents in a folder without guides, named, with how to make each a guide."""
    if len(found) == 1:
        one = found[0]
        return (f"{one} is a {DOCUMENTS[one.suffix.lower()]} document, not a guide (a guide is plain text in a file "
                f"ending in .yaml): if it holds a guide, {PLAIN.format(name=_as_guide(one))}")
    return (f"{_named(found)} are word-processor documents, not guides (a guide is plain text in a file ending "
            f"in .yaml): for each that holds a guide, {PLAIN.format(name='NAME.yaml')}")


def none_found(paths: list[str]) -> str:
    """The message for folders with no guide in them, naming the guides saved as '.txt' and the documents
    a word processor saved in its own format."""
    message = f"no guides (*.yaml) found in {', '.join(paths)}"
    found = documents(paths)
    if found:
        message = f"{message}; {_documents_said(found)}"
    txt = txt_named(paths)
    if len(txt) == 1:
        return f"{message}; {txt[0]} ends in '.txt': rename it to {_renamed(txt[0])} ({WHY})"
    if txt:
        return f"{message}; {_named(txt)} end in '.txt': rename each without its '.txt' ({WHY})"
    return message


def txt_warnings(paths: Iterable[str | Path]) -> list[Problem]:
    """A warning for each guide saved as '.txt' in the folders among ``paths``: it is left out of the build."""
    return [Problem(Location(str(p)), "left out: the name ends in '.txt'; " + (
        f"{p.with_name(_renamed(p))} is the one read (delete this copy, or rename it to a name of its own)"
        if p.with_name(_renamed(p)).exists() else f"rename it to {_renamed(p)} ({WHY})"), warning=True)
        for p in txt_named(paths)]


def link_warnings(paths: Iterable[str | Path]) -> list[Problem]:
    """A warning for each guide in the folders among ``paths`` that is a link going nowhere (a loop, or its
    target missing): it is left out of the build. (A looping defaults file stops each guide, with its line.)"""
    found: list[Path] = []
    for raw in paths:
        folder = Path(raw)
        try:
            if folder.is_dir():
                found += sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_symlink()
                                and p.name.lower() not in ("studyguide.yaml", "studyguide.yml"))
        except OSError:  # (the folder's own error is find_guides')
            continue
    return [Problem(Location(str(p)), f"left out: it {trouble}", warning=True)
            for p in found if (trouble := ondisk.link_trouble(p))]


def nearby(path: Path) -> Optional[Path]:
    """The guide a missing ``path`` most likely means: the same name in guides/, or with '.yaml' or '.yml'
    added or swapped; None when there is none."""
    names = [path] if path.suffix.lower() in SUFFIXES else []
    names += [path.with_name(path.name + s) for s in SUFFIXES]
    if path.suffix.lower() in SUFFIXES:
        names += [path.with_suffix(s) for s in SUFFIXES if s != path.suffix.lower()]
    if not path.is_absolute() and len(path.parts) == 1:
        names += [Path("guides") / n for n in names]
    for name in names:
        try:
            if name != path and name.is_file():
                return name
        except OSError:
            continue
    return spelt_near(path)


SCANNED = 2000  # entries of a folder looked at for a name spelt like the one given (a home folder may hold more)


def spelt_near(path: Path) -> Optional[Path]:
    """The guide in the folder ``path`` names (guides/ too, for a bare name) whose name is spelt most like
    its name, in any capitals: 'guides/civic.yaml', 'guides/Civics.yaml' → guides/civics.yaml; None when no
    guide's name is that close (difflib, 0.8) or the folder cannot be read. A name with other numbers in it
    is another guide ('unit-1.yaml' for 'unit-2.yaml': the unit before, not a slip)."""
    want = (path.stem if path.suffix.lower() in SUFFIXES else path.name).casefold()
    folders = [path.parent] + ([Path("guides")] if not path.is_absolute() and len(path.parts) == 1 else [])
    for folder in folders:
        try:
            entries = [p for _, p in zip(range(SCANNED), folder.iterdir())]
        except OSError:
            continue
        guides = {p.stem.casefold(): p for p in sorted(entries, reverse=True)
                  if p.suffix.lower() in SUFFIXES and p.stem.casefold() != "studyguide" and p.is_file()}
        numbered = [g for g in guides if re.findall(r"\d+", g) == re.findall(r"\d+", want)]  # not unit-1 for unit-2
        close = difflib.get_close_matches(want, numbered, n=1, cutoff=0.8)
        if close:
            return folder / guides[close[0]].name if folder != Path(".") else Path(guides[close[0]].name)
    return None
