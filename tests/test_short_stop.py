"""The mending passes that keep a layout only when it leaves no page short that was not (keep_lists, lines_whole)
or no more pages short (crossword_kept, pictures_kept) stop laying it out at the first page that settles it
(pagetops: ``stop_short``): a page ended short, with something after it, the first layout had full. The rest
of that layout could not win it back, so it is not laid out. Counted in pages laid out, not timed; and the
PDFs are the very bytes the trials laid out whole made."""
from __future__ import annotations

import pytest
from conftest import CASES, GUIDES_DIR, rendered
from layout_passes import pages_in

from studyguide import api, pagetops, render

POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"
PHOTO = GUIDES_DIR / "photosynthesis-and-the-carbon-cycle.yaml"
FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"
SUNFLOWER = CASES / "trial" / "mias-sunflower.yaml"


def _build(path, paper=None, edition=None):
    guide = api.load(path)
    return render.render(guide, paper=paper, theme=api.theme_for(guide, None, edition))


def _whole(monkeypatch):
    """Every trial laid out to its end, as before ``stop_short``."""
    real = pagetops.PageTops.__init__

    def init(self, ctx, flow, first=None, canvases=()):
        real(self, ctx, flow, first, canvases)
        self.rule = None
        if ctx.__dict__.get("lists_relaid"):  # (nor stopped a page behind: test_kept_behind)
            self.relaid = None
    monkeypatch.setattr(pagetops.PageTops, "__init__", init)


def test_the_bundled_guides_kept_lists_trial_is_kept_with_two_points_at_each_end(monkeypatch):
    """The bundled guide's standard handout: keeping topic 3's points together, three at each end, its run measured
    the last points fitting on page 2 and the sixth still went over alone, on page 3: not kept, whatever its later
    pages, so that trial stops when page 4 begins (pagetops: every point drawn, no fewer lists stranded; it was laid
    out to its 12th page). Two at each end (kept.ends), laid out whole, is kept: the fifth point goes over with the
    sixth. (The bytes are those of the trial laid out whole: test_the_pdfs_are_the_bytes_the_whole_trials_made.)"""
    calls = pages_in(monkeypatch, "keep_lists")
    docs = _build(POLICE)
    assert (docs["student"].pages, docs["key"].pages) == (11, 12)
    assert [c for c in calls if c] == [[1, 2, 3, 4] + list(range(1, 13))]


def test_a_trial_stops_at_the_first_line_of_the_page_after_a_short_one(monkeypatch):
    """Photosynthesis' large print: its kept-lists trials leave a page short that the first layout had full, and
    are thrown away. Each stops as soon as something is drawn on the page after that one (pagetops.PageTops.drawn),
    not when the page after that begins: the trials that laid out pages 1-3, 1-5 and 1-8 now lay out 1-2, 1-4 and
    1-7. The trial kept (the second layout's coverage table, two rows at each end) is laid out whole."""
    calls = pages_in(monkeypatch, "keep_lists")
    _build(PHOTO, None, "large-print")
    upto = [list(range(1, n + 1)) for n in (2, 7, 7, 7, 7)]
    again = [list(range(1, n + 1)) for n in (2, 7, 19, 4, 4, 4, 7)]
    assert [c for c in calls if c] == [sum(upto, []), sum(again, [])]


def test_a_trial_that_is_kept_is_laid_out_whole_once(monkeypatch):
    """The bundled guide's standard handout on A4 keeps its lists' trial: laid out once, every page, as before."""
    calls = pages_in(monkeypatch, "keep_lists")
    docs = _build(POLICE, "a4")
    assert [c for c in calls if c] == [list(range(1, docs["key"].pages + 1))]


@pytest.mark.parametrize("path, paper, edition", [(POLICE, None, None), (POLICE, None, "large-print"),
                                                  (PHOTO, None, "large-print"), (PHOTO, "a4", "large-print"),
                                                  (POLICE, "a4", None), (FROZEN, "a4", None),
                                                  (SUNFLOWER, None, "large-print")],
                         ids=["police", "police-lp", "photosynthesis-lp", "photosynthesis-lp-a4", "police-a4",
                              "frozen-a4", "sunflower-lp"])
def test_the_pdfs_are_the_bytes_the_whole_trials_made(path, paper, edition, monkeypatch):
    """Trials thrown away (police; photosynthesis' large print stops a kept-lists trial and a "count" one;
    the first guide on A4), and kept (police on A4, the sunflower's large print): the same handout and key, byte
    for byte."""
    _, _, fast = rendered(path, None, edition, paper)  # (unpatched: the pages test_print_design checks, mostly)
    _whole(monkeypatch)
    whole = _build(path, paper, edition)
    for mode in ("student", "key"):
        assert fast[mode].pages == whole[mode].pages, mode
        assert fast[mode].pdf == whole[mode].pdf, mode
