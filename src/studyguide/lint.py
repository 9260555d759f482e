"""`studyguide check`: what a guide's schema allows but a teacher would want to fix.

Pure: a :class:`~studyguide.model.Guide` in, located warnings out; no
reportlab (the one check that needs the layout, a question taller than a
page, takes the measured heights as an argument; :mod:`studyguide.budget`
measures them).

Each finding is a :class:`~studyguide.errors.Problem` with ``warning=True``,
located at the line and column of the text it is about (a choice, a term, an
objective) or of the question, and printed as ``file:line:col: warning: ...``.

Checks:

* (two choices that are the same, a numbered prompt, an unclosed ``**`` and an invisible
  character pasted into text are :mod:`studyguide.noticed`'s: every command warns about those,
  `check` with them);
* a matching question with two lefts (or two rights) that are the same;
* the same question twice (type and prompt, case, spacing and markup aside);
* four or more stars in a row ('**********deep**********'), which no emphasis reads;
* three or more multiple-choice questions whose answers are all the same letter (in the copy with reduced
  choices too, when the guide's are not);
* a question whose own text names its choices by letter ('Choice C is …'), which versions keep in order;
* a word bank of two or three blanks, which lists only their answers;
* "all of the above" or "none of the above" (or "both"/"neither of the
  above") that is not the last choice;
* a vocabulary term used nowhere else in the guide (whole words, any case, a
  plural "s"/"es" allowed either way, accents aside; in other languages than
  English up to three more letters, as in "constitución"/"constituciones"; a Spanish, Portuguese, French or
  Italian verb, defined by an infinitive or 'to ...', in its forms of up to four letters after its stem,
  "adelgaza" for "adelgazar"; in
  Chinese or Japanese anywhere in a line, since words there have no spaces
  between them; the term's own definition and example do not count); more
  than five such terms are one finding, at the first, with their count and
  lines (a vocabulary list to learn is not a mistake);
* some questions with points and others without (those are worth 0);
* a question taller than a page (it will be split across pages);
* a word bank of several blanks whose only capitalised words answer the blanks that start a sentence;
* objectives that no question checks, when at least one question names the
  objective it checks (`objective:`);
* an arrow pointing right (→, ⇒) between two Hebrew or Arabic words, which prints pointing back (they read
  right to left): '←' says what was meant;
* the starter's placeholder text left in (`studyguide new`: 'My Study Guide', its
  sample questions): one finding per section, one per sample question.

A fill-in-the-blank prompt without a blank is not here: the guide does not
load at all then (`studyguide validate` reports it).
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import Optional, Sequence

from . import banks, inline, lettered, minus, notation, scripts, tfruns, variants
from .errors import Location, Problem
from .activities.articles import head_word, noun_forms
from .activities.verbs import verb_forms
from .activities.cloze import noun_of
from .capitals import bank_capitals
from .model import LETTERS, FillInBlank, Guide, Matching, MultipleChoice, SelectAll
from .noticed import after, clipped, norm
from .reading.walker import clip, count
from .starterleft import _placeholders, starter_left, starter_text  # (lint's names too: check gives them all)
from .variants import about_the_others


_norm, _clip = norm, clipped  # (shared with the warnings every command gives)


def _after(guide: Guide, start: Location, text: str) -> Location:
    """Where ``text`` was typed, at or after ``start`` (``start`` itself when it cannot be told)."""
    return after(guide, start, text)


def _run(guide: Guide, items: Sequence[str]) -> list[Location]:
    """Where each of ``items``, typed one after another (a list in the guide), was typed."""
    texts = guide.texts
    n = len(items)
    for j in range(len(texts) - n + 1):
        if all(texts[j + k][1] == items[k] for k in range(n)):
            return [texts[j + k][0] for k in range(n)]
    return [Location(str(guide.path))] * n


def _warn(where: Location, message: str) -> Problem:
    return Problem(where, message, warning=True)


def choices(guide: Guide) -> list[Problem]:
    out = []
    for n, q in enumerate(guide.questions, 1):
        if not isinstance(q, (MultipleChoice, SelectAll)):
            continue
        for i, choice in enumerate(q.choices[:-1]):
            if about_the_others(inline.plain(choice)):
                out.append(_warn(_after(guide, q.where, choice),
                                 f"question {n}: '{_clip(choice)}' is choice {LETTERS[i]}, not the last one; move it "
                                 "to the end (it is about the choices above it)"))
    return out


def pairs(guide: Guide) -> list[Problem]:
    """A matching question whose left (or right) column says the same thing twice: a student cannot
    tell the two apart, and the key gives two different answers for one item."""
    out = []
    for n, q in enumerate(guide.questions, 1):
        if not isinstance(q, Matching):
            continue
        for side in ("left", "right"):
            seen: dict[str, int] = {}
            for i, pair in enumerate(q.pairs):
                text = getattr(pair, side)
                first = seen.get(_norm(text))
                if first is not None:
                    same = getattr(q.pairs[first], side) == text
                    where = _nth(guide, q, text, 2) if same else _after(guide, q.where, text)
                    out.append(_warn(where, f"question {n}: pairs {first + 1} and {i + 1} have the same {side} "
                                            f"('{_clip(text)}'); reword or replace one of them"))
                seen.setdefault(_norm(text), i)
    return out


def repeated_questions(guide: Guide) -> list[Problem]:
    """A question asked twice (the same type and prompt, case, spacing and markup aside): a copied entry
    whose prompt was not changed, or one pasted twice; it prints twice and counts twice in the total."""
    out, seen = [], {}
    for n, q in enumerate(guide.questions, 1):
        first = seen.setdefault((q.kind, _norm(q.prompt)), n)
        if first != n:
            was = guide.questions[first - 1]
            line = _after(guide, was.where, was.prompt).line
            out.append(_warn(_after(guide, q.where, q.prompt), f"question {n} asks what question {first} (line "
                             f"{line}) asks ('{_clip(q.prompt)}'); change its prompt, or delete one of them"))
    return out


def true_false_run(guide: Guide) -> list[Problem]:
    """Five or more true/false questions in a row with the same answer, in the guide's own order (versions draw
    orders without such a run where one exists: variants.long_run), at the run's first question."""
    length, i = variants.same_run(guide.questions)
    if length < variants.SAME_RUN:
        return []
    word, other = ("true", "false") if guide.questions[i].answer else ("false", "true")
    fix = "reorder them" if tfruns.avoidable(guide.questions, i) else \
        f"no order of them avoids it, so rewrite some as {other} statements (at most 4 {word} in a row)"
    return [_warn(guide.questions[i].where, f"questions {i + 1} to {i + length}: the answers of {length} true/false "
                                            f"questions in a row are all {word}; students may notice: {fix}")]


