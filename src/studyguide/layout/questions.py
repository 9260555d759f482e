"""Questions, numbered, one kind per builder; the key's answers sit where the student writes.

Every piece that differs between handout and key is a :class:`Twin` (or a
:class:`LinedAnswer`, which is the same height in both), so both documents
paginate alike.
"""
from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .. import fenced, inline, rtl, shuffle
from ..theming import fonts
from ..model import LETTERS, format_points
from . import code, directions, fillable, keynotes, matchcols, matchparts, opening, passage
from .directions import instruction_of, run_in_markup
from .marks import QuestionStart
from .blanks import bank_box, bank_words, blank_markup, blank_width
from .circled import InlineOptions, Options, points_column
from .flow import Beside, Box, Gap, Labelled, Shorter, Stack, Twin, even_columns, para_width
from .lines import LinedAnswer, LinedQuestion, answer_style, indented
from .sections import heading



def _points(ctx, q) -> str | None:
    if q.points is None:
        return None
    return ctx.label("point" if q.points == 1 else "points", n=format_points(q.points, ctx.labels))


def _label(ctx, text: str, para, *, indent, label_x=0, bold=True, circle=False, right=None, color=None, rtl=False,
           mirrored=False):
    style = para.style
    faces = fonts.roles(ctx.theme.family)  # the theme's own faces: numbers and letters match the text
    return Labelled(text, para, indent, faces["bold"] if bold else faces["regular"], style.fontSize, circle=circle,
                    right=right, right_font=ctx.font_for(right, faces["regular"]) if right else None, color=color,
                    label_x=label_x, rtl=rtl, mirrored=mirrored)


def from_right(ctx, q, student: str | None = None) -> bool:
    """Whether a question reads from the right (its prompt's first letter Hebrew or Arabic): its number at
    the right margin, its points at the left, and its rows mirrored to match (``student``: the prompt's
    markup when not its text alone, a fill-in's sentence with its blanks)."""
    if student is None:
        text = "".join(p for p in q.parts if isinstance(p, str)) if q.kind == "fill_in_blank" else fenced.prose(q.prompt)
        student = inline.markup(text, ctx.fonts)
    return rtl.shown_direction(student) is True


def _prompt(ctx, number: int, q, student=None, key=None, note=None, away=None) -> list:
    """The numbered prompt, points on the right, and the instruction: run in after the prompt, in
    the instruction's type; on a line of its own when the key sets its note beside it."""
    ni = ctx.theme.number_width
    words = instruction_of(ctx, q)
    student = student if student is not None else inline.markup(fenced.prose(q.prompt), ctx.fonts)
    instruction = ctx.p(words, "instruction")
    directed = number in ctx.__dict__.get("directed", ())  # said once above its run (directions)
    words = "" if directed else words
    back = from_right(ctx, q, student)
    if note is None and words:
        run_in = run_in_markup(ctx, words, back and rtl.direction(words) is False)
        student, key = student + run_in, (key + run_in if key is not None else None)
    row = _label(ctx, f"{number}.", ctx.raw(student, "prompt"), indent=ni, right=_points(ctx, q), mirrored=back)
    if key is not None:
        keyed = _label(ctx, f"{number}.", ctx.raw(key, "prompt", base_rtl=rtl.shown_direction(student)), indent=ni,
                       right=_points(ctx, q), mirrored=back)  # the handout's direction: a Hebrew answer first turns no English prompt
        keyed.like = row  # the points where the handout has them, so its lines break as the handout's do
        row = Twin(row, keyed, ctx)
    if note is None:
        return [row]
    instruction = directions.read_from_right(instruction, "", True) if back else instruction  # (by the number, the
    # key's note at its left: an English one too)
    items = [] if directed else [indented(instruction, ni, back)]  # the key's note beside the instruction (or
    return [row, _beside(ctx, items, note, away, mirror=back)]       # under the prompt, the instruction said above the run)


