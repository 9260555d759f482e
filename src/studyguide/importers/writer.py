"""A draft → the text of a guide file: the keys filled from the import, the rest as commented starters."""
from __future__ import annotations

import re
import unicodedata

import yaml

from ..noticed import INVISIBLE as PASTED_NAMES
from ..reading.citations import NAME
from ._common import Draft

# What a guide cannot hold (reading.loader and reading.walker refuse them): control characters, and the
# invisible direction marks and overrides. Another tool's file may carry them; the guide gets the text without.
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff\u200e\u200f\u061c"
                        "\u202a-\u202e\u2066-\u2069]")

# What a guide may hold but check tells the teacher to delete (a pasted zero-width space, soft hyphen, word joiner
# or byte-order mark: printed as nothing, they split a term in the crossword and trip search): left out on import
PASTED = re.compile(f"[{''.join(PASTED_NAMES)}]")
# '{@name', '{@name:form}': a citation to a guide, refused without a reading; another tool's text means it as typed
CITES = re.compile(r"\{@(?=\s*" + NAME + ")")

STARTERS = """
# The rest of a guide, to fill in when you like (remove the '# ' to use a section):
# summary: |
#   A summary of the reading, in a paragraph or two.
# objectives:
#   - What students should be able to do after the reading.
# topics:
#   - title: A key topic
#     summary: What it is about.
# takeaways:
#   - The main point to remember.
"""


def _clean(value):
    """Numbers as a teacher writes them: 2 rather than 2.0."""
    if isinstance(value, float) and value == int(value):
        return int(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _printable(value, dropped: set, pasted: set):
    """Text as the guide prints it: invisible characters left out, a line or paragraph separator a line break,
    and a '{@name}' (which a guide reads as a citation of its reading, and an imported guide has none; '{@@}'
    prints '{@' only in a guide with a reading) broken by a zero-width space after its '{', so it prints as typed."""
    if isinstance(value, str):
        value = value.replace("\u2028", "\n").replace("\u2029", "\n\n")
        dropped.update(INVISIBLE.findall(value))
        pasted.update(PASTED.findall(value))
        return CITES.sub("{\u200b@", PASTED.sub("", INVISIBLE.sub("", value)))
    if isinstance(value, dict):
        return {k: _printable(v, dropped, pasted) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v, dropped, pasted) for v in value]
    return value


def make_printable(draft: Draft) -> None:
    """Every text of the draft as a guide can hold it, with one warning naming the characters left out."""
    dropped: set = set()
    pasted: set = set()
    draft.title, draft.subtitle = _printable(draft.title, dropped, pasted), _printable(draft.subtitle, dropped, pasted)
    draft.vocabulary = _printable(draft.vocabulary, dropped, pasted)
    draft.questions = _printable(draft.questions, dropped, pasted)
    if dropped:
        names = ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'control character')})" for c in sorted(dropped))
        draft.warn(f"the invisible character{'s' if len(dropped) > 1 else ''} {names} left out (a guide cannot "
                   "hold them)", *draft.first_line(dropped))
    if pasted:
        names = ", ".join(f"U+{ord(c):04X} ({PASTED_NAMES[c]})" for c in sorted(pasted))
        draft.warn(f"the invisible character{'s' if len(pasted) > 1 else ''} {names} left out (they print as "
                   "nothing, but split a term in the crossword and trip search; studyguide check asks to delete "
                   "them)", *draft.first_line(pasted))


# the tags studyguide's exports put after a guide's name (french-vocab-quizlet.txt): not part of a title
EXPORT_TAG = re.compile(r"(?i)[-_ ](quizlet|anki|moodle|qti|canvas|brightspace|kahoot|blooket|gimkit|quizizz"
                        r"|wayground)$")


def file_title(source) -> str:
    """A title made from a file's name: its words, without the tag an export of studyguide's gave it."""
    words = EXPORT_TAG.sub("", source.stem) or source.stem
    return words.replace("-", " ").replace("_", " ").strip() or "Imported"


def guide_text(draft: Draft) -> str:
    data: dict = {"title": draft.title or file_title(draft.source)}
    if draft.subtitle:
        data["subtitle"] = draft.subtitle
    if draft.language and draft.language != "en":
        data["language"] = draft.language
    if draft.labels:
        data["labels"] = dict(draft.labels)
    if draft.time_limit is not None:
        data["time_limit"] = draft.time_limit
    if draft.vocabulary:
        data["vocabulary"] = draft.vocabulary
    if draft.questions:
        data["questions"] = draft.questions
    body = yaml.safe_dump(_clean(data), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    head = (f"# yaml-language-server: $schema=studyguide.schema.json\n"
            f"# Imported by studyguide from {draft.source.name}. Check it with: studyguide validate\n")
    return head + body + STARTERS
