#!/usr/bin/env bash
# The 介護情報基盤 part of make demo (docs/platform.md), on the database and month of scripts/demo.sh:
# go-live dates, the initial and a daily linkage file (with their PMH errors), accounts of each
# role, an office's 本人確認, views allowed and refused by the seed 004 §3 table, a doctor's
# 主治医意見書 with its 請求書 CSV, and the person's own list of who read their information.
set -euo pipefail
kaigo=$1
db=$2
month=$3
out=$4
p="$month/platform"
echo "== 10. 介護情報基盤 / the care information platform (docs/platform.md) =="
"$kaigo" platform golive --db "$db" "$p/golive.csv"
"$kaigo" platform load --db "$db" --at 2026-05-01T20:00:00 "$p/linkage-initial.csv" 2>"$out/platform-errors.txt"
"$kaigo" platform load --db "$db" --at 2026-05-02T20:00:00 "$p/linkage-daily.csv" 2>>"$out/platform-errors.txt"
grep -m 1 -A 1 "PL41" "$out/platform-errors.txt" | sed 's/^/  /' || true
# A person of the month with a care-management office on their card.
row=$(grep -m 1 -E "^1,[0-9]{6},[0-9A-Z]{10},certificate,.*,[0-9A-Z]{10}$" "$p/linkage-initial.csv")
insurer=$(cut -d, -f2 <<<"$row")
insured=$(cut -d, -f3 <<<"$row")
office=$(awk -F, '{print $NF}' <<<"$row")
printf 'demo password for the platform accounts\n' >"$out/pw"
for add in "--id KJ9100000001 --role office --office $office --job care_manager" \
           "--id KJ9200000001 --role medical --medical 1310000001 --job doctor" \
           "--id KJ9300000001 --role municipality --insurer $insurer" \
           "--id KJ9400000001 --role insured --insurer $insurer --insured $insured"; do
  "$kaigo" user add --db "$db" $add <"$out/pw" >/dev/null
done
echo "  被保険者 / the person: $insurer $insured, 担当の居宅介護支援事業所 / their care-management office $office"
echo "  本人確認の前 / before the identity check:"
"$kaigo" platform view --db "$db" --as KJ9100000001 --insurer "$insurer" --insured "$insured" --kind card --at 2026-05-10T10:00:00 || true
"$kaigo" platform identify --db "$db" --as KJ9100000001 --insurer "$insurer" --insured "$insured" --at 2026-05-10T10:05:00
"$kaigo" platform view --db "$db" --as KJ9100000001 --insurer "$insurer" --insured "$insured" --kind card --at 2026-05-10T10:10:00
"$kaigo" platform view --db "$db" --as KJ9100000001 --insurer "$insurer" --insured "$insured" --kind survey --at 2026-05-10T10:11:00 || true
"$kaigo" platform view --db "$db" --as KJ9200000001 --insurer "$insurer" --insured "$insured" --kind opinion --at 2026-05-10T11:00:00 || true
"$kaigo" platform view --db "$db" --as KJ9300000001 --insurer "$insurer" --insured "$insured" --kind housing --at 2026-05-11T09:00:00 \
  --format json | python3 -c 'import json,sys; j=json.load(sys.stdin); print("  住宅改修 残額 / housing allowance left:", j["summary"]["housing"]["remaining"], "円")'
for f in "$p"/opinions/*.json; do
  [ -e "$f" ] || break
  "$kaigo" platform opinion --db "$db" --as KJ9200000001 --at 2026-05-12T15:00:00 "$f" >/dev/null || true
done
echo "  主治医意見書の請求書 / the insurer's invoices (CSV):"
"$kaigo" platform invoices --db "$db" --insurer "$insurer" --from 20260501 --to 20260531 | head -3 | sed 's/^/    /'
echo "  本人が見る閲覧の記録 / who looked at the person's information (kaigo platform audit --as the person):"
"$kaigo" platform audit --db "$db" --as KJ9400000001 | sed 's/^/    /'
