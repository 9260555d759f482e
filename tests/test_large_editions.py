"""Large and readable editions do not waste sheets: duplex flashcards keep the rows a page holds at the
edition's type sizes, and a short matching set shares its page."""
from __future__ import annotations

import dataclasses
import importlib
import io
import re

import pypdf

from conftest import GUIDES_DIR
from studyguide import api, render
from studyguide.theming import styles

CHINA = GUIDES_DIR / "china-foreign-police-training.yaml"


def sized_runs(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Each page's text runs with the size they are printed at (the font size as the page scales it)."""
    out = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[str, float]] = []

        def visit(text, cm, tm, font_dict, font_size, runs=runs):
            if text.strip():
                runs.append((text.strip(), round(font_size * tm[3] * cm[3], 1)))

        page.extract_text(visitor_text=visit)
        out.append(runs)
    return out


def test_large_print_duplex_cards_keep_their_second_row_at_full_size():
    """The longest card's text left a hair too little room for two rows at 12 pt padding: one row of two
    cards a sheet (7 sheets for 13 terms). Padding narrowed to 6 pt above and below keeps two rows, at
    large print's sizes."""
    guide = dataclasses.replace(api.load(CHINA), activities=("flashcards_duplex",))
    theme = api.theme_for(guide, None, "large-print")
    style = styles.make_styles(theme)
    out = render.render(guide, theme=theme)["student"]
    pages = sized_runs(out.pdf)
    fronts = [n for n, runs in enumerate(pages) if any(": fronts" in t for t, _ in runs)]
    terms = [t.term for t in guide.vocabulary]
    assert len(fronts) == -(-len(terms) // 4)  # 4 cards a sheet
    for n in fronts:
        text = " ".join(t for t, _ in pages[n])
        on_page = [t for t in terms if t in text]
        assert len(on_page) == min(4, len(terms) - 4 * fronts.index(n)), on_page
        back = pages[n + 1]
        assert any(": backs" in t for t, _ in back)
        sizes = {size for text, size in back if not re.search(r"backs|sheet \d+ of|Page \d+ of|each meaning", text)}
        # the meanings and examples at their styles' sizes (18 and 16.3 pt): none shrunk to fit its card
        assert sizes == {style["body"].fontSize, style["cell_example"].fontSize}, sizes


# (the first statement long enough that the set misses the room under the last question by 4 pt: the
# questions' gaps no longer count twice, and may give a little, so with short ones the set had room to spare)
LONG = ", and it is written out at far greater length than any of the other four statements in this short check on ratios."
SHORT_SET = """\
title: Ratios check
summary: Ratios.
vocabulary:
  - term: ratio
    definition: A comparison of two amounts by division.
  - term: rate
    definition: A ratio of two amounts measured in different units.
  - term: proportion
    definition: A statement that two ratios are equal.
activities: [matching]
questions:
""" + "".join(f"""\
  - type: true_false
    prompt: Statement number {i} about ratios is true{LONG if i == 1 else "."}
    answer: true
""" for i in range(1, 6)) + """\
  - type: multiple_choice
    prompt: Which is a rate?
    choices: [3 apples to 4 pears, 60 miles per hour]
    answer: B
"""


def test_large_print_short_matching_set_shares_the_last_questions_page(tmp_path, monkeypatch):
    """A 3-term set 4 pt taller than the room under the last question took a page of its own (the
    last question's page half empty, the set's page half empty). Its title gives up that much of its
    space above (up to half), and the set stays whole under the questions, in handout and key."""
    matching = importlib.import_module("studyguide.layout.activities.matching")  # (the package's name is its function)
    path = tmp_path / "ratios.yaml"
    path.write_text(SHORT_SET, encoding="utf-8")
    guide = api.load(path)
    theme = api.theme_for(guide, None, "large-print")

    def pages(doc):
        return [" ".join(t for t, _ in runs) for runs in sized_runs(doc.pdf)]

    out = render.render(guide, theme=theme)
    for doc in (out["student"], out["key"]):
        text = pages(doc)
        assert len(text) == 2, text
        last = text[-1]
        assert "Which is a rate?" in last and "Vocabulary Matching" in last
        for term in guide.vocabulary:  # (the set's definitions; a term is held back as the spare)
            assert term.definition in " ".join(last.split()), term.term
        assert all(size >= 16.0 for _, size in sized_runs(doc.pdf)[-1])
    monkeypatch.setattr(matching, "TITLE_GIVE", 0.0)
    assert render.render(guide, theme=theme)["student"].pages == 3  # (the page the set took before)


def test_the_answer_grid_is_the_teachers_and_says_so(tmp_path):
    """The answer grid of versions is the teacher's marking sheet: a large-print build's grid is the standard one
    (its 9.5 and 11.5 pt rows are not the students'), and the README says so where it promises 16 pt."""
    from conftest import REPO, write_guide
    from studyguide.classroom import SetOptions, build_set

    path = write_guide(tmp_path / "g", "v.yaml", "title: T\nversions: 2\nquestions:\n" + "".join(
        f"  - type: multiple_choice\n    prompt: Question {i}?\n    choices: [a, b, c]\n    answer: B\n"
        for i in range(1, 9)))
    grids = {}
    for edition in (None, "large-print"):
        result = build_set(path, tmp_path / str(edition), None, SetOptions(edition=edition))
        (grid,) = [o.path for o in result.outputs if o.path.name.endswith("-A-grid.pdf")]
        grids[edition] = sized_runs(grid.read_bytes())
    assert grids["large-print"] == grids[None] and min(size for _, size in grids[None][0]) < 16
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "The grid is the teacher's marking sheet, never handed out: it keeps the standard type in every edition" \
        in readme
    assert "nothing under 16 pt, on the handout and its key; the answer grid of versions is the teacher's" in readme
