#!/usr/bin/env bash
# The end-to-end browser suite (issue 8; docs/quality.md): builds the example site in release,
# serves it on 127.0.0.1 under /transparency/ and checks every page type in headless Chromium
# at 390 and 1280 px (load, console, failed requests, Content-Security-Policy, sideways
# scroll), Thai search, the ITA copy buttons, A4-landscape printing of the plan pages,
# axe-core (WCAG 2.0/2.1 A and AA), the W3C Nu HTML Checker (Java) on every HTML file, and
# Lighthouse (mobile) on home, a plan, an item and a report page (every category >= 0.95).
# Needs Node.js, Debian's chromium, java (default-jre-headless) and `npm install` in
# tools/browser; .ci/run installs them. Arguments go to tools/browser/e2e.mjs
# (e.g. --only load,axe, or --out DIR to keep the PDFs and Lighthouse reports).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo run --locked --release --quiet -- build --content content --output "$work/site" > /dev/null
node tools/browser/e2e.mjs "$work/site" "$@"
