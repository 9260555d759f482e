import { test } from "node:test";
import assert from "node:assert/strict";
import { at } from "./helpers.js";

test("a key at the top level", () => {
  const ctx = at("title: Cells\nsu¦");
  assert.equal(ctx.kind, "key");
  assert.deepEqual(ctx.path, []);
  assert.equal(ctx.prefix, "su");
  assert.equal(ctx.from, 13);
  assert.deepEqual(ctx.mappings, [{ title: "Cells" }]);
});

test("a key inside a question: path, siblings after the cursor too", () => {
  const ctx = at("title: x\nquestions:\n  - type: essay\n    pr¦\n    points: 2\n");
  assert.deepEqual(ctx.path, ["questions", 0]);
  assert.deepEqual(ctx.mappings[2], { type: "essay", points: "2" });
  assert.equal(ctx.col, 4);
  assert.equal(ctx.item, false);
});

test("items are counted, also when the dash sits at its key's column", () => {
  const ctx = at("questions:\n- type: essay\n  prompt: a\n- type: true_false\n  prompt: b\n  answer: ¦\n");
  assert.equal(ctx.kind, "value");
  assert.deepEqual(ctx.path, ["questions", 1, "answer"]);
  assert.equal(ctx.key, "answer");
  assert.deepEqual(ctx.mappings[2], { type: "true_false", prompt: "b" });
});

test("a new item: the word after '- ' may be a key or the item itself", () => {
  const ctx = at("title: x\nquestions:\n  - prompt: a\n  - ¦\n");
  assert.equal(ctx.kind, "key");
  assert.deepEqual(ctx.path, ["questions", 1]);
  assert.equal(ctx.item, true);
  assert.deepEqual(ctx.mappings[2], {});
});

test("deeper: a pair of a matching question", () => {
  const ctx = at("questions:\n- type: matching\n  pairs:\n  - left: a\n    ¦\n  prompt: p\n");
  assert.deepEqual(ctx.path, ["questions", 0, "pairs", 0]);
  assert.deepEqual(ctx.mappings[4], { left: "a" });
  assert.deepEqual(ctx.mappings[2], { type: "matching", pairs: null, prompt: "p" });
});

test("a blank line's indentation says which mapping it is in", () => {
  assert.deepEqual(at("questions:\n- type: matching\n  ¦\n  prompt: p\n").path, ["questions", 0]);
  assert.deepEqual(at("questions:\n- type: matching\n¦\n").path, []);
  assert.deepEqual(at("source:\n  ¦\n").path, ["source"]);
});

test("a value after 'key:' with and without a blank", () => {
  const spaced = at("paper: a¦");
  assert.equal(spaced.kind, "value");
  assert.equal(spaced.prefix, "a");
  assert.equal(spaced.from, 7);
  assert.equal(spaced.space, false);
  const tight = at("reading:\n  place:¦");
  assert.deepEqual(tight.path, ["reading", "place"]);
  assert.equal(tight.space, true);
});

test("quoted keys and values", () => {
  const ctx = at("\"title\": 'It''s'\n'paper': \"a¦");
  assert.deepEqual(ctx.path, ["paper"]);
  assert.equal(ctx.prefix, "a");
  assert.deepEqual(ctx.mappings[0], { title: "It's" });
});

test("inside a block scalar nothing is offered; after it, keys are", () => {
  assert.equal(at("summary: |\n  some text\n  more ¦\n"), null);
  assert.equal(at("summary: |\n  some text\n\n  ¦\n"), null);
  const after = at("summary: >-\n  some text\n\nqu¦\n");
  assert.deepEqual(after.path, []);
  assert.deepEqual(after.mappings[0], { summary: null });
  const inQuestion = at("questions:\n  - type: essay\n    prompt: |\n      write\n    ¦\n");
  assert.deepEqual(inQuestion.path, ["questions", 0]);
});

test("comments and prose take no part", () => {
  assert.equal(at("title: x # a note ¦\n"), null);
  assert.equal(at("# title¦\n"), null);
  assert.equal(at("title: two words¦"), null);
  const ctx = at("# top\nsummary: a long\n  line that goes on\n\nti¦");
  assert.deepEqual(ctx.mappings[0], { summary: "a long" });
});

test("the document marker and a list of plain items", () => {
  const ctx = at("---\ntitle: x\nactivities:\n  - matching\n  - cl¦\n");
  assert.deepEqual(ctx.path, ["activities", 1]);
  assert.equal(ctx.item, true);
  assert.equal(ctx.prefix, "cl");
});

test("nothing is offered inside a word already written", () => {
  assert.equal(at("title: x\nth¦questions:\n"), null);
  assert.equal(at("paper: ¦a4\n"), null);
  assert.notEqual(at("paper: a4¦ \n"), null);
});

test("a quoted value running over lines hides the keys inside it", () => {
  const ctx = at('title: "Cells\nsubject: not a key\nstill the title"\ngrade: ¦');
  assert.deepEqual(ctx.mappings[0], { title: "Cells" });
  assert.equal(at("title: 'It''s\n  more ¦\n  end'\n"), null);
  assert.deepEqual(at('title: "a \\" b"\nsu¦').mappings[0], { title: 'a " b' });
});

test("a byte order mark before the first key is no indentation", () => {
  const ctx = at("\ufefftitle: x\nsubject: ¦");
  assert.deepEqual(ctx.mappings[0], { title: "x" });
  const first = at("\ufeffti¦");
  assert.equal(first.from, 1);
  assert.deepEqual(first.path, []);
});

test("escapes in double-quoted keys and values are read as YAML reads them", () => {
  const ctx = at('"\\e[2J\\u202e": red\ntitle: "tab\\there \\x41"\nsu¦');
  assert.deepEqual(ctx.mappings[0], { "\x1b[2J\u202e": "red", title: "tab\there A" });
});

test("a non-breaking space is a letter to YAML, not a blank: '-\\u00a0type' is a key, 'a\\u00a0#b' no comment", () => {
  const item = at("-\u00a0type: x\nti¦\n");
  assert.deepEqual(item.path, []);
  assert.deepEqual(item.mappings[0], { "-\u00a0type": "x" });
  const value = at("title: x\nquestions:\n  - prompt: a\u00a0#b\n    ty¦\n");
  assert.deepEqual(value.mappings[2], { prompt: "a\u00a0#b" });
  const key = at("title: x\ntopics:\n  - title: t\n    \u00a0summary: s\n    ¦\n");
  assert.deepEqual(key.mappings[2], { title: "t", "\u00a0summary": "s" });
});

test("the end of a line, also a CRLF line, is not inside a word", () => {
  const ctx = at("title: x\r\nsu¦\r\n");
  assert.equal(ctx.kind, "key");
  assert.equal(ctx.prefix, "su");
});
