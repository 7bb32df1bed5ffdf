#!/usr/bin/env bash
# Growth: report latency on participations with a short history (~10 events) vs a long one (~1,000 events), one
# client, sequential requests alternating the two kinds, each a recorded correction. The long histories are made
# by copying the unit's own last ReportCorrected row in SQL (same stream, next sequence numbers), so the app loads
# them through its snapshots (every 50 events) exactly as it would a history it wrote itself; the first loads after
# the copy take the snapshots and are part of the warm-up. See BENCHMARKS.md.
# Knobs: SMALL=40 BIG=2 EVENTS=1000 PER_SIDE=400 WARMUP=100 SKIP_BUILD=1
NAME=growth
source "$(dirname "$0")/lib.sh"
SMALL="${SMALL:-40}"; BIG="${BIG:-2}"; EVENTS="${EVENTS:-1000}"; PER_SIDE="${PER_SIDE:-400}"; WARMUP="${WARMUP:-100}"
N=$((SMALL + BIG + 1))   # the last unit only takes the warm-up of the small side
start_with_units "$N"
# Small: pledge + 5 reports = 6 events before measuring; each then takes PER_SIDE/SMALL more (6 -> ~16, mean ~11).
client fill "$BASE" "$WORK/units.txt" 0 "$N" 5 8
CAMPAIGN=$(head -1 "$WORK/units.txt" | cut -d' ' -f1)
for i in $(seq "$SMALL" $((SMALL + BIG - 1))); do
  unit=$(sed -n "$((i + 1))p" "$WORK/units.txt" | cut -d' ' -f2)
  sql "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
         payload_type, payload_revision, payload, meta_data)
       SELECT gen_random_uuid()::text, e.aggregate_identifier, e.sequence_number + g, e.type, e.time_stamp,
         e.payload_type, e.payload_revision, e.payload, e.meta_data
       FROM (SELECT * FROM domain_event_entry WHERE aggregate_identifier = 'participation:$CAMPAIGN:$unit'
             ORDER BY sequence_number DESC LIMIT 1) e, generate_series(1, $((EVENTS - 6))) g"
done
await_projections
COUNTS=$(sql "SELECT min(n) || '..' || max(n) FROM (SELECT count(*) n FROM domain_event_entry
              WHERE aggregate_identifier LIKE 'participation:$CAMPAIGN:%' GROUP BY aggregate_identifier) c")
BIGCOUNTS=$(sql "SELECT string_agg(n::text, ',') FROM (SELECT count(*) n FROM domain_event_entry
              WHERE aggregate_identifier LIKE 'participation:$CAMPAIGN:%' GROUP BY aggregate_identifier
              HAVING count(*) > 100) c")
{
  echo "== Growth ($(date -u +%FT%TZ)) =="
  machine
  echo "$SMALL small participations (6 events before, ~$((6 + PER_SIDE / SMALL)) after), $BIG large ($BIGCOUNTS events);" \
       "events per participation $COUNTS; snapshots every 50 events"
  echo "$PER_SIDE sequential corrections per side, alternating, after $WARMUP warm-up pairs"
} | tee "$REPORT"
# growth args: small units [0,SMALL) ; large units [SMALL, SMALL+BIG)
R=$(client growth "$BASE" "$WORK/units.txt" 0 "$SMALL" "$SMALL" $((SMALL + BIG)) "$PER_SIDE" "$WARMUP")
S=$(grep '^RESULT small' <<<"$R"); L=$(grep '^RESULT large' <<<"$R")
SNAP=$(sql "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier LIKE 'participation:$CAMPAIGN:%'")
{
  echo "$S"; echo "$L"
  echo "RATIO large/small p50 = $(ratio "$(field p50 "$L")" "$(field p50 "$S")"), p90 = $(ratio "$(field p90 "$L")" "$(field p90 "$S")"), p99 = $(ratio "$(field p99 "$L")" "$(field p99 "$S")")   (target <= 1.1)"
  echo "snapshots of this campaign's participations: $SNAP"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$REPORT"
echo "report: $REPORT"
