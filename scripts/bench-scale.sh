#!/usr/bin/env bash
# How a full build grows with the number of authorities: generates a synthetic portal of
# each size (examples/synth.rs, seed 2566), builds it RUNS times with /usr/bin/time and
# prints one Markdown table row per size: pages, median seconds, pages per second, median
# peak memory, search-index bytes, and the median of each stage (`build --timings`).
#
# Usage: scripts/bench-scale.sh [runs] [sizes...]     (defaults: 3 runs; 100 1000 7850)
# Needs about 7 GB free beside $BENCH_DIR (default /tmp/prongsai-bench) for 7,850.
#
# Every run writes into a new folder, as a first build would. ext4 skips inodes freed in
# the last minute when it allocates new ones, which makes creating files after a large
# delete several times slower; so each run starts after its predecessor's output was
# deleted and the disk synced and left a minute (SETTLE seconds, default 65), then the
# content is read once (a check) so that it is in the file cache, as it would be for a
# publisher's second build. Not a test:
# machines are shared and noisy, so read the medians, and compare only figures from the
# same machine and run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 7850)
settle="${SETTLE:-65}"
work="${BENCH_DIR:-/tmp/prongsai-bench}"
mkdir -p "$work"
cargo build --release --locked --quiet --bin prongsai --example synth
bin="${CARGO_TARGET_DIR:-target}/release/prongsai"
synth="${CARGO_TARGET_DIR:-target}/release/examples/synth"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| authorities | pages (html) | files | median s | pages/s | median peak MB | search index bytes | load+check s | pages+data s | index s (alongside) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  content="$work/content-$n"
  [ -f "$content/site.yaml" ] || "$synth" --authorities "$n" --output "$content" --force >/dev/null 2>&1
  times=(); mems=(); load=(); pages=(); index=()
  for r in $(seq "$runs"); do
    rm -rf "$work/site"
    sync
    sleep "$settle"
    # Warm the file cache with a check, as a publisher's second build would find it. Right
    # before the run: this machine's kernel (DAMON, `pageout` of anything idle for 30 s)
    # empties the cache during the settle, and a national build then spends 10 s reading.
    "$bin" check --content "$content" >/dev/null 2>&1 || true
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --timings --content "$content" --output "$work/site" 2>"$work/stderr"
    read -r secs kb < "$work/time"
    times+=("$secs"); mems+=("$((kb / 1024))")
    load+=("$(awk '/load and check/ {print $1}' "$work/stderr")")
    pages+=("$(awk '/authority pages and data files/ {print $1}' "$work/stderr")")
    index+=("$(awk '/search index/ {print $1}' "$work/stderr")")
    echo "  run $r of $n: $secs s, $((kb / 1024)) MB" >&2
  done
  html=$(find "$work/site" -name '*.html' | wc -l)
  files=$(find "$work/site" -type f | wc -l)
  index_bytes=$(du -sb "$work/site/search" | cut -f1)
  s=$(median "${times[@]}")
  rate=$(awk -v p="$html" -v s="$s" 'BEGIN {printf "%.0f", p / s}')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$html" "$files" "$s" "$rate" \
    "$(median "${mems[@]}")" "$index_bytes" "$(median "${load[@]}")" "$(median "${pages[@]}")" "$(median "${index[@]}")"
  rm -rf "$work/site"
done
echo
echo "runs: $runs per size; cores: $(nproc); $(uname -sr); $("$bin" --version)"
