"""Command line: parse the options, call the api, print the outcomes. Nothing else lives here.

Each command's own modules (layout, batch, watch, export...) are imported inside it: a command
starts without paying for the others (start-up time is part of every build's time).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__, api, cliopts, interrupts, report, stdio
from .cliwords import Choice, ExportChoice, Number
from .cliopts import parsed
from .spaced import OneName, typed
from .errors import StudyguideError, visible
from .options import theme_option
from .reading.schema import PAPERS
from .reading.walker import count

EDITIONS = ("standard", "large-print", "readable", "fillable")  # build's and check's (written out here: the
# theming module that makes them loads reportlab, which a command only loads when it runs)

EXPORT_FORMATS = ("quizlet", "anki", "moodle", "qti", "canvas", "brightspace", "kahoot", "blooket", "gimkit", "quizizz",
                  "wayground")  # studyguide.export.FORMATS and ALIASES (a test keeps them equal)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="studyguide")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def cli(ctx, debug):
    """Turn study-guide YAML files into printable PDF handouts and answer keys."""
    ctx.obj = {"debug": debug}


@cli.command()
@cliopts.pdf_options
@click.option("-j", "--jobs", type=Number(min=1), default=None,
              help="Guides built at once (default: one per CPU core).")
@cliopts.versions_options
@click.option("--edition", type=Choice(EDITIONS, "edition"), multiple=True,
              help="Large print (18 pt, one column), readable (a legible font, wider spacing) or fillable "
                   "(form fields on every answer, to complete in a PDF app); give it again for more editions.")
@cliopts.accommodation_options
@cliopts.class_set_options
@cliopts.activities_cli_option
@cliopts.skip_option
@click.option("--theme", metavar="NAME|FILE", multiple=True, callback=parsed(theme_option),
              help="A theme (classic, modern, ink-saver, compact, or your own themes/NAME.yaml), or a theme "
                   "file inside the guide's folder or assets/: replaces the guide's 'theme:'. 'studyguide themes' "
                   "lists them.")
@cliopts.format_options
@click.pass_context
def build(ctx, paths, out_dir, paper, no_key, jobs, versions, seed, edition, reduced_choices, word_bank,
          extra_lines, no_accommodations, class_set, copies, activities, skip, theme, fmt, questions, sheet):
    """Build each guide into OUTPUT/<name>.pdf and OUTPUT/<name>-key.pdf.

    PATHS are guide files or folders of them (default: guides/). With versions or an edition, the
    names say which is which: <name>-large-print-B.pdf, <name>-B-key.pdf, <name>-B-grid.pdf.
    """
    from . import batch  # each command's own modules load when it runs (start-up time)
    from .classroom import SetOptions
    from .model import Accommodations

    options = SetOptions(edition=edition[0] if edition else None, editions=edition, versions=versions, seed=seed,
                         class_set=class_set, copies=copies, key=not no_key, accommodations=Accommodations(
                             reduced_choices, word_bank, extra_lines), own_accommodations=not no_accommodations,
                         activities=activities, theme=theme, skip=skip or (), format=fmt, questions=questions, sheet=sheet)
    guides = report.guides(paths)
    jobs = 1 if ctx.obj.get("debug") else jobs  # in this process, so a traceback can reach the terminal
    paper = paper.lower() if paper else None
    sys.exit(report.builds(lambda: batch.outcomes(guides, out_dir, paper, not no_key, jobs, options), guides))


@cli.command()
@cliopts.pdf_options
def watch(paths, out_dir, paper, no_key):
    """Rebuild each guide as build makes it (keys, versions, accommodated copy) at each save; errors shown, watching goes on.

    PATHS are guide files or folders of them (default: guides/). Stop with Ctrl+C.
    """
    from .watch.watcher import Watcher  # start-up time: only watch needs it

    paths = paths or ("guides",)
    api.find_guides(paths)  # a missing path is a usage error now, not a silent wait
    try:
        Watcher(paths, out_dir, paper=paper.lower() if paper else None, key=not no_key, settle=0.3,
                report=lambda line, err: click.echo(visible(line), err=err)).run()
    except (KeyboardInterrupt, interrupts.Interrupted):
        click.echo("stopped watching", err=True)


@cli.command(cls=OneName)
@click.argument("path", required=False, default="guides", type=click.Path())
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for what the Build and Export buttons write.")
@click.option("--port", type=Number(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address instead of opening the browser.")
def edit(path, out_dir, port, no_browser):
    """Edit a guide in the browser: its YAML beside its pages, rebuilt as you type (default: choose from guides/).

    Needs the editor extra (without it, the message names the pip command to run). Stop with Ctrl+C.
    """
    from . import editor  # start-up time: only edit needs it (and it checks its extra is installed)

    editor.check_installed()
    from .editor import launch

    try:
        launch.serve(path, out_dir, port, not no_browser, click.echo)
    except (KeyboardInterrupt, interrupts.Interrupted):
        click.echo("stopped the editor", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Exit with status 1 when there is any warning.")
def validate(paths, strict):
    """Check guides without building them (default: guides/): every problem and warning, located."""
    failed, warned = report.validated(api.validate(report.guides(paths), named=paths), strict)
    if failed or (strict and warned):
        sys.exit(1)


@cli.command("list")
@click.argument("paths", nargs=-1, type=click.Path())
def list_guides(paths):
    """Show each guide's title, questions, points and pages (default: guides/)."""
    report.left_out(paths)
    if report.listed(api.overviews(paths)):
        sys.exit(1)


