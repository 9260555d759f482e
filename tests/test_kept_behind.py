"""A layout tried with more lists kept together (mending.keep_lists) stops once it has fallen into step with the
layout it is tried against a page or more later (pagetops.PageTops._behind): from that page on it would lay out
that layout's pages again, each a page later, so it is longer and is never kept. The benchmark's 50-unit guide
paid three whole layouts, its second trial laid out to its 92nd page to be thrown away for that page; the PDFs
are the bytes the trials laid out whole made. (The guide is the generator's at seed 2, which does so either way:
at seed 1, where a question's first lines may take the gaps' room to go on over a page (e1ab659), the second
trial's pages from its 50th open on questions going on over a page where the first's open on whole ones: it never
falls into step, and is laid out to its end, 92 pages, for the same handout.)"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
import worker_share
from layout_passes import pages_in

from studyguide import api, pagetops, render

BENCH = str(Path(__file__).resolve().parent.parent / "bench")
sys.path.insert(0, BENCH)
try:
    import generate
finally:
    sys.path.remove(BENCH)


@pytest.fixture(scope="module")
def g50(tmp_path_factory):
    """The benchmark's 50-unit guide, seed 2 (seed 1's trials have kept since a topic's title kept two lines of its
    summary, not all of it, layout.leads: its second trial no longer falls behind)."""
    return generate.write(tmp_path_factory.mktemp("bench") / "g50.yaml", 50, seed=2)


def _handout(path):
    return api.render_guide(api.load(path), key=False)[0]["student"]  # (as the benchmark builds it)


def _kept_by_keep_lists(mp) -> list:
    """A list that gathers, for each call of mending.keep_lists under ``mp``, the lists its layout keeps (sorted)."""
    kept, real = [], render.mending.keep_lists

    def keep_lists(redraw, layout):
        out = real(redraw, layout)
        kept.append(sorted(out[0].__dict__.get("kept_lists", ())))
        return out
    mp.setattr(render.mending, "keep_lists", keep_lists)
    return kept


@pytest.fixture(scope="module")
def fast(g50):
    """The handout as the code lays it out, watched: (handout, the pages each call of keep_lists laid out, the
    trials that stopped a page behind (page, pages behind), the lists each call kept). Both tests read this one
    layout (under xdist, whichever worker asks first makes it: worker_share); the watching changes no byte."""
    def make():
        seen = []
        with pytest.MonkeyPatch.context() as mp:
            kept = _kept_by_keep_lists(mp)
            calls = pages_in(mp, "keep_lists")
            real = getattr(pagetops.PageTops, "_behind", None)

            def behind(self, page, state, j):
                out = real(self, page, state, j)
                seen.append((page, self.ctx.__dict__.get("behind"))) if out else None
                return out
            mp.setattr(pagetops.PageTops, "_behind", behind, raising=False)
            return _handout(g50), calls, seen, kept
    return worker_share.made_once(f"test_kept_behind.fast {hashlib.sha256(g50.read_bytes()).hexdigest()}", make)


def test_the_trial_a_page_behind_stops_where_it_falls_into_step(fast):
    """The 50-unit guide's first layout (90 pages: the handout's 87, then the key's notes) leaves topics 1, 5, 14, 27
    and 45 with a point or two alone; kept together (all 90 pages laid out: kept), they leave others so. Keeping those
    too sends the rest a page on: its page 46 opens as the first's page 45 did, and it stops there, not at its end."""
    handout, calls, seen, _ = fast
    assert handout.pages == 87
    assert [len(c) for c in calls] == [90 + 46] and calls[0][:90] == list(range(1, 91))
    assert calls[0][90:] == list(range(1, 47)) and seen == [(46, 1)]


def test_its_pdf_is_the_one_the_whole_trial_made(g50, fast, monkeypatch):
    """The same handout, byte for byte, as when every trial is laid out to its end (as before ``stop_short``);
    the lists kept together are the five the first trial kept."""
    kept = _kept_by_keep_lists(monkeypatch)
    real = pagetops.PageTops.__init__

    def init(self, ctx, flow, first=None, canvases=()):
        real(self, ctx, flow, first, canvases)
        self.rule = self.relaid = None  # (every trial laid out to its end)
    monkeypatch.setattr(pagetops.PageTops, "__init__", init)
    whole = _handout(g50)
    assert fast[0].pdf == whole.pdf and fast[0].pages == whole.pages == 87
    assert fast[3] + kept == [["topic 1", "topic 14", "topic 27", "topic 45", "topic 5"]] * 2
