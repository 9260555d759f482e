"""Large print's second layout for the vocabulary (mending.entries_over: the entry at a page's foot going on over
the page) is laid out only as far as it can differ from the first: from the page the vocabulary opens on to
the first page after it that opens as it did (pagetops). Counted in pages laid out, not timed; and the PDFs
are the very bytes the trial laid out whole made, in the guides where it is thrown away and where it is kept."""
from __future__ import annotations

import pytest
from conftest import CASES, GUIDES_DIR, rendered
from layout_passes import pages_in

from studyguide import activities, api, pagetops, render

POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"
PHOTO = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"
FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"


def _large(path, paper=None, theme=None):
    guide = api.load(path)
    return render.render(guide, paper=paper, theme=api.theme_for(guide, theme, "large-print"))


@pytest.mark.parametrize("path, pages, trial", [(POLICE, 28, (6, 25)), (PHOTO, 17, (9, 13))],
                         ids=["police", "photosynthesis"])
def test_the_bundled_guides_vocabulary_trial_lays_out_only_the_pages_it_could_change(path, pages, trial, monkeypatch):
    """Neither guide saves a page by its entry going on over a page. The trial laid out all 31 and 19 pages (the
    key's notes included) to throw them away; it now starts on the page the vocabulary's section opens on and
    stops on the first page after the vocabulary that opens with the same flowable, in the same state."""
    calls = pages_in(monkeypatch, "entries_over")
    docs = _large(path)
    assert docs["student"].pages == pages
    runs = [(c[0], c[-1]) for c in calls if c]  # (photosynthesis: again in the tighter layout render.render tries
    assert runs and set(runs) == {trial}, runs  # for its last question alone on the last page, and throws away)
    first, last = trial
    assert len(calls[0]) == last - first + 1 and last < docs["key"].pages


def _whole(monkeypatch):
    """The trial laid out from page 1 to the end, as it was before pagetops."""
    real = pagetops.PageTops.__init__

    def init(self, ctx, flow, first=None, canvases=()):
        real(self, ctx, flow, None, canvases)
    monkeypatch.setattr(pagetops.PageTops, "__init__", init)


@pytest.mark.parametrize("path, paper, theme", [(POLICE, None, None), (PHOTO, "a4", None), (FROZEN, None, None),
                                                (CASES / "hostile" / "long-unbroken-word.yaml", None, None),
                                         (CASES / "hostile" / "table-cell-taller-than-page.yaml", "a4", "compact")],
                         ids=["police", "photosynthesis-a4", "frozen", "long-word", "tall-cell-compact-a4"])
def test_the_pdfs_are_the_bytes_the_whole_trial_made(path, paper, theme, monkeypatch):
    """Thrown away (police), kept (photosynthesis on A4, the first guide: 28 -> 27 pages), and two hostile
    guides (the compact look: in the classic one the cell does not fit) where a trial resumed on the page the
    vocabulary opened on once took the wrong count: there the entry goes on over the foot of the page before,
    so the trial starts on the page before that."""
    fast = rendered(path, theme, "large-print", paper)[2]  # (unpatched: the pages other tests read, laid out once)
    _whole(monkeypatch)
    whole = _large(path, paper, theme)
    for mode in ("student", "key"):
        assert fast[mode].pages == whole[mode].pages, mode
        assert fast[mode].pdf == whole[mode].pdf, mode


def test_a_large_print_build_makes_its_crossword_once(monkeypatch):
    """Large print's matching tries some 230 set sizes in each layout, each a plan cached; with 64 kept, the
    crossword's plan (a second of CPU for this guide) was made again for every layout the build tried. It is made
    once for each set of grid limits (crossword_editions), not once a layout."""
    from studyguide.activities import crossword

    made, real = [], crossword.make
    monkeypatch.setattr(crossword, "make", lambda *a, **k: made.append(1) or real(*a, **k))
    activities._plan.cache_clear()
    docs = _large(CASES / "layout" / "ap-bio-energetics.yaml")
    # (made once for each set of limits tried: the standard edition's, then the editions' smallest where the
    # standard's grid does not fit large print's page, then the standard's terms alone at large print's size, so
    # that every edition keeps the same terms: three plans a build, not one a layout)
    assert docs["student"].pages == 88 and len(made) == 3  # (90 before its 30 terms' matching sets filled their
    # pages: 10 sets, not 11, matching_large._filled)
