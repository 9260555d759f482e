"""`studyguide import` of a plain list of questions (Moodle's Aiken format and the numbered kind teachers type),
the one message for a text file that is neither cards nor questions, and the title a file's name gives.

Trial r7 (MEDIUM-5): a numbered list of questions ('1. In 1776, who…?', 'a)' choices, 'Answer: b') was read as
Quizlet cards made of question halves, with exit 0. (LOW-4): a studyguide export imported back got its own
'-quizlet' as part of the title.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hostile_support import cli_inprocess
from studyguide import api
from studyguide.export import FORMATS
from studyguide.importers import NEITHER, detect, read

TRIAL = """\
1. In 1776, who wrote most of the Declaration of Independence?
a) George Washington
b) Thomas Jefferson
c) Benjamin Franklin
Answer: b

2. According to the Declaration, where do governments get their power?
a) From the King
b) From the consent of the governed
Answer: b
"""


def _write(tmp_path: Path, text: str, name: str = "questions.txt") -> Path:
    source = tmp_path / name
    source.write_text(textwrap.dedent(text), encoding="utf-8")
    return source


def test_the_trials_numbered_list_imports_as_questions_not_cards(tmp_path):
    _write(tmp_path, TRIAL)
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err, run.out.strip()) == (0, "", "imported questions.txt → q.yaml (0 terms, 2 questions)")
    guide = api.load(tmp_path / "q.yaml")
    assert not guide.vocabulary
    assert [(q.prompt, q.choices, q.answer) for q in guide.questions] == [
        ("In 1776, who wrote most of the Declaration of Independence?",
         ("George Washington", "Thomas Jefferson", "Benjamin Franklin"), 1),
        ("According to the Declaration, where do governments get their power?",
         ("From the King", "From the consent of the governed"), 1)]


def test_aiken_as_moodles_documentation_writes_it(tmp_path):
    source = _write(tmp_path, """\
        What is the correct answer to this question?
        A. Is it this one?
        B. Maybe this answer?
        C. Possibly this one?
        D. Must be this one!
        ANSWER: D

        Which LMS has the most quiz import formats?
        A) Moodle
        B) ATutor
        C) Claroline
        D) Blackboard
        E) WebCT
        F) Ilias
        ANSWER: A
        """)
    assert detect(source, source.read_bytes()) == "aiken"
    draft = read(source)
    assert draft.problems == []
    assert draft.questions == [
        {"type": "multiple_choice", "prompt": "What is the correct answer to this question?",
         "choices": ["Is it this one?", "Maybe this answer?", "Possibly this one?", "Must be this one!"],
         "answer": "D"},
        {"type": "multiple_choice", "prompt": "Which LMS has the most quiz import formats?",
         "choices": ["Moodle", "ATutor", "Claroline", "Blackboard", "WebCT", "Ilias"], "answer": "A"}]


MC = {"type": "multiple_choice", "prompt": "Who wrote it?", "choices": ["Washington", "Jefferson", "Franklin"]}
CASES = [
    ("capital letters and dots", "1. Who wrote it?\nA. Washington\nB. Jefferson\nC. Franklin\nANSWER: B\n",
     {**MC, "answer": "B"}),
    ("letters in brackets", "Q1. Who wrote it?\n(a) Washington\n(b) Jefferson\n(c) Franklin\nanswer: (b) Jefferson\n",
     {**MC, "answer": "B"}),
    ("the letter and its choice", "1) Who wrote it?\na) Washington\nb) Jefferson\nc) Franklin\n"
     "Answer: B. Jefferson\n", {**MC, "answer": "B"}),
    ("the answer's text", "1. Who wrote it?\na) Washington\nb) Jefferson\nc) Franklin\nAnswer: jefferson\n",
     {**MC, "answer": "B"}),
    ("a star before the right choice", "1. Who wrote it?\na) Washington\n*b) Jefferson\nc) Franklin\n",
     {**MC, "answer": "B"}),
    ("a question and a choice wrapped", "1. Who\n   wrote it?\n\na) Washington\nb) Jefferson\nc) Franklin,\n"
     "   of Philadelphia\nAnswer: b\nExplanation: He drafted it.\n",
     {**MC, "choices": ["Washington", "Jefferson", "Franklin, of Philadelphia"], "answer": "B",
      "explanation": "He drafted it."}),
    ("several letters", "1. Who signed it?\na) Washington\nb) Jefferson\nc) Franklin\nAnswer: b and c\n",
     {**MC, "type": "select_all", "prompt": "Who signed it?", "answer": ["B", "C"]}),
    ("true or false with no choices", "1. It was signed in 1776.\nAnswer: True\n",
     {"type": "true_false", "prompt": "It was signed in 1776.", "answer": True}),
    ("true and false as its choices", "1. It was signed in 1777.\na) True\nb) False\nAnswer: b\n",
     {"type": "true_false", "prompt": "It was signed in 1777.", "answer": False}),
    ("a short answer", "1. Who was king in 1776?\nAnswer: George III\n",
     {"type": "short_answer", "prompt": "Who was king in 1776?", "answer": "George III"}),
    ("'Answer' in French", "1. Who wrote it?\nA) Washington\nB) Jefferson\nC) Franklin\nRéponse : B\n",
     {**MC, "answer": "B"}),
    ("'Answer' in Spanish", "1. Who wrote it?\na. Washington\nb. Jefferson\nc. Franklin\nRespuesta: b\n",
     {**MC, "answer": "B"}),
]


KEYED = """\
Unit 3 quiz

