"""Moodle XML: the questions, in one category named after the guide.

Each question type maps onto Moodle's own (the format Moodle's qformat_xml reads):

- multiple_choice → ``multichoice`` (single), the right choice 100 %, the others 0 (choices
  shuffled by Moodle, as in the printed versions, unless the guide pins one in place);
- select_all → ``multichoice`` (multiple), each right choice 100/n %, each wrong one
  −100/m % (so ticking everything scores 0), from Moodle's list of allowed grades;
- true_false → ``truefalse``;
- short_answer → ``essay``, the model answer as information for graders: a typed
  sentence cannot be marked by matching it against one model answer;
- essay → ``essay``, the grading notes as information for graders;
- fill_in_blank with one blank → ``shortanswer`` with every accepted answer at 100 %;
  with several blanks → ``cloze`` (Embedded answers), ``{1:SHORTANSWER:=a~=b}`` per blank;
  a blank whose every answer is a number ([[9]], [[-2]], [[1,000]]) is Moodle's number type instead,
  ``numerical`` alone or ``{1:NUMERICAL:=9:0}`` in a cloze, with an error margin of 0: Moodle compares the
  values, so 9.0 (or 9,0 in a Moodle set to a comma) is right where the exact text 9 marked it wrong.
  Each value is written as Moodle stores it, once: ``[[32|32.0]]`` is ``32`` (Moodle 5.1 saves an answer
  ``32.0`` as a second ``32``) and ``[[−2]]`` is ``-2`` (its numerical importer reads the minus sign U+2212
  as no number, saves NULL, and the database's refusal aborts the rest of the import); so a bank brought
  back from Moodle has ``[[32]]`` and ``[[-2]]``, marked the same;
- matching → ``matching``;
- ordering → ``ordering`` (a standard question type since Moodle 4.4; a plugin before).

The explanation becomes the general feedback, the points the default mark: what the
paper gives (0 for a question without points when others have points, 1 each when no
question has any; see ``_common.points_of``). A word bank is the handout's: the same
words in the same order, three of them wrong for a question of one blank. Texts are HTML (escaped, emphasis as <b>/<i>); answers a
student types are plain text.

What Moodle's importer (question/format/xml/format.php and each type's
``import_from_xml``) needs beyond the element names:

- every ``<text>`` with markup, an entity or more than single spaces is a CDATA
  section (a ``]]>`` inside split across two), and a line break in it is a space:
  Moodle's XML reader drops chunks of character data that are only whitespace (the
  parser cuts a chunk at each entity and line break), so ``<b>New</b> <i>Deal</i>``
  written with entities came back as "NewDeal";
- an ordering question carries ``<shownumcorrect>`` and the three combined
  feedbacks, as Moodle's own export writes them: without ``<shownumcorrect>`` the
  ordering importer makes hints with no text, and the database refuses them
  (``null value in column hintformat``), which aborts the rest of the import;
- a question with a pinned choice or an "All/None of the above" choice has
  ``shuffleanswers`` off, so that choice stays where the guide (and print) has it;
- a matching answer with a tag or an entity in it is escaped: Moodle shows these answers
  through ``format_string()``, as HTML, though they have no format (found by importing into
  a real Moodle 4.5 with tests/moodle/run.sh: ``<script>y</script> ~`` showed as "y ~").
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Optional

from .. import labels
from ..inline import escape
from ..model import (Blank, Essay, FillInBlank, Guide, Matching, MultipleChoice, Ordering, Question, SelectAll,
                     ShortAnswer, TrueFalse)
from ..banks import banked
from ._common import (Exported, blank_html, directed, guide_warning, html, labelled, left_out, keeps_choice_order, marks_differ,
                      numbers, one_line, output_name, para, paragraph, plain, points_of, points_text, prompt_text,
                      question_name, sub, warn, word_bank_html)

KINDS = ("multiple_choice", "select_all", "true_false", "short_answer", "essay", "fill_in_blank", "matching",
         "ordering")  # the question types this exporter writes, each by the method of that name
SUFFIX = "-moodle.xml"

# Moodle's allowed answer grades (question_bank::fraction_options_full), as fractions of 1.
GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
          0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)


def category_path(title: str) -> str:
    """``$course$/top/<title>``; a '/' in the title is doubled, as Moodle reads a single one as a sub-category."""
    return "$course$/top/" + " ".join(one_line(title).split()).replace("/", "//")


def fraction_text(percent: float) -> str:
    """A percentage as Moodle writes it: '100', '33.33333', '-25'."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def share(count: int) -> tuple[float, bool]:
    """The allowed grade nearest to 1/count, and whether it is exact."""
    want = 1.0 / count
    best = min(GRADES, key=lambda g: (abs(g - want), g))
    return best, abs(best - want) < 0.00001


