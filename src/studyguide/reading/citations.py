"""The reading's marked spans and the questions that cite them: text → model, every problem located.

In the reading, ``{@name}`` starts a span and ``{@/name}`` ends it; in a question, ``{@name}``
prints the span's lines ("lines 12–14") and ``{@name:paragraph}`` its paragraphs, as the layout
finds them. ``{@@}`` prints ``{@`` itself. These forms mean something only in a guide that has a
``reading:``, so no guide written before them prints differently.
"""
from __future__ import annotations

import difflib
import re
from typing import Optional

from .. import fenced, scripts
from ..capitals import opens_sentence
from ..errors import Location
from ..labels import span as numbered
from ..model import Mark
from .keys import READING_KEYS
from .misread import MAX_READING
from .versehint import looks_like_verse

NAME = r"[A-Za-z][A-Za-z0-9_-]*"
TOKEN_RE = re.compile(r"\{@@\}|\{@(/?)(" + NAME + r")\}")          # in the reading
CITE_RE = re.compile(r"\{@(" + NAME + r")(?::(lines|paragraph))?\}")  # in a question
LITERAL = "{@@}"
_AT = "\ue000"  # where a mark was, while the stars are taken out


def text_at(start: Location, value: str, offset: int) -> Location:
    """Where ``value[offset]`` was typed, for a text that starts at ``start``. A text of several
    lines is a ``|`` block, which starts on the line under its key: the line is exact there, and
    the column is left out (the block's indentation is not part of its text), unless the text as
    typed is known (:meth:`Location.of`: a text with a character beyond ASCII or a line break)."""
    found = start.of(value, offset)
    if found is not start:
        return found
    before = value[:offset]
    if "\n" in value:
        return Location(start.file, start.line + 1 + before.count("\n") if start.line else 0, 0)
    return Location(start.file, start.line, start.col + offset if start.col else 0)


def split_marks(paragraphs: list[tuple[str, int]], where, error, broken: set) -> tuple[tuple[str, ...], tuple[Mark, ...]]:
    """Paragraphs (text, offset in the typed value) → their printed text and the marks in them.

    ``where(offset)`` gives the Location of a place in the typed text; ``error(location, message)``;
    the names of spans with a mistake go to ``broken`` (their citations get no second message)."""
    texts, marks, open_ = [], {}, {}
    odd = _odd_marks(paragraphs, where, error, broken)  # (their span's other mark gets no second message)
    for index, (para, offset) in enumerate(paragraphs):
        pieces, at = [], []  # the text with a placeholder where each mark was
        last = 0
        for m in TOKEN_RE.finditer(para):
            pieces.append(para[last:m.start()])
            last = m.end()
            if m.group(0) == LITERAL:
                pieces.append("{@")
                continue
            closing, name = m.group(1) == "/", m.group(2)
            place = where(offset + m.start())
            at.append((closing, name, place))
            pieces.append(_AT)
        pieces.append(para[last:])
        printed = "".join(pieces)
        counts = _counts(printed)
        for (closing, name, place), count in zip(at, counts):
            if not closing:
                if name in open_ or name in marks:
                    broken.add(name)
                    error(place, f"reading: the name '{name}' marks two spans; give each span its own name")
                    continue
                open_[name] = (index, count, place)
            elif name in odd and name not in open_:
                continue
            elif name not in open_:
                broken.add(name)
                error(place, f"reading: '{{@/{name}}}' ends a span that no '{{@{name}}}' starts before it "
                             f"(start the span with {{@{name}}}; to print '{{@' itself, write {{@@}})")
            else:
                p0, c0, start = open_.pop(name)
                if (p0, c0) == (index, count):
                    broken.add(name)
                    error(start, f"reading: the span '{name}' marks no text (put the words between "
                                 f"{{@{name}}} and {{@/{name}}})")
                    continue
                marks[name] = Mark(name, (p0, c0), (index, count), start)
        printed = printed.replace(_AT, "")
        texts.append(printed.strip("\n") if fenced.has_fence(printed) else " ".join(printed.split()))  # (a program's lines kept)
    for name, (_, _, place) in open_.items():
        broken.add(name)
        if name in odd:
            continue
        error(place, f"reading: the span '{{@{name}}}' is never ended (write {{@/{name}}} after its last word; "
                     "to print '{@' itself, write {@@})")
    return tuple(texts), tuple(sorted(marks.values(), key=lambda m: (m.first, m.name)))


