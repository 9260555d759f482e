"""Lists and tables cut after an item or two (trial r7 L2): each test reads the text of each page of the
handout and the key, built in memory from the trial's own guides (tests/cases/layout)."""
from __future__ import annotations

import functools
import re


from conftest import CASES, norm, page_texts, write_guide
from test_print_design import page_fill
from studyguide import api, labels, render

LAYOUT = CASES / "layout"


@functools.lru_cache(maxsize=None)
def built(name, edition="large-print", paper="letter"):
    """(labels, {mode: [text of each page]}) of a trial guide."""
    guide = api.load(LAYOUT / name)
    docs = render.render(guide, paper=paper, theme=api.theme_for(guide, "classic", edition))
    return labels.for_language(guide.language, guide.labels), {
        mode: [norm(t) for t in page_texts(doc.pdf)] for mode, doc in docs.items()}


def test_a_list_kept_whole_leaves_no_page_short_before_it():
    """Biology, large print (classic, letter): objective 4 opened page 3 alone. Kept whole, the four
    objectives would open page 3 and leave page 2 more than 30 % empty (issue 14's fill rule), so the
    list breaks as it comes, two and two: no objective alone, page 2 full, the guide's 18 pages."""
    guide = api.load(LAYOUT / "cellular-respiration.yaml")
    theme = api.theme_for(guide, "classic", "large-print")
    words, docs = built("cellular-respiration.yaml")
    pdf = render.render(guide, paper="letter", theme=theme)["student"].pdf
    for mode, pages in docs.items():  # (the list's part of each page: from its heading to the next one's)
        listed = [text.split("Objectives 1. ")[1].split("Key Topics")[0] if "Objectives 1. " in text else
                  text.split("Key Topics")[0] if n and "Objectives 1. " in pages[n - 1] else "" for n, text in enumerate(pages)]
        where = [[n for n, text in enumerate(listed, 1) if norm(objective)[:30] in text] for objective in guide.objectives[1:]]
        assert where == [[2], [3], [3]], f"{mode}: objectives 2-4 on {where}"
        assert len(pages) == 18, mode
    assert page_fill(pdf, theme)[1][0] <= 0.30  # (page 2: its empty share at the bottom)


def test_the_coverage_table_goes_on_under_its_heading_row_again():
    """Spanish, large print: page 1 held the table's heading row and row 1 under the header, rows 2-5
    opened page 2 with no heading row over them. Moving the table whole would leave page 1 more than
    30 % empty, so it still breaks there, and page 2 opens with the heading row again."""
    words, docs = built("independencia-de-mexico.yaml")
    head = f"{words['objective_column']} {words['questions_column']} {words['points_column']}"
    for mode, pages in docs.items():
        assert [n for n, text in enumerate(pages, 1) if head in text] == [1, 2], mode
        assert pages[1].startswith(head), mode
        for k in range(2, 5):
            assert re.search(rf"(^| ){k}\. [A-Z]", pages[1]), (mode, k)
        assert len(pages) == 17, mode


def test_a_long_coverage_table_repeats_its_heading_row_and_keeps_three_rows_on_each_side(tmp_path):
    """Twelve objectives, large print: the table goes over a page. The page it goes on to opens with
    the heading row again (it did not), and neither page holds fewer than three of its rows."""
    objectives = "".join(f"\n  - Explain part {k} of the water cycle and how it links to the next part of the cycle."
                         for k in range(1, 13))
    questions = "".join(f"\n  - type: short_answer\n    prompt: What happens in part {k}?\n    answer: water"
                        f"\n    objective: {k}" for k in range(1, 13))
    path = write_guide(tmp_path, "long.yaml", f"title: Water\nobjectives:{objectives}\nquestions:{questions}\n")
    guide = api.load(path)
    words = labels.for_language(guide.language, guide.labels)
    head = f"{words['objective_column']} {words['questions_column']} {words['points_column']}"
    for mode, doc in render.render(guide, theme=api.theme_for(guide, None, "large-print")).items():
        pages = [norm(t) for t in page_texts(doc.pdf)]
        # (a row of the table: the objective, then its question's number and its points, none)
        holding = {n: [k for k in range(1, 13) if f"{k}. Explain part {k} of the water cycle and how it links to the "
                       f"next part of the cycle. {k} –" in text] for n, text in enumerate(pages, 1)}
        holding = {n: ks for n, ks in holding.items() if ks}
        assert len(holding) == 2 and sorted(k for ks in holding.values() for k in ks) == list(range(1, 13)), holding
        assert all(len(ks) >= 3 for ks in holding.values()), f"{mode}: {holding}"
        for n in holding:
            assert head in pages[n - 1], f"{mode}: page {n} has no heading row"


def test_a_table_a_kept_list_sends_over_a_page_is_kept_too():
    """Math, large print: keeping the coverage table whole moved the objectives and topics down, and the
    recipe chart's first table ("1 batch", four rows) then went over a page two and two. The layout is
    mended once more: its heading and all four rows print on one page, and the guide keeps its pages (16 then,
    15 since the gaps between questions may give half their size)."""
    words, docs = built("ratios-and-fractions.yaml")
    rows = ["Flour — 2 cups", "Sugar — ¾ cup", "Butter — 1 ½ sticks", "Eggs — 1"]
    for mode, pages in docs.items():
        where = [[n for n, text in enumerate(pages, 1) if f"{row} " in text] for row in rows]
        titled = [n for n, text in enumerate(pages, 1) if "Our recipe, scaled 1 batch (24 cookies)" in text]
        assert len(titled) == 1 and where == [titled] * 4, f"{mode}: chart title on {titled}, rows on {where}"
        assert len(pages) == 15, mode
