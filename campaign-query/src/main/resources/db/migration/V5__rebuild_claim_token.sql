-- A rebuild's claim on a projection: every later step of that rebuild presents it, so a rebuild that lost its claim
-- to a newer one can neither switch generations nor clean up after itself.
ALTER TABLE projection_state ADD COLUMN rebuild_token VARCHAR(64);
