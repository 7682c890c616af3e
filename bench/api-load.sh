#!/usr/bin/env bash
# API load benchmark, run by hand (not in CI): starts the service on loopback, then
# drives GET /api/v1/ping (the trivial baseline) and POST /api/v1/triage with wrk at
# 1, 8 and 32 connections and prints requests/s, p50 and p99 for each.
#
#   bench/api-load.sh                      # 20 s per run after a 60 s warm-up
#   DURATION=30s WARMUP=20s bench/api-load.sh
#   AUDIT=off bench/api-load.sh            # without the decision log
#
# Needs wrk (Debian: apt-get install -y wrk) and the jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
PORT=${PORT:-18080}
DURATION=${DURATION:-20s}
# the rule engine's code is large: the JIT needs about a minute of traffic to settle
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-"1 8 32"}
AUDIT=${AUDIT:-on}
WORK=$(mktemp -d)
URL="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }

export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker
export TRIAGE_POLICY_PASSWORD=bench-policy
if [ "$AUDIT" = on ]; then
	export TRIAGE_AUDIT_DIR="$WORK/decisions" TRIAGE_AUDIT_KEY=bench-audit-key-0123456789
fi
AUTH="Authorization: Basic $(printf 'caseworker:bench-caseworker' | base64)"

java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null; rm -rf "$WORK"' EXIT

for _ in $(seq 1 120); do
	curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
	sleep 0.5
done
curl -fs "$URL/actuator/health" >/dev/null || { echo "service did not start; log:" >&2; tail -50 "$WORK/service.log" >&2; exit 1; }

run() { # name connections duration -> "rps p50 p99"
	local name=$1 c=$2 d=$3 threads=$(( $2 < 2 ? 1 : 2 )) out
	if [ "$name" = ping ]; then
		out=$(wrk -t"$threads" -c"$c" -d"$d" --latency -H "$AUTH" "$URL/api/v1/ping")
	else
		out=$(wrk -t"$threads" -c"$c" -d"$d" --latency -H "$AUTH" -s bench/triage.lua "$URL/api/v1/triage")
	fi
	if echo "$out" | grep -q "Non-2xx"; then
		echo "$name: non-2xx answers:" >&2; echo "$out" >&2; exit 1
	fi
	local rps p50 p99
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	echo "$rps $p50 $p99"
}

echo "warming up ($WARMUP each)..." >&2
run triage 8 "$WARMUP" >/dev/null
run ping 8 20s >/dev/null

printf '| connections | ping req/s | ping p50 | ping p99 | triage req/s | triage p50 | triage p99 | triage/ping |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for c in $CONNECTIONS; do
	read -r prps pp50 pp99 <<<"$(run ping "$c" "$DURATION")"
	read -r trps tp50 tp99 <<<"$(run triage "$c" "$DURATION")"
	ratio=$(awk -v t="$trps" -v p="$prps" 'BEGIN {printf "%.2f", t / p}')
	printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$prps" "$pp50" "$pp99" "$trps" "$tp50" "$tp99" "$ratio"
done
if [ "$AUDIT" = on ]; then
	echo "decision log lines written: $(cat "$WORK"/decisions/*.jsonl | wc -l)" >&2
fi
