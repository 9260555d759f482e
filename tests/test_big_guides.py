"""A long guide takes time in proportion to its length: no step of the layout or of the warnings does work
for every item again for each other item (a guide of 1,000 questions and 1,000 terms took 11.2 s to build).

The work is counted, not timed (the machine is shared): lines broken, cards measured, texts looked
through. What the teacher gets is checked alongside: every card and every warning, in its place.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import GUIDES_DIR, build_into, norm, write_guide
from reportlab.platypus import paragraph as rl_paragraph

from studyguide import activities as act
from studyguide import api
from studyguide.layout import Para
from studyguide.layout.activities.flashcards import FoldCard

DEFINITION = "a definition long enough to wrap onto a second line of its card in the handout's type"


def _cards_guide(folder, terms: int, activities: str = "flashcards"):
    lines = ["title: Cards", "language: en", "vocabulary:"]
    for i in range(terms):
        lines += [f"  - term: word{i:03d}", f"    definition: {DEFINITION} {i}"]
    lines += ["questions:", "  - type: short_answer", "    prompt: Name one word.", f"activities: [{activities}]"]
    return write_guide(folder, "cards.yaml", "\n".join(lines) + "\n")


@pytest.fixture
def broken(monkeypatch):
    """Each (paragraph, widths) reportlab broke into lines during a build, counted; paragraphs split meanwhile
    are left out (their lines are reportlab's to break again), as are reportlab's own paragraphs and those
    in more than one font."""
    counts, split, alive = Counter(), set(), []  # (kept alive: an id is not reused for another paragraph)
    breaks, splits = rl_paragraph.Paragraph.breakLines, Para.split

    def counted(self, widths):
        lines = breaks(self, widths)
        # (a right-to-left paragraph's text is set for its width; one in several fonts keeps the words of its
        # last breaking, which may be cut to that width, so it is broken again as reportlab would)
        if isinstance(self, Para) and self._rtl is None and lines.kind == 0:
            counts[(id(self), tuple(widths))] += 1
            alive.append(self)
        return lines

    def splitting(self, aW, aH):
        split.add(id(self))
        return splits(self, aW, aH)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", counted)
    monkeypatch.setattr(Para, "split", splitting)
    return lambda: {k: n for k, n in counts.items() if k[0] not in split}


@pytest.mark.parametrize("name", ["china-foreign-police-training", "photosynthesis-and-the-carbon-cycle"])
def test_each_paragraph_is_broken_into_lines_once_a_width(tmp_path, broken, name):
    """Trial layouts wrap a paragraph at one width, then another, then the first again (a matching row
    tried in columns, a term measured for its natural width, then set): each width is broken once."""
    built = build_into(GUIDES_DIR / f"{name}.yaml", tmp_path)
    again = {k: n for k, n in broken().items() if n > 1}
    assert not again, f"{len(again)} paragraphs broken into the same lines again, up to {max(again.values())} times"


def test_lines_given_back_for_a_width_are_those_a_fresh_paragraph_breaks():
    """A paragraph wrapped at 200, 90 and 200 points again holds the lines, height and width a paragraph
    wrapped only at 200 holds, and after a split it is broken again."""
    from studyguide.theming.styles import default as default_theme, make_styles

    style = make_styles(default_theme())["body"]
    text = "The water cycle moves water between the oceans, the air and the land, " * 4
    fresh, tried = Para(text, style), Para(text, style)
    fresh.wrap(200, 1e6)
    for width in (200, 90, 200):
        tried.wrap(width, 1e6)
    assert (tried.width, tried.height) == (fresh.width, fresh.height)
    assert tried.blPara.lines == fresh.blPara.lines and len(fresh.blPara.lines) > 1
    tried.wrap(90, 1e6)
    head, tail = tried.split(90, tried.height / 2)
    assert tried._lines_at is None  # (reportlab's split may change the fragments: lines broken anew)
    assert head.height + tail.wrap(90, 1e6)[1] == pytest.approx(tried.height)


def test_cards_are_measured_once_each_however_many_follow(tmp_path, monkeypatch):
    """300 fold cards over many pages: each card is measured once for its width (the cards left were
    measured again at every page, up to 396 times a card for 300 cards), and every card is printed."""
    measured = Counter()
    stack = FoldCard._stack

    def counting(self, items, w):
        measured[id(self)] += 1
        return stack(self, items, w)

    monkeypatch.setattr(FoldCard, "_stack", counting)
    built = build_into(_cards_guide(tmp_path, 300), tmp_path / "out")
    assert len(measured) == 300 and max(measured.values()) <= 2 * 2  # (front and back, at one width)
    text = norm(" ".join(built.student.pages))
    for i in range(300):  # (in the vocabulary list, and on its card)
        assert text.count(f"word{i:03d} ") == 2, i


def test_numbered_prompts_are_each_located_with_one_look_through_the_guide(tmp_path):
    """400 prompts typed with their numbers: each warning names its own line, and the guide's texts are
    looked through a fixed number of times, not once for each warning."""
    lines = ["title: Numbered", "language: en", "questions:"]
    for i in range(1, 401):
        lines += ["  - type: short_answer", f"    prompt: '{i}. Name the stage number {i}.'"]
    path = write_guide(tmp_path, "numbered.yaml", "\n".join(lines) + "\n")
    reads = Counter()

    class Texts(tuple):
        def __iter__(self):
            reads["texts"] += 1
            return super().__iter__()

    from studyguide import noticed

    guide = api.load(path)
    counted = noticed.dataclasses.replace(guide, texts=Texts(guide.texts))
    found = noticed.numbered_prompts(counted)
    assert len(found) == 400
    for i, w in enumerate(found, 1):
        assert f":{3 + 2 * i}:" in str(w) and f"question {i}: drop '{i}. '" in str(w), str(w)
    assert reads["texts"] <= 8, reads


def _counted(monkeypatch, owner, name: str, key) -> Counter:
    """Calls of ``owner.name`` from now on, counted by ``key(*args)``."""
    calls, real = Counter(), getattr(owner, name)

    def counting(*args):
        calls[key(*args)] += 1
        return real(*args)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_the_crossword_counts_the_terms_in_the_guide_once_a_build(tmp_path, monkeypatch):
    """How often each term is written (which terms a full crossword keeps) is counted once for the
    warnings and the page together, not again for each."""
    from studyguide.activities import mentioned

    calls = _counted(monkeypatch, mentioned, "_count", lambda text, part: part)
    path = _cards_guide(tmp_path, 30, "crossword")
    result, _ = api.render_guide(api.load(path))
    assert result["student"].pages >= 1
    assert calls and max(calls.values()) == 1, calls.most_common(3)


def test_a_matching_cut_where_it_lands_reckons_its_seed_once_a_layout(tmp_path, monkeypatch):
    """A matching of 120 terms cut into sets where they land: what its shuffles start from (made of all
    the terms) is reckoned once a layout, not for every set size tried on every page; the sets still
    number every term once."""
    calls = _counted(monkeypatch, act, "seed_of", lambda guide, name: name)
    built = build_into(_cards_guide(tmp_path, 120, "matching"), tmp_path / "out")
    assert calls["matching"] <= 3, calls  # (the warnings' plan, the page's plan, the sets)
    text = norm(" ".join(built.student.pages))
    for i in range(120):
        assert text.count(f"word{i:03d} ") == 2, i  # (in the vocabulary list, and once in a set)


@pytest.mark.stress  # (a fresh interpreter's bounds; the other tests here count the work of each step)
def test_a_long_matching_in_large_print_builds_in_bounded_time_and_memory(tmp_path):
    """150 terms in large print: choosing the sets tried every order of the larger ones (10¹¹ of them for
    1,000 terms, which filled the machine's memory; 150 terms ran for minutes). Past a few trial layouts
    the sets are cut where they land: the build ends, within 1 GB, and every term is matched once."""
    import resource
    import subprocess
    import sys

    path = _cards_guide(tmp_path, 150, "matching")

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run([sys.executable, "-m", "studyguide", "build", "-j", "1", str(path), "--edition",
                           "large-print", "-o", str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=90, preexec_fn=limited)
    assert done.returncode == 0, done.stderr[-500:]
    from conftest import Pdf

    text = norm(" ".join(Pdf(tmp_path / "out" / "cards-large-print.pdf").pages))
    for i in range(150):  # (in the vocabulary list, and in its set)
        assert text.count(f"word{i:03d} ") == 2, i
    assert "Set 2: terms" in text


def test_word_banks_fold_each_word_of_the_guide_once_not_once_a_bank(tmp_path, monkeypatch):
    """Each single blank's bank is given three other words (banks.banked): every word of the guide is folded
    ('Triangles' as 'triangle') and sorted into numbers and words once, not again for each of 40 banks (1,600
    foldings of the terms alone, twice a build). The banks still print four words, each its own."""
    from studyguide import banks

    lines = ["title: Banks", "language: en", "vocabulary:"]
    for i in range(40):
        lines += [f"  - term: term{i:02d}", f"    definition: the meaning of term {i}"]
    lines.append("questions:")
    for i in range(40):
        lines += ["  - type: fill_in_blank", f"    prompt: Question {i} is answered by [[answer{i:02d}]].",
                  "    word_bank: true"]
    path = write_guide(tmp_path, "banks.yaml", "\n".join(lines) + "\n")
    calls = _counted(monkeypatch, banks, "inflected", lambda word: word)
    built = build_into(path, tmp_path / "out")
    assert calls["term07"] <= 2, calls["term07"]  # (once for the warnings, once for the page)
    text = norm(" ".join(built.student.pages))
    printed = re.findall(r"Word bank: ((?:\w+ · ){3}\w+)", text)
    assert len(printed) == 40, text[:400]
    assert all(f"answer{i:02d}" in bank for i, bank in enumerate(printed)), printed[:3]


def test_a_guide_without_a_crossword_plans_none(tmp_path, monkeypatch):
    """The crossword's page limits are those every edition shares, found by planning its grid in several sizes
    (layout.activities.page_limits): only for a guide that asks for a crossword. A guide of 30 terms and no
    activities planned one four times a build for its warnings, a third of a small guide's build; a guide with
    one still plans it and prints it."""
    from studyguide.activities import crossword

    calls, real = [], crossword.make

    def counting(terms, seed, **kw):
        calls.append(len(terms))
        return real(terms, seed, **kw)

    monkeypatch.setattr(crossword, "make", counting)
    text = _cards_guide(tmp_path, 30).read_text().replace("title: Cards", "title: No puzzle")  # (a seed of its own:
    plain = write_guide(tmp_path, "plain.yaml", text.replace("activities: [flashcards]", ""))  # no plan kept from before)
    built = build_into(plain, tmp_path / "plain")
    assert "word029" in norm(" ".join(built.student.pages))
    assert not calls, calls
    text = _cards_guide(tmp_path / "12", 12, "crossword").read_text().replace("title: Cards", "title: No puzzle")
    built = build_into(write_guide(tmp_path, "crossed.yaml", text), tmp_path / "cross")
    assert calls and "Across" in " ".join(built.student.pages)