def _beside(ctx, items, note, away=None, **kw):
    """Rows with the key's note beside them (room permitting), else on the key's last pages (``away``),
    else under them: whichever is shortest, by the question when that costs nothing (``mirror``: a question
    read from the right, its rows' columns from the right and the note at their left)."""
    size = note.style.fontSize if note is not None else 0
    return Beside(ctx, items, note, lead=ctx.theme.number_width, min_note=14 * size, page_height=ctx.height,
                  away=away, **kw)


def _choices(ctx, q, right: set[int]) -> list:
    ni = ctx.theme.number_width
    back = from_right(ctx, q)  # (a question read from the right: every letter at its choice's right, the text by it)
    flush = (lambda para: directions.read_from_right(para, "", True)) if back else (lambda para: para)  # noqa: E731
    rows = []
    for i, choice in enumerate(q.choices):
        letter = f"{LETTERS[i]}."
        kw = dict(rtl=True) if rtl.base_is_rtl(choice) else {}  # (an Arabic choice: its letter at its right)
        kw = dict(mirrored=True) if back else kw
        student = _label(ctx, letter, flush(ctx.p(choice, "choice")), indent=ni + ctx.theme.choice_indent, label_x=ni,
                         bold=False, **kw)
        if i in right:
            key = _label(ctx, letter, flush(ctx.p(choice, "choice_key")), indent=ni + ctx.theme.choice_indent,
                         label_x=ni, circle=True, color=ctx.color("answer"), **kw)
            plain = _label(ctx, letter, flush(_coloured(ctx, choice)), indent=ni + ctx.theme.choice_indent, label_x=ni,
                           circle=True, color=ctx.color("answer"), **kw)
            rows.append(RightChoice(student, key, plain, ctx))
        else:
            rows.append(Twin(student, student, ctx))
    return rows


def _coloured(ctx, choice: str):
    """A right choice in the answer colour but the choice's own weight (for one the bold would wrap)."""
    colour = ctx.color("answer").hexval()[2:]
    return ctx.raw(f'<font color="#{colour}">{inline.markup(choice, ctx.fonts)}</font>', "choice")


class RightChoice(Twin):
    """The key's right choice: bold, unless bold would take more lines than the handout's choice;
    then in the regular weight (ringed and coloured all the same), so the handout has no empty line."""

    def __init__(self, student, key, plain, ctx):
        super().__init__(student, key, ctx)
        self.bold, self.plain = key, plain

    def wrap(self, aW, aH):
        _, h = self.student.wrap(aW, aH)
        self.key = self.bold if self.bold.wrap(aW, aH)[1] <= h else self.plain
        return super().wrap(aW, aH)


def _filled(q, back: bool) -> bool:
    """Whether a choice's row reaches its column's right edge: an Arabic choice under an English prompt has its
    letter there (_choices), so the key's note goes past the last column, off the circled answer."""
    return not back and any(rtl.base_is_rtl(choice) for choice in q.choices)


def multiple_choice(ctx, n, q, note, away=None):
    back = from_right(ctx, q)
    rows = fillable.choices(ctx, n, _choices(ctx, q, {q.answer}), several=False, mirrored=back)
    return _prompt(ctx, n, q), [_beside(ctx, rows, note, away, columns=(4, 2, 1), mirror=back,
                                        filled=_filled(q, back))]


def select_all(ctx, n, q, note, away=None):
    back = from_right(ctx, q)
    rows = fillable.choices(ctx, n, _choices(ctx, q, set(q.answers)), several=True, mirrored=back)
    return _prompt(ctx, n, q), [_beside(ctx, rows, note, away, columns=(4, 2, 1), mirror=back,
                                        filled=_filled(q, back))]


