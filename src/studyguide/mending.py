"""Layouts redone to mend what the first one left: lines alone on a page, a word-bank list's last
sentences over a page, lists and tables with an item or two stranded, a crossword title with one clue
under it, the key's notes on a page of their own. Each pass lays the guide out again with a fix asked
for (``redraw(fixes)``, render._draw with the guide's arguments bound) and keeps the new layout only
when it costs no page (and, for the later passes, leaves no page more short): issue 14's rules."""
from __future__ import annotations

from . import pages
from .layout.fill import ends_short


def run(redraw, first):
    """The first layout mended, pass by pass (render._render)."""
    fewer, kept = fewer_lines(first[0]), cloze_alone(first[0])
    layout = first
    if fewer or kept:  # lines alone on a page of their own, or a list's last sentences: laid out again
        layout = mended(redraw, first, fewer, kept)
    for step in (leads_up, entries_over, entries_paired, lines_whole, keep_lists, crossword_kept, pictures_kept, matching_landed,
                 notes_home, notes_plain, clues_first, words_first, pictures_full, widows_held):
        layout = step(redraw, layout)
    return layout


HOME_NOTES = 2  # the most notes kept by their questions to save the key a sheet (notes_home)


def notes_home(redraw, layout):
    """The key's notes on the answers kept by their questions when sending them after the handout cost
    the key a sheet for one or two notes: kept when that costs the handout no page and saves the key one.
    Each kept note then takes its room in the handout too, a blank under its question, so never more
    than two: key-only text takes no room in the handout but where a sheet would go to a line or two."""
    ctx, doc = layout[:2]
    if not ctx.handout_pages or doc.page <= ctx.handout_pages or not ctx.key_notes or len(ctx.key_notes) > HOME_NOTES:
        return layout
    fixes = carried(ctx)
    home = set(fixes.get("notes_kept", ())) | {number for number, _, _ in ctx.key_notes}
    if len(home) > HOME_NOTES:  # (with those home_last kept)
        return layout
    again = redraw({**fixes, "notes_kept": home})
    holed = notes_holed(again[0])
    if holed and home - holed:  # (those that end their page kept, the others sent after the handout)
        again = redraw({**fixes, "notes_kept": home - holed})
        holed = notes_holed(again[0])
    (hand, key), (hand2, key2) = page_counts(*layout[:2]), page_counts(*again[:2])
    return again if hand2 <= hand and key2 < key and not holed else layout


def notes_holed(ctx) -> set:
    """The notes kept by their questions (notes_kept) that leave the handout a hole: a blank band with print under
    it on its page, a question or a section (issue 14: key-only text takes no room in the handout; a large-print
    "Why:" of 7 lines once left 214 pt between questions 3 and 4, and one under a split question's rest, atop its
    page, 102 pt over "Vocabulary Matching"). A blank that ends its page is the page's foot and no hole; nor is a
    note of one line, a wider gap between two questions (chem's large print: "Why: The ratio H₂ : O₂ is 2 : 1")."""
    starts, ys, rests = ctx.question_pages, ctx.__dict__.get("question_ys", ()), ctx.__dict__.get("rest_pages", {})
    line, heights = ctx.styles["explanation"].leading, ctx.__dict__.get("kept_heights", {})
    marks = zip(ctx.__dict__.get("section_marks", ()), ctx.__dict__.get("section_ys", ()))
    under = {(page, y) for (name, page, _), y in marks if name != "end"}
    holed = set()
    for n in ctx.__dict__.get("notes_kept", ()):
        if heights.get(n, 0) < 1.5 * line:
            continue
        page, y = (rests[n], float("inf")) if n in rests else (starts[n - 1], ys[n - 1])  # (split: under its rest)
        if n < len(starts) and starts[n] == page or any(p == page and below < y for p, below in under):
            holed.add(n)
    return holed


def notes_plain(redraw, layout):
    """The key laid out again without "Notes on the Answers (continued)" over its notes' later pages when
    those headings may have cost it its last page (keynotes.headings_cost); kept when that saves the page
    (a large-print key's notes once took 31 pages for 30, the last holding one note)."""
    from .layout import keynotes

    if not keynotes.headings_cost(layout[0]):
        return layout
    fixes = carried(layout[0])
    again = redraw({**fixes, "notes_plain": True})
    return again if page_counts(*again[:2]) < page_counts(*layout[:2]) else layout


