#!/usr/bin/env bash
# Times `prongsai check` (release build) on the four hostile inputs the content issue
# names: an alias bomb, 10,000-deep nesting, a 50 MB file and a NUL byte. Each must be
# refused with a message, fast and in little memory. Prints seconds and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/prongsai"
run() { # name, target path inside the base fixture, writer command
  local d; d=$(mktemp -d)
  cp -r tests/fixtures/base/. "$d/"
  eval "$3" > "$d/$2"
  local out
  out=$( { /usr/bin/time -f "%e s, %M KB peak" "$bin" check --content "$d"; } 2>&1 || true)
  printf '%-22s %s\n%-22s %s\n' "$1:" "$(grep -m1 ': error:' <<<"$out")" "" "$(tail -1 <<<"$out")"
  rm -rf "$d"
}
run "alias bomb" demo/ita/2566.yaml "cat tests/bad-input/ita-alias-bomb.yaml"
run "10,000-deep nesting" demo/ita/2566.yaml "cat tests/bad-input/ita-deep-nesting.yaml"
run "50 MB file" demo/plans/big.yaml "python3 -c \"import sys; sys.stdout.write('items:\\n' + '  - title: โครงการ\\n' * 1800000)\""
run "NUL byte" demo/authority.yaml "printf 'name: x\\000\\n'"
