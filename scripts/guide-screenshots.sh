#!/usr/bin/env bash
# Regenerates the screenshots of docs/officer-guide.md: the Excel templates as LibreOffice
# prints them (A4 landscape, first page) and the serve error overlay in Chromium.
# Needs: Debian's libreoffice-calc-nogui and poppler-utils (pdftoppm), chromium, and
# `npm install` in tools/browser.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --release --quiet
bin=target/release/prongsai
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
$bin template plan --years 2566-2570 --output "$tmp/plan.xlsx"
$bin template report --content content --authority tua-yang --plan 2567-2570 --round 2567-6m --output "$tmp/report.xlsx"
for f in plan report; do
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$f.xlsx" > /dev/null
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$tmp/$f.pdf" "docs/screenshots/guide-$f-template"
done
node tools/browser/guide-screenshots.mjs "$bin" content docs/screenshots
