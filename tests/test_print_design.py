"""The pages as a teacher copies them: how full they are (measured on the drawn pixels), how many
there are, where questions start, and the type sizes.

The page-count targets are measured on the frozen copy of the first guide (tests/cases/frozen),
so edits to the bundled guide's content cannot move them. Where a target is not met yet, the test
that checks it is an expected failure with ``strict=True``: meeting it makes the suite fail until
the mark is taken off, so the bound only ever tightens.
"""
from __future__ import annotations

import functools
import io
import re

import pypdf
import pypdfium2 as pdfium
import pytest

from conftest import CASES, GUIDES, GUIDES_DIR, norm, page_texts, rendered
from studyguide import activities as act, api, inline, labels, render
from studyguide.layout.fill import page_short
from studyguide.theming.styles import make_styles

FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"
SCALE = 0.5  # 36 pixels to the inch: a body line is about 7 pixels tall
THEMES = ("classic", "compact", "modern", "ink-saver")
# issue 14's fill rule: the most of a page's text area left empty under its last ink. Written here, not
# taken from layout.fill: the pixels check the layout, so a rule loosened there must fail here
# (test_the_layout_keeps_the_fill_rule_the_pixels_are_held_to ties the two)
EMPTY_AT_MOST = 0.30


built = rendered  # (guide, theme, docs), rendered once in a worker: conftest.rendered


def page_fill(pdf: bytes, theme) -> list[tuple[float, float]]:
    """For each page: the share of the text area left empty under its last ink, and the tallest
    empty band between its first and last ink, in points (drawn pixels, not what the PDF claims)."""
    return _page_fill(pdf, theme.margin_top, theme.margin_bottom)


@functools.lru_cache(maxsize=64)  # (two tests measure each built document)
def _page_fill(pdf: bytes, margin_top: float, margin_bottom: float) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(pdf)
    out = []
    for i in range(len(doc)):
        page = doc[i]
        _, height = page.get_size()
        image = page.render(scale=SCALE, grayscale=True).to_pil().convert("L")
        top, bottom = int(margin_top * SCALE), int((height - margin_bottom) * SCALE)
        body = image.crop((0, top, image.width, bottom)).point(lambda v: 255 if v < 200 else 0)
        data, w = body.tobytes(), body.width
        inked = [b"\xff" in data[y * w:(y + 1) * w] for y in range(body.height)]
        rows = [y for y, ink in enumerate(inked) if ink]
        if not rows:
            out.append((1.0, 0.0))
            continue
        run = tallest = 0
        for y in range(rows[0], rows[-1] + 1):
            run = 0 if inked[y] else run + 1
            tallest = max(tallest, run)
        out.append(((body.height - 1 - rows[-1]) / body.height, tallest / SCALE))
    return tuple(out)


CONFIGS = [pytest.param(dict(theme=t), id=t) for t in THEMES] + [
    pytest.param(dict(paper="a4"), id="a4"),
    pytest.param(dict(edition="large-print"), id="large-print"),
    pytest.param(dict(edition="large-print", paper="a4"), id="large-print-a4"),
]
GUIDE_PARAMS = [pytest.param(FROZEN, id="frozen")] + [pytest.param(p, id=p.stem) for p in GUIDES]

# (guide id, config id) whose pages do not meet the fill rule yet: the layout still strands
# space before a block too tall for what is left (matching sets, crossword grids), and the questions'
# last page ends short where the activities must start a new page (the key's notes no longer fill it)
FILL_NOT_YET = {("frozen", "large-print"),  # (page 15: a short answer is not cut to fill it, see below)
                ("frozen", "large-print-a4")}


def _fill_case(request, guide_id, config_id):
    if (guide_id, config_id) in FILL_NOT_YET:
        request.applymarker(pytest.mark.xfail(strict=True, reason="page fill not met yet (issue 14)"))


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", GUIDE_PARAMS)
def test_no_page_left_a_third_empty(path, config, request):
    """No page is more than 30 % empty at the bottom, but a document's last page and at most one
    other (the page before a block taller than the room left); no empty band inside a page taller
    than four body lines (answer space is ruled, so it is ink)."""
    _fill_case(request, _guide_id(path), _config_id(config))
    guide, theme, docs = built(path, **config)
    line = make_styles(theme)["body"].leading
    for mode, doc in docs.items():
        fill = page_fill(doc.pdf, theme)
        # the key's notes on the answers start on a page of their own after the handout's last page: the
        # key's pages up to there are the handout's, each part with a last page of its own
        last = {docs["student"].pages, len(fill)}
        short = [n for n, (empty, _) in enumerate(fill, 1) if empty > EMPTY_AT_MOST and n not in last]
        assert len(short) <= 1, f"{mode}: pages {short} are more than 30 % empty at the bottom"
        holes = [(n + 1, round(band)) for n, (_, band) in enumerate(fill) if band > 4 * line + 1]
        assert not holes, f"{mode}: empty bands taller than four body lines (page, points): {holes}"
        assert not blank_pages(doc.pdf, fill, guide), f"{mode}: blank pages"


def part_ends(doc) -> set:
    """The last page of the reading and of the questions, where the next part opens a new page: the page
    before question 1 when it opens its page, and before the first activity when that opens its page."""
    ends = {doc.question_pages[0] - 1} if doc.questions_at_top and doc.question_pages else set()
    first = next(((page, top) for name, page, top in doc.sections if name in act.NAMES), None)
    return ends | ({first[0] - 1} if first and first[1] else set())


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", GUIDE_PARAMS)
def test_no_page_left_a_third_empty_but_where_a_part_ends(path, config):
    """The rule above as proposed for large print (issue 14's closing note): a part's last page counts as a
    document's, when the next part's first block (a matching set, an ordering question) is too tall for the
    room it leaves: so no more than one other page a document ends short, in every guide and edition. The
    frozen guide's large print on letter ends its questions on page 19, 43 % empty: the first matching set
    with its title is 92 % of a page and two terms with the title are more than the 43 % left."""
    guide, theme, docs = built(path, **config)
    for mode, doc in docs.items():
        fill = page_fill(doc.pdf, theme)
        last = {docs["student"].pages, len(fill)} | part_ends(docs["student"])
        short = [n for n, (empty, _) in enumerate(fill, 1) if empty > EMPTY_AT_MOST and n not in last]
        assert len(short) <= 1, f"{mode}: pages {short} are more than 30 % empty at the bottom"


def test_the_layout_keeps_the_fill_rule_the_pixels_are_held_to():
    """The rule the layout mends by (layout.fill: the mending passes, a table's guessed lead-in, a large-print
    topic moved with its picture) is the one the pages are measured by: a page 31 % empty under its last
    line ends short, one 29 % empty does not, whatever the height of its text area."""
    for height in (648.0, 720.0, 400.0):  # (text areas of full, taller and half-sized pages)
        assert page_short((EMPTY_AT_MOST + 0.01) * height, height)
        assert not page_short((EMPTY_AT_MOST - 0.01) * height, height)
        assert not page_short(0.0, height)


def blank_pages(pdf: bytes, fill, guide) -> list[int]:
    """Pages with no ink in the text area, but the one left blank on purpose before double-sided
    flashcards (it says so)."""
    said = norm(labels.for_language(guide.language, guide.labels)["blank_page"])
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [n + 1 for n, (empty, _) in enumerate(fill)
            if empty >= 1.0 and said not in norm(reader.pages[n].extract_text())]


def test_a_last_page_filled_to_its_foot_is_not_followed_by_a_blank_one():
    """The long literature guide on A4 in the ink-saver theme: its crossword fills page 25 to the foot,
    and the key's notes, empty, still asked for their heading's space above and opened page 26 blank
    in the handout and the key."""
    guide, theme, docs = built(CASES / "layout" / "frankenstein.yaml")
    for mode, doc in docs.items():
        fill = page_fill(doc.pdf, theme)
        assert fill[-1][0] < 0.5 and not blank_pages(doc.pdf, fill, guide), f"{mode}: {len(fill)} pages"


def _guide_id(path):
    return "frozen" if path == FROZEN else path.stem


def _config_id(config):
    if config.get("edition"):
        return config["edition"] + ("-a4" if config.get("paper") else "")
    return config.get("theme") or ("a4" if config.get("paper") else "classic")


# -- page counts on the frozen guide ------------------------------------------------------------------

