"""What every importer shares: a draft guide, HTML read back into guide text, located warnings.

An importer reads one file and returns a :class:`Draft`: plain data (title,
vocabulary, questions as the guide format writes them) and the warnings for what
did not map. :mod:`.writer` turns the draft into guide YAML.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .. import inline, labels
from ..errors import Location, Problem
from ..model import GAME_TIME
from .htmltext import STAR, convert


@dataclass
class Draft:
    """A guide being read from another tool's file: the keys of the guide format, in order."""
    source: Path
    title: Optional[str] = None
    subtitle: Optional[str] = None
    language: Optional[str] = None
    time_limit: Optional[int] = None  # a game's seconds a question, when every question has the same
    labels: dict = field(default_factory=dict)  # a guide's own labels its export printed (word_bank: 語群)
    tool: Optional[str] = field(default=None, repr=False)  # the tool whose file it is (kahoot, gimkit…), when told
    lost: Optional[Problem] = field(default=None, repr=False)  # what the tool's file could not carry (carried.py)
    vocabulary: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    term_lines: dict[str, tuple[int, str]] = field(default_factory=dict, repr=False)  # each term's first line and text
    stopped: bool = False  # read no further: more terms or questions than a guide holds
    words_in: set = field(default_factory=set, repr=False)  # the languages of our exports' words read (True…)
    true_false: list = field(default_factory=list, repr=False)  # (question's index, its choices, right one, language)
    term_at: list[int] = field(default_factory=list, repr=False)  # the line of each of ``vocabulary``, in order
    question_at: dict = field(default_factory=dict, repr=False)  # id() of a question read → its line in the file
    question_lines: list[int] = field(default_factory=list, repr=False)  # the line of each of ``questions``, in order
    text: str = field(default="", repr=False)  # the file's text, for a file of lines (not a zip): warnings find in it

    def first_line(self, chars) -> tuple[int, int]:
        """The line and column of the first of ``chars`` in the file's text; (0, 0) when not found there."""
        at = min((i for i in (self.text.find(c) for c in chars) if i >= 0), default=-1)
        if at < 0:
            return 0, 0
        return self.text.count("\n", 0, at) + 1, at - self.text.rfind("\n", 0, at)

    def warn(self, message: str, line: int = 0, col: int = 0) -> None:
        self.problems.append(Problem(Location(str(self.source), line, col), message, warning=True))

    def placed(self, question: dict, line: int) -> dict:
        """``question``, its line noted: a problem the guide finds in it is said there (see importers._check)."""
        self.question_at[id(question)] = line
        return question

    def lines_of_questions(self) -> list[int]:
        """The line of each question, in the order they are now (0 where not noted)."""
        return [self.question_at.get(id(q), 0) for q in self.questions]

    def add_term(self, entry: dict, line: int) -> None:
        """A card's term and definition, unless the term came before, in any capitals: a guide lists each term
        once (its matching would print it twice, with two meanings), so the card is left out with a warning."""
        key = " ".join(entry["term"].split()).casefold()
        if key in self.term_lines:
            line_at, typed = self.term_lines[key]
            also = "" if typed == entry["term"] else f" (as '{inline.plain(typed)[:40]}')"
            self.warn(f"the term '{inline.plain(entry['term'])[:40]}' is on line {line_at} too{also}; this card is "
                      "left out, as a guide lists each term once (add its definition to the first card's if both "
                      "meanings are wanted)", line, 1)
            return
        self.term_lines[key] = (line, entry["term"])
        self.vocabulary.append(entry)
        self.term_at.append(line)


def html_text(markup: str) -> tuple[str, list[str]]:
    """Guide text from an HTML field, and a sentence for each thing that did not map (a picture, a table...)."""
    text, notes = convert(markup)
    return (literal(text) if STAR in text else text), notes


def literal(text: str) -> str:
    """Text whose stars print as stars (those marked STAR, or all of them when none is marked): as typed
    when no star of it would pair up as emphasis, else each written ``\\*``."""
    if STAR not in text:
        if "*" not in text:
            return text
        text = text.replace("*", STAR)
    typed, escaped = text.replace(STAR, "*"), text.replace(STAR, "\\*")
    return typed if inline.plain(typed) == inline.plain(escaped) and inline.markup(typed) == inline.markup(escaped) \
        else escaped


def entities(text: str) -> str:
    return html_lib.unescape(text)


# The True and False a game's export writes in each built-in language (labels), and the other pairs teachers type:
# Wahr/Falsch beside the sheet's Richtig/Falsch, and Italian's Vero/Falso (no built-in labels: no language is set)
_TRUE_FALSE = {(t["true"].casefold(), t["false"].casefold()): code for code, t in labels.LANGUAGES.items()}
_TRUE_FALSE.update({("wahr", "falsch"): "de", ("vero", "falso"): "it"})


