"""A paragraph is broken into lines once per build, not once in each layout (parses.wrapped): a mending pass lays the
guide out again, and every paragraph of it was broken into lines again at the same width. A later paragraph holding
the same (same markup, style, widths before, attributes, fonts) is given what the first one's wrap set, shared until
reportlab would change it in place (a split, a wrap at another width), when it takes its own copy. The PDFs are the
same bytes; nothing is given across a difference, or kept from one build for the next."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from conftest import CASES, GUIDES_DIR, REPO
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as rl_paragraph

from studyguide import api, parses, render
from studyguide._reportlab import broken_lines
from studyguide.layout import Para

ACIDS = CASES / "layout" / "acids.yaml"  # laid out twice: its first layout and one mending trial
POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"
MIXED = ("Photosynthesis turns <b>light energy</b> into chemical energy stored in <i>glucose</i>, while "
         "Pneumonoultramicroscopicsilicovolcanoconiosisandotherwordsthatneverend is cut over lines, and the "
         "chloroplast's <b>thylakoid</b> membranes hold the pigments that catch the light.")
PLAIN = "Plants take in carbon dioxide and water and give off oxygen as they make sugar in the light of day. " * 3
BIG = MIXED.replace("<b>thylakoid</b>", '<font size="16">thylakoid</font>')
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14)


def _lines(paragraph) -> list[str]:
    """The text of each line a wrap set, as printed."""
    return [" ".join(line[1]) if isinstance(line, tuple) else "".join(f.text for f in line.words)
            for line in broken_lines(paragraph)]


def _fresh(markup, style, *widths, own=None) -> tuple:
    """A paragraph made and wrapped at ``widths`` outside any build (``own``: attributes set on it after it is made):
    its lines and size at the last."""
    p = Para(markup, style)
    p.__dict__.update(own or {})
    for width in widths:
        size = p.wrap(width, 1000)
    return _lines(p), size


def _counted(monkeypatch) -> dict:
    counts = {"lines": 0, "layouts": 0}
    real_break, real_draw = rl_paragraph.Paragraph.breakLines, render._draw

    def breaks(self, widths):
        counts["lines"] += 1
        return real_break(self, widths)

    def draw(*args, **kwargs):
        counts["layouts"] += 1
        return real_draw(*args, **kwargs)

    monkeypatch.setattr(rl_paragraph.Paragraph, "breakLines", breaks)
    monkeypatch.setattr(render, "_draw", draw)
    return counts


def test_a_two_layout_build_breaks_each_paragraph_once_and_prints_the_same_bytes(monkeypatch):
    guide = api.load(ACIDS)
    render.render(guide)  # (what a process breaks once and keeps, as labels' widths, is not counted: run alone, it was)
    counts = _counted(monkeypatch)
    shared = {mode: r.pdf for mode, r in render.render(guide).items()}
    once = dict(counts)
    counts.update(lines=0, layouts=0)
    monkeypatch.setattr(parses, "wrapped", lambda paragraph, width, wrap: wrap())  # (each layout breaks its own)
    alone = {mode: r.pdf for mode, r in render.render(guide).items()}
    assert once["layouts"] == counts["layouts"] == 2
    assert shared == alone
    assert once["lines"] < 0.6 * counts["lines"], (once, counts)


def test_a_wrap_is_never_given_across_a_difference():
    """In one build, the same markup wrapped at another width, in a style with one value changed (indent, font, size),
    with another word, or with an attribute of its own set, is broken as it would be alone; and each differs from the
    first paragraph's lines, which a wrong sharing would have given it."""
    wide, narrow = 300, 170
    variants = {  # name: (markup, style, widths, attributes of its own, the first paragraph it must not be given)
        "width": (MIXED, BODY, (narrow,), {}, MIXED),
        "indent": (MIXED, ParagraphStyle("body", parent=BODY, leftIndent=40), (wide,), {}, MIXED),
        "font": (MIXED, ParagraphStyle("body", parent=BODY, fontName="Times-Roman"), (wide,), {}, MIXED),
        "size": (MIXED, ParagraphStyle("body", parent=BODY, fontSize=12), (wide,), {}, MIXED),
        "text": (MIXED.replace("chemical", "stored chemical"), BODY, (wide,), {}, MIXED),
        "own attribute": (BIG, BODY, (wide,), {"autoLeading": "max"}, BIG),
        "plain width": (PLAIN, BODY, (narrow,), {}, PLAIN),
        "widths before": (MIXED, BODY, (narrow, wide), {}, None),
        "style set after": (MIXED, BODY, (wide,), {"style": ParagraphStyle("body", parent=BODY, leftIndent=40)},
                            MIXED),
    }
    alone = {name: _fresh(markup, style, *widths, own=own) for name, (markup, style, widths, own, _) in variants.items()}
    with parses.shared():  # (the fonts registered by now: a key holds them, and each paragraph's is the same)
        first = {markup: Para(markup, BODY) for markup in (MIXED, PLAIN, BIG)}
        for p in first.values():
            p.wrap(wide, 1000)
        first = {markup: (_lines(p), (p.width, p.height)) for markup, p in first.items()}
        got = {}
        for name, (markup, style, widths, own, _) in variants.items():
            p = Para(markup, style)
            p.__dict__.update(own)
            for width in widths:
                size = p.wrap(width, 1000)
            got[name] = _lines(p), size
    for name, (markup, style, widths, own, other) in variants.items():
        assert got[name] == alone[name], name
        assert other is None or got[name] != first[other], name
    assert got["widths before"] == first[MIXED]  # (the same lines, from a wrap of its own)


