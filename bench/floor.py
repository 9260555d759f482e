"""The floor: a plain reportlab script that lays out a guide's handout directly.

No studyguide code is imported. It reads the YAML with PyYAML's C loader,
registers the same four DejaVu Sans faces studyguide bundles, and builds the
same kinds of flowables with the same sizes, margins and spacing: title and
heading Paragraphs, bullet Paragraphs, a two-column benefits/criticisms Table
and a vocabulary Table (both with repeatRows), each question a KeepTogether of
Paragraphs (prompt, instruction, choices), ruled answer lines as a small
Flowable, a word-bank Table and a matching Table. One SimpleDocTemplate
(invariant=1), a "title · Page X of Y" footer from a canvasmaker, one PDF.

It also lays out the key's explanation notes ("Why: ...", "Also accept ...")
under their questions, because studyguide's handout reserves exactly that room
(so a question starts on the same page in handout and key): both then wrap the
same text and fill about the same number of pages.

    python bench/floor.py guide.yaml out.pdf

In process: ``render(path) -> (pdf_bytes, pages)`` or ``build(path, out) -> pages``.
"""
from __future__ import annotations

import io
import math
import re
import sys
from pathlib import Path

import yaml
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (CondPageBreak, Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

FONT_DIR = Path(__file__).resolve().parent.parent / "src" / "studyguide" / "fonts"
R, B, I, BI = "FloorSans", "FloorSans-Bold", "FloorSans-Italic", "FloorSans-BoldItalic"
FILES = {R: "DejaVuSans.ttf", B: "DejaVuSans-Bold.ttf", I: "DejaVuSans-Oblique.ttf", BI: "DejaVuSans-BoldOblique.ttf"}

# the same geometry and type as studyguide's default theme (src/studyguide/theming/styles.py)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, FOOTER_Y = 0.75 * inch, 0.7 * inch, 0.9 * inch, 0.5 * inch
PAD = 6  # SimpleDocTemplate's frame pads 6 pt on each side; the margins give it back
LINE_GAP, RULE, GRID, Q_GAP, NUM_W, HEAD_ROOM = 0.34 * inch, 0.6, 0.5, 12, 0.36 * inch, 1.25 * inch
CHOICE_INDENT = 0.3 * inch
INK, SOFT, RULE_C, SHADE = colors.black, colors.HexColor("#333333"), colors.HexColor("#555555"), colors.HexColor("#E6E6E6")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HEADINGS = {"summary": "Summary", "objectives": "Objectives", "topics": "Key Topics", "perspectives": "Perspectives",
            "chart": "Benefits and Criticisms", "benefits": "Benefits", "criticisms": "Criticisms",
            "takeaways": "Key Takeaways", "vocabulary": "Vocabulary", "questions": "Questions"}
INSTRUCTIONS = {
    "multiple_choice": "Circle the letter of the best answer.",
    "select_all": "Circle the letter of every correct answer; there may be more than one.",
    "true_false": "Circle True or False.",
    "short_answer": "Answer in complete sentences on the lines.",
    "essay": "Write your answer on the lines. Support it with evidence from the reading.",
    "fill_in_blank": "Write the missing word or words in each blank.",
    "fill_in_blank_bank": "Write the missing word or words in each blank, choosing from the word bank.",
    "matching": "Write the letter of the matching item on the line beside each number.",
    "ordering": "Number the items in the boxes in the right order, 1 for the first.",
}

_registered = False


def register_fonts() -> None:
    global _registered
    if not _registered:
        for name, filename in FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
        registerFontFamily(R, normal=R, bold=B, italic=I, boldItalic=BI)
        _registered = True


def make_styles() -> dict:
    body = ParagraphStyle("body", fontName=R, bulletFontName=R, fontSize=10.5, leading=14.5, spaceAfter=4,
                          textColor=INK)
    S = {"body": body}

    def add(name, parent="body", **kw):
        S[name] = ParagraphStyle(name, parent=S[parent], **kw)

    add("title", fontName=B, fontSize=21, leading=25, spaceAfter=2)
    add("subtitle", fontName=I, fontSize=12.5, leading=16, spaceAfter=4)
    add("meta", fontSize=9.5, leading=12.5, textColor=SOFT, spaceAfter=0)
    add("citation", "meta", fontSize=8.5, leading=11.5, spaceBefore=6, spaceAfter=4)
    add("heading", fontName=B, fontSize=14, leading=18, spaceBefore=14, spaceAfter=6)
    add("subheading", fontName=B, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=2, keepWithNext=1)
    add("bullet", leftIndent=16, bulletIndent=4, spaceAfter=2)
    add("cell", fontSize=9.5, leading=12.5, spaceAfter=0)
    add("cell_head", "cell", fontName=B, fontSize=10)
    add("cell_example", "cell", fontName=I, textColor=SOFT, spaceBefore=2)
    add("caption", fontName=I, fontSize=9, leading=12, alignment=TA_CENTER, spaceBefore=3, spaceAfter=8)
    add("prompt", spaceAfter=0, leftIndent=NUM_W, bulletIndent=0, bulletFontName=B, spaceBefore=Q_GAP)
    add("instruction", fontName=I, fontSize=9, leading=12, textColor=SOFT, spaceAfter=0, leftIndent=NUM_W)
    add("choice", spaceAfter=0, leftIndent=NUM_W + CHOICE_INDENT, bulletIndent=NUM_W)
    add("mcell", spaceAfter=0)
    add("item", spaceAfter=0, leftIndent=NUM_W + 0.3 * inch + 10, bulletIndent=NUM_W, bulletFontSize=20)
    add("tf", spaceAfter=0, leftIndent=NUM_W + 4, leading=23)
    add("explanation", fontName=I, fontSize=9.5, leading=12.5, textColor=SOFT, spaceBefore=3, spaceAfter=0,
        leftIndent=NUM_W)
    return S


# ------------------------------------------------------------------- text → markup
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)
_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def md(text) -> str:
    out = " ".join(str(text).split()).translate(_ESC)
    if "*" in out:
        out = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", out))
    return out


