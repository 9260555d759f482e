"""Questions from Moodle XML (Moodle's question bank export, and studyguide's own).

Each Moodle type maps back onto the guide's: multichoice (single → multiple_choice,
multiple → select_all), truefalse, shortanswer (→ fill_in_blank with one blank),
numerical (→ fill_in_blank with one blank, its numbers the answers), multianswer/cloze with
short-answer and number blanks (→ fill_in_blank), essay (→ short_answer or essay, by the grader
information's label), matching, ordering. The general feedback becomes the explanation, the
default mark the points (a Cloze question has none: its mark is the sum of its blanks' weights). A number's error margin other than 0 is left out with a warning (a
guide's blank takes the number exactly). Anything else (calculated, drag-and-drop…) is left out
with a warning at its line.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from pathlib import Path
from typing import Optional

from .. import inline, labels
from ..errors import Location, Problem
from ..variants import about_the_others
from ._common import Draft, entities, html_text, is_word_bank, own_label
from .htmltext import clip
from .xmlfile import BARE_AMP, RAW, amp, declared_latin, not_read, outside_entities, parse, place

_LINES = {"short_answer": 5, "essay": 15}  # the box studyguide's export gives each kind's default lines
_OWN_LABEL = re.compile(r"\*\*([^*\n]{1,40}[:：])\*\*(?: |\n|\Z)")  # a guide's own 'Sample answer:' label, in bold
_QNAME = re.compile(r"Q([0-9]{2,4})(?: |$)")  # export.question_name's 'Q03 The molar mass…'
_CLOZE = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|NUMERICAL|NM):(.*?)(?<!\\)\}", re.S)


def _number(text: str) -> Optional[float]:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _text(el: Optional[ET.Element], path: str = "text") -> str:
    node = el.find(path) if el is not None else None
    if node is None:
        return ""
    # elements inside (HTML typed into the file unescaped, see _nested): read as the HTML they are
    return ((node.text or "") + "".join(ET.tostring(child, encoding="unicode") for child in node)).strip()


BANK = re.compile(r"\n\n\*([^*\n]+)\* ([^\n]*)\Z")  # the word bank paragraph, as its text reads: *heading* words


def _signed(values: list[str]) -> list[str]:
    """A number blank's values with a negative one as the key prints it, with the minus sign (−3), before the
    hyphen-minus Moodle's number holds and students type (-3): the export writes [[−3|-3]] as =-3 (trial r12)."""
    out = []
    for value in values:
        out += ["\u2212" + value[1:], value] if re.fullmatch(r"-\d[\d.,]*", value) else [value]
    return list(dict.fromkeys(out))


