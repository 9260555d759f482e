"""Classroom sets: versions A, B, C... with their keys and answer grids, accommodation editions,
and one collated PDF for the copier. Everything is rendered in memory and written at the end,
all or nothing, like a plain build.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import (api, classset, formats, grid, labels, lettered, lowres, overflow, pagelint, picsize, render, reseeded,
               sheets, variants)
from . import evened as evened_versions
from .errors import BuildError, Location, Problem
from .files import build_names, write_all
from .layout import activities as activity_layout
from .layout import pictures
from .layout.activities import small as activity_small
from .model import Accommodations, Guide


@dataclass(frozen=True)
class SetOptions:
    edition: Optional[str] = None            # None/standard, large-print, readable
    versions: Optional[int] = None           # overrides the guide's 'versions:'
    seed: Optional[str] = None               # overrides the guide's 'seed:'
    accommodations: Optional[Accommodations] = None  # from the flags (extra_lines None: not given)
    own_accommodations: bool = True          # the guide's 'accommodations:' apply (--no-accommodations: not)
    class_set: bool = False
    copies: Optional[int] = None             # student copies in the class set (default: one per version)
    key: bool = True
    activities: Optional[tuple] = None       # replaces the guide's 'activities:' (from --activities)
    theme: Optional[str] = None              # replaces the guide's 'theme:' (from --theme)
    skip: tuple = ()                         # sections left out of this build (from --skip)
    format: Optional[str] = None             # handout (None), quiz, exit-ticket (formats.py)
    questions: Optional[str] = None          # the questions chosen (select.py), from --questions
    sheet: Optional[str] = None              # half or quarter: small pages, two or four to a sheet (sheets.py)
    editions: tuple = ()                     # every edition asked for (--edition twice): each is built
    unused: Optional[Accommodations] = None  # accommodations the format has no use for, said by this copy (each_copy)

    def __post_init__(self):
        check_seed(self.seed)  # --seed as a guide's seed: is checked
        if self.copies is not None and not self.class_set:
            from .errors import UsageError

            raise UsageError(f"--copies {self.copies} counts the copies in a class set: add --class-set (one "
                             "collated PDF for the copier), or leave out --copies")
        for one in self.each_edition():
            check_fillable(one)
            sheets.check_edition(one.sheet, one.edition, one.format)

    def each_edition(self) -> list:
        """One SetOptions per edition asked for, in the order given (the same edition once); this one alone
        when at most one was."""
        if len(self.editions) < 2:
            return [self]
        return [dataclasses.replace(self, edition=e, editions=()) for e in dict.fromkeys(self.editions)]

    @property
    def active(self) -> bool:
        return bool(self.edition not in (None, "standard") or self.versions or self.seed or self.class_set
                    or asked(self.accommodations)
                    or self.format not in (None, "handout") or self.questions is not None or self.sheet)


def asked(acc: Optional[Accommodations]) -> bool:
    """Whether ``acc`` asks for anything (``--extra-lines 0`` alone does not)."""
    return bool(acc and (acc.reduced_choices or acc.word_bank or acc.extra_lines))


def own(guide: Guide, options: SetOptions) -> Accommodations:
    """The guide's own accommodations, as this build takes them (none with --no-accommodations)."""
    return guide.accommodations if options.own_accommodations else Accommodations()


def each_copy(guide: Guide, options: SetOptions) -> list[SetOptions]:
    """The copies a build of ``guide`` makes: with 'accommodations:' in the guide, the standard copy (and
    its class set, for the class) and the accommodated one beside it, for the few students who need it,
    the flags winning over the guide's keys (``--extra-lines 0``); otherwise ``options`` alone (a flag on
    a guide without 'accommodations:' builds that copy alone, as ``--edition`` builds that edition)."""
    acc = variants.merged(own(guide, options), options.accommodations)
    kept = formats.accommodated(options.format or guide.format, acc)  # (notes: no reduced choices...)
    said = dict(unused=acc) if asked(acc) and kept != acc else {}  # (said once, by the copy that stands for it)
    standard = dataclasses.replace(options, own_accommodations=False, accommodations=None)
    if not asked(kept):
        return [dataclasses.replace(standard if asked(acc) else options, **said)]  # (or the flags took them away)
    if not asked(own(guide, options)):
        return [dataclasses.replace(options, **said)]
    return [standard, dataclasses.replace(options, class_set=False, copies=None, **said)]


def wanted(guide: Guide, options: SetOptions) -> bool:
    """Whether a build of this guide is a classroom build (by the command line or the guide itself)."""
    return options.active or bool(guide.versions) or asked(own(guide, options))


