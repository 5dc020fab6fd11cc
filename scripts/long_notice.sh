#!/usr/bin/env bash
# Writes to stdout a 7411 result file (CP932, CRLF) of N D1 rows, the rows of docs/samples/7411.csv
# repeated, each with its own 被保険者番号. For timing `kaigo render` (scripts/bench.sh).
# Usage: scripts/long_notice.sh N
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?N rows}
awk -F, -v OFS=, -v n="$n" '
  $1 == 1 { control = $0; next }
  $1 == 2 && $4 == "H1" { h1 = $0; next }
  $1 == 2 && $4 == "D1" { d1[++k] = $0; next }
  END {
    split(control, c, ","); c[4] = n + 1
    line = c[1]; for (i = 2; i <= 12; i++) line = line "," c[i]; print line
    sub(/^2,[0-9]+,/, "2,2,", h1); print h1
    for (i = 1; i <= n; i++) {
      split(d1[(i - 1) % k + 1], f, ",")
      f[2] = i + 2; f[7] = sprintf("%010d", 100000 + i)
      line = f[1]; for (j = 2; j <= 16; j++) line = line "," f[j]; print line
    }
    print "3," n + 3
  }' "$root/docs/samples/7411.csv" | sed 's/$/\r/' | iconv -f UTF-8 -t CP932
