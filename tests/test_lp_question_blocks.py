"""Large print's choice, select-all and ordering questions (issue 14, rescan r14 findings 1, 6 and 8): a
question's prompt stays on the page with its first choices or boxes."""
from __future__ import annotations

import re

import pytest

import conftest
from conftest import CASES, page_texts
from studyguide import api, render
from studyguide.model import LETTERS

N13 = CASES / "layout" / "n13-long-order-select.yaml"  # (the rescan's guide: 9 long items to order, 8 long choices)


def _pages(path, theme_name: str, paper: str, edition="large-print"):
    guide = api.load(path)
    theme = api.theme_for(guide, theme_name, edition=edition)
    built = render.render(guide, ("student", "key"), paper=paper, theme=theme)
    return guide, [[" ".join(text.split()) for text in page_texts(built[mode].pdf)] for mode in ("student", "key")]


def _items(q) -> list[str]:
    return [" ".join(text.split()) for text in (q.items if q.kind == "ordering" else q.choices)]


@pytest.mark.parametrize("theme_name, paper", [("classic", "letter"), ("modern", "a4"), ("ink-saver", "letter")])
def test_a_prompt_too_tall_to_keep_with_all_its_items_keeps_its_first_ones_on_its_page(theme_name, paper):
    """An ordering or select-all question taller than a large-print page went to a page of its own and came
    apart there after its prompt: "1. Put these in order." alone on page 6 (87 % empty), its nine boxes on
    page 7; q2's prompt alone on page 8, its choices A-H on page 9 (10 pages). Now the prompt shares its page
    with its first two items at least, and the items left go on at the next page's top under "Question 1
    (continued)", in handout and key."""
    guide, (handout, key) = _pages(N13, theme_name, paper)
    for n, q in enumerate(guide.questions[:2], 1):
        items = _items(q)
        for texts in (handout, key):
            page = next(p for p, text in enumerate(texts) if f"{n}. {' '.join(q.prompt.split()[:4])}" in text)
            here = [item for item in items if item in texts[page]]
            after = [item for item in items if page + 1 < len(texts) and item in texts[page + 1]]
            after.sort(key=lambda item: texts[page + 1].index(item))  # (as printed: an ordering's are shuffled)
            assert len(here) >= 2 and len(here) + len(after) == len(items), (n, page + 1, len(here), len(after))
            if after:  # (the rest opens the next page under a line naming the question; a select-all's letters
                # go on, A. B. here, C. there; the key's number in each box)
                assert texts[page + 1].startswith(f"Question {n} (continued) "), texts[page + 1][:60]
                rest = texts[page + 1].removeprefix(f"Question {n} (continued) ")
                rest = re.sub(r"^\d+ ", "", rest) if q.kind == "ordering" else rest
                assert rest.startswith(after[0] if q.kind == "ordering" else f"{LETTERS[len(here)]}. {after[0]}"), \
                    texts[page + 1][:60]
    assert len(handout) == len(key) <= 8, len(handout)


V11 = CASES / "layout" / "v11-mc-long-choices.yaml"  # (r13's guide: 8 questions, four or five 2-4 line choices)