def version_count(guide: Guide, options: SetOptions) -> int:
    """How many versions a build makes (0: none, no letters): --versions, else the guide's 'versions:', which an
    exit ticket (``guide`` prepared for its format) leaves aside: it was written for the unit test the guide
    prints, and a ticket of one to three questions has few orders to shuffle (three copies of one question
    were printed, with a warning about the guide). A ticket in versions is asked for with --versions.
    Notes, Cornell notes and organizers have no question to shuffle: never in versions (--versions is
    warned of in build_set). The format is the options' when ``guide`` is not prepared yet (batch.plan)."""
    fmt = options.format or guide.format
    if fmt in formats.READING:
        return 0
    if options.versions:
        return options.versions
    return 0 if fmt == "exit-ticket" else guide.versions


# what the warning for --versions with a format that has no questions calls it
NO_QUESTIONS = {"notes": "guided notes", "cornell": "Cornell notes", "organizers": "graphic organizers"}


def tags(options: SetOptions, acc: Accommodations) -> list[str]:
    """What the file names of a classroom build say, in order: the format (quiz, exit-ticket...), the
    sheet size, the edition, then each accommodation, so an accommodated copy never takes the name of
    the standard one (x-word-bank-extra-lines-2.pdf)."""
    out = [t for t in (options.format, options.sheet, options.edition) if t and t not in ("handout", "standard")]
    if acc.reduced_choices:
        out.append("reduced-choices")
    if acc.word_bank:
        out.append("word-bank")
    if acc.extra_lines:
        out.append(f"extra-lines-{acc.extra_lines}")
    return out


def names(path, out_dir, guide: Guide, options: SetOptions, key: bool = True) -> dict:
    """Every file a build of ``guide`` (from ``path``) writes, by (kind, version letter), before anything
    is drawn: a classroom build's versions, keys, grids and class set, or a plain build's two PDFs."""
    if not wanted(guide, options):
        return build_names(path, out_dir, key=key)
    acc = formats.accommodated(options.format or guide.format, variants.merged(own(guide, options),
                                                                               options.accommodations))
    count = version_count(guide, options)
    letters = [variants.LETTERS[i] for i in range(count)] if count else [None]
    return build_names(path, out_dir, tags(options, acc), letters, key=options.key,
                           class_set=options.class_set)


def build_set(path, out_dir, paper: Optional[str], options: SetOptions, guide: Optional[Guide] = None,
              write: bool = True) -> api.BuildResult:
    """Every file of a classroom build of the guide at ``path`` (``guide``: it, already loaded), all
    written together (``write`` false: drawn and named in the result's ``files`` only). A guide in a
    language with no labels of its own is told the labels this build printed and it does not give."""
    with labels.drawing() as drawn:  # every label read: the format's subtitle, the pages', the grids', the set's
        result = _build_set(path, out_dir, paper, options, guide, write)
    result.warnings = labels.retold(result.warnings, result.guide.language, result.guide.labels, drawn)
    return result


