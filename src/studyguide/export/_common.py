"""What every exporter shares: text in each target's markup, stable ids, located warnings, fixed zips.

Teacher text keeps ``**bold**`` and ``*italic*``; an exporter asks for it as
HTML (escaped, emphasis as <b>/<i>), as plain text (markers removed) or as one
line of plain text (tabs and line breaks turned into spaces). Nothing here
uses randomness or the clock, so the same guide always gives the same bytes.
"""
from __future__ import annotations

import hashlib
import io
import re
from decimal import Decimal
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Optional, Union

from .. import fenced, inline, lettered, rtl
from ..files import output_name as named
from ..errors import Location, Problem
from ..model import Blank, FillInBlank, Guide, Question, format_points
from ..reading.walker import count
from ..variants import about_the_others  # the rule print follows for "All of the above"

Files = list[tuple[str, bytes]]
Exported = tuple[Files, list[Problem]]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: no build clock leaks in

_LINE_BREAKS = re.compile(r"[\t\n\r\v\f\u0085\u2028\u2029]")


def html(text: str) -> str:
    """Escaped HTML: &, < and > as entities, emphasis as <b>/<i>, `code` as <code>, nothing else interpreted."""
    return inline.markup(text, code=("<code>", "</code>"))


def plain(text: str) -> str:
    """The text as a reader sees it, emphasis markers removed."""
    return inline.plain(text)


def flatten(text: str) -> str:
    """The text on one line: every tab and line break becomes a space."""
    return _LINE_BREAKS.sub(" ", text)


def one_line(text: str) -> str:
    """Plain text on one line: every tab and line break becomes a space."""
    return flatten(plain(text))


def keeps_choice_order(question: Question) -> bool:
    """Whether an LMS must show the choices as written: a choice is pinned ('shuffle: false'),
    or one is about the others ("All of the above"), which print keeps in its place too, or the
    question's explanation names its choices by letter (its feedback would name others)."""
    choices = getattr(question, "choices", ())
    return bool(getattr(question, "pinned", ())) or any(about_the_others(plain(c)) for c in choices) \
        or lettered.named_in(question)[0] is not None


def has_emphasis(text: str) -> bool:
    return plain(text) != text


def digest(*parts: str) -> str:
    """A hex SHA-256 of the parts (joined with a separator no guide text can hold)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def ident(*parts: str) -> str:
    """A stable identifier in Canvas's style: 'g' and 32 hex digits."""
    return "g" + digest(*parts)[:32]


def numeric_ids(count: int, *salt: str, taken: Iterable[str] = ()) -> list[str]:
    """``count`` distinct 4-digit ids (as Canvas numbers its answers), derived from ``salt``."""
    used = set(taken)
    out = []
    for i in range(count):
        n = 1000 + int(digest(*salt, str(i))[:8], 16) % 9000
        while str(n) in used:
            n = 1000 + (n - 999) % 9000
        used.add(str(n))
        out.append(str(n))
    return out


def points_of(question: Question, guide: Guide) -> float:
    """What the paper gives the question: its points; 0 when it has none but others have some (the
    printed total counts it as 0); 1 when no question has points (the paper gives no marks, and a quiz
    needs them)."""
    if question.points is not None:
        return float(question.points)
    return 0.0 if guide.total_points is not None else 1.0


def points_text(value: float) -> str:
    return format_points(value)


def warn(question: Question, number: int, message: str) -> Problem:
    """A warning located at the question in the guide."""
    return Problem(question.where, f"question {number} ({question.kind}): {message}", warning=True)


@dataclass(frozen=True)
class LeftOut(Problem):
    """The warning for a question the exported file does not hold: the summary counts these."""
    kind: str = ""
    reason: str = ""  # why, for the summary: "no row in Kahoot's template"
    number: int = 0


def left_out(question: Question, number: int, message: str, reason: str) -> LeftOut:
    """A warning located at the question, which ``message`` says is left out (and why)."""
    return LeftOut(question.where, f"question {number} ({question.kind}): {message}", True, question.kind, reason,
                   number)


