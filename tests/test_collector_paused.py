"""The garbage collector is paused while a guide is laid out, and as it was once the build ends (collector.py).
Left on, it walked a build's objects again and again as they piled up: a tenth of a 50-unit build's time, a
quarter of a 166-unit one's. Paused, each layout after the first begins with the garbage of those before it
collected, so a build holds no more memory for it. Observed through the layout's own entry (render.story)."""
from __future__ import annotations

import gc

import pytest
from conftest import GUIDES_DIR

from studyguide import api, render
from studyguide.errors import BuildError, StudyguideError

POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    yield
    gc.enable()


def _watch_layouts(monkeypatch, fail: bool = False) -> list:
    """Each layout's (collector on?, objects left to collect in the young generations, objects left to collect in
    all, objects alive) as its story is made."""
    seen, real = [], render.story

    def story(ctx):
        on = gc.isenabled()
        young = gc.collect(1)  # (what the layouts before left, if nothing collected it)
        seen.append((on, young, gc.collect(), len(gc.get_objects())))
        if fail:
            raise render.RenderFailed(render.Location(str(ctx.guide.path), 3), "stopped by the test")
        return real(ctx)

    monkeypatch.setattr(render, "story", story)
    return seen


def test_each_layout_is_made_with_the_collector_paused_and_the_garbage_before_it_gone(monkeypatch):
    seen = _watch_layouts(monkeypatch)
    guide = api.load(POLICE)
    rendered, _ = api.render_guide(guide)  # (handout and key; its mending passes lay it out again)
    assert rendered["student"].pages > 1 and len(seen) >= 2
    assert [on for on, *_ in seen] == [False] * len(seen)
    assert [young for _, young, *_ in seen[1:]] == [0] * (len(seen) - 1)  # (the first: whatever the load left)
    # what the young collection leaves, survivors of an earlier collection dropped since, is a few hundred objects
    # (a layout makes about a hundred thousand): the next full collection takes them, after the build
    assert all(left < alive / 100 for _, _, left, alive in seen[1:]), seen
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_build_that_stops_with_an_error(monkeypatch):
    seen = _watch_layouts(monkeypatch, fail=True)
    with pytest.raises(BuildError, match="stopped by the test"):
        api.render_guide(api.load(POLICE), key=False)
    assert seen and seen[0][0] is False
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(monkeypatch):
    """The editor's preview pauses it around a whole build (editor/session.py) and turns it on itself."""
    guide = api.load(POLICE)
    gc.disable()
    api.render_guide(guide, key=False)
    assert not gc.isenabled()
    gc.enable()


def test_a_build_reads_its_guide_and_fonts_with_the_collector_paused_too(monkeypatch, tmp_path):
    """api.build paused the collector only for the layouts: reading the guide and the theme's fonts before them set
    off a fresh process's first full collection there, 11-18 ms of a 4-unit build's 0.5 s. The whole build is paused now; each layout but the first still begins with the garbage
    of those before it collected, and the collector is on again after the build, or after one that fails."""
    from studyguide.reading import loader
    from studyguide.theming import fonts

    on_when = []
    for module, name in ((loader, "parse_with_warnings"), (fonts, "register")):
        real = getattr(module, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            on_when.append((_name, gc.isenabled()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    seen = _watch_layouts(monkeypatch)
    result = api.build(POLICE, tmp_path, write=False)
    assert result.outputs and len(seen) >= 2
    assert {name for name, _ in on_when} == {"parse_with_warnings", "register"}
    assert [on for _, on in on_when] == [False] * len(on_when)
    assert [on for on, *_ in seen] == [False] * len(seen)
    assert [young for _, young, *_ in seen[1:]] == [0] * (len(seen) - 1)
    assert gc.isenabled()
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(StudyguideError, match="bad.yaml"):
        api.build(bad, tmp_path, write=False)
    assert gc.isenabled()
