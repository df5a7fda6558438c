#!/usr/bin/env bash
# Runs every MotCua test suite against SQLite and PostgreSQL and prints "N passed, N failed".
# Installs PostgreSQL and Chromium (Debian packages) when they are missing and starts a throwaway server on loopback,
# unless MOTCUA_TEST_POSTGRES already names one. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

pg_started=""
stop_postgres() {
  if [ -n "$pg_started" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
}
trap stop_postgres EXIT

if [ -z "${MOTCUA_TEST_POSTGRES:-}" ]; then
  export PGPORT="${PGPORT:-55432}"
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian package)..."
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PGROOT="$(mktemp -d)"; chown postgres:postgres "$PGROOT"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log"
  # fsync off: a throwaway test server, never used for durability claims or benchmarks.
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  pg_started=1
  export MOTCUA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
  echo "PostgreSQL started on 127.0.0.1:$PGPORT"
fi
# The form PDF tests run the real Chromium (Debian package).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package)..."
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
# The suites fail instead of skipping when a database is missing.
export MOTCUA_TEST_REQUIRE_ALL_DATABASES=1

dotnet build MotCua.slnx -c Release -warnaserror 2>&1 | tail -3
status=0
for project in tests/MotCua.Domain.Tests tests/MotCua.IntegrationTests; do
  name="$(basename "$project")"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@" || status=1
done

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
