"""The title block: title, subtitle, subject and grade, name lines or the key banner, the source."""
from __future__ import annotations

import re

from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from .. import fields, inline
from .pictures import drawable
from ..theming import fonts
from ..model import format_points
from .flow import Twin


class NameLines(Flowable):
    """Name ____ Date ____ Period ____ (student) or the answer-key banner (teacher)."""

    def __init__(self, ctx, labels, banner: str | None, total: str | None):
        super().__init__()
        self.ctx, self.labels, self.banner, self.total = ctx, labels, banner, total

    MIN_LINE = 0.3 * inch  # the least room to write on after a label
    NAME_LINE = 1.5 * inch  # the least room for a name beside the total; with less, the total gets a row of its own

    def wrap(self, aW, aH):
        ctx = self.ctx
        size = ctx.styles["body"].fontSize
        self.width, self.size = aW, size
        self.rows = 1
        self.alone = self._crowded(aW, size)
        if not self.banner:  # the key's banner is one row; Twin reserves the taller of the two
            # Date and Period go below Name in large print, or when long labels do not fit on one row;
            # labels too long even for two rows are set smaller until they fit
            if ctx.theme.one_column or self._overflow(self._one_row(aW), size) > 1:
                self.rows = 2
                self.size = size / max(1.0, self._overflow(self._two_rows(aW), size))
        self.height = 0.42 * inch * size / 10.5 * (1.6 if self.rows == 2 else 1) + self._above()
        return aW, self.height

    def _above(self) -> float:
        return self.ctx.styles["body"].fontSize * 1.8 if self.alone else 0

    def _crowded(self, aW, size) -> bool:
        """Whether the total ("Version A   Total: 20 points") leaves too little room beside it on a narrow page in
        large print: for the name and a line to write it on, or for the key's banner. Handout and key decide alike,
        so the two pages line up."""
        if not self.total:
            return False
        self.alone = False
        room = self._right(aW)
        face = self.ctx.styles["body"].fontName
        name = stringWidth(self.labels[0], *self.ctx.drawn_font(self.labels[0], face, size)) + 16
        heading = self.ctx.styles["heading"].fontName
        key = self.banner or self.ctx.label("answer_key")
        banner = stringWidth(key, *self.ctx.drawn_font(key, heading, size + 1)) + 16
        return room - name < self.NAME_LINE or room < banner

    def _right(self, aW) -> float:
        if not self.total or self.alone:
            return aW
        bold = fonts.roles(self.ctx.theme.family)["bold"]
        size = self.ctx.styles["body"].fontSize
        return aW - stringWidth(self.total, *self.ctx.drawn_font(self.total, bold, size)) - 18

    def _one_row(self, aW) -> list:
        right = self._right(aW)
        spans = [right * 0.5, right * 0.28, right * 0.22]
        starts = [0, spans[0], spans[0] + spans[1]]
        return [(label, x, x + span) for label, x, span in zip(self.labels, starts, spans)]

    def _two_rows(self, aW) -> list:
        return [(self.labels[0], 0, self._right(aW)), (self.labels[1], 0, aW * 0.55), (self.labels[2], aW * 0.55, aW)]

    def _overflow(self, spans, size) -> float:
        """How many times too wide the widest label is for its span (≤ 1: all fit)."""
        face = self.ctx.styles["body"].fontName
        need = [(stringWidth(label, *self.ctx.drawn_font(label, face, size)) + 16) / max(1.0, x1 - x0 - self.MIN_LINE)
                for label, x0, x1 in spans]
        return max(need)

    def draw(self):
        c, ctx = self.canv, self.ctx
        body = ctx.styles["body"]
        size = body.fontSize
        bold = fonts.roles(ctx.theme.family)["bold"]
        label_size = self.size  # smaller than the body only for labels too long for their lines
        base = 0.1 * inch
        top = self.height - self._above() - size * 1.2 if self.rows == 2 else base
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(ctx.theme.rule)
        right = self.width
        if self.total:
            face, drawn = ctx.drawn_font(self.total, bold, size)
            c.setFont(face, drawn)
            c.drawRightString(right, self.height - size if self.alone else top, self.total)
            right -= 0 if self.alone else c.stringWidth(self.total, face, drawn) + 18
        if self.banner:
            c.saveState()
            if ctx.color("shade") is not None:  # a band; a theme without bands gets a frame
                c.setFillColor(ctx.color("shade"))
                c.rect(0, base - 6, right, size + 12, stroke=0, fill=1)
            else:
                c.rect(0, base - 6, right, size + 12, stroke=1, fill=0)
            c.setFillColor(ctx.color("ink"))
            c.setFont(*ctx.drawn_font(self.banner, ctx.styles["heading"].fontName, size + 1))
            c.drawString(8, base, self.banner)
            c.restoreState()
            return
        if self.rows == 2:
            lines = [(self.labels[0], 0, right, top), (self.labels[1], 0, self.width * 0.55, base),
                     (self.labels[2], self.width * 0.55, self.width, base)]
        else:
            spans = [right * 0.5, right * 0.28, right * 0.22]
            starts = [0, spans[0], spans[0] + spans[1]]
            lines = [(label, x, x + span, base) for label, x, span in zip(self.labels, starts, spans)]
        for (label, x0, x1, y), name in zip(lines, ("name", "date", "period")):
            face, drawn = ctx.drawn_font(label, body.fontName, label_size)
            c.setFont(face, drawn)
            c.drawString(x0, y, label)
            start = x0 + c.stringWidth(label, face, drawn) + 4
            c.line(start, y - 2, x1 - 12, y - 2)
            fields.text(c, name, start, y - 3, x1 - 12 - start, size * 1.3, size, tip=label)  # (the fillable edition)


