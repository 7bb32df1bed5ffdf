-- How many events of the campaign the stored table was computed from (its launch included). The live projection
-- keeps each open campaign folded in memory and trusts that fold only while this count matches its own, so a
-- table written meanwhile by another node, a replay or a rolled-back batch is noticed and the fold reloaded.
-- Tables written before this column existed have NULL: their campaign is reloaded once.
ALTER TABLE league_table_campaign ADD COLUMN events_applied BIGINT;
