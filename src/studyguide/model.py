"""A guide as plain, frozen data. Imports neither reportlab nor yaml.

Every later output (handout, key, versions, activities, exports) takes a
:class:`Guide` and gives bytes; none reaches back into YAML.
Text fields hold the teacher's text exactly, with ``**bold**`` and ``*italic*``
left in place for each renderer to interpret.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence, Union

from . import amounts, scripts
from .errors import Location
from .labels import EN as EN_LABELS, number

SECTION_ORDER = ("summary", "objectives", "topics", "perspectives", "chart", "takeaways", "vocabulary", "questions")

HEADING_KEYS = ("summary", "objectives", "topics", "perspectives", "chart", "benefits", "criticisms",
                "takeaways", "vocabulary", "questions")
# English defaults (for the editor schema); printed headings follow the guide's language (labels.py)
DEFAULT_HEADINGS = {key: EN_LABELS[key] for key in HEADING_KEYS}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # choices, definitions, versions and grid answers are lettered


@dataclass(frozen=True)
class Source:
    """A work the guide is drawn from, printed under the title block."""
    title: Optional[str] = None
    author: Optional[str] = None
    publisher: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class Mark:
    """A span of the reading that questions cite by name ({@name}...{@/name} in the reading).

    Where it starts and ends is counted in non-space characters of each paragraph's printed text,
    so the layout can find its printed lines whatever the paper, theme or edition."""
    name: str
    first: tuple[int, int]  # (paragraph index, non-space characters before the span)
    last: tuple[int, int]   # (paragraph index, non-space characters up to the span's end)
    where: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True)
class Reading:
    """The text students read, printed with line and paragraph numbers (layout/passage.py), or, a poem
    (``form`` "verse"), line by line with the poem's own line numbers (layout/verse.py)."""
    paragraphs: tuple[str, ...]       # verse: the poem's lines, one each
    title: Optional[str] = None
    source: Optional[str] = None      # printed under it
    place: str = "start"              # "start": after the title block; "questions": just before the questions
    marks: tuple[Mark, ...] = ()
    form: str = "prose"               # "prose" or "verse"
    stanzas: tuple[int, ...] = ()     # verse: the index of each stanza's first line (0 first)
    indents: tuple[int, ...] = ()     # verse: how many spaces further in each line was typed (none: ())

    @property
    def verse(self) -> bool:
        return self.form == "verse"


@dataclass(frozen=True)
class Table:
    """A table of figures typed in a summary: rows of cells, the first row its heading."""
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...] = ()  # per column "left", "right", "center" as a Markdown '|---:|' row asks; "" by its cells
    where: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True)
class Topic:
    """One topic: its title, summary and points, and what guided and Cornell notes make of them."""
    title: str
    summary: Optional[str] = None
    points: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()  # typed in its summary; printed after the summary's text, before the points
    image: Optional[Path] = None
    caption: Optional[str] = None
    marked: tuple[str, ...] = ()  # words typed [[like this]] in its summary and points: blanks in guided notes
    marks: tuple[tuple[int, int, int], ...] = ()  # where each was typed: (0 the summary, k its point k; start, end)
    cues: tuple[str, ...] = ()    # questions for the cue column of Cornell notes


@dataclass(frozen=True)
class Perspective:
    """One side of the perspectives section: who holds a view, the view, and what backs it."""
    who: str
    view: str
    evidence: Optional[str] = None  # what supports the view (the key of the perspectives organizer)


@dataclass(frozen=True)
class Point:
    """A benefit or a criticism, with its optional detail."""
    point: str
    detail: Optional[str] = None


@dataclass(frozen=True)
class Term:
    """A vocabulary term with its definition, and what a Frayer card adds to it."""
    term: str
    definition: str
    example: Optional[str] = None
    characteristics: Optional[str] = None  # the key of a Frayer card (formats: organizers)
    non_examples: Optional[str] = None


