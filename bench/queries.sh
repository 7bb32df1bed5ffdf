#!/usr/bin/env bash
# Queries: GET league-table and GET unit-progress at a fixed request rate (open loop, latency from each request's
# intended start, so no coordinated omission), next to a baseline measured in the same run at the same rate: the
# bare GET of the "bench" profile (same stack and Basic auth, one single-row JDBC SELECT, no Axon query bus).
# Knobs: UNITS=64 REPORTS=3 RATES="1000 100" (req/s, one pass each) DUR=10 WARM=3 SKIP_BUILD=1
NAME=queries
source "$(dirname "$0")/lib.sh"
UNITS="${UNITS:-64}"; REPORTS="${REPORTS:-3}"; RATES="${RATES:-1000 100}"; DUR="${DUR:-10}"; WARM="${WARM:-3}"
start_with_units "$UNITS"
client fill "$BASE" "$WORK/units.txt" 0 "$UNITS" "$REPORTS" 8
await_projections
CAMPAIGN=$(head -1 "$WORK/units.txt" | cut -d' ' -f1)
OPS="Basic $(printf 'ops:%s' "$ADMIN_PW" | base64 -w0)"
PROGRESS=()
while read -r c u _; do PROGRESS+=("/api/v1/campaigns/$c/progress/$u"); done < "$WORK/units.txt"
ROWS=$(curl -fsS -u "ops:$ADMIN_PW" "$BASE/api/v1/campaigns/$CAMPAIGN/league-table" \
       | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["rows"]))')
{
  echo "== Queries ($(date -u +%FT%TZ)) =="
  machine
  echo "campaign $CAMPAIGN: $UNITS units, 6 indicators, $REPORTS report versions per unit; league table has $ROWS rows"
  echo "open loop (32 keep-alive connections, BenchClient's own blocking HTTP/1.1 client) at $RATES req/s, ${DUR}s each after a ${WARM}s warm-up at the same rate"
} | tee "$REPORT"
# The issue's rate first; then a lower one this machine can serve, so latencies are not only queueing.
for RATE in $RATES; do
  BARE=$(client rate "$BASE" "$OPS" "$RATE" "$DUR" "$WARM" bare /api/v1/bench/ping | grep '^RESULT')
  LEAGUE=$(client rate "$BASE" "$OPS" "$RATE" "$DUR" "$WARM" league-table \
           "/api/v1/campaigns/$CAMPAIGN/league-table" | grep '^RESULT')
  PROG=$(client rate "$BASE" "$OPS" "$RATE" "$DUR" "$WARM" unit-progress "${PROGRESS[@]}" | grep '^RESULT')
  {
    echo "-- $RATE req/s"
    echo "$BARE"; echo "$LEAGUE"; echo "$PROG"
    echo "league-table p99 = $(field p99 "$LEAGUE") ms (target <= 5 ms: $(awk -v p="$(field p99 "$LEAGUE")" \
         -v e="$(field errors "$LEAGUE")" 'BEGIN{print (p <= 5 && p > 0 && e == 0 ? "met" : "NOT met")}'))"
    echo "RATIO league-table/bare p50 = $(ratio "$(field p50 "$LEAGUE")" "$(field p50 "$BARE")"), p99 = $(ratio "$(field p99 "$LEAGUE")" "$(field p99 "$BARE")")"
    echo "RATIO unit-progress/bare p50 = $(ratio "$(field p50 "$PROG")" "$(field p50 "$BARE")"), p99 = $(ratio "$(field p99 "$PROG")" "$(field p99 "$BARE")")"
    echo "answered within 10 s: bare $(field rate "$BARE")/s, league-table $(field rate "$LEAGUE")/s, unit-progress $(field rate "$PROG")/s (asked $RATE/s; errors = failed, timed out or not sent)"
    echo "load generator's own CPU during each run (cores busy, 1 = one core): bare $(field clientcores "$BARE"), league-table $(field clientcores "$LEAGUE"), unit-progress $(field clientcores "$PROG")"
  } | tee -a "$REPORT"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$REPORT"
echo "report: $REPORT"
