#!/usr/bin/env bash
# postgres-scratch.sh start|stop DIR: a throwaway PostgreSQL server for the tests and benchmarks,
# on loopback only, in a folder of its own (never the system's cluster, never a fixed port, so
# several checkouts can each have one).
#
#   eval "$(bash scripts/postgres-scratch.sh start /tmp/faq-pg)"   prints TEST_DATABASE_URL=… to export
#   bash scripts/postgres-scratch.sh stop /tmp/faq-pg                stops it and deletes the folder
#
# Needs Debian's `postgresql` package (its binaries in /usr/lib/postgresql/N/bin): as root on
# Debian/Ubuntu it is installed when missing. PostgreSQL refuses to run as root, so as root the
# server runs as the `postgres` user the package creates.
set -euo pipefail
ACTION=${1:-}; DIR=${2:-}
[ -n "$DIR" ] && { [ "$ACTION" = start ] || [ "$ACTION" = stop ]; } || { echo "usage: postgres-scratch.sh start|stop DIR" >&2; exit 2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$ACTION" = stop ]; then
  BIN=$(bindir)
  if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$DIR"
  exit 0
fi

BIN=$(bindir)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's postgresql for the tests…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN=$(bindir)
  fi
  if [ -z "$BIN" ]; then
    echo "PostgreSQL was not found (/usr/lib/postgresql/*/bin). Install it (Debian/Ubuntu: sudo apt-get install postgresql) or set TEST_DATABASE_URL to a database the tests may fill and empty." >&2
    exit 1
  fi
fi

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
rm -rf "$DIR"; mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
# Loopback only, the socket in the folder (not /var/run), fsync on: the durability tests mean it.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/data/server.log" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR/data -c max_connections=200 -c shared_buffers=256MB" start >/dev/null \
  || { cat "$DIR/data/server.log" >&2; exit 1; }
"$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "create role faq login password 'faq' createdb" -c "create database faq_test owner faq" >&2
echo "TEST_DATABASE_URL=postgres://faq:faq@127.0.0.1:$PORT/faq_test"
