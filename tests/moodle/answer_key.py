"""Write the answer key of each guide beside its Moodle export, for check_import.php.

    python tests/moodle/answer_key.py OUT_DIR GUIDE.yaml...

For every guide, OUT_DIR/NAME-moodle.key.json (beside NAME-moodle.xml, the name the exporter
gives) holds each question as a student sees and answers it: its number (the exported name
starts with it: "Q03 ..."), its type, its prompt as plain text, and the right answer from the
guide's key, as text: the right choice(s), True/False, what a student types in each blank (every
accepted answer; for a blank answered by a number, also the number as the keyboard types it, '-' for '−', and
with one more zero, 9.0 for 9: Moodle marks such a blank by its value), the right partner of each matching item, the items in their right order; and,
for a question whose choices must keep their order ("All of the above"), the choices in that order;
and, when the guide gives points, the question's points as on paper (the mark Moodle must give it),
with the export's warning when Moodle cannot give that mark (a Cloze question's blanks are worth
whole marks). A guide without points prints no marks, so any mark Moodle gives is as the paper.
check_import.php answers each imported question with these texts, so a text that Moodle's import
changed (a lost space, an entity left as it is, a wildcard) shows up as a wrong answer.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from studyguide import api, labels
from studyguide.export import moodle, typed
from studyguide.export._common import (MarksDiffer, keeps_choice_order, numbers, one_line, output_name, plain, points_of,
                                      prompt_text)
from studyguide.model import Essay, FillInBlank, Matching, MultipleChoice, Ordering, SelectAll, ShortAnswer, TrueFalse


def text(value: str) -> str:
    """What a reader sees: emphasis markers gone, every run of spaces, tabs and line breaks one space."""
    return " ".join(plain(value).split())


def typed_numbers(blank, values: list[str], decimal: str) -> list[str]:
    """What a student may type in a blank answered by a number: each answer as written (when the guide's decimal sign
    is the check site's, a point), with '-' for '−'; then each value with one more zero (9.0, 3.50), which is right
    by its value."""
    written = [plain(a).strip().replace("\u2212", "-") for a in blank.answers] if decimal == "." else list(values)
    return list(dict.fromkeys(written + [v + ("0" if "." in v else ".0") for v in values]))


def question_key(number: int, q, guide) -> dict:
    key = {"number": number, "type": q.kind, "prompt": text(prompt_text(q))}
    if guide.total_points is not None:
        key["points"] = points_of(q, guide)
    if isinstance(q, (MultipleChoice, SelectAll)):
        key["right"] = [text(q.choices[i]) for i in ((q.answer,) if isinstance(q, MultipleChoice) else q.answers)]
        if keeps_choice_order(q):  # "All of the above", or a pinned choice: shown in the guide's order
            key["choices_in_order"] = [text(c) for c in q.choices]
    elif isinstance(q, TrueFalse):
        key["right"] = q.answer
    elif isinstance(q, FillInBlank):
        decimal = labels.for_language(guide.language, guide.labels)["decimal"]
        values = [numbers(b, decimal) for b in q.blanks]
        key["blanks"] = [[plain(a) for a in b.answers] if v is None else typed_numbers(b, v, decimal)
                         for b, v in zip(q.blanks, values)]  # typed: spaces as they are
        key["numbers"] = values  # the values Moodle's number type marks (None: a blank marked as text)
    elif isinstance(q, Matching):
        key["pairs"] = [[text(p.left), one_line(p.right).strip()] for p in q.pairs]
    elif isinstance(q, Ordering):
        key["items"] = [text(item) for item in q.items]
    elif isinstance(q, (ShortAnswer, Essay)):
        key["hand_marked"] = True
    return key


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    for path in argv[1:]:
        # The export prints a citation of the reading ({@aims}) as the handout does ("lines 1–2"): so does the key.
        guide = api.cited_as_printed(api.load(path, check_theme=False))
        name = output_name(guide, moodle.SUFFIX)
        # each blank's answers as exported: the guide's, then the forms a keyboard types (10^-3 for 10⁻³), each
        # of which a student may type and must score full marks
        exported = typed.typeable(guide, "moodle")[0]
        questions = [question_key(n, q, guide) for n, q in enumerate(exported.questions, 1) if q.kind in moodle.KINDS]
        differ = {p.number: p.message for p in moodle.export(guide)[1] if isinstance(p, MarksDiffer)}
        for key in questions:  # the marks Moodle cannot give, as the export warned the teacher
            if key["number"] in differ:
                key["points_warning"] = differ[key["number"]]
        target = out / (name[: -len(".xml")] + ".key.json")
        target.write_text(json.dumps({"guide": str(path), "questions": questions}, ensure_ascii=False, indent=1),
                          encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
