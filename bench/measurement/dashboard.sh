#!/usr/bin/env bash
# The KM dashboard at 100,000 items and a year of activity (issue 12), end to end: a fresh Tacit (embedded
# H2) with organization "bench" and 20 spaces made through the API, a year of activity written into its
# database with the server stopped (year-of-activity.sql: items, versions, "used this" marks, their daily
# counts rebuilt as the migration does, views, searches, gaps), then the server again and endpoints.py
# timing the API and the dashboard page. Needs target/tacit.jar (./tacit build) and python3.
#
#   bench/measurement/dashboard.sh [--port 18091] [--runs 20] [--out DIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT=18091; RUNS=20; OUT="$ROOT/bench/out/measurement-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;; --runs) RUNS="$2"; shift 2 ;; --out) OUT="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
say() { printf 'bench %s: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
mkdir -p "$OUT"
DATA="$OUT/data"; rm -rf "$DATA"; mkdir -p "$DATA"
export TACIT_DATA_DIR="$DATA" TACIT_PORT="$PORT"
export TACIT_ADMIN_EMAIL=bench@example.org TACIT_ADMIN_PASSWORD=bench-password-1
export TACIT_ADMIN_TOKEN="bench-$(python3 -c 'import secrets; print(secrets.token_hex(20))')"
export TACIT_API_RATE_LIMIT_REQUESTS_PER_MINUTE=1000000000
export TACIT_JAVA_OPTS="${TACIT_JAVA_OPTS:--Xmx512m}"
unset TACIT_DB_URL TACIT_DB_USER TACIT_DB_PASSWORD
BASE="http://127.0.0.1:$PORT"
api() { curl -sf -H "Authorization: Bearer $TACIT_ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }
SERVER_PID=""
start() {
  (cd "$ROOT" && exec ./tacit run >>"$OUT/server.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 1800); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && { say "server up"; return 0; }
    kill -0 "$SERVER_PID" 2>/dev/null || { say "the server died (see $OUT/server.log)"; exit 1; }
    sleep 0.2
  done
  say "the server did not become healthy"; exit 1
}
stop() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
trap stop EXIT

start
api -d '{"name":"Bench","slug":"bench"}' "$BASE/api/v1/orgs" >/dev/null
for n in $(seq -w 1 20); do
  api -d "{\"key\":\"S$n\",\"name\":\"Space $n\"}" "$BASE/api/v1/orgs/bench/spaces" >/dev/null
done
stop
H2="$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)"
say "writing a year of activity"
t0=$(date +%s)
"${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$H2" org.h2.tools.RunScript \
  -url "jdbc:h2:file:$DATA/db/tacit" -user sa -script "$HERE/year-of-activity.sql" -showResults | tail -3
say "written in $(( $(date +%s) - t0 )) s"
start
python3 "$HERE/endpoints.py" --url "$BASE" --org bench --token "$TACIT_ADMIN_TOKEN" \
  --email "$TACIT_ADMIN_EMAIL" --password "$TACIT_ADMIN_PASSWORD" --runs "$RUNS" | tee "$OUT/results.txt"
