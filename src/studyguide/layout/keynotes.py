"""The key's notes on the answers ("Why:", other accepted answers, grading notes) that would take
room in the handout: they go after the end of the handout, in the key only.

A note stays by its question when it costs nothing there (beside short choices, on answer lines
the model answer leaves free); otherwise the handout would keep an empty band the height of a note
it never prints. Such a note is an :class:`AwayNote` in the question's place: it takes no room, and
when its question is drawn it notes the page. After the last section, :class:`HandoutEnd` notes
the handout's last page (the handout document stops there) and :class:`KeyNotes` sets the notes
under it and on the key's pages after it, by question number and page.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from .. import inline, rtl
from ..theming import fonts
from .flow import Gap, Labelled, Stack, Twin


def enabled(ctx) -> bool:
    """Whether this story has the key's own pages at its end (a handout does, and a quiz whose notes by
    their questions pushed questions over pages: render._notes_away; an exit ticket keeps every note by
    its question, its key one page as the ticket)."""
    return ctx.key_notes is not None


def page_width(ctx, page: int) -> tuple:
    """The widths of the lines "(page 12)" takes before a note (as KeyNotes sets it): where two pages'
    are the same, their notes are set alike, whatever the number (pagetops)."""
    para = ctx.raw(f"<i>{inline.markup(ctx.label('key_note_page', n=page), ctx.fonts)}</i>", "explanation")
    para.wrap(1e6, 1e6)
    return tuple(para.getActualLineWidths0())


class AwayNote(Flowable):
    """A question's key note sent to the key's last pages; takes no room, notes the page when drawn."""

    _ZEROSIZE = 1  # placed (and so drawn) even at the foot of a full page, with its question

    def __init__(self, ctx, number: int, markup: str):
        super().__init__()
        self.ctx, self.number, self.markup = ctx, number, markup

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        self.send(self.canv.getPageNumber())

    def send(self, page: int):
        ctx = self.ctx
        if ctx.mode == ctx.primary:  # once, not again for each mirrored document
            ctx.key_notes.append((self.number, page, self.markup))


class HandoutEnd(Flowable):
    """Where the handout ends when notes follow: notes its page as the handout's last (the page before,
    when the last section filled its page to the foot). The notes may start under it, on the key's
    copy of that page (the handout's last: what is under its last line there is blank paper)."""

    _ZEROSIZE = 1  # placed even when the last section filled its page to the foot (else: a page of its own)

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self._at_top = False

    def wrap(self, aW, aH):
        self._at_top = aH >= self.ctx.height - 0.5
        return 0, 0

    def draw(self):
        ctx = self.ctx
        if ctx.key_notes and ctx.mode == ctx.primary:
            ctx.handout_pages = self.canv.getPageNumber() - (1 if self._at_top else 0)


class KeyNotes(Flowable):
    """The notes sent away, under a heading, each by its question's number and page (drawn in the key
    only: the handout document has stopped at :class:`HandoutEnd`)."""

    key_only = True  # (not the handout's page fill: pages.page_lowest)

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self._stack = None

    @property
    def _ZEROSIZE(self) -> bool:
        """No notes: nothing to place, even on a page filled to its foot (else: a blank page of its own)."""
        return not self.ctx.key_notes

    def getSpaceBefore(self):
        """The heading's space above, under the handout's last line; none when there are no notes: a
        page filled to its foot then opened a blank page for nothing (handout and key)."""
        return self.ctx.styles["heading"].spaceBefore if self.ctx.key_notes else 0

    def _items(self) -> list:
        ctx = self.ctx
        ni = ctx.theme.number_width
        face = fonts.roles(ctx.theme.family)["bold"]
        items = [_heading(ctx)]
        for number, page, markup in ctx.key_notes:
            where = inline.markup(ctx.label("key_note_page", n=page), ctx.fonts)  # (fallback fonts routed)
            para = ctx.raw(f"<i>{where}</i> {markup}", "explanation")  # (a Hebrew note: its number at the right)
            mirrored = rtl.shown_direction(f"{where} {markup}") is True
            items.append(Labelled(f"{number}.", para, ni, face, para.style.fontSize, mirrored=mirrored))
        twins = [Twin(Gap(0), item, ctx) for item in items]
        for n, twin in enumerate(twins):
            twin.key_only = True  # (not the handout's page fill: pages.page_lowest)
            twin.spaceBefore = ctx.styles["explanation"].fontSize * 0.5 if n else 0
        # The heading's own room above, for when the notes are split over pages and flow one by one under the
        # handout's last line (a crossword's grid): the stack (kept whole) leaves it out, the frame gives it then.
        twins[0].spaceBefore = self.getSpaceBefore()
        return twins

    def wrap(self, aW, aH):
        if not self.ctx.key_notes:
            return 0, 0
        if self._stack is None:
            self._stack = Stack(self._items())
        return self._stack.wrap(aW, aH)

    def split(self, aW, aH):
        """The notes that fit here under the heading, the heading never without the first of them; the rest
        open the next page under it again, "(continued)" (:func:`_over`)."""
        self.wrap(aW, aH)
        sizes = self._stack._sizes if self._stack is not None else []
        if len(sizes) < 2 or self._stack.height <= aH or sizes[0][1] + sum(sizes[1]) > aH:
            return []
        if self.ctx.__dict__.get("notes_plain"):  # (the headings over the pages after cost the key a page)
            return list(self._stack.items)
        return _over(self.ctx, self._stack.items, aW, aH)

    def draw(self):
        if self._stack is not None:
            self._stack.drawOn(self.canv, 0, 0)


def _heading(ctx, continued: bool = False):
    """"Notes on the Answers", or "Notes on the Answers (continued)" over the notes that go on over a page
    (the `continued` label, as over a crossword's clues)."""
    words = ctx.label("key_notes")
    return ctx.p(ctx.label("continued", what=words) if continued else words, "heading")


def _key_only(flowable):
    flowable.key_only = True  # (not the handout's page fill: pages.page_lowest)
    return flowable


def _fitting(items: list, aW, aH) -> int:
    """How many of ``items``, from the first, fit in ``aH`` one under another."""
    used = 0.0
    for n, item in enumerate(items):
        used += item.wrap(aW, aH)[1] + (item.getSpaceBefore() if n else 0)
        if used > aH:
            return n
    return len(items)


def _over(ctx, items: list, aW, aH) -> list:
    """The notes (``items``: the heading's twin, then the notes') that fit in ``aH`` as one block, then the rest
    under the heading again with "(continued)", itself split so where it runs over a page in turn. Before, the
    notes went on over the page with no heading: a page of the key opened with two notes and nothing saying
    what they were (the trial's Russian large print, its dickinson on half-letter). Never the last note alone
    under "(continued)" where the note before it can go over with it (the Russian guide's note 4 on A5, the
    photosynthesis guide's note 13 in large print: a page of the key for one note under a heading)."""
    k = _fitting(items, aW, aH)
    if k < 2:
        return []
    moved = 0.0
    if k == len(items) - 1 and k > 2 and _fresh(ctx, items[k - 1:], aW):
        k -= 1  # (the last note alone over the page: the one before it goes with it, as a list keeps two)
        moved = items[k].wrap(aW, aH)[1] + items[k].getSpaceBefore()
    here = _Part(ctx, items[:k], items[0].getSpaceBefore(), getattr(items[0], "continued", 0.0))
    if k == len(items):
        return [here]
    rest = Continued(ctx, items[k:])
    rest.stack.moved = moved  # (headings_cost: measured as if it had stayed, as mending.notes_plain was asked)
    return [here, rest]


def _fresh(ctx, notes: list, aW) -> bool:
    """Whether ``notes`` fit on one fresh page under the "(continued)" heading (a page they open together)."""
    return Continued(ctx, notes).wrap(aW, ctx.height)[1] <= ctx.height


class _Part(Stack):
    """The notes a page holds (key only); one under the "(continued)" heading notes where it is drawn, its
    height and the heading's (:func:`headings_cost`)."""

    key_only = True

    def __init__(self, ctx, items, space_before=0.0, heading: float = 0.0):
        super().__init__(items, space_before=space_before)
        self.ctx, self.heading, self.moved = ctx, heading, 0.0  # moved: the note sent over to keep the last company

    def draw(self):
        ctx = self.ctx
        if self.heading and ctx.mode == ctx.primary:
            ctx.__dict__.setdefault("notes_over", []).append((self.canv.getPageNumber(), self.height - self.moved,
                                                              self.heading))
        super().draw()


def headings_cost(ctx) -> bool:
    """Whether the "(continued)" headings may have cost the key its last page: what that page's notes take
    under their heading is no more than the headings on the pages before it took (mending.notes_plain then
    lays the key out without them, and keeps that when it saves the page)."""
    over = ctx.__dict__.get("notes_over", [])
    if len(over) < 2:  # (one page after the first: its heading shifts no note off a page)
        return False
    *before, (_, height, heading) = over
    return height - heading <= sum(h for _, _, h in before)


class Continued(Flowable):
    """The notes left over from a page, under "Notes on the Answers (continued)" (key only)."""

    key_only = True

    def __init__(self, ctx, items: list):
        super().__init__()
        self.ctx = ctx
        twin = _key_only(Twin(Gap(0), _heading(ctx, continued=True), ctx))
        self.stack = _Part(ctx, [twin] + list(items))

    def wrap(self, aW, aH):
        width, height = self.stack.wrap(aW, aH)
        heading = self.stack._sizes[0][1] + sum(self.stack._sizes[1][:1])  # (with the room under it)
        self.stack.heading = self.stack.items[0].continued = heading
        return width, height

    def split(self, aW, aH):
        """The notes that fit under the heading here; on a fresh page that holds no note under it (a note that
        nearly fills a page alone), the notes go on without the heading, as they did before it existed."""
        self.wrap(aW, aH)
        if self.stack.height <= aH:
            return []
        parts = _over(self.ctx, self.stack.items, aW, aH)
        if parts or aH < self.ctx.height - 0.5:
            return parts  # (nothing here: the next page, a fresh one)
        return _plain(self.ctx, self.stack.items[1:], aW, aH)

    def draw(self):
        self.stack.drawOn(self.canv, 0, 0)


def _plain(ctx, notes: list, aW, aH) -> list:
    """The notes a fresh page holds with no heading over them, then the rest under "(continued)" again; a note
    taller than a page even alone flows on its own (and the layout names it)."""
    k = _fitting(notes, aW, aH)
    if not k:
        return list(notes)
    here = _Part(ctx, notes[:k])
    return [here] if k == len(notes) else [here, Continued(ctx, notes[k:])]


def section(ctx) -> list:
    """The story's end: the handout's last page closed, then the key's notes (nothing without notes)."""
    return [HandoutEnd(ctx), KeyNotes(ctx)] if enabled(ctx) else []
