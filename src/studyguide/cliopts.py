"""The click options several commands share (build's and check's, build's and watch's), declared once so
that their names, values and help stay the same in each; and the callback that parses an option's value.

Declarations only: cli.py's commands take them and call the api.
"""
from __future__ import annotations

import click

from . import api
from .cliwords import Choice, Number
from .formats import FORMATS
from .options import activities_option, one_value
from .reading.schema import PAPERS, SHEETS


def together(*options):
    """Several click options as one decorator, for the commands that share them."""
    def apply(command):
        for option in reversed(options):
            command = option(command)
        return command
    return apply


def parsed(parse=None, listed=False):
    """An option's callback: its one value (options.one_value; ``listed``: a comma list) parsed; a ValueError is its message."""
    def callback(ctx, param, value):
        try:
            if isinstance(value, tuple):  # (it used to keep the last without a word: --to moodle --to qti)
                value = one_value(value, listed)
            return value if value is None or parse is None else parse(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint=param.opts[0]) from None
    return callback


skip_option = click.option(  # build's and check's: a short packet's pages, the guide untouched
    "--skip", metavar="LIST", multiple=True, callback=parsed(api.skip_option, True),
    help=f"Sections to leave out of this build, comma-separated ({', '.join(api.SKIPPABLE)}); the guide is not "
         "changed.")


pdf_options = together(  # PATHS, -o, --paper and --no-key: build and watch
    click.argument("paths", nargs=-1, type=click.Path()),
    click.option("-o", "--output", "out_dir", default="output", show_default=True,
                 type=click.Path(file_okay=False), help="Folder for the PDFs."),
    click.option("--paper", type=Choice(PAPERS, "paper", case_sensitive=False), multiple=True, callback=parsed(),
                 help="Paper size (overrides the guide's 'paper:')."),
    click.option("--no-key", is_flag=True, help="Build no answers: the student handouts only (no key, answer "
                                                  "grid or class-set key)."))
format_options = together(  # what is printed from a guide: build and check
    click.option("--format", "fmt", type=Choice(FORMATS, "format", case_sensitive=False), multiple=True, callback=parsed(),
                 help="What to print, each with its key: handout (default), quiz, exit-ticket, notes, cornell, organizers."),
    click.option("--questions", metavar="CHOICE", multiple=True, callback=parsed(),
                 help="Only these questions: 1-5,8, a type, objective:N or tag:NAME; ',' adds, '+' narrows."),
    click.option("--sheet", type=Choice(SHEETS, "sheet", case_sensitive=False), multiple=True, callback=parsed(),
                 help="Half or quarter pages, printed two or four to a letter/A4 sheet with cut lines."),
    click.option("--no-accommodations", is_flag=True, help="Leave out the guide's 'accommodations:' (flags such as --word-bank given with it still apply)."))


versions_options = together(  # build and check (check: the budget of version A)
    click.option("--versions", type=Number(1, 26), multiple=True, callback=parsed(),
                 help="Shuffled versions A, B, C... each with its key and answer grid (overrides 'versions:')."),
    click.option("--seed", multiple=True, callback=parsed(),
                 help="What the shuffles start from; the same seed gives the same versions."))
accommodation_options = together(  # build and check (check: the budget of that copy)
    click.option("--reduced-choices", is_flag=True, help="Drop one wrong choice from multiple choice with 4 or more."),
    click.option("--word-bank", is_flag=True, help="Give every fill-in-the-blank question a word bank."),
    click.option("--extra-lines", type=Number(0, 20), default=None, help="More answer lines on short answers "
                 "and essays (a one-line answer keeps its line); replaces the guide's 'extra_lines:' (0: none)."))
class_set_options = together(  # build and check (check: the labels the class set prints, its blank-page note)
    click.option("--class-set", is_flag=True,
                 help="Also one collated PDF of all copies for the copier, and one collated key."),
    click.option("--copies", type=Number(1, 500), multiple=True, callback=parsed(),
                 help="Student copies in the class set (versions repeat A, B, C, A...; default: one of each)."))
activities_cli_option = click.option(  # build and check: what is printed from the guide's terms
    "--activities", metavar="LIST", multiple=True, callback=parsed(activities_option, True),
    help="Vocabulary activities, comma-separated (matching, cloze, flashcards, flashcards_duplex, "
         "word_search, crossword; 'none' for none): replaces the guide's 'activities:'.")
