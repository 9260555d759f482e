"""Questions: YAML nodes → question objects, one builder per type (dispatched by name); the choice
questions' builders are in :mod:`.choices`.

A mixin of :class:`studyguide.reading.schema.GuideWalker`: it uses the walker's shape
helpers (``mapping``, ``text``, ``seq``, ``number``, ``boolean``) and reports
through ``error``, so every problem is located and collected like the rest.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import fenced, inline, labels
from ..amounts import one_line, word_problem
from ..model import Blank, Essay, FillInBlank, Matching, Ordering, Pair, Question, ShortAnswer, TrueFalse
from .choices import ChoicesMixin
from .keys import PAIR_KEYS, QUESTION_KEYS
from .repeats import Repeats
from .loader import Map, Scalar
from .slips import numbered_items, single_bracket
from .walker import FALSE_WORDS, MAX_TEXT, TRUE_WORDS, clip, count, missing, near, other_key, suggest

MAX_TAG = 60
TIME_LIMIT = (5, 900)  # seconds a classroom game gives a question: its own limits are applied on export
# where the answers of a question with no 'answer:' line are written
NO_ANSWER = {
    "fill_in_blank": "a fill-in-the-blank question takes no 'answer:' line: its answers are the words in double "
                     "brackets in the prompt, each where its blank goes ('a more [[fair]] order')",
    "ordering": "an ordering question takes no 'answer:' line: its answer is the order of its items, so list them "
                "in the right order (the handout shuffles them)",
    "matching": "a matching question takes no 'answer:' line: its answers are its pairs, each 'left:' with its "
                "'right:' (the handout shuffles the right side)",
}
BLANK_RE = re.compile(r"\[\[(.*?)\]\]", re.S)


class QuestionsMixin(ChoicesMixin):
    # -- questions --------------------------------------------------------------
    def question(self, node, label) -> Optional[Question]:
        if not isinstance(node, Map):
            self.error(node, f"{label}: expected a question with 'type:' and 'prompt:' lines, found {self.kind(node)}")
            return None
        type_node = next((v for k, v in node.pairs if k.value == "type"), None)
        qtype = type_node.value.strip() if isinstance(type_node, Scalar) and not type_node.is_null else None
        if type_node is not None and not isinstance(type_node, Scalar):  # 'type: [essay]'
            self.error(type_node, f"{label}.type: expected one question type, found {self.kind(type_node)} (write "
                                  f"it without brackets, e.g. 'type: essay'; types: {', '.join(QUESTION_KEYS)})")
            return None
        if qtype is None:
            typed = next(((k, v) for k, v in node.pairs if type_node is None and near(k.value, ("type",))), None)
            if typed is not None:  # 'tipo: essay', 'tpye: essay': at that line, not as 'type' missing
                key, value = typed
                self.error(key, f"{label}: unknown key '{clip(key.value)}' "
                                f"({other_key(key.value, value, ('type',)) or suggest(key.value, ('type',))})")
                return None
            self.error(node, f"{label}: 'type' is missing (add 'type:' with one of {', '.join(QUESTION_KEYS)})")
            return None
        if qtype not in QUESTION_KEYS:
            self.error(type_node, f"{label}: unknown question type '{clip(qtype)}' ({suggest(qtype, QUESTION_KEYS, 'question types')})")
            return None
        answer = next((k for k, _ in node.pairs if k.value == "answer"), None) if qtype in NO_ANSWER else None
        if answer is not None:  # its answers are elsewhere in it: told where, not as an unknown key
            self.error(answer, f"{label}: {NO_ANSWER[qtype]}; delete this line")
        keys = self.mapping(node, label, QUESTION_KEYS[qtype] + (("answer",) if answer else ()), required=("prompt",))
        if keys is None:
            return None
        shuffle = self.boolean(keys.get("shuffle"), f"{label}.shuffle")
        common = dict(
            prompt=self.text(keys.get("prompt"), f"{label}.prompt", required=True) or "",
            points=self.number(keys.get("points"), f"{label}.points", 0, 1000, decimals=2),
            explanation=self.text(keys.get("explanation"), f"{label}.explanation"),
            instructions=self.text(keys.get("instructions"), f"{label}.instructions"),
            shuffle=shuffle is not False,
            objective=self.objective(keys.get("objective"), f"{label}.objective"),
            tags=self.tags(keys.get("tags"), f"{label}.tags"),
            time_limit=self._int(keys.get("time_limit"), f"{label}.time_limit", *TIME_LIMIT),
            where=node.where,
        )
        builder = getattr(self, "q_" + qtype)
        return builder(keys, label, node, common)

    def tags(self, node, label) -> tuple[str, ...]:
        """`tags: [friday, vocab]`, or one tag as text (`tags: friday`); each a word or short phrase."""
        if missing(node):
            return ()
        items = [node] if isinstance(node, Scalar) else self.seq(node, label, "tags")
        out: list[str] = []
        for i, item in enumerate(items, 1):
            where = label if isinstance(node, Scalar) else f"{label} item {i}"
            value = self.text(item, where, required=True, max_len=MAX_TAG)
            if value is None:
                continue
            tag = " ".join(value.split())
            if any(c in tag for c in ",:"):
                self.error(item, f"{where}: '{clip(tag)}' holds a '{',' if ',' in tag else ':'}'; a tag is a word "
                                 "or a short phrase (give several tags as a list: tags: [friday, vocab])")
            elif tag.casefold() not in (t.casefold() for t in out):
                out.append(tag)
        return tuple(out)

    def objective(self, node, label) -> Optional[int]:
        """An objective named by its number (1, 2, ...) or its exact text → its index."""
        value = self.text(node, label, max_len=MAX_TEXT)
        if value is None:
            return None
        objectives = getattr(self, "objectives", ())
        if value.isascii() and value.isdigit() and 1 <= int(value) <= len(objectives):  # not int("²")
            return int(value) - 1
        if value in objectives:
            return objectives.index(value)
        if not objectives and getattr(self, "objectives_typed", False):
            return None
        if not objectives:
            self.error(node, f"{label}: the guide has no objectives (add 'objectives:' or remove this line)")
        else:
            self.error(node, f"{label}: '{clip(value)}' is not an objective (give its number, 1 to "
                             f"{len(objectives)}, or its exact text)")
        return None

    def q_true_false(self, keys, label, node, common):
        if "answer" not in keys:
            self.absent(keys, node, "answer", f"{label}: 'answer' is missing (add 'answer: true' or 'answer: false')")
            return None
        if missing(keys["answer"]):  # 'answer:' with nothing after it had dropped the question without a word
            self.error(keys["answer"], f"{label}.answer: is empty (write 'answer: true' or 'answer: false')")
            return None
        node, language = keys["answer"], getattr(self, "lang", None)
        own = labels.true_false_words(language)  # 'answer: verdadero' in a Spanish guide
        word = node.value.strip().casefold() if isinstance(node, Scalar) else None
        if word in own:
            return TrueFalse(answer=own[word], **common)
        if getattr(self, "lang_wrong", False) and word not in TRUE_WORDS | FALSE_WORDS:
            return None  # in a language not told right ('language: Deutsch'): that line's message is the one
        if own and word is not None and word not in TRUE_WORDS | FALSE_WORDS:
            table = labels.for_language(language)
            self.error(node, f"{label}.answer: expected true or false (or {table['true'].lower()} or "
                             f"{table['false'].lower()}), found {self.kind(node)}")
            return None
        answer = self.boolean(node, f"{label}.answer")
        return None if answer is None else TrueFalse(answer=answer, **common)

    def _lines(self, keys, label, default):
        value = self.number(keys.get("lines"), f"{label}.lines", 1, 40, integer=True)
        return int(value) if value is not None else default

    def q_short_answer(self, keys, label, node, common):
        answer = self.text(keys.get("answer"), f"{label}.answer")
        # a word problem: a line for the working above the answer's (3 had cost a trial guide a page)
        default = 3 if not one_line(answer) else 2 if word_problem(common.get("prompt") or "", answer, self.tabled) else 1
        return ShortAnswer(answer=answer, lines=self._lines(keys, label, default),
                           lines_given="lines" in keys, **common)

    def q_essay(self, keys, label, node, common):
        return Essay(answer=self.text(keys.get("answer"), f"{label}.answer"),
                     lines=self._lines(keys, label, 12), lines_given="lines" in keys, **common)

    def q_fill_in_blank(self, keys, label, node, common):
        if "prompt" not in keys:  # missing, or typed by another name: said so, not as no blank
            return None
        prompt = common["prompt"]
        where = keys["prompt"].where if "prompt" in keys else node.where
        parts: list = []
        pos = 0
        for m in BLANK_RE.finditer(prompt):
            if "[[" in m.group(1):  # '[[carbon dioxide and release [[oxygen]]': the first never closed
                self.error(where.of(prompt, m.start()), f"{label}.prompt: the blank "
                           f"'[[{clip(m.group(1).split('[[')[0].strip())}' has no ']]' before the next '[[' "
                           "(end each blank with ']]', as in [[carbon dioxide]])")
                return None
            parts.append(prompt[pos:m.start()])
            answers = tuple(a.strip() for a in m.group(1).split("|") if a.strip())
            if not answers:
                self.error(where, f"{label}.prompt: a blank '[[ ]]' has no answer inside (write the answer between the brackets)")
                return None
            parts.append(Blank(answers))
            pos = m.end()
        parts.append(prompt[pos:])
        rest = "".join(p for p in parts if isinstance(p, str))
        if "[[" in rest or "]]" in rest:
            self.error(where, f"{label}.prompt: a '[[' or ']]' is not matched (mark each blank as [[answer]])")
            return None
        single = single_bracket(rest)
        line = re.search(r"_{3,}|…{2,}|\.{5,}", rest)  # '______': a line to write on, typed in a word processor
        if not any(isinstance(p, Blank) for p in parts) and line and "answer" in keys:
            return None  # told with the 'answer:' line
        if not any(isinstance(p, Blank) for p in parts) and line:
            self.error(where.of(prompt, prompt.find(line.group())), f"{label}.prompt: '{line.group()}' prints as typed; "
                       "type the answer in its place, in double brackets ('a more [[fair]] order'), and the handout "
                       "prints the blank")
            return None
        if not any(isinstance(p, Blank) for p in parts):
            hint = f": '{clip(single.group())}' has single brackets; write [[{clip(single.group(1))}]]" if single \
                else ", e.g. 'a more [[fair]] order'"
            self.error(where, f"{label}.prompt: no blank found (mark each blank as [[answer]]{hint})")
            return None
        if single:
            self.warn(where, f"{label}.prompt: '{clip(single.group())}' has single brackets, so it prints on the "
                             f"student's sheet as typed (write [[{clip(single.group(1))}]] to make it a blank)")
        word_bank = self.boolean(keys.get("word_bank"), f"{label}.word_bank")
        return FillInBlank(parts=tuple(p for p in parts if p != ""), word_bank=bool(word_bank), **common)

    def q_matching(self, keys, label, node, common):
        if "pairs" not in keys:
            self.absent(keys, node, "pairs", f"{label}: 'pairs' is missing (add a list of '- left: ...' / '  right: ...' pairs)")
            return None
        pairs = []
        before = len(self.problems)
        items = self.seq(keys["pairs"], f"{label}.pairs", "pairs")
        listed = len(self.problems) == before  # a list (or nothing): not reported as something else
        repeats = Repeats(self, "pair", items, PAIR_KEYS, PAIR_KEYS)  # 'term:'/'definition:' in every pair: said once
        for i, item in enumerate(items, 1):  # (a pair on one line, or its keys by other names: one_mistake)
            if self.one_mistake(item, f"{label}.pairs item {i}", i, repeats, PAIR_KEYS):
                continue
            sub = self.mapping(item, f"{label}.pairs item {i}", PAIR_KEYS, required=PAIR_KEYS)
            if sub:
                left = self.text(sub.get("left"), f"{label}.pairs item {i}.left", required=True, max_len=2000)
                right = self.text(sub.get("right"), f"{label}.pairs item {i}.right", required=True, max_len=2000)
                if left and right:
                    pairs.append(Pair(left, right))
        repeats.close()
        if len(pairs) < 2 or len(pairs) > 26:  # too few or too many as typed, or as read when all read well
            typed = len(items) if listed and not 2 <= len(items) <= 26 else None
            if typed is not None or len(self.problems) == before:
                self.error(keys["pairs"], f"{label}.pairs: {count(len(pairs) if typed is None else typed, 'pair')}; give 2 to 26")
            return None
        return Matching(pairs=tuple(pairs), **common)

    def q_ordering(self, keys, label, node, common):
        if "items" not in keys:
            self.absent(keys, node, "items", f"{label}: 'items' is missing (add the items as a list, in the right order)")
            return None
        typed = numbered_items(keys["items"])  # '- 1. The Stamp Act': shuffled, the handout prints the answer
        if typed:
            return self.error(typed[0], f"{label}.items: the numbers give the order away: drop '{typed[1]}' from "
                                        "each item (the order is shuffled and numbered for you)")
        if self.as_records(keys["items"], f"{label}.items", "item"):  # '- item: Mix', '- text: Mix'
            return None
        before = len(self.problems)
        items = self.texts_list(keys["items"], f"{label}.items")
        if len(self.problems) > before:  # not a list, or a bad item: already reported
            return None
        if len(items) < 2 or len(items) > 26:
            self.error(keys["items"], f"{label}.items: {count(len(items), 'item')}; give 2 to 26, in the right order")
            return None
        seen: dict[str, int] = {}
        for i, (item, text) in enumerate(zip(keys["items"].items, items), 1):
            same = seen.setdefault(" ".join(inline.plain(text).split()).casefold(), i)
            if same != i:  # the key's numbers could not say which of the two goes where
                self.error(item, f"{label}.items item {i}: '{clip(text)}' is the same as item {same} "
                                 f"('{clip(items[same - 1])}'): the key's order cannot tell the two apart; reword "
                                 "one of them, or leave one out")
        return Ordering(items=fenced.indented_items([getattr(n, "value", None) for n in keys["items"].items], items),
                        **common)
