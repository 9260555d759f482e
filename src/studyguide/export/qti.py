"""IMS QTI 1.2 for Canvas (and other LMSs): a zip of ``imsmanifest.xml`` and one assessment.

The assessment follows what Canvas itself writes when it exports a quiz as QTI
(``questestinterop`` → one ``assessment`` → ``section`` → ``item``), each item
naming its Canvas type in ``qtimetadata``:

- multiple_choice → ``multiple_choice_question`` (the right choice sets SCORE to 100);
- select_all → ``multiple_answers_question`` (every right choice ticked, no wrong one);
- true_false → ``true_false_question``;
- fill_in_blank with one blank → ``short_answer_question`` (each accepted answer); when every answer
  is a number ([[9]], [[1,000]]), ``numerical_question`` as Canvas writes an exact answer with a margin
  of 0 (a ``varequal`` or, between ``vargte`` and ``varlte``, the value itself, one condition per
  value), so Canvas marks 9.0 right; Canvas's several-blanks type compares text only, so a number
  among several blanks is marked as typed;
  with several → ``fill_in_multiple_blanks_question``: ``[blank1]``… in the text and
  a ``response_lid`` per blank listing its accepted answers. A blank's accepted answers
  are tests in an ``or``: side by side in a ``conditionvar`` QTI 1.2 ANDs them. Canvas turns ``[name]``
  into a blank only for the names it has answers for, and it reads the text as HTML
  (so an entity such as ``&#91;`` protects nothing): when the teacher's own text has
  a ``[blank1]``, the blanks take another name (``[gap1]``…) that the text lacks;
- short_answer and essay → ``essay_question`` (graded by hand); the model answer or
  grading notes go into the general feedback, which Canvas shows after submission;
- matching → ``matching_question``;
- ordering → Canvas has no ordering type: a ``matching_question`` pairing each item
  (in a fixed scrambled order) with its position, and a warning.

The explanation is the general feedback (``itemfeedback`` "general_fb"), the
points ``points_possible``: what the paper gives (0 for a question without points when
others have points, which Canvas's importer takes; 1 each when no question has any). A
word bank is the handout's, words and order. Identifiers come from hashes of the guide's file name
and the question number, and the zip has fixed times, so the bytes never change.

Beside the assessment, ``assessment_meta.xml`` (as Canvas's own export and
text2qti write it) gives the quiz its title, description and total points, one
attempt, and whether Canvas shuffles the choices. Canvas shuffles every question's
choices or none: when a question has a pinned or "All/None of the above" choice
(which print keeps in its place), shuffling is off for the quiz, with a warning.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .. import labels, lettered, shuffle
from ..model import (Essay, FillInBlank, Guide, Matching, MultipleChoice, Ordering, Question, SelectAll,
                     ShortAnswer, TrueFalse)
from ..banks import banked
from ..variants import about_the_others
from ._common import (Exported, blank_html, digest, directed, guide_warning, has_emphasis, html, ident, keeps_choice_order, labelled,
                      left_out, numbers, numeric_ids, one_line, output_name, para, paragraph, plain, points_of, prompt_text,
                      reads_rtl, sub, warn, word_bank_html, xml_bytes, zip_bytes)

KINDS = ("multiple_choice", "select_all", "true_false", "short_answer", "essay", "fill_in_blank", "matching",
         "ordering")  # the question types this exporter writes, each by the method of that name
SUFFIX = "-qti.zip"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

ORDERING_WARNING = ("Canvas (QTI) has no ordering question type; exported as a matching question "
                    "that pairs each item with its position, 1 to {count}")


def _any_of(conditionvar: ET.Element, respident: str, values) -> None:
    """A condition met by any one of ``values``. QTI 1.2 ANDs the tests side by side in a ``conditionvar``
    (Canvas's own QTI 1.2 to 2 converter makes them an ``and``), so several accepted answers go in an ``or``."""
    values = list(values)
    parent = sub(conditionvar, "or") if len(values) > 1 else conditionvar
    for value in values:
        sub(parent, "varequal", value, respident=respident)


def _points(value: float) -> str:
    return repr(float(value))  # 1.0, 1.5 — as Canvas writes points_possible


def _meta(parent: ET.Element, label: str, entry: str) -> None:
    field = sub(parent, "qtimetadatafield")
    sub(field, "fieldlabel", label)
    sub(field, "fieldentry", entry)


def _mattext(parent: ET.Element, text: str) -> None:
    """A choice's text: HTML when it has emphasis or reads right to left (dir="rtl"), plain text otherwise."""
    mat = sub(parent, "material")
    if has_emphasis(text) or reads_rtl(html(text)):
        sub(mat, "mattext", directed(html(text)), texttype="text/html")
    else:
        sub(mat, "mattext", plain(text), texttype="text/plain")


class _Writer:
    def __init__(self, guide: Guide):
        self.guide = guide
        self.words = labels.for_language(guide.language, guide.labels)  # what students and graders read
        self.problems = []
        self.points = 0.0  # the quiz's total, for assessment_meta.xml
        self.fixed_order = []  # numbers of the questions whose choices must keep their places
        self.assessment_id = ident(guide.stem, "assessment")
        self.root = ET.Element("questestinterop", {
            "xmlns": QTI_NS, "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"})
        assessment = sub(self.root, "assessment", ident=self.assessment_id, title=one_line(guide.title))
        meta = sub(assessment, "qtimetadata")
        _meta(meta, "cc_maxattempts", "1")
        self.section = sub(assessment, "section", ident="root_section")

    # -- the frame every item shares --
    def _item(self, n: int, q: Question, qtype: str, text_html: str, answer_ids=()) -> tuple[ET.Element, ET.Element]:
        self.points += points_of(q, self.guide)
        item = sub(self.section, "item", ident=ident(self.guide.stem, "question", str(n)), title=f"Question {n}")
        meta = sub(sub(item, "itemmetadata"), "qtimetadata")
        _meta(meta, "question_type", qtype)
        _meta(meta, "points_possible", _points(points_of(q, self.guide)))
        _meta(meta, "original_answer_ids", ",".join(answer_ids))
        presentation = sub(item, "presentation")
        sub(sub(presentation, "material"), "mattext", f"<div>{text_html}</div>", texttype="text/html")
        return item, presentation

    def _resprocessing(self, item: ET.Element, feedback_html: str) -> ET.Element:
        res = sub(item, "resprocessing")
        sub(sub(res, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
        if feedback_html:
            cond = sub(res, "respcondition", continue_="Yes")
            sub(sub(cond, "conditionvar"), "other")
            sub(cond, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        return res

    def _feedback(self, item: ET.Element, feedback_html: str) -> None:
        if feedback_html:
            fb = sub(item, "itemfeedback", ident="general_fb")
            sub(sub(sub(fb, "flow_mat"), "material"), "mattext", feedback_html, texttype="text/html")

    def _choices(self, n: int, q: Question, qtype: str, texts, right: set[int], cardinality: str,
                 may_shuffle: bool = True) -> None:
        ids = numeric_ids(len(texts), self.guide.stem, str(n), "choice")
        item, pres = self._item(n, q, qtype, paragraph(q.prompt), ids)
        lid = sub(pres, "response_lid", ident="response1", rcardinality=cardinality)
        # an LMS may shuffle the choices, as the printed versions do, unless one must keep its place
        keep = keeps_choice_order(q)
        if keep:
            self.fixed_order.append((n, q))
        render = sub(lid, "render_choice", shuffle="Yes" if may_shuffle and not keep else "No")
        for rid, text in zip(ids, texts):
            _mattext(sub(render, "response_label", ident=rid), text)
        feedback = paragraph(q.explanation)
        res = self._resprocessing(item, feedback)
        cond = sub(res, "respcondition", continue_="No")
        var = sub(cond, "conditionvar")
        if cardinality == "Single":
            sub(var, "varequal", ids[min(right)], respident="response1")
        else:
            both = sub(var, "and")
            for i, rid in enumerate(ids):
                if i in right:
                    sub(both, "varequal", rid, respident="response1")
                else:
                    sub(sub(both, "not"), "varequal", rid, respident="response1")
        sub(cond, "setvar", "100", action="Set", varname="SCORE")
        self._feedback(item, feedback)

    # -- question types --
    def multiple_choice(self, n: int, q: MultipleChoice) -> None:
        self._choices(n, q, "multiple_choice_question", q.choices, {q.answer}, "Single")

    def select_all(self, n: int, q: SelectAll) -> None:
        self._choices(n, q, "multiple_answers_question", q.choices, set(q.answers), "Multiple")

    def true_false(self, n: int, q: TrueFalse) -> None:
        words = (self.words["true"], self.words["false"])  # what students click, in their language
        self._choices(n, q, "true_false_question", words, {0 if q.answer else 1}, "Single", False)

    def _essay(self, n: int, q: Question, label: str, answer) -> None:
        item, pres = self._item(n, q, "essay_question", paragraph(q.prompt))
        resp = sub(pres, "response_str", ident="response1", rcardinality="Single")
        sub(sub(resp, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        feedback = (labelled(self.words[label], answer) if answer else "") + paragraph(q.explanation)
        res = self._resprocessing(item, feedback)
        sub(sub(sub(res, "respcondition", continue_="No"), "conditionvar"), "other")
        self._feedback(item, feedback)

    def short_answer(self, n: int, q: ShortAnswer) -> None:
        self._essay(n, q, "model_answer", q.answer)

    def essay(self, n: int, q: Essay) -> None:
        self._essay(n, q, "grading_notes", q.answer)

    def fill_in_blank(self, n: int, q: FillInBlank) -> None:
        bank = word_bank_html(q, self.words, self.guide.language) if q.word_bank else ""
        feedback = paragraph(q.explanation)
        blanks = q.blanks
        values = numbers(blanks[0], self.words["decimal"]) if len(blanks) == 1 else None
        if values:
            self._numerical(n, q, para(blank_html(q, lambda i, b: "_____"), prompt_text(q)) + bank, values, feedback)
            return
        if len(blanks) == 1:
            text = para(blank_html(q, lambda i, b: "_____"), prompt_text(q)) + bank
            item, pres = self._item(n, q, "short_answer_question", text)
            resp = sub(pres, "response_str", ident="response1", rcardinality="Single")
            sub(sub(resp, "render_fib"), "response_label", ident="answer1", rshuffle="No")
            res = self._resprocessing(item, feedback)
            cond = sub(res, "respcondition", continue_="No")
            _any_of(sub(cond, "conditionvar"), "response1", dict.fromkeys(one_line(a) for a in blanks[0].answers))
            sub(cond, "setvar", "100", action="Set", varname="SCORE")
            self._feedback(item, feedback)
            return
        # several blanks: [blank1] … in the text, named so that no '[name]' the teacher typed is one of them
        prefix = blank_prefix("".join(p for p in q.parts if isinstance(p, str)) + bank)
        names = [f"{prefix}{i}" for i in range(1, len(blanks) + 1)]
        text = para(blank_html(q, lambda i, b: f"[{names[i]}]"), prompt_text(q)) + bank  # not [blank1]'s letters
        answer_ids = []
        per_blank = []
        for i, b in enumerate(blanks):
            accepted = list(dict.fromkeys(one_line(a) for a in b.answers))
            ids = numeric_ids(len(accepted), self.guide.stem, str(n), names[i], taken=answer_ids)
            answer_ids += ids
            per_blank.append((names[i], accepted, ids))
        item, pres = self._item(n, q, "fill_in_multiple_blanks_question", text, answer_ids)
        for name, accepted, ids in per_blank:
            lid = sub(pres, "response_lid", ident=f"response_{name}")
            sub(sub(lid, "material"), "mattext", name)
            render = sub(lid, "render_choice")
            for rid, answer in zip(ids, accepted):
                label = sub(render, "response_label", ident=rid)
                sub(sub(label, "material"), "mattext", answer, texttype="text/plain")
        res = self._resprocessing(item, feedback)
        share = f"{100 / len(blanks):.2f}"
        for name, accepted, ids in per_blank:
            cond = sub(res, "respcondition")
            _any_of(sub(cond, "conditionvar"), f"response_{name}", ids)
            sub(cond, "setvar", share, varname="SCORE", action="Add")
        self._feedback(item, feedback)

    def _numerical(self, n: int, q: FillInBlank, text: str, values: list[str], feedback: str) -> None:
        """Canvas's numerical question, each value an exact answer with a margin of 0, as Canvas exports one."""
        item, pres = self._item(n, q, "numerical_question", text)
        resp = sub(pres, "response_str", ident="response1", rcardinality="Single")
        sub(sub(resp, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
        res = self._resprocessing(item, feedback)
        for value in values:
            cond = sub(res, "respcondition", continue_="No")
            either = sub(sub(cond, "conditionvar"), "or")
            sub(either, "varequal", value, respident="response1")
            both = sub(either, "and")
            sub(both, "vargte", value, respident="response1")
            sub(both, "varlte", value, respident="response1")
            sub(cond, "setvar", "100", action="Set", varname="SCORE")
        self._feedback(item, feedback)

    def _matching(self, n: int, q: Question, text_html: str, lefts, rights, correct) -> None:
        """``correct[i]`` is the index in ``rights`` that ``lefts[i]`` goes with."""
        left_ids = numeric_ids(len(lefts), self.guide.stem, str(n), "left")
        right_ids = numeric_ids(len(rights), self.guide.stem, str(n), "right", taken=left_ids)
        item, pres = self._item(n, q, "matching_question", text_html, left_ids)
        for lid_id, left in zip(left_ids, lefts):
            lid = sub(pres, "response_lid", ident=f"response_{lid_id}")
            _mattext(lid, left)
            render = sub(lid, "render_choice")
            for rid, right in zip(right_ids, rights):
                label = sub(render, "response_label", ident=rid)
                sub(sub(label, "material"), "mattext", one_line(right))
        feedback = paragraph(q.explanation)
        res = self._resprocessing(item, feedback)
        share = f"{100 / len(lefts):.2f}"
        for lid_id, target in zip(left_ids, correct):
            cond = sub(res, "respcondition")
            sub(sub(cond, "conditionvar"), "varequal", right_ids[target], respident=f"response_{lid_id}")
            sub(cond, "setvar", share, varname="SCORE", action="Add")
        self._feedback(item, feedback)

    def matching(self, n: int, q: Matching) -> None:
        # the answers are listed in a fixed scrambled order, so the right one is never simply the one across
        order = shuffle.order(len(q.pairs), self.guide.stem, str(n), "qti-matching")
        rights = [q.pairs[i].right for i in order]
        correct = [order.index(i) for i in range(len(q.pairs))]
        self._matching(n, q, paragraph(q.prompt), [p.left for p in q.pairs], rights, correct)

    def ordering(self, n: int, q: Ordering) -> None:
        order = shuffle.order(len(q.items), self.guide.stem, str(n), "qti-ordering")
        lefts = [q.items[i] for i in order]
        positions = [str(i) for i in range(1, len(q.items) + 1)]
        text = paragraph(q.prompt) + para(f"<i>{html(self.words['ordering_places'])}</i>")  # (in the guide's language)
        self._matching(n, q, text, lefts, positions, order)
        self.problems.append(warn(q, n, ORDERING_WARNING.format(count=len(q.items))))

    def assessment(self) -> bytes:
        for n, q in enumerate(self.guide.questions, 1):
            method = getattr(self, q.kind) if q.kind in KINDS else None
            if method is None:  # a type this exporter does not know: say so, never drop it silently
                self.problems.append(left_out(q, n, "QTI export does not know this question type; it is left out",
                                              "a type the QTI export does not know"))
                continue
            method(n, q)
        return xml_bytes(self.root)


def blank_prefix(text: str) -> str:
    """A name for the blanks ('blank', so [blank1]…) that no '[name' in the teacher's text starts with.

    Canvas makes a blank of each ``[name]`` it has answers for, after reading the
    text as HTML, so the only protection that holds is a name the text lacks.
    """
    seen = {m.casefold() for m in re.findall(r"\[\s*([^\W\d]+)", html(text) + " " + plain(text))}
    for prefix in ("blank", "gap", "slot", "fill"):
        if prefix not in seen:
            return prefix
    return "blank" + digest(text)[:8]  # letters and digits: '[blank3fa9…1]' is in no teacher's text


def assessment_meta(guide: Guide, assessment_id: str, points: float, shuffle: bool) -> bytes:
    """The quiz settings Canvas reads beside the assessment: title, description, points, one attempt."""
    root = ET.Element("quiz", {
        "identifier": assessment_id, "xmlns": CANVAS_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd"})
    sub(root, "title", one_line(guide.title))
    sub(root, "description", paragraph(guide.subtitle))
    sub(root, "shuffle_answers", "true" if shuffle else "false")
    sub(root, "scoring_policy", "keep_highest")
    sub(root, "quiz_type", "assignment")
    sub(root, "points_possible", _points(points))
    sub(root, "show_correct_answers", "true")
    sub(root, "allowed_attempts", "1")
    sub(root, "one_question_at_a_time", "false")
    sub(root, "cant_go_back", "false")
    sub(root, "available", "false")
    assignment = sub(root, "assignment", identifier=ident(guide.stem, "assignment"))
    sub(assignment, "title", one_line(guide.title))
    sub(assignment, "workflow_state", "unpublished")
    sub(assignment, "quiz_identifierref", assessment_id)
    sub(assignment, "points_possible", _points(points))
    sub(assignment, "grading_type", "points")
    sub(assignment, "submission_types", "online_quiz")
    return xml_bytes(root)


def manifest(guide: Guide, assessment_id: str, href: str, meta_href: str) -> bytes:
    root = ET.Element("manifest", {
        "identifier": ident(guide.stem, "manifest"), "xmlns": CP_NS, "xmlns:imsmd": MD_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd "
                              f"{MD_NS} http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd"})
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "IMS Content")
    sub(metadata, "schemaversion", "1.1.3")
    title = sub(sub(sub(metadata, "imsmd:lom"), "imsmd:general"), "imsmd:title")
    sub(title, "imsmd:string", one_line(guide.title))
    sub(root, "organizations")
    resources = sub(root, "resources")
    resource = sub(resources, "resource", identifier=assessment_id, type="imsqti_xmlv1p2")
    sub(resource, "file", href=href)
    meta_id = ident(guide.stem, "assessment_meta")
    sub(resource, "dependency", identifierref=meta_id)
    meta = sub(resources, "resource", identifier=meta_id,
               type="associatedcontent/imscc_xmlv1p1/learning-application-resource", href=meta_href)
    sub(meta, "file", href=meta_href)
    return xml_bytes(root)


def export(guide: Guide) -> Exported:
    if not guide.questions:
        return [], [guide_warning(guide, "qti: the guide has no questions, so no QTI package is written")]
    writer = _Writer(banked(guide))  # word banks as the handout prints them
    assessment = writer.assessment()
    href = f"{writer.assessment_id}/{writer.assessment_id}.xml"
    meta_href = f"{writer.assessment_id}/assessment_meta.xml"
    if writer.fixed_order:  # located at the first such question, naming the others
        (first, q), more = writer.fixed_order[0], [str(n) for n, _ in writer.fixed_order[1:]]
        also = f" (so do question{'s' if len(more) > 1 else ''} {', '.join(more)})" if more else ""
        name, letters = lettered.named_in(q)
        why = (f"its {name} names choices by letter ({', '.join(letters)})" if name and not q.pinned and not any(
            about_the_others(plain(c)) for c in q.choices) else "a choice keeps its place (pinned, or 'All/None of "
               "the above')")
        writer.problems.append(warn(q, first, (
            f"{why}{also}, and Canvas shuffles the choices of every question in a quiz or of none: this quiz does "
            "not shuffle them")))
    meta = assessment_meta(guide, writer.assessment_id, writer.points, shuffle=not writer.fixed_order)
    data = zip_bytes([("imsmanifest.xml", manifest(guide, writer.assessment_id, href, meta_href)), (href, assessment),
                      (meta_href, meta)])
    return [(output_name(guide, SUFFIX), data)], writer.problems
