#!/usr/bin/env bash
# make bench: reader/writer throughput (Google Benchmark, median of repetitions), the 1 GB file read
# in bounded memory, and the generator's speed. Figures go to stdout and to bench-results.txt;
# docs/performance.md records them with the date and machine.
set -euo pipefail
build=${1:-build}
out=${BENCH_OUT:-bench-results.txt}
big_mb=${BIG_MB:-1024}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo "# kaigo bench $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -m)"
  echo "## codec throughput (one core; median of 8 repetitions)"
  "$build/bench/kaigo_bench" --benchmark_filter='BM_(Read|Write|Find|Cp932)' --benchmark_min_time=1 \
    --benchmark_repetitions=8 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "median|Benchmark"
  echo "## care-plan files: careplan check of a 64 MB 第6表 予定 file, and writing it (one core; median of 8)"
  "$build/bench/kaigo_bench" --benchmark_filter='BM_Careplan' --benchmark_min_time=1 \
    --benchmark_repetitions=8 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "median|Benchmark"
  echo "## reading a ${big_mb} MB file: kaigo inspect (wall time, peak RSS)"
  "$build/bench/kaigo_bench_bigfile" "$tmp/big.csv" "$big_mb"
  ls -l "$tmp/big.csv" | awk '{print "file bytes:", $5}'
  /usr/bin/time -f "elapsed %e s, max RSS %M KB" "$build/kaigo" inspect "$tmp/big.csv" >"$tmp/inspect.txt"
  grep -E "データレコード|診断" "$tmp/inspect.txt"
  echo "## kaigo precheck of the same file: every check, fixture office and insurer ledgers (wall, user, peak RSS)"
  /usr/bin/time -f "elapsed %e s, user %U s, max RSS %M KB" "$build/kaigo" precheck --format csv --month 202605 \
    --offices tests/fixtures/precheck/offices.csv --insurers tests/fixtures/precheck/insurers.csv "$tmp/big.csv" \
    >"$tmp/precheck.csv"
  echo "error rows: $(($(wc -l <"$tmp/precheck.csv") - 1)) (the file has no 請求書 row: one KP30)"
  rm -f "$tmp/big.csv"
  echo "## printing a 7411 notice of 1,000 rows: kaigo render (PDF + HTML; wall time, peak RSS)"
  bash "$(dirname "$0")/long_notice.sh" 1000 >"$tmp/7411.CSV"
  /usr/bin/time -f "elapsed %e s, max RSS %M KB" "$build/kaigo" render "$tmp/7411.CSV" >/dev/null
  ls -l "$tmp/7411.pdf" | awk '{print "pdf bytes:", $5}'
  echo "## review in memory: a gen month of ~100k and ~1M 明細書 (batch), ~1M streamed (review only is timed)"
  "$build/bench/kaigo_bench" --benchmark_filter='BM_Review' 2>/dev/null | grep -E "^BM_"
  echo "## kaigo gen: 2,000 offices, 200,000 recipients"
  /usr/bin/time -f "elapsed %e s, max RSS %M KB" "$build/kaigo" gen --out "$tmp/gen" --month 202605 --offices 2000 \
    --recipients 200000 | grep -E "明細書"
  echo "## the platform: a 1,000,000-row linkage file applied, the store filled to 10,000,000 records, 10,000 views (p50/p99)"
  /usr/bin/time -f "elapsed %e s, max RSS %M KB" "$build/bench/kaigo_bench_platform" ${PLATFORM_BENCH_ARGS:-1000000 10000000 10000}
  echo "## the month pipeline (gen, init, load, submit every file, review): 100k and 1M 明細書 (MONTH_SIZES)"
  pages_n=${PAGES_MONTH_SIZE:-1000000}
  for n in ${MONTH_SIZES:-100000 1000000}; do
    # The month the pages are timed on is kept (and not made twice).
    if [ "$n" = "$pages_n" ]; then keep="$tmp/pages-month"; else keep=""; fi
    KEEP_MONTH="$keep" bash "$(dirname "$0")/bench_month.sh" "$build" "$n"
  done
  echo "## the care-plan hub: every office sends its 予定 / 実績, then careplan reconcile (100,000 persons, 600 offices)"
  bash "$(dirname "$0")/../bench/hub_month.sh" "$tmp/hub" "${HUB_RECIPIENTS:-100000}" "${HUB_OFFICES:-600}"
  rm -rf "$tmp/hub"
  echo "## kaigo serve under load: 200 clients upload 2,000 files over loopback TLS, then again with a kill -9 at half"
  "$build/bench/kaigo_bench_server_load" --kaigo "$build/kaigo" --offices 1600 --clients 200
  "$build/bench/kaigo_bench_server_load" --kaigo "$build/kaigo" --offices 1600 --clients 200 --kill
  echo "## the web pages on the 1M month: every page's HTML and API call (p50 / p95 / max of 20, over TLS)"
  bash "$(dirname "$0")/bench_pages.sh" "$build" "$pages_n" "$tmp/pages-month"
} 2>&1 | tee "$out"
