#!/usr/bin/env bash
# Runs the dashboard on this machine (`make run-dashboard`): local profile (no token, no leader
# election), the current kubeconfig, and a real Postgres: the one in DB_HOST/DB_PORT/DB_NAME/
# DB_USER/DB_PASSWORD when DB_HOST is set, otherwise one started from the embedded binaries with
# its data in services/dashboard/.local-pg. DEMO=true: instead of the kubeconfig, Fabric8's mock API
# server seeded with a few deployments and pods (page labelled "demo data"; always the embedded
# Postgres). Extra arguments go to Spring (e.g. --server.port=9090).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export NAMESPACE="${NAMESPACE:-platform}"
if [ -n "${DB_HOST:-}" ] && [ "${DEMO:-}" != "true" ]; then
  echo "dashboard: using Postgres at ${DB_HOST}:${DB_PORT:-5432}/${DB_NAME:-k8s_metrics}"
  mvn -q -pl services/dashboard -am package -DskipTests
  exec java -jar "$here"/target/dashboard-*.jar --spring.profiles.active=local "$@"
fi
mvn -q -pl services/dashboard -am test-compile
mvn -q -pl services/dashboard dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$here/target/local.classpath"
cd "$here"
if [ "${DEMO:-}" = "true" ]; then source_of_data="demo data on a mock API server"; else source_of_data="current kubeconfig"; fi
echo "dashboard: http://127.0.0.1:${PORT:-8080}/ (namespace ${NAMESPACE}, ${source_of_data})"
exec java -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/local.classpath")" \
  dev.chartfactory.dashboard.local.LocalRunner "$@"
