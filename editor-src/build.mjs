// Bundles src/index.js into one minified IIFE and writes, beside it, the
// licence of every npm package that has bytes in the bundle (esbuild's
// metafile says which). Run by build.sh after `npm ci`.
import * as esbuild from "esbuild";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const staticDir = resolve(here, "../src/studyguide/editor/static");
const bundlePath = join(staticDir, "codemirror.js");
const licencesPath = join(staticDir, "THIRD-PARTY-LICENSES.txt");

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: ["src/index.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  charset: "ascii",
  metafile: true,
  write: false,
  outfile: bundlePath,
  banner: { js: "/* studyguide editor bundle: CodeMirror 6 and friends, built from editor-src/ by build.sh; licences in THIRD-PARTY-LICENSES.txt */" },
  logLevel: "warning",
});

// Packages with bytes in the output, from the inputs' paths under node_modules/.
const packages = new Map();
for (const output of Object.values(result.metafile.outputs)) {
  for (const [input, info] of Object.entries(output.inputs)) {
    if (!info.bytesInOutput) continue;
    const m = input.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) packages.set(m[1], join(here, "node_modules", m[1]));
  }
}

function licenceText(dir) {
  const names = readdirSync(dir).filter((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f)).sort();
  if (!names.length) throw new Error(`no licence file in ${dir}`);
  return names.map((f) => readFileSync(join(dir, f), "utf8").trim()).join("\n\n");
}

const parts = [
  "Third-party software in codemirror.js",
  "",
  "The editor bundle (codemirror.js) is built from editor-src/ by editor-src/build.sh",
  "and contains code from these npm packages, each under its own licence below.",
  "",
];
const names = [...packages.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
for (const name of names) {
  const meta = JSON.parse(readFileSync(join(packages.get(name), "package.json"), "utf8"));
  parts.push(`- ${name} ${meta.version} (${meta.license})`);
}
// Installed for the bundle but tree-shaken out entirely: named, so that a
// reader (and tests/test_editor_bundle.py) can account for every runtime
// package of package-lock.json.
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const unused = Object.entries(lock.packages)
  .filter(([path, meta]) => path.startsWith("node_modules/") && !meta.dev)
  .map(([path, meta]) => [path.slice("node_modules/".length), meta.version])
  .filter(([name]) => !packages.has(name))
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
parts.push("", "Installed with them but with no code in the bundle (tree-shaken out):", "");
for (const [name, version] of unused) parts.push(`- ${name} ${version}`);
for (const name of names) {
  const dir = packages.get(name);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  parts.push("", "=".repeat(72), `${name} ${meta.version}`, `License: ${meta.license}`, "", licenceText(dir));
}

for (const file of result.outputFiles) writeFileSync(bundlePath, file.contents);
writeFileSync(licencesPath, parts.join("\n") + "\n");
const size = result.outputFiles[0].contents.length;
console.log(`${bundlePath}: ${size} bytes; ${names.length} packages: ${names.join(", ")}`);