# '{@troops 1}', '{@/troops.}': a mark's name, and more ('{@ y}', with a space first, prints as typed)
ODD_RE = re.compile(r"\{@(/?)(" + NAME + r")[^{}\n]{0,40}?\}")


def _odd_marks(paragraphs, where, error, broken: set) -> set:
    """The names of marks typed in a form the reading does not read ('{@troops 1}': a name is one word),
    each reported at its place: it would print as typed. Only a name that a real mark of the reading has,
    or nearly has, is a slip; any other ('{@code null}' in a passage from Java's documentation) is text."""
    odd = set()
    named = sorted({m.group(2) for para, _ in paragraphs for m in TOKEN_RE.finditer(para) if m.group(2)})
    for para, offset in paragraphs:
        for m in ODD_RE.finditer(para):
            if TOKEN_RE.match(para, m.start()):
                continue
            name = m.group(2)
            if name not in named and not difflib.get_close_matches(name, named, n=1, cutoff=0.6):
                continue
            odd.add(name)
            broken.add(name)
            error(where(offset + m.start()), f"reading: '{m.group(0)}' is not a mark: a span starts with {{@{name}}} "
                                             f"and ends with {{@/{name}}}, its name one word (letters, digits, '-' and "
                                             f"'_'); to print '{{@' itself, write {{@@}}")
    return odd


def _counts(printed: str) -> list[int]:
    """For each placeholder, how many non-space characters of the printed text come before it."""
    plain = fenced.plain(printed)  # (what prints: a program's lines, not its ``` lines)
    out, seen = [], 0
    for ch in plain:
        if ch == _AT:
            out.append(seen)
        elif not ch.isspace():
            seen += 1
    return out


def cited(text: Optional[str]) -> list[tuple[str, Optional[str], int]]:
    """The citations in a question's text: (name, 'lines' or 'paragraph' or None, offset)."""
    return [(m.group(1), m.group(2), m.start()) for m in CITE_RE.finditer(text or "")]


FORMS = {"lines": "lines", "paragraph": "paragraph", "line": "lines", "l": "lines", "ll": "lines", "zeile": "lines",
         "zeilen": "lines", "p": "paragraph", "para": "paragraph", "par": "paragraph", "absatz": "paragraph"}


def unparsed(text: Optional[str]) -> list[tuple[int, str, Optional[str], Optional[str]]]:
    """Each '{@' in a question's text that is neither a citation nor {@@}, which would print as typed:
    (offset, what was typed up to its '}', the span's name if one starts it, the form meant if one
    after a ':' is close to 'lines' or 'paragraph': '{@troops:paragraphs}' → 'paragraph')."""
    out = []
    for m in re.finditer(r"\{@", text or ""):
        at = m.start()
        if text.startswith(LITERAL, at) or CITE_RE.match(text, at):
            continue
        end = text.find("}", at)
        typed = text[at:end + 1] if 0 < end - at <= 40 and not any(c in text[at + 1:end] for c in "{\n") else text[at:at + 2]
        if not typed.endswith("}"):  # not closed: what it holds is told by its name alone
            name = re.match(r"\s*" + NAME, text[at + 2:])
            typed += name.group(0).strip() if name else ""
        named = re.match(r"\{@\s*(" + NAME + r")(?:\s*[:;.]\s*([^{}]*)\})?", typed)
        form = named.group(2).strip().lower() if named and named.group(2) else None
        if form is not None:
            form = FORMS.get(form) or next(iter(difflib.get_close_matches(form, ["lines", "paragraph"], 1, 0.5)), None)
        out.append((at, typed, named.group(1) if named else None, form))
    return out