@dataclass(frozen=True, kw_only=True)
class Question:
    """What every question type shares: its prompt, points, notes for the key and place in the file."""
    prompt: str
    points: Optional[float] = None
    explanation: Optional[str] = None
    instructions: Optional[str] = None   # the line after the prompt, instead of the type's default
    shuffle: bool = True                 # False: stays in place in every version
    objective: Optional[int] = None      # index into Guide.objectives
    time_limit: Optional[int] = None     # seconds to answer in a classroom game (Kahoot, Blooket, Quizizz)
    tags: tuple[str, ...] = ()           # the teacher's words for choosing questions (select.py)
    where: Location = field(default=Location(""), compare=False)

    kind = "question"


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Question):
    """One right choice among several."""
    choices: tuple[str, ...]
    answer: int  # index into choices
    pinned: tuple[int, ...] = ()  # choices that keep their place when versions are shuffled
    kind = "multiple_choice"


@dataclass(frozen=True, kw_only=True)
class SelectAll(Question):
    """Every right choice among several."""
    choices: tuple[str, ...]
    answers: tuple[int, ...]  # sorted indexes into choices
    pinned: tuple[int, ...] = ()
    kind = "select_all"


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Question):
    """A statement to mark true or false."""
    answer: bool
    kind = "true_false"


@dataclass(frozen=True, kw_only=True)
class ShortAnswer(Question):
    """An answer written on a few ruled lines."""
    answer: Optional[str] = None
    lines: int = 3
    lines_given: bool = field(default=False, compare=False)  # `lines:` in the guide: kept as given; a default
    # count may lose its last lines rather than carry them alone onto a page of their own
    lines_added: int = field(default=0, compare=False)  # of ``lines``, the accommodation's extra lines: all kept
    kind = "short_answer"


@dataclass(frozen=True, kw_only=True)
class Essay(Question):
    """A long answer written on many ruled lines; its answer is the teacher's grading notes."""
    answer: Optional[str] = None  # grading notes
    lines: int = 12
    lines_given: bool = field(default=False, compare=False)  # (as a short answer's)
    lines_added: int = field(default=0, compare=False)
    kind = "essay"


@dataclass(frozen=True)
class Blank:
    """One blank of a fill-in-the-blank question, with every answer it accepts."""
    answers: tuple[str, ...]  # the first is printed in the key; the rest are accepted too

    @property
    def answer(self) -> str:
        return self.answers[0]


@dataclass(frozen=True, kw_only=True)
class FillInBlank(Question):
    """Text with blanks to fill, with or without a word bank."""
    parts: tuple[Union[str, Blank], ...]  # text and blanks, in reading order
    word_bank: bool = False
    bank: tuple[str, ...] = ()  # the word bank's words that answer no blank of it (banks.banked)
    kind = "fill_in_blank"

    @property
    def blanks(self) -> tuple[Blank, ...]:
        return tuple(p for p in self.parts if isinstance(p, Blank))

    @property
    def bank_words(self) -> list[str]:
        """The printed word bank: each blank's answer once and the other words, in alphabetical order; a bank
        of numbers only (of one unit) in increasing order, as a math teacher lists them (1 ½ · 9 · 25 · 48)."""
        return self.bank_in()

    def bank_in(self, language: Optional[str] = None) -> list[str]:
        """:attr:`bank_words` in the alphabetical order of the guide's ``language`` (Turkish: ılık before iklim)."""
        words = sorted({b.answer for b in self.blanks} | set(self.bank), key=lambda w: scripts.alphabetical(w, language))
        rising = amounts.ascending(words)
        return words if rising is None else [words[i] for i in rising]


@dataclass(frozen=True)
class Pair:
    """A term and its match in a matching question."""
    left: str
    right: str


@dataclass(frozen=True, kw_only=True)
class Matching(Question):
    """Left-hand items to match with right-hand ones, the right-hand column printed in its own order."""
    pairs: tuple[Pair, ...]
    order: Optional[tuple[int, ...]] = None  # printed order of the right-hand items (None: fixed by content)
    kind = "matching"


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    """Items to put in their right order."""
    items: tuple[str, ...]  # in the right order
    order: Optional[tuple[int, ...]] = None  # printed order (None: fixed by content)
    kind = "ordering"


QUESTION_TYPES = {cls.kind: cls for cls in (MultipleChoice, SelectAll, TrueFalse, ShortAnswer, Essay, FillInBlank, Matching, Ordering)}