@pytest.mark.parametrize("config, now, target", [
    pytest.param(dict(), 11, 11, id="classic-letter"),
    pytest.param(dict(theme="compact"), 9, 9, id="compact-letter"),
    pytest.param(dict(theme="modern"), 12, 11, id="modern-letter"),
    pytest.param(dict(theme="ink-saver"), 11, 11, id="ink-saver-letter"),
    pytest.param(dict(paper="a4"), 11, 11, id="classic-a4"),
    pytest.param(dict(edition="large-print"), 27, 26, id="large-print-letter"),
    pytest.param(dict(edition="large-print", paper="a4"), 26, 26, id="large-print-a4"),
])
def test_frozen_guide_page_count_never_grows(config, now, target):
    """Measured when the print-design work began: 15, 13 and 32 pages. The key is the handout's pages,
    then the notes on the answers that would have left room empty in the handout (none: no more pages).
    Large print went 30 -> 31 when its matching sets became small enough for one page each (4 sets of
    4, from 2 sets of 8 that split over pages), and back with the fewest sets that fit a page each (3 sets:
    4, 6 and 6 terms), and with lines 1.4 times the type apart (from 1.45). Modern went 15 -> 14 -> 13,
    A4 12 -> 11, when the matching sets began to be cut where they land and the perspectives became a list;
    modern 13 -> 12 when the crossword's clues came to read down each column (balanced columns: the grid
    and the last Down clues now share page 12). Classic 12 -> 11 when a kept-together question stopped
    counting the gap above it twice (question 3 now ends page 4, and the matching starts under the last
    question, on page 8, where it opened page 9). Large print 28 -> 27 when its vocabulary entry at a page's
    foot began to go on over the page (two lines at least on each side): the questions open on page 10.
    Large print on A4 27 -> 26 when the gaps between questions came to give up half their size (from 40 %)
    to set one more question on a page."""
    _, _, docs = built(FROZEN, **config)
    assert docs["student"].pages <= now
    assert docs["student"].pages <= docs["key"].pages <= docs["student"].pages + 3



def _lined_rules(pdf: bytes, theme) -> list[int]:
    """The answer lines each page draws, from its pixels (rules from the questions' indent across the text)."""
    from test_question_layout import _rules

    return _rules(pdf, theme)


def test_large_print_never_cuts_a_short_answer_to_fill_the_next_page():
    """The frozen guide's large print leaves page 15 (questions 14 and 15) 31 % empty: question 16 does not fit
    under them. Question 13's last two of four lines went on over the page to fill it, and a student wrote two
    lines, turned the page and found two more with no label over question 14, page 14 still a fifth empty. A
    short answer (fewer than 4 + 3 lines) now stays whole: page 14 holds its 4 lines and no mark, page 15 opens
    with question 14, and that page is short again (FILL_NOT_YET)."""
    _, theme, docs = built(FROZEN, edition="large-print")
    fill = page_fill(docs["student"].pdf, theme)
    assert fill[14][0] > EMPTY_AT_MOST  # page 15
    for mode, doc in docs.items():
        texts = [norm(t) for t in page_texts(doc.pdf)]
        assert doc.question_pages[12:16] == [14, 15, 15, 16], mode
        assert "13. (3 pts) In your own words" in texts[13], mode
        assert "The lines go on over the page." not in texts[13] + texts[14], mode
        answer = "easily check whether the training fits their laws and rights standards."
        assert (answer in texts[13]) == (mode == "key") and answer not in texts[14], mode
        assert texts[14].startswith("14. (3 pts) Weighing both sides"), mode
    rules = _lined_rules(docs["student"].pdf, theme)
    assert rules[13:15] == [4, 4 + 4]  # question 13's 4 lines whole on page 14; then 14's and 15's on page 15


def test_large_print_lines_go_on_over_the_page_only_to_fill_one():
    """On A4 the essay (question 17, 14 lines) stays on page 15 but for its last three, which open page 16
    over questions 18 and 19: that page was 41 % empty, as question 20 (a matching) did not fit under them.
    The pages after it, a matching question and an ordering question each too tall for the room the one
    before leaves, still end short (the test above holds that case as not met yet)."""
    _, theme, docs = built(FROZEN, edition="large-print", paper="a4")
    fill = page_fill(docs["student"].pdf, theme)
    assert [n for n, (empty, _) in enumerate(fill[:-1], 1) if empty > EMPTY_AT_MOST] == [17, 18]
    rules = _lined_rules(docs["student"].pdf, theme)
    assert rules[14:16] == [11, 3 + 2]  # (page 16: the essay's last 3 lines, then the word bank's box, top and foot)
    for mode, doc in docs.items():
        assert doc.question_pages[16:19] == [15, 16, 16], mode
        assert "reduce the risks" in norm(page_texts(doc.pdf)[14]) and \
            "The lines go on over the page." in norm(page_texts(doc.pdf)[14]), mode
        assert norm(page_texts(doc.pdf)[15]).startswith("Question 17 (continued) 18. (4 pts)"), mode  # (key: no answer left)


def test_lines_that_open_a_page_after_a_break_say_which_question_they_go_on():
    """Large print on letter: the essay (question 17, 9 lines) is too long for page 16, where its prompt and 5
    lines stand; its other lines opened page 17 with nothing to say whose they were. They open it under
    "Question 17 (continued)" in the handout and the key (whose model answer goes on under it), and the page
    before ends with the mark, as before."""
    _, _, docs = built(FROZEN, edition="large-print")
    for mode, doc in docs.items():
        texts = [norm(t) for t in page_texts(doc.pdf)]
        assert texts[15].rstrip().split(" China’s Plan")[0].endswith("The lines go on over the page."), mode
        rest = "transparency requirements. Deduct for claims not supported by the article. "
        assert texts[16].startswith("Question 17 (continued) " + rest * (mode == "key") + "18. (4 pts)"), mode
        assert sum(t.count("continued") for t in texts) == 1, mode  # (no other question's lines go on)


NOT_YET = pytest.mark.xfail(strict=True, reason="issue 14's large-print target is not met yet: 27 pages today")


@pytest.mark.parametrize("config, target", [
    pytest.param(dict(), 11, id="classic-letter"),
    pytest.param(dict(theme="compact"), 9, id="compact-letter"),
    pytest.param(dict(edition="large-print"), 26, id="large-print-letter", marks=NOT_YET),
    pytest.param(dict(edition="large-print", paper="a4"), 26, id="large-print-a4"),
])
def test_frozen_guide_page_targets(config, target):
    _, _, docs = built(FROZEN, **config)
    assert docs["student"].pages <= target


# -- every question starts on the same page in handout and key, read back from the PDFs ------------

def _prompt_pattern(text: str, length: int = 24) -> str:
    """A regular expression for a prompt's first ``length`` characters as printed."""
    parts, left = [], length
    for part in re.split(r"\{@[^}]*\}", text):
        part = norm(part)[:left]
        parts.append(re.escape(part.rstrip()))
        left -= len(part)
        if left <= 0:
            break
    return ".{1,30}?".join(parts)


def _start_pages(pdf: bytes, prompts: list[str]) -> list[int]:
    pages = [norm(text) for text in page_texts(pdf)]
    found, at = [], 0
    for n, prompt in enumerate(prompts, 1):
        head = re.compile(rf"(^| ){n}\. (\([^)]*\) )?{prompt}")  # (the points may read in between)
        while at < len(pages) and not head.search(pages[at]):
            at += 1
        assert at < len(pages), f"question {n} ({prompt!r}) not found from page {len(found) and found[-1]}"
        found.append(at + 1)
    return found


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", GUIDE_PARAMS)
def test_every_question_starts_on_the_same_page_in_handout_and_key(path, config):
    guide, _, docs = built(path, **config)
    # the prompt's first words, up to a blank (which prints as a line, not as text), as a pattern: a
    # citation of the reading prints as "lines 12–14" or "paragraph 3", matched by a short wildcard
    prompts = [_prompt_pattern(inline.plain(q.prompt).split("[[")[0]) for q in guide.questions]
    student = _start_pages(docs["student"].pdf, prompts)
    key = _start_pages(docs["key"].pdf, prompts)
    assert student == key == docs["student"].question_pages


# -- type sizes ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("theme, body, smallest", [
    ("classic", 10.5, 9), ("modern", 10.5, 9), ("ink-saver", 10.5, 9), ("compact", 9.5, 8.5),
])
def test_type_sizes_do_not_shrink_to_win_pages(theme, body, smallest):
    """Body paragraphs at least 10.5 pt (compact 9.5); tables, instructions and notes at least 9 pt
    (compact 8.5); the footer and source line may be smaller."""
    guide = api.load(FROZEN)
    styles = make_styles(api.theme_for(guide, theme))
    assert styles["body"].fontSize >= body and styles["prompt"].fontSize >= body
    assert styles["choice"].fontSize >= body
    for name in ("cell", "instruction", "explanation"):
        assert styles[name].fontSize >= smallest, name


def test_large_print_sets_nothing_under_16_pt():
    guide = api.load(FROZEN)
    styles = make_styles(api.theme_for(guide, None, "large-print"))
    small = {name: s.fontSize for name, s in styles.items() if s.fontSize < 16}
    assert not small


