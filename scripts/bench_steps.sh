# Sourced by the month benchmarks (bench_month.sh, bench_national.sh): the working folder `tmp`
# (KEEP_MONTH=DIR builds the month in DIR and keeps it; otherwise a temporary folder removed at the
# end), and `step NAME COMMAND…`, which runs the command and prints its wall time, CPU and peak RSS
# (its output in $tmp/out.txt; on failure its errors, and the benchmark stops).
if [ -n "${KEEP_MONTH:-}" ]; then
  tmp=$KEEP_MONTH
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi
step() {
  local name=$1
  shift
  /usr/bin/time -f "$name: %e s wall, %U s user, %S s sys, max RSS %M KB" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt" || {
    cat "$tmp/err.txt" >&2
    exit 1
  }
  tail -1 "$tmp/err.txt"
}
# The generated month in $tmp/m taken in as an operator does, each step timed: init, load every
# ledger the month has, submit every file (listed in $tmp/files.txt), review.
take_in_month() {
  local kaigo=$1
  step init "$kaigo" init --db "$tmp/k.db" --config "$tmp/m/kokuhoren.toml"
  for t in services offices insurers recipients kohi sougou; do
    [ -f "$tmp/m/$t.csv" ] || continue
    step "load $t" "$kaigo" load --db "$tmp/k.db" "$t" "$tmp/m/$t.csv"
  done
  find "$tmp/m/submissions" -name '*.CSV' | sort >"$tmp/files.txt"
  echo "files: $(wc -l <"$tmp/files.txt"), bytes: $(du -sb --apparent-size "$tmp/m/submissions" | cut -f1)"
  # One call for every file (--files-from): each call loads the tables again (~1.2 s for the national
  # month's 200,000 offices), and xargs would make ~80 calls of the national month's 270,000 files.
  step submit "$kaigo" submit --db "$tmp/k.db" --at 2026-05-05T10:00:00 --files-from "$tmp/files.txt"
  step review "$kaigo" review --db "$tmp/k.db" --month 202605
}
