#!/usr/bin/env bash
# What a large decision log costs the service, run by hand: writes DAYS day files of
# PER_DAY synthetic decision lines (one real line, new ids), starts the jar on them and
# reports the time it took to index the log at start, the heap the index holds (after a
# full GC, against the same jar on an empty log) and the time of a justification call for
# the last decision of a day file.
#
#   bench/decision-log-start.sh                  # 10 days x 50,000 decisions
#   DAYS=30 PER_DAY=10000 bench/decision-log-start.sh
#
# Needs python3, curl and the JDK's jcmd, and the jar (mvn -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-service/target/triage-service.jar}
PORT=${PORT:-18095}
DAYS=${DAYS:-10}
PER_DAY=${PER_DAY:-50000}
WORK=$(mktemp -d)
URL="http://127.0.0.1:${PORT}"
export TRIAGE_CASEWORKER_PASSWORD=bench-caseworker TRIAGE_POLICY_PASSWORD=bench-policy
AUTH=caseworker:bench-caseworker
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -DskipTests package first" >&2; exit 2; }

SERVICE=
stop() {
	if [ -n "$SERVICE" ]; then
		kill "$SERVICE" 2>/dev/null || true
		wait "$SERVICE" 2>/dev/null || true
	fi
	SERVICE=
}
trap 'stop; rm -rf "$WORK"' EXIT

start() { # data directory, log file
	TRIAGE_DATA_DIR="$1" java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$2" 2>&1 &
	SERVICE=$!
	for _ in $(seq 1 240); do
		curl -fs "$URL/actuator/health" >/dev/null 2>&1 && return
		sleep 0.5
	done
	echo "the service did not start; see $2" >&2
	exit 1
}

heap_kib() {
	jcmd "$SERVICE" GC.run >/dev/null && jcmd "$SERVICE" GC.run >/dev/null
	jcmd "$SERVICE" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1
}

# one real decision line to copy, from a service on an empty log
start "$WORK/empty" "$WORK/empty.log"
curl -fs -o /dev/null -u "$AUTH" "$URL/api/v1/triage" -H 'Content-Type: application/json' \
	-d '{"citizenRef":"bench-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}'
EMPTY=$(heap_kib)
stop

mkdir -m 700 "$WORK/data" "$WORK/data/decisions"
cp -p "$WORK/empty/decision-log.key" "$WORK/data/"
python3 - "$WORK" "$DAYS" "$PER_DAY" <<'PY'
import datetime, glob, json, os, sys, uuid
work, days, per_day = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
line = json.loads(open(glob.glob(work + "/empty/decisions/*.jsonl")[0]).readline())
today = datetime.date.today()
for day in range(days):
    path = "%s/data/decisions/decisions-%s.jsonl" % (work, today - datetime.timedelta(days=day + 1))
    with os.fdopen(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600), "w") as out:
        for _ in range(per_day):
            line["decisionId"] = str(uuid.uuid4())
            out.write(json.dumps(line, separators=(",", ":")) + "\n")
PY
LAST=$(tail -1 "$(ls "$WORK"/data/decisions/*.jsonl | head -1)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["decisionId"])')
SIZE=$(du -sh "$WORK/data/decisions" | cut -f1)

start "$WORK/data" "$WORK/data.log"
FULL=$(heap_kib)
python3 - "$WORK/data.log" <<'PY'
import re, sys
from datetime import datetime
times = {}
for line in open(sys.argv[1]):
    if "Decision log:" in line:
        stamp = datetime.fromisoformat(line.split()[0].replace("Z", "+00:00"))
        times["done" if "decision(s)" in line else "start"] = stamp
        if "decision(s)" in line:
            print(line.split("Decision log: ")[1].strip())
print("indexing at start: %.1f s" % (times["done"] - times["start"]).total_seconds())
PY
echo "log on disk: $SIZE; heap after full GC: empty log $((EMPTY / 1024)) MiB, this log $((FULL / 1024)) MiB"
for _ in 1 2 3 4 5; do
	curl -s -o /dev/null -w "justification of the last decision of a day file: %{http_code} in %{time_total} s\n" \
		-u "$AUTH" "$URL/api/v1/decisions/$LAST/justification"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
