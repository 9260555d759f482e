"""Guided notes: the topics, their summaries and points, with the vocabulary terms and the words a
teacher marks [[like this]] left blank; the key has each blank filled, on the same lines.

A blank is the fill-in-the-blank question's own blank (questions._blank_markup), so it is as wide in
the handout as the word it hides in the key, and the two documents wrap alike.
"""
from __future__ import annotations

import re

from ..model import Blank
from .flow import SectionMark, Twin

_HOLE = re.compile("\ue000(\\d+)\ue001")  # a private-use pair no guide text holds (schema refuses none, but
# markup passes it through untouched): where a blank goes once the rest is marked up


def pattern(words) -> re.Pattern | None:
    """Whole-word, any-case matches of ``words``, longest first (so 'soft power' wins over 'power');
    a plural -s or -es goes with the word into the blank."""
    words = sorted({w for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?:e?s)?(?!\w)", re.IGNORECASE)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")


def _name(m: re.Match, lower: set) -> bool:
    """Whether a match of a lower-case term is part of a name instead ('Human Rights Watch' for the
    term 'human rights'): capitals beyond a sentence's first letter."""
    word = m.group(0)
    if word.casefold() not in lower and word[:-1].casefold() not in lower and word[:-2].casefold() not in lower:
        return False
    starts = bool(_SENTENCE_START.search(m.string[:m.start()]))
    rest = word[1:] if starts else word
    return rest != rest.lower()


def holes(text: str, found: re.Pattern | None, lower: set = frozenset()) -> tuple[str, list[str]]:
    """``text`` with each match replaced by a numbered hole, and the words taken out, in order.
    ``lower``: the folded terms written in lower case, which a capitalised name does not match."""
    taken: list[str] = []
    if found is None:
        return text, taken

    def hole(m):
        if _name(m, lower):
            return m.group(0)
        taken.append(m.group(0))
        return f"\ue000{len(taken) - 1}\ue001"

    return found.sub(hole, text), taken


def blanked(ctx, text: str, found, style: str, **kw):
    """A paragraph of ``text`` with its matches blank for the student and filled in the key."""
    from .. import inline
    from .questions import _blank_markup

    raw, taken = holes(text, found, lowercase(ctx.guide))
    if not taken:
        return ctx.p(text, style, **kw)
    markup = inline.markup(raw, ctx.fonts)

    def para(key: bool):
        filled = _HOLE.sub(lambda m: _blank_markup(ctx, Blank((taken[int(m.group(1))],)), key), markup)
        return ctx.raw(filled, style, **kw)

    return Twin(para(False), para(True), ctx)


def words_of(guide, topic) -> list[str]:
    return [t.term for t in guide.vocabulary] + list(topic.marked)


def lowercase(guide) -> set:
    """The vocabulary terms typed in lower case (a marked word is always blanked as marked)."""
    return {t.term.casefold() for t in guide.vocabulary if t.term == t.term.lower()}


def notes(ctx) -> list:
    from . import header
    from .sections import figure

    g = ctx.guide
    flow = header.header(ctx) + [SectionMark(ctx, "topics")]
    for topic in g.topics:
        found = pattern(words_of(g, topic))
        flow.append(ctx.p(topic.title, "subheading"))
        if topic.summary:
            flow.append(blanked(ctx, topic.summary, found, "body"))
        flow += [blanked(ctx, point, found, "bullet", bulletText="•") for point in topic.points]
        if topic.image is not None:
            flow.append(figure(ctx, topic.image, topic.caption))
    return flow + [SectionMark(ctx, "end")]
