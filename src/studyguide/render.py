"""Model + theme → PDF bytes, in memory. Nothing here touches the disk."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from reportlab.platypus.doctemplate import LayoutError

from . import (_reportlab, _reportlab_words, banks, collector, fillsplit, inline, labels, linesover, margins, matchsizes,
               mending, nofont, owners, pages, pagetops, parses, picsize, quizpack, reseeded, scripts, sheets, stretch, widows)
from .errors import Location, Problem
from .layout import Ctx, story
from .model import Guide
from .theming import fonts
from .theming.styles import Theme, make_styles
from .theming.styles import default as default_theme

_reportlab_words.split_long_words()  # a word wider than its line is cut at a sensible place, with a mark (wordbreaks.py)

MODES = ("student", "key")


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    question_pages: list[int]  # 1-based page on which each question starts
    sections: list = field(default_factory=list)  # (name, page, at_top) of each section heading (the page budget)
    section_fill: list = field(default_factory=list)  # share of its page's text area above each heading
    page_fill: dict = field(default_factory=dict)  # page → share of its text area filled
    questions_at_top: bool = False  # question 1 opens its page (the part before ends on the page before)
    lone_lines: list = field(default_factory=list)  # given counts' lines alone on a page: (question, page,
    # how many, the lines the page before holds)
    lines_cut: dict = field(default_factory=dict)  # question number → the lines a default count was cut to
    summary_cut: dict | None = None  # the Cornell key's model summary cut to its lines (layout.cornellflow._Cut)
    pictures: dict = field(default_factory=dict)  # each topic picture's path → (narrowest print, pixels) (picsize)
    summary_alone: dict | None = None  # the Cornell summary opening a page after the notes (layout.cornellflow._Alone)
    line_share: float = 0.0  # of the text area's height: one line of body text (pagelint.alone_on_last_page)
    gap_share: float = 0.0  # and the space above a question
    banks_bare: dict = field(default_factory=dict)  # a two-blank bank's spare the layout left out: its place →
    # (the spare words, "widen" or "line": what printing them would cost) (layout.blanks.bank_words)


def glyph_plan(guide: Guide, theme: Theme | None = None) -> tuple[dict, list[Problem]]:
    """Fallback fonts for characters the theme's font family lacks, and the warnings: one for each
    script that needs shaping (:mod:`.scripts`), one listing the other characters no font has (the
    first ten, each at its first place, and how many in all)."""
    texts = nofont.drawn_texts(guide)
    chars = set().union(*(set(text) for _, text in texts)) if texts else set()
    plan = fonts.plan(chars, (theme or default_theme()).family)
    # a font would not print these right either: scripts.warnings says so instead of "install a font"
    missing = {c for c in plan.missing() if not scripts.needs_shaping(c)}
    warnings = scripts.warnings(guide.texts, guide.language) + ([theme.font_note] if theme and theme.font_note else [])
    warnings += [w for w in [nofont.warning(texts, missing)] if w]
    font_for = {c: f for c, f in plan.font_for.items() if f is not None}
    if any("`" in text for _, text in texts):  # code: what the monospace font lacks, from the body's fonts
        mono = fonts.family_coverage(inline.MONO)
        family = (theme or default_theme()).family
        font_for.update((inline.code_font(c), plan.font_for.get(c, family)) for c in chars
                        if ord(c) not in mono and not c.isspace() and plan.font_for.get(c, family))
    return font_for, warnings


def _meta(guide: Guide, mode: str) -> dict:
    key = mode == "key"
    words = labels.for_language(guide.language, guide.labels)
    return {
        "title": inline.plain(guide.title) + (f" ({words['key_footer']})" if key else ""),
        "author": guide.author or "",
        "subject": inline.plain(guide.subject or guide.subtitle or ""),
        "lang": guide.language,
        "creator": owners.stamp(guide.path, mode),  # which guide it is made from, and what it is (owners.py)
        "keywords": reseeded.keywords(guide.version, guide.seed),  # a version's seed (a later build compares it)
    }


def _footer(guide: Guide, mode: str, font_for, short: bool = False, title: str | None = None,
            seed: bool = True, own: bool = True) -> str:
    """'Title · Answer Key · Version B · seed 42 · Page': what a teacher needs to tell pages apart, or
    rebuild them. Ends with the page label, with {n} and {total} left for each page. ``short``: without
    the title, for a footer that would not fit on one line (large print); ``title``: a shortened title;
    ``seed`` false: without the seed too (the answer grid still prints it); ``own`` false: without the
    guide's `footer:` too (a small page, where nothing else leaves Answer Key · Version B · Page on one line)."""
    words = labels.for_language(guide.language, guide.labels)
    parts = ([inline.plain(guide.branding.footer)] if guide.branding.footer and own else [])
    parts += [] if short else [title or inline.plain(guide.title)]
    parts += [words["key_footer"]] if mode == "key" else []
    if guide.version:
        parts += [words["version"].format(v=guide.version)] + [words["seed"].format(s=guide.seed or "")] * seed
    markup = inline.markup(" · ".join(parts) + " · ", font_for).replace("{", "{{").replace("}", "}}")
    # "Page 3 of 12" never breaks across lines (no-break spaces), even when a long footer wraps
    return markup + inline.markup(words["page"].replace(" ", "\u00a0"), font_for)


