"""Flashcards: fold cards on a page, or fronts and backs on the two sides of a sheet."""
from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, DocIf, Flowable, KeepInFrame, PageBreak

from ... import activities as act
from ..._reportlab import kept_together, stacked_height
from ...theming import fonts
from ..marks import SectionMark
from ..flow import para_width
from .common import _instructions, _start, smallest, _text, _style

# -- flashcards ---------------------------------------------------------------------------------

def _card_styles(ctx):
    term = _style(ctx, "card_term", "heading", alignment=TA_CENTER, spaceBefore=0, spaceAfter=0)
    meaning = _style(ctx, "card_meaning", "body", alignment=TA_CENTER, spaceAfter=0)
    example = _style(ctx, "card_example", "cell_example", alignment=TA_CENTER, spaceBefore=4)
    return term, meaning, example


def _card_faces(ctx, card, duplex: bool = False):
    """The card's front (its term) and back (its meaning, and the example if any). ``duplex``: a
    double-sided card, whose meaning alone on its back prints at the term's size when it fits a line
    of the card there (*dog*, *train station*: read from as far as the front). Not bold: the term's
    side stays the bold one, so a card shows which side is up."""
    term_s, meaning_s, example_s = _card_styles(ctx)
    front = [ctx.p(card.term, "heading")]
    front[0].style = term_s
    if duplex and not card.example and _large_back(ctx, card.definition, term_s):
        back = [ctx.p(card.definition, "_activity_card_meaning_large")]
    else:
        back = [ctx.p(card.definition, "body")]
        back[0].style = meaning_s
    if card.example:
        back.append(ctx.p(card.example, "cell_example"))
        back[-1].style = example_s
    return front, back


def _large_back(ctx, definition: str, term_s) -> bool:
    """Whether a double-sided card's meaning fits a line of its card at the term's size (the style
    ``card_meaning_large`` made for it); asked once a layout for each meaning."""
    from ...activities.flashcards import COLUMNS

    fits = ctx.__dict__.setdefault("_card_backs_fit", {})  # (each card's faces are made more than once)
    if definition not in fits:
        _style(ctx, "card_meaning_large", "body", alignment=TA_CENTER, spaceAfter=0, fontSize=term_s.fontSize,
               leading=term_s.leading)
        large = ctx.p(definition, "_activity_card_meaning_large")
        fits[definition] = para_width(large) <= ctx.width / COLUMNS - 2 * DuplexPage.PAD
    return fits[definition]


class FoldCard(Flowable):
    """One card of the fold-over sheet: the term on the left half, its meaning on the right half.

    Dashed cut lines above and below; a dotted fold line down the middle.
    """

    MIN_HEIGHT = 1.4 * inch
    PAD = 12

    def __init__(self, ctx, card):
        super().__init__()
        self.ctx, self.card = ctx, card
        self.front, self.back = _card_faces(ctx, card)

    def _stack(self, items, w):
        return sum(i.wrap(w, 1e6)[1] + (i.style.spaceBefore if n else 0) for n, i in enumerate(items))

    _size_for = None  # the width the card was last measured at

    def wrap(self, aW, aH):
        # (its height depends on the width alone, and the cards left are measured again at each page's
        # split: a thousand cards were wrapped 336,000 times, their time growing with the square)
        if aW == self._size_for:
            return aW, self.height
        self._size_for = aW
        half = aW / 2
        inner = half - 2 * self.PAD
        need = max(self._stack(self.front, inner), self._stack(self.back, inner)) + 2 * self.PAD
        self.height = max(self.MIN_HEIGHT, need)
        self.width = aW
        if self.height > self.ctx.height:  # too much text for a card: shrink it to fit a page
            self.height = self.ctx.height
        return aW, self.height

    def _draw_faces(self, items, x, w):
        inner = w - 2 * self.PAD
        box = KeepInFrame(inner, self.height - 2 * self.PAD, list(items), mode="shrink")
        _, h = box.wrapOn(self.canv, inner, self.height - 2 * self.PAD)
        box.drawOn(self.canv, x + self.PAD, (self.height - h) / 2)

    def draw(self):
        c, ctx = self.canv, self.ctx
        half = self.width / 2
        c.saveState()
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(0.7)
        c.setDash(6, 4)
        c.line(0, 0, self.width, 0)
        c.line(0, self.height, self.width, self.height)
        c.setDash(1, 3)
        c.line(half, 4, half, self.height - 4)
        c.setDash()
        # the fold label along the fold line, read upwards from under the card's top: across the line it
        # takes a line's height, within the faces' padding (set across it, centred, at 16 pt in large
        # print, "fold" reached 7 pt into the meaning's side and a first line set from the left touched it)
        fold, asked = ctx.label("fold"), smallest(ctx.styles)
        face, size = ctx.drawn_font(fold, ctx.styles["body"].fontName, asked)  # (an Urdu label as large as its body)
        # the baseline under the line's middle: DejaVu's letters reach 0.76 em up and 0.24 down; Naskh's, set larger,
        # as high and deeper (fonts.depth: the dots under ی), so its baseline stands nearer the line
        low = 0.26 * size if size == asked else (0.76 * asked - fonts.depth(face, size)) / 2
        label_w = stringWidth(fold, face, size)
        c.translate(half, self.height - 6 - label_w)
        c.rotate(90)
        c.setFillColorRGB(1, 1, 1)
        c.rect(-2, -0.5 * size, label_w + 4, size, stroke=0, fill=1)
        c.setFillColor(ctx.color("ink_soft"))
        c.setFont(face, size)
        c.drawString(0, -low, fold)  # (the glyphs' box, ascent to descent, centred on the line)
        c.restoreState()
        self._draw_faces(self.front, 0, half)
        self._draw_faces(self.back, half, half)


