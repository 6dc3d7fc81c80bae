#!/usr/bin/env bash
# The TAXII objects endpoint of a large collection (docs/benchmarks.md, "TAXII"): a fresh embedded store with
# the demo cell, a collection for the bilateral agreement filled with N indicator objects under the partner
# cell's marking (so every page runs the access predicate), then TaxiiObjectsBenchmark as the partner's analyst.
# Usage: bench/taxii-objects.sh [N=1000000] [PAGES=300] [LIMIT=1000]     (run on a quiet machine)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${1:-1000000}"; PAGES="${2:-300}"; LIMIT="${3:-1000}"
PORT="${FUSIONCELL_PORT:-8092}"
DATA="$(mktemp -d /tmp/fusioncell-taxii-bench-XXXXXX)"
export FUSIONCELL_DATA_DIR="$DATA" FUSIONCELL_PORT="$PORT" FUSIONCELL_FULL_JIT=1
say() { echo "taxii-objects: $*"; }

ready() {
  for _ in $(seq 1 180); do
    curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  say "the server did not become ready; see $DATA/server.log"; exit 1
}
server_pid() { ss -ltnpH "sport = :$PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }

say "building the server and the benchmarks"
[ -n "${JAVA_HOME:-}" ] || { say "set JAVA_HOME to a JDK 21 or newer (as for ./fusioncell)"; exit 2; }
mvn -q -B -pl bench -am package -Dmaven.test.skip=true -Dfusioncell.skip.postgres=true dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime

say "first start on $DATA (demo cell)"
./fusioncell start-dev >"$DATA/server.log" 2>&1 &
ready; kill "$(server_pid)"; wait || true

TOKEN="fct_taxiibench$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
HASH="$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)"
COLLECTION="$(cat /proc/sys/kernel/random/uuid)"
H2="$(tr ':' '\n' < bench/target/classpath.txt | grep '/h2-' | head -1)"
sql() {
  "$JAVA_HOME/bin/java" -Xmx4g -cp "$H2" org.h2.tools.Shell \
    -url "jdbc:h2:file:$DATA/db/fusioncell;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa -password "" -sql "$1" \
    >"$DATA/sql.log" 2>&1
  if grep -q '^Error' "$DATA/sql.log"; then say "SQL failed: $(grep -m1 '^Error' "$DATA/sql.log")"; exit 1; fi
}
say "filling collection $COLLECTION with $N objects"
started=$(date +%s)
sql "INSERT INTO identity_api_token (id, user_id, name, token_hash, scopes, created_at, expires_at)
       SELECT RANDOM_UUID(), id, 'taxii benchmark', '$HASH', 'read', CURRENT_TIMESTAMP,
              DATEADD('DAY', 1, CURRENT_TIMESTAMP) FROM identity_user WHERE username = 'partner.analyst';
     INSERT INTO exchange_taxii_collection (id, api_root, title, owner_organisation_id, agreement_id,
            reader_organisations, writer_organisations, created_by, created_at)
       SELECT '$COLLECTION', 'fusioncell', 'Bilateral agreement (benchmark)', r.originating_organisation_id,
              p.agreement_id, '', '', r.author_user_id, CURRENT_TIMESTAMP
       FROM intake_report r JOIN identity_agreement_party p ON p.organisation_id = r.originating_organisation_id
       WHERE r.title LIKE 'Cross-border%' FETCH FIRST 1 ROWS ONLY;
     INSERT INTO exchange_taxii_object (collection_id, stix_id, stix_type, version, spec_version, date_added, is_first,
            is_last, version_at, information_type, marking_id, json)
       SELECT '$COLLECTION', 'indicator--' || u, 'indicator', '2026-11-01T00:00:00.000Z', '2.1',
              DATEADD('MICROSECOND', x * 1000, TIMESTAMP '2026-10-01 00:00:00'), TRUE, TRUE, TIMESTAMP '2026-11-01 00:00:00',
              'report', (SELECT marking_id FROM intake_report WHERE title LIKE 'Cross-border%' FETCH FIRST 1 ROWS ONLY),
              '{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--' || u || '\",\"created\":\"2026-11-01T00:00:00.000Z\",'
              || '\"modified\":\"2026-11-01T00:00:00.000Z\",\"name\":\"Serveur de propagande ' || x || '\",'
              || '\"description\":\"Adresse utilisée pour diffuser des vidéos de recrutement — عنوان يُستخدم لنشر مقاطع التجنيد\",'
              || '\"indicator_types\":[\"malicious-activity\"],\"pattern\":\"[ipv4-addr:value = ''198.51.' || MOD(x / 256, 256) || '.' || MOD(x, 256) || ''']\",'
              || '\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-01T00:00:00Z\",'
              || '\"created_by_ref\":\"identity--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\",'
              || '\"object_marking_refs\":[\"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421\"]}'
       FROM (SELECT \"X\" AS x, RANDOM_UUID() AS u FROM SYSTEM_RANGE(1, $N)) s"
say "filled in $(( $(date +%s) - started )) s"

say "second start; $PAGES pages of $LIMIT walking with next, $PAGES pages from random added_after"
./fusioncell start-dev >>"$DATA/server.log" 2>&1 &
ready
PID="$(server_pid)"
LAST="$(date -u -d "2026-10-01 00:00:00 UTC + $(( N / 1000 )) seconds" +%Y-%m-%dT%H:%M:%S.000Z)"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.fusioncell.bench.exchange.TaxiiObjectsBenchmark "http://localhost:$PORT" "$TOKEN" "$COLLECTION" "$PID" \
  "$PAGES" "$LIMIT" "2026-10-01T00:00:00.000Z" "$LAST" || status=$?
kill "$PID"; wait || true
say "server log: $DATA/server.log"
[ -n "${KEEP_DATA:-}" ] || rm -rf "$DATA"
exit "${status:-0}"
