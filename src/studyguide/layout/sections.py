"""The reading part of a guide: summary, objectives, topics, perspectives,
the benefits/criticisms chart, takeaways and vocabulary."""
from __future__ import annotations

from itertools import zip_longest

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from .. import inline, picsize
from .._reportlab import RoomBreak, stacked_height
from . import besides, code, fill, kept, leads
from .pictures import drawable
from .ruled import entries, grid as _grid
from .tables import keep_with, of_topic
from ..model import Point


def heading(ctx, key: str, table=None, items=()) -> list:
    """A section heading that never sits alone at a page's foot: it moves on when
    less than ``heading_room`` is left below it, or, before a ``table``, less than the
    heading and the table's first three rows (a table keeps three rows on each side of a break),
    or before a list's ``items``, less than the heading and the items the list keeps together at its start."""
    from .marks import SectionMark  # notes the page (the page budget of `studyguide check`)

    para = ctx.p(ctx.heading_text(key), "heading")
    room = ctx.theme.heading_room
    opening = kept.opening(ctx, key, items)
    lead = table.lead_height(ctx.width) if table is not None else stacked_height(opening, ctx.width) if opening else 0
    if table is not None or 0 < lead <= ctx.height * 0.6:  # (a list that long flows from under its heading)
        room = max(room, para.wrap(ctx.width, ctx.height)[1] + para.style.spaceBefore + para.style.spaceAfter + lead)
    room = RoomBreak(room)
    room.relaid = kept.relaid(ctx, key)  # (the room for a list's first items, asked for by this layout only: pagetops)
    return [room, SectionMark(ctx, key), para]


def bullets(ctx, items, style="bullet", numbered=False) -> list:
    """A list's items, one paragraph each (kept.kept_ends keeps its ends together)."""
    out = []
    for n, text in enumerate(items, 1):
        out += code.paragraphs(ctx, text, style, ctx.styles[style].leftIndent, bulletText=f"{n}." if numbered else "•")
    return out


def _listed(ctx, key: str, items, numbered=False) -> list:
    """A section of one list under its heading, which keeps the list's first items with it."""
    listed = bullets(ctx, items, numbered=numbered)
    return heading(ctx, key, items=listed) + kept.kept_ends(ctx, key, listed)


def summary(ctx) -> list:
    g = ctx.guide
    if not g.summary:
        return []
    from .tables import summary_flows, table

    first = table(ctx, g.summary[0]) if not isinstance(g.summary[0], str) else None
    return summary_flows(ctx, list(g.summary), heading(ctx, "summary", first))


def objectives(ctx) -> list:
    if not ctx.guide.objectives:
        return []
    return _listed(ctx, "objectives", ctx.guide.objectives, numbered=True)


def takeaways(ctx) -> list:
    if not ctx.guide.takeaways:
        return []
    return _listed(ctx, "takeaways", ctx.guide.takeaways)


def topics(ctx) -> list:
    if not ctx.guide.topics:
        return []
    flow = heading(ctx, "topics")
    for n, topic in enumerate(ctx.guide.topics):
        text = [ctx.p(topic.title, "subheading")]
        title = text[0]
        if topic.summary:
            text += code.paragraphs(ctx, topic.summary, "body")
        if topic.tables:  # (its title and text do not end a page without the table's first rows)
            grids = of_topic(ctx, topic)
            if topic.image is None:
                flow.insert(0 if n == 0 else len(flow), keep_with(ctx, flow[-1:] * (n == 0) + text, grids[1],
                                                                     lead_in=bool(topic.summary)))
            text += grids
        points = bullets(ctx, topic.points)
        if topic.image is not None and ctx.theme.edition != "large-print":  # (drawn in a Pictured block)
            text += points
        else:  # (a topic's title and summary over its points keep the first ones, as a section's heading does)
            text = leads.topic(ctx, f"topic {n}", text, points)
            if n == 0 and isinstance(text[0], kept.KeepRun):  # (the section's heading goes with it: its run
                run = text.pop(0)  # breaks the page before the heading, not under it)
                flow.insert(len(flow) - 2, leads.headed(run, flow[-1:], ctx.height))
        if topic.image is None:
            flow += text
        elif ctx.theme.edition == "large-print":  # (pictures at their size: see `pictured`, and besides)
            picture = figure(ctx, topic.image, topic.caption)
            picture.least = 1.0  # (nor shrinks to finish a page)
            besides.topic(ctx, n, flow, text, title, picture)
        elif n == 0:  # (the section's heading goes with the first topic, its mark noting where they print)
            flow[-2:] = [Pictured(flow[-1:] + text, figure(ctx, topic.image, topic.caption), ctx.height, flow[-2])]
        else:
            flow.append(Pictured(text, figure(ctx, topic.image, topic.caption), ctx.height))
    return flow