def true_false(ctx, n, q, note, away=None):
    size = ctx.styles["choice"].fontSize
    x = ctx.theme.number_width + 4
    words = (ctx.label("true"), ctx.label("false"))
    face, size = ctx.drawn_font(" ".join(words), fonts.roles(ctx.theme.family)["regular"], size)  # (Urdu: larger)
    back = from_right(ctx, q)  # (read from the right: True at the right, at the right margin or left of the prompt's end)
    lead = ctx.theme.number_width  # (the prompt's indent: where a stack of them stands when a row is too wide)
    student = Options(words, x, face, size, 28, mirrored=back, lead=lead)
    key = Options(words, x, face, size, 28, marked=0 if q.answer else 1, color=ctx.color("answer"), mirrored=back,
                  lead=lead)
    row = fillable.true_false(ctx, n, Twin(student, key, ctx), student)
    # at the right of the prompt's last line, else under it, in one column for all of them (the widest points'
    # left); under a quote of the reading printed under the prompt, on a row of their own in that column
    column = points_column(ctx, lambda: [_points(ctx, o) for o in ctx.guide.questions if o.kind == "true_false"])
    kw = dict(points=column, note=note, away=away, ctx=ctx, lead=ctx.theme.number_width, size=size)
    if passage.excerpts(ctx, n) or fenced.has_fence(q.prompt):  # (under a program too)
        return _prompt(ctx, n, q), [InlineOptions(None, row, x, mirrored=back, **kw)]
    both = InlineOptions(_prompt(ctx, n, q)[0], row, x, **kw)
    return [both], [both.follower()] if away else []


def _lined(ctx, n, q, note, away=None):
    """The key writes the model answer on the lines, and its note on the lines after it when they
    have room for it; else the note goes to the key's last pages (``away``), or under the lines."""
    indent = ctx.theme.number_width
    back = from_right(ctx, q)  # (the lines' indent at the right, under the prompt read from the right)

    def lines(*parts):
        parts = [p for p in parts if p]
        para = ctx.raw("<br/>".join(parts), "answer") if parts else None
        if para is not None:
            para.style = answer_style(ctx)
        count = ctx.__dict__.get("fewer_lines", {}).get(n, q.lines)  # (a default count cut: mending.fewer_lines)
        extra = ctx.__dict__.get("lines_stretched", {}).get(n, 0)  # (a short page's room: stretch; on every option,
        # so that the key's note goes where it went)
        return LinedAnswer(ctx, count, para, indent, name=f"q{n}", tip=fillable.tip(ctx, n), mirrored=back,
                           extra=extra)

    answer = code.markup(q.answer, ctx.fonts) if q.answer else None
    if not note:
        return _prompt(ctx, n, q), [lines(answer)]
    if away is not None:  # (on the lines when it adds none: the shorter, the first when equal)
        return _prompt(ctx, n, q), [Shorter([lines(answer, note)], [lines(answer), away])]
    under = Twin(Gap(0), indented(ctx.raw(note, "explanation"), indent, back), ctx)
    return _prompt(ctx, n, q), [Shorter([lines(answer, note)], [lines(answer), under])]


short_answer = essay = _lined


def fill_in_blank(ctx, n, q, note, away=None):
    # with a word bank, every blank is as wide as the longest answer: a blank's length gives nothing away
    words = bank_words(ctx, q) if q.word_bank else []  # its answers and words that answer none of its blanks
    width = max((blank_width(ctx, w) for w in words), default=0)

    def para(key: bool):
        texts, blanks = [""], []  # the text between the blanks, read as one for emphasis around a blank
        for p in q.parts:
            if isinstance(p, str):
                texts[-1] += p
            else:
                blanks.append(p)
                texts.append("")
        out = inline.markup_around(texts, ctx.fonts)
        for k, b in enumerate(blanks, 1):
            out.insert(2 * k - 1, blank_markup(ctx, b, key, width, f"q{n}_blank{k}",
                                                fillable.tip(ctx, n, "field_blank", k=k)))
        return "".join(out)

    rows = []
    if q.word_bank:
        box = bank_box(ctx, words)
        back = from_right(ctx, q)  # (read from the right: the box under the prompt, from the right)
        box.hAlign = "RIGHT" if back else "LEFT"
        rows.append(Spacer(1, 4))
        rows.append(indented(box, ctx.theme.number_width, back))
    return _prompt(ctx, n, q, para(False), para(True), note=note, away=away), rows


