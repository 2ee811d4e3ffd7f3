#!/usr/bin/env bash
# Runs every Trellis test suite: unit, integration on SQLite and on PostgreSQL, and end-to-end in
# headless Chromium. Installs what is missing (Debian, as root), starts throwaway servers on
# loopback, always cleans up, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
STATE=$(mktemp -d); chmod 755 "$STATE"
PG_STARTED=""
PGBIN=""
REDIS_PID=""

log() { printf '\n== %s\n' "$*"; }

cleanup() {
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; fi
  if [ -n "$PG_STARTED" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE"
}
trap cleanup EXIT INT TERM

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# 1. What the suites need from Debian: PostgreSQL (integration suite), Chromium (end-to-end suite),
#    Redis (installed now for the multi-node features that use it).
missing=()
for pkg in postgresql redis-server chromium chromium-driver fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Missing Debian packages: ${missing[*]} (run as root, or install them)"; exit 1; fi
  log "Installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi
command -v npm >/dev/null || { echo "npm is needed for the front-end assets (apt-get install npm)"; exit 1; }

# 2. Build everything once.
log "Restoring tools and building"
dotnet tool restore >/dev/null || exit 1
dotnet build Trellis.slnx -v quiet -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

# 3. A throwaway PostgreSQL on a free loopback port.
free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}
log "Starting PostgreSQL"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=$(free_port 55432)
install -d -m 700 "$STATE/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$STATE/pg"
as_postgres "$PGBIN/initdb" -D "$STATE/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$STATE/initdb.log" 2>&1 \
  || { cat "$STATE/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
as_postgres "$PGBIN/pg_ctl" -D "$STATE/pg" -l "$STATE/pg/server.log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $STATE/pg -c fsync=off -c max_connections=300" >/dev/null \
  || { cat "$STATE/pg/server.log"; echo "0 passed, 1 failed"; exit 1; }
PG_STARTED=1
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"

# A throwaway Redis for the tests of what nodes share through it (rate limits across two app nodes).
log "Starting Redis"
REDISPORT=$(free_port 56432)
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$STATE/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$REDISPORT") 2>/dev/null && break; sleep 0.1; done
REDIS="127.0.0.1:$REDISPORT"

# 4. Run each suite; a suite that cannot start counts as a failure, never as "no tests".
PASSED=0; FAILED=0; SKIPPED=0; SUMMARY=()
run_suite() {
  local name=$1 project=$2; shift 2
  log "$name"
  local out="$STATE/$(echo "$name" | tr ' /' '__').log"
  env "$@" dotnet test --project "$project" --no-build --minimum-expected-tests 1 >"$out" 2>&1
  local code=$?
  grep -E '^(failed|  Assert|    at Trellis)' "$out" | head -60
  local total succeeded failed skipped
  total=$(grep -E '^\s+total: ' "$out" | tail -1 | awk '{print $2}')
  succeeded=$(grep -E '^\s+succeeded: ' "$out" | tail -1 | awk '{print $2}')
  failed=$(grep -E '^\s+failed: ' "$out" | tail -1 | awk '{print $2}')
  skipped=$(grep -E '^\s+skipped: ' "$out" | tail -1 | awk '{print $2}')
  if [ -z "$total" ]; then tail -30 "$out"; succeeded=0; failed=1; skipped=0; fi
  if [ "$code" != 0 ] && [ "${failed:-0}" = 0 ]; then tail -30 "$out"; failed=1; fi
  PASSED=$((PASSED + ${succeeded:-0})); FAILED=$((FAILED + ${failed:-0})); SKIPPED=$((SKIPPED + ${skipped:-0}))
  SUMMARY+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "$name" "${succeeded:-0}" "${failed:-0}" "${skipped:-0}")")
}

START=$(date +%s)
# The layout and style contract in .editorconfig (whitespace, import order, style rules): counted as one failed
# check, with the command that fixes it.
log "Formatting (.editorconfig)"
if dotnet format Trellis.slnx --verify-no-changes >"$STATE/format.log" 2>&1; then
  PASSED=$((PASSED + 1)); SUMMARY+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "Formatting" 1 0 0)")
else
  grep -m 20 -E 'error [A-Z]' "$STATE/format.log"; echo "Fix with: dotnet format Trellis.slnx"
  FAILED=$((FAILED + 1)); SUMMARY+=("$(printf '%-34s %4s passed, %s failed, %s skipped' "Formatting" 0 1 0)")
fi
# The model comparison loads two more sentence models (about 40 s); it skips itself unless asked, so ask.
run_suite "Matching (unit, property)" tests/Trellis.Matching.Tests TRELLIS_MODEL_COMPARISON=1
run_suite "Web on SQLite" tests/Trellis.Web.Tests TRELLIS_TEST_DB=Sqlite "TRELLIS_TEST_REDIS=$REDIS"
run_suite "Web on PostgreSQL" tests/Trellis.Web.Tests TRELLIS_TEST_DB=Postgres "TRELLIS_TEST_PG=$PG" "TRELLIS_TEST_REDIS=$REDIS"
run_suite "End-to-end (Chromium)" tests/Trellis.EndToEnd.Tests

log "Summary ($(( $(date +%s) - START )) s of tests)"
printf '%s\n' "${SUMMARY[@]}"
if [ "$SKIPPED" -gt 0 ]; then
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
  echo "$PASSED passed, $FAILED failed"
fi
[ "$FAILED" = 0 ]
