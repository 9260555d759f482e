// Where the cursor is in a guide's YAML, read from the text alone.
//
// Guides are block-style YAML written by hand, often half-typed, so a real
// parser would fail just where completion is wanted. Indentation is enough to
// know the path: each line is read as dashes ("- ") and at most one "key:",
// their columns place them under the nearest less-indented key or item.
// Block scalars (| and >) are skipped; continuation lines of long plain
// values, comments and blank lines take no part.
//
// No CodeMirror here: these functions take text and an offset (JS string
// index) and are tested with Node's own runner (editor-src/test/).

// (YAML's blanks are the space and the tab only: JavaScript's \s would also take a non-breaking space,
// which YAML reads as a letter of the key: '\u00a0summary:' is a key of its own, not 'summary')
const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^ \t#'"\-?:,[\]{}&*!|>%@`][^#]*?|-[^ \t#][^#]*?)[ \t]*:(?:[ \t]+|$)/;
const blanksTrimmed = (s) => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");  // (and a CRLF line's carriage return)
const BLOCK_SCALAR_RE = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

const ESCAPES = { 0: "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029" };

// A double-quoted scalar's escapes, as YAML 1.1 reads them.
function unescape(text) {
  return text.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (all, e) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ESCAPES[e] !== undefined ? ESCAPES[e] : all;
  });
}

function unquote(key) {
  if (key.length >= 2 && key[0] === '"' && key[key.length - 1] === '"') return unescape(key.slice(1, -1));
  if (key.length >= 2 && key[0] === "'" && key[key.length - 1] === "'") {
    return key.slice(1, -1).replace(/''/g, "'");
  }
  return key;
}