# ------------------------------------------------------------------- flowables
class Lines(Flowable):
    """Ruled answer lines."""

    def __init__(self, count: int):
        super().__init__()
        self.count = count

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.count * LINE_GAP
        return aW, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(RULE_C)
        c.setLineWidth(RULE)
        for i in range(1, self.count + 1):
            c.line(NUM_W, self.height - i * LINE_GAP, self.width, self.height - i * LINE_GAP)


class NameLines(Flowable):
    """Name ____ Date ____ Period ____ and the total points."""

    def __init__(self, total: str | None):
        super().__init__()
        self.total = total

    def wrap(self, aW, aH):
        self.width, self.height = aW, 0.42 * inch
        return aW, self.height

    def draw(self):
        c, size, base, right = self.canv, 10.5, 0.1 * inch, self.width
        c.setStrokeColor(RULE_C)
        c.setLineWidth(RULE)
        if self.total:
            c.setFont(B, size)
            c.drawRightString(right, base, self.total)
            right -= stringWidth(self.total, B, size) + 18
        x = 0
        c.setFont(R, size)
        for label, share in (("Name", 0.5), ("Date", 0.28), ("Period", 0.22)):
            c.drawString(x, base, label)
            c.line(x + stringWidth(label, R, size) + 4, base - 2, x + right * share - 12, base - 2)
            x += right * share


def numbered_canvas(footer: str):
    class NumberedCanvas(Canvas):
        """The reportlab "Page X of Y" recipe: keep each page's state, draw footers on save."""

        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for n, state in enumerate(self._saved, 1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setStrokeColor(SOFT)
                self.setFillColor(SOFT)
                self.setLineWidth(0.4)
                self.line(MARGIN_X, FOOTER_Y + 11.5, width - MARGIN_X, FOOTER_Y + 11.5)
                self.setFont(R, 8.5)
                self.drawString(MARGIN_X, FOOTER_Y, f"{footer} · Page {n} of {total}")
                super().showPage()
            self.pages = total
            super().save()

    return NumberedCanvas


def _grid(rows, widths, extra=()):
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), GRID, RULE_C),
             ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
             ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), GRID * 2, INK), *extra]
    t = Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style))
    t.hAlign = "LEFT"
    return t


