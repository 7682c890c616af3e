#!/usr/bin/env bash
# Replica test, run by hand: three instances of the service and Debian's HAProxy on loopback,
# all following one shared repository of rule versions (a bare git repository in a temporary
# folder). Under steady triage load through HAProxy it
#   1. publishes a new version through the workbench of instance 1 (or, without a workbench,
#      straight into the shared repository as the workbench would) and checks that every instance
#      serves its checksum, that no request failed and that every instance gives the same answer;
#   2. publishes a broken version straight into the repository and checks that no instance
#      serves it, each shows the refusal, and every request was answered;
#   3. kills one instance (kill -9) and restarts it: no request fails once HAProxy marked it down.
# The last line is "N passed, M failed"; exit status 1 when anything failed.
#
# Needs: mvn -B install -DskipTests (service/target/triage-service.jar), Debian's postgresql, haproxy
# (apt-get install -y haproxy), git, python3, curl. Figures: docs/operations/deployment.md.
#   bench/replicas.sh                 # POLL=2s THREADS=4 KEEP=1 (keep the folder) are optional
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/service/target/triage-service.jar
POLL=${POLL:-2s}
THREADS=${THREADS:-4}
WORK=$(mktemp -d /tmp/replicas-bench.XXXXXX)
CASEWORKER=caseworker:bench-caseworker-password
POLICY=policy:bench-policy-password
APPROVER=approver:bench-approver-password
PASSED=0
FAILED=0
PIDS=()
declare -A PID PORT

for tool in haproxy git python3 curl java; do
	command -v $tool >/dev/null || { echo "replicas: $tool is missing (haproxy: sudo apt-get install -y haproxy)"; exit 2; }
done
[ -f "$JAR" ] || { echo "replicas: build first: mvn -B install -DskipTests"; exit 2; }

cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	wait 2>/dev/null
	[ -n "${PG_DIR:-}" ] && "$ROOT/.ci/postgres.sh" stop "$PG_DIR"
	[ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

check() { # check "what" command...
	if "${@:2}"; then PASSED=$((PASSED + 1)); echo "PASS  $1"; else FAILED=$((FAILED + 1)); echo "FAIL  $1"; return 1; fi
}
wait_state() { # server state seconds
	local until=$(($(date +%s) + $3))
	until [ "$(server_state "$1")" = "$2" ]; do
		[ "$(date +%s)" -ge $until ] && return 1
		sleep 0.1
	done
}
now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# the checksum the rule loader computes for a version folder (RuleVersionFiles.checksum)
checksum() {
	python3 - "$1" <<'PY'
import hashlib, os, sys
folder = sys.argv[1]
names = sorted(n for n in os.listdir(folder) if n in ("version.yaml", "scenarios.yaml")
               or (n.endswith(".drl") and not n.startswith(".")))
digest = hashlib.sha256()
for name in names:
    digest.update(name.encode() + b"\0" + open(os.path.join(folder, name), "rb").read() + b"\0")
print("sha256:" + digest.hexdigest())
PY
}

# publishes a version folder of the work tree straight into the shared repository, laid out as
# the workbench publishes (docs/operations/deployment.md#the-shared-repository-of-rule-versions)
publish_straight() { # id
	local sum
	sum=$(checksum "$WORK/tree/$1")
	# main may have moved (a publication through the workbench): on top of it, never forced
	{ ! git -C "$WORK/tree" ls-remote -q --exit-code origin refs/heads/main >/dev/null ||
		git -C "$WORK/tree" pull -q --ff-only origin main; } &&
		git -C "$WORK/tree" add -A . && git -C "$WORK/tree" commit -qm "Publish $1" &&
		git -C "$WORK/tree" tag -a "published/$1" -m "Publish $1

checksum: $sum
requested-by: bench
approved-by: bench" && git -C "$WORK/tree" push -q origin main "refs/tags/published/$1"
	echo "$sum"
}

copy_version() { # from to inForceFrom
	cp -r "$WORK/tree/$1" "$WORK/tree/$2"
	sed -i "s/^id: \"$1\"/id: \"$2\"/; s/^inForceFrom: .*/inForceFrom: $3/" "$WORK/tree/$2/version.yaml"
}

# --- the shared repository, with the shipped versions published -------------------------------
git init -q --bare -b main "$WORK/versions.git"
git init -q -b main "$WORK/tree"
git -C "$WORK/tree" config user.name model3-service && git -C "$WORK/tree" config user.email model3-service@localhost
git -C "$WORK/tree" remote add origin "$WORK/versions.git"
cp "$ROOT/rules/sources.yaml" "$ROOT/rules/completeness.log" "$WORK/tree/"
for version in $(ls "$ROOT/rules" | grep -E '^[0-9]{4}\.[0-9]{2}$'); do
	cp -r "$ROOT/rules/$version" "$WORK/tree/"
	publish_straight "$version" >/dev/null
done

# --- three instances ----------------------------------------------------------------------------
# the approver is a second POLICY user for the workbench's four-eyes approval; {noop} needs
# dev-mode, which is for a throwaway loopback bench like this one only
printf 'approver:POLICY:{noop}bench-approver-password\n' > "$WORK/users" && chmod 600 "$WORK/users"
start() { # n
	local n=$1
	mkdir -p "$WORK/i$n" && chmod 700 "$WORK/i$n"
	SPRING_DATASOURCE_PASSWORD=$TRIAGE_TEST_POSTGRES_PASSWORD TRIAGE_CASEWORKER_PASSWORD=${CASEWORKER#*:} \
		TRIAGE_POLICY_PASSWORD=${POLICY#*:} TRIAGE_USERS_FILE=$WORK/users \
		java -Xmx384m -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port="${PORT[$n]}" --triage.instance-id="i$n" \
		--triage.data-dir="$WORK/i$n/data" --triage.rules.dir="$WORK/i$n/data/rules" \
		--triage.versions.remote="$WORK/versions.git" --triage.versions.poll-interval="$POLL" \
		--triage.rules.completeness=quick --triage.security.dev-mode=true \
		--spring.datasource.url="$TRIAGE_TEST_POSTGRES_URL" --spring.datasource.username="$TRIAGE_TEST_POSTGRES_USER" \
		--triage.audit.key=bench-audit-key-0123456789abcdefghijkl \
		>"$WORK/i$n.log" 2>&1 &
	PID[$n]=$!
	PIDS+=($!)
}
ready() { curl -s -o /dev/null -w '%{http_code}' "localhost:${PORT[$1]}/actuator/health/readiness" | grep -q 200; }
wait_ready() { # n seconds
	local until=$(($(date +%s) + $2))
	while ! ready "$1"; do
		[ "$(date +%s)" -ge $until ] && return 1
		kill -0 "${PID[$1]}" 2>/dev/null || return 1
		sleep 0.5
	done
}
# the three instances keep their records in one throwaway PostgreSQL (docs/operations/deployment.md#records-of-several-instances)
PG_DIR=$(mktemp -d /tmp/replicas-bench-pg.XXXXXX)
eval "$("$ROOT/.ci/postgres.sh" start "$PG_DIR")"
for n in 1 2 3; do PORT[$n]=$(free_port); done
STARTED=$(now_ms)
for n in 1 2 3; do start $n; done
for n in 1 2 3; do
	check "instance i$n ready (readiness UP) after start" wait_ready $n 240 || { tail -30 "$WORK/i$n.log"; exit 1; }
done
echo "      three instances ready in $(( ($(now_ms) - STARTED) / 1000 )) s (started together, 2 cores)"

# --- HAProxy ------------------------------------------------------------------------------------
HP=$(free_port)
cat > "$WORK/haproxy.cfg" <<CFG
global
    stats socket $WORK/haproxy.sock level admin
defaults
    mode http
    option redispatch
    retries 3
    retry-on conn-failure empty-response
    timeout connect 2s
    timeout client 30s
    timeout server 15s
    timeout http-request 10s
    # a check waits this long for an answer (otherwise as long as "inter"): an instance busy
    # compiling a new version answers its readiness check late, but it answers
    timeout check 5s
frontend triage
    bind 127.0.0.1:$HP
    option http-buffer-request
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
    server i1 127.0.0.1:${PORT[1]} check
    server i2 127.0.0.1:${PORT[2]} check
    server i3 127.0.0.1:${PORT[3]} check
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 2
server_state() { # server -> UP / DOWN / ...
	python3 - "$WORK/haproxy.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536): data += chunk
for line in data.decode().splitlines():
    f = line.split(",")
    if len(f) > 17 and f[0] == "instances" and f[1] == sys.argv[2]: print(f[17])
PY
}

# --- steady load through HAProxy ----------------------------------------------------------------
python3 "$ROOT/bench/replicas-load.py" "$HP" "$CASEWORKER" "$THREADS" "$WORK/load.txt" &
LOAD=$!
PIDS+=($LOAD)
sleep 5

rules_of() { curl -s -u "$2" "localhost:${PORT[$1]}/api/v1/rules"; }
active_checksum() { # n version
	rules_of "$1" "$CASEWORKER" | json "next((v['checksum'] for v in d['versions'] if v['version']=='$2'), '')"
}

# --- 1. a new version, published through the workbench of instance 1 ---------------------------
NEW=2026.01
copy_version 2023.01 $NEW 2099-06-01
EXPECTED=$(checksum "$WORK/tree/$NEW")
T1=$(now_ms)
WB=$(curl -s -o /dev/null -w '%{http_code}' -u "$POLICY" -H 'Content-Type: application/json' \
	"localhost:${PORT[1]}/api/v1/drafts" \
	-d "{\"id\":\"$NEW\",\"from\":\"2023.01\",\"inForceFrom\":\"2099-06-01\",\"title\":\"Replica bench\"}")
if [ "$WB" = 201 ]; then
	echo "      publishing $NEW through the workbench of instance i1"
	curl -s -u "$POLICY" -X POST -H 'Content-Type: application/json' "localhost:${PORT[1]}/api/v1/drafts/$NEW/checks" >/dev/null
	until curl -s -u "$POLICY" "localhost:${PORT[1]}/api/v1/drafts/$NEW/checks" | json "not d['running']" | grep -q True; do sleep 2; done
	curl -s -u "$POLICY" -X POST -H 'Content-Type: application/json' "localhost:${PORT[1]}/api/v1/drafts/$NEW/publication-request" >/dev/null
	# the approval names what the approver saw: the files' checksum and the in-force date
	PINS=$(curl -s -u "$APPROVER" "localhost:${PORT[1]}/api/v1/drafts/$NEW" |
		json "'\"checksum\":\"%s\",\"inForceFrom\":\"%s\"' % (d['checksum'], d['inForceFrom'])")
	APPROVAL=$(curl -s -o /dev/null -w '%{http_code}' -u "$APPROVER" -H 'Content-Type: application/json' \
		"localhost:${PORT[1]}/api/v1/drafts/$NEW/approval" -d "{\"approve\":true,\"comment\":\"replica bench\",$PINS}")
	check "a second POLICY user approves $NEW on instance i1 (answer $APPROVAL, publishing)" test "$APPROVAL" = 202
	# the publication runs off the request thread: the draft says PUBLISHING until it is done
	for _ in $(seq 1 240); do
		curl -s -u "$APPROVER" "localhost:${PORT[1]}/api/v1/drafts/$NEW" | json "(d.get('publication') or {}).get('state', '')" |
			grep -q PUBLISHING || break
		sleep 0.5
	done
	check "the workbench published $NEW (state $(curl -s -u "$APPROVER" "localhost:${PORT[1]}/api/v1/drafts/$NEW" | json "d['state']"))" \
		test "$(curl -s -u "$APPROVER" "localhost:${PORT[1]}/api/v1/drafts/$NEW" | json "d['state']")" = PUBLISHED
	T1=$(now_ms)   # converging starts with the publication, not with the draft's checks
	# the approving instance activated it during the approval: its checksum is the published one
	EXPECTED=$(rules_of 1 "$CASEWORKER" | json "next((v['checksum'] for v in d['versions'] if v['version']=='$NEW'), '')")
	rm -rf "${WORK:?}/tree/$NEW"   # the repository has it now; the work tree takes it from main
else
	echo "      the workbench is not on this build (POST /api/v1/drafts answered $WB): publishing $NEW straight"
	echo "      into the shared repository as the workbench would (a commit on main, tag published/$NEW with its checksum)"
	publish_straight $NEW >/dev/null
	T1=$(now_ms)
fi
declare -A CONVERGED
for n in 1 2 3; do
	until [ -n "$EXPECTED" ] && [ "$(active_checksum $n $NEW)" = "$EXPECTED" ]; do
		[ $(($(now_ms) - T1)) -gt 120000 ] && break
		sleep 0.2
	done
	CONVERGED[$n]=$(($(now_ms) - T1))
done
for n in 1 2 3; do
	check "instance i$n serves $NEW with the published checksum (after ${CONVERGED[$n]} ms)" \
		test "$(active_checksum $n $NEW)" = "$EXPECTED"
done
ANSWERS=$(for n in 1 2 3; do
	curl -s -u "$CASEWORKER" -H 'Content-Type: application/json' "localhost:${PORT[$n]}/api/v1/triage" \
		-d '{"citizenRef":"same-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"],"assessmentDate":"2099-07-01"}' |
		json "(d['status'],d['tier'],d['responsibleArea'],sorted(d['flags']),d['rulesVersion'],d['rulesChecksum'])"
done | sort -u)
check "the same answer for the same profile from every instance ($(echo "$ANSWERS" | wc -l) distinct)" \
	test "$(echo "$ANSWERS" | wc -l)" = 1 -a -n "$(echo "$ANSWERS" | grep "$NEW")"
T1_END=$(now_ms)

# --- 2. a broken version, straight into the shared repository -----------------------------------
BROKEN=2026.02
copy_version 2023.01 $BROKEN 2099-09-01
sed -i '0,/^rule "T2-01/s//rule "T2-01 broken" when then end\nrule "T2-01/' "$WORK/tree/$BROKEN/tiers.drl"
T2=$(now_ms)
publish_straight $BROKEN >/dev/null
sleep $(( ${POLL%s} * 3 + 10 ))
for n in 1 2 3; do
	STATE=$(rules_of $n "$POLICY" | json "next((v['state'] for v in d['versions'] if v['version']=='$BROKEN'), 'absent')")
	check "instance i$n refuses the broken $BROKEN and shows the refusal (state $STATE)" test "$STATE" = REFUSED
	check "instance i$n keeps serving $NEW" test "$(active_checksum $n $NEW)" = "$EXPECTED"
done
T2_END=$(now_ms)

# --- 3. one instance killed and restarted under load --------------------------------------------
T3=$(now_ms)
kill -9 "${PID[2]}"
check "HAProxy marks the killed instance down" wait_state i2 DOWN 30
T3_DOWN=$(now_ms)
start 2
wait_ready 2 240
check "HAProxy takes the restarted instance back" wait_state i2 UP 60
T3_UP=$(now_ms)
check "instance i2 back after a restart with $NEW (ready $(( (T3_UP - T3_DOWN) / 1000 )) s after it was marked down)" \
	test "$(active_checksum 2 $NEW)" = "$EXPECTED"
sleep 5
kill -TERM $LOAD
wait $LOAD
T_END=$(now_ms)

# --- figures ------------------------------------------------------------------------------------
python3 - "$WORK/load.txt" "$T1" "$T1_END" "$T2" "$T2_END" "$T3" "$T3_DOWN" "$T3_UP" "$T_END" > "$WORK/figures.txt" <<'PY'
import sys
lines = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
t1, t1e, t2, t2e, t3, t3d, t3u, te = map(int, sys.argv[2:])
def window(a, b):
    w = [s for t, s in lines if a <= t < b]
    return len(w), sum(1 for s in w if s != 200)
for name, (a, b) in [("all", (0, te + 1)), ("publication", (t1, t1e)), ("broken", (t2, t2e)),
                     ("kill-to-down", (t3, t3d)), ("after-down", (t3d, te + 1))]:
    n, f = window(a, b)
    print(name, n, f)
PY
cat "$WORK/figures.txt" | while read -r name sent failed; do
	echo "      requests $name: $sent sent, $failed failed"
done
read -r _ ALL_SENT ALL_FAILED < <(grep '^all ' "$WORK/figures.txt")
read -r _ _ PUB_FAILED < <(grep '^publication ' "$WORK/figures.txt")
read -r _ _ BROKEN_FAILED < <(grep '^broken ' "$WORK/figures.txt")
read -r _ _ AFTER_FAILED < <(grep '^after-down ' "$WORK/figures.txt")
check "no failed request while the new version was published and taken up" test "$PUB_FAILED" = 0
check "no failed request while the broken version was refused" test "$BROKEN_FAILED" = 0
check "no failed request once HAProxy marked the killed instance down" test "$AFTER_FAILED" = 0
echo "      converged: i1 ${CONVERGED[1]} ms, i2 ${CONVERGED[2]} ms, i3 ${CONVERGED[3]} ms after the publication (poll $POLL)"
echo "      killed instance marked down after $((T3_DOWN - T3)) ms; $ALL_SENT requests in all, $ALL_FAILED failed"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