def _build_set(path, out_dir, paper: Optional[str], options: SetOptions, guide: Optional[Guide],
               write: bool) -> api.BuildResult:
    guide = guide or api.load(path, check_theme=not options.theme)
    if not options.own_accommodations:  # the standard copy beside an accommodated one, or --no-accommodations
        guide = dataclasses.replace(guide, accommodations=Accommodations())
    if options.activities is not None:
        guide = dataclasses.replace(guide, activities=tuple(options.activities))
    guide = api.skipping(guide, options.skip)
    guide = formats.prepare(guide, options.format, options.questions, options.activities)
    formats.check_skip(guide, options.skip)
    standard = dataclasses.replace(guide, accommodations=Accommodations())  # (its pages choose the versions' draws)
    guide = variants.accommodate(guide, options.accommodations)
    guide = dataclasses.replace(guide, accommodations=formats.accommodated(guide.format, guide.accommodations))
    theme = api.theme_for(guide, options.theme, options.edition)
    paper = paper or guide.paper
    small_page = sheets.small_paper(paper, options.sheet) if options.sheet else paper
    guide, too_small = activity_small.too_small(guide, theme, small_page)  # a grid puzzle that loses a third
    standard = _canonical_copy(guide, standard, theme, options, paper, small_page)
    fmt = guide.format
    sizes = [options.sheet] if options.sheet else exit_sizes(theme.edition) if fmt == "exit-ticket" else [None]
    count = version_count(guide, options)
    seed = options.seed or guide.seed or variants.default_seed(guide)
    where = None if options.versions else guide.versions_where  # (--versions: the bare file)
    editions, same = variants.versions(guide, count, seed, where, asked=bool(options.versions)) if count else ([guide], None)
    font_for, warnings = render.glyph_plan(editions[0], theme)  # version A: its footer's letter and seed too
    laid_out = sheets.small_paper(paper, options.sheet) if options.sheet else paper  # where activities must fit
    warnings = list(guide.warnings) + warnings + too_small + activity_layout.warnings(guide, theme, laid_out) + \
        ([same] if same else []) + (lettered.warnings(guide) if count else []) + \
        api.build_warnings(guide) + formats.unused(guide, options.unused)  # (choices named by letter: kept)
    if options.versions and fmt in formats.READING:
        warnings.append(Problem(Location(str(path)), f"--versions {options.versions}: {NO_QUESTIONS[fmt]} have no "
                                "questions to shuffle, so they print once, without version letters or an answer "
                                "grid (leave out --versions)", warning=True))
    planned = names(path, out_dir, guide, options)
    modes = ("student", "key") if options.key else ("student",)
    files: list[tuple[Path, bytes, int, list]] = []  # (target, pdf, pages, question pages)
    notes: dict[Path, str] = {}  # how to print a class set, said beside its page count
    uneven: dict = {}

    def evened(versions, out, small):  # a version from B on that takes more pages than A: drawn again (evened.py)
        versions, out, vain = evened_versions.even(versions, out, guide, seed, small, theme, font_for, modes, standard)
        uneven.update(vain)
        return versions, out

    with pictures.drawing() as printed, picsize.noting() as small:  # (a picture with too few pixels for its size:
        # said, lowres; one questions read printed small, picsize)
        by_letter, size = _render_sized(path, editions, modes, paper, theme, font_for, sizes, fmt == "exit-ticket",
                                        check=lambda docs: check_pages(path, docs, len(editions), options),
                                        even=evened if (count or 0) > 1 and fmt != "exit-ticket" else None)
    warnings += lowres.warnings(guide, printed) + picsize.warnings(guide, small, theme, laid_out)
    warnings += _uneven(where or Location(str(path)), editions, by_letter, uneven)
    warnings += _extra_lines_alone(editions, by_letter)
    if options.key:  # (the Cornell key's model summary cut to its lines: version A's, as the others' are alike)
        warnings += pagelint.summary_cut(editions[0], by_letter[editions[0].version]["key"])
    warnings += pagelint.summary_alone(editions[0], by_letter[editions[0].version]["student"])
    if fmt == "exit-ticket" and size is None:  # (the large-print fallback: see exit_sizes)
        warnings.append(Problem(Location(str(path)), f"the {theme.edition} exit ticket does not fit on a half page, "
                                                     "so it prints one ticket to a page; choose fewer or shorter "
                                                     "questions with --questions for two to a sheet", warning=True))
    if options.sheet or fmt != "exit-ticket":  # the last question alone on a last page (of version A: the others' differ little)
        warnings += pagelint.alone_on_last_page(editions[0], by_letter[editions[0].version]["student"], options.sheet)
    if options.sheet == "quarter":  # page 1 the title alone, question 1 too tall for it; and on half sheets?
        warnings += pagelint.title_alone(editions[0], by_letter[editions[0].version]["student"], lambda: render.render(
            editions[0], ("student",), sheets.small_paper(paper, "half"), theme, font_for, "half")["student"])
    for g in editions:
        docs = by_letter[g.version]
        files.append((planned["student", g.version], docs["student"].pdf, docs["student"].pages,
                      docs["student"].question_pages))
        if options.key:
            files.append((planned["key", g.version], docs["key"].pdf, docs["key"].pages,
                          docs["key"].question_pages))
        if g.version and options.key:  # the answers: none at all with --no-key
            answers = grid.render_grid(g, sheets.FULL.get(paper, paper), font_for, api.theme_for(g, options.theme))
            files.append((planned["grid", g.version], answers.pdf, answers.pages, []))
    if options.class_set:  # one collated PDF of the copies, and one of the keys (classset.py)
        for collated, note in classset.sets(guide, options, planned, [g.version for g in editions], by_letter, theme,
                                            font_for):
            files.append(collated)
            notes[collated[0]] = note
    if count:  # versions made with another seed, about to be replaced (written here or by the caller: reseeded.py)
        warnings += reseeded.warnings(path, seed, [planned["student", g.version] for g in editions])
    result = api.BuildResult(guide, warnings=warnings, files=[(target, data) for target, data, _, _ in files])
    if write:
        write_all(result.files, Path(out_dir), guide=guide.path)
    result.outputs = [api.Output(target, pages, qp, notes.get(target, "")) for target, _, pages, qp in files]
    return result


