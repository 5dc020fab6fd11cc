#!/usr/bin/env bash
# The portal's demo (issue 17; docs/portal.md): a small generated area, its offices' accounts, and a
# handful of 助成金 applications walked through the fiscal years 令和7 and 令和8 so that every state
# is there — 振込済, 交付決定, 返戻 (a receipt without purpose), 取下げ, 不交付決定 (work before
# 2026-04-01 under 令和8年度), and 申請受付 (awaiting the decision) — with their decision notices
# (PDF); then the KJ-ID letters for the offices without an account, one office's page, and the go-live
# status of the area's insurers (the platform's go-live table, as text and CSV).
# Usage: scripts/demo_portal.sh [KAIGO] [OUT]   (defaults: build/kaigo, demo-portal)
set -euo pipefail
kaigo=${1:-build/kaigo}
out=${2:-demo-portal}
rm -rf "$out"
mkdir -p "$out/receipts" "$out/notices"
db="$out/kaigo.db"
op=KJ0000000001

echo "== 1. 地域・台帳・アカウント / the area, its ledgers and accounts =="
"$kaigo" gen --out "$out/month" --month 202605 --offices 12 --recipients 60 --seed 7 >/dev/null
"$kaigo" init --db "$db" --config "$out/month/kokuhoren.toml" >/dev/null
for t in services offices insurers recipients; do "$kaigo" load --db "$db" "$t" "$out/month/$t.csv" >/dev/null; done
printf 'demo password 2026\n' >"$out/pw"
for n in 1 2 3 4 5 6; do
  "$kaigo" user add --db "$db" --id KJ137000000$n --role office --office 137000000$n <"$out/pw" >/dev/null
done
"$kaigo" user add --db "$db" --id $op --role kokuhoren <"$out/pw" >/dev/null
"$kaigo" user add --db "$db" --id KJH131000099 --role medical --medical 1310000099 --job clerk <"$out/pw" >/dev/null
"$kaigo" user add --db "$db" --id KJH131000088 --role medical --medical 1310000088 --job clerk <"$out/pw" >/dev/null
echo "  事業所 6、国保連 1、医療機関 2 のアカウント / 9 accounts"
"$kaigo" ca init --db "$db" --out "$out/ca" --at 2025-10-01T09:00:00 >/dev/null
"$kaigo" cert issue --db "$db" --office 1370000001 --applied-on 20260105 --at 2026-01-05T10:00:00 --out "$out/cert" >/dev/null
printf 'month,office_no,kind,applied_on\n202606,1370000001,careplan_license,20260520\n' >"$out/fees.csv"
"$kaigo" load --db "$db" fees "$out/fees.csv" >/dev/null
echo "  1370000001: 電子証明書（申請 2026-01-05、13,200 円）、ライセンス料 21,000 円（2026年6月審査分）"

