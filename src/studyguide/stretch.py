"""Answer space that fills a short page (issue 14's fill rule), as LaTeX's exam class fills with lines: a page
that ends more than 30 % empty because what comes next is one block too tall for the room left (a matching or
ordering question, which stays whole) gives the written answers that start and end on it more lines, shared
among them, until the page is no longer short.

Only questions whose count is the default get them: a guide's `lines:` is printed as given, an accommodation's
added lines as they are (layout.questions), a count mending.fewer_lines cut or linesover sent over a page stays as
those set it. The lines come on top of what the count and the key's model answer take (layout.lines.LinedAnswer's
``extra``), on every choice of where the key's note goes, so the key writes what it wrote where it wrote it.

It runs last, once the page breaks are final: one more layout, kept only when every question starts on the page it
did, in the handout and the key alike, no page is added and every page but those stretched ends where it did.
The lines stop just past the rule (70 % full), not at the foot: a student reads the lines as the answer's length,
and a 3-line answer given a page's foot of them would ask for more than the teacher did."""
from __future__ import annotations

import math

from . import mending, pages
from .layout.fill import SHORT, ends_short

LINED = ("short_answer", "essay")
MOST = 4  # lines one answer may gain, and never more than its own count: a two-word answer given 12 lines
# (n16, modern) asks for an essay the teacher did not set
CLEAR = 2.0  # points past the rule the last line is set (the pixels measure ink, a rule's width is drawn over it)


def stretched(redraw, layout):
    """The layout with the default-count answers on its short pages given the lines that end them full enough,
    or the layout as it was when that moves anything else."""
    plan = _plan(layout[0], redraw, layout)
    for _ in range(2):  # (once more without the pages that did not take their lines)
        if not plan:
            return layout
        again = redraw({**mending.carried(layout[0]), **_kept(layout[0]),
                        "lines_stretched": {n: k for lines in plan.values() for n, k in lines.items()}})
        failed = _failed(layout, again, plan)
        if failed is None:
            return layout  # (a page not stretched moved: nothing kept)
        if not failed:
            return again
        plan = {page: lines for page, lines in plan.items() if page not in failed}
    return layout


def _kept(ctx) -> dict:
    """What the layout was asked for past mending's fixes (the key's notes without their later headings)."""
    return {"notes_plain": True} if ctx.__dict__.get("notes_plain") else {}


def _plan(ctx, redraw, layout) -> dict:
    """page → {question: lines added} for each short page, not the handout's last, that holds whole at least one
    written answer of a default count (:func:`_open`)."""
    last = ctx.handout_pages or layout[1].page
    lowest, gap = pages.page_lowest(ctx), ctx.theme.line_gap
    plan = {}
    for page in sorted(mending.short_pages(redraw, layout)):
        counts = _open(ctx, page)
        if page >= last or not counts:
            continue
        need = math.ceil((lowest[page] - ctx.theme.margin_bottom - SHORT * ctx.height + CLEAR) / gap)
        if need <= sum(_most(count) for count in counts.values()):  # (else the page stays as it is)
            plan[page] = _shared(counts, need)
    return plan


def _open(ctx, page: int) -> dict:
    """question → its lines, for the written answers of a default count drawn whole on ``page``."""
    whole = ctx.__dict__.get("lined_whole", {})
    fixed = set(ctx.__dict__.get("fewer_lines", {})) | set(ctx.__dict__.get("lines_over", {}))
    return {n: count for n, (at, count) in whole.items()
            if at == page and n not in fixed and _default(ctx.guide.questions[n - 1]) and count > 0}


def _default(q) -> bool:
    """Whether a question is answered on lines whose count the guide did not give (nor an accommodation add to),
    and more than one: an answer of a word or a number has one line and asks *Write your answer on the line.*
    (layout.directions), which a second line would contradict."""
    return q.kind in LINED and not q.lines_given and not q.lines_added and q.lines > 1


def _shared(counts: dict, lines: int) -> dict:
    """``lines`` shared among the questions in proportion to their counts, one at a time to the question whose
    count has grown least; of those alike, the later (nearer the room it fills)."""
    added = dict.fromkeys(counts, 0)
    for _ in range(lines):
        n = min((q for q in counts if added[q] < _most(counts[q])),
                key=lambda q: ((counts[q] + added[q]) / counts[q], -q))
        added[n] += 1
    return added


def _most(count: int) -> int:
    return min(count, MOST)


def _failed(layout, again, plan) -> set | None:
    """The stretched pages that did not take their lines (still short, or a question moved off them); None when
    the new layout differs anywhere else: a page more, a question starting elsewhere, another page's end moved."""
    old, new = layout[0], again[0]
    if mending.page_counts(*again[:2]) != mending.page_counts(*layout[:2]) or new.question_pages != old.question_pages:
        return None
    low, low2 = pages.page_lowest(old), pages.page_lowest(new)
    if low.keys() != low2.keys() or any(abs(low[p] - low2[p]) > 0.01 for p in low if p not in plan):
        return None
    whole = new.__dict__.get("lined_whole", {})
    return {page for page, lines in plan.items() if ends_short(new, low2[page])
            or any(whole.get(n, (None,))[0] != page for n in lines)}
