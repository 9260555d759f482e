"""The reading, printed like a standardized-test passage: a line number every fifth line and a
paragraph number in the left margin, flowing across pages with its numbering kept.

The lines are broken once, here, for the frame this edition, paper and theme give; the citations
in the questions ("lines 12–14") are read from the same breaks, so they name the lines as printed.
The answer key marks each cited span with a bar beside its lines and the questions that cite it.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from reportlab.platypus import Flowable

from .. import fenced
from .._reportlab import FRAME_FUZZ, broken_lines, line_count
from ..labels import sentences
from ..model import FillInBlank
from ..reading.citations import CITE_RE, cited, resolve
from . import Para, readingbars, verse
from .readingbars import gutter as _gutter, tracks as _tracks

TAIL_LINES = 2  # lines of the last paragraph that go on to the next page with the source line


def _width(ctx) -> float:
    """The reading's line length: as this layout prints it, or, in a format that does not print it
    (a quiz, an exit ticket), as the handout on full sheets does, so "line 9" names the handout's line 9."""
    left, right = _gutter(ctx)
    return ctx.__dict__.get("reading_width", ctx.width) - left - right


def _para(ctx, text: str) -> Para:
    from .. import inline

    from .code import markup

    return Para(markup(text, ctx.fonts), ctx.styles["body"])


def _nonspace(line) -> int:
    """How many non-space characters a wrapped line prints (plain or with markup)."""
    if isinstance(line, tuple):  # (extra space, [words])
        return sum(len("".join(w.split())) for w in line[1])
    return sum(len("".join(getattr(f, "text", "").split())) for f in line.words)


def breaks(ctx) -> list[list[int]]:
    """For each paragraph, the running count of non-space characters at the end of each line."""
    cache = ctx.__dict__.get("_passage_breaks")
    if cache is None:
        cache = []
        for text in ctx.guide.reading.paragraphs:
            para = _para(ctx, text)
            para.wrap(_width(ctx), 1e6)
            counts, seen = [], 0
            for line in broken_lines(para):
                seen += _nonspace(line)
                counts.append(seen)
            cache.append(counts)
        ctx.__dict__["_passage_breaks"] = cache
    return cache


def spans(ctx) -> dict[str, tuple[int, int, int, int]]:
    """name → (first line, last line, first paragraph, last paragraph), numbered from 1 as printed
    (a poem's: its own lines, and its stanzas)."""
    if ctx.guide.reading.verse:
        return verse.spans(ctx.guide.reading)
    lines = breaks(ctx)
    firsts = [1]
    for counts in lines:
        firsts.append(firsts[-1] + len(counts))
    out = {}
    for mark in ctx.guide.reading.marks:
        (p0, c0), (p1, c1) = mark.first, mark.last
        a = firsts[p0] + min(bisect_right(lines[p0], c0), len(lines[p0]) - 1)
        b = firsts[p1] + min(bisect_right(lines[p1], max(c1 - 1, 0)), len(lines[p1]) - 1)
        out[mark.name] = (a, b, p0 + 1, p1 + 1)
    return out


def _resolved(question, found: dict, labels: dict):
    """A question with its citations written out in every text it prints."""
    change = {}
    for name in ("prompt", "explanation", "answer"):
        value = getattr(question, name, None)
        if isinstance(value, str) and "{@" in value:
            change[name] = resolve(value, found, labels)
    if getattr(question, "choices", None):
        change["choices"] = tuple(resolve(c, found, labels, opens=False) for c in question.choices)
    if isinstance(question, FillInBlank):  # (the words after a blank go on its sentence)
        change["parts"] = tuple(resolve(p, found, labels, opens=i == 0) if isinstance(p, str) else p
                                for i, p in enumerate(question.parts))
    return dataclasses.replace(question, **change) if change else question


def cite(ctx) -> None:
    """Write out the questions' citations ("lines 12–14") for this layout. A guide without a reading
    cites nothing (validation refuses it), but its questions' {@@} still print {@, as the message that
    refuses a citation there tells the teacher to write."""
    if ctx.guide.reading is None:
        questions = tuple(_resolved(q, {}, ctx.labels) for q in ctx.guide.questions)
        if any(a is not b for a, b in zip(questions, ctx.guide.questions)):
            ctx.guide = dataclasses.replace(ctx.guide, questions=questions)
        return
    found = spans(ctx)
    ctx.__dict__["_passage_cited_by"] = {
        name: [n for n, q in enumerate(ctx.guide.questions, 1)
               if any(c[0] == name for t in _texts(q) for c in cited(t))] for name in found}
    if ctx.guide.format != "handout":  # the reading is not printed: each question prints what it cites
        ctx.__dict__["_passage_excerpts"] = [
            list(dict.fromkeys((c[0], c[1] == "paragraph") for t in _student_texts(q) for c in cited(t) if c[0] in found))
            for q in ctx.guide.questions]
    questions = tuple(_resolved(q, found, ctx.labels) for q in ctx.guide.questions)
    ctx.guide = dataclasses.replace(ctx.guide, questions=questions)


