"""YAML nodes → a :class:`~studyguide.model.Guide`, collecting every problem.

The walker never stops at the first mistake: each problem is recorded with its
location and a hint, and :func:`to_guide` raises one :class:`GuideError`
holding all of them at the end.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from pathlib import Path
from typing import Callable, Optional

from . import images
from .schema_questions import QuestionsMixin, _clip, _count, _suggest
from .errors import GuideError, Location, Problem
from .loader import KIND_NAMES, Map, Node, Scalar, Seq
from .model import DEFAULT_HEADINGS, Accommodations, Branding, Guide, Perspective, Point, Source, Term, Topic

MAX_TEXT = 20_000       # characters in one field
MAX_ITEMS = 1_000       # items in one list

# What the guide format allows, in order; "required" keys are starred in messages.
ACTIVITIES = ("matching", "cloze", "flashcards", "flashcards_duplex", "word_search", "crossword")
ACCOMMODATION_KEYS = ("reduced_choices", "word_bank", "extra_lines")
OPTION_KEYS = ("versions", "seed", "activities", "accommodations", "labels")
BRAND_KEYS = ("theme", "school", "course", "teacher", "logo", "header", "footer")
TOP_KEYS = ("title", "subtitle", "subject", "grade", "author", "language", "paper", "source", "summary",
            "headings", "objectives", "topics", "perspectives", "benefits", "criticisms", "takeaways",
            "vocabulary", "questions") + OPTION_KEYS + BRAND_KEYS
# what a folder's defaults file (studyguide.yaml) may set for every guide beside it
DEFAULTS_FILE = "studyguide.yaml"
DEFAULT_KEYS = ("subject", "grade", "author", "language", "paper", "headings") + OPTION_KEYS + BRAND_KEYS
# keys a teacher may try for the look of a handout, which belongs to themes
LOOK_WORDS = {"color", "colour", "colors", "colours", "font", "fonts", "font_size", "fontsize", "size", "margin",
              "margins", "style", "styles", "look"}
MERGED_KEYS = ("labels", "headings", "accommodations")  # mappings a guide overrides key by key
SOURCE_KEYS = ("title", "author", "publisher", "date", "url")
TOPIC_KEYS = ("title", "summary", "points", "image", "caption")
PAPERS = ("letter", "a4")
TRUE_WORDS, FALSE_WORDS = {"true", "yes"}, {"false", "no"}
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")



class Walker(QuestionsMixin):
    def __init__(self, name: str, guide_path: Path):
        self.name = name
        self.guide_path = guide_path
        self.problems: list[Problem] = []
        self.texts: list[tuple[Location, str]] = []

    def error(self, node: Node | Location, message: str) -> None:
        where = node if isinstance(node, Location) else node.where
        self.problems.append(Problem(where, message))

    # -- shapes -------------------------------------------------------------
    def mapping(self, node: Node, label: str, allowed, required=()) -> Optional[dict[str, Node]]:
        """A mapping's values by key; unknown, duplicate and missing keys reported."""
        if not isinstance(node, Map):
            self.error(node, f"{label}: expected a mapping of 'key: value' lines, found "
                             f"{self.kind(node, 16 if label in ('guide', 'theme') else 40)}")
            return None
        out: dict[str, Node] = {}
        misspelt: set[str] = set()
        if label in ("guide", "theme") and node.pairs and not any(
                k.value in allowed or difflib.get_close_matches(k.value, list(allowed), n=1, cutoff=0.8)
                for k, _ in node.pairs[:200]):
            # not a guide at all (a password file, a key, another program's settings): one short excerpt
            self.error(node.pairs[0][0], f"this file is not a {'study guide' if label == 'guide' else label}: none "
                                         f"of its {_count(len(node.pairs), 'key')} is one a {label} has (the first "
                                         f"begins '{_clip(node.pairs[0][0].value, 16)}'); a {label} starts with "
                                         f"'{'title' if label == 'guide' else 'parent'}: ...'")
            return None
        for key, value in node.pairs:
            if key.value in out:
                self.error(key, f"{label}: '{_clip(key.value)}' is given twice (keep one)")
            elif key.value not in allowed and label == "guide" and key.value.strip().lower() in LOOK_WORDS:
                self.error(key, f"{label}: unknown key '{_clip(key.value)}' (a guide does not set colours, fonts or "
                                "sizes; a theme does: write 'theme: NAME', and see 'studyguide themes')")
            elif key.value not in allowed:
                self.error(key, f"{label}: unknown key '{_clip(key.value)}' ({_suggest(key.value, allowed)})")
                misspelt.update(difflib.get_close_matches(key.value, list(allowed), n=1, cutoff=0.6))
            else:
                out[key.value] = value
        for key in required:
            if key in out and isinstance(out[key], Scalar) and out[key].is_null:
                self.error(out.pop(key), f"{key if label == 'guide' else label + '.' + key}: is empty (write the text after '{key}:')")
            elif key not in out and key not in misspelt:  # a misspelling is reported already
                self.error(node, f"{label}: '{key}' is missing (add a line '{key}: ...')")
        return out

    def kind(self, node: Node, size: int = 40) -> str:
        """What a node is, in words; text quoted up to ``size`` characters (a whole file: a short excerpt)."""
        if isinstance(node, Scalar):
            return "nothing" if node.is_null else f"the text '{_clip(node.value, size)}'"
        if isinstance(node, Map) and len(node.pairs) == 1 and isinstance(node.pairs[0][1], Scalar):
            key, value = node.pairs[0]  # "- Note: this" is text with ': ' that YAML read as a key and a value
            return f"the text '{_clip(key.value + ': ' + value.value)}' read as 'key: value'"
        return KIND_NAMES[type(node)]

    def seq(self, node: Node, label: str, what: str = "text") -> list[Node]:
        if isinstance(node, Scalar) and node.is_null:
            return []
        if not isinstance(node, Seq):
            self.error(node, f"{label}: expected a list of {what}, found {self.kind(node)} (start each item on its own line with '- ')")
            return []
        if len(node.items) > MAX_ITEMS:
            self.error(node, f"{label}: {len(node.items):,} items; a list may hold at most {MAX_ITEMS:,}")
            return []
        return node.items

    def text(self, node: Optional[Node], label: str, required: bool = False, max_len: int = MAX_TEXT) -> Optional[str]:
        if node is None:
            return None
        if not isinstance(node, Scalar):
            self.error(node, f"{label}: expected text, found {self.kind(node)} (put the text on the same line, in quotes if it contains ': ')")
            return None
        if node.is_null:
            if required:
                self.error(node, f"{label}: is empty (write the text after '{label.split('.')[-1].split(' ')[-1]}:')")
            return None
        value = node.value
        if len(value) > max_len:
            self.error(node, f"{label}: {len(value):,} characters; at most {max_len:,} fit here (shorten it)")
            return None
        bad = _bad_char(value)
        if bad:
            self.error(node, f"{label}: contains the invisible character U+{ord(bad):04X} ({unicodedata.name(bad, 'control character')}); delete it and retype the text around it")
            return None
        value = value.strip()
        if not value:
            if required:
                self.error(node, f"{label}: is empty (write the text)")
            return None
        self.texts.append((node.where, value))
        return value

    def texts_list(self, node: Optional[Node], label: str) -> tuple[str, ...]:
        if node is None:
            return ()
        out = []
        for i, item in enumerate(self.seq(node, label), 1):
            value = self.text(item, f"{label} item {i}", required=True)
            if value is not None:
                out.append(value)
        return tuple(out)

    def number(self, node: Optional[Node], label: str, low: float, high: float, integer: bool = False) -> Optional[float]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        word = "a whole number" if integer else "a number"
        if not isinstance(node, Scalar):
            self.error(node, f"{label}: expected {word}, found {self.kind(node)}")
            return None
        try:
            value = int(node.value) if integer else float(node.value)
        except ValueError:
            self.error(node, f"{label}: expected {word} from {low:g} to {high:g}, found '{_clip(node.value)}'")
            return None
        if not (low <= value <= high) or value != value:
            self.error(node, f"{label}: {node.value} is out of range (use {word} from {low:g} to {high:g})")
            return None
        return value

    def boolean(self, node: Optional[Node], label: str) -> Optional[bool]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if isinstance(node, Scalar):
            word = node.value.strip().lower()
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
        self.error(node, f"{label}: expected true or false, found {self.kind(node)}")
        return None

    # -- the guide --------------------------------------------------------------
    def guide(self, root: Optional[Node]) -> Optional[Guide]:
        if root is None or (isinstance(root, Scalar) and root.is_null):
            self.error(Location(self.name, 1, 1), "the file is empty (a guide needs at least 'title: ...'; run 'studyguide new' for a starter)")
            return None
        if not isinstance(root, Map):
            self.error(root, f"a guide is a mapping of 'key: value' lines, but this file holds {self.kind(root, 16)} (start with 'title: ...')")
            return None
        keys = self.mapping(root, "guide", TOP_KEYS, required=("title",))
        if keys is None:
            return None
        g = keys.get
        fields = dict(
            title=self.text(g("title"), "title", required=True, max_len=300),
            subtitle=self.text(g("subtitle"), "subtitle", max_len=500),
            subject=self.text(g("subject"), "subject", max_len=300),
            grade=self.text(g("grade"), "grade", max_len=100),
            author=self.text(g("author"), "author", max_len=300),
            language=self.language(g("language")),
            paper=self.paper(g("paper")),
            source=self.source(g("source")),
            summary=self.paragraphs(g("summary"), "summary"),
            headings=self.headings(g("headings")),
            objectives=self._objectives(g("objectives")),
            topics=self.items(g("topics"), "topics", self.topic),
            perspectives=self.items(g("perspectives"), "perspectives", self.perspective),
            benefits=self.items(g("benefits"), "benefits", self.point),
            criticisms=self.items(g("criticisms"), "criticisms", self.point),
            takeaways=self.texts_list(g("takeaways"), "takeaways"),
            vocabulary=self.items(g("vocabulary"), "vocabulary", self.term),
            questions=self.items(g("questions"), "questions", self.question),
            versions=self._int(g("versions"), "versions", 1, 26),
            seed=self.text(g("seed"), "seed", max_len=100),
            activities=self._activities(g("activities")),
            accommodations=self._accommodations(g("accommodations")),
            labels=self._labels(g("labels")),
            theme=self.text(g("theme"), "theme", max_len=200),
            theme_where=g("theme").where if g("theme") is not None else None,
            branding=self.branding(keys),
        )
        if self.problems or fields["title"] is None:
            return None
        fields = {k: v for k, v in fields.items() if v is not None}
        return Guide(path=self.guide_path, texts=tuple(self.texts), **fields)

    def branding(self, keys: dict) -> Branding:
        logo = None
        if keys.get("logo") is not None:
            name = self.text(keys["logo"], "logo", max_len=500)
            if name:
                logo, problem = images.resolve(name, self.guide_path)
                if problem:
                    self.error(keys["logo"], f"logo: {problem}")
        return Branding(school=self.text(keys.get("school"), "school", max_len=200),
                        course=self.text(keys.get("course"), "course", max_len=200),
                        teacher=self.text(keys.get("teacher"), "teacher", max_len=200),
                        logo=logo,
                        header=self.text(keys.get("header"), "header", max_len=300),
                        footer=self.text(keys.get("footer"), "footer", max_len=300))

    def _int(self, node, label, low, high):
        value = self.number(node, label, low, high, integer=True)
        return int(value) if value is not None else None

    def _activities(self, node) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.seq(node, "activities") if node is not None else (), 1):
            name = self.text(item, f"activities item {i}", required=True, max_len=50)
            if name is None:
                continue
            key = name.strip().lower().replace(" ", "_").replace("-", "_")
            if key not in ACTIVITIES:
                self.error(item, f"activities item {i}: unknown activity '{_clip(name)}' ({_suggest(key, ACTIVITIES)})")
            elif key not in out:
                out.append(key)
        return tuple(out)

    def _accommodations(self, node) -> Optional[Accommodations]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        keys = self.mapping(node, "accommodations", ACCOMMODATION_KEYS)
        if keys is None:
            return None
        return Accommodations(
            reduced_choices=bool(self.boolean(keys.get("reduced_choices"), "accommodations.reduced_choices")),
            word_bank=bool(self.boolean(keys.get("word_bank"), "accommodations.word_bank")),
            extra_lines=self._int(keys.get("extra_lines"), "accommodations.extra_lines", 0, 20) or 0,
        )

    def _labels(self, node) -> Optional[dict]:
        from .labels import KEYS

        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        keys = self.mapping(node, "labels", KEYS)
        if keys is None:
            return None
        out = {}
        for key, value in keys.items():
            text = self.text(value, f"labels.{key}", required=True, max_len=300)
            if text and self._placeholders_ok(value, key, text):
                out[key] = text
        return out

    def _placeholders_ok(self, node, key: str, text: str) -> bool:
        """A label's {...} parts must be ones studyguide fills in for that label."""
        import string

        from .labels import EN

        allowed = sorted({f for _, f, _, _ in string.Formatter().parse(EN[key]) if f})
        if not allowed:
            return True  # nothing is filled in: the label prints as typed, braces and all
        offer = f"use {', '.join('{' + f + '}' for f in allowed)}"
        try:
            parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text) if f is not None]
        except ValueError:
            self.error(node, f"labels.{key}: a '{{' or '}}' without its partner; {{...}} marks what is filled in "
                             f"({offer}); for a brace itself write {{{{ or }}}}")
            return False
        odd = next((f for f, spec, conv in parts if spec or conv), None)
        if odd is not None:
            self.error(node, f"labels.{key}: write {{{_clip(odd.split('.')[0])}}} without ':' or '!' after the name "
                             f"({offer})")
            return False
        wrong = [f for f, _, _ in parts if f not in allowed]
        if wrong:
            self.error(node, f"labels.{key}: '{{{_clip(wrong[0])}}}' is not filled in here ({offer}); "
                             "for a brace itself write {{ or }}")
            return False
        return True

    def _objectives(self, node) -> tuple[str, ...]:
        self.objectives = self.texts_list(node, "objectives")  # questions name them by number or text
        return self.objectives

    def language(self, node) -> Optional[str]:
        value = self.text(node, "language", max_len=35)
        if value is not None and not LANG_RE.match(value):
            self.error(node, f"language: '{_clip(value)}' is not a language code (use a code such as en, es, fr or pt-BR)")
            return None
        return value

    def paper(self, node) -> Optional[str]:
        value = self.text(node, "paper", max_len=20)
        if value is not None and value.lower() not in PAPERS:
            self.error(node, f"paper: '{_clip(value)}' is not a paper size (use letter or a4)")
            return None
        return value.lower() if value else None

    def source(self, node) -> Optional[Source]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if isinstance(node, Scalar):  # a plain citation line is the reading's title
            title = self.text(node, "source", max_len=1000)
            return Source(title=title) if title else None
        keys = self.mapping(node, "source", SOURCE_KEYS)
        if keys is None:
            return None
        return Source(**{k: self.text(keys.get(k), f"source.{k}", max_len=1000) for k in SOURCE_KEYS})

    def paragraphs(self, node, label) -> tuple[str, ...]:
        value = self.text(node, label)
        if not value:
            return ()
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value)]
        return tuple(p for p in paras if p)

    def headings(self, node) -> Optional[dict]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        keys = self.mapping(node, "headings", tuple(DEFAULT_HEADINGS))
        if keys is None:
            return None
        out = {}  # the rest follow the language (labels.py)
        for key, value in keys.items():
            text = self.text(value, f"headings.{key}", required=True, max_len=200)
            if text:
                out[key] = text
        return out

    def items(self, node, label, one: Callable):
        if node is None:
            return ()
        out = []
        for i, item in enumerate(self.seq(node, label, "items"), 1):
            value = one(item, f"{label} item {i}" if label != "questions" else f"question {i}")
            if value is not None:
                out.append(value)
        return tuple(out)

    def topic(self, node, label) -> Optional[Topic]:
        keys = self.mapping(node, label, TOPIC_KEYS, required=("title",))
        if keys is None:
            return None
        image = None
        if keys.get("image") is not None:
            name = self.text(keys["image"], f"{label}.image", max_len=500)
            if name:
                image, problem = images.resolve(name, self.guide_path)
                if problem:
                    self.error(keys["image"], f"{label}.image: {problem}")
        if keys.get("caption") is not None and keys.get("image") is None:
            self.error(keys["caption"], f"{label}.caption: there is no image to caption (add 'image: FILE.png' or remove the caption)")
        return Topic(
            title=self.text(keys.get("title"), f"{label}.title", required=True, max_len=500) or "",
            summary=self.text(keys.get("summary"), f"{label}.summary"),
            points=self.texts_list(keys.get("points"), f"{label}.points"),
            image=image,
            caption=self.text(keys.get("caption"), f"{label}.caption", max_len=1000),
        )

    def perspective(self, node, label) -> Optional[Perspective]:
        keys = self.mapping(node, label, ("who", "view"), required=("who", "view"))
        if keys is None:
            return None
        who = self.text(keys.get("who"), f"{label}.who", required=True, max_len=500)
        view = self.text(keys.get("view"), f"{label}.view", required=True)
        return Perspective(who, view) if who and view else None

    def point(self, node, label) -> Optional[Point]:
        if isinstance(node, Scalar):
            value = self.text(node, label, required=True)
            return Point(value) if value else None
        keys = self.mapping(node, label, ("point", "detail"), required=("point",))
        if keys is None:
            return None
        value = self.text(keys.get("point"), f"{label}.point", required=True)
        return Point(value, self.text(keys.get("detail"), f"{label}.detail")) if value else None

    def term(self, node, label) -> Optional[Term]:
        keys = self.mapping(node, label, ("term", "definition", "example"), required=("term", "definition"))
        if keys is None:
            return None
        term = self.text(keys.get("term"), f"{label}.term", required=True, max_len=200)
        definition = self.text(keys.get("definition"), f"{label}.definition", required=True)
        example = self.text(keys.get("example"), f"{label}.example")
        return Term(term, definition, example) if term and definition else None