def pictured(ctx, text: list, picture) -> list:
    """A topic's text and picture: one ``Pictured`` block, except in large print, where the text flows
    and its picture follows it as any figure (atop the next page when the room is short). The edition is
    about size: kept beside its text, farm-friends' farm picture shrank to 1.99 x 1.49 in (41 %) while the
    dog a page on printed at 4.80 x 3.60; and moving a topic whole to keep its picture at full size left
    photosynthesis' page 5 at 64 % full (86 % before) for no page saved."""
    if ctx.theme.edition == "large-print":
        picture.least = 1.0  # (nor shrinks to finish a page)
        return text + [picture]
    return [Pictured(text, picture, ctx.height)]


class Pictured(Flowable):
    """A topic's text and its picture as one block: the picture shrinks to stay on the page with its
    text (to ``PICTURE_LEAST`` of its size); when even that does not fit, text and picture open the next
    page together, unless that leaves the page they would leave short (layout.fill) and the text fills half
    of its room at least: then the text fills that page and the picture with its caption opens the next (r14 trial: the PE guide's first topic and its
    picture moved whole to page 2 of A5 and half-letter paper, leaving page 1 37 % empty). A topic that opens
    a page never shrinks its picture (there is no page to stay on): it prints at its size, the text going on
    over the page and the picture after it, as does a topic taller than a page. A picture read beside its
    text reads best: once a topic's text ended page 1 over 21 % of empty paper and its picture opened page 2,
    above the next topic's title; so a topic moves whole where the page it leaves stays full enough."""

    def __init__(self, items, picture, page_height: float, mark=None):
        super().__init__()
        self.items, self.picture, self.page_height, self.mark = items, picture, page_height, mark
        self.spaceBefore, self.spaceAfter = items[0].getSpaceBefore(), picture.getSpaceAfter()

    def _text(self, aW) -> float:
        """The text's height and the gap over the picture; each gap the larger of the space after the item
        over it and before the one under it, as a frame sets them."""
        self._sizes, total, after = [], 0.0, 0.0
        for n, item in enumerate(self.items + [self.picture]):
            gap = max(after, item.getSpaceBefore()) if n else 0.0
            if item is self.picture:
                return total + gap
            h = item.wrap(aW, self.page_height)[1]
            self._sizes.append((gap, h))
            total, after = total + gap + h, item.getSpaceAfter()
        return total

    def wrap(self, aW, aH):
        self.text = text = self._text(aW)
        self.picture.least = 1.0 if aH >= self.page_height - 1 else self.picture.shrinks  # (a fresh page: full size)
        room = min(aH, self.page_height) - text - self.spaceAfter  # (filled to its foot, the page's end mark
        self.width, self.height = aW, text + self.picture.wrap(aW, max(0.0, room))[1]  # went on to a blank page)
        return aW, self.height

    def split(self, aW, aH):
        self.wrap(aW, aH)
        if self.height <= aH:
            return [self]
        if aH >= self.page_height - 1 or self.wrap(aW, self.page_height)[1] > self.page_height \
                or (fill.page_short(aH, self.page_height) or self._full() and self.text <= aH) and self.text >= aH / 2:  # (moved
            # whole, it would leave this page short, and its text fills half that room: a title and a line do not
            # go on alone)
            self.picture.least = self.picture.shrinks  # (the picture on its own: as any figure)
            return [self.mark] * (self.mark is not None) + self.items + [self.picture]
        return []  # text and picture open the next page

    def _full(self) -> bool:
        """Whether this is the layout with pictures at their readable sizes (mending.pictures_full). There a
        topic's text stays where it fills half the room and its picture opens the next page at its size, page
        short or not: the mend keeps that layout only where it adds no page and no page short. pe-heart on half
        sheets: its chart squeezed to 2.53 in under its text (36 % of its letter size), as the topic before it
        had moved whole to page 2; now that topic's text ends page 1, and the chart prints 4.50 in on page 2."""
        ctx = getattr(self.picture, "ctx", None)
        return ctx is not None and bool(ctx.__dict__.get("pictures_full"))

    def drawOn(self, canvas, x, y, _sW=0):
        if self.mark is not None:
            self.mark.drawOn(canvas, x, y + self.height)
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        y = self.height
        for item, (gap, h) in zip(self.items, self._sizes):
            y -= gap + h
            item.drawOn(self.canv, 0, y)
        self.picture.drawOn(self.canv, 0, 0)


