#!/usr/bin/env bash
# Time from submit to result on the intake page, in headless Chromium, against a running
# service: bench/page-latency.sh [base-url] [user] [password] [runs]
# (defaults: http://localhost:8080, caseworker, $TRIAGE_CASEWORKER_PASSWORD, 50)
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_URL="${1:-http://localhost:8080}" BENCH_USER="${2:-caseworker}" BENCH_RUNS="${4:-50}"
export BENCH_PASSWORD="${3:-${TRIAGE_CASEWORKER_PASSWORD:?set TRIAGE_CASEWORKER_PASSWORD or pass the password}}"
mvn -B -q -pl service test-compile exec:java -Dexec.classpathScope=test \
	-Dexec.mainClass=dk.model3.pages.PageLatencyBenchmark
