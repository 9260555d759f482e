"""How each page of a layout opens, so that a layout tried only to save a page (mending.entries_over: large
print's vocabulary entry at a page's foot going on over the page) need not be laid out whole. Such a layout
sets a flowable or two of the story unlike the first layout did (marked ``relaid``); what comes before them is
laid out as it was, and once they are laid out, a page that opens as it did in the first layout starts the
first layout's pages again, to the end. So the layout tried starts on the last page that opened before them
(:meth:`PageTops.resume`, given what the first layout had gathered before that page), and stops at the first
page after them that opens as it did (:class:`Met`): it cannot save a page. What it lays out in between is
enough to count its pages; a layout that saves one is laid out again, whole, to be kept (the bundled guides'
large print spent a third of its build on a layout thrown away; one guide of the hundred or so kept it).

"Opens as it did", at the first flowable handled on a page (its frame empty): the same page, the same story
flowable next, whole, as many left, and, of the next :data:`glue.LOOK` (as far as the gaps' planning on a
page before reaches), the attributes a layout writes on flowables: a gap glue.plan shrank (``spaceBefore``),
reportlab's ``keepWithNext`` cleared when it grouped a heading with what follows, its ``_postponed`` on one
sent on from the page before. And of the context: the key's notes gathered so far (printed after the handout
with their questions' pages: a page whose number prints as wide is the same), and the handout's last page.
What else a layout notes on the context (page fill, list pages, section marks) is read by the mending passes,
after a layout, never while one is laid out.

A layout tried with ``stop_short`` (mending.keep_lists and lines_whole: "pages"; leads_up, crossword_kept,
pictures_kept and pictures_full: "count") is kept only if it leaves no page short the first did not, or no
more pages short. It stops at a page's opening once the pages before it settle that it would not be
(:meth:`PageTops._costs`): a page ended short, with something drawn after it, so not the last; checked
also at the first thing drawn on each page (:meth:`PageTops.drawn`), a page sooner. It is laid
out from page 1 (never resumed: a layout kept is this one). mending.keep_lists marks the flowables its trial
sets unlike the first layout (``relaid``: the KeepRuns of the lists it keeps newly, a list's heading's room),
and counts the story without KeepRuns (``extra``), so that a page of each layout opening on the same item
compares alike: once past them, a page that opens as a page of the first layout before it did stops the trial
(:meth:`PageTops._behind`): the rest would be the first layout's pages, as many pages later, so it is longer.
The benchmark's 50-unit guide threw such a trial away after its 92nd page; it now stops at page 61. A keep_lists
trial also stops at the first page that opens once every item of the lists it keeps is drawn, where no fewer of them
are left with an item alone than in the first layout (:meth:`PageTops._no_better`): it would not be kept."""
from __future__ import annotations

from reportlab.platypus import Flowable

from ._reportlab import LAID_OUT_MARKS, start_at
from .glue import LOOK, GlueDocTemplate, _holder
from .layout.fill import ends_short

WRITTEN = ("spaceBefore", *LAID_OUT_MARKS)  # a flowable's attributes a layout may change on it (glue.plan: its gap)


class Met(Exception):
    """A layout tried again came back, at the top of a page, to the layout it was tried against."""