PICTURE_LEAST = 0.6  # a topic's picture shrinks to stay with its text down to this share of its size, as any
# figure does to finish a page, and no further: at 41 % (review 3) a grade 3 farm picture's animals were too
# small to tell apart, and a diagram's labels too small to read; picsize.READABLE where the layout allows it


class Figure(Flowable):
    """An image with its caption, centred; shrinks (to 60% at most) to finish a page rather than leave a gap."""

    def __init__(self, path, caption_para, sized, shrinks: float = PICTURE_LEAST, ctx=None):
        super().__init__()
        # an ImageReader (not a path) names the PDF image after its pixels, so the
        # bytes do not depend on the folder the guide was built in
        self.image, self.caption, self.ctx = drawable(path), caption_para, ctx
        self.full = sized(self.image.getSize())  # (its natural size: picsize.natural)
        self.spaceBefore, self.spaceAfter = 6, 6
        self.shrinks = shrinks  # the least share of its size it shrinks to, to finish a page
        self.least = shrinks

    def wrap(self, aW, aH):
        self.cap_h = self.caption.wrap(aW, aH)[1] + self.caption.style.spaceBefore if self.caption else 0
        w, h = self.full
        if h + self.cap_h > aH and aH - self.cap_h >= self.least * h:
            w, h = w * (aH - self.cap_h) / h, aH - self.cap_h
        self.img = (w, h)
        self.width, self.height = aW, h + self.cap_h
        return aW, self.height

    def draw(self):
        w, h = self.img
        if self.ctx is not None:  # (a picture questions read printed small is told: picsize; one shrunk under
            printed = self.ctx.__dict__.setdefault("pictures_printed", {})  # READABLE makes mending.pictures_full
            if self.image.path not in printed or w < printed[self.image.path][0]:  # try a layout at readable sizes)
                printed[self.image.path] = (w, self.image.getSize())
            if w < picsize.READABLE * self.full[0] - 0.5:
                self.ctx.__dict__["pictures_small"] = True
        self.image.draw(self.canv, (self.width - w) / 2, self.cap_h, w, h)  # upright; transparent: paper
        if self.caption:
            self.caption.drawOn(self.canv, 0, 0)


def figure(ctx, path, caption, width: float | None = None, height: float = 3.6 * inch):
    """A topic's image and caption, at most ``width`` wide (default: 80 % of the page's text) and ``height`` tall;
    in a layout asked for ``pictures_full`` (mending.pictures_full), at picsize's larger and readable sizes."""
    para = ctx.p(caption, "caption") if caption else None
    full = ctx.__dict__.get("pictures_full", False)  # True, or "standard": large print at the standard sizes
    large = ctx.theme.edition == "large-print" and full != "standard"

    def sized(pixels, full=bool(full)):
        return picsize.natural(pixels, ctx.width, width, height, full, large, ctx.height)

    picture = Figure(path, para, sized, picsize.READABLE if full else PICTURE_LEAST, ctx)
    if not full and sized(picture.image.getSize(), True) != picture.full:  # (larger in that layout)
        ctx.__dict__["pictures_small"] = True
    return picture


def perspectives(ctx) -> list:
    """Who thinks what: one paragraph each, the group in bold running into its view. A list, not a
    table: it may break over a page between two views (never inside one), so it fills the page the
    reading ends on instead of moving whole to the next."""
    items = ctx.guide.perspectives
    if not items:
        return []
    cell, bullet = ctx.styles["cell"], ctx.styles["bullet"]
    style = ParagraphStyle("view", parent=bullet, fontSize=cell.fontSize, leading=cell.leading,
                           bulletFontSize=cell.fontSize)
    paras = []
    for p in items:
        para = ctx.raw(f"<b>{inline.markup(p.who, ctx.fonts)}</b> — " + inline.markup(p.view, ctx.fonts), "bullet",
                       bulletText="•")
        para.style = style
        paras.append(KeepTogether([para]))
    return heading(ctx, "perspectives") + paras + [Spacer(1, 4)]


