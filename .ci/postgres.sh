#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port for the database tests and
# prints the variables they read, ready for eval:
#   eval "$(.ci/postgres.sh start /tmp/pg-tests)"   # TRIAGE_TEST_POSTGRES_URL, _USER, _PASSWORD
#   .ci/postgres.sh stop /tmp/pg-tests
# Needs Debian's postgresql package (its binaries are not on the PATH); as root the cluster runs
# as the postgres user, since initdb refuses root.
set -euo pipefail
action=${1:?start or stop}
DIR=${2:?folder for the cluster}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "postgres.sh: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 2; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
stop)
	as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
	rm -rf "$DIR"
	;;
start)
	mkdir -p "$DIR"
	[ "$(id -u)" = 0 ] && chown postgres "$DIR"
	PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
	printf '%s\n' "$PASSWORD" >"$DIR/password"
	[ "$(id -u)" = 0 ] && chown postgres "$DIR/password"
	as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=scram-sha-256 --pwfile="$DIR/password" >"$DIR/initdb.log" 2>&1
	as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
		-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
	PGPASSWORD=$PASSWORD as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q -c "CREATE DATABASE triage_tests" >/dev/null
	echo "export TRIAGE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$PORT/triage_tests"
	echo "export TRIAGE_TEST_POSTGRES_USER=postgres"
	echo "export TRIAGE_TEST_POSTGRES_PASSWORD=$PASSWORD"
	echo "export TRIAGE_TEST_POSTGRES_DIR=$DIR"
	;;
*)
	echo "postgres.sh: start or stop" >&2; exit 2
	;;
esac