def _shorter(guide: Guide, mode: str, font_for, small: bool = False) -> tuple[str, ...]:
    """The footer with the title cut ever shorter, at a word with an ellipsis (at a character in a
    title without spaces), then without it, then (with versions) without the seed, then on a ``small``
    page without the guide's `footer:`: what pages.py prints when the whole title does not fit."""
    title = inline.plain(guide.title)
    words = title.split()
    cuts = [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)] if len(words) > 1 else \
        [title[:k] for k in range(len(title) - 1, 0, -1)]
    cuts = [c.rstrip(" ,;:·-–—") for c in cuts]
    return (*(_footer(guide, mode, font_for, title=c + "…") for c in cuts if c),
            _footer(guide, mode, font_for, short=True),
            *([_footer(guide, mode, font_for, short=True, seed=False)] if guide.version else []),
            *([_footer(guide, mode, font_for, short=True, seed=False, own=False)] if small and guide.branding.footer
              else []))


def _header(guide: Guide, font_for) -> str | None:
    """The running header's markup (a guide's `header:`), or None."""
    return inline.markup(guide.branding.header, font_for) if guide.branding.header else None


TIGHTER = 0.75  # of the space above headings and between questions, for a half page saved (_tighter)
TIGHT_PAGES = 60  # the longest handout on full pages laid out again for its last question alone (render): a
# sheet saved is worth a second whole layout on a packet, not on a document of hundreds of pages, where it is a
# fraction of the paper for twice the time (an 800 kB guide: 2.3 -> 3.8 s); build and check still warn there


def render(guide: Guide, modes=MODES, paper: str | None = None, theme: Theme | None = None,
           font_for: dict | None = None, sheet: str | None = None) -> dict[str, Rendered]:
    """The guide laid out (:func:`_render`). A last question alone on the handout's last page, more than
    pagelint.ALONE_EMPTY of it empty (75 % on half and quarter pages), costs every copy a sheet for one
    prompt: the guide is laid out again with a little less room above the headings and between the
    questions (:data:`TIGHTER`, the type and the answer lines as they were), kept when it saves the handout
    that page and adds the key none. Else `build` and `check` say so (pagelint.alone_on_last_page).
    ``sheet``: "half" or "quarter" when the pages are to print two or four to a sheet (:func:`sheets.imposed`),
    for what is placed by where it lands on the sheet (double-sided flashcards)."""
    from . import pagelint

    with collector.paused(), parses.shared():  # (the collector walks a layout's objects once, not as they pile up;
        # a paragraph's markup is parsed once, not in each layout)
        out = _render(guide, modes, paper, theme, font_for, sheet)
        small = sheets.sheet_of(paper or guide.paper)
        if "student" in out and (small or out["student"].pages <= TIGHT_PAGES) \
                and pagelint.last_alone(out["student"], 75 if small else pagelint.ALONE_EMPTY):
            tight = _render(guide, modes, paper, _tighter(theme or default_theme()), font_for, sheet)
            if tight["student"].pages < out["student"].pages and not _longer(tight, out):
                out = tight
    for path, (width, pixels) in next(iter(out.values())).pictures.items():  # (the layout kept: picsize's warning)
        picsize.note(path, width, pixels)
    return out


def _longer(tight: dict, out: dict) -> bool:
    """Whether a layout's documents (the key with its notes after the handout) take more pages than another's."""
    return any(tight[mode].pages > out[mode].pages for mode in out)