def test_large_print_chart_breaks_between_entries():
    """Large print stacks the benefits and the criticisms one table under the other. The stack breaks
    over a page between two points, filling the page it starts on (it used to move on whole, leaving
    that page half empty); a point is never cut, and a table's head sits with a point under it."""
    guide, theme, docs = built(FROZEN, edition="large-print")
    pages = [norm(t) for t in page_texts(docs["student"].pdf)]
    where = []
    for item in guide.benefits + guide.criticisms:
        text = norm(f"{item.point} — {item.detail}")
        found = [n for n, page in enumerate(pages, 1) if text in page]
        assert len(found) == 1, f"{item.point!r} is not whole on one page"
        where.append(found[0])
    assert len(set(where)) == 2, "the chart goes on over one page break"
    empty, _ = page_fill(docs["student"].pdf, theme)[min(where) - 1]
    assert empty <= 0.30, f"the chart's first page is {empty:.0%} empty at the bottom"
    points = [norm(item.point) for item in guide.benefits + guide.criticisms]
    for page in pages:
        for head in re.finditer(r"(?:^| )(?<!and )(Benefits|Criticisms) (?!and )", page):
            assert any(page[head.end():].startswith(p) for p in points), f"{head.group(1)!r} without a point under it"


@pytest.mark.parametrize("config", CONFIGS)
def test_a_cloze_sentence_is_never_cut_by_a_page(config):
    """Each word-bank sentence prints whole on one page: large print had sentence 7 of the first guide
    start at one page's foot and end at the next page's top."""
    from studyguide import activities as act

    guide, _, docs = built(FROZEN, **config)
    pages = [norm(t) for t in page_texts(docs["student"].pdf)]
    start = next(n for n, text in enumerate(pages) if labels.for_language("en")["cloze_title"] in text)
    for n, sentence in enumerate(act.plan(guide, "cloze").data.sentences, 1):
        words = [norm(p) for p in sentence.parts if isinstance(p, str) and p.strip()]  # (between the blanks)
        assert any(f"{n}. " in page and all(w in page for w in words) for page in pages[start:]), \
            f"sentence {n} is not whole on a page"


def test_large_print_crossword_starts_under_the_last_activity():
    """Large print sets one clue to a line; the title, instructions, \"Across\" and the first clue start on
    the page the word-bank sentences end on when they fit there (the bundled guide's page 27 was 43 %
    empty: three clues were asked to fit under the heading)."""
    from studyguide import activities as act
    from studyguide.layout.activities import page_limits

    path = GUIDES_DIR / "china-foreign-police-training.yaml"
    guide, theme, docs = built(path, edition="large-print")
    pages = [norm(t) for t in page_texts(docs["student"].pdf)]
    styles = make_styles(theme)
    w, h = theme.page_size(guide.paper)
    limits = page_limits(styles, w - 2 * theme.margin_x, h - theme.margin_top - theme.margin_bottom)
    first = act.plan(guide, "crossword", limits["crossword"]).data.across()[0]
    cloze = act.plan(guide, "cloze").data.sentences
    last = norm("".join(p if isinstance(p, str) else " " for p in cloze[-1].parts))
    end = next(n for n, page in enumerate(pages) if f"{len(cloze)}. {last}" in page)
    assert "Crossword" in pages[end] and f"Across {first.number}. {norm(first.clue)[:30]}" in pages[end]


@pytest.mark.parametrize("path", GUIDE_PARAMS)
def test_checks_last_page_fill_is_what_the_page_shows(path):
    """`check` tells how full a section's last page is; on the document's last page it must agree
    with the drawn pixels of the handout or the key, whichever reaches lower (to 4 % of the text area)."""
    from studyguide import budget

    guide, theme, docs = built(path)
    plan = budget.budget(guide, docs["student"])
    last = plan.parts[-1]
    assert last.last == docs["student"].pages and last.fill is not None
    # the layout's fill is the handout's and the key's (a key note under the choices is room in both), but
    # for the key's notes on the answers, which may start under the handout's last line in the key
    n = docs["student"].pages
    key_last = pypdf.PdfReader(io.BytesIO(docs["key"].pdf)).pages[n - 1].extract_text()
    modes = ("student",) if "Notes on the Answers" in key_last else ("student", "key")
    empty = min(page_fill(docs[m].pdf, theme)[n - 1][0] for m in modes)
    assert abs((1 - empty) - last.fill) < 0.04, (last.fill, 1 - empty)


@pytest.mark.parametrize("path", GUIDE_PARAMS)
def test_check_gives_every_sections_last_page_as_printed(path):
    """Each part that ends a page (the next starts on a new one) ends on the page before the next part
    starts, and its fill is what that page shows (to 4 % of the text area), the reading's last section
    before the questions too."""
    from studyguide import budget

    guide, theme, docs = built(path)
    plan = budget.budget(guide, docs["student"])
    fills = [page_fill(docs[m].pdf, theme) for m in ("student", "key")]
    words = labels.for_language(guide.language, guide.labels)
    pages = [norm(t) for t in page_texts(docs["student"].pdf)]
    for part, after in zip(plan.parts, plan.parts[1:]):
        title = guide.headings.get(after.name) or words.get(after.name) or words.get(after.name + "_title")
        if part.fill is None:
            assert after.first == part.last, (part, after)
            assert not pages[after.first - 1].startswith(title), f"{part.name} shares a page {after.name} opens"
            continue
        assert after.first == part.last + 1, (part, after)
        empty = min(f[part.last - 1][0] for f in fills)
        assert abs((1 - empty) - part.fill) < 0.04, (part.name, part.fill, 1 - empty)


# -- a short packet: whole sections left out of one build, the guide untouched ---------------------------

def test_build_skip_leaves_sections_out_of_this_build_only(tmp_path):
    from conftest import Pdf, cli_main

    before = FROZEN.read_bytes()
    done = cli_main("build", FROZEN, "-o", tmp_path, "--skip", "activities, vocabulary")
    assert done.returncode == 0, done.stderr
    assert FROZEN.read_bytes() == before
    for name in ("china-foreign-police-training-2026-12.pdf", "china-foreign-police-training-2026-12-key.pdf"):
        text = Pdf(tmp_path / name).text
        for gone in ("Vocabulary Matching", "Vocabulary in Context", "Crossword", "soft power A country’s ability"):  # (the table's first entry)
            assert gone not in text
        assert "Key Takeaways" in text and "21. " in text  # the rest is all there
    full = built(FROZEN)[2]["student"].pages
    assert Pdf(tmp_path / "china-foreign-police-training-2026-12.pdf").reader.get_num_pages() <= full - 4


def test_check_skip_gives_the_short_packets_budget():
    """`check --skip` gives the page budget of the packet `build --skip` makes: a teacher trims to fit
    before printing anything."""
    from conftest import cli_main

    done = cli_main("check", FROZEN, "--skip", "activities, vocabulary")
    assert done.returncode == 0, done.stderr
    short = built(FROZEN)[0]
    pages = render.render(api.skipping(short, ("activities", "vocabulary")))["student"].pages
    assert f"{FROZEN} (without activities, vocabulary): {pages} pages, 49 points" in done.stdout
    rows = [line.split()[0] for line in done.stdout.splitlines() if line.startswith("  ")]
    assert rows[-2:] == ["takeaways", "questions"] and "vocabulary" not in rows and "matching" not in rows


def test_skip_questions_prints_no_total_and_check_counts_no_points(tmp_path):
    """With the questions left out, no question's points are printed: the name line has no "Total", and
    check's line names no points (a teacher's trial: "Total: 6 points" over a packet with no question)."""
    from conftest import Pdf, cli_main

    done = cli_main("build", FROZEN, "-o", tmp_path, "--skip", "questions")
    assert done.returncode == 0, done.stderr
    for name, line in (("china-foreign-police-training-2026-12.pdf", "Name Date Period Source:"),
                       ("china-foreign-police-training-2026-12-key.pdf", "ANSWER KEY Source:")):
        first = Pdf(tmp_path / name).pages[0]
        assert line in first and "Total" not in first
    done = cli_main("check", FROZEN, "--skip", "activities,questions")
    assert done.returncode == 0, done.stderr
    head = done.stdout.splitlines()[0]
    assert head.startswith(f"{FROZEN} (without activities, questions): ") and "point" not in head, head
    full = cli_main("check", FROZEN)
    assert "49 points" in full.stdout.splitlines()[0]  # (the whole guide still counts its questions)


def test_build_skip_names_a_mistyped_section():
    from conftest import cli_main

    done = cli_main("build", FROZEN, "-o", "/nonexistent-never-written", "--skip", "vocab")
    assert done.returncode == 2
    assert ("--skip: unknown section 'vocab' (did you mean 'vocabulary'? choose from reading, summary, "
            "objectives, topics, perspectives, chart, takeaways, vocabulary, questions, activities, coverage)"
            ) in done.stderr
    assert "Traceback" not in done.stderr