def resolve(text: Optional[str], spans: dict, labels: dict, opens: bool = True) -> Optional[str]:
    """A question's text with each citation written out: 'lines 12–14', 'paragraph 3', and 'Lines 12–14'
    where it starts a sentence (``opens``: whether the text's own start is a sentence's, see
    :func:`opens_sentence`).

    ``spans``: name → (first line, last line, first paragraph, last paragraph)."""
    if not text or "{@" not in text:
        return text

    def one(m):
        span = spans.get(m.group(1))
        if span is None:
            return m.group(0)  # validation names it; never reached for a guide that loaded
        a, b, p, q = span
        if m.group(2) == "paragraph":
            said = labels["cite_paragraph"].format(n=p) if p == q else numbered(labels, "cite_paragraphs", p, q)
        else:
            said = labels["cite_line"].format(n=a) if a == b else numbered(labels, "cite_lines", a, b)
        if scripts.glued_letter().match(text, m.end()):  # written onto Chinese or Japanese text ('Lines 1–2によると'): one word,
            said = said.replace(" ", "\u00a0")  # so 'Lines' never ends a line alone, its number on the next
        return said[:1].upper() + said[1:] if opens_sentence(text[:m.start()], opens) else said

    return CITE_RE.sub(one, text).replace(LITERAL, "{@")


PLACES = ("start", "questions")
FORMS_OF_READING = ("prose", "verse")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraphs_of(raw: str) -> list[tuple[str, int]]:
    """A prose reading's paragraphs (a blank line between two), each with its offset in the typed text."""
    paragraphs, at, open_at = [], 0, None
    for piece in PARAGRAPH_BREAK.split(raw):
        found = raw.index(piece, at)
        at = found + len(piece)
        if open_at is not None:  # a program's blank line: the block goes on, one paragraph
            paragraphs[-1] = (raw[open_at:at], open_at)
        elif piece.strip():
            paragraphs.append((piece, found))
        if fenced.has_fence(paragraphs[-1][0] if paragraphs else ""):
            last = fenced.blocks(paragraphs[-1][0])
            open_at = paragraphs[-1][1] if last and not last[-1].closed else None
    return paragraphs


def _indent(line: str) -> int:
    """How far in a poem's line is typed, in spaces (a tab: four), past the text's own indentation."""
    spaces = line[:len(line) - len(line.lstrip())]
    return len(spaces.replace("\t", "    "))


def verse_lines(raw: str) -> tuple[list[tuple[str, int]], tuple[int, ...]]:
    """A poem's lines, each typed line one (with its offset in the typed text), and the index of each
    stanza's first line: a stanza starts after one blank line or more."""
    lines, starts, at, gap = [], [], 0, True
    for line in raw.split("\n"):
        if line.strip():
            if gap:
                starts.append(len(lines))
            lines.append((line, at))
            gap = False
        else:
            gap = True
        at += len(line) + 1
    return lines, tuple(starts)


