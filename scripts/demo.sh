#!/usr/bin/env bash
# make demo: generates a month for a small 国保連 area and shows what kaigo reads in its files.
# (Reception, review and results join this demo as they are built; see README.)
set -euo pipefail
kaigo=${1:-build/kaigo}
out=${2:-demo-out}
rm -rf "$out"
echo "== 1. 模擬の月を生成 / generate a month (処理年月 2026-05, errors 5%) =="
"$kaigo" gen --out "$out" --month 202605 --offices 120 --recipients 3000 --seed 1 --errors 0.05
echo
first_claim=$(ls "$out"/submissions/*/KK*.CSV | sed -n 2p)
first_plan=$(ls "$out"/submissions/*/KY*.CSV | head -1)
echo "== 2. 請求ファイル / a claim file: $first_claim =="
"$kaigo" inspect "$first_claim"
echo
echo "== 3. 給付管理票ファイル / a 給付管理票 file: $first_plan =="
"$kaigo" inspect "$first_plan"
echo
echo "== 4. 全ファイルの検査 / every file of the month =="
files=0; errors=0; statements=0
for f in "$out"/submissions/*/*.CSV; do
  json=$("$kaigo" inspect --format json "$f")
  files=$((files + 1))
  errors=$((errors + $(echo "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["errors"])')))
  statements=$((statements + $(echo "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["statements"])')))
done
echo "ファイル ${files} 件, 明細書 ${statements} 件, 様式エラー ${errors} 件"
echo "  (injected: bad fields $(grep -c bad_field "$out/expected_errors.csv" || true) → KC08, duplicates $(grep -c duplicate "$out/expected_errors.csv" || true) → KC24)"
echo
echo "== 5. 事前チェック / pre-check of every file (ledgers of the month, 処理年月 2026-05) =="
"$kaigo" precheck --format csv --month 202605 --offices "$out/offices.csv" --insurers "$out/insurers.csv" \
  "$out"/submissions/*/*.CSV >"$out/precheck.csv"
python3 - "$out/precheck.csv" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
codes = collections.Counter(r["コード"] for r in rows if r["コード"])
print("エラー行 / error rows:", sum(codes.values()), dict(sorted(codes.items())))
PY
echo "  (only bad_field → KC08 and duplicate → ANN2 can be seen before the review; the list: $out/precheck.csv)"
echo "台帳 / ledgers: $out/offices.csv $out/insurers.csv $out/recipients.csv $out/services.csv"
echo "誤りの一覧 / injected mistakes: $out/expected_errors.csv"