def matching(ctx, n, q, note, away=None, first: int = 0):
    """Numbered items with a blank each and the lettered items beside them; or the numbered items, then
    the lettered ones under them at the line's whole width (large print always): whichever is shorter.
    ``first``: the items before these, a part of a question too tall for a page (layout.matchparts)."""
    if ctx.theme.one_column:
        return _matching(ctx, n, q, note, away, True, None, first)
    shares = matchcols.split(ctx, q, ctx.width - ctx.theme.number_width)  # (terms, items): what they need
    return _matching(ctx, n, q, note, away, matchcols.under_is_shorter(ctx, q, shares), shares)


def _matching(ctx, n, q, note, away, one_column: bool, shares, first: int = 0):
    ni = ctx.theme.number_width
    order = q.order or shuffle.order(len(q.pairs), "matching", q.prompt, *(p.right for p in q.pairs))
    letter_of = {orig: LETTERS[first + pos] for pos, orig in enumerate(order)}
    size = ctx.styles["choice"].fontSize
    scale = size / 10.5  # the standard sizes, scaled with the type (large print)
    blank_w, num_w = 0.5 * inch * scale, matchcols.label_width(ctx, len(q.pairs), first)
    w = ctx.width - ni
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("FONT", (0, 0), (-1, -1), ctx.styles["choice"].fontName,
                                                                  size)])
    widths = ([blank_w, num_w, w - blank_w - num_w] if one_column else
              [blank_w, num_w, shares[0], num_w, shares[1]])
    texts = [p.left for p in q.pairs] + [p.right for p in q.pairs]
    back = from_right(ctx, q)  # (the prompt read from the right: the rows under it from the right margin's indent)
    # read from the right (reversed): a Hebrew or Arabic exercise, or Hebrew terms matched to English meanings under
    # a Hebrew prompt (under an English one they are a left-to-right exercise)
    mirror = rtl.all_rtl(texts) or (back and any(rtl.has_rtl(t) for t in texts))
    cell = lambda text, room: directions.read_from_right(  # noqa: E731 (a number wider than its cell set smaller)
        matchcols.fitted(ctx, text, room), text, mirror)
    lefts = [directions.hugged(cell(pair.left, widths[2] - matchcols.PAD), pair.left, mirror) for pair in q.pairs]
    if one_column and not mirror and not back:  # the term column as wide as its longest term as set (its fallback fonts, its
        # bold and italics; its padding and 2 pt): the key's note may sit beside the terms
        widths[2] = min(widths[2], max(para_width(getattr(left, "para", left)) for left in lefts) + 10)
    turn = (lambda row: row[::-1]) if mirror else list
    rows = []
    for i, pair in enumerate(q.pairs):
        cells = [ctx.raw(f"{first + i + 1}.", "choice"), lefts[i]]
        if not one_column:
            right = q.pairs[order[i]].right
            cells += [ctx.raw(f"<b>{LETTERS[i]}.</b>", "choice"),
                      directions.hugged(cell(right, widths[4] - matchcols.PAD), right, mirror)]
        lower = matchcols.lowered(turn(["______"] + cells), size)
        mine = TableStyle(style.getCommands() + lower) if lower else style
        student = Table([turn(["______"] + cells)], colWidths=turn(widths), style=mine)
        key_blank = ctx.raw(f'<u><b>\u00a0\u00a0{letter_of[i]}\u00a0\u00a0</b></u>', "choice_key")
        key = Table([turn([key_blank] + cells)], colWidths=turn(widths), style=mine)
        for t in (student, key):
            t.hAlign = "RIGHT" if back else "LEFT"
            if one_column:
                t.natural_width = (lambda reach=sum(widths): reach)  # (a term that wraps stays in its column)
        rows.append(indented(fillable.matching_slot(ctx, n, first + i + 1, Twin(student, key, ctx), blank_w, size, mirror), ni,
                             back))
    if one_column:  # the key's note beside the numbered terms (it costs the handout nothing there), then
        # the lettered items under them
        narrow = note.style.fontSize * 8 if note is not None else 0  # (a short note: eight ems wide will do)
        columns = (1,) if ctx.theme.one_column else even_columns(len(rows))  # (large print: one term to a line)
        rows = [Beside(ctx, rows, note, lead=ni, min_note=narrow, page_height=ctx.height, away=away, columns=columns,
                       mirror=back), Spacer(1, size * 0.6)]
        for pos, orig in enumerate(order):
            rows.append(_label(ctx, f"{LETTERS[first + pos]}.", cell(q.pairs[orig].right, w - ctx.theme.choice_indent),
                               indent=ni + ctx.theme.choice_indent, label_x=ni, rtl=mirror, mirrored=mirror and back))
        return _prompt(ctx, n, q), rows
    return _prompt(ctx, n, q, note=note, away=away), rows