def cloze_answer(text: str) -> str:
    """One accepted answer inside ``{...}``: HTML-escaped, with Cloze's own characters as entities.

    The answer is what the key prints (``[[\\*x\\*]]`` prints ``*x*``): its stars are not read again
    as emphasis, or the student would be marked against ``<i>x</i>``.

    Moodle finds the end of an answer at '~', '#' or '}' and decodes entities
    afterwards, so writing those (and '{', '\\') as numeric entities keeps them
    literal; '*' is a wildcard in short answers, so it is escaped as '\\*'.
    """
    out = escape(plain(text)).replace("#", "&#35;")  # first, so the entities below keep their own '#'
    for ch, entity in (("\\", "&#92;"), ("{", "&#123;"), ("}", "&#125;"), ("~", "&#126;")):
        out = out.replace(ch, entity)
    return out.replace("*", "\\*")


def _cloze_text(text: str) -> str:
    """Question text around the blanks: braces as entities so no '{1:...}' can be read into it."""
    return html(text).replace("{", "&#123;").replace("}", "&#125;")


# What Moodle's format_string() would read as markup: a tag, or an entity as its
# replace_ampersands_not_followed_by_entity() sees one.
_MARKUP = re.compile(r"<[A-Za-z/!?]|&[a-zA-Z0-9#]{1,8};")


def match_choice(text: str) -> str:
    """A matching question's answer (the right-hand item), which has no format: Moodle shows it through
    format_string(), as HTML, so a typed ``<script>y</script>`` would show as "y" and ``AT&amp;T`` as "AT&T".
    Such a text is escaped; any other is written as typed, as Moodle's editing form shows it."""
    text = one_line(text)
    if _MARKUP.search(text):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def _shuffle(q: Question) -> str:
    """Moodle may shuffle the choices, as the printed versions do, unless one must keep its place
    (pinned in the guide, or "All/None of the above"): Moodle shuffles all of a question's choices or none."""
    return "false" if keeps_choice_order(q) else "true"


def shortanswer_text(answer: str) -> str:
    return plain(answer).replace("*", "\\*")


