#!/usr/bin/env bash
# Answered vs stored under faults, run by hand: drives triage from 8 client threads, keeps the
# decision id of every 200 answer, and after the fault lists the stored decisions with the
# jar's own `export` command. Every answered decision must be stored ("lost" = 0); decisions
# stored but not answered (in flight at the fault) are fine.
#
#   bench/records-faults.sh kill9            # embedded database: kill -9 under load, 3 rounds
#   bench/records-faults.sh kill9 postgres   # the same on a throwaway PostgreSQL
#   bench/records-faults.sh pg-restart       # PostgreSQL stopped for 5 s under load and started again
#   bench/records-faults.sh disk-full        # the embedded database's folder fills up under load (a
#                                            # small tmpfs, so root); then room again and a restart
#
# Needs the jar (mvn -B -DskipTests package), python3, and for postgres Debian's postgresql.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:?kill9, pg-restart or disk-full}
DB=${2:-embedded}
[ "$MODE" = pg-restart ] && DB=postgres
JAR=${JAR:-service/target/triage-service.jar}
PORT=${PORT:-18091}
ROUNDS=${ROUNDS:-3}
LOAD_SECONDS=${LOAD_SECONDS:-8}
WORK=$(mktemp -d)
URL="http://127.0.0.1:${PORT}"
SERVICE=
export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker TRIAGE_POLICY_PASSWORD=bench-policy
export TRIAGE_AUDIT_KEY=bench-audit-key-0123456789abcdefghij TRIAGE_DATA_DIR="$WORK/data"

cleanup() {
	[ -n "$SERVICE" ] && kill -9 "$SERVICE" 2>/dev/null || true
	[ -n "${KEEP_LOG:-}" ] && cp "$WORK/service.log" "$KEEP_LOG"
	[ "$DB" = postgres ] && .ci/postgres.sh stop "$PG_DIR"
	mountpoint -q "$WORK/data" && umount "$WORK/data"
	rm -rf "$WORK"
}
trap cleanup EXIT
if [ "$DB" = postgres ]; then
	# its own folder (the work folder is the service user's only)
	PG_DIR=$(mktemp -d /tmp/records-faults-pg.XXXXXX)
	eval "$(.ci/postgres.sh start "$PG_DIR")"
	export SPRING_DATASOURCE_URL=$TRIAGE_TEST_POSTGRES_URL SPRING_DATASOURCE_USERNAME=$TRIAGE_TEST_POSTGRES_USER
	export SPRING_DATASOURCE_PASSWORD=$TRIAGE_TEST_POSTGRES_PASSWORD
	PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

start() {
	java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >>"$WORK/service.log" 2>&1 &
	SERVICE=$!
	# up to 2 minutes: a busy machine starts it slowly
	for _ in $(seq 1 240); do
		curl -fs "$URL/actuator/health/readiness" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	echo "service did not start" >&2; tail -30 "$WORK/service.log" >&2; exit 1
}

