#!/usr/bin/env bash
# Print the Python interpreter scripts/demo.sh and scripts/test.sh build .venv with.
#
# $PYTHON, when set, is used as it is. Otherwise every Python 3.11+ on PATH (python3,
# python3.11 … python3.14) and /usr/bin/python3 is considered that can make a virtualenv and
# has its C headers (so rasad's optional C loops can be built), and the fastest of them at
# running Python code is chosen: the best of five timings of a fixed loop. Interpreters
# differ a lot here: a CPython built without profile-guided optimisation (pyenv's default
# build, for one) runs rasad's extraction 1.2-1.5x slower than a distribution's optimised
# build of the same version. The choice and the timings are reported on stderr.
set -euo pipefail

if [ -n "${PYTHON:-}" ]; then
  command -v "$PYTHON" >/dev/null || { echo "PYTHON=$PYTHON: no such interpreter" >&2; exit 1; }
  echo "$PYTHON"
  exit 0
fi

probe='
import ensurepip, os, sys, sysconfig, time
if sys.version_info < (3, 11):
    raise SystemExit(1)
if not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")):
    raise SystemExit(2)
best = min(__import__("timeit").repeat("sum(range(10**6))", number=1, repeat=5, timer=time.process_time))
print(f"{best * 1000:.1f}")
'

declare -A seen=()
best="" best_ms=""
report=()
for name in python3 python3.14 python3.13 python3.12 python3.11 /usr/bin/python3; do
  exe=$(command -v "$name" 2>/dev/null) || continue
  # pyenv's shims resolve through the shim script; ask the interpreter where it really is
  real=$("$exe" -c 'import os, sys; print(os.path.realpath(sys.executable))' 2>/dev/null) || continue
  [ -n "${seen[$real]:-}" ] && continue
  seen[$real]=1
  if ms=$("$real" -c "$probe" 2>/dev/null); then
    report+=("$real ($ms ms)")
    if [ -z "$best" ] || awk -v a="$ms" -v b="$best_ms" 'BEGIN { exit !(a < b) }'; then
      best=$real best_ms=$ms
    fi
  else
    report+=("$real (skipped: older than 3.11, or no venv or C headers)")
  fi
done

if [ -z "$best" ]; then
  echo "no usable Python 3.11+ found (set PYTHON=/path/to/python3)" >&2
  exit 1
fi
echo "python: $best (fastest of: ${report[*]}; set PYTHON to choose)" >&2
echo "$best"
