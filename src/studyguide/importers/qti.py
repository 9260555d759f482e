"""Questions from a QTI 1.2 package (a ``.zip``), as Canvas exports a quiz and as studyguide writes one.

Each item's Canvas ``question_type`` maps back: multiple_choice, true_false,
multiple_answers (→ select_all), short_answer (→ fill_in_blank, one blank),
fill_in_multiple_blanks (→ fill_in_blank), essay (→ short_answer or essay, by the
feedback's label), matching (→ matching, or ordering when it pairs items with
their places 1, 2, 3…, as studyguide's export writes an ordering question).
A numerical question becomes a blank of its exact answers (a margin other than 0 is left out with a warning;
one of ranges only is left out). Other types (formula, file upload…) are left out with a warning.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Optional

from .. import labels
from ..errors import GuideError, Location, Problem
from ..variants import about_the_others
from ._common import Draft, html_text, is_word_bank, literal, own_label
from .htmltext import clip
import xml.parsers.expat

from .xmlfile import not_read, outside_entities, parse as _parse
from .spreadsheet import MAX_UNPACKED

MAX_MEMBER = 20 * 2**20  # one member larger than this is skipped: no quiz's XML is this large

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
# the line the export puts after an ordering question's prompt: its label (ordering_places) in italics,
# in any language, or in the guide's own words (a note Canvas shows, read back by the places 1 to n it pairs)
BANK = re.compile(r'<p(?: dir="rtl")?><i>([^<>]+)</i> (.*?)</p>\Z', re.S)  # the word bank: its heading, its words
ORDERING_NOTE = re.compile(r'<p(?: dir="rtl")?><i>([^<>]+)</i></p>\Z')


def parse(data: bytes, draft: Draft, name: str):
    """The member's XML, or None with a warning when it is not well-formed."""
    try:
        root = _parse(data)
    except xml.parsers.expat.ExpatError as exc:
        draft.warn(f"{name}: {not_read(exc)}; left out",
                   exc.lineno, exc.offset + 1)
        return None
    outside_entities(draft, root, f"{name}: ")
    return root


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _find(el, name: str):
    return next((e for e in el.iter() if _local(e) == name), None)


def _all(el, name: str) -> list:
    return [e for e in el.iter() if _local(e) == name]