# ------------------------------------------------------------------- the story
def story(g: dict, S: dict, width: float) -> list:
    H = dict(HEADINGS, **(g.get("headings") or {}))
    P = Paragraph

    def heading(key):
        return [CondPageBreak(HEAD_ROOM), P(md(H[key]), S["heading"])]

    def bullets(items, numbered=False):
        return [P(md(x), S["bullet"], bulletText=f"{n}." if numbered else "•") for n, x in enumerate(items, 1)]

    flow = [P(md(g["title"]), S["title"])]
    if g.get("subtitle"):
        flow.append(P(md(g["subtitle"]), S["subtitle"]))
    meta = [str(x) for x in (g.get("subject"), f"Grade {g['grade']}" if g.get("grade") else None, g.get("author")) if x]
    if meta:
        flow.append(P(md("  ·  ".join(meta)), S["meta"]))
    flow.append(Spacer(1, 8))
    points = [q.get("points") for q in g.get("questions") or () if q.get("points") is not None]
    flow.append(NameLines(f"Total: {sum(points):g} points" if points else None))
    src = g.get("source")
    if isinstance(src, dict):
        parts = [md(src["author"])] if src.get("author") else []
        if src.get("title"):
            parts.append(f"“{md(src['title'])}”")
        if src.get("publisher"):
            parts.append(f"<i>{md(src['publisher'])}</i>")
        if src.get("date"):
            parts.append(md(src["date"]))
        text = ", ".join(parts) + (f". {md(src['url'])}" if src.get("url") else "")
        flow.append(P("<b>Source:</b> " + text, S["citation"]))

    if g.get("summary"):
        flow += heading("summary") + [P(md(p), S["body"]) for p in re.split(r"\n\s*\n", g["summary"]) if p.strip()]
    if g.get("objectives"):
        flow += heading("objectives") + bullets(g["objectives"], numbered=True)
    if g.get("topics"):
        flow += heading("topics")
        for t in g["topics"]:
            flow.append(P(md(t["title"]), S["subheading"]))
            if t.get("summary"):
                flow.append(P(md(t["summary"]), S["body"]))
            flow += bullets(t.get("points") or ())

    def point(x):
        if x is None:
            return ""
        if isinstance(x, dict):
            return P(f"<b>{md(x['point'])}</b> — {md(x['detail'])}" if x.get("detail") else md(x["point"]), S["cell"])
        return P(md(x), S["cell"])

    ben, cri = g.get("benefits") or [], g.get("criticisms") or []
    if ben and cri:
        rows = [[P(md(H["benefits"]), S["cell_head"]), P(md(H["criticisms"]), S["cell_head"])]]
        rows += [[point(ben[i] if i < len(ben) else None), point(cri[i] if i < len(cri) else None)]
                 for i in range(max(len(ben), len(cri)))]
        flow += heading("chart") + [_grid(rows, [width / 2] * 2, [("LINEAFTER", (0, 0), (0, -1), GRID, RULE_C)]),
                                    Spacer(1, 4)]
    if g.get("takeaways"):
        flow += heading("takeaways") + bullets(g["takeaways"])
    if g.get("vocabulary"):
        rows = [[P("Term", S["cell_head"]), P("Meaning", S["cell_head"])]]
        for t in g["vocabulary"]:
            meaning = [P(md(t["definition"]), S["cell"])]
            if t.get("example"):
                meaning.append(P(md(t["example"]), S["cell_example"]))
            rows.append([P(md(t["term"]), S["cell_head"]), meaning])
        flow += heading("vocabulary") + [_grid(rows, [width * 0.27, width * 0.73]), Spacer(1, 4)]

    questions = g.get("questions") or []
    if questions:
        flow.append(CondPageBreak(HEAD_ROOM))
        for n, q in enumerate(questions, 1):
            block = question(n, q, S, width)
            if n == 1:
                block.insert(0, P(md(H["questions"]), S["heading"]))
            flow.append(KeepTogether(block))
    return flow