def ordering(ctx, n, q, note, away=None):
    ni = ctx.theme.number_width
    order = q.order or shuffle.order(len(q.items), "ordering", q.prompt, *q.items)
    size = ctx.styles["choice"].fontSize
    side = ctx.theme.box_side
    back = from_right(ctx, q)  # (read from the right: each box at the right, its item left of it)
    rows = []
    listing = any(fenced.is_indented(item) for item in q.items)  # lines of a program: all as code, indents kept
    for k, orig in enumerate(order, 1):
        item = q.items[orig]
        para = ctx.raw(inline.markup(f"`` {item} ``" if listing and "``" not in item else item, ctx.fonts), "choice") \
            if listing else ctx.p(item, "choice")
        para = directions.read_from_right(para, "", True) if back else para  # (an English item beside its box too)
        hug = not back and rtl.base_is_rtl(item)  # (an Arabic item under an English prompt: beside its box, not
        student = Box(para, side, ni, ctx.theme.rule, mirrored=back, hug=hug)  # at the far margin)
        key = Box(para, side, ni, ctx.theme.rule, text=str(orig + 1), font=fonts.roles(ctx.theme.family)["bold"], size=size + 1,
                  color=ctx.color("answer"), mirrored=back, hug=hug)
        rows.append(fillable.ordering_box(ctx, n, k, Twin(student, key, ctx), side, ni, size, mirrored=back))
    return _prompt(ctx, n, q), [_beside(ctx, rows, note, away, row_gap=3, mirror=back)]


BUILDERS = {
    "multiple_choice": multiple_choice, "select_all": select_all, "true_false": true_false,
    "short_answer": short_answer, "essay": essay, "fill_in_blank": fill_in_blank,
    "matching": matching, "ordering": ordering,
}


def notes_markup(ctx, q) -> str | None:
    """The key-only text of a question (other accepted answers, "Why:"), as markup, or None."""
    notes = []
    for blank in getattr(q, "blanks", ()):
        if len(blank.answers) > 1:
            quote = inline.markup(ctx.label("quote"), ctx.fonts)  # the language's quotation marks
            others = ", ".join(quote.format(text=inline.markup(a, ctx.fonts)) for a in blank.answers[1:])
            notes.append(inline.markup(ctx.label("also_accept"), ctx.fonts).format(
                others=others, answer=quote.format(text=inline.markup(blank.answer, ctx.fonts))))
    if q.explanation:
        notes.append(f"<b>{inline.markup(ctx.label('why'), ctx.fonts)}</b> "
                     + (code.markup(q.explanation, ctx.fonts) if fenced.has_fence(q.explanation)
                        else inline.markup(_last_two_kept(q.explanation), ctx.fonts)))
    return "<br/>".join(notes) if notes else None