@dataclass(frozen=True)
class Accommodations:
    """Changes for students who need them: fewer choices, a word bank on every blank, more answer lines."""
    reduced_choices: bool = False  # drop one wrong choice from multiple choice with 4 or more
    word_bank: bool = False        # a word bank on every fill-in-the-blank question
    extra_lines: int = 0           # more answer lines on short answers and essays


@dataclass(frozen=True)
class Branding:
    """The school's look on every handout: a line under the title block, a running header and footer."""
    school: Optional[str] = None
    course: Optional[str] = None
    teacher: Optional[str] = None
    logo: Optional[Path] = None
    header: Optional[str] = None       # printed at the top of every page
    footer: Optional[str] = None       # printed in every page's footer, before the title

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))


@dataclass(frozen=True)
class Guide:
    """A whole study guide, as read and checked from its file."""
    title: str
    path: Path
    subtitle: Optional[str] = None
    subject: Optional[str] = None
    grade: Optional[str] = None
    author: Optional[str] = None
    language: str = "en"
    paper: str = "letter"
    source: Optional[Source] = None
    reading: Optional[Reading] = None  # the passage itself, line-numbered; questions cite its marks
    summary: tuple[Union[str, Table], ...] = ()  # paragraphs, and the tables typed among them
    headings: dict = field(default_factory=dict, compare=False)  # renamed headings only (see labels.py)
    labels: dict = field(default_factory=dict, compare=False)    # overridden labels only (see labels.py)
    objectives: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    benefits: tuple[Point, ...] = ()
    criticisms: tuple[Point, ...] = ()
    takeaways: tuple[str, ...] = ()
    vocabulary: tuple[Term, ...] = ()
    questions: tuple[Question, ...] = ()
    versions: Optional[int] = None     # how many shuffled versions (A, B, ...) a class set has
    versions_where: Optional[Location] = field(default=None, compare=False)  # the line that asks them
    seed: Optional[str] = None         # what the shuffles start from: the same seed, the same versions
    time_limit: Optional[int] = None   # seconds per question in classroom games, unless a question says
    time_limit_where: Optional[Location] = field(default=None, compare=False)  # the line that gives it
    activities: tuple[str, ...] = ()   # vocabulary activities to print
    activities_where: Optional[Location] = field(default=None, compare=False)  # its key's line (check: budget)
    coverage: str = "both"             # the coverage table in "both" PDFs, or on the "key" only (blank in the handout)
    accommodations: Accommodations = field(default_factory=Accommodations)
    accommodations_where: Optional[Location] = field(default=None, compare=False)  # the line that asks them
    version: Optional[str] = None      # the version letter, once shuffled (variants.version)
    omit: tuple[str, ...] = ()         # sections left out of one build (build --skip); never read from a guide
    format: str = "handout"            # what is printed from it: handout, quiz, exit-ticket, notes... (formats.py)
    theme: Optional[str] = None        # a theme's name or file (theming/themefiles.py); None: the default
    theme_where: Optional[Location] = field(default=None, compare=False)  # the line that names it
    branding: Branding = field(default_factory=lambda: Branding())
    # every piece of teacher text with where it was typed, for located warnings
    texts: tuple[tuple[Location, str], ...] = field(default=(), compare=False, repr=False)
    # located warnings found while reading (the guide still builds)
    warnings: tuple = field(default=(), compare=False, repr=False)

    @property
    def total_points(self) -> Optional[float]:
        """The points of the questions this build prints: none printed (build --skip questions), no total."""
        if "questions" in self.omit:
            return None
        pts = [q.points for q in self.questions if q.points is not None]
        return sum(pts) if pts else None

    @property
    def stem(self) -> str:
        return self.path.stem


GAME_TIME = 20  # seconds a classroom game gives a question when neither it nor the guide has a time_limit


def first_paragraph(summary: Sequence[Union[str, Table]]) -> Optional[str]:
    """The first paragraph of text in a summary, tables skipped (a table of figures is not the reading's
    gist): the Cornell key's model summary, and what `check` measures it by (pagelint.summary_cut)."""
    return next((p for p in summary if isinstance(p, str)), None)


def format_points(value: float, labels: Optional[dict] = None) -> str:
    """2.0 → '2', 1.5 → '1.5'; with a guide's labels (labels.for_language), in its language: '1,5' in German.

    Without labels (the command line, the exports), always with a decimal point."""
    return number(value, labels or EN_LABELS)
