-- Tamper evidence: a hash chain over the stored events, in the order they were sealed (see README, "Integrity").
-- One row per sealed event: chain_seq is the chain's own order (1, 2, ...), the event's global_index and
-- identifier name it, hash is the hex SHA-256 over the event's stored columns and the previous row's hash.
-- No foreign key to domain_event_entry: a removed event must leave its chain row behind as evidence.

CREATE TABLE event_chain (
    chain_seq        BIGINT       NOT NULL PRIMARY KEY,
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    hash             VARCHAR(64)  NOT NULL,
    CONSTRAINT event_chain_position UNIQUE (global_index)
);