class _Reader:
    def __init__(self, path: Path, root: ET.Element):
        self.draft = Draft(path)
        self.root = root
        self.grade_one = True  # whether every question's mark is 1 (then the guide gave no points)
        self.words = [labels.for_language(code) for code in labels.LANGUAGES]

    def warn(self, el, message: str) -> None:
        self.draft.warn(message, getattr(el, "line", 0), getattr(el, "col", 0))

    def html(self, el, html_markup: str) -> str:
        text, notes = html_text(html_markup)
        for note in notes:
            self.warn(el, note)
        return text

    def field(self, q, tag: str) -> str:
        node = q.find(tag)
        return self.html(node if node is not None else q, _text(node)) if node is not None else ""

    def language_of(self, label_key: str, text: str) -> Optional[tuple[str, str]]:
        """(language, rest of the text) when ``text`` starts with that language's label (Model answer:, …)."""
        for code, table in zip(labels.LANGUAGES, self.words):
            label = table[label_key]
            if text.startswith(f"**{label}**"):
                return code, text[len(label) + 4:].strip()
        return None

    def common(self, q, el_type: str) -> dict:
        out = {"type": el_type, "prompt": self.field(q, "questiontext")}
        grade = _text(q, "defaultgrade") if q.find("defaultgrade") is not None else ""
        if grade:
            points = _number(grade)
            if points is None or not 0 <= points <= 1000:
                self.warn(q.find("defaultgrade"), f"'{grade}' is not a mark from 0 to 1000; the question has none")
            else:
                if points != 1:
                    self.grade_one = False
                if round(points, 2) != points:  # a guide's points have two decimals at most
                    self.warn(q.find("defaultgrade"), f"the mark {grade} is kept as {round(points, 2):g}"
                                                      " (a guide's points have two decimals at most)")
                out["points"] = round(points, 2) + 0
        explanation = self.field(q, "generalfeedback")
        if explanation:
            out["explanation"] = explanation
        return out

    def answers(self, q) -> list[tuple[float, str, ET.Element]]:
        out = []
        for a in q.findall("answer"):
            fraction = _number(a.get("fraction", "0"))
            if fraction is None:
                self.warn(a, f"fraction '{a.get('fraction')}' is not a number; the answer counts as wrong")
            if not html_text(_text(a))[0]:  # a guide's choices and answers all have text
                self.warn(a, f"an answer with no text{' (marked right)' if (fraction or 0) > 0 else ''} is left out")
                continue
            out.append((fraction or 0.0, _text(a), a))
        return out

    # -- the types --
    def multichoice(self, q) -> Optional[dict]:
        single = _text(q, "single").lower() not in ("false", "0")
        out = self.common(q, "multiple_choice" if single else "select_all")
        answers = self.answers(q)
        if len(answers) < 2:
            self.warn(q, "a multiple-choice question needs 2 or more answers; it is left out")
            return None
        if len(answers) > 8:
            self.warn(q, f"a guide holds 8 choices; {len(answers) - 8} left out")
            answers = answers[:8]
        choices = [self.html(a, text) for _, text, a in answers]
        top = max(f for f, _, _ in answers)
        tied = [i for i, (f, _, _) in enumerate(answers) if f == top]
        if single and len(tied) > 1 and top > 0:  # a hand-edit gave several the full mark: none is dropped silently
            self.warn(q, f"{len(tied)} answers ({', '.join('ABCDEFGH'[i] for i in tied)}) have the top mark "
                         f"({top:g}%) on a one-answer question; imported as 'select all' with those right (give "
                         "one answer the top mark to keep it one-answer)")
            single, out["type"] = False, "select_all"
        if single:
            best = max(range(len(answers)), key=lambda i: answers[i][0])
            if answers[best][0] <= 0:
                self.warn(q, "no answer has a positive grade; it is left out")
                return None
            out["answer"] = "ABCDEFGH"[best]
            for (fraction, _, a), choice in zip(answers, choices):
                if 0 < fraction < 100 <= answers[best][0]:  # a one-answer question's part marks
                    self.warn(a, f"'{clip(inline.plain(choice))}' was worth {fraction:g} %; a guide has no partial "
                                 "credit, so it is counted wrong")
        else:
            right = [i for i, (f, _, _) in enumerate(answers) if f > 0]
            if not right:
                self.warn(q, "no answer has a positive grade; it is left out")
                return None
            out["answer"] = ["ABCDEFGH"[i] for i in right]
        keep = _text(q, "shuffleanswers").lower() in ("false", "0")
        if keep and not any(about_the_others(c) for c in choices):
            out["choices"] = [{"choice": c, "shuffle": False} for c in choices]  # Moodle kept them in this order
        else:
            out["choices"] = choices
        return {k: out[k] for k in ("type", "prompt", "choices", "answer", "points", "explanation") if k in out}

    def truefalse(self, q) -> Optional[dict]:
        out = self.common(q, "true_false")
        answers = {text.lower(): f for f, text, _ in self.answers(q)}
        out["answer"] = answers.get("true", 0) >= answers.get("false", 0)
        return out

    def _bank(self, prompt: str) -> tuple[str, bool, Optional[str]]:
        """The prompt without studyguide's word bank paragraph (its last, headed in any language: a guide's own
        heading is kept under its labels), whether it had one, and its language (None: not a built-in one)."""
        m = BANK.search(prompt)
        if not m or not is_word_bank(m.group(1), m.group(2)):
            return prompt, False, None
        code = next((c for c, table in zip(labels.LANGUAGES, self.words) if table["word_bank"] == m.group(1)), None)
        if code is None:
            own_label(self.draft, "word_bank", m.group(1))
        return prompt[: m.start()], True, code

    def shortanswer(self, q, numeric: bool = False) -> Optional[dict]:
        out = self.common(q, "fill_in_blank")
        accepted = [re.sub(r"\\\*", "*", text) for f, text, _ in self.answers(q) if f >= 100]
        if numeric:
            accepted = _signed(accepted)
        if not accepted:
            self.warn(q, "no answer has full marks; it is left out")
            return None
        if any(f < 100 for f, _, _ in self.answers(q)):
            self.warn(q, "answers with part marks are left out (a blank takes only right answers)")
        prompt, bank, code = self._bank(out["prompt"])
        blank = "[[" + "|".join(a.replace("|", "/") for a in accepted) + "]]"
        out["prompt"] = prompt.replace("_____", blank, 1) if "_____" in prompt else f"{prompt} {blank}"
        if bank:
            out["word_bank"] = True
            self._language(code)
        return out

    def numerical(self, q) -> Optional[dict]:
        margins = {t for f, _, a in self.answers(q) if f >= 100 and _number(t := _text(a, "tolerance"))}
        if margins:
            self.warn(q, f"the error margin {', '.join(sorted(margins))} is left out: a guide's blank takes its number exactly")
        return self.shortanswer(q, numeric=True)

    def _margin(self, q, value: str) -> str:
        """A cloze number's '9:0.5' as its number, '9', with a warning when the margin is not 0."""
        number, _, margin = value.partition(":")
        if _number(margin or "0"):
            self.warn(q, f"the error margin {margin} of the blank '{number}' is left out: a guide's blank takes its "
                         "number exactly")
        return number

    def cloze(self, q) -> Optional[dict]:
        out = self.common(q, "fill_in_blank")
        out.pop("points", None)  # a cloze question's marks are its blanks' weights
        node = q.find("questiontext")
        markup = _text(node)

        def blank(m: re.Match) -> str:
            number = m.group(2) in ("NUMERICAL", "NM")
            alternatives = []
            for alt in re.split(r"(?<!\\)~", m.group(3)):
                alt = re.split(r"(?<!&)(?<!\\)#", alt, maxsplit=1)[0]  # '&#35;' is an entity, a bare '#' starts feedback
                if alt.startswith("="):
                    alternatives.append(entities(alt[1:]).replace("\\*", "*").replace("\\}", "}").replace("\\~", "~"))
                elif alt.startswith("%100%"):
                    alternatives.append(entities(alt[5:]))
                if number and alternatives:
                    alternatives[-1] = self._margin(q, alternatives[-1])
            if number:
                alternatives = _signed(alternatives)
            if not alternatives:
                return "_____"
            return "\ue000" + "|".join(a.replace("|", "/") for a in alternatives) + "\ue001"

        weights = [int(m.group(1) or 1) for m in _CLOZE.finditer(markup)]
        if not weights:
            self.warn(q, "an embedded-answers question with no short-answer or number blank; it is left out")
            return None
        if re.search(r"\{[0-9]*:(MULTICHOICE|MC|MCV|MCH|MCS|MCVS|MCHS|MULTIRESPONSE|MR|MRS)[^}]*\}", markup):
            self.warn(q, "choice blanks of an embedded-answers question become plain text")
        text = self.html(node, _CLOZE.sub(blank, markup)).replace("\ue000", "[[").replace("\ue001", "]]")
        prompt, bank, code = self._bank(text)
        out["prompt"] = prompt
        if bank:
            out["word_bank"] = True
            self._language(code)
        out["points"] = sum(weights)  # a Cloze question has no mark of its own: Moodle gives the sum of its blanks'
        if set(weights) == {1}:  # 1 mark a blank: also what our export writes for a guide without points
            out["_unit"] = True
        else:
            self.grade_one = False
        return {k: out[k] for k in ("type", "prompt", "word_bank", "points", "explanation", "_unit") if k in out}

    def essay(self, q) -> Optional[dict]:
        info = self.field(q, "graderinfo")
        lines = _text(q, "responsefieldlines")
        lines = min(40, max(1, int(lines))) if lines.isdecimal() else None  # (isdigit: also "²", which int() refuses)
        kind, answer = "essay" if info or lines != _LINES["short_answer"] else "short_answer", info or None
        for key, kind_name in (("model_answer", "short_answer"), ("grading_notes", "essay")):
            found = self.language_of(key, info)
            if found:
                kind, answer = kind_name, found[1]
                self._language(found[0])
                break
        else:
            found = None
        out = self.common(q, kind)
        if answer:
            out["answer"] = answer
        own = _OWN_LABEL.match(info) if not found else None
        if own:  # (the guide's own label, of either kind: read once every question is: _own_labels)
            out["_own"] = own.group(1)
        if lines is not None:
            out["_lines"] = lines
        return out

    def _own_labels(self) -> None:
        """The kind of each essay whose grader information starts with a label no built-in language has: a guide's
        own 'model_answer' (a short answer's) or 'grading_notes' (an essay's), which the export prints in bold
        before the text. A built-in label of the other kind in the file settles it; else, of two own labels, the
        one before fewer lines is the short answers'; one alone is theirs when its boxes are all the short
        answer's default size. The label is kept under the guide's ``labels:``, the answer without it."""
        questions = [q for q in self.draft.questions if "_own" in q]
        own = list(dict.fromkeys(q["_own"] for q in questions))
        if not own or len(own) > 2:  # (three or more: not an export's two labels; the texts stay as they are)
            return
        seen = {q["type"] for q in self.draft.questions if "_own" not in q and q.get("answer")}
        lines = {label: max(q.get("_lines") or 0 for q in questions if q["_own"] == label) for label in own}
        if len(own) == 2:
            short = min(own, key=lambda label: lines[label])
        elif "short_answer" in seen or ("essay" not in seen and lines[own[0]] > _LINES["short_answer"]):
            short = None
        else:
            short = own[0]
        for label in own:
            own_label(self.draft, "model_answer" if label == short else "grading_notes", label)
        for q in questions:
            q["type"] = "short_answer" if q["_own"] == short else "essay"
            q["answer"] = q["answer"][len(q["_own"]) + 4:].strip() or None
            if q["answer"] is None:
                del q["answer"]

    def matching(self, q) -> Optional[dict]:
        out = self.common(q, "matching")
        pairs = []
        for s in q.findall("subquestion"):
            left = self.html(s, _text(s))
            right = _unescape_match(_text(s, "answer/text"))
            if left and right:
                pairs.append({"left": left, "right": right})
            elif right:
                self.warn(s, f"'{right}' is an extra answer with no question; a guide's matching has none, left out")
        if len(pairs) < 2:
            self.warn(q, "a matching question needs 2 or more pairs; it is left out")
            return None
        out["pairs"] = pairs
        return out

    def ordering(self, q) -> Optional[dict]:
        out = self.common(q, "ordering")
        answers = sorted(self.answers(q), key=lambda a: a[0])
        out["items"] = [self.html(a, text) for _, text, a in answers]
        return out

    def _language(self, code: Optional[str]) -> None:
        if code and self.draft.language is None:
            self.draft.language = code

    def _paper_order(self) -> None:
        """The questions in the order of the 'Q01', 'Q02'… their names start with, when every name has its own
        number: the names studyguide's export gives, which Moodle keeps when its own export groups the bank by type."""
        numbers = [_QNAME.match(q["_name"]) for q in self.draft.questions]
        if len(numbers) < 2 or None in numbers or len({int(m.group(1)) for m in numbers}) < len(numbers):
            return
        order = sorted(range(len(numbers)), key=lambda i: int(numbers[i].group(1)))
        if order != sorted(order):
            self.draft.questions = [self.draft.questions[i] for i in order]
            self.draft.warn(f"the questions are put in the order of the numbers their names start with "
                            f"({numbers[order[0]].group(0).strip()} to {numbers[order[-1]].group(0).strip()}), the "
                            "guide's order; the file had them in another (Moodle's export groups a bank by type)")

    def read(self) -> Draft:
        handlers = {"multichoice": self.multichoice, "truefalse": self.truefalse, "shortanswer": self.shortanswer, "numerical": self.numerical,
                    "cloze": self.cloze, "multianswer": self.cloze, "essay": self.essay, "matching": self.matching,
                    "ordering": self.ordering}
        if self.root.tag != "quiz":
            self.warn(self.root, f"not Moodle XML: the file starts with <{self.root.tag}>, not <quiz>")
            return self.draft
        for q in self.root.findall("question"):
            qtype = q.get("type", "")
            if qtype == "category":
                path = _text(q, "category/text")
                if path and self.draft.title is None:
                    name = re.sub(r"^\$[a-z]+\$/(top/)?", "", path)
                    self.draft.title = name.replace("//", "\0").split("/")[-1].replace("\0", "/") or None
                    info = self.field(q, "info")
                    self.draft.subtitle = info or None
                continue
            handler = handlers.get(qtype)
            if handler is None:
                self.warn(q, f"Moodle's '{clip(qtype)}' question type has no match in a guide; it is left out")
                continue
            question = handler(q)
            if question is not None:
                question["_name"] = _text(q, "name/text")
                self.draft.questions.append(self.draft.placed(question, q.line))
        self._paper_order()
        self._own_labels()
        for question in self.draft.questions:
            question.pop("_name", None)
            question.pop("_own", None)
            lines = question.pop("_lines", None)
            if lines is not None and lines != _LINES.get(question["type"]):
                question["lines"] = lines
            if self.grade_one and (question.pop("_unit", False) or question.get("points") == 1):
                del question["points"]  # every mark 1 (a Cloze's, each blank's): the guide gave no points
            question.pop("_unit", None)
        return self.draft