def _excerpt(reading, mark, whole: bool = False) -> str:
    """The words a mark spans (``whole``: its paragraphs), as printed (markup taken out), its paragraphs
    joined by a space (a poem's lines by ' / ')."""
    (p0, c0), (p1, c1) = mark.first, mark.last
    if whole:
        c0, c1 = 0, None
    out = []
    for p in range(p0, p1 + 1):
        text, seen, start, end = fenced.plain(reading.paragraphs[p]), 0, 0, None
        for i, ch in enumerate(text):
            if p == p0 and seen == c0 and not ch.isspace() and start == 0 and c0:
                start = i
            if p == p1 and seen == c1 and end is None:
                end = i
            seen += not ch.isspace()
        out.append(text[start:end].strip())
    return verse.joined(reading, p0, p1, out) if reading.verse else " ".join(out)


# the quotation marks inside a quotation, by the outer mark a language's 'quote' label opens with
_INNER = {"“": ("‘", "’"), "«": ("“", "”"), "„": ("‚", "‘")}


def nested(words: str, quote: str) -> str:
    """``words`` to print inside ``quote`` (a 'quote' label, "“{text}”"): the double quotation marks in
    them become the inner ones (‘ ’ in English, “ ” in French, ‚ ‘ in German), so a span that starts with
    what someone said prints “‘Give us land,’ he said”, not “"Give us land," he said”. A straight " opens
    at the start or after a space or a bracket, and closes elsewhere. A label of the teacher's own that opens
    with another mark leaves the words as typed."""
    outer = quote.lstrip("\u00a0 ")[:1]
    if outer not in _INNER or not any(c in words for c in '"“”„«»'):
        return words
    opening, closing = _INNER[outer]
    opens = "„«" + ("" if outer == "„" else "“")  # (German closes with “)
    out = []
    for i, ch in enumerate(words):
        if ch == '"':
            before = words[i - 1] if i else " "
            out.append(opening if before.isspace() or before in "([{—–-" else closing)
        elif ch in opens:
            out.append(opening)
        elif ch in "”»“":
            out.append(closing)
        else:
            out.append(ch)
    text = "".join(out)  # (French guillemets keep their spaces inside; the inner “ ” take none)
    return re.sub(f"{opening}[\u00a0\u202f ]", opening, re.sub(f"[\u00a0\u202f ]{closing}", closing, text)) \
        if outer == "«" else text


def excerpts(ctx, number: int) -> list:
    """What question ``number`` cites, printed under its prompt when the reading is not in this format:
    "Lines 2–4: “Officials call the goal…”", so a citation never points at lines the student cannot see."""
    names = ctx.__dict__.get("_passage_excerpts")
    if not names or not names[number - 1]:
        return []
    from .. import inline

    found, marks = spans(ctx), {m.name: m for m in ctx.guide.reading.marks}
    rows = []
    for name, whole in names[number - 1]:  # (a paragraph cited: the whole paragraph, as the prompt says)
        where = resolve("{@" + name + (":paragraph}" if whole else "}"), found, ctx.labels)
        words = _excerpt(ctx.guide.reading, marks[name], whole)
        quote = ctx.label("quote").format(text=inline.markup(nested(words, ctx.label("quote")), ctx.fonts))
        lead = ctx.label("cite_lead", where=where[:1].upper() + where[1:])  # "Lines 3–4:", "Lignes 3 et 4 :"
        gap = "" if sentences(lead, "x") == lead + "x" else " "  # (none after a full-width colon)
        markup = f"<b>{inline.markup(lead, ctx.fonts)}</b>{gap}{quote}"
        rows.append(ctx.raw(markup, "body"))
    return rows


def _student_texts(q) -> list[str]:
    """The texts of a question a student reads: its prompt, choices and the words around its blanks.
    Its explanation and written answer are the key's alone, so what they cite is never printed as an
    excerpt (the key prints the same excerpts on the same pages as the handout)."""
    out = [q.prompt] + list(getattr(q, "choices", ()) or ())
    if isinstance(q, FillInBlank):
        out += [p for p in q.parts if isinstance(p, str)]
    return [t for t in out if t and CITE_RE.search(t)]


def _texts(q) -> list[str]:
    out = [q.prompt, q.explanation or "", getattr(q, "answer", None) if isinstance(getattr(q, "answer", None), str) else ""]
    out += list(getattr(q, "choices", ()) or ())
    return [t for t in out if t and CITE_RE.search(t)]


