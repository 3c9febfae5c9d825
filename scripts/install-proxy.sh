#!/usr/bin/env bash
# nginx for `make run-prod` (the reverse proxy in front of the Rasa replicas), from Debian's
# packages, installed only when missing. Without apt-get as root it says so and exits 0:
# `make run-prod` then stops with the reason, and everything else works without it.
set -uo pipefail
say() { echo "install-proxy: $*"; }
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  say "installing Debian's nginx-light with apt-get (for make run-prod)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || say "apt-get update failed; trying the install with the old lists"
  apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
    || say "apt-get could not install nginx-light: make run-prod will not start"
else
  say "no nginx, and no apt-get run as root to install it: install nginx for make run-prod"
fi
exit 0
