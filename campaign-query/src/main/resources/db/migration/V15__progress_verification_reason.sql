-- Cross-inspection: who verified a period's values and, for a changed value, why.
ALTER TABLE progress_value ADD COLUMN verified_by VARCHAR(64);
ALTER TABLE progress_value ADD COLUMN reason VARCHAR(4000);