class _Reader:
    def __init__(self, path: Path, name: str):
        self.draft = Draft(path)
        self.name = name  # the member of the zip, named in warnings
        self.points_one = True

    def warn(self, el, message: str) -> None:
        self.draft.warn(f"{self.name}: {message}", getattr(el, "line", 0), getattr(el, "col", 0))

    def text(self, el, markup: str, texttype: str = "text/html") -> str:
        if texttype != "text/html":
            return literal((markup or "").strip())
        text, notes = html_text(markup)
        for note in notes:
            self.warn(el, note)
        return text

    def mattext(self, el) -> str:
        node = _find(el, "mattext") if el is not None else None
        if node is None:
            return ""
        return self.text(node, node.text or "", node.get("texttype", "text/plain"))

    def meta(self, item) -> dict[str, str]:
        def text(field, name: str) -> str:
            node = _find(field, name)
            return (node.text or "") if node is not None else ""  # (a field without its label or entry: "")

        return {text(f, "fieldlabel"): text(f, "fieldentry") for f in _all(item, "qtimetadatafield")}

    def prompt_html(self, item) -> str:
        pres = _find(item, "presentation")
        node = next((m for m in pres if _local(m) == "material"), None) if pres is not None else None
        mat = _find(node, "mattext") if node is not None else None
        markup = (mat.text or "") if mat is not None else ""
        return re.sub(r"^\s*<div>(.*)</div>\s*$", r"\1", markup, flags=re.S)

    def feedback_html(self, item) -> str:
        for fb in _all(item, "itemfeedback"):
            if fb.get("ident") == "general_fb":
                mat = _find(fb, "mattext")
                return (mat.text or "") if mat is not None else ""
        return ""

    def right_ids(self, item) -> tuple[list[str], list[str]]:
        """The idents that score (varequal under a condition that sets or adds to SCORE), and those negated."""
        right, negated = [], []
        for cond in _all(item, "respcondition"):
            setvar = _find(cond, "setvar")
            score = _value(setvar.text if setvar is not None else None)
            if not isinstance(score, float) or not score > 0:  # none, not a number, or nothing scored
                continue
            for parent in cond.iter():
                for child in parent:
                    if _local(child) == "varequal":
                        (negated if _local(parent) == "not" else right).append((child.text or "").strip())
        return right, negated

    def common(self, item, kind: str, prompt_html: Optional[str] = None) -> dict:
        meta = self.meta(item)
        prompt = self.text(item, self.prompt_html(item) if prompt_html is None else prompt_html)
        out: dict = {"type": kind, "prompt": prompt}
        points = meta.get("points_possible", "")
        try:
            value = float(points)
        except ValueError:
            value = None
        if value is not None:
            if value != 1:
                self.points_one = False
            if value == value and round(value, 2) != value:
                self.warn(item, f"the points {points} are kept as {round(value, 2):g}"
                                " (a guide's points have two decimals at most)")
            out["points"] = round(value, 2) + 0  # (-0 is 0)
        explanation = self.text(item, self.feedback_html(item))
        if explanation:
            out["explanation"] = explanation
        return out

    def labels_of(self, lid) -> list[tuple[str, str]]:
        return [(lab.get("ident"), self.mattext(lab)) for lab in _all(lid, "response_label")]

    # -- the types --
    def choices(self, item, kind: str) -> Optional[dict]:
        out = self.common(item, kind)
        lid = _find(item, "response_lid")
        found = self.labels_of(lid) if lid is not None else []
        if len(found) < 2:
            self.warn(item, "a choice question with fewer than 2 choices; it is left out")
            return None
        ids = [i for i, _ in found]
        choices = [t for _, t in found][:8]
        right, _ = self.right_ids(item)
        picked = [ids.index(r) for r in right if r in ids and ids.index(r) < 8]
        if not picked:
            self.warn(item, "no choice is marked right; it is left out")
            return None
        render = _find(lid, "render_choice")
        keep = render is not None and render.get("shuffle", "Yes") == "No"
        if keep and not any(about_the_others(c) for c in choices):
            out["choices"] = [{"choice": c, "shuffle": False} for c in choices]
        else:
            out["choices"] = choices
        out["answer"] = "ABCDEFGH"[picked[0]] if kind == "multiple_choice" else ["ABCDEFGH"[i] for i in sorted(set(picked))]
        return {k: out[k] for k in ("type", "prompt", "choices", "answer", "points", "explanation") if k in out}

    def true_false(self, item) -> Optional[dict]:
        out = self.common(item, "true_false")
        lid = _find(item, "response_lid")
        found = self.labels_of(lid) if lid is not None else []
        right, _ = self.right_ids(item)
        texts = dict(found)
        word = texts.get(right[0], "") if right else ""
        for code in labels.LANGUAGES:
            table = labels.for_language(code)
            if {t for _, t in found} == {table["true"], table["false"]}:
                self._language(code)
                out["answer"] = word == table["true"]
                break
        else:
            out["answer"] = bool(found) and bool(right) and right[0] == found[0][0]
        return {k: out[k] for k in ("type", "prompt", "answer", "points", "explanation") if k in out}

    def _bank(self, prompt_html: str) -> tuple[str, bool]:
        """The prompt without the export's word bank, its last paragraph (heading in any language), and whether it had one."""
        m = BANK.search(prompt_html)
        label = html_text(m.group(1))[0] if m else ""
        if not m or not is_word_bank(label, html_text(m.group(2))[0]):
            return prompt_html, False
        own_label(self.draft, "word_bank", label)
        return prompt_html[: m.start()], True

    def short_answer(self, item) -> Optional[dict]:
        markup, bank = self._bank(self.prompt_html(item))
        out = self.common(item, "fill_in_blank", markup)
        accepted = [(v.text or "").strip() for v in _all(item, "varequal") if (v.text or "").strip()]
        if not accepted:
            self.warn(item, "a short-answer question with no accepted answer; it is left out")
            return None
        blank = "[[" + "|".join(a.replace("|", "/") for a in dict.fromkeys(accepted)) + "]]"
        prompt = out["prompt"]
        out["prompt"] = prompt.replace("_____", blank, 1) if "_____" in prompt else f"{prompt} {blank}"
        if bank:
            out["word_bank"] = True
        return {k: out[k] for k in ("type", "prompt", "word_bank", "points", "explanation") if k in out}

    def numerical(self, item) -> Optional[dict]:
        """Canvas's exact answers: each a ``varequal``, beside its bounds (``varlte`` above it by the margin)."""
        for either in _all(item, "or"):
            exact, upper = _find(either, "varequal"), _find(either, "varlte")
            if exact is not None and upper is not None and _value(upper.text) != _value(exact.text):
                self.warn(item, f"the margin of the answer {(exact.text or '').strip()} is left out: a guide's blank "
                                "takes its number exactly")
        if not any((v.text or "").strip() for v in _all(item, "varequal")):
            self.warn(item, "a numerical question with no exact answer (a range has no match in a guide); it is left out")
            return None
        return self.short_answer(item)

    def blanks(self, item) -> Optional[dict]:
        markup, bank = self._bank(self.prompt_html(item))
        answers = {}
        for lid in _all(item, "response_lid"):
            name = self.mattext(lid)
            answers[name] = [t for _, t in self.labels_of(lid) if t]

        def slot(m: re.Match) -> str:
            name = m.group(1)
            if name in answers and answers[name]:
                return "\ue000" + "|".join(a.replace("|", "/") for a in answers[name]) + "\ue001"
            return m.group(0)

        out = self.common(item, "fill_in_blank", re.sub(r"\[([^\[\]]+)\]", slot, markup))
        out["prompt"] = out["prompt"].replace("\ue000", "[[").replace("\ue001", "]]")
        if "[[" not in out["prompt"]:
            self.warn(item, "no blank of this question was found in its text; it is left out")
            return None
        if bank:
            out["word_bank"] = True
        return {k: out[k] for k in ("type", "prompt", "word_bank", "points", "explanation") if k in out}

    def essay(self, item) -> Optional[dict]:
        markup = self.feedback_html(item)
        kind, answer, rest = "essay", None, markup
        m = re.match(r"<p><b>(.*?)</b> (.*?)</p>", markup, re.S)
        if m:
            for code in labels.LANGUAGES:
                table = labels.for_language(code)
                for key, name in (("model_answer", "short_answer"), ("grading_notes", "essay")):
                    if html_text(m.group(1))[0] == table[key]:
                        kind, answer, rest = name, self.text(item, m.group(2)), markup[m.end():]
                        self._language(code)
        out = self.common(item, kind)
        explanation = self.text(item, rest)
        out.pop("explanation", None)
        if answer:
            out["answer"] = answer
        if explanation:
            out["explanation"] = explanation
        return {k: out[k] for k in ("type", "prompt", "answer", "points", "explanation") if k in out}

    def matching(self, item) -> Optional[dict]:
        prompt_html = self.prompt_html(item)
        lids = _all(item, "response_lid")
        lefts = [(lid.get("ident", "").removeprefix("response_"), self.mattext(lid)) for lid in lids]
        rights = dict(self.labels_of(lids[0])) if lids else {}
        pairs_of = {}
        for cond in _all(item, "respcondition"):
            eq = _find(cond, "varequal")
            if eq is not None and _find(cond, "setvar") is not None:
                pairs_of[eq.get("respident", "").removeprefix("response_")] = (eq.text or "").strip()
        note = ORDERING_NOTE.search(prompt_html)
        if note and sorted(rights.values()) == [str(i) for i in range(1, len(lefts) + 1)]:
            own_label(self.draft, "ordering_places", html_text(note.group(1))[0])
            out = self.common(item, "ordering", prompt_html[: note.start()])
            placed = sorted(lefts, key=lambda left: int(rights.get(pairs_of.get(left[0], ""), "0")))
            out["items"] = [text for _, text in placed]
            return {k: out[k] for k in ("type", "prompt", "items", "points", "explanation") if k in out}
        out = self.common(item, "matching")
        pairs = [{"left": text, "right": rights.get(pairs_of.get(ident, ""), "")} for ident, text in lefts]
        if len(pairs) < 2 or not all(p["right"] for p in pairs):
            self.warn(item, "a matching question whose pairs cannot all be read; it is left out")
            return None
        out["pairs"] = pairs
        return {k: out[k] for k in ("type", "prompt", "pairs", "points", "explanation") if k in out}

    def _language(self, code: str) -> None:
        if code and self.draft.language is None:
            self.draft.language = code

    def read(self, root) -> None:
        handlers = {"multiple_choice_question": lambda i: self.choices(i, "multiple_choice"),
                    "multiple_answers_question": lambda i: self.choices(i, "select_all"),
                    "true_false_question": self.true_false, "short_answer_question": self.short_answer,
                    "numerical_question": self.numerical,
                    "fill_in_multiple_blanks_question": self.blanks, "essay_question": self.essay,
                    "matching_question": self.matching}
        assessment = _find(root, "assessment")
        if assessment is not None and self.draft.title is None:
            self.draft.title = assessment.get("title") or None
        for item in _all(root, "item"):
            kind = self.meta(item).get("question_type", "")
            handler = handlers.get(kind)
            if handler is None:
                self.warn(item, f"Canvas's '{clip(kind) or 'unnamed'}' question type has no match in a guide; it is left out")
                continue
            question = handler(item)
            if question is not None:
                self.draft.questions.append(question)  # (a zip: no line of the file to note)
        if self.points_one:
            for question in self.draft.questions:
                if question.get("points") == 1:
                    del question["points"]


