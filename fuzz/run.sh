#!/usr/bin/env bash
# Runs every fuzz target (or those named) one after the other, SECONDS each (default 600),
# starting from the committed seeds and the corpus of earlier runs (fuzz/corpus, not kept
# in git). Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Logs go to fuzz/logs/<target>.log; a crash leaves its input in fuzz/artifacts/<target>/.
# Not part of CI: see docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${SECONDS_EACH:-600}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(numbers dates content_yaml markdown)
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "== $t: ${seconds}s ($(date -u +%FT%TZ))"
  cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | tee "logs/$t.log" | tail -n 25
done
