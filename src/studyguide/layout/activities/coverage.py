"""The teacher's view after the header: objectives against the questions that check them."""
from __future__ import annotations

from reportlab.platypus import Spacer, TableStyle

from ...model import format_points
from ..columns import keep_words
from ..flow import Gap, Twin
from .common import _table, _fit, _text, _style

# -- the teacher's view: objectives × questions ------------------------------------------------------

def coverage(ctx) -> list:
    """Objectives against the questions that check them, with their points, after the header.

    In the key a teacher's table that flags every objective no question checks;
    in the handout the same table for students (which questions go with which
    goal), so both documents keep the same pages. Shown only when at least one
    question names an objective.
    """
    g = ctx.guide
    if not g.objectives or not any(q.objective is not None for q in g.questions):
        return []
    def say(key: str, style: str):
        return ctx.raw(_text(ctx, ctx.label(key)), style)

    heads = [say(key, "cell_head") for key in ("objective_column", "questions_column", "points_column")]
    w = ctx.width
    widths = keep_words(heads, [w * 0.55, w * 0.33, w * 0.12], padding=10)  # (the cells' padding, below)
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), ctx.theme.grid, ctx.color("rule")),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])

    def row(cells, extra=()):
        t = _table(ctx, [cells], widths, style)
        if extra:
            t.setStyle(TableStyle(list(extra)))
        t.hAlign = "LEFT"
        return t

    head_style = [("BACKGROUND", (0, 0), (-1, -1), ctx.color("shade")),
                  ("LINEBELOW", (0, 0), (-1, -1), ctx.theme.grid * 2, ctx.color("ink"))]
    def points(pts) -> str:
        return format_points(sum(pts), ctx.labels) if pts else "–"

    flow = [Spacer(1, 6),
            Twin(say("coverage", "subheading"), say("coverage_key", "subheading"), ctx),
            row(heads, head_style)]
    for i, objective in enumerate(g.objectives):
        numbers = [n for n, q in enumerate(g.questions, 1) if q.objective == i]
        pts = [q.points for q in g.questions if q.objective == i and q.points is not None]
        text = _fit(ctx, ctx.p(f"{i + 1}. {objective}", "cell"), widths[0] - 10)
        total = ctx.raw(points(pts), "cell")
        if numbers:
            shown = ctx.raw(", ".join(map(str, numbers)), "cell")
            flow.append(row([text, shown, total]))
        else:
            flag = say("not_checked", "cell_head")
            flag.style = _style(ctx, "flag", "cell_head", textColor=ctx.color("answer"))
            flow.append(Twin(row([text, ctx.raw("–", "cell"), total]), row([text, flag, total]), ctx))
    rest = [n for n, q in enumerate(g.questions, 1) if q.objective is None]
    if rest:
        pts = [q.points for q in g.questions if q.objective is None and q.points is not None]
        flow.append(row([ctx.raw(f"<i>{_text(ctx, ctx.label('no_objective'))}</i>", "cell"),
                         ctx.raw(", ".join(map(str, rest)), "cell"), ctx.raw(points(pts), "cell")]))
    if g.coverage == "key":  # the handout keeps the table's space, blank, so the pages still line up
        flow = [f if isinstance(f, Spacer) else Twin(Gap(), f, ctx) for f in flow]
    return flow + [Spacer(1, 4)]
