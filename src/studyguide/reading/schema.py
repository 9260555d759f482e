"""YAML nodes → a :class:`~studyguide.model.Guide`, collecting every problem.

The walker never stops at the first mistake: each problem is recorded with its
location and a hint, and :func:`to_guide` raises one :class:`GuideError`
holding all of them at the end.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable, Optional

from .. import images, rtl
from ..errors import GuideError, Location
from ..model import DEFAULT_HEADINGS, Accommodations, Branding, Guide, Perspective, Point, Source, Term, Topic
from ..theming import themefiles
from .loader import Map, Node, Scalar
from .citations import PassageMixin
from .facts import date_problem, grade_problem
from .keys import (ACCOMMODATION_KEYS, BRAND_KEYS, OPTION_KEYS, PERSPECTIVE_KEYS, POINT_KEYS, SOURCE_KEYS,
                   TERM_KEYS, TOP_KEYS, TOPIC_KEYS)
from .labelcheck import LabelsMixin
from .languages import LanguageMixin
from .topicmarks import TopicMarksMixin
from . import misread
from .plainlines import PlainLinesMixin
from .repeats import Repeats, RepeatsMixin
from .questions import BLANK_RE, TIME_LIMIT, QuestionsMixin
from .slips import term_accents, term_twice
from .tables import TablesMixin, paragraphs, summary_parts
from .walker import Walker, clip, count, missing, suggest

# What the guide format allows, in order; "required" keys are starred in messages.
ACTIVITIES = ("matching", "cloze", "flashcards", "flashcards_duplex", "word_search", "crossword")
COVERAGE = ("both", "key")  # where the table of objectives × questions prints
# what a folder's defaults file (studyguide.yaml) may set for every guide beside it
DEFAULTS_FILE = "studyguide.yaml"
DEFAULT_KEYS = ("subject", "grade", "author", "language", "paper", "headings") + OPTION_KEYS + BRAND_KEYS
# keys a teacher may try for the look of a handout, which belongs to themes
LOOK_WORDS = {"color", "colour", "colors", "colours", "font", "fonts", "font_size", "fontsize", "size", "margin",
              "margins", "style", "styles", "look"}
MERGED_KEYS = ("labels", "headings", "accommodations")  # mappings a guide overrides key by key
PAPERS = ("letter", "a4", "half-letter", "a5")  # half sheets: sheets.py
SHEETS = ("half", "quarter")  # what --sheet accepts (sheets.py lays them out)


class GuideWalker(TablesMixin, PassageMixin, QuestionsMixin, PlainLinesMixin, RepeatsMixin, LabelsMixin, LanguageMixin,
                  TopicMarksMixin, Walker):
    """Nodes → a Guide: the guide's keys, in the guide format's words."""

    def unknown_key(self, key: str, label: str) -> Optional[str]:
        if label == "guide" and key.strip().lower() in LOOK_WORDS:
            return (f"{label}: unknown key '{clip(key)}' (a guide does not set colours, fonts or "
                    "sizes; a theme does: write 'theme: NAME', and see 'studyguide themes')")
        return None

    # -- the guide --------------------------------------------------------------
    def guide(self, root: Optional[Node]) -> Optional[Guide]:
        if missing(root):
            self.error(Location(self.name, 1, 1), "the file is empty (a guide needs at least 'title: ...'; run 'studyguide new' for a starter)")
            return None
        if not isinstance(root, Map):
            self.error(root, f"a guide is made of 'key: value' lines, but this file holds {self.kind(root, 16)} (start with 'title: ...')")
            return None
        keys = self.mapping(root, "guide", TOP_KEYS, required=("title",))
        if keys is None:
            return None
        g = keys.get
        fields = dict(
            title=self.text(g("title"), "title", required=True, max_len=300),
            subtitle=self.text(g("subtitle"), "subtitle", max_len=500),
            subject=self.text(g("subject"), "subject", max_len=300),
            grade=self._checked(g("grade"), self.text(g("grade"), "grade", max_len=100), grade_problem),
            author=self.text(g("author"), "author", max_len=300),
            language=self.language(g("language")),
            paper=self.paper(g("paper")),
            source=self.source(g("source")), reading=self.reading(g("reading")),  # the reading before the questions
            summary=self.paragraphs(g("summary"), "summary"),
            headings=self.headings(g("headings")),
            objectives=self._objectives(g("objectives")),
            topics=self.items(g("topics"), "topics", self.topic, (TOPIC_KEYS, ("title",))),
            perspectives=self.items(g("perspectives"), "perspectives", self.perspective, (PERSPECTIVE_KEYS, ("who", "view"))),
            benefits=self.items(g("benefits"), "benefits", self.point, (POINT_KEYS, ("point",))),
            criticisms=self.items(g("criticisms"), "criticisms", self.point, (POINT_KEYS, ("point",))),
            takeaways=self.texts_list(g("takeaways"), "takeaways"),
            vocabulary=self.items(g("vocabulary"), "vocabulary", self.term, (TERM_KEYS, ("term", "definition"))),
            questions=self._questions(g("questions")),
            versions=self._int(g("versions"), "versions", 1, 26),
            seed=self.text(g("seed"), "seed", max_len=100),
            time_limit=self._int(g("time_limit"), "time_limit", *TIME_LIMIT),
            activities=self._activities(g("activities")),
            activities_where=next((k.where for k, _ in root.pairs if k.value == "activities"), None),
            coverage=self._coverage(g("coverage")),
            accommodations=self._accommodations(g("accommodations")),
            labels=self._labels(g("labels")),
            theme=self.text(g("theme"), "theme", max_len=200),
            theme_where=g("theme").where if g("theme") is not None else None,
            versions_where=g("versions").where if g("versions") is not None else None,
            accommodations_where=g("accommodations").where if g("accommodations") is not None else None,
            time_limit_where=g("time_limit").where if g("time_limit") is not None else None,
            branding=self.branding(keys),
        )
        self._one_direction(fields.get("vocabulary") or (), fields.get("activities") or ())
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
        self._activity_nodes = {}
        for i, item in enumerate(self.seq(node, "activities") if node is not None else (), 1):
            if self.colon_item(item, f"activities item {i}", "activities"):  # '- type: matching'
                continue
            name = self.text(item, f"activities item {i}", required=True, max_len=50)
            key = name and activity_key(name)
            if key and key not in ACTIVITIES:
                self.error(item, f"activities item {i}: unknown activity '{clip(name)}' ({suggest(key, ACTIVITIES, 'activities')})")
            elif key in out:
                self.warn(item.where, f"activities item {i}: '{clip(name)}' is item {self._activity_nodes[key][0]} "
                          "too; each activity prints once (leave this one out)")
            elif key:
                out.append(key)
                self._activity_nodes[key] = (i, item)
        return tuple(out)

    def _one_direction(self, vocabulary, activities) -> None:
        """A crossword's Across answers all run one way: right to left (Hebrew, Arabic: the grid is
        mirrored) or left to right, so its terms cannot mix the two."""
        if "crossword" not in activities:
            return
        rtl_terms = [t.term for t in vocabulary if rtl.has_rtl(t.term)]
        ltr_terms = [t.term for t in vocabulary if not rtl.has_rtl(t.term) and any(c.isalpha() for c in t.term)]
        if rtl_terms and ltr_terms:
            i, node = getattr(self, "_activity_nodes", {}).get("crossword", (0, Location(str(self.guide_path))))
            self.error(node, f"activities item {i}: a crossword cannot mix right-to-left terms ('{clip(rtl_terms[0])}') "
                             f"with left-to-right ones ('{clip(ltr_terms[0])}'): its Across answers run one way; "
                             "keep the terms of one script, or leave the crossword out")

    def _coverage(self, node) -> Optional[str]:
        value = self.text(node, "coverage", max_len=20)
        if value is not None and value.lower() not in COVERAGE:
            self.error(node, f"coverage: '{clip(value)}' is not a place for the coverage table (use both, for the "
                             "handout and the key, or key, for the key only)")
            return None
        return value.lower() if value else None

    def _accommodations(self, node) -> Optional[Accommodations]:
        if missing(node):
            return None
        keys = self.mapping(node, "accommodations", ACCOMMODATION_KEYS)
        if keys is None:
            return None
        return Accommodations(
            reduced_choices=bool(self.boolean(keys.get("reduced_choices"), "accommodations.reduced_choices")),
            word_bank=bool(self.boolean(keys.get("word_bank"), "accommodations.word_bank")),
            extra_lines=self._int(keys.get("extra_lines"), "accommodations.extra_lines", 0, 20) or 0,
        )

    def _objectives(self, node) -> tuple[str, ...]:
        before = len(self.problems)
        self.objectives = self.texts_list(node, "objectives")  # questions name them by number or text
        self.objectives_typed = len(self.problems) > before  # typed but not read: their own mistake is reported
        return self.objectives

    def paper(self, node) -> Optional[str]:
        value = self.text(node, "paper", max_len=20)
        if value is not None and value.lower() not in PAPERS:
            self.error(node, f"paper: '{clip(value)}' is not a paper size (use letter, a4, half-letter or a5)")
            return None
        return value.lower() if value else None

    def source(self, node) -> Optional[Source]:
        if missing(node):
            return None
        if isinstance(node, Scalar):  # a plain citation line is the reading's title
            title = self.text(node, "source", max_len=1000)
            return Source(title=title) if title else None
        keys = self.mapping(node, "source", SOURCE_KEYS)
        if keys is None:
            return None
        fields = {k: self.text(keys.get(k), f"source.{k}", max_len=1000) for k in SOURCE_KEYS}
        fields["date"] = self._checked(keys.get("date"), fields["date"], date_problem)
        return Source(**fields)

    def _checked(self, node, value: Optional[str], problem) -> Optional[str]:
        """``value``, or None with a located error when ``problem(value)`` names one."""
        said = problem(value) if value else None
        if said:
            self.error(node, said)
            return None
        return value

    def paragraphs(self, node, label) -> tuple[str, ...]:
        """A text's paragraphs, and the tables typed among them (reading/tables.py)."""
        value = self.text(node, label)
        if not value:
            return ()
        mark = BLANK_RE.search(value)  # (hostile r14 #10: '[[sun]]' printed with its brackets, and nothing said)
        if mark and isinstance(node, Scalar):
            more = len(BLANK_RE.findall(value)) - 1
            self.warn(node.where.of(node.value, node.value.find("[[")), f"{label}: '{clip(mark.group())}' prints with "
                      f"its brackets{f' (and {more} more such)' if more else ''}: a [[mark]] leaves a word blank only in a topic's summary or points, in guided "
                      f"notes, and the guide's summary is not in them; write {clip(mark.group(1).split('|')[0])} "
                      "without the brackets, or move the sentence into a topic")
        texts, tables, after = self.with_tables(node, label, value)
        return summary_parts(texts, tables, after) if len(texts) > 1 else tuple(paragraphs(value))

    def headings(self, node) -> Optional[dict]:
        if missing(node):
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

    def items(self, node, label, one: Callable, keys=None):
        """The list ``label``'s items, each read by ``one``; with ``keys`` (the keys an item may have, and
        those it must), a mistake its items repeat (keys typed by other names) is reported once."""
        if node is None:
            return ()
        out = []
        items = self.seq(self.rejoin(node, label), label, "items")
        repeats = Repeats(self, misread.item_noun(f"{label} item 1") or "item", items, *(keys or ((), ())))
        since, labels = len(self.hinted), {}
        for i, item in enumerate(items, 1):
            where = f"{label} item {i}" if label != "questions" else f"question {i}"
            labels[where] = i
            if keys and self.one_mistake(item, where, i, repeats, keys[0]):
                continue
            value = one(item, where)
            if value is not None:
                out.append(value)
        self.fold_hints(since, labels, repeats)
        repeats.close()
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
        marked: list[tuple[int, int, int, str]] = []
        summary, tables = self.text(keys.get("summary"), f"{label}.summary"), []
        if summary:  # (its tables print after its text: layout/tables.py)
            texts, tables, _ = self.with_tables(keys["summary"], f"{label}.summary", summary)
            summary = ("\n\n".join(t.strip() for t in texts if t.strip()) or None) if len(texts) > 1 else summary
        summary = self._unmark(summary, keys.get("summary"), f"{label}.summary", marked, 0)
        points = tuple(self._unmark(p, keys["points"], f"{label}.points", marked, k)
                       for k, p in enumerate(self.texts_list(keys.get("points"), f"{label}.points"), 1))
        return Topic(
            title=self.text(keys.get("title"), f"{label}.title", required=True, max_len=500) or "",
            summary=summary,
            points=points,
            tables=tuple(tables),
            image=image,
            caption=self.text(keys.get("caption"), f"{label}.caption", max_len=1000),
            marked=tuple(dict.fromkeys(word for *_, word in marked)),
            marks=tuple(tuple(at) for *at, _ in marked),
            cues=self.texts_list(keys.get("cues"), f"{label}.cues"),
        )

    def perspective(self, node, label) -> Optional[Perspective]:
        keys = self.mapping(node, label, PERSPECTIVE_KEYS, required=("who", "view"))
        if keys is None:
            return None
        who = self.text(keys.get("who"), f"{label}.who", required=True, max_len=500)
        view = self.text(keys.get("view"), f"{label}.view", required=True)
        evidence = self.text(keys.get("evidence"), f"{label}.evidence")
        return Perspective(who, view, evidence) if who and view else None

    def point(self, node, label) -> Optional[Point]:
        if self.colon_item(node, label, label.split(" ")[0]):
            return None
        if isinstance(node, Scalar):
            value = self.text(node, label, required=True)
            return Point(value) if value else None
        keys = self.mapping(node, label, POINT_KEYS, required=("point",))
        if keys is None:
            return None
        value = self.text(keys.get("point"), f"{label}.point", required=True)
        return Point(value, self.text(keys.get("detail"), f"{label}.detail")) if value else None

    def term(self, node, label) -> Optional[Term]:
        keys = self.mapping(node, label, TERM_KEYS, required=("term", "definition"))
        if keys is None:
            return None
        term = self.text(keys.get("term"), f"{label}.term", required=True, max_len=200)
        twice = term and term_twice(self.__dict__.setdefault("_terms", {}), term, label, keys["term"].where.line)
        if twice and twice[1]:  # only in capitals: maybe two words ('Papa', 'papa'), both printed
            self.warn(keys["term"].where, twice[0])
        elif twice:  # an error: matching would print 'plot' twice with two meanings (slips.term_twice)
            self.error(keys["term"], twice[0])
            return None
        accents = term and term_accents(self.__dict__.setdefault("_bare_terms", {}), term, label, keys["term"].where.line)
        if accents:
            self.warn(keys["term"].where, accents)
        definition = self.text(keys.get("definition"), f"{label}.definition", required=True)
        example = self.text(keys.get("example"), f"{label}.example")
        more = {k: self.text(keys.get(k), f"{label}.{k}") for k in ("characteristics", "non_examples")}
        return Term(term, definition, example, **more) if term and definition else None


