"""The committed editor bundle (codemirror.js) in a real browser, without the server: what a
teacher sees of StudyguideEditor.create() — underlines at the reported line, completion of
question types and of a question's keys from `studyguide schema`, snippets, Ctrl-S, setText
and undo, goto. Debian's chromium driven by Playwright; skipped, with the reason, without them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from chromium import skip_reason
from studyguide.reading.editor_schema import guide_schema

pytestmark = pytest.mark.browser

BUNDLE = Path(__file__).resolve().parent.parent / "src" / "studyguide" / "editor" / "static" / "codemirror.js"

if skip_reason():
    pytest.skip(skip_reason(), allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

GUIDE = """title: Cells
subject: Biology
questions:
  - type: multiple_choice
    prompt: What is the powerhouse of the cell?
    choices: [Nucleus, Mitochondria]
    answer: B
  - type: esay
    prompt: Explain osmosis.
"""
SNIPPETS = [{"label": "question: true_false", "detail": "a question of this type",
             "text": "- type: true_false\n  prompt: ${1:Cells divide.}\n  answer: ${2:true}"}]


@pytest.fixture()
def page(browser, tmp_path):
    html = tmp_path / "editor.html"
    html.write_text(f"""<!doctype html><meta charset="utf-8">
<body style="margin:0"><div id="ed" style="height:500px;width:760px"></div>
<script src="{BUNDLE.as_uri()}"></script>
<script>
  window.changes = []; window.saves = 0;
  window.ed = StudyguideEditor.create(document.getElementById("ed"), {{
    doc: {json.dumps(GUIDE)}, schema: {json.dumps(guide_schema())}, snippets: {json.dumps(SNIPPETS)},
    onChange: (t) => window.changes.push(t), onSave: () => {{ window.saves++; }},
  }});
</script></body>""", encoding="utf-8")
    context = browser.new_context(viewport={"width": 800, "height": 560})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(html.as_uri())
    yield pg
    context.close()
    assert errors == []


def _options(page, wanted):
    """The completion list once it offers `wanted` (it settles as the typed word grows)."""
    popup = page.locator(".cm-tooltip-autocomplete")
    expect(popup.locator(".cm-completionLabel", has_text=wanted).first).to_be_visible()
    return popup.locator(".cm-completionLabel").all_inner_texts()


def _pick(page, label):
    page.locator(".cm-tooltip-autocomplete li").filter(
        has=page.locator(".cm-completionLabel", has_text=label)).first.click()


def _type_at_end(page, text):
    page.evaluate("ed.goto(ed.view.state.doc.lines, 1)")
    page.keyboard.type(text, delay=15)


def test_a_problem_is_underlined_at_its_line_and_column_with_its_message(page):
    page.evaluate("""ed.setDiagnostics([
        {line: 8, column: 11, severity: 'error', message: "guide.yaml:8:11: 'esay' is not a question type"},
        {line: 2, column: 10, endColumn: 13, severity: 'warning', message: 'a warning'}])""")
    expect(page.locator(".cm-lintRange-error")).to_have_text("esay")
    expect(page.locator(".cm-lintRange-warning")).to_have_text("Bio")
    expect(page.locator(".cm-gutter-lint .cm-lint-marker-error")).to_have_count(1)
    page.locator(".cm-lintRange-error").hover()
    expect(page.locator(".cm-tooltip-lint")).to_contain_text("guide.yaml:8:11: 'esay' is not a question type")
    page.evaluate("ed.setDiagnostics([])")
    expect(page.locator(".cm-lintRange-error")).to_have_count(0)


def test_question_types_are_offered_after_type_then_the_keys_of_that_type(page):
    _type_at_end(page, "  - type: ")
    types = [b["properties"]["type"]["const"] for b in guide_schema()["properties"]["questions"]["items"]["oneOf"]]
    assert sorted(_options(page, "true_false")) == sorted(types)
    _pick(page, "true_false")
    page.keyboard.press("Enter")  # a new line, indented under the question
    page.keyboard.type("an", delay=15)
    offered = _options(page, "answer")
    assert "lines" not in offered and "choices" not in offered
    _pick(page, "answer")
    page.keyboard.type("f", delay=15)
    assert _options(page, "false") == ["false"]
    _pick(page, "false")
    assert page.evaluate("ed.getText()").endswith("  - type: true_false\n    answer: false")


def test_a_snippet_inserts_a_question_under_questions(page):
    _type_at_end(page, "  ques")
    _options(page, "question: true_false")
    _pick(page, "question: true_false")
    page.keyboard.type("Water boils at 100 C.", delay=5)
    page.keyboard.press("Tab")  # to the snippet's next field, not an indent
    page.keyboard.type("false", delay=5)
    assert page.evaluate("ed.getText()").endswith(
        "  - type: true_false\n    prompt: Water boils at 100 C.\n    answer: false")


def test_ctrl_s_saves_and_settext_is_one_undoable_change(page):
    page.evaluate("window.pageSaves = 0; document.addEventListener('keydown', (e) => {"
                  " if (e.ctrlKey && e.key === 's') window.pageSaves++; })")
    page.locator(".cm-content").click()
    page.keyboard.press("Control+s")
    assert page.evaluate("saves") == 1
    assert page.evaluate("pageSaves") == 0  # the editor's Ctrl-S goes no further: one save, not two
    page.evaluate("ed.setText('title: New\\n')")
    assert page.evaluate("ed.getText()") == "title: New\n"
    assert page.evaluate("changes[changes.length - 1]") == "title: New\n"
    page.locator(".cm-content").click()
    page.keyboard.press("Control+z")
    assert page.evaluate("ed.getText()") == GUIDE


def test_goto_puts_the_cursor_at_the_line_and_column(page):
    page.evaluate("ed.goto(8, 11)")
    head = page.evaluate("ed.view.state.selection.main.head")
    assert GUIDE[head:head + 4] == "esay"
    assert page.evaluate("ed.view.hasFocus")