FIXES = ("fewer_lines", "cloze_kept", "kept_lists", "lists_paired", "notes_kept", "crossword_kept", "pictures_kept",
         "entries_over", "lines_whole", "lead_ins", "pictures_full", "matching_landed",
         "entries_paired", "clues_first", "widows_held", "search_words_first", "matching_others",
         "matching_sizes", "lines_over", "split_whole")  # asked of a layout, for the next to keep (matching_sizes: a search's result, kept)


def carried(ctx) -> dict:
    """The fixes a layout was asked for (:data:`FIXES`), which a layout asked for one more keeps."""
    return {k: ctx.__dict__[k] for k in FIXES if k in ctx.__dict__}


def lines_whole(redraw, layout):
    """The guide laid out again with each question whose answer lines went on over a page whole on the page
    its last lines opened, where that page has room for the rest of it (layout.lines.LinedQuestion): an
    8-line essay was cut 4 + 4 over the two sides of a sheet with half the second page empty. Kept when that
    costs no page and leaves no page more than 30 % empty that was not: the lines go on over the page only
    to fill one or to save one."""
    ctx = layout[0]
    split, lowest = ctx.__dict__.get("lines_split", {}), pages.page_lowest(ctx)
    whole = {n for n, (page, more, left) in split.items() if lowest.get(page, 0) - more >= ctx.theme.margin_bottom + 1
             and (page - 1 not in lowest or ends_short(ctx, lowest[page - 1])
                  or not ends_short(ctx, lowest[page - 1] + left))}
    if not whole:  # (only those the next page has room for, whose page before would not end short: each costs a layout)
        return layout
    fixes = carried(ctx)
    again = redraw({**fixes, "lines_whole": whole, "stop_short": "pages"}, until=ctx)  # (None: stopped, pagetops)
    return again if fits(redraw, again, layout) else layout


def leads_up(redraw, layout):
    """Topics' titles and the sentences that introduce their tables laid out again on the page before, where
    they fit in a heading's room and went over with a table too short for that page (layout.tables.LeadIn);
    kept when that costs no page and leaves no more pages short."""
    ctx = layout[0]
    if not ctx.__dict__.get("leads_moved"):
        return layout
    again = redraw({**carried(ctx), "lead_ins": True, "stop_short": "count"}, until=ctx)  # (None: stopped)
    if again is None or longer(again, layout) or len(short_pages(redraw, again)) > len(short_pages(redraw, layout)):
        return layout
    return again


def entries_over(redraw, layout):
    """Large print's vocabulary laid out again with the entry at a page's foot going on over the page, where
    two of its lines fit there (layout.ruled.Entries); kept when that saves a page and leaves no page more
    short: the first guide's large print, 28 -> 27 (its questions open on page 10, under the vocabulary),
    while the bundled guide's, no shorter, would leave question 17 alone on a page 78 % empty. It is first
    laid out only to count its pages (pagetops: from the page the vocabulary's opens on, to the first after
    it that opens as before), and again, whole, only when that shows a page saved: the bundled guides' large
    print spent a third of its build's time on it, thrown away."""
    ctx = layout[0]
    if not ctx.__dict__.get("entries_short"):
        return layout
    fixes = {**carried(ctx), "entries_over": True}
    counted = redraw(fixes, until=ctx)
    if counted is None or not _saves(redraw, counted, layout):
        return layout
    if not counted[0].__dict__.get("resumed"):  # (laid out from its first page: whole, the layout itself)
        return counted
    again = redraw(fixes)
    return again if _saves(redraw, again, layout) else layout


def entries_paired(redraw, layout):
    """Large print's vocabulary laid out again with its last entry not alone atop a page, the entry before it going
    over with it (layout.ruled.Entries); kept when that adds no page and leaves no page short that was not: the
    bundled photosynthesis guide printed 'ocean acidification' alone over its questions on page 11."""
    ctx = layout[0]
    if not ctx.__dict__.get("entries_alone"):
        return layout
    again = redraw({**carried(ctx), "entries_paired": True, "stop_short": "pages"}, until=ctx)  # (None: stopped)
    return again if fits(redraw, again, layout) else layout


def _saves(redraw, again, layout) -> bool:
    """Whether a layout saves a page over another (handout or key), adds none, and leaves no page more short."""
    if longer(again, layout) or page_counts(*again[:2]) == page_counts(*layout[:2]):
        return False
    return len(short_pages(redraw, again)) <= len(short_pages(redraw, layout))


