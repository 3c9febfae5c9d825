#!/usr/bin/env bash
# What the chat widget and its browser tests need outside Python, installed only when missing:
#   1. Debian's Chromium (apt-get, as root) for tests/browser/test_browser.py (Playwright drives
#      /usr/bin/chromium; no `playwright install`, which downloads a browser build).
#   2. The npm packages in package.json (socket.io-client for the widget, axe-core for the
#      tests), with `npm ci` when package-lock.json is newer than node_modules.
#   3. socket.io-client's browser build copied to web/static/vendor/, where the widget loads it.
# Where apt-get or npm is missing it says so and exits 0: the browser tests then skip with the
# reason. Cheap when nothing changed; `make install` calls it through a stamp file.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { echo "install-browser: $*"; }

# --- 1. Chromium ---------------------------------------------------------------------------
if command -v chromium >/dev/null 2>&1; then
  : # already there
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  say "installing Debian's chromium with apt-get (for the browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || say "apt-get update failed; trying the install with the old lists"
  if ! apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    say "apt-get could not install chromium: the browser tests will be skipped"
  fi
else
  say "no chromium, and no apt-get run as root to install it: the browser tests will be skipped"
  say "(install Chromium at /usr/bin/chromium by hand to run them)"
fi
command -v chromium >/dev/null 2>&1 && say "$(chromium --version 2>/dev/null | head -1)"

# --- 2. npm packages -------------------------------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  say "no npm (Node.js): the widget falls back to REST and the browser tests will be skipped"
  exit 0
fi
# npm ci writes node_modules/.package-lock.json; it is stale when the lock or manifest is newer.
marker=node_modules/.package-lock.json
if [ -f package-lock.json ]; then
  if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ] || [ package.json -nt "$marker" ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error || { say "npm ci failed"; exit 1; }
    touch "$marker"
  fi
elif [ ! -f "$marker" ] || [ package.json -nt "$marker" ]; then
  say "npm install (no package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error || { say "npm install failed"; exit 1; }
  touch "$marker"
fi

# --- 3. socket.io-client for the browser, served by the web service --------------------------
src=node_modules/socket.io-client/dist/socket.io.min.js
dst=web/static/vendor/socket.io.min.js
if [ -f "$src" ] && ! cmp -s "$src" "$dst"; then
  mkdir -p "$(dirname "$dst")"
  cp "$src" "$dst"
  say "copied $src to $dst"
fi
exit 0
