#!/usr/bin/env bash
# prongsai against Hugo on the same pages: a synthetic portal of AUTHORITIES authorities
# (default 245: about 10,000 pages) is built once by prongsai; examples/hugo_site.rs turns
# that site into a plain Markdown site with the same pages at the same addresses and the
# same text (each page's title and the text of its <main>). Then, RUNS times, each tool
# builds its site into a new folder, alternating which goes first, timed with /usr/bin/time.
# prongsai's build includes what Hugo's does not: the search index, CSV/JSON/Excel open
# data, attachments. Prints the medians as a Markdown table.
#
# Usage: scripts/bench-hugo.sh [runs] [authorities]      (defaults: 5 245)
# Needs Debian's hugo (apt-get install hugo). Outputs are kept until the end (about 0.5 GB
# per run), so no run creates files right after a large delete (ext4 then skips the freed
# inodes for a minute, which slows whoever runs next).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
n="${2:-245}"
command -v hugo >/dev/null || { echo "bench-hugo: hugo is not installed (apt-get install hugo)" >&2; exit 2; }
work="${BENCH_DIR:-/tmp/prongsai-bench}/hugo-$n"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cargo build --release --locked --quiet --bin prongsai --example synth --example hugo_site
bin="${CARGO_TARGET_DIR:-target}/release/prongsai"
examples="${CARGO_TARGET_DIR:-target}/release/examples"
"$examples/synth" --authorities "$n" --output "$work/content" >/dev/null 2>&1
"$bin" build --content "$work/content" --output "$work/reference" 2>/dev/null
"$examples/hugo_site" --from "$work/reference" --output "$work/hugo" 2>/dev/null
# Warm both tools' inputs in the file cache.
"$bin" check --content "$work/content" >/dev/null 2>&1 || true
# The warm-up output is kept until the end: deleting it here would slow the first run.
(cd "$work/hugo" && hugo --quiet -d "$work/warm" >/dev/null 2>&1)
sync
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pt=(); pm=(); ht=(); hm=()
run_prongsai() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --content "$work/content" --output "$work/p-$1" 2>/dev/null
  read -r s kb < "$work/time"; pt+=("$s"); pm+=("$((kb / 1024))")
}
run_hugo() {
  (cd "$work/hugo" && /usr/bin/time -f "%e %M" -o "$work/time" hugo --quiet -d "$work/h-$1" >/dev/null 2>&1)
  read -r s kb < "$work/time"; ht+=("$s"); hm+=("$((kb / 1024))")
}
for r in $(seq "$runs"); do
  if [ $((r % 2)) -eq 1 ]; then run_prongsai "$r"; run_hugo "$r"; else run_hugo "$r"; run_prongsai "$r"; fi
  echo "  run $r: prongsai ${pt[-1]} s ${pm[-1]} MB, hugo ${ht[-1]} s ${hm[-1]} MB" >&2
done
p_pages=$(find "$work/p-1" -name '*.html' | wc -l)
h_pages=$(find "$work/h-1" -name '*.html' | wc -l)
p_text=$(du -sb "$work/hugo/content" | cut -f1)
echo "Same $n-authority portal; Hugo's Markdown holds the pages' text ($p_text bytes)."
echo
echo "| tool | pages (html) | median s | pages/s | median peak MB | builds also |"
echo "|---|---:|---:|---:|---:|---|"
printf '| prongsai | %s | %s | %s | %s | search index, CSV/JSON/Excel, feed, sitemap |\n' "$p_pages" "$(median "${pt[@]}")" \
  "$(awk -v p="$p_pages" -v s="$(median "${pt[@]}")" 'BEGIN {printf "%.0f", p / s}')" "$(median "${pm[@]}")"
printf '| %s | %s | %s | %s | %s | RSS, sitemap |\n' "$(hugo version | cut -d' ' -f1-2)" "$h_pages" "$(median "${ht[@]}")" \
  "$(awk -v p="$h_pages" -v s="$(median "${ht[@]}")" 'BEGIN {printf "%.0f", p / s}')" "$(median "${hm[@]}")"
echo
echo "speed-up: $(awk -v h="$(median "${ht[@]}")" -v p="$(median "${pt[@]}")" 'BEGIN {printf "%.2f", h / p}')x; runs: $runs; cores: $(nproc)"