@dataclass(frozen=True)
class MarksDiffer(Problem):
    """The warning for a question the exported file marks otherwise than the paper: the summary adds these up."""
    number: int = 0
    paper: float = 0.0  # what the handout's total counts it
    marks: float = 0.0  # what the file makes it worth


def marks_differ(question: Question, number: int, message: str, paper: float, marks: float) -> MarksDiffer:
    return MarksDiffer(question.where, f"question {number} ({question.kind}): {message}", True, number, paper, marks)


GAMES = ("kahoot", "blooket", "gimkit", "quizizz", "wayground")
NAMES = {"qti": "QTI", "canvas": "Canvas", "brightspace": "Brightspace", "wayground": "Wayground"}


def cites_unseen_reading(guide: Guide, cited: Guide, fmt: str, problems: Iterable[Problem]) -> list[Problem]:
    """One warning, at the first, naming the exported questions that cite the reading ("According to lines
    13–15, …"): no export holds the reading, so its students need the handout's reading and its line numbers.
    ``guide`` as written, ``cited`` with its citations written out as the handout prints them."""
    if fmt in ("quizlet", "anki"):  # vocabulary only
        return []
    gone = {p.number for p in problems if isinstance(p, LeftOut)}
    if fmt in GAMES:  # a game's row holds the question and its answers; Quizizz's the explanation too
        def held(q):
            return prompt_text(q), getattr(q, "choices", ()), q.explanation if fmt in ("quizizz", "wayground") else None
    else:
        def held(q):
            return q
    citing = [(n, q) for n, (q, c) in enumerate(zip(guide.questions, cited.questions), 1)
              if held(q) != held(c) and n not in gone]
    if not citing:
        return []
    name = NAMES.get(fmt, fmt.capitalize())
    numbers = ", ".join(str(n) for n, _ in citing)
    many = len(citing) > 1
    return [Problem(citing[0][1].where, f"{fmt}: question{'s' if many else ''} {numbers} cite{'' if many else 's'} "
                    f"lines of the reading, and the {name} file does not hold the reading: give students the "
                    "handout's reading (its line numbers) beside it, or write those prompts without the citation",
                    warning=True)]


def pictures_unseen(guide: Guide, fmt: str, problems: Iterable[Problem]) -> list[Problem]:
    """A warning at each exported question that names a topic's picture ("Look at Figure 2"): no question export
    holds the topics' pictures, so its students have nothing to look at."""
    if fmt in ("quizlet", "anki"):  # vocabulary only
        return []
    from ..figurerefs import unseen

    name = NAMES.get(fmt, fmt.capitalize())
    gone = {p.number for p in problems if isinstance(p, LeftOut)}
    return [replace(p, message=f"{fmt}: {p.message}") for p in
            unseen(guide, f"the {name} file does not hold it", "show students the handout's picture beside the quiz",
                   gone)]


def holds(guide: Guide, problems: Iterable[Problem], fmt: str) -> str:
    """What an export to ``fmt`` holds, counted from what was left out: '6 of 14 questions; 8 left out: 5 essay,
    3 matching (no row in Kahoot's template)'; the flashcard formats hold the terms."""
    if fmt in ("quizlet", "anki"):
        return count(len(guide.vocabulary), "term")
    gone: dict[str, dict[str, int]] = {}
    for p in problems:
        if isinstance(p, LeftOut):
            kinds = gone.setdefault(p.reason, {})
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
    total = len(guide.questions)
    out = sum(sum(k.values()) for k in gone.values())
    why = "; ".join(", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in kinds.items()) + f" ({reason})"
                    for reason, kinds in gone.items())
    said = f"{total - out} of {count(total, 'question')}; {out} left out: {why}" if out else count(total, "question")
    return said + _other_total(guide, problems, fmt)


