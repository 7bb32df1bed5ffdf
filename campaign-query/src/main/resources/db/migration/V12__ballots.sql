-- Secret ballots (README, "Secret ballot: threat model").
--
-- The ballot box: one row per vote cast, holding the choices only. Its key is a random id (SecureRandom UUID), read
-- back in the order of that key; there is deliberately no time, no sequence, no user and no unit here, so a row says
-- how some voter voted and nothing about which. It is written in its own transaction, after the one that records
-- BallotVoted, and emptied when the ballot closes (the tally event then holds the ballots in random order).
CREATE TABLE ballot_box (
    slot_id   VARCHAR(36)   NOT NULL PRIMARY KEY,
    ballot_id VARCHAR(64)   NOT NULL,
    choices   VARCHAR(8000) NOT NULL
);
CREATE INDEX ballot_box_ballot ON ballot_box (ballot_id, slot_id);

-- The ballots read model (projection "ballots"): what a ballot is, who voted (public), the tally once closed.
CREATE TABLE ballot_view (
    generation  INTEGER         NOT NULL,
    ballot_id   VARCHAR(64)     NOT NULL,
    campaign_id VARCHAR(64)     NOT NULL,
    title       VARCHAR(1000)   NOT NULL,
    closes_at   VARCHAR(40)     NOT NULL,
    candidates  VARCHAR(100000) NOT NULL,
    eligible    VARCHAR(100000) NOT NULL,
    status      VARCHAR(10)     NOT NULL,
    results     VARCHAR(100000),
    PRIMARY KEY (generation, ballot_id)
);
CREATE INDEX ballot_view_campaign ON ballot_view (generation, campaign_id);

CREATE TABLE ballot_voter (
    generation INTEGER     NOT NULL,
    ballot_id  VARCHAR(64) NOT NULL,
    unit_code  VARCHAR(40) NOT NULL,
    PRIMARY KEY (generation, ballot_id, unit_code)
);

INSERT INTO projection_state (name, active_generation, status) VALUES ('ballots', 0, 'LIVE');