def _tighter(theme: Theme) -> Theme:
    """The theme with :data:`TIGHTER` of its space above headings and subheadings, and between questions."""
    import copy
    import dataclasses

    styles = copy.deepcopy(theme.styles)
    for name in ("heading", "subheading"):
        if name in styles:
            styles[name]["spaceBefore"] = styles[name].get("spaceBefore", 0) * TIGHTER
    return dataclasses.replace(theme, styles=styles, question_gap=theme.question_gap * TIGHTER)


def _numbers_fit(guide: Guide, theme: Theme, styles) -> Theme:
    """The question-number column as wide as a guide's last number needs: a theme's column holds "99." with
    room before the prompt, and "898." ran into its prompt ("898.Question 897"). Guides of fewer than 100
    questions are laid out as before."""
    if len(guide.questions) < 100:
        return theme
    import dataclasses

    from reportlab.pdfbase.pdfmetrics import stringWidth

    bold, size = fonts.roles(theme.family)["bold"], styles["prompt"].fontSize
    gap = theme.number_width - stringWidth("99.", bold, size)  # (the room two digits leave)
    need = stringWidth(f"{len(guide.questions)}.", bold, size) + gap
    return dataclasses.replace(theme, number_width=need) if need > theme.number_width else theme


def _render(guide: Guide, modes=MODES, paper: str | None = None, theme: Theme | None = None,
            font_for: dict | None = None, sheet: str | None = None) -> dict[str, Rendered]:
    """Lay the guide out once and draw it as each of ``modes`` ("student", "key").

    Every student/teacher difference lives in flowables that read ``ctx.mode``
    when they draw and reserve the taller version's space when they wrap, so
    the one layout is right for both documents.
    """
    if isinstance(modes, str):
        modes = (modes,)
    guide = banks.banked(guide)  # printed word banks hold words that answer none of their blanks
    paper = paper or guide.paper
    full = theme or default_theme()  # the full sheet's text width: where the reading's lines break (passage)
    full_width = full.page_size(sheets.FULL.get(paper, paper))[0] - 2 * full.margin_x
    theme = sheets.fit(full, paper)  # narrower margins on half and quarter pages
    if font_for is None:
        font_for, _ = glyph_plan(guide, theme)
    styles = make_styles(theme)
    theme = _numbers_fit(guide, theme, styles)
    args = (guide, modes, theme, styles, font_for, paper, full_width, sheet)
    def redraw(fixes=None, until=None):
        return _draw(*args, fixes, until)
    ctx, doc, streams, last_page = quizpack.notes_away(args, _mended(redraw, _draw(*args)),
                                                       lambda fixes: _mended_with(args, fixes))
    starts = list(ctx.question_pages)
    marks = list(ctx.__dict__.get("section_marks", ()))
    top, height = theme.margin_bottom + ctx.height, ctx.height

    def used(y):
        return round(min(1.0, max(0.0, (top - y) / height)), 3)

    section_fill = [used(y) for y in ctx.__dict__.get("section_ys", ())]
    page_fill = {page: used(y) for page, y in pages.page_lowest(ctx).items()}
    at_top = ctx.__dict__.get("questions_at_top", False)
    count = {mode: last_page(mode)() or doc.page for mode in modes}  # the key may go on with its notes
    lone = [(n, page, alone, kept) for n, (page, kept, alone) in mending.lone_tails(ctx).items()  # (given counts: a
            if alone * theme.line_gap <= height / 4]  # page mostly empty, not one that holds a long essay's rest)
    cut = dict(ctx.__dict__.get("fewer_lines", {}))
    return {mode: Rendered(streams[mode].getvalue(), count[mode], starts, marks, section_fill, page_fill, at_top,
                           lone, cut, ctx.__dict__.get("summary_cut"), ctx.__dict__.get("pictures_printed", {}),
                           ctx.__dict__.get("summary_alone"), styles["body"].leading / height, theme.question_gap / height,
                           dict(ctx.__dict__.get("banks_bare", {})))
            for mode in modes}


def _mended_with(args, fixes: dict):
    """The guide laid out and mended (mending.run) with ``fixes`` kept by every layout (quizpack's notes gathered)."""
    def redraw(more=None, until=None):
        return _draw(*args, {**fixes, **(more or {})}, until)
    return _mended(redraw, redraw())