def _other_total(guide: Guide, problems: Iterable[Problem], fmt: str) -> str:
    """'; 22.5 marks in Moodle, not the paper's 21.5: see the warning at question 6' when questions are marked
    otherwise than the paper, whose total the handout prints (none printed, nothing to differ from)."""
    differ = [p for p in problems if isinstance(p, MarksDiffer)]
    paper = guide.total_points
    if not differ or paper is None:
        return ""
    gone = {p.number for p in problems if isinstance(p, LeftOut)}
    held = sum(points_of(q, guide) for n, q in enumerate(guide.questions, 1) if n not in gone)
    marks = held + sum(p.marks - p.paper for p in differ)
    if marks == paper:
        return ""
    numbers = ", ".join(str(p.number) for p in differ)
    s = "s" if len(differ) > 1 else ""
    name = NAMES.get(fmt, fmt.capitalize())
    return (f"; {points_text(marks)} marks in {name}, not the paper's {points_text(paper)}: "
            f"see the warning{s} at question{s} {numbers}")


def guide_warning(guide: Guide, message: str) -> Problem:
    return Problem(Location(str(guide.path)), message, warning=True)


def question_name(number: int, question: Question, size: int = 60) -> str:
    """A short name for an LMS question bank: 'Q03 Which equation correctly shows…'."""
    text = " ".join(plain(prompt_text(question)).split())
    if len(text) > size:
        text = text[: size - 1].rstrip() + "…"
    return f"Q{number:02d} {text}"


def prompt_text(question: Question) -> str:
    """The prompt as plain text; a fill-in-the-blank prompt with its blanks as underscores."""
    if isinstance(question, FillInBlank):
        return "".join("_____" if isinstance(p, Blank) else p for p in question.parts)
    return fenced.as_text(question.prompt)


# A number and nothing else, its digits grouped in threes or not, by the guide's decimal sign: '1,000.5' where the
# decimal sign is a point, '1.000,5' where it is a comma; a space (or a narrow one) may group the digits in both.
_NUMBER = {sign: re.compile(r"([+-]?)(\d{1,3}(?:[%s\u00a0\u202f\u2009 ]\d{3})+|\d+)?(?:%s(\d+))?" % (group, re.escape(sign)), re.ASCII)
           for sign, group in ((".", ","), (",", "."))}


def number(answer: str, decimal: str = ".") -> Optional[str]:
    """The value of an answer that is a number and nothing else, written as an LMS stores one: '9', '3.5', '-2',
    '1000' (for '1,000'; '1.000' where ``decimal``, the guide's decimal sign, is a comma), '0.5' (for '.5'); a minus
    sign (U+2212) counts as '-'. None for any other answer: a word, a number with a unit or a fraction ('4 °C', '½',
    '3/4'), a comma where the decimal sign is a point ('3,5' could be 3.5 or a list), a whole number with a leading zero
    ('007', '02134': a code, whose student would be right to type every zero)."""
    text = plain(answer).strip().replace("\u2212", "-")
    m = _NUMBER.get(decimal, _NUMBER["."]).fullmatch(text)
    if not m or not (m.group(2) or m.group(3)):
        return None
    whole = re.sub(r"\D", "", m.group(2) or "0")
    if len(whole) > 1 and whole.startswith("0"):
        return None
    value = Decimal(f"{m.group(1)}{whole}.{m.group(3) or 0}")
    return "0" if value == 0 else format(value.normalize(), "f")


def numbers(blank: Blank, decimal: str = ".") -> Optional[list[str]]:
    """The values of a blank whose every accepted answer is a number (each value once), for an LMS to mark as numbers
    ('9.0' is right for [[9]]); None when an answer is anything else ([[9|nine]]: marked as text, as typed)."""
    values = [number(a, decimal) for a in blank.answers]
    return None if None in values else list(dict.fromkeys(values))


_SLOT = "\ue000"  # a private-use character marks where a blank goes while the text is escaped


