#!/usr/bin/env bash
# Command path: 16 concurrent HTTP clients PUT report corrections (every body changes a value, so every request is
# an accepted, recorded command) against three baselines measured in the same run: pgbench single-row inserts into
# an event-shaped table, the bare JDBC endpoint of the "bench" profile (same stack, no Axon), and plain Axon (same
# stack and command path, a rule-less aggregate, no projections; PlainAxonBaseline). It also runs the application with
# its event processors stopped, then measures what the projections cost per event while they catch up. See
# BENCHMARKS.md.
# Knobs: UNITS=128 CLIENTS=16 DUR=10 (s per measurement) WARM=10 ROUNDS=2 PROFILE=0 (1: JFR of the app's run)
#        DIAG=1 (which tables and indexes PostgreSQL read rows from) SKIP_BUILD=1 (use the jar as built)
NAME=command-path
source "$(dirname "$0")/lib.sh"
UNITS="${UNITS:-128}"; CLIENTS="${CLIENTS:-16}"; DUR="${DUR:-10}"; WARM="${WARM:-10}"; ROUNDS="${ROUNDS:-2}"
start_with_units "$UNITS"
sql "CREATE TABLE bench_pg_event (LIKE bench_bare_event INCLUDING ALL)"

run_wrk() { # prefix valueBase seconds
  wrk -t2 -c"$CLIENTS" -d"$3"s --timeout 10s -s bench/report.lua "$BASE" -- "$WORK/units.txt" "$1" "$2" 2 \
    | grep '^WRK'
}
recorded() { sql "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.Report%'"; }
# PostgreSQL's own counters for this database: committed transactions and rows written (statistics lag ~0.5 s).
db_work() { sleep 1; sql "SELECT xact_commit || ' ' || (tup_inserted + tup_updated + tup_deleted) || ' ' || tup_fetched
  FROM pg_stat_database WHERE datname = current_database()"; }
# CPU time (ms) used so far by the app's JVM and by all PostgreSQL processes, from /proc (utime + stime).
cpu_ms() {
  local tck; tck=$(getconf CLK_TCK)
  local pg; pg=$(for p in $(pgrep -x postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done \
    | awk '{s += $1} END {print s + 0}')
  local app; app=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
  awk -v a="$app" -v p="$pg" -v t="$tck" 'BEGIN{printf "%d %d", a * 1000 / t, p * 1000 / t}'
}
cpu_per_request() { # before after requests -> "JVM x ms + PostgreSQL y ms"
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN{split(b,x," "); split(a,y," ");
    printf "JVM %.2f ms + PostgreSQL %.2f ms", (y[1]-x[1])/n, (y[2]-x[2])/n}'; }
per_request() { # before after requests -> "tx, rows written, rows read per request"
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN{split(b,x," "); split(a,y," ");
    printf "%.2f tx, %.1f rows written, %.0f rows read", (y[1]-x[1])/n, (y[2]-x[2])/n, (y[3]-x[3])/n}'; }
bare_rows() { sql "SELECT count(*) FROM bench_bare_event"; }
plain_rows() { sql "SELECT count(*) FROM bench_axon_event"; }

echo "warm-up ${WARM}s each (not counted)"
run_wrk /api/v1/bench 100000000000 "$WARM" >/dev/null
run_wrk /api/v1/bench-axon 100000000000 "$WARM" >/dev/null
run_wrk /api/v1 100000000000 "$WARM" >/dev/null
PLEN=$(sql "SELECT round(avg(length(payload))) FROM domain_event_entry WHERE payload_type LIKE '%ReportCorrected'")
MLEN=$(sql "SELECT round(avg(length(meta_data))) FROM domain_event_entry WHERE payload_type LIKE '%ReportCorrected'")

{
  echo "== Command path ($(date -u +%FT%TZ)) =="
  machine
  echo "$UNITS units, $CLIENTS concurrent clients (wrk -t2 -c$CLIENTS), ${DUR}s per measurement, $ROUNDS round(s)"
  echo "ReportCorrected rows: payload $PLEN B, metadata $MLEN B (pgbench rows use the same lengths)"
} | tee "$REPORT"

for r in $(seq 1 "$ROUNDS"); do
  PG=$(pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$DUR" -f bench/pg-insert.sql -D plen="$PLEN" -D mlen="$MLEN" \
        "$DB" 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  B0=$(bare_rows); BW0=$(db_work); BC0=$(cpu_ms)
  BARE=$(run_wrk /api/v1/bench "$((r * 2))00000000000" "$DUR")
  BC1=$(cpu_ms); B1=$(bare_rows); BW1=$(db_work)
  P0=$(plain_rows); PW0=$(db_work); PC0=$(cpu_ms)
  PLAIN=$(run_wrk /api/v1/bench-axon "$((r * 2))00000000000" "$DUR")
  PC1=$(cpu_ms); P1=$(plain_rows); PW1=$(db_work)
  A0=$(recorded); AW0=$(db_work); AC0=$(cpu_ms)
  if [ "${PROFILE:-0}" = 1 ] && [ "$r" = 1 ]; then
    jcmd "$APP_PID" JFR.start name=bench settings=profile duration="${DUR}s" filename="$OUT/$NAME.jfr" >/dev/null
  fi
  APP=$(run_wrk /api/v1 "$((r * 2 + 1))00000000000" "$DUR")
  await_projections # let the projections catch up, so all their work is counted
  AC1=$(cpu_ms); A1=$(recorded); AW1=$(db_work)
  # The same load with this node's event processors stopped (the request path alone), then what the projections
  # cost per event while they catch up with the backlog it left.
  curl -fsS -u "ops:$ADMIN_PW" -X POST "$BASE/api/v1/bench-processors/stop" >/dev/null
  N0=$(recorded); NC0=$(cpu_ms)
  NOPROJ=$(run_wrk /api/v1 "$((r * 2 + 1))50000000000" "$DUR")
  NC1=$(cpu_ms); N1=$(recorded)
  curl -fsS -u "ops:$ADMIN_PW" -X POST "$BASE/api/v1/bench-processors/start" >/dev/null
  CATCH_START=$(date +%s.%N)
  await_projections
  CATCH_SECONDS=$(awk -v s="$CATCH_START" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e - s}')
  NC2=$(cpu_ms)
  if [ "${DIAG:-0}" = 1 ]; then # which tables and indexes read the rows
    sql "SELECT relname || ' ' || indexrelname || ' ' || idx_tup_read || ' ' || idx_tup_fetch FROM pg_stat_user_indexes
         WHERE idx_tup_read > 1000 ORDER BY idx_tup_read DESC" | tee -a "$REPORT"
    sql "SELECT relname || ' seq_tup_read=' || seq_tup_read || ' seq_scan=' || seq_scan FROM pg_stat_user_tables
         WHERE seq_tup_read > 1000 ORDER BY seq_tup_read DESC" | tee -a "$REPORT"
  fi
  BR=$(field ok_rate "$BARE"); AR=$(field ok_rate "$APP"); PR=$(field ok_rate "$PLAIN")
  {
    echo "-- round $r"
    echo "pgbench single-row insert tx/s:   $PG"
    echo "bare JDBC endpoint:  $BARE  rows_inserted=$((B1 - B0))"
    echo "plain Axon endpoint: $PLAIN  events_recorded=$((P1 - P0))"
    echo "application (Axon):  $APP  events_recorded=$((A1 - A0))"
    echo "PostgreSQL work per accepted request: bare $(per_request "$BW0" "$BW1" "$((B1 - B0))"); plain Axon $(per_request "$PW0" "$PW1" "$((P1 - P0))"); app (with projections) $(per_request "$AW0" "$AW1" "$((A1 - A0))")"
    echo "CPU per accepted request: bare $(cpu_per_request "$BC0" "$BC1" "$((B1 - B0))"); plain Axon $(cpu_per_request "$PC0" "$PC1" "$((P1 - P0))"); app (with projections) $(cpu_per_request "$AC0" "$AC1" "$((A1 - A0))")"
    echo "application, event processors stopped during the run: $NOPROJ  events_recorded=$((N1 - N0))"
    echo "CPU per accepted request with the processors stopped: $(cpu_per_request "$NC0" "$NC1" "$((N1 - N0))")"
    echo "projections catching up with those $((N1 - N0)) events afterwards: CPU per event $(cpu_per_request "$NC1" "$NC2" "$((N1 - N0))") (${CATCH_SECONDS}s, polled each second)"
    echo "accepted reports/s: app $AR, plain Axon $PR, bare $BR, pgbench $PG"
    echo "RATIO app/bare = $(ratio "$AR" "$BR")   (target >= 0.5)"
    echo "RATIO plain Axon/bare = $(ratio "$PR" "$BR")   (Axon's own command path, no rules, no projections)"
    echo "RATIO app/plain Axon = $(ratio "$AR" "$PR")"
    echo "RATIO app with its processors stopped/bare = $(ratio "$(field ok_rate "$NOPROJ")" "$BR")   (a bound: the projections' work deferred, not done)"
    echo "RATIO app/pgbench = $(ratio "$AR" "$PG")"
    echo "RATIO bare/pgbench = $(ratio "$BR" "$PG")"
    echo "p99 app/bare = $(ratio "$(field p99 "$APP")" "$(field p99 "$BARE")")"
    echo "target 3000 accepted/s: $(awk -v a="$AR" 'BEGIN{print (a >= 3000 ? "met" : "NOT met")}')"
  } | tee -a "$REPORT"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$REPORT"
echo "report: $REPORT"