def _last_two_kept(text: str) -> str:
    """A note whose last word is short ("−3.") with a no-break space before it, so a narrow note beside the
    choices never ends on a line of that word alone: the word before it goes down with it."""
    head, space, last = text.rstrip().rpartition(" ")
    if not space or " " not in head.strip() or len(inline.plain(last)) > 5:
        return text
    return head + "\u00a0" + last


def question(ctx, number: int, q, lead: list = ()) -> list:
    """The question's block; a large-print matching too tall for a page, in parts that each fit one (matchparts)."""
    if q.kind == "matching" and ctx.theme.one_column:
        return matchparts.parted(ctx, q, lambda part, first: _block(ctx, number, part, lead, first))
    block = _block(ctx, number, q, lead)
    keep = ctx.__dict__.get("lines_over", {}).get(number)  # (linesover: its last lines fill the next page)
    return block.over(keep) if keep and isinstance(block, LinedQuestion) else [block]


def _block(ctx, number: int, q, lead: list = (), first: int = 0) -> Flowable:
    if first:  # a matching's part after the first: its items under a line naming the question (no prompt, note)
        head, body = [matchparts.continued(ctx, number, q, first)], matching(ctx, number, q, None, None, first)[1]
        return opening.kept(ctx, [], head, body)
    notes = notes_markup(ctx, q)
    if q.kind in ("short_answer", "essay"):
        note = notes
    else:
        note = ctx.raw(notes, "explanation") if notes else None
    kept = number in ctx.__dict__.get("notes_kept", ())  # (mending.notes_home: no key page for them alone)
    away = keynotes.AwayNote(ctx, number, notes) if notes and keynotes.enabled(ctx) and not kept else None
    if kept and notes:  # (the most blank it may leave the handout: mending.notes_holed)
        ctx.__dict__.setdefault("kept_heights", {})[number] = ctx.raw(notes, "explanation").wrap(ctx.width, 1e6)[1]
    head, body = BUILDERS[q.kind](ctx, number, q, note, away)
    back = from_right(ctx, q)  # (a quote of the reading under a prompt read from the right: indented from the right)
    cited = [indented(row, ctx.theme.number_width, back) for row in passage.excerpts(ctx, number)]
    programs = [Twin(block, block, ctx) for block in code.flowables(ctx, q.prompt, "prompt", ctx.theme.number_width)]
    head = list(lead) + head[:1] + programs + ([Spacer(1, 3)] + cited if cited else []) + head[1:]
    if q.kind in ("short_answer", "essay"):
        mark = Stack([QuestionStart(ctx)], space_before=ctx.theme.question_gap)
        flexible = not q.lines_given and not q.lines_added  # (an accommodation's lines are all printed)
        block = LinedQuestion(ctx, [mark] + head + [Spacer(1, 4)], body[0], number, flexible, q.points)
        block.glue = True  # its gap may shrink to set it on a page it misses by a little (glue)
        return block
    return opening.kept(ctx, [QuestionStart(ctx)], head, body, number if q.kind in opening.KINDS else None, q.kind,
                        back)


def section(ctx) -> list:
    qs = ctx.guide.questions
    if not qs:
        return []
    runs = directions.runs(ctx, qs)
    ctx.__dict__["directed"] = {n for first, (last, _) in runs.items() for n in range(first, last + 1)}
    # the heading travels inside the first question's block, so it never ends a page alone; a run's
    # directions travel inside its first question's block
    title = heading(ctx, "questions")[-1]
    out = []
    for n, q in enumerate(qs, 1):
        lead = [title] if n == 1 else []
        if n in runs:
            lead.append(directions.paragraph(ctx, n, *runs[n]))
        out += question(ctx, n, q, lead)
    return out