def _mended(redraw, first):
    """A layout mended (mending.run), with large print's matching sets sized again where that leaves fewer pages
    short (matchsizes), its questions split only to fill a page made whole where that costs no page (fillsplit),
    then with large print's answer lines over a page where that fills it (linesover), then with more lines for the
    default-count answers on a page still short (stretch)."""
    layout = matchsizes.resized(redraw, mending.run(redraw, first))
    layout = linesover.lines_over(redraw, fillsplit.whole_unless_saved(redraw, layout))
    return stretch.stretched(redraw, layout)


def _draw(guide: Guide, modes, theme: Theme, styles, font_for, paper: str, full_width: float, sheet=None,
          fixes=None, until=None):
    """One layout of the guide, drawn as each of ``modes``; ``fixes``: what the first layout found to mend,
    for the layout's modules to read from ``ctx``: ``fewer_lines`` (question number → the lines a default
    count is cut to, _fewer_lines), ``cloze_kept`` (_cloze_alone). ``until``: the context of a layout this
    one is tried against, to count its pages only (pagetops: it starts where that one's pages are still its
    own, its PDF not the guide's); None when it comes back to that one at a page's top (pagetops.Met)."""
    pagesize = theme.page_size(paper)
    small = paper not in ("letter", "a4")  # (half and quarter pages: sheets.py)
    first, rest = modes[0], modes[1:]
    streams = {mode: io.BytesIO() for mode in modes}
    ctx = Ctx(guide=guide, theme=theme, styles=styles, fonts=font_for, mode=first, width=0, height=0, primary=first,
              labels=labels.for_language(guide.language, guide.labels), sheet=sheet)
    ctx.__dict__.update(fixes or {})
    mirrors = pages.Mirrors(ctx)
    def last_page(mode):  # the handout stops where the key's own pages (its notes) begin
        return (lambda: ctx.handout_pages) if mode != "key" else (lambda: None)

    for mode in rest:  # the key's canvas, drawn in step with the handout's
        other = pages.document(streams[mode], pagesize, theme, _meta(guide, mode))
        canvasmaker = pages.canvas_class(_footer(guide, mode, font_for), theme, styles["footer"],
                                         header_markup=_header(guide, font_for),
                                         shorter=_shorter(guide, mode, font_for, small),
                                         last_page=last_page(mode))
        mirrors.canvases.append((_reportlab.make_canvas(other, canvasmaker), mode))
    doc = pages.document(streams[first], pagesize, theme, _meta(guide, first), mirrors=mirrors)
    ctx.width, ctx.height = doc.width, doc.height
    ctx.__dict__["reading_width"] = doc.width if guide.format == "handout" else full_width
    for mode in modes:  # the header and footers stay in their margins, or the text to shorten is named
        wrong = margins.problem(guide, theme, styles["footer"], pagesize, paper, _footer(guide, mode, font_for),
                                _header(guide, font_for), ctx.labels, _footer(guide, mode, font_for, short=True),
                                _shorter(guide, mode, font_for, small))
        if wrong:
            raise RenderFailed(*wrong)
    collector.layout_begins()  # (what the layouts before this one dropped goes first)
    with widows.laying_out(ctx.__dict__.get("widows_held", ())) as left:  # (paragraphs numbered: mending.widows_held)
        flow = story(ctx)
        doc.tops = tops = pagetops.PageTops(ctx, flow, until, [canvas for canvas, _ in mirrors.canvases])
        flow = tops.resume()
        try:
            doc.build(flow, canvasmaker=pages.canvas_class(_footer(guide, first, font_for), theme, styles["footer"],
                                                           mirrors, _header(guide, font_for),
                                                           _shorter(guide, first, font_for, small),
                                                           takes_fields=theme.edition == "fillable" and first == "student",
                                                           last_page=last_page(first)))
        except pagetops.Met:  # (the rest would be the other layout's, page for page)
            return None
        except LayoutError as exc:  # (reportlab's own words name its objects: only the page is the teacher's)
            page = re.search(r"on page (\d+)", str(exc))
            at = f" (on page {page.group(1)})" if page else ""
            raise RenderFailed(Location(str(guide.path)),
                               f"a part of the guide does not fit on a page{at}; shorten it") from None
        finally:  # (its story goes with the layout: held on by a layout kept, each later layout's garbage
            doc.tops = None  # collection walked it too; a 91-page guide's third layout took 1.3 s for 1.0)
    if left:
        ctx.__dict__["widows_left"] = left  # (paragraphs whose last line it printed alone atop a page)
    return ctx, doc, streams, last_page


class RenderFailed(Exception):
    def __init__(self, where: Location, message: str):
        super().__init__(message)
        self.where = where
        self.message = message