def test_build_activities_names_a_mistyped_activity_as_skip_does():
    """Trial r10 L14: --activities wordsearch listed the activities without the "did you mean" --skip gives."""
    from conftest import cli_main

    done = cli_main("build", FROZEN, "-o", "/nonexistent-never-written", "--activities", "matching,wordsearch")
    assert done.returncode == 2
    assert ("--activities: unknown activity 'wordsearch' (did you mean 'word_search'? choose "
            "from matching, cloze, flashcards, flashcards_duplex, word_search, crossword)") in done.stderr
    assert "Traceback" not in done.stderr


# -- instructions that fit the question -------------------------------------------------------------------

INSTRUCTED = """\
title: Instructions
labels:
  true_false: Write T or F.
questions:
  - type: short_answer
    prompt: How many moons has Mars?
    lines: 1
    answer: Two
  - type: short_answer
    prompt: Why is the sky blue?
    lines: 3
  - type: multiple_choice
    prompt: Which is a planet?
    instructions: Pick **one**.
    choices: [Moon, Mars, Sun]
    answer: B
  - type: true_false
    prompt: The Sun is a star.
    answer: true
  - type: short_answer
    prompt: Name the larger moon of Mars.
    answer: Phobos
  - type: true_false
    prompt: Mars is closer to the Sun than Earth.
    answer: false
  - type: short_answer
    prompt: Why is Mars red?
    answer: Its dust holds iron oxide.
  - type: short_answer
    prompt: What force does the engine give?
    answer: 3,000 N (3.0 × 10³ N)
  - type: short_answer
    prompt: How much energy does the lift store?
    answer: 1.47 × 10⁵ J
  - type: short_answer
    prompt: How fast does the cart go?
    answer: v = d ÷ t = 5 m/s.
"""


def test_each_question_prints_the_instruction_that_fits_it(tmp_path):
    from conftest import build_into, write_guide

    b = build_into(write_guide(tmp_path, "instructed.yaml", INSTRUCTED), tmp_path / "out")
    for pdf in (b.student, b.key):
        text = pdf.text
        assert "How many moons has Mars? Write your answer on the line." in text  # one line: a word or a number
        assert "Why is the sky blue? Answer in complete sentences on the lines." in text
        assert "Which is a planet? Pick one." in text  # the question's own, in place of the type's
        assert "Circle the letter" not in text
        assert "The Sun is a star. Write T or F." in text  # a guide's label for the whole type
        # no `lines:`: a one-word answer gets one line and is asked for as such; a sentence gets three
        assert "Name the larger moon of Mars. Write your answer on the line." in text
        assert "Why is Mars red? Answer in complete sentences on the lines." in text
        # a number with its units is one answer: × = ÷ are not words; a sentence is still a sentence
        assert "Questions 8–9: Write your answer on the line. 8. What force does the engine give?" in text
        assert "9. How much energy does the lift store?" in text  # (8 and 9 share the instruction)
        # (three lines, but a calculation, not sentences: it asks for the work)
        assert "How fast does the cart go? Show your work and write the answer on the lines." in text
    assert [q.lines for q in api.load(tmp_path / "instructed.yaml").questions
            if q.kind == "short_answer"] == [1, 3, 1, 3, 1, 1, 3]
    assert "instructions: Pick **one**." in INSTRUCTED


def test_a_questions_instructions_must_be_text(tmp_path):
    from conftest import write_guide

    path = write_guide(tmp_path, "bad.yaml", INSTRUCTED.replace("instructions: Pick **one**.",
                                                                "instructions: [a, b]"))
    from studyguide.errors import GuideError

    with pytest.raises(GuideError) as err:
        api.load(path)
    assert str(err.value) == (f"{path}:14:19: question 3.instructions: expected text, found a list (put the text "
                              "on the same line, in quotes if it contains ': ')")


# -- activities ------------------------------------------------------------------------------------------

# A list's heading or a clue's number, whichever a page reads first (a grid's numbers have no full stop)
CLUE_OR_HEADING = re.compile(r"\b(Across|Down)\b|(?<![\d.])\d+\. ")


# the layouts whose clues go on to a later page whatever an essay at a page's foot does: not standard A4, whose clues
# all fit the title's page once that essay's first lines stay on page 6 (e1ab659); large print on A4 goes on either way
CLUES_GO_ON = [c for c in CONFIGS if c.id != "a4"]


@pytest.mark.parametrize("config", CLUES_GO_ON)
def test_crossword_clues_that_go_on_over_the_page_say_which_way_they_run(config):
    """A later page of crossword clues opens them with their list's heading: "Down (continued)". The
    grid, when it shares that page, is drawn and so read before the clues: the first clue or heading on
    the page is looked for, not the page's first words (which were the grid's numbers in 3 layouts of 7)."""
    guide, _, docs = built(FROZEN, **config)
    notes = norm(labels.for_language(guide.language, guide.labels)["key_notes"])  # (the key's, after its last clue)
    read = 0
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        start = next(n for n, text in enumerate(pages) if "Crossword Fill in the crossword" in text)
        for n in range(start + 1, docs["student"].pages):  # (the key's own pages of notes follow)
            first = CLUE_OR_HEADING.search(pages[n].split(notes)[0])
            if first is not None:  # (else the grid alone)
                read += 1
                assert first.group(1), f"{mode}: page {n + 1}'s clues have no heading: {pages[n][first.start():][:60]!r}"
    assert read >= 2, "the clues never go on to another page here: nothing is checked"


LONG_DEFINITIONS = "".join(
    f"""  - term: landform {n}
    definition: A landform that geographers describe with care, found in many places on Earth, whose description goes
      on so long that it wraps to four or five lines in a table, to see how tall rows behave on a page number {n}.
""" for n in range(1, 11))


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("shape", ["frozen", "long-definitions"])
def test_a_matching_set_stays_on_one_page(shape, config, tmp_path):
    """Every term of a set, and the definition it matches, print on the page of the set's title
    (large print and long definitions: smaller sets, one spare definition each, so that a set fits its page)."""
    path = FROZEN
    if shape != "frozen":
        path = tmp_path / "long.yaml"
        path.write_text("title: Long definitions\nactivities: [matching]\nvocabulary:\n" + LONG_DEFINITIONS)
    guide, _, docs = built(path, **config)
    meaning = {norm(t.term): norm(t.definition) for t in guide.vocabulary}
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        start = next(n for n, text in enumerate(pages) if "Vocabulary Matching" in text)
        shown = 0
        for n in range(start, len(pages)):
            titles = re.findall(r"Set \d+: terms (\d+)–(\d+)", pages[n])
            if n > start and not titles:
                break
            terms = [t for t in meaning if re.search(rf"(?<!\d)\d+\. {re.escape(t)}(?!\w)", pages[n])]
            assert len(terms) == sum(int(b) - int(a) + 1 for a, b in titles) or not titles, (mode, n + 1, terms)
            for term in terms:
                assert meaning[term] in pages[n], f"{mode}: the definition of {term!r} is not on page {n + 1}"
            shown += len(terms)
        assert shown >= len(meaning) - 2  # (one set holds back up to two terms: their definitions are the spares)


def test_crossword_grid_opens_the_page_its_clues_go_on_to():
    """Classic theme, letter, first guide: the clues fill the title's page and go on; the grid opens the next
    page with the clues still to come under it (that page was a third full of clues, the grid a page on).
    (Not A4, which has it only while the essay at page 6's foot opens page 7 whole: e1ab659, which cut it there, fit
    every clue on the title's page. Classic letter keeps the shape either way.)"""
    from studyguide import activities as act

    from studyguide.layout.activities import page_limits

    guide, theme, docs = built(FROZEN, theme="classic")
    pages = [norm(t) for t in page_texts(docs["key"].pdf)]
    start = next(n for n, text in enumerate(pages) if "Crossword Fill in the crossword" in text)
    w, h = theme.page_size("letter")
    limits = page_limits(make_styles(theme), w - 2 * theme.margin_x, h - theme.margin_top - theme.margin_bottom)
    answers = [e.answer for e in act.plan(guide, "crossword", limits["crossword"]).data.entries
               if e.direction == "across"]
    grid = next(n for n, text in enumerate(pages) if all(a in re.sub(r"[\d\s]", "", text) for a in answers))
    assert grid == start + 1 and re.search(r"Down \(continued\) \d+\. ", pages[grid])
    above = re.sub(r"[\d\s]", "", pages[grid].split("Down (continued)")[0])  # (drawn first: the grid, then the clues)
    assert all(a in above for a in answers), "the clues still to come are not under the grid"


