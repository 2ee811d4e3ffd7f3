#!/usr/bin/env bash
# Latency of a programme's report pages against a running node (docs/performance.md, "Programme reports"), signed in
# as the programme's coordinator with a bearer token from /api/v1/auth/login, loaded with wrk (apt-get install -y wrk).
# First, unless the programme already has pairs, fills it with generated pairs, 1,000,000 meetings, 200,000 reviews
# (two answers each when completed) and 100,000 check-ins (scripts/report-load.sql, SQL only, PostgreSQL).
# The participants come from `trellis seed-programme`; start the node with Jobs__Run=false Email__RunWorker=false, or
# its jobs start working through the generated pairs' reminders and completions during the run. Usage:
#   scripts/report-load.sh PSQL_DATABASE_URL SLUG [BASE_URL] [DURATION] [CONNECTIONS]
# e.g. scripts/report-load.sh postgresql://postgres@127.0.0.1:55900/trellis_reports scale http://127.0.0.1:5080 30s 2
# Each URL is loaded on its own for DURATION with CONNECTIONS connections; wrk prints p50/p75/p90/p99 and req/s,
# and the 1-minute load average is printed before and after each URL (other work on the machine shows there).
set -euo pipefail
DB=${1:?usage: $0 PSQL_DATABASE_URL SLUG [BASE_URL] [DURATION] [CONNECTIONS]}
SLUG=${2:?slug}
BASE=${3:-http://127.0.0.1:5080}
DURATION=${4:-30s}
CONNECTIONS=${5:-2}
HERE=$(cd "$(dirname "$0")" && pwd)

psql "$DB" -q -v slug="$SLUG" -f "$HERE/report-load.sql"
ID=$(psql "$DB" -Atc "SELECT \"Id\" FROM \"Programmes\" WHERE \"Slug\" = '$SLUG'")
EMAIL="coordinator@$SLUG.scale.trellis.test"   # what seed-programme creates; password trellis-demo-2026
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  --data "{\"email\":\"$EMAIL\",\"password\":\"trellis-demo-2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

for url in "/api/v1/programmes/$ID/reports" "/Programmes/$SLUG/Manage/Reports" \
           "/api/v1/programmes/$ID/reports/meetings.csv" "/api/v1/programmes/$ID/reports/first-meeting.csv"; do
  code=$(curl -s -o /dev/null -w '%{http_code} %{time_total}s' -H "Authorization: Bearer $TOKEN" "$BASE$url")
  [ "${code%% *}" = 200 ] || { echo "GET $url answered $code" >&2; exit 1; }
  echo "== GET $url (one cold request: $code)   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -H "Authorization: Bearer $TOKEN" "$BASE$url" \
    | grep -E 'Latency  |50%|90%|99%|Requests/sec|Non-2xx|requests in|timeout'
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