class PageTops:
    """Each page's opening state in one layout (``ctx.page_tops``: page → state, None where a page opens on
    part of a flowable). With ``first`` (the context of the layout this one is tried against), the layout
    resumes where the first one's pages are still its own (:meth:`resume`) and raises :class:`Met` where
    they are again. ``canvases``: the key's, numbered as the handout's."""

    def __init__(self, ctx, flow: list, first=None, canvases=()):
        self.ctx, self.first, self.canvases = ctx, first, list(canvases)
        self.flow = list(flow)  # (held: the ids below stay theirs)
        self.rule = ctx.__dict__.get("stop_short") if first is not None else None  # (:meth:`_costs`)
        self.short = _short(first) if self.rule else set()
        self.last = max(first.__dict__.get("page_tops", ()), default=None) if self.rule else None  # (:meth:`opening`)
        own = [j for j, f in enumerate(self.flow) if not getattr(f, "extra", False)]  # (the story but its KeepRuns)
        self.index = {id(self.flow[j]): (i, j) for i, j in enumerate(own)}
        self.own, self.extras = own, [0] * (len(self.flow) + 1)  # extras: the KeepRuns from each flowable on
        for j in range(len(self.flow) - 1, -1, -1):
            self.extras[j] = self.extras[j + 1] + bool(getattr(self.flow[j], "extra", False))
        relaid = [j for j, f in enumerate(self.flow) if getattr(f, "relaid", False)]
        marked = not self.rule or ctx.__dict__.get("lists_relaid")  # (mending.keep_lists: see :meth:`_behind`)
        self.relaid = (relaid[0], relaid[-1]) if relaid and first is not None and marked else None
        self.against = first.__dict__.get("page_tops", {}) if self.relaid else {}
        self.behind = {}  # the first layout's pages by their opening (:meth:`_behind`)
        for page, state in self.against.items() if self.rule else ():
            if state is not None:
                self.behind.setdefault(state, page)
        self.parity = max((j for j, f in enumerate(self.flow) if type(f).__name__.startswith("Doc")), default=-1)
        self.seen = ctx.__dict__.setdefault("page_tops", {})
        self.widths = {}  # page → keynotes.page_width
        self.start = 1  # the page the layout starts on
        self.checked = set()  # pages with something drawn on them, their pages before checked (:meth:`drawn`)
        self.lists = _lists_last(ctx, self.flow) if self.rule == "pages" and marked else None  # (:meth:`_no_better`)

    def resume(self) -> list:
        """The story from the last page the first layout opened before the first relaid flowable (not on it: it may
        have been tried at the foot of the page before, and gone on over the page this time), whole, with what a
        layout writes on flowables as they could be made, and the handout not ended (the whole story when there
        is none, or no first layout); this context given the key's notes and each page's lowest point the first
        had before that page."""
        if not self.relaid or self.rule:  # (a rule's layout may be kept: it is laid out whole)
            return list(self.flow)  # (the document takes its story's items off the list it is given)
        n, own = len(self.own), self.own
        pages = [page for page, state in self.against.items() if state is not None and state[1] == n
                 and own[state[0]] < self.relaid[0] and state[2] == n - state[0] and state[5] is None
                 and self._writable(self.flow[own[state[0]]:own[state[0]] + LOOK], state[3])]
        if not pages or max(pages) < 2:
            return list(self.flow)  # (the document takes its story's items off the list it is given)
        self.start = start = max(pages)
        ctx, first, at = self.ctx, self.first, own[self.against[start][0]]
        self._write(self.flow[at:][:LOOK], self.against[start][3])
        if getattr(ctx, "key_notes", None) is not None:
            ctx.key_notes[:] = [note for note in first.key_notes or () if note[1] < start]
        lowest = first.__dict__.get("page_lowest", {})
        ctx.__dict__["page_lowest"] = {page: y for page, y in lowest.items() if page < start}
        ctx.__dict__["resumed"] = start  # (its PDF is not the guide's: only its page counts and fill are)
        return self.flow[at:]

    def opening(self, page: int, flowables: list) -> None:
        i, j = self.index.get(id(flowables[0]), (None, None)) if flowables else (None, None)
        state = None if i is None else (i, len(self.own), len(flowables) - self.extras[j], self._written(flowables[:LOOK]),
                                        self._notes(), getattr(self.ctx, "handout_pages", None))
        self.seen[page] = state
        if self.rule and (self._costs() or self.last is not None and page > self.last):  # (it would not be kept:
            raise Met(page)  # mending; a page the first layout did not have makes it longer, mending.longer)
        if self.rule and self.lists and self._no_better(flowables):
            raise Met(page)
        if state is None or not self.relaid or j <= self.relaid[1]:
            return
        if self.rule and self._behind(page, state, j):  # (the first's pages from here, later: longer, not kept)
            raise Met(page)
        if not self.rule and self.against.get(page) == state:
            raise Met(page)

    def _behind(self, page: int, state: tuple, j: int) -> bool:
        """Whether this page opens as a page of the first layout before it did (a list kept whole sent the rest a page
        on), so that the rest of the layout is the first's pages from there, as many pages later: it is longer. The
        key's notes print their pages (``state``: as wide), and a page's side (odd or even) matters only to what
        comes after a story's DocIf (flashcards' fronts open an odd page): an odd number of pages, only past it."""
        was = self.behind.get(state)
        if was is None or was >= page:
            return False
        self.ctx.__dict__["behind"] = page - was
        return (page - was) % 2 == 0 or j > self.parity

    def _costs(self) -> bool:
        """Whether the pages laid out so far, but the last (one after it has something drawn on it), leave a page
        short that the first layout did not (``stop_short`` "pages": mending.keep_lists, lines_whole), or more
        pages short than it had ("count": leads_up, crossword_kept, pictures_kept, pictures_full). Such a layout is not
        kept, whatever its later pages: the rest is not laid out."""
        lowest = self.ctx.__dict__.get("page_lowest", {})
        last = max(lowest, default=0)
        short = {page for page, y in lowest.items() if page < last and ends_short(self.ctx, y)}
        return len(short) > len(self.short) if self.rule == "count" else not short <= self.short

    def drawn(self, page: int) -> None:
        """After a flowable is handled: at the first thing drawn on a page, the pages before it are as they end and
        not the last, so what :meth:`_costs` finds at the next page's opening it finds now (a trial a page short
        that stopped when page 8 began stops once page 7 has its first line); once a page."""
        if page in self.checked or page not in self.ctx.__dict__.get("page_lowest", {}):
            return
        self.checked.add(page)
        if self._costs():
            raise Met(page)

    def _no_better(self, flowables) -> bool:
        """Whether a keep_lists trial has drawn every item of the lists it keeps and leaves as many of them with an
        item alone as the first layout did: mending.keep_lists would not keep it, whatever its later pages (the
        bundled police guide's topic 3, kept, went 5 + 1 again, and was laid out to its 11th page)."""
        from .layout import kept

        for f in flowables:  # (the story's own flowables left, or parts of them: a part first is an item unfinished)
            at = self.lists["at"].get(id(f))
            if at is not None:
                if at <= self.lists["last"]:
                    return False
                break
            if _holds_item(f, self.lists["keys"]):
                return False
        keys = self.lists["keys"]
        return len(kept.stranded(self.ctx) & keys) >= len(kept.stranded(self.first) & keys)

    def _notes(self) -> tuple:
        """The key's notes gathered so far, each by its number and how wide its page's number prints (a
        note on page 17 is set as one on page 18: the digits are as wide)."""
        from .layout.keynotes import page_width

        out = []
        for n, page, _ in getattr(self.ctx, "key_notes", None) or ():
            if page not in self.widths:
                self.widths[page] = page_width(self.ctx, page)
            out.append((n, self.widths[page]))
        return tuple(out)

    @staticmethod
    def _written(flowables) -> tuple:
        out = []
        for f in flowables:
            for each in (f, _holder(f)):
                own = getattr(each, "__dict__", {})
                out.append(tuple(own.get(name) for name in WRITTEN))
        return tuple(out)

    def _writable(self, flowables, written: tuple) -> bool:
        """Whether these flowables, as made, take ``written`` (another layout's) by attributes set, none taken away."""
        made = self._written(flowables)
        return len(made) == len(written) and all(a == b or b is None and a is not None
                                                 for was, now in zip(written, made) for a, b in zip(was, now))

    @staticmethod
    def _write(flowables, written: tuple) -> None:
        """Set on flowables, as made, what another layout had written on them at that point (:meth:`_writable`)."""
        pairs = [each for f in flowables for each in (f, _holder(f))]
        for each, was in zip(pairs, written):
            for name, value in zip(WRITTEN, was):
                if value is not None and each.__dict__.get(name) != value:
                    each.__dict__[name] = value


