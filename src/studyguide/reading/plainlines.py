"""Choices typed in other shapes than plain lines, each reported once for the list: as a printed test
shows them ('choices: A) The storm B) ...', '- A: The storm'), and choices or ordering items typed as
another tool's records: '- text: Paris', '- option: Paris', or '- answer: Madrid' with 'correct: true'
under it, as chatbots and quiz tools write them.

YAML reads each such item as a mapping. The advice for one item of text with ': ' in it ('- Note: read
twice': "put this choice in quotes") would print 'text: Paris' as the choice, so such a list gets one
message of its own, at its first item: choices (items) are plain lines, with that item rewritten, and how
many items are typed so (:class:`.repeats.Repeats`). A choice marked right ('correct: true',
'is_correct: yes') is said by the question's 'answer:' instead: the message gives the line, with the
letter. An item's key that the list alone has ('- text: Paris' over '- Lyon') is not a record: text
with ': ' in it reads the same, and keeps its own message.
"""
from __future__ import annotations

from typing import Optional

from ..model import LETTERS
from .keys import RECORD_KEYS
from .loader import Map, Node, Scalar, Seq
from .repeats import Repeats, as_typed
from .slips import lettered, lettered_line

MARK_KEYS = frozenset({"correct", "iscorrect", "right", "isright", "isanswer"})  # as compared: see _mark
YES = frozenset({"true", "yes", "y", "1", "x", "on", "✓", "✔"})


def _mark(key: str) -> bool:
    """Whether ``key`` marks a choice right or wrong ('correct', 'is_correct', 'isCorrect')."""
    return key.casefold().replace("_", "").replace("-", "") in MARK_KEYS


def record(item: Node, marks: bool) -> Optional[tuple[Scalar, Scalar, Optional[tuple[str, str, bool]]]]:
    """An item typed as a record: its text's key, its text, and its mark (its key, its line as typed, and
    whether it says right), None when it has none; None for any other item (with ``marks`` False, one
    with a mark)."""
    if not isinstance(item, Map) or not item.pairs \
            or not all(k.plain and isinstance(v, Scalar) for k, v in item.pairs):
        return None
    texts = [(k, v) for k, v in item.pairs if k.value in RECORD_KEYS]
    marked = [(k, v) for k, v in item.pairs if marks and _mark(k.value)]
    if len(texts) != 1 or len(marked) > 1 or len(texts) + len(marked) != len(item.pairs):
        return None
    key, text = texts[0]
    if text.is_null or not text.value.strip():
        return None
    if not marked:
        return key, text, None
    mark, says = marked[0]
    return key, text, (mark.value, f"{mark.value}: {as_typed(says)}", says.value.strip().casefold() in YES)


def _letters(found: list[int]) -> str:
    letters = [LETTERS[i] for i in found]
    return ", ".join(letters[:-1]) + f" and {letters[-1]}" if len(letters) > 1 else letters[0]


def answer_line(keys: dict, found: list[int], marked: str, right: str, text: str) -> str:
    """What the message says to do with the marks ``marked:`` (``found``: the indexes of the choices
    marked ``right``, the first one's text ``text``) for the question of ``keys``: its 'answer:' line."""
    if "answer" in keys:
        return f"; leave out the '{marked}:' lines (the question's 'answer:' says which choice is right)"
    if not found:
        return f"; leave out the '{marked}:' lines"
    several = getattr(keys.get("type"), "value", "") == "select_all" or len(found) > 1
    answer = f"[{', '.join(LETTERS[i] for i in found)}]" if several else LETTERS[found[0]]
    which = f"choice {_letters(found)}, '{text}', is" if len(found) == 1 else f"choices {_letters(found)} are"
    change = "" if getattr(keys.get("type"), "value", "") != "multiple_choice" or len(found) == 1 \
        else "; multiple choice has one right answer: for several, write 'type: select_all'"
    return f"; leave out the '{marked}:' lines and add 'answer: {answer}' to the question ({which} marked '{right}'){change}"


class PlainLinesMixin:
    """For :class:`studyguide.reading.schema.GuideWalker`: a list of choices (or items) typed otherwise than
    as plain lines."""

    def _choices_on_one_line(self, node, label) -> bool:
        """'choices: A) The storm B) Mara's birthday': one text, typed as a printed test shows it (reported)."""
        typed = lettered_line(node.value) if isinstance(node, Scalar) and node.plain else None
        if typed:
            self.error(node, f"{label}.choices: expected a list of text, found {self.kind(node)} (start each choice "
                             f"on its own line with '- ', and drop '{typed}': the letters are printed for you)")
        return bool(typed)

    def _letters_as_keys(self, node, label) -> bool:
        """'- A: The storm', '- B: ...': letters typed with a ':', which YAML reads as keys (reported; the
        usual advice, quotes, would print 'A. A: The storm')."""
        items = node.items if isinstance(node, Seq) else []
        keys = [i.pairs[0][0].value for i in items if isinstance(i, Map) and len(i.pairs) == 1 and i.pairs[0][0].plain]
        typed = lettered([f"{k}: " for k in keys]) if len(keys) == len(items) else None
        if typed:
            self.error(items[0], f"{label}.choices: the letters are printed for you: drop '{typed}' from each choice")
        return bool(typed)

    def as_records(self, node: Node, label: str, noun: str, keys: Optional[dict] = None) -> bool:
        """Whether the list ``node`` (the choices, with the question's ``keys``; or an ordering's items) has
        items typed as records: then reported, once, at the first."""
        items = node.items if isinstance(node, Seq) else []
        found = {n: r for n, item in enumerate(items, 1) if (r := record(item, keys is not None))}
        typed = [r[0].value for r in found.values()]
        own = "choice" if keys is not None else None  # '- choice: Paris' is a choice as documented (with 'shuffle:')
        found = {n: r for n, r in found.items() if r[2] is not None or (typed.count(r[0].value) > 1 and r[0].value != own)}
        if not found:
            return False
        n, (key, text, _) = next(iter(found.items()))
        message = f"{label} item {n}: {noun}s are plain lines: write '- {as_typed(text)}', not '- {key.value}: {as_typed(text)}'"
        marks = [r[2] for r in found.values() if r[2]]
        right = [n - 1 for n, r in found.items() if r[2] and r[2][2]]
        tail = ""
        if marks and keys is not None:
            first = found[right[0] + 1] if right else None
            tail = answer_line(keys, right, marks[0][0], first[2][1] if first else "", as_typed(first[1]) if first else "")
        if tail and right and "answer" not in keys and hasattr(keys, "meant"):  # said: not missing too (Walker.absent)
            keys.meant = keys.meant | {"answer"}
        repeats = Repeats(self, noun, items)
        for n in found:
            repeats.add("record", n, items[n - 1], message, tail)
        repeats.close()
        return True
