"""Vocabulary activities: every key solves its puzzle, from the generated data and from the PDFs.

The generators are pure data (no reportlab), so most checks read the grids
and entries directly, for many term lists and seeds (hypothesis, derandomized);
the rest read the built handout and key back with pypdf.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import deque

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GUIDES_DIR, build_into, built_from, made_once_in, norm, page_texts, write_guide
from studyguide import activities as act
from studyguide import api
from studyguide.activities import cells, cloze, crossword, flashcards, matching, wordsearch
from studyguide.inline import plain
from studyguide.reading.schema import ACTIVITIES

SETTINGS = dict(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
CHINA = GUIDES_DIR / "china-foreign-police-training.yaml"
FROZEN = GUIDES_DIR.parent / "tests/cases/frozen/china-foreign-police-training-2026-12.yaml"

LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèñüøçå", min_size=2, max_size=12)
GREEK = st.text(alphabet="αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ", min_size=2, max_size=10)
WORD = st.one_of(LATIN, GREEK)
TERM = st.lists(WORD, min_size=1, max_size=3).map(" ".join) | st.tuples(WORD, WORD).map("-".join) \
    | st.tuples(WORD, WORD).map("'".join)
TERMS = st.lists(TERM, min_size=1, max_size=14, unique_by=lambda t: cells(t))
SEED = st.text(max_size=8)


def read(grid, positions):
    return tuple(grid[r][c] for r, c in positions)


# -- cells ---------------------------------------------------------------------------------------

def test_cells_drop_spaces_hyphens_apostrophes_keep_accents():
    assert "".join(cells("soft power")) == "SOFTPOWER"
    assert "".join(cells("well-being")) == "WELLBEING"
    assert "".join(cells("rock 'n' roll")) == "ROCKNROLL"
    assert cells("café") == ("C", "A", "F", "É")
    assert cells("cafe\u0301") == ("C", "A", "F", "É")  # a combining accent stays on its letter
    assert "".join(cells("λόγος")) == "ΛΟΓΟΣ"  # Greek capitals drop the accent (test_scripts.py)
    assert cells("straße") == cells("STRAẞE") == ("S", "T", "R", "A", "S", "S", "E")  # both puzzles (hostile r14)
    assert cells("**bold** term") == cells("bold term")


def test_activity_names_match_the_schema():
    assert act.NAMES == ACTIVITIES


# -- word search -----------------------------------------------------------------------------------

def check_word_search(ws: wordsearch.WordSearch, terms):
    n = ws.size
    assert all(len(row) == n for row in ws.grid)
    allowed = wordsearch.DIFFICULTY[ws.difficulty]
    for p in ws.placements:
        assert p.direction in allowed
        assert p.cells == cells(p.term)
        for r, c in p.positions():
            assert 0 <= r < n and 0 <= c < n, (p, n)
        assert read(ws.grid, p.positions()) == p.cells, f"{p.word} is not at {p.row},{p.col} going {p.direction}"
    placed = {p.term for p in ws.placements}
    assert placed | set(ws.left_out) >= {t for t in terms if cells(t)}
    assert not placed & set(ws.left_out)
    # filler comes from the words' own letters
    alphabet = {c for p in ws.placements for c in p.cells}
    assert {c for row in ws.grid for c in row} <= alphabet


@settings(**SETTINGS)
@given(terms=TERMS, seed=SEED, difficulty=st.sampled_from(sorted(wordsearch.DIFFICULTY)))
def test_every_word_search_word_is_where_the_key_says(terms, seed, difficulty):
    ws = wordsearch.make(terms, seed, difficulty)
    check_word_search(ws, terms)
    assert wordsearch.make(terms, seed, difficulty) == ws  # the same seed, the same puzzle


def test_word_search_of_the_first_guide():
    g = api.load(CHINA)
    terms = [t.term for t in g.vocabulary]
    for difficulty in wordsearch.DIFFICULTY:
        ws = wordsearch.make(terms, "seed", difficulty)
        check_word_search(ws, terms)
        assert not ws.left_out and ws.size <= wordsearch.MAX_SIZE
        for p in ws.placements:  # each word can be found in one place only
            assert wordsearch.occurrences(ws.grid, ws.size, p.cells) == [tuple(sorted(p.positions()))]
    hard = wordsearch.make(terms, "seed", "hard")
    assert {"left", "up"} & {p.direction for p in hard.placements}, "hard puzzles run words backwards too"


def test_word_search_greek_filler_is_greek():
    ws = wordsearch.make(["λόγος", "ψυχή", "ἀρετή", "πόλις"], "x")
    letters = {c for row in ws.grid for c in row}
    assert all(unicodedata.name(c).startswith("GREEK") for c in letters), letters


def test_word_search_leaves_out_what_cannot_fit():
    ws = wordsearch.make(["a", "ok", "x" * 30, "fine"], "s", max_size=10)
    assert ws.left_out == ("a", "x" * 30)
    assert [p.term for p in ws.placements] == ["ok", "fine"]


# -- crossword -------------------------------------------------------------------------------------

def runs(grid):
    """Every maximal run of two or more letters, as (row, col, direction, length)."""
    out = set()
    rows, cols = len(grid), len(grid[0])
    for r in range(rows):
        c = 0
        while c < cols:
            if grid[r][c] is None:
                c += 1
                continue
            start = c
            while c < cols and grid[r][c] is not None:
                c += 1
            if c - start >= 2:
                out.add((r, start, "across", c - start))
    for c in range(cols):
        r = 0
        while r < rows:
            if grid[r][c] is None:
                r += 1
                continue
            start = r
            while r < rows and grid[r][c] is not None:
                r += 1
            if r - start >= 2:
                out.add((start, c, "down", r - start))
    return out


def check_crossword(cw: crossword.Crossword, terms, max_rows=crossword.MAX_SIDE, max_cols=crossword.MAX_SIDE):
    grid = cw.grid
    if not cw.entries:
        return
    assert cw.rows <= max_rows and cw.cols <= max_cols
    letters = {}
    for e in cw.entries:
        assert e.cells == cells(e.term)
        assert read(grid, e.positions()) == e.cells, f"{e.number} {e.direction} does not read {e.answer}"
        for pos, ch in zip(e.positions(), e.cells):
            assert letters.setdefault(pos, ch) == ch, f"crossing at {pos} disagrees"
    filled = {(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch is not None}
    assert filled == set(letters), "a letter that belongs to no entry"
    # no two words touch illegally: every run of letters is exactly one entry
    assert runs(grid) == {(e.row, e.col, e.direction, len(e.cells)) for e in cw.entries}
    # connected
    start = next(iter(filled))
    seen, todo = {start}, deque([start])
    while todo:
        r, c = todo.popleft()
        for nxt in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if nxt in filled and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == filled, "the grid is not connected"
    # numbered in reading order, one number per starting cell
    starts = sorted({(e.row, e.col) for e in cw.entries})
    assert [(r, c) for r, c, _ in cw.numbers] == starts
    assert [n for _, _, n in cw.numbers] == list(range(1, len(starts) + 1))
    number_at = {(r, c): n for r, c, n in cw.numbers}
    for e in cw.entries:
        assert e.number == number_at[(e.row, e.col)]
    assert [e.number for e in cw.across()] == sorted(e.number for e in cw.across())
    assert cw.entries == tuple(cw.across() + cw.down())
    # every term is in the grid or reported
    placed = {e.term for e in cw.entries}
    assert placed | set(cw.left_out) == {t for t, _ in terms}
    assert not placed & set(cw.left_out)
    for e in cw.entries:  # the clue never gives the answer away
        pattern = act.term_pattern(e.term)
        assert not pattern.search(e.clue), e.clue


@settings(**SETTINGS)
@given(terms=TERMS, seed=SEED, size=st.sampled_from([(25, 25), (12, 15), (9, 9)]))
def test_every_crossword_answer_reads_and_crosses_correctly(terms, seed, size):
    pairs = [(t, f"the meaning of {t}, said twice: {t.upper()}") for t in terms]
    cw = crossword.make(pairs, seed, max_rows=size[0], max_cols=size[1])
    check_crossword(cw, pairs, *size)
    assert crossword.make(pairs, seed, max_rows=size[0], max_cols=size[1]) == cw


def test_crossword_of_the_first_guide_fits_every_term():
    g = api.load(CHINA)
    pairs = [(t.term, t.definition) for t in g.vocabulary]
    limits = _limits(g)["crossword"]  # what fits a letter page
    cw = crossword.make(pairs, "seed", **limits)
    check_crossword(cw, pairs, limits["max_rows"], limits["max_cols"])
    assert not cw.left_out and len(cw.entries) == len(pairs)


def test_crossword_clues_blank_the_term_and_give_word_lengths():
    assert crossword.clue_for("norms", "Norms are shared norms; not enormous.") == "___ are shared ___; not enormous."
    assert crossword.lengths_of("soft power") == "(4,5)"
    assert crossword.lengths_of("well-being") == "(4-5)"
    assert crossword.lengths_of("**CO2**") == "(3)"


def test_crossword_reports_terms_left_out():
    pairs = [("apple", "a fruit"), ("xyz", "no shared letter"), ("plum", "another fruit"), ("q", "too short")]
    cw = crossword.make(pairs, "s")
    assert cw.left_out == ("xyz", "q")
    assert {e.term for e in cw.entries} == {"apple", "plum"}



def test_crossword_of_the_frozen_guide_has_every_term_in_21_rows():
    """Issue 14: on a letter page the grid's height is what the clues compete with; the greedy
    alone needed 22 rows for these 16 terms, and 21 lets the grid share a page with the last clues."""
    g = api.load(FROZEN)
    limits = _limits(g)["crossword"]
    pairs = [(t.term, t.definition) for t in g.vocabulary]
    cw = act.plan(g, "crossword", limits).data
    assert cw.left_out == ()
    assert len(cw.entries) == 16 and cw.rows <= 21, (cw.rows, cw.cols)
    check_crossword(cw, pairs, limits["max_rows"], limits["max_cols"])


def test_crossword_places_every_word_where_the_greedy_left_one_out():
    """On a 9 × 9 page the greedy alone (every order it tried) kept 5 of these 6 words; the beam finds a grid with all 6."""
    pairs = [(t, f"about {t}") for t in ("disease", "export", "newspaper", "contract", "bone", "railway")]
    cw = crossword.make(pairs, "s", max_rows=9, max_cols=9)
    assert cw.left_out == ()
    check_crossword(cw, pairs, 9, 9)

# -- matching, cloze, flashcards ------------------------------------------------------------------

@settings(**SETTINGS)
@given(n=st.integers(1, 40), seed=SEED)
def test_matching_letters_are_right(n, seed):
    pairs = [(f"term {i}", f"definition {i}") for i in range(n)]
    sets = matching.make(pairs, seed)
    shown = [t for s in sets for t in s.terms]
    assert len(shown) == len(set(shown))
    number = 1
    for s in sets:
        assert s.start == number
        number += len(s.terms)
        assert len(s.definitions) == len(s.terms) + s.extras
        assert len(set(s.answers)) == len(s.answers)
        for i, term in enumerate(s.terms):
            assert s.definitions[s.answers[i]] == "definition " + term.split()[1]
            assert s.letter(i) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[s.answers[i]]
        if n >= 3:
            assert 1 <= s.extras <= 2, "the last match must not be free"
    if n <= matching.SET_SIZE:
        assert len(sets) == 1 and len(shown) == n - sets[0].extras
    else:
        assert sorted(shown) == sorted(t for t, _ in pairs), "every term is shown when the sets take them all"
    assert matching.make(pairs, seed) == sets


@settings(**SETTINGS)
@given(n=st.integers(5, 40), size=st.integers(2, matching.SET_SIZE - 1), seed=SEED)
def test_matching_sets_made_smaller_for_their_page_take_one_spare_each(n, size, seed):
    pairs = [(f"term {i}", f"definition {i}") for i in range(n)]
    sets = matching.make(pairs, seed, set_size=size)
    assert all(len(s.terms) <= size for s in sets)
    if n > size:
        assert [t for s in sets for t in s.terms] == [t for t, _ in pairs]
        assert all(s.extras == 1 and len(s.definitions) == len(s.terms) + 1 for s in sets)


def test_cloze_blanks_the_term_or_falls_back_to_the_definition():
    data = cloze.make([
        ("soft power", "Influence by attraction.", "Exchanges are a form of Soft  Power, people say."),
        ("norms", "Shared expectations.", "Respect for elections is a strong norm."),
        ("bilateral", "Between two sides; bilateral talks.", None),
    ], "s")
    by_term = {s.term: s for s in data.sentences}
    assert by_term["soft power"].source == "example"
    assert by_term["soft power"].text() == "Exchanges are a form of ___, people say."
    assert by_term["soft power"].text(None) == "Exchanges are a form of Soft  Power, people say."
    assert by_term["soft power"].answers == ["Soft  Power"]
    assert by_term["norms"].text() == "___ means: Shared expectations."
    assert by_term["norms"].answers == ["norms"]
    assert by_term["bilateral"].text() == "___ means: Between two sides; ___ talks."
    assert data.bank == ("bilateral", "norms", "soft power")
    assert cloze.make([("a", "b", None), ("c", "d", None), ("e", "f", None)], "s") == \
        cloze.make([("a", "b", None), ("c", "d", None), ("e", "f", None)], "s")


@pytest.mark.parametrize("language, said", [("en", "means: Shared expectations"), ("es", "significa: Shared"),
                                              ("de", "bedeutet: Shared"), ("zh", "的意思是：Shared")])
def test_a_definition_in_the_word_bank_sentences_is_worded_in_the_guides_language(language, said, tmp_path):
    """A term without an example sentence is asked by its definition, in the guide's language (it printed
    an English " means: " in every language); a teacher's own wording may put the blank last."""
    path = write_guide(tmp_path, "g.yaml", f"""
        title: Words
        language: {language}
        vocabulary:
          - {{term: norms, definition: Shared expectations.}}
          - {{term: tariff, definition: A tax on imports., example: The tariff raised prices.}}
        activities: [cloze]
        """)
    text = " ".join(build_into(path, tmp_path / "out").student.pages)  # (the blank is a drawn line)
    assert re.search(r"\d\. " + re.escape(said), text) and ("means:" in said or "means:" not in text), text
    own = write_guide(tmp_path, "own.yaml", """
        title: Words
        labels: {cloze_definition: "{definition} This is called {blank}."}
        vocabulary:
          - {term: norms, definition: Shared expectations.}
          - {term: tariff, definition: A tax on imports.}
        activities: [cloze]
        """)
    text = " ".join(build_into(own, tmp_path / "own").student.pages)
    assert re.search(r"\d\. Shared expectations\. This is called *\.", text) and "means:" not in text, text