QUOTES = "\"'“”„‟‘’‚‛«»‹›「」『』《》〈〉"  # a title that opens with one of these brings its own quotation marks


def citation(source, labels: dict | None = None) -> str | None:
    """An escaped, readable citation: Author, “Title”, Publisher, date. URL

    With the guide's labels (labels.for_language), the title takes the language's quotation marks and an
    ISO date (2025-03-14) is written out in the language (14. März 2025); without them, the date prints as typed."""
    if source is None:
        return None
    from ..labels import EN, date

    parts = []
    if source.author:
        parts.append(inline.escape(source.author))
    if source.title and source.title[0] in QUOTES:  # typed with its own quotes ("“Ratios” – a handout"): as typed
        parts.append(inline.escape(source.title))
    elif source.title:
        parts.append(inline.escape((labels or EN)["cited_title"]).format(title=inline.escape(source.title)))
    if source.publisher:
        parts.append(f"<i>{inline.escape(source.publisher)}</i>")
    if source.date:
        parts.append(inline.escape(date(source.date, labels) if labels else source.date))
    text = ", ".join(parts)
    if source.url:
        text = f"{text}. {inline.escape(source.url)}" if text else inline.escape(source.url)
    return text or None


def grade_label(grade: str | None, labels: dict | None = None) -> str | None:
    """'10' → 'Grade 10', '9–12' → 'Grades 9–12'; words ('Year 7', 'Grade 10') print as typed."""
    if not grade:
        return None
    if re.fullmatch(r"[0-9Kk\s,+/&\u2013\u2014-]+", grade):
        several = re.search(r"[,+/&\u2013\u2014-]", grade) is not None
        from ..labels import EN

        return (labels or EN)["grades" if several else "grade"].format(g=grade)
    return grade


class Logo(Flowable):
    """The school's logo at a fixed height (narrower if it is very wide), left-aligned."""

    def __init__(self, path, height: float, max_width: float):
        super().__init__()
        self.image = drawable(path)  # named after its pixels: same bytes from any folder
        w, h = self.image.getSize()
        scale = min(height / h, max_width / w)
        self.size = (w * scale, h * scale)

    def wrap(self, aW, aH):
        self.width, self.height = self.size
        return self.size

    def draw(self):
        self.image.draw(self.canv, 0, 0, *self.size)


def branding(ctx) -> list:
    """School, course and teacher (and the logo) above the title, with a thin rule under them."""
    from reportlab.platypus import Table, TableStyle

    b = ctx.guide.branding
    lines = [ctx.p(b.school, "school")] if b.school else []
    rest = [x for x in (b.course, b.teacher) if x]
    if rest:
        lines.append(ctx.p("  ·  ".join(rest), "meta"))
    if not lines and b.logo is None:
        return []
    size = ctx.styles["title"].fontSize
    cells = [Logo(b.logo, max(size * 2.2, 0.5 * inch), ctx.width * 0.3)] if b.logo is not None else []
    logo_w = cells[0].size[0] + 10 if b.logo is not None else 0
    cells.append(lines or "")  # the rule below runs the full width, even under a logo alone
    widths = ([logo_w] if b.logo is not None else []) + [ctx.width - logo_w]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("LINEBELOW", (0, 0), (-1, -1), ctx.theme.grid, ctx.color("rule"))]))
    return [table, Spacer(1, 8)]


def header(ctx) -> list:
    g = ctx.guide
    flow = branding(ctx) if g.branding else []
    flow.append(ctx.p(g.title, "title"))
    if g.subtitle:
        flow.append(ctx.p(g.subtitle, "subtitle"))
    teacher = g.branding.teacher if g.branding else None
    author = None if teacher and g.author and " ".join(g.author.split()).casefold() == \
        " ".join(teacher.split()).casefold() else g.author  # the same name is printed once, above the title
    meta = [x for x in (g.subject, grade_label(g.grade, ctx.labels), author) if x]
    if meta:
        flow.append(ctx.p("  ·  ".join(meta), "meta"))
    flow.append(Spacer(1, 8))
    total = g.total_points
    total_text = ctx.label("total_one" if total == 1 else "total", points=format_points(total, ctx.labels)) if total is not None else None
    if g.version:  # students see their version letter on the first page
        total_text = ctx.label("version", v=g.version) + (f"   {total_text}" if total_text else "")
    labels = (ctx.label("name"), ctx.label("date"), ctx.label("period"))
    flow.append(Twin(NameLines(ctx, labels, None, total_text),
                     NameLines(ctx, labels, ctx.label("answer_key"), total_text), ctx))
    cite = citation(g.source, ctx.labels)
    if cite:
        flow.append(ctx.raw(f"<b>{inline.markup(ctx.label('source'), ctx.fonts)}</b> " + _route(ctx, cite), "citation"))
    return flow


def _route(ctx, markup: str) -> str:
    return inline._route(markup, ctx.fonts) if ctx.fonts and not markup.isascii() else markup
