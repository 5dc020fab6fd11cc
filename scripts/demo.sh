#!/usr/bin/env bash
# make demo: one 国保連 month end to end on the embedded SQLite database — generate a month with
# typical mistakes, prepare the database, load the ledgers, receive every file (事前チェック at
# once), cancel and re-send a file, review the month, and print the decisions.
set -euo pipefail
kaigo=${1:-build/kaigo}
out=${2:-demo-out}
rm -rf "$out"
mkdir -p "$out"
db="$out/kaigo.db"
month="$out/month"
echo "== 1. 模擬の月を生成 / generate a month (処理年月 2026-05, 5% of recipients with a mistake) =="
"$kaigo" gen --out "$month" --month 202605 --offices 120 --recipients 3000 --seed 1 --errors 0.05 --all-mistakes
echo
echo "== 2. データベースの準備と台帳の取込 / prepare the database and load the ledgers =="
"$kaigo" init --db "$db" --config "$month/kokuhoren.toml"
for t in services offices insurers recipients; do "$kaigo" load --db "$db" "$t" "$month/$t.csv"; done
# --all-mistakes writes the 公費受給者台帳 of the 生活保護 recipients: the review checks their 公費 (13PS).
[ -f "$month/kohi.csv" ] && "$kaigo" load --db "$db" kohi "$month/kohi.csv"
# … and each municipality's own 総合事業 service codes: they price its 要支援 people's 総合事業 (KP27 for a code it lacks).
[ -f "$month/sougou.csv" ] && "$kaigo" load --db "$db" sougou "$month/sougou.csv"
echo
echo "== 3. 受付 / receive every file on 2026-05-05 (one line per file: 受付番号, ファイル, 状態, 処理年月, エラー件数) =="
"$kaigo" submit --db "$db" --at 2026-05-05T10:00:00 "$month"/submissions/*/*.CSV >"$out/submit.txt" 2>"$out/submit-errors.txt"
head -5 "$out/submit.txt"
echo "  …"
cut -f3 "$out/submit.txt" | sort | uniq -c | sed 's/^/  /'
echo "  事前チェックのエラー一覧 / the pre-check error list: $out/submit-errors.txt"
grep -m 3 -E "\[様式エラー\]" "$out/submit-errors.txt" | sed 's/^/  /' || true
echo
echo "== 4. 取消と再送信 / cancel a file with errors and send it again (here: unchanged, to show the states) =="
with_errors=$(awk -F'\t' '$3 == "様式エラー有" {print $1; exit}' "$out/submit.txt")
"$kaigo" cancel --db "$db" --at 2026-05-06T09:00:00 "$with_errors"
echo "  (送り直さずに同じファイルをもう一度送ると / the same file again without a cancel:)"
first_ok=$(awk -F'\t' '$3 == "受付完了" {print $1; exit}' "$out/submit.txt")
first_ok_file=$(ls "$month"/submissions/*/*.CSV | sed -n "${first_ok}p")
"$kaigo" submit --db "$db" --at 2026-05-06T09:05:00 "$first_ok_file" 2>/dev/null
echo "  → 各明細書が ANN2（同月に同じ請求明細書を提出済）: 取消してから再送信すること"
"$kaigo" cancel --db "$db" --at 2026-05-10T23:31:00 "$first_ok" || true
echo
echo "== 5. ケアプランデータ連携 / the care-plan hub before the 10th: 予定 and 実績 between offices, and what the review will do (docs/careplan.md) =="
# Every office of the area holds a licence (applied for in the free-pass campaign, seed 000 §1);
# the first ten offices gen wrote care-plan files for send theirs, each with its account.
for o in $(tail -n +2 "$month/offices.csv" | cut -d, -f1 | sort -u); do
  "$kaigo" careplan licence add --db "$db" --office "$o" --applied-on 20260401 --at 2026-04-01T09:00:00 >/dev/null
