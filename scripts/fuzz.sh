#!/usr/bin/env bash
# Runs every libFuzzer target for the given number of seconds, all at once: the 交換情報 reader
# (reader), the pre-check (precheck) and the care-plan files (careplan) — every tests/fuzz/*_fuzz.cpp
# — each starting from its committed seed corpus in tests/fuzz/corpus/<name> (copied, so the
# repository is not touched). Fails on any crash, leak, timeout or sanitizer report.
set -euo pipefail
build=${1:-build-san}
seconds=${2:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=()
pids=()
for target in "$build"/tests/fuzz/*_fuzz; do
  [ -x "$target" ] || continue
  name=$(basename "$target" _fuzz)
  mkdir -p "$work/$name" "$work/$name-artifacts"
  if [ -d "tests/fuzz/corpus/$name" ]; then cp -r "tests/fuzz/corpus/$name/." "$work/$name/"; fi
  echo "fuzz: $name for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/$name-artifacts/" -print_final_stats=1 "$work/$name" 2>"$work/$name.log" &
  names+=("$name")
  pids+=($!)
done
status=0
for i in "${!pids[@]}"; do
  name=${names[$i]}
  if ! wait "${pids[$i]}"; then
    echo "fuzz: $name FAILED"
    tail -50 "$work/$name.log"
    status=1
  else
    echo "fuzz: $name: $(grep -E "stat::number_of_executed_units" "$work/$name.log" | tail -1)"
  fi
done
exit $status
