#!/usr/bin/env bash
# Latency of the matching board's pages against a running node, signed in as one of the programme's coordinators
# (a bearer token from /api/v1/auth/login), with wrk (apt-get install -y wrk). Each URL is loaded on its own for
# DURATION with CONNECTIONS connections; wrk prints p50/p75/p90/p99 for it (docs/performance.md, "A programme of
# 100,000 mentees"). Usage:
#   scripts/board-load.sh EMAIL PASSWORD PROGRAMME_ID [BASE_URL] [DURATION] [CONNECTIONS]
# `-- seed-programme` prints the coordinator; `-- programme match --slug S` fills the programme with drafts.
set -euo pipefail
EMAIL=${1:?usage: $0 EMAIL PASSWORD PROGRAMME_ID [BASE_URL] [DURATION] [CONNECTIONS]}
PASSWORD=${2:?password}
ID=${3:?programme id}
BASE=${4:-http://localhost:5080}
DURATION=${5:-20s}
CONNECTIONS=${6:-4}

TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  --data "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
API="$BASE/api/v1/programmes/$ID"
drafts=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/drafts?status=Draft&pageSize=1&page=1" >/dev/null && echo ok)
[ "$drafts" = ok ] || { echo "cannot read $API/drafts as $EMAIL" >&2; exit 1; }

for path in "board?page=1&pageSize=20" "board?page=50&pageSize=20" "drafts?page=1&pageSize=50" \
            "drafts?page=1000&pageSize=50" "drafts?page=1999&pageSize=50" "drafts?status=Approved&page=1&pageSize=50"; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/$path" || { echo "GET $path failed" >&2; exit 1; }
  echo "== GET /api/v1/programmes/{id}/$path"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$API/$path" \
    | grep -E 'Latency  |50%|90%|99%|Requests/sec|Non-2xx|requests in'
done
