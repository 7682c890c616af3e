#!/usr/bin/env bash
# API load benchmark, run by hand (not in CI): starts the service on loopback, then
# drives GET /api/v1/ping (the trivial baseline) and POST /api/v1/triage with wrk at
# 1, 8 and 32 connections and prints requests/s, p50 and p99 for each, and the service's
# own CPU time per request, user and kernel apart, and the bytes it wrote per request (on the
# embedded database: its file; steady however busy the machine is).
#
#   bench/api-load.sh                      # 20 s per run after a 120 s warm-up
#   DURATION=30s WARMUP=20s bench/api-load.sh
#
# Needs wrk (Debian: apt-get install -y wrk) and the jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
PORT=${PORT:-18080}
DURATION=${DURATION:-20s}
# the rule engine's code is large: the JIT needs about 100,000 triages to settle
WARMUP=${WARMUP:-120s}
CONNECTIONS=${CONNECTIONS:-"1 8 32"}
WORK=$(mktemp -d)
URL="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }

export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker
export TRIAGE_POLICY_PASSWORD=bench-policy
# the records are always on: the embedded database and its key go to the work folder, unless
# SPRING_DATASOURCE_URL (with _USERNAME and _PASSWORD) names a PostgreSQL
export TRIAGE_DATA_DIR="$WORK/data"
AUTH="Authorization: Basic $(printf 'caseworker:bench-caseworker' | base64)"

java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$WORK/service.log" 2>&1 &
SERVICE=$!
# under set -e a failing command in the trap becomes the exit status: the stopped service's 143 is expected
trap 'kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# up to 2 minutes: a busy machine starts it slowly
for _ in $(seq 1 240); do
	curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
	sleep 0.5
done
curl -fs "$URL/actuator/health" >/dev/null || { echo "service did not start; log:" >&2; tail -50 "$WORK/service.log" >&2; exit 1; }

# the service's user and kernel CPU ticks so far, and the bytes it has written
cpu_ticks() { awk '{print $14, $15}' "/proc/$SERVICE/stat"; }
written() { awk '$1 == "wchar:" {print $2}' "/proc/$SERVICE/io"; }

run() { # name connections duration -> "rps p50 p99 service-cpu-us-per-request(user+kernel) bytes-written-per-request"
	local name=$1 c=$2 d=$3 threads=$(( $2 < 2 ? 1 : 2 )) out before after wbefore wafter
	before=$(cpu_ticks)
	wbefore=$(written)
	if [ "$name" = ping ]; then
		out=$(wrk -t"$threads" -c"$c" -d"$d" --latency -H "$AUTH" "$URL/api/v1/ping")
	else
		out=$(wrk -t"$threads" -c"$c" -d"$d" --latency -H "$AUTH" -s bench/triage.lua "$URL/api/v1/triage")
	fi
	after=$(cpu_ticks)
	wafter=$(written)
	if echo "$out" | grep -q "Non-2xx"; then
		echo "$name: non-2xx answers:" >&2; echo "$out" >&2; exit 1
	fi
	local rps p50 p99 total cpu
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	total=$(echo "$out" | awk '/requests in/ {print $1}')
	# the service's own CPU time per request (all its threads, GC and JIT included): steadier
	# than the rates when neighbours share the cores
	# the kernel's part apart: the answer's bytes and the decision log's write are spent there
	cpu=$(echo "$before $after" | awk -v hz="$(getconf CLK_TCK)" -v n="$total" \
		'{u = ($3 - $1) * 1e6 / hz / n; k = ($4 - $2) * 1e6 / hz / n; printf "%.0f(%.0f+%.0f)", u + k, u, k}')
	echo "$rps $p50 $p99 $cpu $(( (wafter - wbefore) / total ))"
}

echo "warming up ($WARMUP each)..." >&2
run triage 8 "$WARMUP" >/dev/null
run ping 8 20s >/dev/null

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| connections | ping req/s | ping p50 | ping p99 | ping CPU µs/req (user+kernel) | triage req/s | triage p50 | triage p99 | triage CPU µs/req (user+kernel) | triage/ping req/s | ping/triage CPU | triage bytes written/req |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for c in $CONNECTIONS; do
	read -r prps pp50 pp99 pcpu _ <<<"$(run ping "$c" "$DURATION")"
	read -r trps tp50 tp99 tcpu twritten <<<"$(run triage "$c" "$DURATION")"
	ratio=$(awk -v t="$trps" -v p="$prps" 'BEGIN {printf "%.2f", t / p}')
	cratio=$(awk -v t="$tcpu" -v p="$pcpu" 'BEGIN {printf "%.2f", p / t}')
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$prps" "$pp50" "$pp99" "$pcpu" \
		"$trps" "$tp50" "$tp99" "$tcpu" "$ratio" "$cratio" "$twritten"
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
[ -f "$WORK/data/records.mv.db" ] && echo "embedded database: $(du -b "$WORK/data/records.mv.db" | cut -f1) bytes" >&2
echo "records: ${SPRING_DATASOURCE_URL:-embedded H2 in $WORK/data}" >&2
