"""Exports: one guide → files the tools teachers already use (Quizlet, Anki, Moodle, Canvas/QTI, quiz games).

Each exporter takes a :class:`~studyguide.model.Guide` and returns
``(files, problems)``: ``files`` a list of ``(file name, bytes)`` (names only;
the caller chooses the folder and writes them), ``problems`` located warnings,
one per question a format cannot hold as it is. Exporters read only the model,
use only the standard library (openpyxl for the game tools' .xlsx templates), and
give the same bytes for the same guide.
"""
from __future__ import annotations

from typing import Callable

from ..model import Guide
from . import anki, games, moodle, qti, quizlet, typed
from .composed import composed
from ._common import Exported, cites_unseen_reading, holds, pictures_unseen

FORMATS: dict[str, Callable[[Guide], Exported]] = {
    "quizlet": quizlet.export,
    "anki": anki.export,
    "moodle": moodle.export,
    "qti": qti.export,
    "kahoot": games.kahoot,
    "blooket": games.blooket,
    "gimkit": games.gimkit,
    "quizizz": games.quizizz,
}

# The names teachers know for a format: `--to canvas` is the QTI package Canvas (and Brightspace) import.
ALIASES: dict[str, str] = {
    "canvas": "qti",
    "brightspace": "qti",
    "wayground": "quizizz",  # Quizizz's new name
}


def export_one(export: Callable[[Guide], Exported], written: Guide, cited: Guide, fmt: str) -> Exported:
    """One guide's files and warnings: ``cited`` (its citations written out as the handout prints them)
    exported, and the warnings for its questions citing a reading or naming a picture the file does not hold; a blank's answers
    with the forms students type added where the format accepts several (typed.typeable)."""
    written, cited = composed(written), composed(cited)  # one form for every export's text: composed (NFC)
    typeable, untyped = typed.typeable(cited, fmt)
    made, warnings = export(typeable)
    return made, (warnings + untyped + cites_unseen_reading(written, cited, fmt, warnings)
                  + pictures_unseen(cited, fmt, warnings))


# the extension of each format's file: `-o quiz.xml` with --to moodle names that file, not a folder
EXTENSIONS = {"quizlet": ".txt", "anki": ".txt", "moodle": ".xml", "qti": ".zip", "kahoot": ".xlsx", "blooket": ".csv",
              "gimkit": ".csv", "quizizz": ".xlsx"}


def extensions(name: str, apkg: bool = False) -> set[str]:
    """The extensions of the files an export to ``name`` (or an alias) writes: '.txt' and '.apkg' for Anki's deck."""
    name = name.lower()
    return {EXTENSIONS[ALIASES.get(name, name)]} | ({".apkg"} if apkg else set())


def exporter(name: str) -> Callable[[Guide], Exported]:
    """The exporter for a format's name or one of its aliases (any case)."""
    name = name.lower()
    return FORMATS[ALIASES.get(name, name)]


__all__ = ["ALIASES", "EXTENSIONS", "FORMATS", "Exported", "cites_unseen_reading", "export_one", "exporter", "extensions", "holds"]
