"""What every command warns about in a guide that reads: a slip that prints, but not as the teacher meant.

* two choices of one question that are the same, markup, case and spacing aside (with the answer among
  them, the question has two right answers);
* a prompt typed with its own number ('1. What...', 'Q1) What...'), printed "1. 1. What...";
* a '**' or '*' that opens emphasis and is never closed, printed as asterisks; Markdown's _italic_ and
  __bold__, and an italic opened with '_' and closed with '*', printed with their underscores;
* a zero-width space, soft hyphen, word joiner or byte-order mark pasted into text: nothing on paper, but
  in the PDF's text, where a search for the word misses it (a term is not found in its own guide).

`validate`, `build` and `export` show these with the guide's other warnings; `check` too (its own findings,
:mod:`studyguide.lint`, are the ones a build need not hear about). Pure: a Guide in, a Guide out.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from . import inline
from .errors import Location, Problem
from .model import LETTERS, Guide, MultipleChoice, SelectAll
from .reading.walker import clip


def norm(text: str) -> str:
    """``text`` as compared: its markup dropped, spacing and case aside."""
    return " ".join(inline.plain(text).split()).casefold()


def clipped(text: str) -> str:
    """Guide text quoted in a warning: its markup dropped, on one line, cut short."""
    return clip(" ".join(inline.plain(text).split()))


def after(guide: Guide, start: Location, text: str, nth: int = 1) -> Location:
    """Where ``text`` was typed the ``nth`` time at or after ``start`` (``start`` itself when it cannot be told)."""
    for where in _typed_at(guide).get(text, ()):
        if (where.file, where.line, where.col) >= (start.file, start.line, start.col):
            nth -= 1
            if not nth:
                return where
    return start


_places: tuple = ((), {})  # (the guide's texts, each text → where it was typed, in the guide's order)


def _typed_at(guide: Guide) -> dict:
    """Each of the guide's texts → the places it was typed (made once a guide: a guide of 1,000 numbered
    prompts looked through its 16,000 texts for each of them)."""
    global _places
    texts, spots = _places
    if texts is not guide.texts:
        spots = {}
        for where, typed in guide.texts:
            spots.setdefault(typed, []).append(where)
        _places = (guide.texts, spots)
    return spots


def _warn(where: Location, message: str) -> Problem:
    return Problem(where, message, warning=True)


def same_choices(guide: Guide) -> list[Problem]:
    """Two choices of a multiple-choice or select-all question that read the same."""
    out = []
    for n, q in enumerate(guide.questions, 1):
        if not isinstance(q, (MultipleChoice, SelectAll)):
            continue
        seen: dict[str, int] = {}
        for i, choice in enumerate(q.choices):
            key = norm(choice)
            if key not in seen:
                seen[key] = i
                continue
            first = seen[key]
            where = after(guide, q.where, choice, 1 if choice != q.choices[first] else 2)
            right = {q.answer} if isinstance(q, MultipleChoice) else set(q.answers)
            message = f"question {n}: choices {LETTERS[first]} and {LETTERS[i]} are the same ('{clipped(choice)}')"
            if isinstance(q, MultipleChoice) and right & {first, i}:
                message += (f" and {LETTERS[q.answer]} is the answer, so the question does not have exactly "
                            "one right answer; reword or replace one of them")
            else:
                message += "; reword or replace one of them"
            out.append(_warn(where, message))
    return out


# '1. ', '12) ', '(3) ', 'Q1. ', 'Q 2) ', 'Question 4: ': a number typed before a prompt ('1984 was', '3.5 kg'
# and '2 + 2' are not: no mark and a space after the number)
_NUMBER = re.compile(r"(?:(?:Q|Question)\s?\d{1,3}[.):]|\d{1,3}[.)]|\(\d{1,3}\))[ \t]+(?=\S)", re.I)


def own_number(prompt: str) -> Optional[str]:
    """The number typed before ``prompt`` ('1. ' of '1. What...'), or None: also for a prompt in parts
    numbered alike ('1) Name a stage. 2) Explain it.'), whose first number is its own."""
    m = _NUMBER.match(prompt)
    if not m:
        return None
    typed = m.group(0).rstrip()
    following = str(int(re.search(r"\d+", typed).group(0)) + 1)
    if re.search(rf"(?:^|\s)\(?{following}{re.escape(typed[-1])}\s", prompt[m.end():]):
        return None
    return typed + " "


def numbered_prompts(guide: Guide) -> list[Problem]:
    """A prompt typed with its own number: the questions are numbered when printed ("1. 1. What...")."""
    out = []
    for n, q in enumerate(guide.questions, 1):
        typed = own_number(q.prompt or "")
        if typed:
            out.append(_warn(after(guide, q.where, q.prompt), f"question {n}: drop '{typed}': questions are "
                                                              "numbered for you"))
    return out


# invisible characters a paste brings (U+200C/U+200D are left alone: Persian and emoji need them)
INVISIBLE = {"\u200b": "zero-width space", "\u00ad": "soft hyphen", "\u2060": "word joiner",
             "\ufeff": "zero-width no-break space"}


def invisible(guide: Guide) -> list[Problem]:
    """Text holding a character that prints as nothing but stays in the PDF's text (a pasted zero-width
    space or soft hyphen): a search for the word does not find it, a copy carries it along."""
    out = []
    for where, text in guide.texts:
        for ch, name in INVISIBLE.items():
            if ch in text:
                at = text.index(ch)
                times = f", {text.count(ch)} times" if text.count(ch) > 1 else ""
                out.append(_warn(where.of(text, at), f"'{clipped(text[max(0, at - 20):at + 20])}' holds an invisible "
                                 f"{name} (U+{ord(ch):04X}{times}): not seen on paper, it stays in the PDF's text, "
                                 "where search and copy trip on it; delete it (retype the word around it)"))
    return out


_EMPHASIS = {1: "make italic", 2: "make bold", 3: "make bold and italic"}


def unclosed_emphasis(guide: Guide) -> list[Problem]:
    """A '**' (bold) or an opening '*' (italic) that no other closes: it prints as typed, stars and all.
    A closing-looking '*' alone ('Pluto*', a note's mark) and '5 * 3' are meant to print; four or more
    stars in a row are `check`'s (:func:`studyguide.lint.star_runs`). One warning a text: the first."""
    out = []
    for where, text in guide.texts:
        stars = set(inline.printed_stars(text))
        for i in sorted(stars):
            if i - 1 in stars:
                continue
            run = next(j for j in range(i, len(text) + 1) if j == len(text) or j not in stars) - i
            before, following = text[i - 1] if i else " ", text[i + run] if i + run < len(text) else " "
            opens = (before.isspace() or before in "([{\"'“‘") and not following.isspace()
            if run > 3 or (run == 1 and not opens) or (before.isspace() and following.isspace()):
                continue  # ('Pluto*', a note's mark; '5 * 3', '2 ** 8')
            marks, side = "*" * run, ("closing", "after") if opens else ("opening", "before")
            out.append(_warn(where.of(text, i), f"the '{marks}' here has no {side[0]} '{marks}': it prints as "
                                                f"asterisks ('{clip(text[i:] if opens else text[:i + run], 30)}'); put "
                                                f"'{marks}' {side[1]} the words to {_EMPHASIS[run]}, or write \\* for each star that "
                                                "should print"))
            break
    return out


# Markdown's _italic_ and __bold__, and an italic opened with '_' and closed with '*' ('_sun ... water*'); not a
# blank's '____', a name_with_underscores or a star that closes a '*' pair
_UNDERSCORED = re.compile(r"(?<![\w\\])(__?)(?=[^\s_])(.+?)(?<=[^\s_])(\1|\*)(?![\w*])", re.S)


def underscores(guide: Guide) -> list[Problem]:
    """Emphasis typed as Markdown and chat apps write it: only stars make it here, so the underscores print
    (a lone 'water*' closing an italic opened with '_' is taken for a note's mark). One warning a text."""
    out = []
    for where, text in guide.texts:
        if "_" not in text:  # (most texts: the pattern, tried at each character, took 5 % of a guide's load)
            continue
        for m in _UNDERSCORED.finditer(text):
            if m.group(3) == "*" and (len(m.group(1)) > 1 or m.end() - 1 not in inline.printed_stars(text)):
                continue
            stars = "*" * len(m.group(1))
            typed, fixed = clip(m.group(0), 30), clip(f"{stars}{m.group(2)}{stars}", 30)
            how = f"opens with '{m.group(1)}' and closes with '*'" if m.group(3) == "*" else "has underscores"
            kind = "bold" if stars == "**" else "italic"  # ('for bold': a name such as __init__ may be meant as typed)
            out.append(_warn(where.of(text, m.start()), f"'{typed}' {how}: it prints as typed, as only stars make "
                                                        f"{kind} here; for {kind}, write {fixed}"))
            break
    return out


def warned(guide: Guide) -> Guide:
    """The guide with these warnings added to its own."""
    found = (same_choices(guide) + numbered_prompts(guide) + unclosed_emphasis(guide) + underscores(guide)
             + invisible(guide))
    return dataclasses.replace(guide, warnings=tuple(guide.warnings) + tuple(found)) if found else guide
