#!/usr/bin/env bash
# Time to the first triage answered after `java -jar`, run by hand (not in CI): starts the
# service on a free loopback port with the packaged rules, posts one triage every 50 ms
# and prints the seconds from launch to the first 200 answer, then stops the service.
#
#   bench/first-triage.sh                 # RUNS=3 by default
#   JAR=/tmp/old/triage-service.jar RUNS=5 bench/first-triage.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
RUNS=${RUNS:-3}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }
JAR=$(realpath "$JAR")
BODY='{"citizenRef":"bench-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}'

for run in $(seq 1 "$RUNS"); do
	WORK=$(mktemp -d)
	PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker TRIAGE_POLICY_PASSWORD=bench-policy
	export TRIAGE_DATA_DIR="$WORK/data" TRIAGE_AUDIT_DIR="$WORK/decisions"
	start=$(date +%s.%N)
	# from an empty directory, so the service uses the rules packaged in the jar
	(cd "$WORK" && exec java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
		>"$WORK/service.log" 2>&1) &
	SERVICE=$!
	code=000
	for _ in $(seq 1 1200); do
		code=$(curl -s -o /dev/null -w '%{http_code}' -u caseworker:bench-caseworker \
			-H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT/api/v1/triage" || true)
		[ "$code" = 200 ] && break
		sleep 0.05
	done
	end=$(date +%s.%N)
	kill "$SERVICE" 2>/dev/null || true
	wait "$SERVICE" 2>/dev/null || true
	[ "$code" = 200 ] || { echo "no 200 answer (last $code); log:" >&2; tail -30 "$WORK/service.log" >&2; exit 1; }
	printf 'run %d: first triage %.2f s after launch (load %s)\n' "$run" "$(echo "$end - $start" | bc)" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
	rm -rf "$WORK"
done
