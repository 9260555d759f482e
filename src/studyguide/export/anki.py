"""Anki: the vocabulary as a tab-separated text file with Anki's file headers, and as a deck package.

Anki (2.1.55 and later) reads the ``#key:value`` lines at the top of the text file:

- ``#separator:tab`` and ``#html:true``: fields are HTML, so ``**bold**`` and
  ``*italic*`` become <b>/<i>, and &, <, > and " are written as entities (a raw
  quote would start a quoted CSV field);
- ``#notetype:`` names the note type by its id, the one the ``.apkg`` brings
  ("studyguide term": Term, Definition); Anki reads a name or an id there, and the
  id still finds the note type after the teacher renames it. Where the collection
  has it (the ``.apkg`` was imported once), the cards update it. Where it does not, Anki takes its default
  note type, *Basic* in the teacher's own language ("Básico", "Einfach", "Basique"),
  and fills its fields in order: no English name is needed, so there is no column
  header to mismatch;
- ``#guid column:3``: the last column is a stable id made from the guide's file
  name and the term, so importing the file again updates the cards instead of
  adding a second copy of each, whichever file was imported first. The id is last
  so that the term and the definition are the first two fields; a term that starts
  with ``#`` is quoted, so it is not read as a comment;
- ``#deck:`` and ``#tags:`` name the deck (made if missing) and tag every card with
  the guide's file name. Anki reads ``::`` in a deck name as a sub-deck; the title's
  ``::`` is written as ``:``, so each guide is one deck.

The front is the term; the back is the definition and, when there is one, the example.

Hebrew and Arabic: a field whose texts mostly start in a right-to-left script (as the handout sets such a
text right to left) gets a note type of its own ("studyguide term (right to left)", or the term or the
definition alone), whose field is marked right to left (Anki's "Reverse text direction" field option, for
its editor) and shown in a ``<div dir="rtl">`` on the card. The ``.txt`` names that note type too, so it
finds it once the ``.apkg`` has been imported; on its own it has no place for a direction (its fields go
into the collection's Basic note type, whose fields the teacher can set to right to left in Anki).

Tested with Anki's own backend (the ``anki`` package): importing the ``.txt`` again
after an edit updates every card, whether the ``.txt`` or the ``.apkg`` came first,
and in a collection whose Basic note type has another language's name.

:func:`apkg` also writes the deck as an Anki package (``--apkg``), with the standard
library alone: a SQLite collection (schema 11, which every Anki since 2.1 imports)
and an empty media list, in a zip. Its notes carry the same ids as the text file's.
A note's modification time is made from its text, so an unchanged guide gives the
same bytes and an edited card a different time: importing the new ``.apkg`` with
"Update notes: Always" updates it (Anki leaves a note whose time is unchanged alone).
"""
from __future__ import annotations

import hashlib
import html as html_lib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from typing import Optional

from .. import fenced, labels, rtl
from ..model import Guide, Term
from ._common import Exported, digest, flatten, guide_warning, html, one_line, output_name, zip_bytes

SUFFIX = "-anki.txt"


def field(text: str) -> str:
    """One field: escaped HTML with emphasis, on one line, with no raw tab or quote; a program between ``` lines as
    <pre>, its lines kept by <br> (the field stays on the file's one line) and its spaces as typed."""
    if fenced.has_fence(text):
        return "".join(field(part) if isinstance(part, str) else "<pre><code>" + "<br>".join(
            html_lib.escape(line.replace("\t", "    ")) for line in part.lines) + "</code></pre>"
            for part in fenced.parts(text))
    return flatten(html(text).replace('"', "&quot;")).strip()


def guid(stem: str, term: str, occurrence: int = 1) -> str:
    """The card's id: the same guide file and term always give the same id."""
    key = unicodedata.normalize("NFC", " ".join(one_line(term).split()))
    parts = [stem, key] if occurrence == 1 else [stem, key, str(occurrence)]
    return "sg" + digest(*parts)[:20]


def back(term: Term, words: Optional[dict] = None) -> str:
    """The definition, then the example after the guide's word for one ("Example:", "Exemple :"; English
    when ``words`` is not given)."""
    out = field(term.definition)
    if term.example:
        out += f"<br><br><i>{field((words or labels.EN)['example'])}</i> {field(term.example)}"
    return out