receipts() {  # name, then lines "receipt,issued_on,purpose,amount"
  local name=$1
  shift
  { echo "receipt,issued_on,purpose,amount"; printf '%s\n' "$@"; } >"$out/receipts/$name.csv"
  echo "$out/receipts/$name.csv"
}
apply() {  # user, at, receipts file, applicant options…
  local user=$1 at=$2 file=$3
  shift 3
  "$kaigo" subsidy apply --db "$db" --as "$user" --at "$at" --format json "$@" "$file" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

echo
echo "== 2. 助成金の申請・審査・振込 / applications, decisions and payments =="
a1=$(apply KJ1370000001 2025-11-05T10:00:00 "$(receipts readers-4 '1,20251020,カードリーダー4台分,80000' '2,20251020,設定費用,10000')" --office 1370000001)
"$kaigo" subsidy decide --db "$db" --as $op --at 2025-12-01T09:00:00 --due >/dev/null
"$kaigo" subsidy pay --db "$db" --as $op --at 2026-01-15T09:00:00 --due >/dev/null
a3=$(apply KJ1370000003 2026-02-10T10:00:00 "$(receipts no-purpose '1,20260201,,15400')" --office 1370000003)
a4=$(apply KJ1370000004 2026-02-12T10:00:00 "$(receipts withdrawn '1,20260201,カードリーダー1台,20000')" --office 1370000004)
"$kaigo" subsidy withdraw --db "$db" --as KJ1370000004 --at 2026-02-13T09:00:00 "$a4" >/dev/null
# 令和8年2月中旬: the letters go out with the payment notices (seed 000 §2(2)).
"$kaigo" portal letters --db "$db" --as $op --at 2026-02-16T10:00:00 --out "$out/letters" >"$out/letters.txt" 2>"$out/letters-skipped.txt"
a5=$(apply KJH131000099 2026-03-05T10:00:00 "$(receipts hospital '1,20260301,電子カルテ改修（主治医意見書の電子的送信機能）,1400000')" \
  --medical 1310000099 --facility hospital --beds 250 --name 国保総合病院)
"$kaigo" subsidy decide --db "$db" --as $op --at 2026-03-25T09:00:00 --due >/dev/null
"$kaigo" subsidy pay --db "$db" --as $op --at 2026-04-20T09:00:00 --due >/dev/null
a6=$(apply KJ1370000005 2026-04-10T10:00:00 "$(receipts reiwa8 '1,20260310,カードリーダー1台,20000' '2,20260403,カードリーダー1台,21000' '3,20260403,設定費用,11000')" --office 1370000005)
a7=$(apply KJ1370000006 2026-04-12T10:00:00 "$(receipts before-april '1,20260331,カードリーダー1台,20000')" --office 1370000006)
a2=$(apply KJ1370000002 2026-04-15T10:00:00 "$(receipts readers-2 '1,20260410,カードリーダー2台分,15400' '2,20260410,設定費用,22000')" --office 1370000002)
"$kaigo" subsidy decide --db "$db" --as $op --at 2026-05-01T09:00:00 --due >/dev/null
a8=$(apply KJH131000088 2026-05-07T10:00:00 "$(receipts clinic '1,20260501,文書作成ソフト改修,400000')" --medical 1310000088 --facility clinic --beds 0 --name つばさ診療所)
"$kaigo" subsidy list --db "$db" --as $op --at 2026-05-10T09:00:00 | sed 's/^/  /'
for id in "$a1" "$a2" "$a3" "$a5" "$a6" "$a7"; do
  "$kaigo" subsidy notice --db "$db" --as $op --at 2026-05-10T09:00:00 "$id" --out "$out/notices/subsidy-$id.pdf" | sed 's/^/  /'
done
echo "  返戻の理由 / why $a3 was returned:"
"$kaigo" subsidy show --db "$db" --as KJ1370000003 --at 2026-05-10T09:00:00 "$a3" | grep '\[KH' | sed 's/^/  /'
echo "  審査待ち $a8 の見込み / what $a8 would get: $("$kaigo" subsidy show --db "$db" --as KJH131000088 --at 2026-05-10T09:00:00 --format json "$a8" | python3 -c 'import json,sys; print(json.load(sys.stdin)["preview"]["amount"])') 円"

echo
echo "== 3. 媒体請求の事業所への KJ ID のお知らせ / KJ-ID letters for offices claiming on media =="
sed 's/^/  /' "$out/letters.txt"
echo "  送らない事業所 / not sent: $(wc -l <"$out/letters-skipped.txt")"

echo
echo "== 4. マイページ / the page of office 1370000001 =="
"$kaigo" portal page --db "$db" --as KJ1370000001 --office 1370000001 --at 2026-05-10T09:00:00 | sed 's/^/  /'
echo
echo "== 5. 介護情報基盤の利用開始状況 / go-live status (the platform's go-live table) =="
"$kaigo" platform golive --db "$db" "$out/month/platform/golive.csv" >/dev/null
"$kaigo" platform golive-status --db "$db" --on 20260510 | sed 's/^/  /'
"$kaigo" platform golive-status --db "$db" --on 20260510 --format csv >"$out/golive.csv"
echo
echo "データベース / database: $db   通知書 / notices: $out/notices/   お知らせ / letters: $out/letters/letters.pdf   利用開始状況 / go-live: $out/golive.csv"
