"""Vocabulary matching: numbered terms with a blank each, in columns, the lettered definitions under them, set by set."""
from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.doctemplate import NullActionFlowable

from ... import activities as act
from ... import fields, inline, rtl
from ...activities.matching import SET_SIZE, one_set
from ...model import LETTERS
from ..._reportlab import FootGap, Together, stacked_height
from .. import fillable
from ..flow import Beside, Stack, Twin, even_columns, para_width
from ..marks import SectionMark
from .common import _start, _text, _style

BLANK = "______"  # the handout's answer line, as text (it reads as a blank when the page is copied as text)


class AnswerBlank(Flowable):
    """The answer line and the term's number, one line tall: the handout prints the line, the key the
    letter centred on it. Both are the same width, so the term beside them breaks alike in both; the
    number is set flush right, so 9. sits over 10. (its period under the other periods)."""

    def __init__(self, number: int, width: float, blank_w: float, font: str, bold: str, size: float,
                 leading: float, letter: str | None = None, color=None, field: tuple | None = None,
                 mirror: bool = False):
        super().__init__()
        self.number, self.w, self.blank_w = number, width, blank_w
        self.font, self.bold, self.size, self.leading = font, bold, size, leading
        self.letter, self.color = letter, color
        self.field = field  # (name, tip) of the fillable edition's text field on the line
        self.mirror = mirror  # right to left: the line at the right, the number at the left, by the term

    def wrap(self, aW, aH):
        self.width, self.height = self.w, self.leading
        return self.w, self.leading

    def draw(self):
        c = self.canv
        base = self.height - self.size  # where a paragraph of this size sets its first line
        x = self.w - self.blank_w if self.mirror else 0  # where the line starts
        c.saveState()
        c.setFont(self.font, self.size)
        if self.letter is None:
            c.drawString(x, base, BLANK)
            if self.field is not None:  # from just under the baseline, as on every other blank
                name, tip = self.field
                fields.text(c, name, x, base - 0.3 * self.size, self.blank_w, 1.35 * self.size, self.size, tip=tip)
        else:
            if self.color is not None:
                c.setFillColor(self.color)
                c.setStrokeColor(self.color)
            c.setFont(self.bold, self.size)
            c.drawCentredString(x + self.blank_w / 2, base, self.letter)
            c.setLineWidth(0.6)
            c.line(x, base - self.size * 0.2, x + self.blank_w, base - self.size * 0.2)
        c.restoreState()
        c.setFont(self.font, self.size)  # after the line or letter: the text reads "______ 9. term"
        if self.mirror:
            c.drawString(0, base, f"{self.number}.")
        else:
            c.drawRightString(self.w, base, f"{self.number}.")


class TermRow(Flowable):
    """A numbered term: its answer blank (the key's letter) and the term in bold beside it, 3 pt above and below."""

    PAD = 6  # room kept right of the term

    def __init__(self, lead, para, indent: float):
        super().__init__()
        self.lead, self.para, self.indent = lead, para, indent

    def natural_width(self) -> float:
        return self.indent + para_width(self.para) + self.PAD

    def wrap(self, aW, aH):
        self.room = max(1.0, aW - self.indent - self.PAD)
        _, ph = self.para.wrap(self.room, aH)
        _, lh = self.lead.wrap(aW, aH)
        self.width, self.height = aW, max(ph, lh) + 6
        return self.width, self.height

    def draw(self):
        mirror = getattr(self.lead, "mirror", False)  # right to left: the number and line at the right
        self.lead.drawOn(self.canv, self.width - 2 - self.lead.width if mirror else 2, self.height - 3 - self.lead.height)
        self.para.wrap(self.room, 1e9)  # (the paragraph may be shared with a trial layout at another width)
        if mirror:  # (set flush right: it ends by its number)
            self.para.drawOn(self.canv, self.width - self.indent - self.room, self.height - 3 - self.para.height)
            return
        shift = 0.0  # a right-to-left term is set flush right in its room: drawn by its number all the same
        if self.para.style.alignment == TA_RIGHT:
            shift = self.room - max(self.para.getActualLineWidths0() or [self.room])
        self.para.drawOn(self.canv, self.indent - shift, self.height - 3 - self.para.height)




MIN_PAGED = 4  # terms: the smallest set cut to fit the room left on a page (and the smallest left for the next)