// A scalar value as written after "key: ", without quotes or a trailing comment.
function scalarText(raw) {
  let text = blanksTrimmed(raw);
  if (!text) return null;
  const quoted = text.match(/^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/);
  if (quoted) return unquote(quoted[1]);
  if (text[0] === '"' || text[0] === "'") return text.slice(1); // not closed yet
  const hash = text.search(/[ \t]#/);
  if (hash >= 0) text = blanksTrimmed(text.slice(0, hash));
  return text;
}

// The quote a value opens and leaves open on its line ('"' or "'"), else null.
function openQuote(value) {
  const q = value[0];
  if (q !== '"' && q !== "'") return null;
  return closingQuote(value.slice(1), q) < 0 ? q : null;
}

// Where a quoted scalar opened with `q` closes in `text` (-1: not on this line).
function closingQuote(text, q) {
  for (let i = 0; i < text.length; i++) {
    if (q === '"' && text[i] === "\\") { i++; continue; }
    if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return -1;
}

// Read one line: its dashes, its key (if any) and what follows the key.
// Returns null for lines that take no part in the structure.
function readLine(text) {
  text = text.replace(/^\ufeff/, "");
  const indent = text.match(/^ */)[0].length;
  let rest = text.slice(indent);
  if (!rest || rest[0] === "#") return null;
  if (/^(---|\.\.\.)([ \t]|$)/.test(rest) && indent === 0) return null;
  const nodes = [];
  let col = indent;
  for (;;) {
    const dash = rest.match(/^-([ \t]+|$)/);
    if (!dash) break;
    nodes.push({ kind: "item", col });
    col += dash[0].length;
    rest = rest.slice(dash[0].length);
  }
  const key = rest.match(KEY_RE);
  let value = rest;
  let valueCol = col;
  if (key) {
    nodes.push({ kind: "key", col, key: unquote(blanksTrimmed(key[1])) });
    value = rest.slice(key[0].length);
    valueCol = col + key[0].length;
  }
  if (!nodes.length) return { continuation: true, indent };
  const last = nodes[nodes.length - 1];
  last.value = scalarText(value);
  last.valueCol = valueCol;
  last.blockScalar = BLOCK_SCALAR_RE.test(blanksTrimmed(value));
  return { nodes, indent, openQuote: openQuote(blanksTrimmed(value)) };
}

// Put a node on the stack of open nodes: pop what it closes first.
// A key closes every node at its column or deeper; an item closes items at
// its column and anything deeper, but not a key at its column ("key:\n- a").
function place(stack, node) {
  let previousItem = null;
  while (stack.length) {
    const top = stack[stack.length - 1];
    const closes = top.col > node.col || (top.col === node.col && (node.kind === "key" || top.kind === "item"));
    if (!closes) break;
    stack.pop();
    if (top.kind === "item" && top.col === node.col) previousItem = top;
  }
  node.parent = stack.length ? stack[stack.length - 1] : null;
  if (node.kind === "item") node.index = previousItem ? previousItem.index + 1 : 0;
  stack.push(node);
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

// Parse every line into nodes with parents. The line `cursorLine` (0-based)
// is the one being typed: `cursorNodes` stand for it.
function parseLines(lines, cursorLine, cursorNodes) {
  const stack = [];
  const all = [];
  let blockOwner = null; // the node whose block scalar is running, by column
  let inBlock = false;
  let quote = null; // the quote of a quoted scalar running over lines
  lines.forEach((line, number) => {
    if (quote) {
      if (number === cursorLine) inBlock = true;
      if (closingQuote(line, quote) >= 0) quote = null;
      return;
    }
    const indent = line.match(/^ */)[0].length;
    if (blockOwner) {
      // The typed line is judged by where its first word is, not by its
      // blanks: a new key after a block scalar starts at the line's start.
      const at = number === cursorLine ? cursorNodes[0].col : indent;
      const blank = number !== cursorLine && line.trim() === "";
      if (blank || at > blockOwner.col) {
        if (number === cursorLine) inBlock = true;
        return;
      }
      blockOwner = null;
    }
    const read = number === cursorLine ? { nodes: cursorNodes } : readLine(line);
    if (!read || read.continuation) return;
    for (const node of read.nodes) {
      node.line = number;
      place(stack, node);
      all.push(node);
    }
    const last = read.nodes[read.nodes.length - 1];
    if (last && last.blockScalar) blockOwner = last;
    if (read.openQuote) quote = read.openQuote;
  });
  return { all, inBlock };
}

function pathOf(node) {
  const chain = [];
  for (let n = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

// The keys and scalar values of a mapping: the key nodes whose parent is
// `owner` (null: the top level), except the one being typed.
function mappingOf(all, owner) {
  const mapping = {};
  for (const node of all) {
    if (node.kind === "key" && node.parent === owner && !node.cursor) {
      mapping[node.key] = node.blockScalar ? null : node.value;
    }
  }
  return mapping;
}

/**
 * What is being typed at `offset` in `text`.
 *
 * Returns null inside comments, block scalars and continuation lines, else
 * {kind, path, mappings, prefix, from, col, key?} where
 *  - kind: "key" (a key of a mapping, or an item of a sequence when the line
 *    starts a new item: both are offered), or "value" (after "key: ");
 *  - path: the keys (strings) and item indices (numbers) from the top down to
 *    the mapping being typed in (kind "key") or to the key (kind "value");
 *  - mappings[i]: the keys and scalar values of the mapping that holds
 *    path[i] (null where path[i] is an item index), and for kind "key" one
 *    more entry, the mapping the new key goes into; the line being typed is
 *    left out of them;
 *  - item: true when the line being typed opened a new sequence item
 *    ("- " before the word), so an item's own value fits as well as a key;
 *  - prefix / from: the word typed so far and its offset in `text`;
 *  - col: the column of the word (for indenting what completion inserts).
 */
export function contextAt(text, offset) {
  const starts = lineStarts(text);
  let lineNo = starts.length - 1;
  while (starts[lineNo] > offset) lineNo--;
  const lineStart = starts[lineNo] + (lineNo === 0 && text[0] === "\ufeff" && offset > 0 ? 1 : 0);
  const before = text.slice(lineStart, offset);
  if (/[^ \t\r\n#]/.test(text[offset] || "")) return null; // inside a word: nothing to insert here
  if (/(^|[ \t])#/.test(before.replace(/"[^"]*"|'[^']*'/g, ""))) return null;

  const indent = before.match(/^ */)[0].length;
  let rest = before.slice(indent);
  const cursorNodes = [];
  let col = indent;
  for (;;) {
    const dash = rest.match(/^-[ \t]+/);
    if (!dash) break;
    cursorNodes.push({ kind: "item", col });
    col += dash[0].length;
    rest = rest.slice(dash[0].length);
  }
  let kind;
  let prefix;
  let wordCol;
  let space = false;
  const keyed = rest.match(KEY_RE);
  if (keyed) {
    const valueText = rest.slice(keyed[0].length);
    if (!/^[^ \t#]*$/.test(valueText.replace(/^["']/, ""))) return null;
    cursorNodes.push({ kind: "key", col, key: unquote(blanksTrimmed(keyed[1])) });
    kind = "value";
    space = !/[ \t]$/.test(keyed[0]);
    prefix = valueText.replace(/^["']/, "");
    wordCol = col + keyed[0].length + (valueText.length - prefix.length);
  } else if (/^[\w-]*$/.test(rest) && !/^-/.test(rest)) {
    kind = "key";
    prefix = rest;
    wordCol = col;
  } else {
    return null;
  }

  // The word being typed stands as a key node of its own (kind "key") or
  // is the value of the last key (kind "value").
  if (kind === "key") cursorNodes.push({ kind: "key", col: wordCol, key: prefix, cursor: true });
  else cursorNodes[cursorNodes.length - 1].cursor = true;
  const { all, inBlock } = parseLines(text.split("\n"), lineNo, cursorNodes);
  if (inBlock) return null;
  const cursorNode = cursorNodes[cursorNodes.length - 1];
  const owner = kind === "key" ? cursorNode.parent : cursorNode;
  const chain = owner ? pathOf(owner) : [];
  const path = chain.map((n) => (n.kind === "key" ? n.key : n.index));
  const mappings = chain.map((n) => (n.kind === "key" ? mappingOf(all, n.parent) : null));
  if (kind === "key") mappings.push(mappingOf(all, owner));
  const result = {
    kind,
    path,
    mappings,
    prefix,
    from: lineStart + wordCol,
    col: wordCol,
    item: kind === "key" && cursorNodes.length > 1 && owner === cursorNodes[cursorNodes.length - 2],
  };
  if (kind === "value") {
    result.key = path[path.length - 1];
    result.space = space; // "key:" with no blank yet: a value needs one before it
  }
  return result;
}