@pytest.mark.parametrize("theme, paper", [("classic", "letter"), ("modern", "a4")])
def test_crossword_grid_goes_on_the_page_its_clues_would_leave_half_empty(theme, paper, monkeypatch):
    """Every clue fitted on the crossword's page with the grid too tall to follow them: the page was
    left about 60 % empty and the grid printed alone on the next, pushing the matching activity a page on
    (5 pages). Now the grid opens the clues' page, the last two rows of clues go on over the page under
    "Down (continued)" (never one alone), and the matching starts under them: 4 pages. (The grid as the
    fixed-order searches made it, 16 and 17 rows: the order-free one's 14 leaves room for every clue.)"""
    from studyguide import activities as act
    from studyguide.activities import crossword
    from studyguide.layout.activities import limits_for

    monkeypatch.setattr(crossword, "SPREAD_TRIES", 0)
    act._plan.cache_clear()  # (plans are cached by their terms, not by how the grid is searched)
    path = CASES / "layout" / "crossword-rivers.yaml"
    guide = api.load(path)
    th = api.theme_for(guide, theme, None)
    try:
        docs = render.render(guide, paper=paper, theme=th)
        data = act.plan(guide, "crossword", limits_for(guide, th, paper)["crossword"]).data
        answers = [e.answer for e in data.across()]
        assert data.rows >= 16
    finally:
        act._plan.cache_clear()
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        start = next(n for n, text in enumerate(pages) if "Crossword Fill in the crossword" in text)
        if mode == "key":
            assert all(a in re.sub(r"[\d\s]", "", pages[start]) for a in answers)  # the grid, on the title's page
        assert re.match(r"Down \(continued\) \d+\. [^.]+\. \(\d+\) \d+\. ", pages[start + 1]), pages[start + 1][:80]
        assert "Vocabulary Matching" in pages[start + 1] and len(pages) == 4


@pytest.mark.parametrize("theme, paper", [("classic", "letter"), ("modern", "a4"), ("modern", "letter")])
def test_a_shorter_crossword_grid_shares_its_page_with_every_clue(theme, paper):
    """The order-free search makes the rivers' grid 14 rows (16 and 17 before): the grid and all 14
    clues now share the crossword's page, and the matching opens the next: 4 pages in each theme (the
    modern letter build was 5, its grid alone on a page)."""
    from studyguide import activities as act
    from studyguide.layout.activities import limits_for

    path = CASES / "layout" / "crossword-rivers.yaml"
    guide, th, docs = built(path, theme=theme, paper=paper)
    data = act.plan(guide, "crossword", limits_for(guide, th, paper)["crossword"]).data
    assert data.rows == 14 and len(data.entries) == 14
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        start = next(n for n, text in enumerate(pages) if "Crossword Fill in the crossword" in text)
        clues = re.findall(r"(?:^| )(\d+)\. [A-Z]", pages[start].split("Across", 1)[1])
        assert sorted(map(int, clues)) == sorted(e.number for e in data.entries), (mode, clues)
        if mode == "key":
            assert all(e.answer in re.sub(r"[\d\s]", "", pages[start]) for e in data.across())
        assert pages[start + 1].startswith("Vocabulary Matching") and len(pages) == 4


@pytest.mark.parametrize("theme", THEMES)
def test_large_print_is_made_from_every_theme(theme):
    """Compact and ink-saver keep a narrow bottom margin: the margin check measured large print's key
    footer with the title (two lines at 16 pt) and refused every guide, though the footer prints without
    the title when that fits one line (pages.py). Every page ends with its footer's page label."""
    _, _, docs = built(FROZEN, theme=theme, edition="large-print")
    for doc in docs.values():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        assert all(page.endswith(f"Page {n} of {len(pages)}") for n, page in enumerate(pages, 1))


@pytest.mark.parametrize("title, language, kept, label", [
    ("Who Decides How a City Spends Its Money?", "en", "Who Decides How a City…", "Answer Key · Page {n} of {t}"),
    ("Les fleuves de France et leurs bassins", "fr", "Les fleuves de France et leurs…", "Corrigé · Page {n} sur {t}")])
def test_a_key_footer_too_long_for_one_line_shortens_the_title_alike_on_every_page(tmp_path, title, language, kept,
                                                                                  label):
    """Large print: the key's footer with the whole title takes two lines. It kept the title on pages 1–9
    and dropped it from page 10 on (a wider number), or dropped it on every page; now every page prints
    the title cut at a word with an ellipsis, on one line. The handout's shorter footer keeps it whole."""
    from conftest import write_guide

    essays = "".join(f"  - type: essay\n    prompt: Essay {n}.\n    answer: Why {n}.\n    lines: 14\n"
                     for n in range(1, 13))
    path = write_guide(tmp_path, "g.yaml", f'title: "{title}"\nlanguage: {language}\nquestions:\n{essays}')
    _, theme, docs = built(path, edition="large-print")
    size = make_styles(theme)["footer"].fontSize
    for mode, want in (("student", title + " · " + label.split(" · ", 1)[1]), ("key", kept + " · " + label)):
        doc = pdfium.PdfDocument(docs[mode].pdf)
        assert len(doc) >= 10
        for i in range(len(doc)):
            text = doc[i].get_textpage()
            lines = [line.strip() for line in text.get_text_range().splitlines() if line.strip()]
            assert lines[-1] == want.format(n=i + 1, t=len(doc)), (mode, i + 1, lines[-2:])
            bottom = text.get_text_bounded(0, 0, 10_000, theme.footer_y + size * 2).strip()
            assert bottom == lines[-1], (mode, i + 1, bottom)  # one line: nothing of it below the first


def test_large_print_matching_takes_the_fewest_sets_that_fit_a_page():
    """Large print, frozen guide: 16 terms in three sets, one page each (four sets of 4 left each page a
    third empty). Five, five and six leave the first set (under the title and instructions) too tall, so
    it gives a term to the others: 4, 6 and 6."""
    from studyguide.activities.matching import even

    assert even(16, 3) == [5, 5, 6] and even(12, 4) == [3, 3, 3, 3] and even(7, 2) == [3, 4]
    _, theme, docs = built(FROZEN, edition="large-print")
    for doc in docs.values():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        titles = [(n, t) for n, page in enumerate(pages) for t in re.findall(r"Set \d+: terms \d+–\d+", page)]
        assert [t for _, t in titles] == ["Set 1: terms 1–4", "Set 2: terms 5–10", "Set 3: terms 11–16"]
        fill = page_fill(doc.pdf, theme)
        assert all(fill[n][0] <= 0.30 for n, _ in titles), [round(fill[n][0], 2) for n, _ in titles]


@pytest.mark.parametrize("paper", [None, "a4"])
def test_large_print_matching_puts_its_larger_sets_where_they_fit(paper):
    """Twenty long terms (the trial's local-budget guide) in large print: five sets, one a page. The
    larger sets last left no room, so the first set shrank to 2 terms against 3 definitions (its page
    45 % empty); the larger sets where their terms fit give it 3. The first set, under the title and
    instructions, is the smallest (docs: guide-format.md, matching)."""
    guide, theme, docs = built(CASES / "layout" / "matching-twenty-long-terms.yaml", edition="large-print",
                               paper=paper)
    for doc in docs.values():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        sets = [(n, int(a), int(b)) for n, page in enumerate(pages) for a, b in re.findall(r"Set \d+: terms (\d+)–(\d+)", page)]
        sizes = [b - a + 1 for _, a, b in sets]
        assert sum(sizes) == 20 and len({n for n, _, _ in sets}) == len(sets) == 5, sets  # one set a page
        assert min(sizes) >= 3 and sizes[0] == min(sizes), sizes


@pytest.mark.parametrize("terms, chars, paper", [(11, 200, "half-letter"), (13, 250, "half-letter"), (10, 500, "letter")])
def test_matching_sets_cut_where_they_land_never_stop_a_build(terms, chars, paper, tmp_path):
    """Long definitions on small paper: no set of four keeps four for the next on a whole page, or the even
    share of the terms left is smaller than any allowed set. Both stopped the build (a layout error; an
    internal StopIteration). Every term is printed once, in sets numbered in order, each set's terms and
    definitions counted on its pages."""
    from conftest import write_guide

    filler = "Words that make a definition long enough to need several lines on a small page. " * 10
    vocabulary = "".join(f"\n  - term: term{n}\n    definition: \"Meaning {n}: {filler[:chars].strip()}\""
                         for n in range(1, terms + 1))
    path = write_guide(tmp_path, "long.yaml", f"title: Long definitions\npaper: {paper}\nvocabulary:{vocabulary}\n"
                                              "activities: [matching]\n")
    guide = api.load(path)
    docs = render.render(guide, theme=api.theme_for(guide))
    for doc in docs.values():
        text = norm(" ".join(page_texts(doc.pdf)))
        text = text[text.index("Vocabulary Matching"):]  # (the vocabulary table lists the terms too)
        assert [text.count(f"term{n} ") + text.count(f"term{n}\u00a0") for n in range(1, terms + 1)] == [1] * terms
        sets = [(int(n), int(a), int(b or a)) for n, a, b in re.findall(r"Set (\d+): terms? (\d+)(?:–(\d+))?", text)]
        assert [s[0] for s in sets] == list(range(1, len(sets) + 1))
        assert [s[1] for s in sets] == [1] + [s[2] + 1 for s in sets[:-1]] and sets[-1][2] == terms


