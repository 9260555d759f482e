"""Command line: parse options, call the api, print. Nothing else lives here."""
from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

import click

from . import __version__, api, files, interrupts
from .errors import StudyguideError, visible

EXIT_INTERNAL = 70


class _Once:
    """Prints each line once: a folder's defaults file with a mistake fails every guide beside it,
    and its messages are shown the first time only."""

    def __init__(self):
        self.seen: set[str] = set()

    def __call__(self, line: str) -> None:
        if line not in self.seen:
            self.seen.add(line)
            click.echo(visible(line), err=True)


def _problems(exc: StudyguideError, echo=None) -> None:
    for problem in getattr(exc, "problems", None) or [exc]:
        (echo or (lambda line: click.echo(visible(line), err=True)))(str(problem))


def _warn(warnings) -> None:
    for w in warnings:
        click.echo(str(w), err=True)


def _pages(n: int) -> str:
    return _count(n, "page")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="studyguide")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def cli(ctx, debug):
    """Turn study-guide YAML files into printable PDF handouts and answer keys."""
    ctx.obj = {"debug": debug}


def _pdf_options(command):
    """PATHS, -o, --paper and --no-key: shared by build and watch."""
    for option in reversed([
        click.argument("paths", nargs=-1, type=click.Path()),
        click.option("-o", "--output", "out_dir", default="output", show_default=True,
                     type=click.Path(file_okay=False), help="Folder for the PDFs."),
        click.option("--paper", type=click.Choice(["letter", "a4", "half-letter", "a5"], case_sensitive=False),
                     default=None, help="Paper size (overrides the guide's 'paper:')."),
        click.option("--no-key", is_flag=True, help="Build only the student handout."),
    ]):
        command = option(command)
    return command


def _format_options(command):
    """--format, --questions and --sheet: what is printed from a guide (shared by build and check)."""
    from .formats import FORMATS
    from .sheets import SHEETS

    for option in reversed([
        click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default=None,
                     help="What to print: the whole handout (default), a quiz (the questions) or an exit ticket "
                          "(one to three questions, four to a sheet). Each has its key."),
        click.option("--questions", default=None, metavar="CHOICE",
                     help="Only these questions: numbers (1-5,8), a type (multiple_choice), objective:N or "
                          "tag:NAME; a comma between different sorts means 'and'."),
        click.option("--sheet", type=click.Choice(SHEETS, case_sensitive=False), default=None,
                     help="Half or quarter pages, printed two or four to a letter/A4 sheet with cut lines."),
    ]):
        command = option(command)
    return command


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


def _report(outcome, progress: Progress, echo) -> bool:
    """Print one guide's lines (through ``echo``, which shows a repeated line once); False when it failed."""
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
        click.echo(f"failed: {outcome.path}", err=True)
    else:
        made = ", ".join(f"{path} ({_pages(pages)})" for path, pages in outcome.outputs)
        click.echo(f"built {outcome.path} → {made}")
    progress.step()
    return outcome.ok


@cli.command()
@_pdf_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Guides built at once (default: one per CPU core).")
@click.option("--versions", type=click.IntRange(1, 26), default=None,
              help="Shuffled versions A, B, C... each with its key and answer grid (overrides 'versions:').")
@click.option("--seed", default=None, help="What the shuffles start from; the same seed gives the same versions.")
@click.option("--edition", type=click.Choice(["standard", "large-print", "readable"]), default=None,
              help="An accommodation edition: large print (18 pt, one column) or readable (a legible font, wider spacing).")
@click.option("--reduced-choices", is_flag=True, help="Drop one wrong choice from multiple choice with 4 or more.")
@click.option("--word-bank", is_flag=True, help="Give every fill-in-the-blank question a word bank.")
@click.option("--extra-lines", type=click.IntRange(0, 20), default=0, help="More answer lines on short answers and essays.")
@click.option("--class-set", is_flag=True, help="Also one collated PDF of all copies for the copier, and one collated key.")
@click.option("--copies", type=click.IntRange(1, 500), default=None,
              help="Student copies in the class set (versions repeat A, B, C, A...; default: one of each).")
@click.option("--activities", default=None, metavar="LIST",
              help="Vocabulary activities, comma-separated (matching, cloze, flashcards, flashcards_duplex, "
                   "word_search, crossword; 'none' for none): replaces the guide's 'activities:'.")
