#!/usr/bin/env bash
# Bytes a search fetches on a large portal (default 10,000 generated authorities), in
# headless Chromium, for every query of tools/browser/queries.txt: the first query on a
# fresh page (script, meta, dictionary, postings, records) and a later one on the same page.
# The pages come from the first 100 authorities (the generator makes them identical at any
# N); the search index is the whole portal's, written by `prongsai index`.
# usage: scripts/bench-search-scale.sh [AUTHORITIES=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
WORK="${WORK:-$(mktemp -d)}"
cargo build --locked --release --quiet --example synth
cargo build --locked --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release"
rm -rf "$WORK/content" "$WORK/pages" "$WORK/site"
"$BIN/examples/synth" --authorities "$N" --output "$WORK/content" > /dev/null
"$BIN/examples/synth" --authorities 100 --output "$WORK/pages" > /dev/null
"$BIN/prongsai" build --content "$WORK/pages" --output "$WORK/site" 2> /dev/null
/usr/bin/time -f "%e %M" -o "$WORK/t" "$BIN/prongsai" index --content "$WORK/content" --output "$WORK/site" 2> /dev/null
read -r secs kb < "$WORK/t"
docs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['docs'])" "$WORK/site/search/meta.json")
size=$(du -sk --exclude=index.html "$WORK/site/search" | cut -f1)
files=$(find "$WORK/site/search" -type f | wc -l)
node tools/browser/search-bench.mjs --bytes-only "$WORK/site" tools/browser/queries.txt > "$WORK/bytes.json"
python3 - "$WORK/bytes.json" "$N" "$docs" "$secs" "$kb" "$size" "$files" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1])); n, docs, secs, kb, size, files = sys.argv[2:]
q = d["queries"]
first = [x["prongsai"]["first"] for x in q]; later = [x["prongsai"]["later"] for x in q]
print(f"Portal of {int(n):,} generated authorities: {int(docs):,} search documents; `prongsai index` "
      f"(load, check, index, write) {float(secs):.1f} s, peak {int(kb)/1024:.0f} MB; index {int(size)/1024:.0f} MB in {int(files):,} files.\n")
print("| query | first query, bytes | later query, bytes |")
print("|---|---:|---:|")
for x in q:
    print(f"| {x['q']} | {x['prongsai']['first']:,} | {x['prongsai']['later']:,} |")
print(f"| **median / max** | **{int(statistics.median(first)):,} / {max(first):,}** | **{int(statistics.median(later)):,} / {max(later):,}** |")
PY
