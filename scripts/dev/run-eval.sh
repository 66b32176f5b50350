#!/bin/sh
# Bundle and run scripts/dev/eval-extract.ts (no TS runner in the toolchain; rolldown ships with vite).
# The bundle sits two levels under the repo so test/helpers/corpus.ts finds ../shared/corpus.
cd "$(dirname "$0")/../.." && mkdir -p node_modules/.qd-eval && npx rolldown scripts/dev/eval-extract.ts --platform node --format cjs \
  -o node_modules/.qd-eval/eval.cjs --external jsdom --external @mozilla/readability --log-level=silent >/dev/null 2>&1 && node node_modules/.qd-eval/eval.cjs "$@"
