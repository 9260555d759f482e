"""Questions from a plain list, as a teacher types one: Moodle's Aiken format and its common numbered kin.

Moodle's Aiken format (``question/format/aiken``): the question on a line, its choices one a line, each a
capital letter, ``.`` or ``)`` and a space, then the line ``ANSWER: B``. The numbered kind a teacher writes
in a word processor is read too: ``1.`` or ``1)`` (or ``Q1.``) before the question, small letters (``a)``,
``(a)``), ``Answer: b`` in any capitals (or ``Respuesta:``, ``Réponse :``, ``Antwort:``…), the answer given
as its text (``Answer: Thomas Jefferson``), several letters (``Answer: a, c``: select all), a star before the
right choice (``*b) …``), and a question or a choice wrapped over several lines (joined by spaces).
With no choices, ``Answer: True`` (or False) makes a true/false question and any other answer a short
answer. ``Explanation:`` (or ``Feedback:``) under the answer becomes the explanation. Numbered questions
may leave their answers to a key at the end: a line ``Answer key`` (or ``Answers:``), then ``1. b`` (or
``1. b  2. a  3. c``, or ``2. George III``) a line. What cannot be placed gets a warning at its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..reading.choices import MAX_CHOICES
from ..reading.walker import MAX_ITEMS
from ._common import Draft
from .htmltext import clip

NUMBERED = re.compile(r"(?i)(?:q(?:uestion)?\s*)?(\d{1,3})\s*[.):]\s+(\S.*)")
CHOICE = re.compile(r"(\*?)\s*\(?([A-Za-z])[.)]\s+(\S.*)")
# 'Answer:' as teachers write it, in English and the other languages of studyguide's labels ('Réponse : b')
ANSWER = re.compile(r"(?i)(?:correct\s+)?(?:answer|ans|respuesta|r[ée]ponse|antwort|resposta|答案)"
                    r"\s*[:=\uff1a]\s*(.*)")
EXPLANATION = re.compile(r"(?i)(?:explanation|feedback)\s*[:\uff1a]\s*(.*)")
KEY = re.compile(r"(?i)(?:answer\s*key|answers|key)\s*:?")  # a heading over the answers by number, at the end
KEY_LETTERS = re.compile(r"(?:\s*\d{1,3}\s*[.):\-]\s*[A-Za-z][,;]?(?=\s|$))+\s*")  # '1. b  2. a  3) c'
KEY_ENTRY = re.compile(r"(\d{1,3})\s*[.):\-]\s*(\S.*)")
GIFT = re.compile(r"(?i)\{\s*(?:[=~]|(?:T|F|TRUE|FALSE)\s*[}#])")
TRUE_FALSE = {"true": True, "t": True, "false": False, "f": False}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def looks_like(text: str) -> bool:
    """Whether a text (the first part of a file) is a list of questions: an 'Answer:' line, or a question
    (numbered, or ending in '?' or ':') over its choices 'a)' and 'b)' (or 'A.' and 'B.'), each on its own line."""
    if GIFT.search(text):  # '{=right ~wrong}', '{T}': GIFT's answers, whatever else its lines say
        return False
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if any(_answers(lines[i - 1], ln) for i, ln in enumerate(lines) if i):
        return True
    heads = [i for i, ln in enumerate(lines) if KEY.fullmatch(ln)]  # numbered questions, then 'Answer key' and '1. b'
    if heads and any(NUMBERED.fullmatch(ln) for ln in lines[:heads[0]]) \
            and KEY_ENTRY.fullmatch(lines[heads[0] + 1] if heads[0] + 1 < len(lines) else ""):
        return True
    for asked, before, after in zip(lines, lines[1:], lines[2:]):
        first, second = CHOICE.fullmatch(before.lstrip("*")), CHOICE.fullmatch(after.lstrip("*"))
        if first and second and first.group(2) in "aA" and second.group(2) == chr(ord(first.group(2)) + 1) \
                and not CHOICE.fullmatch(asked) and (asked.endswith(("?", ":")) or NUMBERED.fullmatch(asked)):
            return True
    return False


def _answers(before: str, line: str) -> bool:
    """Whether ``line`` is a question's 'Answer:' line: a question or a choice above it ('Antwort: answer' over
    'Frage: question' is a list of words, and an 'Answer:' line on a file's first line answers nothing)."""
    said = ANSWER.fullmatch(line)
    if not said or not said.group(1).strip() or ANSWER.fullmatch(before):
        return False
    english = re.match(r"(?i)(?:correct\s+)?(?:answer|ans)\s*:", line)
    return bool(english or CHOICE.fullmatch(before.lstrip("*")) or NUMBERED.fullmatch(before)
                or before.endswith(("?", "\uff1f")))