class _Writer:
    def __init__(self, guide: Guide):
        self.guide = guide
        self.words = labels.for_language(guide.language, guide.labels)  # what students and graders read
        self.quiz = ET.Element("quiz")
        self.problems = []

    # -- parts every question has --
    def _text(self, parent, tag: str, text: str, fmt: str = "html") -> ET.Element:
        el = sub(parent, tag, format=fmt)
        sub(el, "text", text)
        return el

    def _question(self, qtype: str, number: int, q: Question, question_html: str, grade: Optional[str],
                  penalty: str) -> ET.Element:
        el = sub(self.quiz, "question", type=qtype)
        name = sub(el, "name")
        sub(name, "text", escape(question_name(number, q)))  # Moodle reads a name as HTML, as it does the body
        self._text(el, "questiontext", question_html)
        self._text(el, "generalfeedback", paragraph(q.explanation))
        if grade is not None:
            sub(el, "defaultgrade", grade)
        sub(el, "penalty", penalty)
        sub(el, "hidden", "0")
        return el

    def grade(self, q: Question) -> str:
        return points_text(points_of(q, self.guide))

    def _answer(self, parent, fraction: str, text: str, fmt: str = "html") -> None:
        ans = sub(parent, "answer", fraction=fraction, format=fmt)
        sub(ans, "text", text)
        self._text(ans, "feedback", "")

    # -- question types --
    def multiple_choice(self, n: int, q: MultipleChoice) -> None:
        el = self._question("multichoice", n, q, paragraph(q.prompt), self.grade(q), "0.3333333")
        sub(el, "single", "true")
        sub(el, "shuffleanswers", _shuffle(q))
        sub(el, "answernumbering", "abc")
        for i, choice in enumerate(q.choices):
            self._answer(el, "100" if i == q.answer else "0", directed(html(choice)))

    def select_all(self, n: int, q: SelectAll) -> None:
        el = self._question("multichoice", n, q, paragraph(q.prompt), self.grade(q), "0.3333333")
        sub(el, "single", "false")
        sub(el, "shuffleanswers", _shuffle(q))
        sub(el, "answernumbering", "abc")
        right = set(q.answers)
        wrong = len(q.choices) - len(right)
        plus, exact = share(len(right))
        if not exact:
            self.problems.append(warn(q, n, f"Moodle's grade list has no share for {len(right)} right answers; "
                                            f"each counts {fraction_text(plus * 100)} % (so the right answers do not add up to exactly 100 %)"))
        minus = share(wrong)[0] if wrong else 0.0
        for i, choice in enumerate(q.choices):
            fraction = fraction_text(plus * 100) if i in right else fraction_text(-minus * 100)
            self._answer(el, fraction, directed(html(choice)))
        sub(el, "shownumcorrect")

    def true_false(self, n: int, q: TrueFalse) -> None:
        el = self._question("truefalse", n, q, paragraph(q.prompt), self.grade(q), "1")
        self._answer(el, "100" if q.answer else "0", "true", fmt="moodle_auto_format")
        self._answer(el, "0" if q.answer else "100", "false", fmt="moodle_auto_format")

    def _essay(self, n: int, q: Question, lines: int, grader_info: str) -> None:
        el = self._question("essay", n, q, paragraph(q.prompt), self.grade(q), "0")
        sub(el, "responseformat", "editor")
        sub(el, "responserequired", "1")
        sub(el, "responsefieldlines", str(min(40, max(5, 5 * math.ceil(lines / 5)))))
        sub(el, "attachments", "0")
        sub(el, "attachmentsrequired", "0")
        self._text(el, "graderinfo", grader_info)
        self._text(el, "responsetemplate", "")

    def short_answer(self, n: int, q: ShortAnswer) -> None:
        info = labelled(self.words['model_answer'], q.answer) if q.answer else ""
        self._essay(n, q, q.lines, info)

    def essay(self, n: int, q: Essay) -> None:
        info = labelled(self.words['grading_notes'], q.answer) if q.answer else ""
        self._essay(n, q, q.lines, info)

    def fill_in_blank(self, n: int, q: FillInBlank) -> None:
        bank = word_bank_html(q, self.words, self.guide.language) if q.word_bank else ""
        blanks = q.blanks
        values = [numbers(b, self.words["decimal"]) for b in blanks]  # a number's blank is marked by its value
        if len(blanks) == 1 and values[0]:
            text = para(blank_html(q, lambda i, b: "_____")) + bank
            el = self._question("numerical", n, q, text, self.grade(q), "0.3333333")
            for value in values[0]:
                ans = sub(el, "answer", fraction="100", format="moodle_auto_format")
                sub(ans, "text", value)
                self._text(ans, "feedback", "")
                sub(ans, "tolerance", "0")
            sub(el, "unitgradingtype", "0")  # no units: the number alone, as the key prints it
            sub(el, "unitpenalty", "0.1000000")
            sub(el, "showunits", "3")
            sub(el, "unitsleft", "0")
            return
        if len(blanks) == 1:
            text = para(blank_html(q, lambda i, b: "_____")) + bank
            el = self._question("shortanswer", n, q, text, self.grade(q), "0.3333333")
            sub(el, "usecase", "0")
            seen = set()
            for answer in blanks[0].answers:
                if shortanswer_text(answer) not in seen:
                    seen.add(shortanswer_text(answer))
                    self._answer(el, "100", shortanswer_text(answer), fmt="moodle_auto_format")
            return
        # Cloze: each blank's weight is a whole number of marks, and the question's mark is their sum.
        total = points_of(q, self.guide)
        weight = total / len(blanks)
        if weight >= 1 and weight == int(weight):
            weight = int(weight)
        elif total == 0:  # a Cloze question of 0 marks divides by 0 when Moodle grades it
            weight = 1
            worth = "it has no points, so the handout's total counts it as 0" if q.points is None else "it is worth 0 points"
            self.problems.append(marks_differ(q, n, f"{worth}, but Moodle's Cloze type cannot mark a question 0; its "
                                                    f"{len(blanks)} blanks are worth 1 mark each here: give it points "
                                                    "in the guide to make the two agree", total, len(blanks)))
        else:  # Cloze weights are whole numbers ({1:SHORTANSWER:...}), and Moodle's import takes no other mark
            weight = 1
            if q.points is not None:
                self.problems.append(marks_differ(
                    q, n, f"Moodle's Cloze type marks each blank in whole marks; the {len(blanks)} blanks are worth 1 "
                          f"mark each, {len(blanks)} in all, not {points_text(total)}: in the Moodle quiz, set this "
                          f"question's maximum mark to {points_text(total)} to match the paper", total, len(blanks)))

        def slot(i: int, b: Blank) -> str:
            if values[i]:  # '=9:0': the value, and an error margin of 0
                return "{" + f"{weight}:NUMERICAL:" + "~".join(f"={v}:0" for v in values[i]) + "}"
            seen, alts = set(), []
            for answer in b.answers:
                text = cloze_answer(answer)
                if text not in seen:
                    seen.add(text)
                    alts.append("=" + text)
            return "{" + f"{weight}:SHORTANSWER:" + "~".join(alts) + "}"

        bank = bank.replace("{", "&#123;").replace("}", "&#125;")
        text = para(blank_html(q, slot, text=_cloze_text), prompt_text(q)) + bank  # not {1:SHORTANSWER...}'s letters
        self._question("cloze", n, q, text, None, "0.3333333")

    def matching(self, n: int, q: Matching) -> None:
        el = self._question("matching", n, q, paragraph(q.prompt), self.grade(q), "0.3333333")
        sub(el, "shuffleanswers", "true")
        for pair in q.pairs:
            s = sub(el, "subquestion", format="html")
            sub(s, "text", directed(html(pair.left)))
            a = sub(s, "answer")
            sub(a, "text", match_choice(pair.right))
        sub(el, "shownumcorrect")

    def ordering(self, n: int, q: Ordering) -> None:
        el = self._question("ordering", n, q, paragraph(q.prompt), self.grade(q), "0.3333333")
        sub(el, "layouttype", "VERTICAL")
        sub(el, "selecttype", "ALL")
        sub(el, "selectcount", str(len(q.items)))
        sub(el, "gradingtype", "ABSOLUTE_POSITION")
        sub(el, "showgrading", "SHOW")
        sub(el, "numberingstyle", "none")
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            self._text(el, tag, "")
        sub(el, "shownumcorrect", "1")  # without it Moodle's ordering import writes hints the database refuses
        for i, item in enumerate(q.items, 1):  # in the right order; Moodle shuffles them for the student
            ans = sub(el, "answer", fraction=f"{i}.0000000", format="html")
            sub(ans, "text", directed(html(item)))

    def write(self) -> bytes:
        cat = sub(self.quiz, "question", type="category")
        c = sub(cat, "category")
        sub(c, "text", category_path(self.guide.title))
        self._text(cat, "info", paragraph(self.guide.subtitle))
        for n, q in enumerate(self.guide.questions, 1):
            method = getattr(self, q.kind) if q.kind in KINDS else None
            if method is None:  # a type this exporter does not know: say so, never drop it silently
                self.problems.append(left_out(q, n, "Moodle export does not know this question type; it is left out",
                                              "a type the Moodle export does not know"))
                continue
            method(n, q)
        return moodle_xml(self.quiz)


