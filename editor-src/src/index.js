// The code editor of `studyguide edit`: CodeMirror 6 set up for a guide's
// YAML, exposed as window.StudyguideEditor (see docs/editor-bundle.md).

import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { tabKeys } from "./tabkey.js";
import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics as lintDiagnostics } from "@codemirror/lint";
import { snippetCompletion } from "@codemirror/autocomplete";
import { contextAt } from "./yamlpath.js";
import { completionsAt, snippetsAt } from "./schemacomplete.js";
import { diagnosticRange, offsetOf } from "./diagnostics.js";

// Completion: the keys and values the schema allows at the cursor, and the
// page's snippets where a key or a new item could start.
function completionSource(schema, snippets) {
  return (context) => {
    const text = context.state.doc.toString();
    const ctx = contextAt(text, context.pos);
    if (!ctx) return null;
    if (!context.explicit && ctx.kind === "key" && ctx.prefix === "") return null;
    const { keys, values } = schema ? completionsAt(schema, ctx) : { keys: [], values: [] };
    const lead = ctx.kind === "value" && ctx.space ? " " : "";
    const options = [
      ...keys.map((k) => ({
        label: k.label, detail: k.detail, info: k.info || undefined,
        apply: k.apply, type: "property", boost: k.required ? 1 : 0,
      })),
      ...values.map((v) => ({
        label: v.label, detail: v.detail || undefined, info: v.info || undefined,
        apply: lead + v.label, type: "enum", boost: 2,
      })),
    ];
    const fitting = schema ? snippetsAt(schema, ctx, snippets)
      : ctx.kind === "key" ? (snippets || []).map((snippet) => ({ snippet, text: String(snippet.text) })) : [];
    for (const { snippet, text: body } of fitting) {
      options.push(snippetCompletion(body, { label: snippet.label, detail: snippet.detail || "", type: "text", boost: -1 }));
    }
    if (!options.length) return null;
    return { from: ctx.from, options, validFor: /^[\w-]*$/ };
  };
}

const layout = EditorView.theme({
  "&": { height: "100%", fontSize: "14px" },
  ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
  ".cm-tooltip.cm-tooltip-autocomplete > ul": { maxHeight: "18em" },
  ".cm-completionInfo": { maxWidth: "28em", whiteSpace: "normal" },
});

/**
 * Make an editor inside `parent`. options: {doc, schema, snippets, onChange,
 * onSave}. Returns {getText, setText, setDiagnostics, goto, focus, view}.
 */
function create(parent, options = {}) {
  const { doc = "", schema = null, snippets = [], onChange = null, onSave = null } = options;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        Prec.highest(keymap.of([{ key: "Mod-s", preventDefault: true, stopPropagation: true, run: () => { if (onSave) onSave(); return true; } }])),
        keymap.of(tabKeys),
        yaml(),
        yamlLanguage.data.of({ autocomplete: completionSource(schema, snippets) }),
        lintGutter(),
        EditorView.lineWrapping,
        layout,
        EditorView.updateListener.of((update) => {
          if (update.docChanged && onChange) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: String(text) } });
    },
    setDiagnostics(list) {
      const text = view.state.doc.toString();
      const diagnostics = (list || []).map((d) => {
        const { from, to } = diagnosticRange(text, d);
        return { from, to, severity: d.severity === "warning" ? "warning" : "error", message: String(d.message) };
      });
      view.dispatch(lintDiagnostics(view.state, diagnostics));
    },
    goto(line, column = 1) {
      const pos = offsetOf(view.state.doc.toString(), line, column);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
    focus: () => view.focus(),
  };
}

globalThis.StudyguideEditor = { create, version: 1 };
