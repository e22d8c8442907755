#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# What durable commits cost in the embedded default (docs/benchmarks.md), in one run: the same jar with
# its embedded PostgreSQL, each time in a fresh data directory, first durable (the default: every commit
# flushed to disk), then with the tests' opt-out openrathaus.database.embedded.durable=false as the
# baseline; each time the submit step alone and then the whole web flow of bench/SubmissionLoad.java.
# Needs: a JDK 21+ and curl; port 8080 free.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
USERS=${USERS:-16}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
ROOT=$(pwd)

./mvnw -B -q package -DskipTests
JAR=$(ls "$ROOT"/target/openrathaus-*.jar | grep -v original | head -1)
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), disk $(df -h "$ROOT/target" | awk 'NR==2 {print $1}')"
for durable in true false; do
  dir="$ROOT/target/bench-embedded-$durable"
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && exec java -jar "$JAR" --openrathaus.database.embedded.durable=$durable \
    --openrathaus.database.embedded.binaries-directory="$ROOT/target/postgres-binaries" \
    --openrathaus.demo.e-file=false > server.log 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for i in $(seq 1 180); do
    curl -fs http://localhost:8080/actuator/health/readiness >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs http://localhost:8080/actuator/health/readiness >/dev/null
  echo "== embedded PostgreSQL, durable=$durable: submit step alone, $USERS users"
  java bench/SubmissionLoad.java --mode submit --users "$USERS" --drafts 100
  echo "== embedded PostgreSQL, durable=$durable: whole web flow, $USERS users, $SECONDS_MEASURED s"
  java bench/SubmissionLoad.java --users "$USERS" --seconds "$SECONDS_MEASURED" --warmup 10
  kill $SERVER; wait $SERVER 2>/dev/null || true
done
