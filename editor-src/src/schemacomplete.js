// What the guide's JSON schema (`studyguide schema`, draft 2020-12) allows at
// a place found by contextAt(): the keys a mapping may take there and the
// values a key (or a sequence item) may take.
//
// The schema is read as it is written: local $ref, allOf, oneOf and anyOf
// (whose branches are told apart by the keys already present, a question's
// `type:` above all), properties, patternProperties, additionalProperties,
// items and prefixItems, enum, const, default and boolean types.
// No CodeMirror here either; tested with `node --test editor-src/test/`.

function deref(root, node, depth = 0) {
  while (node && typeof node === "object" && typeof node.$ref === "string" && depth < 32) {
    const ref = node.$ref;
    if (!ref.startsWith("#")) return {};
    let target = root;
    for (const raw of ref.slice(1).split("/").filter(Boolean)) {
      const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      target = target == null ? undefined : target[part];
    }
    const rest = { ...node };
    delete rest.$ref;
    node = Object.keys(rest).length ? merge(rest, target || {}) : target;
    depth++;
  }
  return node;
}

// A schema's pattern as a JS RegExp; Python-only syntax ((?i:...)) matches nothing.
function matches(pattern, text) {
  try { return new RegExp(pattern, "u").test(text); } catch { return false; }
}

function merge(a, b) {
  const out = { ...a, ...b };
  if (a.properties || b.properties) out.properties = { ...(a.properties || {}), ...(b.properties || {}) };
  if (a.required || b.required) out.required = [...new Set([...(a.required || []), ...(b.required || [])])];
  if (a.description && !b.description) out.description = a.description;
  return out;
}

// A schema as the list of its alternatives, each without oneOf/anyOf/allOf.
export function alternatives(root, node, depth = 0) {
  node = deref(root, node);
  if (node === true || node === undefined || node === null) return [{}];
  if (node === false || typeof node !== "object" || depth > 16) return [];
  const base = { ...node };
  delete base.oneOf;
  delete base.anyOf;
  delete base.allOf;
  let alts = [base];
  for (const part of node.allOf || []) {
    const partAlts = alternatives(root, part, depth + 1);
    alts = alts.flatMap((a) => partAlts.map((p) => merge(a, p)));
  }
  const choices = [...(node.oneOf || []), ...(node.anyOf || [])];
  if (choices.length) {
    alts = alts.flatMap((a) => choices.flatMap((c) => alternatives(root, c, depth + 1).map((c2) => merge(a, c2))));
  }
  return alts;
}

function types(alt) {
  if (alt.type) return Array.isArray(alt.type) ? alt.type : [alt.type];
  if (alt.properties || alt.additionalProperties !== undefined || alt.patternProperties) return ["object"];
  if (alt.items || alt.prefixItems) return ["array"];
  return null; // anything
}

const isObject = (alt) => { const t = types(alt); return !t || t.includes("object"); };
const isArray = (alt) => { const t = types(alt); return !t || t.includes("array"); };

// Does a mapping's present key and scalar value fit this alternative?
function fits(root, alt, mapping) {
  for (const [key, value] of Object.entries(mapping)) {
    const prop = alt.properties && alt.properties[key] !== undefined ? deref(root, alt.properties[key]) : undefined;
    if (prop === undefined) {
      const patterned = Object.keys(alt.patternProperties || {}).some((p) => matches(p, key));
      if (alt.additionalProperties === false && !patterned) return false;
      continue;
    }
    if (value === null || value === undefined || value === "") continue;
    if (prop.const !== undefined && String(prop.const) !== value) return false;
    if (Array.isArray(prop.enum) && !prop.enum.map(String).includes(value)) return false;
  }
  return true;
}

// The object alternatives that fit the mapping; all of them when none fits
// (a misspelt `type:` still gets every question's keys).
export function selectObjects(root, alts, mapping) {
  const objects = alts.filter(isObject);
  if (!mapping) return objects;
  const fitting = objects.filter((alt) => fits(root, alt, mapping));
  return fitting.length ? fitting : objects;
}