def question(n: int, q: dict, S: dict, width: float) -> list:
    P, kind = Paragraph, q["type"]
    pts = q.get("points")
    tail = f"  ({pts:g} pt{'' if pts == 1 else 's'})" if pts is not None else ""
    notes = []
    body: list = []
    if kind == "fill_in_blank":
        size, nbsp = S["body"].fontSize, stringWidth("\u00a0", R, S["body"].fontSize)
        answers = []

        def blank(m):
            alts = [a.strip() for a in m.group(1).split("|")]
            answers.append(alts[0])
            if len(alts) > 1:
                notes.append("<b>Also accept</b> " + ", ".join(f"“{md(a)}”" for a in alts[1:]) + f" for “{md(alts[0])}”.")
            count = math.ceil(max(stringWidth(alts[0], I, size) * 1.25 + 16, 0.9 * inch) / nbsp)
            return "<u>" + "\u00a0" * count + "</u>"

        prompt = re.sub(r"\[\[(.*?)\]\]", blank, md(q["prompt"]))
        if q.get("word_bank"):
            words = sorted(set(answers), key=lambda w: (w.casefold(), w))
            box = Table([[P("<b>Word bank:</b>  " + "   ·   ".join(md(w) for w in words), S["cell"])]],
                        colWidths=[width - NUM_W - 8],
                        style=TableStyle([("BOX", (0, 0), (-1, -1), GRID * 1.6, RULE_C),
                                          ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 5),
                                          ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
            box.hAlign = "RIGHT"
            body += [Spacer(1, 4), box]
            kind = "fill_in_blank_bank"
    else:
        prompt = md(q["prompt"])
    head = [P(prompt + tail, S["prompt"], bulletText=f"{n}."), P(INSTRUCTIONS[kind], S["instruction"]), Spacer(1, 4)]
    if kind in ("multiple_choice", "select_all"):
        body += [P(md(c), S["choice"], bulletText=f"{LETTERS[i]}.") for i, c in enumerate(q["choices"])]
    elif kind == "true_false":
        body.append(P("True" + "\u00a0" * 10 + "False", S["tf"]))
    elif kind in ("short_answer", "essay"):
        body.append(Lines(int(q.get("lines") or (3 if kind == "short_answer" else 12))))
    elif kind == "matching":
        pairs = q["pairs"]
        rights = [p["right"] for p in pairs]
        rights = rights[1:] + rights[:1]  # a fixed reordering, as the handout shuffles them
        rows = [["______", P(f"{i + 1}.", S["mcell"]), P(md(p["left"]), S["mcell"]),
                 P(f"<b>{LETTERS[i]}.</b>", S["mcell"]), P(md(rights[i]), S["mcell"])] for i, p in enumerate(pairs)]
        w = width - NUM_W
        t = Table(rows, colWidths=[0.5 * inch, 0.3 * inch, w * 0.42 - 0.8 * inch, 0.3 * inch, w * 0.58 - 0.3 * inch],
                  style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 3),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("FONT", (0, 0), (-1, -1), R, 10.5)]))
        t.hAlign = "RIGHT"
        body.append(t)
    elif kind == "ordering":
        items = q["items"]
        for x in items[1:] + items[:1]:
            body += [P(md(x), S["item"], bulletText="\u25a1"), Spacer(1, 3)]
    if q.get("explanation"):
        notes.append("<b>Why:</b> " + md(q["explanation"]))
    if notes:
        body.append(P("<br/>".join(notes), S["explanation"]))
    return head + body


# ------------------------------------------------------------------- entry points
def load(path) -> dict:
    with open(path, "rb") as fh:
        return yaml.load(fh, Loader=yaml.CSafeLoader)


def render(path) -> tuple[bytes, int]:
    """Lay the guide at ``path`` out as one PDF in memory: (bytes, pages)."""
    register_fonts()
    g = load(path)
    S = make_styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4 if str(g.get("paper", "")).lower() == "a4" else LETTER,
                            leftMargin=MARGIN_X - PAD, rightMargin=MARGIN_X - PAD,
                            topMargin=MARGIN_TOP - PAD, bottomMargin=MARGIN_BOTTOM - PAD,
                            title=str(g["title"]), author=str(g.get("author") or ""), invariant=1)
    canvases = []
    maker = numbered_canvas(re.sub(r"\*+", "", str(g["title"])))

    def canvasmaker(*a, **kw):
        canvases.append(maker(*a, **kw))
        return canvases[-1]

    doc.build(story(g, S, doc.width - 2 * PAD), canvasmaker=canvasmaker)
    return buf.getvalue(), canvases[-1].pages


def build(path, out) -> int:
    pdf, pages = render(path)
    Path(out).write_bytes(pdf)
    return pages


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python bench/floor.py GUIDE.yaml OUT.pdf", file=sys.stderr)
        return 2
    pages = build(argv[0], argv[1])
    print(f"{argv[1]} ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