INLINE = re.compile(r"(?:^|\s)(\*?)\(?([A-Za-z])[.)]\s+(?=\S)")


def inline_choices(text: str) -> Optional[tuple[str, list[str]]]:
    """A question whose choices are typed on its own line ('Capital?  a) Paris  b) Rome'): its text and its
    choices, when 'a)' (or 'A.') and then 'b)' follow the question's text; otherwise None."""
    marks = [m for m in INLINE.finditer(text) if m.start() > 0]
    for i, m in enumerate(marks):
        if m.group(2) not in "aA":
            continue
        run = [m]
        for later in marks[i + 1:]:
            if later.group(2) == chr(ord(run[-1].group(2)) + 1):
                run.append(later)
        if len(run) < 2 or not text[:m.start()].strip():
            continue
        ends = [r.start() for r in run[1:]] + [len(text)]
        choices = [r.group(1) + text[r.end():end].strip() for r, end in zip(run, ends)]  # '*' on the right one
        if all(c.lstrip("*") for c in choices):
            return text[:m.start()].strip(), choices
    return None


@dataclass
class _Question:
    line: int  # where it starts
    number: Optional[str] = None  # '1' of '1.'
    text: list[str] = field(default_factory=list)
    choices: list[list[str]] = field(default_factory=list)  # each choice's lines
    starred: list[int] = field(default_factory=list)
    answer: Optional[tuple[int, str]] = None  # its line and what it says
    explanation: Optional[str] = None


