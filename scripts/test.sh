#!/usr/bin/env bash
# The whole test suite: the Rust tests (unit, integration, and the search client driven in
# Node), then the browser checks in headless Chromium against the built example site.
# Needs Node.js, Debian's chromium, java and `npm install` in tools/browser (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked

site="$(mktemp -d)/site"
cargo run --locked --release --quiet -- build --content content --output "$site" > /dev/null
node tools/browser/search-test.mjs "$site"
rm -rf "$(dirname "$site")"

# serve in a real browser: an edit reloads the open page, a broken file shows the error
# overlay, the fix removes it. Three edits; the timings it prints are not asserted (see
# scripts/bench-serve.sh for the measured figures).
node tools/browser/serve-latency.mjs "${CARGO_TARGET_DIR:-target}/release/prongsai" content tua-yang 2567-6m 3

# the end-to-end suite: every page type at phone and desktop width, CSP, search, copy,
# print, axe-core, the Nu HTML Checker and Lighthouse (docs/quality.md)
bash scripts/e2e.sh
