"""`check` and `build` warnings about the pages as printed: answer lines alone on a page, a default count
of lines cut, the Cornell key's model summary cut, a question alone on a small page. Each takes what the
layout measured (:class:`~studyguide.render.Rendered`); moved out of :mod:`studyguide.lint`, which reads
the guide alone."""
from __future__ import annotations

import math
from typing import Optional

from .banks import numeric, spare_words
from .inline import plain
from .errors import Location, Problem
from .model import Guide, first_paragraph
from .reading.walker import clip


def _warn(where: Location, message: str) -> Problem:
    return Problem(where, message, warning=True)


def lone_lines(guide: Guide, lone) -> list[Problem]:
    """Answer lines whose last lines print alone on a page (``Rendered.lone_lines``), with the `lines:` that
    ends the question on the page before: a count the guide gives, an accommodation's extra lines (printed in
    full), or a default count the layout could not cut (layout.lines.LinedQuestion: less than half of it fits)."""
    out = []
    for n, page, alone, kept in lone:
        q = guide.questions[n - 1]
        added = getattr(q, "lines_added", 0)
        whose = ("its answer lines" if q.lines_given and not added else
                 f"its {q.lines} answer lines (the default: it has no 'lines:')" if not added else
                 f"its {q.lines} answer lines")
        where = f"in the copy with {added} extra lines, " if added else ""
        fix = (f"'lines: {kept - added}' would end it on page {page - 1} (with the extra lines, {kept})" if added else
               f"'lines: {kept}' would end it on page {page - 1}")
        if kept - added < 1:
            fix = f"with {kept} lines in all it would end on page {page - 1}"
        out.append(_warn(q.where, f"question {n}: {where}the last {alone} of {whose} print alone on page {page}; "
                                  f"{fix}"))
    return out


def lines_cut(guide: Guide, rendered) -> list[Problem]:
    """Questions whose default count of answer lines the layout cut, so the last lines would not print alone
    on a page (``Rendered.lines_cut``, layout.lines.LinedQuestion): the teacher is told, with the way to choose."""
    out = []
    for n, kept in sorted((getattr(rendered, "lines_cut", None) or {}).items()):
        q = guide.questions[n - 1]
        page = rendered.question_pages[n - 1]
        out.append(_warn(q.where, f"question {n}: only {kept} of its {q.lines} default answer lines print, so that it "
                                  f"ends on page {page} (the last {q.lines - kept} would be alone on a page of their own); "
                                  "give 'lines:' to choose"))
    return out


def summary_cut(guide: Guide, rendered) -> list[Problem]:
    """The Cornell key's model summary cut to the sentences its shrunk lines hold (``Rendered.summary_cut``,
    layout.cornellflow._Cut): at the first sentence left out, with the lines there are and what would print it whole."""
    cut = getattr(rendered, "summary_cut", None)
    text = first_paragraph(guide.summary)
    where = next((w for w, t in guide.texts if text and text in t), None)
    if not cut or where is None:
        return []
    typed = next(t for w, t in guide.texts if w is where)
    at = where.of(typed, typed.find(cut["first_cut"], typed.find(text)))
    left = cut["sentences"] - cut["kept"]
    kept = "its first sentence" if cut["kept"] == 1 else f"its first {cut['kept']} sentences"
    last = "last sentence" if left == 1 else f"last {left} sentences"
    return [_warn(at, f"summary: the Cornell notes' key leaves this paragraph's {last} out of its model summary "
                      f"('{clip(cut['first_cut'])}'{' on' if left > 1 else ''}): the {cut['lines']} "
                      f"lines that end page {cut['page']} hold {kept}, and the whole paragraph takes {cut['needs']}; "
                      f"cut about {cut['words'] - cut['fit']} of its {cut['words']} words to print it whole, or end "
                      "the paragraph (a blank line) where the model should end: the key writes the first paragraph, "
                      "the handout every one")]