def test_a_paragraph_split_or_wrapped_again_leaves_the_lines_it_shares_as_they_were():
    """Three paragraphs of one build share the lines of one wrap. One is split over a page inside the word cut with a
    hyphen (reportlab marks that piece 'ends the page' in place), one is wrapped at another width and split. The
    first one's lines are as before, and broken at another width they are what a paragraph alone gives; each part is
    what a paragraph alone gives."""
    wide, narrow = 300, 120
    _fresh(MIXED, BODY, wide)  # (its fonts registered before the build: a key holds them)
    with parses.shared():
        first, second, third = Para(MIXED, BODY), Para(MIXED, BODY), Para(MIXED, BODY)
        first.wrap(wide, 1000)
        before = _lines(first)
        second.wrap(wide, 1000)
        assert broken_lines(second) is broken_lines(first)  # (shared, not broken again)
        parts = second.split(wide, 30)  # (two lines: the second ends "Pneumonoultramicroscopicsilico-")
        third.wrap(wide, 1000)
        third.wrap(narrow, 1000)
        third_parts = third.split(narrow, 45)
        assert _lines(first) == before == _fresh(MIXED, BODY, wide)[0]
        first.wrap(narrow, 1000)
        assert _lines(first) == _fresh(MIXED, BODY, wide, narrow)[0]
    alone, narrow_alone = Para(MIXED, BODY), Para(MIXED, BODY)
    alone.wrap(wide, 1000)
    narrow_alone.wrap(wide, 1000)
    narrow_alone.wrap(narrow, 1000)
    assert _lines(parts[0])[-1].endswith("silico-")
    assert _parts(parts, wide) == _parts(alone.split(wide, 30), wide) and len(parts) == 2
    assert _parts(third_parts, narrow) == _parts(narrow_alone.split(narrow, 45), narrow) and len(third_parts) == 2


def _parts(parts, width) -> list:
    """Each part of a split paragraph's lines, as its page prints them (wrapped where it lands)."""
    for part in parts:
        part.wrap(width, 1000)
    return [_lines(part) for part in parts]


def test_a_build_after_others_prints_the_bytes_of_a_fresh_process():
    for path in (POLICE, CASES / "layout" / "cellular-respiration.yaml"):  # (their paragraphs, styles and widths
        api.render_guide(api.load(path))  # shared in their builds: none may reach the next)
    after = {mode: hashlib.md5(r.pdf).hexdigest() for mode, r in api.render_guide(api.load(ACIDS))[0].items()}
    code = ("import hashlib, sys; from studyguide import api; "
            "out = api.render_guide(api.load(sys.argv[1]))[0]; "
            "print(' '.join(f'{m}={hashlib.md5(r.pdf).hexdigest()}' for m, r in sorted(out.items())))")
    fresh = subprocess.run([sys.executable, "-c", code, str(ACIDS)], capture_output=True, text=True, check=True,
                           cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "src")}).stdout.split()
    assert fresh == [f"{m}={h}" for m, h in sorted(after.items())]
    assert parses._build.get() is None


def test_a_two_layout_build_prepares_each_paragraph_text_once(monkeypatch):
    """What the layout does to a paragraph's text before reportlab parses it (no-break spaces in formulas, quantities
    and before French punctuation; fallback fonts' weights; its direction) is done once a build for each text, not
    again in the mending trial's layout; the PDFs are the same bytes as each layout doing its own."""
    from collections import Counter

    from studyguide import formulas

    calls, real = Counter(), formulas.keep_formulas

    def counting(markup):
        calls[markup] += 1
        return real(markup)

    monkeypatch.setattr(formulas, "keep_formulas", counting)
    guide = api.load(ACIDS)
    once = {mode: r.pdf for mode, r in render.render(guide).items()}
    prepared = sum(calls.values())
    assert prepared <= 1.1 * len(calls), (prepared, len(calls))  # (a text in two fonts: twice)
    calls.clear()
    monkeypatch.setattr(parses, "once", lambda key, make: make())  # (each layout its own, as before)
    assert {mode: r.pdf for mode, r in render.render(guide).items()} == once
    assert sum(calls.values()) > 1.5 * prepared