@cli.command()
def schema():
    """Print a JSON Schema of the guide format (for editors)."""
    import json

    from .reading.editor_schema import guide_schema  # start-up time: only schema needs it

    click.echo(json.dumps(guide_schema(), indent=2, ensure_ascii=False))


@cli.command()
def prompt():
    """Print a prompt for any chatbot: paste it with an article, save the answer as a guide (no network)."""
    from .prompting import prompt_text

    click.echo(prompt_text(), nl=False)


@cli.command(cls=OneName)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--reading", type=click.Path(dir_okay=False), help="A plain-text file: the title and the reading.")
def new(file, reading):
    """Write a commented starter guide to FILE (never overwrites)."""
    api.new_guide(file, reading)
    report.wrote(f"wrote {file}; edit it, then run: studyguide build {typed(file)}")


@cli.command("themes", cls=OneName)
@click.argument("guide", required=False, type=click.Path())
@click.option("--guides", "folder", default="guides", show_default=True, type=click.Path(file_okay=False),
              help="The guides folder: its themes/ folder holds your own themes.")
@click.option("--preview", is_flag=True, help="Write a one-page preview of each theme: GUIDE's first page "
                                              "(default: the first guide in the guides folder, or the starter).")
@click.option("--png", is_flag=True, help="Previews as PNG pictures instead of PDF.")
@click.option("-o", "--output", "out_dir", default="output/themes", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the previews.")
def list_themes(guide, folder, preview, png, out_dir):
    """List the themes (bundled and your own), and preview them.

    Choose one with 'theme: NAME' in a guide or the folder's studyguide.yaml, or 'build --theme NAME'.
    Your own: a YAML file in the guides folder's themes/ folder, e.g. themes/mine.yaml starting
    'parent: classic' and giving only the keys to change.
    """
    from . import preview as pv  # start-up time: only themes needs it

    listed = pv.available(Path(folder))
    for problem in (p for t in listed for p in t.problems):  # shown, and left out of the list and the previews
        report.err(str(problem))
    usable = [t for t in listed if not t.problems]
    if not preview:
        for line in pv.describe(usable):
            click.echo(line)
    else:
        for path in pv.write_previews(Path(guide) if guide else None, usable, Path(folder), Path(out_dir), png):
            report.wrote(f"wrote {path}")
    if len(usable) < len(listed):
        sys.exit(1)


@cli.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--to", "fmt", required=True, type=ExportChoice(EXPORT_FORMATS, "format", case_sensitive=False), multiple=True,
              callback=parsed(),
              help="quizlet and anki: the vocabulary; moodle, qti (also canvas, brightspace) and the games "
                   "kahoot, blooket, gimkit, quizizz (wayground): the questions.")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(),
              help="Folder for the exported files, or the file for one guide's (quiz.xml, deck.apkg).")
@click.option("--apkg", is_flag=True, help="With --to anki: also write an Anki deck package (.apkg).")
def export_guides(paths, fmt, out_dir, apkg):
    """Export each guide for Quizlet, Anki, Moodle, Canvas (QTI) or a quiz game into OUTPUT/.

    PATHS are guide files or folders of them (default: guides/). A question a
    format cannot hold as it is gets a warning with its line; the others go on.
    """
    failed, total = report.exported(api.export(report.guides(paths), fmt.lower(), out_dir, apkg))
    if failed:
        report.failed(failed, total)
        sys.exit(1)