def activity_key(name: str) -> str:
    """An activity's name as the format spells it: 'Word search' and 'word-search' are word_search."""
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def to_guide(root: Optional[Node], name: str, path: Path, warnings=()) -> Guide:
    walker = GuideWalker(name, path)
    guide = walker.guide(root)
    walker.drop_follow_ons()
    warnings = [w for w in [*warnings, *walker.warnings] if not walker.repeated(w)]
    if walker.problems or guide is None:
        raise GuideError(walker.problems + warnings)  # every problem, and what a teacher is warned of too
    return dataclasses.replace(guide, warnings=tuple(warnings)) if warnings else guide


def check_defaults(root: Optional[Node], name: str, path: Path) -> None:
    """A folder's defaults file: only keys guides share, each checked as in a guide (GuideError)."""
    walker = GuideWalker(name, path)
    if missing(root):
        return  # an empty defaults file sets nothing
    if not isinstance(root, Map):
        walker.error(root, f"{DEFAULTS_FILE} is made of 'key: value' lines that every guide in the folder "
                           f"inherits, but this file holds {walker.kind(root, 16)}")
        raise GuideError(walker.problems)
    if root.pairs and not any(k.value in TOP_KEYS for k, _ in root.pairs):  # not a defaults file at all
        walker.error(root.pairs[0][0], f"this file is not a {DEFAULTS_FILE}: none of its "
                                       f"{count(len(root.pairs), 'key')} is one it may set (the first begins "
                                       f"'{clip(root.pairs[0][0].value, 16)}'); it sets keys such as school: ...")
        raise GuideError(walker.problems)
    for key, _ in root.pairs:
        if key.value in TOP_KEYS and key.value not in DEFAULT_KEYS:
            walker.error(key, f"{key.value}: belongs in each guide, not in {DEFAULTS_FILE}, which sets what "
                              f"every guide in the folder shares ({', '.join(DEFAULT_KEYS)})")
        elif key.value not in DEFAULT_KEYS:
            walker.error(key, f"{DEFAULTS_FILE}: unknown key '{clip(key.value)}' ({suggest(key.value, DEFAULT_KEYS)})")
    shared = Map(root.where, [(k, v) for k, v in root.pairs if k.value in DEFAULT_KEYS])
    shared.pairs.append((Scalar(root.where, "title"), Scalar(root.where, "defaults")))  # what a guide must have
    walker.guide(shared)
    theme = next((v for k, v in root.pairs if k.value == "theme"), None)
    if isinstance(theme, Scalar) and not theme.is_null and theme.value.strip():
        try:  # the theme's own problems too, with the others
            themefiles.resolve(theme.value.strip(), path, theme.where)
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
