// Tab in the guide's text. CodeMirror leaves Tab to the browser unless it is bound, and its docs
// (the `indentWithTab` note, and the accessibility guide) ask whoever binds it to keep a way out:
// Escape then Tab moves the focus on (CodeMirror's tab-focus mode, kept here), and the page says so.
// `indentWithTab` itself re-indents the whole line wherever the cursor is, so a keyboard user tabbing
// towards the toolbar pushed 'title:' right and broke the guide. Here, as in most code editors:
// - no selection: two spaces at the cursor (YAML indents with spaces, never tab characters);
// - at the very start of a line typed in column 1 (a top-level key such as 'title:', or a comment: the
//   first line of most guides, where the cursor is when the text gets the focus), nothing is typed and
//   Tab does what it does elsewhere in the page: the focus moves on (a top-level key is never indented);
// - a selection: its lines move two spaces right; Shift+Tab moves them (or the cursor's line) left.

import { indentLess, indentMore } from "@codemirror/commands";

const TOP_LEVEL = /^(#|[^\s#\-][^:]*:(\s|$))/;  // in column 1: 'title: Water', 'questions:', '# a comment'

/** Whether Tab at `pos` in a line (its text, where it starts) would push a top-level key or comment right. */
export function atTopKey(lineText, lineFrom, pos) {
  return pos === lineFrom && TOP_LEVEL.test(lineText);
}

export function tabCommand(view) {
  const { state } = view;
  if (state.readOnly) return false;
  if (state.selection.ranges.some((r) => !r.empty)) return indentMore(view);
  const pos = state.selection.main.head;
  const line = state.doc.lineAt(pos);
  if (state.selection.ranges.length === 1 && atTopKey(line.text, line.from, pos)) return false;
  view.dispatch(state.update(state.replaceSelection("  "), { scrollIntoView: true, userEvent: "input.indent" }));
  return true;
}

export const tabKeys = [{ key: "Tab", run: tabCommand, shift: indentLess }];