def _canonical_copy(guide: Guide, standard: Guide, theme, options: SetOptions, paper: str, small_page):
    """None when this copy is the canonical one (its own pages choose the versions' draws); else the copy whose
    pages choose them (evened.py): the standard edition in the guide's own theme, on the guide's own paper,
    whatever --paper, --theme, --edition, --sheet or accommodations this build has, so that one seed gives the
    same versions on every paper and in every theme (docs: `seed`)."""
    plain = api.theme_for(standard, None, None)
    if theme == plain and paper == small_page == standard.paper and guide.accommodations == Accommodations():
        return None
    return activity_small.too_small(standard, plain, standard.paper)[0], plain, standard.paper


def _uneven(where: Location, editions, by_letter, vain: dict) -> list:
    """The versions that print on more pages than version A, said once (a class set's copies then take
    different numbers of sheets), with why: no other shuffle tried did better, or the order is the standard
    copy's (one answer grid marks every copy of a version)."""
    first = by_letter[editions[0].version]["student"].pages
    longer = [(g.version, by_letter[g.version]["student"].pages) for g in editions[1:]
              if by_letter[g.version]["student"].pages > first]
    if not longer:
        return []
    said = ", ".join(f"{letter} on {n}" for letter, n in longer)
    tried = [letter for letter, _ in longer if letter in vain]
    why = (f"none of {evened_versions.REDRAWS} other shuffles of {', '.join(tried)} tried takes fewer"
           if tried else "each keeps the order its seed gives on the guide's own paper and theme, so that every "
                         "paper, theme and edition prints the same versions")
    return [Problem(where, f"version A prints on {first} pages but {said} ({why}); the class set's copies "
                           "take different numbers of sheets", warning=True)]


def _extra_lines_alone(editions, by_letter) -> list:
    """The accommodation's extra lines that take a page for a few lines (they print in full: the students the
    copy is for need the room), said by build as by check, with the `lines:` that ends the question on the page
    before; the versions it is true of named, when not all."""

    said: dict = {}
    for g in editions:
        lone = [one for one in by_letter[g.version]["student"].lone_lines
                if getattr(g.questions[one[0] - 1], "lines_added", 0)]
        for problem in pagelint.lone_lines(g, lone):
            said.setdefault(str(problem), (problem, []))[1].append(g.version)
    out = []
    for problem, letters in said.values():
        if len(letters) < len(editions):
            which = f"version{'s' if len(letters) > 1 else ''} {', '.join(letters)}"
            problem = dataclasses.replace(problem, message=f"{problem.message} ({which})")
        out.append(problem)
    return out


def _render_sized(path, editions, modes, paper, theme, font_for, sizes, one_page: bool, check=None, even=None) -> dict:
    """Each edition's documents {letter: {mode: Rendered}}, on ``paper`` or, for a sheet size, on its small
    paper, imposed two or four to a sheet. ``one_page`` (an exit ticket): the first size in ``sizes`` on
    which every copy fits one page; none fitting is a located error. Returns them and the size chosen.
    ``check``: called with the first edition's documents, before the others are drawn (see check_pages)."""
    for n, size in enumerate(sizes):
        small = sheets.small_paper(paper, size) if size else paper
        out = {}
        for g in editions:
            try:
                out[g.version] = render.render(g, modes, paper=small, theme=theme, font_for=font_for,
                                               sheet=sheets.imposed(size, theme.edition))
            except render.RenderFailed as exc:  # (no line: the part is found, as api.render does)
                if one_page and n < len(sizes) - 1:  # a part taller than this page: a ticket tries the next size
                    break
                raise BuildError(*((exc.where, exc.message) if exc.where.line else
                                   overflow.locate(g, small, font_for, exc, theme))) from None
            if check is not None and len(out) == 1:
                check(out[g.version])
        if len(out) < len(editions):  # (a large-print ticket with its key's note, once "taller than a page")
            continue
        if even is not None:  # (``editions`` changed in place: the grids and files follow)
            editions[:], out = even(editions, out, small)
        if one_page and any(docs[m].pages > 1 for docs in out.values() for m in modes):
            continue
        if sheets.imposed(size, theme.edition):  # (a fillable exit ticket: one to a page, its fields kept)
            scissors = sheets.SCISSORS_LARGE if theme.edition == "large-print" else sheets.SCISSORS
            for docs in out.values():
                for m in modes:
                    docs[m] = dataclasses.replace(docs[m], pdf=sheets.impose(docs[m].pdf, small, sheets.UP[size],
                                                                             scissors))
        return out, size
    count = len(editions[0].questions)
    if count > 1:
        whole = None in exit_sizes(theme.edition) and sizes[-1] is not None  # (--sheet asked for a size)
        raise BuildError(Location(str(path)), f"the exit ticket does not fit on a {sizes[-1] or 'whole'} page (its {count} "
                                              "questions take more room); choose fewer or shorter questions with "
                                              "--questions" + (f", or leave out --sheet to print the {theme.edition} "
                                                               "ticket one to a page" if whole else ""))
    raise BuildError(*_one_too_tall(editions[0].questions[0], sizes[-1], theme.edition))


