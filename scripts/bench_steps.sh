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
