"""A mending trial that is kept only if it costs no page (``stop_short``: keep_lists, widows_held and the others) stops
as soon as it begins a page the layout it is tried against did not have (pagetops.PageTops.opening): it is longer
(mending.longer), so never kept, whatever is on that page. The frozen police guide's keep_lists trial laid out its
13th page to the end to be thrown away against a 12-page layout. Counted in flowables placed, not timed; the PDFs are
the bytes the trial laid out whole gave."""
from __future__ import annotations

from conftest import CASES
from layout_passes import while_in_pass

from studyguide import api, glue, pagetops, render

FROZEN = CASES / "frozen" / "china-foreign-police-training-2026-12.yaml"


def _placed_per_page(monkeypatch, pass_name: str) -> dict:
    """page → flowables the document handled on it while the mending pass ``pass_name`` ran."""
    placed: dict = {}

    def handled(handle, doc, flowables):
        placed[doc.page] = placed.get(doc.page, 0) + 1
        return handle(doc, flowables)

    while_in_pass(monkeypatch, pass_name, glue.GlueDocTemplate, "handle_flowable", handled)
    return placed


def _build():
    guide = api.load(FROZEN)
    return {mode: (r.pages, r.pdf) for mode, r in render.render(guide, theme=api.theme_for(guide, None, None)).items()}


def test_a_trial_stops_at_a_page_the_layout_it_is_tried_against_did_not_have(monkeypatch):
    placed = _placed_per_page(monkeypatch, "keep_lists")
    built = _build()
    assert built["key"][0] == 12 and built["student"][0] == 11
    assert max(placed) == 12 and placed[12] > 0  # (page 13 begun, nothing placed on it: stopped)
    monkeypatch.undo()

    whole = _placed_per_page(monkeypatch, "keep_lists")
    real = pagetops.PageTops.__init__

    def init(self, ctx, flow, first=None, canvases=()):
        real(self, ctx, flow, first, canvases)
        self.last = None  # (as before: laid out to its end)

    monkeypatch.setattr(pagetops.PageTops, "__init__", init)
    assert _build() == built
    assert max(whole) == 13 and whole[13] > 0
