"""Two large-print pages issue 14's fill rule still found, as the CLI builds them: the federalism trial's questions
ended on a page 57 % empty, its matching's first set too tall for the room under them (mending.matching_landed);
the photosynthesis guide's last vocabulary entry opened page 11 alone, over the questions (mending.entries_paired)."""
from __future__ import annotations

import pytest
from conftest import CASES, GUIDES_DIR, norm, page_texts
from test_print_design import EMPTY_AT_MOST, page_fill

from studyguide import api, classroom

FEDERALISM = CASES / "trial" / "apgov-federalism.yaml"
PHOTO = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"


def _large(path, tmp_path, paper=None):
    """{"student": pdf, "key": pdf} of the large-print build, as `build --edition large-print` makes them."""
    result = classroom.build_set(path, tmp_path, paper, classroom.SetOptions(edition="large-print"), write=False)
    return {"key" if target.stem.endswith("-key") else "student": pdf for target, pdf in result.files}, result.guide


@pytest.fixture(scope="module")
def federalism(tmp_path_factory):
    return _large(FEDERALISM, tmp_path_factory.mktemp("federalism"))


def test_the_matching_opens_under_the_last_question_instead_of_leaving_its_page_half_empty(federalism):
    """Question 30's last eight lines ended page 22, 57 % of it empty, and 'Vocabulary Matching' opened page 23
    with a set of five terms, too tall for the room. Its first set now takes the two terms that room holds,
    the other 33 in five sets, one to a page: still 28 pages, and no page short but page 4 (a five-row table
    that does not split, moved whole with its lead-in) and the last."""
    docs, guide = federalism
    theme = api.theme_for(guide, None, "large-print")
    for mode, pdf in docs.items():
        texts = [norm(t) for t in page_texts(pdf)]
        assert len(texts) == 28, mode
        assert "Compare dual and cooperative federalism" in texts[20] and "Vocabulary Matching" in texts[21], mode
        assert "Set 1: terms 1–2" in texts[21] and "Set 2: terms 3–7" in texts[22], mode
        fill = page_fill(pdf, theme)
        short = [n for n, (empty, _) in enumerate(fill, 1) if empty > EMPTY_AT_MOST and n < len(fill)]
        assert short == [4], f"{mode}: pages {short} end more than 30 % empty"


def test_each_matching_set_stays_on_one_page_with_its_definitions(federalism):
    """The smaller first set is whole on page 22: its two terms, its three definitions, none on page 23."""
    docs, _ = federalism
    texts = [norm(t) for t in page_texts(docs["student"])]
    for definition in ("A system in which the central government holds all", "Opponents of ratification who feared",
                       "A system in which power is divided between a"):
        assert definition in texts[21] and definition not in texts[22].split("Set 2")[0]


def test_the_last_vocabulary_entry_never_opens_a_page_alone():
    """'ocean acidification', the last entry, opened page 11 alone, with 'Questions' under it; 'decomposer' now
    goes over with it, page 10 still under 30 % empty, and the handout is 17 pages as it was (the key 19)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        docs, guide = _large(PHOTO, folder)
    theme = api.theme_for(guide, None, "large-print")
    hand = [norm(t) for t in page_texts(docs["student"])]
    assert (len(hand), len(page_texts(docs["key"]))) == (17, 19)
    for mode, pdf in docs.items():
        texts = [norm(t) for t in page_texts(pdf)]
        page = next(n for n, t in enumerate(texts) if "ocean acidification The drop" in t)
        assert "decomposer An organism" in texts[page], mode
        assert texts[page].index("ocean acidification") < texts[page].index("Questions"), mode
        assert page_fill(pdf, theme)[page - 1][0] <= EMPTY_AT_MOST, mode
