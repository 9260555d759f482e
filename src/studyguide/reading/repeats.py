"""One message for one mistake that a list's items repeat.

A matching question whose pairs are typed 'term:'/'definition:' lacks 'left:' and 'right:' in every
pair, and has two unknown keys in every pair: four messages a pair for what a teacher sees as one
slip. The items of such a list are looked at first here: items whose unknown keys are other names for
the keys they lack (a mistake of names, :func:`renamed`) are reported once, at the first item that has
it, with the item rewritten and how many items have it; the other items with the same mistake add no
message of their own. An item typed on one line (a term or a pair's left side as the key) gets one
message of its own, with its own rewrite (three, for a pair, before). An unknown
key that items repeat ('question:' for 'prompt:' in every question) is folded the same way once the list is
read (:meth:`RepeatsMixin.fold_hints`).
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from . import misread
from .keys import other_word
from .loader import Map, Node, Scalar
from .walker import clip, near

_WORD = re.compile(r"[^\W\d_][\w-]*")  # a key as a teacher types a name for one ('definition', 'a', 'side-b')


def renamed(node: Node, allowed, required) -> Optional[tuple[tuple[Scalar, Scalar, str], ...]]:
    """The keys of an item typed by other names, each (key, its text, the key meant): its unknown keys,
    as many as the ``required`` keys it lacks, each a word with text after it. A key that is another
    word for a lacking one, or a misspelling of it, is that one ('meaning' → 'definition' only by its
    place, 'defintion' by its spelling); the others go in order ('term', 'definition' → 'left', 'right').
    None for any other item, and for one with a key misspelt from a key it is allowed and has not lacking
    ('exmple': its "did you mean" is the message)."""
    unknown = [(k, v) for k, v in node.pairs if k.value not in allowed] if isinstance(node, Map) else None
    if not unknown:  # (every item of a guide that reads)
        return None
    typed = [k.value for k, _ in node.pairs]
    lacking = [key for key in required if key not in typed]
    if len(set(typed)) != len(typed) or len(unknown) != len(lacking):
        return None
    if not all(k.plain and _WORD.fullmatch(k.value) and isinstance(v, Scalar) and not v.is_null and v.value.strip()
               for k, v in unknown):
        return None
    meant: dict[str, str] = {}
    for key, _ in unknown:
        close = near(key.value, allowed)
        if close and close[0] not in lacking:
            return None  # a misspelling of a key the item may have: not a name for a lacking one
        if close and close[0] not in meant.values():
            meant[key.value] = close[0]
    rest = [key for key in lacking if key not in meant.values()]
    for key, _ in unknown:
        meant.setdefault(key.value, rest.pop(0) if rest else "")
    if "" in meant.values():
        return None
    return tuple((k, v, meant[k.value]) for k, v in unknown)


def _kind(keys) -> tuple:
    """What an item's renamed keys are, for telling which items repeat one mistake."""
    return ("renamed",) + tuple((key.value, meant) for key, _, meant in keys)


def as_typed(value: Scalar) -> str:
    """A text as the teacher typed it (with its quotes), or as read when it goes on over lines."""
    typed = value.where.typed
    return clip(typed if typed and "\n" not in typed else value.value)


def renamed_message(label: str, noun: str, node: Map, keys) -> str:
    """The message for an item whose keys are typed by other names (:func:`renamed`): the keys its kind
    takes, and the item's lines rewritten with them."""
    take = " and ".join(f"'{meant}:'" for _, _, meant in keys)
    typed = " and ".join(f"'{clip(key.value, 20)}:'" for key, _, _ in keys)
    lines = [f"'{'- ' if key is node.pairs[0][0] else ''}{meant}: {as_typed(value)}'" for key, value, meant in keys]
    rewrite = lines[0] + (f" with {' and '.join(lines[1:])} under it" if len(lines) > 1 else "")
    foreign = any((other_word(key.value) or ("", True))[1] is False for key, _, _ in keys)
    why = " (keys stay in English, whatever the guide's language)" if foreign else ""
    return f"{label}: {noun}s take {take}, not {typed}{why}; write {rewrite}"


