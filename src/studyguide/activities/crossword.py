"""A connected crossword from the terms, clued by their definitions.

Every run of two or more letters in the grid is exactly one of the words, every word is
connected to the first, and the grid fits the page (``max_rows`` × ``max_cols``). How the
words are placed is in :mod:`.crossword_grid`: a greedy on several orders, then small beam
searches for a grid with fewer rows, in fixed orders and in none (the rows are what a page is short
of; its width is capped).
The grid with most words, then fewest rows, then the smallest area wins, from a fixed amount
of work, so the same terms and seed always give the same grid. Words still left over are
reported, so the teacher knows which terms are missing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional, Sequence

from .. import inline, rtl
from ..shuffle import rng
from . import blank_out, cells, split_number
from .articles import head_word, puzzle_word
from . import crossword_grid as grid
from .crossword_grid import ACROSS, DOWN

STEP = {ACROSS: (0, 1), DOWN: (1, 0)}
MAX_SIDE = 25        # cells across and down, so a cell stays over 1/4 in wide on the page
MAX_WORDS = 40
TRIES = 12       # orders the greedy tries
BEAM_TRIES = 4   # orders the beam tries, each for a shorter grid
SPREAD_TRIES = 3    # times the order-free beam (crossword_grid.spread) tries, each for a shorter grid
SPREAD_WIDTH = 8    # grids it keeps at each step


@dataclass(frozen=True)
class Entry:
    number: int
    direction: str            # "across" or "down"
    row: int                  # first letter, 0-based from the top
    col: int
    cells: tuple[str, ...]    # the answer's letters, one per cell
    clue: str                 # the definition, the term itself blanked as ___
    term: str                 # as the teacher typed it
    lengths: str              # "(4,5)" for "soft power": the words of the answer
    rtl: bool = False         # a right-to-left grid: an Across answer runs leftwards from its number

    @property
    def answer(self) -> str:
        return "".join(self.cells)

    def positions(self) -> list[tuple[int, int]]:
        dr, dc = STEP[self.direction]
        dc = -dc if self.rtl else dc
        return [(self.row + dr * i, self.col + dc * i) for i in range(len(self.cells))]


@dataclass(frozen=True)
class Crossword:
    grid: tuple[tuple[Optional[str], ...], ...]   # rows; None where there is no letter
    entries: tuple[Entry, ...]                     # across first, then down, each by number
    left_out: tuple[str, ...]                      # terms that are not in the grid
    numbers: tuple[tuple[int, int, int], ...]      # (row, col, number) for every numbered cell
    why: tuple[str, ...] = ()                      # for each term left out, why (see :func:`_why`)

    @property
    def rows(self) -> int:
        return len(self.grid)

    @property
    def cols(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    @property
    def rtl(self) -> bool:
        """A right-to-left (Hebrew, Arabic) crossword: its grid mirrored, its clue columns read from the right."""
        return any(e.rtl for e in self.entries)

    def across(self) -> list[Entry]:
        return [e for e in self.entries if e.direction == ACROSS]

    def down(self) -> list[Entry]:
        return [e for e in self.entries if e.direction == DOWN]


def clue_for(term: str, definition: str, language: str = "") -> str:
    """The definition as a clue: the term (whole words, any case) replaced by ___, and its head word too
    when it opens with an article of the guide's ``language`` (:mod:`.articles`): "le café" is the answer
    to "the coffee; the ___", not to "the coffee; the café"."""
    clue = blank_out(definition, term)
    head = head_word(term, language) if language else ""
    return blank_out(clue, head) if head else clue


def lengths_of(term: str) -> str:
    """How the answer splits into words: "(4,5)" for "soft power", "(4-5)" for "well-being"."""
    text = inline.plain(term)
    out = []
    for chunk in text.split():
        parts = [str(len(cells(p))) for p in re.split(r"[-‐‑–]", chunk) if cells(p)]
        if parts:
            out.append("-".join(parts))
    return "(" + ",".join(out) + ")"


def answer(term: str, language: str = "", among: Sequence[str] = ()) -> tuple[str, ...]:
    """A term as crossword cells: its letters (:func:`..cells`, in the capitals of the guide's ``language``:
    İKLİM in Turkish), with a subscript or superscript digit written as the digit it is, so that FADH₂ is
    FADH2 and a pupil writes a 2 in the cell. A term typed with its article is its noun, in a list of terms (``among``)
    that types its nouns so (:func:`.articles.puzzle_word`)."""
    term = puzzle_word(term, language, among)
    return tuple(str(unicodedata.digit(c)) if len(c) == 1 and unicodedata.category(c) == "No"
                 and unicodedata.digit(c, None) is not None else c for c in cells(term, language=language))


def make(terms: Sequence[tuple[str, str]], seed: str = "", tries: int = TRIES, max_rows: int = MAX_SIDE,
         max_cols: int = MAX_SIDE, max_words: int = MAX_WORDS, mentions: Sequence[int] = (),
         language: str = "", only: Sequence[str] = (), among: Sequence[str] = ()) -> Crossword:
    """``terms`` are (term, definition) pairs, in the guide's order; the grid is at most
    ``max_rows`` × ``max_cols`` cells (what fits the page). ``mentions``: how often the guide uses each
    term; when the grid cannot hold them all, the least used (then the longest) are the ones left out, and
    of more than ``max_words`` terms, the least used (then the later) are not tried.
    ``language``: the guide's, whose articles a term's head word is found without (:func:`clue_for`).
    ``only``: when given, the terms another edition's grid kept; the rest are left out as that grid left them
    (no room, or no letter shared), and this grid is searched for these at its own size.
    ``among``: the guide's terms, whose habit tells whether an answer leaves out its article (default: ``terms``')."""
    among = tuple(among) or tuple(t for t, _ in terms)
    words: list[tuple[int, tuple[str, ...]]] = []
    left_out: list[int] = []
    seen: set[tuple[str, ...]] = set()
    twins: set[int] = set()
    for i, (term, _) in enumerate(terms):
        w = answer(term, language, among)
        if w in seen:  # the same letters as a term before: one word in a grid (said as left out)
            left_out.append(i)
            twins.add(i)
            continue
        if len(w) < 2 or len(w) > max(max_rows, max_cols) or split_number(term):
            left_out.append(i)
            continue
        seen.add(w)
        words.append((i, w))
    if len(words) > max_words:  # the most the grid takes: those the guide uses most (then the earlier), in order
        most = {i for i, _ in sorted(words, key=lambda iw: (-(mentions[iw[0]] if mentions else 0), iw[0]))[:max_words]}
        left_out += [i for i, _ in words if i not in most]
        words = [(i, w) for i, w in words if i in most]
    every = words
    if only:  # (tried, so each left out gets the reason the other edition's grid gave it: room or letters)
        words = [(i, w) for i, w in words if terms[i][0] in only]
    g = _fill(words, seed, tries, max_rows, max_cols)
    if only and g is not None and len(g.words) < len(words):
        g = _packed(words, g, max_rows, max_cols)
    if g is None:  # (why, still: a term too long or a twin is why there were not two to cross)
        left_out = sorted(left_out + [i for i, _ in every])
        why = _why(left_out, terms, None, {i for i, _ in every}, max(max_rows, max_cols), twins, language, among)
        return Crossword((), (), tuple(terms[i][0] for i in left_out), (), why)
    if len(g.words) < len(words):
        clues = [len(clue_for(*t, language)) for t in terms]
        words, g = _central(words, g, mentions, clues, seed, tries, max_rows, max_cols)
    placed = {words[k][0] for k, *_ in g.words}
    left_out = sorted(left_out + [i for i, _ in every if i not in placed])
    why = _why(left_out, terms, g, {i for i, _ in every}, max(max_rows, max_cols), twins, language, among)
    return _finish(g, words, terms, left_out, why, language, among)


def _fill(words, seed: str, tries: int, max_rows: int, max_cols: int) -> Optional[grid.Grid]:
    """The best grid of the words (:func:`_search`), or None when there is none to make."""
    # the first word goes across, so it is one that fits across
    firsts = sorted((k for k in range(len(words)) if len(words[k][1]) <= max_cols), key=lambda k: -len(words[k][1]))
    if len(words) < 2 or not firsts:
        return None
    return _search(words, firsts, seed, tries, max_rows, max_cols)


PACKED = ((16, 6), (32, 4))  # the harder search (_packed): (beam width, words it starts from, the longest first)
PACKED_SHARED = (grid.SHARED_CELLS, 20)  # what a shared letter is worth to it, in cells of area: as usual, then more


def _packed(words, g: grid.Grid, max_rows: int, max_cols: int) -> grid.Grid:
    """A harder search for a grid of every word, when another edition's grid held them all and this page's
    grid (``g``, the usual search's) does not: the order-free beam, two and then four times as wide, from each
    of the longest words in turn, each time also valuing a shared letter more (a tighter grid). The first grid
    that takes every word, else the best of them all. Large print, n15: 15 terms in 20 by 22 cells, where the
    usual search found 14 and this finds them all from its second word. A bounded amount of work (at most 20
    beams), so the same terms always give the same grid."""
    at = grid.letters_at(words)
    firsts = sorted((k for k in range(len(words)) if len(words[k][1]) <= max_cols), key=lambda k: (-len(words[k][1]), k))
    best = g
    for width, starts in PACKED:
        for first in firsts[:starts]:
            for shared in PACKED_SHARED:
                h = grid.spread(words, first, max_rows, max_cols, at, width, shared)
                if len(h.words) == len(words):
                    return h
                best = h if h.score() < best.score() else best
    return best


def _central(words, g: grid.Grid, mentions: Sequence[int], clues: Sequence[int], seed: str, tries: int,
             max_rows: int, max_cols: int):
    """When the grid that fits the page cannot take every word, which ones are left out: those the guide
    mentions least (then the longest, then the later), as the warning says. The filler tries again with
    the words the guide uses most, as many as ``g`` holds, and keeps that grid when it takes every word it
    was given and is no taller than ``g`` (the grid and its clues then take no more room than they took;
    a try with one word fewer cost bench guides a term each, and was dropped). The econ trial guide's grid had left out 'equilibrium' (20 uses) and kept 'tax
    incidence' (used nowhere else): the one try it had, with as many Down clues and no more clue text
    asked too, found no grid. Returns the words kept and their grid (``words`` and ``g`` when the try
    fails: :func:`least_used` then tells the warning so)."""
    n = len(words)
    used = [mentions[i] if mentions else 0 for i, _ in words]
    placed = {k for k, *_ in g.words}
    if not mentions or max(used[k] for k in range(n) if k not in placed) <= min(used[k] for k in placed):
        return words, g  # the terms left out are used no more than any kept: a search more would not change that
    drop = set(sorted(range(n), key=lambda k: (used[k], -len(words[k][1]), -k))[: n - len(g.words)])
    keep = [words[j] for j in range(n) if j not in drop]
    h = _fill(keep, seed, tries, max_rows, max_cols)
    if h is not None and len(h.words) == len(keep) and h.box[2] - h.box[0] <= g.box[2] - g.box[0]:
        return keep, h
    return words, g


def least_used(left_out: Sequence[str], kept: Sequence[str], uses: dict) -> bool:
    """Whether the terms left out are used no more often in the guide than any term kept (``uses``: term →
    how often the guide uses it), as the crossword's warning says of the terms with no room."""
    return not left_out or not kept or max(uses.get(t, 0) for t in left_out) <= min(uses.get(t, 0) for t in kept)


def _clued(words, g: grid.Grid, clues: Sequence[int]) -> int:
    """How long the clues of the grid's words are, in characters."""
    return sum(clues[words[k][0]] for k, *_ in g.words)


def _downs(g: grid.Grid) -> int:
    return sum(1 for *_, d in g.words if d == DOWN)


def _why(left_out: list[int], terms, g: grid.Grid, tried: set[int], side: int, twins=frozenset(),
         language: str = "", among: Sequence[str] = ()) -> tuple[str, ...]:
    """Why each term left out is: "twin" (the same cells as a term before it), "number" (:func:`..split_number`), "short" (fewer than two letters), "long" (longer than the grid
    that fits the page), "many" (past MAX_WORDS), "script:<its scripts>:<the grid's>" (it shares no
    letter with the grid's words, and is written in another script than theirs), "letters" (it shares no letter with
    them), "room" (no place left where it crosses them)."""
    grid_letters = set(g.cells.values()) if g is not None else set()  # None: there is no grid
    grid_scripts = {_script(c) for c in grid_letters} - {None}
    out = []
    for i in left_out:
        w = answer(terms[i][0], language, among)
        if i in twins:
            out.append("twin")
        elif split_number(terms[i][0]):
            out.append("number")
        elif len(w) < 2:
            out.append("short")
        elif len(w) > side:
            out.append("long")
        elif i not in tried:
            out.append("many")
        elif g is None:
            out.append("letters")
        elif grid_letters.isdisjoint(w):
            mine = {_script(c) for c in w} - {None}
            out.append(f"script:{', '.join(sorted(mine))}:{', '.join(sorted(grid_scripts))}"
                       if mine and mine.isdisjoint(grid_scripts) else "letters")
        else:
            out.append("room")
    return tuple(out)


_SCRIPT_NAMES = {"CJK": "Chinese", "HANGUL": "Korean (Hangul)", "HIRAGANA": "Japanese (hiragana)",
                 "KATAKANA": "Japanese (katakana)"}


def _script(ch: str) -> Optional[str]:
    """The script a letter is written in, as a teacher names it (Latin, Greek, Cyrillic ...); None for a digit."""
    if not ch[:1].isalpha():
        return None
    name = unicodedata.name(ch[0], "").split(" ")[0]
    return _SCRIPT_NAMES.get(name, name.title()) or None


def _search(words, firsts: list[int], seed: str, tries: int, max_rows: int, max_cols: int) -> grid.Grid:
    """The best grid (most words, then fewest rows, then the smallest area, then the squarer, then
    the earliest) of a fixed amount of work, so the same terms and seed always give the same grid.
    First the greedy, on up to ``tries`` orders (the first longest-first, the rest seeded shuffles
    whose first word is one of the three longest; it stops after three once every word is in). Then
    the beam, on BEAM_TRIES orders (longest first, then with the lengths jittered), each allowed one
    row fewer than the best grid so far that has every word (every word already in or not, a beam
    that places more words wins). Last, as often, the order-free beam (:func:`.crossword_grid.spread`),
    from each of the three longest words in turn: it finds the short grids that a fixed order misses
    (18 rows to 14 for the photosynthesis guide's nine terms)."""
    local = list(range(len(words)))
    longest = firsts + sorted((k for k in local if k not in firsts), key=lambda k: -len(words[k][1]))
    at = grid.letters_at(words)
    total = sum(len(w) for _, w in words)  # no grid is wider or taller: a board that size is room enough
    max_rows, max_cols = min(max_rows, total), min(max_cols, total)
    best = None
    for t in range(tries):
        if t == 0:
            order = longest
        else:
            r = rng("crossword", seed, str(t))
            order = local[:]
            r.shuffle(order)
            first = r.choice(firsts[: min(3, len(firsts))])
            order.remove(first)
            order.insert(0, first)
        g = grid.greedy(words, order, max_rows, max_cols, at)
        if best is None or g.score() + (t,) < best[0]:
            best = (g.score() + (t,), g)
        if len(g.words) == len(words) and t >= 2:
            break
    for t in range(tries, tries + BEAM_TRIES):
        cap = best[0][1] - 1 if len(best[1].words) == len(words) else max_rows
        if cap < 2:
            break
        if t == tries:
            order = longest
        else:  # longer words still mostly first: they have the fewest places
            r = rng("crossword", seed, "beam", str(t))
            first = r.choice(firsts[: min(3, len(firsts))])
            order = [first] + sorted((k for k in local if k != first), key=lambda k: -len(words[k][1]) - 5 * r.random())
        g = grid.beam(words, order, cap, max_cols, at)
        if g.score() + (t,) < best[0]:
            best = (g.score() + (t,), g)
    for t in range(tries + BEAM_TRIES, tries + BEAM_TRIES + SPREAD_TRIES):
        cap = best[0][1] - 1 if len(best[1].words) == len(words) else max_rows
        if cap < 2:
            break
        first = firsts[(t - tries - BEAM_TRIES) % min(3, len(firsts))]
        g = grid.spread(words, first, cap, max_cols, at, SPREAD_WIDTH)
        if g.score() + (t,) < best[0]:
            best = (g.score() + (t,), g)
    return best[1]


def _finish(g: grid.Grid, words, terms, left_out: list[int], why: tuple[str, ...], language: str = "",
            among: Sequence[str] = ()) -> Crossword:
    a, b, c, e = g.box
    rows, cols = c - a + 1, e - b + 1
    # Hebrew or Arabic: the grid is laid out as for left to right, then mirrored, so each Across
    # answer reads from its number leftwards (Down answers still run downwards)
    mirrored = all(rtl.has_rtl(terms[words[k][0]][0]) for k, *_ in g.words)
    at = (lambda col: cols - 1 - (col - b)) if mirrored else (lambda col: col - b)
    grid = [[None] * cols for _ in range(rows)]
    for (r, col), ch in g.cells.items():
        grid[r - a][at(col)] = ch
    # number every cell that starts a word, in reading order (right to left in a mirrored grid)
    starts = {}
    for k, w, r, col, d in g.words:
        starts.setdefault((r - a, at(col)), []).append((k, w, d))
    numbered = sorted(starts, key=lambda pos: (pos[0], -pos[1] if mirrored else pos[1]))
    number_of = {pos: n for n, pos in enumerate(numbered, 1)}
    entries = []
    for pos in numbered:
        for k, w, d in starts[pos]:
            i = words[k][0]
            term, definition = terms[i]
            entries.append(Entry(number_of[pos], d, pos[0], pos[1], w, clue_for(term, definition, language), term,
                                 lengths_of(puzzle_word(term, language, among)), mirrored))
    entries.sort(key=lambda en: (en.direction != ACROSS, en.number))
    return Crossword(tuple(tuple(row) for row in grid), tuple(entries), tuple(terms[i][0] for i in left_out),
                     tuple((r, col, number_of[(r, col)]) for r, col in numbered), why)
