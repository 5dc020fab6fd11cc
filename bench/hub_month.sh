#!/usr/bin/env bash
# The care-plan hub on a generated month (docs/performance.md "The care-plan hub and reconcile"):
# every office sends its 予定 / 実績 as one set, the claims are submitted, and the month is
# reconciled; prints the timings. Usage: bash bench/hub_month.sh DIR [RECIPIENTS] [OFFICES] (kaigo in
# build/; RECIPIENTS 10,000 and OFFICES 60 unless given).
set -euo pipefail
DIR=${1:?DIR}; N=${2:-10000}; OFFICES=${3:-60}
K=$(cd "$(dirname "$0")/.." && pwd)/build/kaigo
mkdir -p "$DIR" && cd "$DIR" && rm -rf g t.db*
$K gen --out g --month 202506 --offices "$OFFICES" --recipients "$N" --seed 7 --errors 0.05 >/dev/null
$K init --db t.db --config g/kokuhoren.toml >/dev/null
for t in offices insurers recipients services; do $K load --db t.db $t g/$t.csv >/dev/null; done
for o in $(ls g/careplan); do
  echo 'correct-horse-battery' | $K user add --db t.db --id KJ$o --role office --office $o >/dev/null
  $K careplan licence add --db t.db --office $o --applied-on 20250401 --at 2025-04-01T09:00 >/dev/null
done
start=$(date +%s.%N)
for o in $(ls g/careplan); do $K careplan send --db t.db --as KJ$o --at 2025-06-02T10:00 g/careplan/$o/* >/dev/null; done
echo "send: $(echo "$(date +%s.%N) - $start" | bc) s, $(du -sb g/careplan | cut -f1) bytes"
for f in $(find g/submissions -name 'KK*'); do $K submit --db t.db --at 2025-06-05T10:00 "$f" >/dev/null 2>&1; done
/usr/bin/time -f "reconcile: %e s, peak RSS %M KiB" $K careplan reconcile --db t.db --month 202506 --at 2025-06-06T09:00 --format json >rec.json
