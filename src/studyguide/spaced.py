"""File names with a space in them, typed without quotes: the shell hands studyguide two words.

`studyguide new my guide.yaml` reaches the command as 'my' and 'guide.yaml'; `build my guide.yaml`
as two guides, neither there. Each is said as what it is, with the command to type, and a name we
print in a command to run is quoted when it needs to be.

Double quotes work in every shell a teacher meets (bash, zsh, PowerShell, cmd.exe). Kept apart
from cli.py, which declares the commands; nothing here loads a guide.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Sequence

import click

from .errors import UsageError

_NEEDS_QUOTES = re.compile(r"[\s&;|<>()$`'\"!*?\[\]{}#~%^,]")


def typed(name) -> str:
    """``name`` as it is typed in a command: in double quotes when a shell would split or read it."""
    text = str(name)
    return f'"{text}"' if not text or _NEEDS_QUOTES.search(text) else text


def _one_name(words: Sequence[str]) -> bool:
    """Whether ``words`` read as one name split at its spaces: only the last has an extension
    ('my', 'guide.yaml'), not several files ('a.yaml', 'b.yaml')."""
    return all(not Path(w).suffix for w in words[:-1])


def extra_words(command: str, words: Sequence[str], args: Sequence[str] = ()) -> str:
    """The message for a command that takes one file name and was given ``words`` (the name and the rest);
    ``args``: the command's words as typed, its options kept in the command shown."""
    if _one_name(words):
        name, n = " ".join(words), len(words)
        at = next((i for i in range(len(args)) if list(args[i:i + n]) == list(words)), None)
        shown = [typed(name)] if at is None else [*map(typed, args[:at]), typed(name), *map(typed, args[at + n:])]
        return (f"the name {name} has a space in it, so it reached studyguide as {n} words; put it in "
                f"quotes: studyguide {command} {' '.join(shown)}")
    return (f"studyguide {command} takes one file name, and was given {len(words)} ({', '.join(words)}); run it "
            f"once for each, as in: studyguide {command} {typed(words[0])} (a name with a space in it goes in "
            "quotes)")


def joined(paths: Sequence, at: int) -> Optional[str]:
    """For ``paths[at]``, which is not there: the name it starts when joined with the words after it by spaces,
    if a file or folder has that name ('my' 'guide.yaml' → 'my guide.yaml'); else None."""
    words = [str(p) for p in paths]
    for end in range(at + 2, len(words) + 1):
        name = " ".join(words[at:end])
        try:
            if Path(name).exists():
                return name
        except OSError:
            continue
    return None


def split_message(word: str, name: str) -> str:
    """The message for ``word``, a part of ``name`` that the shell split off at a space."""
    return (f"{word}: no such file or folder; {name} is there, and its name has a space in it: put it in quotes "
            f"({typed(name)})")


class OneName(click.Command):
    """A command that takes one file name: the words a name's spaces split off are said as such (click's own
    message was "Got unexpected extra argument (guide.yaml)")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("context_settings", {})["allow_extra_args"] = True
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx, args):
        typed_args = list(args)  # (click's parser takes the list apart)
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            first = next((v for p in self.params if isinstance(p, click.Argument)
                          and isinstance(v := ctx.params.get(p.name), str)), None)
            words = ([first] if first is not None else []) + list(ctx.args)
            raise UsageError(extra_words(self.name, words, typed_args))
        return rest
