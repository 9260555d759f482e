"""A one-page answer grid per version (question number → answer), for quick grading."""
from __future__ import annotations

import io
from typing import NamedTuple

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import inline, labels, owners, shuffle
from . import pages as pages_module
from .layout import Para  # fallback faces keep bold; right-to-left answers in display order
from .model import (LETTERS, Essay, FillInBlank, Guide, Matching, MultipleChoice, Ordering, SelectAll, ShortAnswer,
                    TrueFalse, format_points)
from .theming.styles import default as default_theme, make_styles



def answer_text(q, words: dict | None = None) -> str:
    """The answer as a grader checks it at a glance (True/False and "see the key" in ``words``, the guide's labels):
    a short answer's model answer when it is short (a word, a number with its unit: at most :data:`WORDS` words),
    whatever the lines left for working, or when the question has one line; a longer one, the key."""
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
    if isinstance(q, ShortAnswer) and q.answer and len(inline.plain(q.answer)) <= GLANCE and \
            (q.lines <= 1 or len(inline.plain(q.answer).split()) <= WORDS):
        return inline.plain(q.answer)  # a word or a number ('18 m' under 2 lines of working): graded at a glance too
    if isinstance(q, (ShortAnswer, Essay)):
        return words["see_key"]
    return ""


WORDS = 5  # a model answer of at most this many words is read off the grid, whatever lines the question leaves
# for working ('2 m/s', '−3 °C per hour'); a longer one under more than one line is a sentence or two: the key's
GLANCE = 80  # characters: a one-line short answer's model answer longer than this is "see the key" (a row of the
# grid is never split over pages: a 5,000-character answer stopped a build with versions)


class Drawn(NamedTuple):
    pdf: bytes
    pages: int


GAP = 0.2 * inch  # between the columns of a grid set in two or three
COLUMNS = (2, 3)  # the columns a grid too long for one page in one column tries, fewest first
PAD = 12          # a table cell's padding, left and right (reportlab's default: 6 and 6)
SIDES = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")


def render_grid(guide: Guide, paper: str, font_for: dict, theme=None) -> Drawn:
    """The answer grid of a version, and its page count: one column of rows when that fits one page (as it
    always was), else two or three columns of balanced rows side by side, else pages of three columns, each
    page headed and with a footer naming the version and "Page N of M", so a loose page is told apart."""
    theme = theme or default_theme()
    styles = make_styles(theme)
    stream = io.BytesIO()
    title = inline.plain(guide.title)
    words = labels.for_language(guide.language, guide.labels)
    version = words["version"].format(v=guide.version)
    # The rows may reach down to the footer's rule and the 3 points the theme check keeps above it (pages.py
    # draws the rule 3 points over the footer's type): a handout's bottom margin left a row and a half
    # unused, so 100 answers on letter took two pages a third full.
    bottom = min(theme.margin_bottom, theme.footer_y + styles["footer"].fontSize + 3 + 3)
    doc = SimpleDocTemplate(stream, pagesize=theme.page_size(paper), leftMargin=theme.margin_x,
                            rightMargin=theme.margin_x, topMargin=theme.margin_top, bottomMargin=bottom,
                            title=f"{title} ({words['answer_grid']}, {version})", author=guide.author or "",
                            lang=guide.language, invariant=1, creator=owners.stamp(guide.path, "grid"), initialFontName=styles["body"].fontName)
    seed = inline.escape(words["seed"].format(s=guide.seed or ""))  # the seed as typed, stars and all
    seed = inline._route(seed, font_for) if font_for and not seed.isascii() else seed
    head = " · ".join([inline.markup(w, font_for) for w in (title, words["answer_grid"], version)] + [seed])

    def rows(points: bool = True) -> list[list]:  # (new cells for each table: a paragraph keeps the width it was
        # last wrapped at); ``points`` false: no points column (in columns side by side, when no question has points)
        keys = ("number_column", "answer_column", "points_column")[:3 if points else 2]
        out = [[Para(f"<b>{inline.markup(words[key], font_for)}</b>", styles["cell"]) for key in keys]]
        for n, q in enumerate(guide.questions, 1):
            pts = format_points(q.points, words) if q.points is not None else ""
            out.append([Paragraph(f"{n}.", styles["cell"]),
                        Para(inline.markup(answer_text(q, words), font_for), styles["cell"]),
                        Paragraph(pts, styles["cell"])][:len(keys)])
        return out

    style = TableStyle([("GRID", (0, 0), (-1, -1), theme.grid, theme.colors["rule"]),
                        ("BACKGROUND", (0, 0), (-1, 0), theme.colors["shade"]),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])
    width = doc.width
    one = [0.5 * inch, width - 1.3 * inch, 0.8 * inch]
    top = Para(head, styles["subheading"])
    room = doc.height - PAD - top.wrap(width - PAD, doc.height)[1] - styles["subheading"].spaceAfter - 6
    if (len(guide.questions) + 1) * (styles["cell"].leading + 6) <= room:  # it may fit one column on one page
        table = Table(rows(), colWidths=one, repeatRows=1)  # (as it always was)
        table.setStyle(style)
        doc.build([top, Spacer(1, 6), table])
        if doc.page == 1:
            return Drawn(stream.getvalue(), doc.page)
        stream.seek(0)
        stream.truncate()
    cells = rows(any(q.points is not None for q in guide.questions))  # (measured, then drawn: each wraps anew)
    plan = _plan(cells, width, room)
    if plan is None:  # (an answer taller than a page: one column, run over pages)
        table = Table(rows(), colWidths=one, repeatRows=1)
        table.setStyle(style)
        story = [top, Spacer(1, 6), table]
    else:
        widths, pages = plan
        story = []
        for page in pages:
            blocks = [Table(cells[:1] + cells[1 + first:1 + end], colWidths=widths, style=style) for first, end in page]
            story += [PageBreak()] if story else []
            story += [Para(head, styles["subheading"]), Spacer(1, 6), Table(
                [blocks], colWidths=[sum(widths) + GAP] * (len(blocks) - 1) + [sum(widths)],
                style=[("VALIGN", (0, 0), (-1, -1), "TOP")] + [(side, (0, 0), (-1, -1), 0) for side in SIDES])]
        if len(pages) == 1:
            doc.build(story)
            return Drawn(stream.getvalue(), doc.page)
    footer = inline.markup(" · ".join([title, words["answer_grid"], version, words["seed"].format(s=guide.seed or "")])
                           + " · ", font_for).replace("{", "{{").replace("}", "}}")
    footer += inline.markup(words["page"].replace(" ", "\u00a0"), font_for)  # (as a handout's footer: render.py)
    doc.build(story, canvasmaker=pages_module.canvas_class(footer, theme, styles["footer"]))
    return Drawn(stream.getvalue(), doc.page)


