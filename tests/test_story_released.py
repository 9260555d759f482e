"""A layout keeps no hold on its story once laid out (render._draw). The mending passes keep a layout while they
lay the guide out again, up to three times for a 91-page guide (mending.keep_lists); while the story of each stayed
alive (pagetops.PageTops, on the document), every later layout's garbage collection walked its flowables too: the
benchmark's 50-unit guide took 1.3 s for its third layout, 1.0 s for its first. Counted in objects alive, not timed."""
from __future__ import annotations

import gc
import weakref

from conftest import GUIDES_DIR

from studyguide import api, mending, pagetops, render

POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"


def test_a_layout_held_by_the_mending_passes_holds_none_of_its_story(monkeypatch):
    """The bundled guide's first layout, held by mending.run as every pass is tried: its story's flowables (held by
    its PageTops) are garbage once it is laid out; the PDFs are the same."""
    tops, alive = [], []
    real_init, real_run = pagetops.PageTops.__init__, mending.run

    def init(self, ctx, flow, first=None, canvases=()):
        real_init(self, ctx, flow, first, canvases)
        tops.append(weakref.ref(self))

    def run(redraw, first):
        gc.collect()
        alive.append(sum(ref() is not None for ref in tops))  # (first is held here, as each pass holds its layout)
        return real_run(redraw, first)

    monkeypatch.setattr(pagetops.PageTops, "__init__", init)
    monkeypatch.setattr(mending, "run", run)
    guide = api.load(POLICE)
    docs = render.render(guide, theme=api.theme_for(guide, None, None))
    assert len(tops) >= 1 and alive == [0]
    assert docs["student"].pages > 1
