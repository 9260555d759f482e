"""`studyguide prompt`: a prompt for any chatbot that turns an article into a guide.

Nothing here talks to a network: the teacher pastes the prompt and the article into a
chatbot of their choice, saves the answer as a .yaml file and runs validate, check, build.
The schema in the prompt is the one `studyguide schema` prints, from the same function,
so the two cannot drift; the example is a file beside this module that the tests validate.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..model import QUESTION_TYPES
from ..reading.editor_schema import guide_schema

EXAMPLE = Path(__file__).with_name("example.yaml")

INTRO = """\
You are helping a high-school teacher write a study guide for the article they will paste below.
Answer with ONE study guide in the YAML format described here, and nothing else: no greeting, no
explanation, no Markdown code fences. The teacher saves your answer as a .yaml file and runs the
program studyguide on it, which prints a student handout and an answer key as PDFs.
"""

FORMAT = """\
## The format in short

- A guide is one YAML mapping. Only `title` is required; leave out any key you have nothing for.
- Keys, in the order to write them: title, subtitle, subject, grade, language, source, summary,
  objectives, topics, perspectives, benefits, criticisms, takeaways, vocabulary, questions.
- Indent with two spaces, never tabs. Put text in "double quotes" when it contains ': ' or ' #',
  or starts with * [ { " ' & ! % @ ` or '- '. Write `summary: |` for several paragraphs; a blank
  line starts a new paragraph.
- In any text, **two stars** make bold and *one star* makes italic. Nothing else is markup.
- Every question has `type`, `prompt` and `points`; an `explanation` prints in the key only (name
  choices in it by their words, not their letters: versions reorder them), and `objective: N` names
  the objective (by number) that the question checks.
- The question types and what each needs:
  - multiple_choice: `choices` (2 to 8) and `answer` (a letter, A for the first choice)
  - select_all: `choices` and `answer` as a list of letters, such as [A, C]
  - true_false: `answer: true` or `answer: false`
  - short_answer: `answer` (a model answer) and `lines` (how many answer lines, 1 to 40)
  - essay: `answer` (grading notes) and `lines`
  - fill_in_blank: the prompt marks each blank with its answer in double brackets,
    `The sun drives [[evaporation]].`; `word_bank: true` prints a word bank
  - matching: `pairs`, each a `left` and its matching `right` (2 to 26 pairs, written matched)
  - ordering: `items`, written in the right order (they are printed shuffled)
- Do not write `reading:`. If the teacher has the right to print the article, they add it
  themselves with `studyguide new --reading article.txt`.
"""

RULES = """\
## Rules

1. Write everything in your own words. Do not copy sentences from the article; quote at most a
   few words, in quotation marks, where the exact words matter.
2. Be fair to every side. The perspectives, benefits and criticisms give each side's strongest
   case, in neutral words, and name who holds each view. Do not take a side yourself.
3. Ask questions across three levels: recall (what the article says), analysis (why, how, what
   connects), and evaluation (how strong an argument is, what the student would decide and why).
   Use each of the eight question types at least once: {types}.
4. Write for students aged 14 to 18: short sentences, every vocabulary term defined in plain words,
   and each term used again in the summary, the topics or the questions.
5. Stay with what the article says. Do not invent facts, numbers, names or quotations; where the
   article is unclear, leave the point out.
6. Give every multiple-choice question one clearly right answer, and vary which letter it is.
7. Give 2 or 3 objectives, and name one in each question with `objective: N`.
8. Give `source:` with the article's title, author, publisher and date as the article states them.
"""


def schema_text() -> str:
    """The schema as the prompt holds it: `studyguide schema`'s, on one line to save the chatbot's room."""
    return json.dumps(guide_schema(), ensure_ascii=False, separators=(",", ":"))


def prompt_text() -> str:
    example = EXAMPLE.read_text(encoding="utf-8")
    return "\n".join([
        INTRO,
        FORMAT,
        "## The schema (JSON Schema of every key; your answer must fit it)\n",
        schema_text(),
        "",
        "## A complete example (a different article; copy its shape, not its content)\n",
        example.rstrip("\n"),
        "",
        RULES.format(types=", ".join(QUESTION_TYPES)),
        "## The article\n",
        "(The teacher pastes the article here.)",
        "",
    ])
