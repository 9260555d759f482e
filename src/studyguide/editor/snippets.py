"""What the code editor completes: the guide schema (as `studyguide schema` prints it) and snippets.

The snippets are cut from the starter guide (the one `studyguide new` writes, which the tests build):
one for each top-level section it has and one for each question type. Every value becomes a field
the teacher tabs through, holding the starter's own text, so a snippet inserted as it is still
builds (tests/test_editor.py builds every one inside a guide).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import api
from ..reading.editor_schema import guide_schema

_TOP = re.compile(r"^([a-z_]+):")
_ITEM = re.compile(r"^(\s*)- type: ([a-z_]+)")
# a value after "key: " or "- ": the field is the text up to a comment (two spaces and '#')
_VALUE = re.compile(r"^(\s*(?:- )?(?:[a-z_]+: )?)(?![|>]\s*$)(.+?)(\s{2,}#.*)?$")
_KEY_ONLY = re.compile(r"^\s*(?:- )?[a-z_]+:\s*(#.*)?$")
_BLOCK = re.compile(r"^\s*(?:- )?[a-z_]+: [|>]")  # a block of text follows: its lines are the fields
_FIXED = re.compile(r"^\s*(?:- )?type: ")  # a question's type stays as it is


def _escape(text: str) -> str:
    """Literal text in a CodeMirror snippet template: '{', '}' and backslash escaped."""
    return re.sub(r"([\\{}])", r"\\\1", text)


def _template(lines: list[str]) -> str:
    """The block's lines with comments dropped and each value made a numbered field (${1:value})."""
    out, n = [], 0
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if _KEY_ONLY.match(line) or _BLOCK.match(line) or _FIXED.match(line):
            out.append(_escape(line.split("#")[0].rstrip()))
            continue
        m = _VALUE.match(line)
        n += 1
        out.append(f"{_escape(m.group(1))}${{{n}:{_escape(m.group(2))}}}")
    return "\n".join(out)


def _blocks(text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The starter's top-level sections (key → lines) and its questions (type → lines, left-aligned)."""
    sections: dict[str, list[str]] = {}
    questions: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        top = _TOP.match(line)
        if top:
            current = sections.setdefault(top.group(1), [])
        elif line and not line[0].isspace():
            current = None  # a comment at the left edge ends the section
        if current is not None:
            current.append(line)
    item = None
    for line in sections.get("questions", [])[1:]:
        m = _ITEM.match(line)
        if m:
            indent = len(m.group(1))
            item = questions.setdefault(m.group(2), [])
        if item is not None and line.strip():
            item.append(line[indent:])
    return sections, questions


@lru_cache(maxsize=1)
def snippets() -> tuple[dict, ...]:
    """[{label, detail, text}] for the editor: a section per top-level key, a question per type."""
    sections, questions = _blocks(api.STARTER.read_text(encoding="utf-8"))
    first = next(iter(questions.values()), [])
    sections["questions"] = ["questions:"] + ["  " + line for line in first]  # with one question, not all
    out = [{"label": f"section: {key}", "detail": "a section, as the starter has it", "text": _template(lines)}
           for key, lines in sections.items() if sum(1 for line in lines if line.strip()) > 1]
    out += [{"label": f"question: {kind}", "detail": "a question of this type", "text": _template(lines)}
            for kind, lines in questions.items()]
    return tuple(out)


def filled(template: str) -> str:
    """A snippet as inserted without changing a field: the text CodeMirror puts in the document."""
    text = re.sub(r"\$\{\d+:((?:\\.|[^}\\])*)\}", lambda m: m.group(1), template)
    return re.sub(r"\\([\\{}])", r"\1", text)


def completion_data() -> dict:
    """What the page hands to StudyguideEditor.create: the schema and the snippets."""
    return {"schema": guide_schema(), "snippets": list(snippets())}