def _tag(stem: str) -> str:
    return "".join(c if (c.isalnum() or c in "-_.") else "_" for c in stem) or "studyguide"


def _header_value(text: str) -> str:
    return " ".join(one_line(text).split())


def deck_name(guide: Guide) -> str:
    """The guide's title on one line, with '::' (Anki's sub-deck separator) written as ':'."""
    return re.sub(r":{2,}", ":", _header_value(guide.title)) or guide.stem


def _row(term_field: str, back_field: str, card_id: str) -> str:
    if term_field.startswith("#"):  # at the start of a line Anki would read it as a comment
        term_field = f'"{term_field}"'  # a field has no raw quote (they are &quot;), so quoting is safe
    return f"{term_field}\t{back_field}\t{card_id}"


def export(guide: Guide) -> Exported:
    if not guide.vocabulary:
        return [], [guide_warning(guide, "anki: the guide has no vocabulary, so no Anki file is written")]
    lines = [
        "#separator:tab",
        "#html:true",
        f"#notetype:{model_id(directions(guide))}",
        f"#deck:{deck_name(guide)}",
        f"#tags:studyguide {_tag(guide.stem)}",
        "#guid column:3",
    ]
    seen: dict[str, int] = {}
    words = labels.for_language(guide.language, guide.labels)
    for term in guide.vocabulary:
        key = " ".join(one_line(term.term).split())
        seen[key] = seen.get(key, 0) + 1  # a term listed twice still gets two distinct ids
        lines.append(_row(field(term.term), back(term, words), guid(guide.stem, term.term, seen[key])))
    text = "\n".join(lines) + "\n"
    return [(output_name(guide, SUFFIX), text.encode("utf-8"))], []


# --- .apkg: a whole deck, made with the standard library (sqlite3 + zipfile) ------------------------

APKG_SUFFIX = "-anki.apkg"
APKG_TIME = 1704067200  # 2024-01-01 00:00 UTC: a fixed modification time, so the same guide gives the same bytes


def note_time(fields: str) -> int:
    """A note's modification time, from its fields: the same text, the same time; edited text, another time
    (Anki's "Update notes: Always" skips a note whose time has not changed)."""
    return APKG_TIME + int(digest(fields)[:12], 16) % 100_000_000
MODEL_ID = 1704067200001  # one note type for every studyguide deck: "studyguide term" (Term, Definition)
# ... and one for each way a deck can read right to left: (term, definition) → id, name
RTL_MODELS = {(True, True): (MODEL_ID + 1, "studyguide term (right to left)"),
              (True, False): (MODEL_ID + 2, "studyguide term (right-to-left term)"),
              (False, True): (MODEL_ID + 3, "studyguide term (right-to-left definition)")}


def directions(guide: Guide) -> tuple[bool, bool]:
    """Whether the terms, and whether the definitions, read right to left: most of them start in Hebrew or Arabic."""
    def mostly(texts) -> bool:
        texts = list(texts)
        return 2 * sum(rtl.base_is_rtl(_text_of(field(t))) for t in texts) > len(texts)
    return mostly(t.term for t in guide.vocabulary), mostly(t.definition for t in guide.vocabulary)


def model_id(rtl_fields: tuple[bool, bool]) -> int:
    return RTL_MODELS[rtl_fields][0] if rtl_fields in RTL_MODELS else MODEL_ID

_SCHEMA = """
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
"""


def _id(*parts: str) -> int:
    """A positive id in the range Anki uses for millisecond timestamps, derived from the parts."""
    return 1_000_000_000_000 + int(digest(*parts)[:12], 16) % 9_000_000_000_000


def _text_of(field_html: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]*>", "", field_html))


def _checksum(field_html: str) -> int:
    """Anki's first-field checksum: the first 8 hex digits of the SHA-1 of the field's text."""
    return int(hashlib.sha1(_text_of(field_html).encode("utf-8")).hexdigest()[:8], 16)


