"""Graphic organizers from the guide: benefits and criticisms as a T-chart, perspectives as a
who / view / evidence chart, and a Frayer card for each vocabulary term.

Every box a student fills is the short answer's ruled box (questions.LinedAnswer): ruled lines in
the handout, the guide's text written on them in the key, in the room the longer of the two needs,
so the two documents keep the same pages. A box the guide has nothing for (no `evidence:`, no
`characteristics:` or `non_examples:`) is blank in the key as well.
"""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from .. import inline
from .columns import keep_words
from .marks import SectionMark
from .sections import heading

LINES = 2        # ruled lines in a chart's box (more when the key's text needs them)
CARD_LINES = 4   # in each box of a Frayer card: two cards fill a letter page
LP_CARD_LINES = 3  # in large print, when two cards of three lines share a page (four: a card to a page)
CARD_GAP = 14    # under each card


def _box(ctx, text, lines: int, name: str, tip: str):
    """A ruled box; ``name``: its field in the fillable edition (benefits2, view1, examples3...)."""
    from .lines import LinedAnswer, answer_style

    para = None
    if text:
        para = ctx.p(text, "answer")
        para.style = answer_style(ctx)
    return LinedAnswer(ctx, lines, para, 0, name=name, tip=tip)


def _grid(ctx, rows, widths, extra=()):
    widths = keep_words(rows[0], widths, padding=12)  # (the cells' padding, below)
    table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("BOX", (0, 0), (-1, -1), ctx.theme.grid, ctx.color("rule")),
        ("INNERGRID", (0, 0), (-1, -1), ctx.theme.grid, ctx.color("rule")),
        ("LINEBELOW", (0, 0), (-1, 0), ctx.theme.grid * 2, ctx.color("ink")),
        *(("BACKGROUND", (0, 0), (-1, 0), ctx.color("shade")),) * (ctx.color("shade") is not None), *extra]))
    return table


def _point(item) -> str | None:
    if item is None:
        return None
    return f"**{item.point}** — {item.detail}" if item.detail else item.point


def tchart(ctx) -> list:
    g = ctx.guide
    sides = [key for key in ("benefits", "criticisms") if getattr(g, key)]
    if not sides:
        return []
    count = max(len(getattr(g, key)) for key in sides)
    rows = [[ctx.p(ctx.heading_text(key), "cell_head") for key in sides]]
    for i in range(count):
        items = [getattr(g, key) for key in sides]
        rows.append([_box(ctx, _point(side[i]) if i < len(side) else None, LINES, f"{key}{i + 1}",
                          f"{ctx.heading_text(key)} {i + 1}")
                     for key, side in zip(sides, items)])
    width = ctx.width / len(sides)
    return heading(ctx, "chart") + [_grid(ctx, rows, [width] * len(sides)), Spacer(1, 6)]


def perspectives(ctx) -> list:
    g = ctx.guide
    if not g.perspectives:
        return []
    w = ctx.width
    if ctx.theme.one_column:  # large print: who above its view box, in one row, so a page never parts them;
        # the column's heading says both (trial r8: the "Who" heading was gone, the who in bold unexplained)
        rows = [[ctx.p(f"{ctx.label('who')} / {ctx.label('view')}", "cell_head"), ctx.p(ctx.label("evidence"), "cell_head")]]
        rows += [[[ctx.p(p.who, "cell_head"), _box(ctx, p.view, LINES, f"view{i}", f"{inline.plain(p.who)}: {ctx.label('view')}")],
                  [ctx.p("\u00a0", "cell_head"), _box(ctx, p.evidence, LINES, f"evidence{i}",
                                                        f"{inline.plain(p.who)}: {ctx.label('evidence')}")]]
                 for i, p in enumerate(g.perspectives, 1)]
        return heading(ctx, "perspectives") + [_grid(ctx, rows, [w / 2, w / 2]), Spacer(1, 6)]
    rows = [[ctx.p(ctx.label(k), "cell_head") for k in ("who", "view", "evidence")]]
    rows += [[ctx.p(p.who, "cell_head"), _box(ctx, p.view, LINES, f"view{i}", f"{inline.plain(p.who)}: {ctx.label('view')}"),
              _box(ctx, p.evidence, LINES, f"evidence{i}", f"{inline.plain(p.who)}: {ctx.label('evidence')}")]
             for i, p in enumerate(g.perspectives, 1)]
    return heading(ctx, "perspectives") + [_grid(ctx, rows, [w * 0.22, w * 0.42, w * 0.36]), Spacer(1, 6)]


def frayer(ctx) -> list:
    """One card per term: definition and characteristics above the term, examples and non-examples below."""
    g = ctx.guide
    if not g.vocabulary:
        return []
    half = ctx.width / 2

    def cell(key, text, n, term, lines):
        return [ctx.p(ctx.label(key), "cell_head"), _box(ctx, text, lines, f"{key}{n}", f"{inline.plain(term.term)}: {ctx.label(key)}")]

    if "_frayer_term" not in ctx.styles:  # the term, centred in its band, at the title's size
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle

        ctx.styles["_frayer_term"] = ParagraphStyle("_frayer_term", parent=ctx.styles["title"], alignment=TA_CENTER)

    def card(n, term, lines):
        rows = [[cell("definition", term.definition, n, term, lines),
                 cell("characteristics", term.characteristics, n, term, lines)],
                [ctx.p(term.term, "_frayer_term"), ""],
                [cell("examples", term.example, n, term, lines), cell("non_examples", term.non_examples, n, term, lines)]]
        table = Table(rows, colWidths=[half, half], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (0, 1), (1, 1)), ("ALIGN", (0, 1), (1, 1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("BOX", (0, 0), (-1, -1), ctx.theme.grid * 2, ctx.color("ink")),
            ("INNERGRID", (0, 0), (-1, -1), ctx.theme.grid, ctx.color("rule")),
            ("BOX", (0, 1), (1, 1), ctx.theme.grid * 2, ctx.color("ink"))]))
        return table

    lines = _card_lines(ctx, card)
    flow = []
    for n, term in enumerate(g.vocabulary, 1):
        table = card(n, term, lines)
        # the cards follow the charts on the same page when one fits; the heading goes with the first
        lead = [SectionMark(ctx, "vocabulary"), ctx.p(ctx.label("frayer"), "heading")] if n == 1 else []
        flow.append(KeepTogether([*lead, table, Spacer(1, CARD_GAP)]))
    return flow


def _card_lines(ctx, card) -> int:
    """The ruled lines in a card's boxes: :data:`CARD_LINES`, or in large print :data:`LP_CARD_LINES` when two
    cards of those (with no key text) share a page and two of four lines do not (trial r8: 10 sheets for 8
    terms, a card to a page at 55 % of it)."""
    from ..model import Term

    if not ctx.theme.one_column:
        return CARD_LINES
    blank = Term(term="x", definition="")
    pair = {k: 2 * (card(0, blank, k).wrap(ctx.width, ctx.height)[1] + CARD_GAP) for k in (CARD_LINES, LP_CARD_LINES)}
    return LP_CARD_LINES if pair[CARD_LINES] > ctx.height >= pair[LP_CARD_LINES] else CARD_LINES


def organizers(ctx) -> list:
    from . import header

    return header.header(ctx) + tchart(ctx) + perspectives(ctx) + frayer(ctx) + [SectionMark(ctx, "end")]