# --- writing: ElementTree cannot write CDATA, so this small writer does ------------------------------

_PLAIN = re.compile(r"[^<>&\s]*( [^<>&\s]+)*")  # text Moodle reads back as it is: no markup, single spaces


def cdata(text: str) -> str:
    """``text`` as CDATA; a ``]]>`` in it is split across two sections, so it survives."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#09;")


def _write(el: ET.Element, out: list) -> None:
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in el.attrib.items())
    if not len(el) and not el.text:
        out.append(f"<{el.tag}{attrs} />")
    else:
        out.append(f"<{el.tag}{attrs}>")
        if el.text and el.tag == "text":
            # a line break is a chunk of its own to Moodle's reader, and dropped: in HTML it is a space anyway
            text = re.sub(r"\r\n?|\n", " ", el.text)
            out.append(_escape(text) if _PLAIN.fullmatch(text) else cdata(text))
        elif el.text:
            out.append(_escape(el.text))
        for child in el:
            _write(child, out)
        out.append(f"</{el.tag}>")
    if el.tail:
        out.append(el.tail)


def moodle_xml(root: ET.Element) -> bytes:
    """UTF-8 XML with a declaration, indented; each ``<text>`` that holds more than plain words is CDATA."""
    ET.indent(root, space="  ")
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    _write(root, out)
    out.append("\n")
    return "".join(out).encode("utf-8")


def export(guide: Guide) -> Exported:
    if not guide.questions:
        return [], [guide_warning(guide, "moodle: the guide has no questions, so no Moodle file is written")]
    writer = _Writer(banked(guide))  # word banks as the handout prints them
    data = writer.write()
    return [(output_name(guide, SUFFIX), data)], writer.problems
