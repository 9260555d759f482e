"""Choice questions: multiple choice and select-all, their choices (2 to 8, lettered A to H when printed)
and their answers, given by letter or by a choice's text. An answer that is not a choice is told what it is
most likely meant to be: a choice differing only in capitals or marks, one a letter or two off, the n-th.

A mixin of :class:`studyguide.reading.schema.GuideWalker` (through :class:`.questions.QuestionsMixin`), as
the other question builders are: every problem is located and collected with the rest.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import LETTERS, MultipleChoice, SelectAll
from . import misread
from .keys import CHOICE_KEYS
from .loader import Map, Scalar, Seq
from .slips import (
    SELECT_ALL, closest, difference, lettered, loose, odd_case_letter, place_in_alphabet, several_letters, shown,
)
from .walker import MAX_TEXT, clip, count

MAX_CHOICES = 8
CHOICE_LETTERS = LETTERS[:MAX_CHOICES]  # the letters an answer may give: A to H
_MARKED = re.compile(r"\(?([A-Za-z])[.)]")  # a letter as a test prints it: 'b)', '(b)', 'B.'


class ChoicesMixin:
    def choices(self, keys, label, node) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The choices' texts, and the indexes of those pinned in place ('shuffle: false')."""
        if "choices" not in keys:
            self.absent(keys, node, "choices", f"{label}: 'choices' is missing (add a list of 2 to {MAX_CHOICES} choices)")
            return (), ()
        items, pinned, nodes = [], [], []
        before = len(self.problems)
        if self._choices_on_one_line(keys["choices"], label) or self._letters_as_keys(keys["choices"], label) \
                or self.as_records(keys["choices"], f"{label}.choices", "choice", keys):
            return (), ()
        for i, item in enumerate(self.seq(keys["choices"], f"{label}.choices"), 1):
            where = f"{label}.choices item {i}"
            if self.colon_item(item, where, "choices") or self.nested_item(item, where):
                continue
            self.and_item(keys["choices"], item, where, "choice")
            if isinstance(item, Map):
                sub = self.mapping(item, where, CHOICE_KEYS, required=("choice",))
                text = self.text(sub.get("choice"), f"{where}.choice", required=True) if sub else None
                if sub and self.boolean(sub.get("shuffle"), f"{where}.shuffle") is False:
                    pinned.append(len(items))
                item = sub.get("choice") if sub else item
            else:
                text = self.text(item, where, required=True)
            if text is not None:
                items.append(text)
                nodes.append(item)
        if len(self.problems) > before:  # a bad choice, reported: its count would only repeat that
            return (), ()
        typed = lettered(items)
        if typed:  # '- A) The storm': printed "A. A) The storm", and "A. B) ..." once shuffled
            self.error(nodes[0], f"{label}.choices: the letters are printed for you: drop '{typed}' from each choice")
            return (), ()
        if not 2 <= len(items) <= MAX_CHOICES:  # ('choices: []' too: it had dropped the question without a word)
            wide = next((c for c in "،、，；" if len(items) == 1 and c in items[0]), None)  # (Arabic, Chinese commas)
            self.error(keys["choices"], f"{label}.choices: {count(len(items), 'choice')}; give 2 to {MAX_CHOICES}" + (
                f" ('{wide}' does not separate them: type ',' between the choices in English mode, or put each on "
                "its own line after '- ')" if wide else ""))
            return (), ()
        return tuple(items), tuple(pinned)

    def choice_index(self, node, label, choices) -> Optional[int]:
        value = self.text(node, label, required=True, max_len=MAX_TEXT)
        if value is None:
            return None
        inner = misread.curly_inner(value) if node.plain else None
        if inner is not None and (inner in choices or (len(inner) == 1 and inner.upper() in CHOICE_LETTERS)):
            self.error(node, f"{label}: {misread.uncurl(value)}")
            return None
        is_letter = len(value) == 1 and value.upper() in CHOICE_LETTERS[:len(choices)]
        if is_letter and not node.plain:  # a quoted single letter is always a letter
            return CHOICE_LETTERS.index(value.upper())
        if is_letter and value in choices and self._clash(node, label, value, value, choices.index(value)):
            return None
        if is_letter:
            return CHOICE_LETTERS.index(value.upper())
        if value in choices:
            return choices.index(value)
        marked = _MARKED.fullmatch(value.strip())  # 'b)', '(b)', 'B.': a letter as a test prints it (trial r9 F8)
        if marked and marked.group(1).upper() in CHOICE_LETTERS[:len(choices)]:
            letter = marked.group(1)  # 'A)' on choices [D, A, C] (vitamins, blood types): as unsure as 'A' (review r9 M1)
            same = [i for i, choice in enumerate(choices) if loose(choice) == loose(letter)] if node.plain else []
            if len(same) == 1 and self._clash(node, label, value.strip(), letter, same[0]):
                return None
            return CHOICE_LETTERS.index(letter.upper())
        said = loose(value)
        alike = [i for i, choice in enumerate(choices) if said and loose(choice) == said]
        if len(alike) == 1:  # 'neon' for 'Neon', 'Neon.' for 'Neon': it can mean only that choice
            return alike[0]
        if alike:  # 'neon' for 'Neon' and 'NEON': which one, the letter says
            which = ", or ".join(f"choice {CHOICE_LETTERS[i]}, '{clip(choices[i])}'" for i in alike)
            self.error(node, f"{label}: '{clip(value)}' could be {which}: they differ from it only in capitals, spaces or "
                             f"the marks around them (write the letter of the right one)")
            return None
        near = closest(value, choices)
        if near is not None:  # 'The lighthous lamp' for 'The lighthouse lamp': name the choice, and how
            letter = CHOICE_LETTERS[near]
            self.error(node, f"{label}: '{clip(value)}' is not one of the choices; did you mean choice {letter}, "
                             f"'{shown(choices[near], value)}'? ({difference(value, choices[near])}; write the letter "
                             f"{letter}, or the choice's text exactly as it is)")
            return None
        span = f"A–{CHOICE_LETTERS[len(choices) - 1]}"
        nth = int(value) if value.isascii() and value.isdigit() else place_in_alphabet(value, choices)  # '2', 'Б'
        if nth and 1 <= nth <= len(choices):  # for the second
            letter, lettered_as = CHOICE_LETTERS[nth - 1], "" if value.isdigit() else f" {span} in print"
            self.error(node, f"{label}: '{value}' is not one of the choices; choices are lettered{lettered_as}, so "
                             f"choice {value} is {letter}: write {letter}")
            return None
        self.error(node, f"{label}: '{clip(value)}' is not one of the choices (give a letter {span} or the exact text of a choice)")
        return None

    def _clash(self, node, label, typed, letter, index) -> bool:
        """Whether the letter typed is also the text of another choice (reported): 'A' on choices [B, A, C]."""
        if index == CHOICE_LETTERS.index(letter.upper()):
            return False
        self.error(node, f"{label}: '{typed}' is both the letter {letter.upper()} and the text of choice "
                         f"{CHOICE_LETTERS[index]} (write the letter of the right choice, quoted: \"{CHOICE_LETTERS[index]}\" or \"{letter.upper()}\")")
        return True

    def q_multiple_choice(self, keys, label, node, common):
        choices, pinned = self.choices(keys, label, node)
        if "answer" not in keys:
            self.absent(keys, node, "answer", f"{label}: 'answer' is missing (add 'answer:' with the letter of the right choice)")
            return None
        if choices and self._several_answers(keys["answer"], f"{label}.answer", choices):
            return None
        answer = self.choice_index(keys["answer"], f"{label}.answer", choices) if choices else None
        if answer is None:
            return None
        return MultipleChoice(choices=choices, answer=answer, pinned=pinned, **common)

    def _several_answers(self, node, label, choices) -> bool:
        """'answer: [B]', a list of answers or 'answer: B, C' on multiple choice, which has one right answer
        (reported, naming select_all, which has several)."""
        if isinstance(node, Seq) and node.items:
            first = node.items[0]
            example = first.value if isinstance(first, Scalar) and not first.is_null else "B"
            what = "give one answer, not a list" if len(node.items) == 1 else "multiple choice has one right answer"
        elif isinstance(node, Scalar) and node.plain and node.value not in choices \
                and several_letters(node.value, len(choices)):
            example, what = node.value.strip()[0].upper(), "multiple choice has one right answer"
        else:
            return False
        self.error(node, f"{label}: {what} (answer: {clip(example)}); {SELECT_ALL}")
        return True

    def q_select_all(self, keys, label, node, common):
        choices, pinned = self.choices(keys, label, node)
        if "answer" not in keys:
            self.absent(keys, node, "answer", f"{label}: 'answer' is missing (add 'answer: [A, C]' with every right letter)")
            return None
        answer_node = keys["answer"]
        if isinstance(answer_node, Scalar) and not answer_node.is_null:
            value = answer_node.value  # 'A, C', or as said aloud: 'A, C and D', 'A & C'
            small = odd_case_letter(value)
            if small and value not in (choices or ()):
                meant = ", ".join(c.upper() for c in re.findall(r"\b[A-Za-z]\b", value) if c != small)
                self.error(answer_node, f"{label}.answer: is '{small}' in '{clip(value)}' the letter {small.upper()} or a "
                           f"word ('and')? write the right letters as a list, e.g. "
                           f"[{meant}]")
                return None
            if several_letters(value, len(LETTERS)) and value not in (choices or ()):  # each told where it is
                nodes = [Scalar(answer_node.where.of(value, m.start()), m[0], answer_node.plain)
                         for m in re.finditer(r"\b[A-Za-z]\b", value)]
            else:
                nodes = [Scalar(answer_node.where, p.strip(), answer_node.plain) for p in value.split(",")]
        else:
            nodes = self.seq(answer_node, f"{label}.answer", "letters")
        if not choices:
            return None
        found = [self.choice_index(n, f"{label}.answer", choices) for n in nodes]
        if not found:
            self.error(answer_node, f"{label}.answer: give at least one right letter, e.g. [A, C]")
        if not found or None in found:
            return None
        for i, (index, letter) in enumerate(zip(found, nodes)):
            if index in found[:i]:  # '[A, A, C]': a typo for another letter, most likely
                self.warn(letter.where, f"{label}.answer: {LETTERS[index]} is listed twice (list each right letter "
                                        "once; was another letter meant?)")
        return SelectAll(choices=choices, answers=tuple(sorted(set(found))), pinned=pinned, **common)