WATER = CASES / "layout" / "water-cycle.yaml"


@pytest.mark.parametrize("config", CONFIGS)
def test_a_word_searchs_words_to_find_print_with_its_grid(config):
    """The words to find never go over the page alone: they print on the page of the word search's
    grid (in the compact theme the grid lands under a matching set, where it once took cells too big to
    leave room for the list, and the list opened the next page by itself). In large print, where title,
    instructions, grid and list are taller than a page, and not even two rows of the list fit under the
    matching set with the title and instructions, the word search opens the next page with its grid
    under its title, the first rows of the words to find under the grid and the rest opening the page
    after under "Words to find (continued)", over the crossword; on letter paper, where not two rows fit
    under the grid, the list opens the page after whole, and a line under the grid says so. (For a day the
    title and instructions ended the matching set's page alone, a third of it, the grid and all its words
    on the next: a title and its instructions never end a page alone, the r14 trial. Earlier the title and
    instructions once ended the matching set's page alone, over half of it empty; the list opened a page of
    its own after the grid's, three quarters of that page empty; the whole list opened the page after,
    nothing under the grid saying so: trial r8, L4.)"""
    guide, _, docs = built(WATER, **config)
    words = labels.for_language(guide.language, guide.labels)
    title, listed = words["word_search_title"], words["words_to_find"]
    letters = "O D E E F T O A V N I F"
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        titled = [n + 1 for n, text in enumerate(pages) if title in text]
        grid = [n + 1 for n, text in enumerate(pages) if letters in text]
        at = [n + 1 for n, text in enumerate(pages) if listed in text]
        more = words["continued"].format(what=listed)
        if config.get("edition") == "large-print":
            assert pages[grid[0] - 1].startswith(title), f"{mode}: the word search does not open its page"
            assert "Set 2: terms 7–12" in pages[grid[0] - 2] and title not in pages[grid[0] - 2], mode
            if config.get("paper") != "a4":  # (letter: the whole list on the next page, said under the grid)
                assert at == [grid[0] + 1] and pages[at[0] - 1].startswith(listed), f"{mode}: list on page {at}"
                assert words["words_go_on"] in pages[grid[0] - 1].split(letters)[1], f"{mode}: nothing under the grid"
                continue
            assert at == [grid[0], grid[0] + 1] and pages[at[1] - 1].startswith(more), f"{mode}: list on pages {at}"
            under = pages[grid[0] - 1].split(letters)[1].split(listed)[1].split()  # (under the grid, on its page)
            rest = pages[at[1] - 1].split(more)[1].split(words["crossword_title"])[0].split()
            assert len(under) >= 4 and "EVAPORATION" in under + rest and not set(under) & set(rest), mode
            continue
        assert len(titled) == len(grid) == len(at) == 1
        assert titled == grid and letters in pages[grid[0] - 1].split(title)[1], f"{mode}: the grid is not under its title"
        assert at == grid, f"{mode}: words to find on page {at}, the grid on page {grid}"
        assert letters in pages[at[0] - 1].split(listed)[0], f"{mode}: the words to find are not under the grid"
        assert "EVAPORATION" in pages[at[0] - 1].split(listed)[1]


@pytest.mark.parametrize("config", [dict(theme="classic", paper="letter"), dict()], ids=["classic-letter", "ink-saver-a4"])
def test_fold_cards_share_their_pages_evenly(config):
    """31 fold cards once printed 5 + 6 + 6 + 6 + 6 + 1: a last page of one card, 90 % blank. On pages
    that are theirs (and when nothing follows them there) the cards are shared evenly by count: with
    cards of one height, as this guide's are, no page holds more than one card more than another (the
    first may hold fewer, sharing its page with what came before). Here the word search follows them (the
    double-sided cards listed next print after the other activities) and would not fit beside a last
    card, so the cards are shared all the same."""
    guide, _, docs = built(CASES / "layout" / "frankenstein.yaml", **config)
    fold = labels.for_language(guide.language, guide.labels)["fold"]
    for mode, doc in docs.items():
        counts = [len(re.findall(rf"\b{fold}\b", text)) for text in page_texts(doc.pdf)]
        cards = [c for c in counts if c]
        assert sum(cards) == len(guide.vocabulary), counts
        assert max(cards[1:]) - min(cards[1:]) <= 1 and cards[0] <= max(cards), f"{mode}: cards a page {cards}"


def text_lines(pdf: bytes, numbers) -> dict[int, list[str]]:
    """The lines of text of pages ``numbers`` (1-based) as drawn, top to bottom: characters whose boxes
    (the font's, so one bottom a line) sit within 4.5 pt of each other, left to right (a key's answer on a
    blank is raised off the rule: 3 pt in large print)."""
    doc = pdfium.PdfDocument(pdf)
    pages = {}
    for number in set(numbers):
        text = doc[number - 1].get_textpage()
        chars = sorted(((text.get_charbox(i, loose=True), text.get_text_range(i, 1))
                        for i in range(text.count_chars())
                        if text.get_text_range(i, 1) not in "\r\n"), key=lambda c: -c[0][1])
        rows: list[list] = []
        for box, ch in chars:
            if not rows or rows[-1][0] - box[1] > 4.5:
                rows.append([box[1], []])
            rows[-1][1].append((box[0], box[2], ch))
        lines = []
        for _, row in rows:
            words, right = "", None
            for left, end, ch in sorted(row):
                words += (" " if right is not None and left - right > 2 else "") + ch  # (a gap between runs)
                right = end
            lines.append(" ".join(words.split()))
        pages[number] = lines
    return pages


@pytest.mark.parametrize("path, config", [
    pytest.param(CASES / "layout" / "frankenstein.yaml", dict(theme="modern"), id="frankenstein-modern-a4"),
    *[pytest.param(p, c.values[0], id=f"{p.stem[:12]}-{c.id}") for p in GUIDES for c in CONFIGS
      if c.id in ("classic", "compact", "a4", "large-print-a4")]])
def test_the_keys_blanks_hold_their_answers_where_the_handouts_lines_break(path, config):
    """A fill-in-the-blank prompt breaks its first line at the same word in the key as in the handout, and
    its second line opens with the same word, so each blank sits where the student has it. The key's
    answers once took a little more room than the handout's blanks (and the key set the points
    elsewhere), and a word moved between lines."""
    guide, _, docs = built(path, **config)
    asked = [n for n, q in enumerate(guide.questions, 1) if q.kind == "fill_in_blank"]
    where = {n: docs["student"].question_pages[n - 1] for n in asked}  # (the same page in the key: another test)
    handout, key = (text_lines(docs[mode].pdf, where.values()) for mode in ("student", "key"))
    checked = 0
    for n, page in where.items():
        q = guide.questions[n - 1]
        at = next(i for i, line in enumerate(handout[page]) if line.startswith(f"{n}. "))
        mine = next(i for i, line in enumerate(key[page]) if line.startswith(f"{n}. "))
        first, second = key[page][mine], key[page][mine + 1]
        for blank in sorted(q.blanks, key=lambda b: -len(b.answer)):  # the key's answers, the handout's blanks
            first, second = (line.replace(inline.plain(blank.answer), "", 1) for line in (first, second))
        assert " ".join(first.split()) == handout[page][at], f"question {n}, page {page}"
        assert second.split()[:1] == handout[page][at + 1].split()[:1], f"question {n}: the second line"
        checked += 1
    assert checked


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", [p for p in GUIDE_PARAMS if "cloze" in api.load(p.values[0]).activities])
def test_the_word_bank_never_ends_a_page_without_its_sentences(path, config):
    """The cloze's title and bank print with at least three of its sentences under them (the bundled
    China guide's bank once ended page 8 in the ink-saver theme with none, all sixteen sentences on
    the next page)."""
    guide, _, docs = built(path, **config)
    words = labels.for_language(guide.language, guide.labels)
    for mode, doc in docs.items():
        pages = list(page_texts(doc.pdf))
        page = next(text for text in pages if words["cloze_title"] in text)
        under = re.findall(r"(?m)^\s*(\d+)\.", page.split(words["cloze_title"])[1])
        assert len(under) >= 3, f"{mode}: {len(under)} sentences under the word bank"


@pytest.mark.parametrize("config", [dict(paper="half-letter", edition="large-print"), dict(edition="large-print")],
                         ids=["large-print-half-letter", "large-print"])
def test_a_word_bank_taller_than_the_room_left_splits_instead_of_stopping_the_build(config):
    """The bank kept with its first three sentences is one block; a bank taller than the room left on
    its page made reportlab's layout fail ("a part of the guide does not fit on a page"). It now breaks
    where the page ends, as a bank did before it was kept with its sentences."""
    guide, _, docs = built(CASES / "layout" / "cloze-twenty-terms.yaml", **config)
    for mode, doc in docs.items():
        text = norm(" ".join(page_texts(doc.pdf)))
        assert all(f"{n}." in text for n in range(1, len(guide.vocabulary) + 1)), mode


