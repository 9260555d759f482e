"""Command-line values checked before any guide is read: an option given twice, an empty theme, the
activities named.

Kept apart from cli.py (which only declares the options); it loads no layout code, so every command
can use it without paying for reportlab.
"""
from __future__ import annotations

from .reading.schema import ACTIVITIES, activity_key


def one_value(given: tuple, listed: bool = False):
    """The value of an option that takes one, from every time it was given (click's multiple=True): None when
    it was not, the value when it was given once or always the same; a ValueError naming the values when
    they differ (click used to keep the last one without a word: --paper a4 --paper letter printed letter).
    ``listed``: a comma-separated list (--skip, --activities): each time's items, joined into one list
    (--skip questions --skip vocabulary is --skip questions,vocabulary, as the teacher meant)."""
    if listed and given:
        return ",".join(given)
    values = list(dict.fromkeys(given))
    if len(values) > 1:
        shown = ", ".join(str(v) if str(v).strip() else repr(v) for v in values)
        raise ValueError(f"given {len(given)} times ({shown}); it takes one value: run the command once for each")
    return values[0] if values else None


def theme_option(text: str) -> str:
    """``--theme``'s text: a theme's name or file; empty or blank is refused (it used to be ignored)."""
    if not text.strip():
        raise ValueError("is empty: name a theme (classic, modern, ink-saver, compact, or your own; "
                         "'studyguide themes' lists them) or a theme file")
    return text


def activities_option(text: str) -> tuple[str, ...]:
    """``build --activities`` (comma-separated; 'none' for none); ValueError names an unknown or repeated one."""
    named = [activity_key(part) for part in text.split(",") if part.strip()]
    if not named or ("none" in named and len(named) > 1):  # (both used to pass: '' as the guide's, none,x as x)
        raise ValueError("is empty: name the activities, or 'none' for none" if not named else
                         f"'none' goes alone (no activities); give only 'none', or only {', '.join(a for a in named if a != 'none')}")
    chosen = tuple(a for a in named if a != "none")
    for i, a in enumerate(chosen):
        if a not in ACTIVITIES or a in chosen[:i]:
            raise ValueError(f"unknown activity {a!r} ({did_you_mean(a, ACTIVITIES)}choose from {', '.join(ACTIVITIES)})"
                             if a not in ACTIVITIES
                             else f"'{a}' is named twice (name each activity once; each prints once)")
    return chosen


def did_you_mean(word: str, options) -> str:
    """"did you mean 'word_search'? " before the list of choices, for a name close to one of ``options``
    (the guide's misspellings' helper, reading.walker.near); "" for none. --skip and --activities say it alike
    (trial r10 L14: --skip vocab was asked "did you mean 'vocabulary'?", --activities wordsearch nothing)."""
    from .reading.walker import near

    close = near(word, options)
    return f"did you mean {close[0]!r}? " if close else ""