def _value(text: Optional[str]) -> object:
    """A bound's number (9.0 and 9 are one), or its text when it is none."""
    try:
        return float(text or "")
    except ValueError:
        return (text or "").strip()


def _damaged(path: Path, member: Optional[str], exc: Exception):
    where = f"{member}: " if member else ""
    why = re.sub(r" for file '.*", "", str(exc)) or type(exc).__name__  # the member is named already
    return GuideError([Problem(Location(str(path)), f"{where}the zip is damaged ({why}); nothing "
                                                     "imported. Export the quiz again and import the new file")])


def _read(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        return zf.read(info)
    except Exception as exc:  # BadZipFile (CRC, magic), zlib.error, EOFError, NotImplementedError...
        raise _damaged(path, info.filename, exc) from None


def _capped(path: Path, infos: list) -> None:
    """Refused before they are read: members that unpack to more than a quiz ever does (a zip of 780 KB
    held 40 members of 19 MB each; each alone is under the 20 MB a member may be)."""
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise GuideError([Problem(Location(str(path)), f"unpacks to more than {MAX_UNPACKED // 2**20} MB; not "
                                                       "imported")])


def _members(path: Path, data: bytes, draft: Draft) -> Optional[dict[str, bytes]]:
    """The package's XML members that hold the quiz, by name: those its manifest names (all its XML when it has
    none), and its assessment_meta.xml. None when ``data`` is not a zip at all; GuideError naming the member when
    the zip is damaged (zipfile and zlib raise many kinds), or when they would unpack to more than a quiz does."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return None
    except Exception as exc:  # a damaged directory: ValueError (negative seek), EOFError, OSError...
        raise _damaged(path, None, exc) from None
    with zf:
        infos = {i.filename: i for i in zf.infolist()
                 if i.filename.endswith(".xml") and i.file_size <= MAX_MEMBER}  # no member may be a zip bomb
        out: dict[str, bytes] = {}
        hrefs: list[str] = []
        if "imsmanifest.xml" in infos:
            out["imsmanifest.xml"] = _read(path, zf, infos["imsmanifest.xml"])
            manifest = parse(out["imsmanifest.xml"], draft, "imsmanifest.xml")
            hrefs = [f.get("href") for f in _all(manifest, "file")] if manifest is not None else []
        wanted = [h for h in dict.fromkeys(hrefs) if h in infos and not h.endswith("assessment_meta.xml")]
        wanted = wanted or [n for n in infos if n != "imsmanifest.xml" and not n.endswith("assessment_meta.xml")]
        wanted += [n for n in infos if n.endswith("assessment_meta.xml")][:1]
        _capped(path, [infos[n] for n in ["imsmanifest.xml", *wanted] if n in infos])
        for name in wanted:
            out[name] = _read(path, zf, infos[name])
    return out


def read(path: Path, data: bytes) -> Draft:
    draft = Draft(path)
    blobs = _members(path, data, draft)
    if blobs is None:
        draft.warn("not a zip file (a QTI package is a .zip); nothing imported", 1, 1)
        return draft
    names = list(blobs)
    members = [n for n in names if n != "imsmanifest.xml" and not n.endswith("assessment_meta.xml")]
    reader = _Reader(path, members[0] if members else path.name)
    reader.draft.problems.extend(draft.problems)
    metas = [n for n in names if n.endswith("assessment_meta.xml")]
    meta = parse(blobs[metas[0]], reader.draft, metas[0]) if metas else None
    if meta is not None:
        title = _find(meta, "title")
        reader.draft.title = (title.text or "").strip() or None if title is not None else None
        description = _find(meta, "description")
        if description is not None and (description.text or "").strip():
            reader.draft.subtitle = html_text(description.text)[0] or None
    for member in members:
        reader.name = member
        root = parse(blobs[member], reader.draft, member)
        if root is None or _local(root) != "questestinterop":
            continue
        reader.read(root)
    return reader.draft