_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _bad_char(text: str) -> Optional[str]:
    m = _BAD_CHARS.search(text)
    return m.group() if m else None


def to_guide(root: Optional[Node], name: str, path: Path, warnings=()) -> Guide:
    walker = Walker(name, path)
    guide = walker.guide(root)
    if walker.problems or guide is None:
        raise GuideError(walker.problems)
    if warnings:
        guide = dataclasses.replace(guide, warnings=tuple(warnings))
    return guide


def check_defaults(root: Optional[Node], name: str, path: Path) -> None:
    """A folder's defaults file: only keys guides share, each checked as in a guide (GuideError)."""
    walker = Walker(name, path)
    if root is None or (isinstance(root, Scalar) and root.is_null):
        return  # an empty defaults file sets nothing
    if not isinstance(root, Map):
        walker.error(root, f"{DEFAULTS_FILE} is a mapping of 'key: value' lines that every guide in the folder "
                           f"inherits, but this file holds {walker.kind(root, 16)}")
        raise GuideError(walker.problems)
    if root.pairs and not any(k.value in TOP_KEYS for k, _ in root.pairs):  # not a defaults file at all
        walker.error(root.pairs[0][0], f"this file is not a {DEFAULTS_FILE}: none of its "
                                       f"{_count(len(root.pairs), 'key')} is one it may set (the first begins "
                                       f"'{_clip(root.pairs[0][0].value, 16)}'); it sets keys such as school: ...")
        raise GuideError(walker.problems)
    for key, _ in root.pairs:
        if key.value in TOP_KEYS and key.value not in DEFAULT_KEYS:
            walker.error(key, f"{key.value}: belongs in each guide, not in {DEFAULTS_FILE}, which sets what "
                              f"every guide in the folder shares ({', '.join(DEFAULT_KEYS)})")
        elif key.value not in DEFAULT_KEYS:
            walker.error(key, f"{DEFAULTS_FILE}: unknown key '{_clip(key.value)}' ({_suggest(key.value, DEFAULT_KEYS)})")
    shared = Map(root.where, [(k, v) for k, v in root.pairs if k.value in DEFAULT_KEYS])
    shared.pairs.append((Scalar(root.where, "title"), Scalar(root.where, "defaults")))  # what a guide must have
    walker.guide(shared)
    theme = next((v for k, v in root.pairs if k.value == "theme"), None)
    if isinstance(theme, Scalar) and not theme.is_null and theme.value.strip():
        from . import themes

        try:  # the theme's own problems too, with the others
            themes.resolve(theme.value.strip(), path, theme.where)
        except GuideError as exc:
            walker.problems.extend(exc.problems)
    if walker.problems:
        raise GuideError(walker.problems)


def merge_defaults(defaults: Optional[Node], root: Optional[Node]) -> Optional[Node]:
    """The guide's mapping with the defaults' keys it does not give; some mappings merge key by key."""
    if not isinstance(defaults, Map) or not isinstance(root, Map):
        return root
    own = {k.value: (k, v) for k, v in root.pairs}
    pairs = list(root.pairs)
    for key, value in defaults.pairs:
        if key.value not in own:
            pairs.append((key, value))
        elif key.value in MERGED_KEYS and isinstance(value, Map) and isinstance(own[key.value][1], Map):
            mine_key, mine = own[key.value]
            names = {k.value for k, _ in mine.pairs}
            merged = Map(mine.where, [(k, v) for k, v in value.pairs if k.value not in names] + list(mine.pairs))
            pairs[pairs.index((mine_key, mine))] = (mine_key, merged)
    return Map(root.where, pairs)