def true_false(draft: Draft, prompt: str, choices: list[str], right: list[int]) -> Optional[dict]:
    """A true/false question of one whose two choices are True and False in one language (in either order:
    Gimkit puts the right one first), noting the language; None for any other question. Words of another
    language than English under questions written in English may be the lesson's ('How do you say "false" in
    Spanish?'): :func:`settle` decides, once every question is read."""
    if len(choices) != 2 or len(right) != 1:
        return None
    words = tuple(" ".join(c.split()).casefold() for c in choices)
    code = _TRUE_FALSE.get(words) or _TRUE_FALSE.get(words[::-1])
    if code is None:
        return None
    question = {"type": "true_false", "prompt": prompt, "answer": (right[0] == 0) == (words in _TRUE_FALSE)}
    draft.true_false.append((len(draft.questions), list(choices), right[0], code))  # (the next question added)
    return question


# words of English sentences that other languages with built-in labels do not write ('in', 'do', 'a' they do)
_ENGLISH = frozenset("the is are of and what which who how why when does did you it this that with for".split())


def _in_english(prompts: list[str]) -> bool:
    """Whether questions are written in English: a fifth of their words or more are its commonest."""
    words = [w for p in prompts for w in re.findall(r"[^\W\d_]+", p.casefold())]
    return bool(words) and sum(w in _ENGLISH for w in words) * 5 >= len(words)


def _words_of_the_lesson(draft: Draft) -> None:
    """True and False in another language than the questions' English are the lesson's words, not the class's:
    those questions stay multiple choice, and the language is not set from them (said, with how to set it)."""
    foreign = [made for made in draft.true_false if made[3] != "en"]
    if not foreign or not _in_english([q.get("prompt", "") for q in draft.questions]):
        draft.words_in.update(code for *_, code in draft.true_false)
        return
    draft.words_in.update(code for *_, code in draft.true_false if code == "en")
    for n, choices, right, _ in foreign:
        rest = {k: v for k, v in draft.questions[n].items() if k not in ("type", "prompt", "answer")}
        draft.questions[n] = {"type": "multiple_choice", "prompt": draft.questions[n]["prompt"], "choices": choices,
                              "answer": "AB"[right], **rest}
    said = {}
    for _, choices, _, code in foreign:
        said.setdefault(code, " and ".join(choices))
    for code, words in said.items():
        name = labels.LANGUAGE_NAMES[code].split()[0].capitalize()
        draft.warn(f"the answers {words} are {name} and the questions English, so those questions are read as "
                   f"multiple choice, and the guide's language is not set; if the class is taught in {name}, add "
                   f"'language: {code}' under the title")


USUAL_TIME = GAME_TIME  # the seconds a question a game gives when the guide says none (as the exports write it)


def own_label(draft: Draft, key: str, text: str) -> None:
    """The label ``key`` an export printed, read as ``text``: a built-in language's sets the guide's language (when
    none is yet); other words are the guide's own, kept under its ``labels:`` (the first seen)."""
    for code in labels.LANGUAGES:
        if labels.for_language(code)[key] == text:
            draft.language = draft.language or code
            return
    draft.labels.setdefault(key, text)


def is_word_bank(label: str, words: str) -> bool:
    """Whether a last paragraph headed by ``label`` in italics is the word bank an export printed: a built-in
    language's heading, or another (the guide's own) over words set apart by ' · ', as the export sets them."""
    known = any(labels.for_language(code)["word_bank"] == label for code in labels.LANGUAGES)
    return known or (" · " in words and len(label) <= 40)


def keep_time(question: dict, cell: str, usual: Optional[int] = None) -> None:
    """A game's time for the question (a cell '30', '30 sec'), as its time_limit when it is not the usual 20 s
    (or ``usual``: the time the export gives a written answer of its lines)."""
    seconds = re.findall(r"\d+", cell)
    if seconds and int(seconds[0]) not in (USUAL_TIME, usual):
        question["time_limit"] = int(seconds[0])


def settle(draft: Draft) -> None:
    """What the questions tell of the whole guide: its language, when the words our exports write (True and
    False, Model answer) are all one built-in language's; its time_limit, written once, when every question has the same."""
    _words_of_the_lesson(draft)
    if draft.language is None and len(draft.words_in) == 1:
        [code] = draft.words_in
        draft.language = code if labels.built_in(code) else None
    times = {q.get("time_limit") for q in draft.questions}
    if len(draft.questions) > 1 and len(times) == 1 and None not in times and draft.time_limit is None:
        draft.time_limit = times.pop()
        for question in draft.questions:
            del question["time_limit"]
