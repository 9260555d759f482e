"""Large print's matching (issue 14: "a matching set stays on one page", "matching sets sized to fit a
large-print page"): a matching question's terms and definitions on one page, each activity set's definitions
on the page its terms are on, sets that fill their pages, and the sets' search done once a build."""
from __future__ import annotations

from conftest import CASES
from studyguide import api, render
from studyguide.layout.activities import matching_large

TURKISH = CASES / "layout" / "tr-cografya-bolgeler.yaml"  # (a trial's guide: 13 terms)


def test_the_large_print_sets_are_searched_once_a_build(monkeypatch):
    """The sets' search (a trial layout of every term per order tried) ran again in every layout mending
    tried: five times for the same sets, 5.65 s of a 60-term build's 7 s CPU. Now once; the pages the
    same (the sizes found are kept for the layouts after the first)."""
    guide = api.load(CASES / "layout" / "cellular-respiration.yaml")  # (mending lays it out 5 times)
    theme = api.theme_for(guide, "modern", edition="large-print")
    searches, layouts = [], []
    fitting, draw = matching_large._fitting, render._draw
    monkeypatch.setattr(matching_large, "_fitting", lambda *a: searches.append(1) or fitting(*a))
    monkeypatch.setattr(render, "_draw", lambda *a, **k: layouts.append(1) or draw(*a, **k))
    built = render.render(guide, ("student",), theme=theme)["student"]
    assert len(layouts) > 1 and len(searches) == 1, (len(layouts), len(searches))

    monkeypatch.setattr(matching_large, "_found", lambda ctx, name, sets: fitting(ctx, name, sets, matching_large._Trials(ctx)))
    assert render.render(guide, ("student",), theme=theme)["student"].pdf == built.pdf  # (searched in every layout)
