"""Questions from GIFT, Moodle's text format for questions.

Read: ``::title::`` (ignored), ``[html]``/``[markdown]``/``[plain]`` text formats,
``{T}``/``{F}`` (true_false), ``{=right ~wrong}`` (multiple_choice), weighted
``{~%50%a ~%50%b ~%-100%c}`` (select_all), ``{=a =b}`` (fill_in_blank: the blank
where the braces are), ``{=left -> right}`` (matching), ``{}`` (essay), ``####``
general feedback (explanation), and the escapes ``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``.
A true/false question's feedback (``{F#for a wrong answer#for a right one}``) becomes its explanation.
In a one-answer question, an answer worth part of the marks (``~%50%``) is counted wrong, with a warning.
Numerical answers (``{#…}``) and per-answer feedback have no place in a guide and
are left out with a warning at their line.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .. import inline
from ._common import Draft, html_text, literal
from .htmltext import clip

_SPECIAL = "~=#{}:\\"


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt if nxt in _SPECIAL else c + nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _find(text: str, char: str, start: int = 0) -> int:
    """The index of the first unescaped ``char`` from ``start`` (-1 if none)."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(char, i):
            return i
        i += 1
    return -1


def _split(inner: str) -> tuple[list[tuple[str, str]], str]:
    """The answers as (marker '=' or '~', text with any weight and feedback), and the general feedback."""
    general = ""
    cut = _find(inner, "####")
    if cut >= 0:
        inner, general = inner[:cut], inner[cut + 4:]
    answers, i, current, marker = [], 0, [], None
    while i < len(inner):
        c = inner[i]
        if c == "\\" and i + 1 < len(inner):
            current.append(inner[i:i + 2])
            i += 2
            continue
        if c in "=~" and not (c == "=" and marker is not None and "".join(current).rstrip().endswith("-")):
            if marker is not None:
                answers.append((marker, "".join(current).strip()))
            marker, current = c, []
        else:
            current.append(c)
        i += 1
    if marker is not None:
        answers.append((marker, "".join(current).strip()))
    return answers, general.strip()


