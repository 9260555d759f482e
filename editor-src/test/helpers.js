import { readFileSync } from "node:fs";
import { contextAt } from "../src/yamlpath.js";

// The guide schema as `studyguide schema` prints it: the file STUDYGUIDE_SCHEMA
// names (tests/test_editor_bundle.py passes the command's output of the moment),
// else the copy saved in fixtures/ (refresh it when the schema changes).
const schemaFile = process.env.STUDYGUIDE_SCHEMA || new URL("./fixtures/schema.json", import.meta.url);
export const schema = JSON.parse(readFileSync(schemaFile, "utf8"));

// Text with "¦" where the cursor is: the context there.
export function at(source) {
  const offset = source.indexOf("¦");
  if (offset < 0) throw new Error("no cursor mark");
  return contextAt(source.replace("¦", ""), offset);
}
