#!/usr/bin/env bash
# Prepares the fast start of one triage-service.jar: extracts it into DIR, starts it once with a
# throwaway data folder up to its first answered triage, and keeps what the JVM learned:
#   - on JDK 25 or newer an AOT cache, DIR/app.aot (JEP 483/514);
#   - on JDK 17 to 24 a class-data sharing archive, DIR/app.jsa.
# Then start the service with the options this script prints on its last line, e.g.
#   java -XX:AOTCache=DIR/app.aot -jar DIR/triage-service.jar
# The cache belongs to this jar and this JVM: the script records both in DIR/made-for and does
# nothing when they have not changed since, so it may run before every start (the systemd unit
# does). A JVM that finds a cache stale starts the ordinary way, never refuses to start.
#
#   deploy/train-start-cache.sh JAR DIR          JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java ...
#
# Needs bash, curl and sha256sum. The training run sees none of the caller's environment (so
# never the production database or rules): it serves the jar's own rules on a free loopback port
# with a data folder in a temporary folder, removed afterwards.
set -euo pipefail

JAR=${1:?usage: train-start-cache.sh JAR DIR}
DIR=${2:?usage: train-start-cache.sh JAR DIR}
JAVA=${JAVA:-java}
JAR=$(realpath "$JAR")
mkdir -p "$DIR"
DIR=$(realpath "$DIR")

major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "$major" -ge 25 ]; then
	options="-XX:AOTCache=$DIR/app.aot -jar $DIR/app/$(basename "$JAR")"
else
	options="-XX:SharedArchiveFile=$DIR/app.jsa -jar $DIR/app/$(basename "$JAR")"
fi
made_for="$(sha256sum "$JAR" | cut -d' ' -f1) $("$JAVA" -version 2>&1 | tail -1)"
if [ -f "$DIR/made-for" ] && [ "$(cat "$DIR/made-for")" = "$made_for" ]; then
	echo "$options"
	exit 0
fi
rm -f "$DIR/made-for"
rm -rf "$DIR/app" "$DIR/app.aot" "$DIR/app.jsa" "$DIR/classes.lst"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR/app" >/dev/null
APP="$DIR/app/$(basename "$JAR")"

WORK=$(mktemp -d)
SERVICE=
stop() {
	if [ -n "$SERVICE" ]; then
		kill "$SERVICE" 2>/dev/null || true
		wait "$SERVICE" 2>/dev/null || true
	fi
	SERVICE=
}
trap 'stop; rm -rf "$WORK"' EXIT

# train <java options…>: runs the extracted jar to its first answered triage, then stops it
# the ordinary way (SIGTERM), which is when the JVM writes what it recorded
train() {
	local password port=
	password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
	: >"$WORK/service.log"
	(cd "$WORK" && exec env -i PATH="$PATH" HOME="$WORK" TRIAGE_CASEWORKER_PASSWORD="$password" \
		TRIAGE_POLICY_PASSWORD="$password" TRIAGE_DATA_DIR="$WORK/data" \
		"$JAVA" "$@" -jar "$APP" --server.port=0 --server.address=127.0.0.1 >"$WORK/service.log" 2>&1) &
	SERVICE=$!
	for _ in $(seq 1 600); do
		port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$WORK/service.log" | head -1)
		[ -n "$port" ] && break
		kill -0 "$SERVICE" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$port" ] || { echo "the training run did not start; its log:" >&2; tail -40 "$WORK/service.log" >&2; exit 1; }
	local url="http://127.0.0.1:$port" code=000
	for _ in $(seq 1 600); do
		code=$(curl -s -o /dev/null -w '%{http_code}' -u "caseworker:$password" -H 'Content-Type: application/json' \
			-d '{"citizenRef":"training-1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}' \
			"$url/api/v1/triage" || true)
		[ "$code" = 200 ] && break
		sleep 0.1
	done
	[ "$code" = 200 ] || { echo "no triage answered in the training run (last $code); its log:" >&2; tail -40 "$WORK/service.log" >&2; exit 1; }
	# the intake page too, so the page's classes are in the cache
	curl -s -o /dev/null -u "caseworker:$password" "$url/" || true
	stop
}

if [ "$major" -ge 25 ]; then
	train -XX:AOTCacheOutput="$DIR/app.aot"
	[ -s "$DIR/app.aot" ] || { echo "the JVM wrote no AOT cache; its log:" >&2; tail -40 "$WORK/service.log" >&2; exit 1; }
else
	train -XX:DumpLoadedClassList="$DIR/classes.lst"
	# OpenJDK 17.0.15 crashes dumping archived lambda proxies (SIGSEGV in
	# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary): archive the classes only
	grep -v '^@lambda-proxy' "$DIR/classes.lst" >"$WORK/classes-only.lst"
	(cd "$DIR/app" && "$JAVA" -Xshare:dump -XX:SharedClassListFile="$WORK/classes-only.lst" \
		-XX:SharedArchiveFile="$DIR/app.jsa" -jar "$APP" >"$WORK/dump.log" 2>&1) \
		|| { echo "the class-data archive was not written; the dump's log:" >&2; tail -40 "$WORK/dump.log" >&2; exit 1; }
	rm -f "$DIR/classes.lst"
fi
echo "$made_for" >"$DIR/made-for"
echo "$options"
