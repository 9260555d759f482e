"""The teacher's view after the header: objectives against the questions that check them."""
from __future__ import annotations

from reportlab.platypus import Spacer, Table, TableStyle

from ..._reportlab import table_rows
from ...model import format_points
from ..columns import keep_words
from ..flow import Gap, Twin
from .. import kept
from ..ruled import RowSplittingTable
from .common import _fit, _text, _style

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

    head_style = [("BACKGROUND", (0, 0), (-1, 0), ctx.color("shade")),
                  ("LINEBELOW", (0, 0), (-1, 0), ctx.theme.grid * 2, ctx.color("ink"))]
    def points(pts) -> str:
        return format_points(sum(pts), ctx.labels) if pts else "–"

    rows = [heads]
    for i, objective in enumerate(g.objectives):
        numbers = [n for n, q in enumerate(g.questions, 1) if q.objective == i]
        pts = [q.points for q in g.questions if q.objective == i and q.points is not None]
        text = _fit(ctx, ctx.p(f"{i + 1}. {objective}", "cell"), widths[0] - 10)
        total = ctx.raw(points(pts), "cell")
        if numbers:
            rows.append([text, ctx.raw(", ".join(map(str, numbers)), "cell"), total])
        else:
            flag = say("not_checked", "cell_head")
            flag.style = _style(ctx, "flag", "cell_head", textColor=ctx.color("answer"))
            rows.append([text, Twin(ctx.raw("–", "cell"), flag, ctx), total])
    rest = [n for n, q in enumerate(g.questions, 1) if q.objective is None]
    if rest:
        pts = [q.points for q in g.questions if q.objective is None and q.points is not None]
        rows.append([ctx.raw(f"<i>{_text(ctx, ctx.label('no_objective'))}</i>", "cell"),
                     ctx.raw(", ".join(map(str, rest)), "cell"), ctx.raw(points(pts), "cell")])
    # one table, its heading row repeated on each page it goes on to; kept (kept.strict), broken only
    # with three rows on each side, or two (kept.ends; ruled.RowSplittingTable), its title kept with the first ones
    strict, few = kept.strict(ctx, "coverage"), kept.ends(ctx, "coverage")
    table = _Coverage(rows, colWidths=widths, repeatRows=1, style=TableStyle(list(style.getCommands()) + head_style))
    table.ctx, table.shown, table.key = ctx, g.coverage != "key", "coverage"  # (key only: the handout keeps its room)
    table.page_height, table.min_rows = ctx.height, few if strict else 1
    table.tall = 5 * ctx.styles["cell"].leading + 7  # (five lines and the cell's padding)
    table.hAlign = "LEFT"
    title = Twin(say("coverage", "subheading"), say("coverage_key", "subheading"), ctx)
    if g.coverage == "key":
        title = Twin(Gap(), title.key, ctx)
    flow = [Spacer(1, 6), title, table]
    if strict:
        lead = Table(rows[:1 + few] if len(rows) - 1 >= 2 * few else rows, colWidths=widths,
                     style=TableStyle(list(style.getCommands()) + head_style))
        flow.insert(1, kept.KeepRun([title, lead], ctx.height))
    return flow + [Spacer(1, 4)]


class _Coverage(RowSplittingTable):
    """The objectives table; with ``coverage: key``, drawn in the key only (the handout keeps its room)."""

    shown = True

    def _split(self, availWidth, availHeight):
        parts = super()._split(availWidth, availHeight)
        for part in parts:
            part.shown = self.shown
        return parts

    def draw(self):
        if self.shown or self.ctx.mode == "key":
            super().draw()
        else:
            kept.note_part(self.ctx, self.key, table_rows(self), self.canv.getPageNumber())
