"""The stories of the formats other than the whole handout (see studyguide.formats).

A quiz is the handout's title block (its subtitle saying "Quiz"), the chosen questions and any
vocabulary activities asked for. An exit ticket is a one-line title, a name line and its one
to three questions, sized for a quarter or half sheet. Both reuse the handout's question
builders, so handout, quiz and ticket number, mark and key their questions alike.
"""
from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from .. import fields
from .flow import Twin
from .marks import SectionMark


def quiz(ctx) -> list:
    """The title block, the questions, the activities asked for; and, when the layout before found the key's
    notes on the answers pushing questions over pages (render._notes_away), those notes gathered at the key's
    end as a handout gathers them (keynotes), so each question starts where it fits in the handout."""
    from . import activities, header, keynotes, questions

    if ctx.__dict__.get("notes_away"):
        ctx.key_notes = []
    flow = header.header(ctx) + questions.section(ctx) + activities.section(ctx)
    return flow + keynotes.section(ctx)


class NameLine(Flowable):
    """'Name ________' across the ticket (student), or the ANSWER KEY banner in the same room (key)."""

    def __init__(self, ctx, banner: str | None):
        super().__init__()
        self.ctx, self.banner = ctx, banner

    def wrap(self, aW, aH):
        self.width = aW
        self.height = self.ctx.styles["body"].fontSize * 2.1
        return aW, self.height

    def draw(self):
        c, ctx = self.canv, self.ctx
        body = ctx.styles["body"]
        size, base = body.fontSize, body.fontSize * 0.6
        c.saveState()
        if self.banner:
            if ctx.color("shade") is not None:  # a band; a theme without bands gets a frame
                c.setFillColor(ctx.color("shade"))
                c.rect(0, base - 5, self.width, size + 10, stroke=0, fill=1)
            else:
                c.setStrokeColor(ctx.color("rule"))
                c.rect(0, base - 5, self.width, size + 10, stroke=1, fill=0)
            c.setFillColor(ctx.color("ink"))
            c.setFont(*ctx.drawn_font(self.banner, ctx.styles["heading"].fontName, size))
            c.drawString(6, base, self.banner)
        else:
            label = ctx.label("name")
            face, drawn = ctx.drawn_font(label, body.fontName, size)
            c.setFont(face, drawn)
            c.drawString(0, base, label)
            c.setStrokeColor(ctx.color("rule"))
            c.setLineWidth(ctx.theme.rule)
            start = c.stringWidth(label, face, drawn) + 4
            c.line(start, base - 2, self.width, base - 2)
            fields.text(c, "name", start, base - 3, self.width - start, size * 1.3, size, tip=label)  # (the fillable edition)
        c.restoreState()


def exit_ticket(ctx) -> list:
    from .. import inline
    from . import questions

    g = ctx.guide
    title = (f"<b>{inline.markup(ctx.label('exit_ticket'), ctx.fonts)}</b> · " + inline.markup(g.title, ctx.fonts))
    flow = [ctx.raw(title, "subheading"),
            Twin(NameLine(ctx, None), NameLine(ctx, ctx.label("answer_key")), ctx), Spacer(1, 2)]
    flow += [block for n, q in enumerate(g.questions, 1) for block in questions.question(ctx, n, q)]
    return flow + [SectionMark(ctx, "end")]


def notes(ctx) -> list:
    from .notes import notes as guided

    return guided(ctx)


def cornell(ctx) -> list:
    from .notes import cornell as cornell_notes

    return cornell_notes(ctx)


def organizers(ctx) -> list:
    from .organizers import organizers as charts

    return charts(ctx)


STORIES = {"quiz": quiz, "exit-ticket": exit_ticket, "notes": notes, "cornell": cornell, "organizers": organizers}