@click.option("--theme", default=None, metavar="NAME|FILE",
              help="A theme (classic, modern, ink-saver, compact, or your own themes/NAME.yaml): "
                   "replaces the guide's 'theme:'. 'studyguide themes' lists them.")
@_format_options
@click.pass_context
def build(ctx, paths, out_dir, paper, no_key, jobs, versions, seed, edition, reduced_choices, word_bank,
          extra_lines, class_set, copies, activities, theme, fmt, questions, sheet):
    """Build each guide into OUTPUT/<name>.pdf and OUTPUT/<name>-key.pdf.

    PATHS are guide files or folders of them (default: guides/). With versions or an edition, the
    names say which is which: <name>-large-print-B.pdf, <name>-B-key.pdf, <name>-B-grid.pdf.
    """
    from . import batch
    from .classroom import SetOptions, check_seed
    from .model import Accommodations

    chosen = None
    if activities is not None:
        from .reading.schema import ACTIVITIES

        chosen = tuple(a.strip().lower().replace("-", "_").replace(" ", "_") for a in activities.split(",") if a.strip())
        chosen = tuple(a for a in chosen if a != "none")
        unknown = [a for a in chosen if a not in ACTIVITIES]
        if unknown:
            raise click.BadParameter(f"unknown activity {unknown[0]!r} (choose from {', '.join(ACTIVITIES)})",
                                     param_hint="--activities")
    check_seed(seed)
    options = SetOptions(edition=edition, versions=versions, seed=seed, class_set=class_set, copies=copies,
                         key=not no_key, accommodations=Accommodations(reduced_choices, word_bank, extra_lines),
                         activities=chosen, theme=theme, format=fmt, questions=questions, sheet=sheet)

    guides = api.find_guides(paths or ["guides"])
    if not guides:
        raise api.UsageError(f"no guides (*.yaml) found in {', '.join(paths or ['guides'])}")
    paper = paper.lower() if paper else None
    files.check_folder(out_dir)
    read, known = batch.plan(guides, out_dir, not no_key, options)  # every output named before any is drawn
    outcomes = batch.build_many(guides, out_dir, paper, not no_key, jobs, options, read, known,
                                debug=ctx.obj.get("debug"))
    progress = Progress(len(guides), sys.stderr.isatty())
    failed = internal = 0
    echo = _Once()
    try:
        for outcome in outcomes:
            if not _report(outcome, progress, echo):
                failed += 1
                internal += outcome.internal is not None
    except interrupts.Interrupted as exc:
        progress.clear()
        one = str(guides[0]) if len(guides) == 1 else None
        if one and progress.done:
            click.echo(f"interrupted ({exc.name}): every new file of {one} was written", err=True)
        elif one:
            click.echo(f"interrupted ({exc.name}): nothing was written; the files of {one} are as they were", err=True)
        else:
            click.echo(f"interrupted ({exc.name}): the guides reported built have every new file; "
                       "every other guide's files are as they were", err=True)
        sys.exit(exc.exit_code)
    if failed:
        click.echo(f"{failed} of {len(guides)} guide{'s' if len(guides) != 1 else ''} failed", err=True)
        sys.exit(EXIT_INTERNAL if internal else 1)


