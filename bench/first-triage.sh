#!/usr/bin/env bash
# Time to the first triage answered after `java -jar`, run by hand (not in CI): starts the
# service on a free loopback port with the packaged rules, posts one triage every 50 ms
# and prints the seconds from launch to the first 200 answer, then stops the service.
#
#   bench/first-triage.sh                 # RUNS=3 by default
#   JAR=/tmp/old/triage-service.jar RUNS=5 bench/first-triage.sh
#   CDS=1 RUNS=3 bench/first-triage.sh    # the jar as built, and the same jar extracted with a
#                                         # class-data sharing archive, alternating
#
# CDS=1 first builds the archive in CDS_DIR (default target/cds): extracts the jar
# (`java -Djarmode=tools -jar … extract`), starts it once to its first triage recording the
# classes it loads, and dumps them into app.jsa. Start the service the same way in
# production: java -XX:SharedArchiveFile=app.jsa -jar <dir>/triage-service.jar
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
RUNS=${RUNS:-3}
CDS=${CDS:-0}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }
JAR=$(realpath "$JAR")
BODY='{"citizenRef":"bench-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}'
export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker TRIAGE_POLICY_PASSWORD=bench-policy

# first_triage <jar> <java options…>: seconds from launch to the first 200
first_triage() {
	local jar=$1 work port start end code service
	shift
	work=$(mktemp -d)
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	export TRIAGE_DATA_DIR="$work/data" TRIAGE_AUDIT_DIR="$work/decisions"
	start=$(date +%s.%N)
	# from an empty directory, so the service uses the rules packaged in the jar
	(cd "$work" && exec java "$@" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
		>"$work/service.log" 2>&1) &
	service=$!
	code=000
	for _ in $(seq 1 1200); do
		code=$(curl -s -o /dev/null -w '%{http_code}' -u caseworker:bench-caseworker \
			-H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$port/api/v1/triage" || true)
		[ "$code" = 200 ] && break
		sleep 0.05
	done
	end=$(date +%s.%N)
	kill "$service" 2>/dev/null || true
	wait "$service" 2>/dev/null || true
	[ "$code" = 200 ] || { echo "no 200 answer (last $code); log:" >&2; tail -30 "$work/service.log" >&2; exit 1; }
	rm -rf "$work"
	echo "$end - $start" | bc
}

if [ "$CDS" = 1 ]; then
	CDS_DIR=$(realpath -m "${CDS_DIR:-target/cds}")
	rm -rf "$CDS_DIR"
	mkdir -p "$CDS_DIR"
	java -Djarmode=tools -jar "$JAR" extract --destination "$CDS_DIR/app" >/dev/null
	EXTRACTED="$CDS_DIR/app/$(basename "$JAR")"
	echo "training run (records the classes loaded up to the first triage)..." >&2
	first_triage "$EXTRACTED" -XX:DumpLoadedClassList="$CDS_DIR/classes.lst" >/dev/null
	# OpenJDK 17.0.15 crashes dumping archived lambda proxies (SIGSEGV in
	# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary): archive the classes only
	grep -v '^@lambda-proxy' "$CDS_DIR/classes.lst" >"$CDS_DIR/classes-only.lst"
	(cd "$CDS_DIR/app" && java -Xshare:dump -XX:SharedClassListFile="$CDS_DIR/classes-only.lst" \
		-XX:SharedArchiveFile="$CDS_DIR/app.jsa" -jar "$EXTRACTED" >"$CDS_DIR/dump.log" 2>&1) \
		|| { echo "archive dump failed; see $CDS_DIR/dump.log" >&2; exit 1; }
	for run in $(seq 1 "$RUNS"); do
		plain=$(first_triage "$JAR" ${JAVA_OPTS:-})
		shared=$(first_triage "$EXTRACTED" ${JAVA_OPTS:-} -XX:SharedArchiveFile="$CDS_DIR/app.jsa")
		printf 'run %d: first triage %.2f s (java -jar), %.2f s (extracted + CDS archive) after launch (load %s)\n' \
			"$run" "$plain" "$shared" "$(cut -d' ' -f1-3 /proc/loadavg)"
	done
	exit 0
fi

for run in $(seq 1 "$RUNS"); do
	seconds=$(first_triage "$JAR" ${JAVA_OPTS:-})
	printf 'run %d: first triage %.2f s after launch (load %s)\n' "$run" "$seconds" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
done