def summary_alone(guide: Guide, rendered) -> list[Problem]:
    """The Cornell summary that an accommodation's extra lines send onto a page after the notes (``Rendered.
    summary_alone``, layout.cornellflow._Alone): the lines print in full, for the students who need the room, so the
    teacher is told at `accommodations:`, with the count of extra lines that would keep it under the notes."""
    alone, extra = getattr(rendered, "summary_alone", None), guide.accommodations.extra_lines
    if not alone or not extra:
        return []
    where = guide.accommodations_where or Location(str(guide.path))
    page, most = alone["page"], alone["lines"]
    fewer = alone["fit"] - alone["fewest"]  # (at a page's foot the summary shrinks to 3 lines and its extra ones)
    fix = (f"'extra_lines: {fewer}' (or --extra-lines {fewer}) would keep it under the notes on page {page - 1}"
           if 0 < fewer < extra else f"the notes leave page {page - 1} too little room for the summary with any "
           "extra lines")
    return [_warn(where, f"accommodations: in the copy with {extra} extra lines, the Cornell summary's {most} lines "
                         f"do not fit under the notes, which end on page {page - 1}, so the summary opens page "
                         f"{page}; {fix} (the extra lines always print in full)")]


ALONE_LINES = 12  # lines of body text: a question no taller alone on the last page is worth a warning, as one of a
# quarter page is (a standard letter page holds about 47 lines, a large-print one 27)
ALONE_EMPTY = 30  # % of a last page left empty under the last question alone on it that is worth a tighter
# layout (render.render): issue 14's "no question alone on a page unless it fills it"


def last_alone(rendered, at_least: int) -> int:
    """How much of the handout's last page is empty (%) when it holds the last question alone and at least
    ``at_least`` % of it is empty; else 0."""
    pages, starts = rendered.pages, rendered.question_pages
    if pages < 2 or not starts or starts[-1] != pages or (len(starts) > 1 and starts[-2] == pages):
        return 0
    if any(page == pages and name != "end" for name, page, *_ in rendered.sections):
        return 0  # (something else starts on that page too: an activity, the key's notes)
    empty = round(100 * (1 - rendered.page_fill.get(pages, 1.0)))
    return empty if empty >= at_least else 0


def alone_on_last_page(guide: Guide, rendered, sheet: Optional[str]) -> list[Problem]:
    """A handout whose last page holds only the last question, a short one (a sheet more for one question), that
    a tighter layout could not save (render.render). Named where the question is, with what
    would save the page: on a full page, how many lines the page before is short of it. ``sheet``: "half" or
    "quarter" for small pages."""
    # 75 % of a full page empty (a question of a quarter page), not issue 14's 30 % (layout.fill), which spares a
    # document's last page; or a question of ALONE_LINES lines of text or fewer: large print's type fills more
    # of its page with the same question, and 75 % alone left it silent (n14 classic letter LP: q4 alone, 72 %
    # empty, while compact A4 LP warned at 75 %)
    empty = last_alone(rendered, 75 if sheet else ALONE_EMPTY)
    lines = rendered.page_fill.get(rendered.pages, 1.0) / rendered.line_share if rendered.line_share else math.inf
    if not empty or empty < 75 and (sheet or lines > ALONE_LINES + 0.05):
        return []
    pages, starts = rendered.pages, rendered.question_pages
    n = len(starts)
    if sheet:
        return [_warn(guide.questions[n - 1].where,
                      f"question {n} prints alone on {sheet} page {pages} ({empty} % of it empty); shorten the text "
                      f"before it, or leave the question out, so that it fits on {sheet} page {pages - 1}")]
    short = rendered.page_fill.get(pages, 0) + rendered.gap_share - (1 - rendered.page_fill.get(pages - 1, 1.0))
    lines = max(1, math.ceil(short / rendered.line_share - 0.05)) if rendered.line_share else 0
    room = f"about {lines} line{'s' * (lines > 1)} of text" if lines else "a little"
    return [_warn(guide.questions[n - 1].where,
                  f"question {n} prints alone on page {pages} ({empty} % of it empty), a sheet more for each copy; "
                  f"page {pages - 1} is {room} short of it: shorten the text before it by that much (or give a "
                  f"question before it fewer 'lines:'), or leave question {n} out")]


