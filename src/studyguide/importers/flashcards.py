"""Vocabulary from flashcard tools: Quizlet's export text and Anki's notes text export."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..inline import markup as html
from ..labels import LANGUAGES
from ..reading.walker import MAX_ITEMS
from ._common import Draft, html_text, literal
from .htmltext import clip
from .writtenin import say_language

# How studyguide's Anki export joins a definition and its example, in each language it has labels for
EXAMPLES = {code: f"<br><br><i>{html(words['example'])}</i> " for code, words in LANGUAGES.items()}
# ... and the same once Anki's notes export without HTML made it text: each <br> a space ('particles.  Example: One')
PLAIN_EXAMPLES = {code: re.compile(r"\s\s+" + re.escape(words["example"]).replace("\xa0", "[\\s\xa0]") + r"\s")
                  for code, words in LANGUAGES.items()}


def quizlet(path: Path, text: str) -> Draft:
    """Quizlet's *Export*: term and definition separated by a tab or a comma, cards by a line break or a
    semicolon (the choices Quizlet offers; a custom separator is not guessed)."""
    draft = Draft(path)
    between = "\t" if "\t" in text else ","
    body = text.replace("\r\n", "\n").strip("\n")
    rows = body.split("\n") if "\n" in body or between == "\t" else body.split(";")
    if between == "," and "\n" not in body and ";" not in body:
        rows = [body]
    for line_no, row in enumerate(rows, 1):
        if not row.strip():
            continue
        term, sep, definition = row.partition(between)
        line = line_no if "\n" in body else 1
        name = "tab" if between == "\t" else "comma"
        if not sep:
            draft.warn(f"this card has no {name} between a term and its definition; it is left out", line, 1)
            continue
        if not term.strip() or not definition.strip():
            draft.warn(f"this card has no {'term before' if not term.strip() else 'definition after'} its {name}; "
                       "it is left out", line, 1 if not term.strip() else len(term) + 2)
            continue
        if between == "\t" and "\t" in definition:  # a third field: Quizlet's export has two
            definition, _, rest = definition.partition("\t")
            if rest.strip():
                draft.warn(f"a third field '{clip(rest.replace(chr(9), ' '))}' is left out (a card has a term, a tab "
                           "and its definition)", line, len(term) + len(definition) + 3)
        draft.add_term({"term": term.strip(), "definition": definition.strip()}, line)
        if len(draft.vocabulary) > MAX_ITEMS:
            draft.stopped = True
            break
    if not draft.vocabulary:
        draft.warn("no cards found (Quizlet's export: a term, a tab or comma, its definition; one card a line)", 1, 1)
    say_language(draft, "Quizlet's text")
    return draft


def anki(path: Path, text: str) -> Draft:
    """Anki's *Notes in Plain Text* export (and studyguide's own): ``#key:value`` headers, then one note a line.

    The first two fields are the front and the back; a back written by studyguide
    (definition, then "Example:", with HTML or without) gives the example back, and the deck column the title.
    HTML becomes guide text.
    """
    draft = Draft(path)
    headers: dict[str, str] = {}
    lines = text.replace("\r\n", "\n").split("\n")
    body_start = 0
    for i, line in enumerate(lines):
        if line.startswith("#") and ":" in line and not line.startswith('"'):
            key, _, value = line[1:].partition(":")
            headers[key.strip().lower()] = value
            body_start = i + 1
        else:
            break
    separator = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}.get(
        headers.get("separator", "tab").lower(), "\t")
    notes = [ln for ln in lines[body_start:] if ln.strip()]
    if separator != "\t" and notes and all("\t" in ln for ln in notes):  # a hand-edited header: tabs in every note
        said = next(i for i, ln in enumerate(lines) if ln.lower().startswith("#separator:")) + 1
        draft.warn(f"'#separator:{headers['separator'].strip()}' but every note is split by tabs; read with tabs "
                   "(write '#separator:tab')", said, 1)
        separator = "\t"
    as_html = headers.get("html", "true").lower() == "true"
    guid_column = int(headers["guid column"]) if headers.get("guid column", "").isdecimal() else None
    skip = {c for c in (guid_column,) if c}
    for key in ("notetype column", "deck column", "tags column"):
        if headers.get(key, "").isdecimal():
            skip.add(int(headers[key]))
    if headers.get("deck"):
        draft.title = headers["deck"].strip()
    deck_column = int(headers["deck column"]) if headers.get("deck column", "").isdecimal() else None
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=separator)
    for offset, cells in enumerate(reader):
        line_no = body_start + offset + 1
        fields = [c for i, c in enumerate(cells, 1) if i not in skip]
        if not any(f.strip() for f in fields):
            continue
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            draft.warn("this note has no front and back; it is left out", line_no, 1)
            continue
        if len(fields) > 2 and any(f.strip() for f in fields[2:]):
            draft.warn(f"only the first two fields become a term and its definition; {len(fields) - 2} more left out",
                       line_no, 1)
        front, back = fields[0], fields[1]
        if separator != "\t" and "\t" in front + back:  # a tab would print inside the term: said, kept as a space
            draft.warn(f"this note holds a tab, and '#separator:{headers['separator'].strip()}' does not split on "
                       "tabs; each tab is read as a space (check the #separator line)", line_no, 1)
            front, back = front.replace("\t", " "), back.replace("\t", " ")
        if deck_column and draft.title is None and len(cells) >= deck_column and cells[deck_column - 1].strip():
            draft.title = cells[deck_column - 1].split("::")[-1].strip() or None  # 'Chemistry::Gases': Gases
        example, code = None, next((c for c, label in EXAMPLES.items() if label in back), None)
        if code is not None:
            back, example = back.split(EXAMPLES[code], 1)
        elif not as_html:
            found = next(((c, m) for c, m in ((c, p.search(back)) for c, p in PLAIN_EXAMPLES.items()) if m), None)
            if found:
                code, m = found
                back, example = back[:m.start()], back[m.end():]
        if code is not None and draft.language is None and code != "en":
            draft.language = code  # the guide gets back the language its export was written in
        term = _field(front, as_html, draft, line_no)
        definition = _field(back, as_html, draft, line_no)
        entry = {"term": term, "definition": definition}
        if example is not None:
            entry["example"] = _field(example, as_html, draft, line_no)
        draft.add_term(entry, line_no)
    return draft


def _field(value: str, as_html: bool, draft: Draft, line: int) -> str:
    if not as_html:
        return literal(value.strip())
    text, notes = html_text(value)
    for note in notes:
        draft.warn(note, line, 1)
    return re.sub(r"[ \t]*\n\s*", " ", text) if "\n" not in value else text
