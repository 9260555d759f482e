"""The labels a guide in a language without built-in labels leaves in English, as its teacher is told them: what
each prints, in English, beside the key to write its translation under, grouped by where on the page it stands
(trial r15, finding 2: a list of bare keys, 'next_to, decimal, one_unused', told a teacher nothing they could act on).

Pure: keys and texts in, a sentence out; it imports nothing of studyguide (labels uses it).
"""
from __future__ import annotations

import re

SHOWN = 44  # characters of a label's English shown; a longer one is cut at a word and ends in '…'

_HEADER = {"name", "date", "period", "answer_key", "key_footer", "total", "total_one", "page", "version", "seed",
           "grade", "grades", "sheet"}
_HEADINGS = {"reading", "summary", "objectives", "topics", "perspectives", "chart", "benefits", "criticisms",
             "takeaways", "vocabulary", "questions", "key_notes", "across", "down", "words_to_find", "coverage",
             "coverage_key", "organizers", "quiz", "notes", "cornell", "exit_ticket", "answer_grid", "fronts", "backs",
             "who", "view", "evidence", "frayer", "definition", "characteristics", "examples", "non_examples", "cues",
             "term", "meaning", "matching_set", "matching_set_one", "matching_part", "lines_part"}
_INSTRUCTIONS = {"multiple_choice", "select_all", "true_false", "matching", "ordering", "ordering_places",
                 "one_unused", "two_unused", "unused_in_each_set", "one_unused_in_each_set", "word_search_easy",
                 "word_search_medium", "word_search_hard", "lines_go_on", "words_go_on", "backs_note", "copy_ends",
                 "blank_page", "directions"}
# labels whose English alone does not say where it prints
_SEEN_IN = {"next_to": "between two numbers side by side, as in 'lines 3–4'", "decimal": "the decimal point, as in 2.5",
            "cite_lead": "before a question's citation", "first_day": "the first day of a month in a date",
            "fold": "on a flashcard's fold line", "point": "beside a question", "points": "beside a question", "continued": "over a part that goes on over the page"}


def _group(key: str) -> str:
    if key in _HEADER:
        return "Header and footer"
    if key in _HEADINGS or key.endswith(("_title", "_column")):
        return "Headings"
    if key in _INSTRUCTIONS or key.endswith(("_instructions", "_fillable")) or \
            key.startswith(("short_answer", "essay", "fill_in_blank")):
        return "Instructions"
    return "Other words"


_ORDER = ("Header and footer", "Headings", "Instructions", "Other words")


def _shown(text: str) -> str:
    """``text`` quoted, cut after the word that reaches :data:`SHOWN` characters, but never before a {...} part (kept
    in a translation, so shown)."""
    text = " ".join(text.split())
    keep = max([SHOWN] + [m.end() for m in re.finditer(r"\{\w*\}", text)])
    end = text.find(" ", keep - 1)  # (the word that ends at ``keep`` kept whole)
    if len(text) > keep and end > 0:
        text = re.sub(r"[\s,;:.]+$", "", text[:end]) + "…"
    return f'"{text}"'


def listed(keys: list[str], english: dict) -> str:
    """Each of ``keys`` as 'key: "its English"', grouped: 'Headings — key_notes: "Notes on the Answers". ...'."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        seen = f" ({_SEEN_IN[key]})" if key in _SEEN_IN else ""
        groups.setdefault(_group(key), []).append(f"{key}: {_shown(english[key])}{seen}")
    return " ".join(f"{name} — {', '.join(groups[name])}." for name in _ORDER if name in groups)
