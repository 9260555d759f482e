import { test } from "node:test";
import assert from "node:assert/strict";
import { diagnosticRange, offsetOf } from "../src/diagnostics.js";

const text = "title: x\nquestions:\n  - type: esay\n";

test("1-based line and column to an offset", () => {
  assert.equal(offsetOf(text, 1, 1), 0);
  assert.equal(offsetOf(text, 3, 11), text.indexOf("esay"));
  assert.equal(offsetOf(text, 3, 99), text.indexOf("esay") + 4); // clamped to the line
  assert.equal(offsetOf(text, 9, 1), text.length);
});

test("columns count characters, as Python does, not UTF-16 units", () => {
  const t = "title: 🧬 x: y\n";
  assert.equal(offsetOf(t, 1, 10), t.indexOf("x"));
});

test("with no end, the underline runs to the end of the line", () => {
  assert.deepEqual(diagnosticRange(text, { line: 3, column: 11 }), { from: text.indexOf("esay"), to: text.indexOf("esay") + 4 });
});

test("an end column is exclusive; an end line may differ", () => {
  const from = text.indexOf("type");
  assert.deepEqual(diagnosticRange(text, { line: 3, column: 5, endColumn: 9 }), { from, to: from + 4 });
  assert.deepEqual(diagnosticRange(text, { line: 1, column: 1, endLine: 2, endColumn: 3 }), { from: 0, to: 11 });
});

test("an empty range still marks a character", () => {
  assert.deepEqual(diagnosticRange(text, { line: 1, column: 9 }), { from: 7, to: 8 });
  assert.deepEqual(diagnosticRange("a\n\nb", { line: 2, column: 1 }), { from: 2, to: 2 });
});