function childOf(alt, segment) {
  if (typeof segment === "number") {
    if (!isArray(alt)) return undefined;
    if (Array.isArray(alt.prefixItems) && segment < alt.prefixItems.length) return alt.prefixItems[segment];
    return alt.items === undefined ? true : alt.items;
  }
  if (!isObject(alt)) return undefined;
  if (alt.properties && alt.properties[segment] !== undefined) return alt.properties[segment];
  for (const [pattern, sub] of Object.entries(alt.patternProperties || {})) {
    if (matches(pattern, segment)) return sub;
  }
  if (alt.additionalProperties === false) return undefined;
  return alt.additionalProperties === undefined ? true : alt.additionalProperties;
}

/**
 * The alternatives of the schema at `path`, choosing among branches with the
 * mappings seen on the way (see contextAt: mappings[i] holds path[i]).
 */
export function schemaAt(root, path, mappings = []) {
  let alts = alternatives(root, root);
  path.forEach((segment, i) => {
    if (typeof segment === "string") alts = selectObjects(root, alts, mappings[i] || null);
    const next = [];
    for (const alt of alts) {
      const child = childOf(alt, segment);
      if (child !== undefined) next.push(...alternatives(root, child));
    }
    alts = next;
  });
  return alts;
}

function kindOfValue(root, node) {
  const alts = alternatives(root, node);
  const kinds = new Set(alts.map((a) => {
    const t = types(a);
    if (!t) return "any";
    if (t.length === 1 && (t[0] === "object" || t[0] === "array")) return t[0];
    return t.includes("object") || t.includes("array") ? "mixed" : "scalar";
  }));
  return kinds.size === 1 ? [...kinds][0] : "mixed";
}

const TYPE_WORDS = { string: "text", number: "number", integer: "whole number", boolean: "true/false", array: "list", object: "section" };

function hint(root, node) {
  const alts = alternatives(root, node);
  const words = new Set();
  for (const alt of alts) {
    if (alt.const !== undefined) words.add("fixed");
    else if (alt.enum) words.add("one of " + alt.enum.length);
    else {
      // text that may also be written as a number, yes/no or nothing is text
      const t = types(alt) || [];
      const anyText = t.includes("string") && t.includes("null");
      for (const x of anyText ? t.filter((y) => !["number", "integer", "boolean", "null"].includes(y)) : t) {
        words.add(TYPE_WORDS[x] || x);
      }
    }
  }
  return [...words].join(" or ");
}

/**
 * The keys a mapping at `path` may still take: [{label, detail, info, apply,
 * required}], in the schema's order, keys already present left out.
 * `col` is the column the key starts at: sections and lists open on the next
 * line, indented under it.
 */
export function keysAt(root, path, mappings, col = 0) {
  const here = mappings[path.length] || {};
  const objects = selectObjects(root, schemaAt(root, path, mappings), here);
  const seen = new Map();
  for (const alt of objects) {
    const required = new Set(alt.required || []);
    for (const [key, sub] of Object.entries(alt.properties || {})) {
      if (Object.prototype.hasOwnProperty.call(here, key)) continue;
      const node = deref(root, sub);
      const old = seen.get(key);
      if (old) {
        old.required = old.required && required.has(key);
        if (!old.info && node && node.description) old.info = node.description;
        continue;
      }
      const kind = kindOfValue(root, node);
      const pad = " ".repeat(col + 2);
      const apply = kind === "object" ? `${key}:\n${pad}` : kind === "array" ? `${key}:\n${pad}- ` : `${key}: `;
      seen.set(key, { label: key, detail: hint(root, node), info: (node && node.description) || "", apply, required: required.has(key) });
    }
  }
  return [...seen.values()].map((k) => ({ ...k, detail: (k.required ? "required · " : "") + k.detail }));
}

/**
 * The values a key (or a sequence item) at `path` may take:
 * [{label, detail, info}] from enum, const, default and boolean types.
 * For a `const` chosen among object branches (a question's `type:`), the
 * detail names the keys that branch requires besides it.
 */
