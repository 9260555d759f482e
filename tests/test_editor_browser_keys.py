"""`studyguide edit` in chromium, as a keyboard user and after the editor stopped (the editor trial's defects).

Tab must never damage the guide: from the top of the page it goes through the toolbar first; in the text it
types two spaces, except at the start of a top-level key line, where the focus moves on; Esc then Tab leaves
the text anywhere, and the page says so. A stopped `studyguide edit` is said in the page, the text kept.
"""
from __future__ import annotations

import re

import pytest

from chromium import skip_reason

pytestmark = pytest.mark.browser

if skip_reason("starlette", "uvicorn"):
    pytest.skip(skip_reason("starlette", "uvicorn"), allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from test_editor_browser import FROZEN, Editor, editing, first_page  # noqa: E402,F401  (the fixture, shared)

STOPPED = "not saved: the editor stopped; run studyguide edit again — your text is still here"
FOCUSED = "() => { const a = document.activeElement; return a.id || (a.classList.contains('cm-content') ? 'cm-content' : a.tagName); }"


def test_tab_goes_through_the_toolbar_and_never_indents_title(browser, editing):
    guide, ed = editing
    original = guide.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1500, "height": 950})
    page.goto(ed.url)
    first_page(page)
    seen = []
    for _ in range(14):  # the trial: fourteen Tabs from a fresh page, looking for Save and Build
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
    assert seen[:7] == ["save", "versions", "edition", "build", "export-to", "export", "cm-content"]
    assert seen.count("cm-content") == 1  # at 'title:' Tab moves on, out of the text
    assert page.evaluate("() => window.studyguidePage.editor.getText()") == original
    expect(page.locator("#status")).to_have_text("saved")
    expect(page.locator("#keys-hint")).to_be_visible()
    expect(page.locator("#keys-hint")).to_have_text("Tab adds two spaces · Esc then Tab leaves the guide's text · "
                                                    "Ctrl+S saves")


def test_tab_in_the_text_types_two_spaces_and_esc_tab_leaves(browser, editing, tmp_path):
    guide, ed = editing
    original = guide.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1500, "height": 950})
    page.goto(ed.url)
    first_page(page)
    page.evaluate("() => window.studyguidePage.editor.goto(1, 8)")  # 'title: |China…'
    editor = page.locator(".cm-editor")
    expect(editor).to_have_css("outline-style", "solid")  # where the keyboard is, seen
    page.keyboard.press("Tab")
    text = page.evaluate("() => window.studyguidePage.editor.getText()")
    first = original.split("\n", 1)[0]
    assert text.split("\n", 1)[0] == first[:7] + "  " + first[7:]  # two spaces at the cursor, line 1 not moved
    assert page.evaluate(FOCUSED) == "cm-content"
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) != "cm-content"  # out of the text, nothing typed
    assert page.evaluate("() => window.studyguidePage.editor.getText()") == text
    expect(editor).to_have_css("outline-style", "none")
    page.screenshot(path=str(tmp_path / "tab.png"))


def test_a_stopped_editor_is_said_and_the_text_kept(browser, editing, tmp_path):
    guide, ed = editing
    before = guide.read_bytes()
    page = browser.new_page(viewport={"width": 1500, "height": 950})
    page.goto(ed.url)
    first_page(page)
    ed.stop()  # Ctrl+C in the terminal, the page still open
    page.evaluate("() => window.studyguidePage.editor.goto(3, 1)")
    page.keyboard.type("# my new note\n")
    page.keyboard.press("Control+s")
    expect(page.locator("#status")).to_have_text(STOPPED)
    expect(page.locator("#stale")).to_be_visible()  # the pages are not live any more
    assert "# my new note" in page.evaluate("() => window.studyguidePage.editor.getText()")
    assert guide.read_bytes() == before
    page.screenshot(path=str(tmp_path / "stopped.png"))


def test_a_guide_with_errors_says_so_when_opened_and_saved(browser, tmp_path):
    # the guide has its errors before the editor starts: an editor that had built the good text first shows
    # those pages (the last good ones) rather than "no pages yet", which is the case here
    guide = tmp_path / "guides" / "china.yaml"
    guide.parent.mkdir()
    text = FROZEN.read_text(encoding="utf-8").replace("    answer: true\n", "    answer: maybe\n", 2)
    guide.write_text(text, encoding="utf-8")
    ed = Editor(guide, tmp_path)
    try:
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(ed.url)
        expect(page.locator("#problems-head")).to_have_text(re.compile("^2 errors"))
        expect(page.locator("#page-count")).to_have_text("no pages yet: fix the 2 errors listed under the guide to see them")
        page.evaluate("() => window.studyguidePage.editor.goto(1, 1)")
        page.keyboard.type("# draft\n")
        page.keyboard.press("Control+s")
        expect(page.locator("#status")).to_have_text("saved — 2 errors, the pages are not rebuilt until they are fixed")
        assert guide.read_text(encoding="utf-8") == "# draft\n" + text
        page.screenshot(path=str(tmp_path / "errors.png"))
    finally:
        assert "Traceback" not in ed.stop()


def test_chinese_in_the_text_gets_the_bundled_cjk_font(browser, editing, tmp_path):
    guide, ed = editing
    page = browser.new_page()
    page.goto(ed.url)
    first_page(page)
    page.evaluate("() => window.studyguidePage.editor.goto(1, 1)")
    page.keyboard.type("# 太阳加热水\n")
    loaded = page.evaluate("""async () => { await document.fonts.ready;
        await document.fonts.load('14px "studyguide CJK"', '太');
        return [...document.fonts].filter((f) => f.family.includes('studyguide CJK')).map((f) => f.status); }""")
    assert loaded == ["loaded"]
    page.locator(".cm-line").first.screenshot(path=str(tmp_path / "cjk.png"))
