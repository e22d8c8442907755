#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Submission benchmark of the dog registration (docs/benchmarks.md), in one run:
#  1. builds the jar and starts OpenRathaus against the machine's PostgreSQL (127.0.0.1:5432, trust auth),
#     in a fresh database openrathaus_bench, with durable commits like production;
#  2. the load generator: 60 s of the whole web flow (6 requests with one small PDF), then the submit step alone;
#  3. pgbench (TPC-B-like, 60 s) on the same PostgreSQL server as the reference for a durable commit.
# Needs: a JDK 21+, psql and pgbench, a PostgreSQL server on 127.0.0.1:5432 that accepts the user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
USERS=${USERS:-16}
SECONDS_MEASURED=${SECONDS_MEASURED:-60}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

$PSQL <<'SQL'
drop database if exists openrathaus_bench;
drop database if exists pgbench_reference;
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'openrathaus_bench') then
    create role openrathaus_bench login nosuperuser nobypassrls;
  end if;
end $$;
create database openrathaus_bench owner openrathaus_bench encoding 'UTF8' template template0;
create database pgbench_reference;
SQL

./mvnw -B -q package -DskipTests
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/openrathaus_bench SPRING_DATASOURCE_USERNAME=openrathaus_bench \
  java -jar target/openrathaus-*.jar --openrathaus.mail.pickup-directory=target/bench-mails > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 90); do
  curl -fs http://localhost:8080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql -h 127.0.0.1 -U postgres -Atc 'select version()' | cut -d, -f1)"
echo "== whole web flow, $USERS users, $SECONDS_MEASURED s"
java bench/SubmissionLoad.java --users "$USERS" --seconds "$SECONDS_MEASURED" --warmup 15
echo "== submit step alone, $USERS users"
java bench/SubmissionLoad.java --mode submit --users "$USERS" --drafts 100
kill $SERVER; wait $SERVER 2>/dev/null || true

echo "== pgbench reference (TPC-B-like, $USERS clients, $SECONDS_MEASURED s, same server)"
pgbench -h 127.0.0.1 -U postgres -i -s 10 -q pgbench_reference >/dev/null 2>&1
pgbench -h 127.0.0.1 -U postgres -c "$USERS" -j 2 -T "$SECONDS_MEASURED" pgbench_reference 2>&1 | grep -E "tps|latency average|number of transactions actually"