@cli.command("import", cls=OneName)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(),
              help="The new guide to write (default: guides/FILE-NAME.yaml), or a folder to write it in; never "
                   "written over.")
@click.option("--from", "fmt", type=Choice(("quizlet", "anki", "moodle", "gift", "qti", "csv", "kahoot", "quizizz", "aiken"),
                                           "format", case_sensitive=False), multiple=True, callback=parsed(),
              help="The file's format, when its name and contents do not tell.")
def import_bank(file, out, fmt):
    """Make a new guide from a Quizlet, Anki, Moodle XML, GIFT, QTI (.zip), CSV, Kahoot or Quizizz (.xlsx) file, or
    a plain list of questions (Moodle's Aiken format, or numbered questions with 'Answer: b' lines). What does not
    map to a guide gets a warning with its line in FILE."""
    from .importers import import_file, target  # start-up time: only import needs it

    path = Path(file)
    written, draft = import_file(path, target(path, out), fmt.lower() if fmt else None)
    report.warnings(sorted(draft.problems, key=lambda p: (p.where, p.message))  # in line order, as validate's,
                    + ([draft.lost] if draft.lost else []))  # then what the tool's file could not carry
    report.wrote(f"imported {path} → {written} ({count(len(draft.vocabulary), 'term')}, "
               f"{count(len(draft.questions), 'question')})")


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Exit with status 1 when there is any finding.")
@cliopts.skip_option
@cliopts.format_options
@click.option("--paper", type=Choice(PAPERS, "paper", case_sensitive=False), multiple=True, callback=parsed(),
              help="As build's.")
@click.option("--theme", metavar="NAME|FILE", multiple=True, callback=parsed(theme_option), help="As build's.")
@click.option("--edition", type=Choice(EDITIONS, "edition"), multiple=True,
              help="The budget of an edition (large print, readable, fillable); give it again for more editions.")
@cliopts.versions_options
@cliopts.accommodation_options
@cliopts.class_set_options
@cliopts.activities_cli_option
def check_guides(paths, strict, skip, fmt, questions, sheet, paper, theme, edition, no_accommodations, versions, seed,
                 reduced_choices, word_bank, extra_lines, class_set, copies, activities):
    """Check guides beyond the schema, and show each one's page budget (default: guides/).

    Findings are warnings (exit 0) unless --strict. The options are build's: the budget is of the copy
    build makes with them (of version A, with --versions), and the labels a guide in a language with no
    labels of its own is told to give are those that build prints (--class-set: its blank-page note too).
    See docs/guide-format.md.
    """
    from . import budget  # start-up time: only check needs it (it lays the guide out)
    from .classroom import check_seed
    from .model import Accommodations

    check_seed(seed)  # as build refuses it
    report.guides(paths)  # none: said as build says it; a guide saved as .txt or .docx beside them: named
    found = budget.check(paths, fmt, questions, sheet, skip or (), paper, theme, edition, not no_accommodations,
                         Accommodations(reduced_choices, word_bank, extra_lines), versions, seed,
                         (class_set, copies), activities)
    failed, found = report.checked(found)
    if failed or (strict and found):
        sys.exit(1)


def main(argv=None) -> None:
    """Entry point: user mistakes get their message, internal errors one line (or --debug)."""
    args = sys.argv[1:] if argv is None else list(argv)
    report.WROTE.clear()  # (main run twice in one process: a test's)
    with stdio.standard_streams() as streams:  # closed or full stdout/stderr: the command still finishes
        try:
            with interrupts.signals_handled():  # INT, TERM, HUP: stop between files, never mid-set (files.write_all)
                cli.main(args=args, prog_name="studyguide", standalone_mode=False)
                interrupts.raise_if_interrupted()
            code = 0
        except SystemExit as exc:
            code = exc.code
        except BaseException as exc:  # noqa: BLE001  (report.failure says it, or raises what is not ours to say)
            code = report.failure(exc, debug="--debug" in args)
        command = next((a for a in args if a in cli.commands), None)
        code = streams.status(code, command not in stdio.WRITING or "--help" in args)  # (help is printed)
    sys.exit(code)
