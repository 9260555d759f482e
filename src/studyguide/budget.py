"""The page budget of a guide before printing: pages per section, points, and the minutes students need.

Pages come from the laid-out handout (each section heading leaves a mark
with its page; the questions' first page is where question 1 starts). The
minutes are an estimate from these constants, per question type and per
activity, plus reading time for the reading sections:

==================  =====================================
multiple choice     1 minute
true/false          0.5 minute
select all          1.5 minutes
fill in the blank   1 minute per blank
matching            0.5 minute per pair
ordering            1.5 minutes
short answer        2 minutes per answer line
essay               1.5 minutes per answer line
reading             200 words a minute; Chinese and Japanese
                    250 characters a minute
matching activity   0.5 minute per term
word-bank sentences 1 minute per sentence
word search         1 minute per word
crossword           1 minute per clue
flashcards          not timed (made in class, used later)
==================  =====================================

Also measures each question's height, for :func:`studyguide.lint.tall_questions`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from . import activities as act
from .errors import BuildError, StudyguideError
from .model import Accommodations, Guide
from .readtime import count as _count
from .readtime import reading_minutes, reading_words, said

MINUTES = {
    "multiple_choice": 1.0, "true_false": 0.5, "select_all": 1.5, "ordering": 1.5,
    "fill_in_blank": 1.0,    # per blank
    "matching": 0.5,         # per pair
    "short_answer": 2.0,     # per answer line
    "essay": 1.5,            # per answer line
}
ACTIVITY_MINUTES = {"matching": 0.5, "cloze": 1.0, "word_search": 1.0, "crossword": 1.0,
                    "flashcards": 0.0, "flashcards_duplex": 0.0}
BLANK_MINUTES = 0.5    # a blank in guided notes, filled while reading or listening
BOX_MINUTES = 1.0      # a box of a graphic organizer (a Frayer card has four)
READING = ("reading", "summary", "objectives", "topics", "perspectives", "chart", "takeaways", "vocabulary")


def _notes_minutes(guide: Guide) -> tuple[float, str]:
    """Reading the topics, and filling their blanks (layout/notes.py finds them as it prints them)."""
    from .layout.notes import holes, lowercase, texts_of, topic_pattern

    words = reading_words(guide, "topics")
    blanks = sum(len(holes(text, topic_pattern(guide, t), lowercase(guide), marks)[1])
                 for t in guide.topics for text, marks in texts_of(t))
    return reading_minutes(words) + blanks * BLANK_MINUTES, f"{said(words)}, {_count(blanks, 'blank')}"


def _boxes(count: int) -> tuple[float, str]:
    return count * BOX_MINUTES, _count(count, "box").replace("boxs", "boxes")


# the parts of the formats students write in (formats.py), and their minutes
WRITTEN = {
    "notes": {"topics": _notes_minutes}, "cornell": {"topics": _notes_minutes},
    "organizers": {"chart": lambda g: _boxes(len(g.benefits) + len(g.criticisms)),
                   "perspectives": lambda g: _boxes(2 * len(g.perspectives)),
                   "vocabulary": lambda g: _boxes(4 * len(g.vocabulary))},
}


def question_minutes(q, lines: Optional[int] = None) -> float:
    """``lines``: the answer lines printed, where the layout cut a default count (render.Rendered.lines_cut)."""
    per = MINUTES[q.kind]
    if q.kind == "fill_in_blank":
        return per * len(q.blanks)
    if q.kind == "matching":
        return per * len(q.pairs)
    if q.kind in ("short_answer", "essay"):
        return per * (lines or q.lines)
    return per


def activity_count(name: str, data) -> tuple[int, str]:
    """How many items an activity has, and what they are called."""
    if name == "matching":
        return sum(len(s.terms) for s in data), "terms"
    if name == "cloze":
        return len(data.sentences), "sentences"
    if name == "word_search":
        return len(data.placements), "words"
    if name == "crossword":
        return len(data.entries), "clues"
    return len(data), "cards"


@dataclass
class Part:
    name: str               # "header", a section key, "questions", or an activity name
    first: int              # pages, 1-based
    last: int
    minutes: float
    detail: str = ""
    fill: Optional[float] = None  # how full its last page is, when the next part starts on a new page


@dataclass
class Budget:
    pages: int
    points: Optional[float]
    parts: list[Part]
    format: str = "handout"  # notes and organizers are written in: no reading/questions split
    hint: Optional[str] = None  # another order of the activities that saves a page (reorder.py), said last

    @property
    def minutes(self) -> float:
        return sum(p.minutes for p in self.parts)

    def minutes_of(self, kind: str) -> float:
        if kind == "reading":
            return sum(p.minutes for p in self.parts if p.name in READING)
        if kind == "questions":
            return sum(p.minutes for p in self.parts if p.name == "questions")
        return sum(p.minutes for p in self.parts if p.name in act.NAMES)


def budget(guide: Guide, rendered, limits: Optional[dict] = None) -> Budget:
    """The budget from a rendered handout (:class:`studyguide.render.Rendered`); ``limits``: the activities'
    page limits it was laid out with (the crossword's clues are the ones that print)."""
    marks = [(name, page, top) for name, page, top in rendered.sections if name != "end"]
    starts = [("header", 1, True)]
    questions_at = rendered.question_pages[0] if rendered.question_pages else None
    at_top = getattr(rendered, "questions_at_top", False)
    for name, page, top in marks:
        if name in act.NAMES and questions_at is not None:
            starts.append(("questions", questions_at, at_top))
            questions_at = None
        starts.append((name, page, top))
    if questions_at is not None:
        starts.append(("questions", questions_at, at_top))
    starts.append(("end", rendered.pages + 1, True))
    parts = []
    page_fill = getattr(rendered, "page_fill", {}) or {}
    for (name, page, _), (_, nxt, top) in zip(starts, starts[1:]):
        last = max(page, nxt - 1 if top else nxt)
        ends_page = top or nxt > last  # the next part starts on a page of its own: this one's last page may be part-empty
        fill = page_fill.get(last) if ends_page else None
        minutes, detail = 0.0, ""
        if guide.format in WRITTEN and name in WRITTEN[guide.format]:
            minutes, detail = WRITTEN[guide.format][name](guide)
        elif name in READING:
            words = reading_words(guide, name)
            minutes = reading_minutes(words)
            detail = said(words)
        elif name == "questions":
            cut = getattr(rendered, "lines_cut", {}) or {}
            minutes = sum(question_minutes(q, cut.get(n)) for n, q in enumerate(guide.questions, 1))
            pts = guide.total_points
            detail = _count(len(guide.questions), "question") + (f", {_count(pts, 'point')}" if pts is not None else "")
        elif name in act.NAMES:
            data = act.plan(guide, name, (limits or {}).get(name)).data
            count, what = activity_count(name, data)
            minutes = ACTIVITY_MINUTES[name] * count
            detail = f"{count} {what}"
        if name != act.BLANK_PAGE:  # (a page left blank ends the part before it and is no part's page)
            parts.append(Part(name, page, last, minutes, detail, fill))
    return Budget(rendered.pages, guide.total_points, parts, guide.format)


def _minutes(value: float) -> str:
    return "–" if value == 0 else "<1" if value < 1 else f"{round(value):d}"


def _pages(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"


def lines(label: str, b: Budget) -> list[str]:
    """The budget as the lines `studyguide check` prints."""
    points = f", {_count(b.points, 'point')}" if b.points is not None else ""
    kinds = [(k, b.minutes_of(k)) for k in ("reading", "questions", "activities")]
    split = ", ".join(f"{k} {_minutes(m)}" for k, m in kinds if m) if b.format not in WRITTEN else ""
    head = f"{label}: {b.pages} page{'s' if b.pages != 1 else ''}{points}, about {_count(max(round(b.minutes), 1 if b.minutes else 0), 'minute')}"
    out = [head + (f" ({split})" if split else "")]
    names = [p.name.replace("_", " ") for p in b.parts]
    width = max(len(n) for n in names + ["section"])
    pw = max(len(_pages(p.first, p.last)) for p in b.parts)
    pw = max(pw, len("pages"))
    out.append(f"  {'section'.ljust(width)}  {'pages'.ljust(pw)}  minutes  last page")
    for name, p in zip(names, b.parts):
        full = f"{round(p.fill * 100)} % full" if p.fill is not None else "shared"
        row = (f"  {name.ljust(width)}  {_pages(p.first, p.last).ljust(pw)}  {_minutes(p.minutes).rjust(7)}"
               f"  {full.rjust(9)}")
        out.append((row + ("  " + p.detail if p.detail else "")).rstrip())
    return out + ([b.hint] if b.hint else [])


def measure_questions(guide: Guide, paper: Optional[str] = None, theme=None) -> tuple[list[float], float]:
    """Each question's height as laid out, and the height of a page's frame (points)."""
    from . import _reportlab, render
    from .layout import Ctx, questions
    from .theming.styles import default as default_theme, make_styles

    theme = theme or default_theme()
    font_for, _ = render.glyph_plan(guide, theme)
    width, height = theme.page_size(paper or guide.paper)
    ctx = Ctx(guide=guide, theme=theme, styles=make_styles(theme), fonts=font_for, mode="student",
              width=width - 2 * theme.margin_x, height=height - theme.margin_top - theme.margin_bottom)
    heights = []
    for block in questions.section(ctx):
        heights.append(_reportlab.stacked_height(_reportlab.kept_together(block), ctx.width))
    return heights, ctx.height


def review(path, paper: Optional[str] = None, fmt: Optional[str] = None, questions: Optional[str] = None,
           sheet: Optional[str] = None, skip: Iterable[str] = (), theme: Optional[str] = None,
           edition: Optional[str] = None, accommodated: bool = False, extra=None, own: bool = True,
           versions: Optional[int] = None, seed: Optional[str] = None, written: Optional[Guide] = None,
           class_set: tuple = (False, None), activities: Optional[tuple] = None):
    """What `studyguide check` reports for one guide: (guide, findings, budget).

    The findings are the build's warnings (fonts, activities) and the lint's,
    in the order of the file. Raises StudyguideError when the guide does not load or lay out.
    ``fmt``, ``questions`` and ``sheet``: the budget of a quiz, an exit ticket or half sheets
    (formats.py, sheets.py), as `build` makes them; a sheet's pages are its small pages, one per sheet.
    ``skip``: sections left out, as `build --skip` leaves them (the findings are the whole guide's).
    ``theme``, ``edition``: as `build` takes them (default: the guide's own theme, the standard edition).
    ``accommodated``: the copy with the guide's `accommodations:` (build makes it beside the standard one),
    and ``extra``'s on top (--word-bank, --reduced-choices, --extra-lines; ``own`` false: --no-accommodations,
    the flags' alone). ``versions``, ``seed``: as build's --versions and --seed (the budget of version A).
    ``written``: the guide, already loaded. ``class_set``: build's (--class-set, --copies), whose blank-page
    note is one more label a guide in a language not built in prints; ``activities``: build's --activities.
    """
    from . import api, figurerefs, formats, grid, labels, lint, pagelint, render, reorder, sheets, variants
    from .classroom import SetOptions, exit_sizes, version_count
    from .layout.activities import limits_for
    from .layout.activities.small import too_small

    written = written or api.load(path)
    base = written if own else dataclasses.replace(written, accommodations=Accommodations())
    whole = variants.accommodate(base, extra) if accommodated else written
    drawn: set = set()  # the labels the build reads, so prints: a format's subtitle, the pages', the answer grid's
    whole = dataclasses.replace(whole, activities=tuple(activities)) if activities is not None else whole
    with labels.drawing(drawn):
        guide = api.skipping(formats.prepare(whole, fmt, questions, activities), skip)
    formats.check_skip(guide, skip)
    named, full = theme, paper or guide.paper
    theme = api.theme_for(guide, theme, edition)  # the pages as they will print
    sheet = sheet or ("quarter" if guide.format == "exit-ticket" else None)
    if sheet:
        paper = sheets.small_paper(paper or guide.paper, sheet)
    key = not labels.built_in(guide.language)  # the labels to give are the key's too
    guide, cut = too_small(guide, theme, paper or guide.paper)  # as build leaves out a grid a small page cuts
    if version_count(guide, SetOptions(versions=versions)):  # build prints version A, not this order
        guide = variants.versions(guide, 1, seed or guide.seed or variants.default_seed(guide))[0][0]
        with labels.drawing(drawn):  # version A's answer grid, as build draws it beside the key
            grid.render_grid(guide, sheets.FULL.get(full, full), render.glyph_plan(guide, theme)[0], api.theme_for(guide, named))
    # as build does, a ticket four to a sheet that does not fit (more than a page, or a part taller than one)
    # goes two to a sheet, then, in the editions that fall back to it, one to a whole page
    tries = [(paper, sheet)]
    if guide.format == "exit-ticket" and sheet == "quarter":
        tries.append((sheets.small_paper(sheets.FULL[paper], "half"), "half"))
        tries += [(sheets.FULL[paper], None)] if None in exit_sizes(theme.edition) else []
    for n, (paper, size) in enumerate(tries):
        try:
            rendered, warnings = api.render_guide(guide, paper, key=key, theme=theme, drawn=drawn,
                                                  sheet=sheets.imposed(size, theme.edition))  # (as build draws them)
        except BuildError:
            if n == len(tries) - 1:
                raise
            continue
        if rendered["student"].pages == 1 or n == len(tries) - 1:
            break
    warnings = cut + _set_note(list(warnings), guide, rendered, drawn, class_set, versions)
    heights, page = measure_questions(whole, None, theme)  # the guide's findings, whatever is printed from it
    findings = list(warnings) + lint.check(whole, heights, page, api.STARTER.read_text(encoding="utf-8"),
                                           written if accommodated else None)
    findings += pagelint.lone_lines(guide, rendered["student"].lone_lines)  # (of the pages as printed)
    findings += figurerefs.warnings(guide)  # a question naming a picture these pages leave out
    findings += pagelint.lines_cut(guide, rendered["student"])
    findings += pagelint.bare_banks(guide, rendered["student"], written if accommodated else None)  # (2 answers alone)
    findings += pagelint.summary_cut(guide, rendered["student"])  # (the key's model summary: the same layout)
    findings += pagelint.summary_alone(guide, rendered["student"])  # (an accommodation's summary on its own page)
    findings += pagelint.alone_on_last_page(guide, rendered["student"], sheets.sheet_of(paper))
    if size == "quarter":  # (question 1 too tall for page 1, and the half sheets' pages: as build says)
        findings += pagelint.title_alone(guide, rendered["student"], lambda: api.render_guide(
            guide, sheets.small_paper(sheets.FULL[paper], "half"), key=False, theme=theme, sheet="half")[0]["student"])
    findings.sort(key=lambda p: ((p.where.file, p.where.line, p.where.col), p.message))
    plan = budget(guide, rendered["student"], limits_for(guide, theme, paper))
    if guide.activities == whole.activities:  # (not when a format or a small page changed them: reorder.py)
        plan.hint = reorder.look(guide, plan, rendered, lambda g, mode: api.render_guide(
            g, paper, theme=theme, modes=(mode,), sheet=sheets.imposed(size, theme.edition))[0][mode].pages,
            whole.activities_where if activities is None else None)
    return guide, findings, plan


def _set_note(warnings: list, guide: Guide, rendered: dict, drawn: set, class_set: tuple, versions) -> list:
    """``warnings`` with the labels a language not built in is told to give counting the class set's blank-page
    note when build's set (``class_set``: --class-set, --copies) would print it, as classset.collate pads it."""
    from . import labels
    from .classroom import SetOptions, version_count

    asked, copies = class_set
    letters = version_count(guide, SetOptions(versions=versions)) or 1
    sets = [(copies or letters, rendered["student"].pages)] + \
        ([(letters, rendered["key"].pages)] if "key" in rendered else [])
    if not asked or labels.built_in(guide.language) or not any(n > 1 and pages > 1 and pages % 2 for n, pages in sets):
        return warnings
    drawn.add("copy_ends")
    told = labels.retold(guide.warnings, guide.language, guide.labels, drawn)  # (told again: it may have been left out)
    ours = f"language: {labels.NOT_BUILT_IN}"
    return [w for w in warnings if not w.message.startswith(ours)] + [w for w in told if w.message.startswith(ours)]


@dataclass
class Reviewed:
    """What `studyguide check` found in one guide: its findings and page-budget lines, or the error."""
    path: Path
    findings: list = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    error: Optional[StudyguideError] = None


def accommodations_named(acc) -> str:
    """The accommodations as `check` names a copy: 'reduced choices, word bank, 2 extra lines'."""
    lines = f"{acc.extra_lines} extra line{'s' if acc.extra_lines != 1 else ''}" if acc.extra_lines else None
    return ", ".join(x for x in ("reduced choices" if acc.reduced_choices else None,
                                 "word bank" if acc.word_bank else None, lines) if x)


def copies_of(guide: Guide, own: bool, extra, fmt=None) -> tuple[bool, ...]:
    """Whether each copy build makes of ``guide`` is accommodated, as classroom.each_copy decides: with the
    guide's own `accommodations:` (``own``), the standard copy and the accommodated one; with flags alone
    (``extra``), their copy alone; the standard copy alone when the flags took every accommodation away."""
    from .classroom import asked
    from .variants import merged

    from .formats import accommodated

    mine = guide.accommodations if own else Accommodations()
    if not asked(accommodated(fmt, merged(mine, extra))):  # (notes: only what they have a use for)
        return (False,)
    return (False, True) if asked(mine) else (True,)


def check(paths: Iterable[str | Path], fmt=None, questions=None, sheet=None, skip=(), paper=None, theme=None,
          edition=None, accommodations: bool = True, extra=None, versions=None, seed=None,
          class_set: tuple = (False, None), activities=None) -> Iterator[Reviewed]:
    """`studyguide check` over guides: each one's findings beyond the schema and its page budget, in each
    edition of ``edition`` (one, or several as --edition twice gives them; a finding is said once), and
    in the copy with the guide's own `accommodations:` as well, as build makes it (``accommodations``
    false: --no-accommodations, the guide's accommodations left out; flags given, ``extra``, still apply:
    a guide without accommodations and a flag has that copy alone). ``versions``, ``seed``, ``class_set``
    (--class-set, --copies) and ``activities``: build's."""
    from . import api  # api never imports budget; this way round keeps the import graph one-way

    editions = (tuple(dict.fromkeys(edition)) or (None,)) if isinstance(edition, (tuple, list)) else (edition,)
    from . import sheets  # (reportlab: check loads it anyway to lay the guide out)

    for one in editions:  # refused as build refuses it
        sheets.check_edition(sheet, one, fmt)
    for path in api.guides_in(paths):
        said: set[str] = set()
        try:
            written = api.load(path)
        except StudyguideError as exc:
            yield Reviewed(path, error=exc)
            continue
        copies = [(edition, kind) for edition in editions for kind in copies_of(written, accommodations, extra, fmt)]
        for edition, accommodated in copies:
            try:
                guide, found, plan = review(path, paper, fmt, questions, sheet, skip, theme, edition, accommodated,
                                            extra, accommodations, versions, seed, written, class_set, activities)
            except StudyguideError as exc:
                yield Reviewed(path, error=exc)
                break
            acc = accommodations_named(guide.accommodations)
            findings = [f for f in found if str(f) not in said]
            said.update(str(f) for f in found)
            named = ", ".join(x for x in (fmt if fmt not in (None, "handout") else None,
                                           f"version {guide.version}" if guide.version else None,
                                           edition if edition not in (None, "standard") else None,
                                           acc if accommodated else None,
                                           f"{theme} theme" if theme else None, paper,
                                           f"{sheet} sheets" if sheet else None,
                                           f"without {', '.join(skip)}" if skip else None) if x)
            yield Reviewed(path, findings, lines(f"{path} ({named})" if named else str(path), plan))
