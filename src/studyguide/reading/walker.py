"""The walk over YAML nodes that every checked file shares: a guide, a defaults file, a theme.

:class:`Walker` checks a node's shape (a mapping with known keys, a list, text, a number, true or
false) and records each problem with its location instead of stopping, so a teacher sees every
mistake at once. The guide's walker (:mod:`.schema`) and the theme's (:mod:`studyguide.theming`)
build on it; the small helpers every message uses live here too.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import Optional

from .. import rtl
from ..errors import Location, Problem
from . import codehints, glued, misread, numbers, syntax
from .keys import ITEM_FIRST, item_keys, other_word
from .loader import KIND_NAMES, Map, Node, Scalar, Seq

# bullets a word processor's list pastes as text (U+F0B7 is Word's Symbol-font bullet)
BULLETS = "•◦‣⁃∙●○▪▫■□►▸➢➤\uf0b7"

MAX_TEXT = 20_000       # characters in one field
MAX_ITEMS = 1_000       # items in one list
TRUE_WORDS, FALSE_WORDS = {"true", "yes"}, {"false", "no"}
SHORT_TRUE_FALSE = {"t": "true", "f": "false", "y": "true", "n": "false", "true": "true", "false": "false",
                    "correct": "true", "right": "true", "incorrect": "false", "wrong": "false"}
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def missing(node: Optional[Node]) -> bool:
    """The key is absent, or present with nothing after it (``key:``; ``null`` and ``~`` are text)."""
    return node is None or (isinstance(node, Scalar) and node.is_null)


def bad_char(text: str) -> Optional[str]:
    """The first control, lone-surrogate or direction-changing character in ``text``, if any."""
    m = _BAD_CHARS.search(text)
    return m.group() if m else None


def near(word: str, options) -> list[str]:
    """The known name ``word`` is another word for ('respuesta' → 'answer', :func:`.keys.other_word`), or else
    the closest to it as typed, or in small letters without accents ('término' → 'term'), in a list of one;
    an empty list when none is close."""
    other = other_word(word)
    if other and other[0] in options:
        return [other[0]]
    return difflib.get_close_matches(word, list(options), n=1, cutoff=0.6) or \
        difflib.get_close_matches(misread.bare(word), list(options), n=1, cutoff=0.6)


def suggest(word: str, options, noun: str = "keys") -> str:
    """The hint after an unknown name: the closest known one, or the list of them (``noun``: what they are)."""
    close = near(word, options)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"known {noun}: " + ", ".join(options)


STRAYS = 10  # unknown keys like no known key told one by one in a mapping; past them, counted in one error
_WORDS = {1: "one", 2: "two"}  # decimals, as a message says them


def clip(text: str, size: int = 40) -> str:
    """``text`` on one line, cut to ``size`` characters with an ellipsis: a guide's text quoted in a message."""
    text = text.replace("\n", " ")
    return text if len(text) <= size else text[: size - 1] + "…"


