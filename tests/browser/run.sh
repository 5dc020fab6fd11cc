#!/usr/bin/env bash
# Runs the browser tests (ctest's browser.pages): installs the npm packages when needed, then node's
# test runner over every *.test.mjs (one at a time: each starts its own world). Environment: KAIGO_BIN, KAIGO_SMTP_SINK, KAIGO_CHROMIUM,
# KAIGO_SCREENSHOT_DIR (see pages.test.mjs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/../../scripts/browser_deps.sh"
cd "$here"
exec node --test --test-concurrency=1 --test-timeout=240000 *.test.mjs
