"""A JSON Schema (draft 2020-12) of the guide format, for editors' completion and checks.

Built from the same key tables the validator uses, so the two cannot drift.
"""
from __future__ import annotations

from .. import labels
from ..labels import EN as EN_LABELS
from ..model import DEFAULT_HEADINGS
from .citations import FORMS_OF_READING, PLACES
from .choices import MAX_CHOICES
from .keys import QUESTION_KEYS
from .schema import ACTIVITIES, PAPERS, SOURCE_KEYS

# studyguide reads every plain value as the text typed (`term: 1984`, `summary: yes`, `definition: null`
# print as written); an editor's YAML parser makes numbers, booleans and null of them, so text accepts those
# too: a valid guide is never underlined. (An empty required value is studyguide's own error to report.)
TEXT = {"type": ["string", "number", "boolean", "null"], "minLength": 1}
TEXTS = {"type": "array", "items": TEXT}
CHOICES = {"type": "array", "minItems": 2, "items": {"oneOf": [TEXT, {
    "type": "object", "required": ["choice"], "additionalProperties": False,
    "properties": {"choice": TEXT, "shuffle": {"description": "false: keeps its place when versions are shuffled"}}}]}}
POINT = {"oneOf": [TEXT, {"type": "object", "required": ["point"], "additionalProperties": False,
                          "properties": {"point": TEXT, "detail": TEXT}}]}
LETTER_OR_TEXT = {"type": ["string", "number", "boolean"], "description": "a choice's letter (A, B, ...) or its exact text"}
# studyguide reads every value as the text typed; editors may parse some as numbers or booleans,
# so the schema accepts both spellings where validate does.
NUMBER = {"type": ["number", "string"], "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*$"}
BOOLEAN = {"oneOf": [{"type": "boolean"}, {"type": "string", "pattern": "^(?i:true|false|yes|no)$"}]}
# a true/false answer may be in the guide's language too (labels.true_false_words); the schema takes any language's
TRUE_FALSE = {"oneOf": [{"type": "boolean"}, {"type": "string", "pattern": "^(?i:" + "|".join(sorted(
    {"true", "false", "yes", "no"}.union(*(labels.true_false_words(code) for code in labels.LANGUAGES)))) + ")$"}]}

COMMON = {
    "type": {"type": "string"},
    "prompt": {**TEXT, "description": "the question as students read it"},
    "points": {**NUMBER, "description": "0 to 1000, two decimals at most"},
    "explanation": {**TEXT, "description": "printed under the question in the answer key"},
    "instructions": {**TEXT, "description": "the instruction after the prompt, instead of the type's own"},
    "shuffle": {**BOOLEAN, "description": "false: the question keeps its place in every version"},
    "objective": {"type": ["string", "number"], "description": "the objective it checks: its number or exact text"},
    "time_limit": {**NUMBER, "description": "seconds to answer in a classroom game, 5 to 900 (overrides the guide's)"},
    "tags": {"oneOf": [{"type": "array", "items": {"type": ["string", "number"], "pattern": "^[^,:]+$"}},
                       {"type": ["string", "number"], "pattern": "^[^,:]+$"}],
             "description": "words for choosing questions: build --questions tag:friday"},
}
PER_TYPE = {
    "multiple_choice": {"choices": {**CHOICES, "maxItems": MAX_CHOICES}, "answer": LETTER_OR_TEXT},
    "select_all": {"choices": {**CHOICES, "maxItems": MAX_CHOICES},
                   "answer": {"oneOf": [{"type": "array", "items": LETTER_OR_TEXT, "minItems": 1},
                                      {"type": "string", "description": "letters separated by commas"}]}},
    "true_false": {"answer": TRUE_FALSE},
    "short_answer": {"answer": TEXT, "lines": {**NUMBER, "description": "1 to 40 (default 3)"}},
    "essay": {"answer": TEXT, "lines": {**NUMBER, "description": "1 to 40 (default 12)"}},
    "fill_in_blank": {"word_bank": BOOLEAN},
    "matching": {"pairs": {"type": "array", "minItems": 2, "maxItems": 26, "items": {
        "type": "object", "required": ["left", "right"], "additionalProperties": False,
        "properties": {"left": TEXT, "right": TEXT}}}},
    "ordering": {"items": {**TEXTS, "minItems": 2, "maxItems": 26, "description": "in the right order; printed shuffled"}},
}
REQUIRED = {"multiple_choice": ["choices", "answer"], "select_all": ["choices", "answer"], "true_false": ["answer"],
            "matching": ["pairs"], "ordering": ["items"]}