@pytest.mark.parametrize("theme", ["ink-saver", "compact"])
def test_the_budget_puts_the_word_search_on_the_page_its_title_prints_on(theme):
    """In the ink-saver theme the water guide's word search does not fit under its matching set and
    opens the next page; its page mark stayed behind, and `check` said it began a page early."""
    from studyguide import budget

    _, _, plan = budget.review(WATER, theme=theme)
    part = next(p for p in plan.parts if p.name == "word_search")
    guide, _, docs = built(WATER, theme=theme)
    title = labels.for_language(guide.language, guide.labels)["word_search_title"]
    pages = list(page_texts(docs["student"].pdf))
    assert part.first == next(n for n, text in enumerate(pages, 1) if title in text)


def test_fold_cards_followed_by_another_activity_fill_their_pages(tmp_path):
    """When another activity follows the cards, they fill each page (a share evenly spread would push
    what follows onto a page of its own: a review measured a page more in 16 of 152 builds)."""
    from conftest import write_guide

    text = (CASES / "layout" / "frankenstein.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^activities:.*?(?=^\S|\Z)", "activities:\n  - flashcards\n  - crossword\n", text)
    guide = api.load(write_guide(tmp_path, "cards-then-crossword.yaml", text))
    assert guide.activities == ("flashcards", "crossword")
    th = api.theme_for(guide, "classic", None)
    docs = render.render(guide, paper="letter", theme=th)
    fold = labels.for_language(guide.language, guide.labels)["fold"]
    for mode, doc in docs.items():
        counts = [len(re.findall(rf"\b{fold}\b", text)) for text in page_texts(doc.pdf)]
        cards = [c for c in counts if c]
        assert cards[1:-1] and all(c == max(cards) for c in cards[1:-1]) and cards[-1] < max(cards), cards


def test_a_large_print_matching_set_that_ends_its_page_opens_no_blank_page():
    """The volcano quick check in large print (letter): its matching set ends 5 pt above page 5's foot.
    The 12 pt gap after it went over alone, and the handout's end mark after it, with no room left, took
    another page: page 6 held only the footer, in the handout and the key."""
    guide, theme, docs = built(CASES / "layout" / "quick-volcano.yaml", edition="large-print", paper="letter")
    for mode, doc in docs.items():
        fill = page_fill(doc.pdf, theme)
        pages = [norm(t) for t in page_texts(doc.pdf)]
        assert len(pages) == 5 and not blank_pages(doc.pdf, fill, guide), f"{mode}: {len(pages)} pages"
        assert "Vocabulary Matching" in pages[4] and "Melted rock under the ground." in pages[4]


def _label_clearance(pdf: bytes, label: str, centre: float) -> list[float]:
    """For each fold label drawn on the fold line (``centre``, points from the page's left): how far
    the nearest other character's box is from the label's (negative: they overlap), in points."""
    doc = pdfium.PdfDocument(pdf)
    gaps = []
    for i in range(len(doc)):
        text = doc[i].get_textpage()
        boxes = [text.get_charbox(k) for k in range(text.count_chars())]
        chars = text.get_text_range(0, text.count_chars())
        for found in re.finditer(re.escape(label), chars):
            own = range(found.start(), found.end())
            x0, y0 = min(boxes[k][0] for k in own), min(boxes[k][1] for k in own)
            x1, y1 = max(boxes[k][2] for k in own), max(boxes[k][3] for k in own)
            if not x0 - 20 < centre < x1 + 20:
                continue  # (the word in the instructions)
            gaps.append(min(max(b[0] - x1, x0 - b[2], b[1] - y1, y0 - b[3])
                            for k, b in enumerate(boxes) if k not in own and chars[k].strip()))
    return gaps


@pytest.mark.parametrize("edition", ["large-print", None])
def test_the_fold_label_keeps_clear_of_the_cards_text(edition, tmp_path):
    """Large print, modern theme, A4: the "fold" label, centred across the fold line, reached 7 pt into
    the definition's side, and a definition set from the left edge of its half printed against it
    ("foldCapital of the Abbasid caliphate"). A label in another language is longer still."""
    from conftest import write_guide

    path = write_guide(tmp_path, "cards.yaml", """
        title: Cards
        questions:
          - type: short_answer
            prompt: Name a city.
            answer: Baghdad
        vocabulary:
          - term: Baghdad
            definition: Capital of the Abbasid caliphate, a great centre of trade and learning in its time and long after.
          - term: silk road
            definition: The network of land routes linking China with Central Asia, Persia and the Mediterranean.
        activities: [flashcards]
        labels:
          fold: doblar por aquí
        """)
    guide = api.load(path)
    theme = api.theme_for(guide, "modern", edition)
    docs = render.render(guide, paper="a4", theme=theme)
    centre = theme.page_size("a4")[0] / 2
    for mode, doc in docs.items():
        gaps = _label_clearance(doc.pdf, "doblar por aquí", centre)
        assert len(gaps) == 2 and min(gaps) >= 2, f"{mode}: {gaps}"


def test_no_table_heading_breaks_inside_a_word(tmp_path):
    """Large print set the coverage table's columns at 55, 33 and 12 % of the line: "Points" in bold
    at 16 pt is wider than 12 %, and printed as "Poin" over "ts", in the handout and the key. Each
    column now holds its heading's longest word, the room taken from the others; so do the other
    headed tables (here a perspectives chart with its "who" column, 22 %, headed by a long German word)."""
    from conftest import write_guide

    path = write_guide(tmp_path, "cells.yaml", """
        title: Cells
        objectives:
          - State the three parts of the cell theory.
          - Tell prokaryotic and eukaryotic cells apart.
        perspectives:
          - who: A biologist
            view: Cells are the unit of life.
        labels:
          who: Interessengruppen
        questions:
          - type: short_answer
            prompt: Name one part of the cell theory.
            answer: All living things are made of cells.
            objective: 1
            points: 2
          - type: true_false
            prompt: Bacteria have a nucleus.
            answer: false
            objective: 2
        """)
    from studyguide import formats

    guide = api.load(path)
    for edition in ("large-print", None):
        theme = api.theme_for(guide, None, edition)
        for fmt, heads in (("handout", "Objective Questions Points"), ("organizers", "Interessengruppen View Evidence")):
            if fmt == "organizers" and edition:
                continue  # (large print stacks the perspectives: who over the view)
            docs = render.render(formats.prepare(guide, fmt), paper="letter", theme=theme)
            for mode, doc in docs.items():
                lines = [line for page in text_lines(doc.pdf, range(1, doc.pages + 1)).values() for line in page]
                assert heads in lines, f"{edition} {fmt} {mode}: {lines}"


def test_a_large_print_word_search_taller_than_a_page_starts_where_the_last_section_ended(tmp_path):
    """Twenty cell-biology terms in large print (letter): a 17 x 17 grid of 16 pt letters and seven rows
    of words to find do not fit one page, nor do the title and instructions with the grid and the list.
    The title, instructions and words to find start under the last question, and the grid opens the
    next page: 4 pages. The block used to open a fresh page with the grid, and the list went alone onto
    a fifth."""
    from conftest import write_guide

    terms = ["photosynthesis", "chlorophyll", "respiration", "mitochondria", "cytoplasm", "membrane", "nucleus",
             "ribosome", "vacuole", "chloroplast", "organelle", "prokaryote", "eukaryote", "cellulose", "diffusion",
             "osmosis", "enzyme", "protein", "glucose", "oxygen"]
    vocabulary = "".join(f"\n  - term: {t}\n    definition: A word about cells called {t}." for t in terms)
    path = write_guide(tmp_path, "big.yaml", "title: Big search\nquestions:\n  - type: short_answer\n"
                       "    prompt: Name a part of a cell.\n    answer: nucleus\n  - type: essay\n"
                       "    prompt: Explain how a plant makes food.\nactivities: [word_search]\nvocabulary:" + vocabulary + "\n")
    guide = api.load(path)
    words = labels.for_language(guide.language, guide.labels)
    docs = render.render(guide, paper="letter", theme=api.theme_for(guide, None, "large-print"))
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        assert len(pages) == 4, f"{mode}: {len(pages)} pages"
        assert words["word_search_title"] in pages[2] and words["words_to_find"] in pages[2], mode
        grid = pages[3].split(" Big search")[0].split()
        assert len(grid) == 17 * 17 and all(len(ch) == 1 and ch.isupper() for ch in grid), f"{mode}: {pages[3][:80]}"


