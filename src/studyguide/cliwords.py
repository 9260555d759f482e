"""Command-line values in a teacher's words: a number out of range or a name not offered, said in one line.

click's own words ("'two' is not a valid integer range", "'leter' is not one of 'letter', 'a4', ...") come after
a usage line and a '--help' hint (trial r11, finding 8). These types say what to write, with what was typed,
and the nearest name for a slip: "--versions: write a number from 1 to 26 (got 'two')", "--paper: unknown
paper 'leter' (did you mean 'letter'? choose from letter, a4, half-letter, a5)". The option's name is put
before the message when it is shown (:func:`studyguide.report.failure`); the exit status stays click's 2.
"""
from __future__ import annotations

import re
from typing import Optional

import click

from .options import did_you_mean

_FORMS = {"googleforms", "googleform", "gforms", "gform", "forms", "form", "google"}
FORMS = ("Google Forms cannot import questions from a file; export for a tool that can (--to quizizz, --to kahoot, "
         "--to canvas or --to moodle), or copy the questions from the quiz PDF into the form (studyguide build "
         "GUIDE --format quiz)")


class Number(click.IntRange):
    """A whole number from ``min`` (to ``max``, when given)."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            pass
        span = f"from {self.min} to {self.max}" if self.max is not None else f"of {self.min} or more"
        self.fail(f"write a number {span} (got {str(value)!r})", param, ctx)


class Choice(click.Choice):
    """One of ``choices`` (``what``: what one is called, 'paper'), any capitals when ``case_sensitive`` is false."""

    def __init__(self, choices, what: str, case_sensitive: bool = True):
        super().__init__(choices, case_sensitive=case_sensitive)
        self.what = what

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            pass
        self.fail(self.unknown(str(value)), param, ctx)

    def unknown(self, value: str) -> str:
        choices = list(self.choices)
        near = did_you_mean(value.lower() if not self.case_sensitive else value, choices)
        return f"unknown {self.what} {value!r} ({near}choose from {', '.join(choices)})"


def option_name(exc: click.BadParameter) -> Optional[str]:
    """The option a value error is about ('--jobs' for -j/--jobs), or None when it is not an option's."""
    param = exc.param
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    hint = exc.param_hint
    return hint if isinstance(hint, str) and hint.startswith("-") else None


class ExportChoice(Choice):
    """export --to: a format, and for Google Forms, which imports none, the routes there are."""

    def unknown(self, value: str) -> str:
        return FORMS if re.sub(r"[^a-z]", "", value.lower()) in _FORMS else super().unknown(value)
