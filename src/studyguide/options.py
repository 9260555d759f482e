"""Command-line values checked before any guide is read: an option given twice, an empty theme.

Kept apart from cli.py (which only declares the options) and free of imports, so every command
can use it without paying for the layout code.
"""
from __future__ import annotations


def one_value(given: tuple):
    """The value of an option that takes one, from every time it was given (click's multiple=True): None when
    it was not, the value when it was given once or always the same; a ValueError naming the values when
    they differ (click used to keep the last one without a word: --paper a4 --paper letter printed letter)."""
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