def test_cloze_answers_of_the_first_guide():
    g = api.load(CHINA)
    data = cloze.make([(t.term, t.definition, t.example) for t in g.vocabulary], "s")
    for s in data.sentences:
        for answer in s.answers:
            assert answer.casefold() == plain(s.term).casefold()
        assert not act.term_pattern(s.term).search(s.text())


def test_duplex_backs_are_mirrored_for_long_edge_flipping():
    cards = flashcards.make([(f"t{i}", f"d{i}", None) for i in range(11)])
    pages = flashcards.sheets(cards, rows=4)
    assert [len(p) for p in pages] == [8, 3]
    assert flashcards.back_position(0, 0) == (0, 1) and flashcards.back_position(3, 1) == (3, 0)
    # a landscape sheet (half pages) turns top to bottom: the row mirrors, the column stays
    assert flashcards.back_position(0, 0, rows=3) == (2, 0) and flashcards.back_position(2, 1, rows=3) == (0, 1)


def test_same_seed_same_data_other_seed_other_puzzle():
    g = api.load(CHINA)
    for name in ("word_search", "crossword", "matching", "cloze"):
        assert act.plan(g, name) == act.plan(dataclasses.replace(g), name)
    seeded = dataclasses.replace(g, seed="another")
    assert act.plan(g, "word_search").data.grid != act.plan(seeded, "word_search").data.grid