def _model(deck_id: int, rtl_fields: tuple[bool, bool] = (False, False)) -> dict:
    field = {"font": "Arial", "media": [], "rtl": False, "size": 20, "sticky": False}
    term_rtl, definition_rtl = rtl_fields
    name = RTL_MODELS[rtl_fields][1] if rtl_fields in RTL_MODELS else "studyguide term"
    term = '<div dir="rtl">{{Term}}</div>' if term_rtl else "{{Term}}"
    definition = '<div dir="rtl">{{Definition}}</div>' if definition_rtl else "{{Definition}}"
    return {
        "id": model_id(rtl_fields), "name": name, "type": 0, "mod": APKG_TIME, "usn": -1, "sortf": 0, "did": deck_id,
        "tags": [], "vers": [], "req": [[0, "any", [0]]],
        "flds": [dict(field, name="Term", ord=0, rtl=term_rtl), dict(field, name="Definition", ord=1, rtl=definition_rtl)],
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": term, "afmt": f"{{{{FrontSide}}}}<hr id=answer>{definition}",
                   "bqfmt": "", "bafmt": "", "did": None, "bfont": "", "bsize": 0}],
        "css": ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }",
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n"
                    "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}", "latexsvg": False,
    }


def _deck(deck_id: int, name: str) -> dict:
    return {"id": deck_id, "name": name, "desc": "", "mod": APKG_TIME, "usn": -1, "dyn": 0, "conf": 1,
            "collapsed": False, "browserCollapsed": False, "extendNew": 0, "extendRev": 0,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0]}


_DECK_CONF = {"1": {
    "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": True, "timer": 0, "replayq": True,
    "dyn": False,
    "new": {"bury": False, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20},
    "rev": {"bury": False, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
    "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
}}

_COL_CONF = {"activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": True,
             "dueCounts": True, "curModel": None, "nextPos": 1, "sortType": "noteFld", "sortBackwards": False,
             "addToCur": True}


def apkg(guide: Guide) -> Exported:
    """The vocabulary as an Anki package: one deck named after the guide, one card a term.

    The notes carry the same ids as the text file's cards; a note's modification
    time comes from its text, so when importing a changed guide choose "Update notes: Always".
    """
    if not guide.vocabulary:
        return [], [guide_warning(guide, "anki: the guide has no vocabulary, so no Anki deck is written")]
    deck_id = _id(guide.stem, "deck")
    decks = {"1": _deck(1, "Default"), str(deck_id): _deck(deck_id, deck_name(guide))}
    tags = f" studyguide {_tag(guide.stem)} "
    words = labels.for_language(guide.language, guide.labels)
    rtl_fields = directions(guide)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "collection.anki2")
        con = sqlite3.connect(db)
        try:
            con.executescript(_SCHEMA)
            con.execute("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                        (APKG_TIME, APKG_TIME * 1000, APKG_TIME * 1000, json.dumps(_COL_CONF, sort_keys=True),
                         json.dumps({str(model_id(rtl_fields)): _model(deck_id, rtl_fields)}, sort_keys=True), json.dumps(decks, sort_keys=True),
                         json.dumps(_DECK_CONF, sort_keys=True)))
            seen: dict[str, int] = {}
            used: set[int] = set()
            for position, term in enumerate(guide.vocabulary, 1):
                key = " ".join(one_line(term.term).split())
                seen[key] = seen.get(key, 0) + 1
                note_guid = guid(guide.stem, term.term, seen[key])
                note_id = _id(note_guid, "note")
                while note_id in used:
                    note_id += 1
                card_id = _id(note_guid, "card")
                while card_id in used or card_id == note_id:
                    card_id += 1
                used.update((note_id, card_id))
                front, definition = field(term.term), back(term, words)
                fields = f"{front}\x1f{definition}"
                con.execute("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
                            (note_id, note_guid, model_id(rtl_fields), note_time(fields), tags, fields,
                             _text_of(front), _checksum(front)))
                con.execute("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                            (card_id, note_id, deck_id, APKG_TIME, position))
            con.commit()
        finally:
            con.close()
        with open(db, "rb") as fh:
            collection = fh.read()
    data = zip_bytes([("collection.anki2", collection), ("media", b"{}")])
    return [(output_name(guide, APKG_SUFFIX), data)], []


def export_with_apkg(guide: Guide) -> Exported:
    """The text file and the .apkg deck (``studyguide export --to anki --apkg``)."""
    files, problems = export(guide)
    if files:
        more, more_problems = apkg(guide)
        files, problems = files + more, problems + more_problems
    return files, problems
