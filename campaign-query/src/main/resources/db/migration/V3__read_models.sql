-- Read models. Every row carries the generation it belongs to: a replay builds generation n+1 beside the one
-- that serves (n), then one update of projection_state switches readers over atomically.

CREATE TABLE projection_state (
    name               VARCHAR(100) NOT NULL PRIMARY KEY,
    active_generation  INTEGER      NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    rebuild_generation INTEGER,
    rebuild_position   BIGINT,
    rebuild_head       BIGINT,
    rebuild_events     BIGINT,
    heartbeat_at       BIGINT,
    started_at         VARCHAR(40),
    finished_at        VARCHAR(40),
    message            VARCHAR(2000)
);
INSERT INTO projection_state (name, active_generation, status) VALUES ('league-table', 0, 'LIVE');
INSERT INTO projection_state (name, active_generation, status) VALUES ('unit-progress', 0, 'LIVE');
INSERT INTO projection_state (name, active_generation, status) VALUES ('audit', 0, 'LIVE');

-- League table: one row per unit of a campaign under the rule version in force.
CREATE TABLE league_table_row (
    generation    INTEGER        NOT NULL,
    campaign_id   VARCHAR(64)    NOT NULL,
    unit_code     VARCHAR(40)    NOT NULL,
    rules_version INTEGER        NOT NULL,
    position      INTEGER        NOT NULL,
    rank          INTEGER        NOT NULL,
    unit_name     VARCHAR(300)   NOT NULL,
    total         DECIMAL(20, 4) NOT NULL,
    penalties     DECIMAL(20, 4) NOT NULL,
    provisional   BOOLEAN        NOT NULL,
    contents      VARCHAR(100000) NOT NULL,
    indicators    VARCHAR(100000) NOT NULL,
    PRIMARY KEY (generation, campaign_id, unit_code)
);

CREATE TABLE league_table_campaign (
    generation    INTEGER     NOT NULL,
    campaign_id   VARCHAR(64) NOT NULL,
    rules_version INTEGER     NOT NULL,
    last_position BIGINT      NOT NULL,
    computed_at   VARCHAR(40) NOT NULL,
    PRIMARY KEY (generation, campaign_id)
);

-- Unit progress: pledged targets and each period's value per indicator.
CREATE TABLE progress_target (
    generation     INTEGER        NOT NULL,
    campaign_id    VARCHAR(64)    NOT NULL,
    unit_code      VARCHAR(40)    NOT NULL,
    indicator_code VARCHAR(40)    NOT NULL,
    target         DECIMAL(30, 8) NOT NULL,
    PRIMARY KEY (generation, campaign_id, unit_code, indicator_code)
);

CREATE TABLE progress_value (
    generation     INTEGER        NOT NULL,
    campaign_id    VARCHAR(64)    NOT NULL,
    unit_code      VARCHAR(40)    NOT NULL,
    indicator_code VARCHAR(40)    NOT NULL,
    period_code    VARCHAR(40)    NOT NULL,
    reported       DECIMAL(30, 8) NOT NULL,
    verified       DECIMAL(30, 8),
    status         VARCHAR(20)    NOT NULL,
    late           BOOLEAN        NOT NULL,
    at             VARCHAR(40)    NOT NULL,
    position       BIGINT         NOT NULL,
    PRIMARY KEY (generation, campaign_id, unit_code, indicator_code, period_code)
);

-- Audit trail: every event, who and when, and what it changed against the previous version of the submission.
CREATE TABLE audit_entry (
    generation     INTEGER      NOT NULL,
    position       BIGINT       NOT NULL,
    at             VARCHAR(40)  NOT NULL,
    at_millis      BIGINT       NOT NULL,
    type           VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    sequence       BIGINT       NOT NULL,
    campaign_id    VARCHAR(64),
    unit_code      VARCHAR(40),
    period_code    VARCHAR(40),
    actor_user     VARCHAR(100),
    actor_unit     VARCHAR(40),
    actor_role     VARCHAR(40),
    correlation_id VARCHAR(200),
    payload        VARCHAR(1000000) NOT NULL,
    changes        VARCHAR(1000000),
    PRIMARY KEY (generation, position)
);
CREATE INDEX audit_entry_campaign ON audit_entry (generation, campaign_id, position);
CREATE INDEX audit_entry_unit ON audit_entry (generation, unit_code, position);
CREATE INDEX audit_entry_stream ON audit_entry (generation, aggregate_id, sequence);
