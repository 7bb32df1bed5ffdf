-- Whether the unit of a league-table row has at least one counted value (LeagueRow.counted): a unit without one is
-- shown as not ranked yet. NULL on rows stored before this column, read as counted (their meaning then).
ALTER TABLE league_table_row ADD COLUMN counted BOOLEAN;