# -- the PDFs ---------------------------------------------------------------------------------------

ALL = """\
title: Activities
vocabulary:
  - term: photosynthesis
    definition: How plants make sugar from light, water and carbon dioxide.
    example: Leaves carry out photosynthesis in sunlight.
  - term: chlorophyll
    definition: The green pigment that absorbs light.
    example: Chlorophyll makes leaves green.
  - term: stomata
    definition: Tiny pores in a leaf that let gases in and out.
  - term: glucose
    definition: The sugar a plant makes.
    example: Plants store glucose as starch.
  - term: carbon sink
    definition: Something that takes in more carbon than it gives off.
    example: A forest can be a carbon sink.
questions:
  - type: true_false
    prompt: Plants need light.
    answer: true
activities: [matching, cloze, flashcards, flashcards-duplex, word search, crossword]
"""


@pytest.fixture(scope="module")
def all_built(tmp_path_factory):
    """(built by one xdist worker of the run, read by both: conftest.made_once_in)"""
    folder, result = made_once_in(tmp_path_factory, f"test_activities.all_built {ALL!r}",
                                  lambda folder: api.build(write_guide(folder, "all.yaml", ALL), folder / "out"))
    return built_from(folder / "all.yaml", result)


def nospace(text: str) -> str:
    return re.sub(r"[\s\d]", "", text)


