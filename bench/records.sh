#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# E-file benchmarks (docs/benchmarks.md), in one run against the machine's PostgreSQL (127.0.0.1:5432, user postgres):
#  1. builds the jar and starts OpenRathaus in a fresh database openrathaus_records_bench;
#  2. baseline: the records API under load with BASELINE_CASES generated cases;
#  3. generates CASES cases with one document each (bench/records-data.sql), then the same API load again;
#  4. full-text search over all of it through the clerks' search page: 1 client, then 16;
#  5. ingest: INGEST_DOCUMENTS PDFs of about 50 KB uploaded through the API, until their text is extracted;
#  6. the share of Apache Tika in it: the same PDFs parsed in one thread without server (after the server stopped).
# KEEP_DATA=1 reuses the database of an earlier run (steps 2 and 3 skipped): to measure a changed server on the same data.
# Needs: a JDK 21+, psql, a PostgreSQL server on 127.0.0.1:5432 that accepts the user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
CLIENTS=${CLIENTS:-16}
SECONDS_MEASURED=${SECONDS_MEASURED:-60}
BASELINE_CASES=${BASELINE_CASES:-10000}
CASES=${CASES:-1000000}
FILES=${FILES:-10000}
INGEST_DOCUMENTS=${INGEST_DOCUMENTS:-3000}
KEEP_DATA=${KEEP_DATA:-0}
DB=openrathaus_records_bench
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DBSQL="$PSQL -d $DB"

[ "$KEEP_DATA" = 1 ] || $PSQL <<SQL
drop database if exists $DB;
do \$\$ begin
  if not exists (select 1 from pg_roles where rolname = 'openrathaus_bench') then
    create role openrathaus_bench login nosuperuser nobypassrls;
  end if;
end \$\$;
create database $DB owner openrathaus_bench encoding 'UTF8' template template0;
SQL

./mvnw -B -q package -DskipTests
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=openrathaus_bench \
  java -jar target/openrathaus-*.jar --openrathaus.mail.pickup-directory=target/bench-mails \
  --openrathaus.records.storage-directory=target/bench-records > target/bench-records-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  curl -fs http://localhost:8080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
curl -fs http://localhost:8080/actuator/health/readiness >/dev/null

# The benchmark's clerk: the demo tax clerk, with the clerk role in every department (so the search and the
# listings cover all generated data), and an API key for the load generator.
KEY="ort_bench$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
$DBSQL <<SQL
insert into account.staff_role(tenant_id, account_id, department_code, role)
select a.tenant_id, a.id, d.code, 'CLERK' from account.account a join account.department d on d.tenant_id = a.tenant_id
 where a.email = 'steuern@musterstadt.example' on conflict do nothing;
insert into account.api_token(id, tenant_id, account_id, name, token_hash)
select gen_random_uuid(), a.tenant_id, a.id, 'Benchmark', '$HASH' from account.account a where a.email = 'steuern@musterstadt.example';
SQL

ids() {
  $DBSQL -At <<'SQL' > target/bench-records-ids.txt
select 'case ' || id from (select id from records.record_case where source like 'bench:%' order by random() limit 20000) c;
select 'document ' || id from (select d.id from records.document d join records.record_case c on c.id = d.case_id
                               where c.source like 'bench:%' order by random() limit 20000) d;
select 'file ' || id from (select id from records.file where reference like 'BENCH-F%' order by random() limit 2000) f;
select distinct 'department ' || department from records.file where reference like 'BENCH-F%';
SQL
}
counts() {
  echo "   data: $($DBSQL -Atc "select count(*) from records.record_case") cases, $($DBSQL -Atc "select count(*) from records.document") documents, $($DBSQL -Atc "select count(*) from records.audit_entry") audit entries"
}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql -h 127.0.0.1 -U postgres -Atc 'select version()' | cut -d, -f1)"
if [ "$KEEP_DATA" != 1 ]; then
echo "== baseline: generating $BASELINE_CASES cases"
$DBSQL -v cases="$BASELINE_CASES" -v files="$FILES" -f bench/records-data.sql > target/bench-records-data.log 2>&1
counts
ids
echo "== records API, $CLIENTS clients, $SECONDS_MEASURED s (baseline data)"
java bench/RecordsLoad.java --mode api --clients "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup 15 --key "$KEY" --ids target/bench-records-ids.txt

echo "== generating up to $CASES cases"
start=$(date +%s)
$DBSQL -v cases="$CASES" -v files="$FILES" -f bench/records-data.sql >> target/bench-records-data.log 2>&1
echo "   generated in $(( $(date +%s) - start )) s"
fi
counts
ids
echo "== records API, $CLIENTS clients, $SECONDS_MEASURED s"
java bench/RecordsLoad.java --mode api --clients "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup 15 --key "$KEY" --ids target/bench-records-ids.txt

echo "== full-text search, 1 client, 30 queries x 3"
java bench/RecordsLoad.java --mode search --clients 1 --rounds 92
echo "== full-text search, $CLIENTS clients, 30 queries each"
java bench/RecordsLoad.java --mode search --clients "$CLIENTS" --rounds 32

echo "== ingest: $INGEST_DOCUMENTS PDFs of about 50 KB, $CLIENTS clients, text extraction after commit"
FILE=$($DBSQL -Atc "select id from records.file where reference like 'BENCH-F%' and department = 'steuern' limit 1")
java bench/RecordsLoad.java --mode ingest --clients "$CLIENTS" --cases 200 --documents "$INGEST_DOCUMENTS" --key "$KEY" --file "$FILE" \
  | tee target/bench-records-ingest.txt
upload_start=$(awk '/upload-start-epoch-ms/ {print $2}' target/bench-records-ingest.txt)
while [ "$($DBSQL -Atc "select count(*) from records.version_text where status = 'PENDING'")" != "0" ]; do sleep 0.2; done
done_ms=$(date +%s%3N)
echo "   all $INGEST_DOCUMENTS documents extracted $(( (done_ms - upload_start) )) ms after the first upload: $(( INGEST_DOCUMENTS * 1000 / (done_ms - upload_start) )) documents/s with extraction"
$DBSQL -Atc "select status, count(*) from records.version_text t join records.document_version v on v.id = t.version_id where v.filename like 'eingang-%' group by status"

echo "== text extraction alone (Apache Tika, one thread, no server)"
kill $SERVER 2>/dev/null || true
wait $SERVER 2>/dev/null || true
rm -rf target/bench-lib && mkdir -p target/bench-lib
(cd target/bench-lib && unzip -q -j ../openrathaus-*.jar 'BOOT-INF/lib/*')
java -cp "target/bench-lib/*" bench/RecordsLoad.java --mode extract --documents 200 2>/dev/null
