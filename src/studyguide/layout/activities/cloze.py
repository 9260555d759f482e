"""Word-bank sentences: the bank in a box, then each sentence with its blank (the key writes the word in)."""
from __future__ import annotations

import string

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer

from ... import rtl
from ..._reportlab import Together
from ..._reportlab_words import WHOLE
from ..flow import Labelled, Stack, Twin
from .common import _start, _text, _style, _blank

# -- word-bank sentences --------------------------------------------------------------------

def _bank(ctx, words):
    """The word bank in a box: one paragraph with a border, so even a very long bank can flow over pages."""
    style = _style(ctx, "bank", "cell", borderWidth=ctx.theme.grid * 1.6, borderColor=ctx.color("rule"),
                   borderPadding=(6, 8, 7, 8), leftIndent=8, rightIndent=8, spaceBefore=6, spaceAfter=8,
                   **{WHOLE: 1})  # (a Chinese or Japanese term is not cut inside either)
    bank = ctx.raw(f"<b>{_text(ctx, ctx.label('word_bank'))}</b>  " + rtl.separator(words, "\u00a0\u00a0\u00a0·\u00a0\u00a0 ").join(_text(ctx, w.replace(" ", "\u00a0")) for w in words), "cell")  # a term never breaks
    bank.style = style
    return bank


def cloze(ctx, name, data) -> list:
    flow = _start(ctx, name, data) + [_bank(ctx, data.bank), Spacer(1, 8)]
    st = ctx.styles["body"]
    ni = ctx.theme.number_width
    body = _style(ctx, "sentence", "body", spaceAfter=0)
    # every blank as wide as the longest answer needs, so a blank's length gives nothing away
    width = min(ctx.width * 0.4, max(stringWidth(p.answer, st.fontName, st.fontSize) * 1.25 + 16
                                     for sen in data.sentences for p in sen.parts if not isinstance(p, str)))
    for n, sentence in enumerate(data.sentences, 1):
        def para(key: bool):
            blanks = iter(range(1, len(sentence.parts) + 1))
            parts = [_text(ctx, p) if isinstance(p, str)
                     else _blank(ctx, p.answer, key, width=width, field=f"cloze{n}_blank{next(blanks)}",
                                 tip=f"{ctx.label('cloze_title')} {n}")
                     for p in _worded(ctx, sentence)]
            # the sentence reads in its own direction, the handout's: not the key's answer's, where that leads
            # ("___ means: water" stays left to right with מים in the blank)
            text = "".join(t for t in _worded(ctx, sentence) if isinstance(t, str))
            p = ctx.raw("".join(parts), "body", base_rtl=rtl.direction(text))
            p.style = body
            return p

        row = [Labelled(f"{n}.", para(False), ni, ctx.styles["heading"].fontName, st.fontSize),
               Labelled(f"{n}.", para(True), ni, ctx.styles["heading"].fontName, st.fontSize)]
        # a sentence stays on one page: a blank's sentence read across a page break is a different puzzle
        flow += [_Sentence(ctx, [Twin(row[0], row[1], ctx)]), Spacer(1, 4)]
    # the bank never ends a page with fewer than three sentences under it (it once had one, and the other
    # fourteen followed on the next page, out of sight of the words); when the last one or two would end
    # the list on a page of their own, away from the bank (a trial's compact A4 page 5), render lays the
    # guide out again with the last three together (fewer than six: all together), unless that costs a page;
    # then with the last two together ("pair"; the bank keeps the others, at least one): five sentences
    # once went three, one, the fifth alone at a page's top, when keeping all five with the bank cost a page
    count = len(data.sentences)
    ends = ctx.__dict__.get("cloze_kept", False)
    if ends == "pair" and count >= 3:
        first, last = min(KEPT, count - 2), 2
    elif count >= 2 * KEPT:
        first, last = KEPT, KEPT if ends else 0
    else:
        first, last = count if ends else min(KEPT, count), 0
    head = len(flow) - 2 * count - 2
    first = _under_title(ctx, flow[head - 2:head], flow[head:], first)
    lead, tail = head + 2 + 2 * first, len(flow) - 2 * last
    kept = [Stack(flow[tail:], page_height=ctx.height)] if last else []
    bank = [Stack(flow[head:lead], page_height=ctx.height)] if first else flow[head:lead]
    return flow[:head] + bank + flow[lead:tail] + kept


def _under_title(ctx, title, flow, first: int) -> int:
    """How many sentences the bank keeps under it: ``first``, or fewer (one at least) where the title, the
    instructions, the bank and ``first`` sentences are taller than a page. They travel together, and a block
    taller than a page goes on in its pieces: the title and instructions printed alone at the top of a page
    and the bank with its sentences, a page at most, opened the next (large print, a 40-term bank: a page
    88 % empty). Where not even one sentence fits there, none: the bank follows the instructions and goes on
    over the page as a paragraph does, the sentences after it."""
    for n in range(first, 0, -1):
        block = Together(title + [Stack(flow[:2 + 2 * n], page_height=ctx.height)])
        if block.kept_height(None, ctx.width, ctx.height) <= ctx.height:
            return n
    return 0


KEPT = 3  # sentences kept with the bank, and kept together at the list's end


class _Sentence(Stack):
    """A sentence's row, whole; notes the page it prints on (mending.cloze_alone)."""

    def __init__(self, ctx, items):
        super().__init__(items, page_height=ctx.height)
        self.ctx = ctx

    def drawOn(self, canvas, x, y, _sW=0):
        if self.ctx.mode == self.ctx.primary:
            self.ctx.__dict__.setdefault("cloze_pages", []).append(canvas.getPageNumber())
        super().drawOn(canvas, x, y, _sW)


def _worded(ctx, sentence) -> list:
    """The sentence's parts; a definition's worded in the guide's language ("___ means: ...", label
    ``cloze_definition``: its {blank} and {definition} where the language puts them)."""
    if sentence.source != "definition":
        return list(sentence.parts)
    blank, rest = sentence.parts[0], "".join(sentence.parts[1:])
    out, said = [], set()
    for literal, field, _, _ in string.Formatter().parse(ctx.label("cloze_definition")):
        out += [literal] if literal else []
        if field in ("blank", "definition"):
            out.append(blank if field == "blank" else rest)
            said.add(field)
    return ([] if "blank" in said else [blank, " "]) + out + ([] if "definition" in said else [" ", rest])
