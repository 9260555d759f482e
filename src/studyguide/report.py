"""How the commands' outcomes read on a terminal: located problems, each shown once, a progress bar,
a guide's "built" line and aligned tables. The CLI prints through these and decides nothing here.
"""
from __future__ import annotations

import sys
import traceback

import click

from .cliwords import option_name
from .interrupts import Interrupted
from .errors import StudyguideError, visible
from .reading.walker import count


EXIT_INTERNAL = 70  # an error of studyguide's own, not the guide's


def err(line: str) -> None:
    """One line on stderr, any control or direction character in it made visible."""
    click.echo(visible(line), err=True)


def out(line: str) -> None:
    """One line on stdout, as :func:`err` makes it: a file name with a line break in it stays on its line."""
    click.echo(visible(line))


WROTE: list = []  # this command's lines that named a file it wrote (what a signal's message can say of them)


def wrote(line: str) -> None:
    """:func:`out` for a line that names a file written; counted for :func:`failure`."""
    WROTE.append(line)
    out(line)


class Once:
    """Prints each line once on stderr: a folder's defaults file with a mistake fails every guide
    beside it, and its messages are shown the first time only."""

    def __init__(self):
        self.seen: set[str] = set()

    def __call__(self, line: str) -> None:
        if line not in self.seen:
            self.seen.add(line)
            err(line)


def problems(exc: StudyguideError, echo=err) -> None:
    """Every located problem an error holds, one a line."""
    for problem in getattr(exc, "problems", None) or [exc]:
        echo(str(problem))


def warnings(found) -> None:
    for warning in found:
        err(str(warning))


def failed(failures: int, total: int) -> None:
    """The closing line of a run over several guides, when some failed."""
    click.echo(f"{failures} of {count(total, 'guide')} failed", err=True)


class Progress:
    """A one-line bar on a terminal's stderr; nothing at all when output is not a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done, self.enabled = total, 0, enabled and total > 1

    def _bar(self) -> str:
        width = 30
        filled = width * self.done // self.total
        return f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} guides"

    def clear(self) -> None:
        if self.enabled:
            click.echo("\r" + " " * 60 + "\r", err=True, nl=False)

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            click.echo(self._bar(), err=True, nl=False)
            if self.done == self.total:
                self.clear()


def built(outcome, progress: Progress, echo) -> bool:
    """One guide's lines (through ``echo``, which shows a repeated line once); False when it failed."""
    if outcome.interrupted and not outcome.outputs:
        return True  # stopped before anything of it was written: the interrupt's line says so
    progress.clear()
    for line in outcome.warnings:
        echo(line)
    if outcome.internal:
        click.echo(f"internal error: {outcome.internal}; run with --debug for the traceback", err=True)
    for line in outcome.problems:
        echo(line)
    if not outcome.ok:
        err(f"failed: {outcome.path}")  # and none of its files written (batch.outcome_of)
    else:
        made = ", ".join(f"{path} ({count(pages, 'page')}{'; ' + note if note else ''})"
                         for path, pages, note in outcome.outputs)
        wrote(f"built {outcome.path} → {made}")
    progress.step()
    return outcome.ok


def builds(outcomes, guides: list) -> int:
    """`build`'s lines, a guide at a time as each is done, and the exit status: 0, 1 when a guide
    failed, 70 when one failed on an error of studyguide's own, 130/143/129 after a signal.
    ``outcomes()`` gives the outcomes (called here, so a signal while the outputs are named counts too)."""
    progress, echo = Progress(len(guides), sys.stderr.isatty()), Once()
    failures = internal = 0
    try:  # every output is named before any is drawn (batch.plan); a signal stops between files
        for outcome in outcomes():
            if not built(outcome, progress, echo):
                failures += 1
                internal += outcome.internal is not None
    except Interrupted as exc:
        return interrupted(exc, guides, progress)
    if failures:
        failed(failures, len(guides))
        return EXIT_INTERNAL if internal else 1
    return 0


def validated(results, strict: bool = False) -> tuple[int, int]:
    """`validate`'s lines for each file checked; (how many failed, warnings in all). ``strict``: a guide
    with warnings is reported as failing, as its exit status says (validate --strict)."""
    failed = warned = 0
    echo = Once()
    for checked in results:
        if checked.error is not None:
            failed += 1
            problems(checked.error, echo)
            continue
        for warning in checked.warnings:
            echo(str(warning))
        warned += len(checked.warnings)
        if strict and checked.warnings:
            err(f"failed (--strict): {checked.path}: {count(len(checked.warnings), 'warning')}")
        elif checked.named:
            ok = f"ok ({count(len(checked.warnings), 'warning')})" if checked.warnings else "ok"
            out(f"{ok}: {checked.path} ({checked.holds})")
    return failed, warned