class PagedSets(Flowable):
    """The matching sets from term ``first`` on, cut where they land. The guide's one set (a short list,
    with a term or two held back as the extras) stays one set when it fits where it lands. Else the set
    here takes as many terms as the room left holds (at least :data:`MIN_PAGED`, and never leaving fewer
    for the next set); on a fresh page the terms left are shared evenly among the pages they need.
    Handout and key lay out the same rows (:class:`Twin`), so they cut the same sets."""

    def __init__(self, ctx, name, planned, first: int = 0, number: int = 1):
        super().__init__()
        self.ctx, self.name, self.planned, self.first, self.number = ctx, name, planned, first, number
        self.terms = [(t.term, t.definition) for t in ctx.guide.vocabulary]
        self._cache = {}

    def _block(self, sets, titled: bool) -> list:
        key = (tuple(s.start for s in sets), tuple(len(s.terms) for s in sets), titled)
        if key not in self._cache:
            opening = None if self.first == 0 else []
            if opening is None:  # the activity's title and instructions open its first set
                shown = sets * 2 if titled else sets  # (cut in sets: "each set has one definition not used")
                opening = _start(self.ctx, self.name, shown)[2:]
            self._cache[key] = _blocks(self.ctx, self.name, sets, titled=titled, number=self.number,
                                       opening=opening, digits=len(str(len(self.terms))))[0]
        return self._cache[key]

    def _set(self, size: int):
        seeds = self.ctx.__dict__.setdefault("_matching_seeds", {})  # (tried at several sizes on every page)
        if self.name not in seeds:
            seeds[self.name] = act.seed_of(self.ctx.guide, self.name)
        return one_set(self.terms, seeds[self.name], self.first, size, act.version_of(self.ctx.guide, self.name))

    def wrap(self, aW, aH):
        self.width, self.height = aW, aH + 1  # never drawn whole: split always cuts the next set
        return self.width, self.height

    def split(self, aW, aH):
        placed = self._split(aW, aH)
        # the activity's page mark goes with its first set, on the page the set lands on (`check`)
        return [SectionMark(self.ctx, self.name)] + placed if placed and self.first == 0 else placed

    def _split(self, aW, aH):
        # measured with the space above the set even at a page's top (the page mark before the first set
        # leaves the frame at its top, but reportlab may count the space: the measure errs on the safe side)
        fits = lambda rows: self._whole(rows).wrap(aW, aH)[1] + self._space(rows) <= aH
        top = aH >= self.ctx.height - 1  # a fresh page
        left = len(self.terms) - self.first
        if self.first == 0 and len(self.planned) == 1:  # a short list: its one set, when it fits here
            rows = self._block(self.planned, titled=False)
            if fits(rows):
                return [self._whole(rows)] + self._after(left)
            if top and not fits(self._block([self._set(min(left, MIN_PAGED))], titled=True)):
                return self._flowing(rows, left)  # too tall for any page: it flows on
        # as many terms as fit here, never leaving fewer than MIN_PAGED for the next set
        sizes = [k for k in range(min(left, SET_SIZE), 0, -1) if k == left or MIN_PAGED <= k <= left - MIN_PAGED]
        set_of = lambda k: self._block([self._set(k)], titled=not (self.first == 0 and k == left))
        k = _largest(sizes, lambda k: fits(set_of(k)))
        if k is None and top:  # long definitions: on a whole page, the largest set that fits at all
            k = _largest(list(range(min(left, SET_SIZE), 0, -1)), lambda k: fits(set_of(k)))
            if k is None:  # not even a set of one term fits a page: the smallest set flows over the pages
                k = min(left, MIN_PAGED)
                return self._flowing(set_of(k), k)
        if k is None:
            return []  # on to the next page
        if top and k < left:  # on a fresh page, the terms left shared evenly among the pages they need
            even = -(-left // -(-left // k))
            k = next((size for size in sizes if size <= even), k)
        return [self._whole(set_of(k))] + self._after(k)

    def _space(self, rows) -> float:
        """The space above a set: its first row's, and 12 pt more between two sets (dropped at a page's top,
        where a spacer would have stayed and taken the room that made the next set wait for another page)."""
        return rows[0].getSpaceBefore() + (12 if self.first else 0)

    def _whole(self, rows) -> Stack:
        """A set as one block that fits where it is put (a KeepTogether would ask to be split again)."""
        return Stack(rows, space_before=self._space(rows))

    def _flowing(self, rows, k: int) -> list:
        """A set taller than a page, flowing over pages: its title (and the activity's) keep its terms and
        first definition. Led by a zero-size action, so reportlab takes the pieces one by one (it would
        place the first of a split's results as it stands, and a KeepTogether never fits as it stands)."""
        head = len(rows) - len(self._set(k).definitions) + 1
        return [NullActionFlowable()] + _whole_set(self.ctx, rows, head) + self._after(k)

    def _after(self, k: int) -> list:
        """The sets still to come, or, after the last, the gap before the next activity."""
        if self.first + k >= len(self.terms):  # (a gap that ends with the page: a Spacer that did not fit
            return [FootGap(12)]                # went over alone, a page of footers after a matching ending one)
        return [PagedSets(self.ctx, self.name, self.planned, self.first + k, self.number + 1)]

    def draw(self):
        pass


def _largest(sizes: list[int], fits) -> int | None:
    """The largest of ``sizes`` (largest first) that ``fits``, by halving: a set's height grows with its
    terms, so a few trial layouts find it (a set is laid out whole to be measured)."""
    if not sizes or not fits(sizes[-1]):
        return None
    lo, hi = len(sizes) - 1, 0  # sizes[lo] fits; the answer is at an index from hi to lo
    while hi < lo:
        mid = (hi + lo) // 2
        if fits(sizes[mid]):
            lo = mid
        else:
            hi = mid + 1
    return sizes[lo]


def _height(ctx, rows) -> float:
    """A set's height as :class:`Together` measures it: with its first item's space above (the frame drops
    that space at a page's top, but a block measured over the page would be split, a blank page before it)."""
    first = next((f for f in rows if not getattr(f, "_ZEROSIZE", False)), None)
    return stacked_height(rows, ctx.width) + (first.getSpaceBefore() if first is not None else 0)


def _blocks(ctx, name, sets, titled=None, number: int = 1, opening=None, digits=None) -> list[list]:
    """Each set's rows; the first set's open with the activity's title and instructions (``opening``).
    Sets are titled ("Set 2: terms 9–16", numbered from ``number``) when there are several."""
    opening = _start(ctx, name, sets)[1:] if opening is None else opening
    titled = len(sets) > 1 if titled is None else titled
    blocks = []
    st = ctx.styles["choice"]
    size, regular, bold = st.fontSize, st.fontName, ctx.styles["heading"].fontName
    blank_w = stringWidth(BLANK, regular, size)
    digits = digits or len(str(sum(len(s.terms) for s in sets)))
    lead_w = blank_w + stringWidth("\u00a0\u00a0" + "0" * digits + ".", regular, size)
    colour = ctx.color("answer")
    lead_col = 2 + lead_w + 2 * stringWidth("\u00a0", regular, size)  # its left padding, then two spaces to the term

    made = ctx.__dict__.setdefault("_matching_paragraphs", {})  # (parsing is most of a trial layout's cost)

    def paragraph(markup: str, style=None):
        if (markup, style is None) not in made:
            made[(markup, style is None)] = para = ctx.raw(markup, "choice")
            para.style = style or para.style
        return made[(markup, style is None)]

    def term_para(term: str):
        return paragraph(f"<b>{inline.markup(term, ctx.fonts)}</b>")

    def lead(number: int, letter: str | None):
        field = None
        if letter is None and fillable.on(ctx):  # a text field on the line, match<number>
            field = (f"match{number}", f"{ctx.label('matching_title')}, {ctx.label('field_term', k=number)}")
        return AnswerBlank(number, lead_w, blank_w, regular, bold, size, st.leading, letter,
                           colour if letter else None, field, mirror)

    letter_hang = stringWidth("W.", bold, size) + 2 * stringWidth("\u00a0", regular, size)
    letter_style = _style(ctx, "match_definition", "choice", leftIndent=letter_hang, firstLineIndent=-letter_hang,
                          spaceBefore=3)
    vocabulary = [t for s in sets for pair in zip(s.terms, s.definitions) for t in pair]
    mirror = rtl.all_rtl(vocabulary)  # a Hebrew or Arabic list: numbers, lines and letters at the right
    if mirror:  # the letter drawn at the right of the definition (layout.Para), the lines hung from it
        letter_style = _style(ctx, "match_definition_rtl", "choice", leftIndent=letter_hang, spaceBefore=3,
                              bulletFontName=bold, bulletIndent=0)  # (its indent, at the right as it is drawn)

    def definition(i: int, text: str):
        if mirror:
            return paragraph_with_letter(inline.markup(text, ctx.fonts), letter_style, f"{LETTERS[i]}.")
        return paragraph(f"<b>{LETTERS[i]}.</b>\u00a0\u00a0" + inline.markup(text, ctx.fonts), letter_style)

    def paragraph_with_letter(markup: str, style, letter: str):
        if (markup, letter) not in made:
            made[(markup, letter)] = ctx.raw(markup, "choice", bulletText=letter)
            made[(markup, letter)].style = style
        return made[(markup, letter)]
    # the numbered terms, then the lettered definitions under them at the line's whole width (a line or two
    # each, where half a line wrapped them to three); the terms in as many columns as they fit, numbered
    # along the rows (large print: one a line)
    for s in sets:
        rows = []
        if titled:
            last = s.start + len(s.terms) - 1
            one = "matching_set_one" if last == s.start else "matching_set"  # (a set of one term: large print's longest)
            title = ctx.label(one, n=number + sets.index(s), first=s.start, last=last)
            rows.append(ctx.raw(_text(ctx, title), "subheading"))
        pairs = [Twin(TermRow(lead(s.start + i, None), term_para(term), lead_col),
                      TermRow(lead(s.start + i, s.letter(i)), term_para(term), lead_col), ctx)
                 for i, term in enumerate(s.terms)]
        terms = None if getattr(ctx.theme, "one_column", False) else Beside(ctx, pairs, columns=even_columns(len(pairs)),
                                                                            mirror=mirror)
        rows += pairs if terms is None else [terms]
        rows.append(Spacer(1, 6))
        lettered = [definition(i, d) for i, d in enumerate(s.definitions)]
        rows += _lettered_rows(ctx, lettered, terms, [_width(ctx, d, letter_style) + letter_hang for d in s.definitions])
        blocks.append(rows if blocks else list(opening) + rows)
    return blocks


class Lettered(Flowable):
    """A lettered definition in a column of the definitions' grid: its paragraph with its space above
    (3 pt, as when they are set one a line), its width the text's own."""

    def __init__(self, para):
        super().__init__()
        self.para = para

    def natural_width(self) -> float:
        return para_width(self.para)

    def wrap(self, aW, aH):
        self.room = aW
        _, h = self.para.wrap(aW, aH)
        self.width, self.height = aW, h + self.para.style.spaceBefore
        return self.width, self.height

    def draw(self):
        self.para.wrap(self.room, 1e9)  # (shared with trial layouts at other widths)
        self.para.drawOn(self.canv, 0, 0)


def _width(ctx, definition: str, style) -> float:
    """A definition's width set on one line (its letter not counted), measured once a layout."""
    widths = ctx.__dict__.setdefault("_matching_widths", {})  # (the same definitions in many trial layouts)
    if definition not in widths:
        widths[definition] = para_width(ctx.raw(inline.markup(definition, ctx.fonts), style.name))
    return widths[definition]


def _lettered_rows(ctx, lettered: list, terms, widths: list[float]) -> list:
    """The lettered definitions: in the terms' columns, along the rows as the terms are numbered (A B C,
    then D E F), when each fits on one line of its column (*dog*, *cat*: a vocabulary list); in fewer
    columns (never one) when the terms' are too narrow for them; else one a line at the line's whole
    width, as before (a definition of a few words wraps to two lines, not four in a column). ``widths``:
    each definition's on one line, with its letter."""
    if terms is None or len(lettered) < 2:
        return lettered
    widest = max(widths)
    if widest > ctx.width / 2 - 8:
        return lettered  # (not even two columns: the terms' columns need not be measured)
    terms.wrap(ctx.width, 1e9)
    for cols in range(terms.plan[0], 1, -1):
        if widest <= ctx.width / cols - 8:  # (the gutter Beside keeps after a column)
            return [Beside(ctx, [Lettered(p) for p in lettered], columns=(cols,), mirror=terms.mirror)]
    return lettered


TITLE_GIVE = 0.5  # of a set's title's space above: what it may give up to share the page it lands on


def _whole_set(ctx, rows: list, head: int) -> list:
    """A matching set on one page when a page can hold it (a set split after a few terms reads as a
    mistake); a set taller than a page flows on, its title keeping its first ``head`` rows with it."""
    if _height(ctx, rows) <= ctx.height:  # (short of room where it lands by a little: less space above it)
        first = next((f for f in rows if not getattr(f, "_ZEROSIZE", False)), None)
        return [Together(rows, give=first.getSpaceBefore() * TITLE_GIVE if first is not None else 0)]
    return [Together(rows[:head])] + rows[head:]