def _lists_last(ctx, flow: list):
    """For a keep_lists trial (:meth:`PageTops._no_better`): the lists it keeps, each flowable's place in the story,
    and the last place of an item of theirs; None where one is a table (its rows are noted as its parts are drawn)
    or an item is not the story's own (held in another flowable, its place unknown)."""
    from .layout import kept

    keys = frozenset(ctx.__dict__.get("kept_lists", ()))
    if not keys or keys & kept.TABLES:
        return None
    last, at = -1, {}
    for j, f in enumerate(flow):
        at[id(f)] = j
        if getattr(f, "_noted", (None, None))[1] in keys:
            last = j
        elif any(_holds_item(part, keys) for part in _inner(f)):
            return None
    return {"keys": keys, "at": at, "last": last} if last >= 0 else None


def _inner(f) -> list:
    """The flowables a flowable holds (reportlab's KeepTogether and the like: in a list of its own), if any; not the
    items a KeepRun measures, which follow it in the story."""
    if getattr(f, "extra", False):
        return []
    measured = getattr(f, "MEASURED", ())  # (what it measures of the story after it: layout.leads._Ending)
    return [part for name, value in getattr(f, "__dict__", {}).items() if isinstance(value, (list, tuple))
            and name not in measured for part in value if isinstance(part, Flowable)]


def _holds_item(f, keys, depth: int = 3) -> bool:
    """Whether a flowable is, or holds (to ``depth`` levels: a flowable may hold what holds it), an item of one of
    the lists ``keys`` (layout.kept._note)."""
    noted = getattr(f, "_noted", None)
    return noted is not None and noted[1] in keys or depth > 0 and any(
        _holds_item(part, keys, depth - 1) for part in _inner(f))


def _short(ctx) -> set:
    """The pages of a whole layout, but its last, that end short (mending.short_pages)."""
    lowest = ctx.__dict__.get("page_lowest", {})
    return {page for page, y in lowest.items() if page < max(lowest, default=0) and ends_short(ctx, y)}


class TopsDocTemplate(GlueDocTemplate):
    """A document that notes how each page opens (``tops``, a :class:`PageTops`, when set), and starts on its
    ``start`` page (a layout resumed: not saved, only counted)."""

    tops = None

    def handle_documentBegin(self):
        super().handle_documentBegin()
        tops = self.tops
        if tops is not None and tops.start > 1:
            start_at(self, (self.canv, *tops.canvases), tops.start)

    def handle_flowable(self, flowables):
        tops = self.tops
        if tops is not None and self.page not in tops.seen:
            tops.opening(self.page, flowables)
        super().handle_flowable(flowables)
        if tops is not None and tops.rule:
            tops.drawn(self.page)