@pytest.mark.parametrize("theme_name", ["classic", "modern"])
def test_long_choice_questions_share_pages_rather_than_take_one_each(theme_name):
    """Eight questions with long choices, each 42-68 % of a large-print letter page: no two fitted a page whole,
    so each took one, 33-55 % of it empty, and the Questions heading waited on page 5 (64 % empty) for q1: 12
    pages. A question that tall now splits where it lands, when going on whole would leave the page 30 % empty
    or more: the prompt with two choices at least, the rest (two at least) under "Question N (continued)" at
    the next page's top. 10 pages, none but the last more than 30 % empty."""
    guide = api.load(V11)
    theme = api.theme_for(guide, theme_name, edition="large-print")
    built = render.render(guide, ("student", "key"), paper="letter", theme=theme)
    student = built["student"]
    assert student.pages <= 10 and built["key"].pages == student.pages + 1, (student.pages, built["key"].pages)
    empty = {page: round(1 - fill, 2) for page, fill in student.page_fill.items() if page < student.pages}
    assert all(e <= 0.3 for e in empty.values()), empty
    handout, key = ([" ".join(text.split()) for text in page_texts(built[mode].pdf)] for mode in ("student", "key"))
    split = 0
    for n, q in enumerate(guide.questions, 1):
        items = _items(q)
        for texts in (handout, key):
            page = student.question_pages[n - 1] - 1
            assert f"{n}. {' '.join(q.prompt.split()[:4])}" in texts[page]
            here = [item for item in items if item in texts[page]]
            if len(here) < len(items):  # (the rest at the next page's top)
                assert len(here) >= 2 and texts[page + 1].startswith(
                    f"Question {n} (continued) {LETTERS[len(here)]}. {items[len(here)]}"), (n, texts[page + 1][:80])
                assert all(item in texts[page + 1] for item in items[len(here):])
                split += 1
    assert split >= 2 * 2, split  # (two questions at least, in handout and key)


def test_standard_type_keeps_a_question_that_fits_a_page_whole():
    """Only large print splits a question that fits a page (standard's questions are short, and a quiz on
    quarter sheets is cut into slips): n13 in standard classic letter, its ordering question 44 % of a page,
    keeps its prompt and all nine items on one page, with no "(continued)" anywhere."""
    guide, (handout, key) = _pages(N13, "classic", "letter", edition=None)
    for texts in (handout, key):
        assert not any("(continued)" in text for text in texts)
        for n, q in enumerate(guide.questions[:2], 1):
            page = next(text for text in texts if f"{n}. {' '.join(q.prompt.split()[:4])}" in text)
            assert all(item in page for item in _items(q)), n


def test_a_quiz_on_quarter_sheets_never_cuts_a_question_over_two_slips(tmp_path):
    """v11's question 1 is a hair taller than a quarter page under the Questions heading: it flows onto slip 2
    whole, as before, rather than A-B on slip 1 under the title and C-D on slip 2 under "(continued)"."""
    from hostile_support import cli_inprocess

    run = cli_inprocess(["build", V11, "--format", "quiz", "--sheet", "quarter", "-o", "out"], cwd=tmp_path, limit=60)
    assert run.code == 0, run.err
    pdf = next((tmp_path / "out").glob("*quarter.pdf")).read_bytes()
    texts = [" ".join(text.split()) for text in page_texts(pdf)]
    assert not any("(continued)" in text for text in texts)
    page = next(text for text in texts if "1. " + " ".join(api.load(V11).questions[0].prompt.split()[:4]) in text)
    assert all(choice in page for choice in _items(api.load(V11).questions[0]))


def test_an_ordering_question_that_fits_a_page_is_never_split_to_fill_one():
    """The bundled photosynthesis guide in large print: ordering question 11 (five steps) split 3 | 2 over pages
    15-16 to fill page 15, "Question 11 (continued)" over the last two, and the handout was 17 pages all the same.
    A student orders steps by reading them all: the five now print on one page with the prompt, handout and key,
    and the handout is still 17 pages."""
    # (the guide's own classic theme and letter paper: the pages test_print_design lays out, once in a run)
    guide, _, built = conftest.rendered(conftest.GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml",
                                        theme="classic", edition="large-print")
    handout, key = ([" ".join(text.split()) for text in page_texts(built[mode].pdf)] for mode in ("student", "key"))
    q = guide.questions[10]
    assert q.kind == "ordering"
    for texts in (handout, key):
        assert not any("Question 11 (continued)" in text for text in texts)
        page = next(text for text in texts if " ".join(q.prompt.split()[:6]) in text)  # ("11. (3 pts) Put these")
        assert all(item in page for item in _items(q)), [item for item in _items(q) if item not in page]
    assert len(handout) == 17, len(handout)