def _nth(guide: Guide, q, text: str, nth: int) -> Location:
    """The ``nth`` place ``text`` was typed after the question's start."""
    return after(guide, q.where, text, nth)


def same_letter(guide: Guide, written: Optional[Guide] = None) -> list[Problem]:
    """Three or more multiple-choice questions whose answers are all the same letter. ``written``: the guide
    as written, when ``guide`` is its copy with reduced choices (the letters there are the copy's own: when
    the written ones differ, the message names the copy and a swap in the guide that undoes it)."""
    mc = [(n, q) for n, q in enumerate(guide.questions, 1) if isinstance(q, MultipleChoice)]
    letters = {q.answer for _, q in mc}
    if len(mc) < 3 or len(letters) != 1:
        return []
    letter = LETTERS[letters.pop()]
    if written is None or variants.one_letter(written.questions) is not None:
        return [_warn(mc[0][1].where, f"the answers of all {len(mc)} multiple-choice questions are {letter}; "
                                      "students may notice: move some right answers to other letters")]
    n, swap = variants.undoing_swap(written)
    fix = (f"in the guide, swap question {n}'s right answer with its choice {LETTERS[swap]} "
           f"('{_clip(written.questions[n - 1].choices[swap])}')" if swap is not None else
           "in the guide, give one question's right answer another place among its choices")
    return [_warn(written.questions[n - 1].where, f"in the copy with reduced choices (one wrong choice left out of "
                  f"each multiple-choice question), the answers of all {len(mc)} multiple-choice questions are "
                  f"{letter}; students may notice: {fix}")]


def bank_answers(guide: Guide, written: Optional[Guide] = None) -> list[Problem]:
    """A word bank of a question with two or three blanks, which lists only their answers, so that a student
    who knows all but one is given the last: of three (no word is added to it: a word more on each bank of
    several blanks cost pages), or of two when the guide has no word of their kind to add as a spare (see
    banks.banked). Four or more words are a bank to choose from, as a single blank's four are.
    ``written``: the guide as written, when ``guide`` is its accommodated copy (its banks have no key to leave out)."""
    out = []
    for n, q in enumerate(banks.banked(guide).questions, 1):  # (as printed: with their spare words)
        given = written is not None and not getattr(written.questions[n - 1], "word_bank", True)
        answers = list(dict.fromkeys(b.answer for b in q.blanks)) if isinstance(q, FillInBlank) else []
        if 2 <= len(answers) <= 3 and q.word_bank and not q.bank:
            words, knows = " · ".join(_clip(a) for a in q.bank_in(guide.language)), "one" if len(answers) == 2 else "two"
            out.append(_warn(q.where, f"question {n}: {'in the copy with word banks, ' if given else ''}its word bank "
                                      f"holds only the {len(answers)} answers of its blanks ({words}), so a student who "
                                      f"knows {knows} is given the last; split it into questions of one blank each (each "
                                      "gets a bank of four words)" + ("" if given else ", or leave out 'word_bank'")))
    return out