def keep_lists(redraw, layout):
    """The guide laid out again with the first and last items of each list or table that went over a
    page with an item or two alone at an end kept together (layout.kept), three at each end, or two where
    three cost a page (kept.ends: a trial's four objectives went 3 + 1, all four moved cost one). Kept when
    that costs no page, leaves no page more short (a page short is worse than two items alone: the first
    guide's large print had page 4 at 51 % for a topic's five points moved whole) and leaves fewer of them
    with an item alone (a run may measure its items fitting where they then do not quite); once more for one
    the new layout strands (a trial's recipe chart). Each trial stops at a page it leaves short, or once it
    falls a page behind (pagetops), but for tables, whose flowables are not marked."""
    from .layout import kept

    for _ in range(KEEP_ROUNDS):
        ctx = layout[0]
        lists = kept.stranded(ctx) - set(ctx.__dict__.get("kept_lists", ()))
        if not lists:
            break
        for fixes in kept.tries(ctx, lists, carried(ctx)):
            again, tried = redraw(fixes, until=ctx), fixes["kept_lists"]
            if fits(redraw, again, layout) and len(kept.stranded(again[0]) & tried) < len(kept.stranded(ctx) & tried):
                break
        else:
            break
        layout = again
    return layout


def crossword_kept(redraw, layout):
    """The crossword's title, instructions and "Across" laid out again with two clues, not one alone at a
    page's foot (layout.activities.crossword), kept when that adds no page and no page short: moving them
    over once took a page (the bundled guide's modern large print, 29 → 30). The page they leave may end
    short where the page they open was (its clues run on further), as a section that opens a page leaves
    the one before it: the count of short pages is kept, not which they are."""
    ctx = layout[0]
    if not ctx.__dict__.get("crossword_alone"):
        return layout
    again = redraw({**carried(ctx), "crossword_kept": True, "stop_short": "count"}, until=ctx)
    if again is None or longer(again, layout) or len(short_pages(redraw, again)) > len(short_pages(redraw, layout)):
        return layout
    return again


def clues_first(redraw, layout):
    """Large print's crossword laid out again clues first, its grid after them (as before the grid-first opening,
    layout.activities.crossword._GridFirst), when the grid-first one was placed and the key has notes after the
    handout: kept when that costs the handout no page and saves the key one. Grid first, the crossword's clues
    ran on over the page and the word search after them one page lower, so the key's notes took a page of
    their own for two notes (ratios and fractions, letter: key 15 -> 16 pages)."""
    ctx, doc = layout[:2]
    if not ctx.__dict__.get("grid_first") or not ctx.handout_pages or doc.page <= ctx.handout_pages:
        return layout
    again = redraw({**carried(ctx), "clues_first": True})
    (hand, key), (hand2, key2) = page_counts(*layout[:2]), page_counts(*again[:2])
    return again if hand2 <= hand and key2 < key else layout


def words_first(redraw, layout):
    """A large-print word search laid out again with its words to find before the grid, under what came before
    (the grid overleaf), when the grid-first one was placed (layout.activities.wordsearch._Block.split): kept when
    that saves the handout or key a page and costs neither one (the grid over its words pushed a page's end on); with
    a crossword's clues first too when its grid came first (clues_first saved the key of ratios in large print a
    page that way, and alone no longer does)."""
    ctx = layout[0]
    if not ctx.__dict__.get("search_grid_first"):
        return layout
    tries = [{**carried(ctx), "search_words_first": True}]
    if ctx.__dict__.get("grid_first") and "clues_first" not in tries[0]:
        tries.append({**tries[0], "clues_first": True})
    hand, key = page_counts(*layout[:2])
    for fixes in tries:
        again = redraw(fixes)
        hand2, key2 = page_counts(*again[:2])
        if hand2 <= hand and key2 <= key and (hand2, key2) != (hand, key):
            return again
    return layout


def matching_landed(redraw, layout):
    """Large print's matching laid out again with its first set under what ends the page before, as many terms as
    the room there holds (two or more), when the first set it had was too tall for that room and the page ended
    short (layout.activities.matching_large.Landing); kept when that adds no page and leaves fewer pages short: the
    trial's federalism guide ended its questions on a page 57 % empty, its six sets of five or six terms after it.
    A matching question cut in parts has its first part so chosen too (layout.matchparts.Landed)."""
    ctx = layout[0]
    if not ctx.__dict__.get("matching_short"):
        return layout
    again = redraw({**carried(ctx), "matching_landed": True, "stop_short": "count"}, until=ctx)  # (None: stopped)
    if again is None or longer(again, layout) or len(short_pages(redraw, again)) >= len(short_pages(redraw, layout)):
        return layout
    return again


