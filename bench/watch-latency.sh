#!/usr/bin/env bash
# End to end, intake to alert (docs/benchmarks.md, "Monitoring"): a fresh embedded store with the demo
# cell, an API token for the demo analyst, then WatchLatencyBenchmark: W watches, R reports/s for S s.
# Usage: bench/watch-latency.sh [W=10000] [R=500] [S=300]     (run on a quiet machine)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
W="${1:-10000}"; R="${2:-500}"; S="${3:-300}"
PORT="${FUSIONCELL_PORT:-8091}"
DATA="$(mktemp -d /tmp/fusioncell-watch-bench-XXXXXX)"
export FUSIONCELL_DATA_DIR="$DATA" FUSIONCELL_PORT="$PORT" FUSIONCELL_FULL_JIT=1
say() { echo "watch-latency: $*"; }

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

TOKEN="fct_watchbench$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
HASH="$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)"
H2="$(tr ':' '\n' < bench/target/classpath.txt | grep '/h2-' | head -1)"
"$JAVA_HOME/bin/java" -cp "$H2" org.h2.tools.Shell \
  -url "jdbc:h2:file:$DATA/db/fusioncell;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa -password "" \
  -sql "INSERT INTO identity_api_token (id, user_id, name, token_hash, scopes, created_at, expires_at)
        SELECT RANDOM_UUID(), id, 'watch benchmark', '$HASH', 'read,write', CURRENT_TIMESTAMP,
               DATEADD('DAY', 1, CURRENT_TIMESTAMP) FROM identity_user WHERE username = 'analyst'" >/dev/null

say "second start; $W watches, $R reports/s for $S s"
./fusioncell start-dev >>"$DATA/server.log" 2>&1 &
ready
PID="$(server_pid)"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.fusioncell.bench.monitoring.WatchLatencyBenchmark "http://localhost:$PORT" "$TOKEN" "$PID" "$W" "$R" "$S" \
  || status=$?
kill "$PID"; wait || true
say "server log: $DATA/server.log"
exit "${status:-0}"