def blank_html(question: FillInBlank, blank: Callable[[int, Blank], str],
               text: Callable[[str], str] = html) -> str:
    """The prompt as HTML with ``blank(i, Blank)`` in each blank's place (0-based i).

    The text is escaped as one piece, so emphasis that spans a blank still pairs up;
    ``blank`` returns markup that is inserted as it is.
    """
    parts = question.parts
    if not any(_SLOT in p for p in parts if isinstance(p, str)):
        joined, blanks = [], []
        for part in parts:
            if isinstance(part, Blank):
                joined.append(f"{_SLOT}{len(blanks)}{_SLOT}")
                blanks.append(part)
            else:
                joined.append(part)
        escaped = text("".join(joined))
        return re.sub(f"{_SLOT}(\\d+){_SLOT}", lambda m: blank(int(m.group(1)), blanks[int(m.group(1))]), escaped)
    out, i = [], 0  # the teacher typed our marker character: escape piece by piece instead
    for part in parts:
        if isinstance(part, Blank):
            out.append(blank(i, part))
            i += 1
        else:
            out.append(text(part))
    return "".join(out)


def word_bank_html(question: FillInBlank, words_table: dict, language: Optional[str] = None) -> str:
    """The printed word bank, headed in the guide's language: the same words in the same order as the
    handout's (``question.bank_words``; the guide has been through :func:`studyguide.banks.banked`,
    so a bank of one blank holds words that do not answer it and never gives the answer away)."""
    words = question.bank_in(language)  # (in the order of the guide's language)
    return para(f"<i>{html(words_table['word_bank'])}</i> " + " · ".join(html(w) for w in words))


def reads_rtl(markup: str) -> bool:
    """Whether the text ``markup`` shows starts in a right-to-left script (Hebrew, Arabic), as the handout
    decides a paragraph's direction: such a text is set right to left and flush right on paper."""
    return rtl.shown_direction(markup) is True


def para(markup: str, text: Optional[str] = None) -> str:
    """``markup`` as a paragraph, with dir="rtl" when it (or ``text``, the words it shows) reads right to left:
    an LMS page is left to right, and HTML does not guess a paragraph's direction, so an Arabic sentence
    would end with its full stop on the wrong side."""
    return f'<p dir="rtl">{markup}</p>' if reads_rtl(markup if text is None else html(text)) else f"<p>{markup}</p>"


def directed(markup: str) -> str:
    """A choice's or an item's HTML, in a <span dir="rtl"> when it reads right to left (left as it is otherwise)."""
    return f'<span dir="rtl">{markup}</span>' if reads_rtl(markup) else markup


def labelled(label: str, text: str) -> str:
    """A bold label and its text ("Model answer: ..."); a program in the text as <pre><code> under the label."""
    if fenced.has_fence(text):
        return para(f"<b>{html(label)}</b>") + paragraph(text)
    return para(f"<b>{html(label)}</b> {html(text)}")


def paragraph(text: Optional[str]) -> str:
    """A text as HTML paragraphs; a program typed between ``` lines as <pre><code>, its lines as typed (each break
    as &#10;, which survives the exporters flattening their text onto one line)."""
    if not text:
        return ""
    if not fenced.has_fence(text):
        return para(html(text))
    return "".join(para(html(part)) if isinstance(part, str) else
                   "<pre><code>" + "&#10;".join(inline.escape(line) for line in part.lines) + "</code></pre>" for part in fenced.parts(text))


# --- XML -------------------------------------------------------------------------------------------

def sub(parent: ET.Element, tag: str, text: Union[str, None] = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def xml_bytes(root: ET.Element) -> bytes:
    """UTF-8 XML with a declaration, indented; characters are written as themselves, not as &#...;."""
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


# --- zip -------------------------------------------------------------------------------------------

def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of the members in the order given, with fixed times and permissions: the same bytes each run.

    Members are stored, not deflated: the files are small, and no zlib version can change the bytes.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3  # Unix, whatever system writes it
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buffer.getvalue()


def output_name(guide: Guide, suffix: str) -> str:
    """The exported file's name by the rule every output follows (studyguide.files.output_name):
    ``suffix`` such as "-quizlet.txt" gives the tag (quizlet) and the extension (.txt)."""
    tag, _, ext = suffix.lstrip("-").partition(".")
    return named(guide.stem, tag or None, ext="." + ext)