def test_a_large_print_word_search_splits_its_list_only_where_the_rest_fits_under_the_grid(tmp_path):
    """Thirty terms after an essay of 10 lines (the second review): two rows of words fitted under the essay,
    but the other eight did not fit under the grid at its smallest cell (747 pt against a 677 pt page), so
    the grid stood alone on page 4 and the rest of the list went to page 5. The list is split only where
    its rest fits under the grid; here the word search opens the next page, grid under its title, and its
    list follows whole on the page after."""
    from conftest import write_guide

    terms = [f"{a}{b}" for a in ("cell", "leaf", "root", "stem", "seed", "bark") for b in ("wall", "tip", "hair",
                                                                                          "cap", "coat")]
    vocabulary = "".join(f"\n  - term: {t}\n    definition: A word about plants called {t}." for t in terms)
    path = write_guide(tmp_path, "big.yaml", "title: Big search\nquestions:\n  - type: short_answer\n"
                       "    prompt: Name a part.\n    answer: nucleus\n  - type: essay\n"
                       "    prompt: Explain how a plant makes food.\n    lines: 10\n"
                       "activities: [word_search]\nvocabulary:" + vocabulary + "\n")
    guide = api.load(path)
    words = labels.for_language(guide.language, guide.labels)
    rest = words["continued"].format(what=words["words_to_find"])
    docs = render.render(guide, paper="letter", theme=api.theme_for(guide, None, "large-print"))
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        title = next(n for n, p in enumerate(pages) if words["word_search_title"] in p)
        listed = [n for n, p in enumerate(pages) if words["words_to_find"] in p]
        assert rest not in " ".join(pages), f"{mode}: the list split"
        assert listed == [title + 1], f"{mode}: title on page {title + 1}, list on {[n + 1 for n in listed]}"


@pytest.mark.parametrize("lines, count, list_page, here", [(14, 4, 3, 12), (6, 3, 2, 6)])
def test_a_large_print_word_search_never_ends_a_page_with_its_title_alone(tmp_path, lines, count, list_page, here):
    """Twelve terms in large print (letter) after an essay of 14 or 6 lines: the grid and the words to
    find fit a page together, but not under the title and instructions. The title and instructions
    used to end the essay's page alone, the grid and the words opening the next one (14 lines: 60 % of
    page 3 empty). With 14 lines the title, instructions and words to find start under the essay (its
    last lines go on over the page above them) and the grid opens the next page: grid first there would
    cost a page (mending.words_first). With 6 lines two rows of the words to find follow the title and
    instructions under the essay, and the rest follow the grid on the next page, "Words to find (continued)"
    (for a day the title and instructions ended the essay's page alone there, the grid and every word on the
    next: a title and its instructions never end a page alone, the r14 trial)."""
    from conftest import write_guide

    terms = ["photosynthesis", "chlorophyll", "respiration", "mitochondria", "cytoplasm", "membrane", "nucleus",
             "ribosome", "vacuole", "chloroplast", "organelle", "prokaryote"]
    vocabulary = "".join(f"\n  - term: {t}\n    definition: A word about cells called {t}." for t in terms)
    path = write_guide(tmp_path, "big.yaml", "title: Big search\nquestions:\n  - type: short_answer\n"
                       "    prompt: Name a part of a cell.\n    answer: nucleus\n  - type: essay\n"
                       f"    prompt: Explain how a plant makes food.\n    lines: {lines}\n"
                       "activities: [word_search]\nvocabulary:" + vocabulary + "\n")
    guide = api.load(path)
    words = labels.for_language(guide.language, guide.labels)
    found = sorted(t.upper() for t in terms)
    docs = render.render(guide, paper="letter", theme=api.theme_for(guide, None, "large-print"))
    for mode, doc in docs.items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        assert len(pages) == count, f"{mode}: {len(pages)} pages"
        if here == 0:  # (the grid first, every word under it, the title and instructions on the page before)
            title_page, grid_page = pages[list_page - 2], pages[list_page - 1]
            assert words["word_search_title"] in title_page and words["words_to_find"] not in title_page, mode
            grid, listed = grid_page.split(" " + words["words_to_find"] + " ")
            assert len(grid.split()) == 17 * 17 and all(len(ch) == 1 for ch in grid.split()), f"{mode}: {grid[:80]}"
            assert sorted(listed.split(" Big search")[0].split()) == found, f"{mode}: {listed}"
            continue
        page, grid_page = pages[list_page - 1], pages[list_page]
        assert words["word_search_title"] in page and words["words_to_find"] in page, f"{mode}: {page}"
        listed = page.split(words["words_to_find"] + " ")[1].split(" Big search")[0]  # (read across its rows)
        assert listed.split() == [w for r in range(here // 3) for w in found[r:here:here // 3]], f"{mode}: {listed}"
        grid = grid_page.split(" " + words["words_to_find"])[0].split(" Big search")[0].split()
        assert len(grid) == 17 * 17 and all(len(ch) == 1 and ch.isupper() for ch in grid), f"{mode}: {grid_page[:80]}"
        rest = words["continued"].format(what=words["words_to_find"])
        assert (rest in grid_page) == (here < 12), f"{mode}: {grid_page}"
        if here < 12:
            assert grid_page.split(rest + " ")[1].split(" Big search")[0].split() == [
                w for n in range(2) for w in found[here + n::2]], f"{mode}: {grid_page}"


def _clear_over_mark(pdf: bytes, page: int, scale: float = 4) -> float:
    """Points of paper left clear over "The lines go on over the page." on ``page`` (1-based), under the answer
    line above it and what reaches below that line (the key's model answer: its g, p and y), read from the
    pixels over the mark's words."""
    doc = pdfium.PdfDocument(pdf)
    sheet = doc[page - 1]
    found = sheet.get_textpage()
    at = found.get_text_range().index("The lines go on")
    left, _, right, _ = found.get_charbox(at)
    _, bottom, _, top = found.get_charbox(at + 1)  # ('h': as tall as a letter gets)
    image = sheet.render(scale=scale, grayscale=True).to_pil().convert("L")
    height, px = sheet.get_height(), image.load()
    xs = range(int(left * scale), int(right * scale) + 1)
    y = int((height - bottom) * scale)
    while not all(px[x, y] < 160 for x in xs):  # up from the mark's foot to the rule over it
        y -= 1
    clear = run = 0
    for row in range(y + 1, int((height - top) * scale) + 3):  # down to the mark's tallest letters
        run = 0 if any(px[x, row] < 160 for x in xs) else run + 1
        clear = max(clear, run)
    return clear / scale


@pytest.mark.parametrize("guide, config, page, least", [
    pytest.param(FROZEN, dict(edition="large-print"), 16, 4.5 + 2, id="large-print"),
    pytest.param("acids.yaml", dict(), 2, 3 + 1.5, id="acids"),
])
def test_the_lines_go_on_mark_keeps_a_small_notes_gap_under_the_last_line(guide, config, page, least):
    """The mark under the last line before a break stood tight under it: its capitals all but touched the key's
    model answer written on that line (the frozen guide's large print, page 16: 3.5 pt clear; the acids guide,
    2.25 pt). It keeps the gap the theme sets over a small note (3 pt; 4.5 in large print), and the page keeps
    its lines: where the room left under them is less, the mark is drawn that much lower."""
    _, _, docs = built(CASES / "layout" / guide if isinstance(guide, str) else guide, **config)
    for mode, doc in docs.items():
        assert _clear_over_mark(doc.pdf, page) >= least, mode


def test_a_question_too_long_for_its_page_keeps_its_key_notes_page(tmp_path):
    """Large print on letter: the frozen guide's essay (question 17) starts on page 16 and its lines go on to
    page 17. Given a note too long for its lines, the note goes to the key's last pages, under the question's
    number and page; it said "17. (page 17)", the page the lines' rest opens, as lines sent over to fill a page
    did before e664fe5. It names page 16, in a key whose every note names its question's first page."""
    text = FROZEN.read_text(encoding="utf-8")
    essay = "    points: 10\n    answer: Look for a clear recommendation"
    assert text.count(essay) == 1
    why = ("    explanation: Reward a recommendation that names its conditions, says who would check that they are "
           "met, explains what the country would do if the training taught methods its own laws forbid, and "
           "weighs the diplomatic cost of saying no against the cost of saying yes. A strong answer also says how "
           "the officers who return would share what they learned, and how the public would be told about the "
           "programme and its results over the years that follow.\n")
    path = tmp_path / FROZEN.name
    path.write_text(text.replace(essay, "    points: 10\n" + why + essay[len("    points: 10\n"):]), encoding="utf-8")
    guide = api.load(path)
    docs = render.render(guide, theme=api.theme_for(guide, None, "large-print"))
    student, key = docs["student"], docs["key"]
    texts = [norm(t) for t in page_texts(key.pdf)]
    assert key.question_pages[16] == 16 and texts[16].startswith("Question 17 (continued)")
    notes = " ".join(texts[student.pages - 1:])
    notes = notes[notes.index("Notes on the Answers"):]
    entries = re.findall(r"(\d+)\. \(page (\d+)\) ", notes)
    assert ("17", "16") in entries and len(entries) >= 15
    assert all(int(page) == key.question_pages[int(n) - 1] for n, page in entries)
