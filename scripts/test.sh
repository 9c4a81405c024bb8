#!/usr/bin/env bash
# Set everything up on a fresh machine and run the whole test suite:
# a virtualenv with rasad and its test dependencies, a throw-away PostgreSQL
# server (installed from Debian's packages if missing) so the same tests run
# on SQLite and PostgreSQL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"

eval "$(bash scripts/start-postgres.sh)"
stop_pg() { [ -n "${RASAD_TEST_PG_STOP:-}" ] && $RASAD_TEST_PG_STOP >/dev/null 2>&1 || true; }
trap stop_pg EXIT

.venv/bin/python -m pytest -n 2 -q -p no:cacheprovider "$@"
