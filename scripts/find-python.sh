#!/usr/bin/env bash
# Print the path of a Python 3.8-3.10 interpreter (Rasa 3.6 supports no other), or fail clearly.
# Order: $PYTHON if set, python3.10/3.9/3.8 on PATH, pyenv's installs, common system places.
set -u
ok() {  # ok PATH -> true when PATH runs and is 3.8-3.10
  "$1" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)' >/dev/null 2>&1
}
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for v in 3.10 3.9 3.8; do
  p=$(command -v "python$v" 2>/dev/null) && candidates+=("$p")
done
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(10|9|8)(\.[0-9]+)?$' | sort -t. -k2,2nr -k3,3nr); do
    prefix=$(pyenv prefix "$v" 2>/dev/null) && candidates+=("$prefix/bin/python${v%.*}" "$prefix/bin/python3")
  done
fi
root=${PYENV_ROOT:-$HOME/.pyenv}
for d in "$root"/versions/3.10.* "$root"/versions/3.9.* "$root"/versions/3.8.*; do
  [ -d "$d" ] && candidates+=("$d/bin/python3")
done
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.9 /usr/bin/python3.8 python3)
for c in "${candidates[@]}"; do
  if ok "$c"; then
    command -v "$c" 2>/dev/null || echo "$c"
    exit 0
  fi
done
echo "error: Rasa 3.6 needs Python 3.8, 3.9 or 3.10, and none was found." >&2
echo "       Install one (e.g. 'pyenv install 3.10.13') or set PYTHON=/path/to/python3.10." >&2
exit 1
