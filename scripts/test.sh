#!/usr/bin/env bash
# Set everything up on a fresh machine and run the whole test suite:
# a virtualenv with rasad and its test dependencies, a throw-away PostgreSQL
# server (installed from Debian's packages if missing) so the same tests run
# on SQLite and PostgreSQL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/venv.sh dev  # .venv with the fastest Python 3.11+ found (scripts/python.sh; PYTHON=… to choose)

# Debian's Chromium for the browser tests (tests/e2e, driven by Playwright with executable_path=/usr/bin/chromium;
# Playwright never downloads a browser here). Installed when missing and we are root or have password-less sudo;
# otherwise those tests are skipped, saying why.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
  if [ "${as_root[*]}" != false ]; then
    { "${as_root[@]}" apt-get update -qq \
      && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "note: could not install Debian's chromium; the browser tests will be skipped" >&2
  else
    echo "note: /usr/bin/chromium is missing and packages cannot be installed; the browser tests will be skipped" >&2
  fi
fi

eval "$(bash scripts/start-postgres.sh)"
stop_pg() { [ -n "${RASAD_TEST_PG_STOP:-}" ] && $RASAD_TEST_PG_STOP >/dev/null 2>&1 || true; }
trap stop_pg EXIT

.venv/bin/python -m pytest -n 2 -q -p no:cacheprovider "$@"
