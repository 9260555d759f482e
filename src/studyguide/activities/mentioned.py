"""How often each vocabulary term is written in a guide: which terms a crossword that cannot hold them all keeps."""
from __future__ import annotations

from .. import inline
from ..model import Guide


def mentions(guide: Guide) -> tuple[int, ...]:
    """How many times each term is written in the guide (its own entry, topics, questions, the other
    terms' definitions), whole words in any case: how central it is to what the guide teaches."""
    global _counted
    texts, terms, counts = _counted
    if texts is not guide.texts or terms is not guide.vocabulary:  # (asked for the warnings, then the page)
        text = " ".join(" ".join(text for _, text in guide.texts).split()).lower()
        counts = tuple(_count(text, " ".join(inline.plain(t.term).split()).lower()) for t in guide.vocabulary)
        _counted = (guide.texts, guide.vocabulary, counts)
    return counts


_counted: tuple = (None, None, ())  # the texts and terms :func:`mentions` last counted in, and its counts


def _count(text: str, part: str) -> int:
    """How often ``part`` is in ``text`` as whole words (as :func:`studyguide.activities.term_pattern` finds it, in a tenth of the time)."""
    n, i = 0, text.find(part) if part else -1
    while i >= 0:
        end = i + len(part)
        if (i == 0 or not _word_char(text[i - 1])) and (end == len(text) or not _word_char(text[end])):
            n += 1
        i = text.find(part, i + 1)
    return n


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