@cli.command()
@_pdf_options
def watch(paths, out_dir, paper, no_key):
    """Rebuild each guide (and its key) whenever it is saved; errors are shown, watching goes on.

    PATHS are guide files or folders of them (default: guides/). Stop with Ctrl+C.
    """
    from .watch.watcher import Watcher

    paths = paths or ("guides",)
    api.find_guides(paths)  # a missing path is a usage error now, not a silent wait

    def report(line: str, err: bool) -> None:
        click.echo(visible(line), err=err)

    try:
        Watcher(paths, out_dir, paper=paper.lower() if paper else None, key=not no_key, report=report).run()
    except (KeyboardInterrupt, interrupts.Interrupted):
        click.echo("stopped watching", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
def validate(paths):
    """Check guides without building them (default: guides/)."""
    guides = api.find_guides(paths or ["guides"])
    if not guides:
        raise api.UsageError(f"no guides (*.yaml) found in {', '.join(paths or ['guides'])}")
    failed = 0
    echo = _Once()
    shared = list(dict.fromkeys([p for p in guides if api.is_defaults_file(p)] +
                                [d for d in (api.defaults_file(p.parent) for p in guides) if d is not None]))
    guides = [p for p in guides if not api.is_defaults_file(p)]
    named = {Path(p) for p in paths or ["guides"]}
    for path in shared:  # each folder's defaults file first, once (said 'ok' only when it or its folder is named)
        try:
            root, warnings = api.load_defaults(path)
        except StudyguideError as exc:
            failed += 1
            _problems(exc, echo)
            continue
        for warning in warnings:
            echo(str(warning))
        keys = ", ".join(k.value for k, _ in getattr(root, "pairs", ())) or "nothing yet"
        if path in named or path.parent in named:
            click.echo(f"ok: {path} (defaults for the guides beside it: {keys})")
    for path in guides:
        try:
            guide = api.load(path)
        except StudyguideError as exc:
            failed += 1
            _problems(exc, echo)
            continue
        for warning in guide.warnings:
            echo(str(warning))
        click.echo(f"ok: {path} ({_count(len(guide.questions), 'question')}, {_count(len(guide.vocabulary), 'term')})")
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
    from .reading.editor_schema import guide_schema

    click.echo(json.dumps(guide_schema(), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
def new(file):
    """Write a commented starter guide to FILE (never overwrites)."""
    starter = (Path(__file__).with_name("starter.yaml")).read_bytes()
    try:
        Path(file).parent.mkdir(parents=True, exist_ok=True)  # 'new guides/my-guide.yaml' in a fresh folder
        with open(file, "xb") as fh:
            fh.write(starter)
    except FileExistsError:
        raise api.UsageError(f"{file}: already exists; choose a new file name") from None
    except OSError as exc:
        raise api.UsageError(f"{file}: cannot be written ({exc.strerror})") from None
    click.echo(f"wrote {file}; edit it, then run: studyguide build {file}")


@cli.command("themes")
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
    from . import preview as pv

    folder = Path(folder)
    listed = pv.available(folder)
    broken = [t for t in listed if t.problems]
    for t in broken:  # shown, and left out of the list and the previews
        for problem in t.problems:
            click.echo(visible(str(problem)), err=True)
    listed = [t for t in listed if not t.problems]
    bundled_names = {t.name for t in listed if t.source == "bundled"}
    if not preview:
        width = max(len(t.name) for t in listed)
        for t in listed:
            where = "" if t.source == "bundled" else f"  [{t.source}" + (f", parent {t.parent}" if t.parent else "")
            if t.source != "bundled" and t.name in bundled_names:
                where += f"; overrides the bundled {t.name} for these guides"
            where += "" if t.source == "bundled" else "]"
            click.echo(f"{t.name.ljust(width)}  {t.description}{where}")
        if broken:
            sys.exit(1)
        return
    if guide is None:
        found = [p for p in api.find_guides([folder])] if folder.is_dir() else []
        guide = found[0] if found else pv.STARTER
    guide = Path(guide)
    out = Path(out_dir)
    files.check_folder(out)
    ext = ".png" if png else ".pdf"
    named = [(t, out / files.output_name(f"theme-{t.name}", None if t.source == "bundled" else "own", ext=ext))
             for t in listed]
    clash = files.clashes([(Path(t.source if t.source != "bundled" else t.name), [target]) for t, target in named])
    for problems in clash.values():
        for problem in problems:
            click.echo(visible(str(problem)), err=True)
    previews = [(target, pv.first_page(guide, t, folder)) for t, target in named
             if Path(t.source if t.source != "bundled" else t.name) not in clash]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise api.UsageError(f"{out}: the output folder cannot be made ({exc.strerror or exc})") from None
    written = [(target, pv.to_png(pdf)) if png else (target, pdf) for target, pdf in previews]
    files.write_all(written)
    for path, _ in written:
        click.echo(f"wrote {path}")
    if broken or clash:
        sys.exit(1)


EXPORT_FORMATS = ("quizlet", "anki", "moodle", "qti", "canvas", "brightspace", "kahoot", "blooket", "gimkit", "quizizz",
                  "wayground")  # export.FORMATS and ALIASES


@cli.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--to", "fmt", required=True, type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
              help="quizlet and anki: the vocabulary; moodle, qti (also canvas, brightspace) and the games "
                   "kahoot, blooket, gimkit, quizizz (wayground): the questions.")
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the exported files.")
@click.option("--apkg", is_flag=True, help="With --to anki: also write an Anki deck package (.apkg).")
def export_guides(paths, fmt, out_dir, apkg):
    """Export each guide for Quizlet, Anki, Moodle, Canvas (QTI) or a quiz game into OUTPUT/.

    PATHS are guide files or folders of them (default: guides/). A question a
    format cannot hold as it is gets a warning with its line; the others go on.
    """
    from .export import exporter as exporter_for

    guides = api.find_guides(paths or ["guides"])
    if not guides:
        raise api.UsageError(f"no guides (*.yaml) found in {', '.join(paths or ['guides'])}")
    fmt = fmt.lower()
    if apkg and fmt != "anki":
        raise api.UsageError("--apkg goes with --to anki (it writes an Anki deck package)")
    exporter = exporter_for(fmt)
    if apkg:
        from .export.anki import export_with_apkg as exporter
    out = Path(out_dir)
    files.check_folder(out)
    failed = 0
    for path, guide, made, warnings, error in api.export_all(guides, exporter, out):  # named before written
        try:
            if error is not None:
                raise error
            interrupts.raise_if_interrupted()
            _warn(guide.warnings)
            _warn(warnings)
            if made:
                files.make_folder(out)
                files.write_all([(out / name, data) for name, data in made])  # all of this guide's files, or none
        except StudyguideError as exc:
            failed += 1
            _problems(exc)
            click.echo(f"failed: {path}", err=True)
            continue
        held = (f"{len(guide.vocabulary)} term{'s' if len(guide.vocabulary) != 1 else ''}" if fmt in ("quizlet", "anki")
                else f"{len(guide.questions)} question{'s' if len(guide.questions) != 1 else ''}")
        for name, _ in made:
            click.echo(f"exported {path} → {out / name} ({held})")
    if failed:
        click.echo(f"{failed} of {len(guides)} guide{'s' if len(guides) != 1 else ''} failed", err=True)
        sys.exit(1)


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False),
              help="The new guide to write (default: guides/FILE-NAME.yaml); never written over.")
