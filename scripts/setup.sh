#!/usr/bin/env bash
# Installs the Debian packages the build, tests, demo and benchmarks need. Idempotent: packages
# already present are not touched, and apt is not called at all when nothing is missing.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git
  clang llvm libclang-rt-dev
  libfmt-dev nlohmann-json3-dev libcli11-dev libtoml11-dev
  libsqlite3-dev sqlite3 libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 time
  # the programs' allocator (tcmalloc, issue 19)
  libgoogle-perftools-dev
  # store: received files kept packed (zstd, issue 19)
  libzstd-dev
  # report: PDF/PNG rendering of the 帳票 (pangocairo), a Japanese font, and the PDF checks in tests
  libcairo2-dev libpango1.0-dev fonts-noto-cjk fontconfig poppler-utils
  # auth: Argon2id and tokens (libsodium), SMTP for the reset mail (libcurl)
  libsodium-dev libcurl4-openssl-dev
  # server: kaigo serve (HTTPS with cpp-httplib on OpenSSL)
  libcpp-httplib-dev
  # the web pages' browser tests: headless Chromium driven by puppeteer-core on Node.js
  chromium nodejs
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm comes with some builds of nodejs and is its own Debian package with Debian's.
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  bash "$(dirname "$0")/browser_deps.sh"
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
bash "$(dirname "$0")/browser_deps.sh"