def pictures_kept(redraw, layout):
    """Large print's topics whose picture printed a page after their title laid out again, each moved whole
    to the next page with its picture (layout.besides); kept when that adds no page and no page short (the
    page they leave was short already, or the move would not be made: photosynthesis' page 5 went from
    86 % to 64 % full so, for no page saved)."""
    for _ in layout[0].guide.topics:  # (a topic moved may push the next one's title to a page's foot, apart from
        again = _pictures_moved(redraw, layout)  # its picture: grade 2's "Winter", title alone; so again, each
        if again is layout:  # topic moving once at most)
            break
        layout = again
    return layout


def _pictures_moved(redraw, layout):
    """One pass of :func:`pictures_kept`: the topics apart in ``layout`` moved, or ``layout``."""
    from .layout import besides, kept

    ctx = layout[0]
    fixes = carried(ctx)
    apart = besides.pages_apart(ctx) - set(fixes.get("pictures_kept", ()))
    if not apart:
        return layout
    again = redraw({**fixes, "pictures_kept": apart | set(fixes.get("pictures_kept", ())), "stop_short": "count"},
                   until=ctx)
    if again is None or longer(again, layout) or len(short_pages(redraw, again)) > len(short_pages(redraw, layout)) \
            or not kept.stranded(again[0]) <= kept.stranded(ctx):  # (nor a list's last items left alone:
        return layout  # farm-friends' vocabulary once ended with two terms atop a page)
    return again


def pictures_full(redraw, layout):
    """The guide laid out again with its pictures at picsize's sizes (a wide one the text's width, large print's
    ×18/11, none shrunk under picsize.READABLE to finish a page) when one printed smaller than that; kept when
    that adds no page, no page short and no list's last items alone, after the other mends (tried first, it cost
    photosynthesis' A4 large print the page entries_over saves): a picture questions read that still prints small
    is told (picsize). Large print then tries the standard edition's sizes, kept even where a topic's text goes
    over a page in two (r14 trial: the chemistry map 5.50 in, not the standard 7.00, for a summary kept whole)."""
    from .layout import kept, pictures

    ctx = layout[0]
    if not ctx.__dict__.get("pictures_small") or ctx.__dict__.get("pictures_full"):
        return layout
    before = pictures.drawn_so_far()
    for size in (True, "standard") if ctx.theme.edition == "large-print" else (True,):
        again = redraw({**carried(ctx), "pictures_full": size, "stop_short": "count"}, until=ctx)  # (None: stopped)
        if again is None or longer(again, layout) or len(short_pages(redraw, again)) > len(short_pages(
                redraw, layout)) or size is True and not kept.stranded(again[0]) <= kept.stranded(ctx):
            pictures.undraw(before)  # (its larger prints are not this build's: lowres)
            continue
        return again
    return layout


def widows_held(redraw, layout):
    """The guide laid out again with widows not allowed in the paragraphs whose last line the mended layout printed
    alone atop a page (widows): one more line goes over the page with it, or a paragraph of three lines whole. Kept
    when that adds no page, handout or key, and leaves no page short that was not (stopped at the first it does:
    pagetops). Last, so that every other pass is as it was, widows allowed; a layout that leaves no widow costs
    nothing more. It is laid out from page 1, not only from the widow's page as entries_over counts: kept most times
    (the bundled guide's 5 builds), it is the layout, and one counted first would be laid out again whole."""
    for _ in range(WIDOW_ROUNDS):
        ctx = layout[0]
        left = ctx.__dict__.get("widows_left")
        if not left:
            break
        fixes = carried(ctx)
        held = frozenset(left) | frozenset(fixes.get("widows_held", ()))
        again = redraw({**fixes, "widows_held": held, "stop_short": "pages"}, until=ctx)  # (None: stopped, pagetops)
        if not fits(redraw, again, layout) or undoes(again, layout):
            break
        layout = again
    return layout


def fits(redraw, again, layout) -> bool:
    """Whether a layout tried (None: stopped, pagetops) costs no page over another and leaves no page more short."""
    return again is not None and not longer(again, layout) and short_pages(redraw, again) <= short_pages(redraw, layout)