def page_of(pdf, title: str) -> int:
    pages = [i for i, lines in enumerate(pdf.lines) if title in map(norm, lines)]
    assert pages, f"no page with the heading {title!r} in {pdf.path.name}"
    return pages[0]


def test_each_activity_starts_on_the_same_page_in_both_its_title_never_alone(all_built):
    """Activities follow one another (two may share a page); a title and its instructions are never
    the last lines of a page: the activity's first block is under them."""
    b = all_built
    s, k = b.outputs["student"], b.outputs["key"]
    assert s.pages == k.pages == b.student.page_count == b.key.page_count
    assert s.question_pages == k.question_pages
    last_question = s.question_pages[-1]
    starts = []
    for name in b.guide.activities:
        title = act.TITLES[name] if name != "flashcards_duplex" else act.TITLES[name] + ": fronts"
        p_s, p_k = page_of(b.student, title), page_of(b.key, title)
        assert p_s == p_k > last_question - 2
        lines = [norm(line) for line in b.student.lines[p_s]]
        at = lines.index(title)
        assert len(lines) - at > 4, f"{title}: its title ends page {p_s + 1} with nothing of it under it"
        starts.append(p_s)
    assert starts == sorted(starts)
    fronts = page_of(b.student, act.TITLES["flashcards_duplex"] + ": fronts")
    assert fronts % 2 == 0, "double-sided fronts go on an odd page (0-based even)"
    assert page_of(b.student, act.TITLES["flashcards_duplex"] + ": backs") == fronts + 1


def test_crossword_key_is_filled_handout_empty(all_built):
    b = all_built
    page = page_of(b.key, "Crossword")
    data = act.plan(b.guide, "crossword", _limits(b.guide)["crossword"]).data
    key_text, handout_text = nospace(b.key.pages[page]), nospace(b.student.pages[page])
    for e in data.across():
        assert e.answer in key_text, e.answer
        assert e.answer not in handout_text
    for e in data.entries:
        assert f"{e.number}. " in b.student.pages[page] or f"{e.number}. " in b.student.pages[page + 1]
    assert not data.left_out


