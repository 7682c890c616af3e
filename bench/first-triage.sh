#!/usr/bin/env bash
# Time to the first triage answered after launch, run by hand (not in CI): starts the service
# on a free loopback port with the packaged rules, posts one triage every 50 ms and prints the
# seconds from launch to the first 200 answer, then stops the service. Each run starts every
# way named in STARTS, alternating, so the ways share the machine's load.
#
#   bench/first-triage.sh                          # RUNS=3, STARTS="plain cds aot"
#   STARTS=plain JAR=/tmp/old/triage-service.jar RUNS=5 bench/first-triage.sh
#
#   plain  java -jar (the JDK 17 on the path)
#   cds    the jar extracted, with a class-data sharing archive (JDK 17)
#   aot    the jar extracted, with an AOT cache (JDK 25, JAVA25, default the Temurin 25 here)
# cds and aot are prepared first by deploy/train-start-cache.sh, as production does
# (docs/operations/deployment.md#fast-start); the preparing is not timed.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
RUNS=${RUNS:-3}
STARTS=${STARTS:-plain cds aot}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CACHE_DIR=$(realpath -m "${CACHE_DIR:-target/start-cache}")
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }
JAR=$(realpath "$JAR")
BODY='{"citizenRef":"bench-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}'
export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker TRIAGE_POLICY_PASSWORD=bench-policy

# first_triage <java> <java options…> -jar <jar>: seconds from launch to the first 200, and
# the CPU seconds the JVM used up to then
first_triage() {
	local java=$1 work port start end code service cpu
	shift
	work=$(mktemp -d)
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	export TRIAGE_DATA_DIR="$work/data"
	start=$(date +%s.%N)
	# from an empty directory, so the service uses the rules packaged in the jar
	(cd "$work" && exec "$java" "$@" --server.port="$port" --server.address=127.0.0.1 \
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
	# utime + stime of the JVM (all its threads), fields 14 and 15 after the command's name
	cpu=$(sed 's/^.*) //' "/proc/$service/stat" 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '{print ($12 + $13) / hz}')
	kill "$service" 2>/dev/null || true
	wait "$service" 2>/dev/null || true
	[ "$code" = 200 ] || { echo "no 200 answer (last $code); log:" >&2; tail -30 "$work/service.log" >&2; exit 1; }
	rm -rf "$work"
	echo "$(echo "$end - $start" | bc) ${cpu:-0}"
}

# prepare <dir> <java>: prints the options deploy/train-start-cache.sh gives for the jar
prepare() {
	mkdir -p "$CACHE_DIR"
	JAVA=$2 deploy/train-start-cache.sh "$JAR" "$1" 2>"$1.log" | tail -1
	[ "${PIPESTATUS[0]}" = 0 ] || { echo "preparing $1 failed: see $1.log" >&2; exit 1; }
}

declare -A options
for way in $STARTS; do
	case $way in
	plain) options[plain]="java -jar $JAR" ;;
	cds) echo "preparing the class-data archive (JDK 17)..." >&2
		options[cds]="java $(prepare "$CACHE_DIR/cds" java)" ;;
	aot) echo "preparing the AOT cache (JDK 25)..." >&2
		options[aot]="$JAVA25 $(prepare "$CACHE_DIR/aot" "$JAVA25")" ;;
	*) echo "unknown start '$way': plain, cds or aot" >&2; exit 2 ;;
	esac
done

for run in $(seq 1 "$RUNS"); do
	line="run $run:"
	for way in $STARTS; do
		# shellcheck disable=SC2086 # the options are words
		read -r seconds cpu <<<"$(first_triage ${options[$way]})"
		line+=$(printf ' %s %.2f s (%.1f CPU s),' "$way" "$seconds" "$cpu")
	done
	echo "$line load $(cut -d' ' -f1-3 /proc/loadavg)"
done