def undoes(again, layout) -> bool:
    """A widow held at the cost of what an earlier pass mended: a list or table left with an item or two alone
    again (keep_lists), or a topic's title and lead-in sent over with their table again (leads_up). A town guide's
    objectives went over a page two items apart, where the line a held widow sent over pushed them."""
    from .layout import kept

    new, old = again[0], layout[0]
    return bool(kept.stranded(new) - kept.stranded(old)) or \
        new.__dict__.get("leads_stayed", 0) < old.__dict__.get("leads_stayed", 0)


WIDOW_ROUNDS = 2  # layouts widows_held may add: the lines one widow sends over may leave another (the bundled
# guide's large print: page 4's "advanced.", after pages 3 and 9 lost theirs)


def short_pages(redraw, layout) -> set:
    """The pages, but the last, that end short (issue 14's fill rule: layout.fill)."""
    ctx = layout[0]
    lows = pages.page_lowest(ctx)
    return {page for page, y in lows.items() if page < max(lows) and ends_short(ctx, y)}


KEEP_ROUNDS = 2  # layouts keep_lists may add: a list kept whole may send another over a page with one item


def mended(redraw, first, fewer: dict, kept: bool):
    """The guide laid out again with lines alone on a page cut (fewer_lines) and the word-bank
    sentences' last three kept together (cloze_alone), unless that costs a page: then the last two.
    When either costs the key a page only for its notes on the answers after the handout (a trial's
    large print: three notes, the last two on an 18th page), the last two notes are kept by their
    questions, as notes_home keeps them, if that costs nothing. Else the last sentence stays alone."""
    if not kept:
        return redraw({"fewer_lines": fewer})
    tries = []
    for ends in (True, "pair"):
        again = redraw({"fewer_lines": fewer, "cloze_kept": ends})
        if not longer(again, first):
            return again
        tries.append(again)
    for again in tries:
        homed = home_last(redraw, again)
        if homed is not None and not longer(homed, first):
            return homed
    return redraw({"fewer_lines": fewer}) if fewer else first


def home_last(redraw, layout):
    """The layout again with the key's last HOME_NOTES notes kept by their questions, when its notes
    go on after the handout's last page; else None."""
    ctx, doc = layout[:2]
    if not ctx.handout_pages or doc.page <= ctx.handout_pages or not ctx.key_notes:
        return None
    fixes = carried(ctx)
    home = set(fixes.get("notes_kept", ())) | {number for number, _, _ in ctx.key_notes[-HOME_NOTES:]}
    again = redraw({**fixes, "notes_kept": home})
    return None if notes_holed(again[0]) else again


def fewer_lines(ctx) -> dict:
    """Questions with a default count of lines whose lines after a page break were the only thing on
    their page (the document ended, or what follows did not fit under them): a sheet for three lines.
    Each is given the lines before the break instead, and fits whole on the page before. Their model
    answer fits in those lines, which are at least half the count (lines.LinedQuestion)."""
    return {n: kept for n, (_, kept, _) in lone_tails(ctx, cut=True).items()}


def cloze_alone(ctx) -> bool:
    """Whether the word-bank sentences end with one or two of them on a page the list did not start on."""
    seen = ctx.__dict__.get("cloze_pages", [])
    return bool(seen) and seen[0] != seen[-1] and seen.count(seen[-1]) <= 2


def page_counts(ctx, doc) -> tuple[int, int]:
    """A layout's (_draw's) pages: the handout's, and all of them (the key's notes after the handout)."""
    return ctx.handout_pages or doc.page, doc.page


def longer(layout, than) -> bool:
    """Whether a layout (_draw's) takes more pages than another, in the handout or in all."""
    return any(a > b for a, b in zip(page_counts(*layout[:2]), page_counts(*than[:2])))


def lone_tails(ctx, cut: bool = False) -> dict:
    """question → (page, lines the page before holds, lines alone on the page) of each question whose lines
    after a break were all their page held (its lowest point is theirs); ``cut``: those whose count may be cut."""
    lowest = pages.page_lowest(ctx)
    tails = sorted(ctx.__dict__.get("spare_tails", {}).items())
    return {n: (page, kept, alone) for n, (page, y, kept, may, alone) in tails
            if abs(lowest.get(page, y) - y) < 0.01 and may == cut}
