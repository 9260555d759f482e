"""Words marked [[like this]] in a topic's summary and points: blanks in guided notes, printed plain elsewhere.

A mark written as a fill-in-the-blank's blank with other answers after '|' ('[[oxygen|O₂]]') prints its first
answer, as a blank's key does; the others print nowhere, and the walker says so at the mark.
"""
from __future__ import annotations

from typing import Optional

from .loader import Scalar, Seq
from .questions import BLANK_RE
from .walker import clip


class TopicMarksMixin:
    """For the guide's walker: a topic's text with its marks taken out (:meth:`_unmark`)."""

    def _unmark(self, text: Optional[str], node, label: str, marked: list, which: int) -> Optional[str]:
        """A topic's text with the words marked [[like this]] unbracketed (the handout prints them as
        typed); each marked word goes to ``marked`` with where it stands in the text returned, (``which``: 0
        the summary, k the point k; start; end), to be a blank there in guided notes."""
        if not text or "[[" not in text and "]]" not in text:
            return text
        pieces, spans, pos, others = [], [], 0, []
        for m in BLANK_RE.finditer(text):
            pieces.append(text[pos:m.start()])
            start = sum(map(len, pieces))
            word, bar, more = m.group(1).partition("|")  # ('[[oxygen|O₂]]', as a fill-in-the-blank writes the
            pieces.append(word.strip())  # other answers it accepts: the first prints, as a blank's answer does)
            spans.append((which, start, start + len(pieces[-1]), pieces[-1]))
            others += [(m.group(), word.strip(), more)] if bar and word.strip() else []
            pos = m.end()
        plain = "".join(pieces) + text[pos:]
        if others:
            self._other_answers(node, which, label, others)
        if "[[" in plain or "]]" in plain or not all(word for *_, word in spans):
            self.error(node, f"{label}: a '[[' or ']]' is not matched, or marks nothing (mark a word for "
                             "guided notes as [[word]])")
            return plain
        marked.extend(spans)
        return plain

    def _other_answers(self, node, which: int, label: str, others: list) -> None:
        """A warning at the first mark of a topic's text that gives other answers after '|': they print nowhere."""
        item = node.items[which - 1] if which and isinstance(node, Seq) and len(node.items) >= which else node
        label = f"{label} item {which}" if which else label
        typed, word, more = others[0]
        raw = item.value if isinstance(item, Scalar) and isinstance(item.value, str) else ""
        where = item.where.of(raw, raw.find(typed)) if typed in raw else item.where
        self.warn(where, f"{label}: '{clip(typed)}' prints as '{clip(word)}', and '{clip(more.strip())}' nowhere: the "
                         "answers after '|' are a fill-in-the-blank question's; in a topic a mark leaves one word "
                         f"blank in guided notes, and their key writes it in. Write [[{clip(word)}]]"
                         + (f" ({len(others) - 1} more such mark{'s' if len(others) > 2 else ''} here)"
                            if len(others) > 1 else ""))