export function valuesAt(root, path, mappings) {
  const out = new Map();
  const add = (value, detail, info) => {
    const label = typeof value === "string" ? value : JSON.stringify(value);
    if (!out.has(label)) out.set(label, { label, detail, info: info || "" });
  };
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  let branches = [];
  if (typeof key === "string") {
    const parents = selectObjects(root, schemaAt(root, parentPath, mappings), mappings[path.length - 1] || null);
    branches = parents.map((p) => ({ parent: p, node: childOf(p, key) })).filter((b) => b.node !== undefined);
  } else {
    branches = schemaAt(root, parentPath, mappings)
      .map((p) => ({ parent: p, node: childOf(p, key) }))
      .filter((b) => b.node !== undefined);
  }
  for (const { parent, node } of branches) {
    const top = deref(root, node);
    const info = (top && top.description) || "";
    for (const alt of alternatives(root, node)) {
      if (alt.const !== undefined) {
        const others = (parent.required || []).filter((k) => k !== key);
        add(alt.const, others.length ? "needs " + others.join(", ") : "", info);
      }
      for (const v of alt.enum || []) add(v, top && top.default === v ? "default" : "", info);
      // true/false where a branch is yes/no only, not where booleans are read as text
      const t = types(alt) || [];
      if (t.includes("boolean") && t.every((x) => x === "boolean" || x === "null")) { add(true, "", info); add(false, "", info); }
    }
    if (top && top.default !== undefined) add(top.default, "default", info);
  }
  return [...out.values()];
}

/**
 * Everything to offer at a context from contextAt(): {keys, values}.
 * Kind "key" offers the mapping's keys, and for a new sequence item
 * ("- " typed) the item's own values too; kind "value" offers the key's values.
 */
export function completionsAt(root, ctx) {
  if (!ctx) return { keys: [], values: [] };
  if (ctx.kind === "value") return { keys: [], values: valuesAt(root, ctx.path, ctx.mappings) };
  const keys = keysAt(root, ctx.path, ctx.mappings, ctx.col);
  const values = ctx.item ? valuesAt(root, ctx.path, ctx.mappings) : [];
  return { keys, values };
}

const SNIPPET_HEAD = /^(- )?([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/;

/**
 * The page's snippets that fit at a context from contextAt(), each as
 * {snippet, text}: text is what to insert there. A snippet's first line says
 * what it is: "key: ..." a section, fitting where the schema allows that key
 * and it is not there yet; "- key: value" a list item, fitting where a new
 * item may take that key and value (a question under `questions:`, not under
 * `vocabulary:`), with its "- " left out after a "- " already typed.
 * Snippets whose first line is neither are offered wherever a key may start.
 */
export function snippetsAt(root, ctx, snippets) {
  if (!ctx || ctx.kind !== "key" || !snippets) return [];
  const out = [];
  for (const snippet of snippets) {
    const text = String(snippet.text || "");
    const head = text.split("\n", 1)[0].match(SNIPPET_HEAD);
    if (!head) { out.push({ snippet, text }); continue; }
    const [, dash, key, value] = head;
    let path;
    let mappings;
    if (dash && ctx.item) {
      path = ctx.path;
      mappings = ctx.mappings;
    } else if (dash) {
      // a new item of the list whose key the cursor is under
      if (!schemaAt(root, ctx.path, ctx.mappings).some(isArray)) continue;
      path = [...ctx.path, 0];
      mappings = [...ctx.mappings.slice(0, ctx.path.length), null, {}];
    } else if (!ctx.item) {
      path = ctx.path;
      mappings = ctx.mappings;
    } else {
      continue;
    }
    if (!keysAt(root, path, mappings).some((k) => k.label === key)) continue;
    const plain = value !== undefined && !/[${}|>]/.test(value) && value.trim() !== "";
    if (plain) {
      const values = valuesAt(root, [...path, key], [...mappings]);
      if (values.length && !values.some((v) => v.label === value.trim())) continue;
    }
    out.push({ snippet, text: dash && ctx.item ? text.slice(2) : text });
  }
  return out;
}
