#!/usr/bin/env bash
# Set everything up on a fresh machine and run the main job on the embedded
# default (SQLite, ./rasad.db): ingest the bundled example corpus (cleaning,
# extraction, reconciliation), show what was found, then serve the map on it
# (http://127.0.0.1:8000/ unless RASAD_PORT says otherwise; Ctrl-C stops it).
# Extra arguments are passed to `rasad ingest`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/venv.sh  # .venv with the fastest Python 3.11+ found (scripts/python.sh; PYTHON=… to choose)

# Exit status 1 only means some inputs failed; the summary names them.
.venv/bin/rasad ingest examples/corpus "$@" || [ $? -eq 1 ]
.venv/bin/rasad stats
.venv/bin/rasad docs list --limit 30
.venv/bin/rasad estimates --limit 15
.venv/bin/rasad contradictions --limit 10

# The map, the timeline and the claims over the same store; prints its URL and opens a browser when there is one.
exec .venv/bin/rasad serve --port "${RASAD_PORT:-8000}"
