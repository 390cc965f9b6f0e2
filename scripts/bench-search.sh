#!/usr/bin/env bash
# Search index side by side: prongsai and Pagefind 1.6 on the same generated Thai site.
# usage: scripts/bench-search.sh [AUTHORITIES=300] [RUNS=3]
# Needs: Debian's chromium, `npm install` in tools/browser (playwright-core, pagefind).
# Prints a Markdown table for docs/benchmarks.md; the raw figures stay in $WORK.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300}"
RUNS="${2:-3}"
WORK="${WORK:-$(mktemp -d)}"
PAGEFIND=tools/browser/node_modules/.bin/pagefind

cargo build --locked --release --quiet --example synth
cargo build --locked --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release"
rm -rf "$WORK/content" "$WORK/site"
"$BIN/examples/synth" --authorities "$N" --output "$WORK/content" > /dev/null
# Unminified: Pagefind indexes <body> elements, and minified pages omit the optional tag.
"$BIN/prongsai" build --content "$WORK/content" --output "$WORK/site" --no-minify 2> /dev/null
pages=$(find "$WORK/site" -name '*.html' | wc -l)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$WORK/prongsai.times"
: > "$WORK/pagefind.times"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$BIN/prongsai" index --content "$WORK/content" --output "$WORK/site" 2> /dev/null
  cat "$WORK/t" >> "$WORK/prongsai.times"
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$PAGEFIND" --site "$WORK/site" --output-path "$WORK/site/pagefind" > /dev/null
  cat "$WORK/t" >> "$WORK/pagefind.times"
done
p_s=$(cut -d' ' -f1 "$WORK/prongsai.times" | median); p_m=$(cut -d' ' -f2 "$WORK/prongsai.times" | median)
f_s=$(cut -d' ' -f1 "$WORK/pagefind.times" | median); f_m=$(cut -d' ' -f2 "$WORK/pagefind.times" | median)
p_size=$(du -sk --exclude=index.html "$WORK/site/search" | cut -f1); f_size=$(du -sk "$WORK/site/pagefind" | cut -f1)
p_files=$(find "$WORK/site/search" -type f | wc -l); f_files=$(find "$WORK/site/pagefind" -type f | wc -l)

node tools/browser/search-bench.mjs "$WORK/site" tools/browser/queries.txt > "$WORK/queries.json"

python3 - "$WORK/queries.json" "$N" "$pages" "$RUNS" "$p_s" "$p_m" "$f_s" "$f_m" "$p_size" "$f_size" "$p_files" "$f_files" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1]))
n, pages, runs, p_s, p_m, f_s, f_m, p_size, f_size, p_files, f_files = sys.argv[2:]
q = d["queries"]
truth = sum(x["truth"] for x in q)
def rec(k): return sum(x[k + "_found"] for x in q) / truth * 100
def med(k, w): return int(statistics.median(x[k][w] for x in q))
def mx(k, w): return max(x[k][w] for x in q)
print(f"Generated site: {n} authorities, {pages} HTML pages, {d['items']} item pages; {len(q)} queries "
      f"with {truth} matching items in all; times and memory are medians of {runs} runs.\n")
print("| | prongsai | Pagefind 1.6.0 |")
print("|---|---:|---:|")
print(f"| index build, seconds | {float(p_s):.2f} | {float(f_s):.2f} |")
print(f"| index build, peak memory (MB) | {int(p_m)/1024:.0f} | {int(f_m)/1024:.0f} |")
print(f"| index on disk (KB, files) | {p_size} ({p_files}) | {f_size} ({f_files}) |")
print(f"| first query, bytes fetched (median / max) | {med('prongsai','first'):,} / {mx('prongsai','first'):,} | {med('pagefind','first'):,} / {mx('pagefind','first'):,} |")
print(f"| later query, bytes fetched (median / max) | {med('prongsai','later'):,} / {mx('prongsai','later'):,} | {med('pagefind','later'):,} / {mx('pagefind','later'):,} |")
print(f"| recall over the query set | {rec('prongsai'):.1f} % | {rec('pagefind'):.1f} % |")
print()
print("| query | items holding it | prongsai finds | Pagefind finds |")
print("|---|---:|---:|---:|")
for x in q:
    print(f"| {x['q']} | {x['truth']} | {x['prongsai_found']} | {x['pagefind_found']} |")
PY
