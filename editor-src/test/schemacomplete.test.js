import { test } from "node:test";
import assert from "node:assert/strict";
import { at, schema } from "./helpers.js";
import { completionsAt, keysAt, schemaAt, alternatives } from "../src/schemacomplete.js";

const labels = (list) => list.map((o) => o.label);
const offered = (source) => completionsAt(schema, at(source));

test("top level: every key of a guide, less those present, with descriptions", () => {
  const { keys, values } = offered("title: Cells\nsummary: s\n¦");
  const names = labels(keys);
  assert.ok(!names.includes("title") && !names.includes("summary"));
  for (const k of ["questions", "vocabulary", "topics", "theme", "paper", "activities"]) assert.ok(names.includes(k), k);
  assert.deepEqual(values, []);
  const theme = keys.find((k) => k.label === "theme");
  assert.equal(theme.info, schema.properties.theme.description);
  assert.equal(theme.apply, "theme: ");
});

test("lists and sections open on the next line, indented", () => {
  const keys = offered("title: x\nqu¦").keys;
  assert.equal(keys.find((k) => k.label === "questions").apply, "questions:\n  - ");
  assert.equal(keys.find((k) => k.label === "reading").apply, "reading:\n  ");
  const inQuestion = offered("questions:\n  - type: matching\n    ¦").keys;
  assert.equal(inQuestion.find((k) => k.label === "pairs").apply, "pairs:\n      - ");
});

test("a question's keys follow its type", () => {
  const essay = labels(offered("questions:\n  - type: essay\n    ¦\n").keys);
  assert.ok(essay.includes("lines") && essay.includes("prompt"));
  assert.ok(!essay.includes("choices") && !essay.includes("pairs") && !essay.includes("type"));
  const mc = labels(offered("questions:\n  - ¦\n    type: multiple_choice\n").keys);
  assert.ok(mc.includes("choices") && mc.includes("answer"));
  assert.ok(!mc.includes("lines") && !mc.includes("items"));
  const matching = labels(offered("questions:\n- prompt: p\n  type: matching\n  ¦").keys);
  assert.ok(matching.includes("pairs") && !matching.includes("answer"));
});

test("with no type yet (or an unknown one), every question's keys, type among them", () => {
  for (const source of ["questions:\n  - ¦\n", "questions:\n  - type: esay\n    ¦\n"]) {
    const names = labels(offered(source).keys);
    for (const k of ["prompt", "choices", "pairs", "items", "lines", "word_bank"]) assert.ok(names.includes(k), k);
  }
  assert.ok(labels(offered("questions:\n  - ¦\n").keys).includes("type"));
});

test("required keys are marked", () => {
  const keys = offered("questions:\n  - type: matching\n    ¦\n").keys;
  assert.equal(keys.find((k) => k.label === "pairs").required, true);
  assert.match(keys.find((k) => k.label === "pairs").detail, /^required/);
  assert.equal(keys.find((k) => k.label === "points").required, false);
});

test("question types from the schema, each with the keys it needs", () => {
  const { values } = offered("questions:\n  - type: ¦\n");
  const expected = schema.properties.questions.items.oneOf.map((b) => b.properties.type.const);
  assert.deepEqual(labels(values), expected);
  assert.ok(expected.includes("multiple_choice") && expected.includes("ordering"));
  assert.equal(values.find((v) => v.label === "matching").detail, "needs prompt, pairs");
  // the question's present type does not narrow its own value
  assert.deepEqual(labels(offered("questions:\n  - prompt: a\n    type: ess¦\n").values), expected);
});

test("enums, defaults and true/false", () => {
  assert.deepEqual(labels(offered("paper: ¦").values), ["letter", "a4", "half-letter", "a5"]);
  assert.equal(offered("paper: ¦").values[0].detail, "default");
  assert.deepEqual(labels(offered("reading:\n  text: t\n  place: ¦").values), ["start", "questions"]);
  assert.deepEqual(labels(offered("questions:\n- type: true_false\n  answer: ¦").values), ["true", "false"]);
  assert.deepEqual(labels(offered("questions:\n- type: essay\n  shuffle: ¦").values), ["true", "false"]);
  assert.deepEqual(labels(offered("accommodations:\n  word_bank: ¦").values), ["true", "false"]);
  assert.deepEqual(labels(offered("theme: ¦").values), ["classic"]);
  assert.deepEqual(offered("questions:\n- type: multiple_choice\n  answer: ¦").values, []);
});

test("list items: activities by name, vocabulary entries by key", () => {
  const acts = offered("activities:\n  - matching\n  - ¦\n");
  assert.deepEqual(labels(acts.values), schema.properties.activities.items.enum);
  assert.deepEqual(acts.keys, []);
  const vocab = offered("vocabulary:\n  - term: cell\n    ¦\n");
  assert.deepEqual(labels(vocab.keys), ["definition", "example", "characteristics", "non_examples"]);
  const topics = labels(offered("topics:\n  - ¦").keys);
  assert.deepEqual(topics, Object.keys(schema.properties.topics.items.properties));
  assert.deepEqual(labels(offered("benefits:\n  - point: p\n    ¦").keys), ["detail"]);
  assert.deepEqual(labels(offered("source:\n  ¦").keys), ["title", "author", "publisher", "date", "url"]);
  assert.deepEqual(labels(offered("questions:\n- type: select_all\n  choices:\n  - choice: a\n    ¦").keys), ["shuffle"]);
});

test("nothing where the schema allows nothing", () => {
  assert.deepEqual(offered("title: x\nsummary:\n  ¦"), { keys: [], values: [] });
  assert.deepEqual(offered("nonsense:\n  ¦"), { keys: [], values: [] });
  assert.deepEqual(completionsAt(schema, null), { keys: [], values: [] });
});

test("$ref, $defs and allOf are followed", () => {
  const root = {
    $defs: { item: { type: "object", properties: { a: { enum: ["x", "y"] } } }, more: { properties: { b: { type: "boolean" } } } },
    type: "object",
    properties: { list: { type: "array", items: { allOf: [{ $ref: "#/$defs/item" }, { $ref: "#/$defs/more" }] } } },
  };
  assert.deepEqual(labels(keysAt(root, ["list", 0], [{}, null, {}])), ["a", "b"]);
  assert.equal(schemaAt(root, ["list", 0, "a"], [{}, null, {}])[0].enum.length, 2);
  assert.equal(alternatives(root, { anyOf: [{ const: 1 }, { const: 2 }] }).length, 2);
});

test("patternProperties lead to their schema; a pattern JS cannot read matches nothing", () => {
  const root = {
    type: "object",
    properties: {
      labels: { type: "object", patternProperties: { "^x_": { enum: ["a"] }, "(?i:bad)": { enum: ["b"] } }, additionalProperties: false },
    },
  };
  assert.deepEqual(labels(completionsAt(root, at("labels:\n  x_one: ¦")).values), ["a"]);
  assert.deepEqual(completionsAt(root, at("labels:\n  bad: ¦")).values, []);
});

test("text that may be written as a number or yes/no is offered as text, without true/false", () => {
  const keys = offered("questions:\n- type: essay\n  ¦").keys;
  assert.equal(keys.find((k) => k.label === "explanation").detail, "text");
  assert.equal(keys.find((k) => k.label === "lines").detail, "number or text");
  assert.equal(keys.find((k) => k.label === "shuffle").detail, "true/false or text");
  assert.deepEqual(labels(offered("title: x\nsubject: ¦").values), []);
});
