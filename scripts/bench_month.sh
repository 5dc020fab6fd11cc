#!/usr/bin/env bash
# The month pipeline as an operator runs it, timed: gen → init → load → submit (every file) →
# review → results (official files) → print (PDF, HTML of every notice), for a month of about N 明細書 (N/2.9 recipients, N/250 offices).
# Usage: scripts/bench_month.sh [BUILD_DIR] N   — prints wall time, CPU and peak RSS per step.
set -euo pipefail
build=${1:-build}
n=${2:-100000}
kaigo="$build/kaigo"
# KEEP_MONTH=DIR: build the month in DIR and keep it (database k.db, results/) for later
# measurements (scripts/bench_pages.sh); otherwise a temporary folder removed at the end.
source "$(dirname "$0")/bench_steps.sh"
# ALL_MISTAKES=1: a month with every kind of mistake the generator knows (--errors 0.05
# --all-mistakes: 日割り, 摘要, 公費, 総合事業 …) and its 公費受給者台帳 and municipal 総合事業 codes loaded — the review "with all of it
# switched on" (issue 18).
gen_extra=()
[ -n "${ALL_MISTAKES:-}" ] && gen_extra=(--errors 0.05 --all-mistakes)
recipients=$((n * 10 / 29))
offices=$((n / 250 < 6 ? 6 : n / 250))
echo "## month of ~$n 明細書 ($offices offices, $recipients recipients)"
step gen "$kaigo" gen --out "$tmp/m" --month 202605 --offices "$offices" --recipients "$recipients" "${gen_extra[@]}"
grep -E "明細書" "$tmp/out.txt"
take_in_month "$kaigo"
grep -E "明細書|給付管理票" "$tmp/out.txt"
step results "$kaigo" results --db "$tmp/k.db" --month 202605 --out "$tmp/results"
echo "results: $(find "$tmp/results" -name '*.CSV' | wc -l) official files, $(du -sb "$tmp/results" | cut -f1) bytes"
# Printing every notice (what results --print adds; otherwise each is printed when first asked for).
step print "$kaigo" render "$tmp/results"
echo "printed: $(find "$tmp/results" -name '*.pdf' | wc -l) PDF, $(du -sb "$tmp/results" | cut -f1) bytes"
ls -l "$tmp/k.db" | awk '{print "database bytes:", $5}'
