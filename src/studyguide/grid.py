"""A one-page answer grid per version (question number → answer), for quick grading."""
from __future__ import annotations

import io

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import inline, labels, owners, shuffle
from .layout import Para  # fallback faces keep bold; right-to-left answers in display order
from .model import (LETTERS, Essay, FillInBlank, Guide, Matching, MultipleChoice, Ordering, SelectAll, ShortAnswer,
                    TrueFalse, format_points)
from .theming.styles import default as default_theme, make_styles



def answer_text(q, words: dict | None = None) -> str:
    """The answer as a grader checks it at a glance (True/False and "see the key" in ``words``, the guide's labels):
    a short answer on one line (a word, a number with its units) gives its model answer, a longer one the key."""
    words = words or labels.EN
    if isinstance(q, MultipleChoice):
        return LETTERS[q.answer]
    if isinstance(q, SelectAll):
        return ", ".join(LETTERS[i] for i in q.answers)
    if isinstance(q, TrueFalse):
        return words["true"] if q.answer else words["false"]
    if isinstance(q, FillInBlank):
        return " · ".join(inline.plain(b.answer) for b in q.blanks)
    if isinstance(q, Matching):
        order = q.order or shuffle.order(len(q.pairs), "matching", q.prompt, *(p.right for p in q.pairs))
        letter_of = {orig: LETTERS[pos] for pos, orig in enumerate(order)}
        return ", ".join(f"{i + 1}–{letter_of[i]}" for i in range(len(q.pairs)))
    if isinstance(q, Ordering):
        order = q.order or shuffle.order(len(q.items), "ordering", q.prompt, *q.items)
        return ", ".join(str(orig + 1) for orig in order)  # the number in each box, top to bottom
    if isinstance(q, ShortAnswer) and q.answer and q.lines <= 1:  # a word or a number: graded at a glance too
        return inline.plain(q.answer)
    if isinstance(q, (ShortAnswer, Essay)):
        return words["see_key"]
    return ""


def render_grid(guide: Guide, paper: str, font_for: dict, theme=None) -> bytes:
    theme = theme or default_theme()
    styles = make_styles(theme)
    stream = io.BytesIO()
    title = inline.plain(guide.title)
    words = labels.for_language(guide.language, guide.labels)
    version = words["version"].format(v=guide.version)
    doc = SimpleDocTemplate(stream, pagesize=theme.page_size(paper), leftMargin=theme.margin_x,
                            rightMargin=theme.margin_x, topMargin=theme.margin_top, bottomMargin=theme.margin_bottom,
                            title=f"{title} ({words['answer_grid']}, {version})", author=guide.author or "",
                            lang=guide.language, invariant=1, creator=owners.stamp(guide.path, "grid"), initialFontName=styles["body"].fontName)
    seed = inline.escape(words["seed"].format(s=guide.seed or ""))  # the seed as typed, stars and all
    seed = inline._route(seed, font_for) if font_for and not seed.isascii() else seed
    head = " · ".join([inline.markup(w, font_for) for w in (title, words["answer_grid"], version)] + [seed])
    rows = [[Para(f"<b>{inline.markup(words[key], font_for)}</b>", styles["cell"])
             for key in ("number_column", "answer_column", "points_column")]]
    for n, q in enumerate(guide.questions, 1):
        pts = format_points(q.points, words) if q.points is not None else ""
        rows.append([Paragraph(f"{n}.", styles["cell"]),
                     Para(inline.markup(answer_text(q, words), font_for), styles["cell"]),
                     Paragraph(pts, styles["cell"])])
    width = doc.width
    table = Table(rows, colWidths=[0.5 * inch, width - 1.3 * inch, 0.8 * inch], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), theme.grid, theme.colors["rule"]),
                               ("BACKGROUND", (0, 0), (-1, 0), theme.colors["shade"]),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc.build([Para(head, styles["subheading"]), Spacer(1, 6), table])
    return stream.getvalue()