def test_long_ordering_items_that_fit_a_page_print_whole_even_where_a_split_would_save_one(tmp_path):
    """v11's eight questions with 2-4 line choices, asked as orderings of the same items: split to fill pages,
    as v11's multiple choice are, they take 12 pages, two cut under "Question N (continued)"; an ordering's
    items are read together, so each prints whole with its prompt (13 pages). The test above no longer sees
    the rule (its steps are short, and short rows are never cut: suite2 r15); this one fails without it."""
    text = V11.read_text(encoding="utf-8").replace("type: multiple_choice", "type: ordering")
    path = tmp_path / "v11-ordering.yaml"
    path.write_text(re.sub(r"(?m)^  answer: [A-E]\n", "", text.replace("  choices:", "  items:")), encoding="utf-8")
    guide, (handout, key) = _pages(path, "classic", "letter")
    assert {q.kind for q in guide.questions} == {"ordering"}
    for texts in (handout, key):
        assert not [n for n, text in enumerate(texts, 1) if re.search(r"Question \d+ \(continued\)", text)]
        for n, q in enumerate(guide.questions, 1):
            page = next(text for text in texts if f"{n}. {' '.join(q.prompt.split()[:4])}" in text)
            assert all(item in page for item in _items(q)), (n, [item for item in _items(q) if item not in page])


@pytest.mark.parametrize("theme_name", ["compact", "ink-saver"])
def test_a_choice_question_split_to_fill_a_page_is_kept_whole_where_that_saves_none(theme_name):
    """v11 in compact or ink-saver large print, letter: question 5 split to fill page 7, its first choices there and
    the rest on page 8 under "Question 5 (continued)", and the handout was 9 pages all the same. A student compares
    the choices: now it prints whole, nothing says "(continued)", and the handout is still 9 pages (the key 10); page 7 ends 39 % empty.
    Where splitting saves a page (classic and modern, 10 pages rather than 12) it is kept: the test above."""
    guide, (handout, key) = _pages(V11, theme_name, "letter")
    assert (len(handout), len(key)) == (9, 10)
    for texts in (handout, key):
        assert not any("(continued)" in text for text in texts)
        for n, q in enumerate(guide.questions, 1):
            page = next(text for text in texts if f"{n}. {' '.join(q.prompt.split()[:4])}" in text)
            assert all(item in page for item in _items(q)), n


def test_the_continued_line_of_a_question_read_from_the_right_stands_at_the_right_margin():
    """A Hebrew question taller than a large-print page goes on at page 2 under "Question 1 (continued)" (the
    guide's labels are English). That line stood at the left margin, under a question whose number, prompt and
    letters stand at the right: now it ends at the right margin, where the question's number "1." ends."""
    import pypdfium2 as pdfium

    path = CASES / "rtl" / "hebrew-long-choices.yaml"
    guide = api.load(path)
    built = render.render(guide, ("student", "key"), paper="letter", theme=api.theme_for(guide, "classic",
                                                                                         edition="large-print"))
    for mode in ("student", "key"):
        doc = pdfium.PdfDocument(built[mode].pdf)
        width = doc[0].get_size()[0]
        spans = []
        for index, sought in ((0, "1."), (1, "Question 1 (continued)")):
            text = doc[index].get_textpage()
            found = text.search(sought)
            at = found.get_next()
            spans.append((text.get_charbox(at[0], loose=True)[0], text.get_charbox(at[0] + at[1] - 1, loose=True)[2]))
            found.close()
        (_, number_right), (left, right) = spans
        assert abs(right - number_right) < 2 and left > width / 2, (mode, left, right, number_right, width)
        doc.close()


