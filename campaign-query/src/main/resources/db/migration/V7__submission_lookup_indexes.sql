-- The audit projection asks, for every event, for the previous version of the same submission (stream and
-- period) before the event's position, and the progress projection replaces one period of one unit. Without
-- these indexes both scanned every row of the unit's stream (or the table's key backwards), so their cost grew
-- with the length of a unit's history; measured in bench/command-path.sh with DIAG=1 (BENCHMARKS.md).
CREATE INDEX IF NOT EXISTS audit_entry_submission ON audit_entry (generation, aggregate_id, period_code, position);
CREATE INDEX IF NOT EXISTS progress_value_period ON progress_value (generation, campaign_id, unit_code, period_code);
-- IF NOT EXISTS: on a large PostgreSQL audit trail an operator may build them beforehand with CREATE INDEX
-- CONCURRENTLY under the same names, so this migration does not block writers while it runs.
