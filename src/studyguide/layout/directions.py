"""What a question asks the student to do: its instruction, after its prompt, or said once above a run of
questions that share it (the directions of a printed test)."""
from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from .. import fenced, inline, rtl
from ..amounts import worked
from ..labels import sentences, span
from .flow import para_width


def instruction_of(ctx, q) -> str:
    """The question's own `instructions:`, else its type's label (which `labels:` may change for a whole
    guide); a short answer on one line asks for the answer, not for sentences, one whose model answer is a
    number or a formula asks for the working, one whose model answer is code asks for code, an essay in a guide with no reading and no source does not
    ask for evidence from one, and the fillable edition asks to select a choice, not to circle it."""
    if q.instructions:
        return q.instructions
    kind = q.kind + ("_bank" if getattr(q, "word_bank", False) else "")
    if q.kind == "short_answer" and q.lines <= 1:
        kind = "short_answer_line"
    elif q.kind == "short_answer" and worked(q.answer) and "short_answer" not in ctx.guide.labels:
        kind = "short_answer_work"  # a number or a formula on several lines: the working, not sentences
    elif q.kind == "short_answer" and fenced.looks_like_code(q.answer) and "short_answer" not in ctx.guide.labels:
        kind = "short_answer_code"  # a program, not sentences (trial r11: "for i in range(10, 0, -1):")
    if q.kind == "essay" and no_reading(ctx.guide) and "essay" not in ctx.guide.labels:
        kind = "essay_no_reading"  # no reading to take evidence from (a guide's own 'essay' label still wins)
    if kind in ON_SCREEN and ctx.theme.edition == "fillable":
        kind += "_fillable"  # buttons and boxes to select on screen, not letters to circle (labels.FOLLOWS)
    return ctx.label(kind)


ON_SCREEN = ("multiple_choice", "select_all", "true_false")  # instructions the fillable edition words its own way


def run_in_markup(ctx, text: str, embed: bool = False) -> str:
    """Markup for an instruction set after a prompt, in the instruction style's size, face and colour; ``embed``:
    an English one after a Hebrew prompt, left to right of its own (its full stop at its end: rtl.display_order)."""
    st = ctx.styles["instruction"]
    colour = st.textColor.hexval()[2:]
    body = f"\u202a{inline.markup(text, ctx.fonts)}\u202c" if embed else inline.markup(text, ctx.fonts)
    return f' <font size="{st.fontSize:g}" color="#{colour}"><i>{body}</i></font>'


def no_reading(guide) -> bool:
    """Neither a reading printed in the guide nor a source it is built on (an article the class reads)."""
    return guide.reading is None and guide.source is None


DIRECTED = ("multiple_choice", "select_all", "true_false", "short_answer", "essay", "fill_in_blank", "matching")
LEAST_RUN = {"matching": 3}  # questions: a matching's instruction is two lines, run in after a short prompt, and as
# long said above its run: over two it saved the second's lines only, moved them onto the first, and cost a page
# (n16's large print on A4: its 6-item q3 no longer fitted the page it shared)


def runs(ctx, qs) -> dict[int, tuple[int, str]]:
    """Runs of two or more questions in a row (matching: three, :data:`LEAST_RUN`) that take the same default
    instruction (none of their own): {first number: (last number, instruction)}. The instruction is said once, above the run,
    as a printed test does ("Questions 1–6: Circle the letter of the best answer."), instead of after
    every prompt, where it often took a line of its own."""
    runs, start = {}, None
    said = [instruction_of(ctx, q) if q.kind in DIRECTED and not q.instructions else None for q in qs]
    for n in range(1, len(qs) + 2):
        same = n <= len(qs) and start is not None and said[n - 1] is not None and said[n - 1] == said[start - 1]
        if same:
            continue
        if start is not None and n - start >= LEAST_RUN.get(qs[start - 1].kind, 2):
            runs[start] = (n - 1, said[start - 1])
        start = n if n <= len(qs) and said[n - 1] is not None else None
    return runs


def paragraph(ctx, first: int, last: int, words: str):
    lead = span(ctx.labels, "directions", first, last)
    gap = "" if sentences(lead, "x") == lead + "x" else " "  # (none after a full-width colon: 第1–6题：)
    para = ctx.raw(f"<b>{inline.markup(lead, ctx.fonts)}</b>{gap}" + inline.markup(words, ctx.fonts), "instruction")
    para.style = ParagraphStyle("direction", parent=para.style, spaceAfter=3)
    return para


def read_from_right(para, text: str, mirror: bool):
    """A cell of a matching read from the right (``mirror``): a text with no direction of its own ('1948') or an
    English one set flush right, beside its number or letter, as its right-to-left neighbours are; else as it is."""
    if mirror and rtl.direction(text) is not True:
        para.style = ParagraphStyle(para.style.name + "-right", parent=para.style, alignment=TA_RIGHT)
    return para


class Hug(Flowable):
    """A Hebrew or Arabic cell of a left-to-right row (a matching's term under an English prompt) no wider than it
    needs, at its column's left beside its number: set flush right across the column, it stood a column's width away
    (trial r12). A text that fills its column is set as before."""

    def __init__(self, para):
        super().__init__()
        self.para = para

    def wrap(self, aW, aH):
        self.width, self.height = self.para.wrap(min(aW, para_width(self.para) + 1), aH)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)


def hugged(para, text: str, mirror: bool):
    """``para`` in a :class:`Hug` when its ``text`` reads right to left in a row that does not (``mirror`` false)."""
    return Hug(para) if not mirror and rtl.direction(text) is True else para
