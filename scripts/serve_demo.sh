#!/usr/bin/env bash
# make serve: kaigo serve on the demo month (make demo's database), over HTTPS on 127.0.0.1:8443,
# with demo accounts and office certificates. Passwords are made at random on each start and shown
# here only (never stored in the repository or a log). Ctrl-C stops the server.
set -euo pipefail
kaigo=${1:-build/kaigo}
out=${2:-demo-out}
listen=${LISTEN:-127.0.0.1:8443}
db="$out/kaigo.db"
if [ ! -f "$db" ]; then
  bash "$(dirname "$0")/demo.sh" "$kaigo" "$out" >/dev/null
fi
mkdir -p "$out/serve"
serve="$out/serve"
if [ ! -f "$serve/ca/ca.crt" ]; then
  "$kaigo" ca init --db "$db" --out "$serve/ca" --at 2026-04-01T00:00:00 >/dev/null
fi
# The notices make demo wrote are the server's results of 202605.
mkdir -p "$serve/results"
[ -e "$serve/results/202605" ] || ln -s "$(cd "$out" && pwd)/results" "$serve/results/202605"
offices=$(ls "$out/month/submissions" | head -3)
first=$(echo "$offices" | head -1)
echo "$offices" >"$serve/group.txt"
password() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20; }
declare -A accounts=(
  [KJ${first}]="--role office --office $first"
  [KJ9000000001]="--role office --offices $serve/group.txt"
  [KJ0000000001]="--role kokuhoren"
  [KJ0000000002]="--role admin"
)
echo "デモのアカウント（今回の起動だけのパスワード）/ demo accounts (passwords for this start only):"
for id in "${!accounts[@]}"; do
  pw=$(password)
  if "$kaigo" user list --db "$db" 2>/dev/null | grep -q "^$id"; then
    printf '%s\n' "$pw" | "$kaigo" user passwd --db "$db" --id "$id" >/dev/null
    "$kaigo" user unlock --db "$db" --id "$id" >/dev/null 2>&1 || true
  else
    # shellcheck disable=SC2086
    printf '%s\n' "$pw" | "$kaigo" user add --db "$db" --id "$id" ${accounts[$id]} >/dev/null
  fi
  printf '  %-14s %-40s %s\n' "$id" "${accounts[$id]}" "$pw"
done
for who in "$first" group; do
  dir="$serve/cert-$who"
  if [ ! -d "$dir" ]; then
    extra=""
    [ "$who" = group ] && extra="--offices $serve/group.txt"
    # shellcheck disable=SC2086
    "$kaigo" cert issue --db "$db" --office "$first" $extra --applied-on 20260501 --at 2026-05-01T09:00:00 \
      --out "$dir" >/dev/null
  fi
done
echo "事業所の電子証明書 / office certificates (curl --cert … --key …): $serve/cert-$first/, $serve/cert-group/"
echo "認証局 / CA (curl --cacert): $serve/ca/ca.crt"
echo "画面 / pages: https://${listen}/login   API: https://${listen}/api/openapi.json"
exec "$kaigo" serve --db "$db" --listen "$listen" --tls-cert "$serve/ca/server.crt" --tls-key "$serve/ca/server.key" \
  --client-ca "$serve/ca/ca.crt" --results "$serve/results" --access-log "$serve/access.log"