@click.option("--from", "fmt", type=click.Choice(("quizlet", "anki", "moodle", "gift", "qti", "csv"),
                                                 case_sensitive=False),
              help="The file's format, when its name and contents do not tell.")
def import_bank(file, out, fmt):
    """Make a new guide from a Quizlet, Anki, Moodle XML, GIFT, QTI (.zip) or CSV file of vocabulary or questions.

    What does not map to a guide gets a warning with its line in FILE.
    """
    from .importers import import_file

    path = Path(file)
    target = Path(out) if out else Path("guides") / (path.name.split(".")[0] + ".yaml")
    written, draft = import_file(path, target, fmt.lower() if fmt else None)
    _warn(draft.problems)
    click.echo(f"imported {path} → {written} ({len(draft.vocabulary)} terms, {len(draft.questions)} questions)")


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Exit with status 1 when there is any finding.")
@_format_options
def check_guides(paths, strict, fmt, questions, sheet):
    """Check guides beyond the schema, and show each one's page budget (default: guides/).

    Findings are warnings (exit 0) unless --strict. See docs/guide-format.md.
    """
    from . import budget

    guides = api.find_guides(paths or ["guides"])
    if not guides:
        raise api.UsageError(f"no guides (*.yaml) found in {', '.join(paths or ['guides'])}")
    failed = found = 0
    for path in guides:
        try:
            _, findings, plan = budget.review(path, fmt=fmt, questions=questions, sheet=sheet)
        except StudyguideError as exc:
            failed += 1
            _problems(exc)
            continue
        _warn(findings)
        found += len(findings)
        named = ", ".join(x for x in (fmt if fmt not in (None, "handout") else None,
                                       f"{sheet} sheets" if sheet else None) if x)
        for line in budget.lines(f"{path} ({named})" if named else str(path), plan):
            click.echo(line)
    if failed or (strict and found):
        sys.exit(1)


def main(argv=None) -> None:
    """Entry point: user mistakes get their message, internal errors one line (or --debug)."""
    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args
    try:
        with interrupts.signals_handled():  # INT, TERM, HUP: stop between files, never mid-set (see api.write_all)
            cli.main(args=args, prog_name="studyguide", standalone_mode=False)
            interrupts.raise_if_interrupted()
    except interrupts.Interrupted as exc:
        click.echo(f"interrupted ({exc.name}): the files reported above were written whole; "
                   "nothing else was changed", err=True)
        sys.exit(exc.exit_code)
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