class Repeats:
    """The messages of one list's items, a mistake that several items repeat given once: at the first
    item that has it, with how many items have it added when :meth:`close` is called after the list."""

    def __init__(self, walker, noun: str, items: list, allowed=(), required=()):
        self.walker, self.noun, self.total = walker, noun, len(items)
        firsts = [item.pairs[0][0].value for item in items if isinstance(item, Map) and item.pairs]
        self.shared = {key for key in firsts if firsts.count(key) > 1}  # a key, not a term typed as one
        found = {n: keys for n, item in enumerate(items, 1) if allowed and (keys := renamed(item, allowed, required))}
        kinds = [_kind(keys) for keys in found.values()]
        # a benefit's '- Cost: half' is text with ': ' in it (colon_item), unless an item has the key with others
        keyed = {_kind(keys) for n, keys in found.items() if len(items[n - 1].pairs) > 1}
        # keys by other names in two items or more: one item's misspelt key keeps its own "did you mean"
        self.renamed = {n: keys for n, keys in found.items() if kinds.count(_kind(keys)) > 1
                        and (_kind(keys) in keyed or noun not in ("benefit", "criticism"))}
        self.first: dict = {}   # a kind of mistake → its message's problem
        self.items: dict = {}   # a kind of mistake → the numbers of the items that have it
        self.tails: dict = {}   # a kind of mistake → what its message says after the items that have it

    def add(self, kind, index: int, node: Node, message: str, tail: str = "") -> None:
        if kind not in self.items:
            self.walker.error(node, message + tail)
            self.first[kind], self.tails[kind] = self.walker.problems[-1], tail
            self.items[kind] = []
        self.items[kind].append(index)

    def _where(self, items: list[int]) -> str:
        nouns = self.noun + "s"
        if len(items) == self.total:
            return f"both {nouns}" if self.total == 2 else f"all {self.total} {nouns}"
        numbers = ", ".join(map(str, items[:-1])) + f" and {items[-1]}"
        return f"{len(items)} of the {self.total} {nouns}: {'questions' if self.noun == 'question' else 'items'} {numbers}"

    def close(self) -> None:
        for kind, items in self.items.items():
            if len(items) > 1:
                problem = self.first[kind]
                at = next(n for n, p in enumerate(self.walker.problems) if p is problem)
                tail = self.tails.get(kind, "")
                said = problem.message[:len(problem.message) - len(tail)]
                self.walker.problems[at] = dataclasses.replace(
                    problem, message=f"{said} (the same in {self._where(items)}){tail}")


class RepeatsMixin:
    """For :class:`studyguide.reading.schema.GuideWalker`: an item's mistake that its list's items may repeat."""

    def one_mistake(self, item: Node, label: str, index: int, repeats: Repeats, allowed) -> bool:
        """Whether ``item`` has a mistake of the kind its list's items repeat (reported through ``repeats``):
        a vocabulary term typed as the key ('- plot: The sequence ...'), a pair typed on one line ('- veto -
        rejection of a bill', '- veto: rejection of a bill'), or its keys typed by other names ('term:' for 'left:').
        Only the last is said once for all the items that repeat it: the others' rewrites are each item's own."""
        first = item.pairs[0][0].value if isinstance(item, Map) and item.pairs else None
        if repeats.noun == "term" and first not in repeats.shared:
            pairs = [(k.value, v.value if isinstance(v, Scalar) else None) for k, v in item.pairs] \
                if isinstance(item, Map) else []
            message = misread.term_as_key(label, pairs)
            if message:
                repeats.add(("as key", index), index, item, message)  # its own rewrite at each item
                return True
        if repeats.noun == "pair" and isinstance(item, Scalar) and not item.is_null:  # 'Photosynthesis - Atmosphere → plants'
            halves = next((item.value.split(sep, 1) for sep in (" - ", " – ", " — ", " = ", "\t") if sep in item.value),
                          ["...", "..."])
            repeats.add(("one line", index), index, item, self.one_line_pair(label, *halves))
            return True
        if repeats.noun == "pair" and isinstance(item, Map) and len(item.pairs) == 1 and first not in repeats.shared:
            key, value = item.pairs[0]
            if isinstance(value, Scalar) and not value.is_null and key.value not in allowed \
                    and not near(key.value, allowed):
                repeats.add(("one line", index), index, item, self.one_line_pair(label, key.value, value.value))
                return True
        keys = repeats.renamed.get(index)
        if keys is None:
            return False
        repeats.add(_kind(keys), index, keys[0][0], renamed_message(label, repeats.noun, item, keys))
        return True

    @staticmethod
    def one_line_pair(label: str, left: str, right: str) -> str:
        return f"{label}: write each pair on two lines, '- left: {clip(left.strip())}' and under it 'right: {clip(right.strip())}'"

    def fold_hints(self, since: int, labels: dict, repeats: Repeats) -> None:
        """An unknown key that items of one list repeat ('question:' for 'prompt:' in every question, 'answers:'
        for 'answer:'), each told since ``since`` in :attr:`hinted`, said once: at the first item that has it,
        with how many have it when ``repeats`` is closed (``labels``: each item's label → its number)."""
        groups: dict = {}
        for label, key, meant, problem in self.hinted[since:]:
            if label in labels:
                groups.setdefault(("unknown key", key, meant), []).append((labels[label], problem))
        dropped = set()
        for kind, found in groups.items():
            if len(found) > 1:
                repeats.first[kind], repeats.items[kind] = found[0][1], [n for n, _ in found]
                dropped.update(id(problem) for _, problem in found[1:])
        if dropped:
            self.problems = [p for p in self.problems if id(p) not in dropped]
