#!/usr/bin/env bash
# Runs every MotCua test suite against SQLite and PostgreSQL and prints "N passed, N failed".
# Installs PostgreSQL and Chromium (Debian packages) when they are missing and starts a throwaway server on loopback,
# unless MOTCUA_TEST_POSTGRES already names one. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

# Every test server would otherwise watch its appsettings files for changes: one inotify instance each, and Linux
# allows 128 per user by default, which parallel suites on a busy machine reach ("The configured user limit (128) on
# the number of inotify instances has been reached"). Tests never edit their settings files.
export DOTNET_hostBuilder__reloadConfigOnChange=false

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
# The form PDF tests and the browser tests run the real Chromium (Debian package).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package)..."
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
# The suites fail instead of skipping when a database is missing.
export MOTCUA_TEST_REQUIRE_ALL_DATABASES=1

status=0
# Locked restore: the build uses exactly the versions in the committed packages.lock.json files.
dotnet restore MotCua.slnx --locked-mode 2>&1 | tail -2 || status=1
dotnet build MotCua.slnx -c Release -warnaserror --no-restore 2>&1 | tail -3
# Gates that fail the run without stopping the suite: formatting and known-vulnerable packages.
if ! dotnet format MotCua.slnx --verify-no-changes --no-restore >"$results/format.log" 2>&1; then
  echo "dotnet format --verify-no-changes: the code is not formatted (see artifacts/test-results/format.log):"
  head -20 "$results/format.log"
  status=1
fi
dotnet list MotCua.slnx package --vulnerable --include-transitive >"$results/vulnerable.log" 2>&1 || true
if grep -q "has the following vulnerable packages" "$results/vulnerable.log"; then
  echo "Known-vulnerable packages (artifacts/test-results/vulnerable.log):"
  grep -E "^\s+>" "$results/vulnerable.log" | sort -u
  status=1
fi
# The browser tests drive Debian's Chromium against the real app on a free port (screenshots under
# artifacts/test-results/screenshots); the build restores the front-end packages with npm.
suites="tests/MotCua.Domain.Tests tests/MotCua.IntegrationTests tests/MotCua.BrowserTests"
for project in $suites; do
  name="$(basename "$project")"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@" || status=1
done

# The counts come from each test's own outcome in the TRX files (a skipped test is "NotExecuted"); a suite that left
# no TRX file (a crashed test host) counts as one failure, so the line never claims more than ran.
python3 - "$results" $suites <<'PY' || status=1
import os, sys, xml.etree.ElementTree as ET
results, projects = sys.argv[1], sys.argv[2:]
passed = failed = skipped = 0
for project in projects:
    path = os.path.join(results, os.path.basename(project) + ".trx")
    if not os.path.exists(path):
        print(f"{os.path.basename(project)}: no results (the test host did not finish)")
        failed += 1
        continue
    root = ET.parse(path).getroot()
    summary = root.find("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}ResultSummary")
    run_failed = summary is not None and summary.get("outcome") not in ("Completed", "Passed")
    failed_before = failed
    for result in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "Pending", "Disconnected", "Warning"):
            skipped += 1
        else:
            failed += 1
    if run_failed and failed == failed_before:
        # The run aborted (a crashed test host) after the tests it did report: that is a failure too.
        print(f"{os.path.basename(project)}: the test run aborted ({summary.get('outcome')}) before every test reported")
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
exit $status