def _limits(guide):
    from studyguide.layout.activities import page_limits
    from studyguide.theming.styles import default, make_styles

    theme = default()
    w, h = theme.page_size(guide.paper)
    return page_limits(make_styles(theme), w - 2 * theme.margin_x, h - theme.margin_top - theme.margin_bottom)


def test_word_search_key_marks_exactly_the_words(all_built):
    b = all_built
    page = page_of(b.key, "Word Search")
    data = act.plan(b.guide, "word_search", _limits(b.guide)["word_search"]).data
    solution = {pos for p in data.placements for pos in p.positions()}

    def bold_letters(pdf):
        return [r.text for r in pdf.runs[page] if len(r.text.strip()) == 1 and r.font.endswith("-Bold")]

    assert len(bold_letters(b.key)) == len(solution)
    assert bold_letters(b.student) == []
    grid_text = nospace("".join("".join(row) for row in data.grid))
    assert grid_text in nospace(b.student.pages[page]) and grid_text in nospace(b.key.pages[page])
    for p in data.placements:
        assert plain(p.term).upper() in b.student.pages[page]  # the word list


def test_matching_key_letters_in_the_pdf(all_built):
    b = all_built
    page = page_of(b.key, "Vocabulary Matching")
    sets = act.plan(b.guide, "matching").data
    s_text, k_text = b.student.pages[page], b.key.pages[page]
    for s in sets:
        for i, term in enumerate(s.terms):
            n = s.start + i
            assert f"______ {n}. {term}" in s_text
            assert f"{s.letter(i)} {n}. {term}" in k_text
            definition = s.definitions[s.answers[i]]
            assert f"{s.letter(i)}. {norm(definition)}" in s_text  # that letter is printed beside the meaning


def test_cloze_key_fills_the_blanks(all_built):
    b = all_built
    page = page_of(b.key, "Vocabulary in Context")
    data = act.plan(b.guide, "cloze").data
    following = b.guide.activities[b.guide.activities.index("cloze") + 1:]

    def cloze_text(pdf):  # from its title to the next activity's (it may go on over the page; another may follow)
        text = "".join(pdf.pages[page:page + 2])
        text = text[text.index("Vocabulary in Context"):]
        ends = [text.find(act.TITLES[n]) for n in following if act.TITLES.get(n, "\0") in text]
        return text[:min(ends)] if ends else text

    k_text, s_text = cloze_text(b.key), cloze_text(b.student)
    for s in data.sentences:  # (the key pads each answer in its blank: compare without spaces)
        filled = re.sub(r"\s", "", s.text(None))
        assert filled in re.sub(r"\s", "", k_text)
        assert filled not in re.sub(r"\s", "", s_text)
    assert "Word bank: " + " · ".join(data.bank) in s_text


def test_first_guide_gets_its_activities_with_keys(builds):
    b = builds[CHINA.stem]
    assert b.guide.activities == ("matching", "cloze", "crossword")
    assert b.outputs["student"].pages <= b.outputs["key"].pages  # (the key's notes on the answers may follow)
    assert not [w for w in b.result.warnings], "every term fits the first guide's crossword"
    for name in b.guide.activities:
        assert page_of(b.student, act.TITLES[name]) == page_of(b.key, act.TITLES[name])
    # the grid follows its clues (on their page when it fits there): the key writes every answer in it
    page = page_of(b.key, "Crossword")
    key, student = (nospace(" ".join(d.pages[page:])) for d in (b.key, b.student))
    data = act.plan(b.guide, "crossword", _limits(b.guide)["crossword"]).data
    for e in data.across():
        assert e.answer in key and e.answer not in student


def test_crossword_warns_which_terms_are_left_out(tmp_path):
    path = write_guide(tmp_path, "left.yaml", """\
        title: Left out
        vocabulary:
          - term: apple
            definition: a fruit
          - term: plum
            definition: another fruit
          - term: xyz
            definition: shares no letter
        activities: [crossword]
        """)
    result = api.build(path, tmp_path / "out")
    assert [str(w) for w in result.warnings] == [
        f"{path}:7:11: warning: crossword: 1 term left out (no letter in common with the words in the grid, so "
        "nowhere to cross them): 'xyz'"]


