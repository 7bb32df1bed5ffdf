#!/usr/bin/env bash
# Smoke check of the "bench" profile (seconds, not a benchmark): builds, starts the application jar with the bench
# jar (as every bench script does), and sends one request to the bare GET and one to each PUT baseline.
# Knobs: SKIP_BUILD=1 (use the jars as built)
NAME=smoke
source "$(dirname "$0")/lib.sh"
build
start_app
echo "bare GET: $(curl -fsS -u "ops:$ADMIN_PW" "$BASE/api/v1/bench/ping")"
BODY='{"values":{"a":1},"reason":"smoke"}'
for base in /api/v1/bench /api/v1/bench-axon; do
  echo "PUT $base: $(curl -fsS -u "ops:$ADMIN_PW" -X PUT -H 'Content-Type: application/json' -d "$BODY" \
    "$BASE$base/campaigns/c1/reports/u1/Q1")"
done
echo "bench tables: $(sql "SELECT string_agg(table_name || '=' || (xpath('/row/c/text()', query_to_xml(
  'SELECT count(*) AS c FROM ' || table_name, false, true, '')))[1]::text, ' ' ORDER BY table_name)
  FROM information_schema.tables WHERE table_name LIKE 'bench%'")"