done
printf 'demo password 2026\n' >"$out/pw"
hub_offices=$(ls "$month/careplan" | head -10)
for o in $hub_offices; do
  "$kaigo" user add --db "$db" --id "KJ$o" --role office --office "$o" <"$out/pw" >/dev/null
done
for o in $hub_offices; do
  "$kaigo" careplan send --db "$db" --as "KJ$o" --at 2026-05-02T10:00:00 "$month/careplan/$o"/* >/dev/null
done
echo "  送信 / sent: $(wc -w <<<"$hub_offices") 事業所, $(for o in $hub_offices; do ls "$month/careplan/$o"; done | wc -l) ファイル"
"$kaigo" careplan reconcile --db "$db" --month 202605 --at 2026-05-06T09:00:00 >"$out/reconcile.txt"
head -4 "$out/reconcile.txt" | sed 's/^/  /'
echo "  審査の見込み（決定以外）の件数 / predicted other than paid: $(grep -c '^  事業所 ' "$out/reconcile.txt" || true)  （全体 / all: $out/reconcile.txt）"
echo
echo "== 6. 審査 / the review of 2026-05 (after the window closes) =="
"$kaigo" review --db "$db" --month 202605
echo
echo "== 7. 決定の内訳 / what was decided, by code =="
python3 - "$db" "$month/expected_errors.csv" <<'PY'
import sqlite3, sys, collections, csv
db = sqlite3.connect(sys.argv[1])
rows = db.execute("""SELECT c.outcome, COALESCE(f.code, ''), f.kind, COUNT(DISTINCT c.claim_id)
  FROM claim_decisions c LEFT JOIN decision_findings f ON f.month = c.month AND f.doc_id = c.claim_id
  WHERE c.month = '202605' AND c.outcome <> 'paid' GROUP BY 1, 2, 3 ORDER BY 1, 2""").fetchall()
for outcome, code, kind, n in rows:
    print(f"  {outcome:9} {code or kind:12} {n:5} 件")
paid = db.execute("SELECT COUNT(*), SUM(decided_claim) FROM claim_decisions WHERE month='202605' AND outcome IN ('paid','cut')").fetchone()
print(f"  決定 {paid[0]} 件, 保険請求額（決定）{paid[1]:,} 円")
injected = collections.Counter(r["mistake"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")))
print("  注入した誤り / injected:", dict(sorted(injected.items())))
PY
echo
echo "== 8. 支払決定と帳票 / payments and the result notices (official CSV, PDF, HTML) =="
# --print: every notice as PDF and HTML now, for the reader of the demo (by default a notice is
# printed when it is first asked for: kaigo render, the server's download).
"$kaigo" results --print --db "$db" --month 202605 --out "$out/results"
sample=$(ls -d "$out"/results/*/ | while read -r d; do [ -f "$d/7411.pdf" ] && { echo "$d"; break; }; done)
echo "  例 / for example: ${sample}7411.pdf (返戻（保留）一覧表), ${sample}7513.pdf (支払決定額通知書)"
echo
echo "== 9. 審査の統計 / the month's returns by code (seed 000 表5-1; kaigo stats) =="
"$kaigo" stats --db "$db" --month 202605 --months 1 | sed 's/^/  /'
echo
bash "$(dirname "$0")/demo_platform.sh" "$kaigo" "$db" "$month" "$out"
echo
echo "== 11. ポータル / the portal: 助成金 applications in every state, KJ-ID letters, go-live (its own small area: scripts/demo_portal.sh) =="
bash "$(dirname "$0")/demo_portal.sh" "$kaigo" "$out/portal" | sed 's/^/  /'
echo
echo "データベース / database: $db   台帳 / ledgers: $month/*.csv   誤りの一覧 / injected mistakes: $month/expected_errors.csv"
echo "帳票 / notices: $out/results/<事業所番号>/<交換情報識別番号>.{CSV,pdf,html}   月の集計 / summary: $out/results/summary.json"
