"""Command line: parse options, call the api, print. Nothing else lives here."""
from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

import click

from . import __version__, api
from .errors import GuideError, StudyguideError, visible

EXIT_INTERNAL = 70


def _problems(exc: StudyguideError) -> None:
    for problem in getattr(exc, "problems", None) or [exc]:
        click.echo(visible(str(problem)), err=True)


def _warn(warnings) -> None:
    for w in warnings:
        click.echo(str(w), err=True)


def _pages(n: int) -> str:
    return f"{n} page{'s' if n != 1 else ''}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="studyguide")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def cli(ctx, debug):
    """Turn study-guide YAML files into printable PDF handouts and answer keys."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the PDFs.")
@click.option("--paper", type=click.Choice(["letter", "a4"], case_sensitive=False), default=None,
              help="Paper size (overrides the guide's 'paper:').")
@click.option("--no-key", is_flag=True, help="Build only the student handout.")
def build(paths, out_dir, paper, no_key):
    """Build each guide into OUTPUT/<name>.pdf and OUTPUT/<name>-key.pdf.

    PATHS are guide files or folders of them (default: guides/).
    """
    guides = api.find_guides(paths or ["guides"])
    if not guides:
        raise api.UsageError(f"no guides (*.yaml) found in {', '.join(paths or ['guides'])}")
    failed = 0
    for path in guides:
        try:
            result = api.build(path, out_dir, paper=paper.lower() if paper else None, key=not no_key)
        except StudyguideError as exc:
            failed += 1
            _problems(exc)
            click.echo(f"failed: {path}", err=True)
            continue
        _warn(result.warnings)
        made = ", ".join(f"{o.path} ({_pages(o.pages)})" for o in result.outputs)
        click.echo(f"built {path} → {made}")
    if failed:
        click.echo(f"{failed} of {len(guides)} guide{'s' if len(guides) != 1 else ''} failed", err=True)
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
def validate(paths):
    """Check guides without building them (default: guides/)."""
    guides = api.find_guides(paths or ["guides"])
    if not guides:
        raise api.UsageError(f"no guides (*.yaml) found in {', '.join(paths or ['guides'])}")
    failed = 0
    for path in guides:
        try:
            guide = api.load(path)
        except StudyguideError as exc:
            failed += 1
            _problems(exc)
            continue
        _warn(guide.warnings)
        click.echo(f"ok: {path} ({len(guide.questions)} questions, {len(guide.vocabulary)} terms)")
    if failed:
        sys.exit(1)


@cli.command("list")
@click.argument("folder", required=False, default="guides", type=click.Path())
def list_guides(folder):
    """Show each guide's title, questions, points and pages."""
    from .model import format_points

    rows = []
    failed = 0
    for path in api.find_guides([folder]):
        try:
            guide = api.load(path)
            rendered, _ = api.render_guide(guide, key=False)
        except StudyguideError as exc:
            failed += 1
            _problems(exc)
            continue
        total = guide.total_points
        rows.append((path.name, guide.title, str(len(guide.questions)),
                     format_points(total) if total is not None else "–", str(rendered["student"].pages)))
    if rows:
        head = ("file", "title", "questions", "points", "pages")
        widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
        for row in [head] + rows:
            click.echo("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip())
    if failed:
        sys.exit(1)


@cli.command()
def schema():
    """Print a JSON Schema of the guide format (for editors)."""
    from .jsonschema import guide_schema

    click.echo(json.dumps(guide_schema(), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
def new(file):
    """Write a commented starter guide to FILE (never overwrites)."""
    starter = (Path(__file__).with_name("starter.yaml")).read_bytes()
    try:
        with open(file, "xb") as fh:
            fh.write(starter)
    except FileExistsError:
        raise api.UsageError(f"{file}: already exists; choose a new file name") from None
    except OSError as exc:
        raise api.UsageError(f"{file}: cannot be written ({exc.strerror})") from None
    click.echo(f"wrote {file}; edit it, then run: studyguide build {file}")


def main(argv=None) -> None:
    """Entry point: user mistakes get their message, internal errors one line (or --debug)."""
    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="studyguide", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except StudyguideError as exc:
        _problems(exc)
        sys.exit(exc.exit_code)
    except MemoryError:
        click.echo("out of memory: the guide is too large to lay out; split it into smaller guides", err=True)
        sys.exit(EXIT_INTERNAL)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last line of defence: one line, never a traceback
        if debug:
            traceback.print_exc()
        else:
            click.echo(f"internal error: {type(exc).__name__}: {exc}; run with --debug for the traceback", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(0)