class PassageMixin:
    """The walker's part for ``reading:`` and the questions' citations (see reading/schema.py)."""

    def reading(self, node):
        from ..model import Reading
        from .loader import Scalar
        from .walker import clip, missing

        if missing(node):
            return None
        self._reading_given = True  # (a reading with a mistake: its citations are not reported as well)
        if isinstance(node, Scalar):  # 'reading: |' with the words under it: they go under its 'text: |'
            self.error(node, f"reading: expected 'key: value' lines, found {self.kind(node, 40)} (the words go under "
                             "'text: |' inside the reading: write 'reading:', then '  text: |' on the line under it, "
                             "and the words indented under 'text: |')")
            return None
        keys = self.mapping(node, "reading", READING_KEYS, required=("text",))
        if keys is None:
            return None
        text_node = keys.get("text")
        value = self.text(text_node, "reading.text", required=True, max_len=MAX_READING)
        place = self.text(keys.get("place"), "reading.place", max_len=20)
        if place is not None and place.lower() not in PLACES:
            self.error(keys["place"], f"reading.place: '{clip(place)}' is not a place for the reading (use start, "
                                      "after the title, or questions, just before the questions)")
            place = None
        form = self.text(keys.get("form"), "reading.form", max_len=20)
        if form is not None and form.strip().lower() not in FORMS_OF_READING:
            self.error(keys["form"], f"reading.form: '{clip(form)}' is not a form of reading (write 'form: verse' for "
                                     "a poem or a song, each typed line printed as a line and numbered as the poem's "
                                     "own, or leave 'form:' out for prose, its lines joined into paragraphs)")
            form = None
        if not value or not isinstance(text_node, Scalar):
            return None
        raw = text_node.value
        verse = (form or "").strip().lower() == "verse"
        if "form" not in keys and (poem_lines := looks_like_verse(fenced.prose(raw))):
            self.warn(text_node.where, f"reading.text: its {poem_lines} lines are short and broken where "
                                       "the next word would have fit, as a poem's are, but a reading prints its "
                                       "lines joined into paragraphs; if it is a poem or a song, write 'form: verse' "
                                       "under 'reading:' (each line then prints as typed, numbered as the poem's own "
                                       "lines); if it is prose, write 'form: prose' and this note goes")
        paragraphs, stanzas = (verse_lines(raw) if verse else (paragraphs_of(raw), ()))
        indents = tuple(_indent(line) for line, _ in paragraphs) if verse else ()
        self._broken_marks = set()
        texts, marks = split_marks(paragraphs, lambda offset: text_at(text_node.where, raw, offset), self.error,
                                   self._broken_marks)
        self._reading = Reading(paragraphs=tuple(texts), marks=marks,
                                title=self.text(keys.get("title"), "reading.title", max_len=300),
                                source=self.text(keys.get("source"), "reading.source", max_len=1000),
                                place=(place or "start").lower(), form="verse" if verse else "prose",
                                stanzas=stanzas, indents=indents if any(indents) else ())
        return self._reading

    def _questions(self, node) -> tuple:
        """The questions; their texts' citations of the reading are checked once the reading is read."""
        first = len(self.texts)
        questions = self.items(node, "questions", self.question)
        self.check_citations(getattr(self, "_reading", None), self.texts[first:])
        return questions

    def check_citations(self, reading, question_texts) -> None:
        """Each {@name} a question writes names a marked span; each span is cited (or warned of)."""
        names = {m.name for m in reading.marks} if reading else set()
        used = set()
        for where, text in question_texts:
            for name, kind, offset in cited(text):
                used.add(name)
                place = text_at(where, text, offset)
                if reading is None and getattr(self, "_reading_given", False):
                    continue  # the reading's own mistake is reported; its spans are not known
                if reading is not None and reading.verse and kind == "paragraph" and name in names:
                    self.error(place, f"'{{@{name}:paragraph}}' cites a paragraph, but the reading is a poem "
                                      f"('form: verse'), numbered by its lines: write {{@{name}}}, which prints "
                                      "the poem's lines ('lines 17–20')")
                    continue
                if reading is None:
                    self.error(place, f"'{{@{name}}}' cites the reading, but this guide has no 'reading:' "
                                      "(add the reading, with the span marked {@" + name + "}...{@/" + name + "}; "
                                      "to print '{@' itself, write {@@})")
                elif name not in names and name not in getattr(self, "_broken_marks", ()):
                    known = ", ".join(sorted(names)) or "none yet"
                    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
                    used.update(close)  # the span meant: no second warning that nothing cites it
                    fix = f"did you mean {{@{close[0]}{':' + kind if kind else ''}}}?" if close else \
                        f"mark the words in the reading as {{@{name}}}...{{@/{name}}}"
                    self.error(place, f"'{{@{name}}}' names no marked span of the reading (marked: {known}); {fix}")
            self._unparsed(reading, names, used, where, text)
        for mark in reading.marks if reading else ():
            if mark.name not in used:
                self.warn(mark.where, f"reading: the span '{mark.name}' is cited by no question (write "
                                      f"{{@{mark.name}}} in a question's text, or remove the mark)")

    def _unparsed(self, reading, names: set, used: set, where, text) -> None:
        """A '{@' in a question's text that no citation form reads (reported: it would print as typed)."""
        known = sorted(names | set(getattr(self, "_broken_marks", ())))
        for offset, typed, name, form in unparsed(text):
            # meant as a citation only when it names a span of the reading, or nearly does; any other
            # ('{@code x < y}', '{@link String}' in a guide on Java, or any '{@' without a reading) prints as typed
            if reading is None or name is None:
                continue
            meant = name if name in known else next(iter(difflib.get_close_matches(name, known, n=1, cutoff=0.6)), None)
            if meant is None:
                continue
            place = text_at(where, text, offset)
            used.add(meant)
            shown = meant
            forms = f"{{@{shown}}} cites the span's lines, {{@{shown}:paragraph}} its paragraphs"
            if not typed.endswith("}"):
                said = f"'{typed}' has no '}}' to close it"
            elif form:
                said = f"'{typed}' is not a citation form: did you mean {{@{shown}{':paragraph' if form == 'paragraph' else ''}}}?"
            else:
                said = f"'{typed}' is not a citation"
            self.error(place, f"{said} ({forms}; to print '{{@' itself, write {{@@}})")
