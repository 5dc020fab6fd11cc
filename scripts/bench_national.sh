#!/usr/bin/env bash
# make bench-national (issue 19 item 6; not in CI): the month of a whole country on this machine —
# ~15 M 明細書 of ~5 M people from offices of ~75 明細書 each (the national month: tens of thousands
# of 事業所, most of them small) — generated, then timed end to end as an operator runs it:
# init → load → submit (every file) → review → results (the official files; PDF on demand), with
# wall time, CPU and peak RSS per step, and the database's size.
# Usage: scripts/bench_national.sh [BUILD_DIR] [SCALE]   — SCALE 1 = the national month (default);
# 0.1 = a tenth of it (to try the script, or on a machine with less disk).
# Disk: about 0.5 GB of claim files and 1.2 GB of database per million 明細書 after the review (~26 GB
# at SCALE 1; the care-plan files are not written: kaigo gen --no-careplan).
# KEEP_MONTH=DIR keeps the month and its database in DIR; otherwise a temporary folder removed at the end.
set -euo pipefail
build=${1:-build}
scale=${2:-1}
kaigo="$build/kaigo"
statements=$(awk -v s="$scale" 'BEGIN { printf "%d", 15000000 * s }')
recipients=$((statements / 3))
offices=$((statements / 75))
source "$(dirname "$0")/bench_steps.sh"
echo "# kaigo bench-national $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, scale $scale: ~$statements 明細書, $recipients recipients, $offices offices"
step gen "$kaigo" gen --out "$tmp/m" --month 202605 --offices "$offices" --recipients "$recipients" --errors 0.05 \
  --all-mistakes --no-careplan --platform-people 0
grep -E "明細書" "$tmp/out.txt" | head -1
take_in_month "$kaigo"
grep -E "明細書|給付管理票" "$tmp/out.txt"
step results "$kaigo" results --db "$tmp/k.db" --month 202605 --out "$tmp/results"
echo "results: $(find "$tmp/results" -name '*.CSV' | wc -l) official files, $(du -sb "$tmp/results" | cut -f1) bytes"
ls -l "$tmp/k.db" | awk '{print "database bytes:", $5}'
