"""Where a part taller than a page comes from, once a layout has failed with no line to show.

Each try lays out part of the guide alone and sees whether it still fails: the questions are halved
until one is left; else the vocabulary's definitions are, the others cut to a word (the terms stay, so
the crossword keeps its words), until one definition is left, and the activity that cannot split it is
named (a crossword's clue, a flashcard). The longest definition is tried alone first: it is most often the
one, and each layout that holds a definition of thousands of letters takes seconds (a build took 48 s to name
it by halving). The teacher is sent to a line instead of a page number. This costs a few layouts, and only when
a build has already failed.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable, Optional

from . import activities
from .errors import Location
from .model import Guide

_NO_PROSE = dict(summary=(), objectives=(), topics=(), perspectives=(), benefits=(), criticisms=(), takeaways=())


def locate(guide: Guide, paper, font_for, exc, theme=None) -> tuple[Location, str]:
    """The line and the fix for a layout that failed with ``exc`` (a render.RenderFailed without a line)."""
    from . import render  # reportlab: loads only when something is drawn (see api.py)

    def fails(g: Guide) -> bool:
        try:
            render.render(g, ("student",), paper=paper, theme=theme, font_for=font_for)
        except render.RenderFailed:
            return True
        return False

    questions = list(enumerate(guide.questions, 1))
    if questions and fails(_alone(guide, [q for _, q in questions])):
        while len(questions) > 1:
            half = questions[: len(questions) // 2]
            questions = half if fails(_alone(guide, [q for _, q in half])) else questions[len(questions) // 2:]
        number, question = questions[0]
        blamed = _theme_values(guide, question, paper, theme)
        if blamed:
            return question.where, (f"question {number} is taller than a page with the theme in {theme.source}, "
                                    f"though it fits one with the {DEFAULT_THEME} theme; make the theme's larger "
                                    f"values smaller: {blamed}")
        return question.where, (f"question {number} is taller than a page and cannot be split across pages "
                                "(shorten its explanation, or its longest item or pair)")
    found = _definition(guide, fails)
    if found:
        return found
    page = re.search(r"on page (\d+)", exc.message)
    at = f" (on page {page.group(1)})" if page else ""
    return exc.where, f"a part of the guide is taller than a page and cannot be split across pages{at}; shorten it"


DEFAULT_THEME = "classic"
# what makes a question taller, by the theme's names: the page's margins, the spacing around questions,
# and the sizes of the styles a question is printed in (reportlab's names → the theme's)
PAGE = {"margin_x": "page.margin_x", "margin_top": "page.margin_top", "margin_bottom": "page.margin_bottom",
        "question_gap": "spacing.question_gap", "line_gap": "spacing.line_gap", "number_width": "spacing.number_width",
        "choice_indent": "spacing.choice_indent", "box_side": "spacing.box_side"}
QUESTION_STYLES = ("prompt", "choice", "choice_key", "answer", "explanation", "instruction", "cell", "cell_head")
STYLE_KEYS = {"fontSize": "size", "leading": "leading", "spaceBefore": "space_before", "spaceAfter": "space_after",
              "leftIndent": "left_indent"}
MAX_NAMED = 6


def _theme_values(guide: Guide, question, paper, theme) -> Optional[str]:
    """When a teacher's theme, not the question, makes it taller than a page (it fits one with the default
    theme): the theme's values larger than the default's, as the theme file names them; else None."""
    from . import render  # reportlab, as in locate()
    from .theming import styles

    if theme is None or theme.source is None or theme.edition != "standard":
        return None
    try:
        render.render(_alone(guide, [question]), ("student",), paper=paper)  # the default theme
    except render.RenderFailed:
        return None  # too tall anyway: the question is what to shorten
    plain = styles.default()
    larger = {name: (getattr(theme, key) / max(getattr(plain, key), 1), f"{name} {_inches(getattr(theme, key))}")
              for key, name in PAGE.items() if getattr(theme, key) > getattr(plain, key)}
    mine, base = styles.make_styles(theme), styles.make_styles(plain)
    written: dict = {}  # (key, value) → [the styles writing it]: "size 48 (styles body, prompt)"
    for style in (s for s in QUESTION_STYLES if s in mine and s in base):
        for key, name in STYLE_KEYS.items():
            value, was = getattr(mine[style], key), getattr(base[style], key)
            if value > was:  # named where the theme writes it: body's size, which prompt inherits
                ratio, writers = written.setdefault((name, value), [0, []])
                written[name, value][0] = max(ratio, value / max(was, 1))
                if (writer := _writer(theme, style, key)) not in writers:
                    writers.append(writer)
    for (name, value), (ratio, writers) in written.items():
        larger[name, value] = (ratio, f"{name} {value:g} (styles {_listed(writers)})")
    if not larger:
        return None
    named = [text for _, text in sorted(larger.values(), key=lambda v: -v[0])]  # the most enlarged first
    more = len(named) - MAX_NAMED
    return ", ".join(named[:MAX_NAMED]) + (f" and {more} more" if more > 0 else "")


def _writer(theme, style: str, key: str) -> str:
    """The style whose own keys give ``style`` its ``key``: itself, or the parent it inherits it from."""
    name, seen = style, set()
    while name in theme.styles and name not in seen:
        seen.add(name)
        if key in theme.styles[name]:
            return name
        name = theme.styles[name].get("parent")
    return style


def _listed(words: list) -> str:
    return " and ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " and " + words[-1]


def _inches(points: float) -> str:
    return f"{points / 72:.2f}".rstrip("0").rstrip(".") + "in"


def _alone(guide: Guide, questions) -> Guide:
    return dataclasses.replace(guide, questions=tuple(questions), vocabulary=(), **_NO_PROSE)


def _definition(guide: Guide, fails: Callable[[Guide], bool]) -> Optional[tuple[Location, str]]:
    """The term whose definition alone makes the vocabulary's parts fail, and the part that prints it whole."""
    terms = guide.vocabulary
    bare = dataclasses.replace(guide, questions=(), **_NO_PROSE)

    def keeping(kept, names=None) -> Guide:
        vocabulary = tuple(t if i in kept else dataclasses.replace(t, definition="…") for i, t in enumerate(terms))
        return dataclasses.replace(bare, vocabulary=vocabulary,
                                   activities=guide.activities if names is None else tuple(names))

    left = list(range(len(terms)))
    if not left:
        return None
    longest = max(left, key=lambda i: len(terms[i].definition))
    if fails(keeping({longest})):  # most often the one, tried first: a layout that holds it takes seconds
        left = [longest]
    elif not fails(keeping(set(left))):
        return None
    while len(left) > 1:
        half = left[: len(left) // 2]
        left = half if fails(keeping(set(half))) else left[len(left) // 2:]
    if left != [longest] and not fails(keeping(set(left))):  # (two that fail only together: no one line to show)
        return None
    i = left[0]
    where = next((name for name in guide.activities if fails(keeping({i}, [name]))), None)
    part = ("it is the crossword's clue" if where == "crossword" else
            f"the {activities.LABELS[where]} cannot split it" if where else "the vocabulary table cannot split it")
    term = activities.inline.plain(terms[i].term)
    return activities.term_locations(guide)[i], (f"the definition of '{term}' is taller than a page and cannot be "
                                                 f"split across pages; shorten its definition ({part})")
