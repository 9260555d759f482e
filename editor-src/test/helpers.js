import { readFileSync } from "node:fs";
import { contextAt } from "../src/yamlpath.js";

// The guide schema as `studyguide schema` prints it (tests/test_editor_bundle.py
// checks this copy against the command's output).
export const schema = JSON.parse(readFileSync(new URL("./fixtures/schema.json", import.meta.url), "utf8"));

// Text with "¦" where the cursor is: the context there.
export function at(source) {
  const offset = source.indexOf("¦");
  if (offset < 0) throw new Error("no cursor mark");
  return contextAt(source.replace("¦", ""), offset);
}
