#!/usr/bin/env bash
# Records the digests GeneratedMonthResults compares with (tests/scenarios/generated_month_results_test.cpp):
# the same month through the same commands, every file of both results folders.
# Usage: tests/scenarios/golden/record.sh build/kaigo   (only when a change of the results is meant)
set -euo pipefail
kaigo=$(realpath "${1:-build/kaigo}")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
m="$tmp/month"; db="$tmp/k.db"
"$kaigo" gen --out "$m" --month 202605 --offices 8 --recipients 200 --seed 7 --errors 0.3 >/dev/null
"$kaigo" init --db "$db" --config "$m/kokuhoren.toml" >/dev/null
for t in services offices insurers recipients; do "$kaigo" load --db "$db" "$t" "$m/$t.csv" >/dev/null; done
"$kaigo" submit --db "$db" --at 2026-05-05T10:00:00 "$m"/submissions/*/*.CSV >/dev/null 2>&1
"$kaigo" review --db "$db" --month 202605 >/dev/null
"$kaigo" results --print --db "$db" --month 202605 --out "$tmp/r5" >/dev/null
"$kaigo" review --db "$db" --month 202606 >/dev/null
"$kaigo" results --db "$db" --month 202606 --out "$tmp/r6" >/dev/null
"$kaigo" render "$tmp/r6" >/dev/null
(cd "$tmp" && find r5 r6 -type f | LC_ALL=C sort | while read -r f; do echo "$(sha256sum "$f" | cut -d' ' -f1)  $f"; done) \
  >"$here/generated-month.sha256"
echo "recorded $(wc -l <"$here/generated-month.sha256") digests"