def test_choices_going_on_over_two_pages_more_each_open_a_page_under_the_continued_line():
    """A select-all question three A5 large-print pages tall: split after its first rows, its rest (still taller
    than a page) flowed piece by piece, the "(continued)" line at the foot of the first page and its rows over
    the next, which reportlab could not place: "a part of the guide does not fit on a page (on page 2)", where
    the build before printed it. Now each rest opens a page under the line, and splits again there."""
    path = CASES / "layout" / "lp-select-three-pages.yaml"
    guide, pages = _pages(path, "classic", "a5")
    items = _items(guide.questions[0])
    for texts in pages:
        assert len(texts) == 4
        assert [[c for c in items if c in text] for text in texts[1:]] == [items[:2], items[2:6], items[6:]]
        assert [text.startswith("Question 1 (continued)") for text in texts[1:]] == [False, True, True]


V17 = CASES / "layout" / "v17-ordering-sel.yaml"  # (r13's guide: select-all questions of eight 2-5 word choices)


@pytest.mark.parametrize("theme_name, paper", [("compact", "letter"), ("ink-saver", "a4")])
def test_short_choices_are_never_cut_over_a_page_to_fill_one(theme_name, paper):
    """v17's question 2 (eight select-all choices of 2-5 words, one line each) is 40 % of a large-print page or
    more: it split to fill page 5, A-E there and F-H on page 6 under "Question 2 (continued)", saving the handout
    its 7th page. A low-vision student answering from one page saw five of the eight. Only long choices (half
    their rows two lines or more: v11's) split to fill a page now; these print whole with their prompt, in the
    handout and the key, and the handout takes its 7 pages."""
    guide, (handout, key) = _pages(V17, theme_name, paper)
    q = guide.questions[1]
    assert q.kind == "select_all" and len(q.choices) == 8
    for texts in (handout, key):
        assert not any("(continued)" in text for text in texts)
        page = next(text for text in texts if f"2. {' '.join(q.prompt.split()[:4])}" in text)
        assert [choice in page for choice in _items(q)] == [True] * 8, page
    page = next(text for text in handout if f"2. {' '.join(q.prompt.split()[:4])}" in text)
    assert [f"{LETTERS[i]}. {choice}" in page for i, choice in enumerate(_items(q))] == [True] * 8, page
    assert len(handout) == len(key) == 7, (len(handout), len(key))


def _gap_under_choices(pdf: bytes, page: int, heading: str) -> float:
    """Points between the last line of the choices that end on ``page`` and the top of ``heading`` under them."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    text = doc[page].get_textpage()
    printed = text.get_text_range()
    last = printed.index(heading) - 1
    while printed[last].isspace():
        last -= 1
    found = text.search(heading)
    at = found.get_next()[0]
    found.close()
    gap = text.get_charbox(last)[1] - text.get_charbox(at)[3]
    doc.close()
    return gap


def test_a_key_note_kept_by_a_split_question_leaves_no_hole_in_the_handout():
    """A long-choice question with a two-line "Why:" splits over pages 7-8 (large print, classic, A4), and the key
    kept the note under its rest (mending.notes_home: that saved the key a 13th page). The handout left its room
    blank there, 85 pt between choice E and "Vocabulary Matching" where the key had 34 under its note: the hole
    check looked at page 7, where the question starts. Now it looks where the rest is: the note goes to the key's
    last page, the gap under E is the key's, and the key takes its 13th page for the note."""
    path = CASES / "layout" / "v19-long-choices-why.yaml"
    guide = api.load(path)
    built = render.render(guide, ("student", "key"), paper="a4", theme=api.theme_for(guide, "classic",
                                                                                    edition="large-print"))
    texts = {mode: [" ".join(text.split()) for text in page_texts(built[mode].pdf)] for mode in ("student", "key")}
    rest = [p for p, text in enumerate(texts["student"]) if text.startswith("Question 1 (continued)")]
    assert rest == [7], rest  # (still split: its choices are long)
    gaps = [_gap_under_choices(built[mode].pdf, 7, "Vocabulary Matching") for mode in ("student", "key")]
    assert abs(gaps[0] - gaps[1]) < 2, gaps
    assert "Why:" not in texts["key"][7] and "Why:" in texts["key"][-1]
    assert (len(texts["student"]), len(texts["key"])) == (12, 13)
