"""How long a guide's text takes to read (budget: the minutes a section needs, and what `check` says it holds): words,
and Chinese and Japanese by the character."""
from __future__ import annotations

import re

from .model import Guide, format_points

READING_WPM = 200
# Chinese and Japanese are read by the character (a run of them has no spaces to count words by): adults read about
# 255 Chinese or 357 Japanese characters a minute aloud where they read 228 English words (IReST, Trauzettel-Klosinski
# and Dietz 2012); taken down as 200 is from 228, that is 224 and 313: one rate between them for both
READING_CPM = 250
_HAN_KANA = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003ffff]")


def _words(*texts) -> tuple[int, int]:
    """The (words, Chinese and Japanese characters) of texts, and of tables' cells (a summary's table of figures):
    a run of those characters is not a word (650 characters of Japanese were '46 words': trial r12)."""
    words = chars = 0
    for t in texts:
        text = t if isinstance(t, str) else " ".join(c for r in t.rows for c in r) if t else ""
        chars += len(_HAN_KANA.findall(text))
        words += len(re.findall(r"\w+", _HAN_KANA.sub(" ", text)))
    return words, chars


def reading_minutes(amount: tuple[int, int]) -> float:
    return amount[0] / READING_WPM + amount[1] / READING_CPM


def said(amount: tuple[int, int]) -> str:
    """'180 words'; '612 characters, 9 words' where there are Chinese or Japanese characters."""
    words, chars = amount
    return count(words, "word") if not chars else count(chars, "character") + f", {count(words, 'word')}" * bool(words)


def reading_words(guide: Guide, section: str) -> tuple[int, int]:
    g = guide
    texts = {"reading": g.reading.paragraphs if g.reading else (), "summary": g.summary, "objectives": g.objectives,
             "topics": [x for t in g.topics for x in (t.title, t.summary, t.caption, *t.points, *t.tables)],
             "perspectives": [x for p in g.perspectives for x in (p.who, p.view)],
             "chart": [x for p in g.benefits + g.criticisms for x in (p.point, p.detail)],
             "takeaways": g.takeaways, "vocabulary": [x for t in g.vocabulary for x in (t.term, t.definition, t.example)]}
    return _words(*texts.get(section, ()))


def count(n: float, noun: str) -> str:
    """'1 word', '3 blanks'."""
    return f"{format_points(n)} {noun}{'' if n == 1 else 's'}"