class _Reader:
    def __init__(self, path: Path):
        self.draft = Draft(path)
        self.line = 0  # the question being read, where what its HTML cannot keep is said

    def text(self, raw: str, fmt: str) -> str:
        value = unescape(raw.strip())
        if fmt == "html":
            value, notes = html_text(value)
            for note in notes:
                self.draft.warn(note, self.line, 1)
        elif fmt != "markdown":  # GIFT's own and plain text: a star prints as a star
            value = literal(value)
        return " ".join(value.split()) if "\n" not in value.strip() else value.strip()

    def question(self, block: str, line: int) -> Optional[dict]:
        self.line = line
        body = block.strip()
        if body.startswith("::"):
            end = _find(body, "::", 2)
            body = body[end + 2:].lstrip() if end >= 0 else body
        fmt = "moodle"
        m = re.match(r"\[(html|moodle|plain|markdown)\]", body)
        if m:
            fmt, body = m.group(1), body[m.end():]
        start = _find(body, "{")
        if start < 0:
            self.draft.warn("a description with no answers (no '{…}'); it is left out", line, 1)
            return None
        end = _find(body, "}", start)
        if end < 0:  # located at the brace: the body is a tail of the stripped block
            at = len(block) - len(block.lstrip()) + len(block.strip()) - len(body) + start
            self.draft.warn("a '{' with no closing '}'; this question is left out (end its answers with '}')",
                            line + block.count("\n", 0, at), at - block.rfind("\n", 0, at))
            return None
        before, inner, after = body[:start], body[start + 1:end].strip(), body[end + 1:]
        prompt = self.text(before + ("_____" + after if after.strip() else ""), fmt).strip()
        if inner.startswith("#"):
            self.draft.warn("a numerical question ({#…}) has no match in a guide; it is left out", line, 1)
            return None
        answers, general = _split(inner)
        out: dict = {"type": None, "prompt": prompt}
        if general:
            out["explanation"] = self.text(general, fmt)
        if any(_find(a, "#") >= 0 for _, a in answers):
            self.draft.warn("feedback on single answers ('#…') has no place in a guide; it is left out", line, 1)
        texts = [(mk, a[:_find(a, "#")] if _find(a, "#") >= 0 else a) for mk, a in answers]
        if not answers:
            word = inner.upper()
            if word in ("T", "TRUE", "F", "FALSE") or re.fullmatch(r"(T|TRUE|F|FALSE)\s*(#.*)?", inner, re.S | re.I):
                out.update(type="true_false", answer=word.split("#")[0].strip() in ("T", "TRUE"))
                if prompt.endswith("_____"):
                    out["prompt"] = prompt[:-5].rstrip()
                self._true_false_feedback(out, inner, fmt, line)
                return self._ordered(out)
            if not inner:
                out.update(type="essay")
                return self._ordered(out)
            self.draft.warn("answers not in GIFT's form ('=right ~wrong'); this question is left out", line, 1)
            return None
        if all(mk == "=" and _find(a, "->") >= 0 for mk, a in texts):
            pairs = []
            for _, a in texts:
                arrow = _find(a, "->")
                left, right = self.text(a[:arrow], fmt), self.text(a[arrow + 2:], fmt)
                if left:
                    pairs.append({"left": left, "right": right})
                else:
                    self.draft.warn(f"'{right}' is an extra answer with no question; a guide's matching has none, left out",
                                    line, 1)
            out.update(type="matching", pairs=pairs)
            if prompt.endswith("_____"):
                out["prompt"] = prompt[:-5].rstrip()
            return self._ordered(out)
        weighted = []
        for mk, a in texts:
            w = re.match(r"%(-?\d+(?:\.\d+)?)%", a)
            weight = float(w.group(1)) if w else (100.0 if mk == "=" else 0.0)
            weighted.append((weight, self.text(a[w.end():] if w else a, fmt)))
        if all(mk == "=" for mk, _ in texts):  # short answer: every answer right → a blank
            accepted = [t.replace("|", "/") for w, t in weighted if w >= 100 or w == 0 and True]
            blank = "[[" + "|".join(accepted) + "]]"
            out["prompt"] = prompt.replace("_____", blank, 1) if "_____" in prompt else f"{prompt} {blank}"
            out["type"] = "fill_in_blank"
            return self._ordered(out)
        choices = [t for _, t in weighted]
        if len(choices) > 8:
            self.draft.warn(f"a guide holds 8 choices; {len(choices) - 8} left out", line, 1)
            weighted, choices = weighted[:8], choices[:8]
        right = [i for i, (w, _) in enumerate(weighted) if w > 0]
        if not right:
            self.draft.warn("no answer is marked right ('=' or a positive %weight%); it is left out", line, 1)
            return None
        full = [i for i, (w, _) in enumerate(weighted) if w >= 100]
        if full:  # a question with a right answer: one worth part of the marks is not right
            for w, choice in weighted:
                if 0 < w < 100:
                    self.draft.warn(f"'{clip(inline.plain(choice))}' was worth {w:g} %; a guide has no partial "
                                    "credit, so it is counted wrong", line, 1)
            right = full
        if len(right) == 1:  # (no answer worth all: Moodle's several-answer question, its parts adding up)
            out.update(type="multiple_choice", choices=choices, answer="ABCDEFGH"[right[0]])
        else:
            out.update(type="select_all", choices=choices, answer=["ABCDEFGH"[i] for i in right])
        return self._ordered(out)

    def _true_false_feedback(self, out: dict, inner: str, fmt: str, line: int) -> None:
        """GIFT's ``{F#for a wrong answer#for a right one}``: the first becomes the explanation (the second when
        the first is empty), unless the general feedback ('####') is one already; what is not kept is said."""
        parts, at = [], _find(inner, "#")
        while at >= 0:
            after = _find(inner, "#", at + 1)
            parts.append(inner[at + 1:after if after >= 0 else len(inner)])
            at = after
        said = [self.text(p, fmt) for p in parts[:2]]
        for text in said:
            if not text:
                continue
            if "explanation" not in out:
                out["explanation"] = text
            elif out["explanation"] != text:
                self.draft.warn(f"the feedback '{clip(inline.plain(text))}' is left out (a guide keeps one "
                                "explanation a question)", line, 1)

    @staticmethod
    def _ordered(out: dict) -> dict:
        keys = ("type", "prompt", "choices", "answer", "pairs", "explanation")
        return {k: out[k] for k in keys if k in out and out[k] is not None}

    def flush(self, block: list[str], start: int) -> None:
        question = self.question("\n".join(block), start)
        if question is not None:
            self.draft.questions.append(self.draft.placed(question, start))

    def read(self, text: str) -> Draft:
        lines = text.replace("\r\n", "\n").split("\n")
        block, start, gap = [], 0, False
        depth, closed = 0, False  # of the block so far, counted line by line (never rescanned)
        for number, line in enumerate(lines + [""], 1):
            stripped = line.strip()
            if stripped.startswith("//"):
                continue
            if stripped.startswith("$CATEGORY:"):
                name = stripped[len("$CATEGORY:"):].strip().split("/")[-1]
                if name and self.draft.title is None:
                    self.draft.title = name
                continue
            if stripped and block and _new_question(stripped) and (gap or closed and depth <= 0):
                if not gap:  # a finished question, then another on the next line: two questions, said so
                    self.draft.warn("a new question starts here with no blank line before it; it is read as a "
                                    "question of its own (put a blank line between questions)", number, 1)
                self.flush(block, start)  # after a gap: an unclosed '{', which flush reports
                block, gap, depth, closed = [], False, 0, False
            if stripped:
                if not block:
                    start = number
                block.append(line)
                change, closes = _braces(line)
                depth, closed = depth + change, closed or closes
                continue
            if block and depth > 0:
                block.append(line)  # a blank line inside an answer block
                gap = True
                continue
            if block:
                self.flush(block, start)
                block, gap, depth, closed = [], False, 0, False
        if block:  # an unclosed '{' at the end of the file: flush reports it
            self.flush(block, start)
        if not self.draft.questions:
            self.draft.warn("no GIFT questions found", 1, 1)
        return self.draft


def _new_question(line: str) -> bool:
    """Whether a line starts a question: a '::title::', or a text with its own '{'."""
    return line.startswith("::") or _find(line, "{") >= 0


def _braces(line: str) -> tuple[int, bool]:
    """How much a line changes the depth of unescaped braces, and whether it has a '}'."""
    depth, closes, i = 0, False, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "{":
            depth += 1
        elif line[i] == "}":
            depth, closes = depth - 1, True
        i += 1
    return depth, closes


def read(path: Path, text: str) -> Draft:
    return _Reader(path).read(text)
