#!/usr/bin/env bash
# The browser tests' npm packages (tests/browser: puppeteer-core, axe-core), installed with `npm ci`
# from the committed package-lock.json only when node_modules is missing or the lock has changed
# since the last install (a stamp of the lock's hash). puppeteer-core downloads no browser: the tests
# drive Debian's /usr/bin/chromium.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../tests/browser" && pwd)"
stamp="$dir/node_modules/.kaigo-lock-sha256"
want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "browser tests: npm ci in tests/browser" >&2
(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
echo "$want" >"$stamp"
