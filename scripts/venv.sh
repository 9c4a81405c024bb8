#!/usr/bin/env bash
# Create (or bring up to date) ./.venv with rasad installed in editable mode, with the extras
# given as arguments (`bash scripts/venv.sh dev` for the test dependencies). The interpreter is
# the one scripts/python.sh chooses (set PYTHON to choose it yourself); a .venv made by another
# interpreter is re-created rather than left half-switched.
set -euo pipefail
cd "$(dirname "$0")/.."

py=$(bash scripts/python.sh)
want=$("$py" -c 'import os, sys; print(os.path.realpath(sys.executable))')
have=$(sed -n 's/^executable = //p' .venv/pyvenv.cfg 2>/dev/null || true)
clear=()
if [ -n "$have" ] && [ "$(realpath "$have" 2>/dev/null || echo "$have")" != "$want" ]; then
  echo "re-creating .venv with $want (it was made by $have)" >&2
  clear=(--clear)
fi
"$py" -m venv "${clear[@]}" .venv
.venv/bin/python -m pip install -q --upgrade pip
extras=$(IFS=,; echo "$*")
.venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
