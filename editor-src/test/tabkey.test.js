import { test } from "node:test";
import assert from "node:assert/strict";
// The commands run on CodeMirror's own state, so these tests need editor-src/node_modules (`npm ci`, as
// build.sh does); without them they are skipped, and tests/test_editor_browser_keys.py drives the bundle.
let EditorState, EditorSelection, tabCommand, tabKeys, skip = false;
try {
  ({ EditorState, EditorSelection } = await import("@codemirror/state"));
  ({ tabCommand, tabKeys } = await import("../src/tabkey.js"));
} catch {
  skip = "CodeMirror is not installed here (npm ci in editor-src/)";
}

// A stand-in for the view: the commands only read `state` and dispatch transactions.
function fakeView(doc, anchor, head = anchor) {
  const view = { state: EditorState.create({ doc, selection: EditorSelection.single(anchor, head) }) };
  view.dispatch = (tr) => { view.state = tr.state; };  // CodeMirror's commands call it unbound
  return view;
}

function press(doc, anchor, head = anchor, command = tabCommand) {
  const view = fakeView(doc, anchor, head);
  const handled = command(view);
  return { handled, text: view.state.doc.toString(), cursor: view.state.selection.main.head };
}

const guide = "title: Water\nquestions:\n  - type: true_false\n    prompt: Water is wet.\n";

test("Tab at the start of the guide leaves 'title:' alone and lets the focus move on", { skip }, () => {
  // the editor trial: fourteen Tabs from the top pushed 'title:' right and broke the guide
  let r = { text: guide, cursor: 0 };
  for (let i = 0; i < 14; i++) {
    r = press(r.text, r.cursor);
    assert.equal(r.handled, false);
  }
  assert.equal(r.text, guide);
});

test("Tab at the start of any top-level key line types nothing", { skip }, () => {
  const at = guide.indexOf("questions:");
  assert.deepEqual(press(guide, at), { handled: false, text: guide, cursor: at });
  const commented = "# Study guide: water\n" + guide;  // the first line of most guides
  assert.deepEqual(press(commented, 0), { handled: false, text: commented, cursor: 0 });
});

test("Tab elsewhere types two spaces at the cursor, never re-indenting the line", { skip }, () => {
  const at = guide.indexOf("Water is");
  const r = press(guide, at);
  assert.equal(r.handled, true);
  assert.equal(r.text, guide.replace("prompt: Water", "prompt:   Water"));
  assert.equal(r.cursor, at + 2);
  const inTitle = press(guide, 3);  // inside 'title': typed where the cursor is, as text
  assert.equal(inTitle.text, "tit  le: Water\n" + guide.slice(guide.indexOf("\n") + 1));
});

test("Tab on a blank line under a list indents by two spaces", { skip }, () => {
  const doc = "questions:\n\n";
  const r = press(doc, doc.length - 1);
  assert.equal(r.text, "questions:\n  \n");
});

test("a selection moves right with Tab and back with Shift+Tab", { skip }, () => {
  const from = guide.indexOf("  - type"), to = guide.length - 1;
  const right = press(guide, from, to);
  assert.equal(right.handled, true);
  assert.equal(right.text, "title: Water\nquestions:\n    - type: true_false\n      prompt: Water is wet.\n");
  const shift = tabKeys[0].shift;
  const view = fakeView(right.text, from, right.text.length - 1);
  shift(view);
  assert.equal(view.state.doc.toString(), guide);
});
