import { test } from "node:test";
import assert from "node:assert/strict";
import { at, schema } from "./helpers.js";
import { snippetsAt } from "../src/schemacomplete.js";

// Shaped as the page's snippets are (src/studyguide/editor/snippets.py): a section per
// top-level key, a question per type, values as ${n:...} fields.
const snippets = [
  { label: "section: summary", text: "summary: |\n  ${1:What the reading says.}" },
  { label: "section: vocabulary", text: "vocabulary:\n  - term: ${1:cell}\n    definition: ${2:the unit of life}" },
  { label: "question: essay", text: "- type: essay\n  prompt: ${1:Explain.}\n  lines: ${2:6}" },
  { label: "question: true_false", text: "- type: true_false\n  prompt: ${1:Cells divide.}\n  answer: ${2:true}" },
  { label: "a note", text: "# ${1:note}" },
];
const fit = (source) => snippetsAt(schema, at(source), snippets).map((s) => s.snippet.label);

test("sections at the top level, less those the guide has", () => {
  assert.deepEqual(fit("title: x\n¦"), ["section: summary", "section: vocabulary", "a note"]);
  assert.deepEqual(fit("title: x\nsummary: s\nvo¦"), ["section: vocabulary", "a note"]);
});

test("questions under questions:, not under another list or inside a question", () => {
  assert.deepEqual(fit("questions:\n  ¦"), ["question: essay", "question: true_false", "a note"]);
  assert.deepEqual(fit("vocabulary:\n  ¦"), ["a note"]);
  assert.deepEqual(fit("questions:\n  - type: essay\n    ¦"), ["a note"]);
});

test("after a typed '- ' a question comes without its dash", () => {
  const out = snippetsAt(schema, at("questions:\n  - prompt: p\n  - ¦"), snippets);
  assert.deepEqual(out.map((s) => s.snippet.label), ["question: essay", "question: true_false", "a note"]);
  assert.equal(out[0].text, "type: essay\n  prompt: ${1:Explain.}\n  lines: ${2:6}");
  assert.deepEqual(fit("activities:\n  - ¦"), ["a note"]);
});

test("no snippets for values", () => {
  assert.deepEqual(fit("paper: ¦"), []);
});
