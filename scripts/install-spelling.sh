#!/usr/bin/env bash
# What the spelling test (tests/unit/test_spelling.py) needs outside Python, installed only when
# missing: Debian's `hunspell` and `hunspell-no` (the nb_NO and nn_NO dictionaries), with apt-get
# as root. Where that cannot be done it says so and exits 0: the spelling test then skips with
# the reason. `make install` calls it through a stamp file.
set -uo pipefail
say() { echo "install-spelling: $*"; }

have_all() {
  command -v hunspell >/dev/null 2>&1 || return 1
  for d in nb_NO nn_NO; do
    [ -f "/usr/share/hunspell/$d.dic" ] || return 1
  done
}

if have_all; then
  exit 0
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  say "installing Debian's hunspell and hunspell-no with apt-get (for the spelling test)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || say "apt-get update failed; trying the install with the old lists"
  apt-get install -y -qq --no-install-recommends hunspell hunspell-no >/dev/null \
    || say "apt-get could not install hunspell and hunspell-no: the spelling test will be skipped"
else
  say "no hunspell with nb_NO and nn_NO, and no apt-get run as root to install them:"
  say "the spelling test will be skipped (install hunspell and hunspell-no by hand to run it)"
fi
have_all && say "$(hunspell -v 2>/dev/null | grep -o "Hunspell [0-9.]*" | head -1) with nb_NO and nn_NO"
exit 0
