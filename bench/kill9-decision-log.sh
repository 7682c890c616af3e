#!/usr/bin/env bash
# Decision log under kill -9, run by hand: drives triage with wrk, kills the service with
# SIGKILL in the middle of the load, then compares the decisions answered (wrk's count of
# complete responses) with the lines in the decision log and checks every line parses.
#
#   bench/kill9-decision-log.sh            # 32 connections, kill after 8 s
#   CONNECTIONS=8 KILL_AFTER=5 bench/kill9-decision-log.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
PORT=${PORT:-18090}
CONNECTIONS=${CONNECTIONS:-32}
KILL_AFTER=${KILL_AFTER:-8}
WORK=$(mktemp -d)
URL="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker TRIAGE_POLICY_PASSWORD=bench-policy
export TRIAGE_AUDIT_DIR="$WORK/decisions" TRIAGE_AUDIT_KEY=bench-audit-key-0123456789abcdefghij
AUTH="Authorization: Basic $(printf 'caseworker:bench-caseworker' | base64)"

java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill -9 "$SERVICE" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
	curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
	sleep 0.5
done

# warm up; every warm-up request has been answered, so its lines are counted off
wrk -t2 -c8 -d20s -H "$AUTH" -s bench/triage.lua "$URL/api/v1/triage" >/dev/null
before=$(cat "$WORK"/decisions/*.jsonl | grep -c '')

wrk -t2 -c"$CONNECTIONS" -d"$((KILL_AFTER + 4))s" -H "$AUTH" -s bench/triage.lua "$URL/api/v1/triage" \
	>"$WORK/wrk.txt" 2>&1 &
WRK=$!
sleep "$KILL_AFTER"
kill -9 "$SERVICE"
wait "$WRK" || true

answered=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
cat "$WORK"/decisions/*.jsonl | tail -n +"$((before + 1))" >"$WORK/all.jsonl"
logged=$(grep -c '' "$WORK/all.jsonl" || true)
complete=$(python3 -c '
import json, sys
ok = 0
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        json.loads(line); ok += 1
    except ValueError:
        pass
print(ok)' "$WORK/all.jsonl")
echo "answered (complete 200 responses seen by wrk): $answered${non2xx:+ (non-2xx: $non2xx)}"
echo "decision-log lines: $logged, of which complete JSON: $complete, torn: $((logged - complete))"
echo "logged but not answered (in flight at the kill): $((complete - answered))"
