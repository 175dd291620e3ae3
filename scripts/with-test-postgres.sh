#!/usr/bin/env bash
# Runs a command with a fresh, empty PostgreSQL database, and drops it afterwards.
# Usage: scripts/with-test-postgres.sh COMMAND [ARGS...]
# Exports KENNIS_TEST_POSTGRES_URL (and PG_TEST_DATABASE) for the command. Starts the machine's
# PostgreSQL 15 cluster when it is not running. A missing PostgreSQL is an error, never a skip.
set -euo pipefail

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null; then
    echo "with-test-postgres: installing PostgreSQL from Debian" >&2
    as_root apt-get install -y -qq postgresql >/dev/null || { echo "with-test-postgres: PostgreSQL cannot be installed" >&2; exit 1; }
fi
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
    as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk '$4 ~ /^online/' | grep -q .; then
    cluster="$(pg_lsclusters -h | awk 'NR == 1 { print $1 " " $2 }')"
    as_root pg_ctlcluster $cluster start
fi
port="$(pg_lsclusters -h | awk '$4 ~ /^online/ { print $3; exit }')"

for attempt in $(seq 1 30); do
    as_postgres "psql -p $port -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
    [ "$attempt" = 30 ] && { echo "with-test-postgres: PostgreSQL on port $port does not answer" >&2; exit 1; }
    sleep 1
done

database="kennis_test_$$_$(date +%s)"
as_postgres "psql -p $port -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kennis_test') THEN
    CREATE ROLE kennis_test LOGIN PASSWORD 'kennis_test';
  END IF;
END \$\$;
SQL
as_postgres "createdb -p $port -O kennis_test -T template0 -E UTF8 $database"
trap 'as_postgres "dropdb -p $port --if-exists --force $database" || true' EXIT

export PG_TEST_DATABASE="$database"
export KENNIS_TEST_POSTGRES_URL="postgres://kennis_test:kennis_test@127.0.0.1:$port/$database"
"$@"
