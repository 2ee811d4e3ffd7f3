#!/usr/bin/env bash
# Median time of a failed API sign-in for an address that has an account and for one that has none, measured with
# curl against a running node (docs/security.md, "Sign-in timing"). Usage:
#   scripts/signin-timing.sh KNOWN_EMAIL [KNOWN_PASSWORD] [BASE_URL] [ROUNDS]
# KNOWN_EMAIL is an account on that node (e.g. one that `-- seed-demo` printed; its password is trellis-demo-2026).
# With KNOWN_PASSWORD, the account signs in properly after each wrong attempt, so SignInThrottle's wait is not what
# is measured. Each round sends one wrong password for the known address and one for a fresh unknown address. The
# node must allow 3 × ROUNDS sign-ins a minute from this client: start it with Trellis__RateLimits__SignIn__PermitLimit
# raised (the default is 20 a minute, which is the point of the limit).
set -euo pipefail
KNOWN=${1:?usage: $0 KNOWN_EMAIL [KNOWN_PASSWORD] [BASE_URL] [ROUNDS]}
PASSWORD=${2:-}
BASE=${3:-http://localhost:5080}
ROUNDS=${4:-25}

login() { # email password → seconds (curl's time_total) and status, as "0.312 401"
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -X POST "$BASE/api/v1/auth/login" \
    -H 'Content-Type: application/json' --data "{\"email\":\"$1\",\"password\":\"$2\"}"
}

known=(); unknown=()
login "$KNOWN" "warm-up" >/dev/null; login "nobody.warmup.$RANDOM@example.org" "warm-up" >/dev/null
for i in $(seq "$ROUNDS"); do
  read -r t code < <(login "$KNOWN" "wrong password $i")
  [ "$code" = 401 ] || { echo "known address: HTTP $code (expected 401)" >&2; exit 1; }
  known+=("$t")
  read -r t code < <(login "nobody.$i.$RANDOM$RANDOM@example.org" "wrong password $i")
  [ "$code" = 401 ] || { echo "unknown address: HTTP $code (expected 401)" >&2; exit 1; }
  unknown+=("$t")
  if [ -n "$PASSWORD" ]; then
    read -r _ code < <(login "$KNOWN" "$PASSWORD")
    [ "$code" = 200 ] || { echo "known address with its password: HTTP $code (expected 200)" >&2; exit 1; }
  fi
done
stats() { sort -n | awk '{a[NR]=$1*1000} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "median %.0f ms (min %.0f, max %.0f)", m, a[1], a[NR]}'; }
echo "rounds $ROUNDS against $BASE"
echo "known address:   $(printf '%s\n' "${known[@]}" | stats)"
echo "unknown address: $(printf '%s\n' "${unknown[@]}" | stats)"
