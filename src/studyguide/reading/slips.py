"""Small slips in a guide's text, told in words: letters typed before choices, an answer that misses
a choice by a character or a word.

Pure functions over strings; the question builders (:mod:`.questions`) put their results into
located messages.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Optional, Sequence

from .. import inline
from ..model import LETTERS
from ..scripts import folded
from .walker import clip

# the alphabets a printed test letters its choices in: Latin, Cyrillic (А Б В Г Д Е: Russian, Ukrainian,
# Bulgarian and Serbian tests agree that far) and Greek (Α Β Γ Δ)
ALPHABETS = (LETTERS, "АБВГДЕ", "ΑΒΓΔΕΖΗΘ")
_ANY = "".join(ALPHABETS) + "".join(ALPHABETS).lower()
# 'A) ', 'A. ', '(a) ', 'b) ', 'A: ', 'А) ', 'б. ', 'α) ': a letter typed before a choice, as on a printed test
_OWN_LETTER = re.compile(rf"\(([{_ANY}])\)\s+|([{_ANY}])[.):]\s+")
_SEVERAL = re.compile(r"([A-Za-z])(?:\s*(?:[,;&/]|\band\b|\s)\s*([A-Za-z]))+")  # 'B, C', 'B and D', 'A C'
SELECT_ALL = "for several right answers use type: select_all"
CLOSE = 0.75  # how alike (difflib's ratio, case aside) an answer must be to a choice to be named as meant


def own_letter(text: str) -> Optional[tuple[str, str]]:
    """(the letter, the prefix as typed with one space after it) when ``text`` starts with a letter
    of its own ('A) The storm' → ('A', 'A) ')), else None."""
    m = _OWN_LETTER.match(text)
    if not m:
        return None
    return (m.group(1) or m.group(2)), m.group(0).rstrip() + " "


def several_letters(text: str, count: int) -> bool:
    """Whether ``text`` is two or more answer letters of ``count`` choices ('B, C', 'a and d'), all capitals
    or all small ('A, C e D' is Portuguese or Italian for A, C and D, or the letters A, C, E, D: not told)."""
    letters = re.findall(r"\b[A-Za-z]\b", text)
    return bool(_SEVERAL.fullmatch(text.strip())) and len({c.isupper() for c in letters}) == 1 and all(
        letter.upper() in LETTERS[:count] for letter in letters)


def odd_case_letter(text: str) -> Optional[str]:
    """In answer letters said aloud with capitals, a small one ('e' of 'A, C e D': the word 'and' in
    Portuguese and Italian, or the letter E?); None when ``text`` is not such letters, or all one case."""
    letters = re.findall(r"\b[A-Za-z]\b", text)
    if not _SEVERAL.fullmatch(text.strip()) or len({c.isupper() for c in letters}) == 1:
        return None
    return next(c for c in letters if c.islower())


def _in_order(letters: list[str]) -> bool:
    """Whether ``letters`` are the first letters of one alphabet, in its order (A B C, а б в, Α Β Γ): a
    Russian choice may start with a one-letter word ('В городе', 'И', 'С'), but not a run А Б В."""
    return any("".join(letters).upper() == alphabet[:len(letters)] for alphabet in ALPHABETS)


def lettered(choices: list[str]) -> Optional[str]:
    """The first choice's typed letter ('A) ') when every choice starts with its own letter, in order
    (A), B), C) … or a. b. c. …, А) Б) В) …, α) β) γ) …); None otherwise (a single 'A cell wall' has no
    mark after its A)."""
    found = [own_letter(c) for c in choices]
    if len(found) < 2 or not all(found):
        return None
    if _in_order([f[0] for f in found]) \
            and not initials([c[len(f[1]):] for c, f in zip(choices, found)], found[0][1]):
        return found[0][1]
    return None


# '1. ', '1) ', '(1) ', '1: ', 'Step 1: ': a number typed before an ordering item, as on a worksheet
_OWN_NUMBER = re.compile(r"(?:(?:step|paso|étape|etape|schritt|passo)\s*(\d{1,2})\s*[.):\-–—]?"
                         r"|\((\d{1,2})\)|(\d{1,2})[.):])\s+", re.IGNORECASE)


def numbered(items: list[str]) -> Optional[tuple[int, str]]:
    """(the index of the first numbered item, its number as typed with one space after it) when two or
    more ordering items start with their own numbers and each number is the item's place in the list
    ('1. The Stamp Act', '2. The Boston Massacre', then items with none); None otherwise: one item that
    starts with a number ('1. Wake up' among unnumbered ones), or numbers out of step with the places
    (years, amounts), say nothing of the order."""
    found = [(i, m) for i, m in enumerate(_OWN_NUMBER.match(text) for text in items) if m]
    if len(found) < 2 or any(int(next(g for g in m.groups() if g)) != i + 1 for i, m in found):
        return None
    return found[0][0], found[0][1].group(0).rstrip() + " "


def numbered_items(node) -> Optional[tuple[object, str]]:
    """(the first numbered item's node, its number as typed) for ordering items typed with their places
    (:func:`numbered`), also as keys ('- Step 1: Mix the flour' and '- 1: Mix the flour' are read as
    'key: value'; the usual advice, quotes, would leave the numbers in); None otherwise."""
    from .loader import Map, Scalar, Seq

    items = node.items if isinstance(node, Seq) else []
    typed = [f"{i.pairs[0][0].value}: " if isinstance(i, Map) and len(i.pairs) == 1 and i.pairs[0][0].plain
             else i.value if isinstance(i, Scalar) else "" for i in items]
    found = numbered(typed)
    return (items[found[0]], found[1]) if found else None


def initials(rests: list[str], typed: str) -> bool:
    """Whether choices typed 'A. Lincoln', 'B. Franklin', 'C. Coolidge' are people's names with their
    initials (``rests``: each choice after its 'A. '): a capital and '.' starts a name as often as it
    letters a choice, so 'A. ' letters the choices only when one goes on with a word in small letters
    ('A. The storm'); 'A) ', '(a) ', 'a. ' and 'A: ' start no name."""
    if not (len(typed) == 3 and typed[0].isupper() and typed[1:] == ". "):
        return False
    return all(rest.split() and all(w[0].isupper() for w in rest.split()) for rest in rests)


def lettered_line(text: str) -> Optional[str]:
    """The typed 'A) ' when one line of text holds lettered choices: 'A) The storm B) Mara's birthday'."""
    first = own_letter(text)
    alphabet = next((a for a in ALPHABETS if first and first[0].upper() == a[0]), None)
    if not alphabet:
        return None
    if initials([text[len(first[1]):]], first[1]):  # 'A. Lincoln B. Franklin': names, initials first
        return None
    b = alphabet[1] if first[0].isupper() else alphabet[1].lower()
    after = first[1].strip().replace(first[0], b)  # 'B)', 'B.' or '(B)'; 'Б)', 'β)'
    return first[1] if re.search(r"(^|\s)" + re.escape(after) + r"\s", text[len(first[1]):]) else None


_SCRIPTS = {ALPHABETS[1]: "CYRILLIC", ALPHABETS[2]: "GREEK"}  # (the letters of the alphabets after Latin)


def place_in_alphabet(value: str, choices: Sequence[str] = ()) -> Optional[int]:
    """The place (1, 2, …) of a choice's letter typed in Cyrillic or Greek ('Б' or 'β' → 2), else None;
    only when ``choices`` are written in that alphabet (Russian choices lettered А, Б, В in the teacher's
    head), or have no letters: 'γ' with 'γ rays, α particles, β particles' names a choice, not the third."""
    for alphabet, script in _SCRIPTS.items():
        if len(value) == 1 and value.upper() in alphabet:
            letters = [unicodedata.name(ch, "") for c in choices for ch in c if ch.isalpha()]
            if letters and sum(name.startswith(script) for name in letters) * 2 <= len(letters):
                return None
            return alphabet.index(value.upper()) + 1
    return None


def _within(part: str, whole: str) -> bool:
    """Whether ``part`` stands in ``whole`` as whole words, capitals aside ('Augustus' in 'Emperor Augustus')."""
    one = len(part) == 1 and part.upper() in "".join(ALPHABETS[1:])  # 'γ' in 'γ rays': a Greek letter
    label = r"(?![.)])" if one else ""  # (not 'Б. в горы': a letter typed as a choice's label, not a word)
    return (one or sum(ch.isalnum() for ch in part) >= 2) and bool(
        re.search(rf"(?<!\w){re.escape(part.casefold())}(?!\w){label}", whole.casefold()))


def loose(text: str) -> str:
    """A text as an answer typed as text is matched to a choice: emphasis, capitals, spacing and the marks
    around it aside ('neon.', 'NEON' and '**Neon**' are 'neon'; a sign or a decimal point before a number
    counts: '-5' is not '5', nor '.5')."""
    return " ".join(inline.plain(text).split()).rstrip(".,;:!?…").lstrip("¡¿").strip().casefold()


def closest(value: str, choices: tuple[str, ...]) -> Optional[int]:
    """The index of the one choice ``value`` is close to (a missing final '.', a typo), or the one it is the
    start of, up to a word's end ('12 cookies' for '12 cookies per cup'), if there is one; else of the one
    choice it holds as whole words, or is held by ('Emperor Augustus' for 'Augustus', 'Nile' for 'The Nile')."""
    typed = value.strip().casefold()
    starts = [i for i, c in enumerate(choices) if c.casefold().startswith(typed)
              and not c[len(typed):len(typed) + 1].isalnum()]
    if len(starts) == 1 and sum(ch.isalnum() for ch in typed) >= 2:
        return starts[0]
    scores = [difflib.SequenceMatcher(None, value.casefold(), c.casefold(), autojunk=False).ratio() for c in choices]
    best = max(range(len(choices)), key=scores.__getitem__)
    if scores[best] >= CLOSE and sum(1 for s in scores if s >= scores[best] - 0.02) == 1:
        return best
    typed = " ".join(value.split())
    held = [i for i, c in enumerate(choices) if _within(" ".join(c.split()), typed) or _within(typed, c)]
    return held[0] if len(held) == 1 else None  # close to none, or to two alike


def _common(a: str, b: str) -> tuple[int, int]:
    """The lengths of the start and of the end ``a`` and ``b`` share (not overlapping); all of the shorter
    as their end when it is the end of the other but not its start ('Tiber', 'The Tiber')."""
    short, long_ = sorted((a, b), key=len)
    if long_.endswith(short) and not long_.startswith(short):
        return 0, len(short)
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


def _words(a: str, b: str, p: int, s: int) -> tuple[int, int]:
    """The shared start and end pulled back so that a difference inside a word shows the whole word."""
    def differs_at(i_a: int, i_b: int) -> bool:
        return any(0 <= i < len(t) and t[i].isalnum() for i, t in ((i_a, a), (i_b, b)))
    while p > 0 and a[p - 1].isalnum() and differs_at(p, p):
        p -= 1
    while s > 0 and a[len(a) - s].isalnum() and differs_at(len(a) - s - 1, len(b) - s - 1):
        s -= 1
    return p, s


def difference(value: str, choice: str) -> str:
    """How ``value`` differs from ``choice``, from the student's answer's side: "your answer lacks the
    final '.'", "your answer has 'towr' where the choice has 'tower'"."""
    p, s = _words(value, choice, *_common(value, choice))
    mine, theirs = value[p:len(value) - s], choice[p:len(choice) - s]
    after = choice[len(choice) - s:].split()
    before = f" before '{clip(after[0], 20)}'" if after else ""
    if not mine:
        if not s:
            return f"your answer lacks the final '{_q(theirs)}'"
        return f"your answer lacks '{_q(theirs)}'{before}" if p else f"your answer lacks the opening '{_q(theirs)}'"
    if not theirs:
        if not s:
            return f"your answer has an extra '{_q(mine)}' at the end"
        return f"your answer has an extra '{_q(mine)}'{before}"
    return f"your answer has '{_q(mine)}' where the choice has '{_q(theirs)}'"


def _q(part: str) -> str:
    """A differing part, quoted: its spaces at the ends dropped unless it is nothing else."""
    return clip(part.strip() or part, 30)


def shown(choice: str, value: str, size: int = 40) -> str:
    """``choice`` quoted in a message, cut to about ``size`` characters so that the part where it
    differs from ``value`` still shows: 'Mara climbs … of the tower.'"""
    if len(choice) <= size:
        return choice
    p, s = _words(value, choice, *_common(value, choice))
    if p < size - 5:  # the difference is near the start: the usual cut shows it
        return clip(choice, size)
    head = choice[:size // 3].rsplit(" ", 1)[0]
    start = max(0, min(p - 8, len(choice) - size * 2 // 3))
    if start and choice[start - 1] != " " and " " in choice[start:p]:
        start = choice.index(" ", start) + 1  # from a word's start
    tail = choice[start:]
    return f"{head} … {tail if len(tail) <= size * 2 // 3 else tail[:size * 2 // 3 - 1] + '…'}"


def term_twice(seen: dict, term: str, label: str, line: int) -> Optional[tuple[str, bool]]:
    """The message for a vocabulary term given before, and whether it is only a warning; None for a
    new term. ``seen`` keeps the terms so far. The same term again (a copied entry whose term was not
    changed) is an error: matching would print 'plot' twice with two meanings, the crossword and the
    flashcards ask twice for one word, and a student could not tell which meaning goes with which.
    A term that differs from one before only in capitals is a warning: it may be another word
    ('Papa' the pope, 'papa' a potato; German 'Weg' and 'weg'), but both print, told apart by a capital."""
    typed = " ".join(term.split())
    before = seen.setdefault(typed.casefold(), {})
    if typed in before:
        first, at = before[typed]
        return (f"{label}.term: '{clip(term)}' is the term of {first} too (line {at}); each term is listed once: "
                "change this one, or leave it out"), False
    before[typed] = (label, line)
    if len(before) == 1:
        return None
    other, (first, at) = next(iter(before.items()))
    return (f"{label}.term: '{clip(term)}' differs only in capitals from '{clip(other)}', the term of {first} "
            f"(line {at}); matching and flashcards print both, told apart by the capital alone: if they are "
            "one word, leave one out"), True


def _bare(term: str) -> str:
    """A term without its accents, spacing and capitals: 'Résumé' → 'resume'."""
    return folded(" ".join(term.split()))


def term_accents(seen: dict, term: str, label: str, line: int) -> Optional[str]:
    """The warning for a vocabulary term that differs from an earlier one only in its accents
    ('résumé' after 'resume'), else None; ``seen`` keeps the terms so far. A warning, not an error: they
    are different words, but in the matching and word-bank sentences only the accents tell them apart."""
    key = _bare(term)
    if key not in seen:
        seen[key] = (label, term, line)
        return None
    first, typed, at = seen[key]
    if " ".join(typed.split()).casefold() == " ".join(term.split()).casefold():
        return None  # only in capitals ('Weg', 'weg'): term_twice's warning
    return (f"{label}.term: '{clip(term)}' differs from '{clip(typed)}' ({first}, line {at}) only in its accents: "
            "in the matching and the word-bank sentences only the accents tell the two apart; check that you "
            "meant both, or give one of them another term")


SINGLE_RE = re.compile(r"\[([^\[\]\n]+)\]")  # [answer]: a blank with one bracket too few
# brackets an editor puts in a quotation on purpose: [sic], an ellipsis [...] and a note number [3]
EDITORIAL_RE = re.compile(r"(?i)sic|\.\.\.|…|\d+")


def single_bracket(text: str):
    """The first [word] that looks like a blank typed with one bracket too few, if any."""
    return next((m for m in SINGLE_RE.finditer(text) if not EDITORIAL_RE.fullmatch(m.group(1).strip())), None)