def exported(outcomes) -> tuple[int, int]:
    """`export`'s lines for each guide; (guides failed, guides in all)."""
    failed = total = 0
    for outcome in outcomes:
        total += 1
        warnings(outcome.warnings)
        if outcome.error is not None:
            failed += 1
            problems(outcome.error)
            err(f"failed: {outcome.path}")
        for path in outcome.written:
            wrote(f"exported {outcome.path} → {path} ({outcome.holds})")
    return failed, total


def checked(reviews) -> tuple[int, int]:
    """`check`'s findings and page budget for each guide; (guides failed, findings in all)."""
    failed = found = 0
    for review in reviews:
        if review.error is not None:
            failed += 1
            problems(review.error)
            continue
        warnings(review.findings)
        found += len(review.findings)
        for line in review.lines:
            click.echo(line)
    return failed, found


def listed(rows) -> int:
    """`list`'s table, from (row or error) pairs; how many guides failed."""
    table_rows, failed = [], 0
    for row, error in rows:
        if error is not None:
            failed += 1
            problems(error)
        else:
            table_rows.append(row)
    if table_rows:
        table(("file", "title", "questions", "points", "pages"), table_rows)
    return failed


def table(head: tuple[str, ...], rows: list[tuple[str, ...]], left: int = 2) -> None:
    """Aligned columns under a head line: the first ``left`` columns to the left, the rest to the right,
    padded by the columns a terminal gives each text (:func:`shown_width`), not its characters."""
    widths = [max(shown_width(r[i]) for r in rows + [head]) for i in range(len(head))]
    for row in [head] + rows:
        click.echo("  ".join(c + " " * (w - shown_width(c)) if i < left else " " * (w - shown_width(c)) + c
                             for i, (c, w) in enumerate(zip(row, widths))).rstrip())


def shown_width(text: str) -> int:
    """The columns a terminal gives ``text``: none for a combining accent (a title typed on a Mac may keep
    'ầ' as 'a' and two marks, three characters in one column), two for a Chinese, Japanese or Korean
    character; one for the rest."""
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) in ("Me", "Cf") else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def guides(paths) -> list:
    """The guides ``paths`` name (api.guides_in), with a warning for each one beside them that is left out
    (misplaced): a link that loops or leads nowhere (said first: such links may be all a folder holds),
    and one that Notepad saved as '.txt' or a word processor as a document."""
    from . import api, misplaced

    warnings(misplaced.link_warnings(paths or ("guides",)))
    found = api.guides_in(paths)
    left_out(paths)
    return found


def left_out(paths) -> None:
    """A warning for each guide among ``paths`` saved as '.txt' or as a word processor's document."""
    from . import misplaced

    warnings(misplaced.txt_warnings(paths or ("guides",)) + misplaced.document_warnings(paths or ("guides",)))


def interrupted(exc: Interrupted, guides: list, progress: Progress) -> int:
    """The one line after INT, TERM or HUP stopped a build: which files are new; the exit status."""
    progress.clear()
    one = str(guides[0]) if len(guides) == 1 else None
    if one and progress.done:
        click.echo(f"interrupted ({exc.name}): every new file of {one} was written", err=True)
    elif one:
        click.echo(f"interrupted ({exc.name}): nothing was written; the files of {one} are as they were", err=True)
    else:
        click.echo(f"interrupted ({exc.name}): the guides reported built have every new file; "
                   "every other guide's files are as they were", err=True)
    return exc.exit_code


def failure(exc: BaseException, debug: bool) -> int:
    """Say what stopped a command, in one line or a guide's located problems; the exit status.
    Never a traceback, unless ``debug``; anything but an error or Ctrl+C is raised again."""
    if isinstance(exc, click.exceptions.Abort):
        click.echo("aborted", err=True)
        return 130
    if isinstance(exc, click.BadParameter) and option_name(exc):  # one line, without click's usage (cliwords.py)
        click.echo(visible(f"{option_name(exc)}: {exc.message}"), err=True)
        return exc.exit_code
    if isinstance(exc, click.ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, StudyguideError):
        problems(exc)
        return exc.exit_code
    if isinstance(exc, MemoryError):
        click.echo("out of memory: the guide is too large to lay out; split it into smaller guides", err=True)
        return EXIT_INTERNAL
    if isinstance(exc, KeyboardInterrupt):
        return 130
    if isinstance(exc, Interrupted):  # (a signal before any file was named: while the guide loads, hostile r15 6)
        click.echo(f"interrupted ({exc.name}): " + ("the files reported above were written whole; nothing else was "
                   "changed" if WROTE else "nothing was written"), err=True)
        return exc.exit_code
    if not isinstance(exc, Exception):
        raise exc
    if debug:  # the last line of defence: one line, never a traceback
        traceback.print_exception(exc)
    else:
        click.echo(f"internal error: {type(exc).__name__}: {exc}; run with --debug for the traceback", err=True)
    return EXIT_INTERNAL