class NumberedPara(Flowable):
    """One paragraph of the reading (or the part of it on one page) with its numbers in the margin."""

    def __init__(self, ctx, para: Para, first_line: int, number: int | None, tail=None):
        super().__init__()
        self.ctx, self.para, self.first_line, self.number = ctx, para, first_line, number
        self.left, self.right = _gutter(ctx)
        self.tail = tail  # the last paragraph's: the source line printed after it (readingbars.strands)
        self._strands = False

    def wrap(self, aW, aH):
        _, h = self.para.wrap(_width(self.ctx), aH)
        self.width, self.height = aW, h
        self._strands = self.tail is not None and readingbars.strands(self.ctx, self, aW, aH)
        if self._strands:  # (too tall here: split() sends its last lines on with the source)
            return aW, aH + 2 * FRAME_FUZZ + 1
        return aW, h

    def split(self, aW, aH):
        if self._strands:  # it fits and its source does not: its last lines go on with the source
            count = line_count(self.para)
            if count - TAIL_LINES < TAIL_LINES:
                return []  # (a short paragraph goes on whole)
            aH = (count - TAIL_LINES) * self.para.style.leading + 0.01
        parts = self.para.split(_width(self.ctx), aH)
        if len(parts) != 2:
            return []
        parts[0].wrap(_width(self.ctx), aH)
        head = line_count(parts[0])
        return [NumberedPara(self.ctx, parts[0], self.first_line, self.number),
                NumberedPara(self.ctx, parts[1], self.first_line + head, None, self.tail)]

    def getSpaceBefore(self):
        return self.para.getSpaceBefore() if self.number else 0

    def getSpaceAfter(self):
        return self.para.getSpaceAfter()

    def draw(self):
        ctx, canv = self.ctx, self.canv
        body, small = self.para.style, ctx.styles["footer"]
        count = line_count(self.para)
        self.para.drawOn(canv, self.left, 0)
        canv.saveState()
        canv.setFont(small.fontName, small.fontSize)
        canv.setFillColor(ctx.color("ink_soft"))
        top = self.height - body.fontSize  # the first line's baseline (as platypus draws a paragraph)
        if self.number is not None:
            canv.drawString(0, top, f"[{self.number}]")
        for i in range(count):
            n = self.first_line + i
            if n % readingbars.EVERY == 0:
                canv.drawRightString(self.left - 6, top - i * body.leading, str(n))
        if ctx.key:
            self._marks(canv, top, count, body)
        canv.restoreState()

    def _marks(self, canv, top, count, body):
        """The key: a bar beside each cited line, and the questions that cite the span at its first line.
        Spans that share a line get bars side by side (tracks), so each one's extent stays visible."""
        ctx = self.ctx
        cited_by = ctx.__dict__.get("_passage_cited_by", {})
        found = spans(ctx)
        tracks = _tracks(found)
        canv.setFillColor(ctx.color("answer"))
        canv.setStrokeColor(ctx.color("answer"))
        canv.setLineWidth(1.5)
        numbers = readingbars.numbers_at(found, cited_by)
        for name, (a, b, _, _) in found.items():
            x = self.left + _width(ctx) + 4 + 4 * tracks[name]
            for i in range(count):
                n = self.first_line + i
                if a <= n <= b:
                    y = top - i * body.leading
                    bottom = y - body.fontSize * 0.25 if n == b else y + body.fontSize * 0.85 - body.leading
                    canv.line(x, bottom, x, y + body.fontSize * 0.85)  # the bars of one span join up
                    if n == a and numbers.get(n):
                        canv.drawString(self.left + _width(ctx) + 4 + 4 * (max(tracks.values()) + 1), y, numbers.pop(n))


def section(ctx, place: str) -> list:
    """The reading, when the guide puts it at ``place`` ("start" or "questions")."""
    reading = ctx.guide.reading
    if reading is None or reading.place != place or ctx.guide.format != "handout":
        return []
    from .sections import heading

    flow = heading(ctx, "reading")
    if reading.title:
        flow[-1] = ctx.p(reading.title, "heading")
    if reading.verse:
        flow += verse.section(ctx, reading)
    else:
        line = 1
        for n, (text, counts) in enumerate(zip(reading.paragraphs, breaks(ctx)), 1):
            flow.append(NumberedPara(ctx, _para(ctx, text), line, n))
            line += len(counts)
    if reading.source:  # (kept with the reading's last lines: never alone at the top of a page)
        flow[-1].tail = ctx.p(reading.source, "citation")
        flow.append(flow[-1].tail)
    return flow