def test_a_number_with_a_point_is_left_out_of_the_grids_with_a_warning(tmp_path):
    """The word search listed 3.14 and hid 314, though its instructions say only spaces, hyphens and
    apostrophes are left out (hostile trial 4); the crossword asked for "pi (3)". A number whose point,
    comma, slash or colon would go is left out of both, and the warning says why; 42 and 4-H stay."""
    path = write_guide(tmp_path, "num.yaml", """\
        title: Numbers
        vocabulary:
          - term: "3.14"
            definition: pi
          - term: "42"
            definition: the answer
          - term: 4-H
            definition: a youth club
          - term: "9:30"
            definition: half past nine
          - term: "24"
            definition: hours in a day
        activities: [word_search, crossword]
        """)
    assert [act.split_number(t) for t in ("3.14", "1,000", "1/2", "9:30", "42", "4-H", "3 14", "H₂O", "rock'n'roll")] \
        == [True, True, True, True, False, False, False, False, False]
    b = build_into(path, tmp_path / "out")
    assert [str(w) for w in b.result.warnings] == [
        f"{path}:3:11: warning: {what}: 2 terms left out (a number's point (.) or colon (:) cannot go in the "
        "grid, and without it the number reads as another: 3.14 as 314; write it in words to keep it): '3.14', '9:30'"
        for what in ("word search", "crossword")]
    words = b.key.text.split("Words to find")[1]
    assert "42" in words and "4-H" in words and "3.14" not in words and "9:30" not in words, words
    clues = b.key.text.split("Across")[1]
    assert "pi" not in clues and "half past nine" not in clues and "the answer" in clues, clues
    for term, cells_ in (("42", "42"), ("4-H", "4H"), ("24", "24")):
        data = act.plan(b.guide, "word_search", _limits(b.guide)["word_search"]).data
        assert any(p.word == cells_ for p in data.placements), term


def test_a_spaced_number_is_left_out_too_and_the_warning_names_its_sign(tmp_path):
    """Review of 2026-12-04: "1 / 2" and "9 : 30" were hidden as 12 and 930 (the spaces let them past), and
    the crossword gave them the wrong reason; 1939–1945 or 4×4 were left out as a "point, comma, slash or
    colon". The warning names the sign found, and shows the first term as the grid would have read it."""
    assert [act.number_sign(t) for t in ("1 / 2", "9 : 30", "1939–1945", "4×4", "2^3", "1+1", "3 14", "4 - H")] \
        == ["/", ":", "–", "×", "^", "+", None, None]
    path = write_guide(tmp_path, "frac.yaml", """\
        title: Fractions
        vocabulary:
          - term: "1939–1945"
            definition: the years of a war
          - term: "9 : 30"
            definition: half past nine
          - term: numerator
            definition: the number above the line
          - term: denominator
            definition: the number under the line
        activities: [word_search, crossword]
        """)
    b = build_into(path, tmp_path / "out")
    assert [str(w) for w in b.result.warnings] == [
        f"{path}:3:11: warning: {what}: 2 terms left out (a number's dash (–) or colon (:) cannot go in the grid, "
        "and without it the number reads as another: 1939–1945 as 19391945; write it in words to keep it): "
        "'1939–1945', '9 : 30'" for what in ("word search", "crossword")]
    words = b.key.text.split("Words to find")[1]
    assert "930" not in words and "9 : 30" not in words and "NUMERATOR" in words.upper(), words


def test_an_emoji_in_a_term_stays_out_of_the_grid_like_any_symbol(tmp_path):
    """Review of 2026-12-04: "5️⃣ five" was left out as a term whose "letters join". A keycap is an emoji:
    it stays out of the grid as ♥ and 🍎 do, and the word goes in."""
    assert act.cells("5️⃣ five") == tuple("FIVE") == act.cells("5\u20e3 five")
    assert act.cells("♥ five") == tuple("FIVE") and act.cells("🍎 apple") == tuple("APPLE")
    assert act.cells("55") == ("5", "5") and not act.splits("5️⃣ five")
    path = write_guide(tmp_path, "emoji.yaml", """\
        title: Numbers
        vocabulary:
          - term: "5️⃣ five"
            definition: one more than four
          - term: seven
            definition: one more than six
        activities: [word_search]
        """)
    b = build_into(path, tmp_path / "out")
    assert not [w for w in b.result.warnings if "left out" in str(w)], b.result.warnings
    data = act.plan(b.guide, "word_search", _limits(b.guide)["word_search"]).data
    assert sorted(p.word for p in data.placements) == ["FIVE", "SEVEN"]


def test_activities_override_in_api_build(tmp_path):
    path = write_guide(tmp_path, "o.yaml", ALL)
    result = api.build(path, tmp_path / "out", activities=["word_search"])
    assert result.guide.activities == ("word_search",)
    assert result.outputs[0].pages == result.outputs[1].pages


