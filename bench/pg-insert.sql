-- pgbench script of bench/command-path.sh: one event-shaped row per transaction (autocommit), the payload and
-- metadata as long as the application's own ReportCorrected rows (-D plen=... -D mlen=...).
\set seq random(1, 9000000000000000)
INSERT INTO bench_pg_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
    payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'participation-bench-' || :client_id, :seq, 'Participation', now()::text,
    'vn.thidua.domain.participation.ReportCorrected', NULL, convert_to(repeat('x', :plen), 'UTF8'),
    convert_to(repeat('m', :mlen), 'UTF8'));