class _Reader:
    def __init__(self, path: Path):
        self.draft = Draft(path)
        self.current: Optional[_Question] = None
        self.read: list[_Question] = []
        self.key: Optional[list[tuple[int, str, str]]] = None  # after an 'Answer key' heading: line, number, answer

    def start(self, line: int, number: Optional[str], text: str) -> None:
        inline = inline_choices(text)
        self.current = _Question(line, number, [inline[0] if inline else text])
        if inline:  # 'Capital?  a) Paris  b) Rome': its choices, one a line
            self.current.choices = [[c.lstrip("*").strip()] for c in inline[1]]
            self.current.starred = [i for i, c in enumerate(inline[1]) if c.startswith("*")]
        self.read.append(self.current)

    def line(self, number: int, raw: str, gap: bool) -> None:
        text, q = raw.strip(), self.current
        if self.key is not None:
            self.key_line(number, text)
            return
        if KEY.fullmatch(text) and self.read:  # numbered or not: unnumbered questions take its answers in order
            self.key = []
            return
        answer, choice, numbered = ANSWER.fullmatch(text), CHOICE.fullmatch(text), NUMBERED.fullmatch(text)
        explained = EXPLANATION.fullmatch(text)
        if q is not None and q.answer is not None and explained and q.explanation is None:
            q.explanation = explained.group(1).strip()
            return
        if answer:
            if q is None:
                self.draft.warn("an 'Answer:' line with no question above it; it is left out", number, 1)
            elif q.answer is not None:
                self.draft.warn(f"a second 'Answer:' line for the question on line {q.line}; it is left out (for "
                                "several right choices, write them on one line: 'Answer: a, c')", number, 1)
            else:
                q.answer = (number, answer.group(1).strip())
            return
        if q is not None and q.answer is None and choice and self._is_next(q, choice, gap):
            q.choices.append([choice.group(3).strip()])
            if choice.group(1):
                q.starred.append(len(q.choices) - 1)
            return
        if numbered:
            self.start(number, numbered.group(1), numbered.group(2).strip())
            return
        if q is not None and q.answer is None and not gap:  # a question or a choice over two lines
            (q.choices[-1] if q.choices else q.text).append(text)
            return
        if q is not None and q.number is not None:  # numbered questions: a line between them is no question
            self.draft.warn(f"'{clip(text)}' is left out: it is not a question (they start with a number here), "
                            "a choice ('a)') or an answer ('Answer: b')", number, 1)
            return
        self.start(number, None, text)  # Aiken's question: a line of its own

    def key_line(self, number: int, text: str) -> None:
        """A line of the answer key: '3. b', '4) George III', or letters for several questions ('1. b  2. a')."""
        if KEY_LETTERS.fullmatch(text):
            for m in re.finditer(r"(\d{1,3})\s*[.):\-]\s*([A-Za-z])", text):
                self.key.append((number, m.group(1).lstrip("0") or "0", m.group(2)))
        elif KEY_ENTRY.fullmatch(text):
            m = KEY_ENTRY.fullmatch(text)
            self.key.append((number, m.group(1).lstrip("0") or "0", m.group(2).strip()))
        else:
            self.draft.warn(f"'{clip(text)}' is left out: under the answer key, each line is a question's number "
                            "and its answer ('3. b')", number, 1)

    def answer_from_key(self) -> None:
        """Each answer of the key given to the question of its number (one with its own 'Answer:' keeps it).
        Numbers that start again at 1 ('Part B') are answered in order: the key's second '1.' is part B's 1."""
        numbered: dict[str, list[_Question]] = {}
        for q in self.read:
            if q.number is not None:
                numbered.setdefault(q.number.lstrip("0") or "0", []).append(q)
        if not numbered:  # Aiken's unnumbered questions: the key's '1.' is the first question
            numbered = {str(i): [q] for i, q in enumerate(self.read, 1)}
        keyed: dict[int, int] = {}  # a question's id: the key's line that answers it
        for line, wanted, said in self.key or ():
            asked = numbered.get(wanted, [])
            q = next((q for q in asked if id(q) not in keyed and q.answer is None), None)
            if q is not None:
                q.answer, keyed[id(q)] = (line, said), line
            elif not asked:
                self.draft.warn(f"the answer key's '{wanted}. {clip(said)}' is left out: no question above is "
                                f"numbered {wanted}", line, 1)
            elif any(id(q) in keyed for q in asked):
                first = max(keyed[id(q)] for q in asked if id(q) in keyed)
                self.draft.warn(f"the answer key's '{wanted}. {clip(said)}' is left out: question {wanted} is "
                                f"answered twice in the key (lines {first} and {line})", line, 1)
            else:
                self.draft.warn(f"the answer key's '{wanted}. {clip(said)}' is left out: question {wanted} (line "
                                f"{asked[0].line}) has its own 'Answer:' line", line, 1)

    @staticmethod
    def _is_next(q: _Question, choice: re.Match, gap: bool) -> bool:
        """Whether a line that starts 'b)' is the question's next choice, not its text ('A. Lincoln was…')."""
        letter = choice.group(2)
        if not q.choices:
            return letter in "aA"
        return not gap or letter.upper() == LETTERS[len(q.choices) % 26]

    def question(self, q: _Question) -> Optional[dict]:
        out: dict = {"type": None, "prompt": " ".join(" ".join(q.text).split())}  # its lines: as wrapped
        choices = [" ".join(" ".join(c).split()) for c in q.choices]
        said = q.answer[1] if q.answer else None
        at = q.answer[0] if q.answer else q.line
        if len(choices) == 1:
            self.draft.warn("a question with one choice ('a)'); it is left out (give it a second choice, or write "
                            "its answer as 'Answer: …' with no choices)", q.line, 1)
            return None
        if choices:
            if len(choices) > MAX_CHOICES:
                self.draft.warn(f"a question with {len(choices)} choices, and a guide holds {MAX_CHOICES}; it is "
                                "left out", q.line, 1)
                return None
            if said is None and not q.starred:
                self.draft.warn("a question with choices but no 'Answer:' line; it is left out (write 'Answer: B' "
                                "under its choices)", q.line, 1)
                return None
            right = self._letters(said, choices, at) if said is not None else q.starred
            if right is None:
                return None
            if len(right) == 1 and [c.casefold() for c in choices] == ["true", "false"]:
                out.update(type="true_false", answer=right[0] == 0)
            elif len(right) == 1:
                out.update(type="multiple_choice", choices=choices, answer=LETTERS[right[0]])
            else:
                out.update(type="select_all", choices=choices, answer=[LETTERS[i] for i in right])
        elif said is None:
            self.draft.warn("a question with no 'Answer:' line; it is read as a short-answer question with nothing "
                            "in the key (write its answer under it as 'Answer: …')", q.line, 1)
            out.update(type="short_answer")
        elif said.rstrip(".").casefold() in TRUE_FALSE:
            out.update(type="true_false", answer=TRUE_FALSE[said.rstrip(".").casefold()])
        elif not said:
            self.draft.warn("the 'Answer:' line is empty; it is read as a short-answer question with nothing in "
                            "the key", at, 1)
            out.update(type="short_answer")
        else:
            if re.fullmatch(r"\(?[A-Za-z][.)]?", said):  # 'b' for a question with no choices: its choices were lost
                self.draft.warn(f"'{clip(said)}' answers a question with no choices ('a)', 'b)' a line each under "
                                "it); it is read as a short answer whose key is that letter", at, 1)
            out.update(type="short_answer", answer=said)
        if q.explanation:
            out["explanation"] = q.explanation
        return out

    def _leave_out_header(self) -> None:
        """A worksheet's lines above its first numbered question ('Name: ____  Date: ___', 'Directions: …',
        'Part A: …'): the first is the title, the others are left out, not read as questions."""
        at = next((i for i, q in enumerate(self.read) if q.number is not None), 0)
        header = self.read[:at]
        if not header or any(q.choices or q.answer is not None or " ".join(q.text).endswith("?") for q in header):
            return
        del self.read[:at]
        self.draft.title = header[0].text[0]
        lines = [(q.line + k, t) for q in header for k, t in enumerate(q.text)][1:]
        for line, text in lines:
            self.draft.warn(f"'{clip(text)}' is left out: it is above the first question, and only the first line "
                            "there becomes the title", line, 1)

    def _letters(self, said: str, choices: list[str], at: int) -> Optional[list[int]]:
        """The right choices an 'Answer:' line names: 'B', 'b)', '(b)', 'B. Thomas Jefferson', 'a, c' or
        'A and C', or a choice's own text; None (with a warning) when it names none."""
        value = said.strip().rstrip(".").strip()
        if not value:
            self.draft.warn("the 'Answer:' line is empty; this question is left out (write the right letter "
                            "after 'Answer:')", at, 1)
            return None
        wanted = [c.casefold() for c in choices]
        if value.casefold() in wanted:
            return [wanted.index(value.casefold())]
        one = re.fullmatch(r"\(?([A-Za-z])([.)]?)(?:\s+(.*))?", value)  # 'b', '(b)', 'B. Jefferson'; not 'B Jefferson'
        several = re.fullmatch(r"[A-Za-z](?:\s*(?:,|&|\band\b|\s)\s*[A-Za-z])+", value)
        letters = [one.group(1)] if one and (one.group(3) is None or one.group(2)) else (
            re.findall(r"\b[A-Za-z]\b", value) if several else [])
        found = [LETTERS.index(x.upper()) for x in letters]
        if found and all(i < len(choices) for i in found):
            return sorted(set(found))
        last = LETTERS[len(choices) - 1]
        self.draft.warn(f"'Answer: {clip(said)}' names none of the choices (A to {last}); this question is left "
                        f"out (write the right letter, A to {last})", at, 1)
        return None

    def finish(self) -> Draft:
        self.answer_from_key()
        self._leave_out_header()
        first = self.read[0] if self.read else None
        if first and len(self.read) > 1 and not first.choices and first.answer is None and first.number is None \
                and (self.read[1].number is not None or len(first.text) == 1 and not first.text[0].endswith("?")):
            # a heading above the questions (numbered, or it asks nothing): its first line the title
            self.draft.title = self.read.pop(0).text[0]
            for offset, text in enumerate(first.text[1:], 1):  # (the lines of a question's text follow each other)
                self.draft.warn(f"'{clip(text)}' is left out: it is above the first question, and only the first "
                                "line there becomes the title", first.line + offset, 1)
        for q in self.read:
            question = self.question(q)
            if question is not None:
                self.draft.questions.append(self.draft.placed({k: v for k, v in question.items() if v is not None},
                                                              q.line))
                if len(self.draft.questions) > MAX_ITEMS:
                    self.draft.stopped = True
                    break
        return self.draft


def read(path: Path, text: str) -> Draft:
    reader = _Reader(path)
    gap = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            gap = True
            continue
        reader.line(number, line, gap)
        gap = False
    draft = reader.finish()
    if not draft.questions and not draft.problems:
        draft.warn("no questions found (a question, its choices 'A.', 'B.'…, then 'ANSWER: B')", 1, 1)
    return draft
