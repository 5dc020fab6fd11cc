#!/usr/bin/env bash
# Renders page 1 of the sample 請求明細書・給付管理票返戻（保留）一覧表 (docs/samples/7411.csv, the
# examples of seed 002 §5(3) for one office) to docs/images/notice-7411.png at 100 dpi, for the
# README. Usage: scripts/render_sample.sh [BUILD_DIR]   (default build/, built when missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[ -x "$build/kaigo" ] || make -C "$root" build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The sample is kept as UTF-8 with LF to be readable; the official form is CP932 with CRLF.
sed 's/$/\r/' "$root/docs/samples/7411.csv" | iconv -f UTF-8 -t CP932 >"$tmp/7411.CSV"
mkdir -p "$root/docs/images"
"$build/kaigo" render --png "$root/docs/images/notice-7411.png" --page 1 --dpi 100 "$tmp/7411.CSV"
