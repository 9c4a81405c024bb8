#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the test suite and print the URL to use.
#
#   eval "$(bash scripts/start-postgres.sh)"   # exports RASAD_TEST_PG_URL, or RASAD_TEST_PG_SKIP with the reason
#
# Installs Debian's postgresql package when no server binaries are found and we
# may (root with apt-get). The server listens on 127.0.0.1 only, in a temporary
# data folder, and stops when the stop script (printed as RASAD_TEST_PG_STOP) runs.
set -u
port="${RASAD_TEST_PG_PORT:-54329}"
say() { echo "$*" >&2; }
skip() { printf 'export RASAD_TEST_PG_SKIP=%q\n' "$1"; say "PostgreSQL: $1"; exit 0; }

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

bin=$(find_bin)
if [ -z "$bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL: installing Debian's postgresql package…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 \
      || skip "could not install the postgresql package with apt-get"
    bin=$(find_bin) || skip "postgresql installed but pg_ctl not found"
  else
    skip "no PostgreSQL server binaries (pg_ctl) and no way to install them (need root and apt-get)"
  fi
fi

run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres >&2 || skip "cannot create a postgres user"
  run_as=(runuser -u postgres --)
fi

data=$(mktemp -d /tmp/rasad-pg.XXXXXX)
chmod 755 "$data"
[ "$(id -u)" = 0 ] && chown postgres "$data"
"${run_as[@]}" "$bin/initdb" -D "$data/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
  || "${run_as[@]}" "$bin/initdb" -D "$data/db" -U postgres -A trust -E UTF8 >/dev/null 2>&1 \
  || skip "initdb failed"
"${run_as[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/log" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data -c fsync=off" start >/dev/null \
  || skip "the server did not start (log: $data/log)"
"${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres rasad_test >/dev/null 2>&1 \
  || skip "createdb failed"
printf 'export RASAD_TEST_PG_URL=%q\n' "postgresql+psycopg://postgres@127.0.0.1:$port/rasad_test"
printf 'export RASAD_TEST_PG_STOP=%q\n' "${run_as[*]} $bin/pg_ctl -D $data/db -m fast stop"
say "PostgreSQL: running on 127.0.0.1:$port (data in $data)"
