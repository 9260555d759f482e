"""A paragraph's markup is parsed once per build, not once in each layout (parses.py): the mending passes lay a guide
out again up to three times, and reportlab parsed every paragraph again each time. What a parse gives is copied to
the later paragraphs of the same markup in the same style; the PDFs are the same bytes, and nothing is kept from
one build for the next (another theme, edition or guide)."""
from __future__ import annotations

import contextlib
import dataclasses

import pytest
from conftest import GUIDES_DIR
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paraparser

from studyguide import api, parses, render
from studyguide.layout import Para

POLICE = GUIDES_DIR / "china-foreign-police-training.yaml"


def _parses_counted(monkeypatch) -> list:
    counted, real = [], paraparser.ParaParser.parse

    def parse(self, text, style):
        counted.append(text)
        return real(self, text, style)

    monkeypatch.setattr(paraparser.ParaParser, "parse", parse)
    return counted


def _pdfs(guide, theme) -> dict:
    return {mode: r.pdf for mode, r in render.render(guide, theme=theme).items()}


def test_a_build_parses_each_markup_once_and_prints_the_same_bytes(monkeypatch):
    guide = api.load(POLICE)
    theme = api.theme_for(guide, None, None)
    counted = _parses_counted(monkeypatch)
    shared = _pdfs(guide, theme)
    once = len(counted)
    counted.clear()
    monkeypatch.setattr(parses, "shared", contextlib.nullcontext)  # (each layout parses its own, as before)
    alone = _pdfs(guide, theme)
    assert shared == alone
    assert len(counted) > 1.5 * once  # (its mending passes lay it out three times)


@pytest.mark.parametrize("edition", [None, "large-print"])
def test_a_build_after_another_in_another_style_prints_its_own(monkeypatch, edition):
    """The bundled guide in its own theme, then in classic with the title's colour changed (or large print): each
    built after the other gives the bytes it gives alone, and the two differ."""
    guide = api.load(POLICE)
    first = api.theme_for(guide, None, None)
    second = api.theme_for(guide, "classic", edition)
    styles = {**second.styles, "title": {**second.styles.get("title", {}), "textColor": "#aa2200"}}
    second = dataclasses.replace(second, styles=styles)
    _pdfs(guide, first)
    after = _pdfs(guide, second)
    monkeypatch.setattr(parses, "shared", contextlib.nullcontext)
    alone = _pdfs(guide, second)
    assert after == alone and after != _pdfs(guide, first)


def test_paragraphs_share_a_parse_only_in_the_same_style_and_each_has_its_own_fragments():
    base = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14)
    red = ParagraphStyle("body", parent=base, textColor=HexColor("#cc0000"))
    same = ParagraphStyle("again", parent=base)  # (another object, every attribute but its name the same)
    markup = "A <b>bold</b> word and <i>an italic</i> one"
    with parses.shared():
        first, in_red, again = Para(markup, base), Para(markup, red), Para(markup, ParagraphStyle("body", parent=base))
        other_name = Para(markup, same)
    assert [f.text for f in again.frags] == [f.text for f in first.frags] == ["A ", "bold", " word and ", "an italic",
                                                                              " one"]
    assert [f.fontName for f in again.frags] == [f.fontName for f in first.frags]
    assert {f.textColor.hexval() for f in in_red.frags} == {"0xcc0000"}
    assert {f.textColor.hexval() for f in first.frags} == {"0x000000"}
    assert [f.text for f in other_name.frags] == [f.text for f in first.frags]
    assert all(a is not b and a.us_lines is not b.us_lines for a, b in zip(first.frags, again.frags))
    again.frags[1].text = "changed"  # (as reportlab's split changes a paragraph's own fragments)
    assert first.frags[1].text == "bold"


def test_nothing_is_shared_outside_a_build():
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14)
    with parses.shared():
        Para("<b>kept</b> for this build", style)
    later = Para("<b>kept</b> for this build", style)
    assert [f.text for f in later.frags] == ["kept", " for this build"]
    assert parses._build.get() is None


def test_underlined_markup_is_parsed_once_a_build_too(monkeypatch, tmp_path):
    """An underline's fragments hold a list of tuples (its kind, colour and offset): they copy as safely as text,
    and a matching key's answers ('__A__' under each of three questions) were parsed again each time, 816 times in
    the 50-unit benchmark guide's build. Each is now parsed once, and prints the same bytes."""
    from conftest import write_guide

    pairs = "".join(f"\n      - left: left{q}{i}\n        right: right{q}{i}" for i in range(4) for q in "x")
    questions = "".join(f"\n  - type: matching\n    prompt: Match set {n}.\n    pairs:{pairs.replace('x', str(n))}"
                        for n in range(3))
    guide = api.load(write_guide(tmp_path, "m.yaml", f"title: Matches\nlanguage: en\nquestions:{questions}\n"))
    theme = api.theme_for(guide, None, None)
    counted = _parses_counted(monkeypatch)
    shared = _pdfs(guide, theme)
    underlined = [text for text in counted if "<u>" in text]
    assert underlined and len(underlined) == len(set(underlined)), sorted(underlined)
    monkeypatch.setattr(parses, "shared", contextlib.nullcontext)
    assert _pdfs(guide, theme) == shared
