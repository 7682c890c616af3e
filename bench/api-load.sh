#!/usr/bin/env bash
# API load benchmark, run by hand (not in CI): starts the service on loopback, then
# drives GET /api/v1/ping (the trivial baseline) and POST /api/v1/triage with wrk at
# 1, 8 and 32 connections and prints requests/s, p50 and p99 for each, and the service's
# own CPU time per request, user and kernel apart, and the bytes it wrote per request (on the
# embedded database: its file; steady however busy the machine is). For the triage it also prints
# the p99 and p99.9 the service measured itself (Spring's request timer, from its first filter to
# the answer) and those of the wait for the decision's commit, read off the service's own
# histograms: a client's tail beyond them is spent outside the service's own handling.
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
METRICS_AUTH="policy:bench-policy"

# the request timer's histogram is off by default (its series per endpoint and status); on here
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
	--management.metrics.distribution.percentiles-histogram.http.server.requests=true >"$WORK/service.log" 2>&1 &
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

scrape() { curl -fs -u "$METRICS_AUTH" "$URL/actuator/prometheus" >"$1"; }

# a quantile of a Prometheus histogram between two scrapes: the smallest bucket bound (in ms) that
# holds that share of the observations made between them; "-" when there were none
quantile_between() { # quantile before after series-pattern
	awk -v q="$1" -v pattern="$4" '
		$0 ~ pattern && /_bucket\{/ {
			match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5)
			if (FILENAME == ARGV[1]) before[le] += $NF; else after[le] += $NF
		}
		END {
			total = after["+Inf"] - before["+Inf"]
			if (total <= 0) { print "-"; exit }
			best = ""
			for (le in after) if (le != "+Inf" && after[le] - before[le] >= q * total && (best == "" || le + 0 < best + 0)) best = le
			if (best == "") print ">max"; else printf "%.1fms\n", best * 1000
		}' "$2" "$3"
}

# p99 and p99.9 as "p99/p99.9"
tail_between() { # before after series-pattern
	echo "$(quantile_between 0.99 "$@")/$(quantile_between 0.999 "$@")"
}

run() { # name connections duration -> "rps p50 p99 service-cpu-us-per-request(user+kernel) bytes-written-per-request
	#                                       in-service-p99/p99.9 commit-wait-p99/p99.9"
	local name=$1 c=$2 d=$3 threads=$(( $2 < 2 ? 1 : 2 )) out before after wbefore wafter
	scrape "$WORK/before.prom"
	before=$(cpu_ticks)
	wbefore=$(written)
	if [ "$name" = ping ]; then
		out=$(wrk -t"$threads" -c"$c" -d"$d" --latency -H "$AUTH" "$URL/api/v1/ping")
	else
		out=$(wrk -t"$threads" -c"$c" -d"$d" --latency -H "$AUTH" -s bench/triage.lua "$URL/api/v1/triage")
	fi
	after=$(cpu_ticks)
	wafter=$(written)
	scrape "$WORK/after.prom"
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
	local served committed
	served=$(tail_between "$WORK/before.prom" "$WORK/after.prom" 'http_server_requests_seconds.*status="200".*uri="/api/v1/triage"')
	committed=$(tail_between "$WORK/before.prom" "$WORK/after.prom" 'triage_records_commit_seconds')
	echo "$rps $p50 $p99 $cpu $(( (wafter - wbefore) / total )) $served $committed"
}

echo "warming up ($WARMUP each)..." >&2
run triage 8 "$WARMUP" >/dev/null
run ping 8 20s >/dev/null

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| connections | ping req/s | ping p50 | ping p99 | ping CPU µs/req (user+kernel) | triage req/s | triage p50 | triage p99 | triage CPU µs/req (user+kernel) | triage/ping req/s | ping/triage CPU | triage bytes written/req | triage p99/p99.9 in the service | commit wait p99/p99.9 |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for c in $CONNECTIONS; do
	read -r prps pp50 pp99 pcpu _ <<<"$(run ping "$c" "$DURATION")"
	read -r trps tp50 tp99 tcpu twritten tserved tcommitted <<<"$(run triage "$c" "$DURATION")"
	ratio=$(awk -v t="$trps" -v p="$prps" 'BEGIN {printf "%.2f", t / p}')
	cratio=$(awk -v t="$tcpu" -v p="$pcpu" 'BEGIN {printf "%.2f", p / t}')
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$prps" "$pp50" "$pp99" "$pcpu" \
		"$trps" "$tp50" "$tp99" "$tcpu" "$ratio" "$cratio" "$twritten" "$tserved" "$tcommitted"
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
[ -f "$WORK/data/records.mv.db" ] && echo "embedded database: $(du -b "$WORK/data/records.mv.db" | cut -f1) bytes" >&2
echo "records: ${SPRING_DATASOURCE_URL:-embedded H2 in $WORK/data}" >&2