def title_alone(guide: Guide, rendered, on_half) -> list[Problem]:
    """A quiz on quarter sheets whose page 1 holds the title block alone: question 1 is too tall for the room
    under it (trial r12 #11: a literature question with its cited lines, page 1 of 4 about 60 % empty). A
    question is never cut over two slips of paper, and no smaller title block makes room for one that takes
    most of a quarter page, so the teacher is told, at question 1, what would: half sheets, when they hold it
    under the title on no more paper (``on_half()``: the quiz's student copy laid out on them), else a shorter
    question 1."""
    starts = rendered.question_pages
    if guide.format != "quiz" or not starts or starts[0] == 1 or rendered.pages < 2:
        return []
    empty = round(100 * (1 - rendered.page_fill.get(1, 1.0)))
    said = (f"question 1 is too tall for the room under the title on a quarter page, so page 1 of {rendered.pages} "
            f"holds the title alone ({empty} % of it empty)")
    half = on_half()
    if half.question_pages[:1] == [1] and 2 * half.pages <= rendered.pages:  # (a quarter sheet is half a half)
        said += (f"; on half sheets (--sheet half) it starts under the title and the quiz takes {half.pages} "
                 f"page{'s' * (half.pages > 1)}, no more paper")
    else:
        said += "; shorten question 1 (its prompt, or the lines it cites), or put a shorter question first"
    return [_warn(guide.questions[0].where, said)]


def bare_banks(guide: Guide, rendered, written: Optional[Guide] = None) -> list[Problem]:
    """Two-blank word banks printed with their two answers alone: :func:`studyguide.banks.banked` gave each a spare
    word, but the layout left it out where it would widen the blanks or take the bank to another line
    (``Rendered.banks_bare``, layout.blanks.bank_words), so a student who knows one answer is given the other.
    lint.bank_answers warns of a bank given no spare at all; this one of a spare that does not print (trial r14:
    chemistry's ratio blanks '1:1' and '1:2' had only '6.02×10²³', wider than both). ``written``: the guide as
    written, when ``guide`` is its accommodated copy (a bank the accommodation gave has no key to leave out)."""
    bare = getattr(rendered, "banks_bare", None) or {}
    own = {q.where for q in (written or guide).questions if getattr(q, "word_bank", False)}
    out = []
    for n, q in enumerate(guide.questions, 1):
        if q.where not in bare:
            continue
        spares, cost = bare[q.where]
        answers = " · ".join(clip(a, 30) for a in dict.fromkeys(b.answer for b in q.blanks))
        shown = ", ".join(f"'{clip(w, 30)}'" for w in spares)
        why = "is wider than them and would widen the blanks" if cost == "widen" else \
            "would take the bank to a second line"
        number = all(numeric(b.answer) for b in q.blanks)
        shorter = "a blank answered by a short number" if number else "a short vocabulary term"
        given = "" if q.where in own else "in the copy with word banks, "
        # (the guide may have shorter words already: the spare was drawn among those no longer than the longer answer,
        # in letters, and was wider in print; trial r16 #9 was told to add a short term, with 'ave' in the guide)
        fewer = [w for w in spare_words(written or guide, q) if len(plain(w)) < min(len(plain(s)) for s in spares)]
        more = (f"add {shorter} elsewhere in the guide" if not fewer else
                f"the guide has shorter words ({', '.join(repr(clip(plain(w), 30)) for w in fewer[:3])}"
                f"{', ...' if len(fewer) > 3 else ''}), but the spare is drawn at random (by the guide's 'seed:') from "
                "its words no longer than the longer answer: give the guide a 'seed:', or another one, to draw again "
                "(it reshuffles the activities too)")
        out.append(_warn(q.where, f"question {n}: {given}its word bank prints only the 2 answers of its blanks ({answers}), so "
                                  f"a student who knows one is given the other: the spare word the guide offers, "
                                  f"{shown}, {why}, so it is left out; {more}"
                                  + (", split it into questions of one blank each, or leave out 'word_bank'" if not given
                                     else " or split it into questions of one blank each")))
    return out
