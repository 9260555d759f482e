"""What is printed from a guide: the whole handout, a quiz, an exit ticket.

Each format is the same Guide with its chosen questions (select.py) and its ``format`` set; the
layout (layout/formats.py) decides which sections a format prints. So versions, editions, the
class set and the key work on every format the way they work on the handout.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

from . import labels, select
from .errors import GuideError, Location, Problem
from .model import Accommodations, Guide

FORMATS = ("handout", "quiz", "exit-ticket", "notes", "cornell", "organizers")
READING = ("notes", "cornell", "organizers")  # made from the reading: no questions
TICKET_MOST = 3  # questions an exit ticket holds


# the accommodations a format without questions has a use for (the others are for questions): guided notes'
# blanks take a word bank; Cornell notes' too, and their summary to write the extra lines; organizers neither
TAKES = {"notes": ("word_bank",), "cornell": ("word_bank", "extra_lines"), "organizers": ()}
_WHY = {"reduced_choices": "have no multiple-choice questions", "word_bank": "have no blanks",
        "extra_lines": "have no answer lines", ("organizers", "extra_lines"): "have their boxes ruled to a set size"}
_WHAT = {"notes": "guided notes", "cornell": "Cornell notes", "organizers": "graphic organizers"}


def accommodated(fmt: Optional[str], acc: Accommodations) -> Accommodations:
    """``acc`` as a copy in ``fmt`` takes it: an accommodation that changes nothing in that format is left out,
    so that no copy is named for, or made for, what it does not have (trial r12 #8: notes named
    `-word-bank-extra-lines-2` were the standard notes, pixel for pixel)."""
    if fmt not in TAKES:
        return acc
    return Accommodations(word_bank=acc.word_bank and "word_bank" in TAKES[fmt],
                          extra_lines=acc.extra_lines if "extra_lines" in TAKES[fmt] else 0)


def unused(guide: Guide, acc: Optional[Accommodations]) -> list[Problem]:
    """The warning for the accommodations ``acc`` (the guide's with the flags) that ``guide``'s format leaves out,
    at the guide's `accommodations:` line: why, and what the accommodated copy has, or that none is made."""
    fmt = guide.format
    if acc is None or fmt not in TAKES:
        return []
    names = [k for k in ("reduced_choices", "word_bank", "extra_lines") if getattr(acc, k) and k not in TAKES[fmt]]
    if not names:
        return []
    kept = accommodated(fmt, acc)
    have = ([f"a word bank of the notes' blanks"] if kept.word_bank else []) + \
        ([f"{kept.extra_lines} more lines for the summary"] if kept.extra_lines else [])
    said = (f"accommodations: {_WHAT[fmt]} {' and '.join(_WHY.get((fmt, k), _WHY[k]) for k in names)}, so "
            f"{' and '.join(repr(k) for k in names)} change{'s' * (len(names) == 1)} nothing in them: ")
    said += (f"the accommodated copy has {' and '.join(have)}" if have else
             f"no accommodated copy is made, as it would be the same as the standard one")
    said += " (the handout and the quiz take every accommodation)"
    return [Problem(guide.accommodations_where or Location(str(guide.path)), said, warning=True)]


FEW_BLANKS = 3  # guided or Cornell notes with fewer blanks are warned of: a page of text with a blank or two


def _check_notes(guide: Guide, fmt: str) -> Optional[Problem]:
    """Guided and Cornell notes need topics, and at least one blank in them (the message names the format asked
    for); with fewer than :data:`FEW_BLANKS`, a warning that says why (trial r10 L8: the chemistry guide's
    terms are in its `summary:`, which notes do not print, and its notes were a half-empty page with one blank)."""
    from .layout.notes import holes, lowercase, texts_of, topic_pattern

    where, asked = Location(str(guide.path)), f"--format {fmt}: " + ("Cornell" if fmt == "cornell" else "guided")
    if not guide.topics:
        raise GuideError([Problem(where, f"{asked} notes are made from the guide's 'topics:', and it has none "
                                         "(add topics with their points)")])
    taken = [word for topic in guide.topics for text, marks in texts_of(topic)
             for word in holes(text, topic_pattern(guide, topic), lowercase(guide), marks)[1]]
    if not taken:
        raise GuideError([Problem(where, f"{asked} notes would have no blanks: no vocabulary term appears in the "
                                         "topics' summaries or points (mark words to leave blank as [[word]])")])
    return _few_blanks(guide, taken, asked) if len(taken) < FEW_BLANKS else None


def _few_blanks(guide: Guide, taken: list, asked: str) -> Problem:
    """The warning for notes of one or two blanks, at the guide's `summary:` when the terms are there."""
    from .layout.notes import pattern
    from .reading.walker import clip

    topics = " ".join(" ".join((t.summary or "",) + t.points) for t in guide.topics)
    unused = [t.term for t in guide.vocabulary if not pattern([t.term], guide.language).search(topics)]
    paragraphs = [p for p in guide.summary if isinstance(p, str)]  # (and tables of figures: not searched)
    summed = [term for term in unused if any(pattern([term], guide.language).search(p) for p in paragraphs)]
    def named(terms):
        return ", ".join("'" + clip(t) + "'" for t in terms[:3]) + f" and {len(terms) - 3} more" * (len(terms) > 3)

    def are(terms, verb="are"):  # (review r10: "1 of the 5 terms ... are")
        return {"are": "is", "them": "it"}[verb] if len(terms) == 1 else verb

    distinct = list(dict.fromkeys(taken))  # ('cupola' blanked twice is one term: review r10)
    n, quoted = len(taken), named(distinct)
    if len(distinct) < n:
        quoted = f"{'both' if n == 2 else 'all'} {quoted}"
    said = (f"{asked} notes have only {n} blank{'s' * (n > 1)} ({quoted}): they blank the vocabulary terms where "
            "the topics' summaries and points use them")
    first = next((p for p in paragraphs if summed and pattern([summed[0]], guide.language).search(p)), None)
    if first is not None:  # the summary's line, as the message names the summary (its text as typed: wrapped lines)
        first = " ".join(first.split())
        where = next((w for w, text in guide.texts if first in " ".join(text.split())), Location(str(guide.path)))
    else:
        where = next((w for w, text in guide.texts if text == guide.topics[0].title), Location(str(guide.path)))
    rest = [t for t in unused if t not in summed]
    if summed:
        said += (f", and {len(summed)} of the {len(guide.vocabulary)} terms ({named(summed)}) {are(summed)} in the "
                 f"guide's summary, {'which notes do not print' if 'guided' in asked else 'which the notes do not blank'}"
                 ", not in the topics' text")
        said += f", and {len(rest)} more ({named(rest)}) {are(rest)} in neither" if rest else ""
        said += f"; write {are(unused, 'them')} into the topics"
    elif unused:
        said += (f", and {len(unused)} of the {len(guide.vocabulary)} terms ({named(unused)}) {are(unused)} not in "
                 f"the topics' text; write {are(unused, 'them')} into the topics")
    else:
        said += ", and the vocabulary has no other term; add terms"
    return Problem(where, said + ", or mark words to leave blank as [[word]]", warning=True)


def prepare(guide: Guide, fmt: Optional[str], questions: Optional[str] = None,
            activities: Optional[tuple] = None) -> Guide:
    """The guide as ``fmt`` prints it, with the questions ``questions`` chooses (select.py).

    A quiz prints the questions, then the vocabulary activities only when ``activities`` names
    them (the guide's own `activities:` belong to the handout); an exit ticket prints one to
    three questions and nothing else.
    """
    fmt = fmt or "handout"
    if fmt == "exit-ticket" and questions is None:
        raise GuideError([Problem(Location(str(guide.path)), "an exit ticket needs its questions chosen: "
                                  f"add --questions with one to {TICKET_MOST} (e.g. --questions 2,5 or "
                                  "--questions tag:exit)")])
    chosen = select.select(guide, questions)
    if fmt == "handout":
        return chosen
    if fmt == "exit-ticket" and len(chosen.questions) > TICKET_MOST:
        raise GuideError([Problem(Location(str(guide.path)), f"--questions '{questions}': chooses "
                                  f"{len(chosen.questions)} questions; an exit ticket holds one to {TICKET_MOST} "
                                  "(choose fewer, or build a quiz with --format quiz)")])
    few = _check_notes(guide, fmt) if fmt in ("notes", "cornell") else None
    if few is not None:
        chosen = dataclasses.replace(chosen, warnings=tuple(chosen.warnings) + (few,))
    if fmt == "organizers" and not (guide.benefits or guide.criticisms or guide.perspectives or guide.vocabulary):
        raise GuideError([Problem(Location(str(guide.path)), "graphic organizers are made from 'benefits:', "
                                  "'criticisms:', 'perspectives:' and 'vocabulary:', and the guide has none of them")])
    kept = tuple(activities) if activities is not None and fmt == "quiz" else ()
    words = labels.for_language(guide.language, guide.labels)
    subtitle = words[fmt] if fmt in ("quiz",) + READING else guide.subtitle
    if fmt in READING:  # the reading's; the questions stay for the handout and the quiz
        chosen = dataclasses.replace(chosen, questions=())
    return dataclasses.replace(chosen, format=fmt, activities=kept, subtitle=subtitle)


# what each section of `--skip` prints from (a handout's; the coverage table is made from the questions)
_PRINTS_FROM = {"reading": ("reading",), "summary": ("summary",), "objectives": ("objectives",), "topics": ("topics",),
                "perspectives": ("perspectives",), "chart": ("benefits", "criticisms"), "takeaways": ("takeaways",),
                "vocabulary": ("vocabulary",), "questions": ("questions",)}


def check_skip(guide: Guide, skip) -> None:
    """Refuses (GuideError) a ``--skip`` that leaves ``guide`` (prepared: its format chosen, its
    sections skipped) nothing to print: a quiz's or an exit ticket's questions, or every section of a
    handout that has any, which would print its title and name lines alone."""
    skip = tuple(skip or ())
    where = Location(str(guide.path))
    if "questions" in skip and guide.format in ("quiz", "exit-ticket"):
        what = "a quiz" if guide.format == "quiz" else "an exit ticket"
        raise GuideError([Problem(where, f"--skip questions: {what} is its questions, so it would print none "
                                         "(leave out --skip questions, or build the handout without them: no --format)")])
    if not skip or guide.format != "handout" or guide.activities:
        return
    if not any(getattr(guide, name) for section, names in _PRINTS_FROM.items() if section not in guide.omit
               for name in names):
        raise GuideError([Problem(where, f"--skip {','.join(skip)}: leaves nothing of this guide to print but its "
                                         "title and name lines (skip fewer sections)")])