def _point(ctx, item: Point | None):
    if item is None:
        return ""
    text = f"**{item.point}**" if item.detail else item.point
    if item.detail:
        text += " — " + item.detail
    return ctx.p(text, "cell")


def chart(ctx) -> list:
    g = ctx.guide
    if not g.benefits and not g.criticisms:
        return []
    w = ctx.width
    h = {key: ctx.heading_text(key) for key in ("benefits", "criticisms")}
    if g.benefits and g.criticisms and ctx.theme.one_column:  # one chart under the other
        tables = []
        for key in ("benefits", "criticisms"):
            rows = [[ctx.p(h[key], "cell_head")]] + [[_point(ctx, x)] for x in getattr(g, key)]
            tables += [_grid(ctx, rows, [w], min_rows=1, key=key), Spacer(1, 10)]  # (breaking between points)
        return heading(ctx, "chart", tables[0]) + tables
    if g.benefits and g.criticisms:
        rows = [[ctx.p(h["benefits"], "cell_head"), ctx.p(h["criticisms"], "cell_head")]]
        rows += [[_point(ctx, b), _point(ctx, c)] for b, c in zip_longest(g.benefits, g.criticisms)]
        table = _grid(ctx, rows, [w / 2, w / 2])
        table.setStyle(TableStyle([("LINEAFTER", (0, 0), (0, -1), ctx.theme.grid, ctx.color("rule"))]))
    else:
        key = "benefits" if g.benefits else "criticisms"
        rows = [[ctx.p(h[key], "cell_head")]] + [[_point(ctx, x)] for x in getattr(g, key)]
        table = _grid(ctx, rows, [w])
    return heading(ctx, "chart", table) + [table, Spacer(1, 4)]


def vocabulary(ctx) -> list:
    terms = ctx.guide.vocabulary
    if not terms:
        return []
    w = ctx.width
    one_column = ctx.theme.one_column
    rows = [[ctx.p(ctx.label("term"), "cell_head")] if one_column else [ctx.p(ctx.label("term"), "cell_head"), ctx.p(ctx.label("meaning"), "cell_head")]]
    for t in terms:
        meaning = [ctx.p(t.definition, "cell")]
        if t.example:
            meaning.append(ctx.p(t.example, "cell_example"))
        rows.append([[ctx.p(t.term, "cell_head")] + meaning] if one_column else [ctx.p(t.term, "cell_head"), meaning])
    widths = [w] if one_column else [w * 0.27, w * 0.73]
    if one_column or all(len(inline.plain(t.definition)) <= COMPACT_DEFINITION for t in terms):
        table = _vocabulary_pairs(ctx, terms, 1 if one_column else 2)
        return heading(ctx, "vocabulary", table) + [table, Spacer(1, 4)]
    table = _grid(ctx, rows, widths)
    return heading(ctx, "vocabulary", table) + [table, Spacer(1, 4)]


COMPACT_DEFINITION = 160  # characters: definitions this short set two terms to a row


def _vocabulary_pairs(ctx, terms, columns: int):
    """Two terms to a row (one in large print), each term in bold leading its definition, the
    example under it: about two thirds of a table with a column for terms, nothing left out."""
    def cell(t):
        if t is None:
            return ""
        text = f"<b>{inline.markup(t.term, ctx.fonts)}</b> " + inline.markup(t.definition, ctx.fonts)
        if t.example:  # run in after the definition, in the example's face and colour: no half-empty line
            ex = ctx.styles["cell_example"]
            text += (f' <font name="{ex.fontName}" color="#{ex.textColor.hexval()[2:]}">'
                     f'{inline.markup(t.example, ctx.fonts)}</font>')
        return [ctx.raw(text, "cell")]

    if columns == 1:  # (large print: entries one under another, breaking between any two)
        return entries(ctx, [cell(t) for t in terms])
    rows = [[cell(a), cell(b)] for a, b in zip_longest(terms[0::2], terms[1::2])]
    table = _grid(ctx, rows, [ctx.width / 2] * 2, header=False)
    table.setStyle(TableStyle([("LINEAFTER", (0, 0), (0, -1), ctx.theme.grid, ctx.color("rule")),
                               ("LEFTPADDING", (1, 0), (1, -1), 8)]))
    return table
