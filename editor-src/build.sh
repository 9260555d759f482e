#!/bin/sh
# Rebuild src/studyguide/editor/static/codemirror.js and THIRD-PARTY-LICENSES.txt
# from the pinned package-lock.json. Needs Node 18+ and npm; see docs/editor-bundle.md.
set -eu
cd "$(dirname "$0")"
mkdir -p ../src/studyguide/editor/static
# Exact versions from the lock; no install scripts (esbuild's binary comes as
# the optional package @esbuild/<platform>, its postinstall only checks it).
npm ci --ignore-scripts --no-audit --no-fund
node build.mjs