def flashcards(ctx, name, cards) -> list:
    """The title and instructions with the first card; the other cards as many as fit where they land.
    When nothing follows them on their last page, the cards on pages of their own (the activity's first
    page when it opens one) are shared evenly among the pages they fill: a last page of one card and
    90 % blank paper became five cards a page."""
    folds = [FoldCard(ctx, card) for card in cards]
    flow = _start(ctx, name, cards)
    if len(folds) > 1:
        lead = stacked_height(flow[2:] + folds[:1], ctx.width)  # the title, instructions and first card
        rest = Cards(ctx, folds[1:], lead=lead)
        return [_OpenPage(flow[0].height, ctx, rest)] + flow[1:] + folds[:1] + [rest]
    return flow + folds


def _greedy(heights, page: float) -> tuple[int, float]:
    """The pages cards of these heights fill from a page's top, as many on each as fit; the last one's height used."""
    pages, used = 1, 0.0
    for h in heights:
        if used and used + h > page + 0.01:
            pages, used = pages + 1, 0.0
        used += h
    return pages, used


class _OpenPage(CondPageBreak):
    """The cards' page break: the next page when the title has not room to start (``height``), or when
    fewer cards would print under it here than the share each page gets with the cards opening the next
    page, and opening it costs no page nor, when another activity follows, room on their last page (the
    title and one card once ended the word search's page, the other seven went 4 + 3 over two more pages: all eight fit those two)."""

    def __init__(self, room: float, ctx, cards: Cards):
        super().__init__(room)
        self.ctx, self.cards = ctx, cards

    def wrap(self, aW, aH):
        room = self.height
        try:
            if room <= aH < self.ctx.height - 1 and self._next_page(aW, aH):
                self.height = aH + 1
            return super().wrap(aW, aH)
        finally:
            self.height = room

    def _next_page(self, aW, aH) -> bool:
        page, lead = self.ctx.height, self.cards.lead
        heights = [card.wrap(aW, page)[1] for card in self.cards.cards]
        if lead > aH:
            return False  # (the title and first card open the next page anyway)
        here = 1 + Cards._fits(heights, aH - lead)
        if here > len(heights):
            return False  # every card fits here
        stay, stay_last = _greedy(heights[here - 1:], page)  # (pages after this one)
        opened, opened_last = _greedy([lead] + heights, page)
        share = -(-(len(heights) + 1) // opened)
        fuller = self.cards.followed() is not None and opened_last > stay_last + 0.01  # (less room for what follows)
        return opened <= stay and here < share and not fuller


class Cards(Flowable):
    """Fold cards that go on over pages. On a page they share with what came before, as many as fit;
    on a page that is theirs from its top, an even share: the cards left divided among the pages they
    fill (``lead``: the height of the activity's title, instructions and first card on its first page,
    which count as that page's first card)."""

    def __init__(self, ctx, cards: list, lead: float = 0.0, fresh: bool = False, follower=None):
        super().__init__()
        self.ctx, self.cards, self.lead = ctx, cards, lead
        self.fresh = fresh  # the rest of an even share: they open the next page
        self.follower = follower  # the next activity's flowables (set by section), or None

    def _share(self, page: float) -> bool:
        """Share evenly unless the next activity's first block fits in the room the cards leave on
        their last page when as many as fit go on each (that room is then its, not a page's worth of
        blank paper: with nothing there to use it, one card once sat alone on a page)."""
        first = self.followed()
        if first is None:
            return True
        rest, last = self._heights, []
        while rest:
            n = max(1, self._fits(rest, page))
            last, rest = rest[:n], rest[n:]
        return stacked_height(kept_together(first), self.ctx.width) > page - sum(last)

    def followed(self):
        """The next activity's first block, or None: none follows, or it opens a page (double-sided cards
        open a sheet of their own)."""
        first = next((f for f in self.follower or () if not isinstance(f, (CondPageBreak, SectionMark))), None)
        return None if isinstance(first, PageBreak) else first

    def wrap(self, aW, aH):
        self._heights = [card.wrap(aW, aH)[1] for card in self.cards]
        self.width, self.height = aW, sum(self._heights)
        return aW, self.height

    @staticmethod
    def _fits(heights, room) -> int:
        used = k = 0
        while k < len(heights) and used + heights[k] <= room + 0.01:
            used += heights[k]
            k += 1
        return k

    def split(self, aW, aH):
        self.wrap(aW, aH)
        k, page = self._fits(self._heights, aH), self.ctx.height
        top = aH >= page - 1
        own = top or (self.lead and aH >= page - self.lead - 1)  # (this activity opened the page)
        if k and own and self._share(page):
            before = 0 if top else 1  # the first card, over these, on the activity's first page
            pages, rest = 1, self._heights[k:]
            while rest:
                pages, rest = pages + 1, rest[max(1, self._fits(rest, page)):]
            k = max(1, min(k, -(-(len(self.cards) + before) // pages) - before))
        if k == 0 or (self.fresh and not top):
            return []
        rest = [Cards(self.ctx, self.cards[k:], fresh=bool(own), follower=self.follower)] if k < len(self.cards) else []
        return self.cards[:k] + rest

    def draw(self):  # (all of them fit where they landed)
        y = self.height
        for card, h in zip(self.cards, self._heights):
            y -= h
            card.drawOn(self.canv, 0, y)


class DuplexPage(Flowable):
    """One page of double-sided cards: the fronts (terms), or the backs (meanings) in mirrored columns.

    The page's own title sits in a band of fixed height, so the cards are at
    the same place on the front and the back of the sheet. ``turned``: the
    backs of a landscape sheet (half pages), which turns top to bottom: the
    rows mirrored and the grid at the height the turn carries the fronts' grid
    to (``grid_y``, its bottom), the title and note under it.
    """

    PAD = 12  # a card's text from its cut lines
    MIN_PAD = 6  # above and below, when the full padding would cost a row of cards

    def __init__(self, ctx, page, rows: int, side: str, title: str, note: str, card_h: float, band: float,
                 vpad: float = PAD, grid_y: float = 0.0, height: float | None = None, turned: bool = False):
        super().__init__()
        self.ctx, self.page, self.rows, self.side = ctx, page, rows, side
        self.title, self.note, self.card_h, self.band, self.vpad = title, note, card_h, band, vpad
        self.grid_y, self.turned = grid_y, turned
        self.fixed = height

    def wrap(self, aW, aH):
        self.width, self.height = aW, self.fixed or self.band + self.rows * self.card_h
        return aW, self.height

    def draw(self):
        from ...activities.flashcards import COLUMNS, back_position

        c, ctx = self.canv, self.ctx
        top = self.grid_y + self.rows * self.card_h
        head = ctx.raw(_text(ctx, self.title), "heading")
        head.wrap(self.width, self.band)
        note = ctx.raw(_text(ctx, self.note), "instruction")
        note.wrap(self.width, self.band)
        head_top = self.grid_y - 12 if self.turned else self.height  # (turned: under the cards)
        head.drawOn(c, 0, head_top - head.height)
        note.drawOn(c, 0, head_top - head.height - 4 - note.height)
        w = self.width / COLUMNS
        used_rows = max(r for r, _, _ in self.page) + 1
        first = self.rows - used_rows if self.turned else 0  # the rows drawn, from the grid's top
        c.saveState()
        c.setStrokeColor(ctx.color("rule"))
        c.setLineWidth(0.7)
        c.setDash(6, 4)
        for r in range(first, first + used_rows + 1):
            c.line(0, top - r * self.card_h, self.width, top - r * self.card_h)
        for k in range(COLUMNS + 1):
            c.line(k * w, top - first * self.card_h, k * w, top - (first + used_rows) * self.card_h)
        c.restoreState()
        pad, vpad = self.PAD, self.vpad
        for r, col, card in self.page:
            front, back = _card_faces(ctx, card, duplex=True)
            if self.side == "front":
                items, (rr, cc) = front, (r, col)
            else:
                items, (rr, cc) = back, back_position(r, col, COLUMNS, self.rows if self.turned else 0)
            box = KeepInFrame(w - 2 * pad, self.card_h - 2 * vpad, items, mode="shrink")
            _, h = box.wrapOn(c, w - 2 * pad, self.card_h - 2 * vpad)
            y = top - (rr + 1) * self.card_h + (self.card_h - h) / 2
            box.drawOn(c, cc * w + pad, y)


class _BlankNote(Flowable):
    """The note on a page left blank so that the next page is the front of a sheet."""

    def __init__(self, ctx):
        super().__init__()
        self.para = ctx.raw(_text(ctx, ctx.label("blank_page")), "instruction")

    def wrap(self, aW, aH):
        self.width, self.height = self.para.wrap(aW, aH)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)


def flashcards_duplex(ctx, name, cards) -> list:
    from ...activities.flashcards import sheets

    from ...activities.flashcards import COLUMNS

    title = ctx.label(name + "_title")
    note, back_note = _instructions(ctx, name, cards), ctx.label("backs_note")

    def heights(texts, style):
        return max(ctx.raw(_text(ctx, t), style).wrap(ctx.width, ctx.height)[1] for t in texts)

    # the band above the cards holds the page's title and note, however long they run in the guide's language
    worst = ctx.label("sheet", n=len(cards), total=len(cards))
    title_h = heights([ctx.label(side, title=title) + " — " + worst for side in ("fronts", "backs")], "heading")
    note_h = heights([note, back_note], "instruction")
    band = (max(title_h, ctx.styles["heading"].leading) + 4 + max(note_h, 2 * ctx.styles["instruction"].leading)
            + 12)
    inner = ctx.width / COLUMNS - 2 * DuplexPage.PAD
    text = max(sum(i.wrap(inner, 1e6)[1] + (i.style.spaceBefore if n else 0) for n, i in enumerate(face))
               for card in cards for face in _card_faces(ctx, card, duplex=True))
    room = ctx.height - band
    turned = ctx.sheet == "half"  # two half pages on a landscape sheet: it turns top to bottom
    if turned:  # the backs' grid where the turn carries the fronts' (the sheet's height less their height
        # from the sheet's foot), their title and note under it: from the top margin's edge (``lift`` above
        # the bottom margin on the fronts when the top margin is the wider), to above the bottom margin
        top, bottom = ctx.theme.margin_top, ctx.theme.margin_bottom
        lift, reach = max(0.0, top - bottom - 1), ctx.height + top - bottom - 2
        under = max(title_h, ctx.styles["heading"].leading) + 4 + heights([back_note], "instruction") + 12
        room = min(room - lift, reach - lift - under + 1)

    def rows_at(pad):  # rows of cards as tall as the longest card's text at full size, with this padding
        return max(1, int(room // min(max(1.9 * inch, text + 2 * pad), room - 1)))

    # a row lost by a hair (readable, modern, letter: 3 rows wanted 7 pt a card more) is kept by narrowing
    # the top and bottom padding of the cards, down to MIN_PAD at the longest one, not the type
    rows = rows_at(DuplexPage.PAD)
    vpad = DuplexPage.PAD
    if rows_at(DuplexPage.MIN_PAD) > rows:
        rows, vpad = rows_at(DuplexPage.MIN_PAD), DuplexPage.MIN_PAD
    size = (room - 1) / rows, band, vpad  # (the cards share out the whole page)
    flow = [PageBreak(),
            # the fronts go on an odd page, the front of a sheet when the whole handout is printed double-sided
            # (marked: the page budget ends the section before on the page before it, not on the blank page)
            DocIf("doc.page % 2 == 0", [SectionMark(ctx, act.BLANK_PAGE), _BlankNote(ctx), PageBreak()]),
            SectionMark(ctx, name)]
    pages = sheets(cards, rows)
    for n, page in enumerate(pages, 1):
        part = " — " + ctx.label("sheet", n=n, total=len(pages)) if len(pages) > 1 else ""
        if n > 1:
            flow.append(PageBreak())
        fronts, backs = ctx.label("fronts", title=title) + part, ctx.label("backs", title=title) + part
        if turned:  # (both the whole frame's height less a point, as the cards' pages are unturned)
            flow += [DuplexPage(ctx, page, rows, "front", fronts, note, *size, grid_y=lift, height=ctx.height - 1),
                     PageBreak(),
                     DuplexPage(ctx, page, rows, "back", backs, back_note, *size, grid_y=reach - lift - (room - 1),
                                height=ctx.height - 1, turned=True)]
            continue
        flow += [DuplexPage(ctx, page, rows, "front", fronts, note, *size),
                 PageBreak(),
                 DuplexPage(ctx, page, rows, "back", backs, back_note, *size)]
    return flow