def question_schema(kind: str) -> dict:
    props = {k: COMMON[k] for k in COMMON}
    props["type"] = {"const": kind}
    props.update(PER_TYPE[kind])
    assert set(props) == set(QUESTION_KEYS[kind]), kind
    return {"type": "object", "additionalProperties": False, "required": ["type", "prompt"] + REQUIRED.get(kind, []),
            "properties": props}


def guide_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "studyguide guide",
        "description": "One study guide: the reading's summary, objectives, topics, benefits and criticisms, vocabulary and questions.",
        "type": "object",
        "required": ["title"],
        "additionalProperties": False,
        "properties": {
            "title": TEXT, "subtitle": TEXT, "subject": TEXT, "grade": {"type": ["string", "number"]}, "author": TEXT,
            "language": {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", "default": "en"},
            "paper": {"enum": list(PAPERS), "default": "letter"},
            "source": {"oneOf": [TEXT, {"type": "object", "additionalProperties": False,
                                        "properties": {k: {"type": ["string", "number"]} for k in SOURCE_KEYS}}]},
            "reading": {"type": "object", "required": ["text"], "additionalProperties": False,
                        "description": "the passage itself, printed with line and paragraph numbers",
                        "properties": {
                            "title": TEXT,
                            "text": {**TEXT, "description": "a blank line starts a new paragraph; {@name}...{@/name} "
                                                            "marks a span that a question cites as {@name}"},
                            "source": {**TEXT, "description": "printed under the reading"},
                            "place": {"enum": list(PLACES), "default": "start",
                                      "description": "start: after the title; questions: just before the questions"},
                            "form": {"enum": list(FORMS_OF_READING), "default": "prose",
                                     "description": "verse: a poem, each typed line printed as a line, a blank line "
                                                    "between stanzas, numbered by the poem's own lines"}}},
            "summary": {**TEXT, "description": "a blank line starts a new paragraph"},
            "headings": {"type": "object", "additionalProperties": False,
                         "properties": {k: {**TEXT, "default": v} for k, v in DEFAULT_HEADINGS.items()}},
            "objectives": TEXTS,
            "topics": {"type": "array", "items": {
                "type": "object", "required": ["title"], "additionalProperties": False,
                "properties": {"title": TEXT, "summary": TEXT, "points": TEXTS,
                               "image": {**TEXT, "description": "PNG, JPEG or GIF in the guide's folder or assets/"},
                               "caption": TEXT,
                               "cues": {**TEXTS, "description": "questions for the cue column of Cornell notes"}}}},
            "perspectives": {"type": "array", "items": {
                "type": "object", "required": ["who", "view"], "additionalProperties": False,
                "properties": {"who": TEXT, "view": TEXT,
                               "evidence": {**TEXT, "description": "what supports the view (organizers' key)"}}}},
            "benefits": {"type": "array", "items": POINT},
            "criticisms": {"type": "array", "items": POINT},
            "takeaways": TEXTS,
            "vocabulary": {"type": "array", "items": {
                "type": "object", "required": ["term", "definition"], "additionalProperties": False,
                "properties": {"term": TEXT, "definition": TEXT, "example": TEXT,
                               "characteristics": {**TEXT, "description": "for the Frayer card's key"},
                               "non_examples": {**TEXT, "description": "for the Frayer card's key"}}}},
            "questions": {"type": "array", "items": {"oneOf": [question_schema(k) for k in QUESTION_KEYS]}},
            "versions": {**NUMBER, "description": "how many shuffled versions (A, B, ...), 1 to 26"},
            "seed": {"type": ["string", "number"], "description": "the same seed gives the same versions"},
            "activities": {"type": "array", "items": {"enum": list(ACTIVITIES)}},
            "accommodations": {"type": "object", "additionalProperties": False, "properties": {
                "reduced_choices": BOOLEAN, "word_bank": BOOLEAN, "extra_lines": NUMBER}},
            "labels": {"type": "object", "additionalProperties": False, "description": "override any printed label",
                       "properties": {k: {**TEXT, "default": v} for k, v in EN_LABELS.items()}},
            "coverage": {"enum": ["both", "key"], "default": "both",
                         "description": "the table of objectives and the questions that check them: both PDFs, or key only"},
            "time_limit": {**NUMBER, "description": "seconds per question in classroom games, 5 to 900 (default 20)"},
            "theme": {**TEXT, "description": "classic, modern, ink-saver, compact, or your own themes/NAME.yaml",
                      "default": "classic"},
            "school": {**TEXT, "description": "printed above the title"},
            "course": {**TEXT, "description": "printed under the school"},
            "teacher": {**TEXT, "description": "printed under the school"},
            "logo": {**TEXT, "description": "PNG, JPEG or GIF in the guide's folder or assets/, beside the school"},
            "header": {**TEXT, "description": "printed at the top of every page"},
            "footer": {**TEXT, "description": "printed in every page's footer"},
        },
    }
