"""The class set: one collated PDF of the copies for the copier (A, B, C, A, B... up to --copies), and one
of the keys; each says how to print it. Blank pages go only where two-sided printing needs them."""
from __future__ import annotations

import functools
import io
from pathlib import Path

from . import inline, labels, owners, pages


def sets(guide, options, planned: dict, letters: list, by_letter: dict, theme, font_for) -> list:
    """[((target, pdf, pages, []), note)]: the copies' set, and the keys' unless --no-key; ``letters``: the
    versions' letters, ``by_letter``: each one's rendered documents, ``planned``: the files' names."""
    from .theming.styles import make_styles

    words = labels.for_language(guide.language, guide.labels)

    @functools.lru_cache(maxsize=None)
    def blank(width: float, height: float) -> bytes:  # the page closing an odd copy, as big as its pages
        note = inline.markup(words["copy_ends"], font_for)  # (read when it prints: labels.drawing)
        return pages.note_page((width, height), theme, make_styles(theme)["instruction"], note)

    copies = options.copies or len(letters)
    made = [("class-set", "copy", [by_letter[letters[i % len(letters)]]["student"].pdf for i in range(copies)])]
    if options.key:  # (the key set is padded, or not, by its own pages: see collate)
        made.append(("class-set-key", "key", [by_letter[letter]["key"].pdf for letter in letters]))
    return [collate(planned[kind, None], pdfs, blank, owners.stamp(guide.path, kind), what) for kind, what, pdfs in made]


ONE_PAGE = "each {what} is one page: print it single-sided"
BOTH_SIDES = "print it on both sides: each {what} starts on a new sheet"


def collate(name: Path, pdfs: list[bytes], blank, creator: str,
             what: str = "copy") -> tuple[tuple[Path, bytes, int, list], str]:
    """One PDF of the copies in order, and how to print it (:data:`ONE_PAGE`, :data:`BOTH_SIDES` or "").

    When a copy runs over pages the set is for printing on both sides, a copy's pages on as few sheets as
    they take: ``blank(width, height)``, a page saying it is blank on purpose, closes any copy with an odd
    page count that another copy follows (the last needs none), so that the next starts on a fresh sheet.
    When every copy is one page, none: such a set prints single-sided, a sheet a copy (on both sides, two
    students' copies would share a sheet), and blank pages would be sheets of paper for nothing (a one-page
    quiz's 28 copies took 27 blank pages with them). The key set is judged by its keys' pages, not the
    copies': one-page keys print single-sided too. ``creator``: what it is, of which guide (owners.stamp)."""
    from pypdf import PdfReader, PdfWriter  # only a class set needs it: ~40 ms to import

    writer = PdfWriter()
    readers: dict[int, PdfReader] = {id(data): PdfReader(io.BytesIO(data)) for data in pdfs}
    both_sides = any(len(reader.pages) > 1 for reader in readers.values())
    for k, data in enumerate(pdfs, 1):
        reader = readers[id(data)]
        for page in reader.pages:
            writer.add_page(page)
        if both_sides and len(reader.pages) % 2 and k < len(pdfs):
            box = reader.pages[-1].mediabox
            writer.add_page(PdfReader(io.BytesIO(blank(float(box.width), float(box.height)))).pages[0])
    first = PdfReader(io.BytesIO(pdfs[0])) if pdfs else None
    if first and first.metadata:
        writer.add_metadata({k: v for k, v in first.metadata.items() if k in ("/Title", "/Author", "/Subject")})
    writer.add_metadata({"/Creator": creator})
    stream = io.BytesIO()
    writer.write(stream)
    # copies of an even page count need no blank page, and are printed on both sides all the same, as README
    # promises: the set of 6-page copies said nothing (trial r10 L11), read as "print as the copier is set"
    note = BOTH_SIDES if both_sides else ONE_PAGE if pdfs else ""
    return (name, stream.getvalue(), len(writer.pages), []), note.format(what=what)