def read(path: Path, data: bytes) -> Draft:
    draft = Draft(path)
    data = declared_latin(draft, data)
    try:
        root = parse(data)
    except xml.parsers.expat.ExpatError as exc:
        raw = [m.span() for m in RAW.finditer(data)]  # CDATA and comments: an '&' there is the character itself
        bare = [m.start() for m in BARE_AMP.finditer(data) if not any(a < m.start() < b for a, b in raw)]
        try:  # a hand-edited file's "soil & rocks": read as the text typed, each '&' said where it is
            root = parse(amp(data, bare)) if bare else None
        except xml.parsers.expat.ExpatError:
            root = None
        if root is None:
            draft.problems.append(Problem(Location(str(path), exc.lineno, exc.offset + 1),
                                          f"{not_read(exc)}; nothing imported"))
            return draft
        for at in bare:
            line, col = place(data, at)
            draft.warn("an '&' on its own is read as the character '&' (Moodle XML writes it '&amp;')", line, col)
    reader = _Reader(path, root)
    reader.draft.problems = draft.problems
    outside_entities(reader.draft, root)
    _nested(reader, root)
    return reader.read()


def _nested(reader: "_Reader", root: ET.Element) -> None:
    """Say where a <text> holds elements: HTML typed in unescaped (Moodle escapes it or puts it in CDATA)."""
    for node in root.iter("text"):
        for child in node:
            reader.warn(child, f"<{child.tag}> inside a <text> is read as HTML markup, its text kept (write '<' "
                               "as '&lt;' where it is meant as text)")


def _unescape_match(text: str) -> str:
    """A matching answer as typed: Moodle shows these as HTML, so an answer holding a tag or an entity
    is stored escaped (see export.moodle.match_choice); the three escapes are undone, ``&amp;`` last."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
