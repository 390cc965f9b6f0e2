#!/usr/bin/env bash
# From saving a report to the reloaded page in headless Chromium, with `prongsai serve`.
# Usage: scripts/bench-serve.sh [runs]            on the example content (one authority edited)
#        scripts/bench-serve.sh RUNS DIR A ROUND  on any content folder, e.g. a synth portal
# Prints each run and the median (milliseconds). Needs Debian's chromium and
# `npm install` in tools/browser.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-21}"
content="${2:-content}"
authority="${3:-tua-yang}"
round="${4:-2567-6m}"
cargo build --locked --release --quiet
node tools/browser/serve-latency.mjs "${CARGO_TARGET_DIR:-target}/release/prongsai" "$content" "$authority" "$round" "$runs"
