#!/usr/bin/env bash
# Regenerates the screenshots of docs/officer-guide.md: the Excel templates as LibreOffice
# prints them (A4 landscape, first page) and the serve error overlay in Chromium.
# Needs: Debian's libreoffice-calc-nogui and poppler-utils (pdftoppm), chromium, and
# `npm install` in tools/browser.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/prongsai"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
$bin template plan --years 2566-2570 --output "$tmp/plan.xlsx"
$bin template report --content content --authority tua-yang --plan 2567-2570 --round 2567-6m --output "$tmp/report.xlsx"
for f in plan report; do
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$f.xlsx" > /dev/null
  # The top of the first page, large enough to read.
  pdftoppm -png -r 110 -f 1 -l 1 -x 0 -y 40 -W 1290 -H 480 -singlefile "$tmp/$f.pdf" "docs/screenshots/guide-$f-template"
done
node tools/browser/guide-screenshots.mjs "$bin" content docs/screenshots
