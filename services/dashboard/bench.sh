#!/usr/bin/env bash
# Dashboard figures (`make bench`), never part of the test phase:
#  (a) ingest: BENCH_PODS (10,000) pods x (ADDED + 5 MODIFIED) streamed on a watch by Fabric8's mock
#      API server (expectations mode), through informers, buffer and writer into Postgres, in a JVM
#      limited to -Xmx512m; events/s and peak heap. BENCH_CRUD=true adds the former, harness-bound
#      figure: the same events as 60,000 REST writes to the CRUD mock server (~500/s, ~2 min);
#  (r) retention: ingest rate through the writer without and with retention deleting
#      BENCH_RETENTION_ROWS (1,000,000) expired rows, in one run; 30 simulated days of 60,000 rows
#      with retention after each: steady-state row count and table size;
#  (b) API: wrk on 127.0.0.1 against /api/pods and /api/stats with 10,000 pods known; p50/p99, req/s.
# Results are also written to services/dashboard/target/bench-results.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: wrk not found, installing the Debian package"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y wrk || { $sudo_cmd apt-get update && $sudo_cmd apt-get install -y wrk; }
fi

cd "$root"
mvn -q -pl services/dashboard -am test-compile
mvn -q -pl services/dashboard dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$here/target/bench.classpath"
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/bench.classpath")"
jul="-Djava.util.logging.config.file=$here/src/test/resources/logging.properties"
results="$here/target/bench-results.txt"
cd "$here"
{
  echo "== dashboard bench $(date -u +%FT%TZ) on $(nproc) cores"
  java -Xmx512m "$jul" -Dbench.crud="${BENCH_CRUD:-false}" -cp "$cp" dev.chartfactory.dashboard.bench.IngestBench "${BENCH_PODS:-10000}" 2>&1 \
    | grep -E '^(ingest|INGEST)'
  java -Xmx512m "$jul" -cp "$cp" dev.chartfactory.dashboard.bench.RetentionBench "${BENCH_RETENTION_ROWS:-1000000}" 2>&1 \
    | grep -E '^(retention|RETENTION)'
  java -Xmx512m "$jul" -Dbench.seconds="${BENCH_SECONDS:-15}" -cp "$cp" \
    dev.chartfactory.dashboard.bench.ApiBench "${BENCH_API_PODS:-10000}" 2>&1 | grep -E '^(api|API)'
} | tee "$results"
