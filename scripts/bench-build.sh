#!/usr/bin/env bash
# Times `prongsai build` of a content folder with /usr/bin/time: wall seconds and peak
# memory of each run, then the medians. Not a test: machines are shared and noisy, so
# read the median, and compare figures only from the same machine and run.
# Usage: scripts/bench-build.sh [content-dir] [runs]   (defaults: content 9)
set -euo pipefail
cd "$(dirname "$0")/.."
content="${1:-content}"
runs="${2:-9}"
cargo build --release --locked --quiet
bin="${CARGO_TARGET_DIR:-target}/release/prongsai"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" build --content "$content" --output "$out/site" 2>/dev/null   # warm the file cache
times=()
mems=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$out/time" "$bin" build --content "$content" --output "$out/site" 2>/dev/null
  read -r secs kb < "$out/time"
  times+=("$secs")
  mems+=("$kb")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
files=$(find "$out/site" -type f | wc -l)
pages=$(find "$out/site" -name '*.html' | wc -l)
bytes=$(du -sb "$out/site" | cut -f1)
echo "content:        $content"
echo "runs:           $runs"
echo "pages (html):   $pages"
echo "files:          $files ($bytes bytes)"
echo "median seconds: $(median "${times[@]}")   (all: ${times[*]})"
echo "median peak KB: $(median "${mems[@]}")   (all: ${mems[*]})"
echo "cores:          $(nproc)"