1. In 1776, who wrote most of the Declaration?
a) George Washington
b) Thomas Jefferson

2. Who was king in 1776?

3. It was signed in 1776.

4) Pick two.
a) x
b) y
c) z

5. Pick one.
a) x
b) y

Answer Key
1. b
2. George III
3. True
4. a, c
5-b
"""


def test_numbered_questions_with_an_answer_key_at_the_end(tmp_path):
    source = _write(tmp_path, KEYED)
    assert detect(source, source.read_bytes()) == "aiken"
    draft = read(source)
    assert (draft.problems, draft.title) == ([], "Unit 3 quiz")
    assert [(q["type"], q.get("answer")) for q in draft.questions] == [
        ("multiple_choice", "B"), ("short_answer", "George III"), ("true_false", True), ("select_all", ["A", "C"]),
        ("multiple_choice", "B")]
    source.write_text("1. Who?\na) me\nb) you\n2. Why?\na) so\nb) not\nAnswers:\n1. b  2. a\n", encoding="utf-8")
    assert [q["answer"] for q in read(source).questions] == ["B", "A"]  # several a line


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_form_of_a_plain_question(tmp_path, text, expected):
    source = _write(tmp_path, text)
    assert detect(source, source.read_bytes()) == "aiken"
    draft = read(source)
    assert (draft.problems, draft.questions) == ([], [expected])


MESSAGES = [
    ("an answer naming no choice", "1. Pick.\na) this\nb) that\nAnswer: e\n",
     "4:1: warning: 'Answer: e' names none of the choices (A to B); this question is left out (write the right "
     "letter, A to B)"),
    ("choices with no answer", "Title\n\n1. Pick.\na) this\nb) that\n\n2. Next?\nAnswer: yes\n",
     "3:1: warning: a question with choices but no 'Answer:' line; it is left out (write 'Answer: B' under its "
     "choices)"),
    ("two answer lines", "1. Pick.\na) this\nb) that\nAnswer: a\nAnswer: b\n",
     "5:1: warning: a second 'Answer:' line for the question on line 1; it is left out (for several right choices, "
     "write them on one line: 'Answer: a, c')"),
    ("an answer with no question", "Answer: b\n1. Pick.\na) this\nb) that\nAnswer: a\n",
     "1:1: warning: an 'Answer:' line with no question above it; it is left out"),
    ("one choice", "1. Pick.\na) this\nAnswer: a\n",
     "1:1: warning: a question with one choice ('a)'); it is left out (give it a second choice, or write its "
     "answer as 'Answer: …' with no choices)"),
    ("nine choices", "1. Pick.\n" + "".join(f"{c}) {c}{c}\n" for c in "abcdefghi") + "Answer: a\n",
     "1:1: warning: a question with 9 choices, and a guide holds 8; it is left out"),
    ("no answer and no choices", "1. Why?\n\n2. Who?\nAnswer: me\n",
     "1:1: warning: a question with no 'Answer:' line; it is read as a short-answer question with nothing in the "
     "key (write its answer under it as 'Answer: …')"),
    ("an empty answer to choices", "1. Pick.\na) this\nb) that\nAnswer:\n\n2. Who?\nAnswer: me\n",
     "4:1: warning: the 'Answer:' line is empty; this question is left out (write the right letter after "
     "'Answer:')"),
    ("a heading of two lines", "Unit 3 quiz\nName: ____\n\n1. Who?\nAnswer: me\n",
     "2:1: warning: 'Name: ____' is left out: it is above the first question, and only the first line there "
     "becomes the title"),
    ("a key's answer to no question", "1. Who?\nAnswer: me\n\nAnswer key\n1. me\n",
     "5:1: warning: the answer key's '1. me' is left out: question 1 (line 1) has its own 'Answer:' line"),
    ("a key's answer to a question not there", "1. Who?\n\nAnswer key\n1. me\n2. you\n",
     "5:1: warning: the answer key's '2. you' is left out: no question above is numbered 2"),
    ("a key line of no number", "1. Who?\n\nAnswer key\n1. me\nall correct\n",
     "5:1: warning: 'all correct' is left out: under the answer key, each line is a question's number and its "
     "answer ('3. b')"),
    ("a line between numbered questions", "1. Who?\nAnswer: me\n\nPage 2\n\n2. Why?\nAnswer: so\n",
     "4:1: warning: 'Page 2' is left out: it is not a question (they start with a number here), a choice ('a)') "
     "or an answer ('Answer: b')"),
]


@pytest.mark.parametrize("text, message", [c[1:] for c in MESSAGES], ids=[c[0] for c in MESSAGES])
def test_what_a_list_cannot_place_is_said_at_its_line(tmp_path, text, message):
    source = _write(tmp_path, text)
    draft = read(source)
    assert [str(p) for p in draft.problems] == [f"{source}:{message}"]
    assert all("term" not in q for q in draft.questions) and not draft.vocabulary


@pytest.mark.parametrize("questions", [TRIAL, "What is it?\nA. this\nB. that\nANSWER: B\n"], ids=["numbered", "Aiken"])
def test_a_heading_above_the_questions_is_the_title(tmp_path, questions):
    _write(tmp_path, "Declaration of Independence quiz\n\n" + questions)
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    guide = api.load(tmp_path / "q.yaml")
    assert (guide.title, len(guide.questions)) == ("Declaration of Independence quiz", questions.lower().count("answer:"))


@pytest.mark.parametrize("text", ["In 1776 who wrote it\nThomas Jefferson did\n", "just one line"],
                         ids=["prose", "one line"])
def test_a_text_file_of_neither_cards_nor_questions_gets_one_message(tmp_path, text):
    _write(tmp_path, text, "notes.txt")
    run = cli_inprocess(["import", "notes.txt", "-o", "n.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (1, [f"notes.txt: {NEITHER}"])
    assert NEITHER == (
        "is neither cards (a term, a tab or a comma, its definition: one card a line) nor a list of questions (a "
        "question, its choices 'A.', 'B.'…, then 'ANSWER: B'); import reads Moodle XML, GIFT, QTI (.zip), Quizlet "
        "or Anki text, a list of questions (Aiken), CSV, and Kahoot or Quizizz (.xlsx): export the bank from your "
        "other tool as one of these")
    assert not (tmp_path / "n.yaml").exists()


def test_an_empty_text_file_is_said_to_be_empty(tmp_path):
    _write(tmp_path, "\n\n", "notes.txt")
    run = cli_inprocess(["import", "notes.txt", "-o", "n.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip()) == (1, "notes.txt: is empty; nothing imported")


def test_cards_stay_cards(tmp_path):
    """Quizlet's comma cards whose terms look like choices, and cards a tab apart, are still cards; GIFT with
    'Answer:' in a question is still GIFT."""
    for text in ("A. Lincoln,16th president\nB. Franklin,an inventor\n", "1. In 1776\twho wrote it?\nAnswer\tb\n",
                 "Answer: b,the reply\n", "::Q1:: Answer: {=yes ~no}\n", "Answer: it is {T}\n"):
        source = _write(tmp_path, text, "cards.txt")
        expected = "gift" if "{" in text else "quizlet"  # an 'Answer:' line with no question above: a card
        assert detect(source, source.read_bytes()) == expected, text
    source = _write(tmp_path, TRIAL)
    assert len(read(source, "quizlet").vocabulary) == 2  # --from quizlet: read as it says


@pytest.mark.parametrize("fmt, name", [("quizlet", "french-vocab"), ("gimkit", "unit_3"), ("blooket", "unit 3")])
def test_an_exports_own_tag_is_not_part_of_the_title(tmp_path, fmt, name):
    guide = api.load(_write(tmp_path, """\
        title: Unit
        vocabulary:
          - term: le chat
            definition: the cat
          - term: le chien
            definition: the dog
        questions:
          - type: multiple_choice
            prompt: Which is the cat?
            choices: [le chat, le chien]
            answer: A
        """, "g.yaml"))
    [(file_name, data)], _ = FORMATS[fmt](guide)
    tag_ext = file_name[len("g"):]  # '-quizlet.txt'
    (tmp_path / f"{name}{tag_ext}").write_bytes(data)
    run = cli_inprocess(["import", f"{name}{tag_ext}", "-o", "new.yaml"], cwd=tmp_path)
    assert run.code == 0, run.err
    assert api.load(tmp_path / "new.yaml").title == name.replace("-", " ").replace("_", " ")


def test_tab_cards_with_no_term_keep_their_located_warnings(tmp_path):
    """A file a tab on every line is cards: what is wrong with them is said card by card, not as 'neither'."""
    (tmp_path / "cards.txt").write_text("\tthe unit of life\n\tthe smallest unit\n", encoding="utf-8")  # (no dedent)
    run = cli_inprocess(["import", "cards.txt", "-o", "c.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (1, [
        "cards.txt:1:1: warning: no cards found (Quizlet's export: a term, a tab or comma, its definition; one card a "
        "line)",
        "cards.txt:1:1: warning: this card has no term before its tab; it is left out",
        "cards.txt:2:1: warning: this card has no term before its tab; it is left out",
        "cards.txt: no vocabulary or questions found; nothing imported"])


def test_a_question_whose_hash_sign_falls_where_the_guide_wraps_it_imports(tmp_path):
    """The guide file folds a long quoted text, here just before '#2': a line starting '#' inside quotes is text,
    not a comment (the guide's reader had said 'this quote is never closed' and the import was refused)."""
    _write(tmp_path, "1. Read the passage on page ten again, and then answer this question in a full sentence: who "
                     "wrote #2 of the set?\nAnswer: Jefferson\n")
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    assert "\n    #2 of the set" in (tmp_path / "q.yaml").read_text(encoding="utf-8")
    assert api.load(tmp_path / "q.yaml").questions[0].prompt.endswith("in a full sentence: who wrote #2 of the set?")


def test_quizlet_cards_with_a_definition_over_several_lines_stay_cards(tmp_path):
    """M1: most lines 'term<TAB>definition' are cards, even when a definition goes on over 'a)' and 'b)' lines."""
    (tmp_path / "cards.txt").write_text("Photosynthesis\tThe process in which plants:\na) absorb light\nb) make sugar\n"
                                        "Mitosis\tCell division\nOsmosis\tWater moving across a membrane\n",
                                        encoding="utf-8")
    run = cli_inprocess(["import", "cards.txt", "-o", "c.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (0, [
        f"cards.txt:{n}:1: warning: this card has no tab between a term and its definition; it is left out"
        for n in (2, 3)])
    assert [v.term for v in api.load(tmp_path / "c.yaml").vocabulary] == ["Photosynthesis", "Mitosis", "Osmosis"]


@pytest.mark.parametrize("text", ["Antwort: answer\nFrage: question\nHausaufgabe: homework\nPrüfung: test\n",
                                  "respuesta = answer\npregunta = question\nla tarea = homework\n"],
                         ids=["colon", "equals"])
def test_a_word_list_with_answer_in_another_language_first_is_no_question_list(tmp_path, text):
    """M2: 'Antwort: answer' on the first line answers no question: the file gets the one clear message."""
    _write(tmp_path, text, "words.txt")
    run = cli_inprocess(["import", "words.txt", "-o", "w.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (1, [f"words.txt: {NEITHER}"])
    assert not (tmp_path / "w.yaml").exists()


def test_choices_typed_on_the_questions_line_are_choices(tmp_path):
    """M9: '1. Capital?  a) Paris  b) Rome  c) Madrid' is a multiple-choice question, not a short answer 'a'."""
    _write(tmp_path, "1. What is the capital of France?  a) Paris  b) Rome  c) Madrid\nAnswer: a\n\n"
                     "2. What is the capital of Italy?  a) Paris  *b) Rome\n")
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    assert [(q.prompt, q.choices, q.answer) for q in api.load(tmp_path / "q.yaml").questions] == [
        ("What is the capital of France?", ("Paris", "Rome", "Madrid"), 0),
        ("What is the capital of Italy?", ("Paris", "Rome"), 1)]


def test_a_worksheets_header_lines_are_not_questions(tmp_path):
    """M8: 'Name: ___ Date: ___' and 'Directions: …' above question 1 are left out at their lines."""
    _write(tmp_path, "Unit 3 Quiz\n\nName: ________  Date: ____\n\nDirections: Circle the best answer.\n\n" + TRIAL)
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (0, [
        f"questions.txt:{n}:1: warning: '{text}' is left out: it is above the first question, and only the first "
        "line there becomes the title" for n, text in ((3, "Name: ________ Date: ____"),
                                                        (5, "Directions: Circle the best answer."))])
    guide = api.load(tmp_path / "q.yaml")
    assert (guide.title, [q.prompt[:6] for q in guide.questions]) == ("Unit 3 Quiz", ["In 177", "Accord"])


def test_unnumbered_questions_take_the_answer_keys_answers_in_order(tmp_path):
    """L7: the key's '1. a' answers the first question; it is never a question 'a'."""
    _write(tmp_path, "Which?\na) x\nb) y\n\nWhat?\na) p\nb) q\nAnswer key\n1. a\n2. b\n")
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    assert [(q.prompt, q.answer) for q in api.load(tmp_path / "q.yaml").questions] == [("Which?", 0), ("What?", 1)]


def test_numbers_that_start_again_take_the_keys_answers_in_order(tmp_path):
    """M8: part B's '1.' after part A's: the key's second '1.' answers part B's question 1."""
    _write(tmp_path, "Chapter 4 Review\n\nPart A: Multiple choice\n1. What gas do plants take in?\na) oxygen\n"
                     "b) carbon dioxide\n2. Where?\na) chloroplast\nb) nucleus\n\nPart B: True or false\n"
                     "1. Plants make glucose.\n2. Animals photosynthesise.\n\nAnswer Key\n1. b\n2. a\n1. True\n"
                     "2. False\n")
    run = cli_inprocess(["import", "questions.txt", "-o", "q.yaml"], cwd=tmp_path)
    assert (run.code, run.err.strip().splitlines()) == (0, [
        "questions.txt:3:1: warning: 'Part A: Multiple choice' is left out: it is above the first question, and "
        "only the first line there becomes the title",
        "questions.txt:11:1: warning: 'Part B: True or false' is left out: it is not a question (they start with a "
        "number here), a choice ('a)') or an answer ('Answer: b')"])
    guide = api.load(tmp_path / "q.yaml")
    assert (guide.title, [(type(q).__name__, q.answer) for q in guide.questions]) == ("Chapter 4 Review", [
        ("MultipleChoice", 1), ("MultipleChoice", 0), ("TrueFalse", True), ("TrueFalse", False)])


def test_a_key_that_answers_a_question_twice_or_with_a_letter_and_no_choices_is_said(tmp_path):
    source = _write(tmp_path, "1. What?\nAnswers\n1. b\n99. c\n1. a\n")
    assert [str(p) for p in read(source).problems] == [f"{source}:{m}" for m in (
        "4:1: warning: the answer key's '99. c' is left out: no question above is numbered 99",
        "5:1: warning: the answer key's '1. a' is left out: question 1 is answered twice in the key (lines 3 and 5)",
        "3:1: warning: 'b' answers a question with no choices ('a)', 'b)' a line each under it); it is read as a "
        "short answer whose key is that letter")]
