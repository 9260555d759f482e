"""The keys the guide format knows, by where they go: one list that the reader checks a guide
against (schema.py, questions.py) and that the line scan (syntax.py) uses to tell a key typed
without its ':' from a line of text that goes on over lines.

It imports none of reading/ (only the names of labels and headings), so the scan, which runs
before any of the guide is read, can use it without an import cycle.
"""
from __future__ import annotations

import difflib
from typing import Optional

from ..labels import KEYS as LABEL_KEYS
from ..model import HEADING_KEYS
from ..scripts import folded

ACCOMMODATION_KEYS = ("reduced_choices", "word_bank", "extra_lines")
OPTION_KEYS = ("versions", "seed", "activities", "accommodations", "labels", "coverage")
BRAND_KEYS = ("theme", "school", "course", "teacher", "logo", "header", "footer")
TOP_KEYS = ("title", "subtitle", "subject", "grade", "author", "language", "paper", "source", "reading",
            "summary", "headings", "objectives", "topics", "perspectives", "benefits", "criticisms", "takeaways",
            "vocabulary", "questions") + OPTION_KEYS + ("time_limit",) + BRAND_KEYS
SOURCE_KEYS = ("title", "author", "publisher", "date", "url")
READING_KEYS = ("title", "text", "source", "place", "form")
TERM_KEYS = ("term", "definition", "example", "characteristics", "non_examples")  # the last two: Frayer cards
TOPIC_KEYS = ("title", "summary", "points", "image", "caption", "cues")
PERSPECTIVE_KEYS = ("who", "view", "evidence")
POINT_KEYS = ("point", "detail")  # a benefit's or a criticism's
CHOICE_KEYS = ("choice", "shuffle")
# the keys other tools give a choice's or an ordering item's text ('- text: Paris', '- item: Mix'): see plainlines.py
RECORD_KEYS = frozenset({"text", "choice", "option", "answer", "item", "label", "value", "content"})
PAIR_KEYS = ("left", "right")

COMMON_Q = ("type", "prompt", "points", "explanation", "instructions", "shuffle", "objective", "tags", "time_limit")
QUESTION_KEYS = {
    "multiple_choice": COMMON_Q + ("choices", "answer"),
    "select_all": COMMON_Q + ("choices", "answer"),
    "true_false": COMMON_Q + ("answer",),
    "short_answer": COMMON_Q + ("answer", "lines"),
    "essay": COMMON_Q + ("answer", "lines"),
    "fill_in_blank": COMMON_Q + ("word_bank",),
    "matching": COMMON_Q + ("pairs",),
    "ordering": COMMON_Q + ("items",),
}

# Lists whose items are text, or 'key: value' items only with these keys: an item with any
# other key is text with ': ' in it, read by YAML as a key and a value.
TEXT_LISTS = {
    "choices": ("choice", CHOICE_KEYS),
    "objectives": ("objective", ()),
    "takeaways": ("takeaway", ()),
    "points": ("point", ()),
    "items": ("item", ()),
    "benefits": ("benefit", POINT_KEYS),
    "criticisms": ("criticism", POINT_KEYS),
    "activities": ("activity", ()),
}

# the keys of a mapping by the key it is under (an item of a list: the list's key)
_UNDER = {
    None: TOP_KEYS, "source": SOURCE_KEYS, "reading": READING_KEYS, "vocabulary": TERM_KEYS, "topics": TOPIC_KEYS,
    "perspectives": PERSPECTIVE_KEYS, "benefits": POINT_KEYS, "criticisms": POINT_KEYS, "choices": CHOICE_KEYS,
    "pairs": PAIR_KEYS, "accommodations": ACCOMMODATION_KEYS, "labels": LABEL_KEYS, "headings": HEADING_KEYS,
    "questions": tuple(dict.fromkeys(k for keys in QUESTION_KEYS.values() for k in keys)),
}
_ANY = tuple(dict.fromkeys(k for keys in _UNDER.values() for k in keys))


def key_known(word: str, owner: Optional[str], top: bool = False) -> bool:
    """Whether ``word`` is a key, or a typo of one (difflib, a close match), of a mapping at the top of the
    guide (``top``) or under the key ``owner``; under any other key, or an unknown one, of any mapping."""
    known = TOP_KEYS if top else _UNDER.get(owner, _ANY) if owner else _ANY
    return word in known or bool(difflib.get_close_matches(word, known, n=1, cutoff=0.8))


# Keys as a teacher types them in the class's language (Spanish, French, German, Portuguese, Italian), or
# in other English words, where no close spelling leads to ours ('respuesta' is near no key, 'réponse' is
# near 'points'): looked up in small letters without accents. Languages whose spelling is close ('término',
# 'explicación', 'vocabulaire') need none: the misspelling's "did you mean" finds them.
_OTHER_WORDS = {
    "answer": "respuesta reponse antwort resposta risposta solucion losung soluzione",
    "prompt": "pregunta enunciado question enonce frage pergunta questao domanda",
    "choices": "opciones alternativas options optionen opcoes opzioni",
    "explanation": "erklarung begrundung spiegazione",
    "points": "punto puntaje punkte pontuacao punti punteggio",
    "type": "tipo",
    "questions": "preguntas fragen perguntas domande",
    "vocabulary": "glosario glossaire glossar vokabeln wortschatz",
    "term": "palabra begriff mot wort parola word vocab keyword",
    "definition": "significado bedeutung meaning",
}
_ENGLISH = frozenset(("question", "options", "word", "vocab", "keyword", "meaning"))  # (the others are another language's)
OTHER_WORDS = {word: key for key, words in _OTHER_WORDS.items() for word in words.split()}


def other_word(word: str) -> Optional[tuple[str, bool]]:
    """The key ``word`` is another word for ('respuesta', 'Réponse' → 'answer'), and whether that word
    is English; None for any other word."""
    bare = folded(word.strip())
    return (OTHER_WORDS[bare], bare in _ENGLISH) if bare in OTHER_WORDS else None


# the key that starts one item of each list of 'key: value' items (a '- ' before any other starts none)
ITEM_FIRST = {"questions": "type", "vocabulary": "term", "topics": "title", "perspectives": "who",
              "benefits": "point", "criticisms": "point"}


def item_keys(label: str) -> tuple:
    """The keys one item of the list ``label`` may have (every question type's, for questions)."""
    return _UNDER.get(label, ())


MAP_KEYS = ("source", "reading", "accommodations", "labels", "headings")  # their value is 'key: value' lines