_folded = scripts.folded  # 'Constitución' and 'constitucion' match


@lru_cache(maxsize=None)
def _unspaced() -> re.Pattern:
    """Scripts written without spaces between words: a term there is found inside the line. Compiled when first
    needed (`build` imports this module for the starter's text: 2 ms of its start-up)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def _variants(term: str, english: bool = True) -> list[str]:
    words = _folded(inline.plain(term)).split()
    if not words:
        return []
    last = words[-1]
    if not english:  # plurals and endings differ by language: the word and up to three more letters
        head = r"\s+".join(re.escape(w) for w in words)
        return [head + r"\w{0,3}"]
    forms = {last, last + "s", last + "es"}
    if len(last) > 3 and last.lower().endswith("s"):
        forms.add(last[:-1])
        if last.lower().endswith("es"):
            forms.add(last[:-2])
    if len(last) > 3 and last.lower().endswith("ies"):
        forms.add(last[:-3] + "y")
    if len(last) > 2 and last.lower().endswith("y"):
        forms.add(last[:-1] + "ies")
    head = r"\s+".join(re.escape(w) for w in words[:-1])
    return [(head + r"\s+" if head else "") + re.escape(f) for f in sorted(forms)]


FEW_UNUSED = 5  # more unused terms than this are said in one line


def unused_terms(guide: Guide) -> list[Problem]:
    flat: list[str] = []
    sizes = []
    for t in guide.vocabulary:
        own = [t.term, t.definition] + ([t.example] if t.example else [])
        flat += own
        sizes.append(len(own))
    spots = _run(guide, flat) if flat else []
    # every text folded once and searched as one ('\0' between texts: no pattern crosses it), not once a term
    wheres, folded = [where for where, _ in guide.texts], [_folded(inline.plain(text)) for _, text in guide.texts]
    joined, starts = "\0".join(folded), list(itertools.accumulate((len(f) + 1 for f in folded[:-1]), initial=0))
    out = []
    k = 0
    for t, size in zip(guide.vocabulary, sizes):
        mine = set(spots[k:k + size])  # the term's own entry (term, definition, example) is not "elsewhere"
        where = spots[k]
        k += size
        english = guide.language.split("-")[0].lower() == "en"
        forms = _variants(t.term, english=english)
        noun = noun_of(t.term, guide.language)  # 'la mamá' is used in 'mi mamá', as the cloze finds it (trial r14 #9)
        forms += noun_forms(_folded(noun).split(), guide.language) if noun else []
        forms += verb_forms(_folded(inline.plain(t.term)).split(), guide.language, _folded(inline.plain(t.definition))) \
            if not noun else []  # ('adelgaza' of 'adelgazar: Perder peso')
        bare = head_word(inline.plain(t.term), "en") if english else ""  # 'the Senate' is used where 'Senate' is
        forms += _variants(bare) if bare else []
        if not forms:
            continue
        edge = ("", "") if _unspaced().search(t.term) else (r"(?<!\w)", r"(?!\w)")
        pattern = re.compile(edge[0] + "(?:" + "|".join(forms) + ")" + edge[1])
        if not any(wheres[bisect.bisect_right(starts, m.start()) - 1] not in mine for m in pattern.finditer(joined)):
            out.append((where, t.term))
    if len(out) > FEW_UNUSED:  # a vocabulary list to learn: one line, not one a term, which would hide the rest
        rows = [where.line for where, _ in out]
        lines = f"lines {rows[0]}–{rows[-1]}" if len(rows) > 10 else "lines " + ", ".join(map(str, rows))
        return [_warn(out[0][0], f"{len(out)} of {len(guide.vocabulary)} vocabulary terms are used nowhere else in the "
                                 f"guide ({lines}): fine for a vocabulary list to learn; otherwise use them in the "
                                 "reading or a question, or leave them out")]
    return [_warn(where, f"vocabulary term '{_clip(term)}' is used nowhere else in the guide; use it in the reading "
                         "or a question, or leave it out") for where, term in out]


def tall_questions(guide: Guide, heights: Optional[Sequence[float]], page_height: Optional[float]) -> list[Problem]:
    if not heights or not page_height:
        return []
    out = []
    for n, (q, h) in enumerate(zip(guide.questions, heights), 1):
        if h > page_height:
            out.append(_warn(q.where, f"question {n} is taller than a page (about {h / page_height:.1f} pages) and "
                                      "will be split across pages; shorten it, or give it fewer lines or choices"))
    return out


def unchecked_objectives(guide: Guide) -> list[Problem]:
    if not guide.objectives or not any(q.objective is not None for q in guide.questions):
        return []
    checked = {q.objective for q in guide.questions}
    spots = _run(guide, guide.objectives)
    return [_warn(spots[i], f"objective {i + 1} ('{_clip(text)}') is not checked by any question; add "
                            f"'objective: {i + 1}' to a question that checks it, or a new question")
            for i, text in enumerate(guide.objectives) if i not in checked]


_STARS = re.compile(r"(?<![*\\])\*{4,}")  # four or more stars in a row, the first not escaped


def star_runs(guide: Guide) -> list[Problem]:
    """Four or more stars in a row ('**********deep**********'): only ``*`` (italic), ``**`` (bold) and
    ``***`` (both) are read, so the rest vanish or print, and what prints is not what was typed."""
    out = []
    for where, text in guide.texts:
        m = _STARS.search(text)
        if m:
            out.append(_warn(where.of(text, m.start()), f"'{clip(text.strip())}' has {len(m.group())} stars in "
                             f"a row, and prints as '{clip(inline.plain(text).strip())}': only *italic*, **bold** "
                             "and ***both*** are read; write one of those, or \\* for each star that should print"))
    return out


# an arrow the Unicode algorithm does not mirror, between two Hebrew or Arabic words with only spaces and marks
# between: the words print right to left, the arrow as typed ('أب → أبي' prints 'أبي → أب', pointing back)
_ARROW = re.compile("([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc][\\W\\d]*?)\\s*([\u2192\u21d2\u27f6\u27f9\u2794\u279c\u27a1])"
                    "\\s*(?=[^\\w\\s]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])")
_BACK = {"\u2192": "\u2190", "\u21d2": "\u21d0", "\u27f6": "\u27f5", "\u27f9": "\u27f8", "\u2794": "\u2190",
         "\u279c": "\u2190", "\u27a1": "\u2b05"}


def arrows(guide: Guide) -> list[Problem]:
    """An arrow pointing right between two Hebrew or Arabic words: the words print right to left and the arrow
    does not turn, so a reader going from the first word to the second meets an arrow pointing back."""
    out = []
    for where, text in guide.texts:
        m = _ARROW.search(text)
        if m:
            arrow = m.group(2)
            out.append(_warn(where.of(text, m.start(2)), f"'{clip(text.strip())}': the words either side of "
                             f"'{arrow}' read right to left, so it prints pointing from the second word back to "
                             f"the first; write '{_BACK[arrow]}' there, which prints pointing from the first word "
                             "to the second"))
    return out


def unpointed(guide: Guide) -> list[Problem]:
    """Some questions with points and others without: those are worth 0, in the total and in the exports."""
    none = [q for q in guide.questions if q.points is None]
    if not none or len(none) == len(guide.questions):
        return []
    lines = ", ".join(str(q.where.line) for q in none[:5]) + (" and more" if len(none) > 5 else "")
    one = len(none) == 1
    return [_warn(none[0].where, f"{len(none)} of {count(len(guide.questions), 'question')} {'has' if one else 'have'} "
                                 f"no points (worth 0): line{'' if one else 's'} {lines}; give {'it' if one else 'each'} "
                                 "'points:', or take 'points:' off the others")]


def check(guide: Guide, heights: Optional[Sequence[float]] = None, page_height: Optional[float] = None,
          starter: Optional[str] = None, written: Optional[Guide] = None) -> list[Problem]:
    """Every finding, in the order of the file; ``starter``: the text of the starter guide, whose
    placeholders left in are found; ``written``: the guide as written, when ``guide`` is its accommodated copy."""
    found = (choices(guide) + pairs(guide) + repeated_questions(guide) + same_letter(guide, written) + true_false_run(guide) + unused_terms(guide) + tall_questions(guide, heights, page_height)
             + unchecked_objectives(guide) + unpointed(guide) + star_runs(guide) + lettered.warnings(guide) + bank_answers(guide, written)
             + bank_capitals(guide) + arrows(guide) + notation.warnings(guide) + minus.warnings(guide) + (starter_text(guide, starter) if starter else []))
    return sorted(found, key=lambda p: ((p.where.file, p.where.line, p.where.col), p.message))
