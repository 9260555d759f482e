// Our messages say where a problem is as 1-based line:column, counting
// characters (Python's str index); CodeMirror counts UTF-16 code units from
// the document's start. These turn one into the other.

function lineBounds(text, line) {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return null;
    start = next + 1;
  }
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  return { start, end };
}

// Offset of a 1-based character column in the line [start, end), clamped to it.
function columnOffset(text, start, end, column) {
  let pos = start;
  for (let c = 1; c < column && pos < end; c++) {
    const code = text.charCodeAt(pos);
    pos += code >= 0xd800 && code <= 0xdbff && pos + 1 < end ? 2 : 1;
  }
  return pos;
}

/** The document offset of 1-based (line, column); lines past the end give the end. */
export function offsetOf(text, line, column = 1) {
  const bounds = lineBounds(text, Math.max(1, Math.floor(line) || 1));
  if (!bounds) return text.length;
  return columnOffset(text, bounds.start, bounds.end, Math.max(1, Math.floor(column) || 1));
}

/**
 * {from, to} of a diagnostic {line, column, endLine?, endColumn?}: endColumn
 * is the column just after the last character marked (exclusive); with no end
 * given, to the end of the line. An empty range grows to the character after
 * it, or before it at a line's end, so that something is underlined.
 */
export function diagnosticRange(text, d) {
  const from = offsetOf(text, d.line, d.column || 1);
  let to;
  if (d.endLine || d.endColumn) {
    to = offsetOf(text, d.endLine || d.line, d.endColumn || Number.MAX_SAFE_INTEGER);
  } else {
    const bounds = lineBounds(text, Math.max(1, Math.floor(d.line) || 1));
    to = bounds ? bounds.end : text.length;
  }
  if (to < from) to = from;
  if (to === from) {
    const bounds = lineBounds(text, Math.max(1, Math.floor(d.line) || 1));
    if (bounds && from < bounds.end) to = from + 1;
    else if (bounds && from > bounds.start) return { from: from - 1, to: from };
  }
  return { from, to };
}