def test_generators_import_no_reportlab():
    import ast
    from pathlib import Path

    folder = Path(act.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        modules |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(m.startswith("reportlab") for m in modules), path.name


def test_cloze_sentences_never_open_a_page_one_or_two_alone(tmp_path):
    """Wherever the word-bank sentences meet a page's foot, a page holds at least three of them: the last
    three go over a page together, as a table's rows do (a trial's compact A4 page 5 opened with sentence
    14 alone, away from its bank), and the bank keeps its first three. The key breaks where the handout does."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    vocabulary = "".join(f"\n              - {{term: {w}, definition: Letter {w}., example: Mark{k} says {w} twice.}}"
                         for k, w in enumerate(words, 1))
    seen = set()
    for filler in range(0, 40, 3):
        padding = " ".join(["padding"] * (12 * filler))
        path = write_guide(tmp_path, f"cloze{filler}.yaml", f"""
            title: Letters
            questions:
              - {{type: essay, prompt: "Write. {padding}", lines: 14}}
              - {{type: essay, prompt: Write more., lines: 14}}
            vocabulary:{vocabulary}
            activities: [cloze]
            """)
        built = build_into(path, tmp_path / f"out{filler}", skip=("vocabulary",))  # (the terms' own examples)
        for doc in (built.student, built.key):
            per_page = [len(set(re.findall(r"Mark(\d) says", page))) for page in doc.pages]
            held = [n for n in per_page if n]
            assert sum(held) == len(words) and all(n >= 3 for n in held), (filler, per_page)
        assert [bool(re.search("Mark", p)) for p in built.student.pages] == \
            [bool(re.search("Mark", p)) for p in built.key.pages]
        seen.add(len(held))
    assert 2 in seen  # (the filler does move the list across a page's foot)



def test_cloze_sentences_kept_together_only_where_that_costs_no_page(monkeypatch):
    """The last sentences go over a page together only when that costs no page. In a trial's large print
    (compact theme) the last sentence opened page 10 alone, with the flashcards' start under it; three
    sentences there push the cards onto a third page and a blank page before the double-sided cards: 19 ->
    21 pages (21 -> 23 before the double-sided cards kept a row lost by a hair of padding). The last two go
    over together instead (sentences 9 and 10 over the flashcards), costing none: 19 pages, laid out to
    the byte as with the pair forced."""
    from conftest import CASES
    from studyguide import mending, render

    guide = api.load(CASES / "layout" / "japan-arts.yaml")
    theme = api.theme_for(guide, "compact", edition="large-print")
    built = render.render(guide, ("student",), theme=theme)["student"]
    first_draw = render._draw
    monkeypatch.setattr(mending, "cloze_alone", lambda ctx: False)
    without = render.render(guide, ("student",), theme=theme)["student"]
    monkeypatch.setattr(render, "_draw", lambda *args: first_draw(*args[:8], {"cloze_kept": True}))
    forced = render.render(guide, ("student",), theme=theme)["student"]
    monkeypatch.setattr(render, "_draw", lambda *args: first_draw(*args[:8], {"cloze_kept": "pair"}))
    pair = render.render(guide, ("student",), theme=theme)["student"]
    assert (without.pages, forced.pages, pair.pages) == (19, 21, 19)
    assert built.pages == 19 and built.pdf == pair.pdf
    texts = list(page_texts(built.pdf))
    assert texts[9].startswith("9.") and "\n10." in texts[9] and "Flashcards" in texts[9], texts[9]
    assert "The guest turned the" in texts[9] and "The guest turned the" not in texts[8]  # (sentence 9)



RIVERS = GUIDES_DIR.parent / "tests/cases/layout/crossword-rivers.yaml"  # 14 terms: small pages leave some out


@pytest.mark.parametrize("paper, sheet", [("letter", None), ("a4", None), ("half-letter", "half"), ("a5", "half"),
                                          ("a6", "quarter")])
def test_crossword_warning_and_check_count_the_grid_that_prints(paper, sheet):
    """Half and quarter pages are laid out with narrower margins (sheets.py), but the warning and
    `check` planned the grid with the full page's margins: on --sheet half they named terms that
    printed, not the one left out, and counted 11 clues where 13 printed. Each term is named by the
    warning or has its clue printed, never both; `check` counts the clues that print."""
    import pypdf
    from io import BytesIO

    from studyguide import budget

    guide = api.load(RIVERS)
    rendered, warnings = api.render_guide(guide, paper, key=False)
    text = norm(" ".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(rendered["student"].pdf)).pages))
    text = text[text.index("Crossword Fill in"):text.index("Vocabulary Matching")]  # (as do vocabulary and matching)
    said = [w.message for w in warnings if "crossword" in w.message]
    named = {t for message in said for t in re.findall(r"'([^']+)'", message)}  # (a warning for each reason)
    printed = {t.term for t in guide.vocabulary if norm(t.definition) in text}
    assert named == {t.term for t in guide.vocabulary} - printed and not named & printed
    assert bool(named) == (paper not in ("letter", "a4"))  # (the small pages do leave terms out)
    full = {"half-letter": "letter", "a5": "a4", "a6": "a4"}  # the sheet the small page is cut from
    _, found, plan = budget.review(RIVERS, full[paper] if sheet else paper, sheet=sheet)
    rows = [line for line in budget.lines("x", plan) if line.strip().startswith("crossword")]
    if len(printed) * 3 < 2 * (len(printed) + len(named)):  # more than a third lost: build and check leave it out
        assert paper == "a6" and not rows  # (layout/activities/small.py)
        assert [p.message.split(":")[1] for p in found if "crossword" in p.message] == [
            " the crossword is left out of these A6 pages"]
        return
    assert rows[0].endswith(f"{len(printed)} clues")


@pytest.mark.parametrize("terms,warned", [(1, True), (2, True), (3, False)])
def test_a_matching_with_no_definition_to_spare_is_warned_about(tmp_path, terms, warned):
    """trial 3: a guide of 2 terms printed 2 terms against 2 definitions (the last match free) while the
    docs promised one or two too many; there is no other definition to add, so check and build warn."""
    from conftest import cli_main

    vocabulary = "".join(f"  - term: word{n}\n    definition: Meaning number {n}.\n" for n in range(1, terms + 1))
    path = write_guide(tmp_path, "m.yaml", f"title: T\nvocabulary:\n{vocabulary}activities: [matching]\n")
    message = (f"{path}:{3 + 2 * terms}:14: warning: activities: the matching has {terms} term{'s' * (terms > 1)} "
               "and no definition left over, so the last match is free (add vocabulary terms: with 3 or more, "
               "one is held back and its definition stays among the letters)")
    done = cli_main("build", path, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (message in done.stderr) == warned, done.stderr
    checked = cli_main("check", path)
    assert (message in checked.stdout + checked.stderr) == warned, checked
    text = build_into(path, tmp_path / "again").student.text
    assert len(re.findall(r"[A-C]\. Meaning number", text)) == terms  # every definition printed once
    assert len(re.findall(r"______ \d\. word", text)) == (terms if warned else terms - 1)  # with 3, one held back


AP_BIO = GUIDES_DIR.parent / "tests/cases/layout/ap-bio-energetics.yaml"  # trial 4: 30 terms, 8 do not fit a letter page


def test_a_full_crossword_leaves_out_the_terms_the_guide_uses_least():
    """trial 4: the AP guide's crossword (20 × 24 cells on letter) left out 'photosynthesis' and 'FADH₂'
    while 22-letter phrases fitted. It still holds 22 of the 30 terms, but the 8 left out are those the
    guide mentions least (then the longest), and FADH₂ goes in as FADH2."""
    guide = api.load(AP_BIO)
    _, warnings = api.render_guide(guide, "letter", key=False)
    p = act.plan(guide, "crossword", act_limits(guide))
    assert len(p.data.entries) == 22
    answers = {e.term: e.answer for e in p.data.entries}
    assert answers["FADH₂"] == "FADH2" and answers["photosynthesis"] == "PHOTOSYNTHESIS"
    assert "electron transport chain" in answers and "Calvin cycle" in answers
    said = [str(w) for w in warnings if "crossword" in w.message]
    assert said == [
        f"{AP_BIO}:72:11: warning: crossword: 1 term left out (longer than the grid that fits the page: 24 letters "
        "at most): 'substrate-level phosphorylation'",
        f"{AP_BIO}:56:11: warning: crossword: 7 terms left out (no room left where they would cross the words in "
        "the grid that fits the page; the terms the guide uses least are the ones left out): 'pyruvate oxidation', "
        "'oxidative phosphorylation', 'lactic acid fermentation', 'alcoholic fermentation', 'C4 plant', "
        "'CAM plant', 'allosteric regulation'"]
    fadh = next(e for e in p.data.entries if e.term == "FADH₂")
    assert "".join(p.data.grid[r][c] for r, c in fadh.positions()) == "FADH2"  # the key writes a 2 in its cell


def test_a_crossword_says_its_terms_are_in_other_scripts(tmp_path):
    """trial 4b: the world guide's crossword kept 3 of 11 terms and blamed their length or the room; the
    terms in Cyrillic, Greek and Hangul share no letter with the Latin ones, so cannot cross them."""
    path = write_guide(tmp_path, "world.yaml", """\
        title: Greetings
        vocabulary:
          - term: hello
            definition: a greeting in English
          - term: hola
            definition: a greeting in Spanish
          - term: спасибо
            definition: thank you in Russian
          - term: Καλημέρα
            definition: good morning in Greek
          - term: 감사합니다
            definition: thank you in Korean
          - term: Zzyzx
            definition: a town in California
        activities: [crossword]
        """)
    result = api.build(path, tmp_path / "out")
    assert [str(w) for w in result.warnings] == [  # (2 of 6 terms: no crossword at all, trial r9 M3; one warning, r10 L6)
        f"{path}:15:14: warning: activities: the crossword is left out: its grid could hold only 2 of its 6 terms, "
        "too few for the puzzle you chose (3 are in Cyrillic, Greek and Korean (Hangul), which share no letter with "
        "the grid's words, in Latin: 'спасибо', 'Καλημέρα', '감사합니다'; 1 shares no letter with the others: "
        "'Zzyzx'); give it terms in one script or terms that share letters with each other, or use a word search "
        "(word_search under 'activities:'), which holds all of them"]


def act_limits(guide):
    from studyguide.layout.activities import limits_for
    return limits_for(guide)["crossword"]