def _plan(cells: list[list], width: float, room: float) -> tuple[list[float], list] | None:
    """The columns' widths and the pages (each a list of its columns' (first, end) rows) of the fewest columns
    in COLUMNS that hold every row on one page, else of the most; None when an answer is too tall for a page."""
    for count in COLUMNS:
        widths = _widths(cells, (width - (count - 1) * GAP) / count)
        heights = _heights(cells, widths)
        pages = _pages(heights[1:], room - heights[0], count)
        if pages is not None and (len(pages) == 1 or count == COLUMNS[-1]):
            return widths, pages
    return None


def _widths(rows: list[list], column: float) -> list[float]:
    """A grid column's cells: the number's and the points' as wide as their widest word, the answer the rest."""
    number = max(row[0].minWidth() for row in rows) + PAD + 1
    if len(rows[0]) < 3:  # (no points column)
        return [number, column - number]
    points = max(row[2].minWidth() for row in rows) + PAD + 1
    return [number, column - number - points, points]


def _heights(rows: list[list], widths: list[float]) -> list[float]:
    """Each row's height in a table of these column widths (the heading row first): its tallest cell and the
    cells' padding, 3 points above and below, as a table sets it."""
    return [max(cell.wrap(w - PAD, 1e6)[1] for cell, w in zip(row, widths)) + 6 for row in rows]


def _columns(heights: list[float], room: float) -> list[tuple[int, int]] | None:
    """The rows in order, in columns each at most ``room`` high: (first, end) of each; None when a row is taller."""
    out, first, used = [], 0, 0.0
    for i, h in enumerate(heights):
        if h > room:
            return None
        if used + h > room:
            out.append((first, i))
            first, used = i, 0.0
        used += h
    return out + [(first, len(heights))] if heights else out


def _pages(heights: list[float], room: float, count: int) -> list[list[tuple[int, int]]] | None:
    """The rows in columns of ``count`` to a page, on as few pages as columns ``room`` high allow, every column
    as even as can be (the shortest height that still takes no more columns), so the last page is not left
    with a row or two: a list of pages, each of its columns' (first, end); None when a row is taller than ``room``."""
    full = _columns(heights, room)
    if not full:
        return None if full is None else [[(0, 0)]]
    most = -(-len(full) // count) * count  # the columns of the pages needed
    low, high = max(heights), room
    for _ in range(30):
        mid = (low + high) / 2
        if len(_columns(heights, mid)) <= most:
            high = mid
        else:
            low = mid
    even = _columns(heights, high)
    return [even[k:k + count] for k in range(0, len(even), count)]