def count(n: int, noun: str) -> str:
    """'1 question', '3 questions'."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def other_key(word: str, value: Node, options) -> Optional[str]:
    """The hint after an unknown key that is another word for a known one ('respuesta: A'), with the line to
    type; None for any other key (the misspelling's "did you mean", :func:`suggest`, serves those)."""
    other = other_word(word)
    if not other or other[0] not in options:
        return None
    typed = value.where.typed if isinstance(value, Scalar) and not value.is_null and value.where.typed \
        and "\n" not in value.where.typed else None
    line = f"write '{other[0]}: {clip(typed)}'" if typed else f"write '{other[0]}:' in its place"
    why = "" if other[1] else "keys stay in English, whatever the guide's language: "
    return f"did you mean '{other[0]}'? {why}{line}"


class Keys(dict):
    """A mapping's values by key, as :meth:`Walker.mapping` gives them; ``meant``: the keys typed misspelt or
    in other words ('anwser', 'respuesta'), reported at the key as typed, so not missing as well."""
    meant: frozenset = frozenset()


class Walker:
    """Shape checks over nodes; every problem is kept in :attr:`problems` with its location."""

    def __init__(self, name: str, guide_path: Path):
        self.name = name
        self.guide_path = guide_path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.texts: list[tuple[Location, str]] = []
        self.unseen: list[tuple[int, str, Problem]] = []  # (line, key, problem): keys absent, or typed after an invisible space
        self.hinted: list[tuple[str, str, tuple, Problem]] = []  # (label, key, the key meant, problem): unknown keys

    def error(self, node: Node | Location, message: str) -> None:
        where = node if isinstance(node, Location) else node.where
        self.problems.append(Problem(where, message))

    def warn(self, where: Location, message: str) -> None:
        self.warnings.append(Problem(where, message, warning=True))

    def repeated(self, warning: Problem) -> bool:
        """Whether an error at the warning's place says what it says (a list typed with a word processor's '–'
        is warned of by the loader, and is an error under a list's key): then the warning is left out."""
        return any(p.where == warning.where and p.message.endswith(warning.message) for p in self.problems)

    def colon_item(self, item: Node, label: str, listed: str) -> bool:
        """A '- ' item of a list of text that YAML read as 'key: value' because of its ': ' (reported)."""
        noun, keys = syntax.TEXT_LISTS[listed]
        if not (isinstance(item, Map) and item.pairs and item.pairs[0][0].value not in keys
                and item.pairs[0][0].plain and all(isinstance(v, Scalar) for _, v in item.pairs)):
            return False
        if len(item.pairs) > 1 and keys:  # 'key: value' lines typed on purpose, with a key it doesn't know
            return False                  # (the mapping's own check names the keys it knows)
        self.error(item, f"{label}: {misread.item_colon(noun, item.pairs[0][0].value, item.pairs[0][1].value)}")
        return True

    def and_item(self, seq: Node, item: Node, label: str, noun: str) -> None:
        """Warn when 'and Italy' became an item of its own in a [France, Russia, and Italy] list."""
        if isinstance(seq, Seq) and seq.flow and isinstance(item, Scalar) and item.plain \
                and re.match(r"(and|or)\s", item.value, re.I):
            self.warn(item.where, f"{label}: '{clip(item.value)}' is a {noun} of its own: in [ ... ] every ',' "
                                  f"starts a new {noun} (leave out the '{item.value.split()[0]}', or put a {noun} "
                                  "that holds commas in quotes)")

    def unknown_key(self, key: str, label: str) -> Optional[str]:
        """A message of its own for an unknown key in ``label`` (None: the usual "did you mean")."""
        return None

    # -- shapes -------------------------------------------------------------
    def mapping(self, node: Node, label: str, allowed, required=()) -> Optional[dict[str, Node]]:
        """A mapping's values by key; unknown, duplicate and missing keys reported."""
        if not isinstance(node, Map):
            fix = " (write each line as 'key: value', with no '- ' in front)" if isinstance(node, Seq) and node.items and all(
                isinstance(item, Map) and len(item.pairs) == 1 for item in node.items) else ""
            self.error(node, f"{label}: expected 'key: value' lines, found "
                             f"{self.kind(node, 16 if label in ('guide', 'theme') else 40)}{fix}")
            return None
        out: Keys = Keys()
        misspelt: set[str] = set()
        strays: list = []  # unknown keys like no known one
        if label in ("guide", "theme") and node.pairs and not any(
                k.value in allowed or (other_word(k.value) or ("",))[0] in allowed
                or difflib.get_close_matches(k.value, list(allowed), n=1, cutoff=0.8)
                for k, _ in node.pairs[:200]):
            # not a guide at all (a password file, a key, another program's settings): one short excerpt
            self.error(node.pairs[0][0], f"this file is not a {'study guide' if label == 'guide' else label}: none "
                                         f"of its {count(len(node.pairs), 'key')} is one a {label} has (the first "
                                         f"begins '{clip(node.pairs[0][0].value, 16)}'); a {label} starts with "
                                         f"'{'title' if label == 'guide' else 'parent'}: ...'")
            return None
        noun = misread.item_noun(label) if not node.flow else None
        starts = misread.new_items([k.value for k, _ in node.pairs]) if noun else []
        for start in starts:  # the keys from the first on are another item's, reported there, not as twice
            key = node.pairs[start][0]
            self.error(key, misread.new_item(noun, key.where.line, key.value))
        for n, (key, value) in enumerate(node.pairs[:starts[0]] if starts else node.pairs):
            if key.value not in allowed and node.flow and n and (split := glued.map_split(node.pairs, n, label)) is not None:
                if split:  # '{right: $250,000 a year}': reported at its first ',' alone
                    self.error(key, split)
                continue
            if key.value in out:
                self.error(key, f"{label}: '{clip(key.value)}' is given twice (keep one)")
            elif key.value not in allowed and (invisible := misread.invisible_key(key.value)):
                self.error(key, f"{label}: {invisible[1]}")
                self.unseen.append((key.where.line, invisible[0], None))
                misspelt.add(invisible[0])  # not missing as well
            elif key.value not in allowed and self.key_without_colon(key, value, allowed, label):
                misspelt.add(key.value.split(" ", 1)[0])  # not missing as well
            elif key.value not in allowed and self.unknown_key(key.value, label):
                self.error(key, self.unknown_key(key.value, label))
            elif key.value not in allowed:
                hint = other_key(key.value, value, allowed) or suggest(key.value, allowed)
                if hint.startswith("known keys: "):  # listed once: 2,000 strays were 3.7 MB of lists (hostile r15)
                    strays.append(key)
                    if len(strays) > STRAYS:
                        continue  # (counted after the loop)
                    if len(strays) > 1 and len(hint) > 120:  # (a short list reads better said again)
                        hint = f"known keys: as listed at line {strays[0].where.line}"
                self.error(key, f"{label}: unknown key '{clip(key.value)}' ({hint})")
                misspelt.update(near(key.value, allowed))
                self.hinted.append((label, key.value, tuple(near(key.value, allowed)), self.problems[-1]))
            else:
                out[key.value] = value
        if len(strays) > STRAYS:
            self.error(strays[STRAYS], misread.strays(label, [k.value for k in strays[STRAYS:]], strays[0].where.line))
        for key in required:
            if key in out and isinstance(out[key], Scalar) and out[key].is_null:
                self.error(out.pop(key), f"{key if label == 'guide' else label + '.' + key}: is empty (write the text after '{key}:')")
            elif key not in out and key not in misspelt:  # a misspelling is reported already
                self.error(node, f"{label}: '{key}' is missing (add a line '{key}: ...')")
                self.unseen.append((node.where.line, key, self.problems[-1]))
        out.meant = frozenset(misspelt)
        return out

    def absent(self, keys: dict, node: Node, key: str, message: str) -> None:
        """Report ``message`` ('K' is missing) at ``node``, unless K was typed misspelt or in other words
        (reported at the key as typed: the one message its line needs)."""
        if key not in getattr(keys, "meant", ()):
            self.error(node, message)

    def drop_follow_ons(self) -> None:
        """Leave out each "'K' is missing" that a key K typed after an invisible space causes: the nearest
        such message above that key's line (YAML read the key, its indentation unseen, as another mapping's;
        retyping the spaces puts it back where it was missing)."""
        dropped = set()
        for line, key, problem in self.unseen:
            if problem is None:
                above = [p for n, k, p in self.unseen if p is not None and k == key and n < line and id(p) not in dropped]
                if above:
                    dropped.add(id(max(above, key=lambda p: p.where.line)))
        self.problems = [p for p in self.problems if id(p) not in dropped]

    def key_without_colon(self, key: Scalar, value: Node, allowed, label: str) -> bool:
        """'title "Unit 2: The Cell"' reads as the key 'title "Unit 2' (YAML splits at the ': ' in the
        text): name the missing ':' after 'title', and report it here. False for any other unknown key."""
        word, _, rest = key.value.partition(" ")
        if not rest or word not in allowed or not key.plain:
            return False
        typed = value.where.typed if isinstance(value, Scalar) and "\n" not in value.where.typed else "..."
        self.error(key, f"{label}: '{word}' needs a ':' after it (write '{word}: {clip(rest + ': ' + typed, 40)}')")
        return True

    def kind(self, node: Node, size: int = 40) -> str:
        """What a node is, in words; text quoted up to ``size`` characters (a whole file: a short excerpt)."""
        if isinstance(node, Scalar):
            return "nothing" if node.is_null else f"the text '{clip(node.value, size)}'"
        if isinstance(node, Map) and len(node.pairs) == 1 and isinstance(node.pairs[0][1], Scalar):
            key, value = node.pairs[0]  # "- Note: this" is text with ': ' that YAML read as a key and a value
            return f"the text '{clip(key.value + ': ' + value.value)}' read as 'key: value'"
        return KIND_NAMES[type(node)]

    def seq(self, node: Node, label: str, what: str = "text") -> list[Node]:
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Seq):
            bullets = misread.bullet_lines(node.where) if isinstance(node, Scalar) and node.plain else []
            for line, col, message in bullets:  # '– Identify ...': a list typed in a word processor
                self.error(Location(self.name, line, col), f"{label}: {message}")
            if not bullets:
                self.error(node, f"{label}: expected a list of {what}, found {self.kind(node)} (start each item on its own line with '- ')")
            return []
        if len(node.items) > MAX_ITEMS:
            self.error(node, f"{label}: {len(node.items):,} items; a list may hold at most {MAX_ITEMS:,}")
            return []
        for where, message in glued.problems(node, label):  # '[... of 5,000 apartments, ...]': items split
            self.error(where, message)
        return node.items

    def rejoin(self, node: Node, label: str) -> Node:
        """'- type: true_false', '- prompt: ...', '- answer: false': a '- ' typed before each key of one item
        starts an item per key, each missing the others'. Such an item, whose keys are neither the list's first
        key nor ones the item above has, joins the item above; reported once for each item it joins."""
        first = ITEM_FIRST.get(label)
        if first is None or not isinstance(node, Seq) or node.flow:
            return node
        allowed, groups = item_keys(label), []  # [the item as typed, its keys joined from below]
        for item in node.items:
            above = groups[-1][0] if groups else None
            key = item.pairs[0][0] if isinstance(item, Map) and item.pairs and not item.flow else None
            if key is not None and isinstance(above, Map) and not above.flow and all(
                    k.value != first and k.value in allowed and all(a.value != k.value for a, _ in above.pairs)
                    for k, _ in item.pairs):
                groups[-1][0] = Map(above.where, above.pairs + item.pairs)
                groups[-1][1].append(key)
            else:
                groups.append([item, []])
        for i, (item, joined) in enumerate(groups, 1):
            if joined:
                noun = misread.item_noun(f"{label} item 1") or "item"
                named = " and ".join(f"'{k.value}' (line {k.where.line})" for k in joined)
                lead = next((k.value for k, _ in item.pairs if k not in joined), first)
                self.error(joined[0], f"{'question ' + str(i) if label == 'questions' else f'{label} item {i}'}: "
                                      f"each '- ' starts a new {noun}, so {named} {'is' if len(joined) == 1 else 'are'} "
                                      f"not part of the {noun} on line {item.where.line}; type spaces in place of the '- ' in "
                                      f"front of {'it' if len(joined) == 1 else 'them'}, so that "
                                      f"{'it starts' if len(joined) == 1 else 'they start'} in the same column as '{lead}'")
        return Seq(node.where, [item for item, _ in groups]) if any(j for _, j in groups) else node

    def nested_item(self, item: Node, label: str) -> bool:
        """'- - 5 °C': an item whose text starts with '- ', which YAML reads as a list in the list (reported)."""
        inner = item.items[0] if isinstance(item, Seq) and len(item.items) == 1 else None
        if not (isinstance(inner, Scalar) and inner.plain and not inner.is_null and inner.where.line == item.where.line):
            return False
        self.error(item, f"{label}: the text starts with '- ', so it is read as a list in the list; quote it: "
                         f"\"- {clip(inner.value)}\"")
        return True

    def text(self, node: Optional[Node], label: str, required: bool = False, max_len: int = MAX_TEXT) -> Optional[str]:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, f"{label}: expected text, found {self.kind(node)} (put the text on the same line, in quotes if it contains ': ')")
            return None
        if node.is_null:
            if required:  # (a list's item: a '-' with nothing after it)
                after = "its '-'" if re.search(r" item \d+$", label) else f"'{label.split('.')[-1].split(' ')[-1]}:'"
                self.error(node, f"{label}: is empty (write the text after {after})")
            return None
        value = node.value
        if len(value) > max_len:
            self.error(node, f"{label}: {len(value):,} characters; at most {max_len:,} fit here (shorten it"
                             f"{misread.pasted(label, len(value))})")
            return None
        bad = bad_char(value)
        if bad:
            self.error(node.where.of(value, value.index(bad)), f"{label}: contains the invisible character U+{ord(bad):04X} ({unicodedata.name(bad, 'control character')}); delete it and retype the text around it")
            return None
        why = rtl.problem(value)
        if why:
            self.error(node.where.of(value, why[1]), f"{label}: {why[0]}")
            return None
        value = value.strip()
        if not value:
            if required:
                self.error(node, f"{label}: is empty (write the text)")
            return None
        self._code_hints(node, label, node.value)
        self.texts.append((node.where, value))
        return value

    def _code_hints(self, node, label: str, raw: str) -> None:
        """A ``` block never closed; a multi-line prompt or summary typed as a program but not fenced (codehints)."""
        at = codehints.unclosed(raw) if "```" in raw else None
        if at is None and "\n" in raw.strip() and (label == "summary" or label.endswith(".prompt")):
            at, what = codehints.unfenced_program(raw), codehints.UNFENCED
        else:
            what = codehints.UNCLOSED
        if at is not None:
            self.warn(node.where.of(raw, at), f"{label}: {what}")

    def texts_list(self, node: Optional[Node], label: str) -> tuple[str, ...]:
        if node is None:
            return ()
        out = []
        listed = label.rsplit(".", 1)[-1]
        for i, item in enumerate(self.seq(node, label), 1):
            if listed in syntax.TEXT_LISTS:
                if self.colon_item(item, f"{label} item {i}", listed):
                    continue
                self.and_item(node, item, f"{label} item {i}", syntax.TEXT_LISTS[listed][0])
            value = self.text(item, f"{label} item {i}", required=True)
            if value is not None:
                out.append(self.typed_bullet(item, value, f"{label} item {i}"))
        return tuple(out)

    def typed_bullet(self, item: Node, value: str, label: str) -> str:
        """A list item that starts with a bullet of its own ('- • Cross products…', pasted from a word
        processor) would print two: the typed one is left out, with a warning at it."""
        if value[0] not in BULLETS or not value[1:].strip():
            return value
        self.warn(item.where.of(item.value, item.value.index(value[0])),
                  f"{label}: starts with a typed bullet '{value[0]}' (pasted from a word processor?); the '- ' "
                  f"already prints one, so this one is left out (delete it)")
        kept = value[1:].strip()
        self.texts[-1] = (self.texts[-1][0], kept)
        return kept

    def number(self, node: Optional[Node], label: str, low: float, high: float, integer: bool = False,
               decimals: Optional[int] = None) -> Optional[float]:
        """A number from ``low`` to ``high`` (-0 is 0); with ``decimals``, refused past that many places
        (``points: 999.99999`` would print as 1000, ``0.3333333`` as 0.333333: the key's total would not
        be what the teacher typed)."""
        if missing(node):
            return None
        word = "a whole number" if integer else "a number"
        if not isinstance(node, Scalar):
            self.error(node, f"{label}: expected {word}, found {self.kind(node)}")
            return None
        try:
            value = int(node.value) if integer else float(node.value)
        except ValueError:
            hint = numbers.hint(node.value, label, low, high, integer)  # '1,5' in French, '½', '2 pts'
            self.error(node, f"{label}: expected {word} from {low:g} to {high:g}, found '{clip(node.value)}'{hint}")
            return None
        if not (low <= value <= high) or value != value:
            self.error(node, f"{label}: {clip(node.value)} is out of range (use {word} from {low:g} to {high:g})")
            return None
        if decimals is not None and round(value, decimals) != value:
            near = f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
            self.error(node, f"{label}: {clip(node.value)} has more than {_WORDS.get(decimals, decimals)} decimals; write {near}"
                             f" (points are counted to the hundredth)")
            return None
        return value + 0  # -0.0 is 0

    def boolean(self, node: Optional[Node], label: str) -> Optional[bool]:
        if missing(node):
            return None
        if isinstance(node, Scalar):
            word = node.value.strip().lower()
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
            if (misread.curly_inner(word) or "") in TRUE_WORDS | FALSE_WORDS:
                self.error(node, f"{label}: {misread.uncurl(node.value)}")
                return None
            meant = SHORT_TRUE_FALSE.get(word.rstrip(".!"))  # 'T', 'F', 'True.', 'correct'
            if meant:
                self.error(node, f"{label}: expected true or false, found '{clip(node.value)}': write {meant}")
                return None
        self.error(node, f"{label}: expected true or false, found {self.kind(node)}")
        return None
