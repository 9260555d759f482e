"""Lines left alone over a page break, read from the printed PDF (pdfium's characters and where they stand).

A widow: a page's first line ends a paragraph begun on the page before and is all of it there. An orphan:
a page's last line starts a paragraph that goes on over the page and is all of it there. Read, as a teacher
would, from the lines themselves: a line goes on over the page when its paragraph's next word (the next page's
first word) would not have fitted on it; a line ends its paragraph when the next line's first word would have.
Lines are runs of characters on one baseline in one size; the running header and footer (the text that repeats
at the same height on every page) are left out; pages whose top or foot is in columns (a table row, a word
bank) are not judged."""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

LABEL = re.compile(r"^(•|[0-9]+[.)]|[A-Za-z][.)])\s*")  # a bullet or a number hung before a paragraph's first line
POINTS = re.compile(r"\s*\(\d+(\.\d+)? ?\w{1,6}\)$")  # "(2 pts)" set at a question's right
GAP = 12.0  # points between two characters on one baseline that part two columns (or the type's size, if more)
LABELLED = 8  # the most characters of a label beside a line (a line number, "(2 pts)")


@dataclass
class Line:
    text: str
    size: float
    font: str  # the font most of its characters are in
    x0: float  # where its text starts (after a bullet or number)
    x1: float
    y: float
    space: float  # a space's width in its size (about)
    first_w: float  # its first word's width
    starts: bool = False  # a number or bullet hung before it: a paragraph's first line

    @property
    def first_word(self) -> str:
        return self.text.split()[0] if self.text.split() else ""


def _chars(page):
    tp = page.get_textpage()
    out = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if not ch or ch in "\r\n":
            continue
        raw.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(x), ctypes.byref(y))
        left, bottom, right, top = tp.get_charbox(i)
        out.append((ch, round(raw.FPDFText_GetFontSize(tp.raw, i), 1), x.value, y.value, right, _font(tp, i)))
    return out


def _font(tp, i) -> str:
    buf = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(tp.raw, i, buf, 128, None)
    return buf.value.decode("latin-1").split("+")[-1]


def _lines(page) -> list[list[Line]]:
    """The page's rows, top down, each a list of its column runs, left to right."""
    rows: dict[float, list] = {}
    for ch, size, x, y, right, font in _chars(page):
        rows.setdefault(round(y), []).append((ch, size, x, right, font))
    out = []
    for y in sorted(rows, reverse=True):
        chars = sorted(rows[y], key=lambda c: c[2])
        runs, run = [], []
        for c in chars:
            if run and (c[2] - run[-1][3] > max(GAP * 0.4, c[1] * 0.6) and run[-1][0].strip() or abs(c[1] - run[-1][1]) > 0.2 and c[0].strip() and run[-1][0].strip()):
                runs.append(run)
                run = []
            run.append(c)
        runs.append(run)
        line = []
        for run in runs:
            text = "".join(c[0] for c in run).strip()
            if not text:
                continue
            ink = [c for c in run if c[0].strip()]
            size = max(c[1] for c in ink)
            points = POINTS.search(text)  # (points flush right: not the line's text)
            if points and len(text) > len(points.group(0)):
                text = text[:points.start()].rstrip()
                ink = ink[:len(text.replace(" ", ""))]
            label = LABEL.match(text)
            body = ink[len(label.group(0).replace(" ", "")):] if label else ink
            body = body or ink
            word = text[label.end() if label else 0:].split() or [""]
            first = body[:len(word[0])]
            fonts = [c[4] for c in body]
            line.append(Line(text, size, max(set(fonts), key=fonts.count), body[0][2], ink[-1][3], y, size * 0.32,
                             first[-1][3] - first[0][2] if first else 0, bool(label)))
        texts = [l for l in line if len(l.text.replace(" ", "")) > LABELLED]
        if len(texts) == 1 and len(line) > 1:  # a line number or points beside one line of text
            if line[0] is not texts[0] and not line[0].text.isdigit():  # (a question's number: its first line)
                texts[0].starts = True
            line = texts
        if line:
            out.append(line)
    return out


def _body(pages: list[list[list[Line]]]) -> list[list[list[Line]]]:
    """Each page's rows without the running header and footer (rows whose text, digits aside, stands at the
    same height on most pages)."""
    key = lambda row: (row[0].y, re.sub(r"\d+", "#", " ".join(l.text for l in row)))
    seen: dict = {}
    for rows in pages:
        for row in rows:
            seen[key(row)] = seen.get(key(row), 0) + 1
    many = max(2, len(pages) // 2 + 1) if len(pages) > 1 else 2
    return [[row for row in rows if seen[key(row)] < many and not re.search(r"Page \d+ of \d+", row[0].text)]
            for rows in pages]


def _right(lines: list[Line], like: Line) -> float:
    """How far right lines like ``like`` reach (its size, and where it starts if three lines start there)."""
    sized = [l for l in lines if abs(l.size - like.size) < 0.2]
    column = [l for l in sized if abs(l.x0 - like.x0) < 1.5]
    return max(l.x1 for l in (column if len(column) >= 3 else sized))


def _goes_on(line: Line, nxt: Line, right: float) -> bool:
    """Whether ``nxt`` carries on ``line``'s paragraph: same size and its first word would not have fitted."""
    if abs(line.size - nxt.size) > 0.2 or line.font != nxt.font or abs(line.x0 - nxt.x0) > 1.5 or nxt.starts:
        return False
    if re.search(r"[.?!:;][)”\"’]?$", line.text):  # (a sentence ended: a paragraph may have)
        return False
    return line.x1 + line.space + nxt.first_w > right - 0.5


def scan(path: "str | bytes") -> list[tuple[str, int, str]]:
    """(kind, page, line) for each widow ("widow": a page's first line) and orphan ("orphan": its last)."""
    doc = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    pages = _body([_lines(doc[i]) for i in range(len(doc))])
    doc.close()
    found = []
    for n in range(1, len(pages)):
        before, here = pages[n - 1], pages[n]
        if not before or not here or len(before[-1]) != 1 or len(here[0]) != 1:
            continue
        last, first = before[-1][0], here[0][0]
        flat = [r[0] for r in before + here if len(r) == 1]
        right = _right(flat, first)
        if not _goes_on(last, first, right):
            continue
        after = here[1][0] if len(here) > 1 and len(here[1]) == 1 else None
        if after is None or not _goes_on(first, after, right):
            found.append(("widow", n + 1, first.text))
        prev = before[-2][0] if len(before) > 1 and len(before[-2]) == 1 else None
        if not last.text[:1].islower() and (prev is None or not _goes_on(prev, last, right)):
            found.append(("orphan", n, last.text))
    return found
