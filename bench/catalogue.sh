#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Catalogue benchmark (docs/benchmarks.md): starts OpenRathaus with a throw-away embedded PostgreSQL and
# demo data, generates workbooks of 5,000 processes (fixed seed), imports them through the upload page
# and measures the import and, with 10,000 processes, the ranking page. Needs only a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
java -jar target/openrathaus-*.jar --openrathaus.database.embedded.ephemeral=true --server.port=8080 \
  --openrathaus.mail.pickup-directory=target/bench-mails > target/bench-catalogue-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 90); do
  curl -fs http://localhost:8080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
java -cp "$(cat target/bench-classpath.txt)" bench/CatalogueBenchmark.java http://localhost:8080
