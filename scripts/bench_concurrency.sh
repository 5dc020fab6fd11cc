#!/usr/bin/env bash
# Issue 11, measured: (1) the review of one generated month by two builds (e.g. before and after a
# change), run alternately on fresh copies of the same submitted database; (2) while the new
# build reviews the month, a file of the next month is sent every half second and each answer's
# latency is recorded (the review keeps its decisions in short batches, so a submit never waits for
# the whole review).
# Usage: scripts/bench_concurrency.sh NEW_KAIGO OLD_KAIGO N [ROUNDS]   (N ≈ 明細書 of the month)
set -euo pipefail
new=$1
old=$2
n=${3:-100000}
rounds=${4:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
recipients=$((n * 10 / 29))
offices=$((n / 250 < 6 ? 6 : n / 250))
echo "## month of ~$n 明細書 ($offices offices, $recipients recipients); $rounds rounds each, alternating"
"$new" gen --out "$tmp/m" --month 202605 --offices "$offices" --recipients "$recipients" >/dev/null
find "$tmp/m/submissions" -name '*.CSV' | sort >"$tmp/files.txt"
prepare() {  # $1 kaigo, $2 db
  "$1" init --db "$2" --config "$tmp/m/kokuhoren.toml" >/dev/null
  for t in services offices insurers recipients; do "$1" load --db "$2" "$t" "$tmp/m/$t.csv" >/dev/null; done
  xargs -a "$tmp/files.txt" "$1" submit --db "$2" --at 2026-05-05T10:00:00 >/dev/null 2>&1
}
prepare "$new" "$tmp/new.db"
prepare "$old" "$tmp/old.db"
# A June file: the first claim file with its 処理対象年月 moved to 202606.
june="$tmp/KK260601.CSV"
first=$(grep -m1 '/KK' "$tmp/files.txt")
sed '1s/,202605,/,202606,/' "$first" >"$june"
for r in $(seq 1 "$rounds"); do
  for which in old new; do
    bin=$old
    [ "$which" = new ] && bin=$new
    rm -f "$tmp/r.db" "$tmp/r.db-wal" "$tmp/r.db-shm"
    cp "$tmp/$which.db" "$tmp/r.db"
    /usr/bin/time -f "review ($which, round $r): %e s wall, %U s user, max RSS %M KB" "$bin" review --db "$tmp/r.db" \
      --month 202605 >/dev/null 2>"$tmp/time.txt" || { cat "$tmp/time.txt"; exit 1; }
    tail -1 "$tmp/time.txt"
  done
done
# (2) submits of June files during the new build's review.
rm -f "$tmp/r.db" "$tmp/r.db-wal" "$tmp/r.db-shm"
cp "$tmp/new.db" "$tmp/r.db"
"$new" review --db "$tmp/r.db" --month 202605 >/dev/null &
review_pid=$!
sleep 0.5
: >"$tmp/lat.txt"
while kill -0 "$review_pid" 2>/dev/null; do
  s=$(date +%s.%N)
  id=$("$new" submit --db "$tmp/r.db" --at 2026-06-02T09:00:00 "$june" 2>/dev/null | cut -f1)
  e=$(date +%s.%N)
  kill -0 "$review_pid" 2>/dev/null && echo "$s $e" | awk '{printf "%.3f\n", $2 - $1}' >>"$tmp/lat.txt"
  "$new" cancel --db "$tmp/r.db" --at 2026-06-02T09:01:00 "$id" >/dev/null 2>&1 || true
  sleep 0.5
done
wait "$review_pid"
sort -n "$tmp/lat.txt" | awk '{a[NR]=$1} END {if (NR == 0) {print "no submit finished during the review"; exit}
  printf "submits during the review: %d, median %.3f s, max %.3f s\n", NR, a[int((NR+1)/2)], a[NR]}'