# N seconds of load from 8 threads; the ids of the 200 answers to $1, the other statuses counted
load() {
	python3 - "$1" "$2" "$URL" <<'PY'
import base64, http.client, json, sys, threading, time
out, seconds, url = sys.argv[1], float(sys.argv[2]), sys.argv[3]
host, port = url.split("//")[1].split(":")
auth = "Basic " + base64.b64encode(b"caseworker:bench-caseworker").decode()
body = json.dumps({"citizenRef": "fault-1", "age": 40, "benefit": "CASH_BENEFIT",
                   "employmentPotential": "PRESENT", "problems": ["HOMELESSNESS"]})
ids, others, lock, end = [], {}, threading.Lock(), time.time() + seconds
def run():
    conn = None
    while time.time() < end:
        try:
            conn = conn or http.client.HTTPConnection(host, int(port), timeout=10)
            conn.request("POST", "/api/v1/triage", body, {"Authorization": auth, "Content-Type": "application/json"})
            r = conn.getresponse(); data = r.read()
            with lock:
                if r.status == 200: ids.append(json.loads(data)["decisionId"])
                else: others[r.status] = others.get(r.status, 0) + 1
        except Exception:
            conn = None
            with lock: others["no answer"] = others.get("no answer", 0) + 1
            time.sleep(0.05)
threads = [threading.Thread(target=run) for _ in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
open(out, "w").write("\n".join(ids) + ("\n" if ids else ""))
print(f"answered 200: {len(ids)}, other: {others}")
PY
}

stored() { # the decision ids in the database, sorted
	java -jar "$JAR" export --from 2000-01-01 --to 2100-01-01 2>/dev/null \
		| python3 -c 'import json,sys; [print(json.loads(l)["decision"]["decisionId"]) for l in sys.stdin if l.startswith("{")]' | sort
}

check() { # answered-file
	stored >"$WORK/stored.txt"
	sort "$1" >"$WORK/answered.txt"
	local answered lost stored_n
	answered=$(grep -c '' "$WORK/answered.txt" || true)
	stored_n=$(grep -c '' "$WORK/stored.txt" || true)
	lost=$(comm -23 "$WORK/answered.txt" "$WORK/stored.txt" | grep -c '' || true)
	echo "  answered (all rounds so far): $answered, stored: $stored_n, answered but not stored (lost): $lost"
	[ "$lost" = 0 ]
}

: >"$WORK/all-answered.txt"
failed=0
if [ "$MODE" = kill9 ]; then
	for round in $(seq 1 "$ROUNDS"); do
		start
		load "$WORK/answered-$round.txt" "$LOAD_SECONDS" >"$WORK/load-$round.txt" &
		LOAD=$!
		sleep $((LOAD_SECONDS / 2))
		kill -9 "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=
		wait "$LOAD"
		echo "round $round ($DB, kill -9 after $((LOAD_SECONDS / 2)) s): $(cat "$WORK/load-$round.txt")"
		cat "$WORK/answered-$round.txt" >>"$WORK/all-answered.txt"
		# the embedded database is read by the command only while no service has it open
		check "$WORK/all-answered.txt" || failed=1
	done
elif [ "$MODE" = disk-full ]; then
	# a folder of DISK_MB for the data directory: the seeded repository of versions and the
	# embedded database share it, and the database fills what is left under load
	mkdir -p "$WORK/data" && chmod 700 "$WORK/data"
	mount -t tmpfs -o size="${DISK_MB:-24}m,mode=0700" tmpfs "$WORK/data"
	start
	load "$WORK/all-answered.txt" "${FULL_SECONDS:-30}" >"$WORK/load.txt" &
	LOAD=$!
	full=
	for _ in $(seq 1 "${FULL_SECONDS:-30}"); do
		sleep 1
		if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/actuator/health/readiness")" = 503 ]; then
			full=yes
			echo "readiness 503 at $(df -h --output=used,size "$WORK/data" | tail -1 | xargs) used"
			break
		fi
	done
	wait "$LOAD"
	echo "disk-full: $(cat "$WORK/load.txt")"
	echo "warnings in the service log: $(grep -c 'Records database refuses writes' "$WORK/service.log" || true), stack-trace lines: $(grep -c '^\s*at ' "$WORK/service.log" || true)"
	[ -n "$full" ] || { echo "FAIL: readiness never went down; raise FULL_SECONDS or lower DISK_MB"; failed=1; }
	kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=
	mount -o remount,size=512m "$WORK/data"
	echo "room again (512 MB); the stored decisions after a restart of the database:"
	check "$WORK/all-answered.txt" || failed=1
else
	start
	load "$WORK/all-answered.txt" 20 >"$WORK/load.txt" &
	LOAD=$!
	sleep 5
	runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null
	echo "PostgreSQL stopped; readiness: $(curl -s -o /dev/null -w '%{http_code}' "$URL/actuator/health/readiness")"
	sleep 5
	runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
		-o "-p $(echo "$TRIAGE_TEST_POSTGRES_URL" | sed -E 's#.*:([0-9]+)/.*#\1#') -k $PG_DIR -c listen_addresses=127.0.0.1" \
		start >/dev/null
	echo "PostgreSQL started again"
	wait "$LOAD"
	echo "pg-restart: $(cat "$WORK/load.txt")"
	echo "readiness after: $(curl -s -o /dev/null -w '%{http_code}' "$URL/actuator/health/readiness")"
	echo "warnings in the service log: $(grep -c 'Records database refuses writes' "$WORK/service.log" || true), stack-trace lines: $(grep -c '^\s*at ' "$WORK/service.log" || true)"
	check "$WORK/all-answered.txt" || failed=1
fi
[ "$failed" = 0 ] && echo "PASS: every answered decision is stored" || { echo "FAIL: answered decisions are missing"; exit 1; }