def exit_sizes(edition) -> list:
    """The sheets an exit ticket is tried on, smallest first: four to a sheet, then two; in large print or the
    readable edition, whose larger type makes two ordinary questions taller than a half page, then one ticket to
    a whole page, so the students who need that edition still get their ticket."""
    return ["quarter", "half"] + ([None] if edition in ("large-print", "readable") else [])


def _one_too_tall(q, size, edition) -> tuple:
    """Where and why one question is too tall for an exit ticket, with what can be done: fewer than one
    question cannot be chosen."""
    lines = getattr(q, "lines", None)
    larger = f", in the {edition} edition" if edition in ("large-print", "readable") else ""
    what = f"its one question, with {lines} answer lines{larger}," if lines else f"its one question{larger}"
    fix = "give it fewer answer lines (its 'lines:')" if lines else "shorten it"
    return q.where, (f"the exit ticket does not fit on a {size} page: {what} takes more room; {fix}, or print it "
                     "as a quiz (--format quiz), which may run over pages")


MAX_PAGES = 5_000    # pages one build of one guide may make: every version, key, grid and the class set
MAX_SEED = 100       # characters in --seed, as in a guide's seed:


def estimated_pages(docs: dict, versions: int, options: SetOptions) -> int:
    """The pages a build makes, from one version's: versions × (handout + key + grid) + the class set
    (each copy of more than a page padded to an even count, for two-sided printing: see classset.collate) and its key."""
    student = docs["student"].pages
    key = docs["key"].pages if "key" in docs else 0
    total = versions * (student + key + (1 if "key" in docs and (versions > 1 or options.versions) else 0))
    if options.class_set:  # (the last copy needs no blank page)
        odd, odd_key = student % 2 * (student > 1), key % 2 * (key > 1)
        total += (options.copies or versions) * (student + odd) - odd
        total += versions * (key + odd_key) - odd_key if "key" in docs else 0
    return total


def check_pages(path, docs: dict, versions: int, options: SetOptions) -> None:
    """Refuse, before the rest is drawn, a build that would make more than MAX_PAGES pages."""
    total = estimated_pages(docs, versions, options)
    if total > MAX_PAGES:
        raise BuildError(Location(str(path), 1), (
            f"this build would make about {total:,} pages ({versions} version{'s' if versions != 1 else ''} of "
            f"{docs['student'].pages} pages{', a class set of ' + str(options.copies or versions) + ' copies' if options.class_set else ''}"
            f"); one build makes at most {MAX_PAGES:,}: ask for fewer versions or copies"))


def check_fillable(options: SetOptions) -> None:
    """The fillable edition is for completing on screen: refused with what would print several copies on
    one sheet or collate them (pages imposed or collated lose their form fields, or share one set)."""
    from .errors import UsageError

    if options.edition != "fillable":
        return
    if options.sheet:
        raise UsageError(f"--edition fillable with --sheet {options.sheet}: putting pages {sheets.UP[options.sheet]} to "
                         "a sheet would drop their form fields; leave out --sheet (a fillable handout is completed "
                         "on screen), or build the sheets without --edition fillable")
    if options.class_set:
        raise UsageError("--edition fillable with --class-set: collated copies would share one set of form "
                         "fields; leave out --class-set (each student opens the fillable file), or build the "
                         "class set without --edition fillable")


def check_seed(seed: Optional[str]) -> None:
    """--seed as a guide's seed: is checked: at most MAX_SEED characters, none invisible or reordering."""
    from .errors import UsageError
    from .reading.walker import bad_char

    if seed is None:
        return
    if len(seed) > MAX_SEED:
        raise UsageError(f"--seed: {len(seed):,} characters; at most {MAX_SEED} (a word or a number)")
    bad = bad_char(seed) or next((c for c in seed if c in "\t\n"), None)
    if bad:
        import unicodedata

        raise UsageError(f"--seed: contains the invisible character U+{ord(bad):04X} "
                         f"({unicodedata.name(bad, 'control character')}); type the seed again")
    if not seed.strip():
        raise UsageError("--seed: is empty (a word or a number)")
